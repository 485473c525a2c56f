/** SQL of convening (issue 7, part 3): the people convened to an incident and what the escalation job looks for. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CrisisParticipantRow } from './crisis.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function listParticipants(db: Q, planId: string, incidentId: string): Promise<CrisisParticipantRow[]> {
  return db.selectFrom('crisis_participants').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
}

export async function findParticipant(db: Q, planId: string, incidentId: string, id: string): Promise<CrisisParticipantRow | undefined> {
  return db.selectFrom('crisis_participants').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
}

/** Locks the incident's row until the transaction ends (PostgreSQL only: SQLite has no FOR UPDATE). */
export async function lockIncident(db: Q, incidentId: string): Promise<void> {
  await db.selectFrom('crisis_incidents').select('id').where('id', '=', incidentId).forUpdate().execute();
}

export async function findByTokenHash(db: Q, hash: string): Promise<CrisisParticipantRow | undefined> {
  return db.selectFrom('crisis_participants').selectAll().where('response_token_hash', '=', hash).executeTakeFirst();
}

export async function insertParticipants(db: Q, rows: readonly CrisisParticipantRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('crisis_participants').values([...rows]).execute();
}

export async function updateParticipant(db: Q, id: string, set: Partial<CrisisParticipantRow>): Promise<void> {
  await db.updateTable('crisis_participants').set(set).where('id', '=', id).execute();
}

/**
 * Principal members of active incidents who were invited, have not answered and were not escalated: the only rows the
 * escalation rule can pick, so the per-minute job reads little when nothing is due.
 */
export async function escalationCandidates(db: Q, planId: string | null): Promise<(CrisisParticipantRow & { level: string })[]> {
  let query = db
    .selectFrom('crisis_participants as p')
    .innerJoin('crisis_incidents as i', 'i.id', 'p.incident_id')
    .selectAll('p')
    .select('i.level')
    .where('i.status', '=', 'aktiv')
    .where('p.response', '=', 'afventer')
    .where('p.ad_hoc', '=', 0)
    .where('p.member_id', 'is not', null)
    .where('p.invited_at', 'is not', null)
    .where('p.escalated_at', 'is', null)
    .where('p.escalated_from_id', 'is', null);
  if (planId !== null) query = query.where('p.plan_id', '=', planId);
  return query.execute();
}

/** How many times the meeting was set or moved: the calendar invitation's SEQUENCE. */
export async function meetingChanges(db: Q, planId: string, incidentId: string): Promise<number> {
  const row = await db
    .selectFrom('crisis_log_entries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('plan_id', '=', planId)
    .where('incident_id', '=', incidentId)
    .where('kind', '=', 'moede')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
