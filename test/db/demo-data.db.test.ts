import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoUsers, hasDemoData, seedDemoData } from '../../src/demo/demo-data.js';
import { DEMO_FILE_NAME } from '../../src/demo/demo-measurements.js';
import { indicatorCatalogue } from '../../src/monitoring/indicator-catalogue.js';
import { measurementScopes } from '../../src/monitoring/scopes.js';
import { site } from '../../src/web/site.js';
import { testEngines } from '../support/databases.js';
import { login, startTestApp } from '../support/test-app.js';

for (const engine of testEngines()) {
  describe(`demo data on ${engine}`, () => {
    after(() => {
      site.demo = false;
    });

    it('adds a demo user for every role, once, and marks every page and API answer as demo data', async () => {
      const app = await startTestApp(engine);
      try {
        assert.equal(await hasDemoData(app.db.database.db), false);
        const plain = await app.request({ method: 'GET', url: '/logind' });
        assert.doesNotMatch(plain.body, /Demodata/);
        assert.equal(plain.headers['x-helhed-demodata'], undefined);

        const first = await seedDemoData(app.db.database, app.planId, app.services);
        assert.equal(first.created.length, demoUsers().length);
        assert.deepEqual((await seedDemoData(app.db.database, app.planId, app.services)).created, [], 'a second start adds nothing');
        assert.equal(await hasDemoData(app.db.database.db), true);
        site.demo = true;

        const partner = demoUsers().find((u) => u.role === 'partner')!;
        const session = await login(app, partner.email, partner.password);
        const me = await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: session.cookie } });
        assert.equal(me.json().organisation, 'Demo: Nørrevangsskolen');
        assert.equal(me.headers['x-helhed-demodata'], 'ja');
        const page = await app.request({ method: 'GET', url: '/', cookies: { helhed_session: session.cookie } });
        assert.match(page.body, /<p class="alert-heading">Demodata<\/p>/);
        assert.match((await app.request({ method: 'GET', url: '/logind' })).body, /syntetiske demodata/);
      } finally {
        site.demo = false;
        await app.close();
      }
    });

    it('imports measurements for every numeric indicator and every area through the import, once', async () => {
      const app = await startTestApp(engine);
      try {
        const { db } = app.db.database;
        const count = async (table: 'measurements' | 'measurement_imports' | 'audit_log') =>
          Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

        const first = await seedDemoData(app.db.database, app.planId, app.services);
        const stored = await count('measurements');
        assert.equal(first.measurements, stored);
        const [demoImport] = await app.services.measurements.imports(app.planId);
        assert.deepEqual({ file: demoImport?.file_name, status: demoImport?.status, by: demoImport?.created_by_label }, { file: DEMO_FILE_NAME, status: 'imported', by: 'demodata' });

        const snapshot = await app.services.plan.snapshot(app.planId);
        const current = await app.services.measurements.current(app.planId, {});
        const have = new Set(current.map((m) => `${m.indicatorCode}|${m.scope}`));
        const numeric = [...indicatorCatalogue(snapshot).definitions.values()].filter((d) => d.unit !== 'text');
        const missing = numeric.flatMap((d) => measurementScopes(snapshot).filter((s) => !have.has(`${d.code}|${s.scope}`)).map((s) => `${d.code} ${s.label}`));
        assert.deepEqual(missing, []);
        assert.ok(current.every((m) => m.note?.startsWith('Demodata')));

        const before = { measurements: stored, imports: await count('measurement_imports'), audit: await count('audit_log') };
        const second = await seedDemoData(app.db.database, app.planId, app.services);
        assert.equal(second.measurements, 0);
        assert.deepEqual({ measurements: await count('measurements'), imports: await count('measurement_imports'), audit: await count('audit_log') }, before, 'a second start adds nothing');
      } finally {
        await app.close();
      }
    });
  });
}
