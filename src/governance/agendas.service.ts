/**
 * Agendas, minutes, decisions, action items and the steering group's recommendations to the board (issue 6, items 4
 * and 5). The secretariat seeds a meeting's agenda with what needs attention (gathered in `attention.ts` from the
 * other parts' services), edits it, writes the minutes with decisions and action items, and follows the action items
 * up at the body's next meeting. A recommendation that changes the plan carries a change proposal of the plan module,
 * and the board's decision on the recommendation is the board's decision on the proposal (`PlanService`), so the
 * rules of who must agree (board consensus; then LBF for the strategic agreement and the commissorium) stay there.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { ChangeProposal, PlanService } from '../plan/plan.service.js';
import { danishDateOf, parseIsoDate } from '../time/copenhagen.js';
import { EXTRA_ITEM_KEY, isOverdue, reseedAgenda, seedAgenda } from './agenda.js';
import * as repo from './agendas.repository.js';
import { attentionGatherer, type AttentionSources, type GatherAttention, type OwnFacts } from './attention.js';
import type { ActionItemRow, AgendaItemRow, DecisionRow, RecommendationRow } from './governance.table.js';
import { meetingServiceFor, type Meeting, type MeetingBody, type MeetingService } from './meetings.service.js';
import {
  RECOMMENDATION_SUBJECTS,
  consensusOf,
  decisionText,
  isOpenProposal,
  isPending,
  subjectFor,
  transitionProblem,
  type BoardVerdict,
  type RecommendationStatus,
  type RecommendationSubject,
} from './recommendations.js';

export type ActionStatus = 'åben' | 'udført' | 'annulleret';

export interface AgendaItem {
  id: string;
  meetingId: string;
  position: number;
  /** A fixed item's key (`agenda.ts`) or `ekstra`. */
  key: string;
  title: string;
  /** What needed attention when the agenda was (last) seeded. */
  attention: string[];
  description: string | null;
  minutes: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface Decision {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  recommendationId: string | null;
  text: string;
  createdAt: string;
  createdBy: string;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  /** Who is to do it, as text (an organisation or a person's role). */
  owner: string;
  deadline: string;
  status: ActionStatus;
  completedOn: string | null;
  followUp: string | null;
  followedUpMeetingId: string | null;
  /** Open and past its deadline, today by the clock. */
  overdue: boolean;
  updatedAt: string;
  updatedBy: string;
}

/** An open action item with the meeting it was made at. */
export interface OpenAction extends ActionItem {
  meeting: Meeting;
}

export interface Recommendation {
  id: string;
  title: string;
  text: string;
  subject: RecommendationSubject;
  status: RecommendationStatus;
  steeringMeetingId: string | null;
  boardMeetingId: string | null;
  proposalId: string | null;
  boardDecision: { date: string; note: string } | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface RecommendationInput {
  title: string;
  text: string;
  subject: string;
  steeringMeetingId: string | null;
  proposalId: string | null;
}

export interface DecisionInput {
  agendaItemId: string | null;
  recommendationId: string | null;
  text: string;
}

export interface ActionItemInput {
  agendaItemId: string | null;
  title: string;
  owner: string;
  deadline: string;
}

export interface ActionItemChange {
  title?: string;
  owner?: string;
  deadline?: string;
  status?: string;
  completedOn?: string | null;
  followUp?: string | null;
  /** The meeting at which it was followed up. */
  followedUpMeetingId?: string | null;
}

export interface AgendaItemChange {
  title?: string;
  description?: string | null;
  minutes?: string | null;
}

export interface MeetingAgenda {
  meeting: Meeting;
  items: AgendaItem[];
}

export interface MeetingMinutes extends MeetingAgenda {
  decisions: Decision[];
  actionItems: ActionItem[];
  /** Action items of the body's earlier meetings: those still open, and those followed up at this meeting. */
  followUps: (ActionItem & { meeting: Meeting })[];
  /** When the minutes were published, or null. */
  publishedAt: string | null;
}

const TITLE_MAX = 300;
const TEXT_MAX = 20_000;
const ACTION_STATUSES: readonly ActionStatus[] = ['åben', 'udført', 'annulleret'];

function toAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id, meetingId: row.meeting_id, position: row.position, key: row.key, title: row.title,
    attention: JSON.parse(row.attention) as string[], description: row.description, minutes: row.minutes,
    updatedAt: row.updated_at, updatedBy: row.updated_by_label,
  };
}

function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id, meetingId: row.meeting_id, agendaItemId: row.agenda_item_id, recommendationId: row.recommendation_id,
    text: row.text, createdAt: row.created_at, createdBy: row.created_by_label,
  };
}

