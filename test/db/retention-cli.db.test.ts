import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createTestDatabase, testEngines, testSecretHex, type TestDatabase } from '../support/databases.js';
import { ensureDefaultPlan } from '../../src/plan/plans.service.js';
import { newParticipantCode } from '../../src/participants/personal-id.js';
import { anEnrolment, aParticipant, insertRows } from '../fixtures/participants/index.js';

for (const engine of testEngines()) {
  describe(`retention from the command line on ${engine}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createTestDatabase(engine);
    });
    after(() => db.drop());

    const run = (env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'retention'], {
        env: {
          ...process.env,
          DATABASE_URL: engine === 'sqlite' ? `sqlite:${db.target.location}` : db.target.location,
          HELHED_SECRET: testSecretHex(),
          HELHED_ADMIN_EMAIL: '',
          HELHED_ADMIN_PASSWORD: '',
          ...env,
        },
        encoding: 'utf8',
      });

    it('erases a participant whose last enrolment ended long ago, says how many, and records the run', async () => {
      const plan = await ensureDefaultPlan(db.database);
      const old = aParticipant(plan.id, { code: newParticipantCode() });
      const recent = aParticipant(plan.id, { code: newParticipantCode() });
      await insertRows(db.database.db, {
        participants: [old, recent],
        enrolments: [
          anEnrolment(plan.id, old.id, 'npu', { start_date: '2019-01-01', end_date: '2020-01-01', status: 'afsluttet' }),
          anEnrolment(plan.id, recent.id, 'npu', { start_date: '2025-09-01', end_date: null }),
        ],
      });
      const result = run();
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /persondata om 1 deltager slettet/);
      const left = await db.database.db.selectFrom('participants').select('id').where('id', 'in', [old.id, recent.id]).execute();
      assert.deepEqual(left.map((r) => r.id), [recent.id]);
      const runs = await db.database.db.selectFrom('audit_log').select(['actor_label', 'summary']).where('entity_type', '=', 'retention').execute();
      assert.equal(runs.length, 1);
      assert.match(runs[0]!.actor_label, /kommandolinje/);
    });

    it('stops with a Danish message when HELHED_RETENTION_MONTHS is not a number of months', () => {
      const result = run({ HELHED_RETENTION_MONTHS: 'to år' });
      assert.notEqual(result.status, 0);
      assert.match(result.stderr + result.stdout, /HELHED_RETENTION_MONTHS.*mellem 6 og 120/);
    });
  });
}
