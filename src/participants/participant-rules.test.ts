import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nicknameKey, parseBirthYearMonth, parseSearch } from './participant-rules.js';

const known = { areas: new Set(['vangdalen']), activities: new Set(['brandkadet']) };

describe('participant rules', () => {
  it('reads a birth year and month in the usual Danish ways', () => {
    assert.equal(parseBirthYearMonth('2012-05', '2025-10'), '2012-05');
    assert.equal(parseBirthYearMonth('2012-5', '2025-10'), '2012-05');
    assert.equal(parseBirthYearMonth('05-2012', '2025-10'), '2012-05');
    assert.equal(parseBirthYearMonth('5/2012', '2025-10'), '2012-05');
  });

  it('refuses a birth month in the future, month 13 and free text, in Danish', () => {
    assert.match((parseBirthYearMonth('2025-11', '2025-10') as { error: string }).error, /fremtiden/);
    assert.match((parseBirthYearMonth('2012-13', '2025-10') as { error: string }).error, /01 til 12/);
    assert.match((parseBirthYearMonth('maj 2012', '2025-10') as { error: string }).error, /ÅÅÅÅ-MM/);
  });

  it('compares nicknames in lower case, Danish letters included', () => {
    assert.equal(nicknameKey('  ÆBLE  Ø '), 'æble ø');
  });

  it('reads a search text beginning with P- as a code prefix, forgiving case and look-alikes', () => {
    assert.deepEqual(parseSearch({ q: 'p-7ko' }, known).search, { codePrefix: 'P-7K0' });
  });

  it('reads any other search text as part of a nickname', () => {
    assert.deepEqual(parseSearch({ q: 'Peter ' }, known).search, { nickname: 'peter' });
  });

  it('names each bad filter by field', () => {
    const { errors } = parseSearch({ foedselsaar: '12', omraade: 'atlantis', aktivitet: 'svømning', efter: 'x' }, known);
    assert.deepEqual(errors.map((e) => e.field), ['foedselsaar', 'omraade', 'aktivitet', 'efter']);
  });
});
