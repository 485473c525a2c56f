/**
 * Writing and reading an incident's log (issue 7, part 6). Every part of the crisis module records its events here,
 * inside the transaction of the change itself, so an event and its entry are stored together or not at all. Entries
 * are never changed or deleted (the database refuses it too, migration 0010); a correction is a new entry that points
 * to the one it corrects. Reading never filters: callers show entries through `visibleEntries` (crisis-access.ts).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../audit/audit.service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { NotFoundError } from '../errors/errors.js';
import type { CrisisLogEntryRow } from './crisis.table.js';
import { canonicalEntry, crisisLogKey, entryHash, headSeal, verifyChain, type ChainedEntry, type ChainReport, type LogKind } from './crisis-log.js';
import type { LogClassification } from './levels.js';
import { ParallelHmac } from './parallel-hmac.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface LogInput {
  kind: LogKind;
  text: string;
  classification?: LogClassification;
  /** The event's facts (level, deadline, who …), kept as JSON. */
  data?: Record<string, unknown> | null;
  /** The entry this one corrects. */
  correctsId?: string | null;
}

export interface LogEntry {
  id: string;
  incidentId: string;
  seq: number;
  recordedAt: string;
  kind: string;
  classification: LogClassification;
  actorUserId: string | null;
  actorLabel: string;
  text: string;
  data: Record<string, unknown> | null;
  correctsId: string | null;
  hash: string;
}

