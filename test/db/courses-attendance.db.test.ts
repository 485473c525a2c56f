import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { aParticipant, anEnrolment, grantActivity, insertRows } from '../fixtures/participants/index.js';

const TODAY = new Date('2025-10-15T10:00:00Z');

for (const engine of testEngines()) {
  describe(`courses, sessions and attendance on ${engine}`, () => {
    let app: TestApp;
    let staff: Session;
    let partner: Session;
    let otherPartner: Session;
    // Brandkadet: participants a, b, c (put on the course) and f (not) enrolled; d enrolled in Teenagegrupper only; e, registered
    // by the employee, in nothing yet.
    const p = { a: '', b: '', c: '', d: '', e: '', f: '' } as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string>;
    const codes = { a: 'P-BK-A', b: 'P-BK-B', c: 'P-BK-C', d: 'P-TG-D', e: 'P-NO-E', f: 'P-BK-F' };

    before(async () => {
      app = await startTestApp(engine, { clock: () => TODAY });
      staff = await app.userSession({ email: 'medarbejder@helhed.test', roles: ['sekretariat'] });
      partner = await app.userSession({ email: 'skole@helhed.test', roles: ['partner'], organisation: 'Brandskolen' });
      otherPartner = await app.userSession({ email: 'andet@helhed.test', roles: ['partner'], organisation: 'Ungdomsskolen' });
      const db = app.db.database.db;
      await grantActivity(db, app.planId, 'brandkadet', { userEmail: 'medarbejder@helhed.test' });
      await grantActivity(db, app.planId, 'brandkadet', { organisationName: 'Brandskolen' });
      await grantActivity(db, app.planId, 'teenagegrupper', { organisationName: 'Ungdomsskolen' });
      const employee = await db.selectFrom('users').select('id').where('email', '=', 'medarbejder@helhed.test').executeTakeFirstOrThrow();
      const participants = (Object.keys(codes) as (keyof typeof codes)[]).map((k) => {
        const row = aParticipant(app.planId, { code: codes[k], nickname: `Navn ${k.toUpperCase()}`, ...(k === 'e' ? { created_by: employee.id } : {}) });
        p[k] = row.id;
        return row;
      });
      await insertRows(db, {
        participants,
        enrolments: [
          anEnrolment(app.planId, p.a, 'brandkadet'),
          anEnrolment(app.planId, p.b, 'brandkadet'),
          anEnrolment(app.planId, p.c, 'brandkadet'),
          anEnrolment(app.planId, p.d, 'teenagegrupper'),
          anEnrolment(app.planId, p.f, 'brandkadet'),
        ],
      });
    });
    after(() => app.close());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, session: Session, payload?: unknown) =>
      app.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    const importFile = (text: string, session = staff) =>
      app.request({
        method: 'POST', url: '/api/v1/attendance/import?filnavn=fremmoede.csv', payload: text,
        headers: { 'content-type': 'text/csv; charset=utf-8', 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie },
      });
    const attendanceCount = async () => Number((await app.db.database.db.selectFrom('attendance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('creates a course with ten weekly sessions on the chosen weekday and compares it with the plan’s 10-12 per course', async () => {
      const created = await call('POST', '/api/v1/courses', staff, {
        activity: 'brandkadet', code: 'brand-2025e', name: 'Brandkadet efterår 2025', startDate: '2025-09-01', sessions: { count: 10, weekday: 3 },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().code, 'BRAND-2025E');
      const course = await call('GET', '/api/v1/courses/BRAND-2025E', staff);
      assert.equal(course.statusCode, 200, course.body);
      const body = course.json();
      assert.equal(body.sessions.length, 10);
      assert.equal(body.sessions[0].heldOn, '2025-09-03', 'the first Wednesday on or after the start');
      assert.equal(body.sessions[9].heldOn, '2025-11-05');
      assert.equal(body.plannedSessions, 10);
      assert.equal(body.endDate, '2025-11-05');
      const target = body.targets.find((t: { code: string }) => t.code === 'brandkadet-undervisningsgange');
      assert.equal(target.status, 'passer');
      assert.equal(target.actual, 10);
      assert.deepEqual(body.sessions.map((s: { state: string }) => s.state).slice(0, 7), Array(7).fill('mangler'));
      assert.equal(body.sessions[7].state, 'kommende');
    });

    it('refuses a course code already used, and reports every problem of a course at once', async () => {
      const response = await call('POST', '/api/v1/courses', staff, { activity: 'npu', code: 'BRAND-2025E', name: ' ', startDate: '2025-09-01', endDate: '2025-08-01' });
      assert.equal(response.statusCode, 400, response.body);
      const fields = response.json().error.fields.map((f: { field: string }) => f.field).sort();
      assert.deepEqual(fields, ['activity', 'code', 'endDate', 'name']);
    });

    it('puts enrolled participants on the roster, and says where to enrol one who is not enrolled', async () => {
      const refused = await call('POST', '/api/v1/courses/BRAND-2025E/roster', staff, { participants: [codes.a, codes.e, codes.d] });
      assert.equal(refused.statusCode, 400, refused.body);
      const messages = refused.json().error.fields.map((f: { message: string }) => f.message);
      assert.match(messages[0], /P-NO-E er ikke tilmeldt Brandkadet.*\/deltagere\/P-NO-E/);
      assert.match(messages[1], /«P-TG-D» findes ikke, eller du har ikke adgang/, 'a participant outside the scope is not revealed');
      const added = await call('POST', '/api/v1/courses/BRAND-2025E/roster', staff, { participants: [codes.a, codes.b, codes.c] });
      assert.equal(added.statusCode, 200, added.body);
      const course = (await call('GET', '/api/v1/courses/BRAND-2025E', staff)).json();
      assert.deepEqual(course.roster.map((r: { code: string }) => r.code), [codes.a, codes.b, codes.c]);
      const enrolments = await app.db.database.db.selectFrom('enrolments').select('course_id').where('participant_id', '=', p.f).execute();
      assert.equal(enrolments[0]!.course_id, null);
    });

    it('shows the roster only with participants in the user’s scope, and only from the activity’s enrolments', async () => {
      const db = app.db.database.db;
      // D's enrolment in Teenagegrupper pointing at the Brandkadet course does not put D on its roster.
      const course = await db.selectFrom('courses').select('id').where('code', '=', 'BRAND-2025E').executeTakeFirstOrThrow();
      await db.updateTable('enrolments').set({ course_id: course.id }).where('participant_id', '=', p.d).execute();
      const roster = (await call('GET', '/api/v1/courses/BRAND-2025E', partner)).json().roster;
      assert.deepEqual(roster.map((r: { code: string }) => r.code), [codes.a, codes.b, codes.c]);
      await db.updateTable('enrolments').set({ course_id: null }).where('participant_id', '=', p.d).execute();
      // An employee not working in Brandkadet sees neither the course nor its roster.
      const outsider = await app.userSession({ email: 'udenfor@helhed.test', roles: ['sekretariat'] });
      assert.equal((await call('GET', '/api/v1/courses/BRAND-2025E', outsider)).statusCode, 404);
      assert.equal((await call('GET', '/api/v1/courses', outsider)).json().courses.length, 0);
      const reads = await db.selectFrom('personal_data_reads').select(['what', 'participant_count', 'detail']).where('what', '=', 'fremmøde').execute();
      assert.ok(reads.some((r) => Number(r.participant_count) === 3 && /BRAND-2025E/.test(r.detail ?? '')), 'the read of the roster is logged');
    });

    it('takes a participant off the roster, keeping the enrolment', async () => {
      const added = await call('POST', '/api/v1/courses/BRAND-2025E/roster', staff, { participants: [codes.f] });
      assert.deepEqual(added.json().added, [codes.f]);
      const page = await app.request({ method: 'POST', url: '/forloeb/BRAND-2025E/hold/fjern', payload: new URLSearchParams({ participant: codes.f, _csrf: staff.csrf }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: { helhed_session: staff.cookie } });
      assert.equal(page.statusCode, 303, page.body);
      const enrolment = await app.db.database.db.selectFrom('enrolments').select(['course_id', 'status']).where('participant_id', '=', p.f).executeTakeFirstOrThrow();
      assert.deepEqual(enrolment, { course_id: null, status: 'aktiv' });
    });

    it('saves a session’s attendance and updates a changed status', async () => {
      const put = (attendance: { participant: string; status: string }[]) => call('PUT', '/api/v1/courses/BRAND-2025E/sessions/1/attendance', staff, { attendance });
      const first = await put([{ participant: codes.a, status: 'mødt' }, { participant: codes.b, status: 'mødt' }, { participant: codes.c, status: 'afbud' }]);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { saved: 3, changed: 3, removed: 0 });
      const second = await put([{ participant: codes.a, status: 'mødt' }, { participant: codes.b, status: 'udeblevet' }, { participant: codes.c, status: 'afbud' }]);
      assert.deepEqual(second.json(), { saved: 3, changed: 1, removed: 0 });
      const got = (await call('GET', '/api/v1/courses/BRAND-2025E/sessions/1/attendance', staff)).json();
      assert.deepEqual(got.attendance.map((a: { status: string }) => a.status), ['mødt', 'udeblevet', 'afbud']);
      assert.equal(got.session.state, 'registreret');
      const audit = await app.db.database.db.selectFrom('audit_log').select('summary').where('entity_type', '=', 'attendance').execute();
      assert.equal(audit.length, 2);
    });

    it('refuses attendance for someone not on the roster, and saves nothing of the request', async () => {
      const response = await call('PUT', '/api/v1/courses/BRAND-2025E/sessions/2/attendance', staff, { attendance: [{ participant: codes.a, status: 'mødt' }, { participant: codes.d, status: 'mødt' }] });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.fields[0].field, 'attendance[1].participantCode');
      const got = (await call('GET', '/api/v1/courses/BRAND-2025E/sessions/2/attendance', staff)).json();
      assert.ok(got.attendance.every((a: { status: string | null }) => a.status === null));
    });

    it('moves and cancels a session, and refuses attendance at a cancelled one', async () => {
      const moved = await call('PATCH', '/api/v1/courses/BRAND-2025E/sessions/3', staff, { heldOn: '2025-09-18' });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().heldOn, '2025-09-18');
      const cancelled = await call('PATCH', '/api/v1/courses/BRAND-2025E/sessions/4', staff, { cancelled: true });
      assert.equal(cancelled.json().state, 'aflyst');
      const refused = await call('PUT', '/api/v1/courses/BRAND-2025E/sessions/4/attendance', staff, { attendance: [{ participant: codes.a, status: 'mødt' }] });
      assert.equal(refused.statusCode, 400);
      const added = await call('POST', '/api/v1/courses/BRAND-2025E/sessions', staff, { heldOn: '2025-11-12', topic: 'Ekstra mødegang' });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(added.json().number, 11);
    });

    it('hides another organisation’s course from a partner, by API and page, as if it did not exist', async () => {
      for (const url of ['/api/v1/courses/BRAND-2025E', '/api/v1/courses/BRAND-2025E/sessions/1/attendance']) {
        const response = await call('GET', url, otherPartner);
        assert.equal(response.statusCode, 404, `${url}: ${response.body}`);
        assert.doesNotMatch(response.body, /P-BK-/);
      }
      const put = await call('PUT', '/api/v1/courses/BRAND-2025E/sessions/1/attendance', otherPartner, { attendance: [{ participant: codes.a, status: 'udeblevet' }] });
      assert.equal(put.statusCode, 404);
      const list = (await call('GET', '/api/v1/courses', otherPartner)).json();
      assert.equal(list.courses.length, 0);
      for (const url of ['/forloeb/BRAND-2025E', '/forloeb/BRAND-2025E/moedegange/1']) {
        const page = await app.request({ method: 'GET', url, cookies: { helhed_session: otherPartner.cookie } });
        assert.equal(page.statusCode, 404, url);
        assert.doesNotMatch(page.body, /P-BK-/);
      }
      const created = await call('POST', '/api/v1/courses', otherPartner, { activity: 'brandkadet', code: 'BRAND-X', name: 'Ikke min', startDate: '2025-09-01' });
      assert.equal(created.statusCode, 400, 'a partner cannot create a course in another organisation’s activity');
      const imported = await importFile(`forløb;mødegang;deltagerkode;status\r\nBRAND-2025E;2;${codes.a};udeblevet`, otherPartner);
      assert.equal(imported.statusCode, 422);
      assert.match(imported.json().error.rows[0].message, /findes ikke, eller du har ikke adgang/);
    });

    it('reports every mistake of an attendance file at once, by row and column, and stores nothing', async () => {
      const before = await attendanceCount();
      const file = [
        'forløb;mødegang;dato;deltagerkode;status',
        `BRAND-2025E;2;;${codes.a};mødt`,
        `UKENDT-1;2;;${codes.a};mødt`,
        `BRAND-2025E;99;;${codes.a};mødt`,
        `BRAND-2025E;2;;P-FINDES-IKKE;mødt`,
        `BRAND-2025E;2;;${codes.f};mødt`,
        `BRAND-2025E;2;;${codes.b};måske`,
        `BRAND-2025E;;03-09-2025;${codes.a};afbud`,
        `BRAND-2025E;2;;${codes.a};afbud`,
        `BRAND-2025E;4;;${codes.c};mødt`,
      ].join('\r\n');
      const response = await importFile(file);
      assert.equal(response.statusCode, 422, response.body);
      const { error } = response.json();
      assert.equal(error.code, 'importfejl');
      const where = error.rows.map((r: { row: number; column: string }) => `${r.row}:${r.column}`);
      assert.deepEqual(where, ['3:forløb', '4:mødegang', '5:deltagerkode', '6:deltagerkode', '7:status', '9:deltagerkode', '10:mødegang']);
      assert.match(error.rows[2].message, /findes ikke/);
      assert.match(error.rows[3].message, /ikke på holdlisten/);
      assert.match(error.rows[5].message, /række 2/);
      assert.match(error.rows[6].message, /aflyst/);
      assert.equal(error.problemCount, 7);
      assert.equal(await attendanceCount(), before, 'nothing is stored');
      const staged = await app.db.database.db.selectFrom('attendance_staging').select('session_id').execute();
      assert.equal(staged.length, 0);
      const record = await app.db.database.db.selectFrom('participant_imports').selectAll().where('kind', '=', 'fremmoede').execute();
      assert.equal(record.at(-1)!.status, 'rejected');
    });

    it('imports attendance by session number or date; the same file again changes nothing, a changed status updates', async () => {
      const file = [
        'Forløb;Mødegang;Dato;Deltagerkode;Status',
        `BRAND-2025E;5;;${codes.a};Mødt`,
        `BRAND-2025E;5;;${codes.b};A`,
        `brand-2025e;;01-10-2025;${codes.c};udeblevet`,
        `BRAND-2025E;6;2025-10-08;${codes.a};mødt`,
      ].join('\r\n');
      const first = await importFile(file);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().imported, 4);
      assert.equal(first.json().unchanged, 0);
      const again = await importFile(file);
      assert.deepEqual({ imported: again.json().imported, unchanged: again.json().unchanged }, { imported: 0, unchanged: 4 });
      const changed = await importFile(file.replace(`${codes.b};A`, `${codes.b};mødt`));
      assert.deepEqual({ imported: changed.json().imported, unchanged: changed.json().unchanged }, { imported: 1, unchanged: 3 });
      const got = (await call('GET', '/api/v1/courses/BRAND-2025E/sessions/5/attendance', staff)).json();
      assert.deepEqual(got.attendance.map((a: { status: string }) => a.status), ['mødt', 'mødt', 'udeblevet']);
      const result = (importId: string, session: Session) => app.request({ method: 'GET', url: `/forloeb/import/${importId}`, cookies: { helhed_session: session.cookie } });
      assert.equal((await result(changed.json().importId, staff)).statusCode, 200);
      assert.equal((await result(changed.json().importId, otherPartner)).statusCode, 404, 'an import is shown only to the one who made it');
    });

    it('hands out the course as a sheet that, filled in, imports the whole course', async () => {
      const sheet = await app.request({ method: 'GET', url: '/forloeb/BRAND-2025E/fremmoede.csv', cookies: { helhed_session: staff.cookie } });
      assert.equal(sheet.statusCode, 200);
      const lines = sheet.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'forløb;mødegang;dato;deltagerkode;status');
      assert.equal(lines.length, 1 + 10 * 3, 'ten sessions not cancelled, three on the roster');
      assert.ok(lines.includes(`BRAND-2025E;1;03-09-2025;${codes.b};udeblevet`), 'a registered status is filled in');
      const filled = lines.map((l, i) => (i > 0 && l.endsWith(';') ? `${l}mødt` : l)).join('\r\n');
      const response = await importFile(filled);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().imported + response.json().unchanged, 30);
      const course = (await call('GET', '/api/v1/courses/BRAND-2025E', staff)).json();
      assert.ok(course.sessions.every((s: { state: string }) => s.state === 'registreret' || s.state === 'aflyst'));
    });

    it('imports an Excel sheet, with the session given by a date cell', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Fremmøde');
      sheet.addRow(['forløb', 'mødegang', 'dato', 'deltagerkode', 'status']);
      sheet.addRow(['BRAND-2025E', null, new Date(Date.UTC(2025, 9, 8)), codes.b, 'afbud']);
      sheet.getCell('C2').numFmt = 'dd-mm-yyyy';
      sheet.addRow(['BRAND-2025E', 6, null, codes.c, 'mødt']);
      const response = await app.request({
        method: 'POST', url: '/api/v1/attendance/import?filnavn=fremmoede.xlsx', payload: Buffer.from(await book.xlsx.writeBuffer()),
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x-csrf-token': staff.csrf }, cookies: { helhed_session: staff.cookie },
      });
      assert.equal(response.statusCode, 200, response.body);
      const got = (await call('GET', '/api/v1/courses/BRAND-2025E/sessions/6/attendance', staff)).json();
      assert.deepEqual(got.attendance.map((a: { status: string | null }) => a.status).slice(1), ['afbud', 'mødt']);
    });

    it('refuses a JSON body for the import with 415', async () => {
      const response = await call('POST', '/api/v1/attendance/import', staff, { rows: [] });
      assert.equal(response.statusCode, 415, response.body);
    });

    it('lets the board see no course at all', async () => {
      const board = await app.sessionFor('bestyrelse');
      assert.equal((await call('GET', '/api/v1/courses', board)).statusCode, 403);
    });
  });
}
