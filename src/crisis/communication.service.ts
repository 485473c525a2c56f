/**
 * Incidents' communication plans and the plan's press contacts (issue 7, item 5): who tells residents, staff, the
 * afdelinger's boards, the press and others what, through which channel and when, suggested from the beredskabsplan
 * (content/communication.ts) and approved before anything goes out (the rules in communication.ts). Every change of an
 * item is written with its entry in the incident's log (kind `kommunikation`) and in the audit log, in one
 * transaction; the item's status is checked inside that transaction, so two people deciding at once cannot both win.
 *
 * Who may do what is the routes' business (`beredskab.read` to read, `beredskab.activate` to draft, decide and send,
 * `governance.manage` to keep the press contacts); the four-eyes rule is the service's: the approver is compared with
 * the submitter by user id.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppServices } from '../app.js';
import { newId, nowIso } from '../db/ids.js';
import type { Db } from '../db/database.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { meetingServiceFor, type BodyMember } from '../governance/meetings.service.js';
import {
  AUDIENCE_NAMES,
  CHANNEL_NAMES,
  communicationInputErrors,
  decisionRefusal,
  deleteRefusal,
  editRefusal,
  memberLabel,
  rejectionErrors,
  sendRefusal,
  STATUS_NAMES,
  statusAfterEdit,
  submitRefusal,
  suggestCommunicationPlan,
  type Audience,
  type Channel,
  type CommunicationContent,
  type CommunicationInput,
  type CommunicationStatus,
  pressContactErrors,
  type PressContactInput,
} from './communication.js';
import * as repo from './communication.repository.js';
import type { Communication, PressContact } from './communication.repository.js';
import { crisisLogFor } from './crisis-log.service.js';
import type { CrisisCommunicationRow, CrisisPressContactRow } from './crisis.table.js';
import { incidentLabel, loadIncident, type Incident } from './incident.js';
import { LEVEL_NAMES, situationType } from './levels.js';
import { pressContactsOf } from './press-contacts.js';

export type { Communication, PressContact } from './communication.repository.js';
export type { PressContactInput } from './communication.js';

/** Everything the communication page shows. */
export interface CommunicationPlanView {
  incident: Incident;
  items: Communication[];
  members: BodyMember[];
  pressContacts: PressContact[];
  /** How many of the beredskabsplan's suggestions the plan does not hold yet. */
  missingSuggestions: number;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** «Kommunikation til beboere (Opslag i opgangen)», as the log and the audit name an item. */
export function itemLabel(item: { audience: Audience; audienceDetail: string | null; channel: Channel }): string {
  const who = item.audienceDetail ? `${AUDIENCE_NAMES[item.audience].toLowerCase()}: ${item.audienceDetail}` : AUDIENCE_NAMES[item.audience].toLowerCase();
  return `Kommunikation til ${who} (${CHANNEL_NAMES[item.channel]})`;
}

const contentOf = (c: Communication): CommunicationContent => ({
  audience: c.audience,
  audienceDetail: c.audienceDetail,
  responsibleMemberId: c.responsibleMemberId,
  responsibleLabel: c.responsibleLabel,
  message: c.message,
  channel: c.channel,
  plannedAt: c.plannedAt,
});

/** The facts of an item the log keeps with each event, so the log alone shows what was approved and sent. */
const logData = (c: Communication) => ({
  communicationId: c.id,
  status: c.status,
  audience: c.audience,
  audienceDetail: c.audienceDetail,
  responsible: c.responsibleLabel,
  channel: c.channel,
  plannedAt: c.plannedAt,
  message: c.message,
});

/** Planned items by time, then unplanned ones, each in the order added. */
function byPlan(a: Communication, b: Communication): number {
  if (a.plannedAt !== b.plannedAt) {
    if (a.plannedAt === null) return 1;
    if (b.plannedAt === null) return -1;
    return a.plannedAt < b.plannedAt ? -1 : 1;
  }
  return a.sortOrder - b.sortOrder || a.id.localeCompare(b.id);
}

export class CommunicationService {
  constructor(private readonly services: AppServices) {}

  private get database(): Db {
    return this.services.database;
  }

  private members(planId: string): Promise<BodyMember[]> {
    return meetingServiceFor(this.services).members(planId, 'beredskabsgruppe');
  }

  // Press contacts

  /** The plan's press contacts in order (seeded from the beredskabsplan the first time). */
  pressContacts(planId: string): Promise<PressContact[]> {
    return pressContactsOf(this.database, this.services.clock, planId);
  }

