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
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { ensureDefaultPlan } from '../src/plan/plans.service.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { generatePopulation, seededRandom, writePopulation } from '../test/fixtures/participants/population.js';
import { interleave, load, machineContext, type BenchSettings, type Benchmark, type BenchmarkReport } from './support.js';

/**
 * The administrator's privacy pages at the scale (100,000 participants, 1,000,000 attendance records) with a
 * read log of 500,000 entries: the read log (first page and filtered to one person), one person's data (a full export,
 * itself recorded), the retention page (who is due), and the retention job erasing everyone past a 12-month period.
 * The population is the shared one (test/fixtures/participants/population.ts).
 */
const PARTICIPANTS = 100_000;
const ATTENDANCE = 1_000_000;
const READS = 500_000;
const MAX_P95_MS = 50;
const SEQUENTIAL_REQUESTS = 200;
const CONNECTIONS = 10;
const HOST = '127.0.0.1';
const NOW = new Date('2026-11-26T10:00:00Z');

async function run(settings: BenchSettings): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-privacy-'));
  const location = join(dir, 'helhed.sqlite');
  const config = loadConfig({
    ...process.env, HELHED_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${location}`,
    HELHED_ADMIN_EMAIL: 'bench-admin@helhed.test', HELHED_ADMIN_PASSWORD: 'bench-adgangskode-til-maaling', HELHED_RETENTION_MONTHS: '12',
  });
  const database = openDatabase({ engine: 'sqlite', location });
  await migrateToLatest(database);
  const built = await buildApp({ config, database, logger: false, clock: () => NOW });
  try {
    const plan = await ensureDefaultPlan(database);
    await loadDefaultPlan(database, built.services.plan);
    await bootstrapAdministrator(database, config, built.services.auth);

    let started = performance.now();
    const rows = generatePopulation({ planId: plan.id, participants: PARTICIPANTS, attendance: ATTENDANCE, seed: 'privacy', today: NOW.toISOString().slice(0, 10) });
    const generateSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await writePopulation(database, rows);
    const writeSeconds = (performance.now() - started) / 1000;
    const someone = rows.participants[rows.participants.length >> 1]!;
    const ids = rows.participants.map((p) => p.id);
    const counts = { participants: rows.participants.length, enrolments: rows.enrolments.length, attendance: rows.attendance.length, outcomes: rows.outcomes.length };
    console.log(`  ${counts.participants.toLocaleString('en')} participants, ${counts.attendance.toLocaleString('en')} attendance rows: generated in ${generateSeconds.toFixed(1)} s, written in ${writeSeconds.toFixed(1)} s`);

    // The read log as a year of use would leave it: one entry in four a list or search, the rest one person each.
    const random = seededRandom('reads');
    const sqlite = database.sqlite!;
    const insert = sqlite.prepare(
      'INSERT INTO personal_data_reads (id, at, plan_id, actor_user_id, actor_label, what, participant_id, participant_count, detail, ip, request_id) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL)',
    );
    sqlite.transaction(() => {
      for (let i = 0; i < READS; i++) {
        const at = new Date(NOW.getTime() - Math.floor(random() * 365 * 86_400_000)).toISOString();
        const list = random() < 0.25;
        insert.run(`read-${String(i).padStart(7, '0')}`, at, plan.id, `medarbejder${i % 40}@randers.dk`, list ? 'deltagerliste' : 'deltager', list ? null : ids[Math.floor(random() * ids.length)]!, list ? 25 : 1);
      }
    })();
    sqlite.exec('ANALYZE');

    await built.app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(built.app.server.address() as AddressInfo).port}`;
    const admin = (await findUserByEmail(database.db, 'bench-admin@helhed.test'))!;
    const owner = { userId: admin.id, email: admin.email, name: admin.name, plan: null, roles: [], organisationId: null, organisationName: null, via: 'token' as const };
    const { token } = await built.services.auth.createApiToken(owner, SYSTEM_ACTOR, 'bench');
    const headers = { authorization: `Bearer ${token}` };

    const fetchOnce = async (target: string) => {
      const t = performance.now();
      const response = await fetch(target, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${target} answered ${response.status}: ${body.slice(0, 200)}`);
      return performance.now() - t;
    };
    const pages = [
      { label: 'read log, first page', url: `${base}/persondata/laesninger` },
      { label: 'read log, one person', url: `${base}/persondata/laesninger?deltager=${someone.code}` },
      { label: 'one person’s data', url: `${base}/persondata/personer/${someone.code}` },
      { label: 'retention page', url: `${base}/persondata/opbevaring` },
      { label: 'activity access', url: `${base}/persondata/adgang` },
    ];
    const p95s: Record<string, number> = {};
    for (const page of pages) {
      const first = await fetchOnce(page.url);
      const times: number[] = [];
      for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) times.push(await fetchOnce(page.url));
      times.sort((a, b) => a - b);
      const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]! * 10) / 10;
      p95s[page.label] = pct(95);
      console.log(`  ${page.label}: first ${first.toFixed(0)} ms, then p50 ${pct(50)} ms, p95 ${pct(95)} ms`);
    }

    const targets = await interleave(settings, [
      { label: `GET /persondata/laesninger (${CONNECTIONS} connections)`, run: (d) => load({ url: pages[0]!.url, connections: CONNECTIONS, durationSeconds: d, headers }) },
    ]);

    const status = await built.services.privacy.retentionStatus(plan.id);
    started = performance.now();
    const [retention] = await built.services.privacy.runRetention({ ...SYSTEM_ACTOR, label: 'benchmark' }, plan.id);
    const retentionSeconds = (performance.now() - started) / 1000;
    console.log(
      `  retention (12 months): ${status.dueNow.toLocaleString('en')} due, ${retention!.erased.toLocaleString('en')} erased in ${retentionSeconds.toFixed(1)} s ` +
        `(${Math.round(retention!.erased / retentionSeconds)} a second), ${retention!.attendanceKept.toLocaleString('en')} attendance rows kept anonymously`,
    );

    return {
      benchmark: 'privacy',
      startedAt,
      finishedAt: new Date().toISOString(),
      settings: { ...settings, connections: CONNECTIONS },
      context: { ...machineContext(), engine: 'sqlite', ...counts, reads: READS },
      targets,
      figures: {
        generateSeconds: Math.round(generateSeconds * 10) / 10,
        writeSeconds: Math.round(writeSeconds * 10) / 10,
        ...Object.fromEntries(Object.entries(p95s).map(([k, v]) => [`p95Ms ${k}`, v])),
        retentionErased: retention!.erased,
        retentionSeconds: Math.round(retentionSeconds * 10) / 10,
      },
      checks: [
        ...Object.entries(p95s).map(([label, p95]) => ({ description: `${label} p95 ≤ ${MAX_P95_MS} ms, one request at a time (${p95} ms)`, met: p95 <= MAX_P95_MS })),
        { description: `population of ${PARTICIPANTS.toLocaleString('en')} and ${ATTENDANCE.toLocaleString('en')} attendance rows written in under 60 s (${writeSeconds.toFixed(1)} s)`, met: writeSeconds < 60 },
      ],
      invalid: [
        ...(targets[0]!.median.errors > 0 ? [`${targets[0]!.median.errors} errors`] : []),
        ...(targets[0]!.median.non2xx > 0 ? [`${targets[0]!.median.non2xx} non-2xx answers`] : []),
      ],
    };
  } finally {
    await built.app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'privacy',
  description: 'The privacy pages and the retention job with 100,000 participants, 1,000,000 attendance records and 500,000 reads',
  run,
};
