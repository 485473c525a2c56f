/**
 * An incident as every part of the crisis module reads it (issue 7), and the one query that loads it. The incidents
 * service (incidents.service.ts) writes incidents; the other parts (convening, action plan, communication, log,
 * evaluation) load the incident their page or API call is about through `loadIncident`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { NotFoundError } from '../errors/errors.js';
import type { CrisisIncidentRow } from './crisis.table.js';
import type { AssessedLevel, CrisisLevel, IncidentStatus, PoliceStatus } from './levels.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface Incident {
  id: string;
  planId: string;
  /** 1, 2, … per plan; shown as «Hændelse 3». */
  number: number;
  areaSlug: string | null;
  situationType: string;
  description: string;
  level: CrisisLevel;
  status: IncidentStatus;
  activatedAt: string;
  activatedByUserId: string | null;
  activatedByLabel: string;
  activatedByMemberId: string | null;
  onBehalfOf: string | null;
  police: {
    status: PoliceStatus;
    contact: string | null;
    contactedAt: string | null;
    assessedLevel: AssessedLevel | null;
  };
  /** The meeting deadline, fixed when the current level was set (`levelSetAt`). */
  deadlineAt: string;
  levelSetAt: string;
  meetingPlannedAt: string | null;
  meetingLocation: string | null;
  meetingHeldAt: string | null;
  stoodDownAt: string | null;
  stoodDownByLabel: string | null;
  standDownReason: string | null;
  logLength: number;
  createdAt: string;
  updatedAt: string;
}

export function toIncident(row: CrisisIncidentRow): Incident {
  return {
    id: row.id,
    planId: row.plan_id,
    number: Number(row.number),
    areaSlug: row.area_slug,
    situationType: row.situation_type,
    description: row.description,
    level: row.level as CrisisLevel,
    status: row.status as IncidentStatus,
    activatedAt: row.activated_at,
    activatedByUserId: row.activated_by_user_id,
    activatedByLabel: row.activated_by_label,
    activatedByMemberId: row.activated_by_member_id,
    onBehalfOf: row.on_behalf_of,
    police: {
      status: row.police_status as PoliceStatus,
      contact: row.police_contact,
      contactedAt: row.police_contacted_at,
      assessedLevel: row.police_assessed_level as AssessedLevel | null,
    },
    deadlineAt: row.deadline_at,
    levelSetAt: row.level_set_at,
    meetingPlannedAt: row.meeting_planned_at,
    meetingLocation: row.meeting_location,
    meetingHeldAt: row.meeting_held_at,
    stoodDownAt: row.stood_down_at,
    stoodDownByLabel: row.stood_down_by_label,
    standDownReason: row.stand_down_reason,
    logLength: Number(row.log_length),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findIncidentRow(db: Q, planId: string, id: string): Promise<CrisisIncidentRow | undefined> {
  return db.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

/** The incident of the plan, or NotFoundError (404) for an unknown id or another plan's incident. */
export async function loadIncident(database: Db | Q, planId: string, id: string): Promise<Incident> {
  const db = 'engine' in database ? database.db : database;
  const row = await findIncidentRow(db, planId, id);
  if (!row) throw new NotFoundError('Hændelsen findes ikke i planen.');
  return toIncident(row);
}

/** «Hændelse 3», as lists, mails and the log name an incident. */
export function incidentLabel(incident: Pick<Incident, 'number'>): string {
  return `Hændelse ${incident.number}`;
}

/** The incident's pages live under this path. */
export function incidentPath(id: string, sub = ''): string {
  return `/beredskab/haendelser/${id}${sub ? `/${sub}` : ''}`;
}

/** What an activation decides; everything after it (meeting, stand-down, log) starts empty. */
export type ActivationColumns = Pick<
  CrisisIncidentRow,
  | 'id' | 'plan_id' | 'number' | 'area_slug' | 'situation_type' | 'description' | 'level' | 'activated_at' | 'activated_by_user_id'
  | 'activated_by_label' | 'activated_by_member_id' | 'on_behalf_of' | 'police_status' | 'police_contact' | 'police_contacted_at'
  | 'police_assessed_level' | 'deadline_at'
>;

/** The row of a just-activated incident: active, its level set at activation, no meeting, stand-down or log yet. */
export function activatedIncidentRow(columns: ActivationColumns): CrisisIncidentRow {
  const at = columns.activated_at;
  return {
    ...columns,
    status: 'aktiv',
    level_set_at: at,
    meeting_planned_at: null,
    meeting_location: null,
    meeting_held_at: null,
    stood_down_at: null,
    stood_down_by_label: null,
    stand_down_reason: null,
    log_length: 0,
    log_head_hash: '',
    created_at: at,
    updated_at: at,
  };
}
