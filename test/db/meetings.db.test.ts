import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { meetingServiceFor, seedDemoMeetings } from '../../src/governance/meetings.service.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Mid-January 2026: the year's calendar is not made yet. */
const NOW = new Date('2026-01-15T12:00:00Z');

interface ApiMeeting {
  id: string;
  body: string;
  kind: string;
  date: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  title: string;
  status: string;
  icsSequence: number;
}
interface ApiMember {
  id: string;
  role: string;
  organisation: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  substituteFor: string | null;
  isAuthority: boolean;
}

for (const engine of testEngines()) {
  describe(`bodies, meetings and calendars on ${engine}`, () => {
    let app: TestApp;
    let secretariat: Session;
    let board: Session;
    let partner: Session;
    let crisis: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
      partner = await app.sessionFor('partner');
      crisis = await app.sessionFor('beredskab');
    });
    after(() => app.close());

    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s?: Session) => app.request({ method: 'GET', url, ...(s ? { cookies: cookies(s) } : {}) });
    const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string>) =>
      app.request({ method: 'POST', url, payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: cookies(s) });

    async function calendar(year: number): Promise<{ meetings: ApiMeeting[]; warnings: { meetingId: string | null; message: string }[] }> {
      const response = await get(`/api/v1/meetings?year=${year}`, board);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    }
    const spring = async (body: string) => (await calendar(2026)).meetings.find((m) => m.body === body && m.kind === 'forår')!;
    async function members(body: string, s: Session): Promise<ApiMember[]> {
      const response = await get(`/api/v1/bodies/${body}/members`, s);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    }

    it('generates Randers\u2019 2026 calendar as the seven meetings of the cadence, with no warnings', async () => {
      const response = await send('POST', '/api/v1/meetings/generate', secretariat, { year: 2026 });
      assert.equal(response.statusCode, 201, response.body);
      const { meetings, warnings } = await calendar(2026);
      assert.deepEqual(
        meetings.map((m) => `${m.date} ${m.startsAt} ${m.body} ${m.kind}`),
        [
          '2026-02-24 14:00 bestyrelse strategisk',
          '2026-05-05 14:00 styregruppe forår',
          '2026-05-26 14:00 bestyrelse forår',
          '2026-06-16 14:00 styregruppe sommer',
          '2026-09-29 14:00 bestyrelse strategisk',
          '2026-11-03 14:00 styregruppe efterår',
          '2026-11-24 14:00 bestyrelse efterår',
        ],
      );
      assert.deepEqual(warnings, []);
      const steering = (await get('/api/v1/meetings?year=2026&body=styregruppe', board)).json() as { meetings: ApiMeeting[] };
      assert.deepEqual(steering.meetings.map((m) => m.kind), ['forår', 'sommer', 'efterår']);
      const page = await get('/styring/moeder?aar=2026', board);
      assert.match(page.body, /Styregruppemøde \(forår\)/);
    });

    it('refuses to generate 2026 a second time, saying the year already has meetings, and keeps seven', async () => {
      const api = await send('POST', '/api/v1/meetings/generate', secretariat, { year: 2026 });
      assert.equal(api.statusCode, 409);
      assert.match(api.json().error.message, /allerede 7 møder i kalenderen for 2026/);
      const page = await form('/styring/moeder/dan', secretariat, { year: '2026' });
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /Kalenderen blev ikke dannet/);
      assert.equal((await calendar(2026)).meetings.length, 7);
    });

    it('warns through the API when the spring steering meeting is moved to ten days before the board, and raises its sequence', async () => {
      const steering = await spring('styregruppe');
      const response = await send('PUT', `/api/v1/meetings/${steering.id}`, secretariat, { title: steering.title, date: '2026-05-16', startsAt: '14:00', status: 'planlagt' });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json() as { meeting: ApiMeeting; warnings: { meetingId: string | null; message: string }[] };
      assert.equal(body.meeting.icsSequence, 1);
      const lead = body.warnings.find((w) => /kun 10 dage før bestyrelsens/.test(w.message));
      assert.ok(lead, JSON.stringify(body.warnings));
      assert.equal(lead.meetingId, steering.id);
      const page = await get(`/styring/moeder/${steering.id}`, secretariat);
      assert.match(page.body, /kun 10 dage før bestyrelsens/);
      const back = await form(`/styring/moeder/${steering.id}/rediger`, secretariat, { title: steering.title, date: '2026-05-05', startsAt: '14:00', durationMinutes: '120', location: 'Bysekretariatet', status: 'planlagt' });
      assert.equal(back.statusCode, 303);
      const restored = await spring('styregruppe');
      assert.equal(restored.icsSequence, 2);
      assert.equal(restored.location, 'Bysekretariatet');
      assert.deepEqual((await calendar(2026)).warnings, []);
    });

    it('answers a meeting that is not a real date or time with 400 and Danish messages by field', async () => {
      const steering = await spring('styregruppe');
      const response = await send('PUT', `/api/v1/meetings/${steering.id}`, secretariat, { title: '', date: '2026-02-30', startsAt: '25:00', status: 'planlagt' });
      assert.equal(response.statusCode, 400);
      const fields = (response.json().error.fields as { field: string; message: string }[]).map((f) => f.field).sort();
      assert.deepEqual(fields, ['date', 'startsAt', 'title']);
      const page = await form(`/styring/moeder/${steering.id}/rediger`, secretariat, { title: 'Styregruppemøde', date: '5. maj', startsAt: '14:00', durationMinutes: 'to timer', location: '', status: 'planlagt' });
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: /);
      assert.match(page.body, /Datoen skal være en rigtig dato/);
      assert.match(page.body, /Varigheden skal være et helt antal minutter/);
    });

    it('adds an extra meeting that the cadence does not count', async () => {
      const response = await send('POST', '/api/v1/meetings', secretariat, { body: 'bestyrelse', title: 'Temamøde om udlejning', date: '2026-03-17', startsAt: '09:00', location: 'Rådhuset' });
      assert.equal(response.statusCode, 201, response.body);
      const { meetings, warnings } = await calendar(2026);
      assert.equal(meetings.length, 8);
      assert.equal(meetings.find((m) => m.title === 'Temamøde om udlejning')?.kind, 'ekstra');
      assert.deepEqual(warnings, []);
    });

    it('finds a body\u2019s next and previous meetings, passing over cancelled ones', async () => {
      const service = meetingServiceFor(app.services);
      assert.equal((await service.nextOf(app.planId, 'bestyrelse', '2026-02-24'))?.title, 'Temamøde om udlejning');
      assert.equal((await service.previousOf(app.planId, 'styregruppe', '2026-06-16'))?.date, '2026-05-05');
      const summer = (await calendar(2026)).meetings.find((m) => m.body === 'styregruppe' && m.kind === 'sommer')!;
      await send('PUT', `/api/v1/meetings/${summer.id}`, secretariat, { title: summer.title, date: summer.date, startsAt: summer.startsAt, status: 'aflyst' });
      assert.equal((await service.nextOf(app.planId, 'styregruppe', '2026-05-05'))?.kind, 'efterår');
      await send('PUT', `/api/v1/meetings/${summer.id}`, secretariat, { title: summer.title, date: summer.date, startsAt: summer.startsAt, status: 'planlagt' });
      assert.equal(await service.previousOf(app.planId, 'bestyrelse', '2026-01-01'), null);
    });

    it('lets no partner change a meeting, the calendar or a member', async () => {
      const steering = await spring('styregruppe');
      assert.equal((await send('PUT', `/api/v1/meetings/${steering.id}`, partner, { title: 'x', date: '2026-05-12', startsAt: '14:00', status: 'planlagt' })).statusCode, 403);
      assert.equal((await send('POST', '/api/v1/meetings/generate', partner, { year: 2027 })).statusCode, 403);
      assert.equal((await form(`/styring/moeder/${steering.id}/rediger`, partner, { title: 'x', date: '2026-05-12', startsAt: '14:00', durationMinutes: '120', status: 'planlagt' })).statusCode, 403);
      assert.equal((await send('POST', '/api/v1/bodies/styregruppe/members', partner, { role: 'medlem', organisation: 'X' })).statusCode, 403);
      assert.equal((await get(`/styring/moeder/${steering.id}`, partner)).statusCode, 200);
      assert.equal((await spring('styregruppe')).date, '2026-05-05');
    });

    it('seeds the bodies from the plan once, with the board\u2019s chair, so a deleted member stays deleted', async () => {
      const bodies = (await get('/api/v1/bodies', board)).json() as { body: string; chair: ApiMember | null; members: number; substitutes: number }[];
      const boardBody = bodies.find((b) => b.body === 'bestyrelse')!;
      assert.equal(boardBody.members, 6);
      assert.equal(boardBody.chair?.role, 'formand');
      assert.equal(boardBody.chair?.organisation, 'Randers Kommune');
      const crisisGroup = bodies.find((b) => b.body === 'beredskabsgruppe')!;
      assert.equal(crisisGroup.members, 7);
      assert.equal(crisisGroup.substitutes, 1);

      const steering = await members('styregruppe', secretariat);
      const removed = steering.find((m) => m.role === 'medlem')!;
      assert.equal((await send('DELETE', `/api/v1/bodies/styregruppe/members/${removed.id}`, secretariat)).statusCode, 204);
      await meetingServiceFor(app.services).ensureMembers(app.planId);
      const after = await members('styregruppe', secretariat);
      assert.equal(after.length, steering.length - 1);
      assert.ok(!after.some((m) => m.id === removed.id));
      const audit = await app.db.database.db.selectFrom('audit_log').select('summary').where('entity_type', '=', 'body_member').where('action', '=', 'delete').execute();
      assert.equal(audit.length, 1);
    });

    it('marks a substitute for a member and refuses a substitute for a substitute', async () => {
      const crisisMembers = await members('beredskabsgruppe', secretariat);
      const police = crisisMembers.find((m) => m.role === 'Politikommissær' && m.substituteFor === null)!;
      const substitute = crisisMembers.find((m) => m.substituteFor === police.id);
      assert.equal(substitute?.name, 'Allan Aarslev');
      assert.equal(substitute?.isAuthority, true);
      const bad = await send('POST', '/api/v1/bodies/beredskabsgruppe/members', secretariat, { role: 'Politikommissær', organisation: 'Østjyllands Politi', substituteFor: substitute!.id });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.fields[0].field, 'substituteFor');
    });

    it('shows members\u2019 e-mail and phone to the secretariat, and to the crisis group for its own members, never to the board', async () => {
      const chair = (await members('bestyrelse', secretariat)).find((m) => m.role === 'formand')!;
      const saved = await send('PUT', `/api/v1/bodies/bestyrelse/members/${chair.id}`, secretariat, { role: 'formand', organisation: chair.organisation, position: 'Direktør, Udvikling, Miljø og Teknik', email: 'formand@randers.example', phone: '8915 1515' });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal((await members('bestyrelse', secretariat)).find((m) => m.id === chair.id)?.email, 'formand@randers.example');
      const seenByBoard = (await members('bestyrelse', board)).find((m) => m.id === chair.id)!;
      assert.equal(seenByBoard.email, null);
      assert.equal(seenByBoard.phone, null);
      const boardPage = await get('/styring/organer/bestyrelse', board);
      assert.equal(boardPage.statusCode, 200);
      assert.doesNotMatch(boardPage.body, /formand@randers\.example|8915 1515/);
      assert.ok((await members('beredskabsgruppe', crisis)).some((m) => m.phone === '25583249'));
      assert.ok((await members('beredskabsgruppe', board)).every((m) => m.phone === null));
    });

    it('adds, corrects and removes a member through the pages, naming each wrong field, and audits every change', async () => {
      const wrong = await form('/styring/organer/styregruppe/medlemmer', secretariat, { role: '', organisation: 'Lejerbo', email: 'ikke-en-adresse', phone: 'ring til mig' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /<title>Fejl: /);
      for (const field of ['role', 'email', 'phone']) assert.match(wrong.body, new RegExp(`href="#felt-${field}"`));
      const added = await form('/styring/organer/styregruppe/medlemmer', secretariat, { role: 'medlem', organisation: 'Lejerbo', position: 'Driftschef', email: 'drift@lejerbo.example' });
      assert.equal(added.statusCode, 303);
      const member = (await members('styregruppe', secretariat)).find((m) => m.email === 'drift@lejerbo.example')!;
      const page = await get(`/styring/organer/styregruppe/medlemmer/${member.id}`, secretariat);
      assert.match(page.body, /Driftschef/);
      const principal = (await members('styregruppe', secretariat)).find((m) => m.role === 'formand')!;
      const edited = await form(`/styring/organer/styregruppe/medlemmer/${member.id}`, secretariat, { role: 'suppleant', organisation: 'Lejerbo', position: 'Driftschef', substituteFor: principal.id });
      assert.equal(edited.statusCode, 303);
      assert.equal((await members('styregruppe', secretariat)).find((m) => m.id === member.id)?.substituteFor, principal.id);
      assert.equal((await form(`/styring/organer/styregruppe/medlemmer/${member.id}/fjern`, secretariat, {})).statusCode, 303);
      assert.ok(!(await members('styregruppe', secretariat)).some((m) => m.id === member.id));
      const audit = await app.db.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'body_member').where('entity_id', '=', member.id).orderBy('at').orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['create', 'update', 'delete']);
    });

    it('downloads an invitation to the members with e-mail, and a cancellation once the meeting is cancelled', async () => {
      const boardSpring = await spring('bestyrelse');
      const invitation = await get(`/styring/moeder/${boardSpring.id}/invitation.ics`, secretariat);
      assert.equal(invitation.statusCode, 200, invitation.body);
      assert.match(invitation.headers['content-type'] as string, /^text\/calendar/);
      const unfolded = invitation.body.replace(/\r\n /g, '');
      assert.match(unfolded, /METHOD:REQUEST/);
      assert.deepEqual(unfolded.match(/^ATTENDEE;.*$/gm)?.map((line) => line.slice(line.lastIndexOf(':') + 1).trim()), ['formand@randers.example']);
      assert.match(unfolded, /ORGANIZER;CN="Test sekretariat":mailto:sekretariat@helhed\.test/);
      assert.equal((await get(`/styring/moeder/${boardSpring.id}/invitation.ics`, board)).statusCode, 403);

      await send('PUT', `/api/v1/meetings/${boardSpring.id}`, secretariat, { title: boardSpring.title, date: boardSpring.date, startsAt: boardSpring.startsAt, status: 'aflyst' });
      const cancellation = await get(`/api/v1/meetings/${boardSpring.id}/invitation.ics`, secretariat);
      assert.match(cancellation.body, /METHOD:CANCEL/);
      assert.match(cancellation.body, /STATUS:CANCELLED/);
      assert.match(cancellation.body, /SEQUENCE:1/);
      const { warnings } = await calendar(2026);
      assert.ok(warnings.some((w) => /forårsmøde 2026 mangler/.test(w.message)));
      await send('PUT', `/api/v1/meetings/${boardSpring.id}`, secretariat, { title: boardSpring.title, date: boardSpring.date, startsAt: boardSpring.startsAt, status: 'planlagt' });
    });

    it('refuses an invitation for a body whose members have no e-mail, saying what to do', async () => {
      const steering = await spring('styregruppe');
      const response = await get(`/api/v1/meetings/${steering.id}/invitation.ics`, secretariat);
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.message, /Ingen af styregruppens medlemmer har en e-mailadresse/);
    });

    it('gives a personal calendar feed whose token is stored only hashed, and answers 404 once revoked', async () => {
      const created = await form('/styring/kalender', board, {});
      assert.equal(created.statusCode, 201);
      const url = /<code id="kalenderadresse">([^<]+)<\/code>/.exec(created.body)?.[1];
      assert.ok(url, 'the new address is shown');
      const path = new URL(url).pathname;
      const token = /^\/kalender\/([^/]+)\/helhed\.ics$/.exec(path)![1]!;
      assert.equal(Buffer.from(token, 'base64url').length, 32);

      const feed = await get(path);
      assert.equal(feed.statusCode, 200);
      assert.match(feed.headers['content-type'] as string, /^text\/calendar/);
      assert.match(feed.body, /METHOD:PUBLISH/);
      assert.equal(feed.body.match(/BEGIN:VEVENT/g)?.length, 8);

      const rows = await app.db.database.db.selectFrom('calendar_feeds').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
      assert.ok(!JSON.stringify(rows).includes(token));
      assert.doesNotMatch((await get('/styring/kalender', board)).body, new RegExp(token));

      const revoked = await form(`/styring/kalender/${rows[0]!.id}/tilbagekald`, board, {});
      assert.equal(revoked.statusCode, 303);
      assert.equal((await get(path)).statusCode, 404);
      assert.equal((await get('/kalender/ikke-en-rigtig-noegle/helhed.ics')).statusCode, 404);
    });

    it('stops a deactivated user\u2019s feed', async () => {
      const created = await form('/styring/kalender', partner, {});
      const path = new URL(/<code id="kalenderadresse">([^<]+)<\/code>/.exec(created.body)![1]!).pathname;
      assert.equal((await get(path)).statusCode, 200);
      await app.db.database.db.updateTable('users').set({ active: 0 }).where('email', '=', partner.email).execute();
      assert.equal((await get(path)).statusCode, 404);
    });

    it('shows the hub with the next meetings and days to go, and Økonomi only to those who may read the economy', async () => {
      const hub = await get('/styring', board);
      assert.equal(hub.statusCode, 200);
      assert.match(hub.body, /Bestyrelsesmøde \(strategisk\) 24\. februar 2026<\/a> kl\. 14:00 – om 40 dage/);
      assert.match(hub.body, /href="\/oekonomi"/);
      const forCrisisGroup = await get('/styring', crisis);
      assert.doesNotMatch(forCrisisGroup.body, /href="\/oekonomi"/);
    });

    it('seeds demo meetings for this year and the next, and demo addresses for the members, once however often it runs', async () => {
      const made = await seedDemoMeetings(app.db.database, app.planId, () => NOW, app.services.plan);
      assert.equal(made, 7);
      const steering = await members('styregruppe', secretariat);
      assert.ok(steering.every((m) => m.email !== null && m.email.endsWith('@helhed.example')));
      await send('PUT', `/api/v1/bodies/styregruppe/members/${steering[0]!.id}`, secretariat, { role: steering[0]!.role, organisation: steering[0]!.organisation, email: null });
      assert.equal(await seedDemoMeetings(app.db.database, app.planId, () => NOW, app.services.plan), 0);
      assert.equal((await members('styregruppe', secretariat))[0]!.email, null, 'a second run leaves the secretariat\u2019s changes');
      assert.equal((await calendar(2027)).meetings.length, 7);
    });
  });
}
