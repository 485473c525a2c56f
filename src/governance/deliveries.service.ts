/**
 * Data deliveries (issue 6, item 3): before each steering-group meeting the secretariat asks the member organisations
 * for their progress, each organisation's partner users deliver hours, outputs, milestone statuses and a short
 * narrative per activity, and the secretariat follows who has delivered and reminds those who have not.
 *
 * The figures are read from where they are kept (staff hours, outputs, milestones) and stored with each item as they
 * stood when it was saved, and again when the request is delivered, so the progress report reads what was delivered
 * whatever is corrected later. E-mail is sent after the rows are committed (see MailService), never inside a
 * transaction.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { permissionsOf } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { outputServiceFor } from '../activities/outputs.service.js';
import { organisationMatches } from '../activities/staff-hours.js';
import { staffHourServiceFor } from '../activities/staff-hours.service.js';
import { mailServiceFor, type MailService, type OutgoingMail, type SentMail } from '../mail/mail.service.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import {
  deadlineProblems,
  defaultDeadline,
  deliveryStatus,
  narrativeProblems,
  parseFigures,
  reminderMail,
  requestMail,
  type DeliveryFigures,
  type DeliveryStatus,
} from './deliveries.js';
import * as repo from './deliveries.repository.js';
import type { DeliveryItemRow } from './governance.table.js';
import { meetingLabel, meetingServiceFor, type Meeting, type MeetingService } from './meetings.service.js';
import { milestoneServiceFor, type MilestoneService } from './milestones.service.js';

export type { DeliveryFigures, DeliveryStatus } from './deliveries.js';

/** What e-mails about a request are recorded as. */
export const MAIL_PURPOSE = { request: 'delivery-request', reminder: 'delivery-reminder' } as const;

export interface DeliveryItemView {
  /** Empty for the organisation's delivery as a whole (an organisation granted no activity). */
  activitySlug: string;
  activityName: string;
  narrative: string | null;
  figures: DeliveryFigures | null;
  updatedAt: string;
  updatedByLabel: string;
}

export interface DeliveryRequestView {
  id: string;
  meetingId: string;
  organisationId: string;
  organisationName: string;
  deadline: string;
  requestedAt: string;
  deliveredAt: string | null;
  deliveredByLabel: string | null;
  reminderCount: number;
  lastRemindedAt: string | null;
  /** As of today (`deliveryStatus`). */
  status: DeliveryStatus;
  items: DeliveryItemView[];
}

export interface MeetingDeliveries {
  meetingId: string;
  requests: DeliveryRequestView[];
}

/** The secretariat's page of a meeting: its requests with the e-mails about each, and whom it may ask. */
export interface DeliveryOverview extends MeetingDeliveries {
  meeting: Meeting;
  label: string;
  today: string;
  mailConfigured: boolean;
  /** The e-mails about each request, newest first. */
  mails: Map<string, SentMail[]>;
  organisations: (repo.OrganisationChoice & { suggested: boolean; requested: boolean })[];
  defaultDeadline: string;
  /** Why no requests may be made for this meeting, or null. */
  closedReason: string | null;
}

/** One activity on a delivery's page: what is saved, and the figures as they stand (or as delivered). */
export interface DeliveryActivity {
  slug: string;
  name: string;
  item: DeliveryItemView | null;
  figures: DeliveryFigures;
  /** The activity's milestones with ids, so a partner may set a status from the page. */
  milestones: { id: string; title: string; dueDate: string; status: string; completedOn: string | null; flag: string | null }[];
  /** Whether the viewer may set those milestones' status (the milestone service's rule: granted activities). */
  maySetMilestones: boolean;
}

export interface DeliveryDetail {
  request: DeliveryRequestView;
  meeting: Meeting;
  label: string;
  activities: DeliveryActivity[];
  mayEdit: boolean;
  mayReopen: boolean;
  mails: SentMail[];
}

/** A request in someone's list, with its meeting. */
export interface RequestListEntry extends DeliveryRequestView {
  meetingLabel: string;
  meetingDate: string;
}

