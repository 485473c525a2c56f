import type { Kysely, Transaction } from 'kysely';
import { TypeCompiler, ValueErrorType, type ValueError } from '@sinclair/typebox/compiler';
import type { Db } from '../db/database.js';
import { toBool } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Database, PlanChangeProposalRow, PlanElementRow, PlanElementVersionRow } from '../db/schema.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { parseIsoDate } from '../time/copenhagen.js';
import { parseNumberRules, AddressRuleError } from '../areas/address-rules.js';
import { FIXED_FIELDS, routeForChange, statusAfterBoard, type ElementKind, type ProposalStatus, type ProposalSubject } from './change-policy.js';
import type { PlanContent } from './content/index.js';
import type { AreaContent } from './content/types.js';
import { historyTable } from './diff.js';
import { PlanSnapshot, type PlanElement } from './plan-snapshot.js';
import { EDITABLE_FIELDS } from './plan.schemas.js';
import {
  advanceElement,
  contentStamp,
  countElements,
  findElement,
  findProposal,
  insertElements,
  insertProposal,
  insertVersion,
  listCurrentElements,
  listProposals,
  listVersions,
  updateProposal,
} from './plan.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface ChangeProposal {
  id: string;
  elementId: string;
  subject: ProposalSubject;
  requiresLbf: boolean;
  status: ProposalStatus;
  baseVersion: number;
  changes: Record<string, unknown>;
  reason: string;
  createdAt: string;
  createdBy: string;
  board: { decidedAt: string; decisionDate: string; note: string; by: string } | null;
  lbf: { decidedAt: string; decisionDate: string; note: string; by: string } | null;
  appliedVersion: number | null;
}

export interface ElementVersion {
  version: number;
  data: unknown;
  createdAt: string;
  createdBy: string;
  reason: string;
  proposalId: string | null;
}

/** What a change became: a new version (fields that change at once), a proposal (fields that wait), or both. */
export interface ChangeResult {
  version: number | null;
  proposal: ChangeProposal | null;
}

function toProposal(row: PlanChangeProposalRow): ChangeProposal {
  return {
    id: row.id,
    elementId: row.element_id,
    subject: row.subject as ProposalSubject,
    requiresLbf: toBool(row.requires_lbf),
    status: row.status as ProposalStatus,
    baseVersion: row.base_version,
    changes: JSON.parse(row.proposed_data) as Record<string, unknown>,
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: row.created_by_label,
    board: row.board_decided_at
      ? { decidedAt: row.board_decided_at, decisionDate: row.board_decision_date ?? '', note: row.board_decision_note ?? '', by: row.board_decided_by_label ?? '' }
      : null,
    lbf: row.lbf_decided_at
      ? { decidedAt: row.lbf_decided_at, decisionDate: row.lbf_decision_date ?? '', note: row.lbf_decision_note ?? '', by: row.lbf_decided_by_label ?? '' }
      : null,
    appliedVersion: row.applied_version,
  };
}

const validators = new Map<string, ReturnType<typeof TypeCompiler.Compile>>();
function validatorFor(kind: ElementKind, field: string) {
  const key = `${kind}.${field}`;
  let v = validators.get(key);
  if (!v) {
    const schema = EDITABLE_FIELDS[kind]?.[field];
    if (!schema) return null;
    v = TypeCompiler.Compile(schema);
    validators.set(key, v);
  }
  return v;
}

/** A schema violation in Danish: what the value must be, not how the schema is written. */
function schemaMessage(error: ValueError): string {
  const schema = error.schema as { minLength?: number; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number; minItems?: number; format?: string };
  switch (error.type) {
    case ValueErrorType.String:
      return 'Værdien skal være tekst.';
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1 ? 'Feltet må ikke være tomt.' : `Skal være mindst ${schema.minLength} tegn.`;
    case ValueErrorType.StringMaxLength:
      return `Må højst være ${schema.maxLength} tegn.`;
    case ValueErrorType.StringPattern:
      return 'Har ikke det rigtige format (små bogstaver, tal og bindestreger).';
    case ValueErrorType.StringFormat:
      return schema.format === 'date' ? 'Skal være en dato som ÅÅÅÅ-MM-DD.' : 'Har ikke det rigtige format.';
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
      return error.type === ValueErrorType.Integer ? 'Skal være et helt tal.' : 'Skal være et tal.';
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `Skal være mindst ${schema.minimum}.`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `Må højst være ${schema.maximum}.`;
    case ValueErrorType.Array:
      return 'Skal være en liste.';
    case ValueErrorType.ArrayMaxItems:
      return `Må højst have ${schema.maxItems} elementer.`;
    case ValueErrorType.ArrayMinItems:
      return `Skal have mindst ${schema.minItems} element${schema.minItems === 1 ? '' : 'er'}.`;
    case ValueErrorType.Object:
      return 'Skal være et objekt.';
    case ValueErrorType.ObjectRequiredProperty:
      return 'Feltet skal udfyldes.';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'Indeholder et ukendt felt.';
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return 'Er ikke en af de tilladte værdier.';
    default:
      return 'Værdien har ikke den rigtige form.';
  }
}

