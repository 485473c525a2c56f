/**
 * A synthetic population for the demo switch (HELHED_DEMO_DATA=1): about 300 households and 1,000 participants across
 * all the plan's activities, with courses, sessions, attendance and outcome measurements, drawn from the same seeded
 * generator the benchmarks and tests use (test/fixtures/participants/population.ts); a year and a half of staff hours
 * for every line of the plan's agreed hours; and activity grants for the demo partner and secretariat users, so each
 * sees participants of their own. Every person, code and figure is invented.
 *
 * Added once: a start that finds demo participants leaves everything as it is (corrections and erasures made since
 * stay).
 */
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { StaffHourService } from '../activities/staff-hours.service.js';
import { monthPeriod } from '../activities/staff-hours.js';
import { organisationByName, saveHourReport } from '../activities/staff-hours.repository.js';
import { generatePopulation, seededRandom, writePopulation } from '../../test/fixtures/participants/population.js';

/** The label every demo row is written with, and by which a start finds that the population is there. */
export const DEMO_LABEL = 'demodata';
export const DEMO_PARTICIPANTS = 1000;
/** About nine registrations per participant: enough that the attendance pages have something to show. */
export const DEMO_ATTENDANCE = 9_000;
/** The activities of the demo partner (a school): those the plan gives the schools. */
export const DEMO_PARTNER_ACTIVITIES = ['fremmoede-i-skolen', 'trivsel-i-skolen', 'familieorienteret-uddannelsesvejledning'];

export interface DemoPopulationResult {
  participants: number;
  attendance: number;
  hourReports: number;
  grants: number;
}

/**
 * Adds the demo population to a plan unless it is there. `partnerOrganisation` and `secretariatEmail` name the demo
 * users that get activity grants.
 */
export async function seedDemoParticipants(
  database: Db,
  planId: string,
  services: { plan: PlanService; clock?: () => Date },
  demoUsers: { partnerOrganisation: string; secretariatEmail: string },
): Promise<DemoPopulationResult> {
  const db = database.db;
  const existing = await db.selectFrom('participants').select('id').where('plan_id', '=', planId).where('created_by_label', '=', DEMO_LABEL).limit(1).executeTakeFirst();
  if (existing) return { participants: 0, attendance: 0, hourReports: 0, grants: 0 };
  const clock = services.clock ?? (() => new Date());
  const today = danishDateOf(clock());
  const snapshot = await services.plan.snapshot(planId);
  const activities = snapshot.activities().map((a) => a.data);
  const rows = generatePopulation({
    planId,
    participants: DEMO_PARTICIPANTS,
    attendance: DEMO_ATTENDANCE,
    seed: 'helhed-demo',
    today,
    plan: { areas: snapshot.areas().map((a) => a.data), activities },
    label: DEMO_LABEL,
  });
  await writePopulation(database, rows);

  const hourReports = await seedDemoHours(database, planId, services.plan, clock, today);

  // Grants go straight to the table, as the demo users are made: the same rows an administrator's grant writes.
  const grants: { activity: string; organisationId: string | null; userId: string | null }[] = [];
  const organisation = await db.selectFrom('organisations').select('id').where('plan_id', '=', planId).where('name', '=', demoUsers.partnerOrganisation).executeTakeFirst();
  if (organisation) for (const slug of DEMO_PARTNER_ACTIVITIES) grants.push({ activity: slug, organisationId: organisation.id, userId: null });
  const secretariat = await db.selectFrom('users').select('id').where('email', '=', demoUsers.secretariatEmail).executeTakeFirst();
  if (secretariat) {
    for (const a of activities) {
      if (a.roles.some((r) => r.organisation.startsWith('Bysekretariatet'))) grants.push({ activity: a.slug, organisationId: null, userId: secretariat.id });
    }
  }
  if (grants.length > 0) {
    await db
      .insertInto('activity_access')
      .values(grants.map((g) => ({ id: newId(), plan_id: planId, activity_slug: g.activity, organisation_id: g.organisationId, user_id: g.userId, created_at: nowIso(clock) })))
      .execute();
  }
  return { participants: rows.participants.length, attendance: rows.attendance.length, hourReports, grants: grants.length };
}

/**
 * Monthly hours for every line of the plan's agreed hours from the start of the plan period to the last ended month:
 * around the agreed pace, a few organisations behind, and now and then a month not reported, so the hours page shows
 * both shortfalls and missing reports.
 */
async function seedDemoHours(database: Db, planId: string, plan: PlanService, clock: () => Date, today: string): Promise<number> {
  const { lines, periodStart } = await new StaffHourService(database, plan, clock).agreed(planId);
  const random = seededRandom('helhed-demo-timer');
  let count = 0;
  await database.db.transaction().execute(async (trx) => {
    for (const line of lines) {
      if (line.hoursPerYear === null) continue;
      // One organisation in five runs behind: its pace is 60-80 % of the agreed.
      const pace = random() < 0.2 ? 0.6 + random() * 0.2 : 0.9 + random() * 0.2;
      const organisationId = await organisationByName(trx, planId, line.organisation);
      for (let index = Number(periodStart.slice(0, 4)) * 12 + Number(periodStart.slice(5, 7)) - 1; ; index++) {
        const month = monthPeriod(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
        if (!month || month.end > today) break;
        if (random() < 0.06) continue;
        const hours = Math.round((line.hoursPerYear / 12) * pace * (0.8 + random() * 0.4) * 10) / 10;
        await saveHourReport(trx, {
          id: newId(), plan_id: planId, organisation_id: organisationId, activity_slug: line.activitySlug, intervention_area_slug: line.interventionAreaSlug,
          period_start: month.start, period_end: month.end, period_label: month.label, hours, note: null, reported_at: nowIso(clock), reported_by: null,
          reported_by_label: DEMO_LABEL,
        });
        count++;
      }
    }
  });
  return count;
}