/** What a request or reminder did: the requests written and the e-mails, and organisations nobody could be asked in. */
export interface SendResult {
  requests: number;
  mails: SentMail[];
  withoutRecipients: string[];
}

type AppLike = { database: Db; plan: PlanService; clock: () => Date; config: Pick<Config, 'publicUrl' | 'mail'> & { monitoring: { smallNumberThreshold: number } } };

export class DeliveryService {
  private readonly meetings: MeetingService;
  private readonly milestones: MilestoneService;
  private readonly mail: MailService;

  constructor(private readonly app: AppLike) {
    this.meetings = meetingServiceFor(app);
    this.milestones = milestoneServiceFor(app);
    this.mail = mailServiceFor(app);
  }

  private get db() {
    return this.app.database.db;
  }

  private today(): string {
    return danishDateOf(this.app.clock());
  }

  get mailConfigured(): boolean {
    return this.mail.configured;
  }

  /** A meeting's requests with what each organisation has delivered. */
  async forMeeting(planId: string, meetingId: string): Promise<MeetingDeliveries> {
    const rows = await repo.requestsOfMeeting(this.db, planId, meetingId);
    return { meetingId, requests: await this.views(planId, rows) };
  }

  /** The organisations asked for a meeting that have not delivered, with their deadlines. */
  async missing(planId: string, meetingId: string): Promise<{ organisation: string; deadline: string }[]> {
    const rows = await repo.requestsOfMeeting(this.db, planId, meetingId);
    return rows.filter((r) => r.delivered_at === null).map((r) => ({ organisation: r.organisation_name, deadline: r.deadline }));
  }

  /** The secretariat's view of a meeting's deliveries. @throws NotFoundError for a meeting not in the plan */
  async overview(planId: string, meetingId: string): Promise<DeliveryOverview> {
    const meeting = await this.meetings.get(planId, meetingId);
    const today = this.today();
    const [deliveries, choices, { lines }] = await Promise.all([this.forMeeting(planId, meetingId), repo.organisationChoices(this.db, planId), staffHourServiceFor(this.app).agreed(planId)]);
    const mails = await this.mail.recorded(
      planId,
      deliveries.requests.map((r) => r.id),
    );
    const byRequest = new Map<string, SentMail[]>();
    for (const m of mails) if (m.relatedId) byRequest.set(m.relatedId, [...(byRequest.get(m.relatedId) ?? []), m]);
    const requested = new Set(deliveries.requests.map((r) => r.organisationId));
    return {
      ...deliveries,
      meeting,
      label: meetingLabel(meeting),
      today,
      mailConfigured: this.mail.configured,
      mails: byRequest,
      // Suggested: the organisations that have activities (granted, or agreed hours in the plan) or partner users to ask.
      organisations: choices.map((o) => ({
        ...o,
        suggested: o.activities > 0 || o.partners > 0 || lines.some((l) => l.activitySlug !== '' && organisationMatches(o.name, l.organisation)),
        requested: requested.has(o.id),
      })),
      defaultDeadline: defaultDeadline(meeting.date, today),
      closedReason: closedReason(meeting, today),
    };
  }