/** Checks a change of a plan element field by field; every problem at once, in Danish. */
export function validateChanges(kind: ElementKind, changes: Record<string, unknown>, reason: string): FieldError[] {
  const errors: FieldError[] = [];
  if (reason.trim() === '') errors.push({ field: 'reason', message: 'Skriv hvorfor ændringen laves; begrundelsen gemmes med versionen.' });
  if (reason.length > 2000) errors.push({ field: 'reason', message: 'Begrundelsen må højst være 2000 tegn.' });
  const fields = Object.keys(changes);
  if (fields.length === 0) errors.push({ field: 'changes', message: 'Der er ingen ændringer.' });
  for (const field of fields) {
    if ((FIXED_FIELDS as readonly string[]).includes(field)) {
      errors.push({ field, message: 'Feltet identificerer elementet eller henviser til planens tekst og kan ikke ændres.' });
      continue;
    }
    const validator = validatorFor(kind, field);
    if (!validator) {
      errors.push({ field, message: 'Feltet kan ikke ændres for denne slags element.' });
      continue;
    }
    const first = validator.Errors(changes[field]).First();
    if (first) errors.push({ field: `${field}${first.path.replace(/\//g, '.').replace(/\.(\d+)/g, '[$1]')}`, message: schemaMessage(first) });
  }
  if (kind === 'activity' && Array.isArray(changes.targets)) {
    (changes.targets as { kind: string; min?: number; max?: number; value?: number }[]).forEach((t, i) => {
      if (t.kind === 'range' && (t.min === undefined || t.max === undefined || t.min > t.max)) {
        errors.push({ field: `targets[${i}]`, message: 'Et interval skal have både mindst og højst, og mindst må ikke være større end højst.' });
      }
      if (t.kind === 'minimum' && t.min === undefined) errors.push({ field: `targets[${i}].min`, message: 'Et minimum skal have et tal.' });
      if (t.kind === 'maximum' && t.max === undefined) errors.push({ field: `targets[${i}].max`, message: 'Et maksimum skal have et tal.' });
      if ((t.kind === 'approximate' || t.kind === 'exact') && t.value === undefined) errors.push({ field: `targets[${i}].value`, message: 'Målet skal have et tal.' });
    });
  }
  return errors;
}

function staleError(): ConflictError {
  return new ConflictError('Elementet er ændret af en anden, siden du hentede det. Genindlæs og prøv igen.');
}

/** The proposal row as stored: based on the version the same change wrote, if it wrote one. */
function written(row: PlanChangeProposalRow, version: number | null): PlanChangeProposalRow {
  return version === null ? row : { ...row, base_version: version };
}

function elementRows(planId: string, content: PlanContent, createdAt: string): { elements: PlanElementRow[]; versions: PlanElementVersionRow[] } {
  const elements: PlanElementRow[] = [];
  const versions: PlanElementVersionRow[] = [];
  let position = 0;
  const add = (kind: ElementKind, key: string, parentId: string | null, data: unknown): string => {
    const id = newId();
    elements.push({ id, plan_id: planId, kind, key, parent_id: parentId, position: position++, current_version: 1, created_at: createdAt });
    versions.push({
      id: newId(), plan_id: planId, element_id: id, version: 1, data: JSON.stringify(data), created_at: createdAt,
      created_by: null, created_by_label: 'planen', reason: 'Indlæst fra planens tekst', proposal_id: null,
    });
    return id;
  };
  for (const area of content.areas) add('area', area.slug, null, area);
  const { goals, ...agreement } = content.strategicAgreement;
  const saId = add('strategic-agreement', 'strategisk-aftale', null, agreement);
  for (const goal of goals) {
    const { indicators, ...g } = goal;
    const goalId = add('goal', g.code, saId, g);
    for (const indicator of indicators) add('indicator', indicator.code, goalId, indicator);
  }
  for (const ia of content.interventionAreas) {
    const { subGoals, activities, ...rest } = ia;
    const iaId = add('intervention-area', ia.slug, null, rest);
    for (const subGoal of subGoals) {
      const { indicators, ...s } = subGoal;
      const sgId = add('sub-goal', `${ia.slug}/${s.code}`, iaId, s);
      for (const indicator of indicators) add('indicator', indicator.code, sgId, indicator);
    }
    for (const activity of activities) add('activity', activity.slug, iaId, activity);
  }
  for (const body of content.organisation.bodies) add('body', body.slug, null, body);
  content.organisation.changeRules.forEach((rule) => add('change-rule', rule.subject, null, rule));
  content.organisation.crisisGroup.forEach((role, i) => add('crisis-role', `rolle-${i + 1}`, null, role));
  add('plan-notes', 'bemaerkninger', null, { remarks: content.organisation.remarks, totals: content.totals });
  return { elements, versions };
}

