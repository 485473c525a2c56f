import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseEngine, DatabaseTarget } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * The engines data tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL points at a server. Each test
 * database is new and dropped afterwards, so test files never share state and may run in any order.
 */
export function testEngines(): DatabaseEngine[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  target: DatabaseTarget;
  database: Db;
  /** Closes and removes the database. */
  drop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database on the given engine. */
export async function createTestDatabase(engine: DatabaseEngine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-test-'));
    const target: DatabaseTarget = { engine, location: join(dir, 'helhed.sqlite') };
    const database = openDatabase(target);
    await migrateToLatest(database);
    return {
      target,
      database,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `helhed_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target: DatabaseTarget = { engine, location: withDatabaseName(adminUrl, name) };
  const database = openDatabase(target);
  await migrateToLatest(database);
  return {
    target,
    database,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function testSecretHex(): string {
  return randomBytes(32).toString('hex');
}
