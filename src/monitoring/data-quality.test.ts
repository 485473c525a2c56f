import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FLAG_CONFIG, flagJumps, flagPartsAndTotal, flagsForValue, type PartToCheck, type SeriesPoint, type ValueToCheck } from './data-quality.js';

const aShare = (overrides: Partial<ValueToCheck> = {}): ValueToCheck => ({ unit: 'percent', value: 48.2, numerator: 68, denominator: 141, ...overrides });
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('flags on one value', () => {
  it('gives none to a share that matches its numerator and denominator to one decimal', () => {
    assert.deepEqual(flagsForValue(aShare()), []);
  });

  it('flags a share above 100 %', () => {
    assert.deepEqual(flagsForValue(aShare({ value: 100.5, numerator: null, denominator: null })), [
      { code: 'share-out-of-range', message: 'Andelen 100,5 % ligger uden for 0-100 %.' },
    ]);
  });

  it('flags a share below 0 %', () => {
    assert.deepEqual(codes(flagsForValue(aShare({ value: -0.1, numerator: null, denominator: null }))), ['share-out-of-range']);
  });

  it('accepts shares of exactly 0 % and 100 %', () => {
    assert.deepEqual([...flagsForValue(aShare({ value: 0, numerator: 0, denominator: 5 })), ...flagsForValue(aShare({ value: 100, numerator: 5, denominator: 5 }))], []);
  });

  it('flags a numerator above its denominator, naming both', () => {
    const flags = flagsForValue(aShare({ value: 100, numerator: 6, denominator: 5 }));
    assert.deepEqual(flags.find((f) => f.code === 'numerator-above-denominator')?.message, 'Tælleren 6 er større end nævneren 5.');
  });

  it('does not flag an average whose numerator, a sum, is above its denominator', () => {
    assert.deepEqual(flagsForValue({ unit: 'average', value: 5.6, numerator: 560, denominator: 100 }), []);
  });

  it('flags a share that lies more than 0,05 procentpoint from its numerator and denominator', () => {
    assert.deepEqual(flagsForValue(aShare({ value: 23.5, numerator: 47, denominator: 180 })), [
      { code: 'share-mismatch', message: 'Andelen 23,5 % passer ikke med tæller og nævner: 47 af 180 er 26,11 %.' },
    ]);
  });

  it('accepts a share exactly 0,05 procentpoint from its numerator and denominator', () => {
    // 1 of 8 is 12,5 %.
    assert.deepEqual(flagsForValue(aShare({ value: 12.55, numerator: 1, denominator: 8 })), []);
  });

  it('flags a share just beyond 0,05 procentpoint from its numerator and denominator', () => {
    assert.deepEqual(codes(flagsForValue(aShare({ value: 12.56, numerator: 1, denominator: 8 }))), ['share-mismatch']);
  });

  it('takes the mismatch allowance from the configuration', () => {
    assert.deepEqual(flagsForValue(aShare({ value: 12.6, numerator: 1, denominator: 8 }), { ...DEFAULT_FLAG_CONFIG, shareMismatchPoints: 0.1 }), []);
  });

  it('does not compare a share with a denominator of 0', () => {
    assert.deepEqual(flagsForValue(aShare({ value: 0, numerator: 0, denominator: 0 })), []);
  });

  it('does not compare a share without a numerator', () => {
    assert.deepEqual(flagsForValue(aShare({ value: 30, numerator: null })), []);
  });

  it('flags a count that is not whole', () => {
    assert.deepEqual(flagsForValue({ unit: 'count', value: 2.5, numerator: null, denominator: null }), [{ code: 'not-whole', message: 'Antallet 2,5 er ikke et helt tal.' }]);
  });

  it('accepts a whole count with representation noise', () => {
    assert.deepEqual(flagsForValue({ unit: 'count', value: 0.1 + 0.2 + 2.7, numerator: null, denominator: null }), []);
  });

  it('flags a share’s numerator that is not whole', () => {
    assert.deepEqual(flagsForValue(aShare({ value: 50, numerator: 2.5, denominator: 5 })), [{ code: 'not-whole', message: 'Tælleren 2,5 er ikke et helt tal.' }]);
  });

  it('flags a denominator that is not whole, whatever the unit', () => {
    assert.deepEqual(codes(flagsForValue({ unit: 'average', value: 5, numerator: 50, denominator: 10.5 })), ['not-whole']);
  });

  it('does not flag an average’s numerator that is not whole', () => {
    assert.deepEqual(flagsForValue({ unit: 'average', value: 5.25, numerator: 52.5, denominator: 10 }), []);
  });

  it('does not flag a whole average, whose value need not be whole', () => {
    assert.deepEqual(flagsForValue({ unit: 'average', value: 5.6, numerator: null, denominator: null }), []);
  });

  it('gives every flag a value earns, not just the first', () => {
    assert.deepEqual(codes(flagsForValue(aShare({ value: 130, numerator: 7.5, denominator: 5 }))), [
      'share-out-of-range',
      'numerator-above-denominator',
      'share-mismatch',
      'not-whole',
    ]);
  });

  it('gives no flags to a text indicator', () => {
    assert.deepEqual(flagsForValue({ unit: 'text', value: 200, numerator: 3, denominator: 1 }), []);
  });
});

