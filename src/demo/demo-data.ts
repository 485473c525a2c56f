import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { ROLES, type Role } from '../auth/permissions.js';
import { findUserByEmail } from '../auth/auth.repository.js';
import { createUser } from '../users/users.service.js';
import type { PlanService } from '../plan/plan.service.js';
import type { MeasurementService } from '../monitoring/measurements.service.js';
import { indicatorCatalogue } from '../monitoring/indicator-catalogue.js';
import { danishDateOf } from '../time/copenhagen.js';
import { DEMO_FILE_NAME, demoInputs, demoMeasurementRows, demoMeasurementsCsv } from './demo-measurements.js';
import { seedDemoParticipants, type DemoPopulationResult } from './demo-participants.js';
import { seedDemoMeetings } from '../governance/meetings.service.js';
import { seedDemoMilestones } from '../governance/milestones.demo.js';
import { seedDemoEconomy } from '../economy/economy.demo.js';
import { seedDemoDeliveries } from '../governance/deliveries.demo.js';
import { seedDemoAgendas } from '../governance/agendas.demo.js';
import { seedDemoCrisis } from '../crisis/crisis.demo.js';
import type { AppServices } from '../app.js';

/** The settings key that records that this database holds synthetic demo data. */
export const DEMO_SETTING = 'demo-data';

/** One demo user per role, so that every part of Helhed can be tried as each kind of user. */
export function demoUsers(): { email: string; name: string; role: Role; password: string; organisation?: string }[] {
  return ROLES.map((role) => ({
    email: `demo.${role}@helhed.example`,
    name: `Demo ${role}`,
    role,
    password: `demo-${role}-helhed`,
    ...(role === 'partner' ? { organisation: 'Demo: Nørrevangsskolen' } : {}),
  }));
}

export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', DEMO_SETTING).executeTakeFirst()) !== undefined;
}

/** The services demo data are added through, so that they pass the same rules as real data. */
export interface DemoServices {
  plan: PlanService;
  measurements: MeasurementService;
  /** The clock the measurement service checks dates against; the real one when not given. */
  clock?: () => Date;
}

const DEMO_ACTOR = { ...SYSTEM_ACTOR, label: 'demodata' };

/**
 * Adds synthetic demo data for trying Helhed (README: HELHED_DEMO_DATA=1). Every page then carries a demo banner. The
 * modules that record activity, measurements, meetings and incidents add their synthetic data here, all invented.
 * Safe to call on every start: what exists is left alone.
 */
export async function seedDemoData(
  database: Db,
  planId: string,
  services: DemoServices,
): Promise<{ created: string[]; measurements: number; population: DemoPopulationResult }> {
  const created: string[] = [];
  for (const user of demoUsers()) {
    if (await findUserByEmail(database.db, user.email)) continue;
    await createUser(database, DEMO_ACTOR, planId, { email: user.email, name: user.name, roles: [user.role], password: user.password, organisation: user.organisation });
    created.push(user.email);
  }
  const measurements = await seedDemoMeasurements(planId, services);
  const users = demoUsers();
  const population = await seedDemoParticipants(database, planId, services, {
    partnerOrganisation: users.find((u) => u.role === 'partner')!.organisation!,
    secretariatEmail: users.find((u) => u.role === 'sekretariat')!.email,
  });
  // Governance in the order its parts build on each other: deliveries and agendas belong to the meetings, and agendas
  // are seeded from the deliveries, milestones and economy.
  const clock = services.clock ?? (() => new Date());
  await seedDemoMeetings(database, planId, clock, services.plan);
  await seedDemoMilestones(database, planId, clock);
  await seedDemoEconomy(database, planId, clock);
  await seedDemoDeliveries(database, planId, clock);
  await seedDemoAgendas(database, planId, clock);
  // The crisis module works through the app's services (mail, the log's key); given only the core services, it is left out.
  if ('config' in services) await seedDemoCrisis(services as AppServices, planId);
  if (!(await hasDemoData(database.db))) {
    await database.db.insertInto('settings').values({ key: DEMO_SETTING, value: 'syntetiske demodata', updated_at: nowIso() }).execute();
  }
  return { created, measurements, population };
}

/**
 * Imports the demo measurements (demo-measurements.ts) through the real import, and returns how many were new. The
 * file is the same on every start, so it is imported only when the last import of that name was of other contents:
 * a start then adds no import record, audit entry or new version, and leaves corrections made since in place.
 * Demo data must be valid: a refused file is an error in the generator, raised with the import's problems.
 */
async function seedDemoMeasurements(planId: string, { plan, measurements, clock = () => new Date() }: DemoServices): Promise<number> {
  const snapshot = await plan.snapshot(planId);
  const rows = demoMeasurementRows(demoInputs(indicatorCatalogue(snapshot), snapshot.areas().map((a) => a.data)), { today: danishDateOf(clock()) });
  const file = Buffer.from(demoMeasurementsCsv(rows), 'utf8');
  const sha256 = createHash('sha256').update(file).digest('hex');
  const previous = (await measurements.imports(planId, 100)).find((i) => i.file_name === DEMO_FILE_NAME && i.status === 'imported');
  if (previous?.file_sha256 === sha256) return 0;

  const outcome = await measurements.import(planId, DEMO_ACTOR, (async function* () {
    yield file;
  })(), { fileName: DEMO_FILE_NAME, contentType: 'text/csv', size: file.length });
  if (outcome.status !== 'imported') {
    const problems = outcome.problems.slice(0, 20).map((p) => `række ${p.row}, ${p.column}: ${p.message}`);
    throw new Error(`Demodata for målinger blev afvist (${outcome.problemCount} problemer):\n${problems.join('\n')}`);
  }
  return outcome.imported + outcome.corrected;
}
