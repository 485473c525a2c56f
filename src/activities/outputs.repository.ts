/**
 * All SQL of outputs against targets: set-based counts per activity, area, intervention area and course for one plan
 * year, and the figures reported by hand. The same SQL runs on SQLite and PostgreSQL; counts arrive as strings from
 * PostgreSQL and are made numbers here.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OutputReportRow } from '../participants/participants.table.js';
import type { PlanYear } from './output-targets.js';

type Q = Kysely<Database> | Transaction<Database>;

/** An enrolment that is not on the waiting list; someone who dropped out did take part. */
const WAITING_LIST = 'venteliste';

/**
 * A value that changes with every committed change to enrolments, courses, sessions, reported outputs or a
 * participant's area or household (triggers of migration 0006 bump it), so counts can be kept until it changes.
 */
export async function outputsDataVersion(db: Q): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'outputs-data-version').executeTakeFirst();
  return row?.value ?? '0';
}

/** Enrolments of the plan overlapping the plan year (not on the waiting list), joined to their participant. */
function enrolmentsInYear(db: Q, planId: string, year: PlanYear) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .where('e.plan_id', '=', planId)
    .where('e.status', '<>', WAITING_LIST)
    .where('e.start_date', '<=', year.end)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', year.start)]));
}

export interface ActivityAreaCount {
  activitySlug: string;
  /** The participant's area; null when it is outside the plan's areas or not known. */
  areaSlug: string | null;
  participants: number;
}

/** Distinct participants per activity and participant's area, with an enrolment overlapping the plan year. */
export async function participantsByActivityAndArea(db: Q, planId: string, year: PlanYear): Promise<ActivityAreaCount[]> {
  const rows = await enrolmentsInYear(db, planId, year)
    .select((eb) => ['e.activity_slug', 'p.area_slug', eb.fn.count<string | number>('e.participant_id').distinct().as('n')])
    .groupBy(['e.activity_slug', 'p.area_slug'])
    .execute();
  return rows.map((r) => ({ activitySlug: r.activity_slug, areaSlug: r.area_slug, participants: Number(r.n) }));
}

export interface ActivityHouseholds {
  activitySlug: string;
  households: number;
  householdsFromAreas: number;
}

/**
 * Distinct households per activity in the plan year, in all and from the plan's areas (`areaSlugs`), for the activities whose
 * targets count families (a handful), so the count reads only their enrolments. Participants are not counted here:
 * each has one area, so an activity's participants are the sum of its row in `participantsByActivityAndArea`.
 */
export async function householdsByActivity(db: Q, planId: string, year: PlanYear, activitySlugs: readonly string[], areaSlugs: readonly string[]): Promise<ActivityHouseholds[]> {
  if (activitySlugs.length === 0) return [];
  const rows = await enrolmentsInYear(db, planId, year)
    .where('e.activity_slug', 'in', [...activitySlugs])
    .select((eb) => {
      // A participant without a household is a household of one; the prefix keeps the two kinds of id apart.
      const household = eb.fn.coalesce('p.household_id', sql<string>`'p:' || p.id`);
      return [
        'e.activity_slug',
        eb.fn.count<string | number>(household).distinct().as('households'),
        // From the plan's areas, as the participants per area count them (an unknown or former area is outside).
        eb.fn.count<string | number>(eb.case().when('p.area_slug', 'in', areaSlugs.length > 0 ? [...areaSlugs] : ['']).then(household).end()).distinct().as('households_from_areas'),
      ];
    })
    .groupBy('e.activity_slug')
    .execute();
  return rows.map((r) => ({ activitySlug: r.activity_slug, households: Number(r.households), householdsFromAreas: Number(r.households_from_areas) }));
}

export interface InterventionAreaTotals {
  interventionAreaSlug: string;
  participants: number;
  households: number;
}

/**
 * Distinct participants and households per intervention area (a participant in two of its activities counts once).
 * Which activity belongs to which intervention area is the plan's content, passed in, so the grouping is a CASE.
 */
export async function totalsByInterventionArea(db: Q, planId: string, year: PlanYear, activitiesOf: ReadonlyMap<string, readonly string[]>): Promise<InterventionAreaTotals[]> {
  const areas = [...activitiesOf].filter(([, slugs]) => slugs.length > 0);
  if (areas.length === 0) return [];
  const rows = await enrolmentsInYear(db, planId, year)
    .select((eb) => {
      let grouping = eb.case().when('e.activity_slug', 'in', [...areas[0]![1]]).then(areas[0]![0]);
      for (const [slug, slugs] of areas.slice(1)) grouping = grouping.when('e.activity_slug', 'in', [...slugs]).then(slug);
      const household = eb.fn.coalesce('p.household_id', sql<string>`'p:' || p.id`);
      return [
        grouping.end().as('ia'),
        eb.fn.count<string | number>('e.participant_id').distinct().as('participants'),
        eb.fn.count<string | number>(household).distinct().as('households'),
      ];
    })
    .groupBy('ia')
    .execute();
  return rows
    .filter((r) => r.ia !== null)
    .map((r) => ({ interventionAreaSlug: String(r.ia), participants: Number(r.participants), households: Number(r.households) }));
}

