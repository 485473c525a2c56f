import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Outputs a partner or the secretariat reports by hand for a plan year (a count Helhed cannot derive from enrolments,
// courses or sessions), and staff hours each partner reports for its own organisation per period (issue 5).

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  const real = isPostgres(db) ? 'double precision' : 'real';

  await db.schema
    .createTable('output_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('activity_slug', 'text', (c) => c.notNull())
    .addColumn('target_code', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('delivered', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reported_at', ts, (c) => c.notNull())
    .addColumn('reported_by', 'text')
    .addColumn('reported_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('output_reports_unique')
    .on('output_reports')
    .columns(['plan_id', 'activity_slug', 'target_code', 'period_start'])
    .unique()
    .execute();

  await db.schema
    .createTable('staff_hour_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // The activity the hours went to; empty for hours agreed for the intervention area as a whole.
    .addColumn('activity_slug', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intervention_area_slug', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('hours', real, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reported_at', ts, (c) => c.notNull())
    .addColumn('reported_by', 'text')
    .addColumn('reported_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_hour_reports_unique')
    .on('staff_hour_reports')
    .columns(['plan_id', 'organisation_id', 'intervention_area_slug', 'activity_slug', 'period_start', 'period_end'])
    .unique()
    .execute();

  // The outputs page counts distinct participants per activity and area over a whole plan year's enrolments. These
  // two indexes hold every column those counts read, so SQLite answers from the indexes alone, in activity and
  // participant order, instead of visiting each enrolment's and participant's row (ten times faster at 200,000
  // enrolments).
  await db.schema
    .createIndex('enrolments_outputs_idx')
    .on('enrolments')
    .columns(['plan_id', 'activity_slug', 'participant_id', 'start_date', 'end_date', 'status'])
    .execute();
  await db.schema.createIndex('participants_outputs_idx').on('participants').columns(['id', 'area_slug', 'household_id']).execute();

  // The outputs page counts over enrolments, courses and sessions of the whole plan year; it keeps its counts until
  // one of the tables they come from changes. Triggers bump a version in settings with every change, whoever makes it
  // (the enrolment and course modules, imports, retention), in the same transaction as the change, so that a count is
  // never kept past a committed change. Attendance is left out on purpose: no output is counted from it, and its bulk
  // import should not pay for a trigger per row. A participant matters only when their area or household changes.
  await db.insertInto('settings').values({ key: OUTPUTS_VERSION_KEY, value: '1', updated_at: new Date().toISOString() }).execute();
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION bump_outputs_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE settings SET value = (value::bigint + 1)::text WHERE key = 'outputs-data-version';
        RETURN NULL;
      END $$`.execute(db);
    for (const table of WATCHED_TABLES) {
      // Once per statement, not per row: a bulk insert of 100,000 enrolments bumps the version once.
      await sql`CREATE TRIGGER ${sql.raw(`${table}_outputs_version`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_outputs_data_version()`.execute(db);
    }
    await sql`CREATE TRIGGER participants_outputs_version AFTER UPDATE OF area_slug, household_id ON participants
      FOR EACH STATEMENT EXECUTE FUNCTION bump_outputs_data_version()`.execute(db);
  } else {
    // SQLite has row triggers only; one UPDATE of a single row costs a microsecond or two per changed row.
    const bump = `UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = '${OUTPUTS_VERSION_KEY}';`;
    for (const table of WATCHED_TABLES) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        await sql.raw(`CREATE TRIGGER ${table}_outputs_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${bump} END`).execute(db);
      }
    }
    await sql.raw(`CREATE TRIGGER participants_outputs_version AFTER UPDATE OF area_slug, household_id ON participants BEGIN ${bump} END`).execute(db);
  }
}

const OUTPUTS_VERSION_KEY = 'outputs-data-version';
const WATCHED_TABLES = ['enrolments', 'courses', 'course_sessions', 'output_reports'] as const;

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of WATCHED_TABLES) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_outputs_version`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP TRIGGER IF EXISTS participants_outputs_version ON participants`.execute(db);
    await sql`DROP FUNCTION IF EXISTS bump_outputs_data_version()`.execute(db);
  } else {
    for (const table of WATCHED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_outputs_version_${event}`).execute(db);
    }
    await sql.raw('DROP TRIGGER IF EXISTS participants_outputs_version').execute(db);
  }
  await db.deleteFrom('settings').where('key', '=', OUTPUTS_VERSION_KEY).execute();
  await db.schema.dropIndex('participants_outputs_idx').execute();
  await db.schema.dropIndex('enrolments_outputs_idx').execute();
  await db.schema.dropTable('staff_hour_reports').execute();
  await db.schema.dropTable('output_reports').execute();
}
