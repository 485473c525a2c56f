/**
 * All SQL of data deliveries: the requests made to organisations before a steering-group meeting, the items they
 * deliver per activity, and who is asked (the organisations' partner users). Meetings themselves are read through the
 * meeting service, never here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DeliveryItemRow, DeliveryRequestRow } from './governance.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface RequestWithOrganisation extends DeliveryRequestRow {
  organisation_name: string;
}

const normalise = <T extends { reminder_count: number | string }>(row: T): T => ({ ...row, reminder_count: Number(row.reminder_count) });

function requests(db: Q) {
  return db
    .selectFrom('delivery_requests')
    .innerJoin('organisations', 'organisations.id', 'delivery_requests.organisation_id')
    .selectAll('delivery_requests')
    .select('organisations.name as organisation_name');
}

/** A meeting's requests, by organisation name. */
export async function requestsOfMeeting(db: Q, planId: string, meetingId: string): Promise<RequestWithOrganisation[]> {
  const rows = await requests(db).where('delivery_requests.plan_id', '=', planId).where('delivery_requests.meeting_id', '=', meetingId).orderBy('organisations.name').execute();
  return rows.map(normalise);
}

/** One organisation's requests across meetings, latest deadline first. */
export async function requestsOfOrganisation(db: Q, planId: string, organisationId: string): Promise<RequestWithOrganisation[]> {
  const rows = await requests(db)
    .where('delivery_requests.plan_id', '=', planId)
    .where('delivery_requests.organisation_id', '=', organisationId)
    .orderBy('delivery_requests.deadline', 'desc')
    .execute();
  return rows.map(normalise);
}

/** Every request of the plan not yet delivered, earliest deadline first (the secretariat's list). */
export async function openRequests(db: Q, planId: string): Promise<RequestWithOrganisation[]> {
  const rows = await requests(db)
    .where('delivery_requests.plan_id', '=', planId)
    .where('delivery_requests.delivered_at', 'is', null)
    .orderBy('delivery_requests.deadline')
    .orderBy('organisations.name')
    .execute();
  return rows.map(normalise);
}

export async function requestById(db: Q, planId: string, id: string): Promise<RequestWithOrganisation | undefined> {
  const row = await requests(db).where('delivery_requests.plan_id', '=', planId).where('delivery_requests.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** The items of some requests, by request and then activity. */
export async function itemsOfRequests(db: Q, requestIds: readonly string[]): Promise<DeliveryItemRow[]> {
  if (requestIds.length === 0) return [];
  return db.selectFrom('delivery_items').selectAll().where('request_id', 'in', requestIds as string[]).orderBy('request_id').orderBy('activity_slug').execute();
}

export async function findItem(db: Q, requestId: string, activitySlug: string): Promise<DeliveryItemRow | undefined> {
  return db.selectFrom('delivery_items').selectAll().where('request_id', '=', requestId).where('activity_slug', '=', activitySlug).executeTakeFirst();
}

/** A request for a meeting and organisation, or undefined (there is at most one: a unique index holds them). */
export async function findRequest(db: Q, meetingId: string, organisationId: string): Promise<DeliveryRequestRow | undefined> {
  const row = await db.selectFrom('delivery_requests').selectAll().where('meeting_id', '=', meetingId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function insertRequest(db: Q, row: DeliveryRequestRow): Promise<void> {
  await db.insertInto('delivery_requests').values(row).execute();
}

export async function setDeadline(db: Q, id: string, deadline: string): Promise<void> {
  await db.updateTable('delivery_requests').set({ deadline }).where('id', '=', id).execute();
}

/** Writes an item, replacing the request's earlier item for the same activity. */
export async function saveItem(db: Q, row: DeliveryItemRow): Promise<void> {
  await db
    .insertInto('delivery_items')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['request_id', 'activity_slug']).doUpdateSet({ narrative: row.narrative, figures: row.figures, updated_at: row.updated_at, updated_by_label: row.updated_by_label }),
    )
    .execute();
}

export async function markDelivered(db: Q, id: string, at: string | null, byLabel: string | null): Promise<void> {
  await db.updateTable('delivery_requests').set({ delivered_at: at, delivered_by_label: byLabel }).where('id', '=', id).execute();
}

/** Counts a reminder on each request. */
export async function countReminder(db: Q, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('delivery_requests')
    .set((eb) => ({ reminder_count: eb('reminder_count', '+', 1), last_reminded_at: at }))
    .where('id', 'in', ids as string[])
    .execute();
}

export interface Recipient {
  organisationId: string;
  email: string;
  name: string;
}

/** The active partner users of some organisations in a plan: those a request or reminder goes to. */
export async function partnerUsers(db: Q, planId: string, organisationIds: readonly string[]): Promise<Recipient[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['role_assignments.organisation_id', 'users.email', 'users.name'])
    .where('role_assignments.plan_id', '=', planId)
    .where('role_assignments.role', '=', 'partner')
    .where('role_assignments.organisation_id', 'in', organisationIds as string[])
    .where('users.active', '=', 1)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id!, email: r.email, name: r.name }));
}

export interface OrganisationChoice {
  id: string;
  name: string;
  /** Activities granted to the organisation. */
  activities: number;
  /** Its active partner users. */
  partners: number;
}

/** The plan's organisations with how many activities they are granted and how many partner users they have. */
export async function organisationChoices(db: Q, planId: string): Promise<OrganisationChoice[]> {
  const [organisations, grants, partners] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name']).where('plan_id', '=', planId).orderBy('name').execute(),
    db
      .selectFrom('activity_access')
      .select((eb) => ['organisation_id', eb.fn.count<string | number>('activity_slug').distinct().as('n')])
      .where('plan_id', '=', planId)
      .where('organisation_id', 'is not', null)
      .groupBy('organisation_id')
      .execute(),
    db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select((eb) => ['role_assignments.organisation_id', eb.fn.countAll<string | number>().as('n')])
      .where('role_assignments.plan_id', '=', planId)
      .where('role_assignments.role', '=', 'partner')
      .where('role_assignments.organisation_id', 'is not', null)
      .where('users.active', '=', 1)
      .groupBy('role_assignments.organisation_id')
      .execute(),
  ]);
  const grantsOf = new Map(grants.map((g) => [g.organisation_id, Number(g.n)]));
  const partnersOf = new Map(partners.map((p) => [p.organisation_id, Number(p.n)]));
  return organisations.map((o) => ({ id: o.id, name: o.name, activities: grantsOf.get(o.id) ?? 0, partners: partnersOf.get(o.id) ?? 0 }));
}

/** The activities granted to an organisation, by slug. */
export async function activitiesOfOrganisation(db: Q, planId: string, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('activity_access')
    .select('activity_slug')
    .distinct()
    .where('plan_id', '=', planId)
    .where('organisation_id', '=', organisationId)
    .orderBy('activity_slug')
    .execute();
  return rows.map((r) => r.activity_slug);
}
