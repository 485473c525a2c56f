/**
 * The rules of an incident's communication plan (issue 7, part 5), pure: the vocabulary (audiences, channels,
 * statuses), the approval flow, the checks of an item's fields, and the plan suggested from the beredskabsplan's rules
 * (content/communication.ts), and the checks of a press contact.
 *
 * Nothing goes out unapproved: an item is written as a draft (kladde), submitted for approval (til_godkendelse),
 * approved (godkendt) or rejected with a reason (afvist), and only an approved item can be marked as sent (udsendt).
 * The approver is someone other than the person who submitted it (four eyes): any user with `beredskab.activate` — a
 * crisis-group member or the secretariat — except the submitter. Changing what goes out (audience, who, message,
 * channel) after submission or approval puts the item back to draft; moving only its planned time keeps the approval.
 */
import type { FieldError } from '../errors/errors.js';
import { COMMUNICATION_RULES, type CommunicationRule } from './content/communication.js';

export type Audience = CommunicationRule['audience'];
export const AUDIENCES: readonly Audience[] = ['beboere', 'medarbejdere', 'afdelingsbestyrelser', 'presse', 'andre'];
export const AUDIENCE_NAMES: Record<Audience, string> = {
  beboere: 'Beboere',
  medarbejdere: 'Medarbejdere',
  afdelingsbestyrelser: 'Afdelingsbestyrelser',
  presse: 'Presse',
  andre: 'Andre',
};
export const isAudience = (value: unknown): value is Audience => typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);

export type Channel = CommunicationRule['channel'];
export const CHANNELS: readonly Channel[] = ['opslag', 'sms', 'email', 'beboermoede', 'hjemmeside', 'pressemeddelelse', 'telefon', 'moede', 'andet'];
export const CHANNEL_NAMES: Record<Channel, string> = {
  opslag: 'Opslag i opgangen',
  sms: 'SMS',
  email: 'E-mail',
  beboermoede: 'Beboermøde',
  hjemmeside: 'Hjemmeside/Facebook',
  pressemeddelelse: 'Pressemeddelelse',
  telefon: 'Telefon',
  moede: 'Møde eller personlig orientering',
  andet: 'Andet (skriv hvilken i beskeden)',
};
export const isChannel = (value: unknown): value is Channel => typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

export type CommunicationStatus = 'kladde' | 'til_godkendelse' | 'godkendt' | 'afvist' | 'udsendt';
export const COMMUNICATION_STATUSES: readonly CommunicationStatus[] = ['kladde', 'til_godkendelse', 'godkendt', 'afvist', 'udsendt'];
export const STATUS_NAMES: Record<CommunicationStatus, string> = {
  kladde: 'Kladde',
  til_godkendelse: 'Til godkendelse',
  godkendt: 'Godkendt',
  afvist: 'Afvist',
  udsendt: 'Udsendt',
};
export const isCommunicationStatus = (value: unknown): value is CommunicationStatus =>
  typeof value === 'string' && (COMMUNICATION_STATUSES as readonly string[]).includes(value);

export const MAX_MESSAGE = 4000;
export const MAX_LABEL = 200;
export const MAX_REASON = 1000;

/** What the approval rules need of an item. */
export interface ApprovalState {
  status: CommunicationStatus;
  submittedByUserId: string | null;
}

/** Why an action is refused, in Danish, or null when it is allowed. */
export type Refusal = string | null;

export function submitRefusal(item: ApprovalState): Refusal {
  if (item.status === 'kladde' || item.status === 'afvist') return null;
  if (item.status === 'til_godkendelse') return 'Punktet venter allerede på godkendelse.';
  if (item.status === 'godkendt') return 'Punktet er allerede godkendt.';
  return 'Punktet er udsendt og kan ikke sendes til godkendelse igen.';
}

/**
 * Whether this user may decide (approve or reject) the item: it must await approval, and the decider must not be the
 * one who submitted it. An item submitted by no user (the system, demo data) may be decided by anyone.
 */
export function decisionRefusal(item: ApprovalState, userId: string | null): Refusal {
  if (item.status !== 'til_godkendelse') {
    return item.status === 'godkendt'
      ? 'Punktet er allerede godkendt.'
      : item.status === 'udsendt'
        ? 'Punktet er udsendt og kan ikke godkendes eller afvises.'
        : 'Punktet skal sendes til godkendelse, før det kan godkendes eller afvises.';
  }
  if (item.submittedByUserId !== null && item.submittedByUserId === userId) {
    return 'Du har selv sendt punktet til godkendelse. Et andet medlem af beredskabsgruppen eller sekretariatet skal godkende eller afvise det (fire øjne).';
  }
  return null;
}

export function sendRefusal(item: ApprovalState): Refusal {
  if (item.status === 'godkendt') return null;
  if (item.status === 'udsendt') return 'Punktet er allerede markeret som udsendt.';
  return `Punktet kan ikke markeres som udsendt, før det er godkendt. Det har status «${STATUS_NAMES[item.status]}».`;
}

