import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import { findUserByEmail } from '../src/auth/auth.repository.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { ensureDefaultPlan } from '../src/plan/plans.service.js';
import { randersPlanContent } from '../src/plan/content/index.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { interleave, load, machineContext, type BenchSettings, type Benchmark, type BenchmarkReport } from './support.js';

/**
 * The issue's target for the outputs-against-targets page: 100,000 participants and 1,000,000 attendance records,
 * answered at a p95 of at most 100 ms. The population is written in bulk straight into the tables (engineer 5's
 * shared generator was not yet in the repository when this was written); it has the shape that matters to the
 * counts: enrolments in every activity over two plan years, courses with sessions, and attendance on them.
 */
const PARTICIPANTS = 100_000;
const ATTENDANCE = 1_000_000;
const SESSIONS_PER_COURSE = 12;
const PER_COURSE = 42;
const COURSES = Math.ceil(ATTENDANCE / (SESSIONS_PER_COURSE * PER_COURSE));
const MAX_P95_MS = 100;
const SEQUENTIAL_REQUESTS = 300;
const CONNECTIONS = 10;
const HOST = '127.0.0.1';
const NOW = new Date('2026-01-29T10:00:00Z');
const AT = '2025-09-01T08:00:00.000Z';

const COURSE_ACTIVITIES = ['brandkadet', 'familiedage', 'trivselsforloeb-for-familier', 'teenagegrupper', 'fritids-og-ferieaktiviteter'];

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;

