/**
 * All SQL of the crisis module's communication part (issue 7, part 5): the plan's press contacts and the items of an
 * incident's communication plan. Functions take the database or a transaction first, so a caller's transaction is
 * visible; rows become domain objects here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
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

export type { CrisisCommunicationRow };
