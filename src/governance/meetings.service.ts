/**
 * The plan's bodies and their meetings (issue 6): the board's, the steering group's and the crisis group's members,
 * the meeting calendar generated from the plan's cadence and kept by the secretariat, meeting invitations and the
 * personal calendar feeds.
 *
 * Members of the board and the steering group are seeded once per plan from the plan's organisation chart (kept by
 * role, organisation and position, no names), and the crisis group from the beredskabsplan's roster (demo names from
 * the plan). A settings key per plan records the seeding, so members the secretariat deletes stay deleted.
 *
 * A calendar feed is read by calendar programs that cannot log in, so its token is its credential: 32 random bytes
 * shown once, only their SHA-256 stored, answering only while the feed is not revoked and its user is active with a
 * role in the plan.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { permissionsOf } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf, longDanishDate, parseIsoDate } from '../time/copenhagen.js';
import { daysBetween } from '../time/working-days.js';
import type { BodyMemberRow, CalendarFeedRow, MeetingRow } from './governance.table.js';
import { calendarFile, type CalendarEvent, type Participant } from './ics.js';
import { cadenceWarnings, generateYearCalendar, type MeetingKind, type PlannedMeeting } from './meeting-calendar.js';
import * as repo from './meetings.repository.js';
import { removalRefusal } from '../crisis/crisis-group.js';
import { deleteMember as deleteCrisisMember } from '../crisis/crisis-group.repository.js';

export type MeetingBody = 'bestyrelse' | 'styregruppe';
export type BodyKey = MeetingBody | 'beredskabsgruppe';
export type MeetingStatus = 'planlagt' | 'afholdt' | 'aflyst';

export const MEETING_BODIES: readonly MeetingBody[] = ['bestyrelse', 'styregruppe'];
export const BODY_KEYS: readonly BodyKey[] = ['bestyrelse', 'styregruppe', 'beredskabsgruppe'];
export const MEETING_STATUSES: readonly MeetingStatus[] = ['planlagt', 'afholdt', 'aflyst'];

/** The bodies' names as pages and files show them. */
export const BODY_NAMES: Record<BodyKey, string> = { bestyrelse: 'Bestyrelsen', styregruppe: 'Styregruppen', beredskabsgruppe: 'Beredskabsgruppen' };
const MEETING_NOUN: Record<MeetingBody, string> = { bestyrelse: 'Bestyrelsesmøde', styregruppe: 'Styregruppemøde' };

/** Which kinds of meeting each body holds: its cadence's meetings and extra ones. */
export const KINDS_OF: Record<MeetingBody, readonly (MeetingKind | 'ekstra')[]> = {
  bestyrelse: ['forår', 'efterår', 'strategisk', 'ekstra'],
  styregruppe: ['forår', 'sommer', 'efterår', 'ekstra'],
};

/** Two hours: the plan names no length, and the fixed agenda of either body fills an afternoon meeting. */
export const DEFAULT_DURATION_MINUTES = 120;

export interface Meeting {
  id: string;
  body: MeetingBody;
  kind: MeetingKind | 'ekstra';
  title: string;
  /** ISO date, Danish calendar. */
  date: string;
  /** Local time `HH:MM`. */
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  status: MeetingStatus;
  /** Raised with each change of time, place, title or status, so calendars take the newer version. */
  icsSequence: number;
  minutesPublishedAt: string | null;
  updatedAt: string;
  updatedByLabel: string;
}

export interface BodyMember {
  id: string;
  body: BodyKey;
  role: string;
  organisation: string;
  position: string | null;
  name: string | null;
  /** Null also when the reader may not see contact details. */
  email: string | null;
  phone: string | null;
  /** The member this one stands in for (suppleant), or null for a principal member. */
  substituteFor: string | null;
  /** A member from an authority (police, municipality) in the crisis group. */
  isAuthority: boolean;
  sortOrder: number;
}

export interface BodySummary {
  body: BodyKey;
  name: string;
  chair: BodyMember | null;
  members: number;
  substitutes: number;
}

export interface MeetingWarning {
  meetingId: string | null;
  message: string;
}

export interface YearCalendar {
  year: number;
  meetings: Meeting[];
  warnings: MeetingWarning[];
}

export interface MeetingInput {
  title: string;
  date: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  status: MeetingStatus;
}

