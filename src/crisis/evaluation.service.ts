/**
 * The evaluation after stand-down (issue 7, part 7; plan lines 3506-3510). Once an incident is stood down the crisis
 * group decides whether the effort is to be evaluated before the annual meeting («Evalueres», or «Ikke nødvendig» with
 * a reason), then writes the evaluation and finishes it. Every step is an entry in the incident's log, written in the
 * transaction of the change, and audited. An evaluation not finished fourteen days after stand-down is flagged
 * (`EVALUATION_DUE_DAYS`).
 */
import { mayAct } from './incidents.service.js';
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors/errors.js';
import { crisisAccessOf, type CrisisAccess } from './crisis-access.js';
import { crisisLogFor } from './crisis-log.service.js';
import type { CrisisEvaluationRow } from './crisis.table.js';
import * as repo from './evaluation.repository.js';
import {
  checkAnswers,
  checkDecision,
  evaluationDueAt,
  isEvaluationOverdue,
  type EvaluationAnswers,
  type EvaluationDecision,
  type EvaluationStatus,
} from './evaluation.js';
import { incidentLabel, loadIncident, toIncident, type Incident } from './incident.js';
import type { Config } from '../config.js';

export interface Evaluation extends EvaluationAnswers {
  /** `afventer` also when nothing is stored yet. */
  status: EvaluationStatus;
  decidedAt: string | null;
  decidedByLabel: string | null;
  reason: string | null;
  completedAt: string | null;
  completedByLabel: string | null;
  updatedAt: string | null;
}

export interface EvaluationView {
  incident: Incident;
  evaluation: Evaluation;
  /** Stood down: the evaluation can be decided and written. */
  open: boolean;
  /** When it should be there (stand-down + 14 days), or null before stand-down. */
  dueAt: string | null;
  overdue: boolean;
}

/** A stood-down incident still waiting for its evaluation, for the crisis module's home page. */
export interface DueEvaluation {
  incident: Incident;
  status: 'afventer' | 'evalueres';
  dueAt: string;
  overdue: boolean;
}

const NOTHING: Evaluation = {
  status: 'afventer',
  decidedAt: null,
  decidedByLabel: null,
  reason: null,
  worked: null,
  improve: null,
  channelsRight: null,
  channelsNote: null,
  recommendations: null,
  completedAt: null,
  completedByLabel: null,
  updatedAt: null,
};

function toEvaluation(row: CrisisEvaluationRow | undefined): Evaluation {
  if (!row) return NOTHING;
  return {
    status: row.status as EvaluationStatus,
    decidedAt: row.decided_at,
    decidedByLabel: row.decided_by_label,
    reason: row.reason,
    worked: row.worked,
    improve: row.improve,
    channelsRight: row.channels_right === null ? null : Number(row.channels_right) !== 0,
    channelsNote: row.channels_note,
    recommendations: row.recommendations,
    completedAt: row.completed_at,
    completedByLabel: row.completed_by_label,
    updatedAt: row.updated_at,
  };
}

const trimmed = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

/** The answers as stored: blank answers are no answers. */
function clean(answers: EvaluationAnswers): EvaluationAnswers {
  return {
    worked: trimmed(answers.worked),
    improve: trimmed(answers.improve),
    channelsRight: answers.channelsRight,
    channelsNote: trimmed(answers.channelsNote),
    recommendations: trimmed(answers.recommendations),
  };
}

/**
 * Who records the group's decision and writes the evaluation: a crisis-group member with the right to act, or the
 * secretariat for the group (the same people who may change an incident).
 */
export function mayEvaluate(access: CrisisAccess): boolean {
  return mayAct(access);
}

const NOT_STOOD_DOWN = 'Hændelsen er ikke afmeldt endnu. Evalueringen kommer efter afmeldingen.';

export class EvaluationService {
  constructor(private readonly services: { database: Db; config: Pick<Config, 'secret'>; clock: () => Date }) {}

  private get database(): Db {
    return this.services.database;
  }

  /** The incident's evaluation as it stands, with its due instant. @throws NotFoundError */
  async get(planId: string, incidentId: string): Promise<EvaluationView> {
    const incident = await loadIncident(this.database, planId, incidentId);
    const evaluation = toEvaluation(await repo.findEvaluation(this.database.db, planId, incidentId));
    return this.view(incident, evaluation);
  }

