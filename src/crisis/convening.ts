/**
 * The rules of convening the crisis group (issue 7, part 3), pure: who is due to be escalated to their substitute,
 * whether a planned meeting misses the fixed deadline and whether the deadline was met, the text of the invitation
 * mails, and the working-day calendar's non-working days ahead (for the settings page's preview).
 */
import { danishDateOf, danishDateTime } from '../time/copenhagen.js';
import { addDays, nonWorkingReason, type ClosingDay } from '../time/working-days.js';
import { LEVEL_NAMES, type CrisisLevel } from './levels.js';

/** A convened person's answer: not yet, coming, or not coming. */
export type ConveningResponse = 'afventer' | 'kommer' | 'kommer_ikke';
export const CONVENING_RESPONSES: readonly ConveningResponse[] = ['afventer', 'kommer', 'kommer_ikke'];
export const RESPONSE_NAMES: Record<ConveningResponse, string> = { afventer: 'Har ikke svaret', kommer: 'Kommer', kommer_ikke: 'Kan ikke komme' };

export function isConveningResponse(value: unknown): value is ConveningResponse {
  return typeof value === 'string' && (CONVENING_RESPONSES as readonly string[]).includes(value);
}

/** An answer a person can give (not «afventer»). */
export type GivenResponse = Exclude<ConveningResponse, 'afventer'>;
export function isGivenResponse(value: unknown): value is GivenResponse {
  return value === 'kommer' || value === 'kommer_ikke';
}

/** How long a crisis meeting is put in the calendars: the plan names no length, two hours is a working meeting. */
export const MEETING_DURATION_MINUTES = 120;

/** What the escalation rule needs of a participant. */
export interface EscalationCandidate {
  memberId: string | null;
  adHoc: boolean;
  invitedAt: string | null;
  response: ConveningResponse;
  escalatedAt: string | null;
  escalatedFromId: string | null;
}

/**
 * When a principal member who has not answered is to be escalated to their substitute: the set number of minutes
 * after they were invited. Null for anyone who is never escalated: ad-hoc participants, substitutes (already the
 * escalation), those who have answered, those not invited, and those escalated already.
 */
export function escalationDueAt(p: EscalationCandidate, minutes: number): Date | null {
  if (p.adHoc || p.memberId === null || p.escalatedFromId !== null || p.escalatedAt !== null) return null;
  if (p.response !== 'afventer' || p.invitedAt === null) return null;
  return new Date(new Date(p.invitedAt).getTime() + minutes * 60_000);
}

export function isEscalationDue(p: EscalationCandidate, minutes: number, now: Date): boolean {
  const at = escalationDueAt(p, minutes);
  return at !== null && at.getTime() <= now.getTime();
}

/** A planned meeting that starts after the fixed deadline (a meeting exactly at the deadline meets it). */
export function meetingAfterDeadline(plannedAt: string | null, deadlineAt: string): boolean {
  return plannedAt !== null && new Date(plannedAt).getTime() > new Date(deadlineAt).getTime();
}

/** The warning shown on the page and given in the API when the planned meeting misses the deadline. */
export function lateMeetingWarning(plannedAt: string, deadlineAt: string): string {
  return `Det planlagte møde (${danishDateTime(plannedAt)}) ligger efter fristen ${danishDateTime(deadlineAt)}. Beredskabsplanen kræver, at gruppen mødes inden fristen.`;
}

export type DeadlineOutcome = 'overholdt' | 'overskredet' | 'aaben';
export const DEADLINE_OUTCOME_NAMES: Record<DeadlineOutcome, string> = { overholdt: 'Fristen er overholdt', overskredet: 'Fristen er overskredet', aaben: 'Fristen løber' };

/** Whether the deadline was met: the meeting held by the deadline, held after it or not held once it passed. */
export function deadlineOutcome(deadlineAt: string, meetingHeldAt: string | null, now: Date): DeadlineOutcome {
  const deadline = new Date(deadlineAt).getTime();
  if (meetingHeldAt !== null) return new Date(meetingHeldAt).getTime() <= deadline ? 'overholdt' : 'overskredet';
  return now.getTime() > deadline ? 'overskredet' : 'aaben';
}

