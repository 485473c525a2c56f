/**
 * Activation and incidents (issue 7, part 2): a member activates the beredskabsplan for an area at yellow or red with
 * the situation and the police consultation (rules in incidents.ts); the meeting deadline is computed once and kept
 * with the incident (deadlines.ts); level changes, a police assessment recorded afterwards and the stand-down follow.
 *
 * Every change is written in one transaction with its entries in the incident's log (crisis-log.service.ts) and an
 * audit entry. After an activation or a level change commits, the convening service (part 3) invites the group or
 * sends it the new deadline; a failure there never undoes the activation, it is reported to the caller.
 *
 * Who: the route requires `beredskab.activate`; the service also requires the user to be linked to a member of the
 * crisis group, or to keep the group (the secretariat, administrators), who may act on behalf of another party.
 */
import type { AppServices } from '../app.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/errors.js';
import { meetingServiceFor, type BodyMember } from '../governance/meetings.service.js';
import { danishDateTime } from '../time/copenhagen.js';
import { conveningServiceFor } from './convening.service.js';
import { crisisAccessOf, visibleEntries, type CrisisAccess } from './crisis-access.js';
import { crisisLogFor, type LogEntry, type LogInput } from './crisis-log.service.js';
import { crisisSettings } from './crisis-settings.js';
import { meetingDeadline, timeLeft } from './deadlines.js';
import { activatedIncidentRow, incidentLabel, loadIncident, type Incident } from './incident.js';
import {
  checkActivation,
  checkLevelChange,
  checkPolice,
  checkReason,
  describePolice,
  LEVEL_ADJECTIVES,
  SEVERAL_AREAS_LABEL,
  type ActivationInput,
  type PoliceInput,
} from './incidents.js';
import * as repo from './incidents.repository.js';
import { situationType } from './levels.js';

/** How many of the latest log entries the incident page shows. */
export const LATEST_ENTRIES = 10;
/** How many earlier incidents the home page lists. */
export const EARLIER_SHOWN = 50;

export interface AreaOption {
  slug: string;
  name: string;
}

/** The outcome of a change that convenes: the incident, and whether the convening after the commit failed. */
export interface Convened {
  incident: Incident;
  conveningError: Error | null;
}

/** Everything the incident page shows, fetched in a handful of queries. */
export interface IncidentOverview {
  incident: Incident;
  access: CrisisAccess;
  areaName: string;
  latest: LogEntry[];
  withheld: number;
  now: Date;
}

/** A member as the on-behalf-of choice lists them: «Lasse Bonde, Politikommissær, Østjyllands Politi». */
export function memberLabel(m: Pick<BodyMember, 'name' | 'role' | 'organisation'>): string {
  return `${m.name ?? 'Ubesat'}, ${m.role}, ${m.organisation}`;
}

/** The situation's name, «Ildspåsættelse», or its key if the vocabulary has lost it. */
export function situationLabel(key: string): string {
  return situationType(key)?.label ?? key;
}

/**
 * Whether the user may activate and change incidents: anyone whose role carries `beredskab.activate` (the crisis
 * group's members, PRODUCT.md, and the secretariat). The role decides, as everywhere in Helhed; the link to a member
 * row identifies the member in the log and gives § 115 access, and the activation form asks an unlinked member's
 * account to be linked.
 */
export function mayAct(access: CrisisAccess): boolean {
  return access.activate;
}

export class IncidentService {
  constructor(private readonly services: AppServices) {}

  private get db() {
    return this.services.database.db;
  }

  now(): Date {
    return this.services.clock();
  }

  access(principal: Pick<Principal, 'userId' | 'roles'>, planId: string): Promise<CrisisAccess> {
    return crisisAccessOf(this.services.database, principal, planId);
  }

  /** The plan's housing areas in the plan's order. */
  async areas(planId: string): Promise<AreaOption[]> {
    const snapshot = await this.services.plan.snapshot(planId);
    return snapshot.areas().map((a) => ({ slug: a.data.slug, name: a.data.name }));
  }

  /** An area's name, or «Flere områder / hele helhedsplanen» for none. */
  async areaName(planId: string, slug: string | null): Promise<string> {
    if (slug === null) return SEVERAL_AREAS_LABEL;
    return (await this.areas(planId)).find((a) => a.slug === slug)?.name ?? slug;
  }

