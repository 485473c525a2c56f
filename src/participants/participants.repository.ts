/**
 * All SQL of participants, households, consents and enrolments. Every read of a person goes through
 * `visibleParticipants` with the caller's scope; the few reads without it (a CPR match, a code's existence when a new
 * one is drawn) return no personal data.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ParticipantScope } from './access.js';
import { visibleParticipants } from './access.repository.js';
import type { ConsentRow, EnrolmentRow, HouseholdRow, ParticipantRow } from './participants.table.js';
import { prefixUpperBound, type ParticipantSearch } from './participant-rules.js';

type Q = Kysely<Database> | Transaction<Database>;

/** What a list shows of a participant. */
export interface ParticipantListRow {
  id: string;
  code: string;
  nickname: string | null;
  birth_year_month: string | null;
  gender: string | null;
  area_slug: string | null;
}

/** The activities whose enrolments a scope sees: all, or the granted ones (and enrolments the user made). */
function visibleEnrolment(scope: ParticipantScope) {
  return (eb: import('kysely').ExpressionBuilder<Database, 'enrolments'>) => {
    if (scope.kind === 'all') return eb.lit(true);
    if (scope.kind === 'none') return eb.lit(false);
    const own = eb('enrolments.created_by', '=', scope.userId);
    return scope.activitySlugs.length === 0 ? own : eb.or([own, eb('enrolments.activity_slug', 'in', scope.activitySlugs as string[])]);
  };
}

export function findParticipantByCode(db: Q, scope: ParticipantScope, planId: string, code: string): Promise<ParticipantRow | undefined> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('participants.code', '=', code)
    .where((eb) => visibleParticipants(eb, scope, planId))
    .where('participants.anonymised_at', 'is', null)
    .executeTakeFirst();
}

/** The code of the participant a CPR hash already belongs to, whoever may see them (a match is never a duplicate). */
export async function findCodeByCprHash(db: Q, planId: string, hash: string): Promise<{ id: string; code: string } | undefined> {
  return db.selectFrom('participants').select(['id', 'code']).where('plan_id', '=', planId).where('cpr_hash', '=', hash).executeTakeFirst();
}

