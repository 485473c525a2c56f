/**
 * Small numbers (PRODUCT.md "Small numbers"): aggregates that leave the system for someone without access to the
 * persons behind them never show a count from 1 to 4, nor a share whose numerator or denominator is below 5; they show
 * «<5» or «–» instead, and further cells are suppressed where totals would let a reader work a small one out. The
 * threshold is configurable, 5 by default.
 */

export const DEFAULT_THRESHOLD = 5;

export type CountCell =
  | { shown: true; value: number }
  /** `small`: the count itself is 1 to threshold-1. `complementary`: hidden so that a small one cannot be worked out. */
  | { shown: false; reason: 'small' | 'complementary' };

export function isSmallCount(value: number, threshold = DEFAULT_THRESHOLD): boolean {
  return value >= 1 && value < threshold;
}

/** What a count cell shows: the number, «<5» for a small count, «–» for one hidden to protect another. */
export function displayCount(cell: CountCell, threshold = DEFAULT_THRESHOLD, format: (n: number) => string = String): string {
  if (cell.shown) return format(cell.value);
  return cell.reason === 'small' ? `<${threshold}` : '–';
}

export type ShareCell = { shown: true; value: number; numerator: number; denominator: number } | { shown: false };

/** A share is shown only when both its numerator and its denominator are at least the threshold. */
export function suppressShare(numerator: number, denominator: number, threshold = DEFAULT_THRESHOLD): ShareCell {
  if (numerator < threshold || denominator < threshold || denominator === 0) return { shown: false };
  return { shown: true, value: numerator / denominator, numerator, denominator };
}

export function displayShare(cell: ShareCell, format: (fraction: number) => string): string {
  return cell.shown ? format(cell.value) : '–';
}

/** A table of counts with optional row totals, column totals and a grand total (each the sum of its line). */
export interface CountTable {
  cells: number[][];
  rowTotals?: number[];
  columnTotals?: number[];
  grandTotal?: number;
}

export interface SuppressedTable {
  cells: CountCell[][];
  rowTotals?: CountCell[];
  columnTotals?: CountCell[];
  grandTotal?: CountCell;
}

interface Slot {
  value: number;
  cell: CountCell;
}

const shownCell = (value: number, threshold: number): CountCell => (isSmallCount(value, threshold) ? { shown: false, reason: 'small' } : { shown: true, value });

/**
 * Suppresses a table: first every small count, then, line by line (each row with its total, each column with its
 * total, and the totals with the grand total), more cells wherever a line would let a reader work a hidden value
 * out: a line with one hidden member, or whose hidden cells add up to a small count the visible total gives away.
 * The smallest visible cell is hidden next; repeated until no line gives anything away.
 */
export function suppressTable(table: CountTable, threshold = DEFAULT_THRESHOLD): SuppressedTable {
  const cells: Slot[][] = table.cells.map((row) => row.map((value) => ({ value, cell: shownCell(value, threshold) })));
  const rowTotals = table.rowTotals?.map((value) => ({ value, cell: shownCell(value, threshold) }));
  const columnTotals = table.columnTotals?.map((value) => ({ value, cell: shownCell(value, threshold) }));
  const grandTotal = table.grandTotal === undefined ? undefined : { value: table.grandTotal, cell: shownCell(table.grandTotal, threshold) };

  const lines: { members: Slot[]; total: Slot }[] = [];
  cells.forEach((row, r) => rowTotals?.[r] && lines.push({ members: row, total: rowTotals[r]! }));
  const width = Math.max(0, ...cells.map((row) => row.length));
  for (let c = 0; c < width; c++) {
    if (columnTotals?.[c]) lines.push({ members: cells.map((row) => row[c]!).filter(Boolean), total: columnTotals[c]! });
  }
  if (grandTotal && rowTotals) lines.push({ members: rowTotals, total: grandTotal });
  if (grandTotal && columnTotals) lines.push({ members: columnTotals, total: grandTotal });
  if (grandTotal && !rowTotals && !columnTotals) lines.push({ members: cells.flat(), total: grandTotal });

  const hide = (slot: Slot) => {
    slot.cell = { shown: false, reason: 'complementary' };
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const slots = [...line.members, line.total];
      const hidden = slots.filter((s) => !s.cell.shown);
      if (hidden.length === 0) continue;
      const hiddenMembers = line.members.filter((s) => !s.cell.shown);
      const hiddenSum = hiddenMembers.reduce((sum, s) => sum + s.value, 0);
      const givesAway = hidden.length === 1 || (line.total.cell.shown && isSmallCount(hiddenSum, threshold));
      if (!givesAway) continue;
      const candidates = line.members.filter((s) => s.cell.shown).sort((a, b) => (a.value === 0 ? 1 : 0) - (b.value === 0 ? 1 : 0) || a.value - b.value);
      const next = candidates[0] ?? (line.total.cell.shown ? line.total : undefined);
      if (next) {
        hide(next);
        changed = true;
      }
    }
  }
  return {
    cells: cells.map((row) => row.map((s) => s.cell)),
    ...(rowTotals ? { rowTotals: rowTotals.map((s) => s.cell) } : {}),
    ...(columnTotals ? { columnTotals: columnTotals.map((s) => s.cell) } : {}),
    ...(grandTotal ? { grandTotal: grandTotal.cell } : {}),
  };
}
