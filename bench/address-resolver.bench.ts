import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { findUserByEmail } from '../src/auth/auth.repository.js';
import { interleave, load, machineContext, median, type BenchSettings, type Benchmark, type BenchmarkReport, type Measurement } from './support.js';

/**
 * The targets for the address resolver: 100,000 addresses through the bulk endpoint at no less than half the
 * throughput of a plain in-process loop over the same rules, and a single lookup's p99 at most 5 ms.
 */
const ADDRESSES = 100_000;
const MIN_RATIO = 0.5;
const MAX_SINGLE_P99_MS = 5;
const SINGLE_CONNECTIONS = 1;
const HOST = '127.0.0.1';

/** A deterministic mix like an import file: plan streets in and out of range, spelling variants, unknown streets. */
function addresses(streets: string[], count: number): string[] {
  let seed = 20251;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const unknown = ['Tøjhushaven', 'Randersvej', 'Østergade', 'Vestergade', 'Kirkegade'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    const number = 1 + Math.floor(next() * 160);
    if (r < 0.1) out.push(`${unknown[Math.floor(next() * unknown.length)]} ${number}`);
    else {
      const street = streets[Math.floor(next() * streets.length)]!;
      const spelled = r < 0.2 ? street.toUpperCase().replace(/ /g, '') : street;
      const letter = r > 0.9 ? 'B' : '';
      out.push(r > 0.6 ? `${spelled} ${number}${letter}, 8930 Randers NØ` : `${spelled} ${number}${letter}`);
    }
  }
  return out;
}

async function run(settings: BenchSettings): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-'));
  const location = join(dir, 'helhed.sqlite');
  const config = loadConfig({
    ...process.env, HELHED_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${location}`,
    HELHED_ADMIN_EMAIL: 'bench-admin@helhed.test', HELHED_ADMIN_PASSWORD: 'bench-adgangskode-til-maaling',
  });
  const database = openDatabase({ engine: 'sqlite', location });
  const built = await (async () => {
    await migrateToLatest(database);
    return buildApp({ config, database, logger: false });
  })();
  try {
    const { planId } = await loadDefaultPlan(database, built.services.plan);
    await bootstrapAdministrator(database, config, built.services.auth);
    await built.app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(built.app.server.address() as AddressInfo).port}`;
    // An API token for the administrator: a token without a plan works in the user's first plan, here Randers.
    const admin = (await findUserByEmail(database.db, 'bench-admin@helhed.test'))!;
    const owner = { userId: admin.id, email: admin.email, name: admin.name, plan: null, roles: [], organisationId: null, organisationName: null, via: 'token' as const };
    const { token } = await built.services.auth.createApiToken(owner, SYSTEM_ACTOR, 'bench');
    const authorization = `Bearer ${token}`;

    const snapshot = await built.services.plan.snapshot(planId);
    const resolver = snapshot.resolver();
    const list = addresses([...new Set(resolver.listings().map((l) => l.street))], ADDRESSES);
    const body = JSON.stringify(list);

    // The yardstick: the same resolver called in a plain loop, no HTTP, no JSON.
    const inProcess = (): number => {
      const started = performance.now();
      let found = 0;
      for (const a of list) {
        try {
          if (resolver.resolve(a).area) found++;
        } catch {
          /* garbage lines count as resolved (answered) */
        }
      }
      if (found === 0) throw new Error('no address resolved: the generated list does not match the plan');
      return ADDRESSES / ((performance.now() - started) / 1000);
    };
    const overHttp = async (): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/areas/resolve`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });
      const result = (await response.json()) as { count: number };
      if (response.status !== 200 || result.count !== ADDRESSES) throw new Error(`bulk endpoint answered ${response.status} with ${result.count} results`);
      return ADDRESSES / ((performance.now() - started) / 1000);
    };

    inProcess();
    await overHttp();
    const loopRates: number[] = [];
    const httpRates: number[] = [];
    // Each round takes about a second; more rounds steady the medians of two noisy rates.
    const rounds = Math.max(7, settings.rounds);
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 0) {
        loopRates.push(inProcess());
        httpRates.push(await overHttp());
      } else {
        httpRates.push(await overHttp());
        loopRates.push(inProcess());
      }
      console.log(`  round ${i + 1}/${rounds}: in-process ${Math.round(loopRates[i]!)} addresses/s, bulk endpoint ${Math.round(httpRates[i]!)} addresses/s`);
    }
    const loopRate = median(loopRates);
    const httpRate = median(httpRates);
    const ratio = httpRate / loopRate;

    const singleUrl = `${base}/api/v1/areas/resolve?address=${encodeURIComponent('Husarvej 41, 8930 Randers NØ')}`;
    const [single] = await interleave(settings, [
      { label: `single lookup (${SINGLE_CONNECTIONS} connection)`, run: (durationSeconds) => load({ url: singleUrl, connections: SINGLE_CONNECTIONS, durationSeconds, headers: { authorization } }) },
    ]);
    const asMeasurement = (rate: number): Measurement => ({ rps: rate, p50: Number.NaN, p99: Number.NaN, non2xx: 0, errors: 0, requests: ADDRESSES * rounds, durationSeconds: (ADDRESSES * rounds) / rate });
    return {
      benchmark: 'address-resolver',
      startedAt,
      finishedAt: new Date().toISOString(),
      settings: { ...settings, connections: SINGLE_CONNECTIONS },
      context: { ...machineContext(), engine: database.engine, addresses: ADDRESSES, bodyBytes: Buffer.byteLength(body) },
      targets: [
        { label: 'in-process loop (addresses/s)', median: asMeasurement(loopRate), runs: loopRates.map(asMeasurement) },
        { label: 'bulk endpoint (addresses/s)', median: asMeasurement(httpRate), runs: httpRates.map(asMeasurement) },
        single!,
      ],
      figures: { bulkToLoopRatio: ratio, addressesPerSecondLoop: loopRate, addressesPerSecondBulk: httpRate, singleP99Ms: single!.median.p99 },
      checks: [
        { description: `bulk endpoint ${ratio.toFixed(2)} of the in-process loop's throughput (target ≥ ${MIN_RATIO})`, met: ratio >= MIN_RATIO },
        { description: `single lookup p99 ${single!.median.p99} ms (target ≤ ${MAX_SINGLE_P99_MS} ms)`, met: single!.median.p99 <= MAX_SINGLE_P99_MS },
      ],
      invalid: [
        ...(single!.median.non2xx > 0 ? [`single lookup: ${single!.median.non2xx} answers were not 2xx`] : []),
        ...(single!.median.errors > 0 ? [`single lookup: ${single!.median.errors} connection errors`] : []),
      ],
    };
  } finally {
    await built.app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'address-resolver',
  description: `${ADDRESSES} addresses through POST /api/v1/areas/resolve against an in-process loop; GET single lookup p99`,
  run,
};
