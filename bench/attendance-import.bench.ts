import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import type { Principal } from '../src/auth/principal.js';
import type { DatabaseTarget } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { newId } from '../src/db/ids.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { CoursesService } from '../src/activities/courses.service.js';
import { PlanService } from '../src/plan/plan.service.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { machineContext, type Benchmark, type BenchmarkReport, type Check } from './support.js';

/**
 * The issue's target for the attendance import: 1,000,000 attendance rows for 100,000 participants, imported through
 * the real import (read, checked against courses, sessions and rosters, staged, merged) at no less than half the rows
 * per second of a reference loader measured in the same run, which writes the same rows straight into `attendance` by
 * the engine's fastest plain means: one prepared INSERT in one transaction on SQLite, COPY on PostgreSQL. Both start
 * from the same population on a fresh database, and both read the same file (the reference looks ids up in maps it
 * is handed, so it pays for no checks).
 *
 * The population is generated here in bulk: 100,000 participants each enrolled in one of 16 activities and placed on
 * one of 10,000 courses of 10, each course with 10 sessions. BENCH_ATTENDANCE_ROWS changes the row count (the
 * participants scale with it); BENCH_DATABASE_URL=postgres://… adds PostgreSQL (two throwaway databases are created
 * on that server and dropped afterwards).
 */
const ROWS = Number(process.env.BENCH_ATTENDANCE_ROWS ?? 1_000_000);
const SESSIONS_PER_COURSE = 10;
const PER_COURSE = 10;
const COURSES = Math.max(1, Math.round(ROWS / SESSIONS_PER_COURSE / PER_COURSE));
const PARTICIPANTS = COURSES * PER_COURSE;
const MIN_RATIO = 0.5;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL?.trim().startsWith('postgres') ? process.env.BENCH_DATABASE_URL.trim() : null;

const ACTIVITIES = [
  'npu', 'sprogindsats', 'familieorienteret-uddannelsesvejledning', 'fremmoede-i-skolen', 'trivsel-i-skolen', 'familiedage', 'det-gode-liv-for-alle',
  'trivselsforloeb-for-familier', 'fremskudt-beskaeftigelsesindsats', 'job-til-mor', 'brandkadet', 'lommepengejobs', 'teenagegrupper',
  'fritids-og-ferieaktiviteter', 'brobygning-til-foreningslivet', 'social-vicevaert',
];
const STATUSES = ['mødt', 'mødt', 'mødt', 'afbud', 'udeblevet'];
const AT = '2026-01-01T00:00:00.000Z';

const courseCode = (c: number) => `B-${String(c).padStart(6, '0')}`;
const participantCode = (p: number) => `P-B${String(p).padStart(7, '0')}`;

/** The generated ids: what the reference loader is handed, so it looks up and checks nothing. */
interface Population {
  sessionIds: string[];
  participantIds: string[];
}

function population(): Population {
  return {
    sessionIds: Array.from({ length: COURSES * SESSIONS_PER_COURSE }, () => newId()),
    participantIds: Array.from({ length: PARTICIPANTS }, () => newId()),
  };
}

