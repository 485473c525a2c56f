/**
 * Status of one indicator for one scope: the latest value against the plan's baseline and against the municipality.
 * Pure rules, no I/O; a page computes one status per cell, so the number formats are built once, here.
 *
 * The rules (with the default tolerance; see {@link StatusTolerance}):
 * - **Higher is better**: «bedre» when the latest value is more than the tolerance above the baseline, «dårligere»
 *   when more than the tolerance below it, otherwise «uændret». **Lower is better**: the reverse.
 * - **Level with the municipality**: the gap to the municipality now, |latest − municipality|, is compared with the
 *   gap at baseline, |baseline − municipality's baseline|: «bedre» when it shrank by more than the tolerance,
 *   «dårligere» when it grew by more than the tolerance, otherwise «uændret».
 * - **Ukendt** when there is no latest value, no baseline value, or (level with the municipality) no municipal figure
 *   now or at baseline; the rule text says which is missing.
 * - Exactly at the tolerance is «uændret»: only a difference *beyond* it counts.
 */
import type { Baseline, BaselineScope, IndicatorDirection, IndicatorUnit } from '../plan/content/types.js';

export type Status = 'bedre' | 'uændret' | 'dårligere' | 'ukendt';

export const STATUS_LABELS: Record<Status, string> = {
  bedre: 'Bedre',
  uændret: 'Uændret',
  dårligere: 'Dårligere',
  ukendt: 'Ukendt',
};

/**
 * How large a difference must be before it counts. A share (unit `percent`) uses `sharePoints` procentpoint; every
 * other unit uses `relative` of the baseline value, but never less than `minimum` (in the indicator's unit), so that a
 * baseline of 0 or 1 does not make every change count.
 */
export interface StatusTolerance {
  sharePoints: number;
  relative: number;
  minimum: number;
}

export const DEFAULT_STATUS_TOLERANCE: StatusTolerance = { sharePoints: 1, relative: 0.05, minimum: 0.1 };

/** A figure as the plan prints it: the baselines' shape. */
export interface PlanFigure {
  value: number | null;
  printed: string;
  period: string;
}

/** A measured figure with its period as shown, e.g. `2024`, `2023/24`. */
export interface MeasuredFigure {
  value: number;
  periodLabel: string;
}

export interface StatusInput {
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  latest: MeasuredFigure | null;
  baseline: PlanFigure | null;
  /** The municipality's value for the same period as `latest`, if known. */
  municipality: MeasuredFigure | null;
  municipalityBaseline: PlanFigure | null;
  /** Any part left out takes its default from {@link DEFAULT_STATUS_TOLERANCE}. */
  tolerance?: Partial<StatusTolerance>;
}

export interface StatusResult {
  status: Status;
  /** latest − baseline in the indicator's unit (procentpoint for shares); null when either is missing. */
  change: number | null;
  /** On a level with the municipality now (see {@link indicatorStatus}); null without a latest or a municipal value. */
  levelWithMunicipality: boolean | null;
  /** The rule in Danish with the actual figures, shown beside the status. */
  rule: string;
  /** The change in Danish, e.g. «3,2 procentpoint lavere end baseline (38,6 %, 2022)»; empty when `change` is null. */
  changeText: string;
}

// Figures arrive as decimals typed or computed elsewhere (39,6 − 38,6 is 1.0000000000000014); smaller is noise.
const EPSILON = 1e-9;
const clean = (x: number) => Math.round(x * 1e9) / 1e9 || 0;

// Built once: Intl.NumberFormat is costly to construct, and a dashboard formats thousands of cells.
const oneOrTwoDecimals = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const upToTwoDecimals = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** A value in the indicator's unit as shown in Danish: «38,6 %», «1.234», «5,6». */
export function formatIndicatorValue(unit: IndicatorUnit, value: number): string {
  if (unit === 'percent') return `${oneOrTwoDecimals.format(value)} %`;
  if (unit === 'count') return upToTwoDecimals.format(value);
  return oneOrTwoDecimals.format(value);
}

/** The size of a difference in the indicator's unit: «3,2 procentpoint», «2», «0,4». Always without sign. */
export function formatDifference(unit: IndicatorUnit, difference: number): string {
  const size = Math.abs(difference);
  if (unit === 'percent') return `${oneOrTwoDecimals.format(size)} procentpoint`;
  if (unit === 'count') return upToTwoDecimals.format(size);
  return oneOrTwoDecimals.format(size);
}

