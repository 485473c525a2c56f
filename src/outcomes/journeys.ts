/**
 * Journeys across activities: how many participants and families take part in one, two, three or more activities
 * (per plan year and over the whole plan), which pairs of activities share the most families, and how referrals flow
 * between activities and from partners. The plan relies on recruiting across activities. Always suppressed, since the
 * view is for the board too (PRODUCT.md, "Small numbers"). Pure.
 */
import { suppressTable, type CountCell, type SuppressedTable } from '../monitoring/small-numbers.js';

/** One enrolment as the journey view needs it. */
export interface JourneyEnrolment {
  participantId: string;
  /** The household, or null for a participant registered without one (then counted as a family of their own). */
  householdId: string | null;
  activity: string;
  startDate: string;
  endDate: string | null;
  status: string;
  referralKind: string;
  referredFromActivity: string | null;
  referredBy: string | null;
}

/** A period to count in: a plan year (1 August – 31 July) or the whole plan. */
export interface JourneyPeriod {
  label: string;
  start: string;
  end: string;
}

/** How many took part in 1, 2 and 3 or more activities, and in all, suppressed as one line with its total. */
export interface ActivityCountRow {
  label: string;
  cells: CountCell[];
  total: CountCell;
}

export interface ActivityPair {
  a: string;
  b: string;
  families: number;
}

export interface ReferralFlows {
  /** Row keys: an activity slug, or `partner:<name>` for a partner's referrals. */
  from: string[];
  to: string[];
  /** The partner rows' names as first written (`partner:<key>` → «UUR»). */
  partnerNames: Record<string, string>;
  table: SuppressedTable;
}

export interface JourneyResult {
  participants: ActivityCountRow[];
  families: ActivityCountRow[];
  /** The pairs shared by at least `threshold` families, most first. */
  pairs: ActivityPair[];
  /** How many pairs were shared by fewer families and are not listed. */
  pairsNotShown: number;
  flows: ReferralFlows;
  threshold: number;
}

/** Enrolments on a waiting list did not take part yet. */
const tookPart = (e: JourneyEnrolment) => e.status !== 'venteliste';
const within = (e: JourneyEnrolment, p: JourneyPeriod) => e.startDate <= p.end && (e.endDate === null || e.endDate >= p.start);
const familyOf = (e: JourneyEnrolment) => e.householdId ?? `deltager:${e.participantId}`;

/** Bits set in a mask of activities: how many activities. */
function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function countRow(label: string, masks: Map<string, number>, threshold: number): ActivityCountRow {
  const counts = [0, 0, 0];
  for (const mask of masks.values()) counts[Math.min(bitCount(mask), 3) - 1]!++;
  const total = counts[0]! + counts[1]! + counts[2]!;
  const suppressed = suppressTable({ cells: [counts], rowTotals: [total] }, threshold);
  return { label, cells: suppressed.cells[0]!, total: suppressed.rowTotals![0]! };
}

/** Activities can be told apart in one 32-bit mask; a plan has 16. */
const MAX_ACTIVITIES = 31;

/** The normalised name of a partner who referred, so that «UUR» and «uur » count as one. */
export function partnerKey(referredBy: string | null): string {
  const name = (referredBy ?? '').trim().replace(/\s+/g, ' ');
  return `partner:${name === '' ? '' : name.toLocaleLowerCase('da-DK')}`;
}

/**
 * Journeys across activities for the given periods (the first rows of the count tables) and over `whole` (the pairs,
 * the flows and the last row of the count tables).
 */
