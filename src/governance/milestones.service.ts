/**
 * Milestone plans (issue 6, item 6): one plan per sub-agreement (intervention area), with milestones for the
 * sub-agreement as a whole or for one of its activities, stored and followed by the steering group (plan lines 79-80,
 * 3343-3345). Every change goes through `validateMilestonePlan` on the whole sub-agreement's plan, inside the
 * transaction that writes it, so a cycle, an unknown dependency or a due date before a dependency's is refused with
 * the milestones named and nothing is stored. Every change is audited.
 *
 * Who may change what: the secretariat and administrators (`governance.manage`) everything; a partner
 * (`activities.report`) only the status and completion date of milestones of activities its organisation works in
 * (the activity grants of `src/participants/access*.ts`). A milestone of the sub-agreement as a whole is the
 * secretariat's. A milestone the principal may not change is reported as not found, as for participants.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { permissionsOf } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { grantedActivities } from '../participants/access.repository.js';
import type { Activity } from '../plan/content/types.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf, parseIsoDate } from '../time/copenhagen.js';
import type { ImportProblem } from '../activities/import/attendance-rows.js';
import { openSpreadsheet } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError, type ByteSource, type SheetRow } from '../monitoring/import/spreadsheet.js';
import type { MilestoneRow } from './governance.table.js';
import { MAX_MILESTONE_ROWS, readMilestonePlan } from './milestones.import.js';
import {
  assessMilestones,
  dependentsOf,
  isMilestoneStatus,
  MILESTONE_STATUSES,
  summarizeMilestonePlans,
  validateMilestonePlan,
  type Milestone,
  type MilestoneFlag,
  type MilestonePlanSummary,
  type MilestoneStatus,
} from './milestones.js';
import * as repo from './milestones.repository.js';
import type { StoredMilestone } from './milestones.repository.js';

export { seedDemoMilestones } from './milestones.demo.js';
export type { StoredMilestone } from './milestones.repository.js';

const MAX_TITLE = 200;
const MAX_OWNER = 200;
const MAX_NOTE = 2000;

/** A sub-agreement whose milestone plan this is, with the activities a milestone may be for. */
export interface MilestonePlanInfo {
  slug: string;
  name: string;
  activities: { slug: string; name: string }[];
}

/** A stored milestone with its flag for today (`assessMilestones`). */
export interface StoredAssessment {
  milestone: StoredMilestone;
  flag: MilestoneFlag | null;
  reason: string | null;
}

/** A milestone the steering group must look at: late, or about to be. */
export interface FlaggedMilestone {
  id: string;
  title: string;
  flag: 'forsinket' | 'i risiko';
  reason: string;
  interventionArea: string;
  activity: string | null;
  dueDate: string;
  owner: string;
}

/** A milestone as the form and the API give it, before it is checked. */
export interface MilestoneInput {
  interventionArea: string;
  activity: string | null;
  title: string;
  dueDate: string;
  owner: string;
  status: string;
  completedOn: string | null;
  note: string | null;
  dependsOn: string[];
}

export interface StatusInput {
  status: string;
  completedOn: string | null;
}

/** What became of an imported milestone plan: all of it stored, or nothing with every problem by row and column. */
export type MilestoneImportOutcome = { status: 'imported'; count: number } | { status: 'rejected'; problems: ImportProblem[] };

/** Which milestones a principal may set the status of: all, or those of these activities. */
export type StatusScope = { kind: 'all' } | { kind: 'activities'; activitySlugs: ReadonlySet<string> };

const orderFlag: Record<FlaggedMilestone['flag'], number> = { forsinket: 0, 'i risiko': 1 };

