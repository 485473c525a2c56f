/**
 * The rules of courses (forløb, hold), their sessions (mødegange) and attendance, with no I/O: course codes, the
 * weekly schedule a new course can be given, what a session's registration state is, how attendance statuses are
 * read, and how a course compares with the plan's targets per course («10-12 undervisningsgange», «seks mødegange»,
 * «ca. 8 uger», «ca. 10 unge pr. gruppe»).
 */
import type { ActivityTarget } from '../plan/content/types.js';
import { parseIsoDate } from '../time/copenhagen.js';

/** What a participant's attendance at a session can be. */
export const ATTENDANCE_STATUSES = ['mødt', 'afbud', 'udeblevet'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { mødt: 'Mødt', afbud: 'Afbud', udeblevet: 'Udeblevet' };

/** The most sessions one course can be given at once (a year of weekly meetings). */
export const MAX_GENERATED_SESSIONS = 52;

const STATUS_WORDS: Record<string, AttendanceStatus> = {
  mødt: 'mødt',
  moedt: 'mødt',
  modt: 'mødt',
  fremmødt: 'mødt',
  m: 'mødt',
  ja: 'mødt',
  afbud: 'afbud',
  a: 'afbud',
  'meldt afbud': 'afbud',
  udeblevet: 'udeblevet',
  u: 'udeblevet',
  'ikke mødt': 'udeblevet',
  nej: 'udeblevet',
};

/** Reads a status as people write it in a spreadsheet or send it over the API («Mødt», «moedt», «A»), or null. */
export function parseAttendanceStatus(text: string): AttendanceStatus | null {
  return STATUS_WORDS[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

const CODE = /^[A-Z0-9ÆØÅ][A-Z0-9ÆØÅ._-]{1,39}$/;

/**
 * A course code as stored: trimmed and in capitals (`brand-2025e` is `BRAND-2025E`), or why it cannot be one. Codes
 * are typed on phones and in spreadsheets, so case is not significant.
 */
export function normaliseCourseCode(text: string): string | { error: string } {
  const code = text.trim().toUpperCase();
  if (code === '') return { error: 'Skriv en kode for forløbet, fx BRAND-2025E.' };
  if (!CODE.test(code)) return { error: `Koden «${text.trim()}» kan ikke bruges: brug 2-40 bogstaver, tal og bindestreger, fx BRAND-2025E.` };
  return code;
}

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  const d = parseIsoDate(isoDate);
  if (!d) throw new RangeError(`«${isoDate}» er ikke en dato på formen ÅÅÅÅ-MM-DD.`);
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday 1 … Sunday 7 (ISO), as Danes count the week. */
export function isoWeekday(isoDate: string): number {
  const d = new Date(dayNumber(isoDate) * DAY_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

export const WEEKDAY_NAMES = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;

/**
 * The dates of `count` weekly sessions on a weekday (1 Monday … 7 Sunday), the first on or after the start date.
 * Without a weekday the start date's own weekday is used.
 */
export function weeklySessionDates(startDate: string, count: number, weekday?: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_SESSIONS) throw new RangeError(`Antal mødegange skal være 1-${MAX_GENERATED_SESSIONS}.`);
  const start = dayNumber(startDate);
  const wanted = weekday ?? isoWeekday(startDate);
  const first = start + ((wanted - isoWeekday(startDate) + 7) % 7);
  return Array.from({ length: count }, (_, i) => isoOf(first + i * 7));
}

/** Whole weeks a course spans, counting its first and last session's weeks: 8 weekly meetings span 8 weeks. */
export function weeksSpanned(first: string, last: string): number {
  return Math.floor((dayNumber(last) - dayNumber(first)) / 7) + 1;
}

/** Where a session stands for registration on a given day. */
export type SessionState = 'aflyst' | 'kommende' | 'mangler' | 'registreret';

export const SESSION_STATE_LABELS: Record<SessionState, string> = {
  aflyst: 'Aflyst',
  kommende: 'Kommende',
  mangler: 'Mangler registrering',
  registreret: 'Registreret',
};

/**
 * A session lacks registration once its day has come and nobody on the roster has a status for it; a cancelled
 * session needs none, and a later one cannot have any yet.
 */
export function sessionState(session: { heldOn: string; cancelled: boolean; registered: number }, today: string): SessionState {
  if (session.cancelled) return 'aflyst';
  if (session.registered > 0) return 'registreret';
  return session.heldOn > today ? 'kommende' : 'mangler';
}

/** What a target per course counts, when Helhed can count it. */
export type CourseMeasure = 'sessions' | 'weeks' | 'participants';

/**
 * Which of a course's figures a target per course is about, read from the plan's own words for what is counted
 * («undervisningsgange pr. forløb», «uger pr. forløb», «unge pr. gruppe»); null for what Helhed does not record
 * (the hours of a first-aid course).
 */
export function courseMeasureOf(target: Pick<ActivityTarget, 'measure'>): CourseMeasure | null {
  const m = target.measure.toLowerCase();
  if (/gange\b|mødegange|møder pr\. forløb/.test(m)) return 'sessions';
  if (/^uger\b|\buger pr\./.test(m)) return 'weeks';
  if (/pr\. (gruppe|hold|forløb)/.test(m) && /unge|børn|deltagere|familier|elever|kvinder|mødre/.test(m)) return 'participants';
  return null;
}

export type CourseTargetStatus = 'passer' | 'under' | 'over' | 'ikke målbar';

export interface CourseTargetCheck {
  code: string;
  printed: string;
  measure: string;
  /** The course's own figure for the measure, or null when Helhed does not record it. */
  actual: number | null;
  status: CourseTargetStatus;
  /** One Danish line, e.g. «10 planlagte mødegange; planen siger 10-12: passer». */
  text: string;
}

const APPROXIMATE_TOLERANCE = 0.1;

/** The course's figure against one target per course; «ca. N» allows 10 % either way, as for outputs. */
export function checkCourseTarget(target: ActivityTarget, figures: Record<CourseMeasure, number | null>): CourseTargetCheck {
  const measure = courseMeasureOf(target);
  const actual = measure ? figures[measure] : null;
  const base = { code: target.code, printed: target.printed, measure: target.measure };
  if (measure === null || actual === null) {
    return { ...base, actual: null, status: 'ikke målbar', text: 'Registreres ikke i Helhed.' };
  }
  let low = -Infinity;
  let high = Infinity;
  let wording = '';
  switch (target.kind) {
    case 'minimum':
      low = target.min ?? target.value ?? 0;
      wording = `mindst ${low}`;
      break;
    case 'maximum':
      high = target.max ?? target.value ?? Infinity;
      wording = `højst ${high}`;
      break;
    case 'range':
      low = target.min ?? -Infinity;
      high = target.max ?? Infinity;
      wording = `${target.min}-${target.max}`;
      break;
    case 'approximate': {
      const v = target.value ?? 0;
      low = Math.floor(v * (1 - APPROXIMATE_TOLERANCE));
      high = Math.ceil(v * (1 + APPROXIMATE_TOLERANCE));
      wording = `ca. ${v}`;
      break;
    }
    case 'exact':
      low = high = target.value ?? 0;
      wording = `${low}`;
      break;
  }
  const status: CourseTargetStatus = actual < low ? 'under' : actual > high ? 'over' : 'passer';
  const what = { sessions: 'planlagte mødegange', weeks: 'uger', participants: 'på holdet' }[measure!];
  const verdict = { passer: 'passer', under: 'færre end planen', over: 'flere end planen', 'ikke målbar': '' }[status];
  return { ...base, actual, status, text: `${actual} ${what}; planen siger ${wording}: ${verdict}.` };
}