  async pressContact(planId: string, id: string): Promise<PressContact> {
    await pressContactsOf(this.database, this.services.clock, planId);
    const row = await repo.findPressContact(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Pressekontakten findes ikke.');
    return repo.toPressContact(row);
  }

  /** Adds a press contact at the end of the list. @throws ValidationError */
  async createPressContact(actor: Actor, planId: string, input: PressContactInput): Promise<PressContact> {
    const errors = pressContactErrors(input);
    if (errors.length > 0) throw new ValidationError(errors);
    await pressContactsOf(this.database, this.services.clock, planId);
    return this.database.db.transaction().execute(async (trx) => {
      const at = nowIso(this.services.clock);
      const row: CrisisPressContactRow = {
        id: newId(),
        plan_id: planId,
        organisation: input.organisation.trim(),
        position: input.position.trim(),
        name: orNull(input.name),
        phone: orNull(input.phone),
        email: orNull(input.email),
        sort_order: await repo.nextPressContactOrder(trx, planId),
        created_at: at,
        updated_at: at,
      };
      await repo.insertPressContacts(trx, [row]);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_press_contact',
        entityId: row.id,
        summary: `Tilføjede pressekontakten ${row.position}, ${row.organisation}`,
        after: { organisation: row.organisation, position: row.position, name: row.name, phone: row.phone, email: row.email },
        planId,
      });
      return repo.toPressContact(row);
    });
  }

