/**
 * The summary of a year for the crisis group's annual status meeting (issue 7, part 7). The plan (lines 3449-3452):
 * «Der afholdes endvidere et årligt statusmøde, for dels at gennemgå og evaluere aftalte indsatser i løbet af året,
 * dels at drøfte den generelle situation i boligområderne … Det er Bysekretariatet, der er tovholder.»
 *
 * So the summary gathers what the meeting goes through: the year's activations (by level, area and situation type),
 * whether the group met by each deadline, level changes, members whose contact data is not confirmed, actions still
 * open, and the evaluations. Counts and incident facts only: no description, no log text, nothing shared under
 * retsplejelovens § 115, so the summary may be shown to everyone who reads the crisis module and stored as it was.
 * Pure: the service gathers the rows and passes the clock.
 */
import { contactStatus } from './crisis-group.js';
import { EVALUATION_STATUS_NAMES, isEvaluationOverdue, type EvaluationStatus } from './evaluation.js';
import { LEVEL_NAMES, SITUATION_TYPES, situationType, type CrisisLevel } from './levels.js';

export interface SummaryIncident {
  id: string;
  number: number;
  level: CrisisLevel;
  areaSlug: string | null;
  situationType: string;
  activatedAt: string;
  deadlineAt: string;
  meetingHeldAt: string | null;
  stoodDownAt: string | null;
  /** The stored evaluation's status, or null when none is stored (read as «afventer» once stood down). */
  evaluation: EvaluationStatus | null;
}

export interface SummaryLevelChange {
  incidentId: string;
  incidentNumber: number;
  at: string;
  from: CrisisLevel | null;
  to: CrisisLevel | null;
}

export interface SummaryMember {
  role: string;
  organisation: string;
  name: string | null;
  substitute: boolean;
  contactConfirmedAt: string | null;
}

export interface SummaryTask {
  incidentId: string;
  incidentNumber: number;
  title: string;
  ownerLabel: string;
  deadlineAt: string | null;
  status: string;
}

export interface SummaryInput {
  year: number;
  now: Date;
  /** The incidents activated in the year (Danish calendar). */
  incidents: readonly SummaryIncident[];
  /** Level changes recorded in the year (general log entries only). */
  levelChanges: readonly SummaryLevelChange[];
  /** The crisis group's members. */
  members: readonly SummaryMember[];
  staleAfterMonths: number;
  /** Actions neither done nor cancelled, of incidents activated up to the year's end. */
  openTasks: readonly SummaryTask[];
  /** Area names by slug, so the stored summary reads without the plan. */
  areaNames: Readonly<Record<string, string>>;
}

/** Whether the group met by the deadline: «overholdt», «overskredet», or «ikke registreret» while it can still be met. */
export type DeadlineOutcome = 'overholdt' | 'overskredet' | 'ikke registreret';
export const DEADLINE_OUTCOMES: readonly DeadlineOutcome[] = ['overholdt', 'overskredet', 'ikke registreret'];

/**
 * Met when the meeting was held at or before the deadline; missed when held after it, or not held (registered) while
 * the deadline has passed; otherwise not registered yet.
 */
export function deadlineOutcome(deadlineAt: string, meetingHeldAt: string | null, now: Date): DeadlineOutcome {
  const deadline = new Date(deadlineAt).getTime();
  if (meetingHeldAt !== null) return new Date(meetingHeldAt).getTime() <= deadline ? 'overholdt' : 'overskredet';
  return now.getTime() > deadline ? 'overskredet' : 'ikke registreret';
}

/**
 * Contact data never confirmed, or not confirmed for the settings' number of months, is stale: the crisis group's own
 * rule (`contactStatus` in crisis-group.ts), so the meeting sees the same members flagged as the group's page does.
 */
export function isStaleContact(confirmedAt: string | null, now: Date, staleAfterMonths: number): boolean {
  return contactStatus(confirmedAt, now, staleAfterMonths).state !== 'bekraeftet';
}

export interface CountBy {
  key: string;
  label: string;
  count: number;
}

export interface StatusSummary {
  year: number;
  /** When the summary was made; what it counts stands as of this instant. */
  generatedAt: string;
  activations: {
    total: number;
    byLevel: { level: CrisisLevel; label: string; count: number }[];
    byArea: CountBy[];
    bySituation: CountBy[];
  };
  deadlines: {
    met: number;
    missed: number;
    notRecorded: number;
    incidents: {
      id: string;
      number: number;
      level: CrisisLevel;
      activatedAt: string;
      deadlineAt: string;
      meetingHeldAt: string | null;
      outcome: DeadlineOutcome;
    }[];
  };
  levelChanges: { total: number; changes: SummaryLevelChange[] };
  staleContacts: {
    total: number;
    staleAfterMonths: number;
    members: { role: string; organisation: string; name: string | null; substitute: boolean; contactConfirmedAt: string | null }[];
  };
  openTasks: { total: number; tasks: SummaryTask[] };
  evaluations: {
    done: number;
    pending: number;
    notNeeded: number;
    /** Still active: not to be evaluated before stand-down. */
    notStoodDown: number;
    /** Pending past the due date (`EVALUATION_DUE_DAYS` after stand-down). */
    overdue: number;
    incidents: { id: string; number: number; status: EvaluationStatus | 'aktiv'; label: string; overdue: boolean }[];
  };
}

