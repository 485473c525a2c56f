/**
 * Periods and dates as people type them in Danish spreadsheets: `2024`, `2023/24`, `planår 2025/26`, `1. halvår 2024`,
 * `2. kvartal 2024`, `marts 2024`, `31-12-2024`, `01-01-2024 – 31-12-2024` and their common variants. The import
 * calls these once per row, so answers are cached by the text as typed (a file repeats a handful of periods), and no
 * Date or Intl object is made on the way.
 */
import type { Period, PeriodKind } from './measurement.js';

/** The years a period may fall in; anything outside is a typing error, not a measurement. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

/** Month names and the abbreviations people and Excel use (`mar`, `sept`, `okt.`), to month numbers 1-12. */
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});
MONTHS.set('sept', 9);

const UNREADABLE_PERIOD = 'Skriv fx 2024, 2023/24, 2. kvartal 2024 eller 31-12-2024.';
const UNREADABLE_DATE = 'Skriv fx 31-12-2024 eller 2024-12-31.';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `2024-12-31` → `31-12-2024`, the way dates are written on screen and in labels. */
export function danishDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`;
}

/** Why a year cannot be used, or null when it can. */
function yearProblem(year: number): string | null {
  return year < FIRST_YEAR || year > LAST_YEAR ? `året ${year} ligger uden for ${FIRST_YEAR}-${LAST_YEAR}` : null;
}

type DateParts = { year: number; month: number; day: number };

/** A day checked against the calendar: the parts, or why they are no date. */
function checkDay(year: number, month: number, day: number): DateParts | string {
  const bad = yearProblem(year);
  if (bad) return bad;
  if (month < 1 || month > 12) return `der er ingen måned ${month}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return day < 1 ? `der er ingen dag ${day}` : `${MONTH_NAMES[month - 1]} ${year} har kun ${days} dage`;
  return { year, month, day };
}

// One date: 31-12-2024, 31.12.2024, 31/12/2024 (one separator throughout), 2024-12-31, 1. januar 2024, 1 jan. 2024,
// with a time of day allowed after it, as spreadsheets sometimes export dates.
const TIME = '(?:[ t]\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}(?:\\.\\d+)?)?z?)?';
const DATE_DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_WORDS = /^(\d{1,2})\.? ?([a-zæøå]+)\.? (\d{4})$/;
const DATE_WITH_TIME = new RegExp(`^(.*?)${TIME}$`);
/** Any one date form as a regular expression source; `group` is the number its separator's group will have. */
const dateSource = (group: number) => `\\d{1,2}([-./])\\d{1,2}\\${group}\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\.? ?[a-zæøå]+\\.? \\d{4}`;
// Groups: 1 the first date (2 its separator), 3 the second date (4 its separator).
const RANGE = new RegExp(`^(${dateSource(2)}) ?(?:-|til) ?(${dateSource(4)})$`);

