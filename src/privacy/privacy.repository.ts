/**
 * All SQL of privacy in practice: activity grants, the read log, everything held about one person, erasure and the
 * retention job's selection. Same SQL on both engines; dates are ISO text, instants ISO text or timestamptz.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditLogRow, Database } from '../db/schema.js';
import type {
  ActivityAccessRow,
  AttendanceRow,
  ConsentRow,
  CourseRow,
  EnrolmentRow,
  HouseholdRow,
  OutcomeMeasurementRow,
  ParticipantRow,
  PersonalDataReadRow,
} from '../participants/participants.table.js';

type Q = Kysely<Database> | Transaction<Database>;

// ---- activity access

export interface GrantRow extends ActivityAccessRow {
  organisation_name: string | null;
  user_name: string | null;
  user_email: string | null;
}

export function listGrants(db: Q, planId: string): Promise<GrantRow[]> {
  return db
    .selectFrom('activity_access as g')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .leftJoin('users as u', 'u.id', 'g.user_id')
    .selectAll('g')
    .select(['o.name as organisation_name', 'u.name as user_name', 'u.email as user_email'])
    .where('g.plan_id', '=', planId)
    .orderBy('g.activity_slug')
    .orderBy('g.created_at')
    .execute();
}

export function findGrant(db: Q, planId: string, id: string): Promise<ActivityAccessRow | undefined> {
  return db.selectFrom('activity_access').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export function findSameGrant(db: Q, planId: string, activitySlug: string, to: { organisationId: string | null; userId: string | null }) {
  return db
    .selectFrom('activity_access')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('activity_slug', '=', activitySlug)
    .where((eb) => (to.organisationId ? eb('organisation_id', '=', to.organisationId) : eb('organisation_id', 'is', null)))
    .where((eb) => (to.userId ? eb('user_id', '=', to.userId) : eb('user_id', 'is', null)))
    .executeTakeFirst();
}

export async function insertGrant(db: Q, row: ActivityAccessRow): Promise<void> {
  await db.insertInto('activity_access').values(row).execute();
}

export async function deleteGrant(db: Q, id: string): Promise<void> {
  await db.deleteFrom('activity_access').where('id', '=', id).execute();
}

/**
 * The plan's partner organisations: those with a partner user, or already granted an activity. Organisations made only
 * to hold reported staff hours (the secretariat among them) have nobody who could see a participant.
 */
export function listOrganisations(db: Q, planId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where('o.plan_id', '=', planId)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('role_assignments as r').select('r.id').whereRef('r.organisation_id', '=', 'o.id').where('r.role', '=', 'partner')),
        eb.exists(eb.selectFrom('activity_access as g').select('g.id').whereRef('g.organisation_id', '=', 'o.id')),
      ]),
    )
    .orderBy('o.name')
    .execute();
}

/** Users holding a role in the plan, with the roles; for the access page (secretariat) and the read log's filter. */
export async function listPlanUsers(db: Q, planId: string): Promise<{ id: string; name: string; email: string; roles: string[] }[]> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'u.email', 'r.role'])
    .where('r.plan_id', '=', planId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  const users = new Map<string, { id: string; name: string; email: string; roles: string[] }>();
  for (const r of rows) {
    const user = users.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
    user.roles.push(r.role);
    users.set(r.id, user);
  }
  return [...users.values()];
}

