/**
 * Convening the crisis group for an incident (issue 7, part 3). When an incident is activated the group's principal
 * members become the incident's participants and are invited by e-mail with the fixed deadline and a personal answer
 * link; a level change sends everyone the new deadline. Ad-hoc participants can be added and invited. Answers come by
 * the link (no login) or from a linked member on the convening page. A principal who has not answered within the
 * plan's escalation time is replaced by their substitute, who is invited in turn (`escalateDue`, run when the data is
 * loaded and every minute by the server). The planned meeting (time and place, with a calendar invitation) and when it
 * was held are kept with the incident; a meeting after the deadline is warned about.
 *
 * Every change writes its log entry (crisis-log.service.ts) in the same transaction; mails are sent after it commits
 * and recorded in sent_mails with the participant as the related row, which is where the page reads their outcome.
 * Each mail carries a fresh personal link: only the SHA-256 of its 32 random bytes is stored, so an older link stops
 * working when a newer mail is sent.
 */
import type { Transaction } from 'kysely';
import type { AppServices } from '../app.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit.service.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { calendarFile, type Participant as IcsParticipant } from '../governance/ics.js';
import { meetingServiceFor, type BodyMember } from '../governance/meetings.service.js';
import { mailServiceFor, type OutgoingMail, type SentMail } from '../mail/mail.service.js';
import { danishDateOf, danishDateTime, offsetAt } from '../time/copenhagen.js';
import { crisisLogFor } from './crisis-log.service.js';
import { crisisSettings } from './crisis-settings.js';
import type { CrisisParticipantRow } from './crisis.table.js';
import {
  invitationMail,
  isEscalationDue,
  isGivenResponse,
  lateMeetingWarning,
  meetingAfterDeadline,
  MEETING_DURATION_MINUTES,
  RESPONSE_NAMES,
  escalationDueAt,
  type ConveningResponse,
  type GivenResponse,
  type InvitationFacts,
} from './convening.js';
import * as repo from './convening.repository.js';
import { meetingDeadline } from './deadlines.js';
import { incidentLabel, loadIncident, type Incident } from './incident.js';
import { situationType, type CrisisLevel } from './levels.js';

export interface ConvenedParticipant {
  id: string;
  memberId: string | null;
  name: string;
  role: string;
  organisation: string;
  email: string | null;
  phone: string | null;
  isAuthority: boolean;
  adHoc: boolean;
  invitedAt: string | null;
  response: ConveningResponse;
  respondedAt: string | null;
  escalatedAt: string | null;
  escalatedToId: string | null;
  escalatedFromId: string | null;
  /** Escalated without a substitute to call in: «ingen suppleant – kontakt organisationen». */
  noSubstitute: boolean;
  /** When the principal is due to be escalated, while they have not answered. */
  escalationDueAt: string | null;
  /** Whether the crisis group has a substitute for this member to escalate to. */
  hasSubstitute: boolean;
  /** The latest mail to them and its outcome (sendt, fejlet, ikke sendt), or null when none was sent. */
  lastMail: SentMail | null;
}

export interface AdHocInput {
  name: string;
  role: string;
  organisation: string;
  email: string | null;
  phone: string | null;
  isAuthority: boolean;
}

export interface Convening {
  incident: Incident;
  participants: ConvenedParticipant[];
  /** Set when the planned meeting falls after the deadline. */
  warning: string | null;
  mailConfigured: boolean;
}

export const NO_SUBSTITUTE_TEXT = 'ingen suppleant – kontakt organisationen';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const MAX_TEXT = 200;

type Trx = Transaction<Database>;

/** A mail to prepare inside a transaction: the participant row, its fresh token, and what kind of mail. */
interface PendingMail {
  participant: CrisisParticipantRow;
  token: string;
  kind: InvitationFacts['kind'];
  standsInFor?: string;
}

/** The escalation job's actor: the log shows the change as made automatically. */
const ESCALATION_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'automatisk eskalering' };

