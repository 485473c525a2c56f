/**
 * Row types of participants and what they take part in (migrations 0005-0008), kept apart from the domain types.
 * Dates are ISO `YYYY-MM-DD` text on both engines; instants are ISO text (SQLite) or timestamptz (PostgreSQL), read
 * back as strings by the repositories.
 */

export interface HouseholdRow {
  id: string;
  plan_id: string;
  code: string;
  area_slug: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  anonymised_at: string | null;
}

export interface ParticipantRow {
  id: string;
  plan_id: string;
  code: string;
  household_id: string | null;
  nickname: string | null;
  /**
   * The nickname as search compares it (participant-rules.ts `nicknameKey`). Optional in the type only so that rows
   * built without a nickname need not name it; the column is null then.
   */
  nickname_key?: string | null;
  /** 'YYYY-MM'; null only once anonymised. */
  birth_year_month: string | null;
  gender: string | null;
  area_slug: string | null;
  address: string | null;
  institution: string | null;
  school: string | null;
  contact_person: string | null;
  cpr_hash: string | null;
  registered_by_organisation_id: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  updated_at: string;
  anonymised_at: string | null;
}

export interface EnrolmentRow {
  id: string;
  plan_id: string;
  participant_id: string;
  activity_slug: string;
  course_id: string | null;
  start_date: string;
  end_date: string | null;
  status: string;
  referral_kind: string;
  referred_from_activity: string | null;
  referred_by: string | null;
  findings: string | null;
  override_reason: string | null;
  override_by_label: string | null;
  override_at: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  updated_at: string;
}

export interface ConsentRow {
  id: string;
  plan_id: string;
  participant_id: string;
  enrolment_id: string | null;
  given_by: string;
  given_by_name: string | null;
  given_on: string;
  purpose: string;
  legal_basis: string;
  withdrawn_on: string | null;
  created_at: string;
  created_by_label: string;
}

export interface ActivityAccessRow {
  id: string;
  plan_id: string;
  activity_slug: string;
  organisation_id: string | null;
  user_id: string | null;
  created_at: string;
}

export interface CourseRow {
  id: string;
  plan_id: string;
  activity_slug: string;
  code: string;
  name: string;
  area_slug: string | null;
  start_date: string;
  end_date: string | null;
  planned_sessions: number | null;
  note: string | null;
  created_at: string;
  created_by_label: string;
}

export interface CourseSessionRow {
  id: string;
  plan_id: string;
  course_id: string;
  number: number;
  held_on: string;
  topic: string | null;
  cancelled: number;
  created_at: string;
}

export interface AttendanceRow {
  plan_id: string;
  session_id: string;
  participant_id: string;
  status: string;
  registered_at: string;
  registered_by_label: string;
}

export interface PersonalDataReadRow {
  id: string;
  at: string;
  plan_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  what: string;
  participant_id: string | null;
  participant_count: number;
  detail: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface OutputReportRow {
  id: string;
  plan_id: string;
  activity_slug: string;
  target_code: string;
  period_start: string;
  period_end: string;
  delivered: number;
  note: string | null;
  reported_at: string;
  reported_by: string | null;
  reported_by_label: string;
}

export interface StaffHourReportRow {
  id: string;
  plan_id: string;
  organisation_id: string;
  /** '' for hours agreed for the intervention area as a whole. */
  activity_slug: string;
  intervention_area_slug: string;
  period_start: string;
  period_end: string;
  period_label: string;
  hours: number;
  note: string | null;
  reported_at: string;
  reported_by: string | null;
  reported_by_label: string;
}

export interface OutcomeMeasurementRow {
  id: string;
  plan_id: string;
  participant_id: string;
  measure: string;
  period_start: string;
  period_end: string;
  period_label: string;
  value: number | null;
  value_text: string | null;
  source: string;
  import_id: string | null;
  recorded_at: string;
  recorded_by_label: string;
}

export interface ParticipantImportRow {
  id: string;
  plan_id: string;
  kind: string;
  file_name: string;
  status: string;
  rows_read: number;
  rows_imported: number;
  rows_unchanged: number;
  problem_count: number;
  problems: string | null;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
  finished_at: string | null;
}

export interface AttendanceStagingRow {
  import_id: string;
  session_id: string;
  participant_id: string;
  status: string;
}

/** The tables of issue 5, as part of the database's schema (src/db/schema.ts). */
export interface ParticipantTables {
  households: HouseholdRow;
  participants: ParticipantRow;
  enrolments: EnrolmentRow;
  consents: ConsentRow;
  activity_access: ActivityAccessRow;
  courses: CourseRow;
  course_sessions: CourseSessionRow;
  attendance: AttendanceRow;
  personal_data_reads: PersonalDataReadRow;
  output_reports: OutputReportRow;
  staff_hour_reports: StaffHourReportRow;
  outcome_measurements: OutcomeMeasurementRow;
  participant_imports: ParticipantImportRow;
  attendance_staging: AttendanceStagingRow;
}
