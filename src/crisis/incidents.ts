/**
 * The rules of activating the beredskabsplan and of what follows (issue 7, part 2). Pure: the incidents service
 * passes the plan's areas, the clock and the reader's access, and stores what these functions accept.
 *
 * The plan's rules (helhedsplan-randers-2025-29.ocr.txt):
 * - every member of the crisis group may activate the plan at yellow or red; others turn to a member (lines 3452-3456,
 *   3497). Helhed lets the secretariat record an activation on behalf of a member or another named party, since it is
 *   the secretariat's head who is called and invites everyone (lines 3454-3456);
 * - before activation the police should be contacted to assess the situation and the level; if neither of the group's
 *   police contacts answers, Østjyllands Politi's duty officer is called on 114 (lines 3498-3504).
 *
 * Helhed's reading where the plan is silent: red («helt akutte situationer», line 3407) is never held up by a police
 * assessment still to come, and the assessment is recorded afterwards; yellow (foregribende, a meeting within three
 * working days) leaves time to consult the police first, so a yellow activation needs the consultation recorded: the
 * police's assessment, or that the duty officer was called. A member may activate at another level than the police
 * assessed; both are kept.
 */
import type { FieldError } from '../errors/errors.js';
import { danishDateTime, localToInstant, parseInstantWithOffset } from '../time/copenhagen.js';
import {
  ASSESSED_LEVEL_NAMES,
  isCrisisLevel,
  POLICE_FALLBACK_PHONE,
  situationType,
  type AssessedLevel,
  type CrisisLevel,
  type PoliceStatus,
} from './levels.js';

/** The value that stands for an incident of several areas or the whole plan (stored as no area). */
export const SEVERAL_AREAS = 'flere';
export const SEVERAL_AREAS_LABEL = 'Flere områder / hele helhedsplanen';

export const MAX_DESCRIPTION = 4000;
export const MAX_NAME = 200;
export const MAX_REASON = 2000;
/** A police consultation recorded as more than this long before it was recorded is most likely a typing error. */
export const MAX_CONSULTATION_AGE_DAYS = 30;
/** Clocks on phones drift; a consultation a few minutes «in the future» is accepted as now. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** Level names inside a sentence: «på rødt niveau». */
export const LEVEL_ADJECTIVES: Record<CrisisLevel, string> = { gul: 'gult', roed: 'rødt' };

/** How the police were consulted, as a form or the API gives it, before it is checked. */
export interface PoliceInput {
  status: string;
  /** Who assessed the situation, or who answered on 114. */
  contact?: string | null;
  /** ISO 8601 with an offset, or a Danish local time `YYYY-MM-DDTHH:MM` (as a phone's date-time field sends it). */
  contactedAt?: string | null;
  /** gul, roed or ingen; may be left out when the duty officer gave no assessment. */
  assessedLevel?: string | null;
}

/** A police consultation as it is stored. */
export interface PoliceConsultation {
  status: PoliceStatus;
  contact: string | null;
  contactedAt: string | null;
  assessedLevel: AssessedLevel | null;
}

export interface ActivationInput {
  /** An area's slug, or `flere` (or null) for several areas or the whole plan. */
  areaSlug: string | null;
  level: string;
  situationType: string;
  description: string;
  police: PoliceInput;
  /** Only the secretariat: the member (by id) or the named party it activates for. */
  onBehalfOf?: { memberId?: string | null; name?: string | null } | null;
}

export interface Activation {
  areaSlug: string | null;
  level: CrisisLevel;
  situationType: string;
  description: string;
  police: PoliceConsultation;
  onBehalfOf: { memberId: string } | { name: string } | null;
}

/** Reads a time the police were contacted: ISO 8601 with an offset, or Danish local `YYYY-MM-DDTHH:MM[:SS]`. */
export function parseContactTime(value: string): Date | null {
  const text = value.trim();
  const withOffset = parseInstantWithOffset(text);
  if (withOffset) return withOffset;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return localToInstant(year, month, day, hour, minute, second);
}

/** Danish local time `YYYY-MM-DDTHH:MM` of an instant, as a date-time field shows it. */
export function localInputValue(instant: Date): string {
  return localInputFormat.format(instant).replace(' ', 'T');
}
// Swedish writes dates and times the ISO way, «2026-03-28 20:30»; built once, as Intl formatters are costly.
const localInputFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const trimmed = (value: string | null | undefined) => (value ?? '').trim();

/**
 * Checks a police consultation. `level` is the level the incident will have (activation) or has (recording a pending
 * assessment afterwards, where `afventer` is no answer at all). Fields are named as in the API (`police.contact`).
 */
