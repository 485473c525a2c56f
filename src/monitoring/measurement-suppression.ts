/**
 * Small-number suppression applied to measurements (PRODUCT.md "Small numbers"), for everything shown to or exported
 * for someone without access to the persons behind the figures: the board, partners, exports and the API.
 *
 * One indicator and one period are suppressed together, because that is where a reader can combine figures: the
 * seven areas' counts (or a share's numerators) add up to the value for all seven areas, so a small area hidden alone
 * would be given away by the total. A count of 1-4 is hidden («<5»); a share, rate or average resting on a numerator
 * or denominator below the threshold is hidden («–»); further cells are hidden («–») where a total would give a hidden
 * one away. A share reported without its numerator and denominator cannot be checked and is shown as delivered.
 */
import { isSmallCount, suppressTable, DEFAULT_THRESHOLD, type CountCell } from './small-numbers.js';
import type { IndicatorUnit } from '../plan/content/types.js';

export interface DisclosableValue {
  id: string;
  scope: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export type Disclosure = { shown: true } | { shown: false; text: string; reason: 'small' | 'complementary' | 'small-base' };

const SHOWN: Disclosure = { shown: true };

/** Decides, for the values of one indicator in one period (any scopes), which may be shown. */
export function discloseValues(unit: IndicatorUnit, values: readonly DisclosableValue[], threshold = DEFAULT_THRESHOLD): Map<string, Disclosure> {
  const out = new Map<string, Disclosure>();
  const hiddenSmall: Disclosure = { shown: false, text: `<${threshold}`, reason: 'small' };
  const hiddenBase: Disclosure = { shown: false, text: '–', reason: 'small-base' };
  const hiddenComplementary: Disclosure = { shown: false, text: '–', reason: 'complementary' };

  // The figure that adds up across the areas: the count itself, or a share's numerator when it is known.
  const additive = (v: DisclosableValue): number | null => (unit === 'count' ? v.value : v.numerator);

  for (const v of values) {
    if (unit === 'count') out.set(v.id, isSmallCount(v.value, threshold) ? hiddenSmall : SHOWN);
    else if ((v.numerator !== null && v.numerator < threshold) || (v.denominator !== null && v.denominator < threshold)) out.set(v.id, hiddenBase);
    else out.set(v.id, SHOWN);
  }

  const parts = values.filter((v) => v.scope.startsWith('area:') && additive(v) !== null);
  const total = values.find((v) => v.scope === 'areas' && additive(v) !== null);
  if (parts.length > 0 && total) {
    const table = suppressTable({ cells: [parts.map((p) => additive(p)!)], rowTotals: [additive(total)!] }, threshold);
    const apply = (v: DisclosableValue, cell: CountCell) => {
      if (cell.shown || out.get(v.id)?.shown === false) return;
      out.set(v.id, cell.reason === 'small' ? (unit === 'count' ? hiddenSmall : hiddenBase) : hiddenComplementary);
    };
    parts.forEach((p, i) => apply(p, table.cells[0]![i]!));
    apply(total, table.rowTotals![0]!);
  }
  return out;
}

/** Whether a viewer sees figures unsuppressed: only those who work with the data behind them on screen. */
export function seesUnsuppressed(roles: readonly string[]): boolean {
  return roles.includes('monitorering') || roles.includes('administrator');
}
