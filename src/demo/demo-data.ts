import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { ROLES, type Role } from '../auth/permissions.js';
import { findUserByEmail } from '../auth/auth.repository.js';
import { createUser } from '../users/users.service.js';

/** The settings key that records that this database holds synthetic demo data. */
export const DEMO_SETTING = 'demo-data';

/** One demo user per role, so that every part of Helhed can be tried as each kind of user. */
export function demoUsers(): { email: string; name: string; role: Role; password: string; organisation?: string }[] {
  return ROLES.map((role) => ({
    email: `demo.${role}@helhed.example`,
    name: `Demo ${role}`,
    role,
    password: `demo-${role}-helhed`,
    ...(role === 'partner' ? { organisation: 'Demo: Nørrevangsskolen' } : {}),
  }));
}

export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', DEMO_SETTING).executeTakeFirst()) !== undefined;
}

/**
 * Adds synthetic demo data for trying Helhed (README: HELHED_DEMO_DATA=1). Every page then carries a demo banner. The
 * modules that record activity, measurements, meetings and incidents add their synthetic data here, all invented.
 * Safe to call on every start: what exists is left alone.
 */
export async function seedDemoData(database: Db, planId: string): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const user of demoUsers()) {
    if (await findUserByEmail(database.db, user.email)) continue;
    await createUser(database, { ...SYSTEM_ACTOR, label: 'demodata' }, planId, { email: user.email, name: user.name, roles: [user.role], password: user.password, organisation: user.organisation });
    created.push(user.email);
  }
  if (!(await hasDemoData(database.db))) {
    await database.db.insertInto('settings').values({ key: DEMO_SETTING, value: 'syntetiske demodata', updated_at: nowIso() }).execute();
  }
  return { created };
}
