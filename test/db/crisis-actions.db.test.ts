/**
 * Incidents' action plans on both engines: the plan made from the template (once only, owners and deadlines from the
 * group and the level), tasks added, edited and moved on by page and API with each change in the incident's log and
 * the audit log, the reader's own tasks first, overdue tasks flagged in words, the open tasks for the annual summary,
 * and the demo action plans.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { openTasks } from '../../src/crisis/actions.service.js';
import { meetingServiceFor } from '../../src/governance/meetings.service.js';
import { seedDemoActions } from '../../src/crisis/actions.demo.js';
import { seedDemoIncidents } from '../../src/crisis/incidents.demo.js';
import { crisisLogFor } from '../../src/crisis/crisis-log.service.js';
import { SITUATION_TYPES } from '../../src/crisis/levels.js';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Saturday 28 March 2026, 20:30 in Copenhagen (winter time); summer time begins that night. */
const ACTIVATED = new Date('2026-03-28T19:30:00Z');
/** Sunday morning, 10 hours later: the red plan's early deadlines have passed. */
const NOW = new Date('2026-03-29T05:30:00Z');

for (const engine of testEngines()) {
  describe(`crisis action plans on ${engine}`, () => {
    let app: TestApp;
    let police: Session & { memberId: string };
    let lejerbo: Session & { memberId: string };
    let secretariat: Session;
    let board: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      police = await crisisMemberSession(app, { email: 'politi-handleplan@helhed.test', authority: true, role: 'Politikommissær' });
      lejerbo = await crisisMemberSession(app, { email: 'lejerbo-handleplan@helhed.test', authority: false, role: 'Lokalinspektør' });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
    });
    after(() => app.close());

    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: cookies(s) });
    const api = (method: 'POST' | 'PUT', url: string, s: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string> = {}) =>
      app.request({ method: 'POST', url, payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: cookies(s) });
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
    const tasksOf = (incidentId: string) => app.db.database.db.selectFrom('crisis_tasks').selectAll().where('incident_id', '=', incidentId).orderBy('sort_order').execute();
    const taskEntries = async (incidentId: string) => (await crisisLogFor(app.services).entries(app.planId, incidentId)).filter((e) => e.kind === 'opgave');

    it('makes the plan from the template once: owners are the members holding the roles, deadlines the red hours after activation', async () => {
      const incident = await insertIncident(app, { level: 'roed', activatedAt: ACTIVATED, situationType: 'ildspaasaettelse', description: 'Brand i kælder (handleplan 1)' });
      const first = await form(`/beredskab/haendelser/${incident.id}/handleplan/fra-skabelon`, police);
      assert.equal(first.statusCode, 303, first.body);
      const tasks = await tasksOf(incident.id);
      // 7 general tasks besides one for each of the 7 principal members («alle»), and the arson template's own 4.
      assert.equal(tasks.length, 7 + 7 + 4);
      const invite = tasks.find((t) => t.template_key === 'invitere')!;
      assert.equal(invite.owner_label, 'Louise Hou Kragh (Chef for bystrategisk udvikling)');
      assert.equal(invite.organisation, 'Bysekretariatet');
      assert.equal(new Date(invite.deadline_at!).toISOString(), '2026-03-28T20:30:00.000Z');
      assert.equal(tasks.find((t) => t.template_key === 'politiets-vurdering')!.owner_member_id, police.memberId);
      assert.ok(tasks.every((t) => t.status === 'aaben'));
      const entries = await taskEntries(incident.id);
      assert.equal(entries.length, 1);
      assert.match(entries[0]!.text, /^Handleplan oprettet fra skabelonen for «Ildspåsættelse»: 18 opgaver\.$/);

      const again = await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/opgaver/fra-skabelon`, lejerbo);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().created, 0);
      assert.equal((await tasksOf(incident.id)).length, 18);
      assert.equal((await taskEntries(incident.id)).length, 1, 'nothing logged when nothing is added');
      assert.equal((await crisisLogFor(app.services).verify(app.planId, incident.id)).intact, true);
    });

    it('makes the plan once also when two members ask at the same moment', async () => {
      const incident = await insertIncident(app, { level: 'gul', activatedAt: ACTIVATED, situationType: 'gruppekonflikt', description: 'Konflikt mellem grupper (handleplan 8)' });
      const url = `/api/v1/beredskab/haendelser/${incident.id}/opgaver/fra-skabelon`;
      const answers = await Promise.all([api('POST', url, police), api('POST', url, lejerbo), api('POST', url, police)]);
      assert.deepEqual(answers.map((a) => a.statusCode), [200, 200, 200]);
      const created = answers.map((a) => a.json().created as number).sort((a, b) => b - a);
      assert.deepEqual(created.slice(1), [0, 0]);
      assert.equal((await tasksOf(incident.id)).length, created[0]);
      assert.equal((await taskEntries(incident.id)).length, 1);
    });

    it('shows each member their own tasks first, overdue ones flagged in words, and the status buttons in Danish', async () => {
      const incident = await insertIncident(app, { level: 'roed', activatedAt: ACTIVATED, situationType: 'skyderi', description: 'Skud affyret (handleplan 2)' });
      await form(`/beredskab/haendelser/${incident.id}/handleplan/fra-skabelon`, police);
      const page = await get(`/beredskab/haendelser/${incident.id}/handleplan`, police);
      assert.equal(page.statusCode, 200);
      const body = text(page.body);
      const mine = body.slice(body.indexOf('Mine opgaver'), body.indexOf('Andres opgaver'));
      assert.match(mine, /Afdæk situationen, og viderebring relevante informationer/);
      assert.match(mine, /Orientér egen organisation/);
      assert.doesNotMatch(mine, /Invitér alle beredskabsgruppens medlemmer/);
      assert.ok(body.indexOf('Mine opgaver') < body.indexOf('Andres opgaver'));
      assert.match(body, /Overskredet Fristen er overskredet for 9 timer siden/);
      assert.match(page.body, />Udført</);
      assert.match(page.body, />I gang</);
      assert.match(page.body, /aria-current="page"[^>]*>\s*<strong>Handleplan/);
      // A reader who is not a member sees no «Mine opgaver».
      assert.doesNotMatch(text((await get(`/beredskab/haendelser/${incident.id}/handleplan`, secretariat)).body), /Mine opgaver/);
    });

    it('sets a status with one form post, back at the task, logged and audited in the same transaction', async () => {
      const incident = await insertIncident(app, { level: 'gul', activatedAt: ACTIVATED, situationType: 'haervaerk', description: 'Knuste ruder (handleplan 3)' });
      await form(`/beredskab/haendelser/${incident.id}/handleplan/fra-skabelon`, lejerbo);
      const task = (await tasksOf(incident.id)).find((t) => t.owner_member_id === lejerbo.memberId && t.template_key === 'skader-lejerbo')!;
      const response = await form(`/beredskab/haendelser/${incident.id}/handleplan/${task.id}/status`, lejerbo, { status: 'udfoert' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/beredskab/haendelser/${incident.id}/handleplan#opgave-${task.id}`);
      assert.equal((await tasksOf(incident.id)).find((t) => t.id === task.id)!.status, 'udfoert');
      const entries = await taskEntries(incident.id);
      assert.equal(entries.at(-1)!.text, `Opgaven «${task.title}» er sat til «Udført» (var «Åben»).`);
      assert.equal(entries.at(-1)!.actorLabel, lejerbo.email);
      const audit = await app.db.database.db.selectFrom('audit_log').select('summary').where('entity_type', '=', 'crisis_task').where('entity_id', '=', task.id).execute();
      assert.equal(audit.length, 1);
      assert.match(audit[0]!.summary, /til «Udført»/);

      const bad = await form(`/beredskab/haendelser/${incident.id}/handleplan/${task.id}/status`, lejerbo, { status: 'faerdig' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Vælg en status: «Åben» \(aaben\)/);
      assert.equal((await taskEntries(incident.id)).length, entries.length);
    });

    it('adds a task by hand through the form, keeping the values and naming the fields when something is wrong', async () => {
      const incident = await insertIncident(app, { level: 'roed', activatedAt: ACTIVATED, situationType: 'andet', description: 'Uro ved indkøbscenter (handleplan 4)' });
      const wrong = await form(`/beredskab/haendelser/${incident.id}/handleplan/ny`, police, { title: '', ownerMemberId: '', ownerLabel: '', deadlineDate: '2026-02-30', deadlineTime: '25:00', status: 'aaben', description: 'Noget at huske' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /<title>Fejl: /);
      for (const message of ['Skriv, hvad opgaven går ud på.', 'Vælg en ansvarlig i beredskabsgruppen, eller skriv navnet', 'Fristens dato skal skrives ÅÅÅÅ-MM-DD', 'Klokkeslættet skal skrives TT:MM']) assert.ok(wrong.body.includes(message), message);
      assert.match(wrong.body, /Noget at huske/);
      assert.equal((await tasksOf(incident.id)).length, 0);

      const ok = await form(`/beredskab/haendelser/${incident.id}/handleplan/ny`, police, { title: 'Brandvæsenet gennemgår kældrene', ownerMemberId: '', ownerLabel: 'Brandvæsenet', organisation: 'Østjyllands Brandvæsen', deadlineDate: '2026-03-29', deadlineTime: '18:00', status: 'aaben' });
      assert.equal(ok.statusCode, 303, ok.body);
      const [task] = await tasksOf(incident.id);
      assert.equal(task!.owner_label, 'Brandvæsenet');
      assert.equal(task!.organisation, 'Østjyllands Brandvæsen');
      // 18:00 on the first day of summer time is 16:00 UTC.
      assert.equal(new Date(task!.deadline_at!).toISOString(), '2026-03-29T16:00:00.000Z');
      assert.match((await taskEntries(incident.id))[0]!.text, /^Opgave tilføjet: «Brandvæsenet gennemgår kældrene»\. Ansvarlig: Brandvæsenet, Østjyllands Brandvæsen\. Frist: søndag den 29\. marts 2026 kl\. 18\.00\. Status: Åben\.$/);

      const edit = await get(`/beredskab/haendelser/${incident.id}/handleplan/${task!.id}/rediger`, police);
      assert.match(edit.body, /value="18:00"/);
      const saved = await form(`/beredskab/haendelser/${incident.id}/handleplan/${task!.id}/rediger`, police, { title: 'Brandvæsenet gennemgår kældrene', ownerMemberId: lejerbo.memberId, deadlineDate: '2026-03-29', deadlineTime: '18:00', status: 'i_gang' });
      assert.equal(saved.statusCode, 303, saved.body);
      const after = (await tasksOf(incident.id))[0]!;
      assert.equal(after.owner_member_id, lejerbo.memberId);
      assert.equal(after.organisation, 'Lejerbo');
      assert.match((await taskEntries(incident.id)).at(-1)!.text, /er ændret \(ansvarlig, status\)/);
    });

    it('answers the API with Danish errors naming the field, changes only what a PUT sends, and flags overdue tasks', async () => {
      const incident = await insertIncident(app, { level: 'roed', activatedAt: ACTIVATED, situationType: 'chikane', description: 'Chikane i opgang (handleplan 5)' });
      const url = `/api/v1/beredskab/haendelser/${incident.id}/opgaver`;
      const badDeadline = await api('POST', url, police, { title: 'Tal med beboerne', ownerMemberId: police.memberId, deadlineAt: '2026-03-29 10:00' });
      assert.equal(badDeadline.statusCode, 400);
      assert.equal(badDeadline.json().error.fields[0].field, 'deadlineAt');
      assert.match(badDeadline.json().error.fields[0].message, /ISO 8601 med tidszone/);
      const badOwner = await api('POST', url, police, { title: 'Tal med beboerne', ownerMemberId: 'ukendt' });
      assert.equal(badOwner.json().error.fields[0].field, 'ownerMemberId');
      assert.equal((await api('POST', url, police, { title: 'Tal med beboerne', ownerMemberId: police.memberId, status: 'done' })).statusCode, 400);

      const created = await api('POST', url, police, { title: 'Tal med beboerne', ownerMemberId: police.memberId, deadlineAt: '2026-03-29T01:00:00+02:00' });
      assert.equal(created.statusCode, 201, created.body);
      const task = created.json();
      assert.equal(task.overdue, true);
      assert.equal(task.deadlineText, 'Fristen er overskredet for 6 timer og 30 minutter siden');
      assert.equal(task.mine, true);
      assert.equal(task.statusName, 'Åben');
      const put = await api('PUT', `${url}/${task.id}`, lejerbo, { status: 'udfoert' });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().title, 'Tal med beboerne');
      assert.equal(put.json().owner, task.owner);
      assert.equal(put.json().overdue, false);
      assert.equal(put.json().mine, false);
      const list = await get(url, lejerbo);
      assert.equal(list.json().tasks.length, 1);
      assert.equal((await api('PUT', `${url}/ukendt`, police, { status: 'udfoert' })).statusCode, 404);
      assert.equal((await get('/api/v1/beredskab/haendelser/ukendt/opgaver', police)).statusCode, 404);
    });

    it('lets only those with beredskab.read read, and only those with beredskab.activate change', async () => {
      const incident = await insertIncident(app, { level: 'gul', activatedAt: ACTIVATED, situationType: 'narkotikahandel', description: 'Handel ved p-plads (handleplan 6)' });
      assert.equal((await get(`/beredskab/haendelser/${incident.id}/handleplan`, board)).statusCode, 403);
      assert.equal((await get(`/api/v1/beredskab/haendelser/${incident.id}/opgaver`, board)).statusCode, 403);
      assert.equal((await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/opgaver/fra-skabelon`, board)).statusCode, 403);
      assert.equal((await tasksOf(incident.id)).length, 0);
      assert.equal((await get('/beredskab/skabeloner', board)).statusCode, 403);
    });

    it('shows the duties by organisation and a template for every situation type, with the plan\u2019s lines', async () => {
      const page = text((await get('/beredskab/skabeloner', lejerbo)).body);
      for (const type of SITUATION_TYPES) assert.ok(page.includes(`Skabelon: ${type.label}`), type.label);
      assert.match(page, /Aktivere SSP-netværket .* \(SSP-konsulent; linje 3484-3485\)/);
      assert.match(page, /Helheds forslag/);
      const json = (await get('/api/v1/beredskab/skabeloner', lejerbo)).json();
      assert.equal(json.templates.length, SITUATION_TYPES.length);
      assert.ok(json.duties.some((d: { key: string; who: string[] }) => d.key === 'politiets-information' && d.who[0] === 'Politikommissær'));
      const openapi = (await app.request({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const path of ['/api/v1/beredskab/haendelser/{id}/opgaver', '/api/v1/beredskab/haendelser/{id}/opgaver/{taskId}', '/api/v1/beredskab/haendelser/{id}/opgaver/fra-skabelon', '/api/v1/beredskab/skabeloner']) {
        assert.ok(openapi.paths[path], path);
      }
    });

    it('keeps a task, with its owner\u2019s name, when the substitute who owns it leaves the group', async () => {
      const incident = await insertIncident(app, { level: 'gul', activatedAt: ACTIVATED, situationType: 'andet', description: 'Suppleant forlader gruppen (handleplan 9)' });
      const members = await meetingServiceFor(app.services).members(app.planId, 'beredskabsgruppe');
      const substitute = members.find((m) => m.substituteFor !== null)!;
      const created = await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/opgaver`, police, { title: 'Suppleantens opgave', ownerMemberId: substitute.id });
      assert.equal(created.statusCode, 201, created.body);
      await meetingServiceFor(app.services).removeMember(SYSTEM_ACTOR, app.planId, 'beredskabsgruppe', substitute.id);
      const [task] = await tasksOf(incident.id);
      assert.equal(task!.owner_member_id, null);
      assert.equal(task!.owner_label, created.json().owner);
    });

    it('counts the open tasks of the incidents activated in a period, with their incident numbers', async () => {
      const early = await insertIncident(app, { level: 'roed', activatedAt: new Date('2025-06-01T10:00:00Z'), situationType: 'overfald', description: 'Overfald (handleplan 7)' });
      await api('POST', `/api/v1/beredskab/haendelser/${early.id}/opgaver`, police, { title: 'Opgave fra 2025', ownerLabel: 'Brandvæsenet' });
      const done = await api('POST', `/api/v1/beredskab/haendelser/${early.id}/opgaver`, police, { title: 'Færdig opgave fra 2025', ownerLabel: 'Brandvæsenet', status: 'udfoert' });
      assert.equal(done.statusCode, 201);
      const year2025 = await openTasks(app.db.database, app.planId, { from: '2025-01-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' });
      assert.equal(year2025.count, 1);
      assert.deepEqual(year2025.tasks.map((t) => [t.incidentNumber, t.title, t.status]), [[early.number, 'Opgave fra 2025', 'aaben']]);
      const all = await openTasks(app.db.database, app.planId);
      assert.ok(all.count > 1 && all.tasks.every((t) => t.status === 'aaben' || t.status === 'i_gang'));
    });

    it('seeds the demo incidents\u2019 action plans once, with some tasks done', async () => {
      await seedDemoIncidents(app.services, app.planId);
      const added = await seedDemoActions(app.services, app.planId);
      assert.ok(added > 0);
      assert.equal(await seedDemoActions(app.services, app.planId), 0);
      const rows = await app.db.database.db
        .selectFrom('crisis_tasks')
        .innerJoin('crisis_incidents', 'crisis_incidents.id', 'crisis_tasks.incident_id')
        .select(['crisis_tasks.status', 'crisis_incidents.status as incidentStatus'])
        .where('crisis_incidents.description', 'like', '%demodata%')
        .execute();
      assert.equal(rows.length, added);
      assert.ok(rows.some((r) => r.status === 'udfoert') && rows.some((r) => r.status === 'aaben'));
      assert.ok(rows.some((r) => r.incidentStatus === 'afmeldt' && r.status === 'annulleret'));
    });
  });
}