export interface NewMeetingInput extends Omit<MeetingInput, 'status'> {
  body: string;
  kind: string;
}

export interface MemberInput {
  role: string;
  organisation: string;
  position: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  substituteFor: string | null;
  isAuthority: boolean;
}

type MemberColumns = Pick<BodyMemberRow, 'role' | 'organisation' | 'position' | 'name' | 'email' | 'phone' | 'substitute_for' | 'is_authority'>;

export interface CalendarFeed {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A Danish date, «5. maj 2026». */
export const danishDate = longDanishDate;

/** A meeting as lists and reports name it, e.g. «Styregruppemøde (forår) 5. maj 2026». */
export function meetingLabel(m: Pick<Meeting, 'title' | 'date'>): string {
  return `${m.title} ${danishDate(m.date)}`;
}

/** The title a generated meeting gets, e.g. «Styregruppemøde (forår)». */
export function defaultTitle(body: MeetingBody, kind: MeetingKind | 'ekstra'): string {
  return kind === 'ekstra' ? `${MEETING_NOUN[body]} (ekstra)` : `${MEETING_NOUN[body]} (${kind})`;
}

export function isMeetingBody(value: unknown): value is MeetingBody {
  return value === 'bestyrelse' || value === 'styregruppe';
}

export function isBodyKey(value: unknown): value is BodyKey {
  return isMeetingBody(value) || value === 'beredskabsgruppe';
}

/** Whether the principal keeps the bodies and the calendar (the secretariat and administrators). */
export function mayManage(principal: Pick<Principal, 'roles'>): boolean {
  return permissionsOf(principal.roles).has('governance.manage');
}

/** Whether the principal may see members' e-mail addresses and phone numbers: the secretariat, and for the crisis group its own people. */
export function maySeeContacts(principal: Pick<Principal, 'roles'>, body: BodyKey): boolean {
  const permissions = permissionsOf(principal.roles);
  return permissions.has('governance.manage') || (body === 'beredskabsgruppe' && permissions.has('beredskab.read'));
}

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    body: row.body as MeetingBody,
    kind: row.kind as Meeting['kind'],
    title: row.title,
    date: row.date,
    startsAt: row.starts_at,
    durationMinutes: Number(row.duration_minutes),
    location: row.location,
    status: row.status as MeetingStatus,
    icsSequence: Number(row.ics_sequence),
    minutesPublishedAt: row.minutes_published_at,
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

function toMember(row: BodyMemberRow, withContacts: boolean): BodyMember {
  return {
    id: row.id,
    body: row.body as BodyKey,
    role: row.role,
    organisation: row.organisation,
    position: row.position,
    name: row.name,
    email: withContacts ? row.email : null,
    phone: withContacts ? row.phone : null,
    substituteFor: row.substitute_for,
    isAuthority: Number(row.is_authority) !== 0,
    sortOrder: Number(row.sort_order),
  };
}

/** The meetings of the cadence, as the pure rules see them: neither extra nor cancelled meetings count. */
function planned(meetings: readonly Meeting[]): (PlannedMeeting & { id: string })[] {
  return meetings
    .filter((m) => m.kind !== 'ekstra' && m.status !== 'aflyst')
    .map((m) => ({ id: m.id, body: m.body, kind: m.kind as MeetingKind, date: m.date, startsAt: m.startsAt }));
}

/** The cadence warnings of a year's stored meetings, each tied to the meeting it is about. */
export function warningsOf(year: number, meetings: readonly Meeting[]): MeetingWarning[] {
  const cadence = planned(meetings);
  // The rules hand back the very objects they were given, so a warning's meeting is found by identity.
  const idOf = new Map<PlannedMeeting, string>(cadence.map((m) => [m, m.id]));
  return cadenceWarnings(year, cadence).map((w) => ({ meetingId: (w.meeting && idOf.get(w.meeting)) ?? null, message: w.message }));
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const MAX_TEXT = 200;

function checkMeeting(input: Omit<MeetingInput, 'status'> & { status?: string }, errors: FieldError[]): void {
  if (input.title.trim() === '') errors.push({ field: 'title', message: 'Skriv mødets titel.' });
  else if (input.title.length > MAX_TEXT) errors.push({ field: 'title', message: `Titlen må højst være ${MAX_TEXT} tegn.` });
  const date = parseIsoDate(input.date);
  if (!date) errors.push({ field: 'date', message: `Datoen skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, fx 2026-05-05, ikke «${input.date}».` });
  else if (date.year < 2000 || date.year > 2100) errors.push({ field: 'date', message: 'Datoen skal ligge mellem år 2000 og 2100.' });
  if (!TIME.test(input.startsAt)) errors.push({ field: 'startsAt', message: `Starttidspunktet skal skrives TT:MM, fx 14:00, ikke «${input.startsAt}».` });
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 720) {
    errors.push({ field: 'durationMinutes', message: 'Varigheden skal være et helt antal minutter fra 15 til 720.' });
  }
  if (input.location !== null && input.location.length > MAX_TEXT) errors.push({ field: 'location', message: `Stedet må højst være ${MAX_TEXT} tegn.` });
  if (input.status !== undefined && !MEETING_STATUSES.includes(input.status as MeetingStatus)) {
    errors.push({ field: 'status', message: 'Vælg status: planlagt, afholdt eller aflyst.' });
  }
}

export class MeetingService {
  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
    private readonly publicUrl: string,
  ) {}

