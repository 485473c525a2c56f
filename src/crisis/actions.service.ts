/**
 * Incidents' action plans (issue 7, item 4): tasks with an owner, a deadline and a status, made by hand or from the
 * template for the incident's situation type (src/crisis/content/action-templates.ts), which carries out the duties the
 * beredskabsplan gives each party (src/crisis/content/duties.ts). Every change is written with its entry in the
 * incident's log (kind `opgave`) and in the audit log, in one transaction. Making the plan from the template twice adds
 * nothing the second time: each task keeps its template key.
 *
 * Who may do what is the routes' business (`beredskab.read` to read, `beredskab.activate` to change); the service
 * tells a reader which tasks are theirs: those of the member rows linked to them, and, for a substitute, the tasks of
 * the member they stand in for.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppServices } from '../app.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { meetingServiceFor, type BodyMember } from '../governance/meetings.service.js';
import { danishDateTime, parseInstantWithOffset } from '../time/copenhagen.js';
import { deadlineState, isTaskStatus, memberLabel, ownMemberIds, planFromTemplate, splitMine, TASK_STATUSES, TASK_STATUS_NAMES, type TaskStatus } from './actions.js';
import * as repo from './actions.repository.js';
import type { OpenTask, Task } from './actions.repository.js';
import { templateFor } from './content/action-templates.js';
import { crisisAccessOf, type CrisisAccess } from './crisis-access.js';
import { crisisLogFor } from './crisis-log.service.js';
import type { CrisisTaskRow } from './crisis.table.js';
import { incidentLabel, loadIncident, type Incident } from './incident.js';
import { situationType } from './levels.js';

export type { OpenTask, Task } from './actions.repository.js';
export { ownMemberIds } from './actions.js';

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 4000;
const MAX_LABEL = 200;

/** A task as a form or the API gives it, before it is checked. Absent fields keep their value on an update. */
export interface TaskInput {
  title?: string;
  description?: string | null;
  /** A crisis-group member (principal or substitute), or null for someone outside the group named in `ownerLabel`. */
  ownerMemberId?: string | null;
  ownerLabel?: string | null;
  organisation?: string | null;
  /** ISO 8601 with offset, or null for no deadline. */
  deadlineAt?: string | null;
  status?: string;
}

/** A task with its deadline in words for now. */
export interface TaskView extends Task {
  deadline: { overdue: boolean; text: string } | null;
}

export interface ActionPlanView {
  incident: Incident;
  access: CrisisAccess;
  /** The reader's own tasks first, then the rest; each open before done, then by deadline. */
  mine: TaskView[];
  others: TaskView[];
  members: BodyMember[];
  /** The template's name for the incident's situation type, and how many of its tasks are not made yet. */
  template: { situationType: string; label: string; missing: number };
  now: Date;
}

export class ActionService {
  constructor(private readonly services: AppServices) {}

  private get database(): Db {
    return this.services.database;
  }

  private members(planId: string): Promise<BodyMember[]> {
    return meetingServiceFor(this.services).members(planId, 'beredskabsgruppe');
  }

  private view(task: Task, now: Date): TaskView {
    return { ...task, deadline: deadlineState(task, now) };
  }

  /** An incident's tasks with their deadlines in words. @throws NotFoundError for another plan's incident */
  async tasks(planId: string, incidentId: string): Promise<TaskView[]> {
    await loadIncident(this.database, planId, incidentId);
    const now = this.services.clock();
    return (await repo.listTasks(this.database.db, planId, incidentId)).map((t) => this.view(t, now));
  }

  /** One task of the incident. @throws NotFoundError */
  async task(planId: string, incidentId: string, taskId: string): Promise<TaskView> {
    const task = await repo.findTask(this.database.db, planId, incidentId, taskId);
    if (!task) throw new NotFoundError('Opgaven findes ikke i hændelsens handleplan.');
    return this.view(task, this.services.clock());
  }

