import type { Kysely, Transaction } from 'kysely';
import { compiledOnce } from '../db/compiled.js';
import type { ApiTokenRow, Database, LoginAttemptRow, OneTimeLinkRow, SessionRow, UserRow } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export function findUserByEmail(db: Q, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Q, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface RoleWithOrganisation {
  role: string;
  organisation_id: string | null;
  organisation_name: string | null;
}

export function listRolesInPlan(db: Q, userId: string, planId: string): Promise<RoleWithOrganisation[]> {
  return db
    .selectFrom('role_assignments as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.role', 'r.organisation_id', 'o.name as organisation_name'])
    .where('r.user_id', '=', userId)
    .where('r.plan_id', '=', planId)
    .orderBy('r.role')
    .execute();
}

// Sessions

export async function insertSession(db: Q, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * A session with its user, plan and the user's roles in that plan, in one query (one row per role, or one row with
 * no role): this runs on every signed-in request, so it is compiled once.
 */
export const findSessionContext = compiledOnce((db: Kysely<Database>, idHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('plans as p', 'p.id', 's.plan_id')
    .leftJoin('role_assignments as r', (join) => join.onRef('r.user_id', '=', 's.user_id').onRef('r.plan_id', '=', 's.plan_id'))
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      's.id_hash', 's.plan_id', 's.csrf_token', 's.last_seen_at', 's.expires_at',
      'u.id as user_id', 'u.email', 'u.name', 'u.active',
      'p.slug as plan_slug', 'p.name as plan_name', 'p.period_start', 'p.period_end',
      'r.role', 'r.organisation_id', 'o.name as organisation_name',
    ])
    .where('s.id_hash', '=', idHash)
    .orderBy('r.role'),
);

export async function touchSession(db: Q, idHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function setSessionPlan(db: Q, idHash: string, planId: string): Promise<void> {
  await db.updateTable('sessions').set({ plan_id: planId }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Q, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Q, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Q, now: string, idleCutoff: string): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleCutoff)])).execute();
}

// Login attempts

export async function insertLoginAttempt(db: Q, row: LoginAttemptRow): Promise<void> {
  await db.insertInto('login_attempts').values(row).execute();
}

/** The newest successful login for an account since a moment, if any. */
export async function lastSuccessSince(db: Q, email: string, since: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('email', '=', email)
    .where('succeeded', '=', 1)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function failuresSince(db: Q, by: 'email' | 'ip', value: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('at')
    .where(by, '=', value)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

export async function deleteLoginAttemptsBefore(db: Q, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}

// API tokens

export async function insertApiToken(db: Q, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findApiTokenByHash(db: Q, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function listApiTokensOfUser(db: Q, userId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export function findApiTokenOfUser(db: Q, userId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
}

export async function revokeApiToken(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function touchApiToken(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

// One-time links (first-start setup, password reset)

export async function insertOneTimeLink(db: Q, row: OneTimeLinkRow): Promise<void> {
  await db.insertInto('one_time_links').values(row).execute();
}

export function findOneTimeLink(db: Q, hash: string): Promise<OneTimeLinkRow | undefined> {
  return db.selectFrom('one_time_links').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function markOneTimeLinkUsed(db: Q, hash: string, at: string): Promise<number> {
  const result = await db
    .updateTable('one_time_links')
    .set({ used_at: at })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
