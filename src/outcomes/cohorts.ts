/**
 * Cohort views: an activity's participants before and after their enrolment, in windows of school terms counted from
 * the term in which each one started, with the cohort's mean or distribution per window compared with the areas and
 * the municipality for the same periods. Always aggregated and suppressed (PRODUCT.md, "Small numbers"): no count
 * from 1 to the threshold - 1, no share whose numerator or denominator is below the threshold, no mean over fewer
 * persons than the threshold, for every role, since a cohort view leaves the persons behind. Pure.
 */
import { isSmallCount, suppressShare, suppressTable, type CountCell, type ShareCell } from '../monitoring/small-numbers.js';
import type { OutcomeMeasure } from './outcome-measures.js';
import { overlapDays, termOf, termPeriod, windowLabel, type TermIndex } from './terms.js';

/** A participant of the cohort: where they live and when their (first) enrolment in the activity started. */
export interface CohortMember {
  participantId: string;
  areaSlug: string | null;
  startDate: string;
}

/** One stored outcome value of a cohort member. */
export interface CohortValue {
  participantId: string;
  periodEnd: string;
  value: number | null;
  valueText: string | null;
}

/** A current monitoring value of a plan indicator for a scope (`area:<slug>`, `areas`, `municipality`). */
export interface ComparisonPoint {
  indicator: string;
  scope: string;
  start: string;
  end: string;
  label: string;
  value: number;
}

/** A cohort figure: shown, or hidden because too few persons are behind it (`small`) or none are (`none`). */
export type CohortFigure = { shown: true; value: number } | { shown: false; reason: 'small' | 'none' };

/** A comparison figure for one window: the periods it is taken from and those that have no value. */
export interface ComparisonCell {
  value: number | null;
  periods: string[];
  missing: string[];
}

export interface CohortStatistic {
  key: string;
  label: string;
  kind: 'mean' | 'share';
  /** The plan indicator it is compared with, or null. */
  indicator: string | null;
  /** One per window. */
  cohort: CohortFigure[];
  /** One per comparison scope, each with one cell per window; empty when there is no indicator to compare with. */
  comparisons: { scope: string; label: string; cells: ComparisonCell[] }[];
}

export interface CohortWindow {
  offset: number;
  label: string;
  /** Persons with a value in the window. */
  n: CountCell;
}

export interface CohortDistribution {
  values: { value: string; label: string }[];
  /** One per window: the count with each value and its share of n. */
  rows: { counts: CountCell[]; shares: ShareCell[] }[];
}

export interface CohortResult {
  /** The cohort's participants (enrolled, not only those measured). */
  enrolled: CountCell;
  windows: CohortWindow[];
  statistics: CohortStatistic[];
  distribution: CohortDistribution | null;
  threshold: number;
}

export interface CohortInput {
  measure: OutcomeMeasure;
  members: readonly CohortMember[];
  values: readonly CohortValue[];
  offsets: readonly number[];
  threshold: number;
  comparisons: readonly ComparisonPoint[];
  /** The scopes to compare with, in order, with their Danish labels. */
  scopes: readonly { scope: string; label: string }[];
  /**
   * When `members` is part of a larger cohort (those who started in one plan year), the whole cohort: a window whose
   * figures differ from the whole one's by 1 to threshold - 1 persons is withheld, since the two views side by side
   * would give those few persons' figures away.
   */
  wholeMembers?: readonly CohortMember[];
}

const count = (n: number, threshold: number): CountCell => (isSmallCount(n, threshold) ? { shown: false, reason: 'small' } : { shown: true, value: n });

/** The value each member has in each window: the latest value whose period ends in the window's term. */
function valuesByWindow(input: CohortInput): Map<number, { participantId: string; term: TermIndex; value: CohortValue }[]> {
  const startTerm = new Map<string, TermIndex>();
  for (const m of input.members) startTerm.set(m.participantId, termOf(m.startDate));
  // Per window, each member's latest value in it: a map per window keeps the keys plain participant ids.
  const latest = new Map<number, Map<string, CohortValue>>(input.offsets.map((o) => [o, new Map()]));
  const scale = input.measure.scale;
  // A value the measure cannot take (written before a change of the catalogue, or by hand in the database) is left
  // out rather than counted in n without a place in the distribution.
  const allowed = new Set(scale.type === 'category' ? scale.values.map((v) => v.value) : []);
  const fits = (v: CohortValue) =>
    scale.type === 'category' ? v.valueText !== null && allowed.has(v.valueText) : v.value !== null && v.value >= scale.min && v.value <= scale.max;
  for (const v of input.values) {
    const start = startTerm.get(v.participantId);
    if (start === undefined || !fits(v)) continue;
    const window = latest.get(termOf(v.periodEnd) - start);
    if (!window) continue;
    const seen = window.get(v.participantId);
    if (!seen || seen.periodEnd < v.periodEnd) window.set(v.participantId, v);
  }
  const perWindow = new Map<number, { participantId: string; term: TermIndex; value: CohortValue }[]>();
  for (const [offset, window] of latest) {
    const list: { participantId: string; term: TermIndex; value: CohortValue }[] = [];
    for (const [participantId, value] of window) list.push({ participantId, term: termOf(value.periodEnd), value });
    perWindow.set(offset, list);
  }
  return perWindow;
}

