/**
 * Demo action plans (README: HELHED_DEMO_DATA=1): each demo incident (incidents.demo.ts) gets the tasks of its
 * situation type's template, made and moved on through the action service as a member would, so every change is in
 * the incident's log. The active incident has its first tasks done and one in progress; the stood-down one has all done
 * but one cancelled and one left open, which the annual summary then counts as an open action.
 */
import type { AppServices } from '../app.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.service.js';
import { sortTasks, type TaskStatus } from './actions.js';
import { actionServiceFor } from './actions.service.js';
import { DEMO_MARK } from './incidents.demo.js';

const DEMO_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'demodata' };

/** Makes the demo incidents' action plans unless they have them; returns how many tasks were added (0 on a second call). */
export async function seedDemoActions(services: AppServices, planId: string): Promise<number> {
  const actions = actionServiceFor(services);
  const incidents = await services.database.db
    .selectFrom('crisis_incidents')
    .select(['id', 'status'])
    .where('plan_id', '=', planId)
    .where('description', 'like', `%${DEMO_MARK}%`)
    .orderBy('number')
    .execute();
  let added = 0;
  for (const incident of incidents) {
    const created = await actions.createFromTemplate(DEMO_ACTOR, planId, incident.id);
    if (created.length === 0) continue;
    added += created.length;
    const ordered = sortTasks(created);
    const statuses: TaskStatus[] =
      incident.status === 'afmeldt'
        ? ordered.map((_, i) => (i === ordered.length - 1 ? 'aaben' : i === ordered.length - 2 ? 'annulleret' : 'udfoert'))
        : ordered.map((_, i) => (i < 3 ? 'udfoert' : i === 3 ? 'i_gang' : 'aaben'));
    for (const [i, task] of ordered.entries()) {
      if (statuses[i] !== 'aaben') await actions.setStatus(DEMO_ACTOR, planId, incident.id, task.id, statuses[i]!);
    }
  }
  return added;
}
