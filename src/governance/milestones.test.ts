import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assessMilestones,
  dependentsOf,
  summarizeMilestonePlans,
  validateMilestonePlan,
  type Milestone,
  type MilestoneAssessment,
} from './milestones.js';
import { aMilestone } from '../../test/fixtures/governance/milestones.js';

const flagOf = (milestones: Milestone[], id: string, today: string, atRiskWithinDays?: number): MilestoneAssessment =>
  assessMilestones(milestones, today, atRiskWithinDays === undefined ? {} : { atRiskWithinDays }).find((a) => a.milestone.id === id)!;

const messages = (milestones: Milestone[]) => validateMilestonePlan(milestones).map((p) => p.message);

describe('validating a milestone plan', () => {
  it('accepts a plan whose dependencies are known, acyclic and due no later than what depends on them', () => {
    const a = aMilestone({ id: 'a', dueDate: '2026-03-01' });
    const b = aMilestone({ id: 'b', dueDate: '2026-03-01', dependsOn: ['a'] });
    assert.deepEqual(validateMilestonePlan([a, b]), []);
  });

  it('names the milestone and the unknown id when a dependency is not in the plan', () => {
    const m = aMilestone({ id: 'a', title: 'Rekruttering af mentorer', dependsOn: ['findes-ikke'] });
    assert.deepEqual(validateMilestonePlan([m]), [
      { milestoneId: 'a', field: 'dependsOn', message: 'Milepælen «Rekruttering af mentorer» afhænger af «findes-ikke», som ikke er en milepæl i planen.' },
    ]);
  });

  it('says so when a milestone depends on itself, without calling it a cycle', () => {
    const m = aMilestone({ id: 'a', title: 'Opstart', dependsOn: ['a'] });
    assert.deepEqual(messages([m]), ['Milepælen «Opstart» afhænger af sig selv.']);
  });

  it('names a cycle\'s titles in dependency order, once, back to where it started', () => {
    const a = aMilestone({ id: 'a', title: 'Aftale', dueDate: '2026-03-01', dependsOn: ['b'] });
    const b = aMilestone({ id: 'b', title: 'Budget', dueDate: '2026-03-01', dependsOn: ['c'] });
    const c = aMilestone({ id: 'c', title: 'Kontrakt', dueDate: '2026-03-01', dependsOn: ['a'] });
    assert.deepEqual(messages([a, b, c]), [
      'Milepælen «Aftale» indgår i en kreds af afhængigheder: «Aftale» → «Budget» → «Kontrakt» → «Aftale».',
    ]);
  });

  it('asks for the completion date of a milestone marked færdig without one', () => {
    const m = aMilestone({ title: 'Lokaler klar', status: 'færdig' });
    assert.deepEqual(messages([m]), ['Milepælen «Lokaler klar» er færdig, men mangler datoen, den blev færdig.']);
  });

  it('rejects a completion date on a milestone that is not færdig, naming its status', () => {
    const m = aMilestone({ title: 'Lokaler klar', status: 'i gang', completedOn: '2026-03-01' });
    assert.deepEqual(messages([m]), [
      'Milepælen «Lokaler klar» har en færdigdato, men status er «i gang»: sæt status til «færdig» eller fjern datoen.',
    ]);
  });

  it('names both dates when a milestone is due before one it depends on', () => {
    const a = aMilestone({ id: 'a', title: 'Visitation', dueDate: '2026-03-20' });
    const b = aMilestone({ id: 'b', title: 'Første forløb', dueDate: '2026-03-10', dependsOn: ['a'] });
    assert.deepEqual(messages([a, b]), [
      'Milepælen «Første forløb» har frist 10. marts 2026, før «Visitation», som den afhænger af, har frist 20. marts 2026.',
    ]);
  });

  it('rejects a due date that is no real calendar date', () => {
    const m = aMilestone({ title: 'Evaluering', dueDate: '2026-02-30' });
    assert.deepEqual(messages([m]), ['Milepælen «Evaluering» har fristen «2026-02-30», som ikke er en dato på formen ÅÅÅÅ-MM-DD.']);
  });
});

