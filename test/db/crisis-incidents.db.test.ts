import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crisisLogFor } from '../../src/crisis/crisis-log.service.js';
import { seedDemoIncidents } from '../../src/crisis/incidents.demo.js';
import { incidentServiceFor } from '../../src/crisis/incidents.service.js';
import { newId } from '../../src/db/ids.js';
import { crisisMemberSession } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Saturday 28 March 2026 at 20:30 in Copenhagen (+01:00); summer time begins the next night. */
const SATURDAY_EVENING = new Date('2026-03-28T19:30:00Z');
/** Wednesday 1 April 2026 at 10:00 (+02:00), the Wednesday before Easter. */
const WEDNESDAY_BEFORE_EASTER = new Date('2026-04-01T08:00:00Z');

for (const engine of testEngines()) {
  describe(`activation and incidents on ${engine}`, () => {
    let app: TestApp;
    let now = SATURDAY_EVENING;
    let police: Session & { memberId: string };
    let housing: Session & { memberId: string };
    let unlinked: Session;
    let secretariat: Session;
    let board: Session;
    before(async () => {
      // The clock jumps between days around Easter; sessions must outlive the jumps.
      app = await startTestApp(engine, { clock: () => now, env: { HELHED_SESSION_IDLE_MINUTES: '1000000', HELHED_SESSION_MAX_HOURS: '100000' } });
      police = await crisisMemberSession(app, { email: 'politi.haendelser@helhed.test', authority: true, role: 'Politikommissær' });
      housing = await crisisMemberSession(app, { email: 'lejerbo.haendelser@helhed.test', authority: false, role: 'Lokalinspektør' });
      unlinked = await app.userSession({ email: 'ikke-medlem.haendelser@helhed.test', roles: ['beredskab'] });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
    });
    after(() => app.close());

    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: cookies(s) });
    const api = (url: string, s: Session, payload: object) => app.request({ method: 'POST', url, payload, headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string>) =>
      app.request({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: cookies(s),
      });
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    /** The log's kinds this part writes (the convening part adds its own entries after each level is set). */
    const kinds = async (id: string) =>
      (await crisisLogFor(app.services).entries(app.planId, id)).map((e) => e.kind).filter((k) => ['aktivering', 'politi', 'niveau', 'afmelding'].includes(k));

    const redPending = { areaSlug: 'vangdalen', level: 'roed', situationType: 'ildspaasaettelse', description: 'Brand i containere ved Vangdalen (test)', police: { status: 'afventer' } };
    const yellowAssessed = {
      areaSlug: 'gl-jennumparken',
      level: 'gul',
      situationType: 'gruppekonflikt',
      description: 'Konflikt mellem grupper ved centret (test)',
      police: { status: 'vurderet', contact: 'Lasse Bonde', contactedAt: '2026-04-01T09:40:00+02:00', assessedLevel: 'gul' },
    };
    const formFields = (v: typeof yellowAssessed | typeof redPending, contactedAt = '') => ({
      areaSlug: v.areaSlug,
      level: v.level,
      situationType: v.situationType,
      description: `${v.description} (formular)`,
      'police.status': v.police.status,
      'police.contact': 'contact' in v.police ? v.police.contact : '',
      'police.contactedAt': contactedAt,
      'police.assessedLevel': 'assessedLevel' in v.police ? v.police.assessedLevel : '',
    });
    const activateByForm = async (s: Session, fields: Record<string, string>) => {
      const response = await form('/beredskab/aktiver', s, fields);
      assert.equal(response.statusCode, 303, response.body);
      const id = /^\/beredskab\/haendelser\/([^/]+)$/.exec(response.headers.location as string)?.[1];
      assert.ok(id, String(response.headers.location));
      return (await get(`/api/v1/beredskab/haendelser/${id}`, s)).json();
    };

    it('fixes a red Saturday-evening deadline 24 elapsed hours later across the change to summer time, through the API and the form, with the police pending', async () => {
      now = SATURDAY_EVENING;
      const response = await api('/api/v1/beredskab/haendelser', police, redPending);
      assert.equal(response.statusCode, 201, response.body);
      const incident = response.json();
      // 24 elapsed hours: the clocks go forward at 02:00, so the wall clock reads 21:30, not 20:30.
      assert.equal(incident.deadline, '2026-03-29T21:30:00+02:00');
      assert.equal(incident.activatedAt, '2026-03-28T20:30:00+01:00');
      assert.equal(incident.police.status, 'afventer');
      assert.equal(incident.activatedByMemberId, police.memberId);
      assert.deepEqual(incident.timeLeft, { overdue: false, minutes: 1440, text: '1 døgn' });
      assert.deepEqual(await kinds(incident.id), ['aktivering', 'politi']);

      const viaForm = await activateByForm(housing, formFields(redPending));
      assert.equal(viaForm.deadline, '2026-03-29T21:30:00+02:00');
      assert.equal(viaForm.number, incident.number + 1);
      assert.equal(viaForm.activatedByMemberId, housing.memberId);
      assert.equal((await crisisLogFor(app.services).verify(app.planId, viaForm.id)).intact, true);
    });

    it('fixes a yellow deadline on the Wednesday before Easter at the end of the Thursday after Easter, through the API and the form', async () => {
      now = WEDNESDAY_BEFORE_EASTER;
      const response = await api('/api/v1/beredskab/haendelser', police, yellowAssessed);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().deadline, '2026-04-09T23:59:59+02:00');
      assert.equal(response.json().police.contactedAt, '2026-04-01T09:40:00+02:00');
      const viaForm = await activateByForm(police, formFields(yellowAssessed, '2026-04-01T09:45'));
      assert.equal(viaForm.deadline, '2026-04-09T23:59:59+02:00');
      assert.equal(viaForm.police.contactedAt, '2026-04-01T09:45:00+02:00');
      assert.equal(viaForm.police.assessedLevel, 'gul');
    });

    it('refuses a yellow activation without the police consulted, in Danish by field, through the API and the form, and stores nothing', async () => {
      now = WEDNESDAY_BEFORE_EASTER;
      const before = (await app.db.database.db.selectFrom('crisis_incidents').select('id').execute()).length;
      const response = await api('/api/v1/beredskab/haendelser', police, { ...yellowAssessed, police: { status: 'afventer' } });
      assert.equal(response.statusCode, 400, response.body);
      const error = response.json().error;
      assert.equal(error.fields[0].field, 'police.status');
      assert.match(error.fields[0].message, /Ved gult niveau skal politiet kontaktes før aktivering/);

      const page = await form('/beredskab/aktiver', police, { ...formFields(yellowAssessed), 'police.status': 'afventer', description: 'Uro (formular uden politi)' });
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: /);
      assert.match(text(page.body), /Ved gult niveau skal politiet kontaktes før aktivering/);
      assert.match(page.body, /href="#felt-police-status"/);
      assert.match(page.body, /Uro \(formular uden politi\)/, 'the description is kept');
      assert.equal((await app.db.database.db.selectFrom('crisis_incidents').select('id').execute()).length, before);
    });

    it('answers bad input with Danish field messages, not a 500', async () => {
      const response = await api('/api/v1/beredskab/haendelser', police, { ...redPending, areaSlug: 'aarhus', level: 'groen', police: { status: 'vurderet', contactedAt: '28/3 kl 20' } });
      assert.equal(response.statusCode, 400, response.body);
      const fields = Object.fromEntries(response.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
      assert.match(fields.areaSlug, /findes ikke i planen/);
      assert.match(fields.level, /gult .* eller rødt/);
      assert.match(fields['police.contactedAt'], /er ikke et gyldigt tidspunkt/);
      assert.match(fields['police.contact'], /hvem hos politiet/);
      const unknown = await api('/api/v1/beredskab/haendelser', police, { ...redPending, extra: 1 });
      assert.equal(unknown.statusCode, 400);
    });

    it('changes the level with a reason and fixes a new deadline from the change, logged with who and why; the chain verifies', async () => {
      now = WEDNESDAY_BEFORE_EASTER;
      const created = (await api('/api/v1/beredskab/haendelser', police, yellowAssessed)).json();
      assert.equal(created.deadline, '2026-04-09T23:59:59+02:00');
      now = new Date('2026-04-02T13:15:00Z');
      const refused = await api(`/api/v1/beredskab/haendelser/${created.id}/niveau`, police, { level: 'roed', reason: ' ' });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.fields[0].field, 'reason');
      const changed = await api(`/api/v1/beredskab/haendelser/${created.id}/niveau`, police, { level: 'roed', reason: 'Der er affyret skud (test)' });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().level, 'roed');
      assert.equal(changed.json().deadline, '2026-04-03T15:15:00+02:00');
      assert.equal(changed.json().levelSetAt, '2026-04-02T15:15:00+02:00');

      // And back to yellow through the form on Good Friday: the three working days start after Easter Monday.
      now = new Date('2026-04-03T08:00:00Z');
      const back = await form(`/beredskab/haendelser/${created.id}/niveau`, police, { level: 'gul', levelReason: 'Roligt igen (test)' });
      assert.equal(back.statusCode, 303, back.body);
      assert.equal((await get(`/api/v1/beredskab/haendelser/${created.id}`, police)).json().deadline, '2026-04-09T23:59:59+02:00');

      const entries = (await crisisLogFor(app.services).entries(app.planId, created.id)).filter((e) => e.kind !== 'indkaldelse');
      assert.deepEqual(entries.map((e) => e.kind).filter((k) => k !== 'eskalering' && k !== 'deltager'), ['aktivering', 'politi', 'niveau', 'niveau']);
      assert.match(entries[2]!.text, /fra gult til rødt af politi\.haendelser@helhed\.test\. Begrundelse: Der er affyret skud \(test\)/);
      assert.equal(entries[2]!.data?.previousDeadlineAt, '2026-04-09T21:59:59.000Z');
      const report = await crisisLogFor(app.services).verify(app.planId, created.id);
      assert.deepEqual([report.intact, report.problems], [true, []]);
    });

    it('records a pending police assessment afterwards and stands down with a reason, then refuses further changes', async () => {
      now = SATURDAY_EVENING;
      const created = (await api('/api/v1/beredskab/haendelser', housing, { ...redPending, description: 'Overfald på en medarbejder (test)', situationType: 'overfald' })).json();
      now = new Date('2026-03-28T20:10:00Z');
      const page = await form(`/beredskab/haendelser/${created.id}/politi`, housing, { 'police.status': 'vagtchef', 'police.contact': 'Vagtchef Jensen', 'police.contactedAt': '2026-03-28T21:05', 'police.assessedLevel': 'roed' });
      assert.equal(page.statusCode, 303, page.body);
      const afterPolice = (await get(`/api/v1/beredskab/haendelser/${created.id}`, housing)).json();
      assert.deepEqual(afterPolice.police, { status: 'vagtchef', statusName: 'Politiets kontaktperson kunne ikke nås; vagtchefen er kontaktet på 114', contact: 'Vagtchef Jensen', contactedAt: '2026-03-28T21:05:00+01:00', assessedLevel: 'roed' });

      const noReason = await form(`/beredskab/haendelser/${created.id}/afmeld`, housing, { standDownReason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /href="#felt-standDownReason"/);
      const stood = await api(`/api/v1/beredskab/haendelser/${created.id}/afmeld`, housing, { reason: 'Gerningspersonen er anholdt (test)' });
      assert.equal(stood.statusCode, 200, stood.body);
      assert.equal(stood.json().status, 'afmeldt');
      const overview = await get(`/beredskab/haendelser/${created.id}`, housing);
      assert.match(overview.body, /href="\/beredskab\/haendelser\/[^"]+\/evaluering"/);
      assert.doesNotMatch(overview.body, /Skift niveau/);
      // The module's home page asks for the evaluation the plan wants right after stand-down.
      const home = await get('/beredskab', housing);
      const waiting = home.body.slice(home.body.indexOf('Evalueringer, der venter'), home.body.indexOf('Tidligere hændelser'));
      assert.ok(waiting.includes(`/beredskab/haendelser/${created.id}/evaluering`), 'the stood-down incident waits for its evaluation');
      const again = await api(`/api/v1/beredskab/haendelser/${created.id}/niveau`, housing, { level: 'gul', reason: 'x' });
      assert.equal(again.statusCode, 409);
      assert.deepEqual(await kinds(created.id), ['aktivering', 'politi', 'politi', 'afmelding']);
      assert.equal((await crisisLogFor(app.services).verify(app.planId, created.id)).intact, true);
    });

    it('numbers activations made at the same moment one after another, without a gap or a refusal', async () => {
      now = SATURDAY_EVENING;
      const before = (await incidentServiceFor(app.services).list(app.planId)).length;
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => api('/api/v1/beredskab/haendelser', i % 2 ? police : housing, { ...redPending, description: `Samtidig aktivering ${i} (test)` })),
      );
      assert.deepEqual(responses.map((r) => r.statusCode), [201, 201, 201, 201, 201, 201]);
      const numbers = responses.map((r) => r.json().number as number).sort((a, b) => a - b);
      assert.deepEqual(numbers, Array.from({ length: 6 }, (_, i) => before + 1 + i));
    });

    it('lets the secretariat activate on behalf of a member, a crisis-role user not yet linked to a member in their own name, and refuses readers without permission (403)', async () => {
      now = SATURDAY_EVENING;
      const missing = await api('/api/v1/beredskab/haendelser', secretariat, redPending);
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.fields[0].field, 'onBehalfOf');
      const made = await api('/api/v1/beredskab/haendelser', secretariat, { ...redPending, onBehalfOf: { memberId: police.memberId } });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(made.json().onBehalfOf, 'Lasse Bonde, Politikommissær, Østjyllands Politi');
      assert.equal(made.json().activatedByMemberId, police.memberId);
      const named = await activateByForm(secretariat, { ...formFields(redPending), onBehalfOfName: 'Viceværten i Vangdalen (test)' });
      assert.equal(named.onBehalfOf, 'Viceværten i Vangdalen (test)');
      const byMember = await api('/api/v1/beredskab/haendelser', police, { ...redPending, onBehalfOf: { name: 'En anden' } });
      assert.equal(byMember.statusCode, 400);
      assert.match(byMember.json().error.fields[0].message, /Kun sekretariatet/);

      // The role decides, as everywhere: an account not yet linked to a member activates in its own name, and is asked to be linked.
      const own = await api('/api/v1/beredskab/haendelser', unlinked, redPending);
      assert.equal(own.statusCode, 201, own.body);
      assert.equal(own.json().activatedByMemberId, null);
      assert.equal(own.json().onBehalfOf, null);
      assert.match((await get('/beredskab/aktiver', unlinked)).body, /Din bruger er ikke knyttet til et medlem af beredskabsgruppen/);
      assert.equal((await api('/api/v1/beredskab/haendelser', board, redPending)).statusCode, 403);
      assert.equal((await get('/beredskab', board)).statusCode, 403);
    });

    it('answers 404 for another plan\u2019s incident', async () => {
      const db = app.db.database.db;
      const otherPlan = newId();
      await db.insertInto('plans').values({ id: otherPlan, slug: `anden-${otherPlan.slice(0, 8)}`, name: 'Anden plan', period_start: '2025-01-01', period_end: '2029-12-31', created_at: new Date().toISOString() }).execute();
      const own = (await api('/api/v1/beredskab/haendelser', police, redPending)).json();
      const row = await db.selectFrom('crisis_incidents').selectAll().where('id', '=', own.id).executeTakeFirstOrThrow();
      const foreignId = newId();
      await db.insertInto('crisis_incidents').values({ ...row, id: foreignId, plan_id: otherPlan, number: 1, log_length: 0, log_head_hash: '' }).execute();
      assert.equal((await get(`/api/v1/beredskab/haendelser/${foreignId}`, police)).statusCode, 404);
      assert.equal((await get(`/beredskab/haendelser/${foreignId}`, police)).statusCode, 404);
      assert.equal((await api(`/api/v1/beredskab/haendelser/${foreignId}/afmeld`, police, { reason: 'x' })).statusCode, 404);
    });

    it('shows the incident page with the deadline\u2019s time left, the latest log entries and a count of § 115 entries withheld from a housing member', async () => {
      now = SATURDAY_EVENING;
      const created = (await api('/api/v1/beredskab/haendelser', police, { ...redPending, description: 'Skyderi ved Vangdalen (sidetest)', situationType: 'skyderi' })).json();
      await app.db.database.db.transaction().execute((trx) =>
        crisisLogFor(app.services).append(trx, app.planId, created.id, { userId: null, label: 'politiet', planId: app.planId, ip: null, requestId: null }, { kind: 'notat', text: 'Hemmeligt efter § 115 (sidetest)', classification: 'paragraf115' }),
      );
      now = new Date('2026-03-29T00:15:00Z');
      const forHousing = text((await get(`/beredskab/haendelser/${created.id}`, housing)).body);
      assert.match(forHousing, /19 timer og 15 minutter tilbage/);
      assert.match(forHousing, /Rødt niveau/);
      assert.match(forHousing, /1 indførsel er delt efter § 115 og vises kun for myndighedernes medlemmer/);
      assert.doesNotMatch(forHousing, /Hemmeligt efter § 115/);
      const forPolice = text((await get(`/beredskab/haendelser/${created.id}`, police)).body);
      assert.match(forPolice, /Hemmeligt efter § 115 \(sidetest\)/);
      now = new Date('2026-03-29T20:00:00Z');
      assert.match(text((await get(`/beredskab/haendelser/${created.id}`, police)).body), /overskredet for 30 minutter siden/);

      const home = text((await get('/beredskab', housing)).body);
      assert.match(home, /Aktivér beredskabet/);
      assert.match(home, new RegExp(`Hændelse ${created.number} ?: Vangdalen`));
      assert.match(home, /Kriseberedskabskort \(PDF\)/);
    });

    it('warns on the page and in the API when the planned meeting lies after the fixed deadline', async () => {
      now = SATURDAY_EVENING;
      const created = (await api('/api/v1/beredskab/haendelser', police, { ...redPending, description: 'Mødetest (test)' })).json();
      const plan = (at: string) => app.db.database.db.updateTable('crisis_incidents').set({ meeting_planned_at: at, meeting_location: 'Vangdalens beboerhus' }).where('id', '=', created.id).execute();
      await plan('2026-03-29T18:00:00.000Z');
      assert.doesNotMatch((await get(`/beredskab/haendelser/${created.id}`, police)).body, /Mødet ligger efter fristen/);
      assert.equal((await get(`/api/v1/beredskab/haendelser/${created.id}`, police)).json().meetingAfterDeadline, false);
      await plan('2026-03-30T08:00:00.000Z');
      const page = text((await get(`/beredskab/haendelser/${created.id}`, police)).body);
      assert.match(page, /Mødet er planlagt til mandag den 30\. marts 2026 kl\. 10\.00 ?, Vangdalens beboerhus/);
      assert.match(page, /Mødet ligger efter fristen/);
      const json = (await get(`/api/v1/beredskab/haendelser/${created.id}`, police)).json();
      assert.equal(json.meetingAfterDeadline, true);
      assert.equal(json.meetingPlannedAt, '2026-03-30T10:00:00+02:00');
    });

    it('seeds the demo incidents once: one stood down at red, one active at yellow, marked as invented, with intact logs', async () => {
      now = new Date('2026-06-10T10:00:00Z');
      assert.equal(await seedDemoIncidents(app.services, app.planId), 2);
      assert.equal(await seedDemoIncidents(app.services, app.planId), 0);
      const demo = (await incidentServiceFor(app.services).list(app.planId)).filter((i) => i.description.includes('Opdigtede demodata'));
      assert.deepEqual(demo.map((i) => [i.level, i.status, i.police.status]).sort(), [['gul', 'aktiv', 'vurderet'], ['roed', 'afmeldt', 'vurderet']]);
      for (const i of demo) assert.equal((await crisisLogFor(app.services).verify(app.planId, i.id)).intact, true);
      const red = demo.find((i) => i.level === 'roed')!;
      assert.equal(red.activatedAt.slice(0, 4), '2026');
      assert.equal(red.deadlineAt, new Date(new Date(red.activatedAt).getTime() + 86_400_000).toISOString());
    });
  });
}
