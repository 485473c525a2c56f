import type { Db } from '../db/database.js';
import { toBool } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database, RoleAssignmentRow, UserRow } from '../db/schema.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { hashPassword, passwordProblems } from '../auth/password.js';
import { isRole, ROLES, type Role } from '../auth/permissions.js';
import { deleteSessionsOfUser, findUserByEmail, findUserById } from '../auth/auth.repository.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import {
  countUsers,
  deleteRoleAssignments,
  findOrganisationByName,
  insertOrganisation,
  insertRoleAssignments,
  insertUser,
  listAllUsers,
  listOrganisations,
  listRoleAssignmentsInPlan,
  updateUser as updateUserRow,
} from './users.repository.js';

export interface RoleGrant {
  role: Role;
  organisationName: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  active: boolean;
  hasPassword: boolean;
  createdAt: string;
  /** Roles in the plan the list was made for. */
  roles: RoleGrant[];
}

export interface UserInput {
  email: string;
  name: string;
  roles: string[];
  /** Required when the roles include partner: the organisation the partner reports for. */
  organisation?: string | undefined;
  /** Optional at creation: without it the user gets a one-time link to choose a password (or signs in by SSO). */
  password?: string | undefined;
  active?: boolean | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks a user form or API body; returns every problem at once, in Danish, by field. */
export function validateUserInput(input: UserInput, mode: 'create' | 'update'): FieldError[] {
  const errors: FieldError[] = [];
  const email = normaliseEmail(input.email ?? '');
  if (mode === 'create') {
    if (email === '') errors.push({ field: 'email', message: 'Skriv brugerens e-mailadresse.' });
    else if (!EMAIL.test(email) || email.length > 254) errors.push({ field: 'email', message: 'E-mailadressen skal have formen navn@eksempel.dk.' });
  }
  const name = (input.name ?? '').trim();
  if (name === '') errors.push({ field: 'name', message: 'Skriv brugerens navn.' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'Navnet må højst være 200 tegn.' });
  const unknown = input.roles.filter((r) => !isRole(r));
  if (unknown.length > 0) errors.push({ field: 'roles', message: `Ukendt rolle: ${unknown.join(', ')}. Mulige roller: ${ROLES.join(', ')}.` });
  if (new Set(input.roles).size !== input.roles.length) errors.push({ field: 'roles', message: 'Den samme rolle er valgt flere gange.' });
  const organisation = (input.organisation ?? '').trim();
  if (input.roles.includes('partner') && organisation === '') {
    errors.push({ field: 'organisation', message: 'En partner skal være knyttet til en organisation. Skriv organisationens navn.' });
  }
  if (organisation.length > 200) errors.push({ field: 'organisation', message: 'Organisationens navn må højst være 200 tegn.' });
  if (input.password !== undefined && input.password !== '') {
    for (const message of passwordProblems(input.password, email)) errors.push({ field: 'password', message });
  }
  return errors;
}

function toUser(row: UserRow, roles: RoleGrant[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: toBool(row.active),
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    roles,
  };
}

/** Every account, with its roles in the given plan. */
export async function listUsers(database: Db, planId: string): Promise<User[]> {
  const [users, grants] = await Promise.all([listAllUsers(database.db), listRoleAssignmentsInPlan(database.db, planId)]);
  const byUser = new Map<string, RoleGrant[]>();
  for (const g of grants) {
    if (!isRole(g.role)) continue;
    const list = byUser.get(g.user_id) ?? [];
    list.push({ role: g.role, organisationName: g.organisation_name });
    byUser.set(g.user_id, list);
  }
  return users.map((u) => toUser(u, byUser.get(u.id) ?? []));
}

export async function getUser(database: Db, planId: string, userId: string): Promise<User> {
  const row = await findUserById(database.db, userId);
  if (!row) throw new NotFoundError('Brugeren findes ikke.');
  const grants = await listRoleAssignmentsInPlan(database.db, planId);
  return toUser(
    row,
    grants.filter((g) => g.user_id === userId && isRole(g.role)).map((g) => ({ role: g.role as Role, organisationName: g.organisation_name })),
  );
}

export async function organisationNames(database: Db, planId: string): Promise<string[]> {
  return (await listOrganisations(database.db, planId)).map((o) => o.name);
}

async function roleRows(trx: Kysely<Database> | Transaction<Database>, userId: string, planId: string, roles: Role[], organisation: string | undefined): Promise<RoleAssignmentRow[]> {
  let organisationId: string | null = null;
  const orgName = organisation?.trim();
  if (roles.includes('partner') && orgName) {
    const existing = await findOrganisationByName(trx, planId, orgName);
    if (existing) organisationId = existing.id;
    else {
      organisationId = newId();
      await insertOrganisation(trx, { id: organisationId, plan_id: planId, name: orgName, created_at: nowIso() });
    }
  }
  return roles.map((role) => ({
    id: newId(),
    user_id: userId,
    plan_id: planId,
    role,
    organisation_id: role === 'partner' ? organisationId : null,
    created_at: nowIso(),
  }));
}

function auditView(user: { email: string; name: string; active: boolean }, roles: Role[], organisation: string | null) {
  return { email: user.email, name: user.name, active: user.active, roles, organisation };
}

/** Creates an account with roles in one plan. The password, if given, is stored only as an argon2id hash. */
export async function createUser(database: Db, actor: Actor, planId: string, input: UserInput): Promise<User> {
  const errors = validateUserInput(input, 'create');
  if (errors.length > 0) throw new ValidationError(errors);
  const email = normaliseEmail(input.email);
  const roles = input.roles as Role[];
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = newId();
  const now = nowIso();
  await database.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) {
      throw new ConflictError('Der findes allerede en bruger med den e-mailadresse.', [{ field: 'email', message: 'Der findes allerede en bruger med den e-mailadresse.' }]);
    }
    await insertUser(trx, { id, email, name: input.name.trim(), password_hash: passwordHash, active: input.active === false ? 0 : 1, created_at: now, updated_at: now });
    await insertRoleAssignments(trx, await roleRows(trx, id, planId, roles, input.organisation));
    await recordAudit(trx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      planId,
      summary: `Bruger ${email} oprettet`,
      after: auditView({ email, name: input.name.trim(), active: input.active !== false }, roles, roles.includes('partner') ? input.organisation?.trim() ?? null : null),
    });
  });
  return getUser(database, planId, id);
}