/** Counts by key, in the order the keys are first given (the plan's order), then any others by count. */
function countBy(keys: readonly string[], order: readonly string[], label: (key: string) => string): CountBy[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  return [...counts]
    .sort(([a, ca], [b, cb]) => rank(a) - rank(b) || cb - ca || a.localeCompare(b, 'da'))
    .map(([key, count]) => ({ key, label: label(key), count }));
}

/** Several areas, or none named: the incidents whose area is not one of the plan's. */
export const NO_AREA = 'flere-omraader';

/** The summary of the year for the annual status meeting. */
export function buildStatusSummary(input: SummaryInput): StatusSummary {
  const incidents = [...input.incidents].sort((a, b) => a.number - b.number);
  const levels: CrisisLevel[] = ['gul', 'roed'];
  const areaKeys = incidents.map((i) => i.areaSlug ?? NO_AREA);
  const deadlineRows = incidents.map((i) => ({
    id: i.id,
    number: i.number,
    level: i.level,
    activatedAt: i.activatedAt,
    deadlineAt: i.deadlineAt,
    meetingHeldAt: i.meetingHeldAt,
    outcome: deadlineOutcome(i.deadlineAt, i.meetingHeldAt, input.now),
  }));
  const evaluationRows = incidents.map((i) => {
    const status: EvaluationStatus | 'aktiv' = i.stoodDownAt === null ? 'aktiv' : (i.evaluation ?? 'afventer');
    const overdue = status !== 'aktiv' && isEvaluationOverdue(status, i.stoodDownAt, input.now);
    return { id: i.id, number: i.number, status, label: status === 'aktiv' ? 'Ikke afmeldt endnu' : EVALUATION_STATUS_NAMES[status], overdue };
  });
  const stale = input.members.filter((m) => isStaleContact(m.contactConfirmedAt, input.now, input.staleAfterMonths));
  const count = <T,>(rows: readonly T[], test: (row: T) => boolean) => rows.filter(test).length;
  return {
    year: input.year,
    generatedAt: input.now.toISOString(),
    activations: {
      total: incidents.length,
      byLevel: levels.map((level) => ({ level, label: LEVEL_NAMES[level], count: count(incidents, (i) => i.level === level) })),
      byArea: countBy(areaKeys, [...Object.keys(input.areaNames), NO_AREA], (key) => (key === NO_AREA ? 'Flere områder' : (input.areaNames[key] ?? key))),
      bySituation: countBy(
        incidents.map((i) => i.situationType),
        SITUATION_TYPES.map((t) => t.key),
        (key) => situationType(key)?.label ?? key,
      ),
    },
    deadlines: {
      met: count(deadlineRows, (r) => r.outcome === 'overholdt'),
      missed: count(deadlineRows, (r) => r.outcome === 'overskredet'),
      notRecorded: count(deadlineRows, (r) => r.outcome === 'ikke registreret'),
      incidents: deadlineRows,
    },
    levelChanges: {
      total: input.levelChanges.length,
      changes: [...input.levelChanges].sort((a, b) => a.at.localeCompare(b.at)),
    },
    staleContacts: {
      total: stale.length,
      staleAfterMonths: input.staleAfterMonths,
      members: stale.map((m) => ({ role: m.role, organisation: m.organisation, name: m.name, substitute: m.substitute, contactConfirmedAt: m.contactConfirmedAt })),
    },
    openTasks: {
      total: input.openTasks.length,
      tasks: [...input.openTasks].sort((a, b) => a.incidentNumber - b.incidentNumber || (a.deadlineAt ?? '9999').localeCompare(b.deadlineAt ?? '9999')),
    },
    evaluations: {
      done: count(evaluationRows, (r) => r.status === 'udfoert'),
      pending: count(evaluationRows, (r) => r.status === 'afventer' || r.status === 'evalueres'),
      notNeeded: count(evaluationRows, (r) => r.status === 'ikke_noedvendig'),
      notStoodDown: count(evaluationRows, (r) => r.status === 'aktiv'),
      overdue: count(evaluationRows, (r) => r.overdue),
      incidents: evaluationRows,
    },
  };
}