  /**
   * Asks organisations for their delivery to a steering-group meeting by a deadline: one request per organisation
   * (asking again moves the deadline), audited, then an e-mail to each partner user of the organisations that have not
   * delivered.
   */
  async request(actor: Actor, planId: string, meetingId: string, input: { organisationIds: readonly string[]; deadline: string }): Promise<SendResult> {
    const meeting = await this.meetings.get(planId, meetingId);
    const today = this.today();
    const errors: FieldError[] = [];
    const closed = closedReason(meeting, today);
    if (closed) throw new ValidationError([{ field: 'organisationIds', message: closed }], closed);
    const ids = [...new Set(input.organisationIds)];
    const choices = await repo.organisationChoices(this.db, planId);
    const unknown = ids.filter((id) => !choices.some((c) => c.id === id));
    if (ids.length === 0) errors.push({ field: 'organisationIds', message: 'Vælg mindst én organisation at bede om en leverance.' });
    else if (unknown.length > 0) errors.push({ field: 'organisationIds', message: `${unknown.length === 1 ? 'En af de valgte organisationer' : `${unknown.length} af de valgte organisationer`} findes ikke i planen.` });
    errors.push(...deadlineProblems(input.deadline, meeting.date, today));
    if (errors.length > 0) throw new ValidationError(errors);

    const label = meetingLabel(meeting);
    const now = nowIso(this.app.clock);
    const toAsk: repo.RequestWithOrganisation[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const organisationId of ids) {
        const before = await repo.findRequest(trx, meetingId, organisationId);
        const name = choices.find((c) => c.id === organisationId)!.name;
        if (before) {
          if (before.deadline !== input.deadline) await repo.setDeadline(trx, before.id, input.deadline);
          await recordAudit(trx, actor, {
            action: 'update',
            entityType: 'delivery_request',
            entityId: before.id,
            summary: `Bad igen ${name} om leverance til ${label}, frist ${input.deadline}`,
            before: { deadline: before.deadline },
            after: { deadline: input.deadline },
            planId,
          });
          if (before.delivered_at === null) toAsk.push({ ...before, deadline: input.deadline, organisation_name: name });
        } else {
          const row = {
            id: newId(),
            plan_id: planId,
            meeting_id: meetingId,
            organisation_id: organisationId,
            deadline: input.deadline,
            requested_at: now,
            requested_by_label: actor.label,
            delivered_at: null,
            delivered_by_label: null,
            last_reminded_at: null,
            reminder_count: 0,
          };
          await repo.insertRequest(trx, row);
          await recordAudit(trx, actor, {
            action: 'create',
            entityType: 'delivery_request',
            entityId: row.id,
            summary: `Bad ${name} om leverance til ${label}, frist ${input.deadline}`,
            after: { meeting: meetingId, organisation: name, deadline: input.deadline },
            planId,
          });
          toAsk.push({ ...row, organisation_name: name });
        }
      }
    });
    const { messages, withoutRecipients } = await this.messagesFor(planId, toAsk, (r) =>
      requestMail({ organisation: r.organisation_name, meeting: label, deadline: r.deadline, link: this.linkTo(r.id) }),
    );
    const mails = await this.mail.send(planId, actor, messages.map((m) => ({ ...m, purpose: MAIL_PURPOSE.request })));
    return { requests: ids.length, mails, withoutRecipients };
  }

  /**
   * Reminds the organisations asked for a meeting that have not delivered (all of them, or those named). A reminder
   * counts on a request when at least one of its e-mails was sent: one nobody received has reminded nobody.
   */
  async remind(actor: Actor, planId: string, meetingId: string, organisationIds?: readonly string[]): Promise<SendResult> {
    const meeting = await this.meetings.get(planId, meetingId);
    const rows = await repo.requestsOfMeeting(this.db, planId, meetingId);
    const chosen = organisationIds && organisationIds.length > 0 ? rows.filter((r) => organisationIds.includes(r.organisation_id)) : rows;
    const outstanding = chosen.filter((r) => r.delivered_at === null);
    if (outstanding.length === 0) {
      const message = rows.length === 0 ? 'Ingen organisationer er bedt om en leverance til mødet endnu.' : 'Alle de valgte organisationer har afleveret; der er ingen at minde.';
      throw new ValidationError([{ field: 'organisationIds', message }], message);
    }
    const label = meetingLabel(meeting);
    const today = this.today();
    const { messages, withoutRecipients } = await this.messagesFor(planId, outstanding, (r) =>
      reminderMail({ organisation: r.organisation_name, meeting: label, deadline: r.deadline, link: this.linkTo(r.id), today }),
    );
    const mails = await this.mail.send(planId, actor, messages.map((m) => ({ ...m, purpose: MAIL_PURPOSE.reminder })));
    const reminded = [...new Set(mails.filter((m) => m.status === 'sendt').map((m) => m.relatedId!))];
    if (reminded.length > 0) {
      await this.db.transaction().execute(async (trx) => {
        await repo.countReminder(trx, reminded, nowIso(this.app.clock));
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'delivery_request',
          summary: `Sendte påmindelse om leverance til ${label} til ${outstanding.filter((r) => reminded.includes(r.id)).map((r) => r.organisation_name).join(', ')}`,
          after: { requests: reminded },
          planId,
        });
      });
    }
    return { requests: outstanding.length, mails, withoutRecipients };
  }

  /** The requests a principal works on: a partner's own organisation's; everything still open for the secretariat. */
  async listFor(principal: Principal, planId: string): Promise<RequestListEntry[]> {
    let rows: repo.RequestWithOrganisation[];
    if (principal.roles.includes('partner') && principal.organisationId) rows = await repo.requestsOfOrganisation(this.db, planId, principal.organisationId);
    else if (mayManage(principal)) rows = await repo.openRequests(this.db, planId);
    else rows = [];
    const [views, meetings] = await Promise.all([this.views(planId, rows), this.meetings.list(planId, { body: 'styregruppe' })]);
    const byId = new Map(meetings.map((m) => [m.id, m]));
    return views.map((v) => {
      const m = byId.get(v.meetingId);
      return { ...v, meetingLabel: m ? meetingLabel(m) : 'Møde', meetingDate: m?.date ?? '' };
    });
  }

  /** The principal's own organisation's requests (the API's `GET /deliveries`). */
  async own(principal: Principal, planId: string): Promise<RequestListEntry[]> {
    if (!principal.organisationId) return [];
    const rows = await repo.requestsOfOrganisation(this.db, planId, principal.organisationId);
    const [views, meetings] = await Promise.all([this.views(planId, rows), this.meetings.list(planId, { body: 'styregruppe' })]);
    const byId = new Map(meetings.map((m) => [m.id, m]));
    return views.map((v) => ({ ...v, meetingLabel: byId.get(v.meetingId) ? meetingLabel(byId.get(v.meetingId)!) : 'Møde', meetingDate: byId.get(v.meetingId)?.date ?? '' }));
  }

  /**
   * One request as its organisation delivers it, or as the secretariat reads it. Anyone else is told it does not
   * exist, as with personal data elsewhere, so a partner cannot learn which other organisations were asked.
   */
  async detail(principal: Principal, planId: string, requestId: string): Promise<DeliveryDetail> {
    const row = await this.visibleRequest(principal, planId, requestId);
    const [meeting, [view], slugs, snapshot, mails, scope] = await Promise.all([
      this.meetings.get(planId, row.meeting_id),
      this.views(planId, [row]),
      this.activitySlugs(planId, row.organisation_id, row.organisation_name),
      this.app.plan.snapshot(planId),
      this.mail.recorded(planId, [row.id]),
      this.milestones.statusScope(principal, planId),
    ]);
    const names = new Map(snapshot.activities().map((a) => [a.data.slug, a.data.name]));
    const delivered = row.delivered_at !== null;
    const activities: DeliveryActivity[] = [];
    for (const slug of slugs) {
      const item = view!.items.find((i) => i.activitySlug === slug) ?? null;
      const live = await this.liveFigures(planId, row.organisation_name, slug);
      activities.push({
        slug,
        name: nameOf(slug, names),
        item,
        figures: delivered && item?.figures ? item.figures : live.figures,
        milestones: live.milestones,
        maySetMilestones: scope.kind === 'all' || scope.activitySlugs.has(slug),
      });
    }
    return {
      request: view!,
      meeting,
      label: meetingLabel(meeting),
      activities,
      mayEdit: !delivered && this.mayDeliver(principal, row),
      mayReopen: delivered && mayManage(principal),
      mails,
    };
  }

  /** Saves the narrative of one activity with its figures as they stand now; audited. */
  async saveItem(principal: Principal, actor: Actor, planId: string, requestId: string, activitySlug: string, narrative: string): Promise<void> {
    const row = await this.visibleRequest(principal, planId, requestId);
    this.assertMayDeliver(principal, row);
    const slugs = await this.activitySlugs(planId, row.organisation_id, row.organisation_name);
    if (!slugs.includes(activitySlug)) throw new NotFoundError(`Aktiviteten hører ikke til ${row.organisation_name}s leverance.`);
    const text = narrative.trim();
    const errors = narrativeProblems(text, activitySlug === '' ? 'narrative' : `narrative-${activitySlug}`);
    if (errors.length > 0) throw new ValidationError(errors);
    const { figures } = await this.liveFigures(planId, row.organisation_name, activitySlug);
    await this.db.transaction().execute(async (trx) => {
      const current = await repo.requestById(trx, planId, requestId);
      if (current?.delivered_at) throw deliveredConflict();
      const before = await repo.findItem(trx, requestId, activitySlug);
      await repo.saveItem(trx, {
        id: before?.id ?? newId(),
        plan_id: planId,
        request_id: requestId,
        activity_slug: activitySlug,
        narrative: text === '' ? null : text,
        figures: JSON.stringify(figures),
        updated_at: nowIso(this.app.clock),
        updated_by_label: actor.label,
      });
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'delivery_item',
        entityId: before?.id ?? null,
        summary: `Gemte ${row.organisation_name}s leverance for ${activitySlug || 'organisationen samlet'}`,
        before: before ? { narrative: before.narrative } : undefined,
        after: { narrative: text === '' ? null : text },
        planId,
      });
    });
  }

  /**
   * Delivers a request: every activity's figures are stored as they stand now (narratives kept), and the request is
   * marked delivered by whom and when. Delivering after the deadline is allowed and shows as «leveret for sent».
   */
  async deliver(principal: Principal, actor: Actor, planId: string, requestId: string): Promise<void> {
    const row = await this.visibleRequest(principal, planId, requestId);
    this.assertMayDeliver(principal, row);
    const slugs = await this.activitySlugs(planId, row.organisation_id, row.organisation_name);
    const figures = await Promise.all(slugs.map(async (slug) => [slug, (await this.liveFigures(planId, row.organisation_name, slug)).figures] as const));
    const now = nowIso(this.app.clock);
    await this.db.transaction().execute(async (trx) => {
      const current = await repo.requestById(trx, planId, requestId);
      if (current?.delivered_at) throw deliveredConflict();
      for (const [slug, f] of figures) {
        const before = await repo.findItem(trx, requestId, slug);
        await repo.saveItem(trx, {
          id: before?.id ?? newId(),
          plan_id: planId,
          request_id: requestId,
          activity_slug: slug,
          narrative: before?.narrative ?? null,
          figures: JSON.stringify(f),
          updated_at: now,
          updated_by_label: actor.label,
        });
      }
      await repo.markDelivered(trx, requestId, now, actor.label);
      const status = deliveryStatus(row.deadline, danishDateOf(new Date(now)), danishDateOf(new Date(now)));
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'delivery_request',
        entityId: requestId,
        summary: `${row.organisation_name} afleverede sin leverance (${status})`,
        after: { deliveredAt: now, status },
        planId,
      });
    });
  }

  /** Opens a delivered request again so its organisation can change it (the secretariat only); audited. */
  async reopen(principal: Principal, actor: Actor, planId: string, requestId: string): Promise<void> {
    if (!mayManage(principal)) throw new ForbiddenError('Kun sekretariatet kan genåbne en leverance.');
    const row = await repo.requestById(this.db, planId, requestId);
    if (!row) throw new NotFoundError('Leverancen findes ikke.');
    if (row.delivered_at === null) throw new ConflictError('Leverancen er ikke afleveret, så den er allerede åben.');
    await this.db.transaction().execute(async (trx) => {
      await repo.markDelivered(trx, requestId, null, null);
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'delivery_request',
        entityId: requestId,
        summary: `Genåbnede ${row.organisation_name}s leverance`,
        before: { deliveredAt: row.delivered_at, deliveredBy: row.delivered_by_label },
        after: { deliveredAt: null },
        planId,
      });
    });
  }

  /** Sets a milestone's status from a delivery's page, through the milestone service (which checks who may). */
  async setMilestoneStatus(principal: Principal, actor: Actor, planId: string, requestId: string, milestoneId: string, input: { status: string; completedOn: string | null }): Promise<void> {
    const row = await this.visibleRequest(principal, planId, requestId);
    this.assertMayDeliver(principal, row);
    await this.milestones.setStatus(principal, actor, planId, milestoneId, input);
  }

  private async visibleRequest(principal: Principal, planId: string, requestId: string): Promise<repo.RequestWithOrganisation> {
    const row = await repo.requestById(this.db, planId, requestId);
    if (!row || !(mayManage(principal) || ownOrganisation(principal, row.organisation_id))) throw new NotFoundError('Leverancen findes ikke.');
    return row;
  }

  /** The organisation's partner users deliver; the secretariat may enter a delivery sent to it some other way. */
  private mayDeliver(principal: Principal, row: repo.RequestWithOrganisation): boolean {
    return ownOrganisation(principal, row.organisation_id) || mayManage(principal);
  }

  private assertMayDeliver(principal: Principal, row: repo.RequestWithOrganisation): void {
    if (!this.mayDeliver(principal, row)) throw new NotFoundError('Leverancen findes ikke.');
    if (row.delivered_at !== null) throw deliveredConflict();
  }

  /**
   * The activities an organisation delivers for: those it is granted and those the plan agrees hours with it for, or
   * the organisation as a whole when none.
   */
  private async activitySlugs(planId: string, organisationId: string, organisationName: string): Promise<string[]> {
    const [granted, { lines }] = await Promise.all([repo.activitiesOfOrganisation(this.db, planId, organisationId), staffHourServiceFor(this.app).agreed(planId)]);
    const withHours = lines.filter((l) => l.activitySlug !== '' && organisationMatches(organisationName, l.organisation)).map((l) => l.activitySlug);
    const slugs = [...new Set([...granted, ...withHours])].sort();
    return slugs.length > 0 ? slugs : [''];
  }

  /** The hours, outputs and milestones of an organisation's activity as they stand now. */
  private async liveFigures(planId: string, organisation: string, slug: string): Promise<{ figures: DeliveryFigures; milestones: DeliveryActivity['milestones'] }> {
    const hours = staffHourServiceFor(this.app);
    const [overview, outputs, milestones] = await Promise.all([
      hours.overview(planId),
      slug === '' ? null : outputServiceFor(this.app).activity({ suppressAll: true }, planId, slug).catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e))),
      slug === '' ? [] : this.milestones.assessed(planId, { activity: slug }),
    ]);
    const figures: DeliveryFigures = {
      capturedAt: nowIso(this.app.clock),
      planYear: overview.year.label,
      hours: overview.lines
        .filter((l) => l.activitySlug === slug && organisationMatches(organisation, l.organisation))
        .map((l) => ({
          organisation: l.organisation,
          printed: l.printed,
          agreedPerYear: l.hoursPerYear,
          expectedByNow: l.assessment.expectedByNow,
          delivered: l.delivered,
          status: l.assessment.status,
        })),
      outputs: (outputs?.activity.targets ?? []).map((t) => ({
        code: t.target.code,
        measure: t.target.measure,
        printed: t.target.printed,
        delivered: t.delivered.text,
        status: t.status,
        text: t.assessment?.text ?? null,
      })),
      milestones: milestones.map((m) => ({ title: m.milestone.title, dueDate: m.milestone.dueDate, owner: m.milestone.owner, status: m.milestone.status, flag: m.flag, reason: m.reason })),
    };
    return {
      figures,
      milestones: milestones.map((m) => ({ id: m.milestone.id, title: m.milestone.title, dueDate: m.milestone.dueDate, status: m.milestone.status, completedOn: m.milestone.completedOn ?? null, flag: m.flag })),
    };
  }

  private async views(planId: string, rows: readonly repo.RequestWithOrganisation[]): Promise<DeliveryRequestView[]> {
    if (rows.length === 0) return [];
    const [items, snapshot] = await Promise.all([repo.itemsOfRequests(this.db, rows.map((r) => r.id)), this.app.plan.snapshot(planId)]);
    const names = new Map(snapshot.activities().map((a) => [a.data.slug, a.data.name]));
    const today = this.today();
    const itemsOf = new Map<string, DeliveryItemRow[]>();
    for (const item of items) itemsOf.set(item.request_id, [...(itemsOf.get(item.request_id) ?? []), item]);
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      deadline: r.deadline,
      requestedAt: r.requested_at,
      deliveredAt: r.delivered_at,
      deliveredByLabel: r.delivered_by_label,
      reminderCount: r.reminder_count,
      lastRemindedAt: r.last_reminded_at,
      status: deliveryStatus(r.deadline, r.delivered_at ? danishDateOf(new Date(r.delivered_at)) : null, today),
      items: (itemsOf.get(r.id) ?? []).map((i) => ({
        activitySlug: i.activity_slug,
        activityName: nameOf(i.activity_slug, names),
        narrative: i.narrative,
        figures: parseFigures(i.figures),
        updatedAt: i.updated_at,
        updatedByLabel: i.updated_by_label,
      })),
    }));
  }

  /** One message per partner user of each organisation; organisations without any are named instead. */
  private async messagesFor(
    planId: string,
    requests: readonly repo.RequestWithOrganisation[],
    compose: (r: repo.RequestWithOrganisation) => { subject: string; text: string },
  ): Promise<{ messages: Omit<OutgoingMail, 'purpose'>[]; withoutRecipients: string[] }> {
    const recipients = await repo.partnerUsers(this.db, planId, requests.map((r) => r.organisation_id));
    const messages: Omit<OutgoingMail, 'purpose'>[] = [];
    const withoutRecipients: string[] = [];
    for (const r of requests) {
      const to = recipients.filter((p) => p.organisationId === r.organisation_id);
      if (to.length === 0) withoutRecipients.push(r.organisation_name);
      const mail = compose(r);
      for (const p of to) messages.push({ to: p.email, subject: mail.subject, text: mail.text, relatedId: r.id });
    }
    return { messages, withoutRecipients };
  }

  private linkTo(requestId: string): string {
    return `${this.app.config.publicUrl}/styring/leverancer/${requestId}`;
  }
}

