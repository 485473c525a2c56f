import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completeness, expectedYears, type CompletenessInput } from './completeness.js';

const indicators = [
  { code: 'sam-1', name: 'Antallet af udsættelser' },
  { code: 'sam-3', name: 'Fraflytningsprocenten' },
];
const scopes = [
  { scope: 'area:vangdalen', label: 'Vangdalen' },
  { scope: 'area:gl-jennumparken', label: 'Gl. Jennumparken' },
];
const periods = [
  { start: '2024-01-01', label: '2024' },
  { start: '2025-01-01', label: '2025' },
];

/** A grid where exactly the given `code|scope|start` cells have a value. */
function aGrid(present: string[], overrides: Partial<CompletenessInput> = {}): CompletenessInput {
  const cells = new Set(present);
  return { indicators, scopes, periods, has: (code, scope, start) => cells.has(`${code}|${scope}|${start}`), ...overrides };
}

const all = indicators.flatMap((i) => scopes.flatMap((s) => periods.map((p) => `${i.code}|${s.scope}|${p.start}`)));

describe('completeness', () => {
  it('lists nothing missing and a share of 1 when every cell has a value', () => {
    const result = completeness(aGrid(all));
    assert.deepEqual(
      [result.share, result.filled, result.expected, result.indicators.map((i) => i.missing)],
      [1, 8, 8, [[], []]],
    );
  });

  it('names the missing periods by label under the scope that lacks them', () => {
    const result = completeness(aGrid(all.filter((c) => c !== 'sam-1|area:vangdalen|2025-01-01')));
    assert.deepEqual(result.indicators[0], {
      code: 'sam-1',
      name: 'Antallet af udsættelser',
      missing: [{ scope: 'area:vangdalen', label: 'Vangdalen', periods: ['2025'] }],
      filled: 3,
      expected: 4,
      share: 0.75,
    });
  });

  it('leaves out the scopes that lack nothing', () => {
    const result = completeness(aGrid(all.filter((c) => !c.startsWith('sam-3|area:gl-jennumparken'))));
    assert.deepEqual(result.indicators[1]!.missing.map((m) => m.scope), ['area:gl-jennumparken']);
  });

  it('lists every period of a scope with no values, in the order given', () => {
    const result = completeness(aGrid([]));
    assert.deepEqual(result.indicators[0]!.missing[1], { scope: 'area:gl-jennumparken', label: 'Gl. Jennumparken', periods: ['2024', '2025'] });
  });

  it('gives the overall share over all indicators together', () => {
    const result = completeness(aGrid(all.filter((c) => c.startsWith('sam-1') || c === 'sam-3|area:vangdalen|2024-01-01')));
    assert.deepEqual([result.filled, result.expected, result.share], [5, 8, 5 / 8]);
  });

  it('gives a share of 1 when no periods are expected, since nothing can be missing', () => {
    const result = completeness(aGrid([], { periods: [] }));
    assert.deepEqual([result.share, result.indicators[0]!.share, result.indicators[0]!.expected], [1, 1, 0]);
  });

  it('gives an overall share of 1 without indicators', () => {
    assert.deepEqual(completeness(aGrid([], { indicators: [] })), { indicators: [], filled: 0, expected: 0, share: 1 });
  });

  it('asks about each cell by indicator code, scope and period start', () => {
    const asked: string[] = [];
    completeness(aGrid([], { indicators: [indicators[0]!], scopes: [scopes[0]!], periods: [periods[1]!], has: (...cell) => (asked.push(cell.join('|')), true) }));
    assert.deepEqual(asked, ['sam-1|area:vangdalen|2025-01-01']);
  });
});

describe('the years a default grid expects', () => {
  it('runs from the year before the plan started to the last completed year', () => {
    assert.deepEqual(expectedYears('2025-08-01', '2027-03-15').map((p) => p.label), ['2024', '2025', '2026']);
  });

  it('counts a year as completed from the first of January after it', () => {
    assert.deepEqual(expectedYears('2025-08-01', '2026-01-01').map((p) => p.label), ['2024', '2025']);
  });

  it('does not count the current year on the last of December', () => {
    assert.deepEqual(expectedYears('2025-08-01', '2025-12-31').map((p) => p.label), ['2024']);
  });

  it('expects at least the year before the plan started, even before that year has ended', () => {
    assert.deepEqual(expectedYears('2025-08-01', '2024-06-01').map((p) => p.label), ['2024']);
  });

  it('gives each year as a calendar-year period from 1 January to 31 December', () => {
    assert.deepEqual(expectedYears('2025-08-01', '2025-09-01'), [{ kind: 'calendar-year', start: '2024-01-01', end: '2024-12-31', label: '2024' }]);
  });

  it('rejects a date that is not an ISO date, naming it', () => {
    assert.throws(() => expectedYears('1. august 2025', '2026-01-01'), { name: 'RangeError', message: 'Planens start skal være en dato som ÅÅÅÅ-MM-DD, ikke «1. august 2025».' });
  });

  it('rejects a today that is not an ISO date', () => {
    assert.throws(() => expectedYears('2025-08-01', '2026'), RangeError);
  });
});
