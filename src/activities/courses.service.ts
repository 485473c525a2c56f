/**
 * Courses (forløb, hold) of an activity, their sessions and rosters, attendance registered per session, and the
 * attendance import. Who may do what: a course is seen by those whose scope covers its activity (anyone else is told
 * it does not exist), and only participants the scope sees are shown, placed or registered. Every read of
 * participants is logged; every change is audited in its own transaction.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { refreshStatistics, type Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { openSpreadsheet } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError, type ByteSource } from '../monitoring/import/spreadsheet.js';
import { danishDate, parseDate } from '../monitoring/periods.js';
import { participantScope, scopeCoversActivity, type ParticipantScope } from '../participants/access.js';
import { grantedActivities } from '../participants/access.repository.js';
import type { AttendanceRow, AttendanceStagingRow, CourseRow, CourseSessionRow, ParticipantImportRow } from '../participants/participants.table.js';
import { logPersonalDataRead } from '../participants/personal-data-log.js';
import type { Activity } from '../plan/content/types.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import * as repo from './courses.repository.js';
import {
  ATTENDANCE_LABELS,
  checkCourseTarget,
  isAttendanceStatus,
  MAX_GENERATED_SESSIONS,
  normaliseCourseCode,
  sessionState,
  weeklySessionDates,
  weeksSpanned,
  type AttendanceStatus,
  type CourseTargetCheck,
  type SessionState,
} from './courses.rules.js';
import { AttendanceIndex, createAttendanceRowReader, SeenAttendance, unplacedProblem, type ImportProblem } from './import/attendance-rows.js';

/** Who is asking: the principal decides what may be seen, the actor is recorded with changes and reads. */
export interface Caller {
  principal: Principal;
  actor: Actor;
}

/** The most problems an import keeps to show; the count covers all of them. */
export const PROBLEM_LIMIT = 1000;
const STAGE_BATCH = 5000;
/** The import kind in participant_imports. */
export const ATTENDANCE_IMPORT_KIND = 'fremmoede';
/** How many participants the course page offers to put on the roster at once. */
const CANDIDATE_LIMIT = 200;

export interface CourseInput {
  activitySlug: string;
  code: string;
  name: string;
  areaSlug?: string | null | undefined;
  startDate: string;
  endDate?: string | null | undefined;
  plannedSessions?: number | null | undefined;
  /** Sessions made at once: `count` weekly sessions on `weekday` (1 Monday … 7 Sunday; default the start's weekday). */
  generate?: { count: number; weekday?: number | undefined } | null | undefined;
  note?: string | null | undefined;
}

export interface SessionInput {
  heldOn?: string | undefined;
  topic?: string | null | undefined;
  cancelled?: boolean | undefined;
}

export interface CourseSummary {
  code: string;
  name: string;
  activitySlug: string;
  activityName: string;
  areaSlug: string | null;
  startDate: string;
  endDate: string | null;
  plannedSessions: number | null;
  sessions: number;
  cancelledSessions: number;
  lackingRegistration: number;
  roster: number;
  nextSession: string | null;
}

export interface SessionSummary {
  number: number;
  heldOn: string;
  topic: string | null;
  cancelled: boolean;
  state: SessionState;
  registered: number;
  attended: number;
  notice: number;
  absent: number;
}

export interface RosterEntry {
  participantId: string;
  code: string;
  nickname: string | null;
}

export interface CourseDetail {
  course: CourseSummary & { note: string | null; createdAt: string; createdBy: string };
  areaName: string | null;
  sessions: SessionSummary[];
  targets: CourseTargetCheck[];
  roster: RosterEntry[];
}

export interface SessionAttendance {
  course: { code: string; name: string; activityName: string };
  session: SessionSummary;
  members: (RosterEntry & { status: AttendanceStatus | null })[];
}

export interface AttendanceEntry {
  participantCode: string;
  status: string;
}

export interface ImportOutcome {
  importId: string;
  status: 'imported' | 'rejected';
  imported: number;
  unchanged: number;
  problemCount: number;
  problems: ImportProblem[];
}

const services = new WeakMap<Db, CoursesService>();

/** The one CoursesService of a database, shared by the pages and the API so imports queue behind each other. */
export function coursesServiceFor(deps: { database: Db; plan: PlanService; clock: () => Date }): CoursesService {
  let service = services.get(deps.database);
  if (!service) {
    service = new CoursesService(deps.database, deps.plan, deps.clock);
    services.set(deps.database, service);
  }
  return service;
}

