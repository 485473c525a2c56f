/**
 * Milestone plans (milepælsplaner) and the flags the steering group follows them by (issue 6, item 6). Pure: the
 * governance service stores the milestones and passes today's Danish date (`danishDateOf(new Date())`).
 *
 * The plan's rules (helhedsplan-randers-2025-29.ocr.txt):
 * - each sub-agreement is tied to a milestone plan, the plan's tactical level (lines 79-80);
 * - the steering group follows the sub-goals and deliverables of the sub-agreements and the milestone plans and
 *   makes sure the goals are reached (lines 3343-3345), so it needs to see what is late or about to be.
 *
 * The plan gives no form for a milestone plan and no warning period. Helhed's reading: a milestone has a due date, an
 * owner, a status and the milestones it waits for; «i risiko» looks `DEFAULT_AT_RISK_WITHIN_DAYS` ahead.
 */
import { longDanishDate, parseIsoDate } from '../time/copenhagen.js';
import { daysBetween } from '../time/working-days.js';

/** A milestone's statuses in the order work goes through them. */
export const MILESTONE_STATUSES = ['ikke startet', 'i gang', 'færdig', 'udgået'] as const;

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export function isMilestoneStatus(value: unknown): value is MilestoneStatus {
  return typeof value === 'string' && (MILESTONE_STATUSES as readonly string[]).includes(value);
}

export interface Milestone {
  id: string;
  title: string;
  /** ISO date. */
  dueDate: string;
  /** An organisation or a person, as the secretariat writes it. */
  owner: string;
  status: MilestoneStatus;
  /** ISO date; set exactly when the status is «færdig». */
  completedOn?: string;
  /** Ids of the milestones this one waits for. */
  dependsOn: string[];
  /** The sub-agreement the milestone belongs to, by intervention-area slug. */
  interventionArea: string;
  /** The activity within the sub-agreement, by slug, when the milestone is for one. */
  activity?: string;
  /** A remark from the secretariat or the partner; no rule reads it. */
  note?: string;
}

/** The part of a milestone a problem is about, so that a form can put the message beside the right field. */
export type MilestoneField = 'id' | 'dueDate' | 'completedOn' | 'dependsOn';

export interface MilestoneProblem {
  milestoneId: string;
  field: MilestoneField;
  /** Danish, naming the milestone, for the person who edits the plan. */
  message: string;
}

export type MilestoneFlag = 'forsinket' | 'i risiko' | 'færdig for sent';

export interface MilestoneAssessment {
  milestone: Milestone;
  flag: MilestoneFlag | null;
  /** Why, in Danish with the dates, so a reader can check it; null when there is no flag. */
  reason: string | null;
}

export interface MilestoneAssessmentOptions {
  /** A milestone not yet started is at risk from this many days before its due date (inclusive). */
  atRiskWithinDays?: number;
}

export interface MilestonePlanSummary {
  interventionArea: string;
  counts: Record<MilestoneFlag, number> & { 'uden flag': number };
  /** Open milestones due today or later, earliest first. */
  nextDue: Milestone[];
}

/** Two weeks: long enough to act on between two of the secretariat's weekly looks. The plan states no period. */
export const DEFAULT_AT_RISK_WITHIN_DAYS = 14;

/** How many upcoming milestones a plan summary lists by default. */
export const DEFAULT_NEXT_DUE_COUNT = 3;

function formatDate(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) throw new RangeError(`Datoen skal være på formen ÅÅÅÅ-MM-DD, ikke «${isoDate}».`);
  return longDanishDate(isoDate);
}

const days = (n: number) => (n === 1 ? '1 dag' : `${n} dage`);
const isClosed = (m: Milestone) => m.status === 'færdig' || m.status === 'udgået';

/**
 * What is wrong with a milestone plan, in Danish, one problem per line: malformed dates, duplicate ids, unknown or
 * self dependencies, dependency cycles, «færdig» without a completion date (or the reverse), and a milestone due
 * before one it depends on. An empty list means the plan can be assessed.
 */
