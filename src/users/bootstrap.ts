import { ConfigError, type Config } from '../config.js';
import { ValidationError } from '../errors/errors.js';
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import { ensureDefaultPlan } from '../plan/plans.service.js';
import { createUser, hasAnyUser } from './users.service.js';

export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'created'; email: string }
  | { kind: 'setup-link'; url: string };

/**
 * On first start with no users: create the administrator from HELHED_ADMIN_EMAIL and HELHED_ADMIN_PASSWORD, or, without
 * them, make a one-time setup link (valid 24 hours) for the console. Nothing happens once any user exists.
 */
export async function bootstrapAdministrator(database: Db, config: Config, auth: AuthService): Promise<BootstrapResult> {
  const plan = await ensureDefaultPlan(database);
  if (await hasAnyUser(database)) return { kind: 'existing' };
  if (config.adminEmail && config.adminPassword) {
    try {
      await createUser(database, SYSTEM_ACTOR, plan.id, { email: config.adminEmail, name: 'Administrator', roles: ['administrator'], password: config.adminPassword });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const variable = error.fields.some((f) => f.field === 'email') ? 'HELHED_ADMIN_EMAIL' : 'HELHED_ADMIN_PASSWORD';
      throw new ConfigError(variable, error.fields.map((f) => f.message).join(' '));
    }
    return { kind: 'created', email: config.adminEmail.toLowerCase() };
  }
  const token = await auth.createOneTimeLink('setup', null, 24);
  return { kind: 'setup-link', url: `${config.publicUrl}/opsaetning/${token}` };
}