/** Writes the population with prepared statements in one transaction on the raw SQLite handle. */
export function writePopulation(database: Db, planId: string): { participants: number; enrolments: number; courses: number; sessions: number; attendance: number } {
  const sqlite = database.sqlite!;
  const rnd = random(20251);
  const areas = randersPlanContent.areas.map((a) => a.slug);
  const activities = randersPlanContent.interventionAreas.flatMap((ia) => ia.activities.map((a) => a.slug));
  const counts = { participants: 0, enrolments: 0, courses: 0, sessions: 0, attendance: 0 };
  sqlite.transaction(() => {
    const household = sqlite.prepare('INSERT INTO households (id, plan_id, code, area_slug, created_at, created_by, created_by_label) VALUES (?, ?, ?, ?, ?, NULL, ?)');
    const participant = sqlite.prepare(
      'INSERT INTO participants (id, plan_id, code, household_id, birth_year_month, area_slug, created_at, created_by_label, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const enrolment = sqlite.prepare(
      'INSERT INTO enrolments (id, plan_id, participant_id, activity_slug, course_id, start_date, end_date, status, referral_kind, created_at, created_by_label, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const course = sqlite.prepare('INSERT INTO courses (id, plan_id, activity_slug, code, name, area_slug, start_date, end_date, planned_sessions, created_at, created_by_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const session = sqlite.prepare('INSERT INTO course_sessions (id, plan_id, course_id, number, held_on, cancelled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)');
    const attendance = sqlite.prepare('INSERT INTO attendance (plan_id, session_id, participant_id, status, registered_at, registered_by_label) VALUES (?, ?, ?, ?, ?, ?)');

    const households = Math.round(PARTICIPANTS / 2.5);
    for (let h = 0; h < households; h++) household.run(id('h', h), planId, `H-${h}`, areas[h % areas.length], AT, 'benchmark');
    for (let p = 0; p < PARTICIPANTS; p++) {
      const area = rnd() < 0.08 ? null : areas[Math.floor(rnd() * areas.length)]!;
      const birth = `${2000 + Math.floor(rnd() * 24)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
      participant.run(id('p', p), planId, `P-${p}`, rnd() < 0.7 ? id('h', Math.floor(rnd() * households)) : null, birth, area, AT, 'benchmark', AT);
      counts.participants++;
      // One or two enrolments without a course, spread over plan years 2024/25 and 2025/26.
      const n = rnd() < 0.3 ? 2 : 1;
      for (let e = 0; e < n; e++) {
        const start = day('2024-08-01', Math.floor(rnd() * 545));
        const end = rnd() < 0.5 ? day(start, 30 + Math.floor(rnd() * 300)) : null;
        enrolment.run(id(`e${e}`, p), planId, id('p', p), activities[Math.floor(rnd() * activities.length)]!, null, start, end, end ? 'afsluttet' : 'aktiv', 'selv', AT, 'benchmark', AT);
        counts.enrolments++;
      }
    }
    for (let c = 0; c < COURSES; c++) {
      const activity = COURSE_ACTIVITIES[c % COURSE_ACTIVITIES.length]!;
      const start = day('2024-08-15', Math.floor((c * 530) / COURSES));
      const end = day(start, SESSIONS_PER_COURSE * 7);
      const courseId = id('c', c);
      course.run(courseId, planId, activity, `F-${c}`, `Hold ${c + 1}`, areas[c % areas.length], start, end, SESSIONS_PER_COURSE, AT, 'benchmark');
      counts.courses++;
      const members = Array.from({ length: PER_COURSE }, () => id('p', Math.floor(rnd() * PARTICIPANTS)));
      const unique = [...new Set(members)];
      for (const [i, member] of unique.entries()) {
        enrolment.run(id(`ec${c}-`, i), planId, member, activity, courseId, start, end, 'afsluttet', 'aktivitet', AT, 'benchmark', AT);
        counts.enrolments++;
      }
      for (let s = 0; s < SESSIONS_PER_COURSE; s++) {
        const sessionId = id(`s${c}-`, s);
        session.run(sessionId, planId, courseId, s + 1, day(start, s * 7), AT);
        counts.sessions++;
        for (const member of unique) {
          if (counts.attendance >= ATTENDANCE) break;
          attendance.run(planId, sessionId, member, rnd() < 0.85 ? 'mødt' : 'afbud', AT, 'benchmark');
          counts.attendance++;
        }
      }
    }
  })();
  sqlite.exec('ANALYZE');
  return counts;
}

async function run(settings: BenchSettings): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-outputs-'));
  const location = join(dir, 'helhed.sqlite');
  const config = loadConfig({
    ...process.env, HELHED_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${location}`,
    HELHED_ADMIN_EMAIL: 'bench-admin@helhed.test', HELHED_ADMIN_PASSWORD: 'bench-adgangskode-til-maaling',
  });
  const database = openDatabase({ engine: 'sqlite', location });
  await migrateToLatest(database);
  const built = await buildApp({ config, database, logger: false, clock: () => NOW });
  try {
    const plan = await ensureDefaultPlan(database);
    await loadDefaultPlan(database, built.services.plan);
    await bootstrapAdministrator(database, config, built.services.auth);

    const writeStarted = performance.now();
    const counts = await database.db.connection().execute(async () => writePopulation(database, plan.id));
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    console.log(
      `  ${counts.participants.toLocaleString('en')} participants, ${counts.enrolments.toLocaleString('en')} enrolments, ${counts.courses} courses, ` +
        `${counts.sessions.toLocaleString('en')} sessions, ${counts.attendance.toLocaleString('en')} attendance rows written in ${writeSeconds.toFixed(1)} s`,
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
    // The first request counts the plan year (kept until enrolments, courses, sessions or reports change).
    const cold = await fetchOnce();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const r = await fetchOnce();
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]! * 10) / 10;
    console.log(`  first request ${cold.ms.toFixed(0)} ms (year counted); then p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, ${Math.round(bytes / 1024)} KB`);

    // After a change the counts are made again: one enrolment more, then the page, cold.
    await database.db
      .insertInto('enrolments')
      .values({ id: 'bench-extra', plan_id: plan.id, participant_id: 'p00000001', activity_slug: 'brandkadet', course_id: null, start_date: '2026-01-05', end_date: null, status: 'aktiv', referral_kind: 'selv', referred_from_activity: null, referred_by: null, findings: null, override_reason: null, override_by_label: null, override_at: null, created_at: AT, created_by: null, created_by_label: 'benchmark', updated_at: AT })
      .execute();
    const afterChange = await fetchOnce();
    const byArea = await fetchOnce(`${base}/resultater/omraader?aar=2025%2F26`);
    const detail = await fetchOnce(`${base}/resultater/aktiviteter/brandkadet?aar=2025%2F26`);
    console.log(`  after a change: ${afterChange.ms.toFixed(0)} ms (recounted); per area ${byArea.ms.toFixed(0)} ms; Brandkadet's page ${detail.ms.toFixed(0)} ms`);

    const targets = await interleave(settings, [{ label: `GET /resultater (${CONNECTIONS} connections)`, run: (d) => load({ url, connections: CONNECTIONS, durationSeconds: d, headers }) }]);
    const loaded = targets[0]!.median;
    return {
      benchmark: 'outputs-page',
      startedAt,
      finishedAt: new Date().toISOString(),
      settings: { ...settings, connections: CONNECTIONS },
      context: { ...machineContext(), engine: 'sqlite', ...counts, pageKilobytes: Math.round(bytes / 1024) },
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
        { description: `outputs page p95 ≤ ${MAX_P95_MS} ms, one request at a time (${pct(95)} ms)`, met: pct(95) <= MAX_P95_MS },
        { description: `outputs page p99 under ${CONNECTIONS} connections ≤ ${MAX_P95_MS} ms (${loaded.p99} ms)`, met: loaded.p99 <= MAX_P95_MS },
      ],
      invalid: [...(loaded.errors > 0 ? [`${loaded.errors} errors`] : []), ...(loaded.non2xx > 0 ? [`${loaded.non2xx} non-2xx answers`] : [])],
    };
  } finally {
    await built.app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'outputs-page',
  description: 'The outputs-against-targets page with 100,000 participants and 1,000,000 attendance records',
  run,
};
