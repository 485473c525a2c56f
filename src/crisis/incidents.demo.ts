/**
 * Demo incidents for trying the crisis module (README: HELHED_DEMO_DATA=1): one red incident earlier this year, with
 * the police's assessment recorded after the activation, stood down two days later; and one yellow incident active now,
 * activated after the police had assessed it. Invented, and marked as such in their descriptions. Each is written as
 * the incidents service writes one (fixed deadline, every event in the log at the time it happened), but without
 * convening anyone: demo data send no mail.
 */
import type { AppServices } from '../app.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.service.js';
import { newId } from '../db/ids.js';
import { CrisisLog, type LogInput } from './crisis-log.service.js';
import { crisisSettings } from './crisis-settings.js';
import { meetingDeadline } from './deadlines.js';
import { describePolice, LEVEL_ADJECTIVES, type PoliceConsultation } from './incidents.js';
import * as repo from './incidents.repository.js';
import { activatedIncidentRow } from './incident.js';
import type { CrisisLevel } from './levels.js';
import { danishDateTime, localToInstant } from '../time/copenhagen.js';

/** Every demo incident's description carries this, so it is never taken for a real one and is found again. */
export const DEMO_MARK = '(Opdigtede demodata.)';

const DEMO_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'demodata' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface DemoEvent {
  at: Date;
  entry: LogInput;
  patch?: repo.IncidentPatch;
}

/**
 * Adds the demo incidents unless the plan has them already; returns how many were added (0 on a second call).
 */
export async function seedDemoIncidents(services: AppServices, planId: string): Promise<number> {
  const db = services.database.db;
  const existing = await db.selectFrom('crisis_incidents').select('id').where('plan_id', '=', planId).where('description', 'like', `%${DEMO_MARK}%`).executeTakeFirst();
  if (existing) return 0;
  const now = services.clock();
  const { closingDays } = await crisisSettings(services.database, planId);
  const year = Number(now.toISOString().slice(0, 4));

  // Red, earlier this year: a Friday evening in January, or 40 days ago early in the year.
  const january = localToInstant(year, 1, 16, 21, 40);
  const redAt = january.getTime() < now.getTime() - 10 * 24 * HOUR ? january : new Date(now.getTime() - 40 * 24 * HOUR);
  const redPolice: PoliceConsultation = { status: 'vurderet', contact: 'Allan Aarslev, Østjyllands Politi (demo)', contactedAt: new Date(redAt.getTime() + 35 * MINUTE).toISOString(), assessedLevel: 'roed' };
  await seed(services, planId, {
    level: 'roed',
    at: redAt,
    areaSlug: 'vangdalen',
    situationType: 'ildspaasaettelse',
    description: `Brand i tre containere og en kælder i løbet af aftenen; beboere er bekymrede. ${DEMO_MARK}`,
    closingDays,
    police: { status: 'afventer', contact: null, contactedAt: null, assessedLevel: null },
    after: [
      { at: new Date(redAt.getTime() + 40 * MINUTE), entry: { kind: 'politi', text: `${describePolice(redPolice)} Registreret efter aktiveringen af demodata.`, data: { ...redPolice } }, patch: policePatch(redPolice, redAt.getTime() + 40 * MINUTE) },
      {
        at: new Date(redAt.getTime() + 2 * 24 * HOUR),
        entry: { kind: 'afmelding', text: 'Beredskabet afmeldt af demodata på rødt niveau. Begrundelse: Situationen er faldet til ro; driften har ryddet op, og beboerne er orienteret.', data: { level: 'roed' } },
        patch: {
          status: 'afmeldt',
          stood_down_at: new Date(redAt.getTime() + 2 * 24 * HOUR).toISOString(),
          stood_down_by_label: 'demodata',
          stand_down_reason: 'Situationen er faldet til ro; driften har ryddet op, og beboerne er orienteret.',
          updated_at: new Date(redAt.getTime() + 2 * 24 * HOUR).toISOString(),
        },
      },
    ],
  });

  // Yellow, active: yesterday afternoon, after the police's commissioner assessed it.
  const yellowAt = new Date(now.getTime() - 20 * HOUR);
  await seed(services, planId, {
    level: 'gul',
    at: yellowAt,
    areaSlug: 'gl-jennumparken',
    situationType: 'gruppekonflikt',
    description: `Gentagne konfrontationer mellem to grupper unge ved indkøbscentret de seneste uger. ${DEMO_MARK}`,
    closingDays,
    police: { status: 'vurderet', contact: 'Lasse Bonde, Østjyllands Politi (demo)', contactedAt: new Date(yellowAt.getTime() - 30 * MINUTE).toISOString(), assessedLevel: 'gul' },
    after: [],
  });
  return 2;
}

function policePatch(p: PoliceConsultation, at: number): repo.IncidentPatch {
  return { police_status: p.status, police_contact: p.contact, police_contacted_at: p.contactedAt, police_assessed_level: p.assessedLevel, updated_at: new Date(at).toISOString() };
}

async function seed(
  services: AppServices,
  planId: string,
  d: { level: CrisisLevel; at: Date; areaSlug: string; situationType: string; description: string; closingDays: readonly string[]; police: PoliceConsultation; after: DemoEvent[] },
): Promise<void> {
  const deadline = meetingDeadline(d.level, d.at, d.closingDays);
  const logAt = (at: Date) => new CrisisLog(services.database, services.config.secret, () => at);
  await services.database.db.transaction().execute(async (trx) => {
    await repo.lockPlanForNumbering(trx, services.database.engine, planId);
    const id = newId(d.at.getTime());
    const at = d.at.toISOString();
    const row = activatedIncidentRow({
      id,
      plan_id: planId,
      number: await repo.nextIncidentNumber(trx, planId),
      area_slug: d.areaSlug,
      situation_type: d.situationType,
      description: d.description,
      level: d.level,
      activated_at: at,
      activated_by_user_id: null,
      activated_by_label: 'demodata',
      activated_by_member_id: null,
      on_behalf_of: null,
      police_status: d.police.status,
      police_contact: d.police.contact,
      police_contacted_at: d.police.contactedAt,
      police_assessed_level: d.police.assessedLevel,
      deadline_at: deadline.toISOString(),
    });
    await repo.insertIncidentRow(trx, row);
    await logAt(d.at).appendAll(trx, planId, id, DEMO_ACTOR, [
      {
        kind: 'aktivering',
        text: `Beredskabet aktiveret på ${LEVEL_ADJECTIVES[d.level]} niveau (demodata). Mødefrist: ${danishDateTime(deadline)}. Beskrivelse: ${d.description}`,
        data: { level: d.level, areaSlug: d.areaSlug, situationType: d.situationType, deadlineAt: row.deadline_at, levelSetAt: at },
      },
      { kind: 'politi', text: describePolice(d.police), data: { ...d.police } },
    ]);
    for (const event of d.after) {
      if (event.patch) await repo.updateIncidentRow(trx, planId, id, event.patch);
      await logAt(event.at).append(trx, planId, id, DEMO_ACTOR, event.entry);
    }
  });
}
