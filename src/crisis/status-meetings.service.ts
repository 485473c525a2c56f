/**
 * The crisis group's annual status meeting (issue 7, part 7). The plan (lines 3449-3452): «Der afholdes endvidere et
 * årligt statusmøde, for dels at gennemgå og evaluere aftalte indsatser i løbet af året, dels at drøfte den generelle
 * situation i boligområderne … Det er Bysekretariatet, der er tovholder for denne funktion.»
 *
 * One meeting per plan and year: the secretariat schedules it (date, time, place, duration), sends the invitation as
 * an `.ics` to the group's members with an e-mail address (its SEQUENCE raised with every change of time, place or
 * status, so calendars take the newer version), records it held or cancelled and keeps notes. The year's summary
 * (status-summary.ts) is generated when the page is shown and stored when the secretariat saves it, so what the
 * meeting saw is kept even as the incidents change afterwards.
 */
import type { AppServices } from '../app.js';
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { calendarFile, type CalendarEvent, type Participant } from '../governance/ics.js';
import { meetingServiceFor } from '../governance/meetings.service.js';
import { mailServiceFor, type SentMail } from '../mail/mail.service.js';
import { danishDateOf, localToInstant, longDanishDate, offsetAt, parseIsoDate } from '../time/copenhagen.js';
import { crisisSettings } from './crisis-settings.js';
import type { CrisisStatusMeetingRow } from './crisis.table.js';
import * as repo from './evaluation.repository.js';
import type { EvaluationStatus } from './evaluation.js';
import { isCrisisLevel, type CrisisLevel } from './levels.js';
import { buildStatusSummary, type StatusSummary, type SummaryIncident } from './status-summary.js';

export type StatusMeetingStatus = 'planlagt' | 'afholdt' | 'aflyst';
export const STATUS_MEETING_STATUSES: readonly StatusMeetingStatus[] = ['planlagt', 'afholdt', 'aflyst'];

/** What a status meeting's invitation mails are recorded as in `sent_mails`. */
export const STATUS_MEETING_MAIL_PURPOSE = 'crisis-status-meeting';

/** Two hours: the plan names no length; a year's incidents, evaluations and the general situation fill an afternoon. */
export const DEFAULT_STATUS_MEETING_MINUTES = 120;

export const STATUS_MEETINGS_PATH = '/beredskab/statusmoede';
export const statusMeetingPath = (year: number) => `${STATUS_MEETINGS_PATH}/${year}`;

export interface StatusMeeting {
  id: string;
  year: number;
  /** ISO date, Danish calendar. */
  date: string;
  /** Local time `HH:MM`. */
  startsAt: string;
  startsAtInstant: string;
  durationMinutes: number;
  location: string | null;
  status: StatusMeetingStatus;
  notes: string | null;
  icsSequence: number;
  summaryGeneratedAt: string | null;
  updatedAt: string;
  updatedByLabel: string;
}

export interface StatusMeetingInput {
  date: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  status: string;
  notes: string | null;
}

export interface StatusMeetingYear {
  year: number;
  meeting: StatusMeeting | null;
  activations: number;
}

