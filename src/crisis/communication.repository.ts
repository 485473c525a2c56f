/**
 * All SQL of the crisis module's communication part (issue 7, part 5): the plan's press contacts and the items of an
 * incident's communication plan. Functions take the database or a transaction first, so a caller's transaction is
 * visible; rows become domain objects here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { isAudience, isChannel, isCommunicationStatus, type Audience, type Channel, type CommunicationStatus } from './communication.js';
import type { CrisisCommunicationRow, CrisisPressContactRow } from './crisis.table.js';

type Q = Kysely<Database> | Transaction<Database>;

/** A person to involve when the press calls (the beredskabsplan's «Håndtering af omverdenen»). */
export interface PressContact {
  id: string;
  organisation: string;
  position: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export function toPressContact(row: CrisisPressContactRow): PressContact {
  return {
    id: row.id,
    organisation: row.organisation,
    position: row.position,
    name: row.name,
    phone: row.phone,
    email: row.email,
    sortOrder: Number(row.sort_order),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// Settings (the once-only seeding marker)

/** Claims a settings key; false when it was already there (someone else seeded first). */
export async function claimSetting(db: Q, key: string, at: string): Promise<boolean> {
  const result = await db.insertInto('settings').values({ key, value: at, updated_at: at }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function hasSetting(db: Q, key: string): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

export async function planSlugOf(db: Q, planId: string): Promise<string | undefined> {
  return (await db.selectFrom('plans').select('slug').where('id', '=', planId).executeTakeFirst())?.slug;
}

// Press contacts

export async function listPressContacts(db: Q, planId: string): Promise<PressContact[]> {
  const rows = await db.selectFrom('crisis_press_contacts').selectAll().where('plan_id', '=', planId).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toPressContact);
}

export async function findPressContact(db: Q, planId: string, id: string): Promise<CrisisPressContactRow | undefined> {
  return db.selectFrom('crisis_press_contacts').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export async function insertPressContacts(db: Q, rows: readonly CrisisPressContactRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('crisis_press_contacts').values([...rows]).execute();
}

export async function updatePressContact(db: Q, row: CrisisPressContactRow): Promise<void> {
  const { id, plan_id, created_at: _created, ...rest } = row;
  await db.updateTable('crisis_press_contacts').set(rest).where('plan_id', '=', plan_id).where('id', '=', id).execute();
}

export async function deletePressContact(db: Q, planId: string, id: string): Promise<void> {
  await db.deleteFrom('crisis_press_contacts').where('plan_id', '=', planId).where('id', '=', id).execute();
}

/** The next sort order after the plan's last press contact. */
export async function nextPressContactOrder(db: Q, planId: string): Promise<number> {
  const row = await db.selectFrom('crisis_press_contacts').select((eb) => eb.fn.max('sort_order').as('max')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

// Communication items

/** One item of an incident's communication plan. */
export interface Communication {
  id: string;
  incidentId: string;
  audience: Audience;
  audienceDetail: string | null;
  responsibleMemberId: string | null;
  responsibleLabel: string;
  message: string;
  channel: Channel;
  plannedAt: string | null;
  status: CommunicationStatus;
  submittedAt: string | null;
  submittedByUserId: string | null;
  submittedByLabel: string | null;
  approvedAt: string | null;
  approvedByLabel: string | null;
  rejectedAt: string | null;
  rejectedByLabel: string | null;
  rejectionReason: string | null;
  sentAt: string | null;
  sentByLabel: string | null;
  suggestionKey: string | null;
  planRef: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
  updatedByLabel: string;
}

export function toCommunication(row: CrisisCommunicationRow): Communication {
  return {
    id: row.id,
    incidentId: row.incident_id,
    // Only the service writes these, through the vocabulary's guards; a foreign value would be a bug, shown as «andre»/draft.
    audience: isAudience(row.audience) ? row.audience : 'andre',
    audienceDetail: row.audience_detail,
    responsibleMemberId: row.responsible_member_id,
    responsibleLabel: row.responsible_label,
    message: row.message,
    channel: isChannel(row.channel) ? row.channel : 'andet',
    plannedAt: row.planned_at,
    status: isCommunicationStatus(row.status) ? row.status : 'kladde',
    submittedAt: row.submitted_at,
    submittedByUserId: row.submitted_by_user_id,
    submittedByLabel: row.submitted_by_label,
    approvedAt: row.approved_at,
    approvedByLabel: row.approved_by_label,
    rejectedAt: row.rejected_at,
    rejectedByLabel: row.rejected_by_label,
    rejectionReason: row.rejection_reason,
    sentAt: row.sent_at,
    sentByLabel: row.sent_by_label,
    suggestionKey: row.suggestion_key,
    planRef: row.plan_ref,
    sortOrder: Number(row.sort_order),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

/** An incident's communication items in the order they were added (the service orders them by planned time). */
export async function listCommunications(db: Q, planId: string, incidentId: string): Promise<CrisisCommunicationRow[]> {
  const rows = await db
    .selectFrom('crisis_communications')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('incident_id', '=', incidentId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows;
}

export async function findCommunication(db: Q, planId: string, incidentId: string, id: string): Promise<CrisisCommunicationRow | undefined> {
  return db.selectFrom('crisis_communications').selectAll().where('plan_id', '=', planId).where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
}

export async function insertCommunications(db: Q, rows: readonly CrisisCommunicationRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('crisis_communications').values([...rows]).execute();
}

export async function updateCommunication(db: Q, row: CrisisCommunicationRow): Promise<void> {
  const { id, plan_id, incident_id: _incident, created_at: _created, ...rest } = row;
  await db.updateTable('crisis_communications').set(rest).where('plan_id', '=', plan_id).where('id', '=', id).execute();
}

export async function deleteCommunication(db: Q, planId: string, id: string): Promise<void> {
  await db.deleteFrom('crisis_communications').where('plan_id', '=', planId).where('id', '=', id).execute();
}

/** The next sort order after the incident's last item. */
export async function nextCommunicationOrder(db: Q, incidentId: string): Promise<number> {
  const row = await db.selectFrom('crisis_communications').select((eb) => eb.fn.max('sort_order').as('max')).where('incident_id', '=', incidentId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Locks the incident row until the transaction ends (PostgreSQL only), so changes of its items run one at a time. */
export async function lockIncident(trx: Transaction<Database>, incidentId: string): Promise<void> {
  await trx.selectFrom('crisis_incidents').select('id').where('id', '=', incidentId).forUpdate().execute();
}

/** The newest active incident whose description carries the demo mark, or undefined. */
export async function activeDemoIncidentId(db: Q, planId: string, mark: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('crisis_incidents')
    .select('id')
    .where('plan_id', '=', planId)
    .where('status', '=', 'aktiv')
    .where('description', 'like', `%${mark}%`)
    .orderBy('activated_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}

export async function incidentHasCommunication(db: Q, planId: string, incidentId: string): Promise<boolean> {
  const row = await db.selectFrom('crisis_communications').select('id').where('plan_id', '=', planId).where('incident_id', '=', incidentId).executeTakeFirst();
  return row !== undefined;
}