export class CoursesService {
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
  ) {}

  private get db() {
    return this.database.db;
  }

  private today(): string {
    return danishDateOf(this.clock());
  }

  /** The participants and activities the principal may reach in the plan. */
  async scopeOf(planId: string, principal: Principal): Promise<ParticipantScope> {
    const granted = await grantedActivities(this.db, planId, principal.userId, principal.organisationId);
    return participantScope(principal, granted);
  }

  private async activities(planId: string): Promise<Map<string, Activity>> {
    const snapshot = await this.plans.snapshot(planId);
    return new Map(snapshot.activities().map((a) => [a.data.slug, a.data]));
  }

  /** The plan's activities the principal works in, for choosing where a course belongs. */
  async activityChoices(planId: string, principal: Principal): Promise<{ slug: string; name: string }[]> {
    const scope = await this.scopeOf(planId, principal);
    const activities = await this.activities(planId);
    return [...activities.values()].filter((a) => scopeCoversActivity(scope, a.slug)).map((a) => ({ slug: a.slug, name: a.name }));
  }

  async areaChoices(planId: string): Promise<{ slug: string; name: string }[]> {
    return (await this.plans.snapshot(planId)).areas().map((a) => ({ slug: a.data.slug, name: a.data.name }));
  }

  /** The courses of the activities the principal works in, newest first (at most 500). */
  async list(planId: string, caller: Caller, filter: { activitySlug?: string | undefined } = {}): Promise<CourseSummary[]> {
    const scope = await this.scopeOf(planId, caller.principal);
    const activities = await this.activities(planId);
    const rows = await repo.listCourses(this.db, planId, scope, { activitySlug: filter.activitySlug, today: this.today(), limit: 500 });
    return rows.map((r) => summaryOf(r, activities));
  }

  /** A course the principal may see, or NotFoundError: a course of someone else's activity does not exist for them. */
  private async visibleCourse(planId: string, scope: ParticipantScope, code: string): Promise<CourseRow> {
    const normalised = normaliseCourseCode(code);
    const row = typeof normalised === 'string' ? await repo.findCourseByCode(this.db, planId, normalised) : undefined;
    if (!row || !scopeCoversActivity(scope, row.activity_slug)) throw new NotFoundError(`Forløbet ${code} findes ikke, eller du har ikke adgang til det.`);
    return { ...row, planned_sessions: row.planned_sessions === null ? null : Number(row.planned_sessions) };
  }

  /** A course with its sessions, its roster (a logged read) and how it compares with the plan's targets per course. */
  async course(planId: string, caller: Caller, code: string): Promise<CourseDetail> {
    const scope = await this.scopeOf(planId, caller.principal);
    const row = await this.visibleCourse(planId, scope, code);
    const [activities, snapshot, sessionRows, roster] = await Promise.all([
      this.activities(planId),
      this.plans.snapshot(planId),
      repo.listSessions(this.db, planId, scope, row.id),
      repo.rosterOf(this.db, planId, scope, row),
    ]);
    if (roster.length > 0) await logPersonalDataRead(this.db, caller.actor, planId, { what: 'fremmøde', count: roster.length, detail: `Holdliste for forløb ${row.code}` });
    const today = this.today();
    const sessions = sessionRows.map((s) => sessionSummary(s, today));
    const held = sessions.filter((s) => !s.cancelled);
    const planned = row.planned_sessions ?? held.length;
    const days = held.map((s) => s.heldOn).sort();
    const weeks = days.length > 0 ? weeksSpanned(days[0]!, days[days.length - 1]!) : null;
    const activity = activities.get(row.activity_slug);
    const targets = (activity?.targets ?? []).filter((t) => t.per === 'course').map((t) => checkCourseTarget(t, { sessions: planned, weeks, participants: roster.length }));
    const summary = summaryOf(
      { ...row, sessions: sessions.length, cancelled: sessions.length - held.length, lacking: sessions.filter((s) => s.state === 'mangler').length, roster: roster.length, next_session: held.find((s) => s.heldOn >= today)?.heldOn ?? null },
      activities,
    );
    return {
      course: { ...summary, note: row.note, createdAt: row.created_at, createdBy: row.created_by_label },
      areaName: row.area_slug ? (snapshot.areas().find((a) => a.data.slug === row.area_slug)?.data.name ?? row.area_slug) : null,
      sessions,
      targets,
      roster: roster.map((r) => ({ participantId: r.participant_id, code: r.code, nickname: r.nickname })),
    };
  }

  /** Participants enrolled in the course's activity whom the principal may place on it (not already on it). */
  async rosterCandidates(planId: string, caller: Caller, code: string): Promise<{ code: string; nickname: string | null; otherCourse: string | null }[]> {
    const scope = await this.scopeOf(planId, caller.principal);
    const row = await this.visibleCourse(planId, scope, code);
    const candidates = await repo.rosterCandidates(this.db, planId, scope, row, CANDIDATE_LIMIT);
    if (candidates.length > 0) await logPersonalDataRead(this.db, caller.actor, planId, { what: 'deltagerliste', count: candidates.length, detail: `Tilmeldte, der kan sættes på forløb ${row.code}` });
    const seen = new Set<string>();
    return candidates.filter((c) => !seen.has(c.code) && seen.add(c.code)).map((c) => ({ code: c.code, nickname: c.nickname, otherCourse: c.course_code }));
  }

  /** Creates a course, with its weekly sessions when asked. Every problem with the input is reported at once. */
  async createCourse(planId: string, caller: Caller, input: CourseInput): Promise<CourseSummary> {
    const scope = await this.scopeOf(planId, caller.principal);
    const activities = await this.activities(planId);
    const areas = await this.areaChoices(planId);
    const errors: FieldError[] = [];
    const activity = activities.get(input.activitySlug);
    if (!activity) errors.push({ field: 'activity', message: 'Vælg den aktivitet, forløbet hører til.' });
    else if (!scopeCoversActivity(scope, activity.slug)) errors.push({ field: 'activity', message: `Du arbejder ikke med ${activity.name} og kan ikke oprette forløb i den.` });
    const code = normaliseCourseCode(input.code);
    if (typeof code !== 'string') errors.push({ field: 'code', message: code.error });
    else if (await repo.findCourseByCode(this.db, planId, code)) errors.push({ field: 'code', message: `Koden ${code} er allerede brugt af et andet forløb. Vælg en anden kode.` });
    const name = input.name.trim();
    if (name === '') errors.push({ field: 'name', message: 'Skriv forløbets navn, fx Brandkadet efterår 2025.' });
    else if (name.length > 200) errors.push({ field: 'name', message: 'Navnet må højst være 200 tegn.' });
    const areaSlug = input.areaSlug?.trim() || null;
    if (areaSlug && !areas.some((a) => a.slug === areaSlug)) errors.push({ field: 'area', message: 'Vælg et af planens boligområder, eller intet.' });
    const start = dateField(input.startDate, 'startDate', 'startdato', errors, true);
    let end = dateField(input.endDate ?? '', 'endDate', 'slutdato', errors, false);
    if (start && end && end < start) errors.push({ field: 'endDate', message: 'Slutdatoen skal ligge efter startdatoen.' });
    let planned = input.plannedSessions ?? null;
    if (planned !== null && (!Number.isInteger(planned) || planned < 1 || planned > 200)) errors.push({ field: 'plannedSessions', message: 'Planlagte mødegange skal være et helt tal fra 1 til 200.' });
    const generate = input.generate ?? null;
    let dates: string[] = [];
    if (generate) {
      if (!Number.isInteger(generate.count) || generate.count < 1 || generate.count > MAX_GENERATED_SESSIONS) {
        errors.push({ field: 'generateCount', message: `Antal mødegange at oprette skal være et helt tal fra 1 til ${MAX_GENERATED_SESSIONS}.` });
      } else if (generate.weekday !== undefined && (!Number.isInteger(generate.weekday) || generate.weekday < 1 || generate.weekday > 7)) {
        errors.push({ field: 'weekday', message: 'Vælg en ugedag.' });
      } else if (start) {
        dates = weeklySessionDates(start, generate.count, generate.weekday);
        if (end && dates[dates.length - 1]! > end) errors.push({ field: 'generateCount', message: `${generate.count} ugentlige mødegange rækker til ${danishDate(dates[dates.length - 1]!)}, efter slutdatoen ${danishDate(end)}.` });
      }
    }
    const note = input.note?.trim() || null;
    if (note && note.length > 2000) errors.push({ field: 'note', message: 'Noten må højst være 2.000 tegn.' });
    if (errors.length > 0) throw new ValidationError(errors);
    planned ??= dates.length > 0 ? dates.length : null;
    end ??= dates.length > 0 ? dates[dates.length - 1]! : null;
    const at = nowIso(this.clock);
    const row: CourseRow = {
      id: newId(), plan_id: planId, activity_slug: activity!.slug, code: code as string, name, area_slug: areaSlug, start_date: start!, end_date: end,
      planned_sessions: planned, note, created_at: at, created_by_label: caller.actor.label,
    };
    const sessions: CourseSessionRow[] = dates.map((d, i) => ({ id: newId(), plan_id: planId, course_id: row.id, number: i + 1, held_on: d, topic: null, cancelled: 0, created_at: at }));
    await this.db.transaction().execute(async (trx) => {
      await repo.insertCourse(trx, row);
      await repo.insertSessions(trx, sessions);
      await recordAudit(trx, caller.actor, {
        action: 'create', entityType: 'course', entityId: row.id, planId,
        summary: `Oprettede forløbet ${row.code} (${row.name}) i ${activity!.name}${sessions.length > 0 ? ` med ${sessions.length} mødegange` : ''}`,
        after: { code: row.code, name: row.name, activity: row.activity_slug, area: row.area_slug, start: row.start_date, end: row.end_date, plannedSessions: row.planned_sessions },
      });
    });
    return summaryOf({ ...row, sessions: sessions.length, cancelled: 0, lacking: 0, roster: 0, next_session: null }, activities);
  }

  /** Adds a session after the course's last (by number). */
  async addSession(planId: string, caller: Caller, code: string, input: SessionInput): Promise<SessionSummary> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const errors: FieldError[] = [];
    const heldOn = dateField(input.heldOn ?? '', 'heldOn', 'dato', errors, true);
    const topic = input.topic?.trim() || null;
    if (topic && topic.length > 200) errors.push({ field: 'topic', message: 'Emnet må højst være 200 tegn.' });
    if (errors.length > 0) throw new ValidationError(errors);
    const at = nowIso(this.clock);
    const row = await this.db.transaction().execute(async (trx) => {
      const number = (await repo.maxSessionNumber(trx, course.id)) + 1;
      const session: CourseSessionRow = { id: newId(), plan_id: planId, course_id: course.id, number, held_on: heldOn!, topic, cancelled: 0, created_at: at };
      await repo.insertSessions(trx, [session]);
      await recordAudit(trx, caller.actor, { action: 'create', entityType: 'course-session', entityId: session.id, planId, summary: `Tilføjede mødegang ${number} (${danishDate(heldOn!)}) til ${course.code}` });
      return session;
    });
    return sessionSummary({ ...row, registered: 0, attended: 0, cancelled_notice: 0, absent: 0 }, this.today());
  }

  /** Moves a session to another day, changes its topic, or cancels it (or takes the cancellation back). */
  async updateSession(planId: string, caller: Caller, code: string, number: number, input: SessionInput): Promise<SessionSummary> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const session = await repo.findSession(this.db, course.id, number);
    if (!session) throw new NotFoundError(`Forløbet ${course.code} har ingen mødegang nr. ${number}.`);
    const errors: FieldError[] = [];
    const changes: Partial<Pick<CourseSessionRow, 'held_on' | 'topic' | 'cancelled'>> = {};
    if (input.heldOn !== undefined) {
      const heldOn = dateField(input.heldOn, 'heldOn', 'dato', errors, true);
      if (heldOn && heldOn !== session.held_on) changes.held_on = heldOn;
    }
    if (input.topic !== undefined) {
      const topic = input.topic?.trim() || null;
      if (topic && topic.length > 200) errors.push({ field: 'topic', message: 'Emnet må højst være 200 tegn.' });
      else if (topic !== session.topic) changes.topic = topic;
    }
    if (input.cancelled !== undefined && Number(input.cancelled) !== session.cancelled) {
      if (input.cancelled && (await repo.attendanceOf(this.db, session.id)).size > 0) {
        errors.push({ field: 'cancelled', message: `Mødegang ${number} har registreret fremmøde og kan ikke aflyses. Fjern registreringen først.` });
      } else changes.cancelled = input.cancelled ? 1 : 0;
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (Object.keys(changes).length > 0) {
      await this.db.transaction().execute(async (trx) => {
        await repo.updateSession(trx, session.id, changes);
        const what = [
          changes.held_on ? `flyttet fra ${danishDate(session.held_on)} til ${danishDate(changes.held_on)}` : '',
          changes.cancelled === 1 ? 'aflyst' : changes.cancelled === 0 ? 'genoptaget' : '',
          changes.topic !== undefined ? 'emne ændret' : '',
        ].filter(Boolean);
        await recordAudit(trx, caller.actor, {
          action: 'update', entityType: 'course-session', entityId: session.id, planId,
          summary: `Mødegang ${number} i ${course.code}: ${what.join(', ')}`,
          before: { heldOn: session.held_on, topic: session.topic, cancelled: session.cancelled === 1 },
          after: { heldOn: changes.held_on ?? session.held_on, topic: changes.topic !== undefined ? changes.topic : session.topic, cancelled: (changes.cancelled ?? session.cancelled) === 1 },
        });
      });
    }
    const rows = await repo.listSessions(this.db, planId, scope, course.id);
    return sessionSummary(rows.find((s) => s.number === number)!, this.today());
  }

  /**
   * Puts participants on the course's roster by placing their enrolment in the course's activity on the course.
   * Enrolling is not done here (the participants module owns its rules): a participant not enrolled in the activity
   * is a field error that says so. All codes are checked before anything is changed.
   */
  async addToRoster(planId: string, caller: Caller, code: string, participantCodes: string[]): Promise<{ added: string[] }> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const activityName = (await this.activities(planId)).get(course.activity_slug)?.name ?? course.activity_slug;
    const codes = [...new Set(participantCodes.map((c) => c.trim().toUpperCase()).filter(Boolean))];
    if (codes.length === 0) throw new ValidationError([{ field: 'participants', message: 'Vælg eller skriv mindst én deltager.' }]);
    if (codes.length > 500) throw new ValidationError([{ field: 'participants', message: 'Sæt højst 500 deltagere på holdet ad gangen.' }]);
    const rows = await repo.enrolmentsForCodes(this.db, planId, scope, course.activity_slug, codes);
    const errors: FieldError[] = [];
    const enrolmentIds: string[] = [];
    const added: string[] = [];
    for (const c of codes) {
      const mine = rows.filter((r) => r.code === c);
      const enrolments = mine.filter((r) => r.enrolment_id !== null);
      if (mine.length === 0) errors.push({ field: 'participants', message: `Deltageren «${c}» findes ikke, eller du har ikke adgang til deltageren.` });
      else if (enrolments.length === 0) errors.push({ field: 'participants', message: `${c} er ikke tilmeldt ${activityName}. Tilmeld deltageren på /deltagere/${c} først.` });
      else if (enrolments.some((e) => e.course_id === course.id)) continue;
      else {
        // The enrolment still running (the latest begun) is the one placed on the course.
        const current = enrolments.filter((e) => e.status === 'aktiv' || e.status === 'venteliste');
        const chosen = (current.length > 0 ? current : enrolments).sort((a, b) => (b.start_date ?? '').localeCompare(a.start_date ?? ''))[0]!;
        enrolmentIds.push(chosen.enrolment_id!);
        added.push(c);
      }
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (enrolmentIds.length > 0) {
      await this.db.transaction().execute(async (trx) => {
        await repo.setEnrolmentCourse(trx, enrolmentIds, course.id, nowIso(this.clock));
        await recordAudit(trx, caller.actor, {
          action: 'update', entityType: 'enrolment', entityId: course.id, planId,
          summary: `Satte ${added.length} ${added.length === 1 ? 'deltager' : 'deltagere'} på holdet ${course.code}: ${added.join(', ')}`,
          after: { course: course.code, participants: added },
        });
      });
    }
    return { added };
  }

  /** Takes a participant off the roster (their enrolment stays, on no course); their registered attendance stays. */
  async removeFromRoster(planId: string, caller: Caller, code: string, participantCode: string): Promise<void> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const p = participantCode.trim().toUpperCase();
    const rows = (await repo.enrolmentsForCodes(this.db, planId, scope, course.activity_slug, [p])).filter((r) => r.course_id === course.id);
    if (rows.length === 0) throw new NotFoundError(`${p} er ikke på holdlisten for ${course.code}.`);
    await this.db.transaction().execute(async (trx) => {
      await repo.setEnrolmentCourse(trx, rows.map((r) => r.enrolment_id!), null, nowIso(this.clock));
      await recordAudit(trx, caller.actor, { action: 'update', entityType: 'enrolment', entityId: rows[0]!.enrolment_id, planId, summary: `Tog ${p} af holdet ${course.code}` });
    });
  }

  /** A session with the roster and each participant's status (a logged read). */
  async sessionAttendance(planId: string, caller: Caller, code: string, number: number): Promise<SessionAttendance> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const sessions = await repo.listSessions(this.db, planId, scope, course.id);
    const session = sessions.find((s) => s.number === number);
    if (!session) throw new NotFoundError(`Forløbet ${course.code} har ingen mødegang nr. ${number}.`);
    const [roster, statuses, activities] = await Promise.all([repo.rosterOf(this.db, planId, scope, course), repo.attendanceOf(this.db, session.id), this.activities(planId)]);
    if (roster.length > 0) await logPersonalDataRead(this.db, caller.actor, planId, { what: 'fremmøde', count: roster.length, detail: `Fremmøde for ${course.code}, mødegang ${number}` });
    return {
      course: { code: course.code, name: course.name, activityName: activities.get(course.activity_slug)?.name ?? course.activity_slug },
      session: sessionSummary(session, this.today()),
      members: roster.map((r) => {
        const status = statuses.get(r.participant_id);
        return { participantId: r.participant_id, code: r.code, nickname: r.nickname, status: isAttendanceStatus(status) ? status : null };
      }),
    };
  }

  /**
   * A course's attendance sheet for the import: one row per roster member and session not cancelled, with the status
   * registered so far (empty where none is). Filled in and imported, it registers a whole course at once. A logged read.
   */
  async attendanceSheet(planId: string, caller: Caller, code: string): Promise<{ code: string; rows: string[][] }> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const [sessions, roster] = await Promise.all([repo.listSessions(this.db, planId, scope, course.id), repo.rosterOf(this.db, planId, scope, course)]);
    const rows: string[][] = [];
    for (const s of sessions) {
      if (Number(s.cancelled) === 1) continue;
      const statuses = s.registered > 0 ? await repo.attendanceOf(this.db, s.id) : new Map<string, string>();
      for (const r of roster) rows.push([course.code, String(s.number), danishDate(s.held_on), r.code, statuses.get(r.participant_id) ?? '']);
    }
    if (roster.length > 0) await logPersonalDataRead(this.db, caller.actor, planId, { what: 'fremmøde', count: roster.length, detail: `Regneark med fremmøde for forløb ${course.code}` });
    return { code: course.code, rows };
  }

  /**
   * Saves a session's attendance as a whole: each listed participant gets the status given, and a participant of the
   * roster left out loses any status registered before. Everyone listed must be on the roster and visible; every
   * problem is reported at once and nothing is saved while there is one.
   */
  async saveAttendance(planId: string, caller: Caller, code: string, number: number, entries: AttendanceEntry[]): Promise<{ saved: number; changed: number; removed: number }> {
    const scope = await this.scopeOf(planId, caller.principal);
    const course = await this.visibleCourse(planId, scope, code);
    const session = await repo.findSession(this.db, course.id, number);
    if (!session) throw new NotFoundError(`Forløbet ${course.code} har ingen mødegang nr. ${number}.`);
    const errors: FieldError[] = [];
    if (session.cancelled === 1) errors.push({ field: 'attendance', message: `Mødegang ${number} er aflyst, så der kan ikke registreres fremmøde.` });
    const roster = await repo.rosterOf(this.db, planId, scope, course);
    const byCode = new Map(roster.map((r) => [r.code.toUpperCase(), r]));
    const seen = new Set<string>();
    const at = nowIso(this.clock);
    const rows: AttendanceRow[] = [];
    entries.forEach((e, i) => {
      const c = e.participantCode.trim().toUpperCase();
      const member = byCode.get(c);
      if (!member) errors.push({ field: `attendance[${i}].participantCode`, message: `${c} er ikke på holdlisten for ${course.code}, eller du har ikke adgang til deltageren.` });
      else if (seen.has(c)) errors.push({ field: `attendance[${i}].participantCode`, message: `${c} står to gange.` });
      if (!isAttendanceStatus(e.status)) errors.push({ field: `attendance[${i}].status`, message: `Status for ${c} skal være mødt, afbud eller udeblevet.` });
      seen.add(c);
      if (member && isAttendanceStatus(e.status)) {
        rows.push({ plan_id: planId, session_id: session.id, participant_id: member.participant_id, status: e.status, registered_at: at, registered_by_label: caller.actor.label });
      }
    });
    if (errors.length > 0) throw new ValidationError(errors);
    const left = roster.filter((r) => !seen.has(r.code.toUpperCase())).map((r) => r.participant_id);
    const counts = { mødt: 0, afbud: 0, udeblevet: 0 };
    for (const r of rows) counts[r.status as AttendanceStatus]++;
    return this.db.transaction().execute(async (trx) => {
      const changed = await repo.upsertAttendance(trx, rows);
      const removed = await repo.deleteAttendance(trx, session.id, left);
      if (changed + removed > 0) {
        await recordAudit(trx, caller.actor, {
          action: 'update', entityType: 'attendance', entityId: session.id, planId,
          summary: `Registrerede fremmøde for ${course.code}, mødegang ${number}: ${(Object.keys(counts) as AttendanceStatus[]).map((s) => `${counts[s]} ${ATTENDANCE_LABELS[s].toLowerCase()}`).join(', ')}`,
          after: { ...counts, changed, removed },
        });
      }
      return { saved: rows.length, changed, removed };
    });
  }

  // Import -------------------------------------------------------------------------------------------------------

  /** Imports attendance from a spreadsheet, all or nothing. Imports of one server run one at a time. */
  import(planId: string, caller: Caller, input: ByteSource, meta: { fileName: string; contentType?: string | undefined }): Promise<ImportOutcome> {
    const run = this.lock.then(() => this.doImport(planId, caller, input, meta));
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async doImport(planId: string, caller: Caller, input: ByteSource, meta: { fileName: string; contentType?: string | undefined }): Promise<ImportOutcome> {
    const importId = newId();
    const startedAt = nowIso(this.clock);
    await repo.insertImport(this.db, {
      id: importId, plan_id: planId, kind: ATTENDANCE_IMPORT_KIND, file_name: meta.fileName.slice(0, 255), status: 'running', rows_read: 0, rows_imported: 0,
      rows_unchanged: 0, problem_count: 0, problems: null, created_at: startedAt, created_by: caller.actor.userId, created_by_label: caller.actor.label, finished_at: null,
    });
    const hash = createHash('sha256');
    const hashed = (async function* () {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        hash.update(chunk);
        yield chunk;
      }
    })();
    const problems: ImportProblem[] = [];
    let problemCount = 0;
    const problem = (p: ImportProblem) => {
      problemCount++;
      if (problems.length < PROBLEM_LIMIT) problems.push(p);
    };
    // Rows whose participant is not on the roster: whether the participant is unknown or only off the roster is
    // asked of the database once, for the rows kept to show.
    const unplaced: { problem: ImportProblem; participantCode: string; courseCode: string }[] = [];
    let rowsRead = 0;
    let staged = 0;
    const stager = repo.createAttendanceStager(this.database, importId);
    try {
      const scope = await this.scopeOf(planId, caller.principal);
      // The rosters are read with a join whose plan depends on fresh statistics (see refreshStatistics).
      await refreshStatistics(this.database);
      const sheet = await openSpreadsheet(hashed, meta);
      if ('error' in sheet) problem({ row: 0, column: '', message: sheet.error });
      else {
        const [courses, sessions, roster] = await Promise.all([
          repo.coursesInScope(this.db, planId, scope),
          repo.sessionsInScope(this.db, planId, scope),
          repo.rostersInScope(this.db, planId, scope),
        ]);
        const index = new AttendanceIndex(courses, sessions, roster);
        const seen = new SeenAttendance();
        let reader: ReturnType<typeof createAttendanceRowReader> | null = null;
        let pending: AttendanceStagingRow[] = [];
        try {
          for await (const batch of sheet.rows) {
            for (const row of batch) {
              if (!reader) {
                reader = createAttendanceRowReader(row);
                for (const p of reader.headerProblems) problem(p);
                if (!reader.readable) break;
                continue;
              }
              rowsRead++;
              const read = reader.read(row);
              if (read.kind === 'blank') continue;
              if (read.kind === 'problems') {
                for (const p of read.problems) problem(p);
                continue;
              }
              const resolved = index.resolve(row.row, read.line);
              if (resolved.kind === 'problem') problem(resolved.problem);
              else if (resolved.kind === 'unplaced') {
                const p = unplacedProblem(row.row, resolved.participantCode, resolved.courseCode, false);
                problem(p);
                if (problems[problems.length - 1] === p) unplaced.push({ problem: p, participantCode: resolved.participantCode, courseCode: resolved.courseCode });
              } else {
                const first = seen.firstRowOf(resolved.key, row.row);
                if (first !== null) {
                  problem({ row: row.row, column: 'deltagerkode', message: `Samme deltager og mødegang som række ${first}. Hver deltager må kun stå én gang pr. mødegang.` });
                } else if (problemCount === 0) {
                  // Once a problem is found nothing will be stored, so staging stops; reading goes on to find the rest.
                  staged++;
                  pending.push({ import_id: importId, session_id: resolved.sessionId, participant_id: resolved.participantId, status: read.line.status });
                }
              }
            }
            if (reader && !reader.readable) break;
            if (problemCount > 0) pending = [];
            else if (pending.length >= STAGE_BATCH) {
              await stager.add(pending);
              pending = [];
            }
          }
        } catch (error) {
          // A file broken midway (a bad zip, a quote never closed) is a problem of the file, reported like the others.
          if (!(error instanceof SpreadsheetError)) throw error;
          problem({ row: rowsRead + 2, column: '', message: error.message });
        }
        if (!reader) problem({ row: 1, column: '', message: 'Filen er tom. Den første række skal være kolonneoverskrifterne fra skabelonen: forløb; mødegang; dato; deltagerkode; status.' });
        if (problemCount === 0 && pending.length > 0) await stager.add(pending);
        // A reader that stopped early leaves the rest of the upload unread; read it so the client gets its answer.
        for await (const _ of hashed) void _;
      }
      await stager.finish();

      if (unplaced.length > 0) {
        const visible = await repo.visibleCodes(this.db, planId, scope, [...new Set(unplaced.map((u) => u.participantCode))]);
        for (const u of unplaced) Object.assign(u.problem, unplacedProblem(u.problem.row, u.participantCode, u.courseCode, visible.has(u.participantCode)));
      }
      problems.sort((a, b) => a.row - b.row);
      const finishedAt = nowIso(this.clock);
      if (problemCount > 0) {
        await stager.abort();
        await repo.updateImport(this.db, importId, { status: 'rejected', rows_read: rowsRead, problem_count: problemCount, problems: JSON.stringify(problems), finished_at: finishedAt });
        return { importId, status: 'rejected', imported: 0, unchanged: 0, problemCount, problems };
      }
      const outcome = await this.db.transaction().execute(async (trx) => {
        const imported = await repo.mergeStaged(trx, this.database.engine, { planId, importId, at: finishedAt, byLabel: caller.actor.label });
        await repo.clearStaging(trx, importId);
        const unchanged = staged - imported;
        await repo.updateImport(trx, importId, { status: 'imported', rows_read: rowsRead, rows_imported: imported, rows_unchanged: unchanged, problem_count: 0, finished_at: finishedAt });
        await recordAudit(trx, caller.actor, {
          action: 'create', entityType: 'attendance-import', entityId: importId, planId,
          summary: `Importerede fremmøde fra ${meta.fileName}: ${imported} nye eller ændrede, ${unchanged} uændrede (sha256 ${hash.digest('hex').slice(0, 16)})`,
        });
        return { imported, unchanged };
      });
      return { importId, status: 'imported', ...outcome, problemCount: 0, problems: [] };
    } catch (error) {
      await stager.abort().catch(() => undefined);
      await repo.updateImport(this.db, importId, { status: 'failed', rows_read: rowsRead, finished_at: nowIso(this.clock) }).catch(() => undefined);
      throw error;
    }
  }

  /**
   * An import, for the person who made it (or an administrator): its problems name participant codes, and who
   * imported what for which activities is not another partner's business.
   */
  async findImport(planId: string, caller: Caller, importId: string): Promise<ParticipantImportRow> {
    const row = await repo.findImport(this.db, planId, ATTENDANCE_IMPORT_KIND, importId);
    if (!row || !(isAdministrator(caller.principal) || row.created_by === caller.principal.userId)) throw new NotFoundError('Importen findes ikke.');
    return row;
  }

  /** The caller's own latest imports (an administrator's: everyone's). */
  imports(planId: string, caller: Caller, limit = 20): Promise<ParticipantImportRow[]> {
    return repo.listImports(this.db, planId, ATTENDANCE_IMPORT_KIND, limit, isAdministrator(caller.principal) ? null : caller.principal.userId);
  }
}

