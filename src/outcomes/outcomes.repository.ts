/**
 * All SQL of outcomes: participants' outcome measurements (only through `visibleParticipants` where a person is read),
 * the record of each import, the cohorts of an activity, the monitoring values they are compared with, and the
 * enrolments behind journeys. Driver types are normalised here (PostgreSQL's counts are strings).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ParticipantScope } from '../participants/access.js';
import { visibleParticipants } from '../participants/access.repository.js';
import type { OutcomeMeasurementRow } from '../participants/participants.table.js';
import type { CohortMember, CohortValue, ComparisonPoint } from './cohorts.js';
import type { JourneyEnrolment } from './journeys.js';

type Q = Kysely<Database> | Transaction<Database>;

/** How many values go in one IN list or one multi-row insert (well under both engines' parameter limits). */
const CHUNK = 500;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export interface VisibleParticipant {
  id: string;
  code: string;
  nickname: string | null;
  birth_year_month: string | null;
  area_slug: string | null;
}

/** The participant with the code, if the scope may see them. */
export function findVisibleParticipant(db: Q, scope: ParticipantScope, planId: string, code: string): Promise<VisibleParticipant | undefined> {
  return db
    .selectFrom('participants')
    .select(['participants.id', 'participants.code', 'participants.nickname', 'participants.birth_year_month', 'participants.area_slug'])
    .where('participants.code', '=', code)
    .where((eb) => visibleParticipants(eb, scope, planId))
    .executeTakeFirst();
}

/** The ids of the participants with these codes that the scope may see, by code. */
export async function visibleIdsByCode(db: Q, scope: ParticipantScope, planId: string, codes: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(codes)])) {
    const rows = await db
      .selectFrom('participants')
      .select(['participants.id', 'participants.code'])
      .where('participants.code', 'in', part)
      .where((eb) => visibleParticipants(eb, scope, planId))
      .execute();
    for (const r of rows) found.set(r.code, r.id);
  }
  return found;
}

export function outcomesOf(db: Q, participantId: string): Promise<OutcomeMeasurementRow[]> {
  return db.selectFrom('outcome_measurements').selectAll().where('participant_id', '=', participantId).orderBy('measure').orderBy('period_start').execute();
}

export function enrolmentsOf(db: Q, participantId: string): Promise<{ activity_slug: string; start_date: string; end_date: string | null; status: string }[]> {
  return db.selectFrom('enrolments').select(['activity_slug', 'start_date', 'end_date', 'status']).where('participant_id', '=', participantId).orderBy('start_date').execute();
}

export function findOutcome(db: Q, participantId: string, id: string): Promise<OutcomeMeasurementRow | undefined> {
  return db.selectFrom('outcome_measurements').selectAll().where('participant_id', '=', participantId).where('id', '=', id).executeTakeFirst();
}

/** The stored values of these participants, for the import to tell new, changed and unchanged values apart. */
export async function existingOutcomes(db: Q, participantIds: readonly string[]): Promise<OutcomeMeasurementRow[]> {
  const rows: OutcomeMeasurementRow[] = [];
  for (const part of chunks([...new Set(participantIds)])) {
    rows.push(...(await db.selectFrom('outcome_measurements').selectAll().where('participant_id', 'in', part).execute()));
  }
  return rows;
}

export async function insertOutcomes(db: Q, rows: readonly OutcomeMeasurementRow[]): Promise<void> {
  // Thirteen columns a row: 70 rows stay under SQLite's default limit of 999 parameters.
  for (const part of chunks(rows, 70)) await db.insertInto('outcome_measurements').values(part).execute();
}

export async function updateOutcome(
  db: Q,
  id: string,
  changes: Pick<OutcomeMeasurementRow, 'value' | 'value_text' | 'source' | 'period_label' | 'import_id' | 'recorded_at' | 'recorded_by_label'>,
): Promise<void> {
  await db.updateTable('outcome_measurements').set(changes).where('id', '=', id).execute();
}

export async function deleteOutcome(db: Q, id: string): Promise<void> {
  await db.deleteFrom('outcome_measurements').where('id', '=', id).execute();
}

export { insertImport, updateImport, findImport, listImports } from '../participants/participant-imports.repository.js';

/**
 * An activity's cohort: each participant who took part (not only on its waiting list), with their area and the start
 * of their first enrolment in it; optionally only those whose first start lies in a range (a plan year).
 */
