/**
 * All SQL of frozen report editions. Editions are only ever inserted: nothing here updates or deletes one, so a
 * delivered report stays as delivered. PostgreSQL returns timestamptz as Date; it is made ISO text here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ReportEditionRow } from '../governance/governance.table.js';

type Q = Kysely<Database> | Transaction<Database>;

/** An edition without its content, for lists. */
export type EditionSummaryRow = Omit<ReportEditionRow, 'content'>;

const SUMMARY_COLUMNS = ['id', 'plan_id', 'kind', 'subject_key', 'edition', 'title', 'cutoff_date', 'content_sha256', 'frozen_at', 'frozen_by_label', 'note'] as const;

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

function normalise<T extends { frozen_at: unknown; edition: unknown }>(row: T): T {
  return { ...row, frozen_at: iso(row.frozen_at), edition: Number(row.edition) };
}

/** The plan's editions, newest first within each kind and subject. */
export async function listEditions(db: Q, planId: string, filter: { kind?: string; subjectKey?: string } = {}): Promise<EditionSummaryRow[]> {
  let query = db.selectFrom('report_editions').select(SUMMARY_COLUMNS).where('plan_id', '=', planId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.subjectKey) query = query.where('subject_key', '=', filter.subjectKey);
  const rows = await query.orderBy('kind').orderBy('subject_key').orderBy('edition', 'desc').execute();
  return rows.map(normalise);
}

export async function findEdition(db: Q, planId: string, id: string): Promise<ReportEditionRow | undefined> {
  const row = await db.selectFrom('report_editions').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** The edition before `edition` of the same report, if any. */
export async function previousEdition(db: Q, planId: string, kind: string, subjectKey: string, edition: number): Promise<ReportEditionRow | undefined> {
  const row = await db
    .selectFrom('report_editions')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('subject_key', '=', subjectKey)
    .where('edition', '<', edition)
    .orderBy('edition', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** The highest edition number of a report so far (0 when none is frozen). */
export async function lastEditionNumber(db: Q, planId: string, kind: string, subjectKey: string): Promise<number> {
  const row = await db
    .selectFrom('report_editions')
    .select((eb) => eb.fn.max<number | string | null>('edition').as('last'))
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('subject_key', '=', subjectKey)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last);
}

export async function insertEdition(db: Q, row: ReportEditionRow): Promise<void> {
  await db.insertInto('report_editions').values(row).execute();
}
