/**
 * The meeting cadence of the plan's bodies and a year's calendar generated from it (issue 6). Pure: the governance
 * service stores the generated meetings, lets the secretariat move them, and shows `cadenceWarnings` for what is kept.
 *
 * The plan's rules (helhedsplan-randers-2025-29.ocr.txt):
 * - the board meets twice a year at fixed meetings, spring and autumn, about three weeks after the steering group
 *   (lines 3213-3216), and at least twice a year on strategic agendas (lines 3218-3220);
 * - the steering group meets three times a year, spring, summer and autumn; the spring and autumn meetings are about
 *   three weeks before the board's (lines 3339-3340).
 *
 * The plan names seasons, not dates. Helhed's defaults, which the secretariat changes per meeting: Tuesdays at 14:00,
 * the board's fixed meetings on the last Tuesday of May and of November, its strategic ones on the last Tuesday of
 * February and of September, the steering group's summer meeting on the third Tuesday of June (before the school
 * summer holiday), and its spring and autumn meetings three weeks before the board's. A default that falls on a
 * holiday or closing day moves to the next working day.
 */
import { addDays, daysBetween, nextWorkingDay, nonWorkingReason, type ClosingDay, DEFAULT_CLOSING_DAYS } from '../time/working-days.js';

export type BodySlug = 'bestyrelse' | 'styregruppe';

/** Which of a body's yearly meetings a meeting is. */
export type MeetingKind = 'forår' | 'sommer' | 'efterår' | 'strategisk';

export interface PlannedMeeting {
  body: BodySlug;
  kind: MeetingKind;
  /** ISO date. */
  date: string;
  /** Local time, `HH:MM`. */
  startsAt: string;
}

/** What the plan asks of a year, written once. */
export const CADENCE = {
  /** «ca. tre uger»: the steering group's spring and autumn meetings before the board's. */
  leadDays: 21,
  /** Below this the steering group's recommendations cannot reasonably reach the board (issue 6). */
  minimumLeadDays: 14,
  /** Above this «ca. tre uger» is no longer kept, and the board would decide on an old picture. */
  maximumLeadDays: 42,
  minimumStrategicBoardMeetings: 2,
  fixedBoardMeetings: ['forår', 'efterår'] as const,
  steeringMeetings: ['forår', 'sommer', 'efterår'] as const,
} as const;

const MEETING_TIME = '14:00';
const TUESDAY = 2;

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function lastWeekdayOf(year: number, month: number, weekday: number): string {
  const last = Date.UTC(year, month, 0);
  const back = (new Date(last).getUTCDay() - weekday + 7) % 7;
  return iso(last - back * DAY_MS);
}

function nthWeekdayOf(year: number, month: number, weekday: number, n: number): string {
  const first = Date.UTC(year, month - 1, 1);
  const ahead = (weekday - new Date(first).getUTCDay() + 7) % 7;
  return iso(first + (ahead + (n - 1) * 7) * DAY_MS);
}

/**
 * The year's meetings as the plan's cadence and Helhed's defaults place them, board and steering group, in date order.
 *
 * @param closingDays recurring closing days (`MM-DD`) that a meeting must avoid besides weekends and holidays
 */