  /** Everything the action-plan page shows to this reader. */
  async plan(principal: Pick<Principal, 'userId' | 'roles'>, planId: string, incidentId: string): Promise<ActionPlanView> {
    const incident = await loadIncident(this.database, planId, incidentId);
    const [access, members, tasks, keys] = await Promise.all([
      crisisAccessOf(this.database, principal, planId),
      this.members(planId),
      repo.listTasks(this.database.db, planId, incidentId),
      repo.templateKeys(this.database.db, planId, incidentId),
    ]);
    const now = this.services.clock();
    const { mine, others } = splitMine(tasks.map((t) => this.view(t, now)), ownMemberIds(access.memberIds, members));
    const missing = planFromTemplate({ situationType: incident.situationType, level: incident.level, levelSetAt: incident.levelSetAt, members, existingKeys: keys }).length;
    const type = templateFor(incident.situationType).situationType;
    return { incident, access, mine, others, members, template: { situationType: type, label: situationType(type)?.label ?? type, missing }, now };
  }

  /**
   * Adds the template's tasks for the incident's situation type that the incident does not have yet: owners are the
   * members holding the roles now, deadlines the template's hours after the level was set. One log entry names them.
   * Returns the tasks added (none when the plan was already made).
   */
  async createFromTemplate(actor: Actor, planId: string, incidentId: string): Promise<Task[]> {
    const members = await this.members(planId);
    return this.database.db.transaction().execute(async (trx) => {
      await repo.lockIncident(trx, this.database.engine, planId, incidentId);
      const incident = await loadIncident(trx, planId, incidentId);
      const keys = await repo.templateKeys(trx, planId, incidentId);
      const planned = planFromTemplate({ situationType: incident.situationType, level: incident.level, levelSetAt: incident.levelSetAt, members, existingKeys: keys });
      if (planned.length === 0) return [];
      const now = nowIso(this.services.clock);
      let order = await repo.nextSortOrder(trx, planId, incidentId);
      const rows: CrisisTaskRow[] = planned.map((p) => ({
        id: newId(),
        plan_id: planId,
        incident_id: incidentId,
        title: p.title,
        description: p.description,
        owner_member_id: p.ownerMemberId,
        owner_label: p.ownerLabel,
        organisation: p.organisation,
        deadline_at: p.deadlineAt,
        status: 'aaben',
        template_key: p.templateKey,
        sort_order: order++,
        created_at: now,
        updated_at: now,
        updated_by_label: actor.label,
      }));
      await repo.insertTasks(trx, rows);
      const type = templateFor(incident.situationType).situationType;
      const label = situationType(type)?.label ?? type;
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'opgave',
        text: `Handleplan oprettet fra skabelonen for «${label}»: ${rows.length === 1 ? '1 opgave' : `${rows.length} opgaver`}.`,
        data: { template: type, tasks: rows.map((r) => ({ id: r.id, title: r.title, owner: r.owner_label, deadlineAt: r.deadline_at })) },
      });
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_task',
        entityId: incidentId,
        summary: `Oprettede ${rows.length} opgaver i handleplanen for ${incidentLabel(incident)} fra skabelonen for «${label}»`,
        planId,
      });
      return rows.map(repo.toTask);
    });
  }

  /** The problems of a task's fields, as the form and the API name them (`deadlineAt` is the API's name). */
  async check(planId: string, input: TaskInput, isNew: boolean): Promise<FieldError[]> {
    return inputErrors(input, await this.members(planId), isNew);
  }

  /** Adds a task by hand. @throws ValidationError, NotFoundError */
  async create(actor: Actor, planId: string, incidentId: string, input: TaskInput): Promise<Task> {
    const members = await this.members(planId);
    const errors = inputErrors(input, members, true);
    if (errors.length > 0) throw new ValidationError(errors, errors.map((e) => e.message).join(' '));
    const owner = ownerOf(input, members);
    return this.database.db.transaction().execute(async (trx) => {
      const incident = await loadIncident(trx, planId, incidentId);
      const now = nowIso(this.services.clock);
      const row: CrisisTaskRow = {
        id: newId(),
        plan_id: planId,
        incident_id: incidentId,
        title: input.title!.trim(),
        description: input.description?.trim() || null,
        owner_member_id: owner.memberId,
        owner_label: owner.label,
        organisation: owner.organisation,
        deadline_at: input.deadlineAt ? parseInstantWithOffset(input.deadlineAt)!.toISOString() : null,
        status: input.status ?? 'aaben',
        template_key: null,
        sort_order: await repo.nextSortOrder(trx, planId, incidentId),
        created_at: now,
        updated_at: now,
        updated_by_label: actor.label,
      };
      await repo.insertTasks(trx, [row]);
      const task = repo.toTask(row);
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'opgave',
        text: `Opgave tilføjet: «${task.title}». ${describe(task)}`,
        data: { taskId: task.id, after: logView(task) },
      });
      await recordAudit(trx, actor, { action: 'create', entityType: 'crisis_task', entityId: task.id, summary: `Tilføjede opgaven «${task.title}» til handleplanen for ${incidentLabel(incident)}`, after: logView(task), planId });
      return task;
    });
  }

  /** Changes the fields given; the others keep their value. @throws ValidationError, NotFoundError */
  async update(actor: Actor, planId: string, incidentId: string, taskId: string, input: TaskInput): Promise<Task> {
    const members = await this.members(planId);
    const errors = inputErrors(input, members, false);
    if (errors.length > 0) throw new ValidationError(errors, errors.map((e) => e.message).join(' '));
    return this.database.db.transaction().execute(async (trx) => {
      const incident = await loadIncident(trx, planId, incidentId);
      const before = await repo.findTask(trx, planId, incidentId, taskId);
      if (!before) throw new NotFoundError('Opgaven findes ikke i hændelsens handleplan.');
      const ownerChanged = input.ownerMemberId !== undefined || input.ownerLabel !== undefined;
      const owner = ownerChanged ? ownerOf({ ownerMemberId: input.ownerMemberId ?? null, ownerLabel: input.ownerLabel ?? null, organisation: input.organisation ?? null }, members) : null;
      const after: Task = {
        ...before,
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
        ...(owner ? { ownerMemberId: owner.memberId, ownerLabel: owner.label, organisation: owner.organisation } : {}),
        ...(!owner && input.organisation !== undefined && before.ownerMemberId === null ? { organisation: input.organisation?.trim() || null } : {}),
        ...(input.deadlineAt !== undefined ? { deadlineAt: input.deadlineAt ? parseInstantWithOffset(input.deadlineAt)!.toISOString() : null } : {}),
        ...(input.status !== undefined ? { status: input.status as TaskStatus } : {}),
        updatedAt: nowIso(this.services.clock),
        updatedByLabel: actor.label,
      };
      const changes = changedFields(before, after);
      if (changes.length === 0) return before;
      await repo.updateTask(trx, planId, taskId, {
        title: after.title,
        description: after.description,
        owner_member_id: after.ownerMemberId,
        owner_label: after.ownerLabel,
        organisation: after.organisation,
        deadline_at: after.deadlineAt,
        status: after.status,
        updated_at: after.updatedAt,
        updated_by_label: after.updatedByLabel,
      });
      const onlyStatus = changes.length === 1 && changes[0] === 'status';
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'opgave',
        text: onlyStatus
          ? `Opgaven «${after.title}» er sat til «${TASK_STATUS_NAMES[after.status]}» (var «${TASK_STATUS_NAMES[before.status]}»).`
          : `Opgaven «${after.title}» er ændret (${changes.map((c) => FIELD_NAMES[c]).join(', ')}). ${describe(after)}`,
        data: { taskId, changed: changes, before: logView(before), after: logView(after) },
      });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_task',
        entityId: taskId,
        summary: onlyStatus
          ? `Satte opgaven «${after.title}» i handleplanen for ${incidentLabel(incident)} til «${TASK_STATUS_NAMES[after.status]}»`
          : `Ændrede opgaven «${after.title}» i handleplanen for ${incidentLabel(incident)}`,
        before: logView(before),
        after: logView(after),
        planId,
      });
      return after;
    });
  }

  /** Sets a task's status only (the one-tap buttons). */
  setStatus(actor: Actor, planId: string, incidentId: string, taskId: string, status: string): Promise<Task> {
    return this.update(actor, planId, incidentId, taskId, { status });
  }
}