describe('flagging milestones', () => {
  it('does not flag a milestone in progress as forsinket on its due date', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'i gang' });
    assert.equal(flagOf([m], 'a', '2026-03-15').flag, null);
  });

  it('flags a milestone in progress as forsinket the day after its due date, with the date and the days', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'i gang' });
    assert.deepEqual(
      { flag: flagOf([m], 'a', '2026-03-16').flag, reason: flagOf([m], 'a', '2026-03-16').reason },
      { flag: 'forsinket', reason: 'Fristen var 15. marts 2026, for 1 dag siden, og milepælen er i gang.' },
    );
  });

  it('never flags an udgået milestone, however long past its due date', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-01-01', status: 'udgået' });
    assert.equal(flagOf([m], 'a', '2026-12-01').flag, null);
  });

  it('flags a milestone not started as i risiko on the last day of the window', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'ikke startet' });
    const a = flagOf([m], 'a', '2026-03-01');
    assert.equal(a.flag, 'i risiko');
    assert.equal(a.reason, 'Fristen er 15. marts 2026, om 14 dage, og milepælen er ikke startet.');
  });

  it('does not flag a milestone not started one day before the window opens', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'ikke startet' });
    assert.equal(flagOf([m], 'a', '2026-02-28').flag, null);
  });

  it('flags a milestone not started as i risiko on its due date, saying it is due today', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'ikke startet' });
    assert.equal(flagOf([m], 'a', '2026-03-15').reason, 'Fristen er 15. marts 2026, i dag, og milepælen er ikke startet.');
  });

  it('uses the configured window instead of the fourteen days', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'ikke startet' });
    assert.deepEqual([flagOf([m], 'a', '2026-03-08', 7).flag, flagOf([m], 'a', '2026-03-07', 7).flag], ['i risiko', null]);
  });

  it('does not flag a milestone already in progress inside the window', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'i gang' });
    assert.equal(flagOf([m], 'a', '2026-03-10').flag, null);
  });

  it('flags a milestone as i risiko when a dependency is udgået', () => {
    const a = aMilestone({ id: 'a', title: 'Lokaleaftale', dueDate: '2026-03-01', status: 'udgået' });
    const b = aMilestone({ id: 'b', dueDate: '2026-06-01', dependsOn: ['a'] });
    assert.deepEqual(
      { flag: flagOf([a, b], 'b', '2026-02-01').flag, reason: flagOf([a, b], 'b', '2026-02-01').reason },
      { flag: 'i risiko', reason: 'Den afhænger af «Lokaleaftale», som er udgået.' },
    );
  });

  it('flags a milestone as i risiko when an unfinished dependency is due after it', () => {
    const a = aMilestone({ id: 'a', title: 'Visitation', dueDate: '2026-06-10' });
    const b = aMilestone({ id: 'b', dueDate: '2026-06-01', dependsOn: ['a'] });
    assert.equal(
      flagOf([a, b], 'b', '2026-02-01').reason,
      'Den afhænger af «Visitation», som har frist 10. juni 2026, efter denne milepæls frist 1. juni 2026.',
    );
  });

  it('does not flag a milestone whose dependency due after it is already færdig', () => {
    const a = aMilestone({ id: 'a', dueDate: '2026-06-10', status: 'færdig', completedOn: '2026-01-20' });
    const b = aMilestone({ id: 'b', dueDate: '2026-06-01', dependsOn: ['a'] });
    assert.equal(flagOf([a, b], 'b', '2026-02-01').flag, null);
  });

  it('flags a milestone as i risiko when a dependency is forsinket, but not before that dependency is', () => {
    const a = aMilestone({ id: 'a', title: 'Visitation', dueDate: '2026-03-01' });
    const b = aMilestone({ id: 'b', dueDate: '2026-06-01', dependsOn: ['a'] });
    assert.equal(flagOf([a, b], 'b', '2026-03-01').flag, null);
    assert.equal(flagOf([a, b], 'b', '2026-03-02').reason, 'Den afhænger af «Visitation», som er forsinket: fristen var 1. marts 2026.');
  });

  it('carries a forsinket milestone\'s risk down a chain of unfinished milestones, naming the link', () => {
    const a = aMilestone({ id: 'a', title: 'Visitation', dueDate: '2026-03-01' });
    const b = aMilestone({ id: 'b', title: 'Holdstart', dueDate: '2026-05-01', dependsOn: ['a'] });
    const c = aMilestone({ id: 'c', title: 'Evaluering', dueDate: '2026-06-01', dependsOn: ['b'] });
    const got = assessMilestones([a, b, c], '2026-03-10').map((x) => [x.milestone.id, x.flag, x.reason]);
    assert.deepEqual(got, [
      ['a', 'forsinket', 'Fristen var 1. marts 2026, for 9 dage siden, og milepælen er i gang.'],
      ['b', 'i risiko', 'Den afhænger af «Visitation», som er forsinket: fristen var 1. marts 2026.'],
      ['c', 'i risiko', 'Den afhænger via «Holdstart» af «Visitation», som er forsinket: fristen var 1. marts 2026.'],
    ]);
  });

  it('stops the chain at a færdig milestone: what it waited for no longer holds anything up', () => {
    const a = aMilestone({ id: 'a', dueDate: '2026-03-01' });
    const b = aMilestone({ id: 'b', dueDate: '2026-03-05', status: 'færdig', completedOn: '2026-03-05', dependsOn: ['a'] });
    const c = aMilestone({ id: 'c', dueDate: '2026-06-01', dependsOn: ['b'] });
    assert.equal(flagOf([a, b, c], 'c', '2026-03-10').flag, null);
  });

  it('ends on a cycle of dependencies instead of looping', () => {
    const a = aMilestone({ id: 'a', dueDate: '2026-06-01', dependsOn: ['b'] });
    const b = aMilestone({ id: 'b', dueDate: '2026-06-01', dependsOn: ['a'] });
    assert.deepEqual(assessMilestones([a, b], '2026-03-01').map((x) => x.flag), [null, null]);
  });

  it('records a milestone completed after its due date as færdig for sent, with both dates', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'færdig', completedOn: '2026-03-18' });
    assert.deepEqual(
      { flag: flagOf([m], 'a', '2026-04-01').flag, reason: flagOf([m], 'a', '2026-04-01').reason },
      { flag: 'færdig for sent', reason: 'Færdig 18. marts 2026, 3 dage efter fristen 15. marts 2026.' },
    );
  });

  it('does not flag a milestone completed on its due date', () => {
    const m = aMilestone({ id: 'a', dueDate: '2026-03-15', status: 'færdig', completedOn: '2026-03-15' });
    assert.equal(flagOf([m], 'a', '2026-04-01').flag, null);
  });

  it('refuses a today that is no date rather than flag against it', () => {
    assert.throws(() => assessMilestones([aMilestone()], '15/3/2026'), RangeError);
  });
});

