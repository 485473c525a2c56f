import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseEngine, DatabaseTarget } from '../config.js';
import type { Database } from './schema.js';

/** An open database: the query builder, which engine it is, and for SQLite the raw handle (used by backup). */
export interface Db {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  sqlite?: SqliteDatabase.Database;
  /** For PostgreSQL, the pool (used for COPY, which the query builder does not speak). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * PostgreSQL returns timestamps as Date, bigint and numeric as strings. Helhed keeps one representation across both
 * engines: timestamps as ISO 8601 UTC text, bigint as number, date as 'YYYY-MM-DD', numeric left as exact text.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    switch (oid) {
      case 1184: // timestamptz
      case 1114: // timestamp
        return (value: string) => new Date(oid === 1114 ? `${value.replace(' ', 'T')}Z` : value).toISOString();
      case 20: // int8
        return (value: string) => Number(value);
      case 1082: // date
        return (value: string) => value;
      default:
        return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
    }
  },
};

/** Opens the database a configuration points at. Nothing is migrated here; see `migrate.ts`. */
export function openDatabase(target: DatabaseTarget): Db {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.location, max: 10, types: pgTypes as pg.CustomTypesConfig });
    // An idle connection the server ends (a restart, a dropped database, an administrator) is an event on the pool,
    // which replaces the connection; without a listener it would stop the whole process.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.warn(`PostgreSQL afbrød en ledig forbindelse: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', pool, close: () => db.destroy() };
  }
  if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
  const sqlite = new SqliteDatabase(target.location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Statistics are sampled (a bounded ANALYZE), so refreshing them takes about a tenth of a second at any size.
  sqlite.pragma('analysis_limit = 1000');
  // Gathers table statistics where they are missing or stale (SQLite's advice for a connection that lives long), so
  // the planner picks the covering indexes of the counts and searches from the first query after a restart.
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely asks better-sqlite3 to prepare every query anew, which was the largest cost of a simple page. The same SQL
 * text always gives the same statement, so statements are kept and reused. Reuse is safe because Kysely runs one
 * query at a time on the single SQLite connection (a streamed query holds it until done). The cache is bounded: the
 * application's queries are a fixed set, but ad-hoc SQL must not grow it without limit.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 2000) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (!statement) {
        if (statements.size >= limit) statements.clear();
        statement = sqlite.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * Refreshes the planner's table statistics where tables have grown since they were gathered. Without them SQLite
 * guesses, and a guess can turn a join of rosters over 100,000 participants from a third of a second into half a
 * minute. Run after bulk writes and periodically (SQLite's advice for a long-lived connection); cheap when nothing
 * changed. PostgreSQL's autovacuum keeps its own statistics, so there it does nothing.
 */
export async function refreshStatistics(database: Db): Promise<void> {
  if (database.engine !== 'sqlite') return;
  await database.db.connection().execute(async () => {
    database.sqlite!.pragma('optimize');
  });
}

/** SQLite has no boolean type; both engines store flags as 0/1 and repositories read them through this. */
export function toBool(value: number | boolean | string | null | undefined): boolean {
  return value === true || value === 1 || value === '1';
}