export function validateMilestonePlan(milestones: readonly Milestone[]): MilestoneProblem[] {
  const problems: MilestoneProblem[] = [];
  const byId = new Map<string, Milestone>();
  const add = (m: Milestone, field: MilestoneField, message: string) => problems.push({ milestoneId: m.id, field, message });

  for (const m of milestones) {
    if (byId.has(m.id)) add(m, 'id', `Milepælen «${m.title}» har samme id («${m.id}») som «${byId.get(m.id)!.title}».`);
    else byId.set(m.id, m);
  }

  for (const m of milestones) {
    const dueValid = parseIsoDate(m.dueDate) !== null;
    if (!dueValid) add(m, 'dueDate', `Milepælen «${m.title}» har fristen «${m.dueDate}», som ikke er en dato på formen ÅÅÅÅ-MM-DD.`);
    if (m.completedOn !== undefined && parseIsoDate(m.completedOn) === null) {
      add(m, 'completedOn', `Milepælen «${m.title}» har færdigdatoen «${m.completedOn}», som ikke er en dato på formen ÅÅÅÅ-MM-DD.`);
    }
    if (m.status === 'færdig' && m.completedOn === undefined) add(m, 'completedOn', `Milepælen «${m.title}» er færdig, men mangler datoen, den blev færdig.`);
    if (m.status !== 'færdig' && m.completedOn !== undefined) {
      add(m, 'completedOn', `Milepælen «${m.title}» har en færdigdato, men status er «${m.status}»: sæt status til «færdig» eller fjern datoen.`);
    }
    for (const depId of m.dependsOn) {
      if (depId === m.id) {
        add(m, 'dependsOn', `Milepælen «${m.title}» afhænger af sig selv.`);
        continue;
      }
      const dep = byId.get(depId);
      if (!dep) {
        add(m, 'dependsOn', `Milepælen «${m.title}» afhænger af «${depId}», som ikke er en milepæl i planen.`);
        continue;
      }
      if (dueValid && parseIsoDate(dep.dueDate) && m.dueDate < dep.dueDate) {
        add(m, 'dueDate', `Milepælen «${m.title}» har frist ${formatDate(m.dueDate)}, før «${dep.title}», som den afhænger af, har frist ${formatDate(dep.dueDate)}.`);
      }
    }
  }

  for (const cycle of dependencyCycles(milestones, byId)) {
    const names = [...cycle, cycle[0]!].map((m) => `«${m.title}»`).join(' → ');
    add(cycle[0]!, 'dependsOn', `Milepælen «${cycle[0]!.title}» indgår i en kreds af afhængigheder: ${names}.`);
  }
  return problems;
}

/**
 * Each cycle once, as its milestones in dependency order (each depends on the next, the last on the first), starting
 * from the one met first in the plan. Self-dependencies are left to their own, plainer message.
 */
function dependencyCycles(milestones: readonly Milestone[], byId: Map<string, Milestone>): Milestone[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: Milestone[] = [];
  const cycles: Milestone[][] = [];
  const seen = new Set<string>();

  const visit = (m: Milestone) => {
    state.set(m.id, 'visiting');
    stack.push(m);
    for (const depId of m.dependsOn) {
      if (depId === m.id) continue;
      const dep = byId.get(depId);
      if (!dep) continue;
      if (state.get(dep.id) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(dep));
        const key = cycle.map((c) => c.id).sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(dep.id)) visit(dep);
    }
    stack.pop();
    state.set(m.id, 'done');
  };
  for (const m of milestones) if (!state.has(m.id)) visit(m);
  return cycles;
}

/**
 * Flags each milestone for the steering group, on `today` (ISO):
 * - «forsinket» when its due date has passed (the day after it, not on it) and it is neither «færdig» nor «udgået»;
 * - «i risiko» when it is not started and due within `atRiskWithinDays` (today and the last day included); when a
 *   milestone it depends on is «udgået», or not done and due after it; or when a milestone it waits for, directly or
 *   through a chain of unfinished milestones, is «forsinket»;
 * - «færdig for sent» when it was completed after its due date, kept for the record;
 * - null otherwise. Unknown dependency ids are skipped here: `validateMilestonePlan` reports them.
 *
 * Throws a RangeError for a malformed `today` or due date: validate the plan first.
 */
