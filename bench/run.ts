import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchSettings, writeResult, type Benchmark, type BenchmarkReport } from './support.js';

/**
 * `npm run bench [name …]`: runs every `bench/*.bench.ts` (or only those named), prints their figures and a summary,
 * and writes each report to `bench/results/`. A missed target is only reported; an error, or load that got errors or
 * non-2xx answers (which makes the figures meaningless), exits non-zero.
 *
 * Environment: BENCH_DURATION (seconds per measured run, default 10), BENCH_WARMUP (seconds, default 2),
 * BENCH_ROUNDS (measured runs per target, default 2), BENCH_DATABASE_URL (see front-page.bench.ts).
 */
const here = dirname(fileURLToPath(import.meta.url));

async function discover(only: string[]): Promise<Benchmark[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { benchmark?: Benchmark };
    if (!module.benchmark) throw new Error(`${file} exports no \`benchmark\``);
    benchmarks.push(module.benchmark);
  }
  const unknown = only.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; there are ${benchmarks.map((b) => b.name).join(', ')}`);
  return only.length > 0 ? benchmarks.filter((b) => only.includes(b.name)) : benchmarks;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // Text columns left-aligned, figures right-aligned.
  return rows
    .map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

function summary(reports: BenchmarkReport[]): string {
  const rows = [['benchmark', 'target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors']];
  for (const report of reports) {
    for (const t of report.targets) {
      const m = t.median;
      rows.push([report.benchmark, t.label, Math.round(m.rps).toString(), String(m.p50), String(m.p99), String(m.non2xx), String(m.errors)]);
    }
  }
  const lines = [table(rows), ''];
  for (const report of reports) {
    for (const check of report.checks) lines.push(`${report.benchmark}: ${check.met ? 'met    ' : 'NOT MET'}  ${check.description}`);
    for (const problem of report.invalid) lines.push(`${report.benchmark}: INVALID  ${problem}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const settings = benchSettings();
  const benchmarks = await discover(process.argv.slice(2));
  console.log(
    `Benchmarks: ${benchmarks.map((b) => b.name).join(', ')} — ${settings.warmupSeconds} s warm-up, ` +
      `${settings.rounds} × ${settings.durationSeconds} s per target (median reported)\n`,
  );
  const reports: BenchmarkReport[] = [];
  const failed: string[] = [];
  for (const benchmark of benchmarks) {
    console.log(`${benchmark.name}: ${benchmark.description}`);
    try {
      const report = await benchmark.run(settings);
      console.log(`  written to ${relative(process.cwd(), writeResult(report))}\n`);
      reports.push(report);
    } catch (error) {
      // One broken benchmark should not hide the others' figures; it still fails the run.
      console.error(`${benchmark.name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error, '\n');
      failed.push(benchmark.name);
    }
  }
  if (reports.length > 0) console.log(summary(reports));
  if (failed.length > 0) console.log(`\nFailed: ${failed.join(', ')}`);
  if (failed.length > 0 || reports.some((r) => r.invalid.length > 0)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
