import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateCohort, comparisonAreas, type CohortMember, type CohortValue, type ComparisonPoint } from './cohorts.js';
import { measureByKey } from './outcome-measures.js';

const absence = measureByKey('skolefravaer')!;
const language = measureByKey('sprogvurdering')!;
const employment = measureByKey('beskaeftigelse')!;
const SCOPES = [{ scope: 'area:vangdalen', label: 'Vangdalen' }, { scope: 'municipality', label: 'Kommunen' }];

/** n children who all started in September 2025, living in Vangdalen. */
const members = (n: number, start = '2025-09-01'): CohortMember[] => Array.from({ length: n }, (_, i) => ({ participantId: `p${i}`, areaSlug: 'vangdalen', startDate: start }));
/** A value per member whose period ends on `end`. */
const values = (list: readonly (number | string)[], end: string): CohortValue[] =>
  list.map((v, i) => ({ participantId: `p${i}`, periodEnd: end, value: typeof v === 'number' ? v : null, valueText: typeof v === 'string' ? v : null }));

const BEFORE = '2025-07-31'; // 2. skolehalvår 2024/25: the term before a start in September 2025
const AFTER_1 = '2026-07-31'; // 2. skolehalvår 2025/26
const AFTER_2 = '2027-01-31'; // 1. skolehalvår 2026/27

describe('aggregating a cohort', () => {
  it('gives the mean per window of the values whose period ends in the window’s term', () => {
    const result = aggregateCohort({
      measure: absence, members: members(6), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [-1, 1, 2],
      values: [...values([12, 14, 16, 18, 10, 20], BEFORE), ...values([8, 9, 10, 11, 12, 10], AFTER_1), ...values([5, 6, 7, 8, 9, 5], AFTER_2)],
    });
    assert.deepEqual(result.windows.map((w) => w.n), [{ shown: true, value: 6 }, { shown: true, value: 6 }, { shown: true, value: 6 }]);
    const mean = result.statistics.find((s) => s.key === 'gennemsnit')!;
    assert.deepEqual(mean.cohort.map((c) => (c.shown ? Math.round(c.value * 100) / 100 : null)), [15, 10, 6.67]);
  });

  it('takes a member’s latest value when a window holds several', () => {
    const result = aggregateCohort({
      measure: employment, members: members(5), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [1],
      values: [...values(['ledig', 'ledig', 'ledig', 'ledig', 'ledig'], '2026-03-31'), ...values(['i job', 'i job', 'i job', 'i job', 'i job'], '2026-06-30')],
    });
    assert.deepEqual(result.distribution!.rows[0]!.counts.map((c) => (c.shown ? c.value : null)), [5, 0, 0, 0]);
  });

  it('hides the mean of fewer than five persons and shows their count as «<5»', () => {
    const result = aggregateCohort({ measure: absence, members: members(4), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [-1], values: values([12, 14, 16, 18], BEFORE) });
    assert.deepEqual(result.windows[0]!.n, { shown: false, reason: 'small' });
    assert.deepEqual(result.statistics[0]!.cohort[0], { shown: false, reason: 'small' });
    assert.deepEqual(result.enrolled, { shown: false, reason: 'small' });
  });

  it('hides a share whose numerator is below five, even when the persons behind it are many', () => {
    const result = aggregateCohort({ measure: absence, members: members(8), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [-1], values: values([12, 14, 3, 4, 5, 6, 7, 8], BEFORE) });
    const above = result.statistics.find((s) => s.key === 'over')!;
    assert.deepEqual(above.cohort[0], { shown: false, reason: 'small' });
    assert.ok(result.statistics[0]!.cohort[0]!.shown, 'the mean over eight is shown');
  });

  it('suppresses a distribution so that a small count cannot be worked out from n', () => {
    const result = aggregateCohort({
      measure: language, members: members(12), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [1],
      values: values(['generel', 'generel', 'generel', 'generel', 'generel', 'generel', 'generel', 'fokuseret', 'fokuseret', 'særlig', 'særlig', 'særlig'], AFTER_1),
    });
    const counts = result.distribution!.rows[0]!.counts;
    assert.equal(counts.filter((c) => !c.shown).length >= 2, true, 'the two small counts are hidden');
    assert.deepEqual(counts[1], { shown: false, reason: 'small' });
    const shownSum = counts.reduce((s, c) => s + (c.shown ? c.value : 0), 0);
    assert.ok(result.windows[0]!.n.shown === false || 12 - shownSum >= 5, 'n minus the shown counts is no small number');
  });

  it('hides a group share that would give away a hidden member of the group', () => {
    const result = aggregateCohort({
      measure: employment, members: members(20), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [1],
      values: values([...Array(10).fill('i job'), ...Array(7).fill('i uddannelse'), ...Array(3).fill('ledig')], AFTER_1),
    });
    const group = result.statistics.find((s) => s.key === 'gruppe')!;
    assert.equal(group.cohort[0]!.shown, false);
  });

  it('compares with the monitoring value of the period that covers the cohort’s term, for every scope', () => {
    const comparisons: ComparisonPoint[] = [
      { indicator: 'udd-2a', scope: 'area:vangdalen', start: '2024-08-01', end: '2025-07-31', label: '2024/25', value: 11 },
      { indicator: 'udd-2a', scope: 'municipality', start: '2024-08-01', end: '2025-07-31', label: '2024/25', value: 7.5 },
      { indicator: 'udd-2a', scope: 'municipality', start: '2025-08-01', end: '2026-07-31', label: '2025/26', value: 7.1 },
    ];
    const result = aggregateCohort({
      measure: absence, members: members(6), threshold: 5, comparisons, scopes: SCOPES, offsets: [-1, 1],
      values: [...values([12, 14, 16, 18, 10, 20], BEFORE), ...values([8, 9, 10, 11, 12, 10], AFTER_1)],
    });
    const mean = result.statistics[0]!;
    const [area, municipality] = mean.comparisons;
    assert.deepEqual(area!.cells[0], { value: 11, periods: ['2024/25'], missing: [] });
    assert.deepEqual(area!.cells[1], { value: null, periods: [], missing: ['2. skolehalvår 2025/26'] });
    assert.equal(municipality!.cells[0]!.value, 7.5);
    assert.equal(Math.round(municipality!.cells[1]!.value! * 1000) / 1000, 7.1);
  });

  it('weights the comparison by how many of the cohort were measured in each term', () => {
    const cohort = [...members(3, '2025-09-01'), ...members(6, '2026-03-01').map((m, i) => ({ ...m, participantId: `q${i}` }))];
    const vals: CohortValue[] = [
      ...cohort.slice(0, 3).map((m) => ({ participantId: m.participantId, periodEnd: '2025-07-31', value: 10, valueText: null })),
      ...cohort.slice(3).map((m) => ({ participantId: m.participantId, periodEnd: '2026-01-31', value: 10, valueText: null })),
    ];
    const comparisons: ComparisonPoint[] = [
      { indicator: 'udd-2a', scope: 'municipality', start: '2024-08-01', end: '2025-07-31', label: '2024/25', value: 6 },
      { indicator: 'udd-2a', scope: 'municipality', start: '2025-08-01', end: '2026-07-31', label: '2025/26', value: 9 },
    ];
    const result = aggregateCohort({ measure: absence, members: cohort, threshold: 5, comparisons, scopes: [{ scope: 'municipality', label: 'Kommunen' }], offsets: [-1], values: vals });
    assert.equal(result.statistics[0]!.comparisons[0]!.cells[0]!.value, (3 * 6 + 6 * 9) / 9);
  });

  it('shows no comparison where the cohort figure is hidden', () => {
    const comparisons: ComparisonPoint[] = [{ indicator: 'udd-2a', scope: 'municipality', start: '2024-08-01', end: '2025-07-31', label: '2024/25', value: 7.5 }];
    const result = aggregateCohort({ measure: absence, members: members(4), threshold: 5, comparisons, scopes: SCOPES, offsets: [-1], values: values([1, 2, 3, 4], BEFORE) });
    assert.deepEqual(result.statistics[0]!.comparisons[1]!.cells[0], { value: null, periods: [], missing: [] });
  });

  it('compares with an area only where enough of the cohort live', () => {
    const cohort = [...members(5), { participantId: 'x', areaSlug: 'gl-jennumparken', startDate: '2025-09-01' }];
    const areas = [{ slug: 'gl-jennumparken', name: 'Gl. Jennumparken' }, { slug: 'vangdalen', name: 'Vangdalen' }];
    assert.deepEqual(comparisonAreas(cohort, areas, 5), [{ slug: 'vangdalen', name: 'Vangdalen' }]);
  });
});

