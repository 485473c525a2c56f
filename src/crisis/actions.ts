/**
 * The rules of an incident's action plan (issue 7, item 4), with no I/O: the task statuses, how a template becomes
 * tasks for the crisis group as it is now (owner, organisation, deadline), when a task is overdue, and the order a
 * member reads them in (their own first). The service stores what these rules decide.
 */
import { ACTION_TEMPLATES, templateFor, type TemplateTask } from './content/action-templates.js';
import { ALL_MEMBERS, dutyByKey, lineText } from './content/duties.js';
import { timeLeft } from './deadlines.js';
import type { CrisisLevel } from './levels.js';

export type TaskStatus = 'aaben' | 'i_gang' | 'udfoert' | 'annulleret';
export const TASK_STATUSES: readonly TaskStatus[] = ['aaben', 'i_gang', 'udfoert', 'annulleret'];
export const TASK_STATUS_NAMES: Record<TaskStatus, string> = { aaben: 'Åben', i_gang: 'I gang', udfoert: 'Udført', annulleret: 'Annulleret' };

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

/** Still to be done: open or in progress. */
export function isOpenStatus(status: string): boolean {
  return status === 'aaben' || status === 'i_gang';
}

/** A crisis-group member as the templates need them. */
export interface GroupMember {
  id: string;
  role: string;
  organisation: string;
  name: string | null;
  /** Null for a principal member; the principal's id for a substitute. */
  substituteFor: string | null;
}

/** A task to store, made from a template. */
export interface PlannedTask {
  templateKey: string;
  title: string;
  description: string;
  ownerMemberId: string | null;
  ownerLabel: string;
  organisation: string | null;
  deadlineAt: string;
}

/** «Louise Hou Kragh (Chef for bystrategisk udvikling)», or the role alone when the member has no name. */
export function memberLabel(m: Pick<GroupMember, 'name' | 'role'>): string {
  return m.name ? `${m.name} (${m.role})` : m.role;
}

/** Where a template task comes from, in words for the page and the task's description. */
export function sourceText(task: Pick<TemplateTask, 'source'>): string {
  if (task.source === 'helhed') return 'Helheds forslag (ikke en pligt i beredskabsplanen)';
  const refs = task.source.duties.map((key) => dutyByKey(key)).filter((d) => d !== undefined);
  const lines = refs.map((d) => (d.ref.lines[0] === d.ref.lines[1] ? `${d.ref.lines[0]}` : `${d.ref.lines[0]}-${d.ref.lines[1]}`));
  return `Beredskabsplanens pligt (linje ${[...new Set(lines)].join(', ')})`;
}

/**
 * What a task made from a template says of its origin, kept with the task: the duties it carries out in the plan's
 * words with their lines, or that it is Helhed's suggestion.
 */
export function sourceDescription(task: Pick<TemplateTask, 'source'>): string {
  if (task.source === 'helhed') return 'Helheds forslag – ikke en pligt i beredskabsplanen.';
  const duties = task.source.duties.map((key) => dutyByKey(key)).filter((d) => d !== undefined);
  return `Beredskabsplanens pligt: ${duties.map((d) => `«${d.text.replace(/\.$/, '')}» (${lineText(d.ref)})`).join('; ')}.`;
}

/** The member rows whose tasks are a reader's: their own, and those of the principals they stand in for. */
export function ownMemberIds(memberIds: readonly string[], members: readonly Pick<GroupMember, 'id' | 'substituteFor'>[]): string[] {
  const ids = new Set(memberIds);
  for (const m of members) if (ids.has(m.id) && m.substituteFor) ids.add(m.substituteFor);
  return [...ids];
}

/**
 * The tasks a template adds to an incident: each owned by the principal member who holds the task's role now (a task
 * for «alle» once per principal member), due the template's hours after the level was set. A task whose key the
 * incident already has is left out, so making the plan again adds nothing twice. A role no member holds gives a task
 * without an owner, named by the role, for the group to hand out.
 */
export function planFromTemplate(options: {
  situationType: string;
  level: CrisisLevel;
  levelSetAt: string;
  members: readonly GroupMember[];
  existingKeys: ReadonlySet<string>;
}): PlannedTask[] {
  const template = templateFor(options.situationType);
  const principals = options.members.filter((m) => m.substituteFor === null);
  const base = new Date(options.levelSetAt).getTime();
  const planned: PlannedTask[] = [];
  for (const task of template.tasks) {
    const deadlineAt = new Date(base + task.hours[options.level] * 3_600_000).toISOString();
    const description = sourceDescription(task);
    if (task.role === ALL_MEMBERS) {
      for (const m of principals) {
        const key = `${task.key}@${m.id}`;
        if (!options.existingKeys.has(key)) planned.push({ templateKey: key, title: task.title, description, ownerMemberId: m.id, ownerLabel: memberLabel(m), organisation: m.organisation, deadlineAt });
      }
      continue;
    }
    if (options.existingKeys.has(task.key)) continue;
    const owner = principals.find((m) => m.role === task.role);
    planned.push({
      templateKey: task.key,
      title: task.title,
      description,
      ownerMemberId: owner?.id ?? null,
      ownerLabel: owner ? memberLabel(owner) : `${task.role} (ingen i gruppen har rollen nu)`,
      organisation: owner?.organisation ?? null,
      deadlineAt,
    });
  }
  return planned;
}

/** A task's deadline in words: overdue or time left, only while the task is still to be done. */
export function deadlineState(task: { deadlineAt: string | null; status: string }, now: Date): { overdue: boolean; text: string } | null {
  if (!task.deadlineAt || !isOpenStatus(task.status)) return null;
  const left = timeLeft(new Date(task.deadlineAt), now);
  return left.overdue ? { overdue: true, text: `Fristen er overskredet for ${left.text} siden` } : { overdue: false, text: `${left.text} tilbage` };
}

/** Tasks in reading order: open before done or cancelled, then by deadline (none last), then as made. */
export function sortTasks<T extends { status: string; deadlineAt: string | null; sortOrder: number }>(tasks: readonly T[]): T[] {
  const rank = (t: T) => (isOpenStatus(t.status) ? 0 : 1);
  return [...tasks].sort(
    (a, b) => rank(a) - rank(b) || (a.deadlineAt ?? '9999').localeCompare(b.deadlineAt ?? '9999') || a.sortOrder - b.sortOrder,
  );
}

/** The reader's own tasks («Mine opgaver») and the rest, each in reading order. */
export function splitMine<T extends { ownerMemberId: string | null; status: string; deadlineAt: string | null; sortOrder: number }>(
  tasks: readonly T[],
  memberIds: readonly string[],
): { mine: T[]; others: T[] } {
  const ids = new Set(memberIds);
  const sorted = sortTasks(tasks);
  return { mine: sorted.filter((t) => t.ownerMemberId !== null && ids.has(t.ownerMemberId)), others: sorted.filter((t) => t.ownerMemberId === null || !ids.has(t.ownerMemberId)) };
}

export { ACTION_TEMPLATES, templateFor };
