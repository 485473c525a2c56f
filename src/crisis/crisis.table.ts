/**
 * Row types of the crisis preparedness plan (migration 0010), kept apart from the domain types. Instants are ISO
 * 8601 UTC text on both engines as the repositories read them back (PostgreSQL's timestamptz is parsed to that form
 * in `src/db/database.ts`), so a log entry's recorded time hashes the same on both.
 */

export interface CrisisSettingsRow {
  plan_id: string;
  /** JSON array of `MM-DD` (every year) and `YYYY-MM-DD` (one day). */
  closing_days: string;
  escalation_minutes_red: number;
  escalation_minutes_yellow: number;
  /** JSON array of months 1-12. */
  campaign_months: string;
  stale_after_months: number;
  updated_at: string;
  updated_by_label: string;
}

export interface CrisisPressContactRow {
  id: string;
  plan_id: string;
  organisation: string;
  position: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface CrisisCampaignRow {
  id: string;
  plan_id: string;
  started_at: string;
  started_by_label: string;
  label: string;
}

export interface CrisisContactRequestRow {
  id: string;
  plan_id: string;
  campaign_id: string | null;
  member_id: string;
  token_hash: string;
  sent_at: string;
  expires_at: string;
  answered_at: string | null;
}

export interface CrisisIncidentRow {
  id: string;
  plan_id: string;
  number: number;
  area_slug: string | null;
  situation_type: string;
  description: string;
  level: string;
  status: string;
  activated_at: string;
  activated_by_user_id: string | null;
  activated_by_label: string;
  activated_by_member_id: string | null;
  on_behalf_of: string | null;
  police_status: string;
  police_contact: string | null;
  police_contacted_at: string | null;
  police_assessed_level: string | null;
  deadline_at: string;
  level_set_at: string;
  meeting_planned_at: string | null;
  meeting_location: string | null;
  meeting_held_at: string | null;
  stood_down_at: string | null;
  stood_down_by_label: string | null;
  stand_down_reason: string | null;
  log_length: number;
  log_head_hash: string;
  created_at: string;
  updated_at: string;
}

export interface CrisisParticipantRow {
  id: string;
  plan_id: string;
  incident_id: string;
  member_id: string | null;
  name: string;
  role: string;
  organisation: string;
  email: string | null;
  phone: string | null;
  is_authority: number;
  ad_hoc: number;
  invited_at: string | null;
  response: string;
  responded_at: string | null;
  response_token_hash: string | null;
  escalated_at: string | null;
  escalated_to_id: string | null;
  escalated_from_id: string | null;
  created_at: string;
}

export interface CrisisTaskRow {
  id: string;
  plan_id: string;
  incident_id: string;
  title: string;
  description: string | null;
  owner_member_id: string | null;
  owner_label: string;
  organisation: string | null;
  deadline_at: string | null;
  status: string;
  template_key: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  updated_by_label: string;
}

export interface CrisisCommunicationRow {
  id: string;
  plan_id: string;
  incident_id: string;
  audience: string;
  audience_detail: string | null;
  responsible_member_id: string | null;
  responsible_label: string;
  message: string;
  channel: string;
  planned_at: string | null;
  status: string;
  submitted_at: string | null;
  submitted_by_user_id: string | null;
  submitted_by_label: string | null;
  approved_at: string | null;
  approved_by_user_id: string | null;
  approved_by_label: string | null;
  rejected_at: string | null;
  rejected_by_label: string | null;
  rejection_reason: string | null;
  sent_at: string | null;
  sent_by_label: string | null;
  suggestion_key: string | null;
  plan_ref: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  updated_by_label: string;
}

export interface CrisisLogEntryRow {
  id: string;
  plan_id: string;
  incident_id: string;
  seq: number;
  recorded_at: string;
  kind: string;
  classification: string;
  actor_user_id: string | null;
  actor_label: string;
  text: string;
  data: string | null;
  corrects_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface CrisisEvaluationRow {
  id: string;
  plan_id: string;
  incident_id: string;
  status: string;
  decided_at: string | null;
  decided_by_label: string | null;
  reason: string | null;
  worked: string | null;
  improve: string | null;
  channels_right: number | null;
  channels_note: string | null;
  recommendations: string | null;
  completed_at: string | null;
  completed_by_label: string | null;
  created_at: string;
  updated_at: string;
}

export interface CrisisStatusMeetingRow {
  id: string;
  plan_id: string;
  year: number;
  starts_at: string;
  duration_minutes: number;
  location: string | null;
  status: string;
  summary: string | null;
  summary_generated_at: string | null;
  notes: string | null;
  ics_sequence: number;
  created_at: string;
  updated_at: string;
  updated_by_label: string;
}

export interface CrisisTables {
  crisis_settings: CrisisSettingsRow;
  crisis_press_contacts: CrisisPressContactRow;
  crisis_campaigns: CrisisCampaignRow;
  crisis_contact_requests: CrisisContactRequestRow;
  crisis_incidents: CrisisIncidentRow;
  crisis_participants: CrisisParticipantRow;
  crisis_tasks: CrisisTaskRow;
  crisis_communications: CrisisCommunicationRow;
  crisis_log_entries: CrisisLogEntryRow;
  crisis_evaluations: CrisisEvaluationRow;
  crisis_status_meetings: CrisisStatusMeetingRow;
}
