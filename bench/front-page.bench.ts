import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { SESSION_COOKIE } from '../src/auth/guard.js';
import { loadConfig, parseDatabaseUrl, type DatabaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { interleave, load, machineContext, type BenchSettings, type Benchmark, type BenchmarkReport, type TargetResult } from './support.js';

/**
 * The targets for the signed-in front page, measured at 50 concurrent connections: at least 0.3 of a bare
 * Fastify route's throughput on the same machine in the same run, and a p99 latency of at most 50 ms.
 */
const CONNECTIONS = 50;
const MIN_THROUGHPUT_RATIO = 0.3;
const MAX_P99_MS = 50;

const HOST = '127.0.0.1';
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The database the front page reads. By default a new SQLite file in a temporary folder, removed afterwards.
 * BENCH_DATABASE_URL=postgres://… (or sqlite:<path>) benchmarks that database instead: it is migrated to the latest
 * version and given the bench administrator if it has no users, so point it at a throwaway database. If it already
 * has users, give an administrator's login in BENCH_ADMIN_EMAIL and BENCH_ADMIN_PASSWORD.
 */
function databaseTarget(): { target: DatabaseTarget; url: string; cleanUp: () => void } {
  const given = process.env.BENCH_DATABASE_URL?.trim();
  if (given) return { target: parseDatabaseUrl(given), url: given, cleanUp: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-'));
  const location = join(dir, 'helhed.sqlite');
  return { target: { engine: 'sqlite', location }, url: `sqlite:${location}`, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

function urlOf(app: FastifyInstance, path: string): string {
  return `http://${HOST}:${(app.server.address() as AddressInfo).port}${path}`;
}

/** Signs in through the JSON API and returns the raw session cookie value. */
async function logIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const response = await fetch(urlOf(app, '/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status !== 200) {
    throw new Error(`Login as ${email} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  for (const header of response.headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(header);
    if (match) return match[1]!;
  }
  throw new Error(`Login as ${email} set no ${SESSION_COOKIE} cookie`);
}

/** The signed-in front page must answer 200 with HTML before it is worth loading; its body sizes the bare route. */
async function fetchFrontPage(app: FastifyInstance, cookie: string): Promise<string> {
  const response = await fetch(urlOf(app, '/'), { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await response.text();
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) {
    throw new Error(`GET / with the session cookie answered ${response.status} ${response.headers.get('content-type') ?? ''}, not a 200 page`);
  }
  return body;
}

/**
 * The yardstick: a Fastify instance with nothing but one route answering the very bytes of the front page, so the
 * ratio measures what Helhed does per request (session, queries, rendering, hooks) and not the size of the answer.
 */
async function startBareRoute(html: string): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  await bare.listen({ host: HOST, port: 0 });
  return bare;
}

async function run(settings: BenchSettings): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const db = databaseTarget();
  const adminEmail = process.env.BENCH_ADMIN_EMAIL?.trim() || 'bench-admin@helhed.test';
  const adminPassword = process.env.BENCH_ADMIN_PASSWORD || 'bench-adgangskode-til-maaling';
  const config = loadConfig({
    ...process.env,
    HELHED_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    HELHED_ADMIN_EMAIL: adminEmail,
    HELHED_ADMIN_PASSWORD: adminPassword,
  });
  const database = openDatabase(db.target);
  let helhed: FastifyInstance | undefined;
  let bare: FastifyInstance | undefined;
  try {
    await migrateToLatest(database);
    const built = await buildApp({ config, database, logger: false });
    helhed = built.app;
    await bootstrapAdministrator(database, config, built.services.auth);
    await helhed.listen({ host: HOST, port: 0 });

    const cookie = `${SESSION_COOKIE}=${await logIn(helhed, adminEmail, adminPassword)}`;
    const html = await fetchFrontPage(helhed, cookie);
    bare = await startBareRoute(html);

    const bareUrl = urlOf(bare, '/');
    const frontUrl = urlOf(helhed, '/');
    const bareLabel = 'bare Fastify route';
    const frontLabel = `front page (${database.engine})`;
    console.log(`  front page answered 200 with ${Buffer.byteLength(html)} bytes; the bare route answers the same bytes`);
    const [bareResult, frontResult] = (await interleave(settings, [
      { label: bareLabel, run: (durationSeconds) => load({ url: bareUrl, connections: CONNECTIONS, durationSeconds }) },
      { label: frontLabel, run: (durationSeconds) => load({ url: frontUrl, connections: CONNECTIONS, durationSeconds, headers: { cookie } }) },
    ])) as [TargetResult, TargetResult];
    const ratio = frontResult.median.rps / bareResult.median.rps;

    const invalid = [bareResult, frontResult].flatMap((t) => [
      ...(t.median.non2xx > 0 ? [`${t.label}: ${t.median.non2xx} answers were not 2xx (for the front page: the session stopped working?)`] : []),
      ...(t.median.errors > 0 ? [`${t.label}: ${t.median.errors} connection errors or timeouts`] : []),
    ]);
    return {
      benchmark: 'front-page',
      startedAt,
      finishedAt: new Date().toISOString(),
      settings: { ...settings, connections: CONNECTIONS },
      context: { ...machineContext(), engine: database.engine, pageBytes: Buffer.byteLength(html) },
      targets: [bareResult, frontResult],
      figures: { throughputRatio: ratio },
      checks: [
        {
          description: `front page throughput ${ratio.toFixed(2)} of the bare route (target ≥ ${MIN_THROUGHPUT_RATIO})`,
          met: ratio >= MIN_THROUGHPUT_RATIO,
        },
        { description: `front page p99 ${frontResult.median.p99} ms (target ≤ ${MAX_P99_MS} ms)`, met: frontResult.median.p99 <= MAX_P99_MS },
      ],
      invalid,
    };
  } finally {
    await bare?.close();
    await helhed?.close();
    await database.close();
    db.cleanUp();
  }
}

export const benchmark: Benchmark = {
  name: 'front-page',
  description: `signed-in GET / against a bare Fastify route, ${CONNECTIONS} connections`,
  run,
};
