/**
 * Outcomes over time against a real database: importing outcome values (every problem at once, nothing stored on any,
 * the same file twice adds nothing, a changed value is updated and audited), who may read a participant's outcomes,
 * cohort views with their comparisons and their suppression, and journeys across activities.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { aHousehold, aParticipant, anEnrolment, grantActivity, insertRows } from '../fixtures/participants/index.js';
import type { ParticipantRow } from '../../src/participants/participants.table.js';
import ExcelJS from 'exceljs';

const CLOCK = () => new Date('2027-03-01T10:00:00Z');
const HEADER = 'deltagerkode;mål;periode;værdi;kilde';
const MEASUREMENT_HEADER = 'indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note';

for (const engine of testEngines()) {
  describe(`outcomes on ${engine}`, () => {
    let app: TestApp;
    let admin: Session;
    let board: Session;
    let partner: Session;
    let monitor: Session;
    /** Six children in Fremmøde i skolen, started September 2025. */
    let six: ParticipantRow[];
    /** Four children in Trivsel i skolen. */
    let four: ParticipantRow[];
    let brandkadet: ParticipantRow;
    let npuOnly: ParticipantRow;

    before(async () => {
      app = await startTestApp(engine, { clock: CLOCK });
      admin = await app.sessionFor('administrator');
      board = await app.sessionFor('bestyrelse');
      partner = await app.sessionFor('partner');
      monitor = await app.sessionFor('monitorering');
      const planId = app.planId;
      six = Array.from({ length: 6 }, () => aParticipant(planId, { area_slug: 'vangdalen', birth_year_month: '2014-03' }));
      four = Array.from({ length: 4 }, () => aParticipant(planId, { area_slug: 'vangdalen' }));
      brandkadet = aParticipant(planId, { birth_year_month: '2010-06' });
      npuOnly = aParticipant(planId, { birth_year_month: '2021-06' });
      await insertRows(app.db.database.db, {
        participants: [...six, ...four, brandkadet, npuOnly],
        enrolments: [
          ...six.map((p) => anEnrolment(planId, p.id, 'fremmoede-i-skolen', { start_date: '2025-09-01' })),
          ...four.map((p) => anEnrolment(planId, p.id, 'trivsel-i-skolen', { start_date: '2025-09-01' })),
          anEnrolment(planId, brandkadet.id, 'brandkadet'),
          anEnrolment(planId, npuOnly.id, 'npu'),
        ],
      });
      await grantActivity(app.db.database.db, planId, 'brandkadet', { organisationName: 'Test-organisation' });
    });
    after(() => app.close());

    const importOutcomes = (body: string, session = admin) =>
      app.request({
        method: 'POST',
        url: '/api/v1/outcomes/import?filnavn=udfald.csv',
        payload: body,
        headers: { 'content-type': 'text/csv; charset=utf-8', 'x-csrf-token': session.csrf },
        cookies: { helhed_session: session.cookie },
      });
    const get = (url: string, session: Session) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });
    const stored = async () => Number((await app.db.database.db.selectFrom('outcome_measurements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    /** The six children's absence: the term before the start, and the first and second terms after it. */
    const absenceFile = (firstChildAfter = '8') =>
      [
        HEADER,
        ...six.map((p, i) => `${p.code};skolefravaer;2. skolehalvår 2024/25;${[12, 14, 16, 18, 10, 20][i]};Skolens fraværsregistrering`),
        ...six.map((p, i) => `${p.code};Skolefravær;forår 2026;${i === 0 ? firstChildAfter : [8, 9, 10, 11, 12, 10][i]};Skolens fraværsregistrering`),
        ...six.map((p, i) => `${p.code};skolefravaer;1. skolehalvår 2026/27;${[5, 6, 7, 8, 9, 5][i]};Skolens fraværsregistrering`),
      ].join('\r\n');

    it('reports every mistake of an outcome file at once, by row and column, and stores nothing', async () => {
      const before = await stored();
      const file = [
        HEADER,
        `${six[0]!.code};skolefravaer;2. skolehalvår 2024/25;12;Skolen`,
        `P-FINDES-IKKE;skolefravaer;2. skolehalvår 2024/25;12;Skolen`,
        `${six[1]!.code};sigtelser;2024;1;Politiet`,
        `${six[2]!.code};skolefravaer;2024;12;Skolen`,
        `${six[3]!.code};skolefravaer;2. skolehalvår 2024/25;120;`,
        `${six[4]!.code};sprogvurdering;15-03-2025;god;Kommunen`,
        `${six[0]!.code};skolefravaer;2. skolehalvår 2024/25;13;Skolen`,
      ].join('\r\n');
      const response = await importOutcomes(file);
      assert.equal(response.statusCode, 422, response.body);
      const { error } = response.json();
      assert.equal(error.code, 'importfejl');
      const where = error.rows.map((r: { row: number; column: string }) => `${r.row}:${r.column}`);
      for (const expected of ['3:deltagerkode', '4:mål', '5:periode', '6:værdi', '6:kilde', '7:værdi', '8:periode']) assert.ok(where.includes(expected), `${expected} in ${where.join(' ')}`);
      assert.match(error.rows.find((r: { row: number }) => r.row === 4).message, /strafbare forhold/);
      assert.match(error.rows.find((r: { row: number; column: string }) => r.row === 8).message, /række 2/);
      assert.equal(await stored(), before, 'a file with any mistake stores nothing');
      const record = await app.db.database.db.selectFrom('participant_imports').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      assert.equal(record.kind, 'udfald');
      assert.equal(record.status, 'rejected');
      assert.equal(Number(record.problem_count), error.problemCount);
    });

    it('imports a file once: the same file again adds nothing, and a changed value is updated and audited', async () => {
      const first = await importOutcomes(absenceFile());
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual({ imported: first.json().imported, updated: first.json().updated }, { imported: 18, updated: 0 });
      const again = await importOutcomes(absenceFile());
      assert.deepEqual({ imported: again.json().imported, updated: again.json().updated, unchanged: again.json().unchanged }, { imported: 0, updated: 0, unchanged: 18 });
      const changed = await importOutcomes(absenceFile('7,5'));
      assert.deepEqual({ imported: changed.json().imported, updated: changed.json().updated, unchanged: changed.json().unchanged }, { imported: 0, updated: 1, unchanged: 17 });
      const audit = await app.db.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'outcome-measurement').where('action', '=', 'update').execute();
      assert.equal(audit.length, 1);
      assert.match(audit[0]!.summary, /8 % → 7,5 %/);
      // Restore the value the cohort test below expects.
      await importOutcomes(absenceFile());
    });

    it('imports the same values from an XLSX file as from CSV, so the CSV then adds nothing', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Udfald');
      sheet.addRow(HEADER.split(';'));
      sheet.addRow([brandkadet.code, 'ungdomsuddannelse', 'august 2026', 'i gang', 'UU Randers']);
      sheet.addRow([brandkadet.code, 'trivsel', '2025/26', 3.8, 'Den nationale trivselsmåling']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await app.request({
        method: 'POST', url: '/api/v1/outcomes/import?filnavn=udfald.xlsx', payload: xlsx,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x-csrf-token': admin.csrf }, cookies: { helhed_session: admin.cookie },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().imported, 2);
      const csv = await importOutcomes([HEADER, `${brandkadet.code};ungdomsuddannelse;2026-08;I gang med en ungdomsuddannelse;UU Randers`, `${brandkadet.code};trivsel;skoleåret 2025/26;3,8;Den nationale trivselsmåling`].join('\r\n'));
      assert.deepEqual({ imported: csv.json().imported, unchanged: csv.json().unchanged }, { imported: 0, unchanged: 2 });
    });

    it('shows a cohort of six before and after enrolment, compared with the area and the municipality for the same periods', async () => {
      const measurements = [
        MEASUREMENT_HEADER,
        'udd-2a;Vangdalen;2024/25;10,5;;;Randers Kommune;15-01-2027;',
        'udd-2a;Vangdalen;2025/26;9,5;;;Randers Kommune;15-01-2027;',
        'udd-2a;Randers Kommune;2024/25;7,8;;;Randers Kommune;15-01-2027;',
        'udd-2a;Randers Kommune;2025/26;7,4;;;Randers Kommune;15-01-2027;',
      ].join('\r\n');
      const loaded = await app.request({
        method: 'POST', url: '/api/v1/measurements/import?filnavn=m.csv', payload: measurements,
        headers: { 'content-type': 'text/csv; charset=utf-8', 'x-csrf-token': monitor.csrf }, cookies: { helhed_session: monitor.cookie },
      });
      assert.equal(loaded.statusCode, 200, loaded.body);

      const response = await get('/api/v1/outcomes/cohorts?activity=fremmoede-i-skolen&measure=skolefravaer&windows=-1,1,2', board);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.deepEqual(body.enrolled, { value: 6, shown: '6' });
      assert.deepEqual(body.windows.map((w: { n: { value: number } }) => w.n.value), [6, 6, 6]);
      const mean = body.statistics.find((s: { key: string }) => s.key === 'gennemsnit');
      assert.equal(mean.indicator, 'udd-2a');
      assert.deepEqual(mean.cohort.map((c: { value: number }) => Math.round(c.value * 100) / 100), [15, 10, 6.67]);
      const area = mean.comparisons.find((c: { scope: string }) => c.scope === 'area:vangdalen');
      const municipality = mean.comparisons.find((c: { scope: string }) => c.scope === 'municipality');
      assert.deepEqual(area.windows.map((w: { value: number | null }) => w.value), [10.5, 9.5, null]);
      assert.deepEqual(municipality.windows[0], { value: 7.8, periods: ['2024/25'], missing: [] });
      assert.deepEqual(municipality.windows[2].missing, ['1. skolehalvår 2026/27']);

      const page = await get('/udfald/kohorter?aktivitet=fremmoede-i-skolen&maal=skolefravaer&vinduer=-1&vinduer=1&vinduer=2', board);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Skolehalvåret før start/);
      assert.match(page.body, /15,0 %/);
      assert.match(page.body, /10,5 %/);
      assert.match(page.body, /<svg[^>]*role="img"/, 'the cohort is drawn as a chart beside its table');
    });

    it('narrows a cohort to those who started in a plan year, and refuses windows it cannot read, naming the field', async () => {
      const started = (await get('/api/v1/outcomes/cohorts?activity=fremmoede-i-skolen&measure=skolefravaer&planYear=2025', board)).json();
      assert.deepEqual(started.enrolled, { value: 6, shown: '6' });
      const none = (await get('/api/v1/outcomes/cohorts?activity=fremmoede-i-skolen&measure=skolefravaer&planYear=2026', board)).json();
      assert.deepEqual(none.enrolled, { value: 0, shown: '0' });
      const bad = await get('/api/v1/outcomes/cohorts?activity=fremmoede-i-skolen&measure=skolefravaer&windows=-1,x', board);
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field), ['windows']);
      const unknown = await get('/udfald/kohorter?aktivitet=findes-ikke&maal=skolefravaer', board);
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /<title>Fejl: /);
      assert.match(unknown.body, /href="#felt-aktivitet"/);
    });

    it('suppresses a cohort of four for the board: their count shows as «<5» and no mean is shown', async () => {
      const file = [HEADER, ...four.map((p, i) => `${p.code};skolefravaer;2. skolehalvår 2024/25;${10 + i};Skolen`)].join('\r\n');
      assert.equal((await importOutcomes(file)).statusCode, 200);
      const response = await get('/api/v1/outcomes/cohorts?activity=trivsel-i-skolen&measure=skolefravaer&windows=-1', board);
      const body = response.json();
      assert.deepEqual(body.enrolled, { value: null, shown: '<5' });
      assert.deepEqual(body.windows[0].n, { value: null, shown: '<5' });
      assert.deepEqual(body.statistics[0].cohort[0], { value: null, hidden: 'for få personer' });
      assert.ok(!JSON.stringify(body).includes('11.5'), 'the mean of the four is nowhere');
      const page = await get('/udfald/kohorter?aktivitet=trivsel-i-skolen&maal=skolefravaer&vinduer=-1', board);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /&lt;5/);
      assert.doesNotMatch(page.body, /11,5/);
    });

    it('lets a partner read and record outcomes of its own participants only, answering 404 for anyone else', async () => {
      const own = await get(`/api/v1/outcomes/participants/${brandkadet.code}`, partner);
      assert.equal(own.statusCode, 200, own.body);
      const other = await get(`/api/v1/outcomes/participants/${npuOnly.code}`, partner);
      assert.equal(other.statusCode, 404);
      const page = await get(`/udfald/deltager/${npuOnly.code}`, partner);
      assert.equal(page.statusCode, 404);
      const write = await app.request({
        method: 'POST', url: `/api/v1/outcomes/participants/${npuOnly.code}`, payload: { measure: 'sprogvurdering', period: '15-03-2025', value: 'fokuseret', source: 'PPR' },
        headers: { 'x-csrf-token': partner.csrf }, cookies: { helhed_session: partner.cookie },
      });
      assert.equal(write.statusCode, 404);
      const imported = await importOutcomes(`${HEADER}\r\n${npuOnly.code};sprogvurdering;15-03-2025;fokuseret;PPR`, partner);
      assert.equal(imported.statusCode, 422);
      assert.equal(imported.json().error.rows[0].column, 'deltagerkode');
      const reads = await app.db.database.db.selectFrom('personal_data_reads').selectAll().where('what', '=', 'udfald').where('participant_id', '=', brandkadet.id).execute();
      assert.equal(reads.length, 1, 'the read of the own participant is logged');
    });

    it('records one value through the API, and refuses a bad one with every field named', async () => {
      const post = (payload: object) =>
        app.request({ method: 'POST', url: `/api/v1/outcomes/participants/${brandkadet.code}`, payload, headers: { 'x-csrf-token': partner.csrf }, cookies: { helhed_session: partner.cookie } });
      const created = await post({ measure: 'beskaeftigelse', period: 'marts 2026', value: 'i uddannelse', source: 'UU Randers' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().outcome.shown, 'I uddannelse');
      const bad = await post({ measure: 'beskaeftigelse', period: '2026', value: 'på ferie', source: 'UU Randers' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field).sort(), ['period', 'value']);
    });

    it('records and deletes a value through the participant’s page, both audited', async () => {
      const form = (url: string, fields: Record<string, string>) =>
        app.request({
          method: 'POST', url, payload: new URLSearchParams({ _csrf: partner.csrf, ...fields }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_session: partner.cookie },
        });
      const saved = await form(`/udfald/deltager/${brandkadet.code}`, { measure: 'fritidstilbud', period: 'efterår 2025', value: 'tilmeldt', source: 'Ungdomsskolen' });
      assert.equal(saved.statusCode, 303, saved.body);
      const row = await app.db.database.db.selectFrom('outcome_measurements').selectAll().where('participant_id', '=', brandkadet.id).where('measure', '=', 'fritidstilbud').executeTakeFirstOrThrow();
      assert.equal(row.value_text, 'ja');
      assert.equal(row.period_label, '1. skolehalvår 2025/26');
      const refused = await form(`/udfald/deltager/${brandkadet.code}`, { measure: 'fritidstilbud', period: 'efterår 2025', value: 'måske', source: '' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /<title>Fejl: /);
      const deleted = await form(`/udfald/deltager/${brandkadet.code}/slet/${row.id}`, {});
      assert.equal(deleted.statusCode, 303);
      assert.equal(await app.db.database.db.selectFrom('outcome_measurements').select('id').where('id', '=', row.id).executeTakeFirst(), undefined);
      const audit = await app.db.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'outcome-measurement').where('entity_id', '=', row.id).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'delete']);
    });

    it('keeps the board away from individual outcomes', async () => {
      assert.equal((await get(`/api/v1/outcomes/participants/${brandkadet.code}`, board)).statusCode, 403);
    });

    it('counts families in two activities and the referrals between activities, suppressed', async () => {
      const planId = app.planId;
      const households = Array.from({ length: 6 }, () => aHousehold(planId));
      const older = households.map((h) => aParticipant(planId, { household_id: h.id }));
      const younger = households.map((h) => aParticipant(planId, { household_id: h.id, birth_year_month: '2020-02' }));
      const referred = Array.from({ length: 5 }, () => aParticipant(planId));
      const byPartner = Array.from({ length: 3 }, () => aParticipant(planId));
      await insertRows(app.db.database.db, {
        households,
        participants: [...older, ...younger, ...referred, ...byPartner],
        enrolments: [
          ...older.map((p) => anEnrolment(planId, p.id, 'familiedage', { start_date: '2025-10-01' })),
          ...younger.map((p) => anEnrolment(planId, p.id, 'det-gode-liv-for-alle', { start_date: '2026-02-01' })),
          ...referred.map((p) => anEnrolment(planId, p.id, 'teenagegrupper', { referral_kind: 'aktivitet', referred_from_activity: 'lommepengejobs' })),
          ...byPartner.map((p) => anEnrolment(planId, p.id, 'teenagegrupper', { referral_kind: 'partner', referred_by: 'UUR' })),
        ],
      });
      const response = await get('/api/v1/outcomes/journeys', board);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      const whole = body.families.at(-1);
      assert.deepEqual(whole.two, { value: 6, shown: '6' });
      assert.ok(body.pairs.some((p: { a: string; b: string; families: number }) => p.a === 'det-gode-liv-for-alle' && p.b === 'familiedage' && p.families === 6));
      assert.deepEqual(body.referrals.from, [{ activity: 'lommepengejobs' }, { partner: 'UUR' }]);
      assert.deepEqual(body.referrals.to, ['teenagegrupper']);
      // The partner's three are «<5»; with one column, the five and the total would give them away, so they are hidden too.
      assert.deepEqual(body.referrals.cells, [[{ value: null, shown: '–' }], [{ value: null, shown: '<5' }]]);
      assert.deepEqual(body.referrals.rowTotals, [{ value: null, shown: '–' }, { value: null, shown: '<5' }]);
      const page = await get('/udfald/paa-tvaers', board);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Partner: UUR/);

      // A seventh family joins both activities: the next answer counts it (a kept result is not served stale).
      const household = aHousehold(planId);
      const [a, b] = [aParticipant(planId, { household_id: household.id }), aParticipant(planId, { household_id: household.id })];
      await insertRows(app.db.database.db, {
        households: [household], participants: [a, b],
        enrolments: [anEnrolment(planId, a.id, 'familiedage', { start_date: '2025-10-01' }), anEnrolment(planId, b.id, 'det-gode-liv-for-alle', { start_date: '2026-02-01' })],
      });
      const later = (await get('/api/v1/outcomes/journeys', board)).json();
      assert.deepEqual(later.families.at(-1).two, { value: 7, shown: '7' });
    });
  });
}
