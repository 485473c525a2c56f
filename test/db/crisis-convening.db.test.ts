/**
 * Convening the crisis group on both engines (issue 7, part 3): the deadline endpoint and its refusals, the settings
 * that never move a fixed deadline, the invitations by SMTP with the personal link and (once the meeting is set) the
 * calendar invitation, answers by link and on the page, escalation to the substitute after the set time on a movable
 * clock, the late-meeting warning, ad-hoc participants and the meeting held.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { seedDemoConvening } from '../../src/crisis/convening.demo.js';
import { conveningServiceFor, scheduleEscalation } from '../../src/crisis/convening.service.js';
import type { AppServices } from '../../src/app.js';
import { seedDemoIncidents } from '../../src/crisis/incidents.demo.js';
import type { Incident } from '../../src/crisis/incident.js';
import { meetingServiceFor } from '../../src/governance/meetings.service.js';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { anonymousForm, login, startTestApp, USER_PASSWORD, type Session, type TestApp } from '../support/test-app.js';

/** Saturday 28 March 2026, 20:30 in Copenhagen: the night the clocks move to summer time. */
const START = new Date('2026-03-28T19:30:00Z');
let now = START;
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

const EMAILS: Record<string, string> = {
  'Lasse Bonde': 'lasse.bonde@politi.test',
  'Allan Aarslev': 'allan.aarslev@politi.test',
  'Claus Hansen': 'claus.hansen@randers.test',
  'Jørgen Lajer': 'jorgen.lajer@lejerbo.test',
  'Louise Hou Kragh': 'louise.kragh@randers.test',
};