function mayManage(principal: Pick<Principal, 'roles'>): boolean {
  return permissionsOf(principal.roles).has('governance.manage');
}

function ownOrganisation(principal: Principal, organisationId: string): boolean {
  return principal.roles.includes('partner') && principal.organisationId === organisationId;
}

function nameOf(slug: string, names: ReadonlyMap<string, string>): string {
  return slug === '' ? 'Organisationen samlet' : (names.get(slug) ?? slug);
}

function deliveredConflict(): ConflictError {
  return new ConflictError('Leverancen er afleveret og kan ikke ændres. Bed sekretariatet genåbne den, hvis noget skal rettes.');
}

/** Why requests cannot be made for a meeting, or null: only the steering group's meetings, not cancelled or past. */
function closedReason(meeting: Meeting, today: string): string | null {
  if (meeting.body !== 'styregruppe') return 'Der indhentes kun leverancer til styregruppens møder.';
  if (meeting.status === 'aflyst') return 'Mødet er aflyst, så der indhentes ikke leverancer til det.';
  if (meeting.date <= today) return 'Mødet er holdt eller holdes i dag, så der kan ikke længere bedes om leverancer til det.';
  return null;
}

const instances = new WeakMap<object, DeliveryService>();

/** One DeliveryService per app, shared by its pages, API, agendas and reports. */
export function deliveryServiceFor(app: AppLike): DeliveryService {
  let service = instances.get(app);
  if (!service) {
    service = new DeliveryService(app);
    instances.set(app, service);
  }
  return service;
}

export { seedDemoDeliveries } from './deliveries.demo.js';
