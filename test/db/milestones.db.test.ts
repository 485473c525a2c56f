import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { milestoneServiceFor, seedDemoMilestones } from '../../src/governance/milestones.service.js';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { aMilestoneInput, type MilestoneInputJson } from '../fixtures/governance/milestones.js';
import { grantActivity } from '../fixtures/participants/index.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** 10 February 2026: a milestone due 1 February is nine days late. */
const NOW = new Date('2026-02-10T12:00:00Z');
const EMPLOYMENT = 'beskaeftigelse';

for (const engine of testEngines()) {
  describe(`milestone plans on ${engine}`, () => {
    let app: TestApp;
    let secretariat: Session;
    let partner: Session;
    let board: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      await seedDemoMilestones(app.db.database, app.planId, () => NOW);
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
      partner = await app.userSession({ email: 'jobcenter@helhed.test', roles: ['partner'], organisation: 'Jobcenter Randers' });
      await grantActivity(app.db.database.db, app.planId, 'job-til-mor', { organisationName: 'Jobcenter Randers' });
    });
    after(() => app.close());

    const service = () => milestoneServiceFor(app.services);
    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: cookies(s) });
    const api = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: s.csrf });
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
      return app.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: cookies(s) });
    };
    /** Creates a milestone through the API as the secretariat and returns it. */
    async function create(overrides: Partial<MilestoneInputJson> = {}) {
      const response = await api('POST', '/api/v1/milestones', secretariat, aMilestoneInput({ interventionArea: EMPLOYMENT, ...overrides }));
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; title: string; dependsOn: string[]; flag: string | null; reason: string | null };
    }
    const auditOf = (id: string) => app.db.database.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_type', '=', 'milestone').where('entity_id', '=', id).execute();
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

    it('seeds a believable demo plan for each sub-agreement once, each with a milestone overdue and one at risk', async () => {
      assert.equal(await seedDemoMilestones(app.db.database, app.planId, () => NOW), 0);
      const summaries = await service().summaries(app.planId);
      assert.deepEqual(summaries.map((s) => s.interventionArea), ['uddannelse-og-livschancer', 'beskaeftigelse', 'kriminalitetsforebyggelse', 'sammenhaengskraft-og-medborgerskab']);
      for (const s of summaries) {
        assert.ok(s.counts.forsinket >= 1 && s.counts['i risiko'] >= 1, `${s.interventionArea}: ${JSON.stringify(s.counts)}`);
      }
      const demo = await service().assessed(app.planId, { interventionArea: 'kriminalitetsforebyggelse' });
      assert.ok(demo.length >= 8 && demo.length <= 12, String(demo.length));
      assert.ok(demo.some((a) => a.milestone.status === 'færdig') && demo.some((a) => a.milestone.dependsOn.length > 0));
      assert.ok(demo.every((a) => a.milestone.note?.includes('demodata')));
    });

    it('refuses a change that makes a cycle, naming the milestones in order, and stores nothing of it', async () => {
      const a = await create({ title: 'Aftale med jobcentret', dueDate: '2026-04-01' });
      const b = await create({ title: 'Jobkonsulenter ansat', dueDate: '2026-04-01', dependsOn: [a.id] });
      const auditBefore = (await auditOf(a.id)).length;
      const response = await api('PUT', `/api/v1/milestones/${a.id}`, secretariat, aMilestoneInput({ interventionArea: EMPLOYMENT, title: a.title, dueDate: '2026-04-01', dependsOn: [b.id] }));
      assert.equal(response.statusCode, 400, response.body);
      const error = response.json().error;
      assert.match(error.message, /indgår i en kreds af afhængigheder: «(Aftale med jobcentret|Jobkonsulenter ansat)» → «(Jobkonsulenter ansat|Aftale med jobcentret)» → «\1»/);
      assert.equal(error.fields[0].field, 'dependsOn');
      assert.deepEqual((await get(`/api/v1/milestones/${a.id}`, board)).json().dependsOn, []);
      assert.equal((await auditOf(a.id)).length, auditBefore);
    });

    it('refuses a milestone due before one it depends on, with both dates in Danish', async () => {
      const a = await create({ title: 'Lokaler klar', dueDate: '2026-05-20' });
      const response = await api('POST', '/api/v1/milestones', secretariat, aMilestoneInput({ interventionArea: EMPLOYMENT, title: 'Første åbent hus', dueDate: '2026-05-10', dependsOn: [a.id] }));
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(
        response.json().error.fields[0].message,
        'Milepælen «Første åbent hus» har frist 10. maj 2026, før «Lokaler klar», som den afhænger af, har frist 20. maj 2026.',
      );
      assert.equal((await service().assessed(app.planId)).filter((x) => x.milestone.title === 'Første åbent hus').length, 0);
    });

    it('refuses a dependency on another sub-agreement\u2019s milestone', async () => {
      const other = await create({ interventionArea: 'kriminalitetsforebyggelse', title: 'Brandkadet klar', dueDate: '2026-03-01' });
      const response = await api('POST', '/api/v1/milestones', secretariat, aMilestoneInput({ interventionArea: EMPLOYMENT, dependsOn: [other.id] }));
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.fields[0].message, /kun afhænge af milepæle i samme delaftales plan/);
    });

    it('flags a milestone past its due date «forsinket» by the clock, on the overview and in the API', async () => {
      const late = await create({ title: 'Virksomhedsnetværk etableret', dueDate: '2026-02-01', status: 'i gang' });
      assert.equal(late.flag, 'forsinket');
      assert.equal(late.reason, 'Fristen var 1. februar 2026, for 9 dage siden, og milepælen er i gang.');
      const overview = text((await get('/styring/milepaele', board)).body);
      assert.match(overview, /Virksomhedsnetværk etableret Beskæftigelse .* forsinket Fristen var 1\. februar 2026/);
      const flagged = await service().flagged(app.planId);
      assert.ok(flagged.some((f) => f.id === late.id && f.flag === 'forsinket'));
    });

    it('lets a partner set the status of its own activity\u2019s milestone, and answers 404 for another\u2019s or the sub-agreement\u2019s own', async () => {
      const own = await create({ title: 'Job til mor: mentorer fundet', activity: 'job-til-mor', dueDate: '2026-03-01' });
      const others = await create({ title: 'Fremskudt indsats: kontor i Vangdalen', activity: 'fremskudt-beskaeftigelsesindsats', dueDate: '2026-03-01' });
      const whole = await create({ title: 'Delaftalens midtvejsstatus', dueDate: '2026-03-01' });
      const set = await api('PUT', `/api/v1/milestones/${own.id}/status`, partner, { status: 'færdig', completedOn: '2026-02-09' });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().status, 'færdig');
      assert.ok((await auditOf(own.id)).some((e) => e.summary.includes('«færdig»')));
      for (const m of [others, whole]) {
        assert.equal((await api('PUT', `/api/v1/milestones/${m.id}/status`, partner, { status: 'i gang' })).statusCode, 404);
        assert.equal((await get(`/styring/milepaele/${EMPLOYMENT}/${m.id}/status`, partner)).statusCode, 404);
      }
      assert.equal((await get(`/styring/milepaele/${EMPLOYMENT}/${own.id}/status`, partner)).statusCode, 200);
      const planPage = (await get(`/styring/milepaele/${EMPLOYMENT}`, partner)).body;
      assert.ok(planPage.includes(`/${own.id}/status`) && !planPage.includes(`/${others.id}/status`));
      assert.equal((await api('POST', '/api/v1/milestones', partner, aMilestoneInput({ interventionArea: EMPLOYMENT }))).statusCode, 403);
    });

    it('lets a partner set the status through the form, and shows a Danish error summary when the date is missing', async () => {
      const own = await create({ title: 'Job til mor: første hold', activity: 'job-til-mor', dueDate: '2026-03-05' });
      const refused = await form(`/styring/milepaele/${EMPLOYMENT}/${own.id}/status`, partner, { status: 'færdig', completedOn: '' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /<title>Fejl: /);
      assert.match(refused.body, /href="#felt-completedOn">Skriv datoen, milepælen blev færdig/);
      const saved = await form(`/styring/milepaele/${EMPLOYMENT}/${own.id}/status`, partner, { status: 'i gang', completedOn: '' });
      assert.equal(saved.statusCode, 303);
      assert.equal((await get(`/api/v1/milestones/${own.id}`, board)).json().status, 'i gang');
    });

    it('refuses to delete a milestone others depend on, naming them, and deletes it once nothing does', async () => {
      const base = await create({ title: 'Samarbejdsaftale', dueDate: '2026-06-01' });
      const dependent = await create({ title: 'Fælles kampagne', dueDate: '2026-06-15', dependsOn: [base.id] });
      const refused = await api('DELETE', `/api/v1/milestones/${base.id}`, secretariat);
      assert.equal(refused.statusCode, 409);
      assert.equal(
        refused.json().error.message,
        'Milepælen «Samarbejdsaftale» kan ikke slettes, fordi «Fælles kampagne» afhænger af den. Fjern afhængigheden fra den først, eller sæt milepælens status til «udgået».',
      );
      const page = await form(`/styring/milepaele/${EMPLOYMENT}/${base.id}/slet`, secretariat, {});
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /href="#felt-slet">Milepælen «Samarbejdsaftale» kan ikke slettes/);
      assert.equal((await api('DELETE', `/api/v1/milestones/${dependent.id}`, secretariat)).statusCode, 204);
      assert.equal((await api('DELETE', `/api/v1/milestones/${base.id}`, secretariat)).statusCode, 204);
      assert.equal((await get(`/api/v1/milestones/${base.id}`, board)).statusCode, 404);
      assert.deepEqual((await auditOf(base.id)).map((e) => e.action).sort(), ['create', 'delete']);
    });

    it('answers the API\u2019s bad input with 400 and Danish messages naming the field', async () => {
      const status = await api('POST', '/api/v1/milestones', secretariat, { ...aMilestoneInput(), status: 'halvfærdig' });
      assert.equal(status.statusCode, 400);
      assert.equal(status.json().error.fields[0].field, 'status');
      assert.equal(status.json().error.fields[0].message, 'Skal være en af: «ikke startet», «i gang», «færdig», «udgået».');
      const done = await api('POST', '/api/v1/milestones', secretariat, aMilestoneInput({ status: 'færdig' }));
      assert.equal(done.statusCode, 400);
      assert.deepEqual(done.json().error.fields, [{ field: 'completedOn', message: 'Skriv datoen, milepælen blev færdig, på formen ÅÅÅÅ-MM-DD.' }]);
      const date = await api('POST', '/api/v1/milestones', secretariat, aMilestoneInput({ dueDate: '2026-02-30', title: '' }));
      assert.equal(date.statusCode, 400);
      assert.deepEqual(date.json().error.fields.map((f: { field: string }) => f.field), ['title', 'dueDate']);
      const area = await get('/api/v1/milestones?area=ukendt', board);
      assert.equal(area.statusCode, 400);
      assert.match(area.json().error.fields[0].message, /Planen har ingen delaftale «ukendt»/);
    });

    it('lists one activity\u2019s milestones with their flags, in the API and on the plan page', async () => {
      await create({ title: 'Job til mor: evaluering', activity: 'job-til-mor', dueDate: '2026-07-01' });
      const listed = (await get(`/api/v1/milestones?area=${EMPLOYMENT}&activity=job-til-mor`, board)).json();
      assert.ok(listed.milestones.length > 0 && listed.milestones.every((m: { activity: string }) => m.activity === 'job-til-mor'));
      assert.equal(listed.today, '2026-02-10');
      const page = await get(`/styring/milepaele/${EMPLOYMENT}?aktivitet=job-til-mor`, board);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Job til mor: evaluering/);
      assert.doesNotMatch(page.body, /Delaftalens midtvejsstatus/);
      assert.match(page.body, /<svg[^>]*class="helhed-chart helhed-timeline"/);
    });

    it('adds a milestone through the secretariat\u2019s form with a dependency, named on the plan page, and audits it', async () => {
      const base = await create({ title: 'Praktikpladser aftalt', dueDate: '2026-08-01' });
      const refused = await form(`/styring/milepaele/${EMPLOYMENT}/ny`, secretariat, { title: '', dueDate: '2026-08-15', owner: 'Jobcenter Randers', status: 'ikke startet' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /<title>Fejl: /);
      assert.match(refused.body, /href="#felt-title">Skriv milepælens titel/);
      const saved = await form(`/styring/milepaele/${EMPLOYMENT}/ny`, secretariat, {
        title: 'Første praktikanter startet', activity: 'job-til-mor', dueDate: '2026-08-15', owner: 'Jobcenter Randers', status: 'ikke startet', dependsOn: base.id,
      });
      assert.equal(saved.statusCode, 303, saved.body);
      const added = (await service().assessed(app.planId, { interventionArea: EMPLOYMENT })).find((a) => a.milestone.title === 'Første praktikanter startet')!;
      assert.deepEqual(added.milestone.dependsOn, [base.id]);
      const row = text((await get(`/styring/milepaele/${EMPLOYMENT}`, board)).body);
      assert.match(row, /Første praktikanter startet .*Jobcenter Randers ikke startet Praktikpladser aftalt/);
      assert.ok((await auditOf(added.milestone.id)).some((e) => e.action === 'create'));
    });

    it('imports a milestone plan from CSV whole, with Danish dates and dependencies by title, and audits each milestone', async () => {
      await create({ interventionArea: 'sammenhaengskraft-og-medborgerskab', title: 'Beboermøde afholdt', dueDate: '2026-01-15', status: 'færdig', completedOn: '2026-01-14' });
      const csv = [
        'Milepæl;Aktivitet;Frist;Ansvarlig;Status;Færdig;Afhænger af;Bemærkning',
        'Vicevært i fast kontortid;Social vicevært;01-04-2026;Boligorganisationerne;i gang;;Beboermøde afholdt;',
        'Nabofest i Vangdalen;;2026-06-15;Bysekretariatet;;;"Vicevært i fast kontortid; Beboermøde afholdt";Sammen med afdelingsbestyrelsen',
      ].join('\r\n');
      const outcome = await service().importPlan({ ...SYSTEM_ACTOR, label: 'test' }, app.planId, 'sammenhaengskraft-og-medborgerskab', Readable.from([Buffer.from(csv)]), { fileName: 'plan.csv' });
      assert.deepEqual(outcome, { status: 'imported', count: 2 });
      const plan = await service().assessed(app.planId, { interventionArea: 'sammenhaengskraft-og-medborgerskab' });
      const fest = plan.find((a) => a.milestone.title === 'Nabofest i Vangdalen')!.milestone;
      const titleOf = new Map(plan.map((a) => [a.milestone.id, a.milestone.title]));
      assert.deepEqual(fest.dependsOn.map((d) => titleOf.get(d)).sort(), ['Beboermøde afholdt', 'Vicevært i fast kontortid']);
      assert.equal(plan.find((a) => a.milestone.title === 'Vicevært i fast kontortid')?.milestone.activity, 'social-vicevaert');
      assert.equal((await auditOf(fest.id)).length, 1);
    });

    it('imports nothing from a file with a problem, and names each problem by row and column', async () => {
      const before = (await service().assessed(app.planId, { interventionArea: 'kriminalitetsforebyggelse' })).length;
      const csv = ['milepæl;frist;ansvarlig;afhænger af', 'Hold A;2026-05-01;Ungdomsskolen;Hold B', 'Hold B;2026-05-01;Ungdomsskolen;Hold A', 'Hold C;31-02-2026;Ungdomsskolen;'].join('\n');
      const outcome = await service().importPlan({ ...SYSTEM_ACTOR, label: 'test' }, app.planId, 'kriminalitetsforebyggelse', Readable.from([Buffer.from(csv)]));
      assert.equal(outcome.status, 'rejected');
      assert.deepEqual(outcome.status === 'rejected' ? outcome.problems.map((p) => `${p.row}:${p.column}`) : [], ['4:frist']);
      const cycle = await service().importPlan({ ...SYSTEM_ACTOR, label: 'test' }, app.planId, 'kriminalitetsforebyggelse', Readable.from([Buffer.from(csv.split('\n').slice(0, 3).join('\n'))]));
      assert.match(cycle.status === 'rejected' ? cycle.problems[0]!.message : '', /«Hold A» → «Hold B» → «Hold A»/);
      assert.equal((await service().assessed(app.planId, { interventionArea: 'kriminalitetsforebyggelse' })).length, before);
    });
  });
}
