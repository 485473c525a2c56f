import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

for (const engine of testEngines()) {
  describe(`the OpenAPI document on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine);
    });
    after(() => app.close());

    it('describes every /api/v1 route with its required access, and no page routes', async () => {
      const response = await app.request({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(response.statusCode, 200);
      const doc = response.json();
      assert.equal(doc.openapi, '3.0.3');
      const documented = Object.entries(doc.paths as Record<string, Record<string, { 'x-helhed-access'?: string }>>).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, access: op['x-helhed-access'] })),
      );
      const apiRoutes = app.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(documented.map((d) => d.key).sort(), [...apiRoutes, 'GET /healthz'].sort());
      assert.ok(documented.every((d) => typeof d.access === 'string'));
      assert.equal(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.additionalProperties, false);
    });

    it('renders readable API docs as a page that works without JavaScript', async () => {
      const response = await app.request({ method: 'GET', url: '/api/docs' });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<h1>API-dokumentation<\/h1>/);
      assert.match(response.body, /POST<\/code> \/api\/v1\/auth\/login/);
      assert.match(response.body, /Kræver:<\/strong> rettigheden users\.manage/);
    });
  });

  describe(`unexpected errors on ${engine}`, () => {
    it('answer 500 with a reference and no internals, as JSON for the API and as a page for browsers', async () => {
      const app = await startTestApp(engine);
      const admin = await app.sessionFor('administrator');
      // Pull the database away under the running app: every query now fails in a way no input caused.
      await app.db.database.close();
      try {
        const api = await app.request({ method: 'GET', url: '/api/v1/me', cookies: { helhed_session: admin.cookie } });
        assert.equal(api.statusCode, 500);
        const body = api.json();
        assert.equal(body.error.code, 'intern_fejl');
        assert.match(body.error.reference, /^[a-z0-9]+$/);
        assert.doesNotMatch(api.body, /sqlite|postgres|pool|closed|stack/i);
        const page = await app.request({ method: 'GET', url: '/', cookies: { helhed_session: admin.cookie } });
        assert.equal(page.statusCode, 500);
        assert.match(page.body, /Der opstod en fejl/);
        assert.match(page.body, /fejlreference/);
        assert.doesNotMatch(page.body, /sqlite|postgres|pool|closed|stack/i);
      } finally {
        await app.app.close();
        await app.db.drop().catch(() => undefined);
      }
    });
  });
}
