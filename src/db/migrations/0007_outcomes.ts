import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Individual outcome measurements of participants over time (school absence per term, language-test level,
// employment status …), for cohort views that are always shown aggregated and suppressed (issue 5). Personal data:
// deleted with the participant's other data by retention and erasure.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  const real = isPostgres(db) ? 'double precision' : 'real';

  await db.schema
    .createTable('outcome_measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('value', real)
    .addColumn('value_text', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outcome_measurements_unique')
    .on('outcome_measurements')
    .columns(['participant_id', 'measure', 'period_start', 'period_end'])
    .unique()
    .execute();
  await db.schema.createIndex('outcome_measurements_measure_idx').on('outcome_measurements').columns(['plan_id', 'measure', 'period_start']).execute();
  // Journeys across activities are computed from every enrolment of a plan and kept until an enrolment or a
  // participant changes; these let that check read the latest change without reading the tables.
  await db.schema.createIndex('enrolments_plan_updated_idx').on('enrolments').columns(['plan_id', 'updated_at']).execute();
  await db.schema.createIndex('participants_plan_updated_idx').on('participants').columns(['plan_id', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('participants_plan_updated_idx').execute();
  await db.schema.dropIndex('enrolments_plan_updated_idx').execute();
  await db.schema.dropTable('outcome_measurements').execute();
}