  /** Today's Danish date by the service's clock. */
  today(): string {
    return danishDateOf(this.clock());
  }

  // Meetings

  /** The plan's meetings in date order, of one year and/or one body when asked. */
  async list(planId: string, options: { year?: number; body?: MeetingBody } = {}): Promise<Meeting[]> {
    const range = options.year !== undefined ? { from: `${options.year}-01-01`, to: `${options.year}-12-31` } : {};
    return (await repo.listMeetings(this.database.db, planId, { ...range, body: options.body })).map(toMeeting);
  }

  /** One meeting of the plan. @throws NotFoundError */
  async get(planId: string, id: string): Promise<Meeting> {
    const row = await repo.findMeeting(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Mødet findes ikke i planen.');
    return toMeeting(row);
  }

  /** The body's next meeting after a date (not cancelled), or null. */
  async nextOf(planId: string, body: MeetingBody, afterDate: string): Promise<Meeting | null> {
    const row = await repo.neighbourMeeting(this.database.db, planId, body, afterDate, 'next');
    return row ? toMeeting(row) : null;
  }

  /** The body's last meeting before a date (not cancelled), or null. */
  async previousOf(planId: string, body: MeetingBody, beforeDate: string): Promise<Meeting | null> {
    const row = await repo.neighbourMeeting(this.database.db, planId, body, beforeDate, 'previous');
    return row ? toMeeting(row) : null;
  }

  /** A year's meetings with the plan's cadence warnings for them. */
  async calendar(planId: string, year: number): Promise<YearCalendar> {
    const meetings = await this.list(planId, { year });
    return { year, meetings, warnings: warningsOf(year, meetings) };
  }

  /** Each meeting body's next meetings from today (not cancelled), with the days to go. */
  async upcoming(planId: string, perBody = 2): Promise<{ body: MeetingBody; meetings: (Meeting & { daysToGo: number })[] }[]> {
    const today = this.today();
    return Promise.all(
      MEETING_BODIES.map(async (body) => {
        const rows = await repo.listMeetings(this.database.db, planId, { from: today, body });
        const meetings = rows.map(toMeeting).filter((m) => m.status !== 'aflyst').slice(0, perBody);
        return { body, meetings: meetings.map((m) => ({ ...m, daysToGo: daysBetween(today, m.date) })) };
      }),
    );
  }

  /** Stores the year's calendar (`storeYearCalendar`). */
  async generate(actor: Actor, planId: string, year: number): Promise<Meeting[]> {
    return storeYearCalendar(this.database, this.clock, actor, planId, year);
  }

  /** Adds a meeting, an extra one or one of the cadence the calendar lacks; audited. */
  async create(actor: Actor, planId: string, input: NewMeetingInput): Promise<Meeting> {
    const errors: FieldError[] = [];
    if (!isMeetingBody(input.body)) errors.push({ field: 'body', message: 'Vælg bestyrelsen eller styregruppen.' });
    else if (!KINDS_OF[input.body].includes(input.kind as MeetingKind)) {
      errors.push({ field: 'kind', message: `Vælg mødets art blandt ${KINDS_OF[input.body].join(', ')}.` });
    }
    checkMeeting(input, errors);
    if (errors.length > 0) throw new ValidationError(errors);
    const at = nowIso(this.clock);
    const row: MeetingRow = {
      id: newId(),
      plan_id: planId,
      body: input.body,
      kind: input.kind,
      title: input.title.trim(),
      date: input.date,
      starts_at: input.startsAt,
      duration_minutes: input.durationMinutes,
      location: input.location?.trim() || null,
      status: 'planlagt',
      ics_sequence: 0,
      minutes_published_at: null,
      created_at: at,
      updated_at: at,
      updated_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertMeetings(trx, [row]);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'meeting',
        entityId: row.id,
        summary: `Tilføjede ${meetingLabel(toMeeting(row))}`,
        after: { body: row.body, kind: row.kind, title: row.title, date: row.date, startsAt: row.starts_at, durationMinutes: row.duration_minutes, location: row.location },
        planId,
      });
    });
    return toMeeting(row);
  }

  /**
   * Changes a meeting's title, time, place or status, raising its iCalendar sequence when any of them changes, and
   * returns the year's cadence warnings as they stand after the change. Audited.
   */
  async update(actor: Actor, planId: string, id: string, input: MeetingInput): Promise<{ meeting: Meeting; warnings: MeetingWarning[] }> {
    const errors: FieldError[] = [];
    checkMeeting(input, errors);
    if (errors.length > 0) throw new ValidationError(errors);
    const updated = await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findMeeting(trx, planId, id);
      if (!before) throw new NotFoundError('Mødet findes ikke i planen.');
      const next: MeetingRow = {
        ...before,
        title: input.title.trim(),
        date: input.date,
        starts_at: input.startsAt,
        duration_minutes: input.durationMinutes,
        location: input.location?.trim() || null,
        status: input.status,
      };
      const changed = (['title', 'date', 'starts_at', 'duration_minutes', 'location', 'status'] as const).filter((k) => String(before[k] ?? '') !== String(next[k] ?? ''));
      if (changed.length === 0) return toMeeting(before);
      next.ics_sequence = Number(before.ics_sequence) + 1;
      next.updated_at = nowIso(this.clock);
      next.updated_by_label = actor.label;
      await repo.updateMeeting(trx, next);
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'meeting',
        entityId: id,
        summary: `Ændrede ${meetingLabel(toMeeting(before))}: ${changed.join(', ')}`,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        planId,
      });
      return toMeeting(next);
    });
    const year = Number(updated.date.slice(0, 4));
    return { meeting: updated, warnings: (await this.calendar(planId, year)).warnings };
  }

  // Members

  /**
   * Seeds the plan's bodies once: the board's and the steering group's members from the organisation chart, the
   * crisis group from the beredskabsplan's roster, principal before substitute. Later calls do nothing, so the
   * secretariat's deletions stick.
   */
  async ensureMembers(planId: string): Promise<void> {
    const key = `body-members-seeded:${planId}`;
    if (await repo.hasSetting(this.database.db, key)) return;
    const snapshot = await this.plans.snapshot(planId);
    const at = nowIso(this.clock);
    const rows: BodyMemberRow[] = [];
    const member = (body: BodyKey, m: Partial<BodyMemberRow> & Pick<BodyMemberRow, 'role' | 'organisation'>): BodyMemberRow => ({
      id: newId(),
      plan_id: planId,
      body,
      position: null,
      name: null,
      email: null,
      phone: null,
      substitute_for: null,
      is_authority: 0,
      sort_order: rows.filter((r) => r.body === body).length + 1,
      created_at: at,
      updated_at: at,
      user_id: null,
      contact_confirmed_at: null,
      contact_confirmed_by_label: null,
      is_required_contact: 0,
      ...m,
    });
    for (const element of snapshot.bodies()) {
      const body = element.data.slug;
      if (!isMeetingBody(body)) continue;
      for (const m of element.data.members) rows.push(member(body, { role: m.role, organisation: m.organisation, position: m.position ?? null }));
    }
    for (const element of snapshot.crisisRoles()) {
      const role = element.data;
      const principal = member('beredskabsgruppe', {
        role: role.role,
        organisation: role.organisation,
        name: role.principal.name,
        phone: role.principal.phone ?? null,
        is_authority: role.isAuthority ? 1 : 0,
        // The plan: «Chef for Bystrategisk udvikling i Bysekretariatet kontaktes og har ansvaret for, at alle bliver inviteret».
        is_required_contact: role.role === 'Chef for bystrategisk udvikling' ? 1 : 0,
      });
      rows.push(principal);
      if (role.substitute) {
        rows.push(member('beredskabsgruppe', { role: role.role, organisation: role.organisation, name: role.substitute.name, phone: role.substitute.phone ?? null, is_authority: role.isAuthority ? 1 : 0, substitute_for: principal.id }));
      }
    }
    // A plan without its content yet has nothing to seed; the key is claimed only once there is, or it never would be.
    if (rows.length === 0) return;
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await repo.claimSetting(trx, key, at, at))) return;
      await repo.insertMembers(trx, rows);
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'create',
        entityType: 'body_member',
        summary: `Oprettede ${rows.length} medlemmer af bestyrelse, styregruppe og beredskabsgruppe fra planen`,
        planId,
      });
    });
  }

  /** A body's members in order, with contact details for everyone (the service's own callers, e.g. invitations). */
  async members(planId: string, body: BodyKey): Promise<BodyMember[]> {
    await this.ensureMembers(planId);
    return (await repo.listMembers(this.database.db, planId, body)).map((r) => toMember(r, true));
  }

  /** A body's members as the principal may see them: contact details only to those allowed (`maySeeContacts`). */
  async membersFor(principal: Pick<Principal, 'roles'>, planId: string, body: BodyKey): Promise<BodyMember[]> {
    const contacts = maySeeContacts(principal, body);
    return (await this.members(planId, body)).map((m) => (contacts ? m : { ...m, email: null, phone: null }));
  }

  /** The three bodies with chair and member counts. */
  async bodies(planId: string): Promise<BodySummary[]> {
    await this.ensureMembers(planId);
    const all = (await repo.listMembers(this.database.db, planId)).map((r) => toMember(r, false));
    return BODY_KEYS.map((body) => {
      const mine = all.filter((m) => m.body === body);
      return {
        body,
        name: BODY_NAMES[body],
        chair: mine.find((m) => m.role === 'formand' && m.substituteFor === null) ?? null,
        members: mine.filter((m) => m.substituteFor === null).length,
        substitutes: mine.filter((m) => m.substituteFor !== null).length,
      };
    });
  }

  /** A member's input trimmed, empty optional text as null, in the table's columns. */
  private static columns(input: MemberInput): MemberColumns {
    const opt = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
    return {
      role: input.role.trim(),
      organisation: input.organisation.trim(),
      position: opt(input.position),
      name: opt(input.name),
      email: opt(input.email),
      phone: opt(input.phone),
      substitute_for: input.substituteFor || null,
      is_authority: input.isAuthority ? 1 : 0,
    };
  }

  private async checkMember(planId: string, body: BodyKey, member: MemberColumns, self: string | null): Promise<void> {
    const errors: FieldError[] = [];
    const text = (field: keyof MemberInput, label: string, value: string | null, required: boolean) => {
      if (required && (value ?? '') === '') errors.push({ field, message: `Skriv ${label}.` });
      else if (value !== null && value.length > MAX_TEXT) errors.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${MAX_TEXT} tegn.` });
    };
    text('role', 'rollen', member.role, true);
    text('organisation', 'organisationen', member.organisation, true);
    text('position', 'stillingen', member.position, false);
    text('name', 'navnet', member.name, false);
    if (member.email !== null && !EMAIL.test(member.email)) errors.push({ field: 'email', message: `E-mailadressen skal skrives som navn@domæne.dk, ikke «${member.email}».` });
    if (member.phone !== null && !/^\+?[0-9 ()-]{6,20}$/.test(member.phone)) errors.push({ field: 'phone', message: `Telefonnummeret må kun indeholde cifre, mellemrum og +, fx 4214 8600, ikke «${member.phone}».` });
    if (member.substitute_for !== null) {
      const principal = await repo.findMember(this.database.db, planId, member.substitute_for);
      if (!principal || principal.body !== body) errors.push({ field: 'substituteFor', message: 'Vælg et medlem af samme organ, som suppleanten træder i stedet for.' });
      else if (principal.id === self) errors.push({ field: 'substituteFor', message: 'Et medlem kan ikke være suppleant for sig selv.' });
      else if (principal.substitute_for !== null) errors.push({ field: 'substituteFor', message: 'Vælg et ordinært medlem; en suppleant kan ikke have sin egen suppleant.' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
  }

  private static describe(m: Pick<BodyMemberRow, 'role' | 'organisation' | 'position' | 'name'>): string {
    return [m.name, m.role, m.position, m.organisation].filter(Boolean).join(', ');
  }

  /** Adds a member to a body; audited. */
  async addMember(actor: Actor, planId: string, body: BodyKey, input: MemberInput): Promise<BodyMember> {
    await this.ensureMembers(planId);
    const clean = MeetingService.columns(input);
    await this.checkMember(planId, body, clean, null);
    const at = nowIso(this.clock);
    const row: BodyMemberRow = {
      id: newId(),
      plan_id: planId,
      body,
      ...clean,
      sort_order: 0,
      created_at: at,
      updated_at: at,
      user_id: null,
      contact_confirmed_at: null,
      contact_confirmed_by_label: null,
      is_required_contact: 0,
    };
    await this.database.db.transaction().execute(async (trx) => {
      row.sort_order = (await repo.maxSortOrder(trx, planId, body)) + 1;
      await repo.insertMembers(trx, [row]);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'body_member',
        entityId: row.id,
        summary: `Tilføjede ${MeetingService.describe(row)} til ${BODY_NAMES[body].toLowerCase()}`,
        after: clean,
        planId,
      });
    });
    return toMember(row, true);
  }

  /** Changes a member; audited with what was and what is. */
  async updateMember(actor: Actor, planId: string, body: BodyKey, id: string, input: MemberInput): Promise<BodyMember> {
    const before = await repo.findMember(this.database.db, planId, id);
    if (!before || before.body !== body) throw new NotFoundError('Medlemmet findes ikke i organet.');
    const clean = MeetingService.columns(input);
    await this.checkMember(planId, body, clean, id);
    const next: BodyMemberRow = { ...before, ...clean, updated_at: nowIso(this.clock) };
    // A crisis-group member's new phone number or address is not confirmed by them until they confirm it (issue 7).
    if (body === 'beredskabsgruppe' && ((before.phone ?? '') !== (next.phone ?? '') || (before.email ?? '') !== (next.email ?? ''))) {
      next.contact_confirmed_at = null;
      next.contact_confirmed_by_label = null;
    }
    await this.database.db.transaction().execute(async (trx) => {
      if (clean.substitute_for !== null && (await repo.listMembers(trx, planId, body)).some((m) => m.substitute_for === id)) {
        throw new ValidationError([{ field: 'substituteFor', message: 'Medlemmet har selv en suppleant og kan derfor ikke være suppleant.' }]);
      }
      await repo.updateMember(trx, next);
      const changed = (Object.keys(clean) as (keyof typeof clean)[]).filter((k) => String(before[k] ?? '') !== String(next[k] ?? ''));
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'body_member',
        entityId: id,
        summary: `Ændrede ${MeetingService.describe(before)} i ${BODY_NAMES[body].toLowerCase()}${changed.length ? `: ${changed.join(', ')}` : ''}`,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        planId,
      });
    });
    return toMember(next, true);
  }

  /**
   * Removes a member; their substitutes stay as ordinary members. Audited. A principal of the crisis group is refused:
   * they leave only with a successor named in the same step (`src/crisis/crisis-group.service.ts`, «Udskift»).
   */
  async removeMember(actor: Actor, planId: string, body: BodyKey, id: string): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findMember(trx, planId, id);
      if (!before || before.body !== body) throw new NotFoundError('Medlemmet findes ikke i organet.');
      const refusal = body === 'beredskabsgruppe' ? removalRefusal({ substituteFor: before.substitute_for }) : null;
      if (refusal) throw new ConflictError(refusal);
      // A crisis-group member may own tasks, messages and participations of incidents, which keep the name but let go of the row.
      if (body === 'beredskabsgruppe') await deleteCrisisMember(trx, planId, id);
      else await repo.deleteMember(trx, planId, id);
      await recordAudit(trx, actor, {
        action: 'delete',
        entityType: 'body_member',
        entityId: id,
        summary: `Fjernede ${MeetingService.describe(before)} fra ${BODY_NAMES[body].toLowerCase()}`,
        before: { role: before.role, organisation: before.organisation, position: before.position, name: before.name },
        planId,
      });
    });
  }

  // Invitations and feeds

  private event(m: Meeting): CalendarEvent {
    return {
      uid: `meeting-${m.id}@helhed`,
      date: m.date,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      summary: m.status === 'aflyst' ? `Aflyst: ${m.title}` : m.title,
      ...(m.location ? { location: m.location } : {}),
      description: `${BODY_NAMES[m.body]}, Den boligsociale helhedsplan. Dagsorden og materiale: ${this.publicUrl}/styring/moeder/${m.id}`,
      sequence: m.icsSequence,
      status: m.status === 'aflyst' ? 'CANCELLED' : 'CONFIRMED',
      ...(/^https?:\/\//.test(this.publicUrl) ? { url: `${this.publicUrl}/styring/moeder/${m.id}` } : {}),
    };
  }

  /**
   * The meeting's invitation for the body's members with an e-mail address, the organiser being the one who sends it:
   * REQUEST for a meeting that is held, CANCEL (with STATUS:CANCELLED) for a cancelled one (RFC 5546 section 3.2.5).
   *
   * @throws ValidationError when no member has an e-mail address
   */
  async invitation(planId: string, id: string, organizer: Participant): Promise<{ meeting: Meeting; ics: string }> {
    const meeting = await this.get(planId, id);
    const attendees = (await this.members(planId, meeting.body)).filter((m) => m.email).map((m) => ({ name: m.name ?? [m.position, m.organisation].filter(Boolean).join(', '), email: m.email! }));
    if (attendees.length === 0) {
      throw new ValidationError([], `Ingen af ${BODY_NAMES[meeting.body].toLowerCase()}s medlemmer har en e-mailadresse. Tilføj e-mailadresser under Organer, før indkaldelsen dannes.`);
    }
    const ics = calendarFile([this.event(meeting)], { method: meeting.status === 'aflyst' ? 'CANCEL' : 'REQUEST', dtstamp: this.clock(), organizer, attendees });
    return { meeting, ics };
  }

  /** The principal's calendar feeds in the plan, newest first. */
  async feeds(principal: Principal, planId: string): Promise<CalendarFeed[]> {
    return (await repo.feedsOf(this.database.db, planId, principal.userId)).map((f) => ({ id: f.id, createdAt: f.created_at, revokedAt: f.revoked_at }));
  }

  /** Makes a personal feed; the token is returned once, only its SHA-256 is kept. Audited. */
  async createFeed(principal: Principal, actor: Actor, planId: string): Promise<{ feed: CalendarFeed; token: string; path: string }> {
    const token = randomToken(32);
    const row: CalendarFeedRow = { id: newId(), plan_id: planId, user_id: principal.userId, token_hash: sha256(token), created_at: nowIso(this.clock), revoked_at: null };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertFeed(trx, row);
      await recordAudit(trx, actor, { action: 'create', entityType: 'calendar_feed', entityId: row.id, summary: `Oprettede en personlig kalenderadresse for ${principal.email}`, planId });
    });
    return { feed: { id: row.id, createdAt: row.created_at, revokedAt: null }, token, path: `/kalender/${token}/helhed.ics` };
  }

  /** Revokes one of the principal's feeds; the address answers 404 from then on. Audited. */
  async revokeFeed(principal: Principal, actor: Actor, planId: string, id: string): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await repo.revokeFeed(trx, planId, principal.userId, id, nowIso(this.clock)))) throw new NotFoundError('Kalenderadressen findes ikke eller er allerede tilbagekaldt.');
      await recordAudit(trx, actor, { action: 'update', entityType: 'calendar_feed', entityId: id, summary: `Tilbagekaldte en personlig kalenderadresse for ${principal.email}`, planId });
    });
  }

  /** The feed's calendar (PUBLISH, every meeting of the plan), or null for an unknown, revoked or inactive user's token. */
  async feedCalendar(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return null;
    const feed = await repo.activeFeedByHash(this.database.db, sha256(token));
    if (!feed) return null;
    const meetings = await this.list(feed.plan_id);
    return calendarFile(meetings.map((m) => this.event(m)), { method: 'PUBLISH', name: 'Helhed: bestyrelse og styregruppe', dtstamp: this.clock() });
  }
}

/**
 * Stores the year's calendar as the plan's cadence places it. Refuses when the year already holds meetings of the
 * cadence (extra meetings do not count), so a calendar is never made twice.
 *
 * @throws ValidationError for a year outside 2000-2100; ConflictError when the year already has meetings
 */
export async function storeYearCalendar(database: Db, clock: () => Date, actor: Actor, planId: string, year: number): Promise<Meeting[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError([{ field: 'year', message: 'Året skal være et helt tal fra 2000 til 2100.' }]);
  const at = nowIso(clock);
  const rows = generateYearCalendar(year).map<MeetingRow>((p) => ({
    id: newId(),
    plan_id: planId,
    body: p.body,
    kind: p.kind,
    title: defaultTitle(p.body, p.kind),
    date: p.date,
    starts_at: p.startsAt,
    duration_minutes: DEFAULT_DURATION_MINUTES,
    location: null,
    status: 'planlagt',
    ics_sequence: 0,
    minutes_published_at: null,
    created_at: at,
    updated_at: at,
    updated_by_label: actor.label,
  }));
  await database.db.transaction().execute(async (trx) => {
    const existing = await repo.countCalendarMeetings(trx, planId, year);
    if (existing > 0) {
      throw new ConflictError(`Der er allerede ${existing} møder i kalenderen for ${year}. Kalenderen dannes ikke igen; ret eller tilføj de enkelte møder i stedet.`, [
        { field: 'year', message: `${year} har allerede møder.` },
      ]);
    }
    await repo.insertMeetings(trx, rows);
    await recordAudit(trx, actor, {
      action: 'create',
      entityType: 'meeting',
      entityId: null,
      summary: `Dannede mødekalenderen for ${year} med ${rows.length} møder for bestyrelse og styregruppe`,
      after: rows.map((r) => ({ id: r.id, body: r.body, kind: r.kind, date: r.date, startsAt: r.starts_at })),
      planId,
    });
  });
  return rows.map(toMeeting);
}

const instances = new WeakMap<object, MeetingService>();

/** One MeetingService per app, shared by its pages, API and the other parts of governance. */
export function meetingServiceFor(app: { database: Db; plan: PlanService; clock: () => Date; config: Pick<Config, 'publicUrl'> }): MeetingService {
  let service = instances.get(app);
  if (!service) {
    service = new MeetingService(app.database, app.plan, app.clock, app.config.publicUrl);
    instances.set(app, service);
  }
  return service;
}

/**
 * Demo meetings: this year's and next year's calendars, generated as the secretariat would. Idempotent: a year that
 * already has meetings is left alone. Given the plan service, the board's and the steering group's members also get
 * invented addresses at `helhed.example` (once, so the secretariat's changes stay), so the demo's invitations have
 * attendees.
 */
export async function seedDemoMeetings(database: Db, planId: string, clock: () => Date = () => new Date(), plan?: PlanService): Promise<number> {
  const year = Number(danishDateOf(clock()).slice(0, 4));
  const actor = { ...SYSTEM_ACTOR, label: 'demodata' };
  let made = 0;
  for (const y of [year, year + 1]) {
    if ((await repo.countCalendarMeetings(database.db, planId, y)) > 0) continue;
    made += (await storeYearCalendar(database, clock, actor, planId, y)).length;
  }
  if (plan) {
    await new MeetingService(database, plan, clock, '').ensureMembers(planId);
    const at = nowIso(clock);
    await database.db.transaction().execute(async (trx) => {
      if (!(await repo.claimSetting(trx, `demo-member-emails:${planId}`, at, at))) return;
      for (const body of MEETING_BODIES) {
        const rows = await repo.listMembers(trx, planId, body);
        for (const [i, row] of rows.entries()) {
          if (row.email === null) await repo.updateMember(trx, { ...row, email: `${body}.${i + 1}@helhed.example`, updated_at: at });
        }
      }
      await recordAudit(trx, actor, { action: 'update', entityType: 'body_member', summary: 'Gav bestyrelsens og styregruppens medlemmer opdigtede e-mailadresser (demodata)', planId });
    });
  }
  return made;
}