/** One line per participant and session of their course, course by course, as a course leader's sheet would list them. */
async function writeCsv(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('forløb;mødegang;deltagerkode;status\r\n');
  let written = 0;
  let buffer = '';
  for (let c = 0; c < COURSES; c++) {
    for (let s = 1; s <= SESSIONS_PER_COURSE; s++) {
      for (let k = 0; k < PER_COURSE; k++) {
        const p = c * PER_COURSE + k;
        buffer += `${courseCode(c)};${s};${participantCode(p)};${STATUSES[(p + s) % STATUSES.length]}\r\n`;
        written++;
      }
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return written;
}

interface Tables {
  participants: unknown[][];
  enrolments: unknown[][];
  courses: unknown[][];
  sessions: unknown[][];
}

function tables(planId: string, pop: Population): Tables {
  const participants: unknown[][] = [];
  const enrolments: unknown[][] = [];
  const courses: unknown[][] = [];
  const sessions: unknown[][] = [];
  const courseIds = Array.from({ length: COURSES }, () => newId());
  for (let c = 0; c < COURSES; c++) {
    const activity = ACTIVITIES[c % ACTIVITIES.length]!;
    courses.push([courseIds[c], planId, activity, courseCode(c), `Forløb ${c}`, '2025-09-01', AT, 'bench']);
    for (let s = 0; s < SESSIONS_PER_COURSE; s++) {
      const day = new Date(Date.UTC(2025, 8, 1 + s * 7)).toISOString().slice(0, 10);
      sessions.push([pop.sessionIds[c * SESSIONS_PER_COURSE + s], planId, courseIds[c], s + 1, day, 0, AT]);
    }
    for (let k = 0; k < PER_COURSE; k++) {
      const p = c * PER_COURSE + k;
      participants.push([pop.participantIds[p], planId, participantCode(p), '2012-05', 'vangdalen', AT, 'bench', AT]);
      enrolments.push([newId(), planId, pop.participantIds[p], activity, courseIds[c], '2025-09-01', 'aktiv', 'selv', AT, 'bench', AT]);
    }
  }
  return { participants, enrolments, courses, sessions };
}

const COLUMNS = {
  participants: 'participants (id, plan_id, code, birth_year_month, area_slug, created_at, created_by_label, updated_at)',
  courses: 'courses (id, plan_id, activity_slug, code, name, start_date, created_at, created_by_label)',
  sessions: 'course_sessions (id, plan_id, course_id, number, held_on, cancelled, created_at)',
  enrolments: 'enrolments (id, plan_id, participant_id, activity_slug, course_id, start_date, status, referral_kind, created_at, created_by_label, updated_at)',
};
const placeholders = (columns: string) => columns.split(',').map(() => '?').join(', ');

async function copyRows(client: pg.PoolClient | pg.Client, statement: string, rows: unknown[][]): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  for (let i = 0; i < rows.length; i += 10_000) {
    const text = rows.slice(i, i + 10_000).map((r) => `${r.join('\t')}\n`).join('');
    if (!stream.write(text)) await once(stream, 'drain');
  }
  stream.end();
  await done;
}

/** A migrated database with the Randers plan and the population, ready for either loader. */
async function prepared(target: DatabaseTarget, pop: Population): Promise<{ database: Db; planId: string; plans: PlanService }> {
  const database = openDatabase(target);
  await migrateToLatest(database);
  const plans = new PlanService(database, () => new Date());
  const { planId } = await loadDefaultPlan(database, plans);
  const t = tables(planId, pop);
  if (database.engine === 'sqlite') {
    const sqlite = database.sqlite!;
    sqlite.transaction(() => {
      for (const name of ['participants', 'courses', 'sessions', 'enrolments'] as const) {
        const insert = sqlite.prepare(`INSERT INTO ${COLUMNS[name]} VALUES (${placeholders(COLUMNS[name])})`);
        for (const r of t[name]) insert.run(...r);
      }
    })();
  } else {
    const client = await database.pool!.connect();
    try {
      await client.query('BEGIN');
      for (const name of ['participants', 'courses', 'sessions', 'enrolments'] as const) await copyRows(client, `COPY ${COLUMNS[name]} FROM STDIN`, t[name]);
      await client.query('COMMIT');
      await client.query('ANALYZE');
    } finally {
      client.release();
    }
  }
  return { database, planId, plans };
}

/** Reads the file's lines and hands each row's ids to `write`; the maps stand in for the checks the import makes. */
async function* referenceRows(file: string, pop: Population): AsyncGenerator<[string, string, string]> {
  const courses = new Map<string, number>();
  for (let c = 0; c < COURSES; c++) courses.set(courseCode(c), c);
  const participants = new Map<string, string>();
  for (let p = 0; p < PARTICIPANTS; p++) participants.set(participantCode(p), pop.participantIds[p]!);
  let header = true;
  for await (const line of createInterface({ input: createReadStream(file, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    const c = line.split(';');
    yield [pop.sessionIds[courses.get(c[0]!)! * SESSIONS_PER_COURSE + Number(c[1]) - 1]!, participants.get(c[2]!)!, c[3]!];
  }
}

async function sqliteReference(database: Db, planId: string, file: string, pop: Population): Promise<number> {
  const sqlite = database.sqlite!;
  const insert = sqlite.prepare('INSERT INTO attendance (plan_id, session_id, participant_id, status, registered_at, registered_by_label) VALUES (?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  sqlite.exec('BEGIN');
  let n = 0;
  for await (const [session, participant, status] of referenceRows(file, pop)) {
    insert.run(planId, session, participant, status, AT, 'reference');
    n++;
  }
  sqlite.exec('COMMIT');
  return n / ((performance.now() - started) / 1000);
}

async function postgresReference(url: string, planId: string, file: string, pop: Population): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const copy = client.query(copyFrom('COPY attendance (plan_id, session_id, participant_id, status, registered_at, registered_by_label) FROM STDIN'));
    const done = new Promise<void>((resolve, reject) => copy.on('finish', resolve).on('error', reject));
    let n = 0;
    let chunk = '';
    for await (const [session, participant, status] of referenceRows(file, pop)) {
      chunk += `${planId}\t${session}\t${participant}\t${status}\t${AT}\treference\n`;
      n++;
      if (chunk.length > 1 << 16) {
        if (!copy.write(chunk)) await once(copy, 'drain');
        chunk = '';
      }
    }
    copy.end(chunk);
    await done;
    return n / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

const BENCH_PRINCIPAL: Principal = {
  userId: 'benchmark', email: 'benchmark', name: 'Benchmark', plan: null, roles: ['administrator'], organisationId: null, organisationName: null, via: 'session',
};

async function importRate(database: Db, plans: PlanService, planId: string, file: string): Promise<number> {
  const service = new CoursesService(database, plans, () => new Date('2026-01-15T12:00:00Z'));
  const started = performance.now();
  const outcome = await service.import(planId, { principal: BENCH_PRINCIPAL, actor: { ...SYSTEM_ACTOR, label: 'benchmark' } }, createReadStream(file, { highWaterMark: 256 * 1024 }), { fileName: 'bench.csv' });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'imported') throw new Error(`The benchmark file was rejected: ${outcome.problems.slice(0, 3).map((p) => `${p.row}/${p.column}: ${p.message}`).join('; ')}`);
  if (outcome.imported !== ROWS) throw new Error(`The import stored ${outcome.imported} rows, not ${ROWS}`);
  return outcome.imported / seconds;
}

async function createPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `helhed_bench_att_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function run(): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-attendance-'));
  const figures: Record<string, number> = {};
  const checks: Check[] = [];
  const context: Record<string, unknown> = { ...machineContext(), rows: ROWS, participants: PARTICIPANTS, courses: COURSES, sessionsPerCourse: SESSIONS_PER_COURSE };
  try {
    const file = join(dir, 'fremmoede.csv');
    const pop = population();
    const written = await writeCsv(file);
    context.fileMegabytes = Math.round(statSync(file).size / 1024 / 1024);
    console.log(`  ${written.toLocaleString('en')} attendance rows for ${PARTICIPANTS.toLocaleString('en')} participants on ${COURSES.toLocaleString('en')} courses, ${context.fileMegabytes} MB`);

    // SQLite: each loader on a fresh database with the same population, reference first and then import, then reversed.
    const rates = { ours: [] as number[], reference: [] as number[] };
    for (const order of [['reference', 'import'], ['import', 'reference']] as const) {
      for (const which of order) {
        const sub = mkdtempSync(join(dir, 'sqlite-'));
        const { database, planId, plans } = await prepared({ engine: 'sqlite', location: join(sub, 'helhed.sqlite') }, pop);
        try {
          if (which === 'reference') rates.reference.push(await sqliteReference(database, planId, file, pop));
          else rates.ours.push(await importRate(database, plans, planId, file));
        } finally {
          await database.close();
          rmSync(sub, { recursive: true, force: true });
        }
      }
    }
    figures.sqliteImportRowsPerSecond = Math.round(Math.max(...rates.ours));
    figures.sqliteReferenceRowsPerSecond = Math.round(Math.max(...rates.reference));
    figures.sqliteRatio = Math.round((figures.sqliteImportRowsPerSecond / figures.sqliteReferenceRowsPerSecond) * 100) / 100;
    console.log(`  SQLite: import ${figures.sqliteImportRowsPerSecond} rows/s, prepared INSERT in one transaction ${figures.sqliteReferenceRowsPerSecond} rows/s, ratio ${figures.sqliteRatio}`);
    checks.push({ description: `SQLite attendance import ≥ ${MIN_RATIO} × one prepared INSERT in a transaction (${figures.sqliteRatio})`, met: figures.sqliteRatio >= MIN_RATIO });

    if (!POSTGRES_URL) {
      console.log('  PostgreSQL: not measured (set BENCH_DATABASE_URL=postgres://…)');
    } else {
      const referenceServer = await createPostgres(POSTGRES_URL);
      const importServer = await createPostgres(POSTGRES_URL);
      try {
        const reference = await prepared({ engine: 'postgres', location: referenceServer.url }, pop);
        try {
          figures.postgresReferenceRowsPerSecond = Math.round(await postgresReference(referenceServer.url, reference.planId, file, pop));
        } finally {
          await reference.database.close();
        }
        const ours = await prepared({ engine: 'postgres', location: importServer.url }, pop);
        try {
          figures.postgresImportRowsPerSecond = Math.round(await importRate(ours.database, ours.plans, ours.planId, file));
        } finally {
          await ours.database.close();
        }
      } finally {
        await referenceServer.drop();
        await importServer.drop();
      }
      figures.postgresRatio = Math.round((figures.postgresImportRowsPerSecond / figures.postgresReferenceRowsPerSecond) * 100) / 100;
      console.log(`  PostgreSQL: import ${figures.postgresImportRowsPerSecond} rows/s, COPY into attendance ${figures.postgresReferenceRowsPerSecond} rows/s, ratio ${figures.postgresRatio}`);
      checks.push({ description: `PostgreSQL attendance import ≥ ${MIN_RATIO} × COPY into attendance (${figures.postgresRatio})`, met: figures.postgresRatio >= MIN_RATIO });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    benchmark: 'attendance-import',
    startedAt,
    finishedAt: new Date().toISOString(),
    settings: { durationSeconds: 0, warmupSeconds: 0, rounds: 2, connections: 0 },
    context,
    targets: [],
    figures,
    checks,
    invalid: [],
  };
}

export const benchmark: Benchmark = {
  name: 'attendance-import',
  description: '1,000,000 attendance rows for 100,000 participants imported into SQLite (and PostgreSQL), against a prepared INSERT loop and COPY',
  run,
};
