import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeenSeries } from './seen-series.js';
import type { MeasurementInput } from '../measurement.js';

const value = (indicatorCode: string, scope: string, start: string): MeasurementInput => ({
  indicatorCode, scope: scope as MeasurementInput['scope'], period: { kind: 'range', start, end: start, label: start },
  value: 1, numerator: null, denominator: null, source: 's', drawnOn: '2025-01-01', note: null,
});

describe('finding rows repeated within a file', () => {
  it('answers the first row of a series seen before, and null for a new one', () => {
    const seen = new SeenSeries();
    assert.equal(seen.firstRowOf(value('lbf-1a', 'areas', '2024-01-01'), 2), null);
    assert.equal(seen.firstRowOf(value('lbf-1a', 'municipality', '2024-01-01'), 3), null);
    assert.equal(seen.firstRowOf(value('lbf-1a', 'areas', '2024-01-01'), 9), 2);
  });

  it('keeps every series apart through many growths of its table', () => {
    const seen = new SeenSeries();
    const n = 300_000;
    for (let i = 0; i < n; i++) assert.equal(seen.firstRowOf(value('lbf-2b', `area:a${i % 7}`, `d${i}`), i + 2), null);
    for (let i = 0; i < n; i += 997) assert.equal(seen.firstRowOf(value('lbf-2b', `area:a${i % 7}`, `d${i}`), n + 10), i + 2);
  });
});
