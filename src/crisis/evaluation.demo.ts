/**
 * Demo data for the evaluation and the annual status meeting (issue 7, part 7): the demo's first stood-down incident
 * evaluated by the group, and this year's status meeting scheduled by the secretariat. Idempotent: an incident with an
 * evaluation and a year with a meeting are left as they are, so what someone changes in the demo stays.
 */
import type { AppServices } from '../app.js';
import type { Actor } from '../audit/audit.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import * as repo from './evaluation.repository.js';
import { evaluationServiceFor } from './evaluation.service.js';
import { statusMeetingServiceFor } from './status-meetings.service.js';

/** The demo's hand: the secretariat's head, who keeps the status meeting (plan lines 3449-3452). */
const DEMO_ACTOR: Actor = { userId: null, label: 'Bysekretariatet (demodata)', planId: null, ip: null, requestId: null };

export interface DemoEvaluationResult {
  evaluatedIncidentId: string | null;
  meetingYear: number | null;
}

export async function seedDemoEvaluation(services: AppServices, planId: string): Promise<DemoEvaluationResult> {
  const result: DemoEvaluationResult = { evaluatedIncidentId: null, meetingYear: null };
  const actor = { ...DEMO_ACTOR, planId };
  const db = services.database.db;

  const [first] = await repo.stoodDownIncidentIds(db, planId);
  if (first && !(await repo.findEvaluation(db, planId, first))) {
    const evaluations = evaluationServiceFor(services);
    await evaluations.recordDecision(actor, planId, first, { decision: 'evalueres', reason: 'Første aktivering i perioden; gruppen vil vide, om indkaldelsen og informationen nåede ud (demodata).' });
    await evaluations.recordAnswers(
      actor,
      planId,
      first,
      {
        worked:
          'Politiets vurdering kom hurtigt, og gruppen mødtes inden for fristen. SSP-netværket blev aktiveret samme aften, og de opsøgende medarbejdere var i området dagen efter.',
        improve: 'To medlemmers telefonnumre var forældede, så indkaldelsen nåede først suppleanterne. Handleplanens opgaver manglede frister.',
        channelsRight: false,
        channelsNote: 'Opslag i opgangene nåede ikke de unge; afdelingsbestyrelsernes Facebook-grupper og klubmedarbejderne burde være brugt samme dag.',
        recommendations: 'Bekræft kontaktoplysningerne før sommerferien. Aftal en fast besked til afdelingsbestyrelserne, der kan sendes inden for to timer. (demodata)',
      },
      true,
    );
    result.evaluatedIncidentId = first;
  }

  const meetings = statusMeetingServiceFor(services);
  const now = services.clock();
  const year = Number(danishDateOf(now).slice(0, 4));
  if (!(await meetings.meeting(planId, year))) {
    const date = `${year}-12-08`;
    await meetings.schedule(actor, planId, year, {
      date,
      startsAt: '14:00',
      durationMinutes: 120,
      location: 'Bysekretariatet, Randers Rådhus, mødelokale 2',
      status: danishDateOf(now) > date ? 'afholdt' : 'planlagt',
      notes: 'Dagsorden: årets aktiveringer og evalueringer, kontaktlisten, den generelle situation i boligområderne. (demodata)',
    });
    result.meetingYear = year;
  }
  return result;
}
