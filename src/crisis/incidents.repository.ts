/**
 * All SQL of activation and incidents (issue 7, part 2): numbering an incident within its plan, storing it, its level
 * changes, police consultation and stand-down, and the lists of the module's home page. Rows become domain incidents
 * through `toIncident` (incident.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CrisisIncidentRow } from './crisis.table.js';
import { toIncident, type Incident } from './incident.js';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Serialises activations within a plan on PostgreSQL, so two members activating at the same moment get numbers 1 and
 * 2 rather than one of them a unique-index violation. SQLite writes one transaction at a time already. «No key update»
 * queues activations behind each other without holding up other writes that merely refer to the plan.
 */
export async function lockPlanForNumbering(trx: Transaction<Database>, engine: string, planId: string): Promise<void> {
  if (engine !== 'postgres') return;
  await trx.selectFrom('plans').select('id').where('id', '=', planId).forNoKeyUpdate().executeTakeFirst();
}

/** The next incident number of the plan: 1, 2, … */
export async function nextIncidentNumber(trx: Transaction<Database>, planId: string): Promise<number> {
  const last = await trx.selectFrom('crisis_incidents').select((eb) => eb.fn.max('number').as('n')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(last?.n ?? 0) + 1;
}

export async function insertIncidentRow(trx: Transaction<Database>, row: CrisisIncidentRow): Promise<void> {
  await trx.insertInto('crisis_incidents').values(row).execute();
}

/** Reads the incident inside a transaction, locking its row on PostgreSQL so that two changes of it queue up. */
export async function lockedIncident(trx: Transaction<Database>, engine: string, planId: string, id: string): Promise<Incident | undefined> {
  let query = trx.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId).where('id', '=', id);
  if (engine === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export type IncidentPatch = Partial<
  Pick<
    CrisisIncidentRow,
    | 'level'
    | 'deadline_at'
    | 'level_set_at'
    | 'status'
    | 'police_status'
    | 'police_contact'
    | 'police_contacted_at'
    | 'police_assessed_level'
    | 'stood_down_at'
    | 'stood_down_by_label'
    | 'stand_down_reason'
  >
> & { updated_at: string };

export async function updateIncidentRow(trx: Transaction<Database>, planId: string, id: string, patch: IncidentPatch): Promise<void> {
  await trx.updateTable('crisis_incidents').set(patch).where('plan_id', '=', planId).where('id', '=', id).execute();
}

/** The plan's active incidents, the most urgent deadline first. */
export async function listActiveIncidents(db: Q, planId: string): Promise<Incident[]> {
  const rows = await db.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId).where('status', '=', 'aktiv').orderBy('deadline_at').orderBy('number').execute();
  return rows.map(toIncident);
}

/** The plan's earlier (stood-down) incidents, the latest first, at most `limit`, and how many there are in all. */
export async function listEarlierIncidents(db: Q, planId: string, limit: number): Promise<{ incidents: Incident[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId).where('status', '<>', 'aktiv').orderBy('activated_at', 'desc').orderBy('number', 'desc').limit(limit).execute(),
    db.selectFrom('crisis_incidents').select((eb) => eb.fn.countAll().as('n')).where('plan_id', '=', planId).where('status', '<>', 'aktiv').executeTakeFirst(),
  ]);
  return { incidents: rows.map(toIncident), total: Number(count?.n ?? 0) };
}

/** All the plan's incidents, the latest first (the API's list). */
export async function listAllIncidents(db: Q, planId: string, options: { status?: string; limit: number }): Promise<Incident[]> {
  let query = db.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId);
  if (options.status) query = query.where('status', '=', options.status);
  const rows = await query.orderBy('number', 'desc').limit(options.limit).execute();
  return rows.map(toIncident);
}
