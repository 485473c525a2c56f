import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

for (const engine of testEngines()) {
  describe(`bad input to the JSON API on ${engine}`, () => {
    let app: TestApp;
    let admin: Session;

    before(async () => {
      app = await startTestApp(engine);
      admin = await app.sessionFor('administrator');
    });
    after(() => app.close());

    const post = (url: string, body: string, contentType = 'application/json') =>
      app.request({ method: 'POST', url, payload: body, headers: { 'content-type': contentType }, cookies: { helhed_session: admin.cookie } });

    it('answers malformed JSON with 400 and a Danish message', async () => {
      const response = await post('/api/v1/users', '{"email": "a@b.dk",');
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json(), { error: { code: 'ugyldig_json', message: 'Indholdet er ikke gyldig JSON.' } });
    });

    it('answers an empty JSON body with 400', async () => {
      const response = await post('/api/v1/users', '');
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'tomt_indhold');
    });

    it('names each field of the wrong type', async () => {
      const response = await post('/api/v1/users', JSON.stringify({ email: 42, name: ['x'], roles: 'administrator' }));
      assert.equal(response.statusCode, 400);
      const body = response.json();
      assert.equal(body.error.code, 'validering');
      assert.deepEqual(
        body.error.fields.map((f: { field: string }) => f.field).sort(),
        ['email', 'name', 'roles'],
      );
      assert.match(body.error.fields.find((f: { field: string }) => f.field === 'email').message, /skal være tekst/);
    });

    it('refuses unknown fields instead of ignoring them', async () => {
      const response = await post('/api/v1/users', JSON.stringify({ email: 'x@y.dk', name: 'X', roles: [], isAdmin: true }));
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json().error.fields, [{ field: 'isAdmin', message: 'Feltet er ukendt og kan ikke modtages.' }]);
    });

    it('does not coerce a string into a number or boolean in a body', async () => {
      const response = await app.request({
        method: 'PATCH', url: `/api/v1/users/${admin.email}`, payload: { active: 'true' }, cookies: { helhed_session: admin.cookie },
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.fields[0].field, 'active');
    });

    it('answers a body over 1 MB with 413 and reads no further', async () => {
      const huge = JSON.stringify({ email: 'x@y.dk', name: 'x'.repeat(2 * 1024 * 1024), roles: [] });
      const response = await post('/api/v1/users', huge);
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().error.code, 'for_stort');
    });

    it('answers an unsupported content type with 415', async () => {
      const response = await app.request({
        method: 'POST', url: '/api/v1/users', payload: '<user/>', headers: { 'content-type': 'application/xml', 'x-csrf-token': admin.csrf }, cookies: { helhed_session: admin.cookie },
      });
      assert.equal(response.statusCode, 415);
      assert.match(response.json().error.message, /understøttes ikke/);
    });

    it('answers an unknown API address with 404 in JSON', async () => {
      const response = await app.request({ method: 'GET', url: '/api/v1/findes-ikke', cookies: { helhed_session: admin.cookie } });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error.code, 'findes_ikke');
    });

    it('answers an unknown user id with 404', async () => {
      const response = await app.request({ method: 'GET', url: '/api/v1/users/00000000-0000-7000-8000-000000000000', cookies: { helhed_session: admin.cookie } });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error.message, 'Brugeren findes ikke.');
    });

    it('answers a query parameter of the wrong type with 400 naming it', async () => {
      const response = await app.request({ method: 'GET', url: '/api/v1/audit?limit=mange', cookies: { helhed_session: admin.cookie } });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.fields[0].field, 'limit');
    });

    it('answers an impossible date filter with 400 in Danish', async () => {
      const response = await app.request({ method: 'GET', url: '/api/v1/audit?from=2026-02-30', cookies: { helhed_session: admin.cookie } });
      assert.equal(response.statusCode, 400);
      assert.match(JSON.stringify(response.json()), /dato/);
    });

    it('never answers 500 for any of a batch of odd inputs', async () => {
      const bodies = ['null', '[]', '"tekst"', '1e999', '{"email":null}', '{"__proto__":{"x":1}}', '{"roles":[null]}', '\u0000'];
      for (const body of bodies) {
        const response = await post('/api/v1/users', body);
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${JSON.stringify(body)} gave ${response.statusCode}`);
        assert.equal(typeof response.json().error.message, 'string');
      }
    });
  });
}
