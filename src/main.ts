import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase, refreshStatistics } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { bootstrapAdministrator } from './users/bootstrap.js';
import { loadDefaultPlan } from './plan/plan-bootstrap.js';
import { seedDemoData } from './demo/demo-data.js';
import { site } from './web/site.js';
import { SYSTEM_ACTOR } from './audit/audit.service.js';
import { scheduleRetention } from './privacy/privacy.service.js';
import { scheduleEscalation } from './crisis/convening.service.js';

/** Starts Helhed: migrate, make sure there is a plan and an administrator, then serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  const { app, services } = await buildApp({ config, database });
  const { planId, loaded } = await loadDefaultPlan(database, services.plan);
  if (loaded) app.log.info('Planens indhold er indlæst.');
  const abandoned = await services.measurements.recoverAbandonedImports();
  if (abandoned > 0) app.log.warn(`${abandoned} import(er), som en tidligere kørsel ikke nåede at afslutte, er markeret som mislykkede; intet af dem blev gemt.`);
  if (config.demoData) {
    const { created } = await seedDemoData(database, planId, services);
    site.demo = true;
    if (created.length > 0) console.log(`Demodata tilføjet. Demobrugere (adgangskode demo-<rolle>-helhed): ${created.join(', ')}`);
  }
  const boot = await bootstrapAdministrator(database, config, services.auth);
  if (boot.kind === 'created') app.log.info(`Administrator ${boot.email} oprettet fra HELHED_ADMIN_EMAIL.`);
  if (boot.kind === 'setup-link') {
    // Printed plainly, so that it can be copied from the console on first start.
    console.log(`\nHelhed har ingen brugere endnu. Opret den første administrator her (linket virker én gang i 24 timer):\n\n  ${boot.url}\n`);
  }
  const purge = setInterval(() => void services.auth.purgeExpired().catch((err) => app.log.error(err)), 10 * 60_000);
  purge.unref();
  // Table statistics kept fresh as the data grows, so the planner keeps choosing the indexes (SQLite only).
  const statistics = setInterval(() => void refreshStatistics(database).catch((err) => app.log.error(err)), 60 * 60_000);
  statistics.unref();
  // Personal data past its retention period is erased a minute after start and then daily (src/privacy/retention.ts).
  const stopRetention = scheduleRetention(services.privacy, { ...SYSTEM_ACTOR, label: 'opbevaringsjobbet' }, app.log);
  // Crisis-group members who have not answered in time are escalated to their substitutes every minute (issue 7).
  const stopEscalation = scheduleEscalation(services, app.log);

  const stop = async (signal: string) => {
    app.log.info(`${signal}: lukker ned`);
    clearInterval(purge);
    clearInterval(statistics);
    stopRetention();
    stopEscalation();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`Helhed kører på ${config.publicUrl} (database: ${database.engine})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