/** A date in one of the accepted forms (already lower-cased and trimmed): its parts, why it is wrong, or null if it is no date at all. */
function readDate(s: string): DateParts | string | null {
  let m = DATE_DMY.exec(s);
  if (m) return checkDay(Number(m[4]), Number(m[3]), Number(m[1]));
  m = DATE_ISO.exec(s);
  if (m) return checkDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DATE_WORDS.exec(s);
  if (m) {
    const month = MONTHS.get(m[2]!);
    return month === undefined ? null : checkDay(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

/** Lower case, single spaces (also non-breaking ones), dashes of any length as `-`. */
function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[‐-―−]/g, '-');
}

// A bounded cache: the first entries in are the first out once it is full, so a file of many distinct strings
// cannot grow it, while the handful a file repeats stay.
const CACHE_SIZE = 2000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

const dateCache = new Map<string, string | { error: string }>();

/**
 * Reads a date as people type it (`31-12-2024`, `31.12.2024`, `31/12/2024`, `2024-12-31`, `1. januar 2024`, also
 * with a time of day after it) and returns it as an ISO date, or a Danish message saying what is wrong.
 */
export function parseDate(text: string): string | { error: string } {
  const cached = dateCache.get(text);
  if (cached !== undefined) return cached;
  const s = normalise(text);
  const parts = readDate(DATE_WITH_TIME.exec(s)?.[1] ?? s);
  const result =
    parts === null
      ? { error: s === '' ? `Datoen mangler. ${UNREADABLE_DATE}` : `Datoen "${text.trim()}" kan ikke læses. ${UNREADABLE_DATE}` }
      : typeof parts === 'string'
        ? { error: `Datoen "${text.trim()}" kan ikke læses: ${parts}.` }
        : iso(parts.year, parts.month, parts.day);
  return remember(dateCache, text, result);
}

function period(kind: PeriodKind, start: string, end: string, label: string): Period {
  return Object.freeze({ kind, start, end, label });
}

/** Thrown inside the period constructors; parsePeriod turns it into an error message. */
class PeriodProblem extends Error {}

function checkYear(year: number): void {
  const bad = yearProblem(year);
  if (bad) throw new PeriodProblem(bad);
}

/** The calendar year, 1 January - 31 December. */
export function calendarYearPeriod(year: number): Period {
  checkYear(year);
  return period('calendar-year', iso(year, 1, 1), iso(year, 12, 31), String(year));
}

/**
 * The school year or plan year that begins on 1 August of `startYear` and ends 31 July the year after, labelled
 * `2023/24` or `planår 2025/26`.
 */
export function schoolYearPeriod(startYear: number, kind: 'school-year' | 'plan-year' = 'school-year'): Period {
  checkYear(startYear);
  checkYear(startYear + 1);
  const years = `${startYear}/${pad2((startYear + 1) % 100)}`;
  return period(kind, iso(startYear, 8, 1), iso(startYear + 1, 7, 31), kind === 'plan-year' ? `planår ${years}` : years);
}

/** First (January-June) or second (July-December) half of a year. */
export function halfYearPeriod(year: number, half: number): Period {
  checkYear(year);
  if (half !== 1 && half !== 2) throw new PeriodProblem('et år har kun 2 halvår');
  return period('half-year', iso(year, half === 1 ? 1 : 7, 1), iso(year, half === 1 ? 6 : 12, half === 1 ? 30 : 31), `${half}. halvår ${year}`);
}

/** Quarter 1-4 of a year. */
export function quarterPeriod(year: number, quarter: number): Period {
  checkYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new PeriodProblem('et år har kun 4 kvartaler');
  const last = quarter * 3;
  return period('quarter', iso(year, last - 2, 1), iso(year, last, daysInMonth(year, last)), `${quarter}. kvartal ${year}`);
}

/** A calendar month, labelled `marts 2024`. */
export function monthPeriod(year: number, month: number): Period {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new PeriodProblem(`der er ingen måned ${month}`);
  return period('month', iso(year, month, 1), iso(year, month, daysInMonth(year, month)), `${MONTH_NAMES[month - 1]} ${year}`);
}

/** Any range of days, both ISO dates and inclusive; one day is a point in time, labelled with that day alone. */
export function dateRangePeriod(start: string, end: string): Period {
  if (end < start) throw new PeriodProblem(`slutdatoen ${danishDate(end)} ligger før startdatoen ${danishDate(start)}`);
  return period('range', start, end, start === end ? danishDate(start) : `${danishDate(start)} – ${danishDate(end)}`);
}

function dayOrThrow(parts: DateParts | string | null): string {
  if (parts === null) throw new PeriodProblem('');
  if (typeof parts === 'string') throw new PeriodProblem(parts);
  return iso(parts.year, parts.month, parts.day);
}

/** The second year of `2023/24` or `2023/2024` written out, checked to follow the first. */
function followingYear(first: number, second: string, kind: 'school-year' | 'plan-year'): number {
  const year = second.length === 2 ? Math.floor(first / 100) * 100 + Number(second) + (Number(second) < first % 100 ? 100 : 0) : Number(second);
  if (year !== first + 1) {
    const example = kind === 'plan-year' ? 'planår 2025/26' : '2023/24';
    throw new PeriodProblem(`et ${kind === 'plan-year' ? 'planår' : 'skoleår'} går over to år i træk, fx ${example}`);
  }
  return year;
}

const YEAR = /^(?:(?:kalender)?år(?:et)? )?(\d{4})$/;
const SCHOOL_YEAR_NAMED = /^(skole|plan)(?:å|aa)r(?:et)? (\d{4}) ?[/-] ?(\d{2}|\d{4})$/;
const SCHOOL_YEAR = /^(\d{4}) ?([/-]) ?(\d{2}|\d{4})$/;
const HALF_WORDS = /^(\d)\.? ?halv(?:å|aa)r(?:et)? (\d{4})$/;
const HALF_CODE = /^(\d{4}) ?-? ?h(\d)$/;
const HALF_CODE_FIRST = /^h(\d) ?-? ?(\d{4})$/;
const QUARTER_WORDS = /^(\d)\.? ?(?:kvartal|kvt\.?) (\d{4})$/;
const QUARTER_CODE = /^(\d{4}) ?-? ?[kq](\d)$/;
const QUARTER_CODE_FIRST = /^[kq](\d) ?-? ?(\d{4})$/;
const MONTH_WORDS = /^([a-zæøå]+)\.? (\d{4})$/;
// Excel writes a month typed as 2024-03 back as `mar-24` or `mar. 24`.
const MONTH_EXCEL = /^([a-zæøå]+)\.?[- ](\d{2})$/;
const MONTH_ISO = /^(\d{4})-(\d{1,2})$/;
const MONTH_FIRST = /^(\d{1,2})[-/.](\d{4})$/;

/** The period a normalised text names, or null if it has none of the accepted forms. Throws PeriodProblem for a form with impossible figures. */
function readPeriod(s: string): Period | null {
  let m = YEAR.exec(s);
  if (m) return calendarYearPeriod(Number(m[1]));
  m = SCHOOL_YEAR_NAMED.exec(s);
  if (m) {
    const kind = m[1] === 'plan' ? 'plan-year' : 'school-year';
    const first = Number(m[2]);
    followingYear(first, m[3]!, kind);
    return schoolYearPeriod(first, kind);
  }
  // 2024-03 is March 2024 rather than the school year 2024/03, which cannot be one anyway; 2011-12 is read as
  // December 2011 (the ISO form wins), 2023-24 as a school year.
  m = MONTH_ISO.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthPeriod(Number(m[1]), Number(m[2]));
  m = SCHOOL_YEAR.exec(s);
  if (m) {
    const first = Number(m[1]);
    try {
      followingYear(first, m[3]!, 'school-year');
    } catch (e) {
      // `2024-13` may as well be a mistyped month as a school year: say only what is expected.
      if (m[2] === '-' && m[3]!.length === 2) return null;
      throw e;
    }
    return schoolYearPeriod(first);
  }
  if ((m = HALF_WORDS.exec(s) ?? HALF_CODE_FIRST.exec(s))) return halfYearPeriod(Number(m[2]), Number(m[1]));
  if ((m = HALF_CODE.exec(s))) return halfYearPeriod(Number(m[1]), Number(m[2]));
  if ((m = QUARTER_WORDS.exec(s) ?? QUARTER_CODE_FIRST.exec(s))) return quarterPeriod(Number(m[2]), Number(m[1]));
  if ((m = QUARTER_CODE.exec(s))) return quarterPeriod(Number(m[1]), Number(m[2]));
  if ((m = MONTH_WORDS.exec(s)) && MONTHS.has(m[1]!)) return monthPeriod(Number(m[2]), MONTHS.get(m[1]!)!);
  if ((m = MONTH_EXCEL.exec(s)) && MONTHS.has(m[1]!)) return monthPeriod(2000 + Number(m[2]), MONTHS.get(m[1]!)!);
  if ((m = MONTH_ISO.exec(s))) return monthPeriod(Number(m[1]), Number(m[2]));
  if ((m = MONTH_FIRST.exec(s))) return monthPeriod(Number(m[2]), Number(m[1]));
  m = RANGE.exec(s);
  if (m) return dateRangePeriod(dayOrThrow(readDate(m[1]!)), dayOrThrow(readDate(m[3]!)));
  const day = readDate(s);
  if (day !== null) {
    const d = dayOrThrow(day);
    return dateRangePeriod(d, d);
  }
  return null;
}

const periodCache = new Map<string, Period | { error: string }>();

/**
 * Reads a period as people type it in Danish: a calendar year (`2024`), a school year (`2023/24`, `2023/2024`,
 * `2023-24`, `skoleåret 2023/24`), a plan year (`planår 2025/26`), a half year (`1. halvår 2024`, `2024H1`), a quarter
 * (`2. kvartal 2024`, `K2 2024`, `2024K2`, `2024Q2`), a month (`marts 2024`, `mar 2024`, `2024-03`, `03-2024`), a day
 * (`31-12-2024`, `31.12.2024`, `31/12/2024`, `2024-12-31`, `1. januar 2024`) or a range of days
 * (`01-01-2024 - 31-12-2024`, `2024-01-01 til 2024-12-31`). Returns the period with its canonical Danish label, or a
 * Danish message saying what is wrong and what is expected. The returned period is frozen and may be shared.
 */
export function parsePeriod(text: string): Period | { error: string } {
  const cached = periodCache.get(text);
  if (cached !== undefined) return cached;
  const s = normalise(text);
  let result: Period | { error: string };
  if (s === '') result = { error: `Perioden mangler. ${UNREADABLE_PERIOD}` };
  else {
    try {
      result = readPeriod(s) ?? { error: `Perioden "${text.trim()}" kan ikke læses. ${UNREADABLE_PERIOD}` };
    } catch (e) {
      if (!(e instanceof PeriodProblem)) throw e;
      result = { error: e.message ? `Perioden "${text.trim()}" kan ikke læses: ${e.message}.` : `Perioden "${text.trim()}" kan ikke læses. ${UNREADABLE_PERIOD}` };
    }
  }
  return remember(periodCache, text, result);
}

/** True when a result of parsePeriod or parseDate is an error. */
export function isError<T>(result: T | { error: string }): result is { error: string } {
  return typeof result === 'object' && result !== null && 'error' in result;
}
