/**
 * Row types: what the tables hold, as the repositories see them after normalising driver types. Domain types live
 * with their feature. Timestamps are ISO 8601 UTC strings; flags are 0/1 integers in SQL and booleans in the domain.
 */
import type { Generated } from 'kysely';
import type { CrisisTables } from '../crisis/crisis.table.js';
import type { GovernanceTables } from '../governance/governance.table.js';
import type { ParticipantTables } from '../participants/participants.table.js';

export interface PlanRow {
  id: string;
  slug: string;
  name: string;
  period_start: string;
  period_end: string;
  created_at: string;
}

export interface OrganisationRow {
  id: string;
  plan_id: string;
  name: string;
  created_at: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  /** Null for accounts that only sign in through single sign-on, or that have not yet chosen a password. */
  password_hash: string | null;
  active: number | boolean;
  created_at: string;
  updated_at: string;
}

export interface ExternalIdentityRow {
  id: string;
  user_id: string;
  issuer: string;
  subject: string;
  created_at: string;
}

export interface RoleAssignmentRow {
  id: string;
  user_id: string;
  plan_id: string;
  role: string;
  organisation_id: string | null;
  created_at: string;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  plan_id: string | null;
  csrf_token: string;
  auth_method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  plan_id: string | null;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptRow {
  id: string;
  email: string;
  ip: string;
  at: string;
  succeeded: number | boolean;
}

export interface OneTimeLinkRow {
  token_hash: string;
  purpose: string;
  user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogRow {
  id: string;
  at: string;
  plan_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface PlanElementRow {
  id: string;
  plan_id: string;
  kind: string;
  key: string;
  parent_id: string | null;
  position: number;
  current_version: number;
  created_at: string;
}

export interface PlanElementVersionRow {
  id: string;
  plan_id: string;
  element_id: string;
  version: number;
  /** The element's content as JSON (the types of src/plan/content/types.ts). */
  data: string;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  reason: string;
  proposal_id: string | null;
}

export interface PlanChangeProposalRow {
  id: string;
  plan_id: string;
  element_id: string;
  subject: string;
  requires_lbf: number | boolean;
  status: string;
  base_version: number;
  proposed_data: string;
  reason: string;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  board_decided_at: string | null;
  board_decision_date: string | null;
  board_decision_note: string | null;
  board_decided_by_label: string | null;
  lbf_decided_at: string | null;
  lbf_decision_date: string | null;
  lbf_decision_note: string | null;
  lbf_decided_by_label: string | null;
  applied_version: number | null;
}

export interface KeyValueRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface MeasurementImportRow {
  id: string;
  plan_id: string;
  file_name: string;
  file_sha256: string | null;
  format: string;
  /** running, imported, rejected (problems in the file) or failed (the server could not finish). */
  status: string;
  bytes_total: number | null;
  /** How far a running import has read, saved about once a second. */
  bytes_read: number | null;
  rows_read: number;
  rows_imported: number;
  rows_corrected: number;
  rows_unchanged: number;
  rows_skipped: number;
  problem_count: number;
  /** JSON: the problems found (up to a limit), each {row, column, message}. */
  problems: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  finished_at: string | null;
}

export interface MeasurementRow {
  id: string;
  plan_id: string;
  indicator_code: string;
  scope: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  period_label: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  drawn_on: string;
  note: string | null;
  version: number;
  is_current: number;
  import_id: string | null;
  reason: string | null;
  explanation: string | null;
  explained_at: string | null;
  explained_by_label: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
}

/** A row of a file being imported: the measurement it will become, with the import and the file's row number. */
export type MeasurementStagingRow = Pick<
  MeasurementRow,
  'id' | 'indicator_code' | 'scope' | 'period_kind' | 'period_start' | 'period_end' | 'period_label' | 'value' | 'numerator' | 'denominator' | 'source' | 'drawn_on' | 'note'
> & { import_id: string; row_number: number };

export interface Database extends ParticipantTables, GovernanceTables, CrisisTables {
  plans: PlanRow;
  organisations: OrganisationRow;
  users: UserRow;
  external_identities: ExternalIdentityRow;
  role_assignments: RoleAssignmentRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_attempts: LoginAttemptRow;
  one_time_links: OneTimeLinkRow;
  audit_log: AuditLogRow;
  settings: KeyValueRow;
  plan_elements: PlanElementRow;
  plan_element_versions: PlanElementVersionRow;
  plan_change_proposals: PlanChangeProposalRow;
  measurement_imports: MeasurementImportRow;
  measurements: MeasurementRow;
  measurement_staging: MeasurementStagingRow;
}

/** Reserved for later tables with database-generated keys. */
export type { Generated };
