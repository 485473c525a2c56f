/**
 * Data-quality flags on measurements: figures that cannot be right (a share over 100 %, a numerator above its
 * denominator), figures that disagree with each other (a share against its numerator and denominator, the areas
 * against their total) and figures that jump. Pure rules, no I/O. A flag does not reject a value; the monitoring unit
 * explains it (Measurement.explanation) before the value reaches a report.
 */
import { areas } from '../plan/content/areas.js';
import type { IndicatorUnit } from '../plan/content/types.js';
import type { PeriodKind } from './measurement.js';
import { formatDifference, formatIndicatorValue } from './status.js';

export type DataQualityCode =
  | 'share-out-of-range'
  | 'numerator-above-denominator'
  | 'share-mismatch'
  | 'not-whole'
  | 'parts-exceed-total'
  | 'parts-differ-from-total'
  | 'jump';

export interface DataQualityFlag {
  code: DataQualityCode;
  /** In Danish, naming the figures. */
  message: string;
}

/**
 * How large a change from one period to the next must be to count as a jump: `sharePoints` procentpoint for a share,
 * otherwise `relative` of the previous value (0.5 = 50 %). A change exactly at the threshold is not a jump.
 */
export interface JumpThreshold {
  sharePoints: number;
  relative: number;
}

/** Everything the flags can be tuned by; a service holds one and passes it to each function. */
export interface FlagConfig {
  /** How far (procentpoint) a share may lie from 100 · numerator / denominator; rounding to one decimal stays within. */
  shareMismatchPoints: number;
  jump: JumpThreshold;
  /** The plan's number of areas: only when all of them are reported must they add up to the total for `areas`. */
  areaCount: number;
}

export const DEFAULT_FLAG_CONFIG: FlagConfig = {
  shareMismatchPoints: 0.05,
  jump: { sharePoints: 10, relative: 0.5 },
  // Randers 2025-29's seven areas; a plan with another number configures its own.
  areaCount: areas.length,
};

// Figures arrive as decimals typed or computed elsewhere; a difference this small is representation noise.
const EPSILON = 1e-9;
const isWhole = (x: number) => Math.abs(x - Math.round(x)) <= EPSILON;

// Built once: these run over every row of an import.
const upToTwoDecimals = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const oneDecimalAtMost = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const plain = (x: number) => upToTwoDecimals.format(x);

