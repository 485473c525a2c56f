/**
 * Completeness of the monitoring data: which indicators lack a value for which scopes and periods. Pure rules, no
 * I/O; the caller says what exists through `has`, so the grid can be checked against a repository's index or a
 * model in memory alike.
 */
import type { Period } from './measurement.js';

export interface CompletenessInput {
  indicators: readonly { code: string; name: string }[];
  /** The scopes a value is expected for, with their names as shown, e.g. `{ scope: 'area:vangdalen', label: 'Vangdalen' }`. */
  scopes: readonly { scope: string; label: string }[];
  /** The periods a value is expected for, by start date (ISO) and as shown. */
  periods: readonly { start: string; label: string }[];
  has: (indicatorCode: string, scope: string, periodStart: string) => boolean;
}

export interface MissingForScope {
  scope: string;
  label: string;
  /** The missing periods' labels, in the order the periods were given. */
  periods: string[];
}

export interface IndicatorCompleteness {
  code: string;
  name: string;
  /** Only the scopes that lack at least one period, in the order the scopes were given. */
  missing: MissingForScope[];
  filled: number;
  expected: number;
  /** filled / expected as a fraction from 0 to 1; 1 when nothing is expected, since then nothing is missing. */
  share: number;
}

export interface Completeness {
  indicators: IndicatorCompleteness[];
  filled: number;
  expected: number;
  /** Over all indicators, filled / expected as a fraction from 0 to 1; 1 when nothing is expected. */
  share: number;
}

const shareOf = (filled: number, expected: number) => (expected === 0 ? 1 : filled / expected);

/** For every indicator, every scope × period without a value, and how much of the grid is filled. */
export function completeness(input: CompletenessInput): Completeness {
  const { scopes, periods, has } = input;
  const expected = scopes.length * periods.length;
  let filledOverall = 0;
  const indicators = input.indicators.map(({ code, name }): IndicatorCompleteness => {
    const missing: MissingForScope[] = [];
    let filled = 0;
    for (const { scope, label } of scopes) {
      const lacking: string[] = [];
      for (const period of periods) {
        if (has(code, scope, period.start)) filled++;
        else lacking.push(period.label);
      }
      if (lacking.length > 0) missing.push({ scope, label, periods: lacking });
    }
    filledOverall += filled;
    return { code, name, missing, filled, expected, share: shareOf(filled, expected) };
  });
  const expectedOverall = expected * indicators.length;
  return { indicators, filled: filledOverall, expected: expectedOverall, share: shareOf(filledOverall, expectedOverall) };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function yearOf(date: string, name: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`${name} skal være en dato som ÅÅÅÅ-MM-DD, ikke «${date}».`);
  return Number(match[1]);
}

/**
 * The calendar years a default completeness grid expects: from the year before the plan started (the baseline year)
 * up to the last completed year before `today`, and at least the first of them, so a grid drawn before a year has
 * ended still shows the baseline year. Both dates are ISO dates in Europe/Copenhagen.
 */
export function expectedYears(planStart: string, today: string): Period[] {
  const first = yearOf(planStart, 'Planens start') - 1;
  const last = Math.max(first, yearOf(today, 'Dagens dato') - 1);
  const years: Period[] = [];
  for (let year = first; year <= last; year++) {
    years.push({ kind: 'calendar-year', start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) });
  }
  return years;
}
