import type { Kysely } from 'kysely';

// How far a running import has read, saved as it goes, so that any server process (and a page after a restart) can
// show its progress, not only the process running it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measurement_imports').addColumn('bytes_read', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measurement_imports').dropColumn('bytes_read').execute();
}
