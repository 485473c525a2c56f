import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { routeForChange, statusAfterBoard } from './change-policy.js';

describe('how a change of the plan takes effect', () => {
  it('lets practical activity details take effect at once', () => {
    assert.deepEqual(routeForChange('activity', ['content', 'resources']), { kind: 'direct' });
  });

  it('sends targets and staff hours to the board as a sub-agreement change', () => {
    assert.deepEqual(routeForChange('activity', ['targets']), { kind: 'proposal', subject: 'sub-agreement', requiresLbf: false });
    assert.deepEqual(routeForChange('intervention-area', ['staffHours']), { kind: 'proposal', subject: 'sub-agreement', requiresLbf: false });
  });

  it('needs LBF’s approval too for the strategic agreement, its goals’ indicators and the commissorium', () => {
    assert.deepEqual(routeForChange('goal', ['title']), { kind: 'proposal', subject: 'strategic-agreement', requiresLbf: true });
    assert.deepEqual(routeForChange('indicator', ['name'], true), { kind: 'proposal', subject: 'strategic-agreement', requiresLbf: true });
    assert.deepEqual(routeForChange('indicator', ['name'], false), { kind: 'proposal', subject: 'sub-agreement', requiresLbf: false });
    assert.deepEqual(routeForChange('body', ['cadence']), { kind: 'proposal', subject: 'commissorium', requiresLbf: true });
  });

  it('applies a sub-agreement change on consensus, and waits for LBF where it must', () => {
    assert.equal(statusAfterBoard(true, false), 'vedtaget');
    assert.equal(statusAfterBoard(true, true), 'afventer_lbf');
    assert.equal(statusAfterBoard(false, true), 'afvist');
  });
});
