/**
 * All SQL of courses, their sessions, rosters (enrolments placed on a course) and attendance, and of the attendance
 * import: rows staged in `attendance_staging` (SQLite: prepared statements on the raw handle; PostgreSQL: COPY), then
 * merged into `attendance` with one set-based statement.
 *
 * Every query that returns participants applies `visibleParticipants`; courses are narrowed to the activities the scope
 * covers with `coveredActivities`.
 */
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { CopyIn } from '../db/copy-in.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AttendanceRow, AttendanceStagingRow, CourseRow, CourseSessionRow } from '../participants/participants.table.js';
import type { ParticipantScope } from '../participants/access.js';
import { visibleParticipants } from '../participants/access.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The condition that keeps a query on `courses` to the activities a scope covers. */
function coveredActivities(eb: ExpressionBuilder<Database, 'courses'>, scope: ParticipantScope) {
  if (scope.kind === 'all') return eb.lit(true);
  if (scope.kind === 'none' || scope.activitySlugs.length === 0) return eb.lit(false);
  return eb('courses.activity_slug', 'in', scope.activitySlugs as string[]);
}

// Courses ----------------------------------------------------------------------------------------------------------

export async function insertCourse(db: Q, row: CourseRow): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

export function findCourseByCode(db: Q, planId: string, code: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
}

export interface CourseListRow extends CourseRow {
  sessions: number;
  cancelled: number;
  lacking: number;
  roster: number;
  next_session: string | null;
}

/**
 * Courses of the activities the scope covers, newest first, with their number of sessions, cancelled sessions,
 * sessions whose day has come without any registration, roster size and next session.
 */
export async function listCourses(db: Q, planId: string, scope: ParticipantScope, filter: { activitySlug?: string | undefined; today: string; limit: number }): Promise<CourseListRow[]> {
  let query = db
    .selectFrom('courses')
    .selectAll('courses')
    .select((eb) => [
      eb.selectFrom('course_sessions as s').select((x) => x.fn.countAll<number>().as('n')).whereRef('s.course_id', '=', 'courses.id').as('sessions'),
      eb.selectFrom('course_sessions as s').select((x) => x.fn.countAll<number>().as('n')).whereRef('s.course_id', '=', 'courses.id').where('s.cancelled', '=', 1).as('cancelled'),
      eb
        .selectFrom('course_sessions as s')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('s.course_id', '=', 'courses.id')
        .where('s.cancelled', '=', 0)
        .where('s.held_on', '<=', filter.today)
        .where((x) => x.not(x.exists(x.selectFrom('attendance as a').select('a.session_id').whereRef('a.session_id', '=', 's.id'))))
        .as('lacking'),
      eb
        .selectFrom('enrolments as e')
        .select((x) => x.fn.count<number>('e.participant_id').distinct().as('n'))
        .whereRef('e.course_id', '=', 'courses.id')
        .whereRef('e.activity_slug', '=', 'courses.activity_slug')
        .as('roster'),
      eb
        .selectFrom('course_sessions as s')
        .select((x) => x.fn.min('s.held_on').as('d'))
        .whereRef('s.course_id', '=', 'courses.id')
        .where('s.cancelled', '=', 0)
        .where('s.held_on', '>=', filter.today)
        .as('next_session'),
    ])
    .where('courses.plan_id', '=', planId)
    .where((eb) => coveredActivities(eb, scope));
  if (filter.activitySlug) query = query.where('courses.activity_slug', '=', filter.activitySlug);
  const rows = await query.orderBy('courses.start_date', 'desc').orderBy('courses.code').limit(filter.limit).execute();
  return rows.map((r) => ({
    ...r,
    planned_sessions: r.planned_sessions === null ? null : Number(r.planned_sessions),
    sessions: Number(r.sessions ?? 0),
    cancelled: Number(r.cancelled ?? 0),
    lacking: Number(r.lacking ?? 0),
    roster: Number(r.roster ?? 0),
    next_session: (r.next_session as string | null) ?? null,
  }));
}

// Sessions ---------------------------------------------------------------------------------------------------------

export async function insertSessions(db: Q, rows: CourseSessionRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('course_sessions').values(rows).execute();
}

export interface SessionListRow extends CourseSessionRow {
  registered: number;
  attended: number;
  cancelled_notice: number;
  absent: number;
}

