import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// The crisis preparedness plan (beredskabsplan, issue 7): the crisis group's contact confirmations and reminder
// campaigns, the working-day calendar and escalation times per plan, incidents with their level, police consultation
// and fixed meeting deadline, the people convened and their answers, the action plan, the communication plan with its
// approvals, the append-only incident log (each entry chained to the one before by a keyed hash), evaluations and the
// annual status meeting. The log refuses UPDATE and DELETE in the database itself.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  const table = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'));

  // A crisis-group member's own Helhed account (for § 115 access and confirming their own data), the confirmation of
  // their contact data, and whether the member is the required contact who invites everyone.
  await db.schema.alterTable('body_members').addColumn('user_id', 'text', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('body_members').addColumn('contact_confirmed_at', ts).execute();
  await db.schema.alterTable('body_members').addColumn('contact_confirmed_by_label', 'text').execute();
  await db.schema.alterTable('body_members').addColumn('is_required_contact', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('crisis_settings')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plans.id'))
    // JSON array of closing days: recurring `MM-DD` or single `YYYY-MM-DD`.
    .addColumn('closing_days', 'text', (c) => c.notNull())
    // Minutes a convened member has to answer before the substitute is called in, per level.
    .addColumn('escalation_minutes_red', 'integer', (c) => c.notNull())
    .addColumn('escalation_minutes_yellow', 'integer', (c) => c.notNull())
    // JSON array of the months (1-12) the contact-confirmation campaign runs.
    .addColumn('campaign_months', 'text', (c) => c.notNull())
    .addColumn('stale_after_months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();

  // Whom to involve when the press calls (the beredskabsplan's «Håndtering af omverdenen»), seeded once from the plan
  // and kept by the secretariat.
  await table('crisis_press_contacts')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await table('crisis_campaigns')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('started_by_label', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();

  // One request to one member to confirm their contact data; the e-mailed link carries the token.
  await table('crisis_contact_requests')
    .addColumn('campaign_id', 'text', (c) => c.references('crisis_campaigns.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('body_members.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('answered_at', ts)
    .execute();
  await db.schema.createIndex('crisis_contact_requests_member_idx').on('crisis_contact_requests').columns(['member_id']).execute();

  await table('crisis_incidents')
    .addColumn('number', 'integer', (c) => c.notNull())
    // An area's slug, or null when the incident concerns several areas.
    .addColumn('area_slug', 'text')
    .addColumn('situation_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // gul or roed
    .addColumn('level', 'text', (c) => c.notNull())
    // aktiv or afmeldt
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('activated_at', ts, (c) => c.notNull())
    .addColumn('activated_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('activated_by_label', 'text', (c) => c.notNull())
    .addColumn('activated_by_member_id', 'text', (c) => c.references('body_members.id'))
    // Who the secretariat activated for, when it did so on behalf of another party.
    .addColumn('on_behalf_of', 'text')
    // vurderet (the police assessed), vagtchef (not reached; the duty officer on 114 called) or afventer
    .addColumn('police_status', 'text', (c) => c.notNull())
    .addColumn('police_contact', 'text')
    .addColumn('police_contacted_at', ts)
    // gul, roed or ingen
    .addColumn('police_assessed_level', 'text')
    // The meeting deadline, fixed when the level was set, and the level and instant it was computed from.
    .addColumn('deadline_at', ts, (c) => c.notNull())
    .addColumn('level_set_at', ts, (c) => c.notNull())
    .addColumn('meeting_planned_at', ts)
    .addColumn('meeting_location', 'text')
    .addColumn('meeting_held_at', ts)
    .addColumn('stood_down_at', ts)
    .addColumn('stood_down_by_label', 'text')
    .addColumn('stand_down_reason', 'text')
    // The log's head: its number of entries and the last entry's hash, written with every entry.
    .addColumn('log_length', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('log_head_hash', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_incidents_number_unique').on('crisis_incidents').columns(['plan_id', 'number']).unique().execute();
  await db.schema.createIndex('crisis_incidents_activated_idx').on('crisis_incidents').columns(['plan_id', 'activated_at']).execute();

  await table('crisis_participants')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('crisis_incidents.id'))
    // The crisis-group member convened, or null for an ad-hoc participant.
    .addColumn('member_id', 'text', (c) => c.references('body_members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_authority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ad_hoc', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invited_at', ts)
    // afventer, kommer or kommer_ikke
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('responded_at', ts)
    .addColumn('response_token_hash', 'text', (c) => c.unique())
    .addColumn('escalated_at', ts)
    // The substitute's participant row this one was escalated to, and the reverse.
    .addColumn('escalated_to_id', 'text')
    .addColumn('escalated_from_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_participants_incident_idx').on('crisis_participants').columns(['incident_id']).execute();

  await table('crisis_tasks')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('crisis_incidents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_member_id', 'text', (c) => c.references('body_members.id'))
    .addColumn('owner_label', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('deadline_at', ts)
    // aaben, i_gang, udfoert or annulleret
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_tasks_incident_idx').on('crisis_tasks').columns(['incident_id', 'sort_order']).execute();

  await table('crisis_communications')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('crisis_incidents.id'))
    // beboere, medarbejdere, afdelingsbestyrelser, presse or andre
    .addColumn('audience', 'text', (c) => c.notNull())
    // Who, for «andre» (e.g. «skolen og klubben»), or a narrower group of the audience.
    .addColumn('audience_detail', 'text')
    // A member removed from the group leaves the item with their name in responsible_label.
    .addColumn('responsible_member_id', 'text', (c) => c.references('body_members.id').onDelete('set null'))
    .addColumn('responsible_label', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('planned_at', ts)
    // kladde, til_godkendelse, godkendt, afvist or udsendt
    .addColumn('status', 'text', (c) => c.notNull())
    // Who asked for approval: the approver must be someone else (four eyes), compared by user id.
    .addColumn('submitted_at', ts)
    .addColumn('submitted_by_user_id', 'text')
    .addColumn('submitted_by_label', 'text')
    .addColumn('approved_at', ts)
    .addColumn('approved_by_user_id', 'text')
    .addColumn('approved_by_label', 'text')
    .addColumn('rejected_at', ts)
    .addColumn('rejected_by_label', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('sent_at', ts)
    .addColumn('sent_by_label', 'text')
    // The beredskabsplan's rule an item was suggested from (its key and OCR lines, e.g. «3516-3518»), or null.
    .addColumn('suggestion_key', 'text')
    .addColumn('plan_ref', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_communications_incident_idx').on('crisis_communications').columns(['incident_id']).execute();

  await table('crisis_log_entries')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('crisis_incidents.id'))
    // 1, 2, … within the incident
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // generel or paragraf115
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // JSON with the event's facts, or null
    .addColumn('data', 'text')
    // The entry this one corrects.
    .addColumn('corrects_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_log_entries_seq_unique').on('crisis_log_entries').columns(['incident_id', 'seq']).unique().execute();

  await table('crisis_evaluations')
    .addColumn('incident_id', 'text', (c) => c.notNull().unique().references('crisis_incidents.id'))
    // afventer (prompted after stand-down), evalueres, ikke_noedvendig or udfoert
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', ts)
    .addColumn('decided_by_label', 'text')
    .addColumn('reason', 'text')
    .addColumn('worked', 'text')
    .addColumn('improve', 'text')
    // Whether the right information channels were used (1/0), or null before the evaluation.
    .addColumn('channels_right', 'integer')
    // What the group says about the channels used: which worked, which were missing.
    .addColumn('channels_note', 'text')
    .addColumn('recommendations', 'text')
    .addColumn('completed_at', ts)
    .addColumn('completed_by_label', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await table('crisis_status_meetings')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('location', 'text')
    // planlagt, afholdt or aflyst
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: the generated summary of the year, as last generated
    .addColumn('summary', 'text')
    .addColumn('summary_generated_at', ts)
    .addColumn('notes', 'text')
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crisis_status_meetings_year_unique').on('crisis_status_meetings').columns(['plan_id', 'year']).unique().execute();

  // The log is append-only in the database too: an UPDATE or DELETE is refused whatever the code path. Someone who
  // removes the trigger can still change a row, which the keyed hash chain then shows.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION crisis_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'Beredskabsloggen kan kun tilføjes til; en rettelse er en ny indførsel.'; END $$`.execute(db);
    await sql`CREATE TRIGGER crisis_log_append_only BEFORE UPDATE OR DELETE ON crisis_log_entries
      FOR EACH ROW EXECUTE FUNCTION crisis_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER crisis_log_no_update BEFORE UPDATE ON crisis_log_entries
      BEGIN SELECT RAISE(ABORT, 'Beredskabsloggen kan kun tilføjes til; en rettelse er en ny indførsel.'); END`.execute(db);
    await sql`CREATE TRIGGER crisis_log_no_delete BEFORE DELETE ON crisis_log_entries
      BEGIN SELECT RAISE(ABORT, 'Beredskabsloggen kan kun tilføjes til; en rettelse er en ny indførsel.'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS crisis_log_append_only() CASCADE`.execute(db);
  for (const name of [
    'crisis_status_meetings', 'crisis_evaluations', 'crisis_log_entries', 'crisis_communications', 'crisis_tasks',
    'crisis_participants', 'crisis_incidents', 'crisis_contact_requests', 'crisis_campaigns', 'crisis_press_contacts',
    'crisis_settings',
  ]) {
    await db.schema.dropTable(name).execute();
  }
  for (const column of ['is_required_contact', 'contact_confirmed_by_label', 'contact_confirmed_at', 'user_id']) {
    await db.schema.alterTable('body_members').dropColumn(column).execute();
  }
}
