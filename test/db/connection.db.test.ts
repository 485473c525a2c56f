import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, testEngines, type TestDatabase } from '../support/databases.js';

if (testEngines().includes('postgres')) {
  describe('the PostgreSQL connection pool', () => {
    let test: TestDatabase;
    before(async () => {
      test = await createTestDatabase('postgres');
    });
    after(() => test.drop());

    it('survives the server ending its idle connections, and carries on with new ones', async () => {
      await sql`SELECT 1`.execute(test.database.db);
      const name = new URL(test.target.location).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.end();
      assert.ok(ended.rowCount! >= 1, 'an idle connection of the pool was ended');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const row = await sql<{ n: number }>`SELECT 2 AS n`.execute(test.database.db);
      assert.equal(Number(row.rows[0]!.n), 2);
    });
  });
}
