import type { Kysely, Transaction } from 'kysely';
import type { Database, AuditLogRow } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import type { FieldError } from '../errors/errors.js';
import { localToInstant, parseIsoDate, startOfDanishDay } from '../time/copenhagen.js';
import { countAuditEntries, distinctAuditValues, insertAuditEntry, listAuditEntries, type AuditQuery } from './audit.repository.js';

/** Who did something: a user, or the system itself (start-up, CLI, scheduled jobs). */
export interface Actor {
  userId: string | null;
  label: string;
  planId: string | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', planId: null, ip: null, requestId: null };

export function cliActor(): Actor {
  return { userId: null, label: `kommandolinje (${process.env.USER ?? 'ukendt'})`, planId: null, ip: null, requestId: null };
}

/** The kinds of event in the log. `read` is for reads of personal data by later modules. */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'read'
  | 'login'
  | 'login_failed'
  | 'login_locked'
  | 'logout'
  | 'export'
  | 'erase';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Oprettet',
  update: 'Ændret',
  delete: 'Slettet',
  read: 'Læst (persondata)',
  login: 'Logget ind',
  login_failed: 'Mislykket login',
  login_locked: 'Login spærret',
  logout: 'Logget af',
  export: 'Eksporteret',
  erase: 'Slettet (persondata)',
};

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  planId?: string | null;
}

/**
 * Writes one audit entry. Call it with the same transaction as the change it records, so that a change is never
 * kept without its entry, nor an entry without its change.
 */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, actor: Actor, event: AuditEvent): Promise<void> {
  const row: AuditLogRow = {
    id: newId(),
    at: nowIso(),
    plan_id: event.planId !== undefined ? event.planId : actor.planId,
    actor_user_id: actor.userId,
    actor_label: actor.label,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    summary: event.summary,
    before_json: event.before === undefined ? null : JSON.stringify(event.before),
    after_json: event.after === undefined ? null : JSON.stringify(event.after),
    ip: actor.ip,
    request_id: actor.requestId,
  };
  await insertAuditEntry(db, row);
}

export interface AuditPage {
  entries: AuditLogRow[];
  total: number;
  actions: string[];
  entityTypes: string[];
}

export async function browseAudit(db: Kysely<Database>, q: AuditQuery): Promise<AuditPage> {
  const [entries, total, actions, entityTypes] = await Promise.all([
    listAuditEntries(db, q),
    countAuditEntries(db, q),
    distinctAuditValues(db, 'action'),
    distinctAuditValues(db, 'entity_type'),
  ]);
  return { entries, total, actions, entityTypes };
}

export interface AuditFilterInput {
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  /** Danish calendar dates, inclusive. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
  text?: string | undefined;
}

/** Turns filter input into a query; dates are Danish calendar days, so "til og med" covers the whole last day. */
export function auditQueryOf(input: AuditFilterInput, limit: number, offset: number): { query: AuditQuery; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const from = input.fromDate ? startOfDanishDay(input.fromDate) : null;
  if (input.fromDate && !from) errors.push({ field: 'fra', message: 'Fra-datoen skal være en gyldig dato som ÅÅÅÅ-MM-DD.' });
  let to: Date | null = null;
  if (input.toDate) {
    const parsed = parseIsoDate(input.toDate);
    if (!parsed) errors.push({ field: 'til', message: 'Til-datoen skal være en gyldig dato som ÅÅÅÅ-MM-DD.' });
    else to = localToInstant(parsed.year, parsed.month, parsed.day + 1);
  }
  if (from && to && from >= to) errors.push({ field: 'til', message: 'Til-datoen skal ligge efter fra-datoen.' });
  return {
    query: {
      actorUserId: input.actorUserId || undefined,
      action: input.action || undefined,
      entityType: input.entityType || undefined,
      from: from?.toISOString(),
      to: to?.toISOString(),
      text: input.text?.trim() || undefined,
      limit,
      offset,
    },
    errors,
  };
}
