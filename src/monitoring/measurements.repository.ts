/**
 * All SQL of measurements and their imports. Imports stage rows in `measurement_staging` (SQLite: prepared statements
 * on the raw handle while holding the query builder's connection; PostgreSQL: COPY), then move them into
 * `measurements` with a few set-based statements in one transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { CopyIn } from '../db/copy-in.js';
import type { Db } from '../db/database.js';
import type { Database, MeasurementImportRow, MeasurementRow, MeasurementStagingRow } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function insertImport(db: Q, row: MeasurementImportRow): Promise<void> {
  await db.insertInto('measurement_imports').values(row).execute();
}

export async function updateImport(db: Q, id: string, changes: Partial<MeasurementImportRow>): Promise<void> {
  await db.updateTable('measurement_imports').set(changes).where('id', '=', id).execute();
}

export function findImport(db: Q, planId: string, id: string): Promise<MeasurementImportRow | undefined> {
  return db.selectFrom('measurement_imports').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export function listImports(db: Q, planId: string, limit: number): Promise<MeasurementImportRow[]> {
  return db.selectFrom('measurement_imports').selectAll().where('plan_id', '=', planId).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Imports left running by a server that stopped: they never merged anything, so they are marked failed. */
export async function failAbandonedImports(db: Q, finishedAt: string): Promise<number> {
  const result = await db.updateTable('measurement_imports').set({ status: 'failed', finished_at: finishedAt }).where('status', '=', 'running').executeTakeFirst();
  await db.deleteFrom('measurement_staging').execute();
  return Number(result.numUpdatedRows);
}

/** Puts validated rows of one import aside until the whole file has been read. */
export interface Stager {
  add(rows: MeasurementStagingRow[]): Promise<void>;
  /** Ends staging: every added row is in the staging table. */
  finish(): Promise<void>;
  /** Abandons staging (after an error): no staged row stays. */
  abort(): Promise<void>;
}

const STAGING_COLUMNS = [
  'import_id', 'row_number', 'id', 'indicator_code', 'scope', 'period_kind', 'period_start', 'period_end', 'period_label',
  'value', 'numerator', 'denominator', 'source', 'drawn_on', 'note',
] as const;

export function createStager(database: Db, importId: string): Stager {
  return database.engine === 'postgres' ? new PostgresStager(database, importId) : new SqliteStager(database, importId);
}

class SqliteStager implements Stager {
  constructor(
    private readonly database: Db,
    private readonly importId: string,
  ) {}

  async add(rows: MeasurementStagingRow[]): Promise<void> {
    const sqlite = this.database.sqlite!;
    // Holding the query builder's connection keeps other requests' transactions from interleaving with this batch;
    // between batches other requests are served, so pages (and the progress bar) stay responsive during a long import.
    await this.database.db.connection().execute(async () => {
      const insert = sqlite.prepare(`INSERT INTO measurement_staging (${STAGING_COLUMNS.join(', ')}) VALUES (${STAGING_COLUMNS.map(() => '?').join(', ')})`);
      sqlite.transaction(() => {
        for (const r of rows) {
          insert.run(r.import_id, r.row_number, r.id, r.indicator_code, r.scope, r.period_kind, r.period_start, r.period_end, r.period_label, r.value, r.numerator, r.denominator, r.source, r.drawn_on, r.note);
        }
      })();
    });
  }

  async finish(): Promise<void> {}

  async abort(): Promise<void> {
    await clearStaging(this.database.db, this.importId);
  }
}

