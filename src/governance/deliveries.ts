/**
 * Data deliveries before a steering-group meeting (issue 6, item 3): the rules that need no database. Each member of
 * the steering group delivers data before its meetings for the progress report (helhedsplan-randers-2025-29.ocr.txt,
 * lines 3345-3347), which the secretariat collects (lines 3368-3370); the plan gives no deadline, so Helhed's default
 * is `DEFAULT_DEADLINE_WORKING_DAYS` working days before the meeting, which leaves the secretariat a week or two to
 * assemble the report and send it out with the agenda.
 */
import type { FieldError } from '../errors/errors.js';
import { longDanishDate, parseIsoDate } from '../time/copenhagen.js';
import { addDays, DEFAULT_CLOSING_DAYS, isWorkingDay, type ClosingDay } from '../time/working-days.js';

/** Working days between the deadline and the meeting when the secretariat does not choose another. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 10;

/** The most a narrative may hold: about a page, which is what a steering group reads per activity. */
export const NARRATIVE_MAX_LENGTH = 2000;

/** A request's state as the secretariat follows it. */
export type DeliveryStatus = 'afventer' | 'leveret' | 'leveret for sent' | 'overskredet';

/**
 * The state of a request on a Danish date: delivered on or before the deadline (a whole day, Danish time) is
 * «leveret», after it «leveret for sent»; not delivered is «afventer» until the deadline has passed, then
 * «overskredet».
 *
 * @param deliveredOn the Danish date the request was delivered, or null
 * @param today the Danish date today
 */
export function deliveryStatus(deadline: string, deliveredOn: string | null, today: string): DeliveryStatus {
  if (deliveredOn !== null) return deliveredOn > deadline ? 'leveret for sent' : 'leveret';
  return today > deadline ? 'overskredet' : 'afventer';
}

/** Whether a request still counts as missing (requested and not delivered). */
export function isOutstanding(status: DeliveryStatus): boolean {
  return status === 'afventer' || status === 'overskredet';
}

