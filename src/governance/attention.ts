/**
 * What needs a body's attention at a meeting (`AttentionFacts`), gathered from the parts that know it: monitoring
 * (indicators going the wrong way, as the board's dashboard judges them), outputs and staff hours behind pace,
 * flagged milestones, deliveries not made for this meeting, and budget deviations. Only aggregates: everyone with
 * `plan.read` reads an agenda, so counts are taken as the API sees them (small numbers suppressed) and no person is
 * named. Action items and recommendations are this part's own and are given by the agenda service.
 */
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { MonitoringService } from '../monitoring/monitoring.service.js';
import type { PlanService } from '../plan/plan.service.js';
import { outputServiceFor } from '../activities/outputs.service.js';
import { staffHourServiceFor } from '../activities/staff-hours.service.js';
import { economyServiceFor } from '../economy/economy.service.js';
import { boardView } from '../monitoring/dashboard.present.js';
import type { AttentionFacts } from './agenda.js';
import { deliveryServiceFor } from './deliveries.service.js';
import type { Meeting } from './meetings.service.js';
import { milestoneServiceFor } from './milestones.service.js';

/** The app's services attention is gathered from. */
export interface AttentionSources {
  database: Db;
  plan: PlanService;
  clock: () => Date;
  monitoring: MonitoringService;
  config: Pick<Config, 'publicUrl' | 'mail' | 'monitoring'>;
}

/** The facts this part keeps itself: action items to follow up and recommendations pending. */
export type OwnFacts = Pick<AttentionFacts, 'openActions' | 'pendingRecommendations'>;

export type GatherAttention = (planId: string, meeting: Meeting, own: OwnFacts) => Promise<AttentionFacts>;

const hoursFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** Indicators whose status is «dårligere» for a scope, as on the board's dashboard (suppressed as for everyone). */
async function worseningIndicators(sources: AttentionSources, planId: string): Promise<AttentionFacts['worseningIndicators']> {
  const board = boardView(await sources.monitoring.view(planId), false);
  const found: AttentionFacts['worseningIndicators'] = [];
  for (const set of board.sets) {
    for (const group of set.groups) {
      for (const row of group.rows) {
        row.cells.forEach((cell, i) => {
          if (cell.status.status === 'dårligere') found.push({ code: row.code, name: row.name, scopeLabel: board.scopes[i]?.label ?? '' });
        });
      }
    }
  }
  return found;
}

/** Activity targets judged «bagud» in the current plan year. */
async function outputsBehind(sources: AttentionSources, planId: string): Promise<AttentionFacts['outputsBehind']> {
  const overview = await outputServiceFor(sources).overview({ suppressAll: true }, planId);
  return overview.activities.flatMap((a) =>
    a.targets.filter((t) => t.status === 'bagud').map((t) => ({ activityName: a.name, target: t.target.printed, text: t.assessment?.text ?? 'bagud' })),
  );
}

/** Lines of agreed staff hours behind pace, largest shortfall first. */
async function hoursBehind(sources: AttentionSources, planId: string): Promise<AttentionFacts['hoursBehind']> {
  const overview = await staffHourServiceFor(sources).overview(planId);
  return overview.shortfalls.map((l) => ({
    organisation: l.organisation,
    text: `${l.activityName ?? l.interventionAreaName}: ${hoursFormat.format(l.delivered)} af ${hoursFormat.format(l.assessment.expectedByNow ?? 0)} forventede timer til nu`,
  }));
}

/**
 * Gathers everything that needs attention at a meeting. Deliveries are asked for the steering group's meetings
 * (where the partners deliver); the others for both bodies.
 */
export function attentionGatherer(sources: AttentionSources): GatherAttention {
  return async (planId, meeting, own) => {
    const [worsening, outputs, hours, milestones, missing, budget] = await Promise.all([
      worseningIndicators(sources, planId),
      outputsBehind(sources, planId),
      hoursBehind(sources, planId),
      milestoneServiceFor(sources).flagged(planId),
      deliveryServiceFor(sources).missing(planId, meeting.id),
      economyServiceFor(sources).deviations(planId),
    ]);
    return {
      worseningIndicators: worsening,
      outputsBehind: outputs,
      hoursBehind: hours,
      milestones: milestones.map((m) => ({ title: m.title, flag: m.flag, reason: m.reason })),
      missingDeliveries: missing,
      budgetDeviations: budget,
      ...own,
    };
  };
}