/**
 * The plan as versioned data: loading it, reading it (through a snapshot kept while nothing changes), changing it
 * directly or through proposals that wait for the board's and LBF's decisions, and the history of every element.
 */
export class PlanService {
  private readonly snapshots = new Map<string, PlanSnapshot>();

  constructor(
    private readonly database: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Loads the plan's content into a plan that has none yet; does nothing otherwise. */
  async loadContent(planId: string, content: PlanContent): Promise<boolean> {
    if ((await countElements(this.database.db, planId)) > 0) return false;
    const { elements, versions } = elementRows(planId, content, nowIso(this.clock));
    const keys = new Set<string>();
    for (const e of elements) {
      const key = `${e.kind}:${e.key}`;
      if (keys.has(key)) throw new Error(`Planens indhold har ${key} to gange`);
      keys.add(key);
    }
    for (const area of content.areas) for (const l of area.addresses) parseNumberRules(l.numbers);
    await this.database.db.transaction().execute(async (trx) => {
      if ((await countElements(trx, planId)) > 0) return;
      await insertElements(trx, elements, versions);
    });
    this.snapshots.delete(planId);
    return true;
  }

  /** The plan's current content; read again only when a version has been added (by this or another process). */
  async snapshot(planId: string): Promise<PlanSnapshot> {
    const stamp = await contentStamp(this.database.db, planId);
    const cached = this.snapshots.get(planId);
    if (cached && cached.stamp === stamp) return cached;
    const rows = await listCurrentElements(this.database.db, planId);
    const snapshot = new PlanSnapshot(
      planId,
      stamp,
      rows.map((r) => ({
        id: r.id, kind: r.kind as ElementKind, key: r.key, parentId: r.parent_id, position: r.position, version: r.current_version,
        updatedAt: r.version_created_at, updatedBy: r.version_created_by_label, data: JSON.parse(r.data) as unknown,
      })),
    );
    this.snapshots.set(planId, snapshot);
    return snapshot;
  }

  private async element(planId: string, elementId: string): Promise<PlanElement> {
    const element = (await this.snapshot(planId)).get(elementId);
    if (!element) throw new NotFoundError('Planelementet findes ikke.');
    return element;
  }

  /**
   * Changes fields of an element. Fields the policy lets change at once become a new version; the others become one
   * proposal that waits for the board (and LBF); a change of both kinds does both, in one transaction. With
   * `expectedVersion`, the change is refused if someone else changed the element since it was read.
   */
  async changeElement(
    planId: string,
    actor: Actor,
    elementId: string,
    changes: Record<string, unknown>,
    reason: string,
    options: { expectedVersion?: number } = {},
  ): Promise<ChangeResult> {
    const element = await this.element(planId, elementId);
    const errors = validateChanges(element.kind, changes, reason);
    if (element.kind === 'area' && Array.isArray(changes.addresses)) {
      (changes.addresses as AreaContent['addresses']).forEach((l, i) => {
        try {
          parseNumberRules(l.numbers);
        } catch (e) {
          if (e instanceof AddressRuleError) errors.push({ field: `addresses[${i}].numbers`, message: e.message });
        }
      });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (options.expectedVersion !== undefined && options.expectedVersion !== element.version) throw staleError();
    const snapshot = await this.snapshot(planId);
    const underGoal = snapshot.parentOf(element)?.kind === 'goal';
    const direct: Record<string, unknown> = {};
    const waiting: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(changes)) {
      (routeForChange(element.kind, [field], underGoal).kind === 'direct' ? direct : waiting)[field] = value;
    }
    const route = routeForChange(element.kind, Object.keys(waiting), underGoal);
    const row: PlanChangeProposalRow | null =
      route.kind === 'proposal' && Object.keys(waiting).length > 0
        ? {
            id: newId(), plan_id: planId, element_id: element.id, subject: route.subject, requires_lbf: route.requiresLbf ? 1 : 0,
            status: 'afventer_bestyrelse', base_version: element.version, proposed_data: JSON.stringify(waiting), reason: reason.trim(),
            created_at: nowIso(this.clock), created_by: actor.userId, created_by_label: actor.label,
            board_decided_at: null, board_decision_date: null, board_decision_note: null, board_decided_by_label: null,
            lbf_decided_at: null, lbf_decision_date: null, lbf_decision_note: null, lbf_decided_by_label: null, applied_version: null,
          }
        : null;
    const version = await this.database.db.transaction().execute(async (trx) => {
      const written =
        Object.keys(direct).length > 0
          ? await this.writeVersion(trx, planId, actor, element, { ...(element.data as object), ...direct }, reason.trim(), null, element.version)
          : null;
      if (row) {
        await insertProposal(trx, written === null ? row : { ...row, base_version: written });
        await recordAudit(trx, { ...actor, planId }, {
          action: 'create', entityType: 'plan_change_proposal', entityId: row.id,
          summary: `Ændringsforslag til ${element.kind} «${element.key}» oprettet`, after: { changes: waiting, reason: row.reason, subject: row.subject },
        });
      }
      return written;
    });
    return { version, proposal: row ? toProposal(written(row, version)) : null };
  }

  private async writeVersion(
    trx: Q,
    planId: string,
    actor: Actor,
    element: PlanElement,
    data: unknown,
    reason: string,
    proposalId: string | null,
    expectedVersion?: number,
  ): Promise<number> {
    const current = await findElement(trx, planId, element.id);
    if (!current) throw new NotFoundError('Planelementet findes ikke.');
    if (expectedVersion !== undefined && current.current_version !== expectedVersion) throw staleError();
    const next = current.current_version + 1;
    await insertVersion(trx, {
      id: newId(), plan_id: planId, element_id: element.id, version: next, data: JSON.stringify(data), created_at: nowIso(this.clock),
      created_by: actor.userId, created_by_label: actor.label, reason, proposal_id: proposalId,
    });
    if (!(await advanceElement(trx, element.id, current.current_version, next))) {
      throw staleError();
    }
    await recordAudit(trx, { ...actor, planId }, {
      action: 'update', entityType: 'plan_element', entityId: element.id,
      summary: `${element.kind} «${element.key}» ændret til version ${next}: ${reason}`, before: { version: current.current_version }, after: { version: next },
    });
    this.snapshots.delete(planId);
    return next;
  }

  async proposals(planId: string, elementId?: string): Promise<ChangeProposal[]> {
    return (await listProposals(this.database.db, planId, elementId)).map(toProposal);
  }

  async proposal(planId: string, id: string): Promise<ChangeProposal> {
    const row = await findProposal(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Ændringsforslaget findes ikke.');
    return toProposal(row);
  }

  private decisionErrors(decisionDate: string, note: string): FieldError[] {
    const errors: FieldError[] = [];
    if (!parseIsoDate(decisionDate)) errors.push({ field: 'decisionDate', message: 'Skriv datoen for beslutningen som ÅÅÅÅ-MM-DD.' });
    if (note.trim() === '') errors.push({ field: 'note', message: 'Skriv en henvisning til beslutningen, fx mødet og punktet i referatet.' });
    if (note.length > 2000) errors.push({ field: 'note', message: 'Henvisningen må højst være 2000 tegn.' });
    return errors;
  }

  /**
   * Records the board's decision. Consensus applies a sub-agreement change at once; a change to the strategic
   * agreement or the commissorium then waits for LBF. Without consensus the proposal is rejected.
   *
   * @param alongside writes that belong to the same decision (the recommendation that carried the proposal, and the
   *   decision in the board's minutes), made in the same transaction so that both or neither are stored
   */
  async recordBoardDecision(
    planId: string,
    actor: Actor,
    id: string,
    consensus: boolean,
    decisionDate: string,
    note: string,
    alongside?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<ChangeProposal> {
    const errors = this.decisionErrors(decisionDate, note);
    if (errors.length > 0) throw new ValidationError(errors);
    const proposal = await this.proposal(planId, id);
    if (proposal.status !== 'afventer_bestyrelse') throw new ConflictError('Forslaget afventer ikke bestyrelsens beslutning.');
    const status = statusAfterBoard(consensus, proposal.requiresLbf);
    // Read before the transaction: on SQLite the transaction holds the only connection.
    const element = await this.element(planId, proposal.elementId);
    await this.database.db.transaction().execute(async (trx) => {
      const updated = await updateProposal(trx, id, {
        status, board_decided_at: nowIso(this.clock), board_decision_date: decisionDate, board_decision_note: note.trim(), board_decided_by_label: actor.label,
      }, 'afventer_bestyrelse');
      if (!updated) throw new ConflictError('Forslaget blev besluttet af en anden samtidig.');
      await recordAudit(trx, { ...actor, planId }, {
        action: 'update', entityType: 'plan_change_proposal', entityId: id,
        summary: `Bestyrelsens beslutning registreret: ${consensus ? 'konsensus' : 'ikke konsensus'} (${decisionDate})`, before: { status: proposal.status }, after: { status },
      });
      if (status === 'vedtaget') await this.apply(trx, planId, actor, element, proposal, `bestyrelsen ${decisionDate}`);
      if (alongside) await alongside(trx);
    });
    return this.proposal(planId, id);
  }

  /** Records LBF's decision on a change the board has agreed to; approval applies it. */
  async recordLbfDecision(planId: string, actor: Actor, id: string, approved: boolean, decisionDate: string, note: string): Promise<ChangeProposal> {
    const errors = this.decisionErrors(decisionDate, note);
    if (errors.length > 0) throw new ValidationError(errors);
    const proposal = await this.proposal(planId, id);
    if (proposal.status !== 'afventer_lbf') throw new ConflictError('Forslaget afventer ikke Landsbyggefondens godkendelse.');
    const status: ProposalStatus = approved ? 'vedtaget' : 'afvist';
    const element = await this.element(planId, proposal.elementId);
    await this.database.db.transaction().execute(async (trx) => {
      const updated = await updateProposal(trx, id, {
        status, lbf_decided_at: nowIso(this.clock), lbf_decision_date: decisionDate, lbf_decision_note: note.trim(), lbf_decided_by_label: actor.label,
      }, 'afventer_lbf');
      if (!updated) throw new ConflictError('Forslaget blev besluttet af en anden samtidig.');
      await recordAudit(trx, { ...actor, planId }, {
        action: 'update', entityType: 'plan_change_proposal', entityId: id,
        summary: `Landsbyggefondens beslutning registreret: ${approved ? 'godkendt' : 'afvist'} (${decisionDate})`, before: { status: proposal.status }, after: { status },
      });
      if (approved) await this.apply(trx, planId, actor, element, proposal, `bestyrelsen ${proposal.board?.decisionDate ?? ''}, Landsbyggefonden ${decisionDate}`);
    });
    return this.proposal(planId, id);
  }

  async withdraw(planId: string, actor: Actor, id: string): Promise<ChangeProposal> {
    const proposal = await this.proposal(planId, id);
    if (proposal.status !== 'afventer_bestyrelse' && proposal.status !== 'afventer_lbf') throw new ConflictError('Forslaget er allerede afgjort.');
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await updateProposal(trx, id, { status: 'trukket_tilbage' }, proposal.status))) throw new ConflictError('Forslaget blev ændret af en anden samtidig.');
      await recordAudit(trx, { ...actor, planId }, { action: 'update', entityType: 'plan_change_proposal', entityId: id, summary: 'Ændringsforslag trukket tilbage', before: { status: proposal.status }, after: { status: 'trukket_tilbage' } });
    });
    return this.proposal(planId, id);
  }

  /**
   * Applies an agreed proposal's fields onto the element's current version, as a new version. Runs inside the
   * decision's transaction and must not read through the database handle (on SQLite that would wait for itself).
   */
  private async apply(trx: Q, planId: string, actor: Actor, element: PlanElement, proposal: ChangeProposal, decidedBy: string): Promise<void> {
    const version = await this.writeVersion(trx, planId, actor, element, { ...(element.data as object), ...proposal.changes }, `${proposal.reason} (vedtaget: ${decidedBy})`, proposal.id);
    await updateProposal(trx, proposal.id, { applied_version: version }, 'vedtaget');
  }

  /** Every version of an element, oldest first, with the table of what changed between them. */
  async history(planId: string, elementId: string): Promise<{ element: PlanElement; versions: ElementVersion[]; table: ReturnType<typeof historyTable> }> {
    const element = await this.element(planId, elementId);
    const versions = (await listVersions(this.database.db, elementId)).map((v) => ({
      version: v.version, data: JSON.parse(v.data) as unknown, createdAt: v.created_at, createdBy: v.created_by_label, reason: v.reason, proposalId: v.proposal_id,
    }));
    return { element, versions, table: historyTable(versions.map((v) => v.data)) };
  }
}