export class MilestoneService {
  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
  ) {}

  /** Today's Danish date, which the flags are judged on. */
  today(): string {
    return danishDateOf(this.clock());
  }

  /** The plan's sub-agreements in the plan's order, each with its activities. */
  async planInfo(planId: string): Promise<MilestonePlanInfo[]> {
    const snapshot = await this.plans.snapshot(planId);
    return snapshot.interventionAreas().map((ia) => ({
      slug: ia.data.slug,
      name: ia.data.name,
      activities: snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => ({ slug: a.data.slug, name: a.data.name })),
    }));
  }

  /** One sub-agreement, or a NotFoundError naming the slug. */
  async planOf(planId: string, interventionArea: string): Promise<MilestonePlanInfo> {
    const info = (await this.planInfo(planId)).find((p) => p.slug === interventionArea);
    if (!info) throw new NotFoundError(`Planen har ingen delaftale «${interventionArea}».`);
    return info;
  }

  /**
   * The plan's milestones with their flags on today's date, one sub-agreement's or one activity's when asked. Each
   * sub-agreement's plan is assessed whole, so a milestone waiting on another activity's late one is still at risk.
   */
  async assessed(planId: string, options: { interventionArea?: string; activity?: string } = {}): Promise<StoredAssessment[]> {
    const milestones = await repo.listMilestones(this.database.db, planId, options.interventionArea);
    const assessments = assessMilestones(milestones, this.today()) as StoredAssessment[];
    return options.activity === undefined ? assessments : assessments.filter((a) => (a.milestone.activity ?? '') === options.activity);
  }

  /** One summary per sub-agreement, in the plan's order, those without milestones included (with nothing counted). */
  async summaries(planId: string): Promise<MilestonePlanSummary[]> {
    const [info, assessments] = await Promise.all([this.planInfo(planId), this.assessed(planId)]);
    const summaries = summarizeMilestonePlans(assessments, this.today());
    return info.map(
      (p) =>
        summaries.find((s) => s.interventionArea === p.slug) ?? {
          interventionArea: p.slug,
          counts: { forsinket: 0, 'i risiko': 0, 'færdig for sent': 0, 'uden flag': 0 },
          nextDue: [],
        },
    );
  }

  /** The milestones that are «forsinket» or «i risiko» today, the late ones first, then by due date. */
  async flagged(planId: string): Promise<FlaggedMilestone[]> {
    const flagged: FlaggedMilestone[] = [];
    for (const a of await this.assessed(planId)) {
      if (a.flag !== 'forsinket' && a.flag !== 'i risiko') continue;
      const m = a.milestone;
      flagged.push({ id: m.id, title: m.title, flag: a.flag, reason: a.reason ?? '', interventionArea: m.interventionArea, activity: m.activity ?? null, dueDate: m.dueDate, owner: m.owner });
    }
    return flagged.sort((x, y) => orderFlag[x.flag] - orderFlag[y.flag] || x.dueDate.localeCompare(y.dueDate) || x.title.localeCompare(y.title, 'da'));
  }

  /** One milestone with its flag, or a NotFoundError. */
  async get(planId: string, id: string): Promise<StoredAssessment> {
    const found = await repo.findMilestone(this.database.db, planId, id);
    if (!found) throw new NotFoundError('Milepælen findes ikke.');
    const assessment = (await this.assessed(planId, { interventionArea: found.interventionArea })).find((a) => a.milestone.id === id);
    if (!assessment) throw new NotFoundError('Milepælen findes ikke.');
    return assessment;
  }

  /** Whether the principal may add, edit and delete milestones (the secretariat and administrators). */
  mayManage(principal: Principal): boolean {
    return permissionsOf(principal.roles).has('governance.manage');
  }

  /** Which milestones the principal may set the status of (see the module's comment); none for readers. */
  async statusScope(principal: Principal, planId: string): Promise<StatusScope> {
    if (this.mayManage(principal)) return { kind: 'all' };
    if (!permissionsOf(principal.roles).has('activities.report')) return { kind: 'activities', activitySlugs: new Set() };
    // Partners by their organisation's activities, as in access.ts; a user's own grants count too.
    return { kind: 'activities', activitySlugs: new Set(await grantedActivities(this.database.db, planId, principal.userId, principal.organisationId)) };
  }

  /** Adds a milestone to a sub-agreement's plan, checked with the plan; audited. Returns its id. */
  async create(actor: Actor, planId: string, input: MilestoneInput): Promise<string> {
    const id = newId();
    await this.write(actor, planId, id, input, null);
    return id;
  }

  /** Replaces a milestone's fields and dependencies, checked with the plan; audited. It stays in its sub-agreement. */
  async update(actor: Actor, planId: string, id: string, input: MilestoneInput): Promise<void> {
    const before = await repo.findMilestone(this.database.db, planId, id);
    if (!before) throw new NotFoundError('Milepælen findes ikke.');
    await this.write(actor, planId, id, input, before);
  }

  /**
   * Deletes a milestone. One that others wait for is refused with their names: deleting it would leave them waiting
   * for nothing. Remove the dependencies first, or mark it «udgået», which keeps the history and flags what waited.
   */
  async remove(actor: Actor, planId: string, id: string): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findMilestone(trx, planId, id);
      if (!before) throw new NotFoundError('Milepælen findes ikke.');
      const dependents = dependentsOf(await repo.listMilestones(trx, planId, before.interventionArea), id);
      if (dependents.length > 0) {
        const names = dependents.map((d) => `«${d.title}»`).join(', ');
        throw new ConflictError(
          `Milepælen «${before.title}» kan ikke slettes, fordi ${names} afhænger af den. Fjern afhængigheden fra ${dependents.length === 1 ? 'den' : 'dem'} først, eller sæt milepælens status til «udgået».`,
        );
      }
      await repo.deleteMilestone(trx, planId, id);
      await recordAudit(trx, actor, {
        action: 'delete',
        entityType: 'milestone',
        entityId: id,
        summary: `Slettede milepælen «${before.title}»`,
        before: auditView(before),
        planId,
      });
    });
  }

  /**
   * Sets a milestone's status and completion date (required exactly when «færdig», and not after today). The
   * secretariat may set any; a partner only those of its organisation's activities, others being not found to it.
   * Used by the milestone pages, the API and the partners' data deliveries.
   */
  async setStatus(principal: Principal, actor: Actor, planId: string, id: string, input: StatusInput): Promise<void> {
    const scope = await this.statusScope(principal, planId);
    await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findMilestone(trx, planId, id);
      if (!before || !mayChangeStatus(scope, before)) throw new NotFoundError('Milepælen findes ikke, eller du kan ikke ændre den.');
      const errors = statusErrors(input, this.today());
      if (errors.length > 0) throw new ValidationError(errors);
      const status = input.status as MilestoneStatus;
      const completedOn = status === 'færdig' ? (input.completedOn as string) : null;
      const after: StoredMilestone = { ...before, status, ...(completedOn ? { completedOn } : {}) };
      if (!completedOn) delete after.completedOn;
      const plan = await repo.listMilestones(trx, planId, before.interventionArea);
      const problems = newProblems(plan, plan.map((m) => (m.id === id ? after : m)));
      if (problems.length > 0) throw new ValidationError(problems, problems.map((p) => p.message).join(' '));
      await repo.saveStatus(trx, planId, id, { status, completed_on: completedOn, updated_at: nowIso(this.clock), updated_by_label: actor.label });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'milestone',
        entityId: id,
        summary: `Satte status for milepælen «${before.title}» til «${status}»${completedOn ? ` (færdig ${completedOn})` : ''}`,
        before: { status: before.status, completedOn: before.completedOn ?? null },
        after: { status, completedOn },
        planId,
      });
    });
  }

  /**
   * Adds the milestones of a spreadsheet (`milestones.import.ts`) to a sub-agreement's plan, all or none: the rows are
   * checked with the plan as stored, in the transaction that writes them. Each milestone is audited.
   */
  async importPlan(actor: Actor, planId: string, interventionArea: string, input: ByteSource, meta: { fileName?: string; contentType?: string | undefined } = {}): Promise<MilestoneImportOutcome> {
    const plan = await this.planOf(planId, interventionArea);
    const sheet = await openSpreadsheet(input, meta);
    if ('error' in sheet) return { status: 'rejected', problems: [{ row: 0, column: '', message: sheet.error }] };
    const rows: SheetRow[] = [];
    try {
      for await (const batch of sheet.rows) {
        rows.push(...batch);
        // A header and the most rows a plan may have, and one more to say that there are too many.
        if (rows.length > MAX_MILESTONE_ROWS + 2) break;
      }
    } catch (error) {
      if (!(error instanceof SpreadsheetError)) throw error;
      return { status: 'rejected', problems: [{ row: rows.length + 1, column: '', message: error.message }] };
    }
    return this.database.db.transaction().execute(async (trx): Promise<MilestoneImportOutcome> => {
      const existing = await repo.listMilestones(trx, planId, plan.slug);
      const { milestones, problems } = readMilestonePlan(rows, { interventionArea: plan.slug, activities: plan.activities, existing, today: this.today() });
      if (problems.length > 0) return { status: 'rejected', problems };
      const ids = new Map(milestones.map((m) => [m.milestone.id, newId()]));
      const now = nowIso(this.clock);
      for (const { milestone: m } of milestones) {
        await repo.saveMilestone(
          trx,
          {
            id: ids.get(m.id)!,
            plan_id: planId,
            intervention_area_slug: plan.slug,
            activity_slug: m.activity ?? '',
            title: m.title,
            due_date: m.dueDate,
            owner: m.owner,
            status: m.status,
            completed_on: m.completedOn ?? null,
            note: m.note ?? null,
            created_at: now,
            updated_at: now,
            updated_by_label: actor.label,
          },
          [],
          true,
        );
      }
      // Dependencies once every new milestone exists, since rows may wait for rows below them.
      for (const { milestone: m } of milestones) {
        const dependsOn = m.dependsOn.map((d) => ids.get(d) ?? d);
        if (dependsOn.length > 0) await repo.addDependencies(trx, ids.get(m.id)!, dependsOn);
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'milestone',
          entityId: ids.get(m.id)!,
          summary: `Importerede milepælen «${m.title}» i milepælsplanen for ${plan.name}${meta.fileName ? ` fra ${meta.fileName}` : ''}`,
          after: auditView({ ...m, id: ids.get(m.id)!, dependsOn, createdAt: now, updatedAt: now, updatedByLabel: actor.label }),
          planId,
        });
      }
      return { status: 'imported', count: milestones.length };
    });
  }

  private async write(actor: Actor, planId: string, id: string, input: MilestoneInput, before: StoredMilestone | null): Promise<void> {
    const info = await this.planInfo(planId);
    const errors = inputErrors(input, info, this.today());
    if (before && input.interventionArea !== before.interventionArea) {
      errors.push({ field: 'interventionArea', message: `Milepælen «${before.title}» kan ikke flyttes til en anden delaftale. Opret den i den anden delaftales plan, og slet den her.` });
    }
    if (errors.length > 0) throw new ValidationError(errors);

    await this.database.db.transaction().execute(async (trx) => {
      const plan = await repo.listMilestones(trx, planId, input.interventionArea);
      const titleTaken = plan.find((m) => m.id !== id && m.title.trim().toLocaleLowerCase('da') === input.title.trim().toLocaleLowerCase('da'));
      const fieldErrors: FieldError[] = [];
      if (titleTaken) fieldErrors.push({ field: 'title', message: `Delaftalens milepælsplan har allerede en milepæl med titlen «${titleTaken.title}». Giv milepælen en titel, der skiller den fra de andre.` });
      const known = new Set(plan.map((m) => m.id));
      for (const dep of input.dependsOn) {
        if (!known.has(dep)) fieldErrors.push({ field: 'dependsOn', message: `Milepælen kan kun afhænge af milepæle i samme delaftales plan; «${dep}» er ikke en af dem.` });
      }
      if (fieldErrors.length > 0) throw new ValidationError(fieldErrors);

      const now = nowIso(this.clock);
      const milestone: StoredMilestone = {
        id,
        title: input.title.trim(),
        dueDate: input.dueDate,
        owner: input.owner.trim(),
        status: input.status as MilestoneStatus,
        dependsOn: [...new Set(input.dependsOn)].sort(),
        interventionArea: input.interventionArea,
        ...(input.activity ? { activity: input.activity } : {}),
        ...(input.completedOn ? { completedOn: input.completedOn } : {}),
        ...(input.note?.trim() ? { note: input.note.trim() } : {}),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
        updatedByLabel: actor.label,
      };
      const after = before ? plan.map((m) => (m.id === id ? milestone : m)) : [...plan, milestone];
      const problems = newProblems(plan, after);
      if (problems.length > 0) throw new ValidationError(problems, problems.map((p) => p.message).join(' '));

      const row: MilestoneRow = {
        id,
        plan_id: planId,
        intervention_area_slug: milestone.interventionArea,
        activity_slug: milestone.activity ?? '',
        title: milestone.title,
        due_date: milestone.dueDate,
        owner: milestone.owner,
        status: milestone.status,
        completed_on: milestone.completedOn ?? null,
        note: milestone.note ?? null,
        created_at: milestone.createdAt,
        updated_at: now,
        updated_by_label: actor.label,
      };
      await repo.saveMilestone(trx, row, milestone.dependsOn, before === null);
      const area = info.find((p) => p.slug === milestone.interventionArea)?.name ?? milestone.interventionArea;
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'milestone',
        entityId: id,
        summary: `${before ? 'Ændrede' : 'Oprettede'} milepælen «${milestone.title}» i milepælsplanen for ${area}`,
        before: before ? auditView(before) : undefined,
        after: auditView(milestone),
        planId,
      });
    });
  }
}

