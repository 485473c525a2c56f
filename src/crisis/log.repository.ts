/**
 * The SQL of the log's pages (issue 7, part 6) beyond the chain itself (crisis-log.service.ts): the incidents of a plan
 * as the check of every log lists them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CrisisLevel, IncidentStatus } from './levels.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface IncidentHead {
  id: string;
  number: number;
  areaSlug: string | null;
  level: CrisisLevel;
  status: IncidentStatus;
  activatedAt: string;
  logLength: number;
}

/** The plan's incidents, newest first. */
export async function incidentHeads(db: Q, planId: string): Promise<IncidentHead[]> {
  const rows = await db
    .selectFrom('crisis_incidents')
    .select(['id', 'number', 'area_slug', 'level', 'status', 'activated_at', 'log_length'])
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    areaSlug: r.area_slug,
    level: r.level as CrisisLevel,
    status: r.status as IncidentStatus,
    activatedAt: r.activated_at,
    logLength: Number(r.log_length),
  }));
}
