import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ParticipantImportRow } from './participants.table.js';

// The record of a file imported into participants' data (enrolments, attendance, outcomes), one table for all three
// kinds; each import module re-exports these.

type Q = Kysely<Database> | Transaction<Database>;

export async function insertImport(db: Q, row: ParticipantImportRow): Promise<void> {
  await db.insertInto('participant_imports').values(row).execute();
}

export async function updateImport(db: Q, id: string, changes: Partial<ParticipantImportRow>): Promise<void> {
  await db.updateTable('participant_imports').set(changes).where('id', '=', id).execute();
}

export function findImport(db: Q, planId: string, kind: string, id: string): Promise<ParticipantImportRow | undefined> {
  return db.selectFrom('participant_imports').selectAll().where('plan_id', '=', planId).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

/** The latest imports of a kind, newest first; only those `createdBy` made when given. */
export async function listImports(db: Q, planId: string, kind: string, limit: number, createdBy: string | null = null): Promise<ParticipantImportRow[]> {
  let query = db.selectFrom('participant_imports').selectAll().where('plan_id', '=', planId).where('kind', '=', kind);
  if (createdBy !== null) query = query.where('created_by', '=', createdBy);
  const rows = await query.orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, rows_read: Number(r.rows_read), rows_imported: Number(r.rows_imported), rows_unchanged: Number(r.rows_unchanged), problem_count: Number(r.problem_count) }));
}
