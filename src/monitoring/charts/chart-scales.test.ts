import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumber, describeChange, formatValue, isFarFromZero, niceTicks, valueAxis } from './chart-scales.js';

describe('the value axis', () => {
  it('steps by 1, 2, 2,5 or 5 times a power of ten', () => {
    for (const [low, high] of [[0, 47.9], [39.1, 43.7], [0, 3], [0, 1234], [0.12, 0.19]] as const) {
      const { ticks } = niceTicks(low, high);
      const step = (ticks[1] as number) - (ticks[0] as number);
      const mantissa = Math.round((step / 10 ** Math.floor(Math.log10(step))) * 1000) / 1000;
      assert.ok([1, 2, 2.5, 5].includes(mantissa), `${low}-${high}: step ${step}`);
    }
  });

  it('covers the values from its first tick to its last', () => {
    const axis = niceTicks(39.1, 43.7);
    assert.ok(axis.ticks[0] === axis.min && axis.min <= 39.1, String(axis.min));
    assert.ok(axis.ticks[axis.ticks.length - 1] === axis.max && axis.max >= 43.7, String(axis.max));
  });

  it('starts a share at 0 when its values spread over more than a sixth of the largest', () => {
    assert.equal(valueAxis([20, 25], 'percent').min, 0);
  });

  it('fits a share to its values when they are far from 0', () => {
    assert.ok(valueAxis([43.7, 41.2, 39.1], 'percent').min >= 35);
  });

  it('calls values far from 0 when their spread is under a sixth of the largest', () => {
    assert.deepEqual([isFarFromZero(39.1, 43.7), isFarFromZero(20, 25)], [true, false]);
  });

  it('starts a single count at 0', () => {
    assert.equal(valueAxis([12], 'count').min, 0);
  });

  it('fits a rate to its values without reaching for 0', () => {
    assert.ok(valueAxis([2.1, 2.6], 'rate').min >= 2);
  });

  it('gives a share 0-100 % when every value is hidden', () => {
    assert.deepEqual([valueAxis([], 'percent').min, valueAxis([], 'percent').max], [0, 100]);
  });

  it('gives ticks without binary noise', () => {
    assert.deepEqual(niceTicks(0.1, 0.5).ticks, [0.1, 0.2, 0.3, 0.4, 0.5]);
  });
});

describe('values in words', () => {
  it('writes a share with a decimal comma and « %»', () => {
    assert.equal(formatValue(43.7, 'percent'), '43,7 %');
  });

  it('writes a large count with a thousands point', () => {
    assert.equal(formatValue(4161, 'count'), '4.161');
  });

  it('says a fall in a share in percentage points', () => {
    assert.equal(describeChange(43.7, 39.1, 'percent'), 'et fald på 4,6 procentpoint');
  });

  it('calls a change too small to show unchanged', () => {
    assert.equal(describeChange(12, 12.001, 'average'), 'uændret');
  });
});

describe('the time axis', () => {
  it('counts days, so that 1 July lies halfway through a year less a day or two', () => {
    const share = (dayNumber('2023-07-01') - dayNumber('2023-01-01')) / (dayNumber('2024-01-01') - dayNumber('2023-01-01'));
    assert.ok(share > 0.49 && share < 0.5, String(share));
  });

  it('refuses a start that is not an ISO date', () => {
    assert.throws(() => dayNumber('01-07-2023'), /ISO date/);
  });
});
