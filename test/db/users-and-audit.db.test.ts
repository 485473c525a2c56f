import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { recordAudit, SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

for (const engine of testEngines()) {
  describe(`user administration on ${engine}`, () => {
    let app: TestApp;
    let admin: Session;
    before(async () => {
      app = await startTestApp(engine);
      admin = await app.sessionFor('administrator');
    });
    after(() => app.close());

    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      app.request({ method, url, cookies: { helhed_session: admin.cookie }, ...(payload ? { payload } : {}) });

    it('creates a partner bound to an organisation, and lists the organisation for the next partner', async () => {
      const response = await api('POST', '/api/v1/users', { email: 'Skole@Randers.dk', name: 'Skoleleder', roles: ['partner'], organisation: 'Nørrevangsskolen', password: 'en-lang-adgangskode-2' });
      assert.equal(response.statusCode, 201);
      const user = response.json();
      assert.equal(user.email, 'skole@randers.dk');
      assert.deepEqual(user.roles, [{ role: 'partner', organisationName: 'Nørrevangsskolen' }]);
      const orgs = await app.db.database.db.selectFrom('organisations').select(['name', 'plan_id']).execute();
      assert.deepEqual(orgs, [{ name: 'Nørrevangsskolen', plan_id: app.planId }]);
    });

    it('stores passwords only as argon2id hashes', async () => {
      const row = await app.db.database.db.selectFrom('users').select('password_hash').where('email', '=', 'skole@randers.dk').executeTakeFirstOrThrow();
      assert.match(row.password_hash!, /^\$argon2id\$/);
    });

    it('reports every problem with a new user at once, in Danish', async () => {
      const response = await api('POST', '/api/v1/users', { email: 'ikke-en-adresse', name: ' ', roles: ['partner'], password: 'kort' });
      assert.equal(response.statusCode, 400);
      const fields = response.json().error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`);
      assert.deepEqual(fields, [
        'email: E-mailadressen skal have formen navn@eksempel.dk.',
        'name: Skriv brugerens navn.',
        'organisation: En partner skal være knyttet til en organisation. Skriv organisationens navn.',
        'password: Adgangskoden skal være mindst 12 tegn.',
      ]);
    });

    it('refuses a second user with the same e-mail with 409', async () => {
      const response = await api('POST', '/api/v1/users', { email: 'SKOLE@randers.dk', name: 'Igen', roles: [] });
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().error.fields[0].field, 'email');
    });

    it('changes roles and records before and after in the audit log, in the same transaction', async () => {
      const list = (await api('GET', '/api/v1/users')).json();
      const id = list.find((u: { email: string }) => u.email === 'skole@randers.dk').id;
      const response = await api('PATCH', `/api/v1/users/${id}`, { roles: ['partner', 'beredskab'] });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json().roles.map((r: { role: string }) => r.role).sort(), ['beredskab', 'partner']);
      const entry = await app.db.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', 'update').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(entry.before_json!).roles, ['partner']);
      assert.deepEqual(JSON.parse(entry.after_json!).roles.sort(), ['beredskab', 'partner']);
      assert.equal(entry.actor_label, admin.email);
      assert.ok(!entry.before_json!.includes('argon2'), 'no password hash in the log');
    });

    it('does not let an administrator remove their own administrator role', async () => {
      const me = (await api('GET', '/api/v1/me')).json();
      const response = await api('PATCH', `/api/v1/users/${me.id}`, { roles: ['sekretariat'] });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.fields[0].message, /egen administratorrolle/);
    });

    it('leaves nothing behind when a user cannot be created', async () => {
      const count = async () => (await app.db.database.db.selectFrom('users').select('id').execute()).length;
      const audits = async () => (await app.db.database.db.selectFrom('audit_log').select('id').execute()).length;
      const [users, entries] = [await count(), await audits()];
      await api('POST', '/api/v1/users', { email: 'skole@randers.dk', name: 'Dublet', roles: ['partner'], organisation: 'Ny organisation' });
      assert.equal(await count(), users);
      assert.equal(await audits(), entries);
      const orgs = await app.db.database.db.selectFrom('organisations').select('name').where('name', '=', 'Ny organisation').execute();
      assert.deepEqual(orgs, [], 'the organisation made on the way was rolled back too');
    });

    it('keeps a plan’s roles to that plan', async () => {
      const other = { id: '00000000-0000-7000-8000-0000000000aa', slug: 'randers-2021-25', name: 'Den boligsociale Helhedsplan Randers 2021-25', period_start: '2021-08-01', period_end: '2025-07-31', created_at: new Date().toISOString() };
      await app.db.database.db.insertInto('plans').values(other).execute();
      const partner = await app.sessionFor('partner');
      const me = (await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: partner.cookie } })).json();
      assert.equal(me.plan.slug, 'randers-2025-29');
      assert.deepEqual(me.roles, ['partner']);
      assert.equal(me.organisation, 'Test-organisation');
      // Switching to a plan in which the user has no role is refused.
      const switched = await app.request({
        method: 'POST', url: '/profil/plan', cookies: { helhed_session: partner.cookie }, headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: partner.csrf, plan: other.id }).toString(),
      });
      assert.equal(switched.statusCode, 400);
    });
  });

  describe(`the audit log on ${engine}`, () => {
    let app: TestApp;
    let admin: Session;
    before(async () => {
      app = await startTestApp(engine);
      admin = await app.sessionFor('administrator');
    });
    after(() => app.close());

    it('cannot be changed or emptied, not even with SQL', async () => {
      await recordAudit(app.db.database.db, SYSTEM_ACTOR, { action: 'create', entityType: 'test', summary: 'Uforanderlig' });
      await assert.rejects(sql`UPDATE audit_log SET summary = 'ændret'`.execute(app.db.database.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log`.execute(app.db.database.db), /append-only/);
      const row = await app.db.database.db.selectFrom('audit_log').select('summary').where('entity_type', '=', 'test').executeTakeFirstOrThrow();
      assert.equal(row.summary, 'Uforanderlig');
    });

    it('is filtered by action and by Danish date over the API', async () => {
      const all = (await app.request({ method: 'GET', url: '/api/v1/audit', cookies: { helhed_session: admin.cookie } })).json();
      assert.ok(all.total >= 2);
      const logins = (await app.request({ method: 'GET', url: '/api/v1/audit?action=login', cookies: { helhed_session: admin.cookie } })).json();
      assert.ok(logins.entries.length >= 1);
      assert.ok(logins.entries.every((e: { action: string }) => e.action === 'login'));
      const future = (await app.request({ method: 'GET', url: '/api/v1/audit?from=2099-01-01', cookies: { helhed_session: admin.cookie } })).json();
      assert.equal(future.total, 0);
    });

    it('shows the entries on the page, with filters that keep their values', async () => {
      const page = await app.request({ method: 'GET', url: '/revisionsspor?handling=login&soeg=admin', cookies: { helhed_session: admin.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /loggede ind med adgangskode/);
      assert.match(page.body, /<option value="login" selected>/);
    });

    it('answers an impossible date in the page filter with a Danish error', async () => {
      const page = await app.request({ method: 'GET', url: '/revisionsspor?fra=2026-13-01', cookies: { helhed_session: admin.cookie } });
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: Revisionsspor/);
      assert.match(page.body, /Fra-datoen skal være en gyldig dato/);
    });
  });

  describe(`health on ${engine}`, () => {
    it('answers 200 with the engine, without login', async () => {
      const app = await startTestApp(engine);
      try {
        const response = await app.request({ method: 'GET', url: '/healthz' });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), { status: 'ok', db: engine });
      } finally {
        await app.close();
      }
    });
  });
}
