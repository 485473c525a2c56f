/**
 * Who may do what in the crisis module (issue 7). Roles give the permissions (`beredskab.read`, `beredskab.activate`,
 * `governance.manage` for the secretariat's keeping of the group); being a member of the crisis group is a link from a
 * member row (body `beredskabsgruppe`) to the user's account, kept by the secretariat.
 *
 * Retsplejelovens § 115 lets the police and the municipality share information with each other; the plan (lines
 * 3474-3480) puts the housing organisations on the other side of that line. So an entry classified `paragraf115` is
 * read only by a user linked to a member from an authority (`is_authority`), and by no one for their role alone: not
 * the secretariat, whose head represents the housing organisations in the group, nor an administrator.
 */
import { permissionsOf } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import type { LogClassification } from './levels.js';

export interface CrisisAccess {
  userId: string;
  /** The crisis-group member rows linked to the user (principal or substitute). */
  memberIds: string[];
  /** Linked to a member from an authority: may read and write § 115 entries. */
  authority: boolean;
  read: boolean;
  activate: boolean;
  /** Keeps the group, settings and templates (the secretariat and administrators). */
  manage: boolean;
}

export async function crisisAccessOf(database: Db, principal: Pick<Principal, 'userId' | 'roles'>, planId: string): Promise<CrisisAccess> {
  const permissions = permissionsOf(principal.roles);
  const members = await database.db
    .selectFrom('body_members')
    .select(['id', 'is_authority'])
    .where('plan_id', '=', planId)
    .where('body', '=', 'beredskabsgruppe')
    .where('user_id', '=', principal.userId)
    .execute();
  return {
    userId: principal.userId,
    memberIds: members.map((m) => m.id),
    authority: members.some((m) => Number(m.is_authority) !== 0),
    read: permissions.has('beredskab.read'),
    activate: permissions.has('beredskab.activate'),
    manage: permissions.has('governance.manage'),
  };
}

/** Whether a reader with this access may read an entry of this classification. */
export function mayRead(access: Pick<CrisisAccess, 'authority'>, classification: LogClassification | string): boolean {
  return classification === 'generel' || (classification === 'paragraf115' && access.authority);
}

/** The entries the reader may read, and how many were held back (shown as a count, never their content). */
export function visibleEntries<T extends { classification: string }>(access: Pick<CrisisAccess, 'authority'>, entries: readonly T[]): { entries: T[]; withheld: number } {
  const shown = entries.filter((e) => mayRead(access, e.classification));
  return { entries: shown, withheld: entries.length - shown.length };
}
