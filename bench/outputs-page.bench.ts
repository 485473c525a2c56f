import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import { findUserByEmail } from '../src/auth/auth.repository.js';
import { loadConfig, type DatabaseTarget } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { ensureDefaultPlan } from '../src/plan/plans.service.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { generatePopulation, writePopulation } from '../test/fixtures/participants/population.js';
import { interleave, load, machineContext, throwawayPostgres, type BenchSettings, type Benchmark, type BenchmarkReport, type Check, type TargetResult } from './support.js';

/**
 * The target for the outputs-against-targets page: 100,000 participants and 1,000,000 attendance records,
 * answered at a p95 of at most 100 ms. The population is the shared one (test/fixtures/participants/population.ts),
 * so what is measured is the same kind of data the demo shows and the other benchmarks load. SQLite always;
 * BENCH_DATABASE_URL=postgres://… adds PostgreSQL (a throwaway database is made on that server and dropped after).
 */
const POSTGRES_URL = process.env.BENCH_DATABASE_URL?.trim().startsWith('postgres') ? process.env.BENCH_DATABASE_URL.trim() : null;
const PARTICIPANTS = 100_000;
const ATTENDANCE = 1_000_000;
const MAX_P95_MS = 100;
const SEQUENTIAL_REQUESTS = 300;
const CONNECTIONS = 10;
const HOST = '127.0.0.1';
// Late in the plan year (pace still forecast), so that enough sessions have been held for a million attendance records.
const NOW = new Date('2026-06-29T10:00:00Z');
const AT = '2025-09-01T08:00:00.000Z';

/** Writes the shared population and lets its rows go (a million attendance rows need not stay in memory while measuring). */
async function writeSharedPopulation(database: Db, planId: string) {
  const rows = generatePopulation({ planId, participants: PARTICIPANTS, attendance: ATTENDANCE, seed: 'outputs-page', today: NOW.toISOString().slice(0, 10) });
  if (rows.attendance.length < ATTENDANCE) throw new Error(`The population holds ${rows.attendance.length} attendance rows, fewer than the ${ATTENDANCE} the benchmark is for`);
  await writePopulation(database, rows);
  return {
    counts: { participants: rows.participants.length, enrolments: rows.enrolments.length, courses: rows.courses.length, sessions: rows.sessions.length, attendance: rows.attendance.length },
    someone: rows.participants[0]!.id,
  };
}

interface EngineResult {
  figures: Record<string, number>;
  targets: TargetResult[];
  checks: Check[];
  invalid: string[];
  context: Record<string, unknown>;
}

