/**
 * The crisis group's rules (issue 7, part A), pure: when a member's contact data counts as not confirmed, when the
 * twice-yearly reminder campaign is due, what a successor must state, and how long an e-mailed confirmation link
 * lives. The plan puts the duty to keep the data current on the members and makes a member's organisation name a
 * successor when someone leaves (plan lines 3444-3447), so no one leaves the group without someone in their place.
 */
import type { FieldError } from '../errors/errors.js';
import { danishDateOf, localToInstant, parseIsoDate } from '../time/copenhagen.js';

/** An e-mailed confirmation link answers for this many days, once. */
export const CONTACT_LINK_DAYS = 30;

/** Whether a member's contact data is confirmed within the period, has not been for too long, or never was. */
export type ContactState = 'bekraeftet' | 'forfalden' | 'aldrig';

export const CONTACT_STATE_LABELS: Record<ContactState, string> = {
  bekraeftet: 'Bekræftet',
  forfalden: 'Ikke bekræftet i for lang tid',
  aldrig: 'Aldrig bekræftet',
};

export interface ContactStatus {
  state: ContactState;
  /** The Danish date from which the data counts as not confirmed (null when never confirmed). */
  staleFrom: string | null;
}

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** A month's Danish name, 1 = «januar». */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** A Danish date plus whole months, on the same day of the month or the month's last day when it has no such day. */
export function addMonths(isoDate: string, months: number): string {
  const d = parseIsoDate(isoDate);
  if (!d) throw new Error(`not a date: ${isoDate}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d.day, last)).padStart(2, '0')}`;
}

/**
 * A member's contact status on a day: confirmed at an instant, the data counts as not confirmed from the same Danish
 * date `staleAfterMonths` months later (confirmed 10 March 2025, stale from 10 March 2026 at twelve months).
 */
export function contactStatus(confirmedAt: string | null, now: Date, staleAfterMonths: number): ContactStatus {
  if (!confirmedAt) return { state: 'aldrig', staleFrom: null };
  const staleFrom = addMonths(danishDateOf(new Date(confirmedAt)), staleAfterMonths);
  return { state: danishDateOf(now) >= staleFrom ? 'forfalden' : 'bekraeftet', staleFrom };
}

export interface CampaignDue {
  due: boolean;
  /** The first day (Danish date) of the latest campaign month that has begun, or null when none is set. */
  monthStart: string | null;
  /** «marts 2026». */
  monthLabel: string | null;
}

/**
 * Whether the reminder campaign is due: a campaign month has begun (its first day, Copenhagen time) and no campaign
 * has been started since. Looks back at most a year, so one missed month is named, not every one before it.
 */
export function campaignDue(now: Date, campaignMonths: readonly number[], campaignStarts: readonly string[]): CampaignDue {
  const today = parseIsoDate(danishDateOf(now))!;
  let latest: { year: number; month: number } | null = null;
  for (const month of campaignMonths) {
    if (!Number.isInteger(month) || month < 1 || month > 12) continue;
    const year = month <= today.month ? today.year : today.year - 1;
    if (!latest || year * 12 + month > latest.year * 12 + latest.month) latest = { year, month };
  }
  if (!latest) return { due: false, monthStart: null, monthLabel: null };
  const start = localToInstant(latest.year, latest.month, 1);
  const since = campaignStarts.some((s) => new Date(s).getTime() >= start.getTime());
  return { due: !since, monthStart: `${latest.year}-${String(latest.month).padStart(2, '0')}-01`, monthLabel: `${monthName(latest.month)} ${latest.year}` };
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[0-9 ()-]{3,20}$/;
const MAX_TEXT = 200;

export interface ContactInput {
  phone: string;
  email: string;
}

/** The problems with a phone number and an e-mail address, by field, in Danish; empty values are allowed here. */
export function contactProblems(input: { phone: string | null; email: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (input.phone && !PHONE.test(input.phone)) errors.push({ field: 'phone', message: `Telefonnummeret må kun indeholde cifre, mellemrum og +, fx 4214 8600, ikke «${input.phone}».` });
  if (input.email && (!EMAIL.test(input.email) || input.email.length > MAX_TEXT)) errors.push({ field: 'email', message: `E-mailadressen skal skrives som navn@domæne.dk, ikke «${input.email}».` });
  return errors;
}

export interface SuccessorInput {
  name: string;
  phone: string;
  email: string;
  position?: string | null;
}

/**
 * What a successor must state: the name, a phone number and an e-mail address, so the group can reach the new member
 * from the first day (the role and organisation are the predecessor's and cannot differ).
 */
export function successorProblems(input: SuccessorInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.name.trim() === '') errors.push({ field: 'name', message: 'Skriv efterfølgerens navn.' });
  else if (input.name.length > MAX_TEXT) errors.push({ field: 'name', message: `Navnet må højst være ${MAX_TEXT} tegn.` });
  if (input.phone.trim() === '') errors.push({ field: 'phone', message: 'Skriv efterfølgerens telefonnummer.' });
  if (input.email.trim() === '') errors.push({ field: 'email', message: 'Skriv efterfølgerens e-mailadresse.' });
  errors.push(...contactProblems({ phone: input.phone.trim() || null, email: input.email.trim() || null }));
  if (input.position && input.position.length > MAX_TEXT) errors.push({ field: 'position', message: `Stillingen må højst være ${MAX_TEXT} tegn.` });
  return errors;
}

/** Why a member cannot simply be removed, or null when they can: a principal needs a successor, a substitute does not. */
export function removalRefusal(member: { substituteFor: string | null }): string | null {
  return member.substituteFor === null
    ? 'Et medlem af beredskabsgruppen kan ikke fjernes uden en efterfølger. Brug «Udskift» under Beredskab → Beredskabsgruppen, og angiv efterfølgerens navn, telefon og e-mail.'
    : null;
}

/** When a link sent now stops answering. */
export function linkExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CONTACT_LINK_DAYS * 24 * 60 * 60 * 1000);
}

/** Whether a confirmation link still answers: not answered and not expired. */
export function linkUsable(request: { answeredAt: string | null; expiresAt: string }, now: Date): boolean {
  return request.answeredAt === null && new Date(request.expiresAt).getTime() > now.getTime();
}