/** Changes name, active state and the roles in one plan. Deactivating ends the user's sessions at once. */
export async function updateUser(database: Db, actor: Actor, planId: string, userId: string, input: Omit<UserInput, 'email' | 'password'>): Promise<User> {
  const errors = validateUserInput({ ...input, email: '' }, 'update');
  if (errors.length > 0) throw new ValidationError(errors);
  const before = await getUser(database, planId, userId);
  const roles = input.roles as Role[];
  const active = input.active ?? before.active;
  if (actor.userId === userId && (!active || (before.roles.some((r) => r.role === 'administrator') && !roles.includes('administrator')))) {
    throw new ValidationError([{ field: 'roles', message: 'Du kan ikke fjerne din egen administratorrolle eller deaktivere dig selv.' }]);
  }
  await database.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, userId, { name: input.name.trim(), active: active ? 1 : 0, updated_at: nowIso() });
    await deleteRoleAssignments(trx, userId, planId);
    await insertRoleAssignments(trx, await roleRows(trx, userId, planId, roles, input.organisation));
    if (!active) await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: userId,
      planId,
      summary: `Bruger ${before.email} ændret`,
      before: auditView(before, before.roles.map((r) => r.role), before.roles.find((r) => r.organisationName)?.organisationName ?? null),
      after: auditView({ email: before.email, name: input.name.trim(), active }, roles, roles.includes('partner') ? input.organisation?.trim() ?? null : null),
    });
  });
  return getUser(database, planId, userId);
}

/** Sets a new password and ends the user's other sessions. */
export async function setPassword(database: Db, actor: Actor, userId: string, password: string): Promise<void> {
  const user = await findUserById(database.db, userId);
  if (!user) throw new NotFoundError('Brugeren findes ikke.');
  const problems = passwordProblems(password, user.email);
  if (problems.length > 0) throw new ValidationError(problems.map((message) => ({ field: 'password', message })));
  const hash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, userId, { password_hash: hash, updated_at: nowIso() });
    await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, { action: 'update', entityType: 'user', entityId: userId, planId: null, summary: `Adgangskode for ${user.email} ændret` });
  });
}

export function hasAnyUser(database: Db): Promise<boolean> {
  return countUsers(database.db).then((n) => n > 0);
}
