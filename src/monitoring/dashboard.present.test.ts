import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chartPoints, shownStatus, shownValue } from './dashboard.present.js';
import type { CellStatus, SeriesPoint } from './monitoring-model.js';
import { indicatorStatus } from './status.js';

/** A yearly point as the monitoring model holds it: shown, unflagged, unless told otherwise. */
function aPoint(overrides: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    id: 'p1', periodKind: 'calendar-year', start: '2024-01-01', end: '2024-12-31', label: '2024', value: 41.2, numerator: null, denominator: null,
    source: 'Boligsociale data, LBF', drawnOn: '2025-01-15', note: null, version: 1, loadedAt: '2025-02-01T10:00:00.000Z', explanation: null, flags: [],
    disclosure: { shown: true },
    ...overrides,
  };
}

const small = { shown: false, text: '<5', reason: 'small' } as const;
const complementary = { shown: false, text: '–', reason: 'complementary' } as const;
const jump = { code: 'jump', message: 'Spring fra 2 (2023) til 3 (2024): 50 % højere.' } as const;

/** sam-1 for one area: a count of 3 against the plan's baseline of 1 (the rule text names the 3). */
function aCountCell(latest: SeriesPoint): CellStatus {
  const status = indicatorStatus({
    unit: 'count', direction: 'lower-is-better', latest: { value: latest.value, periodLabel: latest.label },
    baseline: { value: 1, printed: '1', period: '2023' }, municipality: null, municipalityBaseline: null,
  });
  return { indicatorCode: 'sam-1', scope: 'area:gl-jennumparken', latest, heldBack: null, municipality: null, baseline: null, municipalityBaseline: null, status };
}

describe('what a viewer sees of a value', () => {
  it('shows a value that may be disclosed, formatted in its unit, with its numerator and denominator', () => {
    assert.deepEqual(shownValue('percent', aPoint({ numerator: 47, denominator: 114 }), false), { kind: 'value', text: '41,2 %', numerator: 47, denominator: 114, hiddenForOthers: null });
  });

  it('shows «<5» instead of a small count to a viewer of suppressed figures, and never the count', () => {
    const shown = shownValue('count', aPoint({ value: 3, disclosure: small }), false);
    assert.equal(shown.kind, 'hidden');
    assert.equal(JSON.stringify(shown).includes('3'), false);
    assert.equal((shown as { text: string }).text, '<5');
  });

  it('shows the small count to the monitoring unit, saying what others see', () => {
    assert.deepEqual(shownValue('count', aPoint({ value: 3, disclosure: small }), true), { kind: 'value', text: '3', numerator: null, denominator: null, hiddenForOthers: '<5' });
  });

  it('holds a flagged value without an explanation back from everyone, and shows it once explained', () => {
    assert.deepEqual(shownValue('percent', aPoint({ flags: [jump] }), true), { kind: 'awaiting' });
    assert.equal(shownValue('percent', aPoint({ flags: [jump], explanation: 'Ny opgørelsesmetode' }), false).kind, 'value');
  });

  it('says «Ingen måling» for a missing point', () => {
    assert.deepEqual(shownValue('percent', null, false), { kind: 'none' });
  });
});

describe('what a viewer sees of a status', () => {
  it('shows the status and its rule when the value is shown', () => {
    const s = shownStatus(aCountCell(aPoint({ value: 9 })), false);
    assert.equal(s.status, 'dårligere');
    assert.match(s.rule, /9 \(2024\) ligger 8 over baseline 1 \(2023\)/);
    assert.equal(s.withheld, false);
  });

  it('withholds the status, its rule and its change where the value is hidden, since «uændret» against 1 would tell the count', () => {
    const cell = aCountCell(aPoint({ value: 3, disclosure: small }));
    assert.match(cell.status.rule, /\b3\b/, 'the computed rule names the hidden count');
    const s = shownStatus(cell, false);
    assert.deepEqual({ status: s.status, changeText: s.changeText, level: s.levelWithMunicipality, withheld: s.withheld }, { status: 'ukendt', changeText: '', level: null, withheld: true });
    assert.doesNotMatch(s.rule, /\d/);
    assert.equal(shownStatus(cell, true).status, 'dårligere', 'the monitoring unit sees it');
  });

  it('withholds the status where the municipality’s figure it compares with is hidden', () => {
    const cell = { ...aCountCell(aPoint({ value: 9 })), municipality: aPoint({ value: 4, disclosure: small }) };
    assert.equal(shownStatus(cell, false).withheld, true);
  });
});

describe('what a chart draws for a viewer', () => {
  it('draws a small count as hidden («<5»), another hidden value as a gap, and leaves a held-back value out', () => {
    const points = chartPoints(
      [
        aPoint({ id: 'a', label: '2021', start: '2021-01-01', value: 12 }),
        aPoint({ id: 'b', label: '2022', start: '2022-01-01', value: 3, disclosure: small }),
        aPoint({ id: 'c', label: '2023', start: '2023-01-01', value: 6, disclosure: complementary }),
        aPoint({ id: 'd', label: '2024', start: '2024-01-01', value: 30, flags: [jump] }),
      ],
      false,
    );
    assert.deepEqual(points, [
      { label: '2021', start: '2021-01-01', value: 12 },
      { label: '2022', start: '2022-01-01', value: null, suppressed: true },
      { label: '2023', start: '2023-01-01', value: null },
    ]);
  });

  it('draws every value that is not held back for the monitoring unit', () => {
    assert.deepEqual(chartPoints([aPoint({ value: 3, disclosure: small })], true), [{ label: '2024', start: '2024-01-01', value: 3 }]);
  });
});