/** A course's sessions in order, with how many visible participants have each status (registered = any status). */
export async function listSessions(db: Q, planId: string, scope: ParticipantScope, courseId: string): Promise<SessionListRow[]> {
  const counts = (status: string | null) => (eb: ExpressionBuilder<Database, 'course_sessions'>) => {
    let q = eb
      .selectFrom('attendance as a')
      .innerJoin('participants', 'participants.id', 'a.participant_id')
      .select((x) => x.fn.countAll<number>().as('n'))
      .whereRef('a.session_id', '=', 'course_sessions.id')
      .where((x) => visibleParticipants(x, scope, planId));
    if (status) q = q.where('a.status', '=', status);
    return q;
  };
  const rows = await db
    .selectFrom('course_sessions')
    .selectAll('course_sessions')
    .select((eb) => [
      counts(null)(eb).as('registered'),
      counts('mødt')(eb).as('attended'),
      counts('afbud')(eb).as('cancelled_notice'),
      counts('udeblevet')(eb).as('absent'),
    ])
    .where('course_sessions.course_id', '=', courseId)
    .orderBy('course_sessions.number')
    .execute();
  return rows.map((r) => ({
    ...r,
    number: Number(r.number),
    cancelled: Number(r.cancelled),
    registered: Number(r.registered ?? 0),
    attended: Number(r.attended ?? 0),
    cancelled_notice: Number(r.cancelled_notice ?? 0),
    absent: Number(r.absent ?? 0),
  }));
}

export async function findSession(db: Q, courseId: string, number: number): Promise<CourseSessionRow | undefined> {
  const row = await db.selectFrom('course_sessions').selectAll().where('course_id', '=', courseId).where('number', '=', number).executeTakeFirst();
  return row ? { ...row, number: Number(row.number), cancelled: Number(row.cancelled) } : undefined;
}

export async function maxSessionNumber(db: Q, courseId: string): Promise<number> {
  const row = await db.selectFrom('course_sessions').select((eb) => eb.fn.max('number').as('n')).where('course_id', '=', courseId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function updateSession(db: Q, id: string, changes: Partial<Pick<CourseSessionRow, 'held_on' | 'topic' | 'cancelled'>>): Promise<void> {
  await db.updateTable('course_sessions').set(changes).where('id', '=', id).execute();
}

// Rosters ----------------------------------------------------------------------------------------------------------

export interface RosterMember {
  participant_id: string;
  code: string;
  nickname: string | null;
  enrolment_id: string;
  enrolment_status: string;
}

/** The course's roster: visible participants whose enrolment in the course's activity is placed on the course. */
export async function rosterOf(db: Q, planId: string, scope: ParticipantScope, course: Pick<CourseRow, 'id' | 'activity_slug'>): Promise<RosterMember[]> {
  const rows = await db
    .selectFrom('enrolments as e')
    .innerJoin('participants', 'participants.id', 'e.participant_id')
    .select(['participants.id as participant_id', 'participants.code', 'participants.nickname', 'e.id as enrolment_id', 'e.status as enrolment_status'])
    .where('e.course_id', '=', course.id)
    .where('e.activity_slug', '=', course.activity_slug)
    .where((eb) => visibleParticipants(eb, scope, planId))
    .orderBy('participants.code')
    .execute();
  // A participant enrolled twice in the activity on the same course appears once.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.participant_id) && seen.add(r.participant_id));
}

export interface RosterCandidate {
  participant_id: string;
  code: string;
  nickname: string | null;
  enrolment_id: string;
  course_code: string | null;
}

/** Visible participants enrolled in the activity and not on this course (on no course first), at most `limit`. */
export async function rosterCandidates(db: Q, planId: string, scope: ParticipantScope, course: Pick<CourseRow, 'id' | 'activity_slug'>, limit: number): Promise<RosterCandidate[]> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('participants', 'participants.id', 'e.participant_id')
    .leftJoin('courses as c', 'c.id', 'e.course_id')
    .select(['participants.id as participant_id', 'participants.code', 'participants.nickname', 'e.id as enrolment_id', 'c.code as course_code'])
    .where('e.plan_id', '=', planId)
    .where('e.activity_slug', '=', course.activity_slug)
    .where('e.status', 'in', ['aktiv', 'venteliste'])
    .where((eb) => eb.or([eb('e.course_id', 'is', null), eb('e.course_id', '<>', course.id)]))
    // Someone enrolled twice, once on this course, is on the roster already.
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('enrolments as o').select('o.id').whereRef('o.participant_id', '=', 'e.participant_id').where('o.course_id', '=', course.id))),
    )
    .where((eb) => visibleParticipants(eb, scope, planId))
    .orderBy(sql`CASE WHEN e.course_id IS NULL THEN 0 ELSE 1 END`)
    .orderBy('participants.code')
    .limit(limit)
    .execute();
}

