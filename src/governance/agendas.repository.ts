/**
 * All SQL of agendas, minutes, decisions, action items and recommendations (issue 6). Only these five tables: the
 * meetings, deliveries, milestones and economy are read through their own services.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ActionItemRow, AgendaItemRow, DecisionRow, RecommendationRow } from './governance.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function agendaItems(db: Q, planId: string, meetingId: string): Promise<AgendaItemRow[]> {
  return db.selectFrom('agenda_items').selectAll().where('plan_id', '=', planId).where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
}

export async function agendaItem(db: Q, planId: string, id: string): Promise<AgendaItemRow | undefined> {
  return db.selectFrom('agenda_items').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export async function insertAgendaItems(db: Q, rows: AgendaItemRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('agenda_items').values(rows).execute();
}

export async function updateAgendaItem(db: Q, id: string, values: Partial<Omit<AgendaItemRow, 'id' | 'plan_id' | 'meeting_id'>>): Promise<void> {
  await db.updateTable('agenda_items').set(values).where('id', '=', id).execute();
}

export async function decisions(db: Q, planId: string, meetingId: string): Promise<DecisionRow[]> {
  return db.selectFrom('decisions').selectAll().where('plan_id', '=', planId).where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
}

export async function decisionsOfRecommendation(db: Q, planId: string, recommendationId: string): Promise<DecisionRow[]> {
  return db.selectFrom('decisions').selectAll().where('plan_id', '=', planId).where('recommendation_id', '=', recommendationId).orderBy('created_at').execute();
}

export async function insertDecision(db: Q, row: DecisionRow): Promise<void> {
  await db.insertInto('decisions').values(row).execute();
}

/** Action items made at one meeting, in the order they were written. */
export async function actionItemsOfMeeting(db: Q, planId: string, meetingId: string): Promise<ActionItemRow[]> {
  return db.selectFrom('action_items').selectAll().where('plan_id', '=', planId).where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
}

/** Action items followed up at one meeting (done or noted there). */
export async function actionItemsFollowedUpAt(db: Q, planId: string, meetingId: string): Promise<ActionItemRow[]> {
  return db.selectFrom('action_items').selectAll().where('plan_id', '=', planId).where('followed_up_meeting_id', '=', meetingId).orderBy('deadline').orderBy('id').execute();
}

/** Every open action item of the plan, earliest deadline first. */
export async function openActionItems(db: Q, planId: string): Promise<ActionItemRow[]> {
  return db.selectFrom('action_items').selectAll().where('plan_id', '=', planId).where('status', '=', 'åben').orderBy('deadline').orderBy('id').execute();
}

export async function actionItem(db: Q, planId: string, id: string): Promise<ActionItemRow | undefined> {
  return db.selectFrom('action_items').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export async function insertActionItem(db: Q, row: ActionItemRow): Promise<void> {
  await db.insertInto('action_items').values(row).execute();
}

export async function updateActionItem(db: Q, id: string, values: Partial<Omit<ActionItemRow, 'id' | 'plan_id' | 'meeting_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('action_items').set(values).where('id', '=', id).execute();
}

export async function recommendations(db: Q, planId: string): Promise<RecommendationRow[]> {
  return db.selectFrom('recommendations').selectAll().where('plan_id', '=', planId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function recommendation(db: Q, planId: string, id: string): Promise<RecommendationRow | undefined> {
  return db.selectFrom('recommendations').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export async function insertRecommendation(db: Q, row: RecommendationRow): Promise<void> {
  await db.insertInto('recommendations').values(row).execute();
}

/**
 * Updates a recommendation if it still has the status it was read with; false when someone else changed it first.
 */
export async function updateRecommendation(db: Q, id: string, values: Partial<Omit<RecommendationRow, 'id' | 'plan_id' | 'created_at' | 'created_by_label'>>, expectedStatus: string): Promise<boolean> {
  const result = await db.updateTable('recommendations').set(values).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a meeting's minutes published, unless they already are (the first time is kept). */
export async function publishMinutes(db: Q, planId: string, meetingId: string, at: string): Promise<void> {
  await db.updateTable('meetings').set({ minutes_published_at: at }).where('plan_id', '=', planId).where('id', '=', meetingId).where('minutes_published_at', 'is', null).execute();
}