  /** The crisis group's members (principals and substitutes), to activate on behalf of. */
  groupMembers(planId: string): Promise<BodyMember[]> {
    return meetingServiceFor(this.services).members(planId, 'beredskabsgruppe');
  }

  private async requireActor(principal: Pick<Principal, 'userId' | 'roles'>, planId: string): Promise<CrisisAccess> {
    const access = await this.access(principal, planId);
    if (!mayAct(access)) {
      throw new ForbiddenError('Kun beredskabsgruppens medlemmer kan aktivere beredskabet og ændre en hændelse; sekretariatet kan gøre det på vegne af en anden. Bed sekretariatet knytte din bruger til dit medlemskab af gruppen.');
    }
    return access;
  }

  /**
   * Activates the beredskabsplan: checks the input, numbers the incident, fixes the deadline from now and the plan's
   * closing days, and logs the activation and the police consultation; then convenes the group.
   *
   * @throws ValidationError with Danish messages by field; ForbiddenError for a user who may not activate
   */
  async activate(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, input: ActivationInput): Promise<Convened> {
    const access = await this.requireActor(principal, planId);
    const now = this.now();
    const [areas, members, settings] = await Promise.all([this.areas(planId), this.groupMembers(planId), crisisSettings(this.services.database, planId)]);
    const { errors, value } = checkActivation(input, {
      areaSlugs: areas.map((a) => a.slug),
      memberIds: members.map((m) => m.id),
      now,
      maySpeakForOthers: access.manage,
      isMember: access.memberIds.length > 0,
    });
    if (!value) throw new ValidationError(errors);

    const deadline = meetingDeadline(value.level, now, settings.closingDays);
    const at = now.toISOString();
    const behalf = value.onBehalfOf;
    const behalfMember = behalf && 'memberId' in behalf ? (members.find((m) => m.id === behalf.memberId) ?? null) : null;
    const ownMember = members.find((m) => access.memberIds.includes(m.id)) ?? null;
    const onBehalfOf = behalfMember ? memberLabel(behalfMember) : behalf && 'name' in behalf ? behalf.name : null;
    const activatedBy = ownMember ? `${memberLabel(ownMember)} (${actor.label})` : actor.label;
    const areaName = value.areaSlug === null ? SEVERAL_AREAS_LABEL : (areas.find((a) => a.slug === value.areaSlug)?.name ?? value.areaSlug);
    const id = newId();

    const incident = await this.db.transaction().execute(async (trx) => {
      await repo.lockPlanForNumbering(trx, this.services.database.engine, planId);
      const number = await repo.nextIncidentNumber(trx, planId);
      const row = activatedIncidentRow({
        id,
        plan_id: planId,
        number,
        area_slug: value.areaSlug,
        situation_type: value.situationType,
        description: value.description,
        level: value.level,
        activated_at: at,
        activated_by_user_id: actor.userId,
        activated_by_label: activatedBy,
        // The member the activation is for: the one the secretariat speaks for, or the activator's own.
        activated_by_member_id: behalfMember?.id ?? ownMember?.id ?? null,
        on_behalf_of: onBehalfOf,
        police_status: value.police.status,
        police_contact: value.police.contact,
        police_contacted_at: value.police.contactedAt,
        police_assessed_level: value.police.assessedLevel,
        deadline_at: deadline.toISOString(),
      });
      await repo.insertIncidentRow(trx, row);
      const type = situationLabel(value.situationType);
      const entries: LogInput[] = [
        {
          kind: 'aktivering',
          text:
            `Beredskabet aktiveret på ${LEVEL_ADJECTIVES[value.level]} niveau for ${areaName}: ${type}. ` +
            `Aktiveret af ${activatedBy}${onBehalfOf ? ` på vegne af ${onBehalfOf}` : ''}. ` +
            `Mødefrist: ${danishDateTime(deadline)}. Beskrivelse: ${value.description}`,
          data: { level: value.level, areaSlug: value.areaSlug, situationType: value.situationType, deadlineAt: row.deadline_at, levelSetAt: at, onBehalfOf, memberId: row.activated_by_member_id },
        },
        { kind: 'politi', text: describePolice(value.police), data: { ...value.police } },
      ];
      await crisisLogFor(this.services).appendAll(trx, planId, id, actor, entries);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_incident',
        entityId: id,
        summary: `Aktiverede beredskabet (hændelse ${number}) på ${LEVEL_ADJECTIVES[value.level]} niveau for ${areaName}${onBehalfOf ? ` på vegne af ${onBehalfOf}` : ''}`,
        after: { number, level: value.level, areaSlug: value.areaSlug, situationType: value.situationType, deadlineAt: row.deadline_at, police: value.police.status, onBehalfOf },
        planId,
      });
      return loadIncident(trx, planId, id);
    });
    return { incident, conveningError: await this.convene(actor, planId, id) };
  }

  /** Calls the convening service after a commit; its failure is handed back, not thrown, as the change is kept. */
  private async convene(actor: Actor, planId: string, incidentId: string): Promise<Error | null> {
    try {
      await conveningServiceFor(this.services).onLevelSet(actor, planId, incidentId);
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** An incident of the plan the user may change, locked, or the right error. */
  private async activeIncident(trx: Parameters<typeof repo.lockedIncident>[0], planId: string, id: string): Promise<Incident> {
    const incident = await repo.lockedIncident(trx, this.services.database.engine, planId, id);
    if (!incident) throw new NotFoundError('Hændelsen findes ikke i planen.');
    if (incident.status !== 'aktiv') throw new ConflictError(`${incidentLabel(incident)} er afmeldt og kan ikke ændres.`);
    return incident;
  }

  /**
   * Changes the level (yellow ↔ red) with a reason. The new level's deadline is fixed from the time of the change; the
   * old one is kept in the log. Convenes after the commit.
   */
  async changeLevel(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, id: string, input: { level: string; reason: string }): Promise<Convened> {
    await this.requireActor(principal, planId);
    const settings = await crisisSettings(this.services.database, planId);
    const incident = await this.db.transaction().execute(async (trx) => {
      const before = await this.activeIncident(trx, planId, id);
      const { errors, level } = checkLevelChange(before.level, input);
      if (!level) throw new ValidationError(errors);
      const now = this.now();
      const at = now.toISOString();
      const deadline = meetingDeadline(level, now, settings.closingDays);
      const reason = input.reason.trim();
      await repo.updateIncidentRow(trx, planId, id, { level, deadline_at: deadline.toISOString(), level_set_at: at, updated_at: at });
      await crisisLogFor(this.services).append(trx, planId, id, actor, {
        kind: 'niveau',
        text:
          `Niveauet ændret fra ${LEVEL_ADJECTIVES[before.level]} til ${LEVEL_ADJECTIVES[level]} af ${actor.label}. Begrundelse: ${reason} ` +
          `Ny mødefrist: ${danishDateTime(deadline)} (før: ${danishDateTime(before.deadlineAt)}).`,
        data: { from: before.level, to: level, reason, deadlineAt: deadline.toISOString(), previousDeadlineAt: before.deadlineAt, levelSetAt: at },
      });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_incident',
        entityId: id,
        summary: `Ændrede ${incidentLabel(before).toLowerCase()} fra ${LEVEL_ADJECTIVES[before.level]} til ${LEVEL_ADJECTIVES[level]} niveau`,
        before: { level: before.level, deadlineAt: before.deadlineAt },
        after: { level, deadlineAt: deadline.toISOString(), reason },
        planId,
      });
      return loadIncident(trx, planId, id);
    });
    return { incident, conveningError: await this.convene(actor, planId, id) };
  }

  /** Records the police's assessment (or the call to 114) after an activation that went ahead without it. */
  async recordPolice(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, id: string, input: PoliceInput): Promise<Incident> {
    await this.requireActor(principal, planId);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.activeIncident(trx, planId, id);
      if (before.police.status === 'vurderet') throw new ConflictError('Politiets vurdering er allerede registreret for hændelsen.');
      const { errors, value } = checkPolice(input, { level: before.level, now: this.now(), afterwards: true });
      if (!value) throw new ValidationError(errors);
      const at = nowIso(this.services.clock);
      await repo.updateIncidentRow(trx, planId, id, {
        police_status: value.status,
        police_contact: value.contact,
        police_contacted_at: value.contactedAt,
        police_assessed_level: value.assessedLevel,
        updated_at: at,
      });
      await crisisLogFor(this.services).append(trx, planId, id, actor, { kind: 'politi', text: `${describePolice(value)} Registreret efter aktiveringen af ${actor.label}.`, data: { ...value, previousStatus: before.police.status } });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_incident',
        entityId: id,
        summary: `Registrerede politiets vurdering af ${incidentLabel(before).toLowerCase()}`,
        before: { police: before.police },
        after: { police: value },
        planId,
      });
      return loadIncident(trx, planId, id);
    });
  }

  /** Stands the beredskab down with a reason; the incident is then closed to changes and ready to be evaluated. */
  async standDown(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, id: string, input: { reason: string }): Promise<Incident> {
    await this.requireActor(principal, planId);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.activeIncident(trx, planId, id);
      const errors = checkReason(input.reason, 'afmelding');
      if (errors.length > 0) throw new ValidationError(errors);
      const reason = input.reason.trim();
      const at = nowIso(this.services.clock);
      await repo.updateIncidentRow(trx, planId, id, { status: 'afmeldt', stood_down_at: at, stood_down_by_label: actor.label, stand_down_reason: reason, updated_at: at });
      await crisisLogFor(this.services).append(trx, planId, id, actor, {
        kind: 'afmelding',
        text: `Beredskabet afmeldt af ${actor.label} på ${LEVEL_ADJECTIVES[before.level]} niveau. Begrundelse: ${reason}`,
        data: { level: before.level, reason, stoodDownAt: at },
      });
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'crisis_incident',
        entityId: id,
        summary: `Afmeldte beredskabet for ${incidentLabel(before).toLowerCase()}`,
        before: { status: before.status },
        after: { status: 'afmeldt', reason },
        planId,
      });
      return loadIncident(trx, planId, id);
    });
  }

  /** The home page's lists: active incidents (the nearest deadline first), then the latest earlier ones. */
  async home(planId: string): Promise<{ active: Incident[]; earlier: Incident[]; earlierTotal: number; areas: AreaOption[] }> {
    const [active, earlier, areas] = await Promise.all([repo.listActiveIncidents(this.db, planId), repo.listEarlierIncidents(this.db, planId, EARLIER_SHOWN), this.areas(planId)]);
    return { active, earlier: earlier.incidents, earlierTotal: earlier.total, areas };
  }

  /** The API's list, the latest first. */
  list(planId: string, options: { status?: 'aktiv' | 'afmeldt'; limit?: number } = {}): Promise<Incident[]> {
    return repo.listAllIncidents(this.db, planId, { ...(options.status ? { status: options.status } : {}), limit: options.limit ?? 1000 });
  }

  get(planId: string, id: string): Promise<Incident> {
    return loadIncident(this.services.database, planId, id);
  }

  /** The incident page's content: the incident, who activated it, and the latest log entries the reader may read. */
  async overview(principal: Pick<Principal, 'userId' | 'roles'>, planId: string, id: string): Promise<IncidentOverview> {
    // Members silent past their time are escalated before the overview is read, so it never shows a stale state.
    await conveningServiceFor(this.services).escalateDue(planId);
    const [incident, access] = await Promise.all([loadIncident(this.services.database, planId, id), this.access(principal, planId)]);
    const [latest, areaName] = await Promise.all([crisisLogFor(this.services).latest(planId, id, LATEST_ENTRIES), this.areaName(planId, incident.areaSlug)]);
    const shown = visibleEntries(access, latest);
    return { incident, access, areaName, latest: shown.entries, withheld: shown.withheld, now: this.now() };
  }

  /** The deadline's time left now, for pages and the API. */
  timeLeft(incident: Pick<Incident, 'deadlineAt'>): { overdue: boolean; text: string } {
    return timeLeft(new Date(incident.deadlineAt), this.now());
  }
}

const instances = new WeakMap<object, IncidentService>();

/** One IncidentService per app. */
export function incidentServiceFor(services: AppServices): IncidentService {
  let service = instances.get(services);
  if (!service) {
    service = new IncidentService(services);
    instances.set(services, service);
  }
  return service;
}

