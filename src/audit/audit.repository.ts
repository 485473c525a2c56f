import type { Kysely, Transaction } from 'kysely';
import type { AuditLogRow, Database } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function insertAuditEntry(db: Q, row: AuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditQuery {
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  /** Inclusive lower bound, ISO timestamp. */
  from?: string | undefined;
  /** Exclusive upper bound, ISO timestamp. */
  to?: string | undefined;
  text?: string | undefined;
  limit: number;
  offset: number;
}

function filtered(db: Q, q: AuditQuery) {
  let query = db.selectFrom('audit_log');
  if (q.actorUserId) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.text) {
    // LIKE's wildcards are dropped from the search text rather than escaped, as the engines escape differently.
    const like = `%${q.text.toLowerCase().replace(/[%_]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['summary']), 'like', eb.val(like)),
        eb(eb.fn('lower', ['actor_label']), 'like', eb.val(like)),
      ]),
    );
  }
  return query;
}

export function listAuditEntries(db: Q, q: AuditQuery): Promise<AuditLogRow[]> {
  return filtered(db, q).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
}

export async function countAuditEntries(db: Q, q: AuditQuery): Promise<number> {
  const row = await filtered(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function distinctAuditValues(db: Q, column: 'action' | 'entity_type'): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select(column).distinct().orderBy(column).execute();
  return rows.map((r) => String((r as Record<string, unknown>)[column]));
}

export function findAuditEntry(db: Q, id: string): Promise<AuditLogRow | undefined> {
  return db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
}
