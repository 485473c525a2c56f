import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { overlapDays, parseTerm, parseWindows, termOf, termPeriod, windowLabel } from './terms.js';

describe('school terms', () => {
  it('puts 1 August to 31 January in the first term of the school year', () => {
    assert.equal(termOf('2024-08-01'), termOf('2025-01-31'));
    assert.deepEqual(termPeriod(termOf('2024-09-15')), { start: '2024-08-01', end: '2025-01-31', label: '1. skolehalvår 2024/25' });
  });

  it('puts 1 February to 31 July in the second term of the same school year', () => {
    assert.equal(termOf('2025-02-01'), termOf('2025-07-31'));
    assert.equal(termOf('2025-02-01'), termOf('2025-01-31') + 1);
    assert.deepEqual(termPeriod(termOf('2025-05-01')), { start: '2025-02-01', end: '2025-07-31', label: '2. skolehalvår 2024/25' });
  });

  it('counts on from the second term into the next school year', () => {
    assert.equal(termOf('2025-08-01'), termOf('2025-07-31') + 1);
  });

  it('reads a term written in the ways people write it', () => {
    const first = termOf('2024-10-01');
    for (const text of ['1. skolehalvår 2024/25', '1. halvår 2024/25', '1 halvaar 2024-2025', '2024/25 1. halvår', '2024/25-1', 'Efterår 2024']) {
      assert.equal(parseTerm(text), first, text);
    }
    assert.equal(parseTerm('forår 2025'), first + 1);
    assert.equal(parseTerm('2. skolehalvår 2024/25'), first + 1);
  });

  it('refuses a text that is no term, and a school year whose years do not follow each other, in Danish', () => {
    const notATerm = parseTerm('2024');
    assert.ok(typeof notATerm === 'object' && /skolehalvår/.test(notATerm.error));
    const badYears = parseTerm('1. halvår 2024/26');
    assert.ok(typeof badYears === 'object' && /to år i træk/.test(badYears.error));
  });
});

describe('cohort windows', () => {
  it('defaults to the term before and the two terms after the start', () => {
    assert.deepEqual(parseWindows(undefined), [-1, 1, 2]);
    assert.deepEqual(parseWindows(''), [-1, 1, 2]);
  });

  it('reads a list of offsets, sorted and each once', () => {
    assert.deepEqual(parseWindows('2, -1,0,2'), [-1, 0, 2]);
    assert.deepEqual(parseWindows(['-2', '3']), [-2, 3]);
  });

  it('refuses offsets that are not whole numbers, too far away, or too many', () => {
    assert.ok('error' in (parseWindows('1,5x') as object));
    assert.ok('error' in (parseWindows('-9') as object));
    assert.ok('error' in (parseWindows('-3,-2,-1,0,1,2,3') as object));
  });

  it('names windows in Danish', () => {
    assert.equal(windowLabel(-1), 'Skolehalvåret før start');
    assert.equal(windowLabel(0), 'Skolehalvåret med start');
    assert.equal(windowLabel(2), '2. skolehalvår efter start');
  });

  it('counts the days two periods share, both ends included', () => {
    assert.equal(overlapDays({ start: '2024-08-01', end: '2025-01-31' }, { start: '2024-08-01', end: '2025-07-31' }), 184);
    assert.equal(overlapDays({ start: '2024-08-01', end: '2024-08-31' }, { start: '2024-09-01', end: '2024-12-31' }), 0);
  });
});