function auditView(m: StoredMilestone) {
  return {
    title: m.title,
    interventionArea: m.interventionArea,
    activity: m.activity ?? null,
    dueDate: m.dueDate,
    owner: m.owner,
    status: m.status,
    completedOn: m.completedOn ?? null,
    note: m.note ?? null,
    dependsOn: m.dependsOn,
  };
}

/** Whether a status scope covers a milestone: an activity-less milestone is the secretariat's only. */
export function mayChangeStatus(scope: StatusScope, m: Milestone): boolean {
  if (scope.kind === 'all') return true;
  return m.activity !== undefined && scope.activitySlugs.has(m.activity);
}

/**
 * The plan's problems after a change that were not there before, as field errors: a change is judged by what it
 * breaks, so a problem left from before (none, as long as every write comes through here) never blocks an unrelated edit.
 */
function newProblems(before: readonly Milestone[], after: readonly Milestone[]): FieldError[] {
  const old = new Set(validateMilestonePlan(before).map((p) => p.message));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const p of validateMilestonePlan(after)) {
    if (old.has(p.message) || seen.has(p.message)) continue;
    seen.add(p.message);
    errors.push({ field: p.field, message: p.message });
  }
  return errors;
}

const validDate = (value: string) => parseIsoDate(value) !== null;