export function checkPolice(
  input: PoliceInput,
  context: { level: CrisisLevel | null; now: Date; afterwards?: boolean },
): { errors: FieldError[]; value: PoliceConsultation | null } {
  const errors: FieldError[] = [];
  const status = input.status;
  if (status !== 'vurderet' && status !== 'vagtchef' && status !== 'afventer') {
    errors.push({ field: 'police.status', message: 'Vælg, hvordan politiet er inddraget: politiet har vurderet situationen, vagtchefen er ringet op på 114, eller vurderingen afventer.' });
    return { errors, value: null };
  }
  if (status === 'afventer') {
    if (context.afterwards) {
      errors.push({ field: 'police.status', message: 'Vælg, om politiet har vurderet situationen, eller om vagtchefen er ringet op på 114.' });
    } else if (context.level === 'gul') {
      errors.push({
        field: 'police.status',
        message: 'Ved gult niveau skal politiet kontaktes før aktivering: registrér politiets vurdering, eller at vagtchefen er ringet op på 114. Kun rødt niveau kan aktiveres, mens vurderingen afventer.',
      });
    }
    return { errors, value: errors.length ? null : { status, contact: null, contactedAt: null, assessedLevel: null } };
  }
  const contact = trimmed(input.contact);
  if (contact === '') {
    errors.push({
      field: 'police.contact',
      message: status === 'vurderet' ? 'Skriv, hvem hos politiet der har vurderet situationen.' : `Skriv, hvem der svarede på ${POLICE_FALLBACK_PHONE} (vagtchefens navn, eller «vagtchefen»).`,
    });
  } else if (contact.length > MAX_NAME) {
    errors.push({ field: 'police.contact', message: `Navnet på politiets kontakt må højst være ${MAX_NAME} tegn.` });
  }
  let contactedAt: string | null = null;
  const when = trimmed(input.contactedAt);
  if (when === '') {
    errors.push({ field: 'police.contactedAt', message: 'Skriv, hvornår politiet blev kontaktet (dato og klokkeslæt).' });
  } else {
    const instant = parseContactTime(when);
    if (!instant) {
      errors.push({ field: 'police.contactedAt', message: `Tidspunktet for kontakten til politiet «${when}» er ikke et gyldigt tidspunkt. Skriv dato og klokkeslæt, fx 2026-03-28T20:10.` });
    } else if (instant.getTime() > context.now.getTime() + CLOCK_SLACK_MS) {
      errors.push({ field: 'police.contactedAt', message: `Kontakten til politiet kan ikke ligge efter nu (${danishDateTime(context.now)}).` });
    } else if (context.now.getTime() - instant.getTime() > MAX_CONSULTATION_AGE_DAYS * 86_400_000) {
      errors.push({ field: 'police.contactedAt', message: `Kontakten til politiet ligger mere end ${MAX_CONSULTATION_AGE_DAYS} dage tilbage (${danishDateTime(instant)}). Tjek datoen.` });
    } else {
      contactedAt = new Date(Math.min(instant.getTime(), context.now.getTime())).toISOString();
    }
  }
  const assessed = trimmed(input.assessedLevel);
  let assessedLevel: AssessedLevel | null = null;
  if (assessed === '') {
    if (status === 'vurderet') errors.push({ field: 'police.assessedLevel', message: 'Vælg det niveau, politiet vurderede: gult, rødt eller ingen aktivering nødvendig.' });
  } else if (assessed === 'gul' || assessed === 'roed' || assessed === 'ingen') {
    assessedLevel = assessed;
  } else {
    errors.push({ field: 'police.assessedLevel', message: 'Politiets vurdering skal være gult niveau, rødt niveau eller ingen aktivering nødvendig.' });
  }
  return { errors, value: errors.length ? null : { status, contact, contactedAt, assessedLevel } };
}

/**
 * Checks an activation. `areaSlugs` are the plan's areas; `maySpeakForOthers` whether the activator is the secretariat
 * (or an administrator), who may and, without a member row of their own, must name whom they activate for.
 */
