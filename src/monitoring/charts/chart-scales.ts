/**
 * The arithmetic behind the charts, with no markup: where a value's axis starts and ends, its round ticks, where a
 * date lies on the time axis, and how values are written in Danish. Kept apart so the rules can be tested alone.
 */
import { formatNumber } from '../../web/components.js';

/** The indicator units a chart can show (an indicator with unit `text` has no chart). */
export type ChartUnit = 'percent' | 'count' | 'rate' | 'average' | 'score';

/** A value as shown: «43,7 %» for a share, «1.234» for the others. */
export function formatValue(value: number, unit: ChartUnit): string {
  return unit === 'percent' ? `${formatNumber(value)} %` : formatNumber(value);
}

/**
 * The change from a first to a latest value in words: «et fald på 4,6 procentpoint» (a share changes by percentage
 * points), «en stigning på 12», «uændret».
 */
export function describeChange(first: number, last: number, unit: ChartUnit): string {
  const size = formatNumber(Math.abs(last - first));
  // Shown to at most two decimals: a difference that rounds to 0 is no change to the reader either.
  if (size === '0') return 'uændret';
  const amount = unit === 'percent' ? `${size} procentpoint` : size;
  return last > first ? `en stigning på ${amount}` : `et fald på ${amount}`;
}

export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
}

/** Roughly how many ticks a value axis gets; the nice step decides the exact number (4 to 7). */
const TARGET_TICKS = 5;

/** The nearest «round» step (1, 2, 2,5 or 5 times a power of ten) to a raw step. */
export function niceStep(rawStep: number): number {
  if (!(rawStep > 0) || !Number.isFinite(rawStep)) return 1;
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const fraction = rawStep / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

// Ticks are multiples of the step; rounding removes the binary noise of 0.1 + 0.2 before they are compared or shown.
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

/** Round ticks that cover [low, high], with the axis widened to the outer ticks. */
export function niceTicks(low: number, high: number): ValueAxis {
  const step = niceStep((high - low) / (TARGET_TICKS - 1));
  const min = clean(Math.floor(clean(low / step)) * step);
  const max = clean(Math.ceil(clean(high / step)) * step);
  const ticks: number[] = [];
  for (let i = 0; clean(min + i * step) <= max; i++) ticks.push(clean(min + i * step));
  return { min, max, ticks };
}

/**
 * Whether values are so far from 0 that an axis from 0 would flatten them into a line: their spread is less than a
 * sixth of the largest value (the rule spreadsheet programs use, so the charts look as readers expect from Excel).
 * 39,1-43,7 % is far from 0 (spread 4,6 < 7,3); 20-25 % is not (spread 5 > 4,2).
 */
export function isFarFromZero(low: number, high: number): boolean {
  return low > 0 && high - low < high / 6;
}

/**
 * The value axis for the shown values and the horizontal reference lines (which are always inside it, so that a
 * baseline is never drawn off the chart).
 *
 * Counts and shares start at 0, because their size is the point (twice as high means twice as many), unless all
 * values are far from 0 (see isFarFromZero). Rates, averages and scores fit the values, since their 0 means little.
 * A single value (or only equal values) gets an axis from 0 for counts and shares and ±10 % around it otherwise. With
 * no values at all (everything hidden as small numbers), shares get 0-100 % and the rest 0-10.
 */
export function valueAxis(values: readonly number[], unit: ChartUnit): ValueAxis {
  const fromZero = unit === 'percent' || unit === 'count';
  if (values.length === 0) return niceTicks(0, unit === 'percent' ? 100 : 10);
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    if (fromZero && low >= 0) return niceTicks(0, high === 0 ? 1 : high);
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    return niceTicks(low - pad, high + pad);
  }
  if (fromZero && low >= 0 && !isFarFromZero(low, high)) low = 0;
  if (fromZero && high <= 0) high = 0;
  return niceTicks(low, high);
}

/** Milliseconds since 1970 of an ISO date (YYYY-MM-DD), as a position on the time axis. */
export function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`A chart point's start must be an ISO date (YYYY-MM-DD), not "${isoDate}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A coordinate rounded to one decimal, which is finer than any screen or printer shows and keeps the markup short. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}