export function findOrganisation(db: Q, planId: string, id: string) {
  return db.selectFrom('organisations').select(['id', 'name']).where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

// ---- the read log

export interface ReadQuery {
  planId: string;
  participantId?: string | undefined;
  actorUserId?: string | undefined;
  what?: string | undefined;
  /** Inclusive lower bound, ISO instant. */
  from?: string | undefined;
  /** Exclusive upper bound, ISO instant. */
  to?: string | undefined;
  limit: number;
  offset: number;
}

export interface ReadLogRow extends PersonalDataReadRow {
  participant_code: string | null;
}

function filteredReads(db: Q, q: ReadQuery) {
  let query = db.selectFrom('personal_data_reads as r').where('r.plan_id', '=', q.planId);
  if (q.participantId) query = query.where('r.participant_id', '=', q.participantId);
  if (q.actorUserId) query = query.where('r.actor_user_id', '=', q.actorUserId);
  if (q.what) query = query.where('r.what', '=', q.what);
  if (q.from) query = query.where('r.at', '>=', q.from);
  if (q.to) query = query.where('r.at', '<', q.to);
  return query;
}

/**
 * A page of reads, newest first. Ordered by time alone, so the (plan, at) and (participant, at) indexes give the page
 * without sorting the log; two reads in the same millisecond may swap places between pages.
 */
export function listReads(db: Q, q: ReadQuery): Promise<ReadLogRow[]> {
  return filteredReads(db, q)
    .leftJoin('participants as p', 'p.id', 'r.participant_id')
    .selectAll('r')
    .select('p.code as participant_code')
    .orderBy('r.at', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

/**
 * How many reads match, counted up to `cap` (then `cap` is returned): the log grows by thousands a day, and a page
 * needs to know only whether there is more to page through, not the exact size of a year of it.
 */
export async function countReads(db: Q, q: ReadQuery, cap: number): Promise<number> {
  const row = await db
    .selectFrom(filteredReads(db, q).select('r.id').limit(cap).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- one person

export function findParticipantByCode(db: Q, planId: string, code: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('participants').selectAll().where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
}

export interface PersonData {
  participant: ParticipantRow;
  household: HouseholdRow | null;
  consents: ConsentRow[];
  enrolments: EnrolmentRow[];
  courses: CourseRow[];
  attendance: (AttendanceRow & { held_on: string; session_number: number; course_id: string })[];
  outcomes: OutcomeMeasurementRow[];
  reads: PersonalDataReadRow[];
  audit: AuditLogRow[];
}

/** Everything Helhed holds about one participant, in the order a reader meets it. */
export async function readPersonData(db: Q, participant: ParticipantRow): Promise<PersonData> {
  const id = participant.id;
  const household = participant.household_id
    ? ((await db.selectFrom('households').selectAll().where('id', '=', participant.household_id).executeTakeFirst()) ?? null)
    : null;
  const consents = await db.selectFrom('consents').selectAll().where('participant_id', '=', id).orderBy('given_on').orderBy('id').execute();
  const enrolments = await db.selectFrom('enrolments').selectAll().where('participant_id', '=', id).orderBy('start_date').orderBy('id').execute();
  const courseIds = [...new Set(enrolments.map((e) => e.course_id).filter((c): c is string => c !== null))];
  const courses = courseIds.length === 0 ? [] : await db.selectFrom('courses').selectAll().where('id', 'in', courseIds).orderBy('start_date').execute();
  const attendance = await db
    .selectFrom('attendance as a')
    .innerJoin('course_sessions as s', 's.id', 'a.session_id')
    .selectAll('a')
    .select(['s.held_on', 's.number as session_number', 's.course_id'])
    .where('a.participant_id', '=', id)
    .orderBy('s.held_on')
    .orderBy('s.number')
    .execute();
  const outcomes = await db.selectFrom('outcome_measurements').selectAll().where('participant_id', '=', id).orderBy('measure').orderBy('period_start').execute();
  const reads = await db.selectFrom('personal_data_reads').selectAll().where('participant_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  // Entries about the person themself or about a row that is theirs (an enrolment, a consent, a measurement), by the
  // entity types the modules record them under, so the (entity_type, entity_id) index finds them in a long log.
  const related: [string, string[]][] = [
    ['participant', [id]],
    ['consent', consents.map((c) => c.id)],
    ['enrolment', enrolments.map((e) => e.id)],
    ['outcome-measurement', outcomes.map((o) => o.id)],
  ];
  const audit: AuditLogRow[] = [];
  for (const [entityType, ids] of related) {
    for (let i = 0; i < ids.length; i += 500) {
      audit.push(...(await db.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('entity_id', 'in', ids.slice(i, i + 500)).execute()));
    }
  }
  audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return {
    participant,
    household,
    consents,
    enrolments,
    courses: courses.map((c) => ({ ...c, planned_sessions: c.planned_sessions === null ? null : Number(c.planned_sessions) })),
    attendance: attendance.map((a) => ({ ...a, session_number: Number(a.session_number) })),
    outcomes: outcomes.map((o) => ({ ...o, value: o.value === null ? null : Number(o.value) })),
    reads: reads.map((r) => ({ ...r, participant_count: Number(r.participant_count) })),
    audit,
  };
}

/** The reads of one person, newest first (for their page). */
export function readsOfParticipant(db: Q, participantId: string, limit: number): Promise<PersonalDataReadRow[]> {
  return db.selectFrom('personal_data_reads').selectAll().where('participant_id', '=', participantId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Whether an erasure of this code is on record (an erased person's code exists nowhere else). */
export async function erasureOnRecord(db: Q, planId: string, code: string): Promise<AuditLogRow | undefined> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('action', '=', 'erase')
    .where('entity_type', '=', 'participant')
    .where('summary', 'like', `%${code}%`)
    .orderBy('at', 'desc')
    .executeTakeFirst();
}

// ---- erasure

export interface ErasureCounts {
  enrolmentsKept: number;
  attendanceKept: number;
  consentsDeleted: number;
  outcomesDeleted: number;
  householdDeleted: boolean;
}

/**
 * Erases one participant inside the caller's transaction (see privacy.service.ts for which table is deleted and which
 * anonymised, and why). `placeholder` is the anonymous participant that takes over the enrolments and attendance; it
 * is written only when there is something to keep.
 */
export async function eraseParticipant(trx: Transaction<Database>, participant: ParticipantRow, placeholder: ParticipantRow): Promise<ErasureCounts> {
  const id = participant.id;
  const count = async (table: 'enrolments' | 'attendance') =>
    Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('participant_id', '=', id).executeTakeFirstOrThrow()).n);
  const enrolments = await count('enrolments');
  const attendance = await count('attendance');
  if (enrolments + attendance > 0) {
    await trx.insertInto('participants').values(placeholder).execute();
    await trx
      .updateTable('enrolments')
      .set({ participant_id: placeholder.id, findings: null, override_reason: null, override_by_label: null, referred_by: null, updated_at: placeholder.created_at })
      .where('participant_id', '=', id)
      .execute();
    await trx.updateTable('attendance').set({ participant_id: placeholder.id }).where('participant_id', '=', id).execute();
  }
  const consents = await trx.deleteFrom('consents').where('participant_id', '=', id).executeTakeFirst();
  const outcomes = await trx.deleteFrom('outcome_measurements').where('participant_id', '=', id).executeTakeFirst();
  await trx.deleteFrom('participants').where('id', '=', id).execute();
  let householdDeleted = false;
  if (participant.household_id) {
    const left = await trx.selectFrom('participants').select('id').where('household_id', '=', participant.household_id).limit(1).executeTakeFirst();
    if (!left) {
      await trx.deleteFrom('households').where('id', '=', participant.household_id).execute();
      householdDeleted = true;
    }
  }
  return {
    enrolmentsKept: enrolments,
    attendanceKept: attendance,
    consentsDeleted: Number(consents.numDeletedRows),
    outcomesDeleted: Number(outcomes.numDeletedRows),
    householdDeleted,
  };
}

// ---- retention

/**
 * Participants whose personal data is due for erasure: every enrolment ended before `cutoffDate` (a waiting-list place
 * taken before it counts as ended), or never enrolled and registered before `cutoffInstant`. Placeholders of earlier
 * erasures (anonymised) are never due.
 */
export function dueForRetention(db: Q, planId: string, cutoffDate: string, cutoffInstant: string, limit: number): Promise<ParticipantRow[]> {
  return dueQuery(db, planId, cutoffDate, cutoffInstant).selectAll('p').orderBy('p.id').limit(limit).execute();
}

/**
 * How many are due, by the same rule as `dueForRetention`, counted in one pass over the enrolments grouped by
 * participant (probing each participant's enrolments one by one took seconds at 100,000 participants).
 */
export async function countDueForRetention(db: Q, planId: string, cutoffDate: string, cutoffInstant: string): Promise<number> {
  const result = await sql<{ n: number | string }>`
    SELECT
      (SELECT count(*) FROM (
         SELECT e.participant_id FROM enrolments e
         WHERE e.plan_id = ${planId}
         GROUP BY e.participant_id
         HAVING max(CASE WHEN (e.end_date IS NULL AND (e.status <> 'venteliste' OR e.start_date >= ${cutoffDate})) OR e.end_date >= ${cutoffDate} THEN 1 ELSE 0 END) = 0
       ) ended JOIN participants p ON p.id = ended.participant_id
       WHERE p.anonymised_at IS NULL)
    + (SELECT count(*) FROM participants p
       WHERE p.plan_id = ${planId} AND p.anonymised_at IS NULL AND p.created_at < ${cutoffInstant}
         AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id)) AS n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

function dueQuery(db: Q, planId: string, cutoffDate: string, cutoffInstant: string) {
  return db
    .selectFrom('participants as p')
    .where('p.plan_id', '=', planId)
    .where('p.anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb.exists(eb.selectFrom('enrolments as e').select('e.id').whereRef('e.participant_id', '=', 'p.id')),
          eb.not(
            eb.exists(
              eb
                .selectFrom('enrolments as e')
                .select('e.id')
                .whereRef('e.participant_id', '=', 'p.id')
                // Still open, or ended on or after the cut-off. A place on the waiting list since before the cut-off
                // is no use of the data: it counts as ended when it began.
                .where((w) =>
                  w.or([
                    w.and([w('e.end_date', 'is', null), w.or([w('e.status', '<>', 'venteliste'), w('e.start_date', '>=', cutoffDate)])]),
                    w('e.end_date', '>=', cutoffDate),
                  ]),
                ),
            ),
          ),
        ]),
        eb.and([
          eb.not(eb.exists(eb.selectFrom('enrolments as e').select('e.id').whereRef('e.participant_id', '=', 'p.id'))),
          eb('p.created_at', '<', cutoffInstant),
        ]),
      ]),
    );
}

/**
 * How many participants fall due between two dates (the day after `fromDate` up to and including `toDate` as the
 * cut-off moves): all enrolments ended, the last one in [fromDate, toDate).
 */
export async function countFallingDue(db: Q, planId: string, fromDate: string, toDate: string): Promise<{ count: number; first: string | null }> {
  const rows = await sql<{ n: number | string; first: string | null }>`
    SELECT count(*) AS n, min(last_end) AS first FROM (
      SELECT e.participant_id, max(e.end_date) AS last_end
      FROM enrolments e
      WHERE e.plan_id = ${planId}
      GROUP BY e.participant_id
      HAVING count(*) = count(e.end_date) AND max(e.end_date) >= ${fromDate} AND max(e.end_date) < ${toDate}
    ) due JOIN participants p ON p.id = due.participant_id
    WHERE p.anonymised_at IS NULL`.execute(db);
  const row = rows.rows[0];
  return { count: Number(row?.n ?? 0), first: row?.first ?? null };
}

export function lastRetentionRuns(db: Q, limit: number): Promise<AuditLogRow[]> {
  return db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'retention').orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function listPlanIds(db: Q): Promise<{ id: string }[]> {
  return db.selectFrom('plans').select('id').orderBy('created_at').execute();
}
