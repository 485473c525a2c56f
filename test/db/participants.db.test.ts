/**
 * Participants over the JSON API and the pages, on every engine: registering (area from the address, CPR only as a
 * hash and as a duplicate check), consent for children under 13, the target-group check and its override, who sees
 * whom, search, and the all-or-nothing enrolment import.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { aParticipant, anEnrolment, grantActivity, insertRows } from '../fixtures/participants/index.js';
import { newParticipantCode } from '../../src/participants/personal-id.js';
import { writeXlsx } from '../../src/monitoring/import/templates.js';

for (const engine of testEngines()) {
  describe(`participants on ${engine}`, () => {
    let app: TestApp;
    let worker: Session;
    let school: Session;
    let admin: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => new Date('2025-10-01T10:00:00Z') });
      admin = await app.sessionFor('administrator');
      worker = await app.userSession({ email: 'medarbejder@helhed.test', roles: ['sekretariat'] });
      school = await app.userSession({ email: 'skole@helhed.test', roles: ['partner'], organisation: 'Nørrevangsskolen' });
      for (const slug of ['trivsel-i-skolen', 'brandkadet']) await grantActivity(app.db.database.db, app.planId, slug, { userEmail: 'medarbejder@helhed.test' });
      await grantActivity(app.db.database.db, app.planId, 'trivsel-i-skolen', { organisationName: 'Nørrevangsskolen' });
    });
    after(() => app.close());

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, session: Session, payload?: unknown) =>
      app.request({
        method, url, cookies: { helhed_session: session.cookie },
        ...(payload !== undefined ? { payload: payload as Record<string, unknown>, headers: { 'x-csrf-token': session.csrf } } : method === 'GET' ? {} : { headers: { 'x-csrf-token': session.csrf } }),
      });
    const register = async (body: Record<string, unknown>, session = worker) => {
      const response = await call('POST', '/api/v1/participants', session, body);
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { code: string; area: string | null; address: string | null; cprMatched: boolean };
    };
    const count = async (table: 'participants' | 'enrolments') => Number((await app.db.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('registers a person under a pseudonymous code, with the area from the address and the address not kept', async () => {
      const p = await register({ nickname: 'Sara', birthYearMonth: '2014-03', address: 'Husarvej 12, 8930 Randers NØ', school: 'Nørrevangsskolen' });
      assert.match(p.code, /^P-[0-9A-Z]{8}-.$/);
      assert.equal(p.area, 'gl-jennumparken');
      assert.equal(p.address, null);
      const row = await app.db.database.db.selectFrom('participants').selectAll().where('code', '=', p.code).executeTakeFirstOrThrow();
      assert.equal(row.address, null);
      assert.ok(row.created_by, 'the registrant is kept, so they see the person before any enrolment');
    });

    it('keeps the address only when the employee says it is needed, and forgets it when told', async () => {
      const p = await register({ birthYearMonth: '2014-03', address: 'Husarvej 14', keepAddress: true });
      assert.equal(p.address, 'Husarvej 14');
      const forgotten = await call('PATCH', `/api/v1/participants/${p.code}`, worker, { address: null, keepAddress: false });
      assert.equal(forgotten.statusCode, 200, forgotten.body);
      assert.equal(forgotten.json().address, null);
      assert.equal(forgotten.json().area, 'gl-jennumparken');
    });

    it('names the address that lies outside the plan\'s areas', async () => {
      const response = await call('POST', '/api/v1/participants', worker, { birthYearMonth: '2014-03', address: 'Husarvej 31' });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.fields[0].field, 'address');
      assert.match(response.json().error.fields[0].message, /Husarvej 31 ligger uden for/);
    });

    it('keeps a CPR number only as a hash, and answers a second registration of it with the existing code', async () => {
      const first = await register({ nickname: 'Ali', cpr: '150312-4233', address: 'Husarvej 2' });
      assert.equal(first.cprMatched, true);
      const row = await app.db.database.db.selectFrom('participants').selectAll().where('code', '=', first.code).executeTakeFirstOrThrow();
      assert.equal(row.birth_year_month, '2012-03');
      assert.doesNotMatch(row.cpr_hash!, /150312/);
      const before = await count('participants');
      const again = await call('POST', '/api/v1/participants', worker, { nickname: 'Ali H.', cpr: '1503124233', birthYearMonth: '2012-03' });
      assert.equal(again.statusCode, 409, again.body);
      assert.ok(again.json().error.message.includes(`passer med deltager ${first.code}`), again.body);
      assert.equal(await count('participants'), before, 'no duplicate is created');
    });

    it('refuses consent given by a child under 13 on the consent date, and accepts a parent\'s', async () => {
      const p = await register({ birthYearMonth: '2014-03', address: 'Husarvej 4' });
      const own = await call('POST', `/api/v1/participants/${p.code}/consents`, worker, { givenBy: 'deltageren', givenOn: '2025-09-01', purpose: 'Deltagelse i Trivsel i skolen', legalBasis: 'samtykke' });
      assert.equal(own.statusCode, 400, own.body);
      assert.match(own.json().error.fields[0].message, /11 år .*under 13 år.*forælder eller værge/);
      const parent = await call('POST', `/api/v1/participants/${p.code}/consents`, worker, { givenBy: 'forælder', givenByName: 'Fatima', givenOn: '2025-09-01', purpose: 'Deltagelse i Trivsel i skolen', legalBasis: 'samtykke' });
      assert.equal(parent.statusCode, 201, parent.body);
      assert.match(parent.json().legalBasisText, /art\. 6, stk\. 1, litra a/);
    });

    it('blocks an enrolment outside the target group, and stores and audits an override with its reason', async () => {
      const p = await register({ birthYearMonth: '2014-03', address: 'Husarvej 6' });
      const blocked = await call('POST', `/api/v1/participants/${p.code}/enrolments`, worker, { activity: 'brandkadet', startDate: '2025-09-01' });
      assert.equal(blocked.statusCode, 422, blocked.body);
      assert.equal(blocked.json().error.code, 'maalgruppe');
      assert.match(blocked.json().error.message, /11 år/);
      assert.equal(await app.db.database.db.selectFrom('enrolments').select('id').where('activity_slug', '=', 'brandkadet').where('start_date', '=', '2025-09-01').execute().then((r) => r.length), 0);

      const reason = 'Storesøster er med, og brandvæsenet har sagt ja';
      const overridden = await call('POST', `/api/v1/participants/${p.code}/enrolments`, worker, { activity: 'brandkadet', startDate: '2025-09-01', overrideReason: reason });
      assert.equal(overridden.statusCode, 201, overridden.body);
      const { enrolment } = overridden.json();
      assert.equal(enrolment.override.reason, reason);
      assert.equal(enrolment.override.by, 'medarbejder@helhed.test');
      assert.ok(enrolment.findings.some((f: { severity: string }) => f.severity === 'block'));
      const audit = await app.db.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', enrolment.id).executeTakeFirstOrThrow();
      assert.match(audit.summary, /trods målgruppen/);
    });

    it('refuses to enrol into an activity the user does not work in', async () => {
      const p = await register({ birthYearMonth: '2010-03', address: 'Husarvej 8' });
      const response = await call('POST', `/api/v1/participants/${p.code}/enrolments`, worker, { activity: 'lommepengejobs', startDate: '2025-09-01' });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.json().error.fields[0].message, /arbejder ikke med Lommepengejobs/);
    });

    it('lets a school partner see the participants of its activities only, by page and API, answering 404 for the others', async () => {
      const [mine, other] = [aParticipant(app.planId, { nickname: 'Synlig' }), aParticipant(app.planId, { nickname: 'Usynlig' })];
      await insertRows(app.db.database.db, {
        participants: [mine, other],
        enrolments: [anEnrolment(app.planId, mine.id, 'trivsel-i-skolen'), anEnrolment(app.planId, other.id, 'brandkadet')],
      });
      assert.equal((await call('GET', `/api/v1/participants/${mine.code}`, school)).statusCode, 200);
      const hidden = await call('GET', `/api/v1/participants/${other.code}`, school);
      assert.equal(hidden.statusCode, 404);
      assert.equal((await call('GET', `/deltagere/${other.code}`, school)).statusCode, 404);
      assert.equal((await call('GET', `/deltagere/${mine.code}`, school)).statusCode, 200);
      const list = await call('GET', '/api/v1/participants?antal=200', school);
      const codes = list.json().participants.map((p: { code: string }) => p.code);
      assert.ok(codes.includes(mine.code));
      assert.ok(!codes.includes(other.code));
      const page = await call('GET', '/deltagere?q=synlig', school);
      assert.match(page.body, new RegExp(mine.code));
      assert.doesNotMatch(page.body, new RegExp(other.code));
      assert.equal((await call('GET', `/api/v1/participants/${other.code}`, admin)).statusCode, 200);
    });

    it("lets a partner's organisation see the person it registered before any enrolment, and no one else but an administrator", async () => {
      const p = await register({ birthYearMonth: '2013-02', address: 'Husarvej 32' }, school);
      const colleague = await app.userSession({ email: 'skole2@helhed.test', roles: ['partner'], organisation: 'Nørrevangsskolen' });
      assert.equal((await call('GET', `/api/v1/participants/${p.code}`, colleague)).statusCode, 200);
      assert.equal((await call('GET', `/api/v1/participants/${p.code}`, worker)).statusCode, 404);
      assert.equal((await call('GET', `/api/v1/participants/${p.code}`, admin)).statusCode, 200);
      const row = await app.db.database.db.selectFrom('participants').select('registered_by_organisation_id').where('code', '=', p.code).executeTakeFirstOrThrow();
      assert.ok(row.registered_by_organisation_id);
    });

    it('logs every list, search and detail read of personal data', async () => {
      const before = Number((await app.db.database.db.selectFrom('personal_data_reads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const p = await register({ birthYearMonth: '2012-03', address: 'Husarvej 10' });
      await call('GET', '/api/v1/participants?foedselsaar=2012', worker);
      await call('GET', `/api/v1/participants/${p.code}`, worker);
      await call('GET', '/deltagere', worker);
      const reads = await app.db.database.db.selectFrom('personal_data_reads').selectAll().orderBy('at').execute();
      assert.equal(reads.length - before, 3);
      assert.deepEqual(reads.slice(-3).map((r) => r.what), ['søgning', 'deltager', 'deltagerliste']);
    });

    it('finds participants by code prefix, nickname in any case, birth year, area and activity, a page at a time', async () => {
      const rows = Array.from({ length: 7 }, (_, i) => aParticipant(app.planId, { code: `P-SRCH000${i}-X`, nickname: i === 3 ? 'Ærlige Åse' : `Barn ${i}`, birth_year_month: `201${i}-0${i + 1}`, area_slug: i % 2 ? 'vangdalen' : 'gl-jennumparken' }));
      await insertRows(app.db.database.db, { participants: rows, enrolments: [anEnrolment(app.planId, rows[5]!.id, 'trivsel-i-skolen')] });
      const codes = async (query: string) => (await call('GET', `/api/v1/participants?${query}`, admin)).json().participants.map((p: { code: string }) => p.code);
      assert.deepEqual(await codes('q=p-srch000'), rows.map((r) => r.code));
      assert.deepEqual(await codes(`q=${encodeURIComponent('ÆRLIGE å')}`), [rows[3]!.code]);
      assert.deepEqual(await codes('q=p-srch&foedselsaar=2012'), [rows[2]!.code]);
      assert.deepEqual(await codes('q=p-srch&omraade=vangdalen'), [rows[1]!.code, rows[3]!.code, rows[5]!.code]);
      assert.deepEqual(await codes('q=p-srch&aktivitet=trivsel-i-skolen'), [rows[5]!.code]);
      const first = (await call('GET', '/api/v1/participants?q=p-srch&antal=4', admin)).json();
      assert.equal(first.participants.length, 4);
      const second = (await call('GET', `/api/v1/participants?q=p-srch&antal=4&efter=${first.next}`, admin)).json();
      assert.deepEqual(second.participants.map((p: { code: string }) => p.code), rows.slice(4).map((r) => r.code));
      assert.equal(second.next, null);
    });

    it('links a household\'s members and shows each user only the members they may see', async () => {
      const created = await call('POST', '/api/v1/households', worker, { area: 'vangdalen' });
      assert.equal(created.statusCode, 201, created.body);
      const { code } = created.json();
      assert.match(code, /^H-/);
      const a = await register({ birthYearMonth: '2013-01', area: 'vangdalen', household: code });
      const b = await register({ birthYearMonth: '2011-01', area: 'vangdalen', household: code });
      const household = (await call('GET', `/api/v1/households/${code}`, worker)).json();
      assert.deepEqual(household.members.map((m: { code: string }) => m.code).sort(), [a.code, b.code].sort());
      assert.equal((await call('GET', `/api/v1/households/${code}`, school)).statusCode, 404);
      const detail = (await call('GET', `/api/v1/participants/${a.code}`, worker)).json();
      assert.deepEqual(detail.household.members.map((m: { code: string }) => m.code), [b.code]);
      assert.equal(detail.participant.household, code);
      assert.equal((await call('PATCH', `/api/v1/participants/${a.code}`, worker, { nickname: 'Lille A' })).json().household, code);
    });

    it('changes only the fields a PATCH names, and ends an enrolment with its date and status', async () => {
      const p = await register({ nickname: 'Mona', birthYearMonth: '2012-06', address: 'Husarvej 26', school: 'Nørrevangsskolen' });
      const patched = await call('PATCH', `/api/v1/participants/${p.code}`, worker, { nickname: 'Mona K.' });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().nickname, 'Mona K.');
      assert.equal(patched.json().school, 'Nørrevangsskolen');
      assert.equal(patched.json().area, 'gl-jennumparken');
      const enrolled = await call('POST', `/api/v1/participants/${p.code}/enrolments`, worker, { activity: 'trivsel-i-skolen', startDate: '2025-08-15' });
      assert.equal(enrolled.statusCode, 201, enrolled.body);
      const id = enrolled.json().enrolment.id;
      const early = await call('POST', `/api/v1/participants/${p.code}/enrolments/${id}/end`, worker, { endDate: '2025-08-01', status: 'afsluttet' });
      assert.equal(early.statusCode, 400);
      assert.match(early.json().error.fields[0].message, /før startdatoen/);
      const ended = await call('POST', `/api/v1/participants/${p.code}/enrolments/${id}/end`, worker, { endDate: '2025-09-30', status: 'afbrudt' });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.deepEqual([ended.json().status, ended.json().endDate], ['afbrudt', '2025-09-30']);
    });

    it('records the withdrawal of a consent once', async () => {
      const p = await register({ birthYearMonth: '2008-06', address: 'Husarvej 28' });
      const consent = await call('POST', `/api/v1/participants/${p.code}/consents`, worker, { givenBy: 'deltageren', givenOn: '2025-09-01', purpose: 'Deltagelse i Brandkadet', legalBasis: 'samtykke' });
      assert.equal(consent.statusCode, 201, consent.body);
      const url = `/api/v1/participants/${p.code}/consents/${consent.json().id}/withdraw`;
      const withdrawn = await call('POST', url, worker, { withdrawnOn: '2025-09-20' });
      assert.equal(withdrawn.json().withdrawnOn, '2025-09-20');
      assert.equal((await call('POST', url, worker, { withdrawnOn: '2025-09-21' })).statusCode, 409);
    });

    it('imports enrolments from an XLSX file and offers a template', async () => {
      const p = await register({ birthYearMonth: '2011-06', address: 'Husarvej 30' });
      const xlsx = await writeXlsx([{ name: 'Data', header: ['deltagerkode', 'aktivitet', 'start'], rows: [[p.code, 'Brandkadet', '01-10-2025']] }]);
      const response = await app.request({
        method: 'POST', url: '/api/v1/participants/enrolments/import?filnavn=tilmeldinger.xlsx', payload: xlsx,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x-csrf-token': worker.csrf }, cookies: { helhed_session: worker.cookie },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().imported, 1);
      const template = await call('GET', '/deltagere/import/skabelon.csv', worker);
      assert.equal(template.statusCode, 200);
      assert.match(template.body, /^\uFEFFdeltagerkode;aktivitet;start;slut;status;henvist_fra;begrundelse/);
      const workbook = await call('GET', '/deltagere/import/skabelon.xlsx', worker);
      assert.equal(workbook.statusCode, 200);
      assert.equal(workbook.rawPayload.subarray(0, 2).toString(), 'PK');
    });

    it('reports every mistake of an enrolment file at once by row and column and stores nothing, then imports the corrected file once', async () => {
      const ok = await register({ birthYearMonth: '2011-04', address: 'Husarvej 16', school: 'Nørrevangsskolen' });
      const young = await register({ birthYearMonth: '2015-04', address: 'Husarvej 18' });
      const hidden = aParticipant(app.planId, { code: newParticipantCode() });
      await insertRows(app.db.database.db, { participants: [hidden] });
      const header = 'deltagerkode;aktivitet;start;slut;status;henvist_fra';
      const withMistakes = [
        header,
        `${ok.code};Trivsel i skolen;01-09-2025;;aktiv;`,
        `P-ZZZZZZZZ-Z;Brandkadet;01-09-2025;;;`,
        `${ok.code};Svømning;01-09-2025;;;`,
        `${ok.code};Brandkadet;31-09-2025;;;`,
        `${ok.code};Trivsel i skolen;01-03-2025;01-02-2025;afsluttet;`,
        `${young.code};Brandkadet;01-09-2025;;;Trivsel i skolen`,
        `${ok.code};Trivsel i skolen;01-09-2025;;aktiv;`,
        `${hidden.code};Trivsel i skolen;01-09-2025;;aktiv;`,
      ].join('\r\n');
      const before = await count('enrolments');
      const post = (body: string) =>
        app.request({ method: 'POST', url: '/api/v1/participants/enrolments/import?filnavn=tilmeldinger.csv', payload: body, headers: { 'content-type': 'text/csv', 'x-csrf-token': worker.csrf }, cookies: { helhed_session: worker.cookie } });
      const rejected = await post(withMistakes);
      assert.equal(rejected.statusCode, 422, rejected.body);
      const { error } = rejected.json();
      assert.equal(error.code, 'importfejl');
      const where = error.rows.map((r: { row: number; column: string }) => `${r.row}:${r.column}`);
      assert.deepEqual(where, ['3:deltagerkode', '4:aktivitet', '5:start', '6:slut', '7:begrundelse', '8:deltagerkode', '9:deltagerkode'], JSON.stringify(error.rows));
      assert.ok(error.rows.every((r: { message: string }) => /[æøå]|[A-Z]/.test(r.message) && r.message.length > 15));
      assert.equal(await count('enrolments'), before, 'a file with any mistake stores nothing');

      const corrected = [
        'deltagerkode;aktivitet;start;slut;status;henvist_fra;begrundelse',
        `${ok.code};Trivsel i skolen;01-09-2025;;aktiv;;`,
        `${ok.code};Brandkadet;15-09-2025;;;Trivsel i skolen;`,
        `${young.code};Brandkadet;01-09-2025;;;Nørrevangsskolen;Aftalt med brandvæsenet`,
      ].join('\r\n');
      const imported = await post(corrected);
      assert.equal(imported.statusCode, 200, imported.body);
      const { imported: added, unchanged, overridden } = imported.json() as { imported: number; unchanged: number; overridden: number };
      assert.deepEqual({ added, unchanged, overridden }, { added: 3, unchanged: 0, overridden: 1 });
      const again = await post(corrected);
      assert.equal(again.json().imported, 0);
      assert.equal(again.json().unchanged, 3);
      assert.equal(await count('enrolments'), before + 3);
      const twice = await post(['deltagerkode;aktivitet;start', `${ok.code};Trivsel i skolen;01-10-2025`].join('\r\n'));
      assert.equal(twice.statusCode, 422);
      assert.match(twice.json().error.rows[0].message, /allerede tilmeldt Trivsel i skolen \(fra 2025-09-01/);
      const referred = await app.db.database.db.selectFrom('enrolments').selectAll().where('activity_slug', '=', 'brandkadet').where('start_date', '=', '2025-09-15').executeTakeFirstOrThrow();
      assert.equal(referred.referral_kind, 'aktivitet');
      assert.equal(referred.referred_from_activity, 'trivsel-i-skolen');
    });
  });
}