function toParticipant(row: CrisisParticipantRow, minutes: number, mails: readonly SentMail[], substituted: ReadonlySet<string> = new Set()): ConvenedParticipant {
  const adHoc = Number(row.ad_hoc) === 1;
  const candidate = { memberId: row.member_id, adHoc, invitedAt: row.invited_at, response: row.response as ConveningResponse, escalatedAt: row.escalated_at, escalatedFromId: row.escalated_from_id };
  const due = escalationDueAt(candidate, minutes);
  return {
    id: row.id,
    memberId: row.member_id,
    name: row.name,
    role: row.role,
    organisation: row.organisation,
    email: row.email,
    phone: row.phone,
    isAuthority: Number(row.is_authority) === 1,
    adHoc,
    invitedAt: row.invited_at,
    response: row.response as ConveningResponse,
    respondedAt: row.responded_at,
    escalatedAt: row.escalated_at,
    escalatedToId: row.escalated_to_id,
    escalatedFromId: row.escalated_from_id,
    noSubstitute: row.escalated_at !== null && row.escalated_to_id === null,
    escalationDueAt: due ? due.toISOString() : null,
    hasSubstitute: row.member_id !== null && substituted.has(row.member_id),
    lastMail: mails.find((m) => m.relatedId === row.id) ?? null,
  };
}

