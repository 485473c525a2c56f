import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { aCourse, aHousehold, anEnrolment, aParticipant, aSession, grantActivity, insertRows } from '../fixtures/participants/index.js';

/** 182 of the 365 days of plan year 2025/26 have passed by the end of 29 January 2026. */
const NOW = new Date('2026-01-29T12:00:00Z');

for (const engine of testEngines()) {
  describe(`outputs against targets on ${engine}`, () => {
    let app: TestApp;
    let board: Session;
    let secretariat: Session;
    let partner: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      board = await app.sessionFor('bestyrelse');
      secretariat = await app.sessionFor('sekretariat');
      partner = await app.userSession({ email: 'skole@helhed.test', roles: ['partner'], organisation: 'Nørrevangsskolen' });
      await grantActivity(app.db.database.db, app.planId, 'brandkadet', { userEmail: secretariat.email });
      await grantActivity(app.db.database.db, app.planId, 'trivsel-i-skolen', { organisationName: 'Nørrevangsskolen' });
    });
    after(() => app.close());

    const get = (url: string, session: Session) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });
    const post = (url: string, session: Session, payload: object) =>
      app.request({ method: 'POST', url, payload, headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });

    /** Enrols `n` youths from Vangdalen in an activity from a date. */
    async function enrol(activity: string, n: number, startDate: string, area: string | null = 'vangdalen', endDate: string | null = null) {
      const participants = Array.from({ length: n }, () => aParticipant(app.planId, { area_slug: area }));
      await insertRows(app.db.database.db, {
        participants,
        enrolments: participants.map((p) => anEnrolment(app.planId, p.id, activity, { start_date: startDate, end_date: endDate, status: endDate ? 'afsluttet' : 'aktiv' })),
      });
    }

    /** The row of a target in the activity page's table, as text. */
    async function targetRow(activity: string, session: Session, measure: string, year = '2025/26'): Promise<string> {
      const response = await get(`/resultater/aktiviteter/${activity}?aar=${encodeURIComponent(year)}`, session);
      assert.equal(response.statusCode, 200, response.body);
      const row = response.body.split('<tr>').find((r) => r.includes(measure));
      assert.ok(row, `no row for ${measure}`);
      return row.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/\s+/g, ' ');
    }

    it('shows the board Brandkadet\u2019s 3 youths as «<5», and the secretariat granted Brandkadet the 3', async () => {
      await enrol('brandkadet', 3, '2025-09-01', 'vangdalen', '2025-12-15');
      await enrol('brandkadet', 2, '2025-09-01', null, '2025-12-15');
      const boardRow = await targetRow('brandkadet', board, 'unge fra boligområderne, der deltager');
      assert.match(boardRow, /<5/);
      assert.doesNotMatch(boardRow, /med det nuværende tempo/);
      const secretariatRow = await targetRow('brandkadet', secretariat, 'unge fra boligområderne, der deltager');
      assert.match(secretariatRow, /\b3 af mindst 12: bagud – med det nuværende tempo: 6 af mindst 12 inden 31\. juli 2026/);
    });

    it('judges Brandkadet «opfyldt» with 12 youths from the areas', async () => {
      await enrol('brandkadet', 12, '2026-08-15');
      const row = await targetRow('brandkadet', board, 'unge fra boligområderne, der deltager', '2026/27');
      assert.match(row, /12 af mindst 12: opfyldt/);
    });

    it('forecasts at the present pace: 10 pupils by 29 January reach 20 of «ca. 35» by 31 July', async () => {
      await enrol('trivsel-i-skolen', 10, '2025-10-01');
      const row = await targetRow('trivsel-i-skolen', partner, 'børn og unge i indsatsen');
      assert.match(row, /10 af ca\. 35: bagud – med det nuværende tempo: 20 af ca\. 35 inden 31\. juli 2026/);
    });

    it('counts a family of two children in Trivselsforløb once, and a child without a household as a family of one', async () => {
      const family = aHousehold(app.planId);
      const children = [aParticipant(app.planId, { household_id: family.id }), aParticipant(app.planId, { household_id: family.id }), aParticipant(app.planId)];
      await insertRows(app.db.database.db, {
        households: [family],
        participants: children,
        enrolments: children.map((c) => anEnrolment(app.planId, c.id, 'trivselsforloeb-for-familier', { start_date: '2025-10-01' })),
      });
      const admin = await app.sessionFor('administrator');
      assert.match(await targetRow('trivselsforloeb-for-familier', admin, 'familier i trivselsforløbene'), /\b2 af mindst 15/);
    });

    it('counts again after enrolments change, without waiting for anything', async () => {
      const before = await targetRow('familieorienteret-uddannelsesvejledning', secretariat, 'unge fra 8. klasse');
      assert.match(before, /0 af 15-20/);
      await enrol('familieorienteret-uddannelsesvejledning', 6, '2025-11-01');
      assert.match(await targetRow('familieorienteret-uddannelsesvejledning', secretariat, 'unge fra 8. klasse'), /6 af 15-20/);
    });

    it('assesses sessions per course: a Familiedage course with 4 of 6 sessions held by its half-way point is on its way', async () => {
      const course = aCourse(app.planId, 'familiedage', { start_date: '2025-12-01', end_date: '2026-03-31', name: 'Vinterhold' });
      const sessions = ['2025-12-03', '2025-12-17', '2026-01-07', '2026-01-21', '2026-02-04'].map((d, i) => aSession(app.planId, course.id, i + 1, d));
      await insertRows(app.db.database.db, { courses: [course], sessions });
      const page = (await get('/resultater/aktiviteter/familiedage?aar=2025%2F26', secretariat)).body;
      const row = page.split('<tr>').find((r) => r.includes('Vinterhold'))?.replace(/<[^>]+>/g, ' ');
      assert.ok(row);
      assert.match(row, /4 af 6/);
    });

    it('counts staycations over the summer that ends the plan year, across 1 August', async () => {
      const july = aCourse(app.planId, 'fritids-og-ferieaktiviteter', { name: 'Staycation for familier', start_date: '2026-07-06', end_date: '2026-07-08' });
      const august = aCourse(app.planId, 'fritids-og-ferieaktiviteter', { name: 'Staycation for unge', start_date: '2026-08-03', end_date: '2026-08-05' });
      await insertRows(app.db.database.db, { courses: [july, august] });
      const row = await targetRow('fritids-og-ferieaktiviteter', board, 'staycations i sommerferien');
      assert.match(row, /2 af mindst 2: opfyldt/);
    });

    it('suppresses small counts in the API for everyone, administrators included', async () => {
      const admin = await app.sessionFor('administrator');
      const response = await get('/api/v1/outputs?year=2025/26', admin);
      assert.equal(response.statusCode, 200, response.body);
      const brandkadet = response.json().activities.find((a: { slug: string }) => a.slug === 'brandkadet');
      const target = brandkadet.targets.find((t: { code: string }) => t.code === 'brandkadet-deltagere');
      assert.deepEqual(target.delivered, { value: null, text: '<5', suppressed: true });
      assert.equal(target.forecast, null);
      const byArea = response.json().byArea.activities.find((a: { slug: string }) => a.slug === 'brandkadet');
      assert.ok(!byArea.participants.includes('3'), byArea.participants.join(' '));
    });

    it('refuses a year it cannot read with a Danish message naming the field', async () => {
      const response = await get('/api/v1/outputs?year=2025-26', board);
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.fields[0].message, /Planåret skal skrives som fx 2025\/26/);
    });

    it('lets a partner report a figure for its own activity and records it in the audit log', async () => {
      const school = await app.userSession({ email: 'skole2@helhed.test', roles: ['partner'], organisation: 'Vestervangskolen' });
      await grantActivity(app.db.database.db, app.planId, 'fremmoede-i-skolen', { organisationName: 'Vestervangskolen' });
      const response = await post('/api/v1/outputs/reports', school, { activity: 'fremmoede-i-skolen', target: 'fremmoede-fravaersteams', year: '2025/26', delivered: 3 });
      assert.equal(response.statusCode, 204, response.body);
      const audit = await app.db.database.db.selectFrom('audit_log').select('summary').where('entity_type', '=', 'output_report').execute();
      assert.ok(audit.some((a) => a.summary.includes('fraværsteams')));
      const api = (await get('/api/v1/outputs?year=2025/26', board)).json();
      const teams = api.activities.find((a: { slug: string }) => a.slug === 'fremmoede-i-skolen').targets[0];
      // Teams are not persons, so a reported 3 needs no suppression.
      assert.equal(teams.delivered.text, '3');
    });

    it('forbids a partner to report for another organisation\u2019s activity, in Danish', async () => {
      const response = await post('/api/v1/outputs/reports', partner, { activity: 'brandkadet', target: 'brandkadet-pladser', year: '2025/26', delivered: 12 });
      assert.equal(response.statusCode, 403);
      assert.match(response.json().error.message, /Du kan kun indberette for aktiviteter.*Brandkadet/);
    });

    it('lets the secretariat report only for the activities it is granted', async () => {
      const granted = await post('/api/v1/outputs/reports', secretariat, { activity: 'brandkadet', target: 'brandkadet-pladser', year: '2025/26', delivered: 12, note: 'Aftalt med Ungdomsskolen' });
      assert.equal(granted.statusCode, 204, granted.body);
      const other = await post('/api/v1/outputs/reports', secretariat, { activity: 'social-vicevaert', target: 'sv-2', year: '2025/26', delivered: 1 });
      assert.equal(other.statusCode, 403);
      assert.match(await targetRow('brandkadet', board, 'pladser til unge'), /12 af 12: opfyldt/);
    });

    it('refuses a report for a plan year that has not begun', async () => {
      const admin = await app.sessionFor('administrator');
      const response = await post('/api/v1/outputs/reports', admin, { activity: 'sprogindsats', target: 'sprog-netvaerksmoeder', year: '2026/27', delivered: 2 });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.fields[0].message, /planår 2026\/27: det er ikke begyndt/);
    });

    it('refuses a report of a target Helhed counts itself', async () => {
      const response = await post('/api/v1/outputs/reports', partner, { activity: 'trivsel-i-skolen', target: 'trivsel-deltagere', year: '2025/26', delivered: 12 });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.fields[0].message, /tælles af Helhed/);
    });

    it('shows a form error, not a 500, when the page form is sent with a bad number', async () => {
      const admin = await app.sessionFor('administrator');
      const response = await app.request({
        method: 'POST',
        url: '/resultater/aktiviteter/sprogindsats/indberet',
        payload: new URLSearchParams({ _csrf: admin.csrf, target: 'sprog-netvaerksmoeder', year: '2025/26', delivered: 'to', note: '' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: { helhed_session: admin.cookie },
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /<title>Fejl: /);
      assert.match(response.body, /Antallet skal være et helt tal/);
    });

    it('shows participants per area with small cells suppressed for the board', async () => {
      const response = await get('/resultater/omraader?aar=2025%2F26', board);
      assert.equal(response.statusCode, 200);
      const row = response.body.split('<tr>').find((r) => r.includes('>Brandkadet<'))?.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<');
      assert.ok(row);
      // 3 in Vangdalen and 2 outside the areas: both small, and the total 5 would not give them away once both are hidden.
      assert.match(row, /<5/);
      assert.doesNotMatch(row, /\b3\b/);
    });

    it('shows intervention areas with their targets by status', async () => {
      const response = await get('/resultater/indsatsomraader?aar=2025%2F26', board);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Kriminalitetsforebyggelse/);
    });
  });

  describe(`staff hours on ${engine}`, () => {
    let app: TestApp;
    let ppr: Session;
    let jobcentre: Session;
    let board: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      ppr = await app.userSession({ email: 'ppr@helhed.test', roles: ['partner'], organisation: 'ppr' });
      jobcentre = await app.userSession({ email: 'job@helhed.test', roles: ['partner'], organisation: 'Jobcenter Randers' });
      board = await app.sessionFor('bestyrelse');
    });
    after(() => app.close());

    const get = (url: string, session: Session) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });
    const post = (url: string, session: Session, payload: object) =>
      app.request({ method: 'POST', url, payload, headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    type Line = { key: string; organisation: string; activity: string | null; delivered: number; expectedByNow: number | null; status: string; shortfall: number };
    const lineOf = (lines: Line[], organisation: string, activity: string) =>
      lines.find((l) => l.organisation === organisation && l.activity === activity)!;

    it('shows a partner\u2019s shortfall against the agreed hours pro rata to the steering group', async () => {
      const lines = (await get('/api/v1/staff-hours?year=2025/26', board)).json().lines;
      const line = lineOf(lines, 'PPR', 'fremmoede-i-skolen');
      // 690 hours a year; five months (August–December) have ended by 29 January: 287.5 expected.
      for (const month of ['2025-08', '2025-09', '2025-10']) {
        const response = await post('/api/v1/staff-hours/reports', ppr, { line: line.key, month, hours: 40 });
        assert.equal(response.statusCode, 204, response.body);
      }
      const after = lineOf((await get('/api/v1/staff-hours?year=2025/26', board)).json().lines, 'PPR', 'fremmoede-i-skolen');
      assert.equal(after.delivered, 120);
      assert.equal(after.expectedByNow, 287.5);
      assert.equal(after.status, 'bagud');
      assert.equal(after.shortfall, 167.5);
      const page = await get('/timer?aar=2025%2F26', board);
      const shortfalls = page.body.split('id="mangler"')[1]?.split('</table>')[0] ?? '';
      assert.match(shortfalls, /PPR/);
    });

    it('replaces a month\u2019s report rather than adding it twice', async () => {
      const line = lineOf((await get('/api/v1/staff-hours', board)).json().lines, 'PPR', 'sprogindsats');
      await post('/api/v1/staff-hours/reports', ppr, { line: line.key, month: '2025-11', hours: 5 });
      await post('/api/v1/staff-hours/reports', ppr, { line: line.key, month: '2025-11', hours: 7 });
      assert.equal(lineOf((await get('/api/v1/staff-hours', board)).json().lines, 'PPR', 'sprogindsats').delivered, 7);
    });

    it('forbids a partner to report hours for another organisation, in Danish', async () => {
      const line = lineOf((await get('/api/v1/staff-hours', board)).json().lines, 'PPR', 'fremmoede-i-skolen');
      const response = await post('/api/v1/staff-hours/reports', jobcentre, { line: line.key, month: '2025-09', hours: 10 });
      assert.equal(response.statusCode, 403);
      assert.match(response.json().error.message, /kun indberette timer for din egen organisation/);
    });

    it('refuses a month that has not begun and a line the plan does not have', async () => {
      const line = lineOf((await get('/api/v1/staff-hours', board)).json().lines, 'Jobcenter Randers', 'fremskudt-beskaeftigelsesindsats');
      const future = await post('/api/v1/staff-hours/reports', jobcentre, { line: line.key, month: '2026-03', hours: 10 });
      assert.equal(future.statusCode, 400);
      assert.match(future.json().error.fields[0].message, /måneden er ikke begyndt/);
      const unknown = await post('/api/v1/staff-hours/reports', jobcentre, { line: 'x|y|z', month: '2025-09', hours: 10 });
      assert.equal(unknown.statusCode, 404);
    });

    it('tells a partner whose organisation is not in the plan\u2019s staff hours what to do', async () => {
      const other = await app.userSession({ email: 'ukendt@helhed.test', roles: ['partner'], organisation: 'Ukendt forening' });
      const page = await get('/timer/indberet', other);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /står ikke blandt planens organisationer med aftalte timer/);
    });
  });
}
