import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayCount, suppressShare, suppressTable, type CountTable, type SuppressedTable } from './small-numbers.js';

/**
 * A reader who knows every shown figure, that «<5» means 1-4, and that every line adds up to its total, tries every
 * assignment of the hidden cells and collects the values each hidden cell can take.
 */
function whatAReaderCanWorkOut(table: CountTable, shown: SuppressedTable, threshold = 5, maxValue = 40): Map<string, Set<number>> {
  const rows = table.cells.length;
  const cols = table.cells[0]!.length;
  type Key = string;
  const slots: { key: Key; domain: number[] }[] = [];
  const value = new Map<Key, number>();
  const domainOf = (cell: { shown: boolean; reason?: string }, actual: number, bound = maxValue) =>
    cell.shown ? [actual] : cell.reason === 'small' ? Array.from({ length: threshold - 1 }, (_, i) => i + 1) : Array.from({ length: bound + 1 }, (_, i) => i);
  // A reader knows a cell is no larger than a shown total of its row or column.
  const shownTotal = (cell: { shown: boolean } | undefined, v: number | undefined) => (cell?.shown && v !== undefined ? v : maxValue);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const bound = Math.min(shownTotal(shown.rowTotals?.[r], table.rowTotals?.[r]), shownTotal(shown.columnTotals?.[c], table.columnTotals?.[c]));
      slots.push({ key: `c${r},${c}`, domain: domainOf(shown.cells[r]![c]!, table.cells[r]![c]!, bound) });
    }
  }
  table.rowTotals?.forEach((t, r) => slots.push({ key: `r${r}`, domain: domainOf(shown.rowTotals![r]!, t) }));
  table.columnTotals?.forEach((t, c) => slots.push({ key: `k${c}`, domain: domainOf(shown.columnTotals![c]!, t) }));
  if (table.grandTotal !== undefined) slots.push({ key: 'g', domain: domainOf(shown.grandTotal!, table.grandTotal) });

  const consistent = (): boolean => {
    const get = (k: Key) => value.get(k);
    for (let r = 0; r < rows; r++) {
      if (!table.rowTotals) break;
      const parts = Array.from({ length: cols }, (_, c) => get(`c${r},${c}`));
      const total = get(`r${r}`);
      if (parts.every((p) => p !== undefined) && total !== undefined && parts.reduce((a, b) => a! + b!, 0) !== total) return false;
    }
    for (let c = 0; c < cols; c++) {
      if (!table.columnTotals) break;
      const parts = Array.from({ length: rows }, (_, r) => get(`c${r},${c}`));
      const total = get(`k${c}`);
      if (parts.every((p) => p !== undefined) && total !== undefined && parts.reduce((a, b) => a! + b!, 0) !== total) return false;
    }
    const g = get('g');
    if (g !== undefined && table.rowTotals) {
      const parts = table.rowTotals.map((_, r) => get(`r${r}`));
      if (parts.every((p) => p !== undefined) && parts.reduce((a, b) => a! + b!, 0) !== g) return false;
    }
    if (g !== undefined && table.columnTotals) {
      const parts = table.columnTotals.map((_, c) => get(`k${c}`));
      if (parts.every((p) => p !== undefined) && parts.reduce((a, b) => a! + b!, 0) !== g) return false;
    }
    return true;
  };

  const possible = new Map<Key, Set<number>>(slots.map((s) => [s.key, new Set<number>()]));
  const search = (i: number) => {
    if (i === slots.length) {
      for (const s of slots) possible.get(s.key)!.add(value.get(s.key)!);
      return;
    }
    for (const v of slots[i]!.domain) {
      value.set(slots[i]!.key, v);
      if (consistent()) search(i + 1);
    }
    value.delete(slots[i]!.key);
  };
  search(0);
  return possible;
}

function assertNothingSmallRecoverable(table: CountTable, threshold = 5) {
  const shown = suppressTable(table, threshold);
  const largest = Math.max(...table.cells.flat(), ...(table.rowTotals ?? []), ...(table.columnTotals ?? []), table.grandTotal ?? 0);
  const possible = whatAReaderCanWorkOut(table, shown, threshold, largest);
  const actual = new Map<string, number>([
    ...table.cells.flatMap((row, r) => row.map((v, c) => [`c${r},${c}`, v] as [string, number])),
    ...(table.rowTotals ?? []).map((v, r) => [`r${r}`, v] as [string, number]),
    ...(table.columnTotals ?? []).map((v, c) => [`k${c}`, v] as [string, number]),
    ...(table.grandTotal === undefined ? [] : [['g', table.grandTotal] as [string, number]]),
  ]);
  // The reader's search must at least find the truth, or it proves nothing.
  for (const [key, v] of actual) assert.ok(possible.get(key)!.has(v), `the search missed the true value of ${key}`);
  for (const [key, values] of possible) {
    if (values.size === 1) {
      const [v] = values;
      assert.ok(!(v! >= 1 && v! < threshold), `${key} can be worked out as ${v}`);
    }
  }
  return shown;
}

describe('small numbers', () => {
  it('shows «<5» for counts from 1 to 4 and shows 0 and 5 as they are', () => {
    const shown = suppressTable({ cells: [[0, 1, 4, 5]] }).cells[0]!.map((c) => displayCount(c));
    assert.deepEqual(shown, ['0', '<5', '<5', '5']);
  });

  it('uses the configured threshold', () => {
    assert.deepEqual(suppressTable({ cells: [[9, 10]] }, 10).cells[0]!.map((c) => displayCount(c, 10)), ['<10', '10']);
  });

  it('hides a share whose numerator or denominator is below 5', () => {
    assert.deepEqual(suppressShare(4, 100), { shown: false });
    assert.deepEqual(suppressShare(0, 100), { shown: false });
    assert.deepEqual(suppressShare(5, 4), { shown: false });
    assert.equal(suppressShare(5, 20).shown, true);
  });

  it('hides a second cell where a row total would give the small one away', () => {
    const table = { cells: [[3, 20, 12]], rowTotals: [35] };
    const shown = assertNothingSmallRecoverable(table);
    assert.deepEqual(shown.cells[0]!.map((c) => displayCount(c)), ['<5', '20', '–']);
    assert.deepEqual(shown.rowTotals!.map((c) => displayCount(c)), ['35']);
  });

  it('keeps hiding while the hidden cells add up to a small count the total gives away', () => {
    const table = { cells: [[1, 2, 0, 30]], rowTotals: [33] };
    const shown = assertNothingSmallRecoverable(table);
    assert.equal(shown.cells[0]![3]!.shown, false, 'the 30 must go too: 1 + 2 = 3 would be known');
  });

  it('protects a small cell in a table with row, column and grand totals against every way of adding up', () => {
    assertNothingSmallRecoverable({
      cells: [
        [2, 6, 7],
        [8, 6, 5],
        [6, 5, 9],
      ],
      rowTotals: [15, 19, 20],
      columnTotals: [16, 17, 21],
      grandTotal: 54,
    });
  });

  it('hides a small total and protects it through the grand total', () => {
    assertNothingSmallRecoverable({
      cells: [
        [1, 2],
        [10, 6],
      ],
      rowTotals: [3, 16],
      columnTotals: [11, 8],
      grandTotal: 19,
    });
  });

  it('leaves a table without small counts alone', () => {
    const shown = suppressTable({ cells: [[5, 6], [7, 0]], rowTotals: [11, 7], columnTotals: [12, 6], grandTotal: 18 });
    assert.ok(shown.cells.flat().every((c) => c.shown));
  });
});
