import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blockedMessage, decideTargetGroup, enrolmentProblems, type EnrolmentInput } from './enrolment-rules.js';

const activities = new Map([
  ['brandkadet', 'Brandkadet'],
  ['trivsel-i-skolen', 'Trivsel i skolen'],
]);
const input = (overrides: Partial<EnrolmentInput> = {}): EnrolmentInput => ({
  activity: 'brandkadet', startDate: '2025-09-01', endDate: '', status: 'aktiv', referralKind: 'selv', referredFromActivity: '', referredBy: '', overrideReason: '', ...overrides,
});

describe('enrolment rules', () => {
  it('accepts an active enrolment without an end', () => {
    assert.deepEqual(enrolmentProblems(input(), activities), []);
  });

  it('refuses an end before the start', () => {
    const [problem] = enrolmentProblems(input({ endDate: '2025-08-01', status: 'afsluttet' }), activities);
    assert.equal(problem!.field, 'endDate');
    assert.match(problem!.message, /før startdatoen/);
  });

  it('asks for an end date when the enrolment has ended', () => {
    assert.equal(enrolmentProblems(input({ status: 'afbrudt' }), activities)[0]!.field, 'endDate');
  });

  it('refuses an end date on an active enrolment', () => {
    assert.equal(enrolmentProblems(input({ endDate: '2025-12-01' }), activities)[0]!.field, 'status');
  });

  it('asks which activity referred the participant, and refuses the activity itself', () => {
    assert.equal(enrolmentProblems(input({ referralKind: 'aktivitet' }), activities)[0]!.field, 'referredFromActivity');
    assert.match(enrolmentProblems(input({ referralKind: 'aktivitet', referredFromActivity: 'brandkadet' }), activities)[0]!.message, /ikke henvises fra den aktivitet/);
    assert.deepEqual(enrolmentProblems(input({ referralKind: 'aktivitet', referredFromActivity: 'trivsel-i-skolen' }), activities), []);
  });

  it('asks which partner referred the participant', () => {
    assert.equal(enrolmentProblems(input({ referralKind: 'partner' }), activities)[0]!.field, 'referredBy');
  });

  it('refuses an unknown activity and a bad date', () => {
    const fields = enrolmentProblems(input({ activity: 'svømning', startDate: '2025-02-30' }), activities).map((p) => p.field);
    assert.deepEqual(fields, ['activity', 'startDate']);
  });

  it('blocks an enrolment with a blocking finding unless a reason is given', () => {
    const block = { rule: 'age' as const, severity: 'block' as const, message: 'Deltageren er 11 år den 1. september 2025; aktiviteten er for 13-17-årige.' };
    const check = { fits: false, findings: [block] };
    const blocked = decideTargetGroup(check, '  ');
    assert.equal(blocked.kind, 'blocked');
    assert.match(blockedMessage([block]), /11 år.*begrundelse/);
    const overridden = decideTargetGroup(check, 'Storebror deltager; aftalt med brandvæsenet');
    assert.deepEqual(overridden.kind === 'overridden' && overridden.reason, 'Storebror deltager; aftalt med brandvæsenet');
  });

  it('lets warnings through', () => {
    const warn = { rule: 'school' as const, severity: 'warn' as const, message: 'Skolen er ikke oplyst.' };
    assert.equal(decideTargetGroup({ fits: true, findings: [warn] }, '').kind, 'fits');
  });
});
