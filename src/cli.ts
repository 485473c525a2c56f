import { parseArgs } from 'node:util';
import { cliActor } from './audit/audit.service.js';
import { AuthService } from './auth/auth.service.js';
import { isRole, ROLES } from './auth/permissions.js';
import { backupDatabase, restoreDatabase, RestoreError } from './backup/backup.service.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ValidationError, ConflictError } from './errors/errors.js';
import { findUserByEmail } from './auth/auth.repository.js';
import { ensureDefaultPlan } from './plan/plans.service.js';
import { createUser, listUsers, normaliseEmail, setPassword } from './users/users.service.js';
import { PlanService } from './plan/plan.service.js';
import { PrivacyService } from './privacy/privacy.service.js';

const HELP = `Helhed – kommandoer (npm run helhed -- <kommando>)

  migrate                                   Opdater databasen til nyeste skema
  user add <email> --name <navn> --role <rolle> [--role <rolle>] [--organisation <navn>] [--password <kode>]
                                            Opret en bruger i standardplanen. Uden --password udskrives et engangslink.
  user list                                 Vis brugere og roller
  user reset-password <email> [--password <kode>]
                                            Sæt en ny adgangskode, eller udskriv et engangslink til at vælge en
  backup <fil>                              Konsistent kopi af SQLite-databasen (mens Helhed kører);
                                            for PostgreSQL udskrives pg_dump-kommandoen
  restore <fil>                             Gendan SQLite-databasen fra en kopi (stop Helhed først);
                                            for PostgreSQL udskrives pg_restore-kommandoen
  retention                                 Slet persondata, hvis opbevaringsperiode er udløbet
                                            (HELHED_RETENTION_MONTHS); kører også dagligt i serveren

Roller: ${ROLES.join(', ')}
Databasen vælges med DATABASE_URL som ved start (se README).`;

async function withDatabase<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      organisation: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (!command || values.help || command === 'help') {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();

  switch (command) {
    case 'retention': {
      return withDatabase(config, async (db) => {
        const runs = await new PrivacyService(db, new PlanService(db), config).runRetention(cliActor());
        for (const run of runs) {
          console.log(
            `Plan ${run.planId}: persondata om ${run.erased} ${run.erased === 1 ? 'deltager' : 'deltagere'} slettet (tilmeldinger sluttet før ${run.cutoff}; ${run.months} måneder). ` +
              `Bevaret anonymt: ${run.enrolmentsKept} tilmeldinger, ${run.attendanceKept} fremmøderegistreringer.`,
          );
        }
        return 0;
      });
    }
    case 'migrate': {
      const applied = await withDatabase(config, async (db) => {
        await ensureDefaultPlan(db);
        return [] as string[];
      });
      console.log(`Databasen (${config.database.engine}) er opdateret.${applied.length ? ` Anvendt: ${applied.join(', ')}` : ''}`);
      return 0;
    }
    case 'user': {
      if (sub === 'add') {
        if (!arg) throw new UsageError('Angiv e-mailadressen: user add <email> --name <navn> --role <rolle>');
        const roles = values.role ?? [];
        const bad = roles.filter((r) => !isRole(r));
        if (roles.length === 0 || bad.length > 0) throw new UsageError(`Angiv mindst én gyldig --role (${ROLES.join(', ')})${bad.length ? `; ukendt: ${bad.join(', ')}` : ''}`);
        return withDatabase(config, async (db) => {
          const plan = await ensureDefaultPlan(db);
          const user = await createUser(db, cliActor(), plan.id, { email: arg, name: values.name ?? arg, roles, organisation: values.organisation, password: values.password });
          console.log(`Bruger ${user.email} oprettet med roller: ${roles.join(', ')} i ${plan.name}.`);
          if (!values.password) {
            const url = await new AuthService(db, config).issuePasswordResetLink(cliActor(), user.id);
            console.log(`Send dette link til brugeren, så de kan vælge adgangskode (virker én gang i 24 timer):\n  ${url}`);
          }
          return 0;
        });
      }
      if (sub === 'list') {
        return withDatabase(config, async (db) => {
          const plan = await ensureDefaultPlan(db);
          for (const u of await listUsers(db, plan.id)) {
            console.log(`${u.email}\t${u.name}\t${u.roles.map((r) => r.role).join(',') || '-'}\t${u.active ? 'aktiv' : 'deaktiveret'}`);
          }
          return 0;
        });
      }
      if (sub === 'reset-password') {
        if (!arg) throw new UsageError('Angiv e-mailadressen: user reset-password <email>');
        return withDatabase(config, async (db) => {
          const user = await findUserByEmail(db.db, normaliseEmail(arg));
          if (!user) throw new UsageError(`Der findes ingen bruger med e-mailadressen ${arg}.`);
          if (values.password) {
            await setPassword(db, cliActor(), user.id, values.password);
            console.log(`Ny adgangskode sat for ${user.email}; brugerens sessioner er afsluttet.`);
          } else {
            const url = await new AuthService(db, config).issuePasswordResetLink(cliActor(), user.id);
            console.log(`Link til ny adgangskode for ${user.email} (virker én gang i 24 timer):\n  ${url}`);
          }
          return 0;
        });
      }
      throw new UsageError('Ukendt user-kommando. Brug user add, user list eller user reset-password.');
    }
    case 'backup': {
      if (!sub) throw new UsageError('Angiv filen: backup <fil>');
      return withDatabase(config, async (db) => {
        const result = await backupDatabase(db, config.database, sub);
        if (result.kind === 'written') console.log(`Sikkerhedskopi skrevet til ${result.file} (${result.bytes} byte).`);
        else console.log(`PostgreSQL sikkerhedskopieres med pg_dump:\n  ${result.command}`);
        return 0;
      });
    }
    case 'restore': {
      if (!sub) throw new UsageError('Angiv filen: restore <fil>');
      const result = await restoreDatabase(config.database, sub);
      if (result.kind === 'written') console.log(`Databasen ${result.file} er gendannet fra ${sub}. Start Helhed igen.`);
      else console.log(`PostgreSQL gendannes med pg_restore:\n  ${result.command}`);
      return 0;
    }
    default:
      throw new UsageError(`Ukendt kommando «${command}».\n\n${HELP}`);
  }
}

class UsageError extends Error {}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ValidationError || error instanceof ConflictError) {
      console.error(`Fejl: ${error.message}`);
      for (const f of error instanceof ValidationError ? error.fields : error.fields) console.error(`  ${f.field}: ${f.message}`);
    } else if (error instanceof UsageError || error instanceof RestoreError) {
      console.error(`Fejl: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(error instanceof UsageError || error instanceof ValidationError || error instanceof ConflictError || error instanceof RestoreError ? 2 : 1);
  },
);
