import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sha256 } from '../../src/auth/secrets.js';
import { testEngines } from '../support/databases.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, USER_PASSWORD, anonymousForm, login, startTestApp, type TestApp } from '../support/test-app.js';

for (const engine of testEngines()) {
  describe(`signing in, sessions and API tokens on ${engine}`, () => {
    let app: TestApp;
    let now: Date;

    before(async () => {
      now = new Date('2026-03-02T09:00:00Z');
      app = await startTestApp(engine, { clock: () => now });
    });
    after(() => app.close());
    beforeEach(() => {
      // Each test starts far from the last, so that lockouts and sessions from earlier tests have expired.
      now = new Date(now.getTime() + 24 * 3_600_000);
    });

    const loginApi = (email: string, password: string, ip = '10.0.0.1') =>
      app.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

    it('logs the bootstrap administrator in over the API with an httpOnly, SameSite=Lax session cookie', async () => {
      const response = await loginApi(ADMIN_EMAIL, ADMIN_PASSWORD);
      assert.equal(response.statusCode, 200);
      const cookie = response.cookies.find((c) => c.name === 'helhed_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.secure, undefined);
      const me = await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: cookie.value } });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json().roles, ['administrator']);
      assert.equal(me.json().plan.slug, 'randers-2025-29');
    });

    it('keeps only a hash of the session id in the database', async () => {
      const session = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const rows = await app.db.database.db.selectFrom('sessions').select('id_hash').execute();
      assert.ok(rows.some((r) => r.id_hash === sha256(session.cookie)));
      assert.ok(!rows.some((r) => r.id_hash === session.cookie));
    });

    it('treats e-mail addresses without regard to case and spaces', async () => {
      const response = await loginApi(`  ${ADMIN_EMAIL.toUpperCase()} `, ADMIN_PASSWORD);
      assert.equal(response.statusCode, 200);
    });

    it('answers a wrong password and an unknown e-mail alike, in Danish', async () => {
      const wrong = await loginApi(ADMIN_EMAIL, 'forkert-adgangskode-1', '10.0.1.1');
      const unknown = await loginApi('ingen@helhed.test', 'forkert-adgangskode-1', '10.0.1.1');
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
      assert.equal(wrong.json().error.message, 'E-mailadressen eller adgangskoden er forkert.');
    });

    it('locks an account after five wrong passwords, refuses even the right one with 429, and lets it in after the lockout', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await loginApi(ADMIN_EMAIL, `forkert-${i}-adgangskode`, '10.0.2.1')).statusCode, 401);
      const locked = await loginApi(ADMIN_EMAIL, ADMIN_PASSWORD, '10.0.2.2');
      assert.equal(locked.statusCode, 429);
      assert.match(locked.json().error.message, /For mange mislykkede loginforsøg.*15 minutter/);
      assert.equal(locked.headers['retry-after'], '900');
      now = new Date(now.getTime() + 16 * 60_000);
      assert.equal((await loginApi(ADMIN_EMAIL, ADMIN_PASSWORD, '10.0.2.2')).statusCode, 200);
    });

    it('records logins, failed logins and the lockout in the audit log', async () => {
      for (let i = 0; i < 5; i++) await loginApi(ADMIN_EMAIL, `forkert-${i}-adgangskode`, '10.0.3.1');
      await loginApi(ADMIN_EMAIL, ADMIN_PASSWORD, '10.0.3.1');
      const actions = (await app.db.database.db.selectFrom('audit_log').select('action').where('ip', '=', '10.0.3.1').execute()).map((r) => r.action);
      assert.equal(actions.filter((a) => a === 'login_failed').length, 5);
      assert.equal(actions.filter((a) => a === 'login_locked').length, 1);
    });

    it('locks an address that tries many accounts', async () => {
      for (let i = 0; i < 30; i++) await loginApi(`gaet${i}@helhed.test`, 'forkert-adgangskode-x', '10.0.4.1');
      assert.equal((await loginApi(ADMIN_EMAIL, ADMIN_PASSWORD, '10.0.4.1')).statusCode, 429);
      assert.equal((await loginApi(ADMIN_EMAIL, ADMIN_PASSWORD, '10.0.4.2')).statusCode, 200);
    });

    it('ends a session after an hour without use', async () => {
      const session = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      now = new Date(now.getTime() + 59 * 60_000);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: session.cookie } })).statusCode, 200);
      now = new Date(now.getTime() + 61 * 60_000);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: session.cookie } })).statusCode, 401);
    });

    it('ends a session twelve hours after login even when it is in use', async () => {
      const session = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      for (let i = 0; i < 23; i++) {
        now = new Date(now.getTime() + 30 * 60_000);
        assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: session.cookie } })).statusCode, 200, `after ${(i + 1) / 2} hours`);
      }
      now = new Date(now.getTime() + 31 * 60_000);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: session.cookie } })).statusCode, 401);
    });

    it('ends the session at logout', async () => {
      const session = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const out = await app.request({ method: 'POST', url: '/api/v1/auth/logout', payload: {}, cookies: { helhed_session: session.cookie } });
      assert.equal(out.statusCode, 204);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: session.cookie } })).statusCode, 401);
    });

    it('creates an API token that works as a bearer token, is stored hashed, and stops working when revoked', async () => {
      const session = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const created = await app.request({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Integration' }, cookies: { helhed_session: session.cookie } });
      assert.equal(created.statusCode, 201);
      const { token, apiToken } = created.json();
      assert.match(token, /^hh_/);
      const stored = await app.db.database.db.selectFrom('api_tokens').selectAll().where('id', '=', apiToken.id).executeTakeFirstOrThrow();
      assert.equal(stored.token_hash, sha256(token));
      assert.ok(!JSON.stringify(stored).includes(token));
      const me = await app.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().via, 'token');
      const revoked = await app.request({ method: 'DELETE', url: `/api/v1/me/tokens/${apiToken.id}`, cookies: { helhed_session: session.cookie } });
      assert.equal(revoked.statusCode, 204);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    });

    it('lets a token expire after the days it was given', async () => {
      const session = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const { token } = (await app.request({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Kortlivet', expiresInDays: 1 }, cookies: { helhed_session: session.cookie } })).json();
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
      now = new Date(now.getTime() + 25 * 3_600_000);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    });

    it('does not let one user revoke another user’s token', async () => {
      const admin = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const { apiToken } = (await app.request({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Admins' }, cookies: { helhed_session: admin.cookie } })).json();
      const other = await app.sessionFor('sekretariat');
      const response = await app.request({ method: 'DELETE', url: `/api/v1/me/tokens/${apiToken.id}`, cookies: { helhed_session: other.cookie } });
      assert.equal(response.statusCode, 404);
    });

    it('ends the sessions of a deactivated user and refuses their login', async () => {
      const admin = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const user = await app.sessionFor('monitorering');
      const list = (await app.request({ method: 'GET', url: '/api/v1/users', cookies: { helhed_session: admin.cookie } })).json();
      const id = list.find((u: { email: string }) => u.email === user.email).id;
      const patched = await app.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { active: false }, cookies: { helhed_session: admin.cookie } });
      assert.equal(patched.statusCode, 200);
      assert.equal((await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: user.cookie } })).statusCode, 401);
      assert.equal((await loginApi(user.email, USER_PASSWORD, '10.0.5.1')).statusCode, 401);
    });

    it('sets the Secure flag on the cookie when served over TLS behind a trusted proxy', async () => {
      const tls = await startTestApp(engine, { env: { HELHED_TRUST_PROXY: '1' } });
      try {
        const response = await tls.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
        assert.equal(response.cookies.find((c) => c.name === 'helhed_session')?.secure, true);
      } finally {
        await tls.close();
      }
    });
  });

  describe(`forms and CSRF on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine);
    });
    after(() => app.close());

    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

    it('logs in through the form and redirects with 303 to the page asked for', async () => {
      const anon = await anonymousForm(app);
      const response = await app.request({
        method: 'POST', url: '/logind', headers: formHeaders, cookies: { helhed_csrf: anon.cookie },
        payload: form({ _csrf: anon.csrf, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, naeste: '/brugere' }),
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/brugere');
    });

    it('refuses a login form without its CSRF token', async () => {
      const anon = await anonymousForm(app);
      const response = await app.request({
        method: 'POST', url: '/logind', headers: formHeaders, cookies: { helhed_csrf: anon.cookie },
        payload: form({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      assert.equal(response.statusCode, 403);
      assert.ok(!response.cookies.some((c) => c.name === 'helhed_session'));
    });

    it('refuses a form POST with a missing or wrong CSRF token and changes nothing', async () => {
      const admin = await app.sessionFor('administrator');
      const before = await app.db.database.db.selectFrom('users').select('email').execute();
      for (const token of [undefined, 'forkert', `${admin.csrf}x`]) {
        const response = await app.request({
          method: 'POST', url: '/brugere/ny', headers: formHeaders, cookies: { helhed_session: admin.cookie },
          payload: form({ ...(token ? { _csrf: token } : {}), email: 'csrf@helhed.test', name: 'Forfalsket', roles: 'administrator', password: 'en-lang-adgangskode-1' }),
        });
        assert.equal(response.statusCode, 403, `token ${token}`);
        assert.match(response.body, /Formularen er udløbet eller kom ikke fra Helhed/);
      }
      const afterRows = await app.db.database.db.selectFrom('users').select('email').execute();
      assert.deepEqual(afterRows, before);
    });

    it('creates a user through the form with the right token and answers 303', async () => {
      const admin = await app.sessionFor('administrator');
      const response = await app.request({
        method: 'POST', url: '/brugere/ny', headers: formHeaders, cookies: { helhed_session: admin.cookie },
        payload: form({ _csrf: admin.csrf, email: 'ny@helhed.test', name: 'Ny Bruger', roles: 'sekretariat', password: 'en-lang-adgangskode-1' }),
      });
      assert.equal(response.statusCode, 303);
      assert.ok(await app.db.database.db.selectFrom('users').select('id').where('email', '=', 'ny@helhed.test').executeTakeFirst());
    });

    it('refuses a JSON request from another site', async () => {
      const admin = await app.sessionFor('administrator');
      const response = await app.request({
        method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'x' }, cookies: { helhed_session: admin.cookie }, headers: { origin: 'https://ondt.example' },
      });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.code, 'csrf');
    });

    it('shows every form error at once, linked from the error summary, with "Fejl: " in the title', async () => {
      const admin = await app.sessionFor('administrator');
      const response = await app.request({
        method: 'POST', url: '/brugere/ny', headers: formHeaders, cookies: { helhed_session: admin.cookie },
        payload: form({ _csrf: admin.csrf, email: 'ikke-en-adresse', name: '', roles: 'partner', password: 'kort' }),
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /<title>Fejl: Opret bruger/);
      for (const field of ['email', 'name', 'organisation', 'password']) assert.match(response.body, new RegExp(`href="#felt-${field}"`), field);
      assert.match(response.body, /value="ikke-en-adresse"/, 'what was typed is kept');
    });
  });

  describe(`first start without an administrator on ${engine}`, () => {
    it('prints a one-time setup link that creates the administrator once', async () => {
      const app = await startTestApp(engine, { env: { HELHED_ADMIN_EMAIL: '', HELHED_ADMIN_PASSWORD: '' } });
      try {
        const { bootstrapAdministrator } = await import('../../src/users/bootstrap.js');
        const result = await bootstrapAdministrator(app.db.database, app.config, app.services.auth);
        assert.equal(result.kind, 'setup-link');
        const path = new URL((result as { url: string }).url).pathname;
        assert.equal((await app.request({ method: 'GET', url: path })).statusCode, 200);
        const anon = await anonymousForm(app);
        const post = await app.request({
          method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_csrf: anon.cookie },
          payload: new URLSearchParams({ _csrf: anon.csrf, email: 'chef@randers.dk', name: 'Chef', password: 'en-god-lang-adgangskode', passwordRepeat: 'en-god-lang-adgangskode' }).toString(),
        });
        assert.equal(post.statusCode, 303);
        await login(app, 'chef@randers.dk', 'en-god-lang-adgangskode');
        assert.equal((await app.request({ method: 'GET', url: path })).statusCode, 404, 'the link works only once');
      } finally {
        await app.close();
      }
    });
  });
}

for (const engine of testEngines()) {
  describe(`clearing out on ${engine}`, () => {
    it('removes ended sessions and login attempts too old to count, and keeps live ones', async () => {
      let now = new Date('2026-05-01T08:00:00Z');
      const app = await startTestApp(engine, { clock: () => now });
      try {
        const old = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
        now = new Date(now.getTime() + 2 * 3_600_000);
        const fresh = await login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
        await app.services.auth.purgeExpired();
        const sessions = (await app.db.database.db.selectFrom('sessions').select('id_hash').execute()).map((r) => r.id_hash);
        assert.deepEqual(sessions, [sha256(fresh.cookie)]);
        assert.ok(!sessions.includes(sha256(old.cookie)));
        const attempts = await app.db.database.db.selectFrom('login_attempts').select('at').execute();
        assert.equal(attempts.length, 1, 'only the attempt within the throttling horizon is kept');
      } finally {
        await app.close();
      }
    });
  });
}
