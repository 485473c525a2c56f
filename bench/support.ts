import { cpus, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../src/config.js';

/** Where `npm run bench` writes one JSON file per benchmark and run (git-ignored). */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** How long and how often each target is loaded; read once from the environment by `benchSettings`. */
export interface BenchSettings {
  /** Seconds of each measured run (BENCH_DURATION). */
  durationSeconds: number;
  /** Seconds of load before a target's first measured run, not counted (BENCH_WARMUP). */
  warmupSeconds: number;
  /** Measured runs per target, interleaved with the other targets; the median is reported (BENCH_ROUNDS). */
  rounds: number;
}

/** One load run's figures. Latencies are in milliseconds and cover 2xx answers only (autocannon's rule). */
export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  requests: number;
  durationSeconds: number;
}

/** A target's measured runs and their median, which is the figure compared against targets. */
export interface TargetResult {
  label: string;
  median: Measurement;
  runs: Measurement[];
}

export interface Check {
  description: string;
  met: boolean;
}

/** What a benchmark hands back to `run.ts` to print and store. */
export interface BenchmarkReport {
  benchmark: string;
  startedAt: string;
  finishedAt: string;
  settings: BenchSettings & { connections: number };
  /** Engine, versions and anything else needed to compare two result files fairly. */
  context: Record<string, unknown>;
  targets: TargetResult[];
  /** Derived figures such as throughput ratios. */
  figures: Record<string, number>;
  /** Targets from the issue; a missed one is printed, not fatal. */
  checks: Check[];
  /** Problems that make the figures meaningless (errors, non-2xx answers); these fail the run. */
  invalid: string[];
}

/** Every `bench/*.bench.ts` exports one of these as `benchmark`. */
export interface Benchmark {
  name: string;
  description: string;
  run(settings: BenchSettings): Promise<BenchmarkReport>;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of seconds or runs, got «${raw}»`);
  return n;
}

/**
 * Defaults keep `npm run bench` under a minute: per target one 2 s warm-up and two 10 s runs, interleaved.
 */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    durationSeconds: positive(env, 'BENCH_DURATION', 10),
    warmupSeconds: positive(env, 'BENCH_WARMUP', 2),
    rounds: Math.round(positive(env, 'BENCH_ROUNDS', 2)),
  };
}

/** Load is only ever sent to this machine's loopback address. */
function assertLoopback(url: string): void {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`Benchmarks only send load to 127.0.0.1, not to ${url}`);
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

/**
 * Loads a URL with autocannon for a fixed time and returns its figures. The load is generated in a worker thread, so
 * the client does not compete with a server running in this process for the same event loop.
 */
export function load(options: LoadOptions): Promise<Measurement> {
  assertLoopback(options.url);
  // The run stops itself after its duration; this bounds it should autocannon ever fail to report.
  const deadlineMs = (options.durationSeconds + 30) * 1000;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        headers: options.headers ?? {},
        workers: 1,
        timeout: 10,
        renderProgressBar: false,
        renderResultsTable: false,
        renderLatencyTable: false,
      },
      (error, result) => {
        clearTimeout(deadline);
        if (error) return reject(error);
        resolve({
          rps: result.duration > 0 ? result.requests.total / result.duration : 0,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          requests: result.requests.total,
          durationSeconds: result.duration,
        });
      },
    );
    const deadline = setTimeout(() => {
      instance.stop();
      reject(new Error(`autocannon did not finish ${options.url} within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    instance.on('error', (error: Error) => {
      clearTimeout(deadline);
      instance.stop();
      reject(error);
    });
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Median of the rates and latencies. Counts (errors, non-2xx answers, requests, seconds) are summed over the runs, since
 * one error anywhere spoils the comparison.
 */
export function summarise(label: string, runs: Measurement[]): TargetResult {
  const pick = (key: keyof Measurement) => median(runs.map((r) => r[key]));
  const sum = (key: keyof Measurement) => runs.reduce((total, r) => total + r[key], 0);
  return {
    label,
    runs,
    median: {
      rps: pick('rps'),
      p50: pick('p50'),
      p99: pick('p99'),
      non2xx: sum('non2xx'),
      errors: sum('errors'),
      requests: sum('requests'),
      durationSeconds: sum('durationSeconds'),
    },
  };
}

/**
 * Runs each target's measured runs interleaved, reversing the order every round (A B, B A, …) so that neither gains
 * from going first on a warmed or cooled machine. Each target gets one unmeasured warm-up before its first run.
 */
export async function interleave(
  settings: BenchSettings,
  targets: { label: string; run: (durationSeconds: number) => Promise<Measurement> }[],
  progress: (line: string) => void = (line) => console.log(line),
): Promise<TargetResult[]> {
  for (const target of targets) {
    progress(`  warm-up ${target.label} (${settings.warmupSeconds} s)`);
    await target.run(settings.warmupSeconds);
  }
  const runs = new Map<string, Measurement[]>(targets.map((t) => [t.label, []]));
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const m = await target.run(settings.durationSeconds);
      progress(`  round ${round + 1}/${settings.rounds} ${target.label}: ${formatMeasurement(m)}`);
      runs.get(target.label)!.push(m);
    }
  }
  return targets.map((t) => summarise(t.label, runs.get(t.label)!));
}