/** The tolerance with every part filled in from the defaults. */
export function resolveTolerance(tolerance?: Partial<StatusTolerance>): StatusTolerance {
  return tolerance ? { ...DEFAULT_STATUS_TOLERANCE, ...tolerance } : DEFAULT_STATUS_TOLERANCE;
}

/**
 * The tolerance in the indicator's unit: `sharePoints` for a share; otherwise `relative` of the reference value (the
 * baseline, or the municipality's value when the plan has no baseline), and at least `minimum`.
 */
export function toleranceFor(unit: IndicatorUnit, reference: number | null, tolerance: StatusTolerance = DEFAULT_STATUS_TOLERANCE): number {
  if (unit === 'percent') return tolerance.sharePoints;
  return Math.max(tolerance.minimum, tolerance.relative * Math.abs(reference ?? 0));
}

/** One line for a page's «Sådan beregnes status» box. */
export function describeStatusRules(tolerance: Partial<StatusTolerance> = DEFAULT_STATUS_TOLERANCE): string {
  const t = resolveTolerance(tolerance);
  return (
    `Status sammenligner den seneste måling med planens baseline: bedre eller dårligere, når forskellen er mere end ` +
    `${formatDifference('percent', t.sharePoints)} for andele og mere end ${upToTwoDecimals.format(t.relative * 100)} % af baseline ` +
    `(mindst ${upToTwoDecimals.format(t.minimum)}) for andre tal, ellers uændret; hvor målet er niveau med kommunen, ` +
    `sammenlignes afstanden til kommunen nu med afstanden ved baseline.`
  );
}

export const STATUS_RULES_DESCRIPTION = describeStatusRules();

const DIRECTION_TEXT: Record<IndicatorDirection, string> = {
  'higher-is-better': 'Højere er bedre',
  'lower-is-better': 'Lavere er bedre',
  'level-with-municipality': 'Målet er niveau med kommunen',
};

function missingBaselineText(baseline: PlanFigure | null, whose: 'dette område' | 'kommunen'): string {
  if (!baseline) return `Ingen baseline for ${whose} i planen.`;
  return `Planens baseline for ${whose} er ikke et tal: «${baseline.printed}» (${baseline.period}).`;
}

function changeTextFor(unit: IndicatorUnit, change: number, baseline: number, period: string): string {
  const base = `baseline (${formatIndicatorValue(unit, baseline)}, ${period})`;
  if (change === 0) return `Som ${base}`;
  const word = unit === 'count' ? (change > 0 ? 'flere' : 'færre') : change > 0 ? 'højere' : 'lavere';
  return `${formatDifference(unit, change)} ${word} end ${base}`;
}

function withinText(unit: IndicatorUnit, beyond: boolean, tol: number): string {
  return `${beyond ? 'mere end' : 'inden for'} tolerancen på ±${formatDifference(unit, tol)}`;
}

/**
 * On a level with the municipality: within the tolerance of it, or on its better side for a directional indicator.
 * Null without both figures.
 */
function levelWith(direction: IndicatorDirection, latest: number | undefined, municipality: number | undefined, tol: number): boolean | null {
  if (latest === undefined || municipality === undefined) return null;
  const gap = clean(latest - municipality);
  if (Math.abs(gap) <= tol + EPSILON) return true;
  if (direction === 'higher-is-better') return gap > 0;
  if (direction === 'lower-is-better') return gap < 0;
  return false;
}

/**
 * The status of one indicator for one scope, with the rule and the change in Danish. See the module's comment for
 * the rules. A text indicator has no status («ukendt»).
 */
