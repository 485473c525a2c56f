import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Imports of enrolments, attendance and outcomes from a spreadsheet (issue 5): one record per file, and a scratch
// table for attendance rows, which come by the hundred thousand and are merged in one statement once the whole file
// has been read without a problem.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('participant_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    // deltagelse (enrolments), fremmoede (attendance), udfald (outcomes)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('participant_imports_plan_idx').on('participant_imports').columns(['plan_id', 'created_at']).execute();

  await sql`${sql.raw(pg ? 'CREATE UNLOGGED TABLE' : 'CREATE TABLE')} attendance_staging (
    import_id text NOT NULL,
    session_id text NOT NULL,
    participant_id text NOT NULL,
    status text NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attendance_staging').execute();
  await db.schema.dropTable('participant_imports').execute();
}
