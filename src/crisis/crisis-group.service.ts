/**
 * The crisis group (issue 7, part A): its roles with principal and substitute, the required contact who invites
 * everyone, each member's linked Helhed account and the confirmation of their contact data, the twice-yearly
 * reminder campaign with a personal link per member, and the replacement of a member by a successor.
 *
 * The members are the rows of body `beredskabsgruppe` that `MeetingService.ensureMembers` seeds from the plan's
 * roster; this service adds what the crisis plan needs on top. Contact data is shown only to those with
 * `beredskab.read` or `governance.manage` (`maySeeContacts`).
 *
 * Substitutes: a principal leaves only with a successor (the plan makes the organisation name one, lines 3444-3447);
 * a substitute may be removed without one, since a role without a substitute is the plan's ordinary case (only the
 * police name one). Either may be replaced («Udskift»), the successor taking the role, organisation and place.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { BodyMemberRow } from '../governance/governance.table.js';
import { maySeeContacts, meetingServiceFor } from '../governance/meetings.service.js';
import { mailServiceFor, type OutgoingMail, type SentMail } from '../mail/mail.service.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf, danishDateTime } from '../time/copenhagen.js';
import {
  CONTACT_LINK_DAYS,
  campaignDue,
  contactProblems,
  contactStatus,
  linkExpiry,
  linkUsable,
  monthName,
  removalRefusal,
  successorProblems,
  type CampaignDue,
  type ContactStatus,
  type SuccessorInput,
} from './crisis-group.js';
import * as repo from './crisis-group.repository.js';
import { crisisSettings } from './crisis-settings.js';
import type { CrisisCampaignRow, CrisisContactRequestRow } from './crisis.table.js';
import { pressContactsOf, type PressContact } from './press-contacts.js';

export interface LinkedUser {
  id: string;
  name: string;
  email: string;
}

export interface CrisisMember {
  id: string;
  role: string;
  organisation: string;
  position: string | null;
  name: string | null;
  /** Null also when the reader may not see contact data. */
  phone: string | null;
  email: string | null;
  /** The principal this member stands in for, or null for a principal. */
  substituteFor: string | null;
  isAuthority: boolean;
  /** The required contact who invites everyone (the plan: chef for bystrategisk udvikling). */
  isRequiredContact: boolean;
  user: LinkedUser | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  contact: ContactStatus;
}

export interface CrisisRoleGroup {
  principal: CrisisMember;
  substitutes: CrisisMember[];
}

export interface CampaignView {
  id: string;
  label: string;
  startedAt: string;
  startedBy: string;
  requests: number;
  answered: number;
  mailsSent: number;
  mailsFailed: number;
}

export interface CrisisGroup {
  roles: CrisisRoleGroup[];
  members: CrisisMember[];
  contactsVisible: boolean;
  staleAfterMonths: number;
  campaignMonths: number[];
  due: CampaignDue;
  campaigns: CampaignView[];
}

export interface MemberInput {
  role: string;
  organisation: string;
  position: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  substituteFor: string | null;
  isAuthority: boolean;
  isRequiredContact: boolean;
  /** The secretariat records that the member confirmed the data (by phone, in a meeting) with this change. */
  confirmed: boolean;
}

export interface CampaignResult {
  campaign: CampaignView;
  mails: SentMail[];
  /** Members without an e-mail address: to be called. */
  byPhone: CrisisMember[];
}

/** What the crisis card shows: every role with phone numbers, the required contact, the press contacts. */
export interface CrisisCardData {
  planName: string;
  printedAt: Date;
  roles: CrisisRoleGroup[];
  press: PressContact[];
}

type AppLike = { database: Db; plan: PlanService; clock: () => Date; config: Pick<Config, 'publicUrl' | 'mail'> };

const MAX_TEXT = 200;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** How a confirmation came about, as the member list shows it. */
export type ConfirmationWay = 'selv' | 'link' | 'telefon' | 'udskiftning';

function confirmedByLabel(way: ConfirmationWay, actorLabel: string, memberName: string | null): string {
  switch (way) {
    case 'selv':
      return `${actorLabel} (selv, i Helhed)`;
    case 'link':
      return `${memberName ?? 'Medlemmet'} (selv, via link i e-mail)`;
    case 'telefon':
      return `${actorLabel} (bekræftet af medlemmet telefonisk)`;
    case 'udskiftning':
      return `${actorLabel} (oplyst ved udskiftning)`;
  }
}

