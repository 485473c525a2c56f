import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import type { DatabaseTarget } from '../config.js';
import type { Db } from '../db/database.js';

export type BackupResult = { kind: 'written'; file: string; bytes: number } | { kind: 'command'; command: string };

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A consistent copy of a running database. For SQLite this is SQLite's online backup (safe while Helhed serves
 * requests); for PostgreSQL it is the pg_dump command to run, since the dump belongs to the database server's tools.
 */
export async function backupDatabase(database: Db, target: DatabaseTarget, file: string): Promise<BackupResult> {
  if (database.engine === 'postgres') {
    return { kind: 'command', command: `pg_dump --format=custom --no-owner --file=${shellQuote(resolve(file))} ${shellQuote(target.location)}` };
  }
  const out = resolve(file);
  mkdirSync(dirname(out), { recursive: true });
  const temp = `${out}.tmp-${process.pid}`;
  const result = await database.sqlite!.backup(temp);
  renameSync(temp, out);
  return { kind: 'written', file: out, bytes: result.totalPages * Number(database.sqlite!.pragma('page_size', { simple: true })) };
}

export class RestoreError extends Error {}

/**
 * Replaces the SQLite database with a backup, after checking that the backup is an intact Helhed database. Helhed must
 * be stopped while this runs. For PostgreSQL it returns the pg_restore command.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<BackupResult> {
  const source = resolve(file);
  if (target.engine === 'postgres') {
    return { kind: 'command', command: `pg_restore --clean --if-exists --no-owner --dbname=${shellQuote(target.location)} ${shellQuote(source)}` };
  }
  if (!existsSync(source)) throw new RestoreError(`Filen ${source} findes ikke.`);
  let backup: SqliteDatabase.Database;
  try {
    backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new RestoreError(`Sikkerhedskopien er beskadiget: ${String(check)}`);
    const migrations = backup.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'helhed_migrations'").get() as { n: number };
    if (migrations.n !== 1) throw new RestoreError('Filen er ikke en sikkerhedskopi af en Helhed-database.');
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`Filen kan ikke læses som en SQLite-database: ${(error as Error).message}`);
  }
  const dest = target.location;
  const temp = `${dest}.restore-${process.pid}`;
  try {
    await backup.backup(temp);
  } finally {
    backup.close();
  }
  // A write-ahead log left from the replaced database must not be replayed onto the restored one.
  rmSync(`${dest}-wal`, { force: true });
  rmSync(`${dest}-shm`, { force: true });
  renameSync(temp, dest);
  return { kind: 'written', file: dest, bytes: 0 };
}