const FIELD_NAMES = { title: 'titel', description: 'beskrivelse', owner: 'ansvarlig', organisation: 'organisation', deadlineAt: 'frist', status: 'status' } as const;
type ChangedField = keyof typeof FIELD_NAMES;

function changedFields(before: Task, after: Task): ChangedField[] {
  const changed: ChangedField[] = [];
  if (before.title !== after.title) changed.push('title');
  if (before.description !== after.description) changed.push('description');
  if (before.ownerMemberId !== after.ownerMemberId || before.ownerLabel !== after.ownerLabel) changed.push('owner');
  else if (before.organisation !== after.organisation) changed.push('organisation');
  if (before.deadlineAt !== after.deadlineAt) changed.push('deadlineAt');
  if (before.status !== after.status) changed.push('status');
  return changed;
}

function logView(t: Task) {
  return { title: t.title, description: t.description, owner: t.ownerLabel, ownerMemberId: t.ownerMemberId, organisation: t.organisation, deadlineAt: t.deadlineAt, status: t.status };
}

/** «Ansvarlig: …. Frist: …. Status: Åben.» for the log. */
function describe(t: Task): string {
  const org = t.organisation ? `, ${t.organisation}` : '';
  const deadline = t.deadlineAt ? danishDateTime(t.deadlineAt) : 'ingen';
  return `Ansvarlig: ${t.ownerLabel}${org}. Frist: ${deadline}. Status: ${TASK_STATUS_NAMES[t.status]}.`;
}

