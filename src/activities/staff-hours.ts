/**
 * Staff hours (issue 5, "Staff hours"): the hours the plan's partners agreed to put into each activity (`staffHours` in
 * each intervention area of the plan) against the hours each partner reports having delivered. Pure, no I/O.
 *
 * Hours are reported per calendar month. A month is what partners already keep timesheets by, it is fine enough for the
 * steering group's three meetings a year to see a shortfall building up, and a plan year is exactly twelve of them, so
 * «expected by now» is the agreed hours pro rata over the months that have ended. A month still running is not
 * expected yet, but hours reported for it count as delivered.
 */
import type { InterventionArea, StaffHours } from '../plan/content/types.js';
import { parseIsoDate } from '../time/copenhagen.js';
import type { PlanYear } from './output-targets.js';

/**
 * A shortfall is shown when the delivered hours are more than this share below what a steady pace would have delivered
 * by now: a few hours' lag (a holiday, a report not yet in) is not worth the steering group's attention.
 */
export const SHORTFALL_TOLERANCE_PERCENT = 10;

/** One line of the plan's agreed hours: an organisation's hours for an activity, or for an intervention area. */
export interface AgreedHours {
  /** Stable key of the line: `<intervention area>|<activity or empty>|<organisation>`. */
  key: string;
  interventionAreaSlug: string;
  interventionAreaName: string;
  /** '' when the plan agrees the hours for the intervention area as a whole. */
  activitySlug: string;
  activityName: string | null;
  organisation: string;
  /** Hours per plan year; null when the plan states them in a way that is not a number of hours a year. */
  hoursPerYear: number | null;
  printed: string;
}

/**
 * The plan's organisation names and a partner organisation's name are matched after normalising: case, spacing and
 * punctuation do not matter, and a remark in brackets is left out, so that the partner «Randers Ungdomsskole» matches
 * the plan's «Randers Ungdomsskole (i samarbejde med Falck)». Nothing looser: «Randers Kommune» must not match
 * «Randers Kommune, Kultur og Fritid».
 */
export function organisationKey(name: string): string {
  return name
    .toLocaleLowerCase('da-DK')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a partner organisation's name is one of the plan's organisations in a line of agreed hours. */
export function organisationMatches(partnerName: string, planName: string): boolean {
  const key = organisationKey(partnerName);
  return key !== '' && key === organisationKey(planName);
}

/** Hours a year from the plan's statement: hours a year as stated, or hours in the period spread over its years. */
export function hoursPerYearOf(entry: Pick<StaffHours, 'hoursPerYear' | 'hoursInPeriod'>, periodYears: number): number | null {
  if (entry.hoursPerYear !== undefined) return entry.hoursPerYear;
  if (entry.hoursInPeriod !== undefined && periodYears > 0) return entry.hoursInPeriod / periodYears;
  return null;
}

/** Every line of agreed hours in the plan, with its activity's name. */
export function agreedHoursOf(areas: readonly Pick<InterventionArea, 'slug' | 'name' | 'staffHours' | 'activities'>[], periodYears: number): AgreedHours[] {
  return areas.flatMap((area) =>
    area.staffHours.map((h) => {
      const activitySlug = h.activity ?? '';
      return {
        key: `${area.slug}|${activitySlug}|${h.organisation}`,
        interventionAreaSlug: area.slug,
        interventionAreaName: area.name,
        activitySlug,
        activityName: area.activities.find((a) => a.slug === activitySlug)?.name ?? null,
        organisation: h.organisation,
        hoursPerYear: hoursPerYearOf(h, periodYears),
        printed: h.printed,
      };
    }),
  );
}

/** A calendar month as a reporting period. */
export interface MonthPeriod {
  start: string;
  end: string;
  /** For example «august 2025». */
  label: string;
}

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** The month a `YYYY-MM` names, or null when it names none. */
export function monthPeriod(yearMonth: string): MonthPeriod | null {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { start: `${year}-${mm}-01`, end: `${year}-${mm}-${String(last).padStart(2, '0')}`, label: `${MONTH_NAMES[month - 1]} ${year}` };
}

/** The twelve months of a plan year, August first. */
export function monthsOf(planYear: PlanYear): MonthPeriod[] {
  const first = Number(planYear.start.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((7 + i) % 12) + 1;
    const year = month >= 8 ? first : first + 1;
    return monthPeriod(`${year}-${String(month).padStart(2, '0')}`)!;
  });
}

/** How many months of the plan year have ended by `today` (a month ends on its last day): 0 to 12. */
export function monthsEnded(planYear: PlanYear, today: string): number {
  if (!parseIsoDate(today)) throw new RangeError(`Dagens dato skal være på formen ÅÅÅÅ-MM-DD, ikke «${today}».`);
  return monthsOf(planYear).filter((m) => m.end <= today).length;
}

export type HoursStatus = 'bagud' | 'på vej' | 'ikke målbar';

export interface HoursAssessment {
  status: HoursStatus;
  /** Agreed hours × months ended / 12; null when the plan states no hours a year. */
  expectedByNow: number | null;
  /** How many hours short of `expectedByNow` (0 when on pace or ahead). */
  shortfall: number;
}

/** Delivered hours against the agreed hours pro rata over the months of the plan year that have ended. */
export function assessHours(hoursPerYear: number | null, delivered: number, planYear: PlanYear, today: string): HoursAssessment {
  if (hoursPerYear === null) return { status: 'ikke målbar', expectedByNow: null, shortfall: 0 };
  const expectedByNow = (hoursPerYear * monthsEnded(planYear, today)) / 12;
  const shortfall = Math.max(0, expectedByNow - delivered);
  const behind = delivered * 100 < expectedByNow * (100 - SHORTFALL_TOLERANCE_PERCENT);
  return { status: behind ? 'bagud' : 'på vej', expectedByNow, shortfall };
}