export function journeys(all: readonly JourneyEnrolment[], periods: readonly JourneyPeriod[], whole: JourneyPeriod, threshold: number): JourneyResult {
  // One pass over the enrolments: per period, each participant's and each family's activities as a bit mask, which is
  // far cheaper than sets of names at a hundred thousand participants.
  const allPeriods = [...periods, whole];
  const bit = new Map<string, number>();
  const slugs: string[] = [];
  const byParticipant = allPeriods.map(() => new Map<string, number>());
  const byFamily = allPeriods.map(() => new Map<string, number>());
  for (const e of all) {
    if (!tookPart(e)) continue;
    let b = bit.get(e.activity);
    if (b === undefined) {
      if (slugs.length >= MAX_ACTIVITIES) throw new RangeError(`Forløb på tværs kan højst følge ${MAX_ACTIVITIES} aktiviteter.`);
      b = 1 << slugs.length;
      bit.set(e.activity, b);
      slugs.push(e.activity);
    }
    const family = familyOf(e);
    for (let i = 0; i < allPeriods.length; i++) {
      if (!within(e, allPeriods[i]!)) continue;
      const people = byParticipant[i]!;
      people.set(e.participantId, (people.get(e.participantId) ?? 0) | b);
      const families = byFamily[i]!;
      families.set(family, (families.get(family) ?? 0) | b);
    }
  }
  const participants = allPeriods.map((p, i) => countRow(p.label, byParticipant[i]!, threshold));
  const families = allPeriods.map((p, i) => countRow(p.label, byFamily[i]!, threshold));

  const pairCounts = new Map<number, number>();
  for (const mask of byFamily[allPeriods.length - 1]!.values()) {
    if ((mask & (mask - 1)) === 0) continue;
    for (let i = 0; i < slugs.length; i++) {
      if (!(mask & (1 << i))) continue;
      for (let j = i + 1; j < slugs.length; j++) if (mask & (1 << j)) pairCounts.set(i * 64 + j, (pairCounts.get(i * 64 + j) ?? 0) + 1);
    }
  }
  const pairs: ActivityPair[] = [];
  let pairsNotShown = 0;
  for (const [key, n] of pairCounts) {
    if (n < threshold) {
      pairsNotShown++;
      continue;
    }
    const [a, b] = [slugs[Math.floor(key / 64)]!, slugs[key % 64]!].sort() as [string, string];
    pairs.push({ a, b, families: n });
  }
  pairs.sort((x, y) => y.families - x.families || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  return { participants, families, pairs, pairsNotShown, flows: referralFlows(all.filter((e) => within(e, whole)), threshold), threshold };
}

/**
 * Referrals into activities: from another activity (referral kind `aktivitet`) or from a partner (`partner`), as a
 * from × to table of enrolments with row, column and grand totals, suppressed so that no small count can be read or
 * worked out from the totals. Waiting-list enrolments count: a referral is made whether or not the place came yet.
 */
export function referralFlows(enrolments: readonly JourneyEnrolment[], threshold: number): ReferralFlows {
  const flows = new Map<string, Map<string, number>>();
  const partnerNames: Record<string, string> = {};
  for (const e of enrolments) {
    let from: string | null = null;
    if (e.referralKind === 'aktivitet' && e.referredFromActivity) from = e.referredFromActivity;
    else if (e.referralKind === 'partner') {
      from = partnerKey(e.referredBy);
      partnerNames[from] ??= (e.referredBy ?? '').trim().replace(/\s+/g, ' ');
    }
    if (from === null) continue;
    let row = flows.get(from);
    if (!row) flows.set(from, (row = new Map()));
    row.set(e.activity, (row.get(e.activity) ?? 0) + 1);
  }
  const from = [...flows.keys()].sort((a, b) => Number(a.startsWith('partner:')) - Number(b.startsWith('partner:')) || a.localeCompare(b));
  const to = [...new Set([...flows.values()].flatMap((r) => [...r.keys()]))].sort();
  const cells = from.map((f) => to.map((t) => flows.get(f)!.get(t) ?? 0));
  const rowTotals = cells.map((r) => r.reduce((s, n) => s + n, 0));
  const columnTotals = to.map((_, j) => cells.reduce((s, r) => s + r[j]!, 0));
  const grandTotal = rowTotals.reduce((s, n) => s + n, 0);
  return { from, to, partnerNames, table: suppressTable({ cells, rowTotals, columnTotals, grandTotal }, threshold) };
}
