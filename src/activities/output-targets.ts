/**
 * Outputs against the plan's targets: how far an activity's delivered count for a plan year is from the quantitative
 * target the plan states for it («mindst 12 unge årligt», «15-20 forløb», «ca. 35 elever»). Pure, no I/O; the caller
 * counts what was delivered and passes today's Danish date (`danishDateOf(new Date())`).
 */
import type { ActivityTarget } from '../plan/content/types.js';
import { parseIsoDate } from '../time/copenhagen.js';

/** A plan year, 1 August – 31 July (PRODUCT.md, "Plan year"), as inclusive ISO dates. */
export interface PlanYear {
  start: string;
  end: string;
  /** For example `2025/26`. */
  label: string;
}

export type OutputStatus = 'opfyldt' | 'på vej' | 'bagud' | 'over loftet' | 'ikke målbar';

export interface OutputAssessment {
  status: OutputStatus;
  /** What a steady pace would have delivered by today (the target's lower bound × the share of the year elapsed). */
  expectedByNow: number | null;
  /** The delivered count extrapolated linearly to the end of the plan year, rounded down; null early in the year. */
  forecast: number | null;
  /** One Danish line for the screen, e.g. «12 af mindst 12: opfyldt». */
  text: string;
  /** How the status was decided, in Danish, so a reader can check it. */
  rule: string;
}

/**
 * «ca. N» is read as N ± 10 %: the plan states no tolerance, so this is Helhed's reading (issue 5), kept in one place.
 * Only the lower edge matters: «ca.» is no ceiling. Whole percent keeps the bound exact (0.9 × N can miss by a hair).
 */
export const APPROXIMATE_TOLERANCE_PERCENT = 10;

/** Below this share of the plan year elapsed, a linear forecast says more about the calendar than about the activity. */
export const NO_FORECAST_BEFORE_SHARE = 0.05;

const DAY_MS = 86_400_000;

