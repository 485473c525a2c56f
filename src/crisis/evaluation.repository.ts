/**
 * All SQL of the evaluations and the annual status meeting (issue 7, part 7): the evaluation rows, the status meeting
 * rows, and the reads the year's summary is built from (incidents, level changes, the crisis group's members, open
 * actions). Each function takes the database or the transaction it runs in.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseEngine } from '../config.js';
import type { Database } from '../db/schema.js';
import type { CrisisEvaluationRow, CrisisIncidentRow, CrisisStatusMeetingRow } from './crisis.table.js';

type Q = Kysely<Database> | Transaction<Database>;

// Evaluations

export async function findEvaluation(db: Q, planId: string, incidentId: string): Promise<CrisisEvaluationRow | undefined> {
  return db.selectFrom('crisis_evaluations').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).executeTakeFirst();
}

export async function insertEvaluation(trx: Transaction<Database>, row: CrisisEvaluationRow): Promise<void> {
  await trx.insertInto('crisis_evaluations').values(row).execute();
}

export async function updateEvaluation(trx: Transaction<Database>, row: CrisisEvaluationRow): Promise<void> {
  const { id, plan_id, incident_id, created_at, ...changes } = row;
  await trx.updateTable('crisis_evaluations').set(changes).where('id', '=', id).where('plan_id', '=', plan_id).execute();
}

/**
 * The incident row, locked for the rest of the transaction on PostgreSQL, so two members deciding at once are taken
 * one after the other (SQLite writes one transaction at a time anyway).
 */
export async function lockIncident(trx: Transaction<Database>, engine: DatabaseEngine, planId: string, id: string): Promise<CrisisIncidentRow | undefined> {
  let query = trx.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId).where('id', '=', id);
  if (engine === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export type IncidentWithEvaluation = CrisisIncidentRow & { evaluation_status: string | null };

/** Stood-down incidents whose evaluation is not stored, waits for a decision or is not finished, oldest stand-down first. */
export async function unfinishedEvaluations(db: Q, planId: string): Promise<IncidentWithEvaluation[]> {
  return db
    .selectFrom('crisis_incidents as i')
    .leftJoin('crisis_evaluations as e', 'e.incident_id', 'i.id')
    .selectAll('i')
    .select('e.status as evaluation_status')
    .where('i.plan_id', '=', planId)
    .where('i.status', '=', 'afmeldt')
    .where((eb) => eb.or([eb('e.status', 'is', null), eb('e.status', 'in', ['afventer', 'evalueres'])]))
    .orderBy('i.stood_down_at')
    .orderBy('i.number')
    .execute();
}

// The year's summary

/** Incidents activated in [from, to), with their evaluation's status. */
export async function incidentsActivatedBetween(db: Q, planId: string, from: string, to: string): Promise<IncidentWithEvaluation[]> {
  return db
    .selectFrom('crisis_incidents as i')
    .leftJoin('crisis_evaluations as e', 'e.incident_id', 'i.id')
    .selectAll('i')
    .select('e.status as evaluation_status')
    .where('i.plan_id', '=', planId)
    .where('i.activated_at', '>=', from)
    .where('i.activated_at', '<', to)
    .orderBy('i.number')
    .execute();
}

/** Every incident's activation instant, for counting activations per year. */
export async function activationInstants(db: Q, planId: string): Promise<string[]> {
  const rows = await db.selectFrom('crisis_incidents').select('activated_at').where('plan_id', '=', planId).execute();
  return rows.map((r) => r.activated_at);
}

/** Level changes logged in [from, to): general entries only, never those shared under § 115. */
export async function levelChangesBetween(db: Q, planId: string, from: string, to: string) {
  return db
    .selectFrom('crisis_log_entries as l')
    .innerJoin('crisis_incidents as i', 'i.id', 'l.incident_id')
    .select(['l.incident_id', 'i.number', 'l.recorded_at', 'l.data'])
    .where('l.plan_id', '=', planId)
    .where('l.kind', '=', 'niveau')
    .where('l.classification', '=', 'generel')
    .where('l.recorded_at', '>=', from)
    .where('l.recorded_at', '<', to)
    .orderBy('l.recorded_at')
    .execute();
}

/** The crisis group's members with when they last confirmed their contact data. */
export async function crisisMembers(db: Q, planId: string) {
  return db
    .selectFrom('body_members')
    .select(['role', 'organisation', 'name', 'email', 'substitute_for', 'contact_confirmed_at', 'sort_order'])
    .where('plan_id', '=', planId)
    .where('body', '=', 'beredskabsgruppe')
    .orderBy('sort_order')
    .execute();
}

/** Actions neither done nor cancelled, of incidents activated before `to`. */
export async function openTasksBefore(db: Q, planId: string, to: string) {
  return db
    .selectFrom('crisis_tasks as t')
    .innerJoin('crisis_incidents as i', 'i.id', 't.incident_id')
    .select(['t.incident_id', 'i.number', 't.title', 't.owner_label', 't.deadline_at', 't.status'])
    .where('t.plan_id', '=', planId)
    .where('t.status', 'not in', ['udfoert', 'annulleret'])
    .where('i.activated_at', '<', to)
    .orderBy('i.number')
    .orderBy('t.sort_order')
    .execute();
}

// Status meetings

export async function findStatusMeeting(db: Q, planId: string, year: number): Promise<CrisisStatusMeetingRow | undefined> {
  return db.selectFrom('crisis_status_meetings').selectAll().where('plan_id', '=', planId).where('year', '=', year).executeTakeFirst();
}

export async function listStatusMeetings(db: Q, planId: string): Promise<CrisisStatusMeetingRow[]> {
  return db.selectFrom('crisis_status_meetings').selectAll().where('plan_id', '=', planId).orderBy('year', 'desc').execute();
}

export async function insertStatusMeeting(trx: Transaction<Database>, row: CrisisStatusMeetingRow): Promise<void> {
  await trx.insertInto('crisis_status_meetings').values(row).execute();
}

export async function updateStatusMeeting(trx: Transaction<Database>, row: CrisisStatusMeetingRow): Promise<void> {
  const { id, plan_id, year, created_at, ...changes } = row;
  await trx.updateTable('crisis_status_meetings').set(changes).where('id', '=', id).where('plan_id', '=', plan_id).execute();
}

/** The plan's stood-down incidents, first number first. */
export async function stoodDownIncidentIds(db: Q, planId: string): Promise<string[]> {
  const rows = await db.selectFrom('crisis_incidents').select('id').where('plan_id', '=', planId).where('status', '=', 'afmeldt').orderBy('number').execute();
  return rows.map((r) => r.id);
}
