/**
 * All SQL of the crisis group (issue 7, part A): its member rows (body `beredskabsgruppe`) with their linked accounts,
 * the accounts that may be linked, the reminder campaigns with how many answered, and the confirmation requests whose
 * links were e-mailed (only the token's SHA-256 is stored).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BodyMemberRow } from '../governance/governance.table.js';
import type { CrisisCampaignRow, CrisisContactRequestRow } from './crisis.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export const CRISIS_BODY = 'beredskabsgruppe';

export interface MemberWithUser extends BodyMemberRow {
  user_name: string | null;
  user_email: string | null;
}

/** The group's members in order (principal before substitute as seeded), with the linked account's name and e-mail. */
export async function listGroup(db: Q, planId: string): Promise<MemberWithUser[]> {
  return db
    .selectFrom('body_members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select(['u.name as user_name', 'u.email as user_email'])
    .where('m.plan_id', '=', planId)
    .where('m.body', '=', CRISIS_BODY)
    .orderBy('m.sort_order')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** One member of the plan's crisis group, or undefined. */
export async function findMember(db: Q, planId: string, id: string): Promise<BodyMemberRow | undefined> {
  return db.selectFrom('body_members').selectAll().where('plan_id', '=', planId).where('body', '=', CRISIS_BODY).where('id', '=', id).executeTakeFirst();
}

export async function insertMember(db: Q, row: BodyMemberRow): Promise<void> {
  await db.insertInto('body_members').values(row).execute();
}

export async function updateMember(db: Q, row: BodyMemberRow): Promise<void> {
  const { id, plan_id, created_at, ...changes } = row;
  void created_at;
  await db.updateTable('body_members').set(changes).where('plan_id', '=', plan_id).where('id', '=', id).execute();
}

export async function maxSortOrder(db: Q, planId: string): Promise<number> {
  const row = await db
    .selectFrom('body_members')
    .select((eb) => eb.fn.max<number | string | null>('sort_order').as('m'))
    .where('plan_id', '=', planId)
    .where('body', '=', CRISIS_BODY)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Clears the required-contact mark on every member but one. */
export async function clearRequiredContactExcept(db: Q, planId: string, keepId: string): Promise<void> {
  await db.updateTable('body_members').set({ is_required_contact: 0 }).where('plan_id', '=', planId).where('body', '=', CRISIS_BODY).where('id', '!=', keepId).execute();
}

/** Points a member's substitutes at another member (a successor). */
export async function moveSubstitutes(db: Q, planId: string, fromId: string, toId: string): Promise<number> {
  const result = await db.updateTable('body_members').set({ substitute_for: toId }).where('plan_id', '=', planId).where('substitute_for', '=', fromId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deletes a member row. Incidents keep what they recorded of the member (name, role and organisation are copied onto
 * participants, tasks, messages and the activation), so their links to the row are cleared first; the member's
 * confirmation requests go with it.
 */
export async function deleteMember(db: Q, planId: string, id: string): Promise<void> {
  await db.updateTable('crisis_participants').set({ member_id: null }).where('plan_id', '=', planId).where('member_id', '=', id).execute();
  await db.updateTable('crisis_tasks').set({ owner_member_id: null }).where('plan_id', '=', planId).where('owner_member_id', '=', id).execute();
  await db.updateTable('crisis_communications').set({ responsible_member_id: null }).where('plan_id', '=', planId).where('responsible_member_id', '=', id).execute();
  await db.updateTable('crisis_incidents').set({ activated_by_member_id: null }).where('plan_id', '=', planId).where('activated_by_member_id', '=', id).execute();
  await db.updateTable('body_members').set({ substitute_for: null }).where('plan_id', '=', planId).where('substitute_for', '=', id).execute();
  await db.deleteFrom('body_members').where('plan_id', '=', planId).where('id', '=', id).execute();
}

export interface PlanUser {
  id: string;
  name: string;
  email: string;
}

/** Active accounts with a role in the plan, by name: the accounts a member may be linked to. */
export async function usersInPlan(db: Q, planId: string): Promise<PlanUser[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.active'])
    .where('r.plan_id', '=', planId)
    .distinct()
    .orderBy('u.name')
    .orderBy('u.email')
    .execute();
  return rows.filter((r) => r.active === true || Number(r.active) === 1).map((r) => ({ id: r.id, name: r.name, email: r.email }));
}

// Campaigns and confirmation requests

export async function insertCampaign(db: Q, row: CrisisCampaignRow): Promise<void> {
  await db.insertInto('crisis_campaigns').values(row).execute();
}

export interface CampaignWithCounts extends CrisisCampaignRow {
  requests: number;
  answered: number;
}

/** The plan's campaigns, newest first, with how many were asked and how many answered. */
export async function listCampaigns(db: Q, planId: string): Promise<CampaignWithCounts[]> {
  const rows = await db
    .selectFrom('crisis_campaigns as c')
    .leftJoin('crisis_contact_requests as r', 'r.campaign_id', 'c.id')
    .select(['c.id', 'c.plan_id', 'c.started_at', 'c.started_by_label', 'c.label'])
    .select((eb) => [eb.fn.count<string | number>('r.id').as('requests'), eb.fn.count<string | number>('r.answered_at').as('answered')])
    .where('c.plan_id', '=', planId)
    .groupBy(['c.id', 'c.plan_id', 'c.started_at', 'c.started_by_label', 'c.label'])
    .orderBy('c.started_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, requests: Number(r.requests), answered: Number(r.answered) }));
}

export async function insertRequests(db: Q, rows: readonly CrisisContactRequestRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('crisis_contact_requests').values([...rows]).execute();
}

export async function findRequestByHash(db: Q, tokenHash: string): Promise<CrisisContactRequestRow | undefined> {
  return db.selectFrom('crisis_contact_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks the member's open requests answered (whichever way the member confirmed), so each link works once. */
export async function answerRequests(db: Q, planId: string, memberId: string, at: string): Promise<void> {
  await db.updateTable('crisis_contact_requests').set({ answered_at: at }).where('plan_id', '=', planId).where('member_id', '=', memberId).where('answered_at', 'is', null).execute();
}
