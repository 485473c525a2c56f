import type { Db } from '../db/database.js';
import { ensureDefaultPlan } from './plans.service.js';
import { randersPlanContent } from './content/index.js';
import type { PlanService } from './plan.service.js';

/** Makes sure the Randers plan exists with its content loaded. Safe to call on every start. */
export async function loadDefaultPlan(database: Db, plan: PlanService): Promise<{ planId: string; loaded: boolean }> {
  const row = await ensureDefaultPlan(database);
  const loaded = await plan.loadContent(row.id, randersPlanContent);
  return { planId: row.id, loaded };
}
