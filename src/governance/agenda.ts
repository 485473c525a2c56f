/**
 * The fixed agenda items of the board and the steering group, and an agenda seeded with what needs their attention
 * (issue 6). Pure: the governance service gathers the facts (indicator statuses from monitoring, outputs behind pace,
 * milestones, data deliveries, open action items, budget deviations) and stores the agenda the secretariat then edits.
 *
 * The plan's fixed items (helhedsplan-randers-2025-29.ocr.txt):
 * - board: «fremdriftsafrapportering, monitorering, ledelsesrapportering og økonomiopfølgning» (lines 3258-3259);
 * - steering group: «fremdriftsafrapportering, nyt fra deltagerne, koordinering mv.» (line 3367).
 * Helhed puts «Opfølgning på aktionspunkter» first for both, since the issue asks action items to be followed up at
 * the next meeting, and «Indstillinger til bestyrelsen» on the steering group's agenda before a board meeting
 * (lines 3339-3340: recommendations go from the steering group to the board).
 */
import { longDanishDate } from '../time/copenhagen.js';
import type { BodySlug } from './meeting-calendar.js';

export type AgendaItemKey =
  | 'aktionspunkter'
  | 'fremdrift'
  | 'monitorering'
  | 'ledelsesrapportering'
  | 'oekonomi'
  | 'nyt-fra-deltagerne'
  | 'koordinering'
  | 'indstillinger';

export interface AgendaItemDefinition {
  key: AgendaItemKey;
  title: string;
}

const FOLLOW_UP: AgendaItemDefinition = { key: 'aktionspunkter', title: 'Opfølgning på aktionspunkter' };

/** The fixed items per body, in the order they are taken. */
export const FIXED_AGENDA: Record<BodySlug, readonly AgendaItemDefinition[]> = {
  bestyrelse: [
    FOLLOW_UP,
    { key: 'fremdrift', title: 'Fremdriftsafrapportering' },
    { key: 'monitorering', title: 'Monitorering' },
    { key: 'ledelsesrapportering', title: 'Ledelsesrapportering' },
    { key: 'oekonomi', title: 'Økonomiopfølgning' },
  ],
  styregruppe: [
    FOLLOW_UP,
    { key: 'fremdrift', title: 'Fremdriftsafrapportering' },
    { key: 'nyt-fra-deltagerne', title: 'Nyt fra deltagerne' },
    { key: 'koordinering', title: 'Koordinering' },
    { key: 'indstillinger', title: 'Indstillinger til bestyrelsen' },
  ],
};

/** What needs a body's attention, as the services find it. Every list may be empty. */
export interface AttentionFacts {
  /** Indicators whose status is «dårligere» for a scope. */
  worseningIndicators: { code: string; name: string; scopeLabel: string }[];
  /** Activity targets judged «bagud» for the plan year. */
  outputsBehind: { activityName: string; target: string; text: string }[];
  /** Milestones flagged overdue or at risk. */
  milestones: { title: string; flag: 'forsinket' | 'i risiko'; reason: string }[];
  /** Member organisations that have not delivered their progress for this meeting. */
  missingDeliveries: { organisation: string; deadline: string }[];
  /** Action items from earlier meetings not yet done. */
  openActions: { title: string; owner: string; deadline: string; overdue: boolean }[];
  /** Budget lines whose actuals deviate from the budget beyond the tolerance. */
  budgetDeviations: { line: string; text: string }[];
  /**
   * Recommendations (indstillinger): for the steering group, its drafts not yet put to the board; for the board, those
   * put to this meeting and not yet decided.
   */
  pendingRecommendations: { title: string }[];
  /** Staff-hour lines behind the agreed hours. */
  hoursBehind: { organisation: string; text: string }[];
}

export interface SeededAgendaItem extends AgendaItemDefinition {
  /** Lines that tell why the item needs attention, in Danish; empty when nothing was found. */
  attention: string[];
}

const dateText = longDanishDate;

/**
 * A body's agenda: its fixed items in order, each with the lines of what needs attention under it. Nothing is dropped:
 * an item with no findings stays on the agenda (the plan makes it fixed) with an empty list.
 */
export function seedAgenda(body: BodySlug, facts: AttentionFacts): SeededAgendaItem[] {
  const progress = [
    ...facts.outputsBehind.map((o) => `${o.activityName}: ${o.target} – ${o.text}`),
    ...facts.milestones.map((m) => `Milepæl ${m.flag}: ${m.title} (${m.reason})`),
    ...facts.hoursBehind.map((h) => `Timer bagud: ${h.organisation} – ${h.text}`),
    ...facts.missingDeliveries.map((d) => `Mangler leverance fra ${d.organisation} (frist ${dateText(d.deadline)})`),
  ];
  const lines: Record<AgendaItemKey, string[]> = {
    aktionspunkter: facts.openActions.map((a) => `${a.title} – ${a.owner}, frist ${dateText(a.deadline)}${a.overdue ? ' (overskredet)' : ''}`),
    fremdrift: progress,
    monitorering: facts.worseningIndicators.map((i) => `${i.code} ${i.name}, ${i.scopeLabel}: går den forkerte vej`),
    ledelsesrapportering: [],
    oekonomi: facts.budgetDeviations.map((b) => `${b.line}: ${b.text}`),
    'nyt-fra-deltagerne': [],
    koordinering: [],
    indstillinger: facts.pendingRecommendations.map((r) => r.title),
  };
  const agenda = FIXED_AGENDA[body].map((item) => ({ ...item, attention: lines[item.key] }));
  // The board decides what the steering group recommends (lines 3339-3340): an item of its own when any is put to it.
  if (body === 'bestyrelse' && facts.pendingRecommendations.length > 0) {
    agenda.push({ key: 'indstillinger', title: 'Indstillinger fra styregruppen', attention: lines.indstillinger });
  }
  return agenda;
}

/** An agenda item as stored, as far as re-seeding needs it. */
export interface StoredAgendaItem {
  id: string;
  key: string;
  position: number;
}

/** What re-seeding changes: fresh attention lines on the stored fixed items, and the fixed items not yet stored. */
export interface ReseedChanges {
  update: { id: string; attention: string[] }[];
  insert: (SeededAgendaItem & { position: number })[];
}

/**
 * Re-seeding an agenda refreshes what needs attention and nothing else: the secretariat's titles, descriptions, order,
 * added items and minutes stay. A fixed item not yet stored (the first seeding) is added after the stored ones, in the
 * fixed order.
 */
export function reseedAgenda(stored: readonly StoredAgendaItem[], seeded: readonly SeededAgendaItem[]): ReseedChanges {
  const byKey = new Map(stored.filter((s) => s.key !== EXTRA_ITEM_KEY).map((s) => [s.key, s]));
  let next = stored.reduce((max, s) => Math.max(max, s.position), 0);
  const update: ReseedChanges['update'] = [];
  const insert: ReseedChanges['insert'] = [];
  for (const item of seeded) {
    const existing = byKey.get(item.key);
    if (existing) update.push({ id: existing.id, attention: item.attention });
    else insert.push({ ...item, position: ++next });
  }
  return { update, insert };
}

/** The key of an item the secretariat adds to the fixed ones. */
export const EXTRA_ITEM_KEY = 'ekstra';

/** An open action item is overdue from the day after its deadline. */
export function isOverdue(deadline: string, status: string, today: string): boolean {
  return status === 'åben' && deadline < today;
}
