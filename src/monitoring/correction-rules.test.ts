import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctionProblems } from './measurements.service.js';

const ok = { value: 12, numerator: 12, denominator: 100, source: 'Boligsociale data, LBF', drawnOn: '15-01-2025', note: null };
const fields = (...args: Parameters<typeof correctionProblems>) => correctionProblems(...args).map((p) => p.field);

describe('the rules a corrected value must meet', () => {
  it('accepts a share with whole numerator and denominator, a source and a past date, typed the Danish way', () => {
    assert.deepEqual(correctionProblems('percent', ok, 'Nyt udtræk', '2025-06-01'), []);
  });

  it('refuses a share over 100 %, a count that is not whole and any negative value', () => {
    assert.deepEqual(fields('percent', { ...ok, value: 100.1 }, 'x', '2025-06-01'), ['value']);
    assert.deepEqual(fields('count', { ...ok, value: 2.5, numerator: null, denominator: null }, 'x', '2025-06-01'), ['value']);
    assert.deepEqual(fields('average', { ...ok, value: -1 }, 'x', '2025-06-01'), ['value']);
  });

  it('refuses a numerator above its denominator, and parts that are not whole', () => {
    assert.deepEqual(fields('percent', { ...ok, numerator: 101 }, 'x', '2025-06-01'), ['numerator']);
    assert.deepEqual(fields('percent', { ...ok, denominator: 99.5 }, 'x', '2025-06-01'), ['denominator']);
  });

  it('refuses a date drawn in the future or not a date, an empty source and a missing reason, all at once', () => {
    assert.deepEqual(fields('percent', { ...ok, drawnOn: '02-06-2025', source: ' ' }, '', '2025-06-01'), ['source', 'drawnOn', 'reason']);
    assert.deepEqual(fields('percent', { ...ok, drawnOn: '31-02-2025' }, 'x', '2025-06-01'), ['drawnOn']);
  });
});