function isAdministrator(principal: Principal): boolean {
  return principal.roles.includes('administrator');
}

function summaryOf(r: repo.CourseListRow, activities: Map<string, Activity>): CourseSummary {
  return {
    code: r.code,
    name: r.name,
    activitySlug: r.activity_slug,
    activityName: activities.get(r.activity_slug)?.name ?? r.activity_slug,
    areaSlug: r.area_slug,
    startDate: r.start_date,
    endDate: r.end_date,
    plannedSessions: r.planned_sessions === null ? null : Number(r.planned_sessions),
    sessions: r.sessions,
    cancelledSessions: r.cancelled,
    lackingRegistration: r.lacking,
    roster: r.roster,
    nextSession: r.next_session,
  };
}

function sessionSummary(s: repo.SessionListRow, today: string): SessionSummary {
  const cancelled = Number(s.cancelled) === 1;
  return {
    number: s.number,
    heldOn: s.held_on,
    topic: s.topic,
    cancelled,
    state: sessionState({ heldOn: s.held_on, cancelled, registered: s.registered }, today),
    registered: s.registered,
    attended: s.attended,
    notice: s.cancelled_notice,
    absent: s.absent,
  };
}

/** A date typed as 15-09-2025 or sent as 2025-09-15, or null with the problem added. */
function dateField(text: string, field: string, label: string, errors: FieldError[], required: boolean): string | null {
  if (text.trim() === '') {
    if (required) errors.push({ field, message: `Skriv ${label}en, fx 15-09-2025.` });
    return null;
  }
  const parsed = parseDate(text);
  if (typeof parsed !== 'string') {
    errors.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)}en kan ikke læses: ${parsed.error}` });
    return null;
  }
  return parsed;
}
