import type { Kysely } from 'kysely';
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_hour_reports').execute();
  await db.schema.dropTable('output_reports').execute();
}
