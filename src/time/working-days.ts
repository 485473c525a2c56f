/**
 * Danish working days (PRODUCT.md, "Crisis deadlines"): Monday to Friday except the Danish public holidays and the
 * configured closing days (by default 5 June, 24 December and 31 December). Store Bededag is no longer a holiday from
 * 2024 (lov nr. 124 af 28. februar 2023). Pure; dates are ISO `YYYY-MM-DD` Danish calendar dates.
 */
import { parseIsoDate } from './copenhagen.js';

/** A closing day: `MM-DD` recurs every year, `YYYY-MM-DD` is one day (a configured calendar may hold both). */
export type ClosingDay = string;

/** Grundlovsdag, juleaftensdag and nytårsaftensdag: closed in Danish public administration, though no public holiday. */
export const DEFAULT_CLOSING_DAYS: readonly ClosingDay[] = ['06-05', '12-24', '12-31'];

/** The last year Store Bededag (the fourth Friday after Easter) was a public holiday. */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  const d = parseIsoDate(isoDate);
  if (!d) throw new RangeError(`Datoen skal være en gyldig dato på formen ÅÅÅÅ-MM-DD, ikke «${isoDate}».`);
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Holiday {
  date: string;
  name: string;
}

/** The Danish public holidays (helligdage) of a year, in date order. */
export function danishHolidays(year: number): Holiday[] {
  const easter = dayNumber(easterSunday(year));
  const fromEaster = (offset: number, name: string): Holiday => ({ date: isoOf(easter + offset), name });
  const holidays: Holiday[] = [
    { date: `${year}-01-01`, name: 'Nytårsdag' },
    fromEaster(-3, 'Skærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Påskedag'),
    fromEaster(1, '2. påskedag'),
    ...(year <= LAST_STORE_BEDEDAG_YEAR ? [fromEaster(26, 'Store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Pinsedag'),
    fromEaster(50, '2. pinsedag'),
    { date: `${year}-12-25`, name: 'Juledag' },
    { date: `${year}-12-26`, name: '2. juledag' },
  ];
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let found = holidayCache.get(year);
  if (!found) {
    found = new Map(danishHolidays(year).map((h) => [h.date, h.name]));
    holidayCache.set(year, found);
  }
  return found;
}

/**
 * Why a date is no working day (`lørdag`, `søndag`, the holiday's name or `lukkedag`), or null for a working day.
 *
 * @param closingDays recurring closing days as `MM-DD`; the default is `DEFAULT_CLOSING_DAYS`
 */
export function nonWorkingReason(isoDate: string, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): string | null {
  const day = dayNumber(isoDate);
  const weekday = new Date(day * DAY_MS).getUTCDay();
  if (weekday === 6) return 'lørdag';
  if (weekday === 0) return 'søndag';
  const holiday = holidaysOf(Number(isoDate.slice(0, 4))).get(isoDate);
  if (holiday) return holiday;
  if (closingDays.includes(isoDate.slice(5)) || closingDays.includes(isoDate)) return 'lukkedag';
  return null;
}

/** Whether a date is a Danish working day. */
export function isWorkingDay(isoDate: string, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): boolean {
  return nonWorkingReason(isoDate, closingDays) === null;
}

/** The date `count` working days after `isoDate` (the date itself not counted); `count` ≥ 0. */
export function addWorkingDays(isoDate: string, count: number, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Antallet af arbejdsdage skal være et helt tal på mindst 0, ikke ${count}.`);
  let day = dayNumber(isoDate);
  let left = count;
  while (left > 0) {
    day++;
    if (isWorkingDay(isoOf(day), closingDays)) left--;
  }
  return isoOf(day);
}

/** The first working day on or after a date. */
export function nextWorkingDay(isoDate: string, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): string {
  let day = dayNumber(isoDate);
  while (!isWorkingDay(isoOf(day), closingDays)) day++;
  return isoOf(day);
}

/** Days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` calendar days after (or, negative, before) a date. */
export function addDays(isoDate: string, days: number): string {
  return isoOf(dayNumber(isoDate) + days);
}
