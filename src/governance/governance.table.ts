/**
 * Row types of governance and reporting (migration 0009), kept apart from the domain types. Dates are ISO
 * `YYYY-MM-DD` text on both engines; instants are ISO text (SQLite) or timestamptz (PostgreSQL), read back as strings
 * by the repositories. Amounts are whole øre: PostgreSQL returns its bigint as a string, which repositories make a
 * number (exact up to 90 billion kroner).
 */

export interface BodyMemberRow {
  id: string;
  plan_id: string;
  body: string;
  role: string;
  organisation: string;
  position: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  substitute_for: string | null;
  is_authority: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
  /** The member's own Helhed account (crisis group: § 115 access, confirming their own data); migration 0010. */
  user_id: string | null;
  contact_confirmed_at: string | null;
  contact_confirmed_by_label: string | null;
  /** The crisis group's required contact, who invites everyone (chef for bystrategisk udvikling). */
  is_required_contact: number;
}

export interface MeetingRow {
  id: string;
  plan_id: string;
  body: string;
  kind: string;
  title: string;
  date: string;
  starts_at: string;
  duration_minutes: number;
  location: string | null;
  status: string;
  ics_sequence: number;
  minutes_published_at: string | null;
  created_at: string;
  updated_at: string;
  updated_by_label: string;
}

export interface CalendarFeedRow {
  id: string;
  plan_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface DeliveryRequestRow {
  id: string;
  plan_id: string;
  meeting_id: string;
  organisation_id: string;
  deadline: string;
  requested_at: string;
  requested_by_label: string;
  delivered_at: string | null;
  delivered_by_label: string | null;
  last_reminded_at: string | null;
  reminder_count: number;
}

export interface DeliveryItemRow {
  id: string;
  plan_id: string;
  request_id: string;
  activity_slug: string;
  narrative: string | null;
  /** JSON: the figures as they stood when the item was saved. */
  figures: string | null;
  updated_at: string;
  updated_by_label: string;
}

export interface SentMailRow {
  id: string;
  plan_id: string;
  purpose: string;
  related_id: string | null;
  recipient: string;
  subject: string;
  status: string;
  error: string | null;
  sent_at: string;
  sent_by_label: string;
}

export interface AgendaItemRow {
  id: string;
  plan_id: string;
  meeting_id: string;
  position: number;
  key: string;
  title: string;
  /** JSON array of Danish lines. */
  attention: string;
  description: string | null;
  minutes: string | null;
  updated_at: string;
  updated_by_label: string;
}

export interface RecommendationRow {
  id: string;
  plan_id: string;
  steering_meeting_id: string | null;
  board_meeting_id: string | null;
  title: string;
  text: string;
  subject: string;
  proposal_id: string | null;
  status: string;
  board_decision_date: string | null;
  board_decision_note: string | null;
  created_at: string;
  created_by_label: string;
  updated_at: string;
  updated_by_label: string;
}

export interface DecisionRow {
  id: string;
  plan_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  recommendation_id: string | null;
  text: string;
  created_at: string;
  created_by_label: string;
}

export interface ActionItemRow {
  id: string;
  plan_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  owner: string;
  deadline: string;
  status: string;
  completed_on: string | null;
  follow_up: string | null;
  followed_up_meeting_id: string | null;
  created_at: string;
  updated_at: string;
  updated_by_label: string;
}

export interface MilestoneRow {
  id: string;
  plan_id: string;
  intervention_area_slug: string;
  activity_slug: string;
  title: string;
  due_date: string;
  owner: string;
  status: string;
  completed_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  updated_by_label: string;
}

export interface MilestoneDependencyRow {
  milestone_id: string;
  depends_on_id: string;
}

export interface FundingCommitmentRow {
  id: string;
  plan_id: string;
  funder: string;
  is_lbf_grant: number;
  amount_ore: number | string;
  reference: string | null;
  committed_on: string | null;
  note: string | null;
  updated_at: string;
  updated_by_label: string;
}

export interface BudgetLineRow {
  id: string;
  plan_id: string;
  plan_year: string;
  line: string;
  intervention_area_slug: string;
  amount_ore: number | string;
  updated_at: string;
  updated_by_label: string;
}

export interface EconomyActualRow {
  id: string;
  plan_id: string;
  line: string;
  month: string;
  amount_ore: number | string;
  note: string | null;
  import_id: string | null;
  updated_at: string;
  updated_by_label: string;
}

export interface ReportEditionRow {
  id: string;
  plan_id: string;
  kind: string;
  subject_key: string;
  edition: number;
  title: string;
  cutoff_date: string;
  /** JSON: the report's whole content as frozen. */
  content: string;
  content_sha256: string;
  frozen_at: string;
  frozen_by_label: string;
  note: string | null;
}

export interface GovernanceTables {
  body_members: BodyMemberRow;
  meetings: MeetingRow;
  calendar_feeds: CalendarFeedRow;
  delivery_requests: DeliveryRequestRow;
  delivery_items: DeliveryItemRow;
  sent_mails: SentMailRow;
  agenda_items: AgendaItemRow;
  recommendations: RecommendationRow;
  decisions: DecisionRow;
  action_items: ActionItemRow;
  milestones: MilestoneRow;
  milestone_dependencies: MilestoneDependencyRow;
  funding_commitments: FundingCommitmentRow;
  budget_lines: BudgetLineRow;
  economy_actuals: EconomyActualRow;
  report_editions: ReportEditionRow;
}