function ownerOf(input: Pick<TaskInput, 'ownerMemberId' | 'ownerLabel' | 'organisation'>, members: readonly BodyMember[]): { memberId: string | null; label: string; organisation: string | null } {
  const member = input.ownerMemberId ? members.find((m) => m.id === input.ownerMemberId) : undefined;
  if (member) return { memberId: member.id, label: memberLabel(member), organisation: member.organisation };
  return { memberId: null, label: (input.ownerLabel ?? '').trim(), organisation: input.organisation?.trim() || null };
}

function inputErrors(input: TaskInput, members: readonly BodyMember[], isNew: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (isNew || input.title !== undefined) {
    const title = (input.title ?? '').trim();
    if (title === '') errors.push({ field: 'title', message: 'Skriv, hvad opgaven går ud på.' });
    else if (title.length > MAX_TITLE) errors.push({ field: 'title', message: `Opgaven må højst være ${MAX_TITLE} tegn.` });
  }
  if (input.description && input.description.length > MAX_DESCRIPTION) errors.push({ field: 'description', message: `Beskrivelsen må højst være ${MAX_DESCRIPTION.toLocaleString('da-DK')} tegn.` });
  if (isNew || input.ownerMemberId !== undefined || input.ownerLabel !== undefined) {
    if (input.ownerMemberId) {
      if (!members.some((m) => m.id === input.ownerMemberId)) errors.push({ field: 'ownerMemberId', message: 'Vælg en ansvarlig blandt beredskabsgruppens medlemmer, eller skriv navnet på en ansvarlig uden for gruppen.' });
    } else {
      const label = (input.ownerLabel ?? '').trim();
      if (label === '') errors.push({ field: 'ownerLabel', message: 'Vælg en ansvarlig i beredskabsgruppen, eller skriv navnet på en ansvarlig uden for gruppen, fx Brandvæsenet.' });
      else if (label.length > MAX_LABEL) errors.push({ field: 'ownerLabel', message: `Den ansvarlige må højst være ${MAX_LABEL} tegn.` });
    }
  }
  if (input.organisation && input.organisation.trim().length > MAX_LABEL) errors.push({ field: 'organisation', message: `Organisationen må højst være ${MAX_LABEL} tegn.` });
  if (input.deadlineAt && !parseInstantWithOffset(input.deadlineAt)) {
    errors.push({ field: 'deadlineAt', message: `Fristen skal være et tidspunkt i ISO 8601 med tidszone, fx 2026-03-28T20:30:00+01:00, ikke «${input.deadlineAt}».` });
  }
  if (input.status !== undefined && !isTaskStatus(input.status)) {
    errors.push({ field: 'status', message: `Vælg en status: ${TASK_STATUSES.map((s) => `«${TASK_STATUS_NAMES[s]}» (${s})`).join(', ')}.` });
  }
  return errors;
}

/**
 * The tasks not done or cancelled of the incidents activated in the period (`from` inclusive, `to` exclusive; ISO
 * instants, either end open), with each incident's number: for the annual status meeting's summary.
 */
export async function openTasks(database: Db, planId: string, period: { from?: string; to?: string } = {}): Promise<{ count: number; tasks: OpenTask[] }> {
  const norm = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);
  const from = norm(period.from);
  const to = norm(period.to);
  const tasks = await repo.listOpenTasks(database.db, planId, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
  return { count: tasks.length, tasks };
}

const instances = new WeakMap<object, ActionService>();

/** One ActionService per app. */
export function actionServiceFor(services: AppServices): ActionService {
  let service = instances.get(services);
  if (!service) {
    service = new ActionService(services);
    instances.set(services, service);
  }
  return service;
}