export function formatMeasurement(m: Measurement): string {
  return `${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}, errors ${m.errors}`;
}

/** Facts about the machine that belong beside every figure. */
export function machineContext(): Record<string, unknown> {
  const cpu = cpus();
  return { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown' };
}

/** Writes a report to `bench/results/<benchmark>-<ISO timestamp>.json` and returns the path. */
export function writeResult(report: BenchmarkReport, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  // Colons are not allowed in file names everywhere, so the timestamp's are replaced.
  const file = join(dir, `${report.benchmark}-${report.startedAt.replace(/:/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

/**
 * A new, empty PostgreSQL database on the server `adminUrl` points at, named after the benchmark, and a function that
 * drops it (also while connections are open). Benchmarks measure on a database of their own and leave none behind.
 */
export async function throwawayPostgres(adminUrl: string, prefix: string): Promise<{ url: string; target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `helhed_bench_${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    target: { engine: 'postgres', location: u.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** What one engine's run of a benchmark measured. */
export interface EngineResult {
  figures: Record<string, number>;
  checks: Check[];
  context: Record<string, unknown>;
}

/** Each figure measured on SQLite and PostgreSQL, with their ratio, as a table on the console. */
export function printSideBySide(figures: Record<string, number>): void {
  const names = Object.keys(figures).filter((k) => k.startsWith('sqlite.')).map((k) => k.slice('sqlite.'.length));
  const rows = [['figure', 'sqlite', 'postgres', 'postgres / sqlite']];
  for (const name of names) {
    const s = figures[`sqlite.${name}`]!;
    const p = figures[`postgres.${name}`];
    rows.push([name, String(s), p === undefined ? '–' : String(p), p === undefined || s === 0 ? '–' : (p / s).toFixed(2)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
}

/**
 * Runs a benchmark on a fresh SQLite file and, given a PostgreSQL server, on a throwaway database there, in one run,
 * and reports both engines' figures (prefixed `sqlite.` and `postgres.`), checks and context together.
 */
export async function onBothEngines(
  name: string,
  settings: BenchSettings,
  postgresUrl: string | undefined,
  runOn: (target: DatabaseTarget) => Promise<EngineResult>,
  options: { sideBySide?: boolean } = {},
): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), `helhed-bench-${name}-`));
  const report: { figures: Record<string, number>; checks: Check[]; context: Record<string, unknown> } = { figures: {}, checks: [], context: { ...machineContext() } };
  const add = (engine: string, r: EngineResult) => {
    for (const [k, v] of Object.entries(r.figures)) report.figures[`${engine}.${k}`] = v;
    report.checks.push(...r.checks);
    report.context[engine] = r.context;
  };
  try {
    add('sqlite', await runOn({ engine: 'sqlite', location: join(dir, 'helhed.sqlite') }));
    if (postgresUrl) {
      const server = await throwawayPostgres(postgresUrl, name.replace(/\W/g, '_'));
      try {
        add('postgres', await runOn(server.target));
      } finally {
        await server.drop();
      }
    }
    if (options.sideBySide) printSideBySide(report.figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { benchmark: name, startedAt, finishedAt: new Date().toISOString(), settings: { ...settings, connections: 1 }, targets: [], invalid: [], ...report };
}