function statusErrors(input: StatusInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isMilestoneStatus(input.status)) {
    errors.push({ field: 'status', message: `Vælg en status: ${MILESTONE_STATUSES.map((s) => `«${s}»`).join(', ')}.` });
    return errors;
  }
  if (input.status === 'færdig') {
    if (!input.completedOn) errors.push({ field: 'completedOn', message: 'Skriv datoen, milepælen blev færdig, på formen ÅÅÅÅ-MM-DD.' });
    else if (!validDate(input.completedOn)) errors.push({ field: 'completedOn', message: `Færdigdatoen skal være en dato på formen ÅÅÅÅ-MM-DD, ikke «${input.completedOn}».` });
    else if (input.completedOn > today) errors.push({ field: 'completedOn', message: 'Færdigdatoen kan ikke ligge efter i dag.' });
  } else if (input.completedOn) {
    errors.push({ field: 'completedOn', message: `En færdigdato hører kun til status «færdig», ikke «${input.status}». Fjern datoen, eller sæt status til «færdig».` });
  }
  return errors;
}

function inputErrors(input: MilestoneInput, info: readonly MilestonePlanInfo[], today: string): FieldError[] {
  const errors: FieldError[] = [];
  const plan = info.find((p) => p.slug === input.interventionArea);
  if (!plan) errors.push({ field: 'interventionArea', message: `Vælg en af planens delaftaler: ${info.map((p) => p.name).join(', ')}.` });
  else if (input.activity && !plan.activities.some((a) => a.slug === input.activity)) {
    errors.push({ field: 'activity', message: `Aktiviteten «${input.activity}» hører ikke til delaftalen for ${plan.name}. Vælg en af dens aktiviteter, eller hele delaftalen.` });
  }
  const title = input.title.trim();
  if (title === '') errors.push({ field: 'title', message: 'Skriv milepælens titel.' });
  else if (title.length > MAX_TITLE) errors.push({ field: 'title', message: `Titlen må højst være ${MAX_TITLE} tegn.` });
  if (input.dueDate.trim() === '') errors.push({ field: 'dueDate', message: 'Skriv milepælens frist på formen ÅÅÅÅ-MM-DD.' });
  else if (!validDate(input.dueDate)) errors.push({ field: 'dueDate', message: `Fristen skal være en dato på formen ÅÅÅÅ-MM-DD, ikke «${input.dueDate}».` });
  const owner = input.owner.trim();
  if (owner === '') errors.push({ field: 'owner', message: 'Skriv, hvem der er ansvarlig: en organisation eller en person.' });
  else if (owner.length > MAX_OWNER) errors.push({ field: 'owner', message: `Den ansvarlige må højst være ${MAX_OWNER} tegn.` });
  if (input.note !== null && input.note.length > MAX_NOTE) errors.push({ field: 'note', message: `Bemærkningen må højst være ${MAX_NOTE.toLocaleString('da-DK')} tegn.` });
  errors.push(...statusErrors({ status: input.status, completedOn: input.completedOn }, today));
  return errors;
}

const services = new WeakMap<object, MilestoneService>();

/** One MilestoneService per app, shared by its pages, API and the other governance parts. */
export function milestoneServiceFor(app: { database: Db; plan: PlanService; clock: () => Date }): MilestoneService {
  let service = services.get(app);
  if (!service) {
    service = new MilestoneService(app.database, app.plan, app.clock);
    services.set(app, service);
  }
  return service;
}