export function checkActivation(
  input: ActivationInput,
  context: { areaSlugs: readonly string[]; memberIds: readonly string[]; now: Date; maySpeakForOthers: boolean; isMember: boolean },
): { errors: FieldError[]; value: Activation | null } {
  const errors: FieldError[] = [];
  const area = input.areaSlug === null ? SEVERAL_AREAS : trimmed(input.areaSlug);
  if (area === '') errors.push({ field: 'areaSlug', message: 'Vælg det område, situationen er i, eller «flere områder / hele helhedsplanen».' });
  else if (area !== SEVERAL_AREAS && !context.areaSlugs.includes(area)) {
    errors.push({ field: 'areaSlug', message: `Området «${area}» findes ikke i planen. Vælg et af planens boligområder, eller «flere områder / hele helhedsplanen».` });
  }
  const level = isCrisisLevel(input.level) ? input.level : null;
  if (!level) errors.push({ field: 'level', message: 'Vælg beredskabsniveau: gult (foregribende) eller rødt (akut).' });
  const type = situationType(trimmed(input.situationType));
  if (!type) errors.push({ field: 'situationType', message: 'Vælg situationens type, eller «Andet», og beskriv den.' });
  const description = trimmed(input.description);
  if (description === '') {
    errors.push({ field: 'description', message: type?.key === 'andet' ? 'Beskriv situationen: med «Andet» skal beskrivelsen sige, hvad der er sket.' : 'Beskriv situationen kort: hvad er sket, hvor og hvornår.' });
  } else if (description.length > MAX_DESCRIPTION) {
    errors.push({ field: 'description', message: `Beskrivelsen må højst være ${MAX_DESCRIPTION} tegn; den er ${description.length}.` });
  }
  const police = checkPolice(input.police ?? { status: '' }, { level, now: context.now });
  errors.push(...police.errors);

  let onBehalfOf: Activation['onBehalfOf'] = null;
  const memberId = trimmed(input.onBehalfOf?.memberId);
  const name = trimmed(input.onBehalfOf?.name);
  if (memberId !== '' && name !== '') {
    errors.push({ field: 'onBehalfOf', message: 'Vælg enten et medlem af beredskabsgruppen eller skriv navnet på en anden part, ikke begge.' });
  } else if (memberId !== '') {
    if (!context.memberIds.includes(memberId)) errors.push({ field: 'onBehalfOf', message: 'Det valgte medlem findes ikke i beredskabsgruppen.' });
    else onBehalfOf = { memberId };
  } else if (name !== '') {
    if (name.length > MAX_NAME) errors.push({ field: 'onBehalfOf', message: `Navnet på den part, der aktiveres på vegne af, må højst være ${MAX_NAME} tegn.` });
    else onBehalfOf = { name };
  } else if (context.maySpeakForOthers && !context.isMember) {
    errors.push({ field: 'onBehalfOf', message: 'Du er ikke selv medlem af beredskabsgruppen: vælg det medlem eller skriv navnet på den part, du aktiverer på vegne af.' });
  }
  if (onBehalfOf && !context.maySpeakForOthers) {
    errors.push({ field: 'onBehalfOf', message: 'Kun sekretariatet kan aktivere på vegne af en anden. Aktivér i eget navn.' });
    onBehalfOf = null;
  }

  if (errors.length > 0 || !level || !type || !police.value) return { errors, value: null };
  return {
    errors,
    value: { areaSlug: area === SEVERAL_AREAS ? null : area, level, situationType: type.key, description, police: police.value, onBehalfOf },
  };
}

/** Checks a reason for a level change or a stand-down. */
export function checkReason(reason: string | null | undefined, what: 'niveau' | 'afmelding'): FieldError[] {
  const text = trimmed(reason);
  if (text === '') {
    return [{ field: 'reason', message: what === 'niveau' ? 'Skriv, hvorfor niveauet ændres.' : 'Skriv, hvorfor beredskabet afmeldes.' }];
  }
  if (text.length > MAX_REASON) return [{ field: 'reason', message: `Begrundelsen må højst være ${MAX_REASON} tegn; den er ${text.length}.` }];
  return [];
}

/** Checks a level change: to the other level, with a reason. */
export function checkLevelChange(current: CrisisLevel, input: { level: string; reason: string | null | undefined }): { errors: FieldError[]; level: CrisisLevel | null } {
  const errors: FieldError[] = [];
  let level: CrisisLevel | null = null;
  if (!isCrisisLevel(input.level)) errors.push({ field: 'level', message: 'Vælg det nye niveau: gult eller rødt.' });
  else if (input.level === current) errors.push({ field: 'level', message: `Hændelsen er allerede på ${LEVEL_ADJECTIVES[current]} niveau. Vælg det andet niveau.` });
  else level = input.level;
  errors.push(...checkReason(input.reason, 'niveau'));
  return { errors, level: errors.length ? null : level };
}

/** The police consultation in one Danish sentence, for the log and the page. */
export function describePolice(p: PoliceConsultation): string {
  const when = p.contactedAt ? ` ${danishDateTime(p.contactedAt)}` : '';
  const assessed = p.assessedLevel ? ASSESSED_LEVEL_NAMES[p.assessedLevel].toLowerCase() : null;
  switch (p.status) {
    case 'vurderet':
      return `Politiet har vurderet situationen: ${p.contact},${when}, vurderede ${assessed}.`;
    case 'vagtchef':
      return `Politiets kontaktperson kunne ikke nås; vagtchefen er ringet op på ${POLICE_FALLBACK_PHONE}: ${p.contact} svarede${when}${assessed ? ` og vurderede ${assessed}` : ' og gav ingen vurdering'}.`;
    case 'afventer':
      return 'Politiets vurdering afventer. Rødt niveau aktiveres uden at vente på den; den registreres, når den foreligger.';
  }
}

/** How long until, or since, the fixed meeting deadline, in the words the pages use. */
export function deadlineText(left: { overdue: boolean; text: string }): string {
  return left.overdue ? `overskredet for ${left.text} siden` : `${left.text} tilbage`;
}

/** Whether the planned meeting falls after the fixed deadline. */
export function meetingAfterDeadline(incident: { meetingPlannedAt: string | null; deadlineAt: string }): boolean {
  return incident.meetingPlannedAt !== null && new Date(incident.meetingPlannedAt).getTime() > new Date(incident.deadlineAt).getTime();
}
