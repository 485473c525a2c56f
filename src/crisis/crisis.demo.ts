/**
 * The crisis module's demo data (issue 7), in the order its parts build on each other: the group's addresses and
 * confirmations, the demo users linked to members (the `beredskab` demo user to the police's commissioner, an
 * authority's member who reads § 115 entries; the secretariat's demo user to the chef for bystrategisk udvikling, who
 * does not), then the incidents and, for them, convening, action plans, communication and the evaluation with this
 * year's status meeting. Each step is idempotent, so a restart adds nothing.
 */
import type { AppServices } from '../app.js';
import { meetingServiceFor } from '../governance/meetings.service.js';
import { seedDemoActions } from './actions.demo.js';
import { seedDemoCommunication } from './communication.demo.js';
import { seedDemoConvening } from './convening.demo.js';
import { seedDemoCrisisGroup } from './crisis-group.demo.js';
import { seedDemoEvaluation } from './evaluation.demo.js';
import { seedDemoIncidents } from './incidents.demo.js';

/** Which demo user stands for which member of the crisis group (by the member's role). */
const DEMO_LINKS: readonly { email: string; role: string }[] = [
  { email: 'demo.beredskab@helhed.example', role: 'Politikommissær' },
  { email: 'demo.sekretariat@helhed.example', role: 'Chef for bystrategisk udvikling' },
];

async function linkDemoUsers(services: AppServices, planId: string): Promise<void> {
  const members = await meetingServiceFor(services).members(planId, 'beredskabsgruppe');
  const db = services.database.db;
  for (const link of DEMO_LINKS) {
    const member = members.find((m) => m.role === link.role && m.substituteFor === null);
    const user = await db.selectFrom('users').select('id').where('email', '=', link.email).executeTakeFirst();
    if (!member || !user) continue;
    // Only a member nobody is linked to yet, so the secretariat's own links stay.
    await db.updateTable('body_members').set({ user_id: user.id }).where('id', '=', member.id).where('user_id', 'is', null).execute();
  }
}

export async function seedDemoCrisis(services: AppServices, planId: string): Promise<void> {
  await seedDemoCrisisGroup(services, planId);
  await linkDemoUsers(services, planId);
  await seedDemoIncidents(services, planId);
  await seedDemoConvening(services, planId);
  await seedDemoActions(services, planId);
  await seedDemoCommunication(services, planId);
  await seedDemoEvaluation(services, planId);
}
