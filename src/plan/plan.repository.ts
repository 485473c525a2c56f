import type { Kysely, Transaction } from 'kysely';
import type { Database, PlanChangeProposalRow, PlanElementRow, PlanElementVersionRow } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function countElements(db: Q, planId: string): Promise<number> {
  const row = await db.selectFrom('plan_elements').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertElements(db: Q, elements: PlanElementRow[], versions: PlanElementVersionRow[]): Promise<void> {
  // In chunks: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < elements.length; i += 100) await db.insertInto('plan_elements').values(elements.slice(i, i + 100)).execute();
  for (let i = 0; i < versions.length; i += 50) await db.insertInto('plan_element_versions').values(versions.slice(i, i + 50)).execute();
}

export interface CurrentElementRow extends PlanElementRow {
  data: string;
  version_created_at: string;
  version_created_by_label: string;
}

/** Every element of a plan with the data of its current version. */
export function listCurrentElements(db: Q, planId: string): Promise<CurrentElementRow[]> {
  return db
    .selectFrom('plan_elements as e')
    .innerJoin('plan_element_versions as v', (join) => join.onRef('v.element_id', '=', 'e.id').onRef('v.version', '=', 'e.current_version'))
    .selectAll('e')
    .select(['v.data', 'v.created_at as version_created_at', 'v.created_by_label as version_created_by_label'])
    .where('e.plan_id', '=', planId)
    .orderBy('e.position')
    .execute();
}

/** A cheap fingerprint of a plan's content: it changes whenever a version is added. */
export async function contentStamp(db: Q, planId: string): Promise<string> {
  const row = await db
    .selectFrom('plan_element_versions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${String(row.last ?? '')}`;
}

export function findElement(db: Q, planId: string, id: string): Promise<PlanElementRow | undefined> {
  return db.selectFrom('plan_elements').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export function listVersions(db: Q, elementId: string): Promise<PlanElementVersionRow[]> {
  return db.selectFrom('plan_element_versions').selectAll().where('element_id', '=', elementId).orderBy('version').execute();
}

export function findVersion(db: Q, elementId: string, version: number): Promise<PlanElementVersionRow | undefined> {
  return db.selectFrom('plan_element_versions').selectAll().where('element_id', '=', elementId).where('version', '=', version).executeTakeFirst();
}

export async function insertVersion(db: Q, row: PlanElementVersionRow): Promise<void> {
  await db.insertInto('plan_element_versions').values(row).execute();
}

/** Moves the element to a new version, only if it is still at the version the change was based on. */
export async function advanceElement(db: Q, id: string, fromVersion: number, toVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('plan_elements')
    .set({ current_version: toVersion })
    .where('id', '=', id)
    .where('current_version', '=', fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertProposal(db: Q, row: PlanChangeProposalRow): Promise<void> {
  await db.insertInto('plan_change_proposals').values(row).execute();
}

export function findProposal(db: Q, planId: string, id: string): Promise<PlanChangeProposalRow | undefined> {
  return db.selectFrom('plan_change_proposals').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export function listProposals(db: Q, planId: string, elementId?: string): Promise<PlanChangeProposalRow[]> {
  let query = db.selectFrom('plan_change_proposals').selectAll().where('plan_id', '=', planId);
  if (elementId) query = query.where('element_id', '=', elementId);
  return query.orderBy('created_at', 'desc').execute();
}

export async function updateProposal(db: Q, id: string, changes: Partial<PlanChangeProposalRow>, expectedStatus: string): Promise<boolean> {
  const result = await db.updateTable('plan_change_proposals').set(changes).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
