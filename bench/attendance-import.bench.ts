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
import { migrateToLatest } from '../src/db/migrate.js';
import { CoursesService } from '../src/activities/courses.service.js';
import { PlanService } from '../src/plan/plan.service.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { generatePopulation, writePopulation, type PopulationRows } from '../test/fixtures/participants/population.js';
import { machineContext, throwawayPostgres, type Benchmark, type BenchmarkReport, type Check } from './support.js';

/**
 * The issue's target for the attendance import: 1,000,000 attendance rows for 100,000 participants, imported through
 * the real import (read, checked against courses, sessions and rosters, staged, merged) at no less than half the rows
 * per second of a reference loader measured in the same run, which writes the same rows straight into `attendance` by
 * the engine's fastest plain means: one prepared INSERT in one transaction on SQLite, COPY on PostgreSQL. Both start
 * from the same population on a fresh database, and both read the same file (the reference looks ids up in maps it
 * is handed, so it pays for no checks).
 *
 * The population is the shared one (test/fixtures/participants/population.ts): 100,000 participants with their
 * enrolments, courses and sessions across the plan's activities; its attendance becomes the file (rows at cancelled
 * sessions left out, since a cancelled session takes no registration). BENCH_ATTENDANCE_ROWS changes the row count
 * (participants scale with it); BENCH_DATABASE_URL=postgres://… adds PostgreSQL (two throwaway databases are created
 * on that server and dropped afterwards).
 */
const ROWS = Number(process.env.BENCH_ATTENDANCE_ROWS ?? 1_000_000);
const PARTICIPANTS = Math.max(100, Math.round(ROWS / 10));
const MIN_RATIO = 0.5;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL?.trim().startsWith('postgres') ? process.env.BENCH_DATABASE_URL.trim() : null;

const AT = '2026-01-01T00:00:00.000Z';

/** The population without its attendance (which is what is imported), and the attendance rows as the file holds them. */
interface Population {
  rows: PopulationRows;
  attendance: { courseCode: string; sessionNumber: number; sessionId: string; participantCode: string; participantId: string; status: string }[];
}

function population(): Population {
  const generated = generatePopulation({ planId: 'bench-plan', participants: PARTICIPANTS, attendance: Math.ceil(ROWS * 1.05), seed: 'attendance-import', today: '2026-06-30', label: 'bench' });
  const courses = new Map(generated.courses.map((c) => [c.id, c.code]));
  const sessions = new Map(generated.sessions.map((s) => [s.id, s]));
  const participants = new Map(generated.participants.map((p) => [p.id, p.code]));
  const attendance: Population['attendance'] = [];
  for (const a of generated.attendance) {
    const session = sessions.get(a.session_id)!;
    if (session.cancelled) continue;
    attendance.push({ courseCode: courses.get(session.course_id)!, sessionNumber: session.number, sessionId: session.id, participantCode: participants.get(a.participant_id)!, participantId: a.participant_id, status: a.status });
    if (attendance.length === ROWS) break;
  }
  return { rows: { ...generated, attendance: [], consents: [], outcomes: [] }, attendance };
}

