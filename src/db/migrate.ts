import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_plan_content.js';
import * as m0003 from './migrations/0003_measurements.js';
import * as m0004 from './migrations/0004_import_progress.js';
import * as m0005 from './migrations/0005_participants.js';
import * as m0006 from './migrations/0006_outputs_and_hours.js';
import * as m0007 from './migrations/0007_outcomes.js';
import * as m0008 from './migrations/0008_participant_imports.js';
import * as m0009 from './migrations/0009_governance.js';
import * as m0010 from './migrations/0010_crisis.js';

/** Every migration, in order. Listed by hand so that the set is the same in a bundle, a test and the CLI. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_plan_content': m0002,
  '0003_measurements': m0003,
  '0004_import_progress': m0004,
  '0005_participants': m0005,
  '0006_outputs_and_hours': m0006,
  '0007_outcomes': m0007,
  '0008_participant_imports': m0008,
  '0009_governance': m0009,
  '0010_crisis': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name if one fails (nothing half-applied). */
export async function migrateToLatest(database: Db): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider, migrationTableName: 'helhed_migrations', migrationLockTableName: 'helhed_migration_lock' });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migreringen ${failed?.migrationName ?? ''} fejlede: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