export interface StatusMeetingView {
  year: number;
  meeting: StatusMeeting | null;
  /** The summary as it stands now. */
  current: StatusSummary;
  /** The summary as the secretariat stored it for the meeting, or null. */
  stored: StatusSummary | null;
  /** The invitation mails sent, newest first. */
  mails: SentMail[];
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_LOCATION = 200;
const MAX_NOTES = 8000;

/** The local time of day `HH:MM` of an instant in Copenhagen. */
function localTime(instant: string): string {
  const t = new Date(instant).getTime();
  return new Date(t + offsetAt(t)).toISOString().slice(11, 16);
}

function toMeeting(row: CrisisStatusMeetingRow): StatusMeeting {
  return {
    id: row.id,
    year: Number(row.year),
    date: danishDateOf(new Date(row.starts_at)),
    startsAt: localTime(row.starts_at),
    startsAtInstant: row.starts_at,
    durationMinutes: Number(row.duration_minutes),
    location: row.location,
    status: row.status as StatusMeetingStatus,
    notes: row.notes,
    icsSequence: Number(row.ics_sequence),
    summaryGeneratedAt: row.summary_generated_at,
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

/** The year from a URL or API path, or NotFoundError: only years a plan could hold have a page. */
export function yearOf(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new NotFoundError('Der er intet statusmøde for det år.');
  const year = Number(value);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new NotFoundError('Der er intet statusmøde for det år.');
  return year;
}

/** The problems with a meeting's details, by field, in Danish; the start instant when there are none. */
export function checkStatusMeeting(year: number, input: StatusMeetingInput): { errors: FieldError[]; startsAt: Date | null } {
  const errors: FieldError[] = [];
  const date = parseIsoDate(input.date);
  if (!date) errors.push({ field: 'date', message: `Datoen skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, fx ${year}-11-24, ikke «${input.date}».` });
  else if (date.year !== year) errors.push({ field: 'date', message: `Statusmødet for ${year} skal ligge i ${year}; ${longDanishDate(input.date)} gør ikke.` });
  const time = TIME.exec(input.startsAt);
  if (!time) errors.push({ field: 'startsAt', message: `Starttidspunktet skal skrives TT:MM, fx 14:00, ikke «${input.startsAt}».` });
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 720) {
    errors.push({ field: 'durationMinutes', message: 'Varigheden skal være et helt antal minutter fra 15 til 720.' });
  }
  if (input.location !== null && input.location.length > MAX_LOCATION) errors.push({ field: 'location', message: `Stedet må højst være ${MAX_LOCATION} tegn.` });
  if (!STATUS_MEETING_STATUSES.includes(input.status as StatusMeetingStatus)) errors.push({ field: 'status', message: 'Vælg status: planlagt, afholdt eller aflyst.' });
  if (input.notes !== null && input.notes.length > MAX_NOTES) errors.push({ field: 'notes', message: `Noterne må højst være ${MAX_NOTES} tegn.` });
  const startsAt = errors.length === 0 && date && time ? localToInstant(date.year, date.month, date.day, Number(time[1]), Number(time[2])) : null;
  return { errors, startsAt };
}

/** The Danish year's bounds as instants: [1 January 00:00, next 1 January 00:00) in Copenhagen. */
function yearBounds(year: number): { from: string; to: string } {
  return { from: localToInstant(year, 1, 1).toISOString(), to: localToInstant(year + 1, 1, 1).toISOString() };
}

/** The meeting's title in calendars, mails and pages. */
export function statusMeetingTitle(year: number): string {
  return `Beredskabsgruppens årlige statusmøde ${year}`;
}

export class StatusMeetingService {
  constructor(private readonly services: AppServices) {}

  private get database(): Db {
    return this.services.database;
  }

  private now(): Date {
    return this.services.clock();
  }

  /** This year by the service's clock (Danish calendar). */
  thisYear(): number {
    return Number(danishDateOf(this.now()).slice(0, 4));
  }

  /**
   * The years to list: the plan period's, this year, and any year with a meeting or an activation, newest first,
   * each with its meeting and number of activations.
   */
  async years(plan: { id: string; periodStart: string; periodEnd: string }): Promise<StatusMeetingYear[]> {
    const [meetings, instants] = await Promise.all([repo.listStatusMeetings(this.database.db, plan.id), repo.activationInstants(this.database.db, plan.id)]);
    const activations = new Map<number, number>();
    for (const at of instants) {
      const year = Number(danishDateOf(new Date(at)).slice(0, 4));
      activations.set(year, (activations.get(year) ?? 0) + 1);
    }
    const years = new Set<number>([this.thisYear(), ...meetings.map((m) => Number(m.year)), ...activations.keys()]);
    const first = Number(plan.periodStart.slice(0, 4));
    const last = Number(plan.periodEnd.slice(0, 4));
    if (Number.isInteger(first) && Number.isInteger(last) && last - first < 20) for (let y = first; y <= last; y++) years.add(y);
    const byYear = new Map(meetings.map((m) => [Number(m.year), toMeeting(m)]));
    return [...years].sort((a, b) => b - a).map((year) => ({ year, meeting: byYear.get(year) ?? null, activations: activations.get(year) ?? 0 }));
  }

  /** The year's meeting, or null when none is scheduled. */
  async meeting(planId: string, year: number): Promise<StatusMeeting | null> {
    const row = await repo.findStatusMeeting(this.database.db, planId, year);
    return row ? toMeeting(row) : null;
  }

  /** The meeting page's content: the meeting, the summary as it stands and as stored, and the invitations sent. */
  async view(planId: string, year: number): Promise<StatusMeetingView> {
    const row = await repo.findStatusMeeting(this.database.db, planId, year);
    const [current, mails] = await Promise.all([this.summary(planId, year), row ? mailServiceFor(this.services).recorded(planId, [row.id]) : Promise.resolve([])]);
    return {
      year,
      meeting: row ? toMeeting(row) : null,
      current,
      stored: row?.summary ? (JSON.parse(row.summary) as StatusSummary) : null,
      mails: mails.filter((m) => m.purpose === STATUS_MEETING_MAIL_PURPOSE),
    };
  }

  /** The year's summary as it stands now (status-summary.ts). */
  async summary(planId: string, year: number): Promise<StatusSummary> {
    const { from, to } = yearBounds(year);
    const db = this.database.db;
    // The crisis group's members are seeded from the plan on first use.
    await meetingServiceFor(this.services).ensureMembers(planId);
    const [incidents, changes, members, tasks, settings, snapshot] = await Promise.all([
      repo.incidentsActivatedBetween(db, planId, from, to),
      repo.levelChangesBetween(db, planId, from, to),
      repo.crisisMembers(db, planId),
      repo.openTasksBefore(db, planId, to),
      crisisSettings(this.database, planId),
      this.services.plan.snapshot(planId),
    ]);
    const level = (value: unknown): CrisisLevel | null => (isCrisisLevel(value) ? value : null);
    return buildStatusSummary({
      year,
      now: this.now(),
      incidents: incidents.map(
        (i): SummaryIncident => ({
          id: i.id,
          number: Number(i.number),
          level: i.level as CrisisLevel,
          areaSlug: i.area_slug,
          situationType: i.situation_type,
          activatedAt: i.activated_at,
          deadlineAt: i.deadline_at,
          meetingHeldAt: i.meeting_held_at,
          stoodDownAt: i.stood_down_at,
          evaluation: i.evaluation_status as EvaluationStatus | null,
        }),
      ),
      levelChanges: changes.map((c) => {
        const data = c.data ? (JSON.parse(c.data) as Record<string, unknown>) : {};
        return { incidentId: c.incident_id, incidentNumber: Number(c.number), at: c.recorded_at, from: level(data.from), to: level(data.to ?? data.level) };
      }),
      members: members.map((m) => ({ role: m.role, organisation: m.organisation, name: m.name, substitute: m.substitute_for !== null, contactConfirmedAt: m.contact_confirmed_at })),
      staleAfterMonths: settings.staleAfterMonths,
      openTasks: tasks.map((t) => ({ incidentId: t.incident_id, incidentNumber: Number(t.number), title: t.title, ownerLabel: t.owner_label, deadlineAt: t.deadline_at, status: t.status })),
      areaNames: Object.fromEntries(snapshot.areas().map((a) => [a.data.slug, a.data.name])),
    });
  }

  /**
   * Schedules the year's meeting or changes it. A change of date, time, duration, place or status raises the
   * invitation's SEQUENCE; notes alone do not. Audited.
   *
   * @throws ValidationError with Danish messages by field
   */
  async schedule(actor: Actor, planId: string, year: number, input: StatusMeetingInput): Promise<StatusMeeting> {
    const { errors, startsAt } = checkStatusMeeting(year, input);
    if (errors.length > 0 || !startsAt) throw new ValidationError(errors);
    const at = nowIso(this.services.clock);
    return this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findStatusMeeting(trx, planId, year);
      const fields = {
        starts_at: startsAt.toISOString(),
        duration_minutes: input.durationMinutes,
        location: input.location?.trim() || null,
        status: input.status,
        notes: input.notes?.trim() || null,
      };
      if (!before) {
        const row: CrisisStatusMeetingRow = {
          id: newId(),
          plan_id: planId,
          year,
          ...fields,
          summary: null,
          summary_generated_at: null,
          ics_sequence: 0,
          created_at: at,
          updated_at: at,
          updated_by_label: actor.label,
        };
        await repo.insertStatusMeeting(trx, row);
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'crisis_status_meeting',
          entityId: row.id,
          summary: `Planlagde ${statusMeetingTitle(year).toLowerCase()} til ${longDanishDate(input.date)} kl. ${input.startsAt}`,
          after: fields,
          planId,
        });
        return toMeeting(row);
      }
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => String(before[k] ?? '') !== String(fields[k] ?? '') && !(k === 'starts_at' && new Date(before.starts_at).getTime() === startsAt.getTime()));
      if (changed.length === 0) return toMeeting(before);
      const calendarChanged = changed.some((k) => k !== 'notes');
      const row: CrisisStatusMeetingRow = {
        ...before,
        ...fields,
        ics_sequence: Number(before.ics_sequence) + (calendarChanged ? 1 : 0),
        updated_at: at,
        updated_by_label: actor.label,
      };
      await repo.updateStatusMeeting(trx, row);
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_status_meeting',
        entityId: row.id,
        summary: `Ændrede ${statusMeetingTitle(year).toLowerCase()}: ${changed.join(', ')}`,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, row[k]])),
        planId,
      });
      return toMeeting(row);
    });
  }

  /**
   * Stores the year's summary as it stands now, for the meeting. Once the meeting is held, the summary it saw is kept
   * and not replaced.
   *
   * @throws ConflictError when no meeting is scheduled, or the meeting is held and has a stored summary
   */
  async saveSummary(actor: Actor, planId: string, year: number): Promise<StatusSummary> {
    const summary = await this.summary(planId, year);
    await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findStatusMeeting(trx, planId, year);
      if (!before) throw new ConflictError(`Planlæg statusmødet for ${year}, før opsummeringen gemmes.`);
      if (before.status === 'afholdt' && before.summary) {
        throw new ConflictError('Mødet er afholdt, og opsummeringen, mødet så, bevares. Den gemte opsummering kan ikke erstattes.');
      }
      await repo.updateStatusMeeting(trx, { ...before, summary: JSON.stringify(summary), summary_generated_at: summary.generatedAt, updated_at: summary.generatedAt, updated_by_label: actor.label });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_status_meeting',
        entityId: before.id,
        summary: `Gemte opsummeringen af ${year} til ${statusMeetingTitle(year).toLowerCase()}`,
        after: { activations: summary.activations.total, met: summary.deadlines.met, missed: summary.deadlines.missed, openTasks: summary.openTasks.total, staleContacts: summary.staleContacts.total },
        planId,
      });
    });
    return summary;
  }

  private event(meeting: StatusMeeting): CalendarEvent {
    const url = `${this.services.config.publicUrl}${statusMeetingPath(meeting.year)}`;
    return {
      uid: `crisis-status-${meeting.id}@helhed`,
      date: meeting.date,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      summary: meeting.status === 'aflyst' ? `Aflyst: ${statusMeetingTitle(meeting.year)}` : statusMeetingTitle(meeting.year),
      ...(meeting.location ? { location: meeting.location } : {}),
      description:
        `Den boligsociale beredskabsplan: årets indsatser gennemgås og evalueres, og den generelle situation i boligområderne drøftes. ` +
        `Bysekretariatet er tovholder. Årets opsummering: ${url}`,
      sequence: meeting.icsSequence,
      status: meeting.status === 'aflyst' ? 'CANCELLED' : 'CONFIRMED',
      ...(/^https?:\/\//.test(url) ? { url } : {}),
    };
  }

  /** The crisis group's members with an e-mail address, principals and substitutes alike. */
  private async attendees(planId: string): Promise<Participant[]> {
    const members = await meetingServiceFor(this.services).members(planId, 'beredskabsgruppe');
    const seen = new Set<string>();
    const attendees: Participant[] = [];
    for (const m of members) {
      if (!m.email || seen.has(m.email.toLowerCase())) continue;
      seen.add(m.email.toLowerCase());
      attendees.push({ name: m.name ?? [m.role, m.organisation].filter(Boolean).join(', '), email: m.email });
    }
    return attendees;
  }

  /**
   * The meeting's invitation as iCalendar text: REQUEST, or CANCEL for a cancelled meeting (RFC 5546 section 3.2.5),
   * to the crisis group's members with an e-mail address, organised by the one who sends it.
   *
   * @throws NotFoundError when no meeting is scheduled; ValidationError when no member has an e-mail address
   */
  async invitation(planId: string, year: number, organizer: Participant): Promise<{ meeting: StatusMeeting; ics: string; method: 'REQUEST' | 'CANCEL'; attendees: Participant[] }> {
    const meeting = await this.meeting(planId, year);
    if (!meeting) throw new NotFoundError(`Statusmødet for ${year} er ikke planlagt endnu.`);
    const attendees = await this.attendees(planId);
    if (attendees.length === 0) {
      throw new ValidationError([], 'Ingen af beredskabsgruppens medlemmer har en e-mailadresse. Tilføj e-mailadresser under Beredskabsgruppen, før indkaldelsen dannes.');
    }
    const method = meeting.status === 'aflyst' ? 'CANCEL' : 'REQUEST';
    const ics = calendarFile([this.event(meeting)], { method, dtstamp: this.now(), organizer, attendees });
    return { meeting, ics, method, attendees };
  }

  /**
   * Sends the invitation (or its cancellation) by e-mail to each attendee, the `.ics` as the message's calendar part,
   * after nothing else is open; each message is recorded in `sent_mails`. Audited.
   */
  async sendInvitation(actor: Actor, planId: string, year: number, organizer: Participant): Promise<SentMail[]> {
    const { meeting, ics, method, attendees } = await this.invitation(planId, year, organizer);
    const when = `${longDanishDate(meeting.date)} kl. ${meeting.startsAt}`;
    const url = `${this.services.config.publicUrl}${statusMeetingPath(year)}`;
    const subject = method === 'CANCEL' ? `Aflyst: ${statusMeetingTitle(year)} ${when}` : `Indkaldelse: ${statusMeetingTitle(year)} ${when}`;
    const text = [
      method === 'CANCEL' ? `${statusMeetingTitle(year)} ${when} er aflyst.` : `Du indkaldes til ${statusMeetingTitle(year).toLowerCase()}.`,
      '',
      `Tid: ${when} (${meeting.durationMinutes} minutter)`,
      `Sted: ${meeting.location ?? 'meddeles senere'}`,
      '',
      'På mødet gennemgår og evaluerer vi årets aftalte indsatser og drøfter den generelle situation i boligområderne (den boligsociale beredskabsplan). Bysekretariatet er tovholder.',
      `Årets opsummering: ${url}`,
      '',
      `Venlig hilsen\n${organizer.name}`,
    ].join('\n');
    const sent = await mailServiceFor(this.services).send(
      planId,
      actor,
      attendees.map((a) => ({ to: a.email, subject, text, purpose: STATUS_MEETING_MAIL_PURPOSE, relatedId: meeting.id, calendar: { method, content: ics } })),
    );
    await recordAudit(this.database.db, actor, {
      action: 'update',
      entityType: 'crisis_status_meeting',
      entityId: meeting.id,
      summary: `Sendte ${method === 'CANCEL' ? 'aflysningen af' : 'indkaldelsen til'} ${statusMeetingTitle(year).toLowerCase()} til ${attendees.length} medlemmer (version ${meeting.icsSequence}); ${sent.filter((m) => m.status === 'sendt').length} sendt`,
      planId,
    });
    return sent;
  }
}

const instances = new WeakMap<object, StatusMeetingService>();

/** One StatusMeetingService per app. */
export function statusMeetingServiceFor(services: AppServices): StatusMeetingService {
  let service = instances.get(services);
  if (!service) {
    service = new StatusMeetingService(services);
    instances.set(services, service);
  }
  return service;
}