export function editRefusal(item: ApprovalState): Refusal {
  return item.status === 'udsendt' ? 'Punktet er udsendt og kan ikke ændres. Opret et nyt punkt, hvis der skal kommunikeres igen.' : null;
}

export function deleteRefusal(item: ApprovalState): Refusal {
  return item.status === 'udsendt' ? 'Punktet er udsendt og kan ikke slettes; det står i hændelsens log.' : null;
}

/** An item's content, as the rules compare it. */
export interface CommunicationContent {
  audience: Audience;
  audienceDetail: string | null;
  responsibleMemberId: string | null;
  responsibleLabel: string;
  message: string;
  channel: Channel;
  plannedAt: string | null;
}

/**
 * The status an item has after an edit: a change to what goes out (anything but the planned time) puts a submitted,
 * approved or rejected item back to draft, so it needs approval again.
 */
export function statusAfterEdit(status: CommunicationStatus, before: CommunicationContent, after: CommunicationContent): CommunicationStatus {
  const changed =
    before.audience !== after.audience ||
    (before.audienceDetail ?? '') !== (after.audienceDetail ?? '') ||
    before.responsibleMemberId !== after.responsibleMemberId ||
    before.responsibleLabel !== after.responsibleLabel ||
    before.message !== after.message ||
    before.channel !== after.channel;
  return changed && status !== 'udsendt' ? 'kladde' : status;
}

/** An item as typed in a form or sent to the API, before it is checked. */
export interface CommunicationInput {
  audience: string;
  audienceDetail: string;
  /** A crisis-group member's id, or '' for a named person. */
  responsibleMemberId: string;
  /** The named person, when no member is chosen. */
  responsibleName: string;
  message: string;
  channel: string;
  /** An instant (ISO 8601), or '' for not planned. */
  plannedAt: string;
}

/** The checks that need no database; the service checks that a chosen member exists. */
export function communicationInputErrors(input: CommunicationInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isAudience(input.audience)) errors.push({ field: 'audience', message: `Vælg, hvem der skal informeres: ${AUDIENCES.map((a) => AUDIENCE_NAMES[a].toLowerCase()).join(', ')}.` });
  if (input.audienceDetail.trim().length > MAX_LABEL) errors.push({ field: 'audienceDetail', message: `Uddybningen af modtagerne må højst være ${MAX_LABEL} tegn.` });
  if (input.audience === 'andre' && input.audienceDetail.trim() === '') errors.push({ field: 'audienceDetail', message: 'Skriv, hvem «andre» er, fx skolen eller klubben.' });
  if (input.responsibleMemberId === '' && input.responsibleName.trim() === '') {
    errors.push({ field: 'responsibleMemberId', message: 'Vælg det medlem af beredskabsgruppen, der kommunikerer, eller skriv navnet på en anden person.' });
  }
  if (input.responsibleName.trim().length > MAX_LABEL) errors.push({ field: 'responsibleName', message: `Navnet må højst være ${MAX_LABEL} tegn.` });
  const message = input.message.trim();
  if (message === '') errors.push({ field: 'message', message: 'Skriv budskabet: hvad skal modtagerne vide?' });
  else if (message.length > MAX_MESSAGE) errors.push({ field: 'message', message: `Budskabet må højst være ${MAX_MESSAGE.toLocaleString('da-DK')} tegn.` });
  if (!isChannel(input.channel)) errors.push({ field: 'channel', message: `Vælg en kanal: ${CHANNELS.map((c) => CHANNEL_NAMES[c]).join(', ')}.` });
  return errors;
}

export function rejectionErrors(reason: string): FieldError[] {
  const text = reason.trim();
  if (text === '') return [{ field: 'reason', message: 'Skriv, hvorfor punktet afvises, så den ansvarlige kan rette det.' }];
  if (text.length > MAX_REASON) return [{ field: 'reason', message: `Begrundelsen må højst være ${MAX_REASON.toLocaleString('da-DK')} tegn.` }];
  return [];
}

/** A crisis-group member as the suggestions need one. */
export interface SuggestionMember {
  id: string;
  role: string;
  organisation: string;
  name: string | null;
  substituteFor: string | null;
}

/** What the suggested messages are filled in with. */
export interface SuggestionFacts {
  situation: string;
  area: string;
  level: string;
}

/** One item of the suggested plan, with the plan rule it comes from. */
export interface SuggestedItem {
  /** The rule's key, with the member's id for a rule applied to each member; a plan holds each key once. */
  suggestionKey: string;
  audience: Audience;
  audienceDetail: string | null;
  responsibleMemberId: string | null;
  responsibleLabel: string;
  message: string;
  channel: Channel;
  /** The plan's OCR lines, «3516-3518». */
  planRef: string;
  basis: string;
}

/** How a member is named as the one who communicates: «Louise Hou Kragh (Chef for bystrategisk udvikling, Bysekretariatet)». */
export function memberLabel(m: Pick<SuggestionMember, 'name' | 'role' | 'organisation'>): string {
  return m.name ? `${m.name} (${m.role}, ${m.organisation})` : `${m.role}, ${m.organisation}`;
}

