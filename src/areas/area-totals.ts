/**
 * The seven areas added up, and compared with the totals the plan states in its foreword ("ca. 4.100 lejemål og ca.
 * 6.600 beboere", OCR lines 23-25). The plan's figures are kept as printed; where the areas' own figures add up to
 * something else, the page says so rather than correcting either.
 */
import type { AreaContent } from '../plan/content/types.js';

/**
 * How far a sum may lie from a figure the plan gives as "ca." before the page calls it a discrepancy. Two per cent is
 * our reading of "ca." for figures rounded to the nearest hundred in the thousands; the plan itself gives no rule.
 */
export const APPROXIMATION_TOLERANCE = 0.02;

export interface AreaSums {
  residents: number;
  tenancies: number;
  /** Children in the areas that give a figure; `childrenMissing` names the areas that do not. */
  children: number;
  childrenMissing: string[];
  estates: number;
  onStateList: number;
}

export function sumAreas(areas: readonly AreaContent[]): AreaSums {
  const sum = (pick: (a: AreaContent) => number | null) => areas.reduce((total, a) => total + (pick(a) ?? 0), 0);
  return {
    residents: sum((a) => a.residents),
    tenancies: sum((a) => a.tenancies),
    children: sum((a) => a.children),
    childrenMissing: areas.filter((a) => a.children === null).map((a) => a.name),
    estates: sum((a) => a.estates.length),
    onStateList: areas.filter((a) => a.onStateList).length,
  };
}

export interface Discrepancy {
  sum: number;
  stated: number;
  difference: number;
  /** The difference as a share of the stated figure, e.g. 0.0326. */
  share: number;
}

/** The discrepancy between a sum and a figure the plan states as approximate, or null when "ca." covers it. */
export function discrepancy(sum: number, statedApproximately: number): Discrepancy | null {
  const difference = sum - statedApproximately;
  const share = statedApproximately === 0 ? 0 : Math.abs(difference) / statedApproximately;
  return share > APPROXIMATION_TOLERANCE ? { sum, stated: statedApproximately, difference, share } : null;
}