export interface EnrolmentForCode {
  participant_id: string;
  code: string;
  enrolment_id: string | null;
  course_id: string | null;
  status: string | null;
  start_date: string | null;
}

/**
 * For each given participant code the participant may see: their enrolments in the activity (none gives one row with
 * null enrolment). Codes of participants the scope does not see are simply absent.
 */
export async function enrolmentsForCodes(db: Q, planId: string, scope: ParticipantScope, activitySlug: string, codes: string[]): Promise<EnrolmentForCode[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('participants')
    .leftJoin('enrolments as e', (join) => join.onRef('e.participant_id', '=', 'participants.id').on('e.activity_slug', '=', activitySlug))
    .select(['participants.id as participant_id', 'participants.code', 'e.id as enrolment_id', 'e.course_id', 'e.status', 'e.start_date'])
    .where('participants.code', 'in', codes)
    .where((eb) => visibleParticipants(eb, scope, planId))
    .execute();
}

/** Which of the codes name participants the scope sees (in batches, for the long lists an import can give). */
export async function visibleCodes(db: Q, planId: string, scope: ParticipantScope, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('participants')
      .select('participants.code')
      .where('participants.code', 'in', codes.slice(i, i + 500))
      .where((eb) => visibleParticipants(eb, scope, planId))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

export async function setEnrolmentCourse(db: Q, enrolmentIds: string[], courseId: string | null, updatedAt: string): Promise<void> {
  if (enrolmentIds.length > 0) await db.updateTable('enrolments').set({ course_id: courseId, updated_at: updatedAt }).where('id', 'in', enrolmentIds).execute();
}

// Attendance -------------------------------------------------------------------------------------------------------

export async function attendanceOf(db: Q, sessionId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('attendance').select(['participant_id', 'status']).where('session_id', '=', sessionId).execute();
  return new Map(rows.map((r) => [r.participant_id, r.status]));
}

/** Writes statuses; a row whose status is unchanged is left as it was. Answers how many rows were added or changed. */
export async function upsertAttendance(db: Q, rows: AttendanceRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('attendance')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'participant_id'])
        .doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), registered_at: eb.ref('excluded.registered_at'), registered_by_label: eb.ref('excluded.registered_by_label') }))
        .where((eb) => eb('attendance.status', '<>', eb.ref('excluded.status'))),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** Removes a session's statuses for the given participants (no longer registered). */
export async function deleteAttendance(db: Q, sessionId: string, participantIds: string[]): Promise<number> {
  if (participantIds.length === 0) return 0;
  const result = await db.deleteFrom('attendance').where('session_id', '=', sessionId).where('participant_id', 'in', participantIds).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Import -----------------------------------------------------------------------------------------------------------

export { insertImport, updateImport, findImport, listImports } from '../participants/participant-imports.repository.js';

/** The courses an import may register attendance for: those of the activities the scope covers. */
export function coursesInScope(db: Q, planId: string, scope: ParticipantScope): Promise<Pick<CourseRow, 'id' | 'code' | 'activity_slug'>[]> {
  return db.selectFrom('courses').select(['courses.id', 'courses.code', 'courses.activity_slug']).where('courses.plan_id', '=', planId).where((eb) => coveredActivities(eb, scope)).execute();
}

/** The sessions of the courses the scope covers. */
export async function sessionsInScope(db: Q, planId: string, scope: ParticipantScope): Promise<Pick<CourseSessionRow, 'id' | 'course_id' | 'number' | 'held_on' | 'cancelled'>[]> {
  const rows = await db
    .selectFrom('course_sessions')
    .innerJoin('courses', 'courses.id', 'course_sessions.course_id')
    .select(['course_sessions.id', 'course_sessions.course_id', 'course_sessions.number', 'course_sessions.held_on', 'course_sessions.cancelled'])
    .where('courses.plan_id', '=', planId)
    .where((eb) => coveredActivities(eb as unknown as ExpressionBuilder<Database, 'courses'>, scope))
    .execute();
  return rows.map((r) => ({ ...r, number: Number(r.number), cancelled: Number(r.cancelled) }));
}

/** Every roster place (course, participant) of the courses the scope covers, for participants the scope sees. */
export function rostersInScope(db: Q, planId: string, scope: ParticipantScope): Promise<{ course_id: string; participant_id: string; code: string }[]> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('courses', (join) => join.onRef('courses.id', '=', 'e.course_id').onRef('courses.activity_slug', '=', 'e.activity_slug'))
    .innerJoin('participants', 'participants.id', 'e.participant_id')
    .select(['courses.id as course_id', 'participants.id as participant_id', 'participants.code'])
    .where('courses.plan_id', '=', planId)
    .where((eb) => coveredActivities(eb as unknown as ExpressionBuilder<Database, 'courses'>, scope))
    .where((eb) => visibleParticipants(eb, scope, planId))
    .execute() as Promise<{ course_id: string; participant_id: string; code: string }[]>;
}

