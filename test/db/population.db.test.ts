import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testEngines, type TestDatabase } from '../support/databases.js';
import { ensureDefaultPlan } from '../../src/plan/plans.service.js';
import { randersPlanContent } from '../../src/plan/content/index.js';
import { checkTargetGroup } from '../../src/activities/target-group.js';
import { generatePopulation, writePopulation, type PopulationRows } from '../fixtures/participants/population.js';

const TODAY = '2026-11-26';
const activities = randersPlanContent.interventionAreas.flatMap((ia) => ia.activities);

describe('generating a population', () => {
  const make = (seed: number | string) => generatePopulation({ planId: 'plan', participants: 400, attendance: 3000, seed, today: TODAY });

  it('gives the same rows, ids included, for the same seed', () => {
    assert.deepEqual(make(7), make(7));
  });

  it('gives other rows for another seed', () => {
    assert.notDeepEqual(make(7).participants.map((p) => p.code), make(8).participants.map((p) => p.code));
  });

  it('makes exactly the participants and attendance rows asked for', () => {
    const rows = make(1);
    assert.equal(rows.participants.length, 400);
    assert.equal(rows.attendance.length, 3000);
  });

  it('enrols participants in every one of the plan’s 16 activities, with referrals between them', () => {
    const rows = generatePopulation({ planId: 'plan', participants: 1500, attendance: 10_000, seed: 3, today: TODAY });
    const slugs = new Set(rows.enrolments.map((e) => e.activity_slug));
    assert.equal(activities.length, 16);
    for (const a of activities) assert.ok(slugs.has(a.slug), `no enrolment in ${a.slug}`);
    const referrals = rows.enrolments.filter((e) => e.referral_kind === 'aktivitet');
    assert.ok(referrals.length > 50, `${referrals.length} referrals`);
    assert.ok(referrals.every((e) => e.referred_from_activity && slugs.has(e.referred_from_activity) && e.referred_from_activity !== e.activity_slug));
  });

  it('makes everyone fit the target group’s ages and areas on their enrolment’s start date', () => {
    const rows = make(2);
    const byId = new Map(rows.participants.map((p) => [p.id, p]));
    const groups = new Map(activities.map((a) => [a.slug, a.targetGroup]));
    const areaNames = new Map(randersPlanContent.areas.map((a) => [a.slug, a.name]));
    for (const e of rows.enrolments) {
      const p = byId.get(e.participant_id)!;
      const check = checkTargetGroup(groups.get(e.activity_slug)!, { birthYearMonth: p.birth_year_month!, areaSlug: p.area_slug, institution: p.institution, school: p.school }, e.start_date, areaNames);
      assert.ok(check.fits, `${e.activity_slug} ${e.start_date} ${p.birth_year_month}: ${check.findings.map((f) => f.message).join(' ')}`);
    }
  });

  it('gives Brandkadet courses of 10 to 12 weekly sessions and Familiedage courses of 6', () => {
    const rows = generatePopulation({ planId: 'plan', participants: 1500, attendance: 10_000, seed: 4, today: TODAY });
    const sessionsOf = (courseId: string) => rows.sessions.filter((s) => s.course_id === courseId).length;
    const brandkadet = rows.courses.filter((c) => c.activity_slug === 'brandkadet');
    const familiedage = rows.courses.filter((c) => c.activity_slug === 'familiedage');
    assert.ok(brandkadet.length > 0 && familiedage.length > 0);
    for (const c of brandkadet) assert.ok(sessionsOf(c.id) >= 10 && sessionsOf(c.id) <= 12, c.name);
    for (const c of familiedage) assert.equal(sessionsOf(c.id), 6, c.name);
  });

  it('makes nothing happen after today', () => {
    const rows = make(5);
    assert.ok(rows.enrolments.every((e) => e.start_date <= TODAY && (e.end_date === null || e.end_date <= TODAY)));
    const held = new Map(rows.sessions.map((s) => [s.id, s.held_on]));
    assert.ok(rows.attendance.every((a) => held.get(a.session_id)! <= TODAY));
    assert.ok(rows.outcomes.every((o) => o.period_end <= TODAY));
  });
});