export async function codeExists(db: Q, table: 'participants' | 'households', planId: string, code: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertParticipant(db: Q, row: ParticipantRow): Promise<void> {
  await db.insertInto('participants').values(row).execute();
}

export async function updateParticipant(db: Q, id: string, changes: Partial<ParticipantRow>): Promise<void> {
  await db.updateTable('participants').set(changes).where('id', '=', id).execute();
}

/**
 * One page of the participants a scope sees, in code order after `search.after` (keyset paging), filtered by code
 * prefix, nickname, birth year, area and activity. Returns up to `limit` rows.
 */
export function searchParticipants(db: Q, scope: ParticipantScope, planId: string, search: ParticipantSearch, limit: number): Promise<ParticipantListRow[]> {
  // The page is chosen from participants_search_idx alone (every filtered column is in it), and only the chosen rows
  // are read from the table: selecting the shown columns in the filtering query made SQLite read a table row for
  // every participant it passed over.
  let query = db
    .selectFrom('participants')
    .select('participants.id')
    .where((eb) => visibleParticipants(eb, scope, planId))
    .where('participants.anonymised_at', 'is', null);
  if (search.codePrefix) {
    // A range rather than LIKE, so both engines use the (plan_id, code) index (SQLite's LIKE ignores case and cannot).
    query = query.where('participants.code', '>=', search.codePrefix).where('participants.code', '<', prefixUpperBound(search.codePrefix));
  }
  if (search.nickname) {
    const pattern = `%${search.nickname.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`participants.nickname_key like ${pattern} escape '\\'`);
  }
  if (search.birthYear !== undefined) {
    query = query.where('participants.birth_year_month', '>=', `${search.birthYear}-01`).where('participants.birth_year_month', '<=', `${search.birthYear}-12`);
  }
  if (search.area) query = query.where('participants.area_slug', '=', search.area);
  if (search.activity) {
    const activity = search.activity;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('enrolments').select('enrolments.id').whereRef('enrolments.participant_id', '=', 'participants.id').where('enrolments.activity_slug', '=', activity)),
    );
  }
  if (search.after) query = query.where('participants.code', '>', search.after);
  const page = query.orderBy('participants.code').limit(limit);
  return db
    .selectFrom('participants')
    .select(['participants.id', 'participants.code', 'participants.nickname', 'participants.birth_year_month', 'participants.gender', 'participants.area_slug'])
    .where('participants.id', 'in', page)
    .orderBy('participants.code')
    .execute();
}

/** The activities each of the participants is in (active or on the waiting list), as the scope may see them. */
export async function currentActivities(db: Q, scope: ParticipantScope, participantIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (participantIds.length === 0) return out;
  const rows = await db
    .selectFrom('enrolments')
    .select(['participant_id', 'activity_slug'])
    .where('participant_id', 'in', participantIds as string[])
    .where('status', 'in', ['aktiv', 'venteliste'])
    .where(visibleEnrolment(scope))
    .orderBy('start_date')
    .execute();
  for (const r of rows) {
    const list = out.get(r.participant_id) ?? [];
    if (!list.includes(r.activity_slug)) list.push(r.activity_slug);
    out.set(r.participant_id, list);
  }
  return out;
}

export function listEnrolments(db: Q, scope: ParticipantScope, participantId: string): Promise<EnrolmentRow[]> {
  return db.selectFrom('enrolments').selectAll().where('participant_id', '=', participantId).where(visibleEnrolment(scope)).orderBy('start_date', 'desc').orderBy('created_at', 'desc').execute();
}

export function findEnrolment(db: Q, scope: ParticipantScope, participantId: string, id: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('enrolments').selectAll().where('participant_id', '=', participantId).where('id', '=', id).where(visibleEnrolment(scope)).executeTakeFirst();
}

export async function insertEnrolments(db: Q, rows: readonly EnrolmentRow[]): Promise<void> {
  // In chunks: SQLite allows at most 32,766 bound values in one statement.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('enrolments').values(rows.slice(i, i + 500)).execute();
}

export async function updateEnrolment(db: Q, id: string, changes: Partial<EnrolmentRow>): Promise<void> {
  await db.updateTable('enrolments').set(changes).where('id', '=', id).execute();
}

/**
 * What is already stored of these participants' enrolments: every participant, activity and start (an import run
 * twice adds nothing), and the open ones (aktiv or venteliste) per participant and activity with their start.
 */
export async function existingEnrolments(db: Q, planId: string, participantIds: readonly string[]): Promise<{ keys: Set<string>; open: Map<string, string> }> {
  const keys = new Set<string>();
  const open = new Map<string, string>();
  for (let i = 0; i < participantIds.length; i += 500) {
    const rows = await db
      .selectFrom('enrolments')
      .select(['participant_id', 'activity_slug', 'start_date', 'status'])
      .where('plan_id', '=', planId)
      .where('participant_id', 'in', participantIds.slice(i, i + 500) as string[])
      .execute();
    for (const r of rows) {
      keys.add(`${r.participant_id}|${r.activity_slug}|${r.start_date}`);
      if (r.status === 'aktiv' || r.status === 'venteliste') open.set(`${r.participant_id}|${r.activity_slug}`, r.start_date);
    }
  }
  return { keys, open };
}

/** The participants with these codes that the scope sees (for an import). */
export async function visibleParticipantsByCode(db: Q, scope: ParticipantScope, planId: string, codes: readonly string[]): Promise<Map<string, ParticipantRow>> {
  const out = new Map<string, ParticipantRow>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('participants')
      .selectAll()
      .where('participants.code', 'in', codes.slice(i, i + 500) as string[])
      .where((eb) => visibleParticipants(eb, scope, planId))
      .where('participants.anonymised_at', 'is', null)
      .execute();
    for (const r of rows) out.set(r.code, r);
  }
  return out;
}

export function listConsents(db: Q, participantId: string, enrolmentIds: readonly string[] | 'all'): Promise<ConsentRow[]> {
  let query = db.selectFrom('consents').selectAll().where('participant_id', '=', participantId);
  if (enrolmentIds !== 'all') {
    const ids = enrolmentIds as string[];
    query = query.where((eb) => (ids.length > 0 ? eb.or([eb('enrolment_id', 'is', null), eb('enrolment_id', 'in', ids)]) : eb('enrolment_id', 'is', null)));
  }
  return query.orderBy('given_on', 'desc').orderBy('created_at', 'desc').execute();
}

export function findConsent(db: Q, participantId: string, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('participant_id', '=', participantId).where('id', '=', id).executeTakeFirst();
}

export async function insertConsent(db: Q, row: ConsentRow): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

export async function updateConsent(db: Q, id: string, changes: Partial<ConsentRow>): Promise<void> {
  await db.updateTable('consents').set(changes).where('id', '=', id).execute();
}

export async function insertHousehold(db: Q, row: HouseholdRow): Promise<void> {
  await db.insertInto('households').values(row).execute();
}

export function findHouseholdByCode(db: Q, planId: string, code: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('plan_id', '=', planId).where('code', '=', code).where('anonymised_at', 'is', null).executeTakeFirst();
}

export function findHouseholdById(db: Q, planId: string, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

/** The members of a household the scope sees. */
export function householdMembers(db: Q, scope: ParticipantScope, planId: string, householdId: string): Promise<ParticipantListRow[]> {
  return db
    .selectFrom('participants')
    .select(['participants.id', 'participants.code', 'participants.nickname', 'participants.birth_year_month', 'participants.gender', 'participants.area_slug'])
    .where('participants.household_id', '=', householdId)
    .where((eb) => visibleParticipants(eb, scope, planId))
    .where('participants.anonymised_at', 'is', null)
    .orderBy('participants.birth_year_month')
    .orderBy('participants.code')
    .execute();
}

/** Households the user made (seen before anyone is linked to them), newest first. */
export function householdsCreatedBy(db: Q, planId: string, userId: string, limit: number): Promise<HouseholdRow[]> {
  return db.selectFrom('households').selectAll().where('plan_id', '=', planId).where('created_by', '=', userId).where('anonymised_at', 'is', null).orderBy('created_at', 'desc').limit(limit).execute();
}

export { insertImport, updateImport, findImport, listImports } from './participant-imports.repository.js';
