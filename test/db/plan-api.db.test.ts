import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

for (const engine of testEngines()) {
  describe(`the plan over the API on ${engine}`, () => {
    let app: TestApp;
    let partner: Session;
    let secretariat: Session;
    before(async () => {
      app = await startTestApp(engine);
      partner = await app.sessionFor('partner');
      secretariat = await app.sessionFor('sekretariat');
    });
    after(() => app.close());

    const get = (url: string, session: Session = partner) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });

    it('lists the seven areas with the plan’s figures', async () => {
      const areas = (await get('/api/v1/areas')).json() as { slug: string; residents: number; tenancies: number; version: number }[];
      assert.equal(areas.length, 7);
      const glj = areas.find((a) => a.slug === 'gl-jennumparken')!;
      assert.equal(glj.residents, 1270);
      assert.equal(glj.tenancies, 554);
      assert.equal(glj.version, 1);
    });

    it('gives one area with the activities that target it, and 404 for an unknown one', async () => {
      const area = (await get('/api/v1/areas/vangdalen')).json();
      assert.equal(area.name, 'Vangdalen');
      assert.ok(area.activities.length > 0);
      assert.equal((await get('/api/v1/areas/atlantis')).statusCode, 404);
    });

    it('resolves one address, says why another is in no area, and refuses garbage with 400', async () => {
      assert.deepEqual((await get('/api/v1/areas/resolve?address=Husarvej%2041')).json(), {
        area: { slug: 'gl-jennumparken', name: 'Gl. Jennumparken' },
        matched: 'Husarvej ulige numre 41-45',
      });
      const outside = (await get('/api/v1/areas/resolve?address=Husarvej%2031,%208930%20Randers%20N%C3%98')).json();
      assert.equal(outside.area, null);
      assert.match(outside.reason, /uden for planens numre/);
      for (const bad of ['%3Cscript%3E', '12', 'Husarvej']) {
        const response = await get(`/api/v1/areas/resolve?address=${bad}`);
        assert.equal(response.statusCode, 400, bad);
        assert.equal(response.json().error.fields[0].field, 'address');
      }
      assert.equal((await get('/api/v1/areas/resolve')).statusCode, 400);
    });

    it('resolves a JSON list line by line, with garbage lines answered in place', async () => {
      const response = await app.request({
        method: 'POST', url: '/api/v1/areas/resolve', cookies: { helhed_session: partner.cookie },
        payload: ['Husarvej 2', 'Mariagervej 89', 'Tøjhushaven 4', '???'],
      });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.count, 4);
      assert.equal(body.resolved, 2);
      assert.deepEqual(body.results.map((r: { area: { slug: string } | null }) => r.area?.slug ?? null), ['gl-jennumparken', 'energivej-omraadet', null, null]);
      assert.match(body.results[3].error, /kan ikke læses|husnummer/);
    });

    it('resolves a CSV column and plain text with an API token', async () => {
      const { token } = (await app.request({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Import' }, cookies: { helhed_session: secretariat.cookie } })).json();
      const csv = '\uFEFFid;Adresse;postnr\n1;"Husarvej 12, 1. th";8930\n2;Vidarsvej 18;8930\n';
      const fromCsv = await app.request({ method: 'POST', url: '/api/v1/areas/resolve', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, payload: csv });
      assert.equal(fromCsv.statusCode, 200, fromCsv.body);
      assert.deepEqual(fromCsv.json().results.map((r: { area: { slug: string } }) => r.area.slug), ['gl-jennumparken', 'energivej-omraadet']);
      const fromText = await app.request({ method: 'POST', url: '/api/v1/areas/resolve', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'Falkevej 41\r\nFalkevej 43\r\n' });
      assert.deepEqual(fromText.json().results.map((r: { area: { slug: string } | null }) => r.area?.slug ?? null), ['glarbjergvej-omraadet', null]);
      const noColumn = await app.request({ method: 'POST', url: '/api/v1/areas/resolve?column=gade', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, payload: csv });
      assert.equal(noColumn.statusCode, 400);
      assert.match(noColumn.json().error.fields[0].message, /ingen kolonne «gade»/);
    });

    it('refuses a plain-text bulk request from a browser session without a CSRF token', async () => {
      const response = await app.request({ method: 'POST', url: '/api/v1/areas/resolve', cookies: { helhed_session: partner.cookie }, headers: { 'content-type': 'text/plain' }, payload: 'Husarvej 2' });
      assert.equal(response.statusCode, 403);
    });

    it('gives the whole plan as one tree', async () => {
      const tree = (await get('/api/v1/plan')).json();
      assert.equal(tree.plan.slug, 'randers-2025-29');
      assert.equal(tree.interventionAreas.length, 4);
      assert.equal(tree.interventionAreas.flatMap((ia: { activities: unknown[] }) => ia.activities).length, 16);
      assert.ok(tree.strategicAgreement.goals.length >= 4);
      assert.ok(tree.strategicAgreement.goals.every((g: { indicators: unknown[] }) => g.indicators.length > 0));
      assert.ok(tree.interventionAreas.every((ia: { subGoals: { indicators: unknown[] }[] }) => ia.subGoals.length > 0));
    });

    it('finds activities, indicators, areas and streets by search', async () => {
      const search = async (q: string) => (await get(`/api/v1/plan/search?q=${encodeURIComponent(q)}`)).json() as { kind: string; title: string; url: string }[];
      assert.equal((await search('husarvej'))[0]?.kind, 'street');
      assert.equal((await search('Brandkadet'))[0]?.url, '/aktiviteter/brandkadet');
      assert.ok((await search('Sjaellandsgade')).some((h) => h.kind === 'area'));
      assert.ok((await search('fraværsprocent')).some((h) => h.kind === 'indicator'));
    });

    it('shows the crisis group’s contact details only to those who work the crisis plan', async () => {
      const forPartner = (await get('/api/v1/organisation')).json();
      assert.ok(forPartner.crisisGroup.length > 0);
      assert.ok(forPartner.crisisGroup.every((r: { principal?: unknown }) => r.principal === undefined));
      const crisis = await app.sessionFor('beredskab');
      const forCrisis = (await get('/api/v1/organisation', crisis)).json();
      assert.ok(forCrisis.crisisGroup.some((r: { principal?: { phone?: string } }) => r.principal?.phone));
      const element = forCrisis.crisisGroup[0].id;
      assert.equal((await get(`/api/v1/plan/elements/${element}`, crisis)).statusCode, 404, 'not reachable as a plain plan element either');
    });

    it('changes practical details at once and holds a target change for the board', async () => {
      const activity = (await get('/api/v1/activities/teenagegrupper')).json();
      const direct = await app.request({
        method: 'PATCH', url: `/api/v1/plan/elements/${activity.id}`, cookies: { helhed_session: secretariat.cookie },
        payload: { changes: { resources: 'Lokale i beboerhuset' }, reason: 'Nyt lokale' },
      });
      assert.equal(direct.statusCode, 200, direct.body);
      assert.deepEqual(direct.json(), { version: 2, proposal: null });
      const targets = [...activity.targets, { code: 'ekstra', measure: 'grupper', kind: 'minimum', min: 2, per: 'plan-year', printed: 'mindst 2 grupper om året' }];
      const proposed = await app.request({
        method: 'PATCH', url: `/api/v1/plan/elements/${activity.id}`, cookies: { helhed_session: secretariat.cookie },
        payload: { changes: { targets }, reason: 'Mål for antal grupper' },
      });
      assert.equal(proposed.statusCode, 202);
      const proposal = proposed.json().proposal;
      assert.equal((await get('/api/v1/activities/teenagegrupper')).json().targets.length, activity.targets.length);
      const board = await app.sessionFor('bestyrelse');
      const lbfByBoard = await app.request({ method: 'POST', url: `/api/v1/plan/proposals/${proposal.id}/lbf-decision`, cookies: { helhed_session: board.cookie }, payload: { approved: true, decisionDate: '2026-04-01', note: 'x' } });
      assert.equal(lbfByBoard.statusCode, 403);
      const decided = await app.request({ method: 'POST', url: `/api/v1/plan/proposals/${proposal.id}/board-decision`, cookies: { helhed_session: board.cookie }, payload: { consensus: true, decisionDate: '2026-04-01', note: 'Møde 1. april, punkt 3' } });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().status, 'vedtaget');
      const after = (await get('/api/v1/activities/teenagegrupper')).json();
      assert.equal(after.targets.length, activity.targets.length + 1);
      assert.equal(after.resources, 'Lokale i beboerhuset');
      const versions = (await get(`/api/v1/plan/elements/${activity.id}/versions`)).json();
      assert.equal(versions.versions.length, 3);
      assert.deepEqual(versions.changes.map((c: { path: string }) => c.path).sort(), ['resources', 'targets[' + activity.targets.length + '].code', 'targets[' + activity.targets.length + '].kind', 'targets[' + activity.targets.length + '].measure', 'targets[' + activity.targets.length + '].min', 'targets[' + activity.targets.length + '].per', 'targets[' + activity.targets.length + '].printed'].sort());
    });

    it('refuses plan changes from a partner', async () => {
      const activity = (await get('/api/v1/activities/npu')).json();
      const response = await app.request({ method: 'PATCH', url: `/api/v1/plan/elements/${activity.id}`, cookies: { helhed_session: partner.cookie }, payload: { changes: { resources: 'x' }, reason: 'x' } });
      assert.equal(response.statusCode, 403);
    });
  });
}