const describe = (m: Pick<BodyMemberRow, 'name' | 'role' | 'organisation'>) => [m.name, m.role, m.organisation].filter(Boolean).join(', ');
const opt = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : v.trim());

export class CrisisGroupService {
  constructor(private readonly app: AppLike) {}

  private get db() {
    return this.app.database.db;
  }

  private now(): Date {
    return this.app.clock();
  }

  /** The group's members as rows, seeded from the plan the first time. */
  private async rows(planId: string): Promise<repo.MemberWithUser[]> {
    await meetingServiceFor(this.app).ensureMembers(planId);
    return repo.listGroup(this.db, planId);
  }

  private toMember(row: repo.MemberWithUser, staleAfterMonths: number, contacts: boolean): CrisisMember {
    return {
      id: row.id,
      role: row.role,
      organisation: row.organisation,
      position: row.position,
      name: row.name,
      phone: contacts ? row.phone : null,
      email: contacts ? row.email : null,
      substituteFor: row.substitute_for,
      isAuthority: Number(row.is_authority) !== 0,
      isRequiredContact: Number(row.is_required_contact) !== 0,
      user: row.user_id && contacts ? { id: row.user_id, name: row.user_name ?? '', email: row.user_email ?? '' } : null,
      confirmedAt: row.contact_confirmed_at,
      confirmedBy: row.contact_confirmed_by_label,
      contact: contactStatus(row.contact_confirmed_at, this.now(), staleAfterMonths),
    };
  }

  /** Members grouped by role: each principal with the substitutes who stand in for them, in the group's order. */
  static byRole(members: readonly CrisisMember[]): CrisisRoleGroup[] {
    const principals = members.filter((m) => m.substituteFor === null || !members.some((p) => p.id === m.substituteFor));
    return principals.map((p) => ({ principal: p, substitutes: members.filter((s) => s.substituteFor === p.id) }));
  }

  /** The plan's crisis group with every member's contact status, the campaigns and whether one is due. */
  async group(principal: Pick<Principal, 'roles'>, planId: string): Promise<CrisisGroup> {
    return this.view(planId, maySeeContacts(principal, 'beredskabsgruppe'));
  }

  /** The group with or without contact data: with it for the service's own callers (the campaign, the card). */
  private async view(planId: string, contacts: boolean): Promise<CrisisGroup> {
    const [rows, settings, campaigns] = await Promise.all([this.rows(planId), crisisSettings(this.app.database, planId), this.campaigns(planId)]);
    const members = rows.map((r) => this.toMember(r, settings.staleAfterMonths, contacts));
    return {
      roles: CrisisGroupService.byRole(members),
      members,
      contactsVisible: contacts,
      staleAfterMonths: settings.staleAfterMonths,
      campaignMonths: settings.campaignMonths,
      due: campaignDue(this.now(), settings.campaignMonths, campaigns.map((c) => c.startedAt)),
      campaigns,
    };
  }

  /** One member with contact data (for the secretariat's forms and the member's own page). @throws NotFoundError */
  async member(planId: string, id: string): Promise<CrisisMember> {
    const [rows, settings] = await Promise.all([this.rows(planId), crisisSettings(this.app.database, planId)]);
    const row = rows.find((r) => r.id === id);
    if (!row) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
    return this.toMember(row, settings.staleAfterMonths, true);
  }

  /** The members linked to a user's account (usually one). */
  async membersOf(planId: string, userId: string): Promise<CrisisMember[]> {
    const [rows, settings] = await Promise.all([this.rows(planId), crisisSettings(this.app.database, planId)]);
    return rows.filter((r) => r.user_id === userId).map((r) => this.toMember(r, settings.staleAfterMonths, true));
  }

  /** Accounts with a role in the plan, to link a member to. */
  usersInPlan(planId: string): Promise<repo.PlanUser[]> {
    return repo.usersInPlan(this.db, planId);
  }

