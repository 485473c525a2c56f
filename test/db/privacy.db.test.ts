import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { newId } from '../../src/db/ids.js';
import { recordAudit, SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { logPersonalDataRead } from '../../src/participants/personal-data-log.js';
import { newParticipantCode } from '../../src/participants/personal-id.js';
import { scheduleRetention } from '../../src/privacy/privacy.service.js';
import { aCourse, aHousehold, anEnrolment, aParticipant, aSession, insertRows } from '../fixtures/participants/index.js';

const NOW = new Date('2026-11-26T10:00:00Z');

for (const engine of testEngines()) {
  describe(`privacy in practice on ${engine}`, () => {
    let app: TestApp;
    let admin: Session;
    let partner: Session;
    let secretariat: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      admin = await app.sessionFor('administrator');
      partner = await app.sessionFor('partner');
      secretariat = await app.sessionFor('sekretariat');
    });
    after(() => app.close());

    const db = () => app.db.database.db;
    const call = (session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
      app.request({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        headers: { 'x-csrf-token': session.csrf },
        cookies: { helhed_session: session.cookie },
      });
    const form = (session: Session, url: string, fields: Record<string, string>) =>
      app.request({
        method: 'POST',
        url,
        payload: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: { helhed_session: session.cookie },
      });
    const organisationId = async (name: string) => (await db().selectFrom('organisations').select('id').where('plan_id', '=', app.planId).where('name', '=', name).executeTakeFirstOrThrow()).id;
    const userId = async (email: string) => (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const auditOf = (entityType: string, action: string) =>
      db().selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('action', '=', action).orderBy('at', 'desc').execute();
    const countWhere = async (table: 'participants' | 'enrolments' | 'attendance' | 'consents' | 'outcome_measurements', column: string, value: string) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(column as never, '=', value as never)
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** A person with a household, a consent, an enrolment in a course with attended sessions, a measurement, a read and an audit entry. */
    async function aFullPerson(activity = 'brandkadet') {
      const household = aHousehold(app.planId);
      const person = aParticipant(app.planId, { code: newParticipantCode(), household_id: household.id, nickname: 'Ali', birth_year_month: '2011-03' });
      const course = aCourse(app.planId, activity);
      const sessions = [aSession(app.planId, course.id, 1, '2025-09-08'), aSession(app.planId, course.id, 2, '2025-09-15')];
      const enrolment = anEnrolment(app.planId, person.id, activity, { course_id: course.id, findings: '[{"rule":"school","severity":"warn","message":"går på X"}]' });
      await insertRows(db(), { households: [household], participants: [person], courses: [course], sessions, enrolments: [enrolment] });
      await db()
        .insertInto('attendance')
        .values(sessions.map((s) => ({ plan_id: app.planId, session_id: s.id, participant_id: person.id, status: 'mødt', registered_at: '2025-09-20T10:00:00.000Z', registered_by_label: 'test' })))
        .execute();
      await db()
        .insertInto('consents')
        .values({
          id: newId(), plan_id: app.planId, participant_id: person.id, enrolment_id: enrolment.id, given_by: 'forælder', given_by_name: 'Mor', given_on: '2025-09-01',
          purpose: 'Deltagelse', legal_basis: 'Samtykke', withdrawn_on: null, created_at: '2025-09-01T08:00:00.000Z', created_by_label: 'test',
        })
        .execute();
      await db()
        .insertInto('outcome_measurements')
        .values({
          id: newId(), plan_id: app.planId, participant_id: person.id, measure: 'skolefravaer', period_start: '2025-08-01', period_end: '2026-01-31',
          period_label: '1. skolehalvår 2025/26', value: 12.5, value_text: null, source: 'Skolen', import_id: null, recorded_at: '2026-02-10T08:00:00.000Z', recorded_by_label: 'test',
        })
        .execute();
      await logPersonalDataRead(db(), { ...SYSTEM_ACTOR, label: 'kollega@helhed.test' }, app.planId, { what: 'deltager', participantId: person.id, count: 1 });
      await recordAudit(db(), SYSTEM_ACTOR, { action: 'update', entityType: 'participant', entityId: person.id, planId: app.planId, summary: `Deltager ${person.code} ændret` });
      await recordAudit(db(), SYSTEM_ACTOR, { action: 'create', entityType: 'enrolment', entityId: enrolment.id, planId: app.planId, summary: `Tilmeldte ${person.code}` });
      return { person, household, course, enrolment, sessions };
    }

    describe('activity access', () => {
      it('grants an activity to a partner organisation, audited, and the grant is listed', async () => {
        const org = await organisationId('Test-organisation');
        const response = await call(admin, 'POST', '/api/v1/privacy/access', { activity: 'brandkadet', organisationId: org });
        assert.equal(response.statusCode, 201, response.body);
        const list = (await call(admin, 'GET', '/api/v1/privacy/access')).json() as { activity: string; organisationId: string }[];
        assert.ok(list.some((g) => g.activity === 'brandkadet' && g.organisationId === org));
        const entries = await auditOf('activity_access', 'create');
        assert.ok(entries.some((e) => e.entity_id === response.json().id && e.summary.includes('Brandkadet')));
      });

      it('changes nothing when the same grant is given again', async () => {
        const org = await organisationId('Test-organisation');
        const before = (await auditOf('activity_access', 'create')).length;
        const response = await call(admin, 'POST', '/api/v1/privacy/access', { activity: 'brandkadet', organisationId: org });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal((await auditOf('activity_access', 'create')).length, before);
      });

      it('revokes a grant, audited', async () => {
        const sek = await userId(secretariat.email);
        const granted = await call(admin, 'POST', '/api/v1/privacy/access', { activity: 'teenagegrupper', userId: sek });
        assert.equal(granted.statusCode, 201, granted.body);
        const revoked = await call(admin, 'DELETE', `/api/v1/privacy/access/${granted.json().id}`);
        assert.equal(revoked.statusCode, 204, revoked.body);
        const list = (await call(admin, 'GET', '/api/v1/privacy/access')).json() as { id: string }[];
        assert.ok(!list.some((g) => g.id === granted.json().id));
        assert.ok((await auditOf('activity_access', 'delete')).some((e) => e.entity_id === granted.json().id));
      });

      it('refuses an activity the plan does not have, naming the field', async () => {
        const response = await call(admin, 'POST', '/api/v1/privacy/access', { activity: 'bowling', organisationId: await organisationId('Test-organisation') });
        assert.equal(response.statusCode, 400);
        assert.equal(response.json().error.fields[0].field, 'activity');
        assert.match(response.json().error.fields[0].message, /bowling/);
      });

      it('grants from the page form and shows the grant on the page', async () => {
        const sek = await userId(secretariat.email);
        const response = await form(admin, '/persondata/adgang', { hvem: `user:${sek}`, aktivitet: 'social-vicevaert' });
        assert.equal(response.statusCode, 303, response.body);
        const page = await call(admin, 'GET', '/persondata/adgang');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Fjern<span class="sr-only"> adgangen til Social vicevært/);
      });

      it('offers the activities the plan names an organisation in as a hint', async () => {
        await app.userSession({ email: 'ungdomsskolen@helhed.test', roles: ['partner'], organisation: 'Randers Ungdomsskole' });
        const overview = await app.services.privacy.accessOverview(app.planId);
        const school = overview.organisations.find((o) => o.name === 'Randers Ungdomsskole')!;
        assert.ok(school.planHints.includes('brandkadet'), school.planHints.join(', '));
        assert.ok(!school.planHints.includes('npu'));
      });

      it('leaves out organisations nobody could see participants through (hours only, no partner user)', async () => {
        await db().insertInto('organisations').values({ id: newId(), plan_id: app.planId, name: 'Kun timer', created_at: '2025-09-01T08:00:00.000Z' }).execute();
        const overview = await app.services.privacy.accessOverview(app.planId);
        assert.ok(!overview.organisations.some((o) => o.name === 'Kun timer'));
        assert.ok(overview.organisations.some((o) => o.name === 'Test-organisation'));
      });

      it('shows a Danish error on the page when nobody is chosen', async () => {
        const response = await form(admin, '/persondata/adgang', { hvem: '', aktivitet: 'brandkadet' });
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /<title>Fejl: /);
        assert.match(response.body, /Vælg, hvem der skal have adgang/);
      });
    });

    describe('the read log', () => {
      it('filters by person, user, what and date', async () => {
        const one = aParticipant(app.planId, { code: newParticipantCode() });
        const two = aParticipant(app.planId, { code: newParticipantCode() });
        await insertRows(db(), { participants: [one, two] });
        const someone = { ...SYSTEM_ACTOR, userId: await userId(secretariat.email), label: secretariat.email };
        await logPersonalDataRead(db(), someone, app.planId, { what: 'deltager', participantId: one.id, count: 1 });
        await logPersonalDataRead(db(), SYSTEM_ACTOR, app.planId, { what: 'fremmøde', participantId: two.id, count: 1 });
        await logPersonalDataRead(db(), someone, app.planId, { what: 'søgning', count: 7, detail: 'søgning' });

        const byPerson = (await call(admin, 'GET', `/api/v1/privacy/reads?participant=${one.code}`)).json();
        assert.equal(byPerson.total, 1);
        assert.equal(byPerson.entries[0].participantCode, one.code);
        const byUser = (await call(admin, 'GET', `/api/v1/privacy/reads?user=${someone.userId}`)).json();
        assert.equal(byUser.total, 2);
        const byWhat = (await call(admin, 'GET', '/api/v1/privacy/reads?what=fremm%C3%B8de')).json();
        assert.ok(byWhat.entries.every((e: { what: string }) => e.what === 'fremmøde') && byWhat.total >= 1);
        const today = new Date().toISOString().slice(0, 10);
        const none = (await call(admin, 'GET', '/api/v1/privacy/reads?from=2020-01-01&to=2020-12-31')).json();
        assert.equal(none.total, 0);
        const page = await call(admin, 'GET', `/persondata/laesninger?deltager=${one.code}&fra=${today}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, new RegExp(one.code));
        assert.doesNotMatch(page.body, new RegExp(two.code));
      });

      it('tells what is wrong with a malformed code or date', async () => {
        const response = await call(admin, 'GET', '/api/v1/privacy/reads?participant=P-123&from=2026-13-01');
        assert.equal(response.statusCode, 400);
        const fields = response.json().error.fields.map((f: { field: string }) => f.field);
        assert.deepEqual(fields.sort(), ['from', 'participant']);
      });
    });

    describe('export of one person', () => {
      it('contains every table’s data for the person and is recorded', async () => {
        const { person, household, course, enrolment } = await aFullPerson();
        const response = await call(admin, 'GET', `/api/v1/privacy/persons/${person.code}/export`);
        assert.equal(response.statusCode, 200, response.body);
        const data = response.json();
        assert.equal(data.participant.nickname, 'Ali');
        assert.equal(data.household.id, household.id);
        assert.equal(data.consents.length, 1);
        assert.equal(data.enrolments[0].id, enrolment.id);
        assert.equal(data.enrolments[0].activity_name, 'Brandkadet');
        assert.equal(data.courses[0].id, course.id);
        assert.equal(data.attendance.length, 2);
        assert.equal(data.outcomeMeasurements[0].value, 12.5);
        assert.ok(data.personalDataReads.some((r: { actor_label: string }) => r.actor_label === 'kollega@helhed.test'));
        assert.ok(data.auditEntries.some((a: { summary: string }) => a.summary.includes('ændret')));
        assert.ok(data.auditEntries.some((a: { entity_id: string }) => a.entity_id === enrolment.id), 'entries about the person’s enrolments too');
        assert.ok((await auditOf('participant', 'export')).some((e) => e.entity_id === person.id));
        const reads = await db().selectFrom('personal_data_reads').selectAll().where('participant_id', '=', person.id).where('what', '=', 'eksport').execute();
        assert.equal(reads.length, 1);
      });

      it('shows the same data as a readable page, recorded too', async () => {
        const { person } = await aFullPerson();
        const page = await call(admin, 'GET', `/persondata/personer/${person.code}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /1\. skolehalvår 2025\/26/);
        assert.match(page.body, /Ali/);
        assert.ok((await auditOf('participant', 'export')).some((e) => e.entity_id === person.id && e.summary.includes('læsbar side')));
      });

      it('answers 404 in Danish for a code nobody has', async () => {
        const response = await call(admin, 'GET', `/api/v1/privacy/persons/${newParticipantCode()}/export`);
        assert.equal(response.statusCode, 404);
        assert.match(response.json().error.message, /ingen deltager med koden/);
      });
    });

    describe('erasure of one person', () => {
      it('refuses without a reason and a confirmation, naming both', async () => {
        const { person } = await aFullPerson();
        const response = await call(admin, 'POST', `/api/v1/privacy/persons/${person.code}/erase`, { reason: '', confirm: false });
        assert.equal(response.statusCode, 400);
        assert.deepEqual(response.json().error.fields.map((f: { field: string }) => f.field).sort(), ['confirm', 'reason']);
        assert.equal(await countWhere('participants', 'id', person.id), 1);
      });

      it('removes the personal data and leaves the outputs’ counts as they were', async () => {
        const { person, household, course } = await aFullPerson('familiedage');
        const countsBefore = async () => ({
          enrolments: await countWhere('enrolments', 'activity_slug', 'familiedage'),
          participants: Number(
            (await db().selectFrom('enrolments').select((eb) => eb.fn.count('participant_id').distinct().as('n')).where('activity_slug', '=', 'familiedage').executeTakeFirstOrThrow()).n,
          ),
          attendance: Number(
            (await db().selectFrom('attendance as a').innerJoin('course_sessions as s', 's.id', 'a.session_id').select((eb) => eb.fn.countAll().as('n')).where('s.course_id', '=', course.id).executeTakeFirstOrThrow()).n,
          ),
        });
        const before = await countsBefore();
        const response = await call(admin, 'POST', `/api/v1/privacy/persons/${person.code}/erase`, { reason: 'Anmodning fra forælder', confirm: true });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.json().status, 'erased');
        assert.deepEqual(await countsBefore(), before);
        assert.equal(await countWhere('participants', 'id', person.id), 0);
        assert.equal(await countWhere('participants', 'code', person.code), 0);
        assert.equal(await countWhere('consents', 'participant_id', person.id), 0);
        assert.equal(await countWhere('outcome_measurements', 'participant_id', person.id), 0);
        assert.equal(await countWhere('enrolments', 'participant_id', person.id), 0);
        assert.equal((await db().selectFrom('households').select('id').where('id', '=', household.id).execute()).length, 0);
        const kept = await db().selectFrom('enrolments as e').innerJoin('participants as p', 'p.id', 'e.participant_id').selectAll('p').select('e.findings').where('e.course_id', '=', course.id).execute();
        assert.equal(kept.length, 1);
        assert.equal(kept[0]!.birth_year_month, null);
        assert.equal(kept[0]!.nickname, null);
        assert.equal(kept[0]!.household_id, null);
        assert.equal(kept[0]!.findings, null);
        assert.notEqual(kept[0]!.anonymised_at, null);
        const erasures = await auditOf('participant', 'erase');
        assert.ok(erasures.some((e) => e.entity_id === person.id && e.summary.includes('Anmodning fra forælder')));
        assert.ok(!erasures.some((e) => (e.after_json ?? '').includes(kept[0]!.code)), 'the placeholder’s code is not linked to the person');
      });

      it('keeps the household of the members left, without the erased person', async () => {
        const { person, household } = await aFullPerson();
        const sibling = aParticipant(app.planId, { code: newParticipantCode(), household_id: household.id });
        await insertRows(db(), { participants: [sibling] });
        const response = await call(admin, 'POST', `/api/v1/privacy/persons/${person.code}/erase`, { reason: 'Anmodning', confirm: true });
        assert.equal(response.json().counts.householdDeleted, false);
        const members = await db().selectFrom('participants').select('id').where('household_id', '=', household.id).execute();
        assert.deepEqual(members.map((m) => m.id), [sibling.id]);
      });

      it('erasing again changes nothing and says it was erased', async () => {
        const { person } = await aFullPerson();
        const first = await call(admin, 'POST', `/api/v1/privacy/persons/${person.code}/erase`, { reason: 'Første gang', confirm: true });
        assert.equal(first.json().status, 'erased');
        const participants = Number((await db().selectFrom('participants').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        const again = await call(admin, 'POST', `/api/v1/privacy/persons/${person.code}/erase`, { reason: 'Anden gang', confirm: true });
        assert.equal(again.statusCode, 200);
        assert.equal(again.json().status, 'already-erased');
        assert.equal(Number((await db().selectFrom('participants').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), participants);
        const exported = await call(admin, 'GET', `/api/v1/privacy/persons/${person.code}/export`);
        assert.equal(exported.statusCode, 404);
        assert.match(exported.json().error.message, /er slettet/);
      });

      it('erases from the page after confirmation and then says so', async () => {
        const { person } = await aFullPerson();
        const refused = await form(admin, `/persondata/personer/${person.code}/slet`, { begrundelse: 'Ønske fra borgeren' });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /Bekræft, at personens data skal slettes/);
        const done = await form(admin, `/persondata/personer/${person.code}/slet`, { begrundelse: 'Ønske fra borgeren', bekraeft: 'ja' });
        assert.equal(done.statusCode, 303);
        const page = await call(admin, 'GET', done.headers.location as string);
        assert.match(page.body, /er slettet/);
      });
    });

    describe('retention', () => {
      it('erases those whose last enrolment ended more than 24 months ago, and the never-enrolled registered as long ago, and no others', async () => {
        const make = (created = '2023-01-01T08:00:00.000Z') => aParticipant(app.planId, { code: newParticipantCode(), created_at: created });
        const endedBefore = make();
        const endedOnCutoff = make();
        const oneStillActive = make();
        const neverEnrolledOld = make('2024-11-01T08:00:00.000Z');
        const neverEnrolledNew = make('2025-01-01T08:00:00.000Z');
        const waitingLong = make();
        const waitingNow = make();
        await insertRows(db(), {
          participants: [endedBefore, endedOnCutoff, oneStillActive, neverEnrolledOld, neverEnrolledNew, waitingLong, waitingNow],
          enrolments: [
            anEnrolment(app.planId, endedBefore.id, 'npu', { start_date: '2023-02-01', end_date: '2024-11-25', status: 'afsluttet' }),
            anEnrolment(app.planId, endedOnCutoff.id, 'npu', { start_date: '2023-02-01', end_date: '2024-11-26', status: 'afsluttet' }),
            anEnrolment(app.planId, oneStillActive.id, 'npu', { start_date: '2023-02-01', end_date: '2023-06-01', status: 'afsluttet' }),
            anEnrolment(app.planId, oneStillActive.id, 'social-vicevaert', { start_date: '2023-02-01', end_date: null, status: 'aktiv' }),
            anEnrolment(app.planId, waitingLong.id, 'brandkadet', { start_date: '2024-08-01', end_date: null, status: 'venteliste' }),
            anEnrolment(app.planId, waitingNow.id, 'brandkadet', { start_date: '2026-08-01', end_date: null, status: 'venteliste' }),
          ],
        });
        const status = (await call(admin, 'GET', '/api/v1/privacy/retention')).json();
        assert.equal(status.cutoff, '2024-11-26');
        assert.ok(status.dueNow >= 2);
        const run = await call(admin, 'POST', '/api/v1/privacy/retention/run');
        assert.equal(run.statusCode, 200, run.body);
        const exists = async (p: { id: string }) => (await countWhere('participants', 'id', p.id)) === 1;
        assert.equal(await exists(endedBefore), false);
        assert.equal(await exists(neverEnrolledOld), false);
        assert.equal(await exists(endedOnCutoff), true);
        assert.equal(await exists(oneStillActive), true);
        assert.equal(await exists(neverEnrolledNew), true);
        assert.equal(await exists(waitingLong), false, 'a waiting-list place older than the period counts as ended');
        assert.equal(await exists(waitingNow), true);
        assert.equal(run.json().erased, status.dueNow, 'the page counts who the run erases');
        assert.equal(await countWhere('enrolments', 'activity_slug', 'npu') >= 3, true, 'enrolments are kept for counting');
        const runs = await auditOf('retention', 'erase');
        assert.ok(runs[0]!.summary.includes('slettede persondata'));
        assert.equal(JSON.parse(runs[0]!.after_json!).erased, run.json().erased);
        const again = await call(admin, 'POST', '/api/v1/privacy/retention/run');
        assert.equal(again.json().erased, 0, 'placeholders are never due');
        const page = await call(admin, 'GET', '/persondata/opbevaring');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /ingen deltagere var forfaldne/);
      });
    });

    describe('retention in batches', () => {
      it('erases many in batches, each recorded with the run’s totals so far', async () => {
        const many = Array.from({ length: 450 }, () => aParticipant(app.planId, { code: newParticipantCode(), created_at: '2020-01-01T08:00:00.000Z' }));
        await insertRows(db(), { participants: many });
        const before = (await auditOf('retention', 'erase')).length;
        const run = (await call(admin, 'POST', '/api/v1/privacy/retention/run')).json();
        assert.equal(run.erased, 450);
        const entries = (await auditOf('retention', 'erase')).slice(0, (await auditOf('retention', 'erase')).length - before);
        assert.deepEqual(entries.map((e) => JSON.parse(e.after_json!).erased).sort((a, b) => a - b), [200, 400, 450]);
        assert.equal(await countWhere('participants', 'created_at', '2020-01-01T08:00:00.000Z'), 0);
      });
    });

    describe('the daily run in the server', () => {
      it('runs retention shortly after start and records the run', async () => {
        const before = (await auditOf('retention', 'erase')).length;
        const stop = scheduleRetention(app.services.privacy, { ...SYSTEM_ACTOR, label: 'opbevaringsjobbet' }, { info: () => {}, error: (e) => assert.fail(String(e)) }, 5);
        try {
          for (let i = 0; i < 100 && (await auditOf('retention', 'erase')).length === before; i++) await new Promise((r) => setTimeout(r, 20));
          const runs = await auditOf('retention', 'erase');
          assert.equal(runs.length, before + 1);
          assert.equal(runs[0]!.actor_label, 'opbevaringsjobbet');
          assert.ok(app.services.privacy.nextRetentionRunAt!.getTime() > Date.now() + 23 * 3_600_000, 'the next run is a day later');
        } finally {
          stop();
        }
      });
    });

    describe('who may reach it', () => {
      it('answers 403 to a partner and a secretariat employee on every page and API route', async () => {
        const code = newParticipantCode();
        const routes: [string, 'GET' | 'POST' | 'DELETE'][] = [
          ['/persondata', 'GET'], ['/persondata/adgang', 'GET'], ['/persondata/adgang', 'POST'], ['/persondata/laesninger', 'GET'], ['/persondata/personer', 'GET'],
          [`/persondata/personer/${code}`, 'GET'], [`/persondata/personer/${code}/slet`, 'GET'], [`/persondata/personer/${code}/slet`, 'POST'],
          ['/persondata/opbevaring', 'GET'], ['/persondata/opbevaring/koer', 'POST'],
          ['/api/v1/privacy/access', 'GET'], ['/api/v1/privacy/access', 'POST'], ['/api/v1/privacy/access/x', 'DELETE'], ['/api/v1/privacy/reads', 'GET'],
          [`/api/v1/privacy/persons/${code}/export`, 'GET'], [`/api/v1/privacy/persons/${code}/erase`, 'POST'], ['/api/v1/privacy/retention', 'GET'], ['/api/v1/privacy/retention/run', 'POST'],
        ];
        for (const session of [partner, secretariat]) {
          for (const [url, method] of routes) {
            const response = await call(session, method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
            assert.equal(response.statusCode, 403, `${session.email} ${method} ${url}: ${response.statusCode}`);
          }
        }
      });
    });
  });
}
