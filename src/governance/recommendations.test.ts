import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, permissionsOf } from '../auth/permissions.js';
import { consensusOf, decisionText, isOpenProposal, isPending, subjectFor, transitionProblem } from './recommendations.js';

describe('the steering group’s recommendations to the board', () => {
  it('is edited as a draft, put to the board, then decided there', () => {
    assert.equal(transitionProblem('udkast', 'udkast'), null);
    assert.equal(transitionProblem('udkast', 'indstillet'), null);
    assert.equal(transitionProblem('indstillet', 'vedtaget'), null);
    assert.equal(transitionProblem('indstillet', 'forkastet'), null);
  });

  it('lets the board decide only what has been put to it', () => {
    assert.match(transitionProblem('udkast', 'vedtaget')!, /først beslutte, når indstillingen er indstillet/);
  });

  it('keeps a decided recommendation final', () => {
    assert.match(transitionProblem('vedtaget', 'forkastet')!, /først beslutte/);
    assert.match(transitionProblem('vedtaget', 'trukket')!, /afgjort indstilling kan ikke trækkes tilbage/);
    assert.match(transitionProblem('indstillet', 'udkast')!, /Kun et udkast kan ændres/);
    assert.match(transitionProblem('indstillet', 'indstillet')!, /allerede indstillet til bestyrelsen/);
  });

  it('lets drafts and recommendations put to the board be withdrawn, and counts them as pending', () => {
    assert.equal(transitionProblem('udkast', 'trukket'), null);
    assert.equal(transitionProblem('indstillet', 'trukket'), null);
    assert.deepEqual((['udkast', 'indstillet', 'vedtaget', 'forkastet', 'trukket'] as const).filter(isPending), ['udkast', 'indstillet']);
  });

  it('takes the subject of the change proposal it carries, whatever was chosen', () => {
    assert.equal(subjectFor('other', 'strategic-agreement'), 'strategic-agreement');
    assert.equal(subjectFor('commissorium', null), 'commissorium');
  });

  it('carries only proposals still waiting for the board', () => {
    assert.equal(isOpenProposal('afventer_bestyrelse'), true);
    assert.equal(isOpenProposal('afventer_lbf'), false);
    assert.equal(isOpenProposal('vedtaget'), false);
  });

  it('reads the board’s adoption as its consensus on the proposal', () => {
    assert.equal(consensusOf('vedtaget'), true);
    assert.equal(consensusOf('forkastet'), false);
  });

  it('writes the board’s decision for the minutes, with the note after it', () => {
    assert.equal(decisionText('Flere pladser', 'vedtaget', ''), 'Bestyrelsen vedtog indstillingen «Flere pladser».');
    assert.equal(decisionText('Flere pladser', 'forkastet', ' Ikke konsensus. '), 'Bestyrelsen forkastede indstillingen «Flere pladser». Ikke konsensus.');
  });

  it('is decided by exactly those who decide for the board or keep governance, as the routes declare with plan.decide', () => {
    for (const role of ROLES) {
      const granted = permissionsOf([role]);
      assert.equal(granted.has('plan.decide'), granted.has('governance.decide') || granted.has('governance.manage'), role);
    }
  });
});
