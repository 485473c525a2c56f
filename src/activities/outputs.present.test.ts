import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityTarget } from '../plan/content/types.js';
import { assessOutput, planYearOf } from './output-targets.js';
import { assessCourseOutput, assessSummerOutput, summerOf, planYearFromLabel, planYearsOf, shownCount, suppressAreaRow, suppressedAssessment, worstStatus } from './outputs.present.js';

const sessions: ActivityTarget = { code: 'brandkadet-undervisningsgange', measure: 'undervisningsgange pr. forløb', kind: 'range', min: 10, max: 12, per: 'course', printed: '10-12 undervisningsgange', ref: { lines: [2495, 2495] } };
const groupSize: ActivityTarget = { code: 'teenagegrupper-deltagere', measure: 'unge pr. gruppe', kind: 'approximate', value: 10, per: 'course', printed: 'ca. 10 unge', ref: { lines: [2700, 2700] } };
const course = { start: '2025-09-01', end: '2025-11-30' };

describe('a target per course', () => {
  it('forecasts sessions to the course\u2019s end at the pace so far', () => {
    // 46 of the course's 91 days have passed by 16 October; 5 sessions make 9 by 30 November.
    const a = assessCourseOutput(sessions, 'sessions-per-course', 5, course, '2025-10-16');
    assert.equal(a.status, 'bagud');
    assert.match(a.text, /med det nuværende tempo: 9 af 10-12 inden 30\. november 2025/);
  });

  it('judges a course that has ended on what it held', () => {
    assert.equal(assessCourseOutput(sessions, 'sessions-per-course', 11, course, '2025-12-15').status, 'opfyldt');
    const short = assessCourseOutput(sessions, 'sessions-per-course', 8, course, '2025-12-15');
    assert.equal(short.status, 'bagud');
    assert.match(short.text, /forløbet sluttede/);
  });

  it('does not call a group still running behind for its size, nor forecast a number of people', () => {
    const a = assessCourseOutput(groupSize, 'participants-per-course', 6, course, '2025-10-01');
    assert.equal(a.status, 'på vej');
    assert.equal(a.forecast, null);
    assert.equal(assessCourseOutput(groupSize, 'participants-per-course', 6, course, '2025-12-15').status, 'bagud');
  });
});

describe('plan years', () => {
  it('reads a label such as 2025/26 and refuses one whose halves do not follow', () => {
    assert.deepEqual(planYearFromLabel('2025/26'), planYearOf('2025-08-01'));
    assert.equal(planYearFromLabel('2025/27'), null);
    assert.equal(planYearFromLabel('2025-26'), null);
    assert.equal(planYearFromLabel('1999/00')?.start, '1999-08-01');
  });

  it('lists the four plan years of 2025-29', () => {
    assert.deepEqual(planYearsOf('2025-08-01', '2029-07-31').map((y) => y.label), ['2025/26', '2026/27', '2027/28', '2028/29']);
  });
});

describe('what a viewer without access sees', () => {
  it('shows a count of 1 to 4 persons as «<5», and 0 and 5 as they are', () => {
    assert.deepEqual(shownCount(3, true, 5), { value: null, text: '<5', suppressed: true });
    assert.equal(shownCount(0, true, 5).text, '0');
    assert.equal(shownCount(5, true, 5).text, '5');
    assert.equal(shownCount(3, false, 5).text, '3');
  });

  it('keeps the status of a suppressed figure but neither its count nor its forecast', () => {
    const target: ActivityTarget = { code: 'x', measure: 'unge', kind: 'minimum', min: 12, per: 'plan-year', printed: 'mindst 12', ref: { lines: [1, 1] } };
    const a = suppressedAssessment(assessOutput(target, 3, planYearOf('2025-08-01'), '2026-01-29'), target, 5);
    assert.equal(a.status, 'bagud');
    assert.equal(a.forecast, null);
    assert.doesNotMatch(`${a.text} ${a.rule}`, /\b3\b|\b6\b/);
  });

  it('gives a per-course target the worst of its courses\u2019 statuses', () => {
    assert.equal(worstStatus(['opfyldt', 'bagud', 'på vej']), 'bagud');
    assert.equal(worstStatus(['opfyldt', 'opfyldt']), 'opfyldt');
    assert.equal(worstStatus([]), 'ikke målbar');
  });
});

describe('an activity’s participants per area, suppressed with the totals shown elsewhere', () => {
  it('hides a second area cell so that a small one cannot be worked out from the total of the areas', () => {
    const row = suppressAreaRow([10, 3, 0, 0, 0, 0, 0], 0, 5);
    assert.deepEqual(row.areas[1], { shown: false, reason: 'small' });
    assert.equal(row.areas[0]!.shown, false);
    assert.equal(row.fromAreas.shown, true);
  });

  it('hides the count from the areas when those outside the areas are few and the total is shown', () => {
    const row = suppressAreaRow([6, 6, 0, 0, 0, 0, 0], 2, 5);
    assert.deepEqual(row.unknown, { shown: false, reason: 'small' });
    // 14 in all and 12 from the areas would give the 2 away: one of them must go.
    assert.ok(!row.fromAreas.shown || !row.total.shown);
  });

  it('shows everything when no count is small', () => {
    const row = suppressAreaRow([6, 7, 0, 0, 0, 0, 0], 5, 5);
    assert.ok([...row.areas, row.unknown, row.fromAreas, row.total].every((c) => c.shown));
  });
});

describe('a target per summer', () => {
  const staycations: ActivityTarget = { code: 'ferieaktiviteter-staycations', measure: 'staycations i sommerferien', kind: 'minimum', min: 2, per: 'summer', printed: 'minimum to staycations', ref: { lines: [2765, 2766] } };
  const year = planYearOf('2025-08-01');

  it('holds plan year 2025/26 to the summer of 2026, June to August', () => {
    assert.deepEqual(summerOf(year), { start: '2026-06-01', end: '2026-08-31', label: 'sommeren 2026' });
  });

  it('is on its way before the summer and judged once it is over', () => {
    assert.match(assessSummerOutput(staycations, 0, year, '2026-01-29').text, /på vej \(for tidligt i sommeren 2026 til en prognose\)/);
    assert.equal(assessSummerOutput(staycations, 2, year, '2026-09-01').status, 'opfyldt');
    assert.match(assessSummerOutput(staycations, 1, year, '2026-09-01').text, /bagud \(sommeren 2026 sluttede 31\. august 2026\)/);
  });
});