/** The date `count` working days before a date (the date itself not counted). */
export function subtractWorkingDays(isoDate: string, count: number, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Antallet af arbejdsdage skal være et helt tal på mindst 0, ikke ${count}.`);
  let day = isoDate;
  let left = count;
  while (left > 0) {
    day = addDays(day, -1);
    if (isWorkingDay(day, closingDays)) left--;
  }
  return day;
}

/**
 * The deadline offered for a meeting: `DEFAULT_DEADLINE_WORKING_DAYS` working days before it, or today when that has
 * already passed (a request made late still gets a deadline it can be met by, and the secretariat may move it).
 */
export function defaultDeadline(meetingDate: string, today: string, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): string {
  const deadline = subtractWorkingDays(meetingDate, DEFAULT_DEADLINE_WORKING_DAYS, closingDays);
  return deadline < today ? today : deadline;
}

/**
 * What is wrong with a deadline for a meeting, as errors on `field`: it must be a date, not in the past, and before
 * the meeting's day (a delivery on the day of the meeting cannot reach the report).
 */
export function deadlineProblems(deadline: string, meetingDate: string, today: string, field = 'deadline'): FieldError[] {
  if (!parseIsoDate(deadline)) return [{ field, message: `Fristen skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2026-04-21, ikke «${deadline}».` }];
  if (deadline < today) return [{ field, message: `Fristen ${danishDate(deadline)} er overskredet allerede. Vælg en dato fra i dag (${danishDate(today)}).` }];
  if (deadline >= meetingDate) return [{ field, message: `Fristen skal ligge før mødet ${danishDate(meetingDate)}, ikke ${danishDate(deadline)}.` }];
  return [];
}

/** What is wrong with a narrative, as errors on `field`. */
export function narrativeProblems(narrative: string, field = 'narrative'): FieldError[] {
  if (narrative.length > NARRATIVE_MAX_LENGTH) {
    return [{ field, message: `Beskrivelsen må højst være ${NARRATIVE_MAX_LENGTH.toLocaleString('da-DK')} tegn; den er ${narrative.length.toLocaleString('da-DK')}.` }];
  }
  return [];
}

/**
 * What an organisation's activity showed when its delivery item was saved, kept with the item so that the steering
 * group's report reads the figures as they were delivered, whatever is corrected later.
 */
export interface DeliveryFigures {
  /** The instant the figures were read. */
  capturedAt: string;
  /** The plan year they cover, e.g. 2025/26. */
  planYear: string;
  /** The organisation's agreed hours for the activity against the hours it reported in the plan year. */
  hours: {
    organisation: string;
    /** The plan's wording of the agreement. */
    printed: string;
    agreedPerYear: number | null;
    expectedByNow: number | null;
    delivered: number;
    status: string;
  }[];
  /** The activity's targets with what was delivered, small counts of persons already suppressed. */
  outputs: {
    code: string;
    measure: string;
    printed: string;
    delivered: string;
    status: string;
    text: string | null;
  }[];
  /** The activity's milestones with their status and flag. */
  milestones: {
    title: string;
    dueDate: string;
    owner: string;
    status: string;
    flag: string | null;
    reason: string | null;
  }[];
}

/** Reads stored figures back; null for none or for text that is not a figures object. */
export function parseFigures(json: string | null): DeliveryFigures | null {
  if (json === null || json === '') return null;
  try {
    const value = JSON.parse(json) as Partial<DeliveryFigures>;
    if (typeof value !== 'object' || value === null || !Array.isArray(value.hours) || !Array.isArray(value.outputs) || !Array.isArray(value.milestones)) return null;
    return value as DeliveryFigures;
  } catch {
    return null;
  }
}

/** A date in Danish words: «21. april 2026». */
export const danishDate = longDanishDate;

/** A plain-text e-mail: what the mailer sends. */
export interface MailText {
  subject: string;
  text: string;
}

interface MailFacts {
  organisation: string;
  meeting: string;
  deadline: string;
  /** The page the partner delivers on, absolute. */
  link: string;
}

const signature = ['Venlig hilsen', 'Bysekretariatet', '', 'Sendt af Helhed. Svar ikke på denne e-mail; skriv til sekretariatet, hvis du har spørgsmål.'];

/** The request an organisation's partner users get. */
export function requestMail(facts: MailFacts): MailText {
  return {
    subject: `Leverance til ${facts.meeting}: frist ${danishDate(facts.deadline)}`,
    text: [
      'Kære samarbejdspartner',
      '',
      `Styregruppen får en fremdriftsrapport til ${facts.meeting}. Vi beder ${facts.organisation} om at levere status for jeres aktiviteter i helhedsplanen senest ${danishDate(facts.deadline)}:`,
      'timer, resultater mod målene, status på milepæle og en kort beskrivelse af, hvordan det går.',
      '',
      `Aflever her: ${facts.link}`,
      '',
      ...signature,
    ].join('\n'),
  };
}

/** The reminder to an organisation that has not delivered. */
export function reminderMail(facts: MailFacts & { today: string }): MailText {
  const late = facts.today > facts.deadline;
  return {
    subject: `Påmindelse: leverance til ${facts.meeting}, frist ${danishDate(facts.deadline)}`,
    text: [
      'Kære samarbejdspartner',
      '',
      late
        ? `Fristen for ${facts.organisation}s leverance til ${facts.meeting} var ${danishDate(facts.deadline)}, og vi har ikke modtaget den. Aflever den så snart som muligt, så den kan komme med i fremdriftsrapporten.`
        : `Husk at aflevere ${facts.organisation}s leverance til ${facts.meeting} senest ${danishDate(facts.deadline)}.`,
      '',
      `Aflever her: ${facts.link}`,
      '',
      ...signature,
    ].join('\n'),
  };
}