/** Enrolments started in the plan year per activity (not on the waiting list). */
export async function enrolmentsStartedByActivity(db: Q, planId: string, year: PlanYear): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('enrolments')
    .select((eb) => ['activity_slug', eb.fn.countAll<string | number>().as('n')])
    .where('plan_id', '=', planId)
    .where('status', '<>', WAITING_LIST)
    .where('start_date', '>=', year.start)
    .where('start_date', '<=', year.end)
    .groupBy('activity_slug')
    .execute();
  return new Map(rows.map((r) => [r.activity_slug, Number(r.n)]));
}

/** Courses per activity starting within [start, end] (for targets per summer, whose window crosses 1 August). */
export async function coursesStartingBetween(db: Q, planId: string, start: string, end: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('courses')
    .select((eb) => ['activity_slug', eb.fn.countAll<string | number>().as('n')])
    .where('plan_id', '=', planId)
    .where('start_date', '>=', start)
    .where('start_date', '<=', end)
    .groupBy('activity_slug')
    .execute();
  return new Map(rows.map((r) => [r.activity_slug, Number(r.n)]));
}

export interface CourseFigures {
  id: string;
  activitySlug: string;
  code: string;
  name: string;
  areaSlug: string | null;
  startDate: string;
  endDate: string | null;
  plannedSessions: number | null;
  sessionsHeld: number;
  firstHeld: string | null;
  lastHeld: string | null;
  participants: number;
}

/**
 * Every course starting in the plan year with the sessions held so far (not cancelled, on or before `today`) and the
 * distinct participants enrolled in it. Two grouped queries joined in memory: courses are few (tens a year).
 */
export async function coursesInYear(db: Q, planId: string, year: PlanYear, today: string): Promise<CourseFigures[]> {
  const courses = await db
    .selectFrom('courses')
    .select(['id', 'activity_slug', 'code', 'name', 'area_slug', 'start_date', 'end_date', 'planned_sessions'])
    .where('plan_id', '=', planId)
    .where('start_date', '>=', year.start)
    .where('start_date', '<=', year.end)
    .orderBy('activity_slug')
    .orderBy('start_date')
    .orderBy('code')
    .execute();
  if (courses.length === 0) return [];
  // A sub-query rather than the ids: a large installation's year may hold more courses than a bound-parameter list likes.
  const inYear = () =>
    db.selectFrom('courses as c').select('c.id').where('c.plan_id', '=', planId).where('c.start_date', '>=', year.start).where('c.start_date', '<=', year.end);
  const [sessions, enrolled] = await Promise.all([
    db
      .selectFrom('course_sessions as s')
      .select((eb) => ['s.course_id', eb.fn.countAll<string | number>().as('held'), eb.fn.min('s.held_on').as('first'), eb.fn.max('s.held_on').as('last')])
      .where('s.plan_id', '=', planId)
      .where('s.cancelled', '=', 0)
      .where('s.held_on', '<=', today)
      .where('s.course_id', 'in', inYear())
      .groupBy('s.course_id')
      .execute(),
    db
      .selectFrom('enrolments as e')
      .select((eb) => ['e.course_id', eb.fn.count<string | number>('e.participant_id').distinct().as('n')])
      .where('e.plan_id', '=', planId)
      .where('e.status', '<>', WAITING_LIST)
      .where('e.course_id', 'in', inYear())
      .groupBy('e.course_id')
      .execute(),
  ]);
  const held = new Map(sessions.map((s) => [s.course_id, s]));
  const participants = new Map(enrolled.map((e) => [e.course_id, Number(e.n)]));
  return courses.map((c) => {
    const s = held.get(c.id);
    return {
      id: c.id,
      activitySlug: c.activity_slug,
      code: c.code,
      name: c.name,
      areaSlug: c.area_slug,
      startDate: c.start_date,
      endDate: c.end_date,
      plannedSessions: c.planned_sessions === null ? null : Number(c.planned_sessions),
      sessionsHeld: s ? Number(s.held) : 0,
      firstHeld: s?.first ?? null,
      lastHeld: s?.last ?? null,
      participants: participants.get(c.id) ?? 0,
    };
  });
}

/** The figures reported by hand for a plan year (period_start is the plan year's first day). */
export async function reportedOutputs(db: Q, planId: string, year: PlanYear): Promise<OutputReportRow[]> {
  return db.selectFrom('output_reports').selectAll().where('plan_id', '=', planId).where('period_start', '=', year.start).execute();
}

export async function findOutputReport(db: Q, planId: string, activitySlug: string, targetCode: string, periodStart: string): Promise<OutputReportRow | undefined> {
  return db
    .selectFrom('output_reports')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('activity_slug', '=', activitySlug)
    .where('target_code', '=', targetCode)
    .where('period_start', '=', periodStart)
    .executeTakeFirst();
}

/** Writes a reported figure, replacing an earlier report of the same target and plan year. */
export async function saveOutputReport(db: Q, row: OutputReportRow): Promise<void> {
  await db
    .insertInto('output_reports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'activity_slug', 'target_code', 'period_start']).doUpdateSet({
        delivered: row.delivered,
        note: row.note,
        period_end: row.period_end,
        reported_at: row.reported_at,
        reported_by: row.reported_by,
        reported_by_label: row.reported_by_label,
      }),
    )
    .execute();
}