  private async campaigns(planId: string): Promise<CampaignView[]> {
    const rows = await repo.listCampaigns(this.db, planId);
    const mails = await mailServiceFor(this.app).recorded(
      planId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const mine = mails.filter((m) => m.relatedId === r.id);
      return {
        id: r.id,
        label: r.label,
        startedAt: r.started_at,
        startedBy: r.started_by_label,
        requests: r.requests,
        answered: r.answered,
        mailsSent: mine.filter((m) => m.status === 'sendt').length,
        mailsFailed: mine.filter((m) => m.status !== 'sendt').length,
      };
    });
  }

  // Keeping the group

  private async checkInput(planId: string, input: MemberInput, self: string | null): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const text = (field: keyof MemberInput, label: string, value: string | null, required: boolean) => {
      if (required && (value ?? '') === '') errors.push({ field, message: `Skriv ${label}.` });
      else if (value !== null && value.length > MAX_TEXT) errors.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${MAX_TEXT} tegn.` });
    };
    text('role', 'rollen', opt(input.role), true);
    text('organisation', 'organisationen', opt(input.organisation), true);
    text('name', 'navnet', opt(input.name), true);
    text('position', 'stillingen', opt(input.position), false);
    errors.push(...contactProblems({ phone: opt(input.phone), email: opt(input.email) }));
    if (input.substituteFor) {
      const principal = await repo.findMember(this.db, planId, input.substituteFor);
      if (!principal) errors.push({ field: 'substituteFor', message: 'Vælg det medlem af beredskabsgruppen, som suppleanten træder i stedet for.' });
      else if (principal.id === self) errors.push({ field: 'substituteFor', message: 'Et medlem kan ikke være suppleant for sig selv.' });
      else if (principal.substitute_for !== null) errors.push({ field: 'substituteFor', message: 'Vælg et ordinært medlem; en suppleant kan ikke have sin egen suppleant.' });
      if (input.isRequiredContact) errors.push({ field: 'isRequiredContact', message: 'Den påkrævede kontakt skal være et ordinært medlem, ikke en suppleant.' });
    }
    return errors;
  }

  private columns(input: MemberInput) {
    return {
      role: input.role.trim(),
      organisation: input.organisation.trim(),
      position: opt(input.position),
      name: opt(input.name),
      phone: opt(input.phone),
      email: opt(input.email),
      substitute_for: input.substituteFor || null,
      is_authority: input.isAuthority ? 1 : 0,
      is_required_contact: input.isRequiredContact ? 1 : 0,
    };
  }

  /** Adds a member (a principal of a new role, or a substitute for a principal); audited. */
  async addMember(actor: Actor, planId: string, input: MemberInput): Promise<CrisisMember> {
    await this.rows(planId);
    const errors = await this.checkInput(planId, input, null);
    if (errors.length > 0) throw new ValidationError(errors);
    const at = nowIso(this.app.clock);
    const clean = this.columns(input);
    const row: BodyMemberRow = {
      id: newId(),
      plan_id: planId,
      body: repo.CRISIS_BODY,
      ...clean,
      sort_order: 0,
      created_at: at,
      updated_at: at,
      user_id: null,
      contact_confirmed_at: input.confirmed ? at : null,
      contact_confirmed_by_label: input.confirmed ? confirmedByLabel('telefon', actor.label, clean.name) : null,
    };
    await this.db.transaction().execute(async (trx) => {
      row.sort_order = (await repo.maxSortOrder(trx, planId)) + 1;
      await repo.insertMember(trx, row);
      if (row.is_required_contact) await repo.clearRequiredContactExcept(trx, planId, row.id);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'body_member',
        entityId: row.id,
        summary: `Tilføjede ${describe(row)} til beredskabsgruppen${row.substitute_for ? ' som suppleant' : ''}`,
        after: clean,
        planId,
      });
    });
    return this.member(planId, row.id);
  }

  /**
   * Changes a member. A changed phone number or e-mail address is not confirmed until the member confirms it, unless
   * the secretariat records that the member did (`confirmed`). Audited with what was and what is.
   */
  async updateMember(actor: Actor, planId: string, id: string, input: MemberInput): Promise<CrisisMember> {
    const before = await repo.findMember(this.db, planId, id);
    if (!before) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
    const errors = await this.checkInput(planId, input, id);
    if (errors.length > 0) throw new ValidationError(errors);
    const clean = this.columns(input);
    const at = nowIso(this.app.clock);
    const contactChanged = (before.phone ?? '') !== (clean.phone ?? '') || (before.email ?? '') !== (clean.email ?? '');
    const next: BodyMemberRow = {
      ...before,
      ...clean,
      updated_at: at,
      ...(input.confirmed
        ? { contact_confirmed_at: at, contact_confirmed_by_label: confirmedByLabel('telefon', actor.label, clean.name) }
        : contactChanged
          ? { contact_confirmed_at: null, contact_confirmed_by_label: null }
          : {}),
    };
    await this.db.transaction().execute(async (trx) => {
      if (clean.substitute_for !== null && (await repo.listGroup(trx, planId)).some((m) => m.substitute_for === id)) {
        throw new ValidationError([{ field: 'substituteFor', message: 'Medlemmet har selv en suppleant og kan derfor ikke være suppleant.' }]);
      }
      await repo.updateMember(trx, next);
      if (next.is_required_contact) await repo.clearRequiredContactExcept(trx, planId, id);
      if (input.confirmed) await repo.answerRequests(trx, planId, id, at);
      const keys = [...(Object.keys(clean) as (keyof typeof clean)[]), 'contact_confirmed_at' as const];
      const changed = keys.filter((k) => String(before[k] ?? '') !== String(next[k] ?? ''));
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'body_member',
        entityId: id,
        summary: `Ændrede ${describe(before)} i beredskabsgruppen${changed.length ? `: ${changed.join(', ')}` : ''}`,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        planId,
      });
    });
    return this.member(planId, id);
  }

  /**
   * Replaces a member by a successor in one transaction: the successor takes the role, organisation, authority, the
   * required-contact mark and the place in the list; the predecessor's substitutes stand in for the successor; the
   * predecessor's row is removed. The successor's contact data counts as confirmed by the one who typed it in.
   */
  async replaceMember(actor: Actor, planId: string, id: string, successor: SuccessorInput): Promise<CrisisMember> {
    const errors = successorProblems(successor);
    if (errors.length > 0) throw new ValidationError(errors);
    const at = nowIso(this.app.clock);
    const newIdValue = newId();
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findMember(trx, planId, id);
      if (!before) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
      const row: BodyMemberRow = {
        ...before,
        id: newIdValue,
        name: successor.name.trim(),
        position: opt(successor.position) ?? before.position,
        phone: successor.phone.trim(),
        email: successor.email.trim(),
        user_id: null,
        contact_confirmed_at: at,
        contact_confirmed_by_label: confirmedByLabel('udskiftning', actor.label, successor.name.trim()),
        created_at: at,
        updated_at: at,
      };
      await repo.insertMember(trx, row);
      const moved = await repo.moveSubstitutes(trx, planId, id, row.id);
      await repo.deleteMember(trx, planId, id);
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'body_member',
        entityId: row.id,
        summary: `Udskiftede ${describe(before)} med ${row.name} i beredskabsgruppen${moved > 0 ? `; ${moved === 1 ? 'suppleanten' : `${moved} suppleanter`} står nu for ${row.name}` : ''}`,
        before: { id: before.id, name: before.name, phone: before.phone, email: before.email, position: before.position },
        after: { id: row.id, name: row.name, phone: row.phone, email: row.email, position: row.position, substitutesMoved: moved },
        planId,
      });
    });
    return this.member(planId, newIdValue);
  }

  /**
   * Removes a substitute (audited). A principal is refused: they leave only with a successor (`replaceMember`).
   * @throws ConflictError for a principal
   */
  async removeSubstitute(actor: Actor, planId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findMember(trx, planId, id);
      if (!before) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
      const refusal = removalRefusal({ substituteFor: before.substitute_for });
      if (refusal) throw new ConflictError(refusal);
      await repo.deleteMember(trx, planId, id);
      await recordAudit(trx, actor, {
        action: 'delete',
        entityType: 'body_member',
        entityId: id,
        summary: `Fjernede suppleanten ${describe(before)} fra beredskabsgruppen`,
        before: { role: before.role, organisation: before.organisation, name: before.name, substituteFor: before.substitute_for },
        planId,
      });
    });
  }

  /** Links a member to an account with a role in the plan, or unlinks (null); one member per account. Audited. */
  async linkUser(actor: Actor, planId: string, id: string, userId: string | null): Promise<CrisisMember> {
    const users = userId ? await repo.usersInPlan(this.db, planId) : [];
    const user = users.find((u) => u.id === userId);
    if (userId && !user) throw new ValidationError([{ field: 'userId', message: 'Vælg en bruger med en rolle i planen.' }]);
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findMember(trx, planId, id);
      if (!before) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
      if (userId) {
        const other = (await repo.listGroup(trx, planId)).find((m) => m.user_id === userId && m.id !== id);
        if (other) throw new ValidationError([{ field: 'userId', message: `${user!.name} (${user!.email}) er allerede knyttet til ${describe(other)}. Fjern den kobling først.` }]);
      }
      await repo.updateMember(trx, { ...before, user_id: userId, updated_at: nowIso(this.app.clock) });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'body_member',
        entityId: id,
        summary: user ? `Knyttede ${describe(before)} i beredskabsgruppen til brugeren ${user.email}` : `Fjernede koblingen mellem ${describe(before)} i beredskabsgruppen og en bruger`,
        before: { userId: before.user_id },
        after: { userId },
        planId,
      });
    });
    return this.member(planId, id);
  }

  // Confirming contact data

  /** Confirms a member's data as it is or corrected, in one transaction with the audit and the open links answered. */
  private async confirm(actor: Actor, planId: string, id: string, way: ConfirmationWay, correction: { phone: string | null; email: string | null } | null): Promise<void> {
    if (correction) {
      const errors = contactProblems({ phone: opt(correction.phone), email: opt(correction.email) });
      if (!opt(correction.phone) && !opt(correction.email)) errors.push({ field: 'phone', message: 'Skriv mindst et telefonnummer eller en e-mailadresse.' });
      if (errors.length > 0) throw new ValidationError(errors);
    }
    const at = nowIso(this.app.clock);
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findMember(trx, planId, id);
      if (!before) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
      const next: BodyMemberRow = {
        ...before,
        ...(correction ? { phone: opt(correction.phone), email: opt(correction.email) } : {}),
        contact_confirmed_at: at,
        contact_confirmed_by_label: confirmedByLabel(way, actor.label, before.name),
        updated_at: at,
      };
      await repo.updateMember(trx, next);
      await repo.answerRequests(trx, planId, id, at);
      const corrected = (['phone', 'email'] as const).filter((k) => (before[k] ?? '') !== (next[k] ?? ''));
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'body_member',
        entityId: id,
        summary: `Bekræftede kontaktoplysningerne for ${describe(before)} i beredskabsgruppen (${next.contact_confirmed_by_label})${corrected.length ? `, rettede ${corrected.map((k) => (k === 'phone' ? 'telefon' : 'e-mail')).join(' og ')}` : ''}`,
        before: Object.fromEntries(corrected.map((k) => [k, before[k]])),
        after: { ...Object.fromEntries(corrected.map((k) => [k, next[k]])), contactConfirmedAt: at },
        planId,
      });
    });
  }

  /** A member confirms their own data in Helhed. @throws NotFoundError when the member is not linked to the user */
  async confirmOwn(principal: Pick<Principal, 'userId'>, actor: Actor, planId: string, id: string, correction: { phone: string | null; email: string | null } | null): Promise<CrisisMember> {
    const row = await repo.findMember(this.db, planId, id);
    if (!row || row.user_id !== principal.userId) throw new NotFoundError('Du er ikke knyttet til dette medlem af beredskabsgruppen.');
    await this.confirm(actor, planId, id, 'selv', correction);
    return this.member(planId, id);
  }

  /** The secretariat records a confirmation the member gave by phone (or in person), with any correction. */
  async recordConfirmation(actor: Actor, planId: string, id: string, correction: { phone: string | null; email: string | null } | null): Promise<CrisisMember> {
    await this.confirm(actor, planId, id, 'telefon', correction);
    return this.member(planId, id);
  }

  /** The member and request an e-mailed link names, while it answers; null for anything else (a 404). */
  async byToken(token: string): Promise<{ planId: string; requestId: string; member: CrisisMember; expiresAt: string } | null> {
    if (!TOKEN.test(token)) return null;
    const request = await repo.findRequestByHash(this.db, sha256(token));
    if (!request || !linkUsable({ answeredAt: request.answered_at, expiresAt: request.expires_at }, this.now())) return null;
    const member = await this.member(request.plan_id, request.member_id).catch(() => null);
    return member ? { planId: request.plan_id, requestId: request.id, member, expiresAt: request.expires_at } : null;
  }

  /** Confirms through an e-mailed link, once. @throws NotFoundError when the link does not answer */
  async confirmByToken(token: string, correction: { phone: string | null; email: string | null } | null, client: Pick<Actor, 'ip' | 'requestId'>): Promise<CrisisMember> {
    const found = await this.byToken(token);
    if (!found) throw new NotFoundError('Linket findes ikke, er brugt eller er udløbet.');
    const label = found.member.name ?? 'Medlemmet';
    await this.confirm({ userId: null, label, planId: found.planId, ip: client.ip, requestId: client.requestId }, found.planId, found.member.id, 'link', correction);
    return this.member(found.planId, found.member.id);
  }

  // The reminder campaign

  /**
   * Starts a reminder campaign: one personal link per member with an e-mail address (principals and substitutes),
   * 32 random bytes of which only the SHA-256 is stored, answering for 30 days and once; the campaign and its
   * requests are written in one transaction and audited, the e-mails sent after it commits. Members without an
   * address are returned, to be called.
   */
  async startCampaign(actor: Actor, planId: string): Promise<CampaignResult> {
    const group = await this.view(planId, true);
    const now = this.now();
    const at = now.toISOString();
    const label = `Påmindelse ${monthName(Number(danishDateOf(now).slice(5, 7)))} ${danishDateOf(now).slice(0, 4)}`;
    const campaign: CrisisCampaignRow = { id: newId(), plan_id: planId, started_at: at, started_by_label: actor.label, label };
    const withEmail = group.members.filter((m) => m.email);
    const expires = linkExpiry(now);
    const links: { member: CrisisMember; token: string }[] = withEmail.map((member) => ({ member, token: randomToken(32) }));
    const requests: CrisisContactRequestRow[] = links.map(({ member, token }) => ({
      id: newId(),
      plan_id: planId,
      campaign_id: campaign.id,
      member_id: member.id,
      token_hash: sha256(token),
      sent_at: at,
      expires_at: expires.toISOString(),
      answered_at: null,
    }));
    await this.db.transaction().execute(async (trx) => {
      await repo.insertCampaign(trx, campaign);
      await repo.insertRequests(trx, requests);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_campaign',
        entityId: campaign.id,
        summary: `Sendte påmindelse om at bekræfte kontaktoplysninger til ${links.length} medlemmer af beredskabsgruppen`,
        after: { members: links.map((l) => l.member.id), withoutEmail: group.members.filter((m) => !m.email).map((m) => m.id) },
        planId,
      });
    });
    const messages: OutgoingMail[] = links.map(({ member, token }) => ({
      to: member.email!,
      subject: 'Bekræft dine kontaktoplysninger i beredskabsgruppen',
      text: campaignMail(member, `${this.app.config.publicUrl}/beredskab/bekraeft/${token}`, expires),
      purpose: 'crisis-contact-confirmation',
      relatedId: campaign.id,
    }));
    const mails = await mailServiceFor(this.app).send(planId, actor, messages);
    const view = (await this.campaigns(planId)).find((c) => c.id === campaign.id)!;
    return { campaign: view, mails, byPhone: group.members.filter((m) => !m.email) };
  }

  // The crisis card

  /** What the crisis card shows, as of now. */
  async card(planId: string, planName: string): Promise<CrisisCardData> {
    const [group, press] = await Promise.all([this.view(planId, true), pressContactsOf(this.app.database, this.app.clock, planId)]);
    return { planName, printedAt: this.now(), roles: group.roles, press };
  }
}

/** The reminder e-mail to one member, in Danish. */
export function campaignMail(member: CrisisMember, link: string, expires: Date): string {
  return [
    `Kære ${member.name ?? member.role}`,
    '',
    `Du står i beredskabsgruppen for den boligsociale helhedsplan som ${member.substituteFor ? 'suppleant for ' : ''}${member.role}, ${member.organisation}.`,
    'Gruppen skal kunne samles inden for 24 timer ved rødt niveau, så dine kontaktoplysninger skal være rigtige. Vi har:',
    '',
    `Telefon: ${member.phone ?? '(mangler)'}`,
    `E-mail: ${member.email ?? '(mangler)'}`,
    '',
    `Bekræft dem, eller ret dem, her: ${link}`,
    `Linket er personligt, kan bruges én gang og virker i ${CONTACT_LINK_DAYS} dage, til ${danishDateTime(expires)}.`,
    '',
    'Hvis du ikke længere har rollen, så giv besked til chefen for bystrategisk udvikling i Bysekretariatet, så din organisation kan udpege en efterfølger.',
    '',
    'Venlig hilsen',
    'Bysekretariatet',
  ].join('\n');
}

const instances = new WeakMap<object, CrisisGroupService>();

/** One CrisisGroupService per app, shared by its pages and API. */
export function crisisGroupServiceFor(app: AppLike): CrisisGroupService {
  let service = instances.get(app);
  if (!service) {
    service = new CrisisGroupService(app);
    instances.set(app, service);
  }
  return service;
}