export function assessMilestones(
  milestones: readonly Milestone[],
  today: string,
  options: MilestoneAssessmentOptions = {},
): MilestoneAssessment[] {
  const within = options.atRiskWithinDays ?? DEFAULT_AT_RISK_WITHIN_DAYS;
  if (!parseIsoDate(today)) throw new RangeError(`Dagens dato skal være på formen ÅÅÅÅ-MM-DD, ikke «${today}».`);
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const isOverdue = (m: Milestone) => !isClosed(m) && today > m.dueDate;

  /** The first overdue milestone upstream of `m` through unfinished ones, with the path to it (nearest first). */
  const overdueUpstream = (m: Milestone): Milestone[] | null => {
    const visited = new Set<string>([m.id]);
    const queue: Milestone[][] = m.dependsOn.flatMap((id) => (byId.has(id) ? [[byId.get(id)!]] : []));
    while (queue.length > 0) {
      const path = queue.shift()!;
      const dep = path[path.length - 1]!;
      if (visited.has(dep.id) || isClosed(dep)) continue;
      visited.add(dep.id);
      if (isOverdue(dep)) return path;
      for (const id of dep.dependsOn) if (byId.has(id)) queue.push([...path, byId.get(id)!]);
    }
    return null;
  };

  return milestones.map((m): MilestoneAssessment => {
    if (m.status === 'færdig') {
      if (m.completedOn !== undefined && m.completedOn > m.dueDate) {
        const late = daysBetween(m.dueDate, m.completedOn);
        return {
          milestone: m,
          flag: 'færdig for sent',
          reason: `Færdig ${formatDate(m.completedOn)}, ${days(late)} efter fristen ${formatDate(m.dueDate)}.`,
        };
      }
      return { milestone: m, flag: null, reason: null };
    }
    if (m.status === 'udgået') return { milestone: m, flag: null, reason: null };

    if (isOverdue(m)) {
      const late = daysBetween(m.dueDate, today);
      return {
        milestone: m,
        flag: 'forsinket',
        reason: `Fristen var ${formatDate(m.dueDate)}, for ${days(late)} siden, og milepælen er ${m.status}.`,
      };
    }

    const reasons: string[] = [];
    const left = daysBetween(today, m.dueDate);
    if (m.status === 'ikke startet' && left <= within) {
      const when = left === 0 ? 'i dag' : `om ${days(left)}`;
      reasons.push(`Fristen er ${formatDate(m.dueDate)}, ${when}, og milepælen er ikke startet.`);
    }
    for (const id of m.dependsOn) {
      const dep = byId.get(id);
      if (!dep || dep.id === m.id) continue;
      if (dep.status === 'udgået') reasons.push(`Den afhænger af «${dep.title}», som er udgået.`);
      else if (dep.status !== 'færdig' && dep.dueDate > m.dueDate) {
        reasons.push(`Den afhænger af «${dep.title}», som har frist ${formatDate(dep.dueDate)}, efter denne milepæls frist ${formatDate(m.dueDate)}.`);
      }
    }
    const path = overdueUpstream(m);
    if (path) {
      const late = path[path.length - 1]!;
      const via = path.length > 1 ? ` via ${path.slice(0, -1).map((p) => `«${p.title}»`).join(' og ')}` : '';
      reasons.push(`Den afhænger${via} af «${late.title}», som er forsinket: fristen var ${formatDate(late.dueDate)}.`);
    }
    return reasons.length > 0 ? { milestone: m, flag: 'i risiko', reason: reasons.join(' ') } : { milestone: m, flag: null, reason: null };
  });
}

/**
 * One summary per milestone plan (sub-agreement), in the order the plans first appear: how many milestones carry each
 * flag, and the next open milestones due (today or later, earliest first, at most `nextDueCount`).
 */
export function summarizeMilestonePlans(
  assessments: readonly MilestoneAssessment[],
  today: string,
  nextDueCount: number = DEFAULT_NEXT_DUE_COUNT,
): MilestonePlanSummary[] {
  const plans = new Map<string, MilestoneAssessment[]>();
  for (const a of assessments) {
    const list = plans.get(a.milestone.interventionArea) ?? [];
    list.push(a);
    plans.set(a.milestone.interventionArea, list);
  }
  return [...plans].map(([interventionArea, list]) => {
    const counts = { forsinket: 0, 'i risiko': 0, 'færdig for sent': 0, 'uden flag': 0 };
    for (const a of list) counts[a.flag ?? 'uden flag']++;
    const nextDue = list
      .map((a) => a.milestone)
      .filter((m) => !isClosed(m) && m.dueDate >= today)
      .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0))
      .slice(0, nextDueCount);
    return { interventionArea, counts, nextDue };
  });
}

/** The milestones that wait for `id` directly, in plan order: those a deletion of it would leave dangling. */
export function dependentsOf(milestones: readonly Milestone[], id: string): Milestone[] {
  return milestones.filter((m) => m.id !== id && m.dependsOn.includes(id));
}
