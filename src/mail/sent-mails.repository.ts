/** All SQL of the record of e-mails: every message sent, failed or not sent, with what it was for. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SentMailRow } from '../governance/governance.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function insertSentMails(db: Q, rows: readonly SentMailRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('sent_mails').values(rows as SentMailRow[]).execute();
}

/** The messages recorded for some related rows (requests, meetings …), newest first. */
export async function sentMailsFor(db: Q, planId: string, relatedIds: readonly string[]): Promise<SentMailRow[]> {
  if (relatedIds.length === 0) return [];
  return db
    .selectFrom('sent_mails')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('related_id', 'in', relatedIds as string[])
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
