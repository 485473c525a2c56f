import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswers, checkDecision, evaluationDueAt, isEvaluationOverdue, MAX_ANSWER, type EvaluationAnswers } from './evaluation.js';

const STOOD_DOWN = '2026-03-10T15:00:00.000Z';
const complete: EvaluationAnswers = { worked: 'Hurtig indkaldelse', improve: 'Politiets kontakt', channelsRight: true, channelsNote: null, recommendations: 'Opdatér listen' };

describe('when an evaluation is due', () => {
  it('is due fourteen elapsed days after stand-down, also across the change to summer time', () => {
    assert.equal(evaluationDueAt(STOOD_DOWN).toISOString(), '2026-03-24T15:00:00.000Z');
    assert.equal(evaluationDueAt('2026-03-20T15:00:00.000Z').toISOString(), '2026-04-03T15:00:00.000Z');
  });

  it('flags a pending decision or an unfinished evaluation after the due instant, not at it', () => {
    assert.equal(isEvaluationOverdue('afventer', STOOD_DOWN, new Date('2026-03-24T15:00:00.000Z')), false);
    assert.equal(isEvaluationOverdue('afventer', STOOD_DOWN, new Date('2026-03-24T15:00:00.001Z')), true);
    assert.equal(isEvaluationOverdue('evalueres', STOOD_DOWN, new Date('2026-04-24T00:00:00Z')), true);
  });

  it('never flags a finished evaluation, one not needed, or an incident not stood down', () => {
    const late = new Date('2027-01-01T00:00:00Z');
    assert.equal(isEvaluationOverdue('udfoert', STOOD_DOWN, late), false);
    assert.equal(isEvaluationOverdue('ikke_noedvendig', STOOD_DOWN, late), false);
    assert.equal(isEvaluationOverdue('afventer', null, late), false);
  });
});

describe('the decision whether to evaluate', () => {
  it('accepts «Evalueres» without a reason', () => {
    assert.deepEqual(checkDecision('evalueres', null), []);
  });

  it('requires a reason for «Ikke nødvendig»', () => {
    assert.deepEqual(checkDecision('ikke_noedvendig', '  '), [{ field: 'reason', message: 'Skriv, hvorfor en evaluering ikke er nødvendig.' }]);
    assert.deepEqual(checkDecision('ikke_noedvendig', 'Kort og afklaret forløb'), []);
  });

  it('refuses an unknown decision, naming the field', () => {
    assert.equal(checkDecision('maaske', 'x')[0]?.field, 'decision');
  });
});

describe('the evaluation\'s answers', () => {
  it('lets a draft leave answers out', () => {
    assert.deepEqual(checkAnswers({ worked: null, improve: null, channelsRight: null, channelsNote: null, recommendations: null }, false), []);
  });

  it('requires every answer to finish, in the order the form asks', () => {
    const fields = checkAnswers({ worked: ' ', improve: null, channelsRight: null, channelsNote: null, recommendations: '' }, true).map((e) => e.field);
    assert.deepEqual(fields, ['worked', 'improve', 'channelsRight', 'recommendations']);
  });

  it('requires the words on the channels when they were not the right ones', () => {
    assert.deepEqual(checkAnswers({ ...complete, channelsRight: false }, true).map((e) => e.field), ['channelsNote']);
    assert.deepEqual(checkAnswers({ ...complete, channelsRight: false, channelsNote: 'SMS-kæden manglede' }, true), []);
  });

  it('refuses an answer longer than the limit, also in a draft', () => {
    assert.deepEqual(checkAnswers({ ...complete, improve: 'x'.repeat(MAX_ANSWER + 1) }, false).map((e) => e.field), ['improve']);
  });
});