const year = (y: number, value: number): SeriesPoint => ({ periodStart: `${y}-01-01`, periodKind: 'calendar-year', value, periodLabel: String(y) });

describe('jumps between periods', () => {
  it('flags a share more than 10 procentpoint from the previous year, naming both values and years', () => {
    assert.deepEqual(flagJumps([year(2023, 30), year(2024, 40.1)], 'percent'), new Map([
      [1, [{ code: 'jump', message: 'Spring fra 30,0 % (2023) til 40,1 % (2024): 10,1 procentpoint, mere end grænsen på 10,0 procentpoint.' }]],
    ]));
  });

  it('does not flag a share exactly 10 procentpoint from the previous year', () => {
    assert.equal(flagJumps([year(2023, 38.6), year(2024, 28.6)], 'percent').size, 0);
  });

  it('flags a fall as well as a rise', () => {
    assert.deepEqual([...flagJumps([year(2023, 38.6), year(2024, 28.5)], 'percent').keys()], [1]);
  });

  it('flags a count more than 50 % above the previous year', () => {
    const flags = flagJumps([year(2023, 10), year(2024, 16)], 'count');
    assert.equal(flags.get(1)?.[0]?.message, 'Spring fra 10 (2023) til 16 (2024): 60 % højere, mere end grænsen på 50 %.');
  });

  it('does not flag a count exactly 50 % above the previous year', () => {
    assert.equal(flagJumps([year(2023, 10), year(2024, 15)], 'count').size, 0);
  });

  it('says a fall of more than 50 % is lower', () => {
    assert.match(flagJumps([year(2023, 9), year(2024, 4)], 'count').get(1)?.[0]?.message ?? '', /: 55,6 % lavere, mere end grænsen på 50 %\.$/);
  });

  it('flags any change from 0 for units compared relatively', () => {
    assert.equal(flagJumps([year(2023, 0), year(2024, 1)], 'count').get(1)?.[0]?.message, 'Spring fra 0 (2023) til 1 (2024): en ændring fra 0.');
  });

  it('does not flag 0 followed by 0', () => {
    assert.equal(flagJumps([year(2023, 0), year(2024, 0)], 'count').size, 0);
  });

  it('compares each value with the previous period by start date, whatever the input order', () => {
    const flags = flagJumps([year(2024, 40), year(2022, 20), year(2023, 21)], 'percent');
    assert.deepEqual([...flags.keys()], [0]);
  });

  it('compares only periods of the same kind', () => {
    const schoolYear: SeriesPoint = { periodStart: '2023-08-01', periodKind: 'school-year', value: 60, periodLabel: '2023/24' };
    assert.equal(flagJumps([year(2023, 30), schoolYear, year(2024, 31)], 'percent').size, 0);
  });

  it('takes the thresholds from the argument', () => {
    assert.equal(flagJumps([year(2023, 30), year(2024, 36)], 'percent', { sharePoints: 5, relative: 0.5 }).size, 1);
  });

  it('takes the thresholds from a whole flag configuration', () => {
    assert.equal(flagJumps([year(2023, 10), year(2024, 13)], 'count', { ...DEFAULT_FLAG_CONFIG, jump: { sharePoints: 10, relative: 0.25 } }).size, 1);
  });

  it('compares a repeated period with the value given before it', () => {
    assert.deepEqual([...flagJumps([year(2023, 30), year(2024, 31), year(2024, 45)], 'percent').keys()], [2]);
  });

  it('flags nothing in a series of one', () => {
    assert.equal(flagJumps([year(2024, 99)], 'percent').size, 0);
  });

  it('flags nothing for a text indicator', () => {
    assert.equal(flagJumps([year(2023, 0), year(2024, 100)], 'text').size, 0);
  });
});

