/**
 * Demo convening for the demo incidents (src/crisis/incidents.demo.ts; README: HELHED_DEMO_DATA=1): the crisis group's
 * principal members as participants with a mix of answers. At the red incident, stood down since, everyone answered,
 * the police's commissioner was escalated to his substitute, and the meeting was held before the deadline; at the
 * active yellow incident some have answered, two have not yet (and will be escalated when their time is up), and the
 * meeting is planned. Demo data send no mail and hold no answer links. The log entries are recorded when the demo
 * data are added, and say so.
 */
import type { Transaction } from 'kysely';
import type { AppServices } from '../app.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.service.js';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { meetingServiceFor, type BodyMember } from '../governance/meetings.service.js';
import { danishDateTime } from '../time/copenhagen.js';
import { crisisLogFor } from './crisis-log.service.js';
import type { CrisisParticipantRow } from './crisis.table.js';
import { RESPONSE_NAMES, type ConveningResponse } from './convening.js';
import * as repo from './convening.repository.js';
import { toIncident, type Incident } from './incident.js';
import { DEMO_MARK } from './incidents.demo.js';

const DEMO_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'demodata' };
const MINUTE = 60_000;

/** How each principal (by role) answered: at the red incident and at the yellow one; «eskaleret» hands over to the substitute. */
const ANSWERS: Record<'roed' | 'gul', Record<string, ConveningResponse | 'eskaleret'>> = {
  roed: {
    'SSP-konsulent': 'kommer',
    Politikommissær: 'eskaleret',
    Centerleder: 'kommer',
    Afdelingsleder: 'kommer_ikke',
    'Chef for bystrategisk udvikling': 'kommer',
    Inspektør: 'kommer',
    Lokalinspektør: 'kommer',
  },
  gul: {
    'SSP-konsulent': 'kommer',
    Politikommissær: 'kommer',
    Centerleder: 'kommer_ikke',
    Afdelingsleder: 'afventer',
    'Chef for bystrategisk udvikling': 'kommer',
    Inspektør: 'kommer',
    Lokalinspektør: 'afventer',
  },
};

function participantRow(incident: Incident, member: BodyMember, invitedAt: Date, createdAt: string): CrisisParticipantRow {
  return {
    id: newId(invitedAt.getTime()),
    plan_id: incident.planId,
    incident_id: incident.id,
    member_id: member.id,
    name: member.name ?? member.role,
    role: member.role,
    organisation: member.organisation,
    email: member.email,
    phone: member.phone,
    is_authority: member.isAuthority ? 1 : 0,
    ad_hoc: 0,
    invited_at: invitedAt.toISOString(),
    response: 'afventer',
    responded_at: null,
    response_token_hash: null,
    escalated_at: null,
    escalated_to_id: null,
    escalated_from_id: null,
    created_at: createdAt,
  };
}

async function convene(services: AppServices, trx: Transaction<Database>, incident: Incident, members: readonly BodyMember[]): Promise<void> {
  const log = crisisLogFor(services);
  const activated = new Date(incident.activatedAt);
  const invitedAt = new Date(activated.getTime() + 5 * MINUTE);
  const created = nowIso(services.clock);
  const answers = ANSWERS[incident.level];
  const rows: CrisisParticipantRow[] = [];
  const lines: string[] = [];
  let minutes = 20;
  for (const member of members.filter((m) => m.substituteFor === null)) {
    const row = participantRow(incident, member, invitedAt, created);
    const answer = answers[member.role] ?? 'kommer';
    rows.push(row);
    if (answer === 'eskaleret') {
      const substitute = members.find((m) => m.substituteFor === member.id);
      const escalatedAt = new Date(invitedAt.getTime() + 60 * MINUTE);
      row.escalated_at = escalatedAt.toISOString();
      if (substitute) {
        const sub = participantRow(incident, substitute, escalatedAt, created);
        sub.escalated_from_id = row.id;
        sub.response = 'kommer';
        sub.responded_at = new Date(escalatedAt.getTime() + 10 * MINUTE).toISOString();
        row.escalated_to_id = sub.id;
        rows.push(sub);
        lines.push(`${row.name} svarede ikke inden for en time; suppleanten ${sub.name} blev indkaldt og kommer.`);
      } else {
        lines.push(`${row.name} svarede ikke inden for en time og har ingen suppleant.`);
      }
    } else if (answer !== 'afventer') {
      row.response = answer;
      row.responded_at = new Date(invitedAt.getTime() + minutes * MINUTE).toISOString();
      minutes += 7;
      lines.push(`${row.name}: ${RESPONSE_NAMES[answer].toLowerCase()}.`);
    }
  }
  await repo.insertParticipants(trx, rows);
  await log.append(trx, incident.planId, incident.id, DEMO_ACTOR, {
    kind: 'indkaldelse',
    text: `Beredskabsgruppens ordinære medlemmer indkaldt ${danishDateTime(invitedAt)} (demodata, registreret efterfølgende). ${lines.join(' ')}`,
    data: { participants: rows.map((r) => r.id), demo: true },
  });

  // The red incident's meeting was held the next morning, within 24 hours; the yellow one's is planned for tomorrow.
  const meetingAt = new Date(activated.getTime() + (incident.level === 'roed' ? 12 : 26) * 60 * MINUTE);
  const plannedAt = new Date(Math.min(meetingAt.getTime(), new Date(incident.deadlineAt).getTime() - 60 * MINUTE));
  const location = incident.level === 'roed' ? 'Politigården, Randers (demo)' : 'Bysekretariatet, Rådhuset (demo)';
  const held = incident.level === 'roed' ? plannedAt.toISOString() : null;
  await trx.updateTable('crisis_incidents').set({ meeting_planned_at: plannedAt.toISOString(), meeting_location: location, meeting_held_at: held }).where('id', '=', incident.id).execute();
  await log.append(trx, incident.planId, incident.id, DEMO_ACTOR, {
    kind: 'moede',
    text: `Mødet planlagt til ${danishDateTime(plannedAt)}, ${location}${held ? ', og holdt som planlagt; fristen er overholdt' : ''} (demodata).`,
    data: { plannedAt: plannedAt.toISOString(), location, heldAt: held, demo: true },
  });
}

/** Convenes the demo incidents that have no participants yet; returns how many were convened (0 on a second call). */
export async function seedDemoConvening(services: AppServices, planId: string): Promise<number> {
  const db = services.database.db;
  const incidents = await db.selectFrom('crisis_incidents').selectAll().where('plan_id', '=', planId).where('description', 'like', `%${DEMO_MARK}%`).orderBy('number').execute();
  if (incidents.length === 0) return 0;
  const members = await meetingServiceFor(services).members(planId, 'beredskabsgruppe');
  let count = 0;
  for (const row of incidents) {
    const done = await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('crisis_participants').select('id').where('incident_id', '=', row.id).executeTakeFirst();
      if (existing) return false;
      await convene(services, trx, toIncident(row), members);
      return true;
    });
    if (done) count++;
  }
  return count;
}