/** COPY's text format: tab-separated, `\N` for null, backslash escapes for the few characters that need them. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

class PostgresStager implements Stager {
  private readonly copy: CopyIn;

  constructor(
    private readonly database: Db,
    private readonly importId: string,
  ) {
    this.copy = new CopyIn(database.pool!, `COPY measurement_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`);
  }

  async add(rows: MeasurementStagingRow[]): Promise<void> {
    let text = '';
    for (const r of rows) {
      text +=
        `${r.import_id}\t${r.row_number}\t${r.id}\t${copyText(r.indicator_code)}\t${copyText(r.scope)}\t${r.period_kind}\t${r.period_start}\t${r.period_end}\t` +
        `${copyText(r.period_label)}\t${r.value}\t${copyText(r.numerator)}\t${copyText(r.denominator)}\t${copyText(r.source)}\t${r.drawn_on}\t${copyText(r.note)}\n`;
    }
    await this.copy.write(text);
  }

  async finish(): Promise<void> {
    await this.copy.end();
    // Without statistics the planner takes the staged rows for a handful and joins them row by row against every
    // measurement: minutes instead of a second for a large file.
    await sql`ANALYZE measurement_staging`.execute(this.database.db);
  }

  async abort(): Promise<void> {
    await this.copy.abort();
    await clearStaging(this.database.db, this.importId);
  }
}

export async function clearStaging(db: Q, importId: string): Promise<void> {
  await db.deleteFrom('measurement_staging').where('import_id', '=', importId).execute();
}

export async function countStaged(db: Q, importId: string): Promise<number> {
  const row = await db.selectFrom('measurement_staging').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow();
  return Number(row.n);
}

const sameSeries = (a: string, b: string) =>
  sql.raw(`${a}.indicator_code = ${b}.indicator_code AND ${a}.scope = ${b}.scope AND ${a}.period_start = ${b}.period_start AND ${a}.period_end = ${b}.period_end`);

/**
 * Moves an import's staged rows into measurements: a row equal to the current version (value, numerator, denominator,
 * source and note) changes nothing; a row that differs retires the current version and becomes the next one; a new
 * series starts at version 1. Call inside a transaction. New series go in first with a plain anti-join (the common
 * case of a large file), so that only corrections pay for looking up the version they follow.
 */
export async function mergeStaged(
  trx: Transaction<Database>,
  engine: 'sqlite' | 'postgres',
  params: { planId: string; importId: string; staged: number; createdAt: string; createdBy: string | null; createdByLabel: string },
): Promise<{ imported: number; corrected: number }> {
  const { planId, importId } = params;
  // Compiling a plan to machine code costs more than it saves on statements this simple.
  if (engine === 'postgres') await sql`SET LOCAL jit = off`.execute(trx);
  const columns = sql.raw(
    'id, plan_id, indicator_code, scope, period_kind, period_start, period_end, period_label, value, numerator, denominator, source, drawn_on, note, version, is_current, import_id, reason, created_at, created_by, created_by_label',
  );
  const fromStaging = (version: ReturnType<typeof sql>) => sql`
    SELECT s.id, ${planId}, s.indicator_code, s.scope, s.period_kind, s.period_start, s.period_end, s.period_label, s.value, s.numerator,
      s.denominator, s.source, s.drawn_on, s.note, ${version}, 1, ${importId}, NULL, ${params.createdAt}, ${params.createdBy}, ${params.createdByLabel}
    FROM measurement_staging s`;
  const fresh = await sql`
    INSERT INTO measurements (${columns})
    ${fromStaging(sql`1`)}
    WHERE s.import_id = ${importId}
      AND NOT EXISTS (SELECT 1 FROM measurements v WHERE v.plan_id = ${planId} AND ${sameSeries('v', 's')})`.execute(trx);
  const freshCount = Number(fresh.numAffectedRows ?? 0n);
  // Every staged row started a new series: nothing to compare or correct.
  if (freshCount === params.staged) return { imported: freshCount, corrected: 0 };
  const differs = sql.raw(
    '(s.value <> m.value OR s.numerator IS DISTINCT FROM m.numerator OR s.denominator IS DISTINCT FROM m.denominator OR s.source <> m.source OR s.note IS DISTINCT FROM m.note)',
  );
  const retired = await sql`
    UPDATE measurements SET is_current = 0
    WHERE id IN (
      SELECT m.id FROM measurement_staging s
      JOIN measurements m ON m.plan_id = ${planId} AND m.is_current = 1 AND ${sameSeries('m', 's')}
      WHERE s.import_id = ${importId} AND ${differs}
    )`.execute(trx);
  const corrected = Number(retired.numAffectedRows ?? 0n);
  if (corrected > 0) {
    // The retired versions are the only series of this file now without a current version.
    await sql`
      INSERT INTO measurements (${columns})
      ${fromStaging(sql`(SELECT max(v.version) FROM measurements v WHERE v.plan_id = ${planId} AND ${sameSeries('v', 's')}) + 1`)}
      WHERE s.import_id = ${importId}
        AND NOT EXISTS (SELECT 1 FROM measurements c WHERE c.plan_id = ${planId} AND c.is_current = 1 AND ${sameSeries('c', 's')})`.execute(trx);
  }
  return { imported: freshCount + corrected, corrected };
}

/** Reading */

