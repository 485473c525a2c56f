import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Governance and reporting (issue 6): the bodies' members, their meetings with agendas, minutes, decisions and action
// items, the partners' data deliveries before each steering-group meeting and the reminders sent for them, the
// steering group's recommendations to the board, milestone plans, the economy (LBF's grant, co-financing, budget and
// actuals) and frozen report editions. Amounts are whole øre in a 64-bit integer, so sums are exact on both engines.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  const money = isPostgres(db) ? 'bigint' : 'integer';
  const table = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'));

  await table('body_members')
    // bestyrelse, styregruppe or beredskabsgruppe
    .addColumn('body', 'text', (c) => c.notNull())
    // formand, medlem, sekretær … or a crisis-group role
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    // The member this one stands in for (a substitute, suppleant); null for a principal member.
    .addColumn('substitute_for', 'text', (c) => c.references('body_members.id'))
    // An authority's member (police, municipality) may read notes shared under retsplejelovens § 115.
    .addColumn('is_authority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('body_members_body_idx').on('body_members').columns(['plan_id', 'body', 'sort_order']).execute();

  await table('meetings')
    .addColumn('body', 'text', (c) => c.notNull())
    // forår, sommer, efterår, strategisk or ekstra
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Local time in Europe/Copenhagen, HH:MM
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('location', 'text')
    // planlagt, afholdt or aflyst
    .addColumn('status', 'text', (c) => c.notNull())
    // RFC 5545 SEQUENCE: raised with every change a calendar must pick up.
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes_published_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_plan_date_idx').on('meetings').columns(['plan_id', 'date']).execute();

  await table('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();

  await table('delivery_requests')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('requested_by_label', 'text', (c) => c.notNull())
    .addColumn('delivered_at', ts)
    .addColumn('delivered_by_label', 'text')
    .addColumn('last_reminded_at', ts)
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('delivery_requests_unique').on('delivery_requests').columns(['meeting_id', 'organisation_id']).unique().execute();

  await table('delivery_items')
    .addColumn('request_id', 'text', (c) => c.notNull().references('delivery_requests.id'))
    // The activity the item reports on; empty for the organisation's delivery as a whole.
    .addColumn('activity_slug', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('narrative', 'text')
    // JSON: the hours, outputs and milestone statuses as they stood when the item was saved.
    .addColumn('figures', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_items_unique').on('delivery_items').columns(['request_id', 'activity_slug']).unique().execute();

  await table('sent_mails')
    // delivery-request, delivery-reminder, meeting-invitation …
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('related_id', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // sendt, fejlet (with the reason in error) or «ikke sendt» (no SMTP server configured)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addColumn('sent_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sent_mails_related_idx').on('sent_mails').columns(['plan_id', 'related_id']).execute();

  await table('agenda_items')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // A fixed item's key (agenda.ts), or 'ekstra' for one the secretariat adds.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON array of Danish lines: what needed attention when the agenda was seeded.
    .addColumn('attention', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('minutes', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_items_meeting_idx').on('agenda_items').columns(['meeting_id', 'position']).execute();

  await table('recommendations')
    .addColumn('steering_meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('board_meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // sub-agreement, strategic-agreement, commissorium or other
    .addColumn('subject', 'text', (c) => c.notNull())
    // The change proposal to the plan (plan_change_proposals) the recommendation carries, when it changes the plan.
    .addColumn('proposal_id', 'text', (c) => c.references('plan_change_proposals.id'))
    // udkast, indstillet, vedtaget, forkastet or trukket
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('board_decision_date', 'text')
    .addColumn('board_decision_note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();

  await table('decisions')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_items.id'))
    .addColumn('recommendation_id', 'text', (c) => c.references('recommendations.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_meeting_idx').on('decisions').columns(['meeting_id']).execute();

  await table('action_items')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    // åben, udført or annulleret
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('follow_up', 'text')
    // The meeting at which it was followed up (the next meeting of the same body).
    .addColumn('followed_up_meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_items_plan_status_idx').on('action_items').columns(['plan_id', 'status', 'deadline']).execute();

  await table('milestones')
    .addColumn('intervention_area_slug', 'text', (c) => c.notNull())
    // Empty for a milestone of the sub-agreement as a whole.
    .addColumn('activity_slug', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    // ikke startet, i gang, færdig or udgået
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('milestones_plan_area_idx').on('milestones').columns(['plan_id', 'intervention_area_slug', 'due_date']).execute();
  await db.schema
    .createTable('milestone_dependencies')
    .addColumn('milestone_id', 'text', (c) => c.notNull().references('milestones.id'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('milestones.id'))
    .addPrimaryKeyConstraint('milestone_dependencies_pk', ['milestone_id', 'depends_on_id'])
    .execute();

  // Who finances the plan: LBF's grant (tilsagn) and each co-financing party's commitment.
  await table('funding_commitments')
    .addColumn('funder', 'text', (c) => c.notNull())
    .addColumn('is_lbf_grant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_ore', money, (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('committed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();

  await table('budget_lines')
    // The plan year, e.g. 2025/26
    .addColumn('plan_year', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('intervention_area_slug', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_ore', money, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_lines_unique').on('budget_lines').columns(['plan_id', 'plan_year', 'line']).unique().execute();

  await table('economy_actuals')
    .addColumn('line', 'text', (c) => c.notNull())
    // A month, YYYY-MM
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount_ore', money, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('import_id', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('economy_actuals_unique').on('economy_actuals').columns(['plan_id', 'line', 'month']).unique().execute();

  // A delivered report as it was delivered: its whole content as JSON, never changed afterwards.
  await table('report_editions')
    // fremdrift, datarapport or aarsrapport
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the report is for: a meeting's id or a plan year.
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('edition', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('cutoff_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('frozen_at', ts, (c) => c.notNull())
    .addColumn('frozen_by_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('report_editions_unique').on('report_editions').columns(['plan_id', 'kind', 'subject_key', 'edition']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'report_editions', 'economy_actuals', 'budget_lines', 'funding_commitments', 'milestone_dependencies', 'milestones',
    'action_items', 'decisions', 'recommendations', 'agenda_items', 'sent_mails', 'delivery_items', 'delivery_requests',
    'calendar_feeds', 'meetings', 'body_members',
  ]) {
    await db.schema.dropTable(name).execute();
  }
}