export function generateYearCalendar(year: number, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): PlannedMeeting[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Året skal være et helt tal mellem 2000 og 2100, ikke ${year}.`);
  const on = (date: string) => nextWorkingDay(date, closingDays);
  const boardSpring = on(lastWeekdayOf(year, 5, TUESDAY));
  const boardAutumn = on(lastWeekdayOf(year, 11, TUESDAY));
  // Three weeks before the board, or the working day before that if it is none: the lead must not shrink.
  const before = (board: string) => {
    let date = addDays(board, -CADENCE.leadDays);
    while (nonWorkingReason(date, closingDays) !== null) date = addDays(date, -1);
    return date;
  };
  const meetings: PlannedMeeting[] = [
    { body: 'bestyrelse', kind: 'strategisk', date: on(lastWeekdayOf(year, 2, TUESDAY)), startsAt: MEETING_TIME },
    { body: 'bestyrelse', kind: 'forår', date: boardSpring, startsAt: MEETING_TIME },
    { body: 'bestyrelse', kind: 'strategisk', date: on(lastWeekdayOf(year, 9, TUESDAY)), startsAt: MEETING_TIME },
    { body: 'bestyrelse', kind: 'efterår', date: boardAutumn, startsAt: MEETING_TIME },
    { body: 'styregruppe', kind: 'forår', date: before(boardSpring), startsAt: MEETING_TIME },
    { body: 'styregruppe', kind: 'sommer', date: on(nthWeekdayOf(year, 6, TUESDAY, 3)), startsAt: MEETING_TIME },
    { body: 'styregruppe', kind: 'efterår', date: before(boardAutumn), startsAt: MEETING_TIME },
  ];
  return meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.body < b.body ? -1 : 1));
}

export interface CadenceWarning {
  /** The meeting the warning is about, when it is about one. */
  meeting?: PlannedMeeting;
  /** Danish, for the secretariat, naming dates and the plan's rule. */
  message: string;
}

const dateText = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatDate = (date: string) => dateText.format(new Date(`${date}T00:00:00Z`));
const BODY_NAMES: Record<BodySlug, string> = { bestyrelse: 'Bestyrelsens', styregruppe: 'Styregruppens' };

/**
 * Where a year's meetings break the plan's cadence: a fixed meeting missing, fewer than two strategic board meetings,
 * a steering-group meeting less than two weeks (or more than six) before the board's meeting of the same season, or
 * after it, and a meeting on a day that is no working day.
 */
export function cadenceWarnings(year: number, meetings: readonly PlannedMeeting[], closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): CadenceWarning[] {
  const warnings: CadenceWarning[] = [];
  const ofYear = meetings.filter((m) => m.date.startsWith(`${year}-`));
  const find = (body: BodySlug, kind: MeetingKind) => ofYear.filter((m) => m.body === body && m.kind === kind);

  for (const kind of CADENCE.fixedBoardMeetings) {
    if (find('bestyrelse', kind).length === 0) warnings.push({ message: `Bestyrelsens faste ${kind}smøde ${year} mangler; planen kræver et forårs- og et efterårsmøde.` });
  }
  const strategic = find('bestyrelse', 'strategisk').length;
  if (strategic < CADENCE.minimumStrategicBoardMeetings) {
    warnings.push({ message: `Bestyrelsen har ${strategic} strategiske møder i ${year}; planen kræver mindst ${CADENCE.minimumStrategicBoardMeetings} om året.` });
  }
  for (const kind of CADENCE.steeringMeetings) {
    if (find('styregruppe', kind).length === 0) warnings.push({ message: `Styregruppens faste ${kind}smøde ${year} mangler; planen kræver møder forår, sommer og efterår.` });
  }
  for (const kind of CADENCE.fixedBoardMeetings) {
    const board = find('bestyrelse', kind)[0];
    const steering = find('styregruppe', kind)[0];
    if (!board || !steering) continue;
    const lead = daysBetween(steering.date, board.date);
    if (lead <= 0) {
      warnings.push({
        meeting: steering,
        message: `Styregruppens ${kind}smøde (${formatDate(steering.date)}) ligger ikke før bestyrelsens (${formatDate(board.date)}); planen lægger det ca. tre uger før, så styregruppens indstillinger kan nå bestyrelsen.`,
      });
    } else if (lead < CADENCE.minimumLeadDays) {
      warnings.push({
        meeting: steering,
        message: `Styregruppens ${kind}smøde (${formatDate(steering.date)}) ligger kun ${lead} dage før bestyrelsens (${formatDate(board.date)}); planen lægger det ca. tre uger før, og under to uger kan indstillingerne ikke nå at blive forelagt.`,
      });
    } else if (lead > CADENCE.maximumLeadDays) {
      warnings.push({
        meeting: steering,
        message: `Styregruppens ${kind}smøde (${formatDate(steering.date)}) ligger ${lead} dage før bestyrelsens (${formatDate(board.date)}); planen lægger det ca. tre uger før.`,
      });
    }
  }
  for (const meeting of ofYear) {
    const reason = nonWorkingReason(meeting.date, closingDays);
    if (reason) warnings.push({ meeting, message: `${BODY_NAMES[meeting.body]} ${meeting.kind === 'strategisk' ? 'strategiske møde' : `${meeting.kind}smøde`} ${formatDate(meeting.date)} ligger på en dag, der ikke er en arbejdsdag (${reason}).` });
  }
  return warnings;
}