/** A value with its numerator and denominator, as imported or corrected. */
export interface ValueToCheck {
  unit: IndicatorUnit;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The flags one value earns on its own:
 * - a share outside 0-100 % (`share-out-of-range`);
 * - a share's numerator above its denominator (`numerator-above-denominator`): only for shares, since an average's
 *   numerator is a sum and a rate's may count events more than once;
 * - a share more than `shareMismatchPoints` from 100 · numerator / denominator (`share-mismatch`), when both are given
 *   and the denominator is not 0;
 * - a count that is not whole, and (`not-whole`) a numerator that is not whole for shares, counts and rates (it counts
 *   persons or events) or a denominator that is not whole for any unit (it counts persons, pupils or respondents).
 * A text indicator has no flags.
 */
export function flagsForValue(m: ValueToCheck, config: Pick<FlagConfig, 'shareMismatchPoints'> = DEFAULT_FLAG_CONFIG): DataQualityFlag[] {
  const flags: DataQualityFlag[] = [];
  if (m.unit === 'text') return flags;
  const { value, numerator, denominator } = m;
  const share = m.unit === 'percent';

  if (share && (value < 0 || value > 100)) {
    flags.push({ code: 'share-out-of-range', message: `Andelen ${formatIndicatorValue('percent', value)} ligger uden for 0-100 %.` });
  }
  if (share && numerator !== null && denominator !== null && numerator > denominator) {
    flags.push({ code: 'numerator-above-denominator', message: `Tælleren ${plain(numerator)} er større end nævneren ${plain(denominator)}.` });
  }
  if (share && numerator !== null && denominator !== null && denominator !== 0) {
    const computed = (100 * numerator) / denominator;
    if (Math.abs(value - computed) > config.shareMismatchPoints + EPSILON) {
      flags.push({
        code: 'share-mismatch',
        message:
          `Andelen ${formatIndicatorValue('percent', value)} passer ikke med tæller og nævner: ` +
          `${plain(numerator)} af ${plain(denominator)} er ${formatIndicatorValue('percent', computed)}.`,
      });
    }
  }
  if (m.unit === 'count' && !isWhole(value)) {
    flags.push({ code: 'not-whole', message: `Antallet ${plain(value)} er ikke et helt tal.` });
  }
  if ((share || m.unit === 'count' || m.unit === 'rate') && numerator !== null && !isWhole(numerator)) {
    flags.push({ code: 'not-whole', message: `Tælleren ${plain(numerator)} er ikke et helt tal.` });
  }
  if (denominator !== null && !isWhole(denominator)) {
    flags.push({ code: 'not-whole', message: `Nævneren ${plain(denominator)} er ikke et helt tal.` });
  }
  return flags;
}

/** One value of a series: an indicator for one scope over several periods. */
export interface SeriesPoint {
  periodStart: string;
  periodKind: PeriodKind;
  value: number;
  /** The period as shown in the flag's message, e.g. `2024`, `2023/24`. */
  periodLabel: string;
}

/**
 * Jumps in a series: each value is compared with the value of the previous period of the same kind (by start date;
 * a calendar year is not compared with a school year). A change beyond the threshold (see {@link JumpThreshold})
 * flags the later value. From a previous value of 0 every change is a jump, since no relative change can be
 * computed. Returns the flags by the value's index in `series`; values without flags are left out. Takes the
 * thresholds themselves or the whole {@link FlagConfig}.
 */
export function flagJumps(
  series: readonly SeriesPoint[],
  unit: IndicatorUnit,
  thresholdOrConfig: JumpThreshold | Pick<FlagConfig, 'jump'> = DEFAULT_FLAG_CONFIG,
): Map<number, DataQualityFlag[]> {
  const threshold = 'jump' in thresholdOrConfig ? thresholdOrConfig.jump : thresholdOrConfig;
  const flags = new Map<number, DataQualityFlag[]>();
  if (unit === 'text') return flags;
  const byKind = new Map<PeriodKind, number[]>();
  series.forEach((point, index) => {
    const indices = byKind.get(point.periodKind);
    if (indices) indices.push(index);
    else byKind.set(point.periodKind, [index]);
  });
  for (const indices of byKind.values()) {
    // ISO dates sort as strings; the sort is stable, so a repeated period keeps its input order.
    indices.sort((a, b) => (series[a]!.periodStart < series[b]!.periodStart ? -1 : series[a]!.periodStart > series[b]!.periodStart ? 1 : 0));
    for (let i = 1; i < indices.length; i++) {
      const previous = series[indices[i - 1]!]!;
      const current = series[indices[i]!]!;
      const message = jumpMessage(previous, current, unit, threshold);
      if (message) flags.set(indices[i]!, [{ code: 'jump', message }]);
    }
  }
  return flags;
}

function jumpMessage(previous: SeriesPoint, current: SeriesPoint, unit: IndicatorUnit, threshold: JumpThreshold): string | null {
  const change = current.value - previous.value;
  const from = `Spring fra ${formatIndicatorValue(unit, previous.value)} (${previous.periodLabel})`;
  const to = `til ${formatIndicatorValue(unit, current.value)} (${current.periodLabel})`;
  if (unit === 'percent') {
    if (Math.abs(change) <= threshold.sharePoints + EPSILON) return null;
    return `${from} ${to}: ${formatDifference(unit, change)}, mere end grænsen på ${formatDifference(unit, threshold.sharePoints)}.`;
  }
  if (Math.abs(change) <= EPSILON) return null;
  if (previous.value === 0) return `${from} ${to}: en ændring fra 0.`;
  const relative = Math.abs(change) / Math.abs(previous.value);
  if (relative <= threshold.relative + EPSILON) return null;
  return (
    `${from} ${to}: ${oneDecimalAtMost.format(relative * 100)} % ${change > 0 ? 'højere' : 'lavere'}, ` +
    `mere end grænsen på ${oneDecimalAtMost.format(threshold.relative * 100)} %.`
  );
}

/** One area's value with its numerator and denominator. Scopes other than `area:<slug>` are ignored. */
export interface PartToCheck {
  scope: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface TotalToCheck {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The areas against their total (scope `areas`); the flags go on the total.
 * - For counts, the areas' values together must not exceed the total (`parts-exceed-total`), and when every one of the
 *   plan's `config.areaCount` areas is present they must add up to it (`parts-differ-from-total`).
 * - For shares, the same for the numerators and for the denominators, using the areas that give one and only when the
 *   total gives one; a share itself is not added up.
 * - Other units (averages, rates, scores) cannot be added up and get no flags.
 */
export function flagPartsAndTotal(
  parts: readonly PartToCheck[],
  total: TotalToCheck | null,
  unit: IndicatorUnit,
  config: Pick<FlagConfig, 'areaCount'> = DEFAULT_FLAG_CONFIG,
): DataQualityFlag[] {
  if (!total) return [];
  const { areaCount } = config;
  const areaParts = parts.filter((p) => p.scope.startsWith('area:'));
  if (unit === 'count') return checkSum(areaParts, (p) => p.value, total.value, areaCount, ['antal', 'tallet']);
  if (unit !== 'percent') return [];
  const flags: DataQualityFlag[] = [];
  if (total.numerator !== null) flags.push(...checkSum(areaParts, (p) => p.numerator, total.numerator, areaCount, ['tællere', 'tælleren']));
  if (total.denominator !== null) flags.push(...checkSum(areaParts, (p) => p.denominator, total.denominator, areaCount, ['nævnere', 'nævneren']));
  return flags;
}

function checkSum(parts: readonly PartToCheck[], pick: (p: PartToCheck) => number | null, total: number, areaCount: number, [partsNoun, totalNoun]: [string, string]): DataQualityFlag[] {
  let sum = 0;
  const scopes = new Set<string>();
  for (const part of parts) {
    const figure = pick(part);
    if (figure === null) continue;
    sum += figure;
    scopes.add(part.scope);
  }
  if (sum > total + EPSILON) {
    return [
      {
        code: 'parts-exceed-total',
        message: `Områdernes ${partsNoun} giver tilsammen ${plain(sum)} (${scopes.size} af ${areaCount} områder), men ${totalNoun} for alle områder er ${plain(total)}.`,
      },
    ];
  }
  if (scopes.size >= areaCount && Math.abs(sum - total) > EPSILON) {
    return [
      {
        code: 'parts-differ-from-total',
        message: `De ${areaCount} områders ${partsNoun} giver tilsammen ${plain(sum)}, men ${totalNoun} for alle områder er ${plain(total)}.`,
      },
    ];
  }
  return [];
}