/** The monitoring value for a term: the one whose period covers most of the term (at least half), the shorter on a tie. */
function pointForTerm(points: readonly ComparisonPoint[], term: TermIndex): ComparisonPoint | null {
  const period = termPeriod(term);
  const half = overlapDays(period, period) / 2;
  let best: ComparisonPoint | null = null;
  let bestOverlap = 0;
  for (const p of points) {
    const overlap = overlapDays(period, p);
    if (overlap < half) continue;
    const span = overlapDays(p, p);
    if (!best || overlap > bestOverlap || (overlap === bestOverlap && span < overlapDays(best, best))) {
      best = p;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * The comparison for a window: the monitoring values for the terms the cohort was measured in, weighted by how many
 * of the cohort were measured in each, so that the area and the municipality are taken for the same periods.
 */
function comparisonCell(points: readonly ComparisonPoint[], termWeights: Map<TermIndex, number>): ComparisonCell {
  let sum = 0;
  let weight = 0;
  const periods = new Set<string>();
  const missing: string[] = [];
  for (const [term, w] of [...termWeights].sort((a, b) => a[0] - b[0])) {
    const p = pointForTerm(points, term);
    if (!p) {
      missing.push(termPeriod(term).label);
      continue;
    }
    sum += p.value * w;
    weight += w;
    periods.add(p.label);
  }
  return { value: weight === 0 ? null : sum / weight, periods: [...periods], missing };
}

/** Aggregates a cohort per window, suppressed, with its comparisons. */
export function aggregateCohort(input: CohortInput): CohortResult {
  const { measure, threshold, offsets } = input;
  const perWindow = valuesByWindow(input);
  const windowsValues = offsets.map((o) => perWindow.get(o) ?? []);
  const ns = windowsValues.map((w) => w.length);

  const pointsBy = new Map<string, ComparisonPoint[]>();
  for (const p of input.comparisons) {
    const key = `${p.indicator}\u0000${p.scope}`;
    pointsBy.set(key, [...(pointsBy.get(key) ?? []), p]);
  }
  const termWeights = windowsValues.map((w) => {
    const weights = new Map<TermIndex, number>();
    for (const v of w) weights.set(v.term, (weights.get(v.term) ?? 0) + 1);
    return weights;
  });
  const comparisonsFor = (indicator: string | null) =>
    indicator === null
      ? []
      : input.scopes.map(({ scope, label }) => ({
          scope,
          label,
          // Where the cohort figure is hidden, so is the list of periods its members were measured in.
          cells: termWeights.map((weights, i) => (ns[i]! < threshold ? { value: null, periods: [], missing: [] } : comparisonCell(pointsBy.get(`${indicator}\u0000${scope}`) ?? [], weights))),
        }));

  const statistics: CohortStatistic[] = [];
  let distribution: CohortDistribution | null = null;
  let nCells: CountCell[];
  const scale = measure.scale;

  if (scale.type === 'number') {
    nCells = ns.map((n) => count(n, threshold));
    statistics.push({
      key: 'gennemsnit',
      label: 'Gennemsnit',
      kind: 'mean',
      indicator: scale.meanComparable?.indicator ?? null,
      cohort: windowsValues.map((w) => {
        if (w.length === 0) return { shown: false, reason: 'none' };
        if (w.length < threshold) return { shown: false, reason: 'small' };
        return { shown: true, value: w.reduce((s, v) => s + (v.value.value ?? 0), 0) / w.length };
      }),
      comparisons: comparisonsFor(scale.meanComparable?.indicator ?? null),
    });
    if (scale.above) {
      const level = scale.above.level;
      statistics.push({
        key: 'over',
        label: scale.above.label,
        kind: 'share',
        indicator: scale.above.comparable?.indicator ?? null,
        cohort: windowsValues.map((w) => shareFigure(w.filter((v) => (v.value.value ?? 0) > level).length, w.length, threshold)),
        comparisons: comparisonsFor(scale.above.comparable?.indicator ?? null),
      });
    }
  } else {
    const counts = windowsValues.map((w) => scale.values.map((c) => w.filter((v) => v.value.valueText === c.value).length));
    const rows = counts.map((row, i) => {
      const suppressed = suppressTable({ cells: [row], rowTotals: [ns[i]!] }, threshold);
      const cells = suppressed.cells[0]!;
      return { counts: cells, total: suppressed.rowTotals![0]!, shares: cells.map((c, j) => (c.shown ? suppressShare(row[j]!, ns[i]!, threshold) : ({ shown: false } as ShareCell))) };
    });
    nCells = rows.map((r) => r.total);
    distribution = { values: scale.values.map((v) => ({ value: v.value, label: v.label })), rows: rows.map((r) => ({ counts: r.counts, shares: r.shares })) };
    for (const [j, v] of scale.values.entries()) {
      statistics.push({
        key: v.value,
        label: `Andel: ${v.label}`,
        kind: 'share',
        indicator: v.comparable?.indicator ?? null,
        cohort: rows.map((r, i) => (ns[i] === 0 ? { shown: false, reason: 'none' } : r.shares[j]!.shown ? { shown: true, value: (r.shares[j] as { value: number }).value * 100 } : { shown: false, reason: 'small' })),
        comparisons: comparisonsFor(v.comparable?.indicator ?? null),
      });
    }
    if (scale.group) {
      const group = scale.group;
      const members = scale.values.map((v, j) => (group.values.includes(v.value) ? j : -1)).filter((j) => j >= 0);
      statistics.push({
        key: 'gruppe',
        label: `Andel: ${group.label}`,
        kind: 'share',
        indicator: group.comparable?.indicator ?? null,
        cohort: rows.map((r, i) => {
          if (ns[i] === 0) return { shown: false, reason: 'none' };
          // A group's count minus its shown members would give away a hidden member, unless every hidden cell of the
          // row is in the group (then the group is n minus the shown cells anyway, which suppression already allows).
          const hiddenInGroup = members.filter((j) => !r.counts[j]!.shown).length;
          const hiddenInRow = r.counts.filter((c) => !c.shown).length;
          if (hiddenInGroup > 0 && hiddenInGroup !== hiddenInRow) return { shown: false, reason: 'small' };
          return shareFigure(members.reduce((s, j) => s + counts[i]![j]!, 0), ns[i]!, threshold);
        }),
        comparisons: comparisonsFor(group.comparable?.indicator ?? null),
      });
    }
  }

  let enrolled = count(input.members.length, threshold);
  if (input.wholeMembers) {
    if (isSmallCount(input.wholeMembers.length - input.members.length, threshold)) enrolled = { shown: false, reason: 'complementary' };
    const whole = valuesByWindow({ ...input, members: input.wholeMembers });
    offsets.forEach((offset, i) => {
      if (!isSmallCount((whole.get(offset)?.length ?? 0) - ns[i]!, threshold)) return;
      nCells[i] = { shown: false, reason: 'complementary' };
      for (const s of statistics) {
        s.cohort[i] = { shown: false, reason: 'small' };
        for (const c of s.comparisons) c.cells[i] = { value: null, periods: [], missing: [] };
      }
      if (distribution) distribution.rows[i] = { counts: distribution.rows[i]!.counts.map(() => ({ shown: false, reason: 'complementary' })), shares: distribution.rows[i]!.shares.map(() => ({ shown: false })) };
    });
  }

  return {
    enrolled,
    windows: offsets.map((offset, i) => ({ offset, label: windowLabel(offset), n: nCells[i]! })),
    statistics,
    distribution,
    threshold,
  };
}

/** A share in percent, shown only when both its numerator and its denominator reach the threshold. */
function shareFigure(numerator: number, denominator: number, threshold: number): CohortFigure {
  if (denominator === 0) return { shown: false, reason: 'none' };
  const share = suppressShare(numerator, denominator, threshold);
  return share.shown ? { shown: true, value: share.value * 100 } : { shown: false, reason: 'small' };
}

/**
 * The areas a cohort is compared with: those where at least `threshold` of its members live (fewer would let a
 * reader place a handful of persons), in the given order.
 */
export function comparisonAreas(members: readonly CohortMember[], areas: readonly { slug: string; name: string }[], threshold: number): { slug: string; name: string }[] {
  const counts = new Map<string, number>();
  for (const m of members) if (m.areaSlug) counts.set(m.areaSlug, (counts.get(m.areaSlug) ?? 0) + 1);
  return areas.filter((a) => (counts.get(a.slug) ?? 0) >= threshold);
}
