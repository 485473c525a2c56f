import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityTarget } from '../plan/content/types.js';
import { checkCourseTarget, courseMeasureOf, normaliseCourseCode, parseAttendanceStatus, sessionState, weeklySessionDates, weeksSpanned } from './courses.rules.js';

const target = (t: Partial<ActivityTarget>): ActivityTarget => ({ code: 'x', measure: 'undervisningsgange pr. forløb', kind: 'range', min: 10, max: 12, per: 'course', printed: '10-12 undervisningsgange', ref: { lines: [1, 1] }, ...t });

describe('course codes', () => {
  it('keeps a code in capitals, so BRAND-2025E and brand-2025e are one course', () => {
    assert.equal(normaliseCourseCode(' brand-2025e '), 'BRAND-2025E');
  });

  it('refuses a code with spaces, with a Danish example', () => {
    const result = normaliseCourseCode('Brand efterår');
    assert.ok(typeof result !== 'string');
    assert.match(result.error, /BRAND-2025E/);
  });
});

describe('weekly sessions', () => {
  it('places the first session on the chosen weekday on or after the start date', () => {
    assert.deepEqual(weeklySessionDates('2025-09-01', 3, 3), ['2025-09-03', '2025-09-10', '2025-09-17']);
  });

  it('keeps the start date’s weekday when none is chosen, across the change to winter time', () => {
    assert.deepEqual(weeklySessionDates('2025-10-20', 2), ['2025-10-20', '2025-10-27']);
  });

  it('counts eight weekly meetings as spanning eight weeks', () => {
    const dates = weeklySessionDates('2025-09-01', 8);
    assert.equal(weeksSpanned(dates[0]!, dates[7]!), 8);
  });
});

describe('session state', () => {
  it('says a past session without any status lacks registration, and a later one is coming', () => {
    assert.equal(sessionState({ heldOn: '2025-10-01', cancelled: false, registered: 0 }, '2025-10-15'), 'mangler');
    assert.equal(sessionState({ heldOn: '2025-10-22', cancelled: false, registered: 0 }, '2025-10-15'), 'kommende');
    assert.equal(sessionState({ heldOn: '2025-10-01', cancelled: true, registered: 0 }, '2025-10-15'), 'aflyst');
    assert.equal(sessionState({ heldOn: '2025-10-01', cancelled: false, registered: 3 }, '2025-10-15'), 'registreret');
  });
});

describe('attendance statuses', () => {
  it('reads the ways people write a status in a spreadsheet', () => {
    assert.equal(parseAttendanceStatus('Mødt'), 'mødt');
    assert.equal(parseAttendanceStatus('moedt'), 'mødt');
    assert.equal(parseAttendanceStatus(' A '), 'afbud');
    assert.equal(parseAttendanceStatus('ikke  mødt'), 'udeblevet');
    assert.equal(parseAttendanceStatus('måske'), null);
  });
});

describe('targets per course', () => {
  it('reads what the plan counts per course from its own words', () => {
    assert.equal(courseMeasureOf({ measure: 'undervisningsgange pr. forløb' }), 'sessions');
    assert.equal(courseMeasureOf({ measure: 'mødegange pr. forløb' }), 'sessions');
    assert.equal(courseMeasureOf({ measure: 'uger pr. forløb' }), 'weeks');
    assert.equal(courseMeasureOf({ measure: 'unge pr. gruppe' }), 'participants');
    assert.equal(courseMeasureOf({ measure: 'timers førstehjælpskursus (FH-kursus) med kursusbevis' }), null);
  });

  it('finds 10 planned sessions within the plan’s 10-12 and 9 below it', () => {
    assert.equal(checkCourseTarget(target({}), { sessions: 10, weeks: null, participants: 0 }).status, 'passer');
    const under = checkCourseTarget(target({}), { sessions: 9, weeks: null, participants: 0 });
    assert.equal(under.status, 'under');
    assert.match(under.text, /9 planlagte mødegange; planen siger 10-12/);
  });

  it('reads «ca. 10 unge pr. gruppe» as 9 to 11', () => {
    const t = target({ measure: 'unge pr. gruppe', kind: 'approximate', value: 10 });
    assert.equal(checkCourseTarget(t, { sessions: 0, weeks: null, participants: 9 }).status, 'passer');
    assert.equal(checkCourseTarget(t, { sessions: 0, weeks: null, participants: 12 }).status, 'over');
  });

  it('says a target Helhed does not record cannot be measured', () => {
    assert.equal(checkCourseTarget(target({ measure: 'timers førstehjælpskursus', kind: 'exact', value: 12 }), { sessions: 10, weeks: 10, participants: 10 }).status, 'ikke målbar');
  });
});
