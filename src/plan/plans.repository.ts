import type { Kysely, Transaction } from 'kysely';
import type { Database, PlanRow } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export function findPlanBySlug(db: Q, slug: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findPlanById(db: Q, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPlans(db: Q): Promise<PlanRow[]> {
  return db.selectFrom('plans').selectAll().orderBy('period_start', 'desc').orderBy('name').execute();
}

export async function insertPlan(db: Q, row: PlanRow): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

/** The plans in which a user has at least one role, newest first. */
export function listPlansForUser(db: Q, userId: string): Promise<PlanRow[]> {
  return db
    .selectFrom('plans')
    .selectAll('plans')
    .where('id', 'in', db.selectFrom('role_assignments').select('plan_id').where('user_id', '=', userId))
    .orderBy('period_start', 'desc')
    .execute();
}