  /** @throws ForbiddenError for a user who is neither a member of the group nor the secretariat */
  private async requireEvaluator(principal: Pick<Principal, 'userId' | 'roles'>, planId: string): Promise<void> {
    if (!mayEvaluate(await crisisAccessOf(this.database, principal, planId))) {
      throw new ForbiddenError('Kun beredskabsgruppens medlemmer og sekretariatet kan registrere evalueringen. Bed sekretariatet knytte din bruger til dit medlemskab af gruppen.');
    }
  }

  private view(incident: Incident, evaluation: Evaluation): EvaluationView {
    const open = incident.status === 'afmeldt' && incident.stoodDownAt !== null;
    return {
      incident,
      evaluation,
      open,
      dueAt: open ? evaluationDueAt(incident.stoodDownAt!).toISOString() : null,
      overdue: open && isEvaluationOverdue(evaluation.status, incident.stoodDownAt, this.services.clock()),
    };
  }

  /**
   * Records the group's decision: evaluate, or not needed (with the reason). A decision may be changed until the
   * evaluation is finished, so a group that first saw no need can still evaluate before the annual meeting.
   *
   * @throws NotFoundError, ForbiddenError, ValidationError, ConflictError (not stood down, already finished, or the same decision)
   */
  async decide(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, incidentId: string, input: { decision: string; reason: string | null }): Promise<EvaluationView> {
    // An unknown incident is not found for everyone, before anyone is told they may not write.
    await loadIncident(this.database, planId, incidentId);
    await this.requireEvaluator(principal, planId);
    return this.recordDecision(actor, planId, incidentId, input);
  }

  /** `decide` without the check of who decides, for callers that are not a request: the demo data. */
  async recordDecision(actor: Actor, planId: string, incidentId: string, input: { decision: string; reason: string | null }): Promise<EvaluationView> {
    const errors = checkDecision(input.decision, input.reason);
    if (errors.length > 0) throw new ValidationError(errors);
    const decision = input.decision as EvaluationDecision;
    const reason = decision === 'ikke_noedvendig' ? input.reason!.trim() : trimmed(input.reason);
    const at = nowIso(this.services.clock);
    return this.database.db.transaction().execute(async (trx) => {
      const incidentRow = await repo.lockIncident(trx, this.database.engine, planId, incidentId);
      const incident = incidentRow ? toIncident(incidentRow) : await loadIncident(trx, planId, incidentId);
      if (incident.status !== 'afmeldt') throw new ConflictError(NOT_STOOD_DOWN);
      const before = await repo.findEvaluation(trx, planId, incidentId);
      const status = (before?.status ?? 'afventer') as EvaluationStatus;
      if (status === 'udfoert') throw new ConflictError('Evalueringen er afsluttet og kan ikke ændres.');
      if (status === decision) throw new ConflictError(decision === 'evalueres' ? 'Gruppen har allerede besluttet at evaluere indsatsen.' : 'Gruppen har allerede besluttet, at en evaluering ikke er nødvendig.');
      const row: CrisisEvaluationRow = {
        ...(before ?? blankRow(planId, incidentId, at)),
        status: decision,
        decided_at: at,
        decided_by_label: actor.label,
        reason,
        updated_at: at,
      };
      if (before) await repo.updateEvaluation(trx, row);
      else await repo.insertEvaluation(trx, row);
      const changed = before && before.status !== 'afventer' ? ' (beslutningen er ændret)' : '';
      const text =
        decision === 'evalueres'
          ? `Beredskabsgruppen har besluttet, at indsatsen evalueres inden det årlige statusmøde${changed}. Registreret af ${actor.label}.${reason ? ` Bemærkning: ${reason}` : ''}`
          : `Beredskabsgruppen har besluttet, at en evaluering af indsatsen ikke er nødvendig${changed}. Registreret af ${actor.label}. Begrundelse: ${reason}`;
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, { kind: 'evaluering', text, data: { decision, reason, previous: before?.status ?? null } });
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'crisis_evaluation',
        entityId: row.id,
        summary: `Besluttede for ${incidentLabel(incident).toLowerCase()}: ${decision === 'evalueres' ? 'indsatsen evalueres' : 'evaluering ikke nødvendig'}`,
        before: before ? { status: before.status, reason: before.reason } : undefined,
        after: { status: decision, reason },
        planId,
      });
      return this.view(incident, toEvaluation(row));
    });
  }

  /**
   * Saves the evaluation's answers; `finish` also closes it («Afslut evalueringen»), which needs every answer.
   *
   * @throws NotFoundError, ForbiddenError, ValidationError, ConflictError (not decided to evaluate, or already finished)
   */
  async save(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, incidentId: string, input: EvaluationAnswers, finish: boolean): Promise<EvaluationView> {
    await loadIncident(this.database, planId, incidentId);
    await this.requireEvaluator(principal, planId);
    return this.recordAnswers(actor, planId, incidentId, input, finish);
  }

  /** `save` without the check of who writes, for callers that are not a request: the demo data. */
  async recordAnswers(actor: Actor, planId: string, incidentId: string, input: EvaluationAnswers, finish: boolean): Promise<EvaluationView> {
    const answers = clean(input);
    const errors = checkAnswers(answers, finish);
    if (errors.length > 0) throw new ValidationError(errors);
    const at = nowIso(this.services.clock);
    return this.database.db.transaction().execute(async (trx) => {
      const incidentRow = await repo.lockIncident(trx, this.database.engine, planId, incidentId);
      const incident = incidentRow ? toIncident(incidentRow) : await loadIncident(trx, planId, incidentId);
      if (incident.status !== 'afmeldt') throw new ConflictError(NOT_STOOD_DOWN);
      const before = await repo.findEvaluation(trx, planId, incidentId);
      if (before?.status === 'udfoert') throw new ConflictError('Evalueringen er afsluttet og kan ikke ændres.');
      if (before?.status !== 'evalueres') throw new ConflictError('Beslut først, at indsatsen skal evalueres («Evalueres»).');
      const row: CrisisEvaluationRow = {
        ...before,
        worked: answers.worked,
        improve: answers.improve,
        channels_right: answers.channelsRight === null ? null : answers.channelsRight ? 1 : 0,
        channels_note: answers.channelsNote,
        recommendations: answers.recommendations,
        status: finish ? 'udfoert' : 'evalueres',
        completed_at: finish ? at : null,
        completed_by_label: finish ? actor.label : null,
        updated_at: at,
      };
      await repo.updateEvaluation(trx, row);
      // The finished evaluation is kept in the log with its answers, so the case file holds what the group concluded.
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'evaluering',
        text: finish
          ? `Evalueringen er afsluttet af ${actor.label}. Rigtige informationskanaler: ${answers.channelsRight ? 'ja' : 'nej'}.`
          : `Evalueringen er gemt som kladde af ${actor.label}.`,
        data: finish ? { finished: true, ...answers } : { finished: false },
      });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_evaluation',
        entityId: row.id,
        summary: `${finish ? 'Afsluttede' : 'Gemte'} evalueringen af ${incidentLabel(incident).toLowerCase()}`,
        before: { status: before.status, worked: before.worked, improve: before.improve, channelsRight: before.channels_right, channelsNote: before.channels_note, recommendations: before.recommendations },
        after: { status: row.status, ...answers },
        planId,
      });
      return this.view(incident, toEvaluation(row));
    });
  }
}

