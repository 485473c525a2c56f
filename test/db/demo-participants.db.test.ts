import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoUsers, seedDemoData } from '../../src/demo/demo-data.js';
import { DEMO_ATTENDANCE, DEMO_PARTNER_ACTIVITIES } from '../../src/demo/demo-participants.js';
import { grantedActivities } from '../../src/participants/access.repository.js';
import { randersPlanContent } from '../../src/plan/content/index.js';
import { site } from '../../src/web/site.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Table = 'participants' | 'households' | 'enrolments' | 'courses' | 'course_sessions' | 'attendance' | 'outcome_measurements' | 'staff_hour_reports' | 'consents';

for (const engine of testEngines()) {
  describe(`the demo population on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine, { clock: () => new Date('2026-11-26T10:00:00Z') });
      await seedDemoData(app.db.database, app.planId, app.services);
    });
    after(async () => {
      site.demo = false;
      await app.close();
    });
    const count = async (table: Table) =>
      Number((await app.db.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', app.planId).executeTakeFirstOrThrow()).n);

    it('fills about 1,000 participants in a few hundred households, with courses, attendance, consents and outcomes', async () => {
      assert.equal(await count('participants'), 1000);
      const households = await count('households');
      assert.ok(households >= 200 && households <= 500, `${households} households`);
      assert.ok((await count('courses')) > 10);
      assert.ok((await count('course_sessions')) > 100);
      assert.equal(await count('attendance'), DEMO_ATTENDANCE);
      assert.ok((await count('consents')) >= (await count('enrolments')) * 0.99);
      assert.ok((await count('outcome_measurements')) > 500);
    });

    it('enrols participants in all 16 activities', async () => {
      const rows = await app.db.database.db.selectFrom('enrolments').select('activity_slug').distinct().where('plan_id', '=', app.planId).execute();
      const slugs = new Set(rows.map((r) => r.activity_slug));
      for (const a of randersPlanContent.interventionAreas.flatMap((ia) => ia.activities)) assert.ok(slugs.has(a.slug), a.slug);
    });

    it('reports staff hours for the plan’s organisations', async () => {
      assert.ok((await count('staff_hour_reports')) > 100);
      const org = await app.db.database.db.selectFrom('organisations').select('id').where('plan_id', '=', app.planId).where('name', '=', 'Jobcenter Randers').executeTakeFirst();
      assert.ok(org, 'hours are reported by the organisation the plan names');
    });

    it('lets the demo partner and secretariat users work in activities of their own', async () => {
      const users = demoUsers();
      const partner = users.find((u) => u.role === 'partner')!;
      const db = app.db.database.db;
      const organisation = await db.selectFrom('organisations').select('id').where('plan_id', '=', app.planId).where('name', '=', partner.organisation!).executeTakeFirstOrThrow();
      const partnerUser = await db.selectFrom('users').select('id').where('email', '=', partner.email).executeTakeFirstOrThrow();
      assert.deepEqual((await grantedActivities(db, app.planId, partnerUser.id, organisation.id)).sort(), [...DEMO_PARTNER_ACTIVITIES].sort());
      const secretariat = await db.selectFrom('users').select('id').where('email', '=', users.find((u) => u.role === 'sekretariat')!.email).executeTakeFirstOrThrow();
      assert.ok((await grantedActivities(db, app.planId, secretariat.id, null)).includes('brandkadet'));
    });

    it('adds nothing on the next start', async () => {
      const before = { participants: await count('participants'), attendance: await count('attendance'), hours: await count('staff_hour_reports') };
      const again = await seedDemoData(app.db.database, app.planId, app.services);
      assert.equal(again.population.participants, 0);
      assert.deepEqual({ participants: await count('participants'), attendance: await count('attendance'), hours: await count('staff_hour_reports') }, before);
    });
  });
}
