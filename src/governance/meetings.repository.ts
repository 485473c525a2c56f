/**
 * All SQL of the bodies' members, their meetings and the personal calendar feeds (issue 6). Rows are returned as the
 * table holds them; PostgreSQL's integers come back as numbers already (database.ts), so nothing needs normalising
 * beyond the boolean `is_authority`, which the service reads as `!== 0`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BodyMemberRow, CalendarFeedRow, MeetingRow } from './governance.table.js';

type Q = Kysely<Database> | Transaction<Database>;

// Meetings

export interface MeetingQuery {
  /** First and last ISO date, inclusive. */
  from?: string;
  to?: string;
  body?: string;
}

/** The plan's meetings in date and time order, optionally within dates and of one body. */
export async function listMeetings(db: Q, planId: string, query: MeetingQuery = {}): Promise<MeetingRow[]> {
  let q = db.selectFrom('meetings').selectAll().where('plan_id', '=', planId);
  if (query.from) q = q.where('date', '>=', query.from);
  if (query.to) q = q.where('date', '<=', query.to);
  if (query.body) q = q.where('body', '=', query.body);
  return q.orderBy('date').orderBy('starts_at').orderBy('body').orderBy('id').execute();
}

export async function findMeeting(db: Q, planId: string, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

/** The body's first meeting after (or last before) a date, cancelled ones left out. */
export async function neighbourMeeting(db: Q, planId: string, body: string, date: string, direction: 'next' | 'previous'): Promise<MeetingRow | undefined> {
  const q = db.selectFrom('meetings').selectAll().where('plan_id', '=', planId).where('body', '=', body).where('status', '<>', 'aflyst');
  return direction === 'next'
    ? q.where('date', '>', date).orderBy('date').orderBy('starts_at').limit(1).executeTakeFirst()
    : q.where('date', '<', date).orderBy('date', 'desc').orderBy('starts_at', 'desc').limit(1).executeTakeFirst();
}

/** How many meetings of the bodies the year holds that are not extra meetings (generation refuses when any). */
export async function countCalendarMeetings(db: Q, planId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('plan_id', '=', planId)
    .where('kind', '<>', 'ekstra')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMeetings(db: Q, rows: MeetingRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('meetings').values(rows).execute();
}

export async function updateMeeting(db: Q, row: MeetingRow): Promise<void> {
  const { id, plan_id, created_at, ...changes } = row;
  void created_at;
  await db.updateTable('meetings').set(changes).where('plan_id', '=', plan_id).where('id', '=', id).execute();
}

// Members

export async function listMembers(db: Q, planId: string, body?: string): Promise<BodyMemberRow[]> {
  let q = db.selectFrom('body_members').selectAll().where('plan_id', '=', planId);
  if (body) q = q.where('body', '=', body);
  return q.orderBy('body').orderBy('sort_order').orderBy('created_at').orderBy('id').execute();
}

export async function findMember(db: Q, planId: string, id: string): Promise<BodyMemberRow | undefined> {
  return db.selectFrom('body_members').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export async function insertMembers(db: Q, rows: BodyMemberRow[]): Promise<void> {
  // One at a time in order: a substitute refers to its principal, which must exist first.
  for (const row of rows) await db.insertInto('body_members').values(row).execute();
}

export async function updateMember(db: Q, row: BodyMemberRow): Promise<void> {
  const { id, plan_id, created_at, ...changes } = row;
  void created_at;
  await db.updateTable('body_members').set(changes).where('plan_id', '=', plan_id).where('id', '=', id).execute();
}

/** Deletes a member; its substitutes stay as ordinary members (their reference is cleared first). */
export async function deleteMember(db: Q, planId: string, id: string): Promise<void> {
  await db.updateTable('body_members').set({ substitute_for: null }).where('plan_id', '=', planId).where('substitute_for', '=', id).execute();
  await db.deleteFrom('body_members').where('plan_id', '=', planId).where('id', '=', id).execute();
}

export async function maxSortOrder(db: Q, planId: string, body: string): Promise<number> {
  const row = await db
    .selectFrom('body_members')
    .select((eb) => eb.fn.max<number | string | null>('sort_order').as('m'))
    .where('plan_id', '=', planId)
    .where('body', '=', body)
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m);
}

/**
 * Claims a settings key once: true when this call wrote it, false when it was there. Seeding the members from the
 * plan happens only for the caller that claims the key, so members the secretariat deletes are not seeded again.
 */
export async function claimSetting(db: Q, key: string, value: string, at: string): Promise<boolean> {
  const result = await db.insertInto('settings').values({ key, value, updated_at: at }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function hasSetting(db: Q, key: string): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

// Calendar feeds

export async function insertFeed(db: Q, row: CalendarFeedRow): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute();
}

/** The user's feeds in the plan, newest first, revoked ones included. */
export async function feedsOf(db: Q, planId: string, userId: string): Promise<CalendarFeedRow[]> {
  return db.selectFrom('calendar_feeds').selectAll().where('plan_id', '=', planId).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function revokeFeed(db: Q, planId: string, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: at })
    .where('plan_id', '=', planId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * A feed that is not revoked, found by its token's hash, when its user is active and still has a role in the feed's
 * plan: a calendar program cannot log in, so the token alone admits it, and only while its user would be admitted.
 */
export async function activeFeedByHash(db: Q, tokenHash: string): Promise<CalendarFeedRow | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .selectAll('calendar_feeds')
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .where('users.active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('role_assignments').select('role_assignments.id').whereRef('role_assignments.user_id', '=', 'calendar_feeds.user_id').whereRef('role_assignments.plan_id', '=', 'calendar_feeds.plan_id'),
      ),
    )
    .executeTakeFirst();
}