/** Checks an ad-hoc participant's fields. */
export function checkAdHoc(input: AdHocInput): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: keyof AdHocInput, value: string, label: string) => {
    if (value.trim() === '') errors.push({ field, message: `Skriv ${label}.` });
    else if (value.length > MAX_TEXT) errors.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${MAX_TEXT} tegn.` });
  };
  need('name', input.name, 'deltagerens navn');
  need('role', input.role, 'deltagerens rolle');
  need('organisation', input.organisation, 'deltagerens organisation');
  if (input.email !== null && !EMAIL.test(input.email)) errors.push({ field: 'email', message: `E-mailadressen «${input.email}» er ikke gyldig. Skriv den som navn@eksempel.dk.` });
  if (input.phone !== null && !/^\+?[\d\s-]{8,20}$/.test(input.phone)) errors.push({ field: 'phone', message: 'Telefonnummeret skal være 8-20 cifre (mellemrum, bindestreg og + er tilladt).' });
  return errors;
}

/** A crisis-group member convened to an incident, invited now and not yet answered; `escalatedFrom` for a substitute. */
function participantOf(m: BodyMember, planId: string, incidentId: string, at: string, escalatedFrom: string | null): CrisisParticipantRow {
  return {
    id: newId(),
    plan_id: planId,
    incident_id: incidentId,
    member_id: m.id,
    name: m.name ?? [m.position, m.role].filter(Boolean).join(', '),
    role: m.role,
    organisation: m.organisation,
    email: m.email,
    phone: m.phone,
    is_authority: m.isAuthority ? 1 : 0,
    ad_hoc: 0,
    invited_at: at,
    response: 'afventer',
    responded_at: null,
    response_token_hash: null,
    escalated_at: null,
    escalated_to_id: null,
    escalated_from_id: escalatedFrom,
    created_at: at,
  };
}

export class ConveningService {
  constructor(private readonly services: AppServices) {}

  private get db() {
    return this.services.database.db;
  }

  /**
   * Every convening transaction first locks the incident's row (PostgreSQL; SQLite writes one transaction at a time),
   * as the log's append does: changes to one incident's convening then take turns, and never deadlock by taking the
   * participant's and the incident's rows in opposite orders.
   */
  private async lock(trx: Trx, incidentId: string): Promise<void> {
    if (this.services.database.engine === 'postgres') await repo.lockIncident(trx, incidentId);
  }

  private now(): Date {
    return this.services.clock();
  }

  /** The deadline of an activation at a level and instant, by the plan's current working-day calendar. */
  async deadline(planId: string, level: CrisisLevel, activatedAt: Date): Promise<Date> {
    const settings = await crisisSettings(this.services.database, planId);
    return meetingDeadline(level, activatedAt, settings.closingDays);
  }

  /**
   * Called by the incidents service after an activation commits and after each level change. The first call makes
   * the crisis group's principal members the incident's participants and invites them; a later call sends everyone
   * invited the new level and deadline.
   */
  async onLevelSet(actor: Actor, planId: string, incidentId: string): Promise<{ invited: number; updated: number }> {
    const members = (await meetingServiceFor(this.services).members(planId, 'beredskabsgruppe')).filter((m) => m.substituteFor === null);
    const pending: PendingMail[] = [];
    let invited = 0;
    let updated = 0;
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, incidentId);
      const incident = await loadIncident(trx, planId, incidentId);
      const existing = await repo.listParticipants(trx, planId, incidentId);
      const at = nowIso(this.services.clock);
      if (!existing.some((p) => p.member_id !== null && Number(p.ad_hoc) === 0)) {
        const rows = members.map((m) => participantOf(m, planId, incidentId, at, null));
        await repo.insertParticipants(trx, rows);
        for (const row of rows) pending.push(await this.withToken(trx, row, 'invitation'));
        invited = rows.length;
        await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
          kind: 'indkaldelse',
          text: `Beredskabsgruppens ${rows.length} ordinære medlemmer indkaldt; mødet skal holdes senest ${danishDateTime(incident.deadlineAt)}.`,
          data: { participants: rows.map((r) => r.id), deadlineAt: incident.deadlineAt, level: incident.level },
        });
      } else {
        const everyone = existing.filter((p) => p.invited_at !== null);
        for (const row of everyone) pending.push(await this.withToken(trx, row, 'update'));
        updated = everyone.length;
        await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
          kind: 'indkaldelse',
          text: `De ${everyone.length} indkaldte har fået besked om ${incident.level === 'roed' ? 'rødt' : 'gult'} niveau og den nye frist ${danishDateTime(incident.deadlineAt)}.`,
          data: { participants: everyone.map((r) => r.id), deadlineAt: incident.deadlineAt, level: incident.level },
        });
      }
    });
    await this.sendMails(actor, planId, incidentId, pending);
    return { invited, updated };
  }

  /** Gives a participant a fresh answer token (stored as its hash) for the mail about to be sent. */
  private async withToken(trx: Trx, row: CrisisParticipantRow, kind: PendingMail['kind'], standsInFor?: string): Promise<PendingMail> {
    const token = randomToken(32);
    const hash = sha256(token);
    await repo.updateParticipant(trx, row.id, { response_token_hash: hash });
    return { participant: { ...row, response_token_hash: hash }, token, kind, ...(standsInFor ? { standsInFor } : {}) };
  }

  /** An area's name by its slug, «Flere områder» for an incident of several. */
  async areaNameOf(planId: string, slug: string | null): Promise<string> {
    if (slug === null) return 'Flere områder';
    const snapshot = await this.services.plan.snapshot(planId);
    return snapshot.areas().find((a) => a.data.slug === slug)?.data.name ?? slug;
  }

  /**
   * The organizer of the calendar invitation: the group's required contact, who by the plan invites everyone, when
   * they have an address; otherwise the address Helhed mails from. Null when neither is one a calendar accepts.
   */
  private async organizer(planId: string): Promise<IcsParticipant | null> {
    const contact = await this.db.selectFrom('body_members').select(['name', 'email']).where('plan_id', '=', planId).where('body', '=', 'beredskabsgruppe').where('is_required_contact', '=', 1).where('email', 'is not', null).executeTakeFirst();
    if (contact?.email && EMAIL.test(contact.email)) return { name: contact.name ?? 'Beredskabsgruppen', email: contact.email };
    const from = this.services.config.mail.from;
    const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
    const sender = m ? { name: m[1] || 'Helhed', email: m[2]! } : { name: 'Helhed', email: from.trim() };
    return EMAIL.test(sender.email) ? sender : null;
  }

  /** Sends the prepared mails (after the transaction), each with the meeting's calendar invitation once it is set. */
  private async sendMails(actor: Actor, planId: string, incidentId: string, pending: readonly PendingMail[]): Promise<SentMail[]> {
    const withEmail = pending.filter((p) => p.participant.email);
    if (withEmail.length === 0) return [];
    const incident = await loadIncident(this.services.database, planId, incidentId);
    const area = await this.areaNameOf(planId, incident.areaSlug);
    const sequence = await repo.meetingChanges(this.db, planId, incidentId);
    const base = this.services.config.publicUrl;
    const organizer = incident.meetingPlannedAt ? await this.organizer(planId) : null;
    const messages: OutgoingMail[] = withEmail.map((p) => {
      const facts: InvitationFacts = {
        kind: p.kind,
        recipientName: p.participant.name,
        incidentLabel: incidentLabel(incident),
        level: incident.level,
        areaName: area,
        situation: situationType(incident.situationType)?.label ?? incident.situationType,
        description: incident.description,
        deadlineAt: incident.deadlineAt,
        meetingPlannedAt: incident.meetingPlannedAt,
        meetingLocation: incident.meetingLocation,
        answerUrl: `${base}/beredskab/svar/${p.token}`,
        ...(p.standsInFor ? { standsInFor: p.standsInFor } : {}),
      };
      const { subject, text } = invitationMail(facts);
      const mail: OutgoingMail = { to: p.participant.email!, subject, text, purpose: p.kind === 'invitation' || p.kind === 'escalation' ? 'crisis-invitation' : p.kind === 'update' ? 'crisis-update' : 'crisis-meeting', relatedId: p.participant.id };
      if (incident.meetingPlannedAt && organizer) {
        try {
          const content = calendarFile([this.meetingEvent(incident, area, sequence)], {
            method: 'REQUEST',
            dtstamp: this.now(),
            organizer,
            attendees: [{ name: p.participant.name, email: p.participant.email! }],
          });
          mail.calendar = { method: 'REQUEST', content };
        } catch {
          // An address the calendar format cannot carry still gets the mail with the link, only without the invitation.
        }
      }
      return mail;
    });
    return mailServiceFor(this.services).send(planId, actor, messages);
  }

  private meetingEvent(incident: Incident, area: string, sequence: number) {
    const at = new Date(incident.meetingPlannedAt!);
    const wall = new Date(at.getTime() + offsetAt(at.getTime()));
    const hhmm = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
    return {
      uid: `crisis-incident-${incident.id}@helhed`,
      date: danishDateOf(at),
      startsAt: hhmm,
      durationMinutes: MEETING_DURATION_MINUTES,
      summary: `Beredskabsgruppen: ${incidentLabel(incident)}, ${area}`,
      ...(incident.meetingLocation ? { location: incident.meetingLocation } : {}),
      description: `Mødet skal holdes senest ${danishDateTime(incident.deadlineAt)}.`,
      sequence,
    };
  }

  /** The incident's participants with their answers and mail outcomes; escalates whatever is due first. */
  async convening(planId: string, incidentId: string): Promise<Convening> {
    await this.escalateDue(planId);
    const incident = await loadIncident(this.services.database, planId, incidentId);
    const settings = await crisisSettings(this.services.database, planId);
    const rows = await repo.listParticipants(this.db, planId, incidentId);
    const mails = await mailServiceFor(this.services).recorded(planId, rows.map((r) => r.id));
    const members = await meetingServiceFor(this.services).members(planId, 'beredskabsgruppe');
    const substituted = new Set(members.flatMap((m) => (m.substituteFor ? [m.substituteFor] : [])));
    return {
      incident,
      participants: rows.map((r) => toParticipant(r, settings.escalationMinutes[incident.level], mails, substituted)),
      warning: incident.meetingPlannedAt && meetingAfterDeadline(incident.meetingPlannedAt, incident.deadlineAt) ? lateMeetingWarning(incident.meetingPlannedAt, incident.deadlineAt) : null,
      mailConfigured: mailServiceFor(this.services).configured,
    };
  }

  /** Adds an ad-hoc participant to the incident and invites them. @throws ValidationError */
  async addAdHoc(actor: Actor, planId: string, incidentId: string, input: AdHocInput): Promise<ConvenedParticipant> {
    const clean: AdHocInput = { ...input, name: input.name.trim(), role: input.role.trim(), organisation: input.organisation.trim(), email: input.email?.trim() || null, phone: input.phone?.trim() || null };
    const errors = checkAdHoc(clean);
    if (errors.length > 0) throw new ValidationError(errors);
    let pending: PendingMail | undefined;
    const at = nowIso(this.services.clock);
    const row: CrisisParticipantRow = {
      id: newId(),
      plan_id: planId,
      incident_id: incidentId,
      member_id: null,
      name: clean.name,
      role: clean.role,
      organisation: clean.organisation,
      email: clean.email,
      phone: clean.phone,
      is_authority: clean.isAuthority ? 1 : 0,
      ad_hoc: 1,
      invited_at: at,
      response: 'afventer',
      responded_at: null,
      response_token_hash: null,
      escalated_at: null,
      escalated_to_id: null,
      escalated_from_id: null,
      created_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, incidentId);
      const incident = await loadIncident(trx, planId, incidentId);
      if (incident.status !== 'aktiv') throw new ValidationError([], 'Hændelsen er afmeldt; der kan ikke indkaldes flere.');
      await repo.insertParticipants(trx, [row]);
      pending = await this.withToken(trx, row, 'invitation');
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'deltager',
        text: `${row.name} (${row.role}, ${row.organisation}) tilføjet som ad hoc-deltager og indkaldt.`,
        data: { participantId: row.id, authority: clean.isAuthority },
      });
      await recordAudit(trx, actor, { action: 'create', entityType: 'crisis_participant', entityId: row.id, summary: `Tilføjede ${row.name} som ad hoc-deltager i ${incidentLabel(incident)}`, planId });
    });
    await this.sendMails(actor, planId, incidentId, [pending!]);
    const settings = await crisisSettings(this.services.database, planId);
    const mails = await mailServiceFor(this.services).recorded(planId, [row.id]);
    return toParticipant({ ...row, response_token_hash: pending!.participant.response_token_hash }, settings.escalationMinutes.gul, mails);
  }

  /** Records an answer in the transaction with its log entry. */
  private async record(trx: Trx, actor: Actor, row: CrisisParticipantRow, response: GivenResponse, via: string): Promise<void> {
    await repo.updateParticipant(trx, row.id, { response, responded_at: nowIso(this.services.clock) });
    await crisisLogFor(this.services).append(trx, row.plan_id, row.incident_id, actor, {
      kind: 'svar',
      text: `${row.name} (${row.role}, ${row.organisation}): ${RESPONSE_NAMES[response].toLowerCase()} (${via}).`,
      data: { participantId: row.id, response },
    });
  }

  /** The participant a personal answer link belongs to, with the incident, or null for an unknown or replaced link. */
  async byToken(token: string): Promise<{ participant: ConvenedParticipant; incident: Incident; areaName: string } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const row = await repo.findByTokenHash(this.db, sha256(token));
    if (!row) return null;
    const incident = await loadIncident(this.services.database, row.plan_id, row.incident_id);
    return { participant: toParticipant(row, 0, []), incident, areaName: await this.areaNameOf(row.plan_id, incident.areaSlug) };
  }

  /** Answers by the personal link, without a login. @throws NotFoundError, ValidationError */
  async answerByToken(token: string, response: string): Promise<ConvenedParticipant> {
    if (!isGivenResponse(response)) throw new ValidationError([{ field: 'response', message: 'Vælg «Jeg kommer» eller «Jeg kan ikke komme» (kommer eller kommer_ikke).' }]);
    const found = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await repo.findByTokenHash(this.db, sha256(token)) : undefined;
    if (!found) throw new NotFoundError('Linket er ikke gyldigt. Brug linket i den seneste e-mail om indkaldelsen.');
    const actor: Actor = { ...SYSTEM_ACTOR, label: `${found.name} (via svarlink)` };
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, found.incident_id);
      const row = await repo.findByTokenHash(trx, sha256(token));
      if (!row) throw new NotFoundError('Linket er ikke gyldigt. Brug linket i den seneste e-mail om indkaldelsen.');
      const incident = await loadIncident(trx, row.plan_id, row.incident_id);
      if (incident.status !== 'aktiv') throw new ValidationError([{ field: 'response', message: 'Beredskabet er afmeldt; der skal ikke svares længere.' }]);
      await this.record(trx, actor, row, response, 'svar via personligt link');
    });
    return toParticipant({ ...found, response, responded_at: nowIso(this.services.clock) }, 0, []);
  }

  /** A logged-in member answers for their own participant row. @throws NotFoundError, ValidationError */
  async answerAsMember(actor: Actor, memberIds: readonly string[], planId: string, incidentId: string, participantId: string, response: string): Promise<void> {
    if (!isGivenResponse(response)) throw new ValidationError([{ field: 'response', message: 'Vælg «Jeg kommer» eller «Jeg kan ikke komme» (kommer eller kommer_ikke).' }]);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, incidentId);
      const row = await repo.findParticipant(trx, planId, incidentId, participantId);
      if (!row || row.member_id === null || !memberIds.includes(row.member_id)) throw new NotFoundError('Deltageren findes ikke, eller du kan ikke svare for vedkommende.');
      await this.record(trx, actor, row, response, 'svar på siden');
    });
  }

  /**
   * Plans (or moves) the meeting: time and place, logged; everyone invited gets the calendar invitation with a raised
   * sequence. Returns the warning when the meeting falls after the deadline. @throws ValidationError
   */
  async setMeeting(actor: Actor, planId: string, incidentId: string, input: { plannedAt: Date; location: string | null }): Promise<{ incident: Incident; warning: string | null }> {
    const location = input.location?.trim() || null;
    if (location !== null && location.length > MAX_TEXT) throw new ValidationError([{ field: 'location', message: `Mødestedet må højst være ${MAX_TEXT} tegn.` }]);
    if (Number.isNaN(input.plannedAt.getTime())) throw new ValidationError([{ field: 'plannedAt', message: 'Mødetidspunktet er ikke et gyldigt tidspunkt.' }]);
    const plannedAt = input.plannedAt.toISOString();
    const pending: PendingMail[] = [];
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, incidentId);
      const incident = await loadIncident(trx, planId, incidentId);
      if (incident.status !== 'aktiv') throw new ValidationError([], 'Hændelsen er afmeldt; mødet kan ikke planlægges.');
      await trx.updateTable('crisis_incidents').set({ meeting_planned_at: plannedAt, meeting_location: location, updated_at: nowIso(this.services.clock) }).where('id', '=', incidentId).execute();
      const late = meetingAfterDeadline(plannedAt, incident.deadlineAt);
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'moede',
        text: `Mødet ${incident.meetingPlannedAt ? 'flyttet' : 'planlagt'} til ${danishDateTime(plannedAt)}${location ? `, ${location}` : ''}.${late ? ' Mødet ligger efter fristen.' : ''}`,
        data: { plannedAt, location, before: incident.meetingPlannedAt, afterDeadline: late },
      });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_incident',
        entityId: incidentId,
        summary: `${incident.meetingPlannedAt ? 'Flyttede' : 'Planlagde'} beredskabsgruppens møde om ${incidentLabel(incident)}`,
        before: { meetingPlannedAt: incident.meetingPlannedAt, meetingLocation: incident.meetingLocation },
        after: { meetingPlannedAt: plannedAt, meetingLocation: location },
        planId,
      });
      for (const row of await repo.listParticipants(trx, planId, incidentId)) if (row.invited_at !== null) pending.push(await this.withToken(trx, row, 'meeting'));
    });
    await this.sendMails(actor, planId, incidentId, pending);
    const incident = await loadIncident(this.services.database, planId, incidentId);
    return { incident, warning: meetingAfterDeadline(plannedAt, incident.deadlineAt) ? lateMeetingWarning(plannedAt, incident.deadlineAt) : null };
  }

  /** Records that the meeting was held (for «deadline met or missed»). @throws ValidationError */
  async meetingHeld(actor: Actor, planId: string, incidentId: string, heldAt: Date): Promise<Incident> {
    if (Number.isNaN(heldAt.getTime())) throw new ValidationError([{ field: 'heldAt', message: 'Tidspunktet for mødet er ikke gyldigt.' }]);
    if (heldAt.getTime() > this.now().getTime() + 5 * 60_000) throw new ValidationError([{ field: 'heldAt', message: 'Mødet kan ikke registreres som holdt på et tidspunkt i fremtiden.' }]);
    await this.db.transaction().execute(async (trx) => {
      await this.lock(trx, incidentId);
      const incident = await loadIncident(trx, planId, incidentId);
      if (heldAt.getTime() < new Date(incident.activatedAt).getTime()) throw new ValidationError([{ field: 'heldAt', message: 'Mødet kan ikke være holdt før beredskabet blev aktiveret.' }]);
      await trx.updateTable('crisis_incidents').set({ meeting_held_at: heldAt.toISOString(), updated_at: nowIso(this.services.clock) }).where('id', '=', incidentId).execute();
      const met = heldAt.getTime() <= new Date(incident.deadlineAt).getTime();
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'moede',
        text: `Mødet er holdt ${danishDateTime(heldAt)}; fristen ${danishDateTime(incident.deadlineAt)} er ${met ? 'overholdt' : 'overskredet'}.`,
        data: { heldAt: heldAt.toISOString(), deadlineMet: met },
      });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_incident',
        entityId: incidentId,
        summary: `Registrerede, at beredskabsgruppens møde om ${incidentLabel(incident)} er holdt`,
        before: { meetingHeldAt: incident.meetingHeldAt },
        after: { meetingHeldAt: heldAt.toISOString() },
        planId,
      });
    });
    return loadIncident(this.services.database, planId, incidentId);
  }

  /**
   * Escalates every principal who has not answered within the plan's time for the incident's level: their substitute
   * becomes a participant and is invited, both rows linked; a principal without a substitute is flagged. Cheap when
   * nothing is due (one query of the unanswered principals of active incidents). Returns how many were escalated.
   */
  async escalateDue(planId: string | null): Promise<number> {
    const candidates = await repo.escalationCandidates(this.db, planId);
    if (candidates.length === 0) return 0;
    const now = this.now();
    const settingsByPlan = new Map<string, Awaited<ReturnType<typeof crisisSettings>>>();
    const due: typeof candidates = [];
    for (const c of candidates) {
      if (!settingsByPlan.has(c.plan_id)) settingsByPlan.set(c.plan_id, await crisisSettings(this.services.database, c.plan_id));
      const minutes = settingsByPlan.get(c.plan_id)!.escalationMinutes[c.level as CrisisLevel];
      const candidate = { memberId: c.member_id, adHoc: Number(c.ad_hoc) === 1, invitedAt: c.invited_at, response: c.response as ConveningResponse, escalatedAt: c.escalated_at, escalatedFromId: c.escalated_from_id };
      if (isEscalationDue(candidate, minutes, now)) due.push(c);
    }
    let count = 0;
    for (const principal of due) {
      const members = await meetingServiceFor(this.services).members(principal.plan_id, 'beredskabsgruppe');
      const substitute = members.find((m) => m.substituteFor === principal.member_id);
      let pending: PendingMail | undefined;
      const done = await this.db.transaction().execute(async (trx) => {
        // Another run (or the page) may have escalated or the member answered meanwhile.
        await this.lock(trx, principal.incident_id);
        const fresh = await repo.findParticipant(trx, principal.plan_id, principal.incident_id, principal.id);
        if (!fresh || fresh.escalated_at !== null || fresh.response !== 'afventer') return false;
        const at = nowIso(this.services.clock);
        const minutes = settingsByPlan.get(principal.plan_id)!.escalationMinutes[principal.level as CrisisLevel];
        if (!substitute) {
          await repo.updateParticipant(trx, fresh.id, { escalated_at: at });
          await crisisLogFor(this.services).append(trx, principal.plan_id, principal.incident_id, ESCALATION_ACTOR, {
            kind: 'eskalering',
            text: `${fresh.name} (${fresh.role}, ${fresh.organisation}) har ikke svaret inden for ${minutes} minutter og har ingen suppleant – kontakt organisationen.`,
            data: { participantId: fresh.id, substitute: null },
          });
          return true;
        }
        const row = participantOf(substitute, principal.plan_id, principal.incident_id, at, fresh.id);
        await repo.insertParticipants(trx, [row]);
        await repo.updateParticipant(trx, fresh.id, { escalated_at: at, escalated_to_id: row.id });
        pending = await this.withToken(trx, row, 'escalation', `${fresh.name} (${fresh.role}, ${fresh.organisation})`);
        await crisisLogFor(this.services).append(trx, principal.plan_id, principal.incident_id, ESCALATION_ACTOR, {
          kind: 'eskalering',
          text: `${fresh.name} (${fresh.role}, ${fresh.organisation}) har ikke svaret inden for ${minutes} minutter; suppleanten ${row.name} er indkaldt.`,
          data: { participantId: fresh.id, substituteParticipantId: row.id },
        });
        return true;
      });
      if (done) count++;
      if (pending) await this.sendMails(ESCALATION_ACTOR, principal.plan_id, principal.incident_id, [pending]);
    }
    return count;
  }
}

const instances = new WeakMap<object, ConveningService>();

/** The app's convening service, shared by pages, API, the incidents service and the escalation timer. */
export function conveningServiceFor(services: AppServices): ConveningService {
  let service = instances.get(services);
  if (!service) {
    service = new ConveningService(services);
    instances.set(services, service);
  }
  return service;
}

/**
 * Runs the escalation every minute in the running server (src/main.ts); a failure is logged and the next run tries
 * again. Returns the function that stops it.
 */
export function scheduleEscalation(services: AppServices, log: { error: (err: unknown) => void }, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    conveningServiceFor(services)
      .escalateDue(null)
      .catch((err: unknown) => log.error(err))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