/** Puts validated attendance rows of one import aside until the whole file has been read. */
export interface AttendanceStager {
  add(rows: AttendanceStagingRow[]): Promise<void>;
  /** Ends staging: every added row is in the staging table. */
  finish(): Promise<void>;
  /** Abandons staging (after an error): no staged row stays. */
  abort(): Promise<void>;
}

export function createAttendanceStager(database: Db, importId: string): AttendanceStager {
  return database.engine === 'postgres' ? new PostgresStager(database, importId) : new SqliteStager(database, importId);
}

class SqliteStager implements AttendanceStager {
  constructor(
    private readonly database: Db,
    private readonly importId: string,
  ) {}

  async add(rows: AttendanceStagingRow[]): Promise<void> {
    const sqlite = this.database.sqlite!;
    // Holding the query builder's connection keeps other requests' statements out of this batch's transaction; between
    // batches other requests are served, so a long import does not stop the pages.
    await this.database.db.connection().execute(async () => {
      const insert = sqlite.prepare('INSERT INTO attendance_staging (import_id, session_id, participant_id, status) VALUES (?, ?, ?, ?)');
      sqlite.transaction(() => {
        for (const r of rows) insert.run(r.import_id, r.session_id, r.participant_id, r.status);
      })();
    });
  }

  async finish(): Promise<void> {}

  async abort(): Promise<void> {
    await clearStaging(this.database.db, this.importId);
  }
}

class PostgresStager implements AttendanceStager {
  private readonly copy: CopyIn;

  constructor(
    private readonly database: Db,
    private readonly importId: string,
  ) {
    this.copy = new CopyIn(database.pool!, 'COPY attendance_staging (import_id, session_id, participant_id, status) FROM STDIN');
  }

  async add(rows: AttendanceStagingRow[]): Promise<void> {
    // Ids are UUIDs and statuses one of three words: nothing in them needs COPY's escaping.
    let text = '';
    for (const r of rows) text += `${r.import_id}\t${r.session_id}\t${r.participant_id}\t${r.status}\n`;
    await this.copy.write(text);
  }

  async finish(): Promise<void> {
    await this.copy.end();
    // Without statistics the planner takes the staged rows for a handful and probes the attendance key row by row.
    await sql`ANALYZE attendance_staging`.execute(this.database.db);
  }

  async abort(): Promise<void> {
    await this.copy.abort();
    await clearStaging(this.database.db, this.importId);
  }
}

export async function clearStaging(db: Q, importId: string): Promise<void> {
  await db.deleteFrom('attendance_staging').where('import_id', '=', importId).execute();
}

/** Imports left running by a server that stopped never merged anything: they are marked failed and their rows cleared. */
export async function failAbandonedImports(db: Q, kind: string, finishedAt: string): Promise<void> {
  await db.updateTable('participant_imports').set({ status: 'failed', finished_at: finishedAt }).where('kind', '=', kind).where('status', '=', 'running').execute();
  await db.deleteFrom('attendance_staging').execute();
}

/**
 * Moves an import's staged rows into attendance in one statement: a new (session, participant) is added, a changed
 * status replaces the old one, an unchanged status is left alone. Answers how many rows were added or changed. Call
 * inside a transaction.
 */
export async function mergeStaged(trx: Transaction<Database>, engine: 'sqlite' | 'postgres', params: { planId: string; importId: string; at: string; byLabel: string }): Promise<number> {
  // Compiling a plan to machine code costs more than it saves on a statement this simple.
  if (engine === 'postgres') await sql`SET LOCAL jit = off`.execute(trx);
  const result = await sql`
    INSERT INTO attendance (plan_id, session_id, participant_id, status, registered_at, registered_by_label)
    SELECT ${params.planId}, s.session_id, s.participant_id, s.status, ${params.at}, ${params.byLabel}
    FROM attendance_staging s
    WHERE s.import_id = ${params.importId}
    ON CONFLICT (session_id, participant_id) DO UPDATE
      SET status = excluded.status, registered_at = excluded.registered_at, registered_by_label = excluded.registered_by_label
      WHERE attendance.status <> excluded.status`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}