for (const engine of testEngines()) {
  describe(`convening the crisis group on ${engine}`, () => {
    let smtp: TestSmtpServer;
    let app: TestApp;
    let secretariat: Session;
    let incident: Incident;
    const tokens = new Map<string, string>();

    before(async () => {
      now = START;
      smtp = await startSmtpServer();
      app = await startTestApp(engine, { clock: () => now, env: { HELHED_SMTP_URL: smtp.url, HELHED_PUBLIC_URL: 'https://helhed.example' } });
      secretariat = await app.sessionFor('sekretariat');
      await meetingServiceFor(app.services).members(app.planId, 'beredskabsgruppe');
      for (const [name, email] of Object.entries(EMAILS)) {
        await app.db.database.db.updateTable('body_members').set({ email }).where('plan_id', '=', app.planId).where('body', '=', 'beredskabsgruppe').where('name', '=', name).execute();
      }
    });
    after(async () => {
      await app.close();
      await smtp.close();
    });

    const get = (url: string, session?: Session) => app.request({ method: 'GET', url, ...(session ? { cookies: { helhed_session: session.cookie } } : {}) });
    const form = (url: string, session: Session, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries({ _csrf: session.csrf, ...fields })) for (const x of [v].flat()) body.append(k, x);
      return app.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_session: session.cookie } });
    };
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, session: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    const participants = () => app.db.database.db.selectFrom('crisis_participants').selectAll().where('incident_id', '=', incident.id).orderBy('created_at').orderBy('name').execute();
    const logKinds = async () => (await app.db.database.db.selectFrom('crisis_log_entries').select(['kind', 'text']).where('incident_id', '=', incident.id).orderBy('seq').execute()).map((e) => e.kind);
    /** The calendar invitation attached to a mail (`invitation.ics`, base64), or null. */
    const calendarOf = (raw: string) => {
      const part = /filename=invitation\.ics\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw)?.[1];
      return part ? Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8') : null;
    };
    /** A mail's text: the whole body of a plain message, the decoded text part of one with a calendar invitation. */
    const textOf = (mail: { raw: string; text: string }) => {
      const part = /Content-Type: text\/plain; charset=utf-8\r?\nContent-Transfer-Encoding: quoted-printable\r?\n\r?\n([\s\S]*?)\r?\n----/.exec(mail.raw)?.[1];
      if (!part || !/multipart/.test(mail.raw)) return mail.text;
      const bytes = part.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    };
    const linkIn = (text: string) => /https:\/\/helhed\.example\/beredskab\/svar\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

    describe('the deadline endpoint', () => {
      it('answers red 24 elapsed hours later across summer time, and yellow before Easter at the end of the Thursday after', async () => {
        const red = await api('POST', '/api/v1/beredskab/deadline', secretariat, { level: 'roed', activatedAt: '2026-03-28T20:30:00+01:00' });
        assert.equal(red.statusCode, 200, red.body);
        assert.deepEqual(red.json(), { deadline: '2026-03-29T21:30:00+02:00' });
        const yellow = await api('POST', '/api/v1/beredskab/deadline', secretariat, { level: 'gul', activatedAt: '2026-04-01T10:00:00+02:00' });
        assert.deepEqual(yellow.json(), { deadline: '2026-04-09T23:59:59+02:00' });
      });

      it('refuses an unknown level, a time without offset, an impossible date and extra fields with Danish messages naming the field', async () => {
        const cases: [object, RegExp][] = [
          [{ level: 'groen', activatedAt: '2026-04-01T10:00:00+02:00' }, /level/],
          [{ level: 'gul', activatedAt: '2026-04-01T10:00:00' }, /activatedAt.*tidszone/],
          [{ level: 'gul', activatedAt: '2026-02-30T10:00:00+01:00' }, /activatedAt/],
          [{ level: 'gul', activatedAt: '2026-04-01T10:00:00+02:00', area: 'x' }, /area/],
          [{ level: 'gul' }, /activatedAt/],
        ];
        for (const [payload, field] of cases) {
          const response = await api('POST', '/api/v1/beredskab/deadline', secretariat, payload);
          assert.equal(response.statusCode, 400, JSON.stringify(payload));
          const text = JSON.stringify(response.json());
          assert.match(text, field, text);
          assert.doesNotMatch(text, /must |should /, text);
        }
      });

      it('is for those with access to the crisis module only', async () => {
        const response = await app.request({ method: 'POST', url: '/api/v1/beredskab/deadline', payload: { level: 'roed', activatedAt: '2026-03-28T20:30:00+01:00' } });
        assert.equal(response.statusCode, 401);
        const partner = await app.sessionFor('partner');
        assert.equal((await api('POST', '/api/v1/beredskab/deadline', partner, { level: 'roed', activatedAt: '2026-03-28T20:30:00+01:00' })).statusCode, 403);
      });
    });

    describe('an incident activated at red', () => {
      before(async () => {
        incident = await insertIncident(app, { level: 'roed', activatedAt: now, description: 'Brand i opgang 7 (konvokationstest)' });
        smtp.clear();
        await conveningServiceFor(app.services).onLevelSet(SYSTEM_ACTOR, app.planId, incident.id);
      });

      it('makes the principal members participants and mails those with an address the deadline in Danish and a personal link, without a calendar yet', async () => {
        const rows = await participants();
        assert.equal(rows.length, 7);
        assert.ok(rows.every((r) => r.invited_at === START.toISOString() && r.response === 'afventer' && r.response_token_hash !== null));
        assert.ok(!rows.some((r) => r.name === 'Allan Aarslev'), 'the substitute is not invited at first');
        assert.deepEqual(smtp.received.flatMap((m) => m.to).sort(), ['claus.hansen@randers.test', 'jorgen.lajer@lejerbo.test', 'lasse.bonde@politi.test', 'louise.kragh@randers.test']);
        const mail = smtp.to('claus.hansen@randers.test')[0]!;
        assert.match(mail.subject, /^Indkaldelse til beredskabsgruppen, rødt niveau: mødes senest søndag den 29\. marts 2026 kl\. 21\.30/);
        assert.match(mail.text, /Område: Gl\. Jennumparken|Område: /);
        assert.match(mail.text, /Situation: Ildspåsættelse/);
        assert.doesNotMatch(mail.raw, /text\/calendar/);
        assert.equal(calendarOf(mail.raw), null);
        for (const [name, email] of Object.entries(EMAILS)) {
          const m = smtp.to(email)[0];
          if (m) tokens.set(name, linkIn(m.text)!);
        }
        assert.equal(tokens.get('Claus Hansen')!.length, 43);
        assert.deepEqual(await logKinds(), ['aktivering', 'indkaldelse']);
        const page = await get(`/beredskab/haendelser/${incident.id}/indkaldelse`, secretariat);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /claus\.hansen@randers\.test/);
        assert.match(page.body, /sendt, /);
        assert.match(page.body, /Ingen e-mailadresse/);
        // Before the time is up, the page says what will happen: the substitute is called in, or there is none.
        assert.match(page.body, /Uden svar eskaleres til suppleanten lørdag den 28\. marts 2026 kl\. 21\.30/);
        assert.match(page.body, /Uden svar lørdag den 28\. marts 2026 kl\. 21\.30: ingen suppleant – kontakt organisationen/);
      });

      it('records an answer given by the personal link, on the page and over the API, and logs it', async () => {
        const token = tokens.get('Claus Hansen')!;
        const page = await get(`/beredskab/svar/${token}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Hej Claus Hansen/);
        assert.match(page.body, /Jeg kommer/);
        const anon = await anonymousForm(app);
        const body = new URLSearchParams({ _csrf: anon.csrf, response: 'kommer' }).toString();
        const posted = await app.request({ method: 'POST', url: `/beredskab/svar/${token}`, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_csrf: anon.cookie } });
        assert.equal(posted.statusCode, 303, posted.body);
        const bad = await app.request({ method: 'POST', url: `/api/v1/beredskab/svar/${tokens.get('Jørgen Lajer')}`, payload: { response: 'ja' } });
        assert.equal(bad.statusCode, 400);
        const byApi = await app.request({ method: 'POST', url: `/api/v1/beredskab/svar/${tokens.get('Jørgen Lajer')}`, payload: { response: 'kommer_ikke' } });
        assert.equal(byApi.statusCode, 200, byApi.body);
        assert.equal(byApi.json().response, 'kommer_ikke');
        assert.equal((await app.request({ method: 'GET', url: '/api/v1/beredskab/svar/ikke-et-gyldigt-link-0123456789' })).statusCode, 404);
        assert.equal((await get('/beredskab/svar/ikke-et-gyldigt-link-0123456789')).statusCode, 404);
        const rows = await participants();
        assert.equal(rows.find((r) => r.name === 'Claus Hansen')!.response, 'kommer');
        assert.equal(rows.find((r) => r.name === 'Jørgen Lajer')!.response, 'kommer_ikke');
        assert.deepEqual((await logKinds()).slice(-2), ['svar', 'svar']);
      });

      it('lets a linked member answer on the convening page, and no one else answer for them', async () => {
        const member = await crisisMemberSession(app, { email: 'centerleder.konvokation@helhed.test', authority: true, role: 'Centerleder' });
        const mine = (await participants()).find((r) => r.member_id === member.memberId)!;
        const page = await get(`/beredskab/haendelser/${incident.id}/indkaldelse`, member);
        assert.match(page.body, /Dit svar \(Morten Strange\)/);
        const other = (await participants()).find((r) => r.name === 'Louise Hou Kragh')!;
        assert.equal((await form(`/beredskab/haendelser/${incident.id}/indkaldelse/svar`, member, { participantId: other.id, response: 'kommer' })).statusCode, 404);
        const missing = await form(`/beredskab/haendelser/${incident.id}/indkaldelse/svar`, member, { participantId: mine.id });
        assert.equal(missing.statusCode, 400);
        assert.match(missing.body, /Vælg «Jeg kommer» eller «Jeg kan ikke komme»/);
        const answered = await form(`/beredskab/haendelser/${incident.id}/indkaldelse/svar`, member, { participantId: mine.id, response: 'kommer' });
        assert.equal(answered.statusCode, 303);
        assert.equal((await participants()).find((r) => r.id === mine.id)!.response, 'kommer');
      });

      it('escalates nobody before the set time, then the silent principals: the substitute invited and linked, one without a substitute flagged', async () => {
        now = minutes(59);
        assert.equal(await conveningServiceFor(app.services).escalateDue(app.planId), 0);
        now = minutes(1);
        // An hour later the secretariat's session has run idle: it signs in again.
        secretariat = await login(app, secretariat.email, USER_PASSWORD);
        smtp.clear();
        const answer = await api('GET', `/api/v1/beredskab/haendelser/${incident.id}/indkaldelse`, secretariat);
        assert.equal(answer.statusCode, 200, answer.body);
        const rows = await participants();
        const lasse = rows.find((r) => r.name === 'Lasse Bonde')!;
        const allan = rows.find((r) => r.name === 'Allan Aarslev')!;
        assert.equal(lasse.escalated_to_id, allan.id);
        assert.equal(allan.escalated_from_id, lasse.id);
        assert.equal(allan.invited_at, now.toISOString());
        const louise = rows.find((r) => r.name === 'Louise Hou Kragh')!;
        assert.equal(louise.escalated_at, now.toISOString());
        assert.equal(louise.escalated_to_id, null);
        // Those who answered are never escalated.
        assert.equal(rows.find((r) => r.name === 'Claus Hansen')!.escalated_at, null);
        assert.deepEqual(smtp.received.flatMap((m) => m.to), ['allan.aarslev@politi.test']);
        assert.match(smtp.received[0]!.text, /Lasse Bonde \(Politikommissær, Østjyllands Politi\) har ikke svaret/);
        tokens.set('Allan Aarslev', linkIn(smtp.received[0]!.text)!);
        const louiseJson = answer.json().participants.find((p: { name: string }) => p.name === 'Louise Hou Kragh');
        assert.equal(louiseJson.noSubstitute, true);
        const kinds = await logKinds();
        assert.equal(kinds.filter((k) => k === 'eskalering').length, 4);
        const page = await get(`/beredskab/haendelser/${incident.id}/indkaldelse`, secretariat);
        assert.match(page.body, /Eskaleret til suppleanten Allan Aarslev/);
        assert.match(page.body, /ingen suppleant – kontakt organisationen/);
        // A second run finds nothing more to do.
        assert.equal(await conveningServiceFor(app.services).escalateDue(null), 0);
      });

      it('warns when the planned meeting falls after the deadline, and sends the calendar invitation with a raised sequence on each change', async () => {
        smtp.clear();
        const late = await api('PUT', `/api/v1/beredskab/haendelser/${incident.id}/moede`, secretariat, { plannedAt: '2026-03-30T10:00:00+02:00', location: 'Rådhuset, mødelokale 3' });
        assert.equal(late.statusCode, 200, late.body);
        assert.match(late.json().warning, /ligger efter fristen søndag den 29\. marts 2026 kl\. 21\.30/);
        const invitation = smtp.to('claus.hansen@randers.test')[0]!;
        assert.match(invitation.raw, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
        const ics = calendarOf(invitation.raw)!;
        assert.match(ics, /METHOD:REQUEST/);
        assert.match(ics, /SEQUENCE:1\r\n/);
        assert.match(ics, /DTSTART;TZID=Europe\/Copenhagen:20260330T100000/);
        assert.match(ics, /LOCATION:Rådhuset\\, mødelokale 3/);
        assert.match(ics, /ORGANIZER;CN="Louise Hou Kragh":mailto:louise\.kragh@randers\.test/);
        assert.match(textOf(invitation), /Mødet: mandag den 30\. marts 2026 kl\. 10\.00, Rådhuset, mødelokale 3/);
        // The new mail's link works; the one before it no longer does.
        const fresh = linkIn(textOf(invitation))!;
        assert.notEqual(fresh, tokens.get('Claus Hansen'));
        assert.equal((await get(`/beredskab/svar/${tokens.get('Claus Hansen')}`)).statusCode, 404);
        assert.equal((await get(`/beredskab/svar/${fresh}`)).statusCode, 200);
        const page = await get(`/beredskab/haendelser/${incident.id}/indkaldelse`, secretariat);
        assert.match(page.body, /Mødet ligger efter fristen/);

        smtp.clear();
        const bad = await form(`/beredskab/haendelser/${incident.id}/indkaldelse/moede`, secretariat, { meetingDate: '2026-02-30', meetingTime: '25:00', location: '' });
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /href="#felt-meetingDate"/);
        assert.match(bad.body, /href="#felt-meetingTime"/);
        const moved = await form(`/beredskab/haendelser/${incident.id}/indkaldelse/moede`, secretariat, { meetingDate: '2026-03-29', meetingTime: '14:00', location: 'Politigården' });
        assert.equal(moved.statusCode, 303, moved.body);
        assert.match(calendarOf(smtp.to('claus.hansen@randers.test')[0]!.raw)!, /SEQUENCE:2\r\n/);
        const answer = (await api('GET', `/api/v1/beredskab/haendelser/${incident.id}/indkaldelse`, secretariat)).json();
        assert.equal(answer.warning, null);
        assert.equal(answer.meeting.plannedAt, '2026-03-29T12:00:00.000Z');
        assert.equal((await logKinds()).filter((k) => k === 'moede').length, 2);
      });

      it('adds and invites an ad-hoc participant, refusing bad input by field', async () => {
        smtp.clear();
        const bad = await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/deltagere`, secretariat, { name: '', role: 'Brandinspektør', organisation: 'Beredskab Østjylland', email: 'ikke-en-adresse' });
        assert.equal(bad.statusCode, 400);
        assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field).sort(), ['email', 'name']);
        const created = await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/deltagere`, secretariat, {
          name: 'Birgit Brand',
          role: 'Brandinspektør',
          organisation: 'Beredskab Østjylland',
          email: 'birgit.brand@beredskab.test',
          phone: '87 10 10 10',
          isAuthority: true,
        });
        assert.equal(created.statusCode, 201, created.body);
        assert.equal(created.json().adHoc, true);
        assert.equal(created.json().mail.status, 'sendt');
        const mail = smtp.to('birgit.brand@beredskab.test')[0]!;
        assert.match(calendarOf(mail.raw) ?? '', /SEQUENCE:2\r\n/, 'the meeting is set, so the invitation carries it');
        const page = await form(`/beredskab/haendelser/${incident.id}/indkaldelse/deltagere`, secretariat, { name: 'Kurt Kiosk', role: '', organisation: 'Kiosken', email: '', phone: '', isAuthority: 'nej' });
        assert.equal(page.statusCode, 400);
        assert.match(page.body, /value="Kurt Kiosk"/);
        assert.match(page.body, /Skriv deltagerens rolle/);
        assert.equal((await logKinds()).filter((k) => k === 'deltager').length, 1);
      });

      it('sends everyone invited the new deadline when the level changes', async () => {
        smtp.clear();
        await app.db.database.db.updateTable('crisis_incidents').set({ level: 'gul', deadline_at: '2026-04-01T21:59:59.000Z', level_set_at: now.toISOString() }).where('id', '=', incident.id).execute();
        const outcome = await conveningServiceFor(app.services).onLevelSet(SYSTEM_ACTOR, app.planId, incident.id);
        assert.deepEqual(outcome, { invited: 0, updated: 9 });
        assert.equal((await participants()).length, 9);
        const mail = smtp.to('allan.aarslev@politi.test')[0]!;
        assert.match(mail.subject, /^Beredskab, gult niveau: ny frist for mødet onsdag den 1\. april 2026 kl\. 23\.59/);
        assert.equal(smtp.received.length, 6);
      });

      it('records the meeting as held and says whether the deadline was met', async () => {
        now = new Date('2026-03-29T15:00:00Z');
        secretariat = await login(app, secretariat.email, USER_PASSWORD);
        const future = await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/moede/afholdt`, secretariat, { heldAt: '2026-05-01T10:00:00+02:00' });
        assert.equal(future.statusCode, 400);
        assert.match(JSON.stringify(future.json()), /heldAt/);
        const held = await api('POST', `/api/v1/beredskab/haendelser/${incident.id}/moede/afholdt`, secretariat, { heldAt: '2026-03-29T14:00:00+02:00' });
        assert.equal(held.statusCode, 200, held.body);
        assert.equal(held.json().deadlineOutcome, 'overholdt');
        assert.equal(held.json().meeting.heldAt, '2026-03-29T12:00:00.000Z');
      });
    });

    describe('the settings', () => {
      it('refuse bad values by field, and never move a deadline already fixed', async () => {
        const fixed = await insertIncident(app, { level: 'gul', activatedAt: new Date('2026-03-09T08:00:00Z'), description: 'Uro ved butikscentret (indstillingstest)' });
        const bad = await form('/beredskab/indstillinger', secretariat, { closingDays: '12-24\n31-12', escalationMinutesRed: '2', escalationMinutesYellow: '1440', staleAfterMonths: '12' });
        assert.equal(bad.statusCode, 400);
        for (const field of ['closingDays', 'escalationMinutesRed', 'campaignMonths']) assert.match(bad.body, new RegExp(`href="#felt-${field}"`));
        assert.match(bad.body, /31-12/);
        const saved = await form('/beredskab/indstillinger', secretariat, { closingDays: '06-05\n12-24\n12-31\n2026-03-11', escalationMinutesRed: '30', escalationMinutesYellow: '240', campaignMonths: ['3', '9'], staleAfterMonths: '12' });
        assert.equal(saved.statusCode, 303, saved.body);
        const settings = (await api('GET', '/api/v1/beredskab/indstillinger', secretariat)).json();
        assert.deepEqual(settings.closingDays, ['06-05', '12-24', '12-31', '2026-03-11']);
        assert.equal(settings.escalationMinutes.roed, 30);
        assert.ok(settings.nonWorkingDays.some((d: { date: string; reason: string }) => d.date === '2026-04-03' && d.reason === 'Langfredag'));
        // The new calendar gives a later deadline for a new activation on the same day …
        const computed = await api('POST', '/api/v1/beredskab/deadline', secretariat, { level: 'gul', activatedAt: '2026-03-09T09:00:00+01:00' });
        assert.deepEqual(computed.json(), { deadline: '2026-03-13T23:59:59+01:00' });
        // … but the incident's fixed deadline stays.
        const convening = (await api('GET', `/api/v1/beredskab/haendelser/${fixed.id}/indkaldelse`, secretariat)).json();
        assert.equal(convening.deadline, '2026-03-12T23:59:59+01:00');
        const page = await get('/beredskab/indstillinger', secretariat);
        assert.match(page.body, /11\. marts 2026/);
        assert.match(page.body, /Langfredag/);
      });

      it('are read by the crisis group and changed only by the secretariat', async () => {
        const member = await app.sessionFor('beredskab');
        const page = await get('/beredskab/indstillinger', member);
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /Gem indstillingerne/);
        const put = await api('PUT', '/api/v1/beredskab/indstillinger', member, { closingDays: [], escalationMinutes: { roed: 30, gul: 60 }, campaignMonths: [3], staleAfterMonths: 12 });
        assert.equal(put.statusCode, 403);
        const bad = await api('PUT', '/api/v1/beredskab/indstillinger', secretariat, { closingDays: ['2026-02-30'], escalationMinutes: { roed: 30, gul: 60 }, campaignMonths: [3], staleAfterMonths: 12 });
        assert.equal(bad.statusCode, 400);
        assert.match(JSON.stringify(bad.json()), /closingDays/);
      });
    });

    it('convenes the demo incidents once, with a mix of answers, an escalation and the meetings', async () => {
        now = new Date('2026-06-10T10:00:00Z');
        secretariat = await login(app, secretariat.email, USER_PASSWORD);
        smtp.clear();
        assert.equal(await seedDemoIncidents(app.services, app.planId), 2);
        assert.equal(await seedDemoConvening(app.services, app.planId), 2);
        assert.equal(await seedDemoConvening(app.services, app.planId), 0);
        assert.equal(smtp.received.length, 0, 'demo data send no mail');
        const demo = await app.db.database.db.selectFrom('crisis_incidents').select(['id', 'level', 'meeting_held_at']).where('description', 'like', '%demodata%').orderBy('number').execute();
        assert.equal(demo.length, 2);
        const red = demo.find((d) => d.level === 'roed')!;
        const yellow = demo.find((d) => d.level === 'gul')!;
        assert.notEqual(red.meeting_held_at, null);
        const redAnswer = (await api('GET', `/api/v1/beredskab/haendelser/${red.id}/indkaldelse`, secretariat)).json();
        assert.equal(redAnswer.deadlineOutcome, 'overholdt');
        assert.equal(redAnswer.participants.length, 8);
        assert.ok(redAnswer.participants.some((p: { escalatedFromId: string | null }) => p.escalatedFromId !== null));
        const yellowAnswer = (await api('GET', `/api/v1/beredskab/haendelser/${yellow.id}/indkaldelse`, secretariat)).json();
        const responses = yellowAnswer.participants.map((p: { response: string }) => p.response);
        for (const r of ['kommer', 'kommer_ikke', 'afventer']) assert.ok(responses.includes(r), r);
        assert.equal(yellowAnswer.warning, null);
        assert.equal(yellowAnswer.deadlineOutcome, 'aaben');
      });

    it('escalates from the server\'s timer, logs a failing run instead of crashing, and stops when told', async () => {
      const timed = await insertIncident(app, { level: 'roed', activatedAt: now, description: 'Overfald ved stationen (timertest)' });
      await conveningServiceFor(app.services).onLevelSet(SYSTEM_ACTOR, app.planId, timed.id);
      now = minutes(61);
      const errors: unknown[] = [];
      const stop = scheduleEscalation(app.services, { error: (err) => errors.push(err) }, 20);
      const broken = scheduleEscalation({ ...app.services, database: { ...app.services.database, db: null } } as unknown as AppServices, { error: (err) => errors.push(err) }, 20);
      const escalated = async () => (await app.db.database.db.selectFrom('crisis_participants').select('id').where('incident_id', '=', timed.id).where('escalated_at', 'is not', null).execute()).length;
      for (let i = 0; i < 100 && ((await escalated()) === 0 || errors.length === 0); i++) await new Promise((r) => setTimeout(r, 20));
      stop();
      broken();
      assert.ok((await escalated()) > 0, 'the timer escalated the silent members');
      assert.ok(errors.length > 0 && errors.every((e) => e instanceof Error), 'a failing run is handed to the log');
      const seen = errors.length;
      await new Promise((r) => setTimeout(r, 80));
      assert.equal(errors.length, seen, 'no run after stop');
    });

    it('lists its API in the OpenAPI document', async () => {
      const doc = (await app.request({ method: 'GET', url: '/api/openapi.json' })).body;
      for (const path of ['/api/v1/beredskab/deadline', '/api/v1/beredskab/indstillinger', '/api/v1/beredskab/haendelser/{id}/indkaldelse', '/api/v1/beredskab/haendelser/{id}/moede', '/api/v1/beredskab/svar/{token}']) {
        assert.ok(doc.includes(path), path);
      }
    });
  });
}
