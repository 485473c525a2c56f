import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randersPlanContent } from '../plan/content/index.js';
import { COUNTING_RULES, countingRuleFor, countsPersons, describeCountingRule, PER_COURSE_KINDS } from './target-counting.js';

const activities = randersPlanContent.interventionAreas.flatMap((area) => area.activities);
const targets = activities.flatMap((activity) => activity.targets);

describe('the counting rules of the plan\u2019s targets', () => {
  it('covers all 16 activities of the plan', () => {
    assert.equal(activities.length, 16);
  });

  it('gives every target of the plan a counting rule of its own', () => {
    const missing = targets.filter((t) => !(t.code in COUNTING_RULES)).map((t) => t.code);
    assert.deepEqual(missing, []);
  });

  it('names no target the plan does not have', () => {
    const codes = new Set(targets.map((t) => t.code));
    assert.deepEqual(Object.keys(COUNTING_RULES).filter((code) => !codes.has(code)), []);
  });

  it('counts per course only targets the plan states per course', () => {
    for (const t of targets) {
      if (PER_COURSE_KINDS.includes(countingRuleFor(t).kind)) assert.equal(t.per, 'course', t.code);
    }
  });

  it('counts Brandkadet\u2019s «mindst 12 unge fra boligområderne» as distinct participants from the areas', () => {
    assert.deepEqual(countingRuleFor({ code: 'brandkadet-deltagere' }), { kind: 'participants', fromAreas: true });
  });

  it('counts families as households and individual counselling courses as enrolments started', () => {
    assert.equal(countingRuleFor({ code: 'trivselsforloeb-familier' }).kind, 'households');
    assert.equal(countingRuleFor({ code: 'sv-1' }).kind, 'enrolments-started');
  });

  it('suppresses counts of persons but not counts of meetings or courses', () => {
    assert.equal(countsPersons(countingRuleFor({ code: 'brandkadet-deltagere' })), true);
    assert.equal(countsPersons(countingRuleFor({ code: 'lommepengejobs-institutioner' })), true);
    assert.equal(countsPersons(countingRuleFor({ code: 'sprog-netvaerksmoeder' })), false);
    assert.equal(countsPersons(countingRuleFor({ code: 'brandkadet-forloeb' })), false);
  });

  it('treats a target it does not know as reported persons, the safe reading', () => {
    assert.deepEqual(countingRuleFor({ code: 'ukendt-maal' }), { kind: 'reported', persons: true });
  });

  it('describes every rule in Danish', () => {
    for (const t of targets) assert.match(describeCountingRule(countingRuleFor(t)), /^[A-ZÆØÅ].+\.$/, t.code);
  });
});