function chained(row: CrisisLogEntryRow): ChainedEntry & { hash: string } {
  return {
    planId: row.plan_id,
    incidentId: row.incident_id,
    seq: Number(row.seq),
    recordedAt: row.recorded_at,
    kind: row.kind,
    classification: row.classification as LogClassification,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    text: row.text,
    data: row.data,
    correctsId: row.corrects_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toEntry(row: CrisisLogEntryRow): LogEntry {
  return {
    id: row.id,
    incidentId: row.incident_id,
    seq: Number(row.seq),
    recordedAt: row.recorded_at,
    kind: row.kind,
    classification: row.classification as LogClassification,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    text: row.text,
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
    correctsId: row.corrects_id,
    hash: row.hash,
  };
}

export class CrisisLog {
  /** A key object rather than the bytes: HMAC then skips importing the key for each of thousands of entries. */
  private readonly key: KeyObject;
  private readonly hasher: ParallelHmac;

  constructor(
    private readonly database: Db,
    secret: Buffer,
    private readonly clock: () => Date,
  ) {
    this.key = createSecretKey(crisisLogKey(secret));
    this.hasher = new ParallelHmac(this.key);
  }

  /**
   * Appends an entry to an incident's log inside the caller's transaction, after the entries already there: the
   * incident row is locked (PostgreSQL; SQLite writes one transaction at a time), the entry chained to the last one,
   * and the head moved on and sealed.
   *
   * @throws NotFoundError when the incident is not in the plan
   */
  async append(trx: Transaction<Database>, planId: string, incidentId: string, actor: Actor, input: LogInput): Promise<LogEntry> {
    let query = trx.selectFrom('crisis_incidents').select(['log_length', 'log_head_hash']).where('id', '=', incidentId).where('plan_id', '=', planId);
    if (this.database.engine === 'postgres') query = query.forUpdate();
    const head = await query.executeTakeFirst();
    if (!head) throw new NotFoundError('Hændelsen findes ikke i planen.');
    const length = Number(head.log_length);
    const last = length === 0 ? undefined : await trx.selectFrom('crisis_log_entries').select('hash').where('incident_id', '=', incidentId).where('seq', '=', length).executeTakeFirst();
    const entry: ChainedEntry = {
      planId,
      incidentId,
      seq: length + 1,
      recordedAt: nowIso(this.clock),
      kind: input.kind,
      classification: input.classification ?? 'generel',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      text: input.text,
      data: input.data ? JSON.stringify(input.data) : null,
      correctsId: input.correctsId ?? null,
      // A last entry removed outside Helhed leaves nothing to link to; verification shows that gap.
      prevHash: last?.hash ?? '',
    };
    const row: CrisisLogEntryRow = {
      id: newId(),
      plan_id: planId,
      incident_id: incidentId,
      seq: entry.seq,
      recorded_at: entry.recordedAt,
      kind: entry.kind,
      classification: entry.classification,
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      text: entry.text,
      data: entry.data,
      corrects_id: entry.correctsId,
      prev_hash: entry.prevHash,
      hash: entryHash(this.key, entry),
    };
    await trx.insertInto('crisis_log_entries').values(row).execute();
    await trx.updateTable('crisis_incidents').set({ log_length: row.seq, log_head_hash: headSeal(this.key, incidentId, row.seq, row.hash) }).where('id', '=', incidentId).execute();
    return toEntry(row);
  }

  /** Appends several entries in order (`append` for each). */
  async appendAll(trx: Transaction<Database>, planId: string, incidentId: string, actor: Actor, inputs: readonly LogInput[]): Promise<LogEntry[]> {
    const written: LogEntry[] = [];
    for (const input of inputs) written.push(await this.append(trx, planId, incidentId, actor, input));
    return written;
  }

  /** Every entry of an incident in order, unfiltered: show them through `visibleEntries`. */
  async entries(planId: string, incidentId: string, db: Q = this.database.db): Promise<LogEntry[]> {
    const rows = await db.selectFrom('crisis_log_entries').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).orderBy('seq').execute();
    return rows.map(toEntry);
  }

  /** The last `count` entries of an incident, newest first, unfiltered. */
  async latest(planId: string, incidentId: string, count: number): Promise<LogEntry[]> {
    const rows = await this.database.db
      .selectFrom('crisis_log_entries')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('incident_id', '=', incidentId)
      .orderBy('seq', 'desc')
      .limit(count)
      .execute();
    return rows.map(toEntry);
  }

  /**
   * Reads in one snapshot (a transaction; REPEATABLE READ on PostgreSQL), so that an entry appended between reading
   * the head and reading the entries is not taken for one added outside Helhed.
   */
  private snapshot<T>(read: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const transaction = this.database.db.transaction();
    return (this.database.engine === 'postgres' ? transaction.setIsolationLevel('repeatable read') : transaction).execute(read);
  }

  /** Checks one incident's chain against its stored head. @throws NotFoundError */
  async verify(planId: string, incidentId: string): Promise<ChainReport> {
    return this.snapshot(async (trx) => {
      const head = await trx.selectFrom('crisis_incidents').select(['log_length', 'log_head_hash']).where('id', '=', incidentId).where('plan_id', '=', planId).executeTakeFirst();
      if (!head) throw new NotFoundError('Hændelsen findes ikke i planen.');
      const rows = await trx.selectFrom('crisis_log_entries').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).orderBy('seq').execute();
      return verifyChain(this.key, incidentId, rows.map(chained), { length: Number(head.log_length), hash: head.log_head_hash });
    });
  }

  /**
   * An incident's entries (unfiltered: show them through `visibleEntries`) and the check of its chain, from the same
   * snapshot, so a page shows exactly the entries it checked. @throws NotFoundError
   */
  async read(planId: string, incidentId: string): Promise<{ entries: LogEntry[]; report: ChainReport }> {
    return this.snapshot(async (trx) => {
      const head = await trx.selectFrom('crisis_incidents').select(['log_length', 'log_head_hash']).where('id', '=', incidentId).where('plan_id', '=', planId).executeTakeFirst();
      if (!head) throw new NotFoundError('Hændelsen findes ikke i planen.');
      const rows = await trx.selectFrom('crisis_log_entries').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).orderBy('seq').execute();
      return { entries: rows.map(toEntry), report: verifyChain(this.key, incidentId, rows.map(chained), { length: Number(head.log_length), hash: head.log_head_hash }) };
    });
  }

  /**
   * Checks every incident's chain in the plan, in one pass over the log. The rows are read as plain arrays in one
   * snapshot, past the query builder: at 50,000 entries, building an object per row took longer than hashing them.
   */
  async verifyAll(planId: string): Promise<ChainReport[]> {
    const { heads, rows } = await this.readAllRaw(planId);
    const entries = rows.map(
      (r): ChainedEntry & { hash: string; computedHash?: string } => ({
        planId: r[0],
        incidentId: r[1],
        seq: Number(r[2]),
        recordedAt: r[3],
        kind: r[4],
        classification: r[5] as LogClassification,
        actorUserId: r[6],
        actorLabel: r[7],
        text: r[8],
        data: r[9],
        correctsId: r[10],
        prevHash: r[11],
        hash: r[12],
      }),
    );
    // The hashes are computed on two threads (parallel-hmac.ts); the chain is then checked with them.
    const computed = await this.hasher.hashAll(entries.map(canonicalEntry));
    const byIncident = new Map<string, (ChainedEntry & { hash: string; computedHash?: string })[]>();
    for (const [i, entry] of entries.entries()) {
      entry.computedHash = computed[i]!;
      let list = byIncident.get(entry.incidentId);
      if (!list) byIncident.set(entry.incidentId, (list = []));
      list.push(entry);
    }
    return heads.map(([id, length, hash]) => verifyChain(this.key, id, byIncident.get(id) ?? [], { length: Number(length), hash }));
  }

  /** Every head and entry of the plan as arrays, in one read-only snapshot (REPEATABLE READ on PostgreSQL). */
  private async readAllRaw(planId: string): Promise<{ heads: RawHead[]; rows: RawEntry[] }> {
    const headSql = 'SELECT id, log_length, log_head_hash FROM crisis_incidents WHERE plan_id = $1 ORDER BY number';
    const rowSql = `SELECT ${RAW_ENTRY_COLUMNS} FROM crisis_log_entries WHERE plan_id = $1 ORDER BY incident_id, seq`;
    if (this.database.engine === 'sqlite') {
      const sqlite = this.database.sqlite!;
      // Holding the query builder's one connection, so no other query runs between the two reads.
      return this.database.db.connection().execute(async () =>
        sqlite.transaction(() => ({
          heads: sqlite.prepare(headSql.replace('$1', '?')).raw(true).all(planId) as RawHead[],
          rows: sqlite.prepare(rowSql.replace('$1', '?')).raw(true).all(planId) as RawEntry[],
        }))(),
      );
    }
    const client = await this.database.pool!.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const heads = await client.query<RawHead>({ text: headSql, values: [planId], rowMode: 'array' });
      const rows = await client.query<RawEntry>({ text: rowSql, values: [planId], rowMode: 'array' });
      await client.query('COMMIT');
      return { heads: heads.rows, rows: rows.rows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The columns an entry's check needs, in the order `verifyAll` reads them. */
const RAW_ENTRY_COLUMNS = 'plan_id, incident_id, seq, recorded_at, kind, classification, actor_user_id, actor_label, text, data, corrects_id, prev_hash, hash';
type RawEntry = [string, string, number, string, string, string, string | null, string, string, string | null, string | null, string, string];
type RawHead = [string, number, string];

const instances = new WeakMap<object, CrisisLog>();

/** One CrisisLog per app. */
export function crisisLogFor(app: { database: Db; config: Pick<Config, 'secret'>; clock: () => Date }): CrisisLog {
  let log = instances.get(app);
  if (!log) {
    log = new CrisisLog(app.database, app.config.secret, app.clock);
    instances.set(app, log);
  }
  return log;
}
