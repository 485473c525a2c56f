import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Indicator measurements: one row per version of a value of an indicator for a scope and a period. A correction adds
// a version and retires the previous one (is_current 0), so history is kept. Imports stage their rows apart first and
// move them into measurements in one statement set, so that a file with any error changes nothing.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';
  const real = pg ? 'double precision' : 'real';

  await db.schema
    .createTable('measurement_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bytes_total', 'bigint')
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('measurement_imports_plan_idx').on('measurement_imports').columns(['plan_id', 'created_at']).execute();

  await db.schema
    .createTable('measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('numerator', 'bigint')
    .addColumn('denominator', 'bigint')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('drawn_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('explanation', 'text')
    .addColumn('explained_at', ts)
    .addColumn('explained_by_label', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .execute();
  // Every version of a series, in order; and at most one current version per indicator × scope × period.
  await db.schema
    .createIndex('measurements_series_version_unique')
    .on('measurements')
    .columns(['plan_id', 'indicator_code', 'scope', 'period_start', 'period_end', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('measurements_current_unique')
    .on('measurements')
    .columns(['plan_id', 'indicator_code', 'scope', 'period_start', 'period_end'])
    .unique()
    .where(sql.ref('is_current'), '=', 1)
    .execute();

  // Rows of an import being read; emptied when the import ends. Unlogged in PostgreSQL: it is scratch space. No
  // indexes: it is written once and read in full, and rows repeated within a file are found as the file is read.
  await sql`${sql.raw(pg ? 'CREATE UNLOGGED TABLE' : 'CREATE TABLE')} measurement_staging (
    import_id text NOT NULL,
    row_number integer NOT NULL,
    id text NOT NULL,
    indicator_code text NOT NULL,
    scope text NOT NULL,
    period_kind text NOT NULL,
    period_start text NOT NULL,
    period_end text NOT NULL,
    period_label text NOT NULL,
    value ${sql.raw(real)} NOT NULL,
    numerator bigint,
    denominator bigint,
    source text NOT NULL,
    drawn_on text NOT NULL,
    note text
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measurement_staging').execute();
  await db.schema.dropTable('measurements').execute();
  await db.schema.dropTable('measurement_imports').execute();
}
