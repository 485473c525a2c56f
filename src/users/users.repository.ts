import type { Kysely, Transaction } from 'kysely';
import type { Database, OrganisationRow, RoleAssignmentRow, UserRow } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function countUsers(db: Q): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Q, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Q, id: string, changes: Partial<Pick<UserRow, 'name' | 'active' | 'password_hash' | 'updated_at' | 'email'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export function listAllUsers(db: Q): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute();
}

export interface RoleAssignmentView {
  user_id: string;
  role: string;
  organisation_id: string | null;
  organisation_name: string | null;
}

export function listRoleAssignmentsInPlan(db: Q, planId: string): Promise<RoleAssignmentView[]> {
  return db
    .selectFrom('role_assignments as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.user_id', 'r.role', 'r.organisation_id', 'o.name as organisation_name'])
    .where('r.plan_id', '=', planId)
    .orderBy('r.role')
    .execute();
}

export async function deleteRoleAssignments(db: Q, userId: string, planId: string): Promise<void> {
  await db.deleteFrom('role_assignments').where('user_id', '=', userId).where('plan_id', '=', planId).execute();
}

export async function insertRoleAssignments(db: Q, rows: RoleAssignmentRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('role_assignments').values(rows).execute();
}

export function listOrganisations(db: Q, planId: string): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().where('plan_id', '=', planId).orderBy('name').execute();
}

export function findOrganisationByName(db: Q, planId: string, name: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('plan_id', '=', planId).where('name', '=', name).executeTakeFirst();
}

export async function insertOrganisation(db: Q, row: OrganisationRow): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}
