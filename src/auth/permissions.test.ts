import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allows, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES } from './permissions.js';

describe('roles and permissions', () => {
  it('gives the administrator every permission', () => {
    assert.deepEqual([...permissionsOf(['administrator'])].sort(), [...PERMISSIONS].sort());
  });

  it('keeps user administration and the audit log to administrators', () => {
    for (const role of ROLES.filter((r) => r !== 'administrator')) {
      assert.equal(allows('users.manage', true, [role]), false, `${role} must not manage users`);
      assert.equal(allows('audit.read', true, [role]), false, `${role} must not read the audit log`);
    }
  });

  it('never lets the board or the crisis group read personal data of participants', () => {
    assert.equal(allows('participants.read', true, ['bestyrelse']), false);
    assert.equal(allows('participants.read', true, ['beredskab']), false);
    assert.equal(allows('participants.read', true, ['monitorering']), false);
  });

  it('lets only the monitoring unit (and administrators) import indicator data', () => {
    const importers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('monitoring.import'));
    assert.deepEqual(importers.sort(), ['administrator', 'monitorering']);
  });

  it('lets any member of the crisis group, and the secretariat, activate the crisis plan', () => {
    assert.equal(allows('beredskab.activate', true, ['beredskab']), true);
    assert.equal(allows('beredskab.activate', true, ['sekretariat']), true);
    assert.equal(allows('beredskab.activate', true, ['partner']), false);
  });

  it('refuses everything but public routes without a login', () => {
    assert.equal(allows('public', false, []), true);
    assert.equal(allows('authenticated', false, []), false);
    assert.equal(allows('plan.read', false, []), false);
  });

  it('grants a permission when any one of several roles carries it', () => {
    assert.equal(allows('monitoring.import', true, ['bestyrelse', 'monitorering']), true);
  });
});
