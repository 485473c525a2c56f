/**
 * All SQL of milestone plans: the milestones of a plan (per sub-agreement) with the milestones each waits for. Rows are
 * made domain milestones here: an empty activity slug (a milestone of the sub-agreement as a whole) becomes no
 * activity, nulls become absent fields.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { MilestoneRow } from './governance.table.js';
import { isMilestoneStatus, type Milestone } from './milestones.js';

type Q = Kysely<Database> | Transaction<Database>;

/** A milestone as stored, with who changed it last. */
export interface StoredMilestone extends Milestone {
  createdAt: string;
  updatedAt: string;
  updatedByLabel: string;
}

function toMilestone(row: MilestoneRow, dependsOn: string[]): StoredMilestone {
  return {
    id: row.id,
    title: row.title,
    dueDate: row.due_date,
    owner: row.owner,
    // Only the service writes the status, through isMilestoneStatus; a foreign value would be a bug, shown as not started.
    status: isMilestoneStatus(row.status) ? row.status : 'ikke startet',
    ...(row.completed_on ? { completedOn: row.completed_on } : {}),
    dependsOn,
    interventionArea: row.intervention_area_slug,
    ...(row.activity_slug ? { activity: row.activity_slug } : {}),
    ...(row.note ? { note: row.note } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

/** The plan's milestones (one sub-agreement's when `interventionArea` is given), by due date then title. */
export async function listMilestones(db: Q, planId: string, interventionArea?: string): Promise<StoredMilestone[]> {
  let query = db.selectFrom('milestones').selectAll().where('plan_id', '=', planId);
  if (interventionArea !== undefined) query = query.where('intervention_area_slug', '=', interventionArea);
  const rows = await query.orderBy('due_date').orderBy('title').orderBy('id').execute();
  if (rows.length === 0) return [];
  let depQuery = db
    .selectFrom('milestone_dependencies')
    .innerJoin('milestones', 'milestones.id', 'milestone_dependencies.milestone_id')
    .select(['milestone_dependencies.milestone_id', 'milestone_dependencies.depends_on_id'])
    .where('milestones.plan_id', '=', planId);
  if (interventionArea !== undefined) depQuery = depQuery.where('milestones.intervention_area_slug', '=', interventionArea);
  const deps = await depQuery.execute();
  const byMilestone = new Map<string, string[]>();
  for (const d of deps) {
    const list = byMilestone.get(d.milestone_id) ?? [];
    list.push(d.depends_on_id);
    byMilestone.set(d.milestone_id, list);
  }
  return rows.map((r) => toMilestone(r, (byMilestone.get(r.id) ?? []).sort()));
}

/** One milestone of the plan, or undefined. */
export async function findMilestone(db: Q, planId: string, id: string): Promise<StoredMilestone | undefined> {
  const row = await db.selectFrom('milestones').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const deps = await db.selectFrom('milestone_dependencies').select('depends_on_id').where('milestone_id', '=', id).orderBy('depends_on_id').execute();
  return toMilestone(row, deps.map((d) => d.depends_on_id));
}

/** How many milestones the plan holds (the demo seeds only an empty plan). */
export async function countMilestones(db: Q, planId: string): Promise<number> {
  const row = await db.selectFrom('milestones').select((eb) => eb.fn.countAll<string | number>().as('n')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Writes a milestone and replaces the milestones it depends on. Call within a transaction. */
export async function saveMilestone(db: Q, row: MilestoneRow, dependsOn: readonly string[], isNew: boolean): Promise<void> {
  if (isNew) await db.insertInto('milestones').values(row).execute();
  else {
    const { id, plan_id, created_at, ...changes } = row;
    void created_at;
    await db.updateTable('milestones').set(changes).where('id', '=', id).where('plan_id', '=', plan_id).execute();
    await db.deleteFrom('milestone_dependencies').where('milestone_id', '=', id).execute();
  }
  if (dependsOn.length > 0) {
    await db
      .insertInto('milestone_dependencies')
      .values([...new Set(dependsOn)].map((d) => ({ milestone_id: row.id, depends_on_id: d })))
      .execute();
  }
}

/** Adds what a new milestone waits for (after an import has written every milestone it refers to). */
export async function addDependencies(db: Q, id: string, dependsOn: readonly string[]): Promise<void> {
  await db
    .insertInto('milestone_dependencies')
    .values([...new Set(dependsOn)].map((d) => ({ milestone_id: id, depends_on_id: d })))
    .execute();
}

/** Changes only a milestone's status and completion date. */
export async function saveStatus(db: Q, planId: string, id: string, changes: Pick<MilestoneRow, 'status' | 'completed_on' | 'updated_at' | 'updated_by_label'>): Promise<void> {
  await db.updateTable('milestones').set(changes).where('id', '=', id).where('plan_id', '=', planId).execute();
}

/** Deletes a milestone and what it waits for. Nothing may wait for it (the service checks). */
export async function deleteMilestone(db: Q, planId: string, id: string): Promise<void> {
  await db.deleteFrom('milestone_dependencies').where('milestone_id', '=', id).execute();
  await db.deleteFrom('milestones').where('id', '=', id).where('plan_id', '=', planId).execute();
}

/** The plan's intervention areas by slug, each with its activities' slugs (for the demo, which has no plan service). */
export async function interventionAreaSlugs(db: Q, planId: string): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('plan_elements').select(['id', 'kind', 'key', 'parent_id']).where('plan_id', '=', planId).where('kind', 'in', ['intervention-area', 'activity']).execute();
  const keyOf = new Map(rows.filter((r) => r.kind === 'intervention-area').map((r) => [r.id, r.key]));
  const areas = new Map([...keyOf.values()].map((k) => [k, new Set<string>()]));
  for (const r of rows) if (r.kind === 'activity' && r.parent_id && keyOf.has(r.parent_id)) areas.get(keyOf.get(r.parent_id)!)!.add(r.key);
  return areas;
}
