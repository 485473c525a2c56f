import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { staffHourServiceFor } from '../../src/activities/staff-hours.service.js';
import { meetingServiceFor } from '../../src/governance/meetings.service.js';
import { milestoneServiceFor } from '../../src/governance/milestones.service.js';
import { grantActivity } from '../fixtures/participants/index.js';
import { testEngines } from '../support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { login, startTestApp, USER_PASSWORD, type Session, type TestApp } from '../support/test-app.js';

/** Monday 2 March 2026; the steering group meets on Tuesday 14 April, after Easter. */
const START = new Date('2026-03-02T09:00:00Z');
let now = START;
const MEETING = { body: 'styregruppe', kind: 'forår', title: 'Styregruppemøde (forår)', date: '2026-04-14', startsAt: '14:00', durationMinutes: 120, location: null };

for (const engine of testEngines()) {
  describe(`data deliveries on ${engine}`, () => {
    let smtp: TestSmtpServer;
    let app: TestApp;
    let secretariat: Session;
    let uur1: Session;
    let ppr: Session;
    let meetingId: string;
    let orgIds: Record<string, string>;

    before(async () => {
      now = START;
      smtp = await startSmtpServer();
      app = await startTestApp(engine, { clock: () => now, env: { HELHED_SMTP_URL: smtp.url, HELHED_PUBLIC_URL: 'https://helhed.example' } });
      secretariat = await app.sessionFor('sekretariat');
      uur1 = await app.userSession({ email: 'uur1@helhed.test', roles: ['partner'], organisation: 'UUR' });
      await app.userSession({ email: 'uur2@helhed.test', roles: ['partner'], organisation: 'UUR' });
      ppr = await app.userSession({ email: 'ppr@helhed.test', roles: ['partner'], organisation: 'PPR' });
      await app.userSession({ email: 'sundhed@helhed.test', roles: ['partner'], organisation: 'Sundhedsplejen' });
      meetingId = (await meetingServiceFor(app.services).create(SYSTEM_ACTOR, app.planId, MEETING)).id;
      const rows = await app.db.database.db.selectFrom('organisations').select(['id', 'name']).where('plan_id', '=', app.planId).execute();
      orgIds = Object.fromEntries(rows.map((r) => [r.name, r.id]));
    });
    after(async () => {
      await app.close();
      await smtp.close();
    });

    const get = (url: string, session: Session) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });
    const form = (url: string, session: Session, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries({ _csrf: session.csrf, ...fields })) for (const x of [v].flat()) body.append(k, x);
      return app.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_session: session.cookie } });
    };
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, session: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    const requestOf = async (organisation: string) =>
      app.db.database.db.selectFrom('delivery_requests').selectAll().where('meeting_id', '=', meetingId).where('organisation_id', '=', orgIds[organisation]!).executeTakeFirstOrThrow();

    it('sends each partner user of the asked organisations the request with the deadline in Danish and a link', async () => {
      const response = await form(`/styring/moeder/${meetingId}/leverancer`, secretariat, { organisationIds: [orgIds.UUR!, orgIds.PPR!], deadline: '2026-03-26' });
      assert.equal(response.statusCode, 303, response.body);
      assert.deepEqual(smtp.received.flatMap((m) => m.to).sort(), ['ppr@helhed.test', 'uur1@helhed.test', 'uur2@helhed.test']);
      const [mail] = smtp.to('uur1@helhed.test');
      assert.equal(mail!.subject, 'Leverance til Styregruppemøde (forår) 14. april 2026: frist 26. marts 2026');
      assert.match(mail!.text, /Vi beder UUR om at levere status/);
      assert.match(mail!.text, /senest 26\. marts 2026/);
      const request = await requestOf('UUR');
      assert.match(mail!.text, new RegExp(`https://helhed\\.example/styring/leverancer/${request.id}`));
      const page = await get(`/styring/moeder/${meetingId}/leverancer`, secretariat);
      assert.match(page.body, /Anmodning til uur1@helhed\.test: sendt/);
    });

    it('moves the deadline when asked again, without a second request', async () => {
      smtp.clear();
      const response = await form(`/styring/moeder/${meetingId}/leverancer`, secretariat, { organisationIds: orgIds.UUR!, deadline: '2026-03-27' });
      assert.equal(response.statusCode, 303, response.body);
      const rows = await app.db.database.db.selectFrom('delivery_requests').select('deadline').where('meeting_id', '=', meetingId).where('organisation_id', '=', orgIds.UUR!).execute();
      assert.deepEqual(rows, [{ deadline: '2026-03-27' }]);
      assert.match(smtp.to('uur2@helhed.test')[0]!.subject, /frist 27\. marts 2026/);
    });

    it('refuses a deadline after the meeting with an error summary linked to the field', async () => {
      const response = await form(`/styring/moeder/${meetingId}/leverancer`, secretariat, { organisationIds: orgIds.UUR!, deadline: '2026-04-20' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /<title>Fejl: /);
      assert.match(response.body, /href="#felt-deadline"[^>]*>Fristen skal ligge før mødet 14\. april 2026/);
    });

    it('tells a partner of another organisation that the request does not exist', async () => {
      const request = await requestOf('UUR');
      assert.equal((await get(`/styring/leverancer/${request.id}`, ppr)).statusCode, 404);
      assert.equal((await api('PUT', `/api/v1/deliveries/${request.id}/items/familieorienteret-uddannelsesvejledning`, ppr, { narrative: 'Ikke vores' })).statusCode, 404);
      assert.equal((await api('POST', `/api/v1/deliveries/${request.id}/deliver`, ppr)).statusCode, 404);
      const own = (await api('GET', '/api/v1/deliveries', ppr)).json() as { requests: { organisation: string }[] };
      assert.deepEqual(own.requests.map((r) => r.organisation), ['PPR']);
    });

    it('lets a partner set the status of its activity\u2019s milestone from the delivery, and shows it in the figures', async () => {
      const milestoneId = await milestoneServiceFor(app.services).create(SYSTEM_ACTOR, app.planId, {
        interventionArea: 'uddannelse-og-livschancer',
        activity: 'familieorienteret-uddannelsesvejledning',
        title: 'Første familier i forløb',
        dueDate: '2026-05-01',
        owner: 'UUR',
        status: 'ikke startet',
        completedOn: null,
        note: null,
        dependsOn: [],
      });
      // The milestone service lets a partner set the statuses of its organisation's granted activities.
      await grantActivity(app.db.database.db, app.planId, 'familieorienteret-uddannelsesvejledning', { organisationName: 'UUR' });
      const request = await requestOf('UUR');
      assert.match((await get(`/styring/leverancer/${request.id}`, uur1)).body, /Gem status for Første familier i forløb/);
      assert.equal((await form(`/styring/leverancer/${request.id}/milepaele/${milestoneId}`, ppr, { status: 'i gang' })).statusCode, 404);
      const set = await form(`/styring/leverancer/${request.id}/milepaele/${milestoneId}`, uur1, { status: 'i gang' });
      assert.equal(set.statusCode, 303, set.body);
      const item = (await api('GET', `/api/v1/deliveries/${request.id}/items/familieorienteret-uddannelsesvejledning`, uur1)).json() as { figures: { milestones: { title: string; status: string }[] } };
      assert.deepEqual(item.figures.milestones.map((m) => [m.title, m.status]), [['Første familier i forløb', 'i gang']]);
    });

    it('keeps the hours as they were when delivered, after a later correction', async () => {
      const { lines } = await staffHourServiceFor(app.services).agreed(app.planId);
      const line = lines.find((l) => l.organisation === 'UUR' && l.activitySlug === 'familieorienteret-uddannelsesvejledning')!;
      const report = (hours: number) => api('POST', '/api/v1/staff-hours/reports', uur1, { line: line.key, month: '2026-02', hours });
      assert.equal((await report(30)).statusCode, 204);
      const request = await requestOf('UUR');
      const saved = await api('PUT', `/api/v1/deliveries/${request.id}/items/familieorienteret-uddannelsesvejledning`, uur1, { narrative: 'Seks familier i forløb; to er afsluttet.' });
      assert.equal(saved.statusCode, 204, saved.body);
      assert.equal((await api('POST', `/api/v1/deliveries/${request.id}/deliver`, uur1)).statusCode, 204);
      assert.equal((await report(45)).statusCode, 204);

      const overview = (await api('GET', `/api/v1/meetings/${meetingId}/deliveries`, secretariat)).json() as {
        requests: { organisation: string; status: string; deliveredBy: string; items: { activity: string; narrative: string; figures: { hours: { delivered: number }[] } }[] }[];
      };
      const uur = overview.requests.find((r) => r.organisation === 'UUR')!;
      assert.equal(uur.status, 'leveret');
      assert.equal(uur.deliveredBy, 'uur1@helhed.test');
      const item = uur.items.find((i) => i.activity === 'familieorienteret-uddannelsesvejledning')!;
      assert.equal(item.narrative, 'Seks familier i forløb; to er afsluttet.');
      assert.deepEqual(item.figures.hours.map((h) => h.delivered), [30]);
      const page = await get(`/styring/moeder/${meetingId}/leverancer`, secretariat);
      assert.match(page.body, /Seks familier i forløb; to er afsluttet\./);
    });

    it('reminds only the organisations that have not delivered, and counts the reminder', async () => {
      smtp.clear();
      now = new Date('2026-03-30T08:00:00Z');
      // Four weeks on, the sessions have expired.
      secretariat = await login(app, secretariat.email, USER_PASSWORD);
      ppr = await login(app, ppr.email, USER_PASSWORD);
      const response = await form(`/styring/moeder/${meetingId}/leverancer/paamindelser`, secretariat, {});
      assert.equal(response.statusCode, 303, response.body);
      assert.deepEqual(smtp.received.flatMap((m) => m.to), ['ppr@helhed.test']);
      assert.match(smtp.received[0]!.text, /Fristen for PPRs leverance .* var 26\. marts 2026, og vi har ikke modtaget den/);
      const pprRequest = await requestOf('PPR');
      assert.equal(Number(pprRequest.reminder_count), 1);
      assert.ok(pprRequest.last_reminded_at);
      assert.equal(Number((await requestOf('UUR')).reminder_count), 0);
      const page = await get(`/styring/moeder/${meetingId}/leverancer`, secretariat);
      assert.match(page.body, /overskredet/);
      const missing = await (await import('../../src/governance/deliveries.service.js')).deliveryServiceFor(app.services).missing(app.planId, meetingId);
      assert.deepEqual(missing, [{ organisation: 'PPR', deadline: '2026-03-26' }]);
    });

    it('marks a delivery after the deadline «leveret for sent», and lets the secretariat reopen it', async () => {
      const request = await requestOf('PPR');
      const delivered = await form(`/styring/leverancer/${request.id}/aflever`, ppr, {});
      assert.equal(delivered.statusCode, 303, delivered.body);
      assert.match((await get(`/styring/leverancer/${request.id}`, ppr)).body, /leveret for sent/);
      assert.equal((await form(`/styring/leverancer/${request.id}/genaabn`, ppr, {})).statusCode, 403);
      assert.equal((await api('POST', `/api/v1/deliveries/${request.id}/reopen`, secretariat)).statusCode, 204);
      assert.equal((await requestOf('PPR')).delivered_at, null);
    });
  });

  describe(`data deliveries without SMTP on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine, { clock: () => new Date('2026-03-02T09:00:00Z') });
    });
    after(() => app.close());

    it('records the request as not sent and says so on the page, instead of failing', async () => {
      const secretariat = await app.sessionFor('sekretariat');
      await app.userSession({ email: 'uur@helhed.test', roles: ['partner'], organisation: 'UUR' });
      const meetingId = (await meetingServiceFor(app.services).create(SYSTEM_ACTOR, app.planId, MEETING)).id;
      const uur = await app.db.database.db.selectFrom('organisations').select('id').where('name', '=', 'UUR').executeTakeFirstOrThrow();
      const response = await app.request({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/deliveries`,
        payload: { organisationIds: [uur.id], deadline: '2026-03-26' },
        headers: { 'x-csrf-token': secretariat.csrf },
        cookies: { helhed_session: secretariat.cookie },
      });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json() as { mailConfigured: boolean; mails: { recipient: string; status: string; error: string }[] };
      assert.equal(body.mailConfigured, false);
      assert.deepEqual(
        body.mails.map((m) => [m.recipient, m.status, m.error]),
        [['uur@helhed.test', 'ikke sendt', 'SMTP er ikke sat op']],
      );
      const recorded = await app.db.database.db.selectFrom('sent_mails').select(['status', 'error', 'purpose']).execute();
      assert.deepEqual(recorded, [{ status: 'ikke sendt', error: 'SMTP er ikke sat op', purpose: 'delivery-request' }]);
      const page = await app.request({ method: 'GET', url: `/styring/moeder/${meetingId}/leverancer`, cookies: { helhed_session: secretariat.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /E-mail er ikke sat op/);
      assert.match(page.body, /Anmodning til uur@helhed\.test: ikke sendt: SMTP er ikke sat op/);
    });
  });

  describe(`demo deliveries on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine, { clock: () => START });
    });
    after(() => app.close());

    it('asks the organisations for the next steering meeting and delivers two with narratives, once', async () => {
      await app.userSession({ email: 'uur@helhed.test', roles: ['partner'], organisation: 'UUR' });
      await app.userSession({ email: 'ppr@helhed.test', roles: ['partner'], organisation: 'PPR' });
      const { seedDemoDeliveries, deliveryServiceFor } = await import('../../src/governance/deliveries.service.js');
      assert.equal(await seedDemoDeliveries(app.db.database, app.planId, () => START), 2);
      assert.equal(await seedDemoDeliveries(app.db.database, app.planId, () => START), 0);
      const [meeting] = await meetingServiceFor(app.services).list(app.planId, { year: 2026, body: 'styregruppe' }).then((ms) => ms.filter((m) => m.date > '2026-03-02'));
      const { requests } = await deliveryServiceFor(app.services).forMeeting(app.planId, meeting!.id);
      assert.deepEqual(requests.map((r) => [r.organisationName, r.deliveredAt !== null]), [['PPR', true], ['UUR', true]]);
      assert.ok(requests.every((r) => r.items.length > 0 && r.items.every((i) => /Demodata/.test(i.narrative ?? '') && i.figures !== null)));
    });
  });
}

describe('the mailer', () => {
  it('reports a message the SMTP server could not take as «fejlet» with the reason, without the password', async () => {
    const { createMailer } = await import('../../src/mail/mailer.js');
    const smtp = await startSmtpServer();
    const port = new URL(smtp.url).port;
    await smtp.close();
    const mailer = createMailer({ smtpUrl: `smtp://bruger:hemmelig@127.0.0.1:${port}`, from: 'Helhed <helhed@localhost>' });
    const outcome = await mailer.send({ to: 'uur@helhed.test', subject: 'Leverance', text: 'Tekst' });
    mailer.close();
    assert.equal(outcome.status, 'fejlet');
    assert.ok('error' in outcome && /ECONNREFUSED/.test(outcome.error), JSON.stringify(outcome));
    assert.doesNotMatch(JSON.stringify(outcome), /hemmelig/);
  });
});