/** What an invitation mail says about the incident. */
export interface InvitationFacts {
  kind: 'invitation' | 'update' | 'meeting' | 'escalation';
  recipientName: string;
  incidentLabel: string;
  level: CrisisLevel;
  areaName: string;
  situation: string;
  description: string;
  deadlineAt: string;
  meetingPlannedAt: string | null;
  meetingLocation: string | null;
  answerUrl: string;
  /** For an escalation: whom the recipient stands in for. */
  standsInFor?: string;
}

const LEVEL_WORDS: Record<CrisisLevel, string> = { gul: 'gult', roed: 'rødt' };

/** The subject and text of a mail to a convened person, in Danish, with the deadline and the personal answer link. */
export function invitationMail(f: InvitationFacts): { subject: string; text: string } {
  const level = LEVEL_NAMES[f.level].toLowerCase();
  const deadline = danishDateTime(f.deadlineAt);
  const subject =
    f.kind === 'update'
      ? `Beredskab, ${level}: ny frist for mødet ${deadline} (${f.incidentLabel})`
      : f.kind === 'meeting'
        ? `Beredskab, ${level}: mødet ${f.meetingPlannedAt ? danishDateTime(f.meetingPlannedAt) : ''} (${f.incidentLabel})`
        : `Indkaldelse til beredskabsgruppen, ${level}: mødes senest ${deadline} (${f.incidentLabel})`;
  const lead =
    f.kind === 'update'
      ? `Niveauet for ${f.incidentLabel} er nu ${LEVEL_WORDS[f.level]}, og fristen for beredskabsgruppens møde er ændret.`
      : f.kind === 'meeting'
        ? `Beredskabsgruppens møde om ${f.incidentLabel} er planlagt eller ændret.`
        : f.kind === 'escalation'
          ? `Beredskabet er aktiveret på ${LEVEL_WORDS[f.level]} niveau. ${f.standsInFor ?? 'Det ordinære medlem'} har ikke svaret på indkaldelsen, så du indkaldes som suppleant.`
          : `Beredskabet er aktiveret på ${LEVEL_WORDS[f.level]} niveau, og du indkaldes til beredskabsgruppens møde.`;
  const lines = [
    `Kære ${f.recipientName}`,
    '',
    lead,
    '',
    `Hændelse: ${f.incidentLabel}`,
    `Niveau: ${LEVEL_NAMES[f.level]}`,
    `Område: ${f.areaName}`,
    `Situation: ${f.situation}`,
    `Beskrivelse: ${f.description}`,
    `Gruppen skal mødes senest: ${deadline}`,
  ];
  if (f.meetingPlannedAt) lines.push(`Mødet: ${danishDateTime(f.meetingPlannedAt)}${f.meetingLocation ? `, ${f.meetingLocation}` : ''}`);
  lines.push(
    '',
    'Svar her, om du kommer («Jeg kommer» eller «Jeg kan ikke komme»):',
    f.answerUrl,
    '',
    'Linket er personligt. Brug linket i den seneste e-mail; et link fra en tidligere e-mail virker ikke længere.',
    '',
    'Venlig hilsen',
    'Helhed, beredskabsplanen',
  );
  return { subject, text: lines.join('\n') };
}

/** A non-working day in the calendar preview, with its reason (a holiday's name or «lukkedag»). */
export interface NonWorkingDay {
  date: string;
  reason: string;
}

/**
 * The weekdays of the coming period that are no working days: public holidays and closing days, with their reason.
 */
export function nonWorkingDaysAhead(from: Date, closingDays: readonly ClosingDay[], days = 366): NonWorkingDay[] {
  const start = danishDateOf(from);
  const found: NonWorkingDay[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(start, i);
    const reason = nonWorkingReason(date, closingDays);
    // Saturdays and Sundays are never working days; only the weekdays the calendar takes out are worth listing.
    if (reason !== null && reason !== 'lørdag' && reason !== 'søndag') found.push({ date, reason });
  }
  return found;
}

/** Closing days as typed in the settings form: separated by new lines, commas or spaces. */
export function splitClosingDays(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}
