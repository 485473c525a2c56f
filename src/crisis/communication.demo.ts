/**
 * Demo data for the communication plan (README: HELHED_DEMO_DATA=1): the beredskabsplan's suggested plan for the demo's
 * active incident, with the residents' notice approved (by someone other than the one who submitted it) and the
 * boards' e-mail awaiting approval, so the approval flow can be tried at once. Written through the service, so every
 * step is in the incident's log and the audit log like any other. Sends nothing.
 */
import type { AppServices } from '../app.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.service.js';
import { communicationServiceFor } from './communication.service.js';
import { DEMO_MARK } from './incidents.demo.js';
import { activeDemoIncidentId, incidentHasCommunication } from './communication.repository.js';

// The demo's two actors have no user account, so the four-eyes rule (which compares user ids) lets the second approve.
const DRAFTER: Actor = { ...SYSTEM_ACTOR, label: 'demodata (Bysekretariatet)' };
const APPROVER: Actor = { ...SYSTEM_ACTOR, label: 'demodata (Østjyllands Politi)' };

/**
 * Suggests the plan for the demo's active incident unless it has a communication plan already; returns how many items
 * were added (0 on a second call, or when there is no active demo incident).
 */
export async function seedDemoCommunication(services: AppServices, planId: string): Promise<number> {
  const incidentId = await activeDemoIncidentId(services.database.db, planId, DEMO_MARK);
  if (!incidentId || (await incidentHasCommunication(services.database.db, planId, incidentId))) return 0;
  const communication = communicationServiceFor(services);
  const items = await communication.suggest(DRAFTER, planId, incidentId);
  const residents = items.find((i) => i.suggestionKey === 'beboere');
  const boards = items.find((i) => i.suggestionKey === 'afdelingsbestyrelser');
  if (residents) {
    await communication.submit(DRAFTER, planId, incidentId, residents.id);
    await communication.approve(APPROVER, planId, incidentId, residents.id);
  }
  if (boards) await communication.submit(DRAFTER, planId, incidentId, boards.id);
  return items.length;
}