function toRecommendation(row: RecommendationRow): Recommendation {
  return {
    id: row.id, title: row.title, text: row.text, subject: row.subject as RecommendationSubject, status: row.status as RecommendationStatus,
    steeringMeetingId: row.steering_meeting_id, boardMeetingId: row.board_meeting_id, proposalId: row.proposal_id,
    boardDecision: row.board_decision_date ? { date: row.board_decision_date, note: row.board_decision_note ?? '' } : null,
    createdAt: row.created_at, createdBy: row.created_by_label, updatedAt: row.updated_at, updatedBy: row.updated_by_label,
  };
}

function required(errors: FieldError[], field: string, value: string, label: string, max: number): string {
  const text = value.trim();
  if (text === '') errors.push({ field, message: `Skriv ${label}.` });
  else if (text.length > max) errors.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${max.toLocaleString('da-DK')} tegn.` });
  return text;
}

function optional(errors: FieldError[], field: string, value: string | null | undefined, label: string, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) errors.push({ field, message: `${label} må højst være ${max.toLocaleString('da-DK')} tegn.` });
  return text === '' ? null : text;
}

function date(errors: FieldError[], field: string, value: string, label: string): string {
  const text = value.trim();
  if (!parseIsoDate(text)) errors.push({ field, message: `${label} skal være en dato som ÅÅÅÅ-MM-DD${text ? `, ikke «${text}»` : ''}.` });
  return text;
}

/** Where the services come from: the app's, so pages and API share one of each. */
export type AgendaServiceDeps = AttentionSources;

export class AgendaService {
  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly meetings: MeetingService,
    private readonly clock: () => Date,
    /** Gathers what needs attention at a meeting from the other parts (`attention.ts`). */
    private readonly gatherAttention: GatherAttention,
  ) {}

  private today(): string {
    return danishDateOf(this.clock());
  }

  private toActionItem(row: ActionItemRow): ActionItem {
    return {
      id: row.id, meetingId: row.meeting_id, agendaItemId: row.agenda_item_id, title: row.title, owner: row.owner, deadline: row.deadline,
      status: row.status as ActionStatus, completedOn: row.completed_on, followUp: row.follow_up, followedUpMeetingId: row.followed_up_meeting_id,
      overdue: isOverdue(row.deadline, row.status, this.today()), updatedAt: row.updated_at, updatedBy: row.updated_by_label,
    };
  }

  /** The meeting, from the meetings' service (a NotFoundError when it is not the plan's). */
  meeting(planId: string, meetingId: string): Promise<Meeting> {
    return this.meetings.get(planId, meetingId);
  }

  // ── Contract for the other parts ─────────────────────────────────────────────────────────────────────────────

  /** The decisions in a meeting's minutes, in the order they were written. */
  async decisions(planId: string, meetingId: string): Promise<Decision[]> {
    return (await repo.decisions(this.database.db, planId, meetingId)).map(toDecision);
  }

  /** The action items made at a meeting, in the order they were written. */
  async actionItems(planId: string, meetingId: string): Promise<ActionItem[]> {
    return (await repo.actionItemsOfMeeting(this.database.db, planId, meetingId)).map((r) => this.toActionItem(r));
  }

  /** Every open action item, of one body's meetings or all, earliest deadline first, with the meeting it came from. */
  async openActions(planId: string, body?: MeetingBody): Promise<OpenAction[]> {
    const [rows, meetings] = await Promise.all([repo.openActionItems(this.database.db, planId), this.meetings.list(planId, body ? { body } : undefined)]);
    const byId = new Map(meetings.map((m) => [m.id, m]));
    return rows.flatMap((r) => {
      const meeting = byId.get(r.meeting_id);
      return meeting ? [{ ...this.toActionItem(r), meeting }] : [];
    });
  }

  /** The steering group's recommendations, newest first. */
  async recommendations(planId: string): Promise<Recommendation[]> {
    return (await repo.recommendations(this.database.db, planId)).map(toRecommendation);
  }

  // ── Agendas ──────────────────────────────────────────────────────────────────────────────────────────────────

  async agenda(planId: string, meetingId: string): Promise<MeetingAgenda> {
    const meeting = await this.meetings.get(planId, meetingId);
    return { meeting, items: (await repo.agendaItems(this.database.db, planId, meetingId)).map(toAgendaItem) };
  }

  /** What this meeting's agenda should say about action items and recommendations, from this part's own tables. */
  private async ownFacts(planId: string, meeting: Meeting): Promise<OwnFacts> {
    const [followUps, recommendations] = await Promise.all([this.followUps(planId, meeting), this.recommendations(planId)]);
    const pending = meeting.body === 'styregruppe'
      ? recommendations.filter((r) => r.status === 'udkast')
      : recommendations.filter((r) => r.status === 'indstillet' && r.boardMeetingId === meeting.id);
    return {
      openActions: followUps.filter((a) => a.status === 'åben').map((a) => ({ title: a.title, owner: a.owner, deadline: a.deadline, overdue: a.overdue })),
      pendingRecommendations: pending.map((r) => ({ title: r.title })),
    };
  }

  /**
   * Seeds the agenda with the body's fixed items and what needs attention, or re-seeds it: the attention lines are
   * refreshed, the secretariat's edits, added items and minutes stay.
   */
  async seed(actor: Actor, planId: string, meetingId: string): Promise<MeetingAgenda> {
    const meeting = await this.meetings.get(planId, meetingId);
    if (meeting.status === 'aflyst') throw new ConflictError('Mødet er aflyst; der kan ikke laves en dagsorden til det.');
    const facts = await this.gatherAttention(planId, meeting, await this.ownFacts(planId, meeting));
    const seeded = seedAgenda(meeting.body, facts);
    const stored = await repo.agendaItems(this.database.db, planId, meetingId);
    const changes = reseedAgenda(stored, seeded);
    const now = nowIso(this.clock);
    await this.database.db.transaction().execute(async (trx) => {
      for (const u of changes.update) await repo.updateAgendaItem(trx, u.id, { attention: JSON.stringify(u.attention) });
      await repo.insertAgendaItems(trx, changes.insert.map((i) => ({
        id: newId(), plan_id: planId, meeting_id: meetingId, position: i.position, key: i.key, title: i.title, attention: JSON.stringify(i.attention),
        description: null, minutes: null, updated_at: now, updated_by_label: actor.label,
      })));
      await recordAudit(trx, { ...actor, planId }, {
        action: stored.length === 0 ? 'create' : 'update', entityType: 'agenda', entityId: meetingId,
        summary: `${stored.length === 0 ? 'Dagsorden dannet' : 'Dagsorden opdateret med det, der kræver opmærksomhed'}: ${meeting.title} ${meeting.date}`,
        after: { items: seeded.map((s) => ({ key: s.key, attention: s.attention.length })) },
      });
    });
    return this.agenda(planId, meetingId);
  }

  private async itemOf(planId: string, itemId: string): Promise<AgendaItemRow> {
    const row = await repo.agendaItem(this.database.db, planId, itemId);
    if (!row) throw new NotFoundError('Dagsordenspunktet findes ikke.');
    return row;
  }

  /** Changes an item's title, description or minutes; the attention lines are the seeding's and are kept. */
  async updateItem(actor: Actor, planId: string, itemId: string, change: AgendaItemChange): Promise<AgendaItem> {
    const row = await this.itemOf(planId, itemId);
    const errors: FieldError[] = [];
    const values: Partial<AgendaItemRow> = {};
    if (change.title !== undefined) values.title = required(errors, 'title', change.title, 'en overskrift til punktet', TITLE_MAX);
    if (change.description !== undefined) values.description = optional(errors, 'description', change.description, 'Beskrivelsen', TEXT_MAX);
    if (change.minutes !== undefined) values.minutes = optional(errors, 'minutes', change.minutes, 'Referatet', TEXT_MAX);
    if (errors.length > 0) throw new ValidationError(errors);
    await this.database.db.transaction().execute(async (trx) => {
      await repo.updateAgendaItem(trx, itemId, { ...values, updated_at: nowIso(this.clock), updated_by_label: actor.label });
      await recordAudit(trx, { ...actor, planId }, {
        action: 'update', entityType: 'agenda_item', entityId: itemId, summary: `Dagsordenspunkt ændret: ${values.title ?? row.title}`,
        before: { title: row.title, description: row.description, minutes: row.minutes }, after: values,
      });
    });
    return toAgendaItem((await repo.agendaItem(this.database.db, planId, itemId))!);
  }

  /**
   * Saves the minutes of a meeting's items in one go (the minutes page's one form): only the items whose text changed
   * are written, together, with one audit entry each. Every too-long text is named by its item.
   */
  async saveMinutes(actor: Actor, planId: string, meetingId: string, minutes: ReadonlyMap<string, string>): Promise<number> {
    const meeting = await this.meetings.get(planId, meetingId);
    const items = await repo.agendaItems(this.database.db, planId, meetingId);
    const errors: FieldError[] = [];
    const changed: { row: AgendaItemRow; text: string | null }[] = [];
    for (const [itemId, value] of minutes) {
      const row = items.find((i) => i.id === itemId);
      if (!row) {
        errors.push({ field: `minutes-${itemId}`, message: 'Punktet findes ikke på mødets dagsorden.' });
        continue;
      }
      const text = optional(errors, `minutes-${itemId}`, value, `Referatet af «${row.title}»`, TEXT_MAX);
      if (text !== row.minutes) changed.push({ row, text });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (changed.length === 0) return 0;
    const now = nowIso(this.clock);
    await this.database.db.transaction().execute(async (trx) => {
      for (const { row, text } of changed) {
        await repo.updateAgendaItem(trx, row.id, { minutes: text, updated_at: now, updated_by_label: actor.label });
        await recordAudit(trx, { ...actor, planId }, {
          action: 'update', entityType: 'agenda_item', entityId: row.id, summary: `Referat skrevet: ${row.title} (${meeting.title} ${meeting.date})`,
          before: { minutes: row.minutes }, after: { minutes: text },
        });
      }
    });
    return changed.length;
  }

  /** Adds an item after the others (before seeding too: seeding then puts the fixed items after it). */
  async addItem(actor: Actor, planId: string, meetingId: string, input: { title: string; description: string | null }): Promise<AgendaItem> {
    const meeting = await this.meetings.get(planId, meetingId);
    const errors: FieldError[] = [];
    const title = required(errors, 'title', input.title, 'en overskrift til punktet', TITLE_MAX);
    const description = optional(errors, 'description', input.description, 'Beskrivelsen', TEXT_MAX);
    if (errors.length > 0) throw new ValidationError(errors);
    const stored = await repo.agendaItems(this.database.db, planId, meetingId);
    const row: AgendaItemRow = {
      id: newId(), plan_id: planId, meeting_id: meetingId, position: stored.reduce((m, s) => Math.max(m, s.position), 0) + 1, key: EXTRA_ITEM_KEY,
      title, attention: '[]', description, minutes: null, updated_at: nowIso(this.clock), updated_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertAgendaItems(trx, [row]);
      await recordAudit(trx, { ...actor, planId }, { action: 'create', entityType: 'agenda_item', entityId: row.id, summary: `Punkt tilføjet dagsordenen for ${meeting.title} ${meeting.date}: ${title}`, after: { title, description } });
    });
    return toAgendaItem(row);
  }

  /** Moves an item one place up or down by swapping it with its neighbour. */
  async moveItem(actor: Actor, planId: string, itemId: string, direction: 'op' | 'ned'): Promise<void> {
    const row = await this.itemOf(planId, itemId);
    const items = await repo.agendaItems(this.database.db, planId, row.meeting_id);
    const index = items.findIndex((i) => i.id === itemId);
    const other = items[direction === 'op' ? index - 1 : index + 1];
    if (!other) return;
    await this.database.db.transaction().execute(async (trx) => {
      // Positions are renumbered so that two items never share one, whatever the earlier edits left.
      const order = items.map((i) => i.id);
      order[index] = other.id;
      order[items.indexOf(other)] = itemId;
      for (const [i, id] of order.entries()) await repo.updateAgendaItem(trx, id, { position: i + 1 });
      await recordAudit(trx, { ...actor, planId }, { action: 'update', entityType: 'agenda_item', entityId: itemId, summary: `Dagsordenspunkt flyttet ${direction}: ${row.title}` });
    });
  }

  // ── Minutes, decisions and action items ─────────────────────────────────────────────────────────────────────

  /** Action items of the body's earlier meetings that are still open, and those followed up at this meeting. */
  private async followUps(planId: string, meeting: Meeting): Promise<(ActionItem & { meeting: Meeting })[]> {
    const [open, followed, earlier] = await Promise.all([
      repo.openActionItems(this.database.db, planId),
      repo.actionItemsFollowedUpAt(this.database.db, planId, meeting.id),
      this.meetings.list(planId, { body: meeting.body }),
    ]);
    const before = new Map(earlier.filter((m) => m.id !== meeting.id && (m.date < meeting.date || (m.date === meeting.date && m.startsAt < meeting.startsAt))).map((m) => [m.id, m]));
    const seen = new Set<string>();
    const result: (ActionItem & { meeting: Meeting })[] = [];
    for (const row of [...followed, ...open]) {
      const from = before.get(row.meeting_id);
      if (!from || seen.has(row.id)) continue;
      seen.add(row.id);
      result.push({ ...this.toActionItem(row), meeting: from });
    }
    return result.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  }

  async minutes(planId: string, meetingId: string): Promise<MeetingMinutes> {
    const { meeting, items } = await this.agenda(planId, meetingId);
    const [decisions, actionItems, followUps] = await Promise.all([
      this.decisions(planId, meetingId),
      this.actionItems(planId, meetingId),
      this.followUps(planId, meeting),
    ]);
    return { meeting, items, decisions, actionItems, followUps, publishedAt: meeting.minutesPublishedAt };
  }

  private async checkItemOfMeeting(planId: string, meetingId: string, itemId: string | null, errors: FieldError[], field = 'agendaItemId'): Promise<void> {
    if (!itemId) return;
    const row = await repo.agendaItem(this.database.db, planId, itemId);
    if (!row || row.meeting_id !== meetingId) errors.push({ field, message: 'Vælg et af mødets dagsordenspunkter.' });
  }

  /** Writes a decision into a meeting's minutes, tied to an agenda item and, optionally, to a recommendation. */
  async addDecision(actor: Actor, planId: string, meetingId: string, input: DecisionInput): Promise<Decision> {
    const meeting = await this.meetings.get(planId, meetingId);
    const errors: FieldError[] = [];
    const text = required(errors, 'text', input.text, 'beslutningen', TEXT_MAX);
    await this.checkItemOfMeeting(planId, meetingId, input.agendaItemId, errors);
    if (input.recommendationId && !(await repo.recommendation(this.database.db, planId, input.recommendationId))) {
      errors.push({ field: 'recommendationId', message: 'Vælg en af styregruppens indstillinger.' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const row: DecisionRow = {
      id: newId(), plan_id: planId, meeting_id: meetingId, agenda_item_id: input.agendaItemId, recommendation_id: input.recommendationId,
      text, created_at: nowIso(this.clock), created_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertDecision(trx, row);
      await recordAudit(trx, { ...actor, planId }, { action: 'create', entityType: 'decision', entityId: row.id, summary: `Beslutning skrevet i referatet for ${meeting.title} ${meeting.date}`, after: { text } });
    });
    return toDecision(row);
  }

  /** Writes an action item into a meeting's minutes. */
  async addActionItem(actor: Actor, planId: string, meetingId: string, input: ActionItemInput): Promise<ActionItem> {
    const meeting = await this.meetings.get(planId, meetingId);
    const errors: FieldError[] = [];
    const title = required(errors, 'title', input.title, 'hvad der skal gøres', TITLE_MAX);
    const owner = required(errors, 'owner', input.owner, 'hvem der har ansvaret', TITLE_MAX);
    const deadline = date(errors, 'deadline', input.deadline, 'Fristen');
    await this.checkItemOfMeeting(planId, meetingId, input.agendaItemId, errors);
    if (errors.length > 0) throw new ValidationError(errors);
    const now = nowIso(this.clock);
    const row: ActionItemRow = {
      id: newId(), plan_id: planId, meeting_id: meetingId, agenda_item_id: input.agendaItemId, title, owner, deadline, status: 'åben',
      completed_on: null, follow_up: null, followed_up_meeting_id: null, created_at: now, updated_at: now, updated_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertActionItem(trx, row);
      await recordAudit(trx, { ...actor, planId }, { action: 'create', entityType: 'action_item', entityId: row.id, summary: `Aktionspunkt fra ${meeting.title} ${meeting.date}: ${title} (${owner}, frist ${deadline})`, after: { title, owner, deadline } });
    });
    return this.toActionItem(row);
  }

  /**
   * Changes an action item: its wording, owner and deadline, or its follow-up (done on a date, cancelled, or a note,
   * recorded with the meeting it was followed up at).
   */
  async updateActionItem(actor: Actor, planId: string, id: string, change: ActionItemChange): Promise<ActionItem> {
    const row = await repo.actionItem(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Aktionspunktet findes ikke.');
    const errors: FieldError[] = [];
    const values: Partial<ActionItemRow> = {};
    if (change.title !== undefined) values.title = required(errors, 'title', change.title, 'hvad der skal gøres', TITLE_MAX);
    if (change.owner !== undefined) values.owner = required(errors, 'owner', change.owner, 'hvem der har ansvaret', TITLE_MAX);
    if (change.deadline !== undefined) values.deadline = date(errors, 'deadline', change.deadline, 'Fristen');
    if (change.status !== undefined) {
      if (!ACTION_STATUSES.includes(change.status as ActionStatus)) errors.push({ field: 'status', message: 'Status skal være åben, udført eller annulleret.' });
      else values.status = change.status;
    }
    if (change.completedOn !== undefined) values.completed_on = change.completedOn === null || change.completedOn.trim() === '' ? null : date(errors, 'completedOn', change.completedOn, 'Datoen for udførelsen');
    if (change.followUp !== undefined) values.follow_up = optional(errors, 'followUp', change.followUp, 'Opfølgningen', TEXT_MAX);
    if (change.followedUpMeetingId !== undefined && change.followedUpMeetingId !== null) {
      const at = await this.meetings.get(planId, change.followedUpMeetingId).catch(() => null);
      if (!at) errors.push({ field: 'followedUpMeetingId', message: 'Mødet, punktet blev fulgt op på, findes ikke.' });
      values.followed_up_meeting_id = change.followedUpMeetingId;
    } else if (change.followedUpMeetingId === null) values.followed_up_meeting_id = null;
    const status = (values.status ?? row.status) as ActionStatus;
    if (status === 'udført' && values.completed_on === undefined && !row.completed_on) values.completed_on = this.today();
    if (status !== 'udført' && change.status !== undefined) values.completed_on = null;
    if (errors.length > 0) throw new ValidationError(errors);
    await this.database.db.transaction().execute(async (trx) => {
      await repo.updateActionItem(trx, id, { ...values, updated_at: nowIso(this.clock), updated_by_label: actor.label });
      await recordAudit(trx, { ...actor, planId }, {
        action: 'update', entityType: 'action_item', entityId: id, summary: `Aktionspunkt ændret: ${values.title ?? row.title}${status !== row.status ? ` (${status})` : ''}`,
        before: { title: row.title, owner: row.owner, deadline: row.deadline, status: row.status, completedOn: row.completed_on, followUp: row.follow_up }, after: values,
      });
    });
    return this.toActionItem((await repo.actionItem(this.database.db, planId, id))!);
  }

  /**
   * Follows an action item up at a meeting of the same body: done on a date, or a note on how it stands (it stays
   * open and comes up again at the following meeting).
   */
  async followUp(actor: Actor, planId: string, meetingId: string, actionId: string, input: { done: boolean; completedOn?: string; note: string | null }): Promise<ActionItem> {
    const [meeting, row] = await Promise.all([this.meetings.get(planId, meetingId), repo.actionItem(this.database.db, planId, actionId)]);
    if (!row) throw new NotFoundError('Aktionspunktet findes ikke.');
    const origin = await this.meetings.get(planId, row.meeting_id);
    if (origin.body !== meeting.body || origin.date > meeting.date || origin.id === meeting.id) {
      throw new ValidationError([{ field: 'action', message: 'Et aktionspunkt følges op på et senere møde i samme organ.' }]);
    }
    if (!input.done && (input.note ?? '').trim() === '') throw new ValidationError([{ field: `followUp-${actionId}`, message: 'Skriv, hvordan punktet står, eller marker det som udført.' }]);
    return this.updateActionItem(actor, planId, actionId, {
      ...(input.done ? { status: 'udført', completedOn: input.completedOn?.trim() || this.today() } : {}),
      followUp: input.note ?? row.follow_up,
      followedUpMeetingId: meetingId,
    });
  }

  /**
   * Publishes the minutes: the time is kept on the meeting (`minutes_published_at`, the one column of the meetings
   * table this part writes, since the meetings' service has no use for it). Publishing again keeps the first time.
   */
  async publishMinutes(actor: Actor, planId: string, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.get(planId, meetingId);
    if (meeting.minutesPublishedAt) return meeting;
    const items = await repo.agendaItems(this.database.db, planId, meetingId);
    if (items.length === 0) throw new ConflictError('Der er ingen dagsorden og intet referat at offentliggøre. Dan dagsordenen først.');
    await this.database.db.transaction().execute(async (trx) => {
      await repo.publishMinutes(trx, planId, meetingId, nowIso(this.clock));
      await recordAudit(trx, { ...actor, planId }, { action: 'update', entityType: 'meeting', entityId: meetingId, summary: `Referat offentliggjort: ${meeting.title} ${meeting.date}` });
    });
    return this.meetings.get(planId, meetingId);
  }

  // ── Recommendations ─────────────────────────────────────────────────────────────────────────────────────────

  async recommendation(planId: string, id: string): Promise<Recommendation> {
    const row = await repo.recommendation(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Indstillingen findes ikke.');
    return toRecommendation(row);
  }

  /** The change proposal a recommendation carries, or null. */
  async proposalOf(planId: string, recommendation: Recommendation): Promise<ChangeProposal | null> {
    return recommendation.proposalId ? this.plans.proposal(planId, recommendation.proposalId) : null;
  }

  /** The plan's proposals still waiting for the board, which a recommendation may carry. */
  async openProposals(planId: string): Promise<ChangeProposal[]> {
    return (await this.plans.proposals(planId)).filter((p) => isOpenProposal(p.status));
  }

  /** Decisions written in minutes about a recommendation. */
  async decisionsOf(planId: string, recommendationId: string): Promise<Decision[]> {
    return (await repo.decisionsOfRecommendation(this.database.db, planId, recommendationId)).map(toDecision);
  }

  private async checkRecommendation(planId: string, input: RecommendationInput): Promise<{ values: Pick<RecommendationRow, 'title' | 'text' | 'subject' | 'steering_meeting_id' | 'proposal_id'> }> {
    const errors: FieldError[] = [];
    const title = required(errors, 'title', input.title, 'en titel', TITLE_MAX);
    const text = required(errors, 'text', input.text, 'indstillingens tekst', TEXT_MAX);
    if (!RECOMMENDATION_SUBJECTS.includes(input.subject as RecommendationSubject)) errors.push({ field: 'subject', message: 'Vælg, hvad indstillingen handler om: delaftale, strategisk aftale, kommissorium eller andet.' });
    if (input.steeringMeetingId) {
      const meeting = await this.meetings.get(planId, input.steeringMeetingId).catch(() => null);
      if (!meeting || meeting.body !== 'styregruppe') errors.push({ field: 'steeringMeetingId', message: 'Vælg det styregruppemøde, hvor indstillingen blev besluttet.' });
    }
    let proposalSubject: ChangeProposal['subject'] | null = null;
    if (input.proposalId) {
      const proposal = await this.plans.proposal(planId, input.proposalId).catch(() => null);
      if (!proposal) errors.push({ field: 'proposalId', message: 'Ændringsforslaget findes ikke.' });
      else if (!isOpenProposal(proposal.status)) errors.push({ field: 'proposalId', message: 'Vælg et ændringsforslag, der afventer bestyrelsens beslutning.' });
      else proposalSubject = proposal.subject;
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return {
      values: {
        title, text, subject: subjectFor(input.subject as RecommendationSubject, proposalSubject),
        steering_meeting_id: input.steeringMeetingId || null, proposal_id: input.proposalId || null,
      },
    };
  }

  /** Drafts a recommendation; when it carries a change proposal, its subject is the proposal's. */
  async createRecommendation(actor: Actor, planId: string, input: RecommendationInput): Promise<Recommendation> {
    const { values } = await this.checkRecommendation(planId, input);
    const now = nowIso(this.clock);
    const row: RecommendationRow = {
      id: newId(), plan_id: planId, ...values, board_meeting_id: null, status: 'udkast', board_decision_date: null, board_decision_note: null,
      created_at: now, created_by_label: actor.label, updated_at: now, updated_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertRecommendation(trx, row);
      await recordAudit(trx, { ...actor, planId }, { action: 'create', entityType: 'recommendation', entityId: row.id, summary: `Indstilling oprettet: ${values.title}`, after: values });
    });
    return toRecommendation(row);
  }

  /** Changes a draft. */
  async updateRecommendation(actor: Actor, planId: string, id: string, input: RecommendationInput): Promise<Recommendation> {
    const before = await this.recommendation(planId, id);
    const problem = transitionProblem(before.status, 'udkast');
    if (problem) throw new ConflictError(problem);
    const { values } = await this.checkRecommendation(planId, input);
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await repo.updateRecommendation(trx, id, { ...values, updated_at: nowIso(this.clock), updated_by_label: actor.label }, 'udkast'))) {
        throw new ConflictError('Indstillingen blev ændret af en anden samtidig.');
      }
      await recordAudit(trx, { ...actor, planId }, { action: 'update', entityType: 'recommendation', entityId: id, summary: `Indstilling ændret: ${values.title}`, before, after: values });
    });
    return this.recommendation(planId, id);
  }

  /** Puts a draft to a board meeting. */
  async submitRecommendation(actor: Actor, planId: string, id: string, boardMeetingId: string): Promise<Recommendation> {
    const before = await this.recommendation(planId, id);
    const problem = transitionProblem(before.status, 'indstillet');
    if (problem) throw new ConflictError(problem);
    const meeting = boardMeetingId ? await this.meetings.get(planId, boardMeetingId).catch(() => null) : null;
    if (!meeting || meeting.body !== 'bestyrelse' || meeting.status === 'aflyst') {
      throw new ValidationError([{ field: 'boardMeetingId', message: 'Vælg det bestyrelsesmøde, indstillingen skal behandles på.' }]);
    }
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await repo.updateRecommendation(trx, id, { status: 'indstillet', board_meeting_id: meeting.id, updated_at: nowIso(this.clock), updated_by_label: actor.label }, 'udkast'))) {
        throw new ConflictError('Indstillingen blev ændret af en anden samtidig.');
      }
      await recordAudit(trx, { ...actor, planId }, { action: 'update', entityType: 'recommendation', entityId: id, summary: `Indstillet til bestyrelsen (${meeting.title} ${meeting.date}): ${before.title}`, before: { status: before.status }, after: { status: 'indstillet', boardMeetingId: meeting.id } });
    });
    return this.recommendation(planId, id);
  }

  /** Withdraws a recommendation not yet decided. */
  async withdrawRecommendation(actor: Actor, planId: string, id: string): Promise<Recommendation> {
    const before = await this.recommendation(planId, id);
    const problem = transitionProblem(before.status, 'trukket');
    if (problem) throw new ConflictError(problem);
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await repo.updateRecommendation(trx, id, { status: 'trukket', updated_at: nowIso(this.clock), updated_by_label: actor.label }, before.status))) {
        throw new ConflictError('Indstillingen blev ændret af en anden samtidig.');
      }
      await recordAudit(trx, { ...actor, planId }, { action: 'update', entityType: 'recommendation', entityId: id, summary: `Indstilling trukket tilbage: ${before.title}`, before: { status: before.status }, after: { status: 'trukket' } });
    });
    return this.recommendation(planId, id);
  }

  /**
   * Records the board's decision on a recommendation put to it, as a decision in that board meeting's minutes. When
   * the recommendation carries a change proposal, the same decision is the board's decision on the proposal
   * (`PlanService.recordBoardDecision`: consensus applies a sub-agreement change, and makes a change to the strategic
   * agreement or the commissorium wait for LBF), written in one transaction with the recommendation's own decision, so
   * that both or neither are stored. A proposal the board has already decided the same way (on the plan's own page)
   * is not decided again.
   */
  async decideRecommendation(actor: Actor, planId: string, id: string, input: { verdict: string; date: string; note: string }): Promise<Recommendation> {
    const before = await this.recommendation(planId, id);
    const errors: FieldError[] = [];
    if (input.verdict !== 'vedtaget' && input.verdict !== 'forkastet') errors.push({ field: 'verdict', message: 'Vælg, om bestyrelsen vedtog eller forkastede indstillingen.' });
    const decidedOn = date(errors, 'date', input.date, 'Datoen for beslutningen');
    const note = optional(errors, 'note', input.note, 'Bemærkningen', TEXT_MAX) ?? '';
    if (errors.length > 0) throw new ValidationError(errors);
    const problem = transitionProblem(before.status, input.verdict as BoardVerdict);
    if (problem) throw new ConflictError(problem);
    const verdict = input.verdict as BoardVerdict;
    const board = await this.meetings.get(planId, before.boardMeetingId!);
    const proposal = await this.proposalOf(planId, before);
    // Read before the transaction: on SQLite the transaction holds the only connection.
    const items = await repo.agendaItems(this.database.db, planId, board.id);
    const item = items.find((i) => i.key === 'indstillinger') ?? null;
    const now = nowIso(this.clock);
    const recordDecision = async (trx: Transaction<Database>) => {
      const updated = await repo.updateRecommendation(trx, id, {
        status: verdict, board_decision_date: decidedOn, board_decision_note: note || null, updated_at: now, updated_by_label: actor.label,
      }, 'indstillet');
      if (!updated) throw new ConflictError('Indstillingen blev besluttet af en anden samtidig.');
      await repo.insertDecision(trx, {
        id: newId(), plan_id: planId, meeting_id: board.id, agenda_item_id: item?.id ?? null, recommendation_id: id,
        text: decisionText(before.title, verdict, note), created_at: now, created_by_label: actor.label,
      });
      await recordAudit(trx, { ...actor, planId }, {
        action: 'update', entityType: 'recommendation', entityId: id, summary: `Bestyrelsens beslutning om indstillingen «${before.title}»: ${verdict} (${decidedOn})`,
        before: { status: before.status }, after: { status: verdict, date: decidedOn, note, proposalId: before.proposalId },
      });
    };
    const decidedAlready = proposal !== null && proposal.board !== null && proposal.board.decisionDate === decidedOn && (proposal.status !== 'afvist') === consensusOf(verdict);
    if (proposal && !decidedAlready) {
      const reference = `Bestyrelsesmøde ${board.date}: indstilling «${before.title}»${note ? `. ${note}` : ''}`;
      await this.plans.recordBoardDecision(planId, actor, proposal.id, consensusOf(verdict), decidedOn, reference, recordDecision);
    } else {
      await this.database.db.transaction().execute(recordDecision);
    }
    return this.recommendation(planId, id);
  }

  /** Recommendations still pending (drafts and those put to the board), for the agenda and the hub. */
  async pendingRecommendations(planId: string): Promise<Recommendation[]> {
    return (await this.recommendations(planId)).filter((r) => isPending(r.status));
  }
}

const instances = new WeakMap<object, AgendaService>();

/** One AgendaService per app, shared by its pages and API; what needs attention is gathered by `attention.ts`. */
export function agendaServiceFor(app: AgendaServiceDeps): AgendaService {
  let service = instances.get(app);
  if (!service) {
    service = new AgendaService(app.database, app.plan, meetingServiceFor(app), app.clock, attentionGatherer(app));
    instances.set(app, service);
  }
  return service;
}