// Built once: Intl formatters are costly to construct, and an overview assesses every target of every activity.
const danishNumber = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const danishPercent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });
const danishDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function dayNumber(isoDate: string, what: string): number {
  const d = parseIsoDate(isoDate);
  if (!d) throw new RangeError(`${what} skal være en dato på formen ÅÅÅÅ-MM-DD, ikke «${isoDate}».`);
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function formatDate(isoDate: string): string {
  return danishDate.format(new Date(dayNumber(isoDate, 'Datoen') * DAY_MS));
}

/** The plan year (1 August – 31 July) that a date falls in. Throws a RangeError for anything but a real `YYYY-MM-DD`. */
export function planYearOf(isoDate: string): PlanYear {
  const d = parseIsoDate(isoDate);
  if (!d) throw new RangeError(`Datoen skal være på formen ÅÅÅÅ-MM-DD, ikke «${isoDate}».`);
  const first = d.month >= 8 ? d.year : d.year - 1;
  return {
    start: `${first}-08-01`,
    end: `${first + 1}-07-31`,
    label: `${first}/${String((first + 1) % 100).padStart(2, '0')}`,
  };
}

function elapsedDays(planYear: PlanYear, today: string): { elapsed: number; total: number } {
  const start = dayNumber(planYear.start, 'Planårets start');
  const end = dayNumber(planYear.end, 'Planårets slut');
  const now = dayNumber(today, 'Dagens dato');
  const total = end - start + 1;
  // Today counts as elapsed: counts are reported up to and including the day they are looked at, so on 31 July the
  // whole year has passed and on 1 August one day of it.
  return { elapsed: Math.min(Math.max(now - start + 1, 0), total), total };
}

/**
 * The share of the plan year elapsed by the end of `today`, in whole days (today included): 0 before the year starts,
 * 1 on its last day and after. A leap year's 29 February is one day of 366.
 */
export function planYearProgress(planYear: PlanYear, today: string): number {
  const { elapsed, total } = elapsedDays(planYear, today);
  return elapsed / total;
}

const PER_TEXT: Record<Exclude<ActivityTarget['per'], 'plan-year'>, string> = {
  summer: 'pr. sommer',
  course: 'pr. forløb',
  'plan-period': 'for hele planperioden',
  'half-year': 'pr. halvår',
  other: 'for en periode, planen ikke angiver',
};

/** The numbers a target is judged by: met from `lower`, over the ceiling above `ceiling`. */
interface Bounds {
  phrase: string;
  lower: number | null;
  ceiling: number | null;
  explanation: string;
}

function boundsOf(target: ActivityTarget): Bounds | null {
  const n = (x: number) => danishNumber.format(x);
  switch (target.kind) {
    case 'minimum': {
      const min = target.min ?? target.value;
      if (min === undefined) return null;
      return { phrase: `mindst ${n(min)}`, lower: min, ceiling: null, explanation: `Målet er mindst ${n(min)} og er opfyldt, når ${n(min)} er leveret.` };
    }
    case 'maximum': {
      const max = target.max ?? target.value;
      if (max === undefined) return null;
      return { phrase: `højst ${n(max)}`, lower: null, ceiling: max, explanation: `Målet er et loft: opfyldt, så længe det leverede højst er ${n(max)}, og over loftet derover.` };
    }
    case 'range': {
      if (target.min === undefined || target.max === undefined) return null;
      const [min, max] = [target.min, target.max];
      return {
        phrase: `${n(min)}-${n(max)}`,
        lower: min,
        ceiling: max,
        explanation: `Målet er ${n(min)}-${n(max)}: opfyldt fra ${n(min)} til og med ${n(max)}, over loftet over ${n(max)}.`,
      };
    }
    case 'approximate': {
      const value = target.value;
      if (value === undefined) return null;
      const lower = (value * (100 - APPROXIMATE_TOLERANCE_PERCENT)) / 100;
      return {
        phrase: `ca. ${n(value)}`,
        lower,
        ceiling: null,
        explanation:
          `«ca. ${n(value)}» læses som ${n(value)} ± ${APPROXIMATE_TOLERANCE_PERCENT} %, så målet er opfyldt fra ${n(lower)}` +
          `${Number.isInteger(lower) ? '' : ` (dvs. ${n(Math.ceil(lower))})`}; ` +
          `«ca.» er intet loft, så mere end ${n(value)} er også opfyldt.`,
      };
    }
    case 'exact': {
      const value = target.value;
      if (value === undefined) return null;
      return { phrase: n(value), lower: value, ceiling: value, explanation: `Målet er præcis ${n(value)}: opfyldt ved ${n(value)}, over loftet over ${n(value)}.` };
    }
  }
}

/**
 * Judges what an activity has delivered so far in a plan year against one of the plan's targets for it.
 *
 * - met (`opfyldt`) once the delivered count reaches the target's lower bound (minimum, range's min, 90 % of «ca. N»,
 *   exact value) and stays within any ceiling (maximum, range's max, exact value; above it: `over loftet`);
 * - otherwise `på vej` when the linear pace so far reaches the lower bound by 31 July, else `bagud`; before 5 % of the
 *   year has passed there is no forecast and the status is `på vej`;
 * - a target per course, summer, half year, the whole plan period or an unstated period is `ikke målbar` here: a count
 *   for one plan year cannot be held against it. (A plan-period target would need the count over all of 2025-29, and
 *   the plan's plan-period targets are fixed numbers of institutions or teams rather than cumulative outputs.)
 *
 * Throws a RangeError when `delivered` is negative or not a number, or a date is not a real `YYYY-MM-DD`.
 */
export function assessOutput(target: ActivityTarget, delivered: number, planYear: PlanYear, today: string): OutputAssessment {
  if (!Number.isFinite(delivered) || delivered < 0) {
    throw new RangeError(`Det leverede antal skal være et tal på 0 eller derover, ikke ${String(delivered)}.`);
  }
  const got = danishNumber.format(delivered);
  if (target.per !== 'plan-year') {
    const per = PER_TEXT[target.per];
    return {
      status: 'ikke målbar',
      expectedByNow: null,
      forecast: null,
      text: `${got} leveret i planår ${planYear.label}; målet «${target.printed}» gælder ${per} og måles ikke på planåret.`,
      rule: `Målet gælder ${per}, ikke pr. planår, så planårets samlede antal kan ikke holdes op mod det.`,
    };
  }
  const bounds = boundsOf(target);
  if (!bounds) {
    return {
      status: 'ikke målbar',
      expectedByNow: null,
      forecast: null,
      text: `${got} leveret i planår ${planYear.label}; målet «${target.printed}» har intet tal at måle imod.`,
      rule: `Målet er af typen «${target.kind}», men mangler det tal, typen kræver, så det kan ikke vurderes.`,
    };
  }

  const { elapsed, total } = elapsedDays(planYear, today);
  const share = elapsed / total;
  const tooEarly = share < NO_FORECAST_BEFORE_SHARE;
  // delivered × total / elapsed rather than delivered / share: integer operands keep an exact quotient exact.
  const forecast = tooEarly ? null : Math.floor((delivered * total) / elapsed);
  const expectedByNow = bounds.lower === null ? null : (bounds.lower * elapsed) / total;
  const endText = formatDate(planYear.end);
  const yearOver = elapsed === total;
  const head = `${got} af ${bounds.phrase}`;
  const assessment = (status: OutputStatus, text: string, decision: string): OutputAssessment => ({
    status,
    expectedByNow,
    forecast,
    text,
    rule: `${bounds.explanation} ${decision}`,
  });

  if (bounds.ceiling !== null && delivered > bounds.ceiling) {
    return assessment('over loftet', `${head}: over loftet`, `${got} er over ${danishNumber.format(bounds.ceiling)}.`);
  }
  if (bounds.lower === null || delivered >= bounds.lower) {
    const warning =
      bounds.lower === null && bounds.ceiling !== null && forecast !== null && forecast > bounds.ceiling && !yearOver
        ? ` (med det nuværende tempo: ${danishNumber.format(forecast)} inden ${endText}, over loftet)`
        : '';
    const decision = bounds.lower === null ? `${got} er ikke over loftet.` : `${got} når målet.`;
    return assessment('opfyldt', `${head}: opfyldt${warning}`, decision);
  }
  if (forecast === null) {
    return assessment(
      'på vej',
      `${head}: på vej (for tidligt i planåret til en prognose)`,
      `Der er kun gået ${danishPercent.format(share)} af planåret (${elapsed} af ${total} dage); før ` +
        `${danishPercent.format(NO_FORECAST_BEFORE_SHARE)} fremskrives der ikke, så målet regnes som på vej.`,
    );
  }
  const lower = danishNumber.format(bounds.lower);
  if (yearOver) {
    return assessment(
      'bagud',
      `${head}: bagud (planåret sluttede ${endText})`,
      `Planåret er slut, og ${got} er under ${lower}.`,
    );
  }
  const status = forecast >= bounds.lower ? 'på vej' : 'bagud';
  return assessment(
    status,
    `${head}: ${status} – med det nuværende tempo: ${danishNumber.format(forecast)} af ${bounds.phrase} inden ${endText}`,
    `Tempoet hidtil (${got} på ${elapsed} af ${total} dage) fremskrevet lineært giver ${danishNumber.format(forecast)} ` +
      `inden ${endText}, hvilket ${status === 'på vej' ? 'når' : 'ikke når'} ${lower}.`,
  );
}
