/**
 * Demo deliveries: the steering group's next meeting this year (or its latest, late in the year) with requests to the
 * organisations that have activities, and two of them delivered with invented narratives. Idempotent: a meeting that
 * already has requests is left alone.
 */
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { defaultDeadline } from './deliveries.js';
import * as repo from './deliveries.repository.js';
import { DeliveryService } from './deliveries.service.js';
import { meetingServiceFor, seedDemoMeetings } from './meetings.service.js';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, label: 'demodata' };

/** Invented progress, as partners write it: what went well, what did not, and what they do about it. */
const NARRATIVES = [
  'Forløbet kører som planlagt. Vi har haft god kontakt til forældrene, og fremmødet er steget efter vinterferien. To familier er flyttet fra området, og vi følger op på, om deres pladser kan gives til familier på ventelisten. (Demodata, opdigtet.)',
  'Vi er lidt bagud med timerne, fordi en medarbejder har været sygemeldt i fire uger; vikaren er startet, og vi regner med at indhente efterslæbet inden sommerferien. Samarbejdet med skolen om de fælles arrangementer fungerer godt. (Demodata, opdigtet.)',
  'Aktiviteten er i gang i alle tre områder. Vi har justeret tidspunktet til eftermiddag, hvilket har givet flere deltagere. Næste skridt er en fælles evaluering med styregruppen. (Demodata, opdigtet.)',
];

/** Acts as the secretariat would when typing in a delivery; the demo has no signed-in user. */
const DEMO_PRINCIPAL: Principal = { userId: '', email: 'demodata', name: 'demodata', plan: null, roles: ['administrator'], organisationId: null, organisationName: null, via: 'session' };

/** Seeds demo deliveries; returns the number of requests made (0 when they exist or no meeting is found). */
export async function seedDemoDeliveries(database: Db, planId: string, clock: () => Date = () => new Date()): Promise<number> {
  const app = {
    database,
    plan: new PlanService(database, clock),
    clock,
    // Nothing is e-mailed by the demo: requests are written directly, and the mailer has no server.
    config: { publicUrl: '', mail: { smtpUrl: undefined, from: 'Helhed <helhed@localhost>' }, monitoring: { smallNumberThreshold: 5 } },
  };
  await seedDemoMeetings(database, planId, clock);
  const today = danishDateOf(clock());
  const year = Number(today.slice(0, 4));
  const meetings = (await meetingServiceFor(app).list(planId, { year, body: 'styregruppe' })).filter((m) => m.status !== 'aflyst');
  const meeting = meetings.find((m) => m.date > today) ?? meetings.at(-1);
  if (!meeting) return 0;
  if ((await repo.requestsOfMeeting(database.db, planId, meeting.id)).length > 0) return 0;

  const service = new DeliveryService(app);
  const overview = await service.overview(planId, meeting.id);
  const asked = overview.organisations.filter((o) => o.suggested);
  if (asked.length === 0) return 0;
  const deadline = defaultDeadline(meeting.date, meeting.date < today ? meeting.date : today);
  await database.db.transaction().execute(async (trx) => {
    for (const o of asked) {
      await repo.insertRequest(trx, {
        id: newId(),
        plan_id: planId,
        meeting_id: meeting.id,
        organisation_id: o.id,
        deadline,
        requested_at: nowIso(clock),
        requested_by_label: DEMO_ACTOR.label,
        delivered_at: null,
        delivered_by_label: null,
        last_reminded_at: null,
        reminder_count: 0,
      });
    }
  });
  // The two that deliver: partner organisations first (the demo partner sees its own delivered), then the largest.
  const requests = (await repo.requestsOfMeeting(database.db, planId, meeting.id)).sort((a, b) => {
    const rank = (id: string) => {
      const o = asked.find((x) => x.id === id)!;
      return (o.partners > 0 ? 2 : 0) + (o.activities > 0 ? 1 : 0);
    };
    return rank(b.organisation_id) - rank(a.organisation_id) || a.organisation_name.localeCompare(b.organisation_name, 'da');
  });
  let n = 0;
  for (const r of requests.slice(0, 2)) {
    const detail = await service.detail(DEMO_PRINCIPAL, planId, r.id);
    for (const a of detail.activities) await service.saveItem(DEMO_PRINCIPAL, DEMO_ACTOR, planId, r.id, a.slug, NARRATIVES[n++ % NARRATIVES.length]!);
    await service.deliver(DEMO_PRINCIPAL, DEMO_ACTOR, planId, r.id);
  }
  return asked.length;
}
