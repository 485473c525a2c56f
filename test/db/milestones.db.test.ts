import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { milestoneServiceFor, seedDemoMilestones } from '../../src/governance/milestones.service.js';
import { aMilestoneInput } from '../fixtures/governance/milestones.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-02-10T12:00:00Z');

for (const engine of testEngines()) {
  describe(`milestone plans on ${engine}`, () => {
    let app: TestApp;
    let secretariat: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      secretariat = await app.sessionFor('sekretariat');
    });
    after(() => app.close());

    const service = () => milestoneServiceFor(app.services);

    it('seeds a believable demo plan for each sub-agreement once, each with a milestone overdue and one at risk', async () => {
      const added = await seedDemoMilestones(app.db.database, app.planId, () => NOW);
      assert.ok(added >= 32 && added <= 48, String(added));
      assert.equal(await seedDemoMilestones(app.db.database, app.planId, () => NOW), 0);
      const summaries = await service().summaries(app.planId);
      assert.equal(summaries.length, 4);
      for (const s of summaries) {
        assert.ok(s.counts.forsinket >= 1, `${s.interventionArea}: ${JSON.stringify(s.counts)}`);
        assert.ok(s.counts['i risiko'] >= 1, `${s.interventionArea}: ${JSON.stringify(s.counts)}`);
      }
      const flagged = await service().flagged(app.planId);
      assert.equal(flagged[0]?.flag, 'forsinket');
      assert.match(flagged[0]!.reason, /Fristen var/);
      void secretariat;
      void aMilestoneInput;
    });
  });
}