export function refText(rule: Pick<CommunicationRule, 'ref'>): string {
  const [from, to] = rule.ref.lines;
  return from === to ? String(from) : `${from}-${to}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The communication plan the beredskabsplan suggests for an incident: one item per rule, the responsible member found
 * in the group by the role the plan names (principal members only; the role's name alone when no member has it any
 * longer), and an item for each remaining member's own organisation. Items whose key the incident's plan already holds
 * are left out, so suggesting twice adds nothing.
 */
export function suggestCommunicationPlan(
  members: readonly SuggestionMember[],
  facts: SuggestionFacts,
  existingKeys: ReadonlySet<string>,
  rules: readonly CommunicationRule[] = COMMUNICATION_RULES,
): SuggestedItem[] {
  const principals = members.filter((m) => m.substituteFor === null);
  const values = { situation: facts.situation, omraade: facts.area, niveau: facts.level };
  const findRole = (role: string, organisation?: string) =>
    principals.find((m) => m.role === role && (organisation === undefined || m.organisation === organisation)) ?? principals.find((m) => m.role === role);
  const covered = new Set<string>();
  for (const rule of rules) {
    if (rule.responsible.kind === 'role' && rule.audience === 'medarbejdere') {
      const m = findRole(rule.responsible.role, rule.responsible.organisation);
      if (m) covered.add(m.id);
    }
  }
  const items: SuggestedItem[] = [];
  for (const rule of rules) {
    const base = { audience: rule.audience, channel: rule.channel, planRef: refText(rule), basis: rule.basis };
    if (rule.responsible.kind === 'each-member') {
      for (const m of principals) {
        // The secretariat's head informs the boligsociale medarbejdere; the housing organisations have their own item.
        if (covered.has(m.id) || m.role === 'Chef for bystrategisk udvikling') continue;
        const memberValues = { ...values, organisation: m.organisation };
        items.push({
          ...base,
          suggestionKey: `${rule.key}:${m.id}`,
          audienceDetail: rule.audienceDetail === null ? null : fill(rule.audienceDetail, memberValues),
          responsibleMemberId: m.id,
          responsibleLabel: memberLabel(m),
          message: fill(rule.message, memberValues),
        });
      }
      continue;
    }
    let responsibleMemberId: string | null = null;
    let responsibleLabel: string;
    if (rule.responsible.kind === 'role') {
      const m = findRole(rule.responsible.role, rule.responsible.organisation);
      responsibleMemberId = m?.id ?? null;
      responsibleLabel = m ? memberLabel(m) : [rule.responsible.role, rule.responsible.organisation].filter(Boolean).join(', ');
    } else {
      responsibleLabel = rule.responsible.label;
    }
    items.push({
      ...base,
      suggestionKey: rule.key,
      audienceDetail: rule.audienceDetail === null ? null : fill(rule.audienceDetail, values),
      responsibleMemberId,
      responsibleLabel,
      message: fill(rule.message, values),
    });
  }
  return items.filter((i) => !existingKeys.has(i.suggestionKey));
}

/** The rule a suggested item came from (its key before any member id), for the page's «Efter beredskabsplanen». */
export function ruleOf(suggestionKey: string | null, rules: readonly CommunicationRule[] = COMMUNICATION_RULES): CommunicationRule | undefined {
  if (suggestionKey === null) return undefined;
  const key = suggestionKey.split(':')[0];
  return rules.find((r) => r.key === key);
}

/** A press contact as the form and the API give it. */
export interface PressContactInput {
  organisation: string;
  position: string;
  name: string;
  phone: string;
  email: string;
}

const PHONE = /^\+?[0-9][0-9 ]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The press contact's problems, by field. */
export function pressContactErrors(input: PressContactInput): FieldError[] {
  const errors: FieldError[] = [];
  const required = (field: 'organisation' | 'position', what: string) => {
    const v = input[field].trim();
    if (v === '') errors.push({ field, message: `Skriv ${what}.` });
    else if (v.length > MAX_LABEL) errors.push({ field, message: `Feltet må højst være ${MAX_LABEL} tegn.` });
  };
  required('organisation', 'organisationen, fx Randers Kommune');
  required('position', 'stillingen, fx Vicepolitiinspektør');
  if (input.name.trim().length > MAX_LABEL) errors.push({ field: 'name', message: `Navnet må højst være ${MAX_LABEL} tegn.` });
  const phone = input.phone.trim();
  if (phone !== '' && !PHONE.test(phone)) errors.push({ field: 'phone', message: `Telefonnummeret skal være cifre, evt. med mellemrum og + foran, fx 29 13 69 59, ikke «${phone}».` });
  const email = input.email.trim();
  if (email !== '' && (!EMAIL.test(email) || email.length > MAX_LABEL)) errors.push({ field: 'email', message: `E-mailadressen skal have formen navn@domæne.dk, ikke «${email}».` });
  return errors;
}
