/**
 * Demo agendas: the latest steering-group meeting already held gets its agenda (seeded from the demo's real figures),
 * minutes for each item, two decisions and two action items, and the steering group has one recommendation put to the
 * board's next meeting. Idempotent: a meeting that already has an agenda is left alone. All text is invented.
 */
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { DEFAULT_FLAG_CONFIG } from '../monitoring/data-quality.js';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import * as repo from './agendas.repository.js';
import { AgendaService } from './agendas.service.js';
import { attentionGatherer, type AttentionSources } from './attention.js';
import { meetingServiceFor, seedDemoMeetings } from './meetings.service.js';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, label: 'demodata' };

const MINUTES: Record<string, string> = {
  aktionspunkter: 'Aktionspunkterne fra sidste møde blev gennemgået. (Demodata, opdigtet.)',
  fremdrift: 'Styregruppen drøftede fremdriften. Aktiviteterne bagud følges tæt, og partnerne redegør på næste møde. (Demodata, opdigtet.)',
  'nyt-fra-deltagerne': 'Skolerne fortalte om det nye samarbejde om fravær; Boligselskabet om beboerhusets åbningstider. (Demodata, opdigtet.)',
  koordinering: 'Sommeraktiviteterne koordineres, så de ikke ligger i samme uge i de tre områder. (Demodata, opdigtet.)',
  indstillinger: 'Styregruppen besluttede at indstille flytning af timer til bestyrelsen. (Demodata, opdigtet.)',
};

/** Days after `iso` as an ISO date. */
function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Seeds the demo agenda, minutes and recommendation; returns the number of agenda items made (0 when they exist). */
export async function seedDemoAgendas(database: Db, planId: string, clock: () => Date = () => new Date()): Promise<number> {
  const plan = new PlanService(database, clock);
  // The demo has no running app: its services are made here, with the defaults the app would use. Nothing is mailed.
  const config: AttentionSources['config'] = {
    publicUrl: '',
    mail: { smtpUrl: undefined, from: 'Helhed <helhed@localhost>' },
    monitoring: { smallNumberThreshold: 5, jumpSharePoints: 10, jumpRelativePercent: 50 },
  };
  const monitoring = new MonitoringService(database, plan, { threshold: 5, flags: DEFAULT_FLAG_CONFIG });
  const app = { database, plan, clock, config, monitoring };
  await seedDemoMeetings(database, planId, clock);
  const meetings = meetingServiceFor(app);
  const today = danishDateOf(clock());
  const all = (await meetings.list(planId)).filter((m) => m.status !== 'aflyst');
  const meeting = all.filter((m) => m.body === 'styregruppe' && m.date < today).at(-1);
  if (!meeting) return 0;
  if ((await repo.agendaItems(database.db, planId, meeting.id)).length > 0) return 0;

  const service = new AgendaService(database, plan, meetings, clock, attentionGatherer(app));
  const { items } = await service.seed(DEMO_ACTOR, planId, meeting.id);
  for (const item of items) {
    const text = MINUTES[item.key];
    if (text) await service.updateItem(DEMO_ACTOR, planId, item.id, { minutes: text });
  }
  const itemOf = (key: string) => items.find((i) => i.key === key)?.id ?? null;
  await service.addDecision(DEMO_ACTOR, planId, meeting.id, {
    agendaItemId: itemOf('fremdrift'),
    recommendationId: null,
    text: 'Styregruppen tog fremdriften til efterretning og bad om en plan for de aktiviteter, der er bagud. (Demodata, opdigtet.)',
  });
  await service.addActionItem(DEMO_ACTOR, planId, meeting.id, {
    agendaItemId: itemOf('fremdrift'),
    title: 'Plan for at indhente de aktiviteter, der er bagud (demodata)',
    owner: 'Bysekretariatet',
    deadline: addDays(meeting.date, 21),
  });
  await service.addActionItem(DEMO_ACTOR, planId, meeting.id, {
    agendaItemId: itemOf('koordinering'),
    title: 'Fælles kalender for sommeraktiviteterne (demodata)',
    owner: 'Kultur og Fritid, Randers Kommune',
    deadline: addDays(meeting.date, 42),
  });
  const recommendation = await service.createRecommendation(DEMO_ACTOR, planId, {
    title: 'Flytning af timer til lektiecafeen (demodata)',
    text: 'Styregruppen indstiller, at bestyrelsen godkender at flytte 100 timer årligt fra sommeraktiviteterne til lektiecafeen, hvor efterspørgslen er større end forventet. (Demodata, opdigtet.)',
    subject: 'sub-agreement',
    steeringMeetingId: meeting.id,
    proposalId: null,
  });
  await service.addDecision(DEMO_ACTOR, planId, meeting.id, {
    agendaItemId: itemOf('indstillinger'),
    recommendationId: recommendation.id,
    text: `Styregruppen besluttede at indstille «${recommendation.title}» til bestyrelsen. (Demodata, opdigtet.)`,
  });
  const board = all.find((m) => m.body === 'bestyrelse' && m.date >= meeting.date);
  if (board) await service.submitRecommendation(DEMO_ACTOR, planId, recommendation.id, board.id);
  await service.publishMinutes(DEMO_ACTOR, planId, meeting.id);
  return items.length;
}
