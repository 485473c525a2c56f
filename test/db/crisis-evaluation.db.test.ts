/**
 * The evaluation after stand-down and the annual status meeting (issue 7, part 7) on both engines: the decision and
 * the evaluation written in the incident's log in the same transaction, the fourteen-day flag, the status meeting's
 * schedule with its SEQUENCE, the invitation sent with its `.ics` through a local SMTP server, and the year's summary
 * (deadlines met at exactly the deadline, missed after or when not held, level changes without § 115 entries, stale
 * contacts, open actions, evaluations) stored as the meeting saw it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crisisLogFor } from '../../src/crisis/crisis-log.service.js';
import { seedDemoEvaluation } from '../../src/crisis/evaluation.demo.js';
import { evaluationsDue } from '../../src/crisis/evaluation.service.js';
import type { Incident } from '../../src/crisis/incident.js';
import { newId } from '../../src/db/ids.js';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Tuesday 10 November 2026, 10:00 in Copenhagen. */
const NOW = new Date('2026-11-10T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

/** The calendar part of a mail (`invitation.ics`, base64), or null. */
function calendarOf(raw: string): string | null {
  const part = /filename=invitation\.ics\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw)?.[1];
  return part ? Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8') : null;
}

for (const engine of testEngines()) {
  describe(`evaluation and the annual status meeting on ${engine}`, () => {
    let app: TestApp;
    let smtp: TestSmtpServer;
    let now = NOW;
    let police: Session & { memberId: string };
    let unlinked: Session;
    let secretariat: Session;
    let board: Session;
    before(async () => {
      smtp = await startSmtpServer();
      app = await startTestApp(engine, {
        clock: () => now,
        env: { HELHED_SMTP_URL: smtp.url, HELHED_PUBLIC_URL: 'https://helhed.example', HELHED_SESSION_IDLE_MINUTES: '100000000', HELHED_SESSION_MAX_HOURS: '1000000' },
      });
      police = await crisisMemberSession(app, { email: 'politi.evaluering@helhed.test', authority: true, role: 'Politikommissær' });
      unlinked = await app.userSession({ email: 'ikke-medlem.evaluering@helhed.test', roles: ['beredskab'] });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
    });
    after(async () => {
      await app.close();
      await smtp.close();
    });

    const db = () => app.db.database.db;
    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: cookies(s) });
    const api = (method: 'POST' | 'PUT', url: string, s: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string>) =>
      app.request({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: cookies(s),
      });
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const standDown = (incident: Incident, at: Date) =>
      db().updateTable('crisis_incidents').set({ status: 'afmeldt', stood_down_at: at.toISOString(), stood_down_by_label: 'test', stand_down_reason: 'Roligt igen (test)' }).where('id', '=', incident.id).execute();
    const evaluationEntries = async (id: string) => (await crisisLogFor(app.services).entries(app.planId, id)).filter((e) => e.kind === 'evaluering');
    const auditOf = (type: string) => db().selectFrom('audit_log').select(['action', 'summary', 'entity_id']).where('entity_type', '=', type).execute();
    const path = (id: string) => `/beredskab/haendelser/${id}/evaluering`;
    const apiPath = (id: string) => `/api/v1/beredskab/haendelser/${id}/evaluering`;
    const complete = { worked: 'Indkaldelsen nåede alle (test)', improve: 'Opdatér telefonlisten', channelsRight: false, channelsNote: 'SMS-kæden manglede', recommendations: 'Bekræft kontakter hvert halve år' };

    describe('the evaluation', () => {
      it('says before stand-down that the evaluation comes after, and refuses a decision with a Danish 409 that stores nothing', async () => {
        now = NOW;
        const incident = await insertIncident(app, { level: 'gul', activatedAt: daysAgo(2), description: 'Aktiv hændelse (evaluering)' });
        const page = await get(path(incident.id), police);
        assert.equal(page.statusCode, 200);
        assert.match(text(page.body), /Evalueringen kommer efter afmeldingen/);
        assert.doesNotMatch(page.body, /name="decision"/);
        const response = await api('POST', `${apiPath(incident.id)}/beslutning`, police, { decision: 'evalueres' });
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(response.json().error.message, 'Hændelsen er ikke afmeldt endnu. Evalueringen kommer efter afmeldingen.');
        assert.equal((await evaluationEntries(incident.id)).length, 0);
        assert.equal((await get(apiPath(incident.id), police)).json().status, 'afventer');
      });

      it('asks the plan\'s question after stand-down and requires a reason for «Ikke nødvendig», naming the field, storing nothing', async () => {
        now = NOW;
        const incident = await insertIncident(app, { level: 'roed', activatedAt: daysAgo(5) });
        await standDown(incident, daysAgo(3));
        const page = await get(path(incident.id), police);
        assert.match(text(page.body), /Skal indsatsen evalueres\?/);
        assert.match(text(page.body), /vurderer beredskabsgruppen, hvorvidt der skal foretages en evaluering af indsatsen inden det årlige beredskabsmøde/);
        assert.match(page.body, /value="evalueres"[^>]*>\s*Evalueres/);
        assert.match(page.body, /value="ikke_noedvendig"[^>]*>\s*Ikke nødvendig/);

        const refused = await form(`${path(incident.id)}/beslutning`, police, { decision: 'ikke_noedvendig', reason: '  ' });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /<title>Fejl: /);
        assert.match(refused.body, /href="#felt-reason"[^>]*>Skriv, hvorfor en evaluering ikke er nødvendig\./);
        assert.equal((await evaluationEntries(incident.id)).length, 0);
        assert.equal(await db().selectFrom('crisis_evaluations').select('id').where('incident_id', '=', incident.id).executeTakeFirst(), undefined);

        const api400 = await api('POST', `${apiPath(incident.id)}/beslutning`, police, { decision: 'ikke_noedvendig' });
        assert.equal(api400.statusCode, 400);
        assert.equal(api400.json().error.fields[0].field, 'reason');

        const done = await form(`${path(incident.id)}/beslutning`, police, { decision: 'ikke_noedvendig', reason: 'Kort forløb, politiet tog over (test)' });
        assert.equal(done.statusCode, 303);
        assert.equal(done.headers.location, `${path(incident.id)}?besked=ikkenoedvendig`);
        const after = (await get(apiPath(incident.id), police)).json();
        assert.equal(after.status, 'ikke_noedvendig');
        assert.equal(after.reason, 'Kort forløb, politiet tog over (test)');
        assert.equal(after.decidedBy, 'politi.evaluering@helhed.test');
        const repeated = await form(`${path(incident.id)}/beslutning`, police, { decision: 'ikke_noedvendig', reason: 'Igen' });
        assert.equal(repeated.statusCode, 409);
        assert.match(text(repeated.body), /Gruppen har allerede besluttet, at en evaluering ikke er nødvendig\./);
        const [entry, ...rest] = await evaluationEntries(incident.id);
        assert.equal(rest.length, 0);
        assert.match(entry!.text, /evaluering af indsatsen ikke er nødvendig\..*Begrundelse: Kort forløb, politiet tog over \(test\)/);
      });

      it('lets the group decide to evaluate, save a draft, refuse an unfinished «Afslut», then finish; every step in the log with an intact chain and in the audit', async () => {
        now = NOW;
        const incident = await insertIncident(app, { level: 'gul', activatedAt: daysAgo(10) });
        await standDown(incident, daysAgo(4));
        const decided = await form(`${path(incident.id)}/beslutning`, police, { decision: 'evalueres', reason: '' });
        assert.equal(decided.statusCode, 303, decided.body);
        const page = await get(`${path(incident.id)}?besked=evalueres`, police);
        assert.match(text(page.body), /Beslutningen er registreret: indsatsen evalueres/);
        assert.match(page.body, /Afslut evalueringen/);

        const draft = await form(path(incident.id), police, { worked: 'Hurtig indkaldelse (kladde)', improve: '', channelsRight: '', channelsNote: '', recommendations: '', handling: 'gem' });
        assert.equal(draft.statusCode, 303);
        assert.equal((await get(apiPath(incident.id), police)).json().worked, 'Hurtig indkaldelse (kladde)');

        const unfinished = await form(path(incident.id), police, { worked: 'Hurtig indkaldelse', improve: 'Telefonlisten', channelsRight: 'nej', channelsNote: '', recommendations: 'Bekræft kontakter', handling: 'afslut' });
        assert.equal(unfinished.statusCode, 400);
        assert.match(unfinished.body, /href="#felt-channelsNote"/);
        // The values are kept on the page with the error.
        assert.match(unfinished.body, /Telefonlisten/);
        assert.equal((await get(apiPath(incident.id), police)).json().status, 'evalueres');

        const finished = await api('POST', apiPath(incident.id), police, { ...complete, finish: true });
        assert.equal(finished.statusCode, 200, finished.body);
        const body = finished.json();
        assert.equal(body.status, 'udfoert');
        assert.equal(body.channelsRight, false);
        assert.equal(body.channelsNote, 'SMS-kæden manglede');
        assert.equal(body.completedBy, 'politi.evaluering@helhed.test');

        const entries = await evaluationEntries(incident.id);
        assert.equal(entries.length, 3);
        assert.match(entries[2]!.text, /Evalueringen er afsluttet af politi\.evaluering@helhed\.test\. Rigtige informationskanaler: nej\./);
        assert.equal(entries[2]!.data?.recommendations, 'Bekræft kontakter hvert halve år');
        assert.equal((await crisisLogFor(app.services).verify(app.planId, incident.id)).intact, true);
        const audit = (await auditOf('crisis_evaluation')).filter((a) => a.summary.includes(`hændelse ${incident.number}`));
        assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'update', 'update']);

        const again = await api('POST', apiPath(incident.id), police, { ...complete, worked: 'Ændret bagefter' });
        assert.equal(again.statusCode, 409);
        assert.equal(again.json().error.message, 'Evalueringen er afsluttet og kan ikke ændres.');
        const finishedPage = await get(path(incident.id), secretariat);
        assert.match(text(finishedPage.body), /Afsluttet .* af politi\.evaluering@helhed\.test/);
        assert.match(text(finishedPage.body), /SMS-kæden manglede/);
        assert.doesNotMatch(finishedPage.body, /name="worked"/);
      });

      it('lets only the group\'s members and the secretariat record it, and not those without access to the crisis module', async () => {
        now = NOW;
        const incident = await insertIncident(app, { level: 'gul', activatedAt: daysAgo(3) });
        await standDown(incident, daysAgo(1));
        assert.equal((await get(path(incident.id), board)).statusCode, 403);
        assert.equal((await api('POST', `${apiPath(incident.id)}/beslutning`, board, { decision: 'evalueres' })).statusCode, 403);
        const bySecretariat = await api('POST', `${apiPath(incident.id)}/beslutning`, secretariat, { decision: 'evalueres' });
        assert.equal(bySecretariat.statusCode, 200, bySecretariat.body);
        assert.equal((await get(`/api/v1/beredskab/haendelser/${newId()}/evaluering`, police)).statusCode, 404);
      });

      it('lists stood-down incidents with no decision or an unfinished evaluation as due, flagged after fourteen days and not at them', async () => {
        now = NOW;
        const fresh = await insertIncident(app, { level: 'gul', activatedAt: daysAgo(20), description: 'Frisk (due)' });
        await standDown(fresh, daysAgo(14));
        const late = await insertIncident(app, { level: 'roed', activatedAt: daysAgo(30), description: 'Sen (due)' });
        await standDown(late, new Date(daysAgo(14).getTime() - 1000));
        const active = await insertIncident(app, { level: 'roed', activatedAt: daysAgo(30), description: 'Aktiv (due)' });
        const due = await evaluationsDue(app.db.database, app.planId, now);
        const byId = new Map(due.map((d) => [d.incident.id, d]));
        assert.equal(byId.get(fresh.id)?.overdue, false);
        assert.equal(byId.get(late.id)?.overdue, true);
        assert.equal(byId.get(late.id)?.status, 'afventer');
        assert.equal(byId.has(active.id), false);
        // Decided «ikke nødvendig» or finished ones above are not due.
        assert.ok(due.every((d) => d.status === 'afventer' || d.status === 'evalueres'));
        const page = await get(path(late.id), police);
        assert.match(text(page.body), /Evalueringen er forsinket/);
        const listed = (await get('/api/v1/beredskab/evalueringer/afventende', police)).json() as { incidentId: string; overdue: boolean }[];
        assert.equal(listed.find((d) => d.incidentId === late.id)?.overdue, true);
      });
    });

    describe('the annual status meeting', () => {
      const YEAR = 2027;

      it('schedules the meeting, refuses a date outside the year by field, and raises SEQUENCE on a change of time but not of notes', async () => {
        now = NOW;
        const wrong = await api('PUT', `/api/v1/beredskab/statusmoeder/${YEAR}`, secretariat, { date: '2026-12-01', startsAt: '14:00', durationMinutes: 120 });
        assert.equal(wrong.statusCode, 400);
        assert.equal(wrong.json().error.fields[0].field, 'date');
        assert.match(wrong.json().error.fields[0].message, /Statusmødet for 2027 skal ligge i 2027/);
        assert.equal((await api('PUT', `/api/v1/beredskab/statusmoeder/${YEAR}`, police, { date: '2027-11-23', startsAt: '14:00', durationMinutes: 120 })).statusCode, 403);

        const created = await api('PUT', `/api/v1/beredskab/statusmoeder/${YEAR}`, secretariat, { date: '2027-11-23', startsAt: '14:00', durationMinutes: 120, location: 'Randers Rådhus' });
        assert.equal(created.statusCode, 200, created.body);
        assert.equal(created.json().status, 'planlagt');
        assert.equal(created.json().icsSequence, 0);
        // 14:00 in Copenhagen in November is 13:00 UTC.
        assert.equal(created.json().startsAtInstant, '2027-11-23T13:00:00.000Z');
        const notes = await api('PUT', `/api/v1/beredskab/statusmoeder/${YEAR}`, secretariat, { date: '2027-11-23', startsAt: '14:00', durationMinutes: 120, location: 'Randers Rådhus', notes: 'Dagsorden følger' });
        assert.equal(notes.json().icsSequence, 0);
        const moved = await form(`/beredskab/statusmoede/${YEAR}`, secretariat, { date: '2027-11-24', startsAt: '15:30', durationMinutes: '90', location: 'Randers Rådhus', status: 'planlagt', notes: 'Dagsorden følger' });
        assert.equal(moved.statusCode, 303, moved.body);
        const meeting = (await get(`/api/v1/beredskab/statusmoeder/${YEAR}`, police)).json().meeting;
        assert.deepEqual([meeting.date, meeting.startsAt, meeting.durationMinutes, meeting.icsSequence], ['2027-11-24', '15:30', 90, 1]);

        const badForm = await form(`/beredskab/statusmoede/${YEAR}`, secretariat, { date: '24-11-2027', startsAt: '25:00', durationMinutes: 'to timer', location: '', status: 'planlagt', notes: '' });
        assert.equal(badForm.statusCode, 400);
        for (const field of ['date', 'startsAt', 'durationMinutes']) assert.match(badForm.body, new RegExp(`href="#felt-${field}"`));
        assert.match(badForm.body, /value="to timer"/);
        const audit = (await auditOf('crisis_status_meeting')).map((a) => a.summary);
        assert.ok(audit.some((s) => /Planlagde beredskabsgruppens årlige statusmøde 2027/.test(s)));
      });

      it('sends the invitation with its .ics to the crisis group\'s members with e-mail, and a cancellation with METHOD:CANCEL', async () => {
        now = NOW;
        const members = await db().selectFrom('body_members').select(['id', 'name']).where('plan_id', '=', app.planId).where('body', '=', 'beredskabsgruppe').orderBy('sort_order').execute();
        await db().updateTable('body_members').set({ email: 'ssp.statusmoede@helhed.test' }).where('id', '=', members[0]!.id).execute();
        await db().updateTable('body_members').set({ email: 'politi.statusmoede@helhed.test' }).where('id', '=', members[1]!.id).execute();
        await api('PUT', `/api/v1/beredskab/statusmoeder/2028`, secretariat, { date: '2028-11-21', startsAt: '13:00', durationMinutes: 120, location: 'Bysekretariatet' });

        const download = await get('/beredskab/statusmoede/2028/invitation.ics', police);
        assert.equal(download.statusCode, 200);
        assert.match(download.headers['content-type'] as string, /text\/calendar/);
        assert.match(download.body, /METHOD:REQUEST/);
        assert.match(download.body, /SEQUENCE:0/);
        assert.match(download.body, /ATTENDEE;[^\r\n]*(\r\n [^\r\n]*)*:mailto:ssp\.statusmoede@helhed\.test/);
        assert.match(download.body, /DTSTART;TZID=Europe\/Copenhagen:20281121T130000/);

        smtp.clear();
        const sent = await form('/beredskab/statusmoede/2028/invitation', secretariat, {});
        assert.equal(sent.statusCode, 303, sent.body);
        const mail = smtp.to('politi.statusmoede@helhed.test')[0];
        assert.ok(mail, 'the police member gets the invitation');
        assert.equal(smtp.to('ssp.statusmoede@helhed.test').length, 1);
        assert.match(mail.subject, /^Indkaldelse: Beredskabsgruppens årlige statusmøde 2028 21\. november 2028 kl\. 13:00$/);
        assert.match(mail.raw, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
        const ics = calendarOf(mail.raw)!;
        assert.match(ics, /UID:crisis-status-[^\r\n]+@helhed/);
        assert.match(ics, /URL:https:\/\/helhed\.example\/beredskab\/statusmoede\/2028/);
        const recorded = await db().selectFrom('sent_mails').select(['recipient', 'status']).where('purpose', '=', 'crisis-status-meeting').execute();
        assert.ok(recorded.some((r) => r.recipient === 'politi.statusmoede@helhed.test' && r.status === 'sendt'));
        const page = await get('/beredskab/statusmoede/2028?besked=invitation', secretariat);
        assert.match(text(page.body), /politi\.statusmoede@helhed\.test .* sendt/);

        await api('PUT', `/api/v1/beredskab/statusmoeder/2028`, secretariat, { date: '2028-11-21', startsAt: '13:00', durationMinutes: 120, location: 'Bysekretariatet', status: 'aflyst' });
        smtp.clear();
        const cancelled = await api('POST', '/api/v1/beredskab/statusmoeder/2028/invitation', secretariat);
        assert.equal(cancelled.statusCode, 200, cancelled.body);
        assert.equal(cancelled.json().sent.length, 2);
        const cancel = smtp.to('ssp.statusmoede@helhed.test')[0]!;
        assert.match(cancel.subject, /^Aflyst: /);
        const cancelIcs = calendarOf(cancel.raw)!;
        assert.match(cancelIcs, /METHOD:CANCEL/);
        assert.match(cancelIcs, /SEQUENCE:1/);
        assert.match(cancelIcs, /STATUS:CANCELLED/);
      });

      it('summarises a year: activations, deadlines met at exactly the deadline and missed, level changes without § 115, stale contacts, open actions and evaluations', async () => {
        now = new Date('2029-12-01T09:00:00Z');
        const at = (iso: string) => new Date(iso);
        const met = await insertIncident(app, { level: 'roed', activatedAt: at('2029-02-03T18:00:00Z'), areaSlug: 'vangdalen', situationType: 'skyderi' });
        const late = await insertIncident(app, { level: 'gul', activatedAt: at('2029-05-04T08:00:00Z'), areaSlug: 'gl-jennumparken', situationType: 'haervaerk' });
        const never = await insertIncident(app, { level: 'gul', activatedAt: at('2029-06-10T08:00:00Z'), areaSlug: null, situationType: 'haervaerk' });
        const open = await insertIncident(app, { level: 'roed', activatedAt: at('2029-11-30T20:00:00Z'), areaSlug: 'vangdalen', situationType: 'overfald' });
        // Another year's incident does not count.
        await insertIncident(app, { level: 'roed', activatedAt: at('2028-12-31T22:59:00Z'), situationType: 'skyderi' });
        await db().updateTable('crisis_incidents').set({ meeting_held_at: met.deadlineAt }).where('id', '=', met.id).execute();
        await db().updateTable('crisis_incidents').set({ meeting_held_at: new Date(new Date(late.deadlineAt).getTime() + 1000).toISOString() }).where('id', '=', late.id).execute();
        for (const i of [met, late, never]) await standDown(i, at('2029-07-01T10:00:00Z'));
        await api('POST', `${apiPath(met.id)}/beslutning`, police, { decision: 'evalueres' });
        await api('POST', apiPath(met.id), police, { ...complete, finish: true });
        await api('POST', `${apiPath(late.id)}/beslutning`, police, { decision: 'ikke_noedvendig', reason: 'Gentagelse af kendt mønster' });
        await db().transaction().execute(async (trx) => {
          await crisisLogFor(app.services).append(trx, app.planId, late.id, { userId: null, label: 'test', planId: app.planId, ip: null, requestId: null }, { kind: 'niveau', text: 'Niveauet ændret fra gult til rødt (test).', data: { from: 'gul', to: 'roed' } });
          await crisisLogFor(app.services).append(trx, app.planId, late.id, { userId: null, label: 'test', planId: app.planId, ip: null, requestId: null }, { kind: 'niveau', classification: 'paragraf115', text: 'Fortroligt niveauskift (§ 115, test)', data: { from: 'roed', to: 'gul' } });
          const task = (title: string, status: string) => ({
            id: newId(),
            plan_id: app.planId,
            incident_id: open.id,
            title,
            description: null,
            owner_member_id: null,
            owner_label: 'SSP-konsulent',
            organisation: null,
            deadline_at: '2029-12-05T11:00:00.000Z',
            status,
            template_key: null,
            sort_order: title.length,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
            updated_by_label: 'test',
          });
          await trx.insertInto('crisis_tasks').values([task('Aktivér SSP-netværket (test)', 'i_gang'), task('Udført opgave (test)', 'udfoert'), task('Annulleret opgave (test)', 'annulleret')]).execute();
        });
        const members = await db().selectFrom('body_members').select('id').where('plan_id', '=', app.planId).where('body', '=', 'beredskabsgruppe').execute();
        await db().updateTable('body_members').set({ contact_confirmed_at: '2029-06-01T10:00:00.000Z' }).where('plan_id', '=', app.planId).where('body', '=', 'beredskabsgruppe').execute();
        await db().updateTable('body_members').set({ contact_confirmed_at: '2028-11-30T10:00:00.000Z' }).where('id', '=', members[0]!.id).execute();
        await db().updateTable('body_members').set({ contact_confirmed_at: null }).where('id', '=', members[1]!.id).execute();

        const response = await get('/api/v1/beredskab/statusmoeder/2029/opsummering', police);
        assert.equal(response.statusCode, 200, response.body);
        const { current, stored } = response.json();
        assert.equal(stored, null);
        assert.equal(current.activations.total, 4);
        assert.deepEqual(current.activations.byLevel.map((l: { count: number }) => l.count), [2, 2]);
        assert.deepEqual(current.activations.byArea.map((a: { label: string; count: number }) => [a.label, a.count]).sort(), [['Flere områder', 1], ['Gl. Jennumparken', 1], ['Vangdalen', 2]]);
        assert.deepEqual(current.activations.bySituation.map((s: { label: string; count: number }) => [s.label, s.count]), [['Omfattende hærværk', 2], ['Overfald', 1], ['Skyderi', 1]]);
        const outcome = Object.fromEntries(current.deadlines.incidents.map((i: { id: string; outcome: string }) => [i.id, i.outcome]));
        assert.deepEqual([outcome[met.id], outcome[late.id], outcome[never.id], outcome[open.id]], ['overholdt', 'overskredet', 'overskredet', 'ikke registreret']);
        assert.deepEqual([current.deadlines.met, current.deadlines.missed, current.deadlines.notRecorded], [1, 2, 1]);
        assert.equal(current.levelChanges.total, 1);
        assert.deepEqual([current.levelChanges.changes[0].from, current.levelChanges.changes[0].to], ['gul', 'roed']);
        assert.doesNotMatch(response.body, /Fortroligt|§ 115, test/);
        assert.equal(current.staleContacts.total, 2);
        assert.deepEqual(current.openTasks.tasks.map((t: { title: string }) => t.title), ['Aktivér SSP-netværket (test)']);
        assert.deepEqual([current.evaluations.done, current.evaluations.notNeeded, current.evaluations.pending, current.evaluations.notStoodDown], [1, 1, 1, 1]);
        const page = await get('/beredskab/statusmoede/2029', police);
        assert.match(text(page.body), /Beredskabet blev aktiveret 4 gange i 2029/);
        assert.match(text(page.body), /Overholdt: 1 \. Overskredet: 2 \. Ikke registreret: 1 \./);
        assert.doesNotMatch(page.body, /Fortroligt/);
      });

      it('stores the summary the meeting saw, keeps it when incidents change, and refuses replacing it once the meeting is held', async () => {
        now = new Date('2029-12-01T09:00:00Z');
        const none = await api('POST', '/api/v1/beredskab/statusmoeder/2030/opsummering', secretariat);
        assert.equal(none.statusCode, 409);
        assert.match(none.json().error.message, /Planlæg statusmødet for 2030/);
        await api('PUT', '/api/v1/beredskab/statusmoeder/2029', secretariat, { date: '2029-12-04', startsAt: '14:00', durationMinutes: 120 });
        const saved = await form('/beredskab/statusmoede/2029/opsummering', secretariat, {});
        assert.equal(saved.statusCode, 303);
        const before = (await get('/api/v1/beredskab/statusmoeder/2029/opsummering', police)).json();
        assert.equal(before.stored.activations.total, before.current.activations.total);
        assert.equal((await get('/api/v1/beredskab/statusmoeder/2029', police)).json().meeting.summaryGeneratedAt, '2029-12-01T09:00:00.000Z');

        await insertIncident(app, { level: 'gul', activatedAt: new Date('2029-12-01T08:00:00Z'), situationType: 'gruppekonflikt' });
        const after = (await get('/api/v1/beredskab/statusmoeder/2029/opsummering', police)).json();
        assert.equal(after.current.activations.total, before.stored.activations.total + 1);
        assert.equal(after.stored.activations.total, before.stored.activations.total);

        await api('PUT', '/api/v1/beredskab/statusmoeder/2029', secretariat, { date: '2029-12-04', startsAt: '14:00', durationMinutes: 120, status: 'afholdt' });
        const refused = await form('/beredskab/statusmoede/2029/opsummering', secretariat, {});
        assert.equal(refused.statusCode, 409);
        assert.match(text(refused.body), /Mødet er afholdt, og opsummeringen, mødet så, bevares/);
        assert.equal((await get('/api/v1/beredskab/statusmoeder/2029/opsummering', police)).json().stored.activations.total, before.stored.activations.total);
      });

      it('lists the plan period\'s years and this year with their meetings, and answers an impossible year with 404', async () => {
        now = NOW;
        const years = (await get('/api/v1/beredskab/statusmoeder', police)).json() as { year: number; meeting: { date: string } | null }[];
        const listed = years.map((y) => y.year);
        for (const y of [2025, 2026, 2027, 2028, 2029]) assert.ok(listed.includes(y), `${y} in ${listed}`);
        assert.equal(years.find((y) => y.year === 2027)?.meeting?.date, '2027-11-24');
        const page = await get('/beredskab/statusmoede', police);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /href="\/beredskab\/statusmoede\/2027"/);
        assert.equal((await get('/beredskab/statusmoede/1999', police)).statusCode, 404);
        assert.equal((await get('/api/v1/beredskab/statusmoeder/abcd', police)).statusCode, 400);
        assert.equal((await get('/beredskab/statusmoede', board)).statusCode, 403);
      });

      it('names the routes in the OpenAPI document', async () => {
        const doc = (await get('/api/openapi.json', secretariat)).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
        for (const [p, method] of [
          ['/api/v1/beredskab/haendelser/{id}/evaluering', 'get'],
          ['/api/v1/beredskab/haendelser/{id}/evaluering', 'post'],
          ['/api/v1/beredskab/haendelser/{id}/evaluering/beslutning', 'post'],
          ['/api/v1/beredskab/statusmoeder/{year}', 'put'],
          ['/api/v1/beredskab/statusmoeder/{year}/opsummering', 'get'],
          ['/api/v1/beredskab/statusmoeder/{year}/invitation', 'post'],
        ] as const) {
          assert.deepEqual(doc.paths[p]?.[method]?.tags, ['beredskab'], `${method} ${p}`);
        }
      });
    });
  });

  describe(`the demo's evaluation and status meeting on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
    });
    after(() => app.close());

    it('evaluates the first stood-down incident and schedules this year\'s meeting once', async () => {
      const db = app.db.database.db;
      const incident = await insertIncident(app, { level: 'roed', activatedAt: new Date('2026-10-01T18:00:00Z') });
      await db.updateTable('crisis_incidents').set({ status: 'afmeldt', stood_down_at: '2026-10-03T10:00:00.000Z', stood_down_by_label: 'demo' }).where('id', '=', incident.id).execute();
      const first = await seedDemoEvaluation(app.services, app.planId);
      assert.deepEqual(first, { evaluatedIncidentId: incident.id, meetingYear: 2026 });
      const evaluation = await db.selectFrom('crisis_evaluations').selectAll().where('incident_id', '=', incident.id).executeTakeFirstOrThrow();
      assert.equal(evaluation.status, 'udfoert');
      const meeting = await db.selectFrom('crisis_status_meetings').selectAll().where('plan_id', '=', app.planId).where('year', '=', 2026).executeTakeFirstOrThrow();
      assert.equal(meeting.status, 'planlagt');
      assert.deepEqual(await seedDemoEvaluation(app.services, app.planId), { evaluatedIncidentId: null, meetingYear: null });
      assert.equal((await crisisLogFor(app.services).entries(app.planId, incident.id)).filter((e) => e.kind === 'evaluering').length, 2);
    });
  });
}