async function runOn(target: DatabaseTarget, settings: BenchSettings): Promise<EngineResult> {
  const engine = target.engine;
  const config = loadConfig({
    ...process.env, HELHED_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn',
    DATABASE_URL: engine === 'sqlite' ? `sqlite:${target.location}` : target.location,
    HELHED_ADMIN_EMAIL: 'bench-admin@helhed.test', HELHED_ADMIN_PASSWORD: 'bench-adgangskode-til-maaling',
  });
  const database = openDatabase(target);
  await migrateToLatest(database);
  const built = await buildApp({ config, database, logger: false, clock: () => NOW });
  try {
    const plan = await ensureDefaultPlan(database);
    await loadDefaultPlan(database, built.services.plan);
    await bootstrapAdministrator(database, config, built.services.auth);

    const writeStarted = performance.now();
    const { counts, someone } = await writeSharedPopulation(database, plan.id);
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    console.log(
      `  ${engine}: ${counts.participants.toLocaleString('en')} participants, ${counts.enrolments.toLocaleString('en')} enrolments, ${counts.courses.toLocaleString('en')} courses, ` +
        `${counts.sessions.toLocaleString('en')} sessions, ${counts.attendance.toLocaleString('en')} attendance rows generated and written in ${writeSeconds.toFixed(1)} s`,
    );

    await built.app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(built.app.server.address() as AddressInfo).port}`;
    const url = `${base}/resultater?aar=2025%2F26`;
    const admin = (await findUserByEmail(database.db, 'bench-admin@helhed.test'))!;
    const owner = { userId: admin.id, email: admin.email, name: admin.name, plan: null, roles: [], organisationId: null, organisationName: null, via: 'token' as const };
    const { token } = await built.services.auth.createApiToken(owner, SYSTEM_ACTOR, 'bench');
    const headers = { authorization: `Bearer ${token}` };

    const fetchOnce = async (target = url) => {
      const started = performance.now();
      const response = await fetch(target, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${target} answered ${response.status}: ${body.slice(0, 200)}`);
      return { ms: performance.now() - started, bytes: body.length };
    };
    // The first request counts the plan year (kept until enrolments, courses, sessions or reports change). On SQLite
    // the tables have no statistics yet, as on a server that has never run ANALYZE; they are gathered after it.
    const cold = await fetchOnce();
    if (engine === 'sqlite') database.sqlite!.exec('ANALYZE');
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const r = await fetchOnce();
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]! * 10) / 10;
    console.log(`  ${engine}: first request ${cold.ms.toFixed(0)} ms (year counted); then p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, ${Math.round(bytes / 1024)} KB`);

    // After a change the counts are made again (with table statistics): one enrolment more, then the page, cold.
    await database.db
      .insertInto('enrolments')
      .values({ id: 'bench-extra', plan_id: plan.id, participant_id: someone, activity_slug: 'brandkadet', course_id: null, start_date: '2026-01-05', end_date: null, status: 'aktiv', referral_kind: 'selv', referred_from_activity: null, referred_by: null, findings: null, override_reason: null, override_by_label: null, override_at: null, created_at: AT, created_by: null, created_by_label: 'benchmark', updated_at: AT })
      .execute();
    const afterChange = await fetchOnce();
    const byArea = await fetchOnce(`${base}/resultater/omraader?aar=2025%2F26`);
    const detail = await fetchOnce(`${base}/resultater/aktiviteter/brandkadet?aar=2025%2F26`);
    console.log(`  ${engine}: after a change: ${afterChange.ms.toFixed(0)} ms (recounted); per area ${byArea.ms.toFixed(0)} ms; Brandkadet's page ${detail.ms.toFixed(0)} ms`);

    const targets = await interleave(settings, [{ label: `${engine} GET /resultater (${CONNECTIONS} connections)`, run: (d) => load({ url, connections: CONNECTIONS, durationSeconds: d, headers }) }]);
    const loaded = targets[0]!.median;
    return {
      context: { ...counts, pageKilobytes: Math.round(bytes / 1024) },
      targets,
      figures: {
        writeSeconds: Math.round(writeSeconds * 10) / 10,
        firstRequestMs: Math.round(cold.ms),
        afterChangeMs: Math.round(afterChange.ms),
        p50Ms: pct(50),
        p95Ms: pct(95),
        p99Ms: pct(99),
      },
      checks: [
        { description: `${engine}: outputs page p95 ≤ ${MAX_P95_MS} ms, one request at a time (${pct(95)} ms)`, met: pct(95) <= MAX_P95_MS },
        { description: `${engine}: outputs page p99 under ${CONNECTIONS} connections ≤ ${MAX_P95_MS} ms (${loaded.p99} ms)`, met: loaded.p99 <= MAX_P95_MS },
      ],
      invalid: [...(loaded.errors > 0 ? [`${engine}: ${loaded.errors} errors`] : []), ...(loaded.non2xx > 0 ? [`${engine}: ${loaded.non2xx} non-2xx answers`] : [])],
    };
  } finally {
    await built.app.close();
    await database.close();
  }
}

async function run(settings: BenchSettings): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-outputs-'));
  const report: EngineResult = { figures: {}, targets: [], checks: [], invalid: [], context: { ...machineContext() } };
  const add = (engine: string, r: EngineResult) => {
    for (const [k, v] of Object.entries(r.figures)) report.figures[`${engine}.${k}`] = v;
    report.targets.push(...r.targets);
    report.checks.push(...r.checks);
    report.invalid.push(...r.invalid);
    report.context[engine] = r.context;
  };
  try {
    add('sqlite', await runOn({ engine: 'sqlite', location: join(dir, 'helhed.sqlite') }, settings));
    if (POSTGRES_URL) {
      const server = await throwawayPostgres(POSTGRES_URL, 'outputs');
      try {
        add('postgres', await runOn(server.target, settings));
      } finally {
        await server.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { benchmark: 'outputs-page', startedAt, finishedAt: new Date().toISOString(), settings: { ...settings, connections: CONNECTIONS }, ...report };
}

export const benchmark: Benchmark = {
  name: 'outputs-page',
  description: 'The outputs-against-targets page with 100,000 participants and 1,000,000 attendance records',
  run,
};
