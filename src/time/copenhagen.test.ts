import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { danishDateOf, localToInstant, parseIsoDate, startOfDanishDay } from './copenhagen.js';

describe('Danish time', () => {
  it('starts a winter day at 23:00 UTC the evening before', () => {
    assert.equal(startOfDanishDay('2026-01-15')?.toISOString(), '2026-01-14T23:00:00.000Z');
  });

  it('starts a summer day at 22:00 UTC the evening before', () => {
    assert.equal(startOfDanishDay('2026-07-01')?.toISOString(), '2026-06-30T22:00:00.000Z');
  });

  it('handles the day summer time begins (29 March 2026) and ends (25 October 2026)', () => {
    assert.equal(localToInstant(2026, 3, 29, 12).toISOString(), '2026-03-29T10:00:00.000Z');
    assert.equal(localToInstant(2026, 10, 25, 12).toISOString(), '2026-10-25T11:00:00.000Z');
    assert.equal(localToInstant(2026, 3, 30).toISOString(), '2026-03-29T22:00:00.000Z');
  });

  it('rolls an overflowing day into the next month', () => {
    assert.equal(localToInstant(2026, 1, 32).toISOString(), '2026-01-31T23:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    assert.equal(parseIsoDate('2026-02-29'), null);
    assert.equal(parseIsoDate('2026-13-01'), null);
    assert.equal(parseIsoDate('1-1-2026'), null);
    assert.deepEqual(parseIsoDate('2028-02-29'), { year: 2028, month: 2, day: 29 });
  });

  it('gives the Danish date of an instant just after midnight', () => {
    assert.equal(danishDateOf(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
  });
});
