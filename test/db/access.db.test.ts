import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { allows, ROLES, type Role } from '../../src/auth/permissions.js';
import { installGuard } from '../../src/auth/guard.js';
import type { AuthService } from '../../src/auth/auth.service.js';
import { testEngines } from '../support/databases.js';
import { ADMIN_PASSWORD, anonymousForm, login, startTestApp, USER_PASSWORD, type Session, type TestApp } from '../support/test-app.js';

/** A concrete URL for a route pattern: parameters get values that exist nowhere, so no handler finds real data. */
function concrete(url: string): string {
  return url
    .replace('/static/dkfds/*', '/static/dkfds/css/dkfds.min.css')
    .replace(':file', 'helhed.css')
    .replace(/:[a-zA-Z]+/g, '00000000-0000-7000-8000-000000000000')
    .replace('*', 'x');
}

/** Routes that end the session they are called with; they are walked last for each principal. */
const ENDS_SESSION = new Set(['POST /logud', 'POST /api/v1/auth/logout']);

describe('access control on every route', () => {
  it('refuses to register a route that declares no access', () => {
    const app = Fastify();
    installGuard(app, {} as AuthService, []);
    assert.throws(() => app.get('/uden-adgang', async () => 'x'), /declares no valid access/);
    assert.throws(() => app.post('/forkert-adgang', { config: { access: 'plan.write' as never } }, async () => 'x'), /declares no valid access/);
  });

  for (const engine of testEngines()) {
    describe(`on ${engine}`, () => {
      let app: TestApp;
      const sessions = new Map<Role, Session>();

      before(async () => {
        app = await startTestApp(engine);
        for (const role of ROLES) sessions.set(role, await app.sessionFor(role));
      });
      after(() => app.close());

      it('has routes with declared access, including every /api/v1 route', () => {
        assert.ok(app.routes.length > 20, `only ${app.routes.length} routes`);
        assert.ok(app.routes.some((r) => r.url.startsWith('/api/v1/')));
      });

      it('refuses every /api/v1 route without a session or token, except login and answering a crisis invitation by its link', async () => {
        for (const route of app.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')) {
          const response = await app.request({ method: route.method as 'GET', url: concrete(route.url), ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
          if (route.url === '/api/v1/auth/login') assert.equal(response.statusCode, 400, 'login validates its body');
          // The personal answer link of a crisis invitation is the credential itself: an unknown link is not found.
          else if (route.url === '/api/v1/beredskab/svar/:token') assert.equal(response.statusCode, route.method === 'GET' ? 404 : 400, `${route.method} ${route.url}`);
          else assert.equal(response.statusCode, 401, `${route.method} ${route.url} answered ${response.statusCode} without login`);
        }
      });

      it('refuses a bearer token that does not exist', async () => {
        const response = await app.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer hh_findesikke' } });
        assert.equal(response.statusCode, 401);
        assert.match(response.json().error.message, /API-nøglen er ugyldig/);
      });

      it('answers 401, 403 or a redirect to login exactly where the declared access says, for every role and for no login', async () => {
        const routes = [...app.routes.filter((r) => r.method !== 'HEAD')].sort(
          (a, b) => Number(ENDS_SESSION.has(`${a.method} ${a.url}`)) - Number(ENDS_SESSION.has(`${b.method} ${b.url}`)),
        );
        const anonymous = await anonymousForm(app);
        const checked: string[] = [];
        for (const who of [null, ...ROLES] as (Role | null)[]) {
          for (const route of routes) {
            let session = who ? sessions.get(who)! : null;
            const isApi = route.url.startsWith('/api/');
            const cookies: Record<string, string> = session ? { helhed_session: session.cookie } : { helhed_csrf: anonymous.cookie };
            const csrf = session ? session.csrf : anonymous.csrf;
            const hasBody = !['GET', 'DELETE'].includes(route.method);
            const response = await app.request({
              method: route.method as 'GET',
              url: concrete(route.url),
              cookies,
              ...(hasBody && isApi ? { payload: {} } : {}),
              ...(hasBody && !isApi ? { payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
            });
            const label = `${who ?? 'uden login'}: ${route.method} ${route.url} → ${response.statusCode}`;
            const allowed = allows(route.access, who !== null, who ? [who] : []);
            if (allowed) {
              assert.ok(![401, 403].includes(response.statusCode), `${label} should be allowed (${response.body.slice(0, 200)})`);
              assert.ok(response.statusCode < 500, `${label} must not fail`);
            } else if (who === null) {
              if (route.method === 'POST' && route.url === '/logud') {
                assert.equal(response.statusCode, 303, label);
                assert.equal(response.headers.location, '/logind', label);
              } else if (!isApi && route.method === 'GET') {
                assert.equal(response.statusCode, 303, label);
                assert.match(String(response.headers.location), /^\/logind\?naeste=/, label);
              } else {
                assert.equal(response.statusCode, 401, label);
              }
            } else {
              assert.equal(response.statusCode, 403, label);
            }
            checked.push(label);
            if (who && ENDS_SESSION.has(`${route.method} ${route.url}`) && allowed) {
              session = await login(app, session!.email, who === 'administrator' ? ADMIN_PASSWORD : USER_PASSWORD);
              sessions.set(who, session);
            }
          }
        }
        assert.equal(checked.length, routes.length * (ROLES.length + 1));
      });
    });
  }
});