export async function cohortMembers(db: Q, planId: string, activity: string, firstStartIn?: { start: string; end: string }): Promise<CohortMember[]> {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('participants', 'participants.id', 'enrolments.participant_id')
    .select((eb) => ['enrolments.participant_id', 'participants.area_slug', eb.fn.min('enrolments.start_date').as('start_date')])
    .where('enrolments.plan_id', '=', planId)
    .where('enrolments.activity_slug', '=', activity)
    .where('enrolments.status', '<>', 'venteliste')
    .groupBy(['enrolments.participant_id', 'participants.area_slug']);
  if (firstStartIn) {
    query = query.having((eb) => eb.and([eb(eb.fn.min('enrolments.start_date'), '>=', firstStartIn.start), eb(eb.fn.min('enrolments.start_date'), '<=', firstStartIn.end)]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ participantId: r.participant_id, areaSlug: r.area_slug, startDate: String(r.start_date) }));
}

/** The values of a measure for the participants who took part in an activity. */
export async function cohortValues(db: Q, planId: string, activity: string, measure: string): Promise<CohortValue[]> {
  const rows = await db
    .selectFrom('outcome_measurements')
    .select(['participant_id', 'period_end', 'value', 'value_text'])
    .where('plan_id', '=', planId)
    .where('measure', '=', measure)
    .where('participant_id', 'in', (eb) =>
      eb.selectFrom('enrolments').select('enrolments.participant_id').where('enrolments.plan_id', '=', planId).where('enrolments.activity_slug', '=', activity).where('enrolments.status', '<>', 'venteliste'),
    )
    .execute();
  return rows.map((r) => ({ participantId: r.participant_id, periodEnd: r.period_end, value: r.value === null ? null : Number(r.value), valueText: r.value_text }));
}

/** The current monitoring values of these indicators for these scopes. */
export async function comparisonPoints(db: Q, planId: string, indicators: readonly string[], scopes: readonly string[]): Promise<ComparisonPoint[]> {
  if (indicators.length === 0 || scopes.length === 0) return [];
  const rows = await db
    .selectFrom('measurements')
    .select(['indicator_code', 'scope', 'period_start', 'period_end', 'period_label', 'value'])
    .where('plan_id', '=', planId)
    .where('is_current', '=', 1)
    .where('indicator_code', 'in', [...indicators])
    .where('scope', 'in', [...scopes])
    .execute();
  return rows.map((r) => ({ indicator: r.indicator_code, scope: r.scope, start: r.period_start, end: r.period_end, label: r.period_label, value: Number(r.value) }));
}

/** The plan's period, from which its plan years are counted. */
export function planPeriod(db: Q, planId: string): Promise<{ period_start: string; period_end: string } | undefined> {
  return db.selectFrom('plans').select(['period_start', 'period_end']).where('id', '=', planId).executeTakeFirst();
}

/**
 * A fingerprint of what journeys are computed from: how many enrolments the plan has and when an enrolment and a
 * participant last changed (every change sets `updated_at`; an erasure moves enrolments to a new placeholder). Read
 * from indexes only (migration 0007), so it costs little whatever the plan's size.
 */
export async function journeyFingerprint(db: Q, planId: string): Promise<string> {
  const [count, enrolment, participant] = await Promise.all([
    db.selectFrom('enrolments').select((eb) => eb.fn.countAll().as('n')).where('plan_id', '=', planId).executeTakeFirst(),
    db.selectFrom('enrolments').select('updated_at').where('plan_id', '=', planId).orderBy('updated_at', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('participants').select('updated_at').where('plan_id', '=', planId).orderBy('updated_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  const at = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));
  return `${Number(count?.n ?? 0)}|${at(enrolment?.updated_at)}|${at(participant?.updated_at)}`;
}

/** Every enrolment of the plan with the participant's household, for journeys across activities. */
export async function journeyEnrolments(db: Q, planId: string): Promise<JourneyEnrolment[]> {
  const rows = await db
    .selectFrom('enrolments')
    .innerJoin('participants', 'participants.id', 'enrolments.participant_id')
    .select([
      'enrolments.participant_id', 'participants.household_id', 'enrolments.activity_slug', 'enrolments.start_date', 'enrolments.end_date', 'enrolments.status',
      'enrolments.referral_kind', 'enrolments.referred_from_activity', 'enrolments.referred_by',
    ])
    .where('enrolments.plan_id', '=', planId)
    .execute();
  return rows.map((r) => ({
    participantId: r.participant_id, householdId: r.household_id, activity: r.activity_slug, startDate: r.start_date, endDate: r.end_date, status: r.status,
    referralKind: r.referral_kind, referredFromActivity: r.referred_from_activity, referredBy: r.referred_by,
  }));
}