describe('summarising milestone plans', () => {
  it('counts the flags per sub-agreement and lists its next open milestones, earliest first', () => {
    const today = '2026-03-10';
    const plan = [
      aMilestone({ id: 'late', dueDate: '2026-03-01' }),
      aMilestone({ id: 'risk', dueDate: '2026-03-20', status: 'ikke startet' }),
      aMilestone({ id: 'later', dueDate: '2026-09-01' }),
      aMilestone({ id: 'soon', dueDate: '2026-03-10' }),
      aMilestone({ id: 'dropped', dueDate: '2026-03-12', status: 'udgået' }),
      aMilestone({ id: 'done', dueDate: '2026-03-11', status: 'færdig', completedOn: '2026-03-09' }),
      aMilestone({ id: 'job', dueDate: '2026-03-11', interventionArea: 'beskaeftigelse' }),
    ];
    const [education, employment] = summarizeMilestonePlans(assessMilestones(plan, today), today);
    assert.deepEqual(education!.counts, { forsinket: 1, 'i risiko': 1, 'færdig for sent': 0, 'uden flag': 4 });
    assert.deepEqual(education!.nextDue.map((m) => m.id), ['soon', 'risk', 'later']);
    assert.deepEqual([employment!.interventionArea, employment!.nextDue.map((m) => m.id)], ['beskaeftigelse', ['job']]);
  });

  it('lists no more upcoming milestones than asked for', () => {
    const plan = [aMilestone({ dueDate: '2026-04-01' }), aMilestone({ dueDate: '2026-05-01' }), aMilestone({ dueDate: '2026-06-01' })];
    const [summary] = summarizeMilestonePlans(assessMilestones(plan, '2026-03-01'), '2026-03-01', 2);
    assert.deepEqual(summary!.nextDue.map((m) => m.dueDate), ['2026-04-01', '2026-05-01']);
  });
});

describe('what depends on a milestone', () => {
  it('lists the milestones that wait for it directly, in plan order, and not those further down the chain', () => {
    const a = aMilestone({ id: 'a' });
    const b = aMilestone({ id: 'b', dependsOn: ['a'] });
    const c = aMilestone({ id: 'c', dependsOn: ['b'] });
    const d = aMilestone({ id: 'd', dependsOn: ['a', 'c'] });
    assert.deepEqual(dependentsOf([a, b, c, d], 'a').map((m) => m.id), ['b', 'd']);
  });

  it('finds none for a milestone nothing waits for', () => {
    assert.deepEqual(dependentsOf([aMilestone({ id: 'a' })], 'a'), []);
  });
});

describe('the milestone problems\u2019 fields', () => {
  it('puts a cycle and an unknown dependency on the dependencies and a date conflict on the due date', () => {
    const a = aMilestone({ id: 'a', dueDate: '2026-03-01', dependsOn: ['b'] });
    const b = aMilestone({ id: 'b', dueDate: '2026-03-01', dependsOn: ['a', 'x'] });
    const c = aMilestone({ id: 'c', dueDate: '2026-02-01', status: 'færdig', dependsOn: ['a'] });
    const fields = validateMilestonePlan([a, b, c]).map((p) => `${p.milestoneId}:${p.field}`).sort();
    assert.deepEqual(fields, ['a:dependsOn', 'b:dependsOn', 'c:completedOn', 'c:dueDate']);
  });
});