/** The population's attendance as a course leader's sheet would list it. */
async function writeCsv(path: string, pop: Population): Promise<number> {
  const out = createWriteStream(path);
  out.write('forløb;mødegang;deltagerkode;status\r\n');
  let buffer = '';
  for (const a of pop.attendance) {
    buffer += `${a.courseCode};${a.sessionNumber};${a.participantCode};${a.status}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return pop.attendance.length;
}

/** A migrated database with the Randers plan and the population, ready for either loader. */
async function prepared(target: DatabaseTarget, pop: Population): Promise<{ database: Db; planId: string; plans: PlanService }> {
  const database = openDatabase(target);
  await migrateToLatest(database);
  const plans = new PlanService(database, () => new Date());
  const { planId } = await loadDefaultPlan(database, plans);
  for (const list of Object.values(pop.rows) as { plan_id: string }[][]) for (const row of list) row.plan_id = planId;
  await writePopulation(database, pop.rows);
  return { database, planId, plans };
}

/** Reads the file's lines and answers each row's ids from maps: the reference pays for reading, not for checking. */
async function* referenceRows(file: string, pop: Population): AsyncGenerator<[string, string, string]> {
  const sessions = new Map<string, string>();
  const participants = new Map<string, string>();
  for (const a of pop.attendance) {
    sessions.set(`${a.courseCode};${a.sessionNumber}`, a.sessionId);
    participants.set(a.participantCode, a.participantId);
  }
  let header = true;
  for await (const line of createInterface({ input: createReadStream(file, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    const c = line.split(';');
    yield [sessions.get(`${c[0]};${c[1]}`)!, participants.get(c[2]!)!, c[3]!];
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

async function importRate(database: Db, plans: PlanService, planId: string, file: string, expected: number): Promise<number> {
  const service = new CoursesService(database, plans, () => new Date('2026-01-15T12:00:00Z'));
  const started = performance.now();
  const outcome = await service.import(planId, { principal: BENCH_PRINCIPAL, actor: { ...SYSTEM_ACTOR, label: 'benchmark' } }, createReadStream(file, { highWaterMark: 256 * 1024 }), { fileName: 'bench.csv' });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'imported') throw new Error(`The benchmark file was rejected: ${outcome.problems.slice(0, 3).map((p) => `${p.row}/${p.column}: ${p.message}`).join('; ')}`);
  if (outcome.imported !== expected) throw new Error(`The import stored ${outcome.imported} rows, not ${expected}`);
  return outcome.imported / seconds;
}

async function run(): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-attendance-'));
  const figures: Record<string, number> = {};
  const checks: Check[] = [];
  const context: Record<string, unknown> = { ...machineContext(), rows: ROWS, participants: PARTICIPANTS };
  try {
    const file = join(dir, 'fremmoede.csv');
    const pop = population();
    const written = await writeCsv(file, pop);
    context.attendanceRows = written;
    context.courses = pop.rows.courses.length;
    context.sessions = pop.rows.sessions.length;
    context.fileMegabytes = Math.round(statSync(file).size / 1024 / 1024);
    console.log(
      `  ${written.toLocaleString('en')} attendance rows for ${PARTICIPANTS.toLocaleString('en')} participants on ${pop.rows.courses.length.toLocaleString('en')} courses (${pop.rows.sessions.length.toLocaleString('en')} sessions), ${context.fileMegabytes} MB`,
    );

    // SQLite: each loader on a fresh database with the same population, reference first and then import, then reversed.
    const rates = { ours: [] as number[], reference: [] as number[] };
    for (const order of [['reference', 'import'], ['import', 'reference']] as const) {
      for (const which of order) {
        const sub = mkdtempSync(join(dir, 'sqlite-'));
        const { database, planId, plans } = await prepared({ engine: 'sqlite', location: join(sub, 'helhed.sqlite') }, pop);
        try {
          if (which === 'reference') rates.reference.push(await sqliteReference(database, planId, file, pop));
          else rates.ours.push(await importRate(database, plans, planId, file, pop.attendance.length));
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
      const referenceServer = await throwawayPostgres(POSTGRES_URL, 'att');
      const importServer = await throwawayPostgres(POSTGRES_URL, 'att');
      try {
        const reference = await prepared({ engine: 'postgres', location: referenceServer.url }, pop);
        try {
          figures.postgresReferenceRowsPerSecond = Math.round(await postgresReference(referenceServer.url, reference.planId, file, pop));
        } finally {
          await reference.database.close();
        }
        const ours = await prepared({ engine: 'postgres', location: importServer.url }, pop);
        try {
          figures.postgresImportRowsPerSecond = Math.round(await importRate(ours.database, ours.plans, ours.planId, file, pop.attendance.length));
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
