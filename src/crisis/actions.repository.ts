/**
 * All SQL of incidents' action plans (crisis_tasks): rows become domain tasks here, and the open tasks of a period
 * are counted for the annual status meeting's summary.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CrisisTaskRow } from './crisis.table.js';
import { isTaskStatus, type TaskStatus } from './actions.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface Task {
  id: string;
  incidentId: string;
  title: string;
  description: string | null;
  ownerMemberId: string | null;
  ownerLabel: string;
  organisation: string | null;
  deadlineAt: string | null;
  status: TaskStatus;
  templateKey: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
  updatedByLabel: string;
}

export function toTask(row: CrisisTaskRow): Task {
  return {
    id: row.id,
    incidentId: row.incident_id,
    title: row.title,
    description: row.description,
    ownerMemberId: row.owner_member_id,
    ownerLabel: row.owner_label,
    organisation: row.organisation,
    deadlineAt: row.deadline_at,
    // Only the service writes the status, through isTaskStatus; anything else would be a bug, shown as open.
    status: isTaskStatus(row.status) ? row.status : 'aaben',
    templateKey: row.template_key,
    sortOrder: Number(row.sort_order),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

/** An incident's tasks in the order they were made. */
export async function listTasks(db: Q, planId: string, incidentId: string): Promise<Task[]> {
  const rows = await db.selectFrom('crisis_tasks').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toTask);
}

export async function findTask(db: Q, planId: string, incidentId: string, id: string): Promise<Task | undefined> {
  const row = await db.selectFrom('crisis_tasks').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
  return row ? toTask(row) : undefined;
}

/**
 * Locks the incident's row for the rest of the transaction on PostgreSQL (SQLite writes one transaction at a time), so
 * two members making the plan from the template at once cannot both find it not yet made.
 */
export async function lockIncident(db: Transaction<Database>, engine: 'sqlite' | 'postgres', planId: string, incidentId: string): Promise<void> {
  if (engine !== 'postgres') return;
  await db.selectFrom('crisis_incidents').select('id').where('plan_id', '=', planId).where('id', '=', incidentId).forUpdate().executeTakeFirst();
}

/** The template keys an incident's tasks already carry (to make a template's tasks once only). */
export async function templateKeys(db: Q, planId: string, incidentId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('crisis_tasks').select('template_key').where('plan_id', '=', planId).where('incident_id', '=', incidentId).where('template_key', 'is not', null).execute();
  return new Set(rows.map((r) => r.template_key!));
}

/** The next sort order for a new task of the incident. */
export async function nextSortOrder(db: Q, planId: string, incidentId: string): Promise<number> {
  const row = await db.selectFrom('crisis_tasks').select((eb) => eb.fn.max('sort_order').as('n')).where('plan_id', '=', planId).where('incident_id', '=', incidentId).executeTakeFirst();
  return row?.n === null || row?.n === undefined ? 1 : Number(row.n) + 1;
}

export async function insertTasks(db: Q, rows: readonly CrisisTaskRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('crisis_tasks').values([...rows]).execute();
}

export async function updateTask(
  db: Q,
  planId: string,
  id: string,
  changes: Partial<Pick<CrisisTaskRow, 'title' | 'description' | 'owner_member_id' | 'owner_label' | 'organisation' | 'deadline_at' | 'status'>> &
    Pick<CrisisTaskRow, 'updated_at' | 'updated_by_label'>,
): Promise<void> {
  await db.updateTable('crisis_tasks').set(changes).where('plan_id', '=', planId).where('id', '=', id).execute();
}

/** An open task with its incident's number, for the annual summary. */
export interface OpenTask {
  id: string;
  incidentId: string;
  incidentNumber: number;
  title: string;
  ownerLabel: string;
  organisation: string | null;
  deadlineAt: string | null;
  status: TaskStatus;
}

/**
 * The tasks not done or cancelled of the incidents activated in [from, to) (ISO instants; either end open), by
 * incident number and deadline.
 */
export async function listOpenTasks(db: Q, planId: string, period: { from?: string; to?: string }): Promise<OpenTask[]> {
  let query = db
    .selectFrom('crisis_tasks')
    .innerJoin('crisis_incidents', 'crisis_incidents.id', 'crisis_tasks.incident_id')
    .select([
      'crisis_tasks.id',
      'crisis_tasks.incident_id',
      'crisis_incidents.number',
      'crisis_tasks.title',
      'crisis_tasks.owner_label',
      'crisis_tasks.organisation',
      'crisis_tasks.deadline_at',
      'crisis_tasks.status',
      'crisis_tasks.sort_order',
    ])
    .where('crisis_tasks.plan_id', '=', planId)
    .where('crisis_tasks.status', 'in', ['aaben', 'i_gang']);
  if (period.from) query = query.where('crisis_incidents.activated_at', '>=', period.from);
  if (period.to) query = query.where('crisis_incidents.activated_at', '<', period.to);
  const rows = await query.orderBy('crisis_incidents.number').orderBy('crisis_tasks.sort_order').execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    incidentNumber: Number(r.number),
    title: r.title,
    ownerLabel: r.owner_label,
    organisation: r.organisation,
    deadlineAt: r.deadline_at,
    status: isTaskStatus(r.status) ? r.status : 'aaben',
  }));
}
