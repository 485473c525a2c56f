import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.js';
import { verifyPassword } from '../../src/auth/password.js';
import { createTestDatabase, testEngines, testSecretHex, type TestDatabase } from '../support/databases.js';

const secret = testSecretHex();

function cli(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HELHED_SECRET: secret, HELHED_ADMIN_EMAIL: '', HELHED_ADMIN_PASSWORD: '' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function urlOf(db: TestDatabase): string {
  return db.target.engine === 'sqlite' ? `sqlite:${db.target.location}` : db.target.location;
}

async function usersIn(url: string, location: string): Promise<string[]> {
  const database = openDatabase(url.startsWith('sqlite:') ? { engine: 'sqlite', location } : { engine: 'postgres', location });
  try {
    return (await database.db.selectFrom('users').select('email').orderBy('email').execute()).map((r) => r.email);
  } finally {
    await database.close();
  }
}

for (const engine of testEngines()) {
  describe(`the command line on ${engine}`, () => {
    let db: TestDatabase;
    let url: string;
    before(async () => {
      db = await createTestDatabase(engine);
      url = urlOf(db);
      await db.database.close();
    });
    after(async () => {
      // The test database handle is closed above; drop reopens nothing on SQLite and drops by name on PostgreSQL.
      await db.drop().catch(() => undefined);
    });

    it('migrates', () => {
      const result = cli(url, 'migrate');
      assert.equal(result.code, 0, result.err);
      assert.match(result.out, /er opdateret/);
    });

    it('adds a user with roles and a password, and lists it', async () => {
      const result = cli(url, 'user', 'add', 'leder@randers.dk', '--name', 'Sekretariatsleder', '--role', 'sekretariat', '--role', 'beredskab', '--password', 'en-lang-adgangskode-3');
      assert.equal(result.code, 0, result.err);
      const list = cli(url, 'user', 'list');
      assert.match(list.out, /leder@randers\.dk\tSekretariatsleder\tberedskab,sekretariat\taktiv/);
    });

    it('adds a user without a password and prints a one-time link for choosing one', () => {
      const result = cli(url, 'user', 'add', 'partner@randers.dk', '--role', 'partner', '--organisation', 'UUR');
      assert.equal(result.code, 0, result.err);
      assert.match(result.out, /\/nulstil\/[A-Za-z0-9_-]{40,}/);
    });

    it('refuses an unknown role with a Danish message and exit code 2', () => {
      const result = cli(url, 'user', 'add', 'x@randers.dk', '--role', 'superbruger');
      assert.equal(result.code, 2);
      assert.match(result.err, /ukendt: superbruger/);
    });

    it('refuses a too short password and says why', () => {
      const result = cli(url, 'user', 'add', 'y@randers.dk', '--role', 'bestyrelse', '--password', 'kort');
      assert.equal(result.code, 2);
      assert.match(result.err, /password: Adgangskoden skal være mindst 12 tegn/);
    });

    it('resets a password', async () => {
      const result = cli(url, 'user', 'reset-password', 'leder@randers.dk', '--password', 'en-helt-ny-adgangskode');
      assert.equal(result.code, 0, result.err);
      const database = openDatabase(db.target);
      try {
        const row = await database.db.selectFrom('users').select('password_hash').where('email', '=', 'leder@randers.dk').executeTakeFirstOrThrow();
        assert.equal(await verifyPassword(row.password_hash!, 'en-helt-ny-adgangskode'), true);
      } finally {
        await database.close();
      }
    });

    if (engine === 'sqlite') {
      it('backs up the running database and restores it', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'helhed-backup-'));
        try {
          const file = join(dir, 'kopi.sqlite');
          const backup = cli(url, 'backup', file);
          assert.equal(backup.code, 0, backup.err);
          assert.ok(existsSync(file));
          assert.equal(cli(url, 'user', 'add', 'efter@randers.dk', '--role', 'bestyrelse', '--password', 'en-lang-adgangskode-4').code, 0);
          assert.ok((await usersIn(url, db.target.location)).includes('efter@randers.dk'));
          const restore = cli(url, 'restore', file);
          assert.equal(restore.code, 0, restore.err);
          const users = await usersIn(url, db.target.location);
          assert.ok(!users.includes('efter@randers.dk'), 'the user added after the backup is gone');
          assert.ok(users.includes('leder@randers.dk'));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('refuses to restore from a file that is not a Helhed database', () => {
        const dir = mkdtempSync(join(tmpdir(), 'helhed-backup-'));
        try {
          const file = join(dir, 'noget.txt');
          writeFileSync(file, 'ikke en database');
          const result = cli(url, 'restore', file);
          assert.equal(result.code, 2);
          assert.match(result.err, /kan ikke læses som en SQLite-database|ikke en sikkerhedskopi/);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    } else {
      it('prints a pg_dump command that makes a backup', { skip: spawnSync('pg_dump', ['--version']).status === 0 ? false : 'pg_dump findes ikke på maskinen' }, () => {
        const dir = mkdtempSync(join(tmpdir(), 'helhed-backup-'));
        try {
          const file = join(dir, 'kopi.dump');
          const result = cli(url, 'backup', file);
          assert.equal(result.code, 0, result.err);
          const command = result.out.split('\n').find((l) => l.trim().startsWith('pg_dump'))!.trim();
          const dump = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
          assert.equal(dump.status, 0, dump.stderr);
          assert.ok(existsSync(file));
          assert.match(cli(url, 'restore', file).out, /pg_restore --clean --if-exists/);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}

describe('npm start', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'helhed-start-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        server.close(() => resolve(port));
      });
    });
  }

  it('starts on a fresh SQLite database with the plan and the bootstrap administrator, and answers /healthz', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'helhed.sqlite')}`, HELHED_SECRET: secret,
        HELHED_ADMIN_EMAIL: 'start@helhed.test', HELHED_ADMIN_PASSWORD: 'en-lang-adgangskode-5', LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      let health: { status: string; db: string } | null = null;
      for (let i = 0; i < 100 && !health; i++) {
        await new Promise((r) => setTimeout(r, 200));
        health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json() as Promise<{ status: string; db: string }>, () => null);
      }
      assert.deepEqual(health, { status: 'ok', db: 'sqlite' }, output);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'start@helhed.test', password: 'en-lang-adgangskode-5' }),
      });
      assert.equal(login.status, 200);
      assert.equal(((await login.json()) as { plan: { name: string } }).plan.name, 'Den boligsociale Helhedsplan Randers 2025-29');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