describe('values a measure cannot take', () => {
  it('are left out of the cohort rather than counted in n', () => {
    const result = aggregateCohort({
      measure: language, members: members(6), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [1],
      values: values(['generel', 'generel', 'generel', 'generel', 'generel', 'generel indsats'], AFTER_1),
    });
    assert.deepEqual(result.windows[0]!.n, { shown: true, value: 5 });
  });
});

describe('a cohort narrowed to a plan year', () => {
  const seven = [...members(6), { participantId: 'p6', areaSlug: 'vangdalen', startDate: '2025-10-01' }];
  const vals = values([12, 14, 16, 18, 10, 20, 30], BEFORE);

  it('withholds a window that differs from the whole cohort’s by fewer than five persons, so one person’s value cannot be worked out', () => {
    const result = aggregateCohort({ measure: absence, members: members(6), wholeMembers: seven, threshold: 5, comparisons: [], scopes: SCOPES, offsets: [-1], values: vals });
    assert.deepEqual(result.windows[0]!.n, { shown: false, reason: 'complementary' });
    assert.deepEqual(result.statistics[0]!.cohort[0], { shown: false, reason: 'small' });
    assert.deepEqual(result.enrolled, { shown: false, reason: 'complementary' });
  });

  it('shows a window the narrowing does not change', () => {
    const result = aggregateCohort({ measure: absence, members: members(6), wholeMembers: members(6), threshold: 5, comparisons: [], scopes: SCOPES, offsets: [-1], values: vals.slice(0, 6) });
    assert.deepEqual(result.windows[0]!.n, { shown: true, value: 6 });
    assert.ok(result.statistics[0]!.cohort[0]!.shown);
  });
});
