/**
 * All SQL of staff hours: the hours each organisation reported per month, summed per line of the plan's agreed hours.
 * PostgreSQL returns sums as strings or doubles; they are made numbers here.
 */
import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import type { StaffHourReportRow } from '../participants/participants.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface OrganisationRef {
  id: string;
  name: string;
}

/** The plan's organisations (made by name when a partner user is created, or when hours are first reported). */
export async function organisationsOfPlan(db: Q, planId: string): Promise<OrganisationRef[]> {
  return db.selectFrom('organisations').select(['id', 'name']).where('plan_id', '=', planId).orderBy('name').execute();
}

/** The organisation of the plan with exactly this name, made if missing (as a partner user's organisation is made). */
export async function organisationByName(db: Q, planId: string, name: string): Promise<string> {
  const existing = await db.selectFrom('organisations').select('id').where('plan_id', '=', planId).where('name', '=', name).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await db.insertInto('organisations').values({ id, plan_id: planId, name, created_at: nowIso() }).execute();
  return id;
}

export interface DeliveredHours {
  organisationId: string;
  interventionAreaSlug: string;
  activitySlug: string;
  hours: number;
  months: number;
}

/** Hours reported per organisation and line of agreed hours for months within [start, end]. */
export async function deliveredHours(db: Q, planId: string, start: string, end: string): Promise<DeliveredHours[]> {
  const rows = await db
    .selectFrom('staff_hour_reports')
    .select((eb) => [
      'organisation_id',
      'intervention_area_slug',
      'activity_slug',
      eb.fn.sum<string | number>('hours').as('hours'),
      eb.fn.countAll<string | number>().as('months'),
    ])
    .where('plan_id', '=', planId)
    .where('period_start', '>=', start)
    .where('period_end', '<=', end)
    .groupBy(['organisation_id', 'intervention_area_slug', 'activity_slug'])
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    interventionAreaSlug: r.intervention_area_slug,
    activitySlug: r.activity_slug,
    hours: Number(r.hours),
    months: Number(r.months),
  }));
}

/** One organisation's monthly reports within [start, end], newest month first. */
export async function hourReports(db: Q, planId: string, organisationId: string, start: string, end: string): Promise<StaffHourReportRow[]> {
  const rows = await db
    .selectFrom('staff_hour_reports')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('organisation_id', '=', organisationId)
    .where('period_start', '>=', start)
    .where('period_end', '<=', end)
    .orderBy('period_start', 'desc')
    .orderBy('intervention_area_slug')
    .orderBy('activity_slug')
    .execute();
  return rows.map((r) => ({ ...r, hours: Number(r.hours) }));
}

export async function findHourReport(db: Q, key: Pick<StaffHourReportRow, 'plan_id' | 'organisation_id' | 'intervention_area_slug' | 'activity_slug' | 'period_start' | 'period_end'>): Promise<StaffHourReportRow | undefined> {
  const row = await db
    .selectFrom('staff_hour_reports')
    .selectAll()
    .where('plan_id', '=', key.plan_id)
    .where('organisation_id', '=', key.organisation_id)
    .where('intervention_area_slug', '=', key.intervention_area_slug)
    .where('activity_slug', '=', key.activity_slug)
    .where('period_start', '=', key.period_start)
    .where('period_end', '=', key.period_end)
    .executeTakeFirst();
  return row ? { ...row, hours: Number(row.hours) } : undefined;
}

/** Writes a month's hours for a line, replacing an earlier report of the same month. */
export async function saveHourReport(db: Q, row: StaffHourReportRow): Promise<void> {
  await db
    .insertInto('staff_hour_reports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'organisation_id', 'intervention_area_slug', 'activity_slug', 'period_start', 'period_end']).doUpdateSet({
        hours: row.hours,
        note: row.note,
        period_label: row.period_label,
        reported_at: row.reported_at,
        reported_by: row.reported_by,
        reported_by_label: row.reported_by_label,
      }),
    )
    .execute();
}