function blankRow(planId: string, incidentId: string, at: string): CrisisEvaluationRow {
  return {
    id: newId(),
    plan_id: planId,
    incident_id: incidentId,
    status: 'afventer',
    decided_at: null,
    decided_by_label: null,
    reason: null,
    worked: null,
    improve: null,
    channels_right: null,
    channels_note: null,
    recommendations: null,
    completed_at: null,
    completed_by_label: null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * Stood-down incidents with no decision or an unfinished evaluation, oldest stand-down first, each with its due
 * instant and whether it is past it. For the crisis module's home page.
 */
export async function evaluationsDue(database: Db, planId: string, now: Date = new Date()): Promise<DueEvaluation[]> {
  const rows = await repo.unfinishedEvaluations(database.db, planId);
  return rows.map((row) => {
    const status = (row.evaluation_status ?? 'afventer') as 'afventer' | 'evalueres';
    const { evaluation_status: _, ...incidentRow } = row;
    return {
      incident: toIncident(incidentRow),
      status,
      dueAt: evaluationDueAt(row.stood_down_at!).toISOString(),
      overdue: isEvaluationOverdue(status, row.stood_down_at, now),
    };
  });
}

const instances = new WeakMap<object, EvaluationService>();

/** One EvaluationService per app. */
export function evaluationServiceFor(app: { database: Db; config: Pick<Config, 'secret'>; clock: () => Date }): EvaluationService {
  let service = instances.get(app);
  if (!service) {
    service = new EvaluationService(app);
    instances.set(app, service);
  }
  return service;
}
