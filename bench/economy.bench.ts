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
import { newId } from '../src/db/ids.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { ensureDefaultPlan } from '../src/plan/plans.service.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { interleave, load, machineContext, type BenchSettings, type Benchmark, type BenchmarkReport, type Check } from './support.js';

/**
 * The economy at ten times a plan's size: 60 budget lines in each of the four plan years and an actual for every line
 * and month up to the clock (late in the last year), on SQLite. Measures the follow-up page and its API one request
 * at a time and under load, and the import of a whole year's file of actuals (720 rows) twice: the second time it
 * changes nothing. The product asks for pages in tens of milliseconds, which is what is checked.
 */
const LINES = 60;
const MAX_P95_MS = 100;
const MAX_IMPORT_MS = 2000;
const SEQUENTIAL_REQUESTS = 100;
const CONNECTIONS = 4;
const HOST = '127.0.0.1';
const NOW = new Date('2029-06-15T10:00:00Z');
const PAGE = '/oekonomi?aar=2028%2F29';
const API = '/api/v1/economy?year=2028/29';
const YEARS = ['2025/26', '2026/27', '2027/28', '2028/29'];

function percentiles(times: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** The twelve `YYYY-MM` of a plan year, August first. */
const monthsOf = (year: string) => Array.from({ length: 12 }, (_, i) => {
  const first = Number(year.slice(0, 4));
  const month = ((7 + i) % 12) + 1;
  return `${month >= 8 ? first : first + 1}-${String(month).padStart(2, '0')}`;
});

async function run(settings: BenchSettings): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-economy-'));
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
    const at = NOW.toISOString();
    const line = (i: number) => `Budgetlinje ${String(i + 1).padStart(2, '0')}`;
    const budget = YEARS.flatMap((year) => Array.from({ length: LINES }, (_, i) => ({
      id: newId(), plan_id: plan.id, plan_year: year, line: line(i), intervention_area_slug: '', amount_ore: 1_200_000_00 + i * 10_000_00, updated_at: at, updated_by_label: 'benchmark',
    })));
    const ended = YEARS.flatMap(monthsOf).filter((m) => `${m}-31` < '2029-06-15');
    const actuals = ended.flatMap((month, m) => Array.from({ length: LINES }, (_, i) => ({
      id: newId(), plan_id: plan.id, line: line(i), month, amount_ore: 100_000_00 + ((i * 7 + m * 13) % 40) * 1_000_00, note: null, import_id: null, updated_at: at, updated_by_label: 'benchmark',
    })));
    for (let i = 0; i < budget.length; i += 500) await database.db.insertInto('budget_lines').values(budget.slice(i, i + 500)).execute();
    for (let i = 0; i < actuals.length; i += 500) await database.db.insertInto('economy_actuals').values(actuals.slice(i, i + 500)).execute();
    console.log(`  ${budget.length} budget lines, ${actuals.length} actuals`);

    await built.app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(built.app.server.address() as AddressInfo).port}`;
    const admin = (await findUserByEmail(database.db, 'bench-admin@helhed.test'))!;
    const owner = { userId: admin.id, email: admin.email, name: admin.name, plan: null, roles: [], organisationId: null, organisationName: null, via: 'token' as const };
    const headers = { authorization: `Bearer ${(await built.services.auth.createApiToken(owner, SYSTEM_ACTOR, 'bench')).token}` };

    const timed = async (path: string, init: RequestInit = {}) => {
      const t0 = performance.now();
      const response = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
      return performance.now() - t0;
    };

    const figures: Record<string, number> = { budgetLines: budget.length, actuals: actuals.length };
    const checks: Check[] = [];
    for (const [key, path] of [['page', PAGE], ['api', API]] as const) {
      await timed(path);
      const times: number[] = [];
      for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) times.push(await timed(path));
      const f = percentiles(times);
      console.log(`  ${path}: p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms over ${times.length} requests`);
      figures[`${key}P50Ms`] = f.p50;
      figures[`${key}P95Ms`] = f.p95;
      checks.push({ description: `${path} p95 ≤ ${MAX_P95_MS} ms, one request at a time (${f.p95} ms)`, met: f.p95 <= MAX_P95_MS });
    }

    // A year's file: the last year's actuals again with other amounts, then the same file once more.
    const file = `linje;måned;beløb;note\r\n${monthsOf('2028/29').filter((m) => `${m}-31` < '2029-06-15').flatMap((m) => Array.from({ length: LINES }, (_, i) => `${line(i)};${m};${(95_000 + i).toLocaleString('da-DK')},50;`)).join('\r\n')}\r\n`;
    const post = { method: 'POST', body: file, headers: { 'content-type': 'text/csv; charset=utf-8' } };
    for (const key of ['importChanging', 'importUnchanged'] as const) {
      const ms = await timed('/api/v1/economy/actuals/import?filnavn=forbrug.csv', post);
      figures[`${key}Ms`] = Math.round(ms);
      console.log(`  import of ${file.split('\r\n').length - 2} rows (${key}): ${Math.round(ms)} ms`);
      checks.push({ description: `import of a year's actuals (${key}) ≤ ${MAX_IMPORT_MS} ms (${Math.round(ms)} ms)`, met: ms <= MAX_IMPORT_MS });
    }

    const targets = await interleave(settings, [
      { label: `GET ${PAGE} (${CONNECTIONS} connections)`, run: (d: number) => load({ url: `${base}${PAGE}`, connections: CONNECTIONS, durationSeconds: d, headers }) },
    ]);
    const invalid = targets.flatMap((t) => [...(t.median.errors > 0 ? [`${t.label}: ${t.median.errors} errors`] : []), ...(t.median.non2xx > 0 ? [`${t.label}: ${t.median.non2xx} non-2xx answers`] : [])]);
    return {
      benchmark: 'economy', startedAt, finishedAt: new Date().toISOString(), settings: { ...settings, connections: CONNECTIONS },
      context: { ...machineContext(), budgetLines: budget.length, actuals: actuals.length }, targets, figures, checks, invalid,
    };
  } finally {
    await built.app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'economy',
  description: 'The economy follow-up page, its API and the import of actuals with 240 budget lines and 2,800 actuals (SQLite)',
  run,
};
