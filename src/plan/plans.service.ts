import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { PlanRow } from '../db/schema.js';
import { findPlanBySlug, insertPlan } from './plans.repository.js';

/**
 * The plan this installation is first built for (plan/, foreword and strategic agreement: 1 Aug 2025 – 31 Jul 2029).
 * Its content (areas, goals, activities) is loaded by the plan module; here it exists so that every plan-owned row and
 * every role has a plan to belong to from the first start.
 */
export const RANDERS_2025_29 = {
  slug: 'randers-2025-29',
  name: 'Den boligsociale Helhedsplan Randers 2025-29',
  periodStart: '2025-08-01',
  periodEnd: '2029-07-31',
} as const;

/** Makes sure the Randers plan exists; returns it. Safe to call on every start. */
export async function ensureDefaultPlan(database: Db): Promise<PlanRow> {
  const existing = await findPlanBySlug(database.db, RANDERS_2025_29.slug);
  if (existing) return existing;
  const row: PlanRow = {
    id: newId(),
    slug: RANDERS_2025_29.slug,
    name: RANDERS_2025_29.name,
    period_start: RANDERS_2025_29.periodStart,
    period_end: RANDERS_2025_29.periodEnd,
    created_at: nowIso(),
  };
  await insertPlan(database.db, row);
  return row;
}
