import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// The plan's content as versioned elements: each element (area, goal, indicator, intervention area, sub-goal,
// activity, body, change rule, crisis role) has a current version; every change adds a version with who, when and
// why. Changes that need a board decision (and LBF's approval) wait as proposals until they are decided.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  await db.schema
    .createTable('plan_elements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('plan_elements.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('plan_elements_plan_kind_key_unique', ['plan_id', 'kind', 'key'])
    .execute();
  await db.schema.createIndex('plan_elements_parent_idx').on('plan_elements').column('parent_id').execute();

  await db.schema
    .createTable('plan_element_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('element_id', 'text', (c) => c.notNull().references('plan_elements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text')
    .addUniqueConstraint('plan_element_versions_element_version_unique', ['element_id', 'version'])
    .execute();

  await db.schema
    .createTable('plan_change_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('element_id', 'text', (c) => c.notNull().references('plan_elements.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('requires_lbf', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('proposed_data', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('board_decided_at', ts)
    .addColumn('board_decision_date', 'text')
    .addColumn('board_decision_note', 'text')
    .addColumn('board_decided_by_label', 'text')
    .addColumn('lbf_decided_at', ts)
    .addColumn('lbf_decision_date', 'text')
    .addColumn('lbf_decision_note', 'text')
    .addColumn('lbf_decided_by_label', 'text')
    .addColumn('applied_version', 'integer')
    .execute();
  await db.schema.createIndex('plan_change_proposals_plan_status_idx').on('plan_change_proposals').columns(['plan_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_change_proposals').execute();
  await db.schema.dropTable('plan_element_versions').execute();
  await db.schema.dropTable('plan_elements').execute();
}