  /** @throws ValidationError, NotFoundError */
  async updatePressContact(actor: Actor, planId: string, id: string, input: PressContactInput): Promise<PressContact> {
    const errors = pressContactErrors(input);
    if (errors.length > 0) throw new ValidationError(errors);
    return this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findPressContact(trx, planId, id);
      if (!before) throw new NotFoundError('Pressekontakten findes ikke.');
      const after: CrisisPressContactRow = {
        ...before,
        organisation: input.organisation.trim(),
        position: input.position.trim(),
        name: orNull(input.name),
        phone: orNull(input.phone),
        email: orNull(input.email),
        updated_at: nowIso(this.services.clock),
      };
      await repo.updatePressContact(trx, after);
      const fields = ['organisation', 'position', 'name', 'phone', 'email'] as const;
      const changed = fields.filter((f) => before[f] !== after[f]);
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_press_contact',
        entityId: id,
        summary: `Ændrede pressekontakten ${after.position}, ${after.organisation}`,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        planId,
      });
      return repo.toPressContact(after);
    });
  }

  /** @throws NotFoundError */
  async deletePressContact(actor: Actor, planId: string, id: string): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findPressContact(trx, planId, id);
      if (!before) throw new NotFoundError('Pressekontakten findes ikke.');
      await repo.deletePressContact(trx, planId, id);
      await recordAudit(trx, actor, {
        action: 'delete',
        entityType: 'crisis_press_contact',
        entityId: id,
        summary: `Slettede pressekontakten ${before.position}, ${before.organisation}`,
        before: { organisation: before.organisation, position: before.position, name: before.name, phone: before.phone, email: before.email },
        planId,
      });
    });
  }

  // The communication plan

  /** An incident's items, planned ones by time. @throws NotFoundError for another plan's incident */
  async items(planId: string, incidentId: string): Promise<Communication[]> {
    await loadIncident(this.database, planId, incidentId);
    return (await repo.listCommunications(this.database.db, planId, incidentId)).map(repo.toCommunication).sort(byPlan);
  }

  /** One item of the incident. @throws NotFoundError */
  async item(planId: string, incidentId: string, id: string): Promise<Communication> {
    const row = await repo.findCommunication(this.database.db, planId, incidentId, id);
    if (!row) throw new NotFoundError('Punktet findes ikke i hændelsens kommunikationsplan.');
    return repo.toCommunication(row);
  }

  /** Everything the communication page shows. */
  async plan(planId: string, incidentId: string): Promise<CommunicationPlanView> {
    const incident = await loadIncident(this.database, planId, incidentId);
    const [items, members, pressContacts, facts] = await Promise.all([
      this.items(planId, incidentId),
      this.members(planId),
      this.pressContacts(planId),
      this.facts(planId, incident),
    ]);
    const keys = new Set(items.map((i) => i.suggestionKey).filter((k): k is string => k !== null));
    const missingSuggestions = suggestCommunicationPlan(members, facts, keys).length;
    return { incident, items, members, pressContacts, missingSuggestions };
  }

  /** What the suggested messages are filled in with: the situation, the area and the level in words. */
  private async facts(planId: string, incident: Incident): Promise<{ situation: string; area: string; level: string }> {
    const snapshot = await this.services.plan.snapshot(planId);
    const area = incident.areaSlug ? snapshot.areas().find((a) => a.data.slug === incident.areaSlug)?.data.name : undefined;
    const label = situationType(incident.situationType)?.label;
    return {
      situation: label && incident.situationType !== 'andet' ? label.toLowerCase() : 'en alvorlig hændelse',
      area: area ?? 'boligområderne',
      level: LEVEL_NAMES[incident.level].toLowerCase(),
    };
  }

  /**
   * Adds the beredskabsplan's suggestions the incident's plan does not hold yet, as drafts; one log entry names them.
   * Returns the items added (none when every suggestion is there already).
   */
  async suggest(actor: Actor, planId: string, incidentId: string): Promise<Communication[]> {
    const incident = await loadIncident(this.database, planId, incidentId);
    const [members, facts] = await Promise.all([this.members(planId), this.facts(planId, incident)]);
    return this.database.db.transaction().execute(async (trx) => {
      const existing = await repo.listCommunications(trx, planId, incidentId);
      const keys = new Set(existing.map((r) => r.suggestion_key).filter((k): k is string => k !== null));
      const suggested = suggestCommunicationPlan(members, facts, keys);
      if (suggested.length === 0) return [];
      const at = nowIso(this.services.clock);
      let order = await repo.nextCommunicationOrder(trx, incidentId);
      const rows = suggested.map((s) =>
        this.row(planId, incidentId, actor, at, order++, {
          audience: s.audience,
          audienceDetail: s.audienceDetail,
          responsibleMemberId: s.responsibleMemberId,
          responsibleLabel: s.responsibleLabel,
          message: s.message,
          channel: s.channel,
          plannedAt: null,
        }, { suggestionKey: s.suggestionKey, planRef: s.planRef }),
      );
      await repo.insertCommunications(trx, rows);
      const items = rows.map(repo.toCommunication);
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'kommunikation',
        text: `Kommunikationsplan foreslået efter beredskabsplanen: ${rows.length === 1 ? '1 punkt' : `${rows.length} punkter`} som kladde.`,
        data: { items: items.map((i) => ({ id: i.id, audience: i.audience, responsible: i.responsibleLabel, channel: i.channel, planRef: i.planRef })) },
      });
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_communication',
        entityId: incidentId,
        summary: `Oprettede ${rows.length} punkter i kommunikationsplanen for ${incidentLabel(incident)} efter beredskabsplanen`,
        planId,
      });
      return items;
    });
  }

  private row(
    planId: string,
    incidentId: string,
    actor: Actor,
    at: string,
    order: number,
    content: CommunicationContent,
    source: { suggestionKey: string | null; planRef: string | null } = { suggestionKey: null, planRef: null },
  ): CrisisCommunicationRow {
    return {
      id: newId(),
      plan_id: planId,
      incident_id: incidentId,
      audience: content.audience,
      audience_detail: content.audienceDetail,
      responsible_member_id: content.responsibleMemberId,
      responsible_label: content.responsibleLabel,
      message: content.message,
      channel: content.channel,
      planned_at: content.plannedAt,
      status: 'kladde',
      submitted_at: null,
      submitted_by_user_id: null,
      submitted_by_label: null,
      approved_at: null,
      approved_by_user_id: null,
      approved_by_label: null,
      rejected_at: null,
      rejected_by_label: null,
      rejection_reason: null,
      sent_at: null,
      sent_by_label: null,
      suggestion_key: source.suggestionKey,
      plan_ref: source.planRef,
      sort_order: order,
      created_at: at,
      updated_at: at,
      updated_by_label: actor.label,
    };
  }

  /** The item's content from checked input: the member's name as the plan shows it, or the named person. */
  private async content(planId: string, input: CommunicationInput, extra: FieldError[] = []): Promise<CommunicationContent> {
    const errors = [...extra, ...communicationInputErrors(input)];
    let member: BodyMember | undefined;
    if (input.responsibleMemberId !== '') {
      member = (await this.members(planId)).find((m) => m.id === input.responsibleMemberId);
      if (!member) errors.push({ field: 'responsibleMemberId', message: 'Det valgte medlem findes ikke i beredskabsgruppen. Vælg et andet, eller skriv et navn.' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return {
      audience: input.audience as Audience,
      audienceDetail: orNull(input.audienceDetail),
      responsibleMemberId: member?.id ?? null,
      responsibleLabel: member ? memberLabel(member) : input.responsibleName.trim(),
      message: input.message.trim(),
      channel: input.channel as Channel,
      plannedAt: input.plannedAt === '' ? null : input.plannedAt,
    };
  }

  /**
   * Adds an item as a draft. `timeErrors` are the edge's problems with the planned time, reported with the rest.
   * @throws ValidationError, NotFoundError
   */
  async create(actor: Actor, planId: string, incidentId: string, input: CommunicationInput, timeErrors: FieldError[] = []): Promise<Communication> {
    const content = await this.content(planId, input, timeErrors);
    return this.database.db.transaction().execute(async (trx) => {
      const incident = await loadIncident(trx, planId, incidentId);
      const row = this.row(planId, incidentId, actor, nowIso(this.services.clock), await repo.nextCommunicationOrder(trx, incidentId), content);
      await repo.insertCommunications(trx, [row]);
      const item = repo.toCommunication(row);
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'kommunikation',
        text: `${itemLabel(item)} oprettet som kladde; ansvarlig: ${item.responsibleLabel}.`,
        data: logData(item),
      });
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_communication',
        entityId: item.id,
        summary: `Oprettede punktet «${itemLabel(item)}» i kommunikationsplanen for ${incidentLabel(incident)}`,
        after: logData(item),
        planId,
      });
      return item;
    });
  }

  /**
   * Changes an item. A change to what goes out puts a submitted, approved or rejected item back to draft; a sent item
   * cannot be changed (409). @throws ValidationError, ConflictError, NotFoundError
   */
  async update(actor: Actor, planId: string, incidentId: string, id: string, input: CommunicationInput, timeErrors: FieldError[] = []): Promise<Communication> {
    const content = await this.content(planId, input, timeErrors);
    return this.change(actor, planId, incidentId, id, (before) => {
      const refusal = editRefusal(before);
      if (refusal) throw new ConflictError(refusal);
      const status = statusAfterEdit(before.status, contentOf(before), content);
      const reset = status !== before.status;
      const changed = [...new Set((Object.keys(content) as (keyof CommunicationContent)[]).filter((k) => (before[k] ?? null) !== (content[k] ?? null)).map((k) => FIELD_NAMES[k]))];
      return {
        patch: {
          audience: content.audience,
          audience_detail: content.audienceDetail,
          responsible_member_id: content.responsibleMemberId,
          responsible_label: content.responsibleLabel,
          message: content.message,
          channel: content.channel,
          planned_at: content.plannedAt,
          status,
          // Back to draft: the earlier submission and decision no longer apply to what will go out.
          ...(reset ? { submitted_at: null, submitted_by_user_id: null, submitted_by_label: null, approved_at: null, approved_by_user_id: null, approved_by_label: null } : {}),
        },
        text: (after) =>
          `${itemLabel(after)} ændret${changed.length > 0 ? ` (${changed.join(', ')})` : ''}.` +
          (reset ? ` Status sat fra «${STATUS_NAMES[before.status]}» tilbage til kladde; punktet skal godkendes igen.` : ''),
        audit: `Ændrede punktet «${itemLabel(before)}»`,
      };
    });
  }

  /** Sends a draft or rejected item for approval. @throws ConflictError, NotFoundError */
  submit(actor: Actor, planId: string, incidentId: string, id: string): Promise<Communication> {
    return this.change(actor, planId, incidentId, id, (before, at) => {
      const refusal = submitRefusal(before);
      if (refusal) throw new ConflictError(refusal);
      return {
        patch: { status: 'til_godkendelse', submitted_at: at, submitted_by_user_id: actor.userId, submitted_by_label: actor.label },
        text: (after) => `${itemLabel(after)} sendt til godkendelse af ${actor.label}.`,
        audit: `Sendte punktet «${itemLabel(before)}» til godkendelse`,
      };
    });
  }

  /** Approves an item awaiting approval; the submitter may not (four eyes). @throws ConflictError, NotFoundError */
  approve(actor: Actor, planId: string, incidentId: string, id: string): Promise<Communication> {
    return this.change(actor, planId, incidentId, id, (before, at) => {
      const refusal = decisionRefusal(before, actor.userId);
      if (refusal) throw new ConflictError(refusal);
      return {
        patch: { status: 'godkendt', approved_at: at, approved_by_user_id: actor.userId, approved_by_label: actor.label, rejected_at: null, rejected_by_label: null, rejection_reason: null },
        text: (after) => `${itemLabel(after)} godkendt af ${actor.label}.`,
        audit: `Godkendte punktet «${itemLabel(before)}»`,
      };
    });
  }

  /** Rejects an item awaiting approval, with a reason. @throws ValidationError, ConflictError, NotFoundError */
  reject(actor: Actor, planId: string, incidentId: string, id: string, reason: string): Promise<Communication> {
    const errors = rejectionErrors(reason);
    if (errors.length > 0) throw new ValidationError(errors);
    return this.change(actor, planId, incidentId, id, (before, at) => {
      const refusal = decisionRefusal(before, actor.userId);
      if (refusal) throw new ConflictError(refusal);
      return {
        patch: { status: 'afvist', rejected_at: at, rejected_by_label: actor.label, rejection_reason: reason.trim() },
        text: (after) => `${itemLabel(after)} afvist af ${actor.label}. Begrundelse: ${reason.trim()}`,
        audit: `Afviste punktet «${itemLabel(before)}»`,
      };
    });
  }

  /** Records that an approved item has gone out; refused (409) unless approved. @throws ConflictError, NotFoundError */
  markSent(actor: Actor, planId: string, incidentId: string, id: string): Promise<Communication> {
    return this.change(actor, planId, incidentId, id, (before, at) => {
      const refusal = sendRefusal(before);
      if (refusal) throw new ConflictError(refusal);
      return {
        patch: { status: 'udsendt', sent_at: at, sent_by_label: actor.label },
        text: (after) => `${itemLabel(after)} udsendt, registreret af ${actor.label}; godkendt af ${after.approvedByLabel ?? 'ukendt'}.`,
        audit: `Markerede punktet «${itemLabel(before)}» som udsendt`,
      };
    });
  }

  /** Deletes an item that has not gone out. @throws ConflictError, NotFoundError */
  async remove(actor: Actor, planId: string, incidentId: string, id: string): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const incident = await loadIncident(trx, planId, incidentId);
      const row = await repo.findCommunication(trx, planId, incidentId, id);
      if (!row) throw new NotFoundError('Punktet findes ikke i hændelsens kommunikationsplan.');
      const item = repo.toCommunication(row);
      const refusal = deleteRefusal(item);
      if (refusal) throw new ConflictError(refusal);
      await repo.deleteCommunication(trx, planId, id);
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, {
        kind: 'kommunikation',
        text: `${itemLabel(item)} slettet fra kommunikationsplanen (status var «${STATUS_NAMES[item.status]}»).`,
        data: logData(item),
      });
      await recordAudit(trx, actor, {
        action: 'delete',
        entityType: 'crisis_communication',
        entityId: id,
        summary: `Slettede punktet «${itemLabel(item)}» fra kommunikationsplanen for ${incidentLabel(incident)}`,
        before: logData(item),
        planId,
      });
    });
  }

  /** One change of an item: loaded and checked inside the transaction, written with its log entry and audit. */
  private async change(
    actor: Actor,
    planId: string,
    incidentId: string,
    id: string,
    decide: (before: Communication, at: string) => { patch: Partial<CrisisCommunicationRow> & { status: CommunicationStatus }; text: (after: Communication) => string; audit: string },
  ): Promise<Communication> {
    return this.database.db.transaction().execute(async (trx) => {
      const incident = await loadIncident(trx, planId, incidentId);
      // The incident row is locked first (PostgreSQL; SQLite writes one transaction at a time), so two decisions on
      // the same item run one after the other and the second sees the first's status.
      if (this.database.engine === 'postgres') await repo.lockIncident(trx, incidentId);
      const stored = await repo.findCommunication(trx, planId, incidentId, id);
      if (!stored) throw new NotFoundError('Punktet findes ikke i hændelsens kommunikationsplan.');
      const before = repo.toCommunication(stored);
      const at = nowIso(this.services.clock);
      const { patch, text, audit } = decide(before, at);
      const row: CrisisCommunicationRow = { ...stored, ...patch, updated_at: at, updated_by_label: actor.label };
      await repo.updateCommunication(trx, row);
      const after = repo.toCommunication(row);
      await crisisLogFor(this.services).append(trx, planId, incidentId, actor, { kind: 'kommunikation', text: text(after), data: logData(after) });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_communication',
        entityId: id,
        summary: `${audit} i kommunikationsplanen for ${incidentLabel(incident)}`,
        before: logData(before),
        after: logData(after),
        planId,
      });
      return after;
    });
  }
}

const FIELD_NAMES: Record<keyof CommunicationContent, string> = {
  audience: 'modtagere',
  audienceDetail: 'uddybning af modtagere',
  responsibleMemberId: 'ansvarlig',
  responsibleLabel: 'ansvarlig',
  message: 'budskab',
  channel: 'kanal',
  plannedAt: 'tidspunkt',
};

const instances = new WeakMap<object, CommunicationService>();

/** One CommunicationService per app, shared by its pages, API, demo data and the crisis card. */
export function communicationServiceFor(services: AppServices): CommunicationService {
  let service = instances.get(services);
  if (!service) {
    service = new CommunicationService(services);
    instances.set(services, service);
  }
  return service;
}