const area = (slug: string, value: number, numerator: number | null = null, denominator: number | null = null): PartToCheck => ({ scope: `area:${slug}`, value, numerator, denominator });
const SEVEN = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const countTotal = (value: number) => ({ value, numerator: null, denominator: null });

describe('the areas against their total', () => {
  it('gives no flags when all seven areas add up to the total', () => {
    assert.deepEqual(flagPartsAndTotal(SEVEN.map((s) => area(s, 3)), countTotal(21), 'count'), []);
  });

  it('flags a total the areas exceed, naming the sum and how many areas gave it', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 12), area('b', 10)], countTotal(20), 'count'), [
      { code: 'parts-exceed-total', message: 'Områdernes antal giver tilsammen 22 (2 af 7 områder), men tallet for alle områder er 20.' },
    ]);
  });

  it('accepts some areas that add up to exactly the total', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 12), area('b', 8)], countTotal(20), 'count'), []);
  });

  it('accepts some areas that add up to less than the total, since the rest may make up the difference', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 2)], countTotal(20), 'count'), []);
  });

  it('flags a total that all seven areas fall short of', () => {
    assert.deepEqual(flagPartsAndTotal(SEVEN.map((s) => area(s, 2)), countTotal(20), 'count'), [
      { code: 'parts-differ-from-total', message: 'De 7 områders antal giver tilsammen 14, men tallet for alle områder er 20.' },
    ]);
  });

  it('flags a total that all seven areas exceed only once, as exceeded', () => {
    assert.deepEqual(codes(flagPartsAndTotal(SEVEN.map((s) => area(s, 4)), countTotal(20), 'count')), ['parts-exceed-total']);
  });

  it('counts an area reported twice once towards all areas being present', () => {
    const parts = [...SEVEN.slice(0, 6).map((s) => area(s, 2)), area('a', 2)];
    assert.deepEqual(flagPartsAndTotal(parts, countTotal(20), 'count'), []);
  });

  it('ignores scopes that are not areas', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 5), { scope: 'municipality', value: 900, numerator: null, denominator: null }], countTotal(20), 'count'), []);
  });

  it('gives no flags without a total', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 50)], null, 'count'), []);
  });

  it('flags the areas’ numerators exceeding the total’s for a share', () => {
    const flags = flagPartsAndTotal([area('a', 50, 10, 20), area('b', 50, 10, 20)], { value: 50, numerator: 15, denominator: 40 }, 'percent');
    assert.deepEqual(flags, [{ code: 'parts-exceed-total', message: 'Områdernes tællere giver tilsammen 20 (2 af 7 områder), men tælleren for alle områder er 15.' }]);
  });

  it('flags the areas’ denominators differing from the total’s when all seven give one', () => {
    const flags = flagPartsAndTotal(SEVEN.map((s) => area(s, 50, 5, 10)), { value: 50, numerator: 35, denominator: 80 }, 'percent');
    assert.deepEqual(flags, [{ code: 'parts-differ-from-total', message: 'De 7 områders nævnere giver tilsammen 70, men nævneren for alle områder er 80.' }]);
  });

  it('does not require all seven to add up when one area lacks a numerator', () => {
    const parts = [...SEVEN.slice(0, 6).map((s) => area(s, 50, 5, 10)), area('g', 50, null, 10)];
    assert.deepEqual(flagPartsAndTotal(parts, { value: 50, numerator: 35, denominator: 70 }, 'percent'), []);
  });

  it('does not check numerators or denominators the total does not give', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 50, 100, 200)], { value: 50, numerator: null, denominator: null }, 'percent'), []);
  });

  it('does not check the total’s numerator when no area gives one', () => {
    assert.deepEqual(flagPartsAndTotal(SEVEN.map((s) => area(s, 40)), { value: 40, numerator: 35, denominator: null }, 'percent'), []);
  });

  it('does not add up shares themselves', () => {
    assert.deepEqual(flagPartsAndTotal(SEVEN.map((s) => area(s, 40)), { value: 40, numerator: null, denominator: null }, 'percent'), []);
  });

  it('does not add up averages', () => {
    assert.deepEqual(flagPartsAndTotal([area('a', 7), area('b', 8)], countTotal(5), 'average'), []);
  });

  it('expects the seven areas of the Randers plan by default', () => {
    assert.equal(DEFAULT_FLAG_CONFIG.areaCount, 7);
  });

  it('takes the number of areas from the configuration, so three of three must add up', () => {
    assert.deepEqual(codes(flagPartsAndTotal(['a', 'b', 'c'].map((s) => area(s, 1)), countTotal(4), 'count', { areaCount: 3 })), ['parts-differ-from-total']);
  });
});