for (const engine of testEngines()) {
  describe(`writing a population on ${engine}`, () => {
    let db: TestDatabase;
    let rows: PopulationRows;
    before(async () => {
      db = await createTestDatabase(engine);
      const plan = await ensureDefaultPlan(db.database);
      rows = generatePopulation({ planId: plan.id, participants: 600, attendance: 5000, seed: 'skrivning', today: TODAY });
      await writePopulation(db.database, rows);
    });
    after(() => db.drop());

    const count = async (table: 'households' | 'participants' | 'courses' | 'course_sessions' | 'enrolments' | 'consents' | 'attendance' | 'outcome_measurements') =>
      Number((await db.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('writes every row it made', async () => {
      assert.equal(await count('households'), rows.households.length);
      assert.equal(await count('participants'), 600);
      assert.equal(await count('courses'), rows.courses.length);
      assert.equal(await count('course_sessions'), rows.sessions.length);
      assert.equal(await count('enrolments'), rows.enrolments.length);
      assert.equal(await count('consents'), rows.consents.length);
      assert.equal(await count('attendance'), 5000);
      assert.equal(await count('outcome_measurements'), rows.outcomes.length);
    });

    it('links each enrolment with a course to a course of the same activity', async () => {
      const stray = await db.database.db
        .selectFrom('enrolments as e')
        .leftJoin('courses as c', 'c.id', 'e.course_id')
        .select('e.id')
        .where('e.course_id', 'is not', null)
        .where((eb) => eb.or([eb('c.id', 'is', null), eb('c.activity_slug', '<>', eb.ref('e.activity_slug'))]))
        .execute();
      assert.equal(stray.length, 0);
    });

    it('leaves no reference dangling (PostgreSQL writes with the checks off when it may)', async () => {
      const orphans = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM participants p WHERE p.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM households h WHERE h.id = p.household_id))
             + (SELECT count(*) FROM enrolments e WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.id = e.participant_id))
             + (SELECT count(*) FROM consents c WHERE NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.id = c.enrolment_id AND e.participant_id = c.participant_id))
             + (SELECT count(*) FROM course_sessions s WHERE NOT EXISTS (SELECT 1 FROM courses c WHERE c.id = s.course_id))
             + (SELECT count(*) FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.id = a.participant_id))
             + (SELECT count(*) FROM outcome_measurements o WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.id = o.participant_id)) AS n`.execute(db.database.db);
      assert.equal(Number(orphans.rows[0]!.n), 0);
    });

    it('registers attendance only for members of the session’s course', async () => {
      const strangers = await sql<{ n: number }>`
        SELECT count(*) AS n FROM attendance a JOIN course_sessions s ON s.id = a.session_id
        WHERE NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = a.participant_id AND e.course_id = s.course_id)`.execute(db.database.db);
      assert.equal(Number(strangers.rows[0]!.n), 0);
    });

    it('tells the outputs page its counts are stale', async () => {
      const version = async () => (await db.database.db.selectFrom('settings').select('value').where('key', '=', 'outputs-data-version').executeTakeFirstOrThrow()).value;
      const before = await version();
      await writePopulation(db.database, generatePopulation({ planId: rows.participants[0]!.plan_id, participants: 5, attendance: 5, seed: 'noch einmal', today: TODAY }));
      assert.notEqual(await version(), before);
    });

    it('writes nothing when a row breaks a constraint', async () => {
      const again = generatePopulation({ planId: rows.participants[0]!.plan_id, participants: 20, attendance: 50, seed: 'skrivning', today: TODAY });
      const before = await count('participants');
      await assert.rejects(writePopulation(db.database, again));
      assert.equal(await count('participants'), before);
    });
  });
}
