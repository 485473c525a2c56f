import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoUsers, hasDemoData, seedDemoData } from '../../src/demo/demo-data.js';
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

        const first = await seedDemoData(app.db.database, app.planId);
        assert.equal(first.created.length, demoUsers().length);
        assert.deepEqual((await seedDemoData(app.db.database, app.planId)).created, [], 'a second start adds nothing');
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
  });
}