export function findMeasurement(db: Q, planId: string, id: string): Promise<MeasurementRow | undefined> {
  return db.selectFrom('measurements').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

/** Every version of the series a measurement belongs to, newest first. */
export function seriesHistory(db: Q, row: Pick<MeasurementRow, 'plan_id' | 'indicator_code' | 'scope' | 'period_start' | 'period_end'>): Promise<MeasurementRow[]> {
  return db
    .selectFrom('measurements')
    .selectAll()
    .where('plan_id', '=', row.plan_id)
    .where('indicator_code', '=', row.indicator_code)
    .where('scope', '=', row.scope)
    .where('period_start', '=', row.period_start)
    .where('period_end', '=', row.period_end)
    .orderBy('version', 'desc')
    .execute();
}

export interface MeasurementFilter {
  indicatorCode?: string | undefined;
  scope?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Current measurements of a plan, by indicator, scope and period; optionally narrowed. */
export function listCurrent(db: Q, planId: string, filter: MeasurementFilter = {}, limit?: number): Promise<MeasurementRow[]> {
  let query = db.selectFrom('measurements').selectAll().where('plan_id', '=', planId).where('is_current', '=', 1);
  if (filter.indicatorCode) query = query.where('indicator_code', '=', filter.indicatorCode);
  if (filter.scope) query = query.where('scope', '=', filter.scope);
  if (filter.from) query = query.where('period_end', '>=', filter.from);
  if (filter.to) query = query.where('period_start', '<=', filter.to);
  query = query.orderBy('indicator_code').orderBy('scope').orderBy('period_start').orderBy('period_end');
  return (limit ? query.limit(limit) : query).execute();
}

const CURRENT_VALUE_COLUMNS = [
  'id', 'indicator_code', 'scope', 'period_kind', 'period_start', 'period_end', 'period_label', 'value', 'numerator', 'denominator',
  'source', 'drawn_on', 'note', 'version', 'created_at', 'explanation',
] as const;

export type CurrentValueRow = Pick<MeasurementRow, (typeof CURRENT_VALUE_COLUMNS)[number]>;

/**
 * Every current measurement of a plan in series order, read in pages (the PostgreSQL driver streams only with a cursor
 * package, so paging keeps both engines on one path and memory per page bounded). Pages continue after the last
 * series key read, along the index of current versions, so each page is a range read, not a scan and a sort.
 */
export async function* pagedCurrent(db: Q, planId: string, pageSize = 10_000): AsyncGenerator<CurrentValueRow[]> {
  let after: CurrentValueRow | null = null;
  for (;;) {
    // Only what the monitoring model reads: turning columns into strings is most of the cost of a large page.
    let query = db.selectFrom('measurements').select(CURRENT_VALUE_COLUMNS).where('plan_id', '=', planId).where('is_current', '=', 1);
    if (after) {
      const last: CurrentValueRow = after;
      query = query.where(
        sql<boolean>`(indicator_code, scope, period_start, period_end) > (${last.indicator_code}, ${last.scope}, ${last.period_start}, ${last.period_end})`,
      );
    }
    const page = await query.orderBy('indicator_code').orderBy('scope').orderBy('period_start').orderBy('period_end').limit(pageSize).execute();
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!;
  }
}

/** Retires a current version and adds the next one, only if the series is still at the version the change was based on. */
export async function replaceCurrent(trx: Transaction<Database>, previous: MeasurementRow, next: MeasurementRow): Promise<boolean> {
  const result = await trx.updateTable('measurements').set({ is_current: 0 }).where('id', '=', previous.id).where('is_current', '=', 1).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx.insertInto('measurements').values(next).execute();
  return true;
}

export async function setExplanation(db: Q, id: string, explanation: string, at: string, byLabel: string): Promise<void> {
  await db.updateTable('measurements').set({ explanation, explained_at: at, explained_by_label: byLabel }).where('id', '=', id).execute();
}

/** A value that changes whenever a plan's measurements change (imports, corrections, explanations). */
export async function dataStamp(db: Q, planId: string): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', stampKey(planId)).executeTakeFirst();
  return row?.value ?? '0';
}

export async function bumpDataStamp(db: Q, planId: string, at: string): Promise<void> {
  const key = stampKey(planId);
  const value = `${at}:${Math.random().toString(36).slice(2, 8)}`;
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

const stampKey = (planId: string) => `measurements-stamp:${planId}`;