export function indicatorStatus(input: StatusInput): StatusResult {
  const { unit, direction, latest, baseline, municipality, municipalityBaseline } = input;
  const tolerance = resolveTolerance(input.tolerance);

  if (unit === 'text') {
    return { status: 'ukendt', change: null, levelWithMunicipality: null, rule: 'Indikatoren er ikke et tal, så status beregnes ikke.', changeText: '' };
  }

  const tol = toleranceFor(unit, baseline?.value ?? municipality?.value ?? null, tolerance);
  const levelWithMunicipality = levelWith(direction, latest?.value, municipality?.value, tol);

  if (!latest || !baseline || baseline.value === null) {
    const reasons: string[] = [];
    if (!latest) reasons.push('Ingen måling for dette område endnu.');
    if (!baseline || baseline.value === null) reasons.push(missingBaselineText(baseline, 'dette område'));
    return { status: 'ukendt', change: null, levelWithMunicipality, rule: reasons.join(' '), changeText: '' };
  }

  const baseValue = baseline.value;
  const change = clean(latest.value - baseValue);
  const changeText = changeTextFor(unit, change, baseValue, baseline.period);

  if (direction !== 'level-with-municipality') {
    const now = `${formatIndicatorValue(unit, latest.value)} (${latest.periodLabel})`;
    const then = `${formatIndicatorValue(unit, baseValue)} (${baseline.period})`;
    const beyond = Math.abs(change) > tol + EPSILON;
    const status: Status = !beyond ? 'uændret' : (direction === 'higher-is-better') === change > 0 ? 'bedre' : 'dårligere';
    const comparison =
      change === 0
        ? `${now} er lig med baseline ${then}.`
        : `${now} ligger ${formatDifference(unit, change)} ${change > 0 ? 'over' : 'under'} baseline ${then} – ${withinText(unit, beyond, tol)}.`;
    return { status, change, levelWithMunicipality, rule: `${DIRECTION_TEXT[direction]}: ${comparison}`, changeText };
  }

  if (!municipality || !municipalityBaseline || municipalityBaseline.value === null) {
    const reasons: string[] = [];
    if (!municipality) reasons.push(`Kommunens tal for ${latest.periodLabel} mangler.`);
    if (!municipalityBaseline || municipalityBaseline.value === null) reasons.push(missingBaselineText(municipalityBaseline, 'kommunen'));
    return { status: 'ukendt', change, levelWithMunicipality, rule: `${DIRECTION_TEXT[direction]}, men ${lowerFirst(reasons.join(' '))}`, changeText };
  }

  const municipalityThen = municipalityBaseline.value;
  const gapNow = clean(Math.abs(latest.value - municipality.value));
  const gapThen = clean(Math.abs(baseValue - municipalityThen));
  const shrank = clean(gapThen - gapNow);
  const beyond = Math.abs(shrank) > tol + EPSILON;
  const status: Status = !beyond ? 'uændret' : shrank > 0 ? 'bedre' : 'dårligere';
  const municipalityNowPeriod = municipality.periodLabel === latest.periodLabel ? '' : ` for ${municipality.periodLabel}`;
  const municipalityThenPeriod = municipalityBaseline.period === baseline.period ? '' : ` for ${municipalityBaseline.period}`;
  const verdict =
    shrank === 0
      ? 'Afstanden er den samme.'
      : `Afstanden er ${formatDifference(unit, shrank)} ${shrank > 0 ? 'mindre' : 'større'} – ${withinText(unit, beyond, tol)}.`;
  const rule =
    `${DIRECTION_TEXT[direction]}. Afstanden til kommunen er ${formatDifference(unit, gapNow)} nu ` +
    `(${latest.periodLabel}: ${formatIndicatorValue(unit, latest.value)} mod kommunens ${formatIndicatorValue(unit, municipality.value)}${municipalityNowPeriod}) ` +
    `og var ${formatDifference(unit, gapThen)} ved baseline ` +
    `(${baseline.period}: ${formatIndicatorValue(unit, baseValue)} mod kommunens ${formatIndicatorValue(unit, municipalityThen)}${municipalityThenPeriod}). ${verdict}`;
  return { status, change, levelWithMunicipality, rule, changeText };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// A plausible year standing alone: «2023» in «skoleåret 2023-24», not the digits of «12345».
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/** The largest year a free-text period mentions, or -Infinity for one without a year (it then loses to any with one). */
export function latestYearIn(period: string): number {
  let latest = -Infinity;
  for (const match of period.matchAll(YEAR)) latest = Math.max(latest, Number(match[0]));
  return latest;
}

/**
 * The plan's baseline for a scope. When the plan gives several for the same scope, the latest period wins: the
 * largest four-digit year its free-text period mentions (`skoleåret 2023-24` is 2023, `Folketingsvalg 2022` beats
 * `Kommunalvalg 2021`), ties going to the first listed. A baseline whose value is null is passed over when another
 * for the scope has a value, and returned when it is the only kind there is. Null when the plan has none.
 */
export function pickBaseline<B extends Pick<Baseline, 'scope' | 'value' | 'period'>>(baselines: readonly B[], scope: BaselineScope): B | null {
  const forScope = baselines.filter((b) => b.scope === scope);
  const withValue = forScope.filter((b) => b.value !== null);
  const candidates = withValue.length > 0 ? withValue : forScope;
  let best: B | null = null;
  let bestYear = -Infinity;
  for (const b of candidates) {
    const year = latestYearIn(b.period);
    if (best === null || year > bestYear) {
      best = b;
      bestYear = year;
    }
  }
  return best;
}
