/**
 * Pure pieces of the outputs page: a target judged per course, a year's verdict over its courses, plan years offered,
 * and what a count shows to someone who may not see the persons behind it. No I/O.
 */
import type { ActivityTarget } from '../plan/content/types.js';
import { displayCount, isSmallCount, suppressTable, type CountCell } from '../monitoring/small-numbers.js';
import { assessOutput, planYearOf, type OutputAssessment, type OutputStatus, type PlanYear } from './output-targets.js';
import type { CountingKind } from './target-counting.js';

/**
 * A target per course («10-12 undervisningsgange», «ca. 10 unge pr. gruppe») judged for one course, over the course's
 * own dates instead of a plan year. Sessions build up at a pace, so they get a pace forecast to the course's end;
 * participants and weeks do not, so they are judged as they stand, and a course still running is not yet behind.
 */
export function assessCourseOutput(target: ActivityTarget, kind: CountingKind, figure: number, course: { start: string; end: string }, today: string): OutputAssessment {
  const period: PlanYear = { start: course.start, end: course.end < course.start ? course.start : course.end, label: 'forløbet' };
  const asPeriod: ActivityTarget = { ...target, per: 'plan-year' };
  const reword = (a: OutputAssessment): OutputAssessment => ({ ...a, text: a.text.replace('planåret', 'forløbet'), rule: a.rule.replaceAll('planåret', 'forløbet').replaceAll('Planåret', 'Forløbet') });
  if (kind === 'sessions-per-course') return reword(assessOutput(asPeriod, figure, period, today));
  const running = period.end > today;
  const asItStands = reword(assessOutput(asPeriod, figure, period, running ? period.end : today));
  if (running && asItStands.status === 'bagud') {
    return { ...asItStands, status: 'på vej', forecast: null, text: `${asItStands.text.split(':')[0]}: på vej (forløbet er ikke slut)` };
  }
  return { ...asItStands, forecast: null };
}

const STATUS_ORDER: readonly OutputStatus[] = ['bagud', 'over loftet', 'på vej', 'opfyldt', 'ikke målbar'];

/** A per-course target's verdict for the year: the worst of its courses' (behind before over the ceiling before on track). */
export function worstStatus(statuses: readonly OutputStatus[]): OutputStatus {
  if (statuses.length === 0) return 'ikke målbar';
  return [...statuses].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b))[0]!;
}

/** The plan year a label such as `2025/26` names, or null. */
export function planYearFromLabel(label: string): PlanYear | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(label.trim());
  if (!match) return null;
  const first = Number(match[1]);
  if ((first + 1) % 100 !== Number(match[2])) return null;
  return planYearOf(`${first}-08-01`);
}

/** The plan years of a plan period (1 August 2025 – 31 July 2029 gives 2025/26 … 2028/29). */
export function planYearsOf(periodStart: string, periodEnd: string): PlanYear[] {
  const years: PlanYear[] = [];
  for (let y = planYearOf(periodStart); y.start <= periodEnd; y = planYearOf(`${Number(y.start.slice(0, 4)) + 1}-08-01`)) years.push(y);
  return years;
}

/** A count as a viewer may see it: the number, or «<5» for a small count of persons they may not see. */
export interface ShownCount {
  value: number | null;
  text: string;
  suppressed: boolean;
}

const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

export function shownCount(value: number | null, hide: boolean, threshold: number): ShownCount {
  if (value === null) return { value: null, text: 'ikke indberettet', suppressed: false };
  if (hide && isSmallCount(value, threshold)) return { value: null, text: displayCount({ shown: false, reason: 'small' }, threshold), suppressed: true };
  return { value, text: numberFormat.format(value), suppressed: false };
}

/** A count cell as a ShownCount. */
export function shownCell(cell: CountCell, threshold: number): ShownCount {
  return cell.shown ? { value: cell.value, text: numberFormat.format(cell.value), suppressed: false } : { value: null, text: displayCount(cell, threshold), suppressed: true };
}

/** An activity's participants by area as a viewer without access may see them, with the two totals shown elsewhere. */
export interface SuppressedAreaRow {
  areas: CountCell[];
  unknown: CountCell;
  /** Participants from the plan's areas (the count of targets such as «mindst 12 unge fra boligområderne»). */
  fromAreas: CountCell;
  total: CountCell;
}

/**
 * Suppresses an activity's participants per area together with the two totals other pages show of them (from the
 * areas, and in all), so that no page gives a small cell away by subtraction: the areas add up to «from the areas», and
 * that and the participants outside the areas add up to the total. Suppressed once, used by every page.
 */
export function suppressAreaRow(areaValues: readonly number[], unknown: number, threshold: number): SuppressedAreaRow {
  const fromAreas = areaValues.reduce((sum, v) => sum + v, 0);
  const table = suppressTable({ cells: [[...areaValues], [unknown]], rowTotals: [fromAreas, unknown], grandTotal: fromAreas + unknown }, threshold);
  const unknownCell = table.cells[1]![0]!.shown && table.rowTotals![1]!.shown ? table.cells[1]![0]! : hiddenLike(table.cells[1]![0]!, table.rowTotals![1]!);
  return { areas: table.cells[0]!, unknown: unknownCell, fromAreas: table.rowTotals![0]!, total: table.grandTotal! };
}

/** The outside-the-areas cell is one number held twice (cell and its row's total): hidden if either is. */
function hiddenLike(a: CountCell, b: CountCell): CountCell {
  if (!a.shown && a.reason === 'small') return a;
  if (!b.shown && b.reason === 'small') return b;
  return { shown: false, reason: 'complementary' };
}

/**
 * What a suppressed figure's assessment may say: its status, but neither the count nor a forecast, from which the count
 * could be worked back (forecast × days elapsed / days in the year).
 */
export function suppressedAssessment(a: OutputAssessment, target: ActivityTarget, threshold: number, shown = `<${threshold}`): OutputAssessment {
  return { ...a, expectedByNow: null, forecast: null, text: `${shown} af «${target.printed}»: ${a.status}`, rule: `Tallet vises ikke (små tal under ${threshold}), så kun status vises.` };
}

/**
 * The summer a plan year's «per summer» targets («minimum to staycations … i sommerferien») are held against: June to
 * August of the year the plan year ends in. The school summer holiday runs from late June into August, across the turn
 * of the plan year on 1 August, so the whole holiday is given to the plan year it mostly falls in; this is Helhed's
 * reading, since the plan names no dates.
 */
export function summerOf(year: PlanYear): PlanYear {
  const y = year.end.slice(0, 4);
  return { start: `${y}-06-01`, end: `${y}-08-31`, label: `sommeren ${y}` };
}

/** A «per summer» target judged over its summer (see `summerOf`), worded for the summer rather than the plan year. */
export function assessSummerOutput(target: ActivityTarget, delivered: number, year: PlanYear, today: string): OutputAssessment {
  const summer = summerOf(year);
  const a = assessOutput({ ...target, per: 'plan-year' }, delivered, summer, today);
  const reword = (text: string) => text.replaceAll('planåret', summer.label).replaceAll('Planåret', summer.label[0]!.toUpperCase() + summer.label.slice(1));
  return { ...a, text: reword(a.text), rule: `${reword(a.rule)} «I sommerferien» læses som juni-august ${summer.end.slice(0, 4)}.` };
}
