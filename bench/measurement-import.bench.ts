import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import type { DatabaseTarget } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { newId } from '../src/db/ids.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { MeasurementService } from '../src/monitoring/measurements.service.js';
import { PlanService } from '../src/plan/plan.service.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { machineContext, type Benchmark, type BenchmarkReport, type Check } from './support.js';

/**
 * The issue's targets for the measurement import: a 1,000,000-row CSV into SQLite and into PostgreSQL at no less than
 * half the rows per second of a minimal reference loader measured in the same run (SQLite: a plain prepared-statement
 * loop in one transaction; PostgreSQL: COPY), with the import's peak memory at most 300 MB. Both yardsticks load the
 * same rows into the same measurements table the import fills; a COPY into a bare table is printed for context.
 *
 * BENCH_IMPORT_ROWS changes the row count (default 1,000,000); BENCH_POSTGRES_URL the server (default the local one).
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const MIN_RATIO = 0.5;
const MAX_PEAK_MB = 300;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const INDICATORS = ['lbf-1a', 'lbf-1c', 'lbf-2a', 'lbf-2b', 'lbf-3a', 'udd-1a', 'udd-2a', 'besk-1', 'besk-2', 'sam-3'];
const SCOPES = ['Gl. Jennumparken', 'Glarbjergvej-området', 'Vangdalen', 'Hermann Stillingsvej-området', 'Energivej-området', 'Sjællandsgadekvarteret', 'Centrale Randers', 'Alle syv boligområder', 'Randers Kommune'];

/** A file as the monitoring unit would send it: semicolons, decimal commas, Danish dates; every row a distinct value. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note\r\n');
  const start = Date.UTC(1995, 0, 1);
  let written = 0;
  let buffer = '';
  outer: for (let day = 0; ; day++) {
    const d = new Date(start + day * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
    for (const indicator of INDICATORS) {
      for (const scope of SCOPES) {
        const denominator = 200 + ((written * 7) % 300);
        const numerator = (written * 13) % denominator;
        const value = ((numerator / denominator) * 100).toFixed(2).replace('.', ',');
        buffer += `${indicator};${scope};${date};${value};${numerator};${denominator};Boligsociale data, LBF;01-01-2026;\r\n`;
        if (++written === rows) break outer;
      }
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Samples the process's resident memory while `work` runs; answers the peak above the level before it began. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; baseMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: (peak - base) / 1024 / 1024, baseMb: base / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function prepared(target: DatabaseTarget): Promise<{ database: Db; planId: string; service: MeasurementService }> {
  const database = openDatabase(target);
  await migrateToLatest(database);
  const plans = new PlanService(database, () => new Date());
  const { planId } = await loadDefaultPlan(database, plans);
  return { database, planId, service: new MeasurementService(database, plans, () => new Date('2026-06-01T12:00:00Z')) };
}

/**
 * SQLite's yardstick: read the lines, split them, insert each with one prepared statement in one transaction, into
 * the same table with the same ids (time-ordered UUIDs; ids in random order would slow the yardstick, not the import).
 */
async function sqliteReference(database: Db, planId: string, file: string): Promise<number> {
  const sqlite = database.sqlite!;
  const insert = sqlite.prepare(
    `INSERT INTO measurements (id, plan_id, indicator_code, scope, period_kind, period_start, period_end, period_label, value, numerator, denominator,
      source, drawn_on, note, version, is_current, created_at, created_by_label) VALUES (?, ?, ?, ?, 'range', ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, 1, ?, 'reference')`,
  );
  const started = performance.now();
  sqlite.exec('BEGIN');
  let n = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const c = line.split(';');
    n++;
    insert.run(newId(), planId, c[0], c[1], c[2], c[2], c[2], Number(c[3]!.replace(',', '.')), Number(c[4]), Number(c[5]), c[6], c[7], '2026-01-01T00:00:00Z');
  }
  sqlite.exec('COMMIT');
  return n / ((performance.now() - started) / 1000);
}

/**
 * PostgreSQL's yardstick, as SQLite's: read the lines, split them, and COPY them into the same measurements table the
 * import fills (its indexes and foreign key included), on a database of its own.
 */
async function postgresReference(url: string, planId: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const copy = client.query(
      copyFrom(
        'COPY measurements (id, plan_id, indicator_code, scope, period_kind, period_start, period_end, period_label, value, numerator, denominator, source, drawn_on, version, is_current, created_at, created_by_label) FROM STDIN',
      ),
    );
    const done = new Promise<void>((resolve, reject) => copy.on('finish', resolve).on('error', reject));
    let n = 0;
    let header = true;
    let chunk = '';
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (header) {
        header = false;
        continue;
      }
      const c = line.split(';');
      n++;
      chunk += `${newId()}\t${planId}\t${c[0]}\t${c[1]}\trange\t${c[2]}\t${c[2]}\t${c[2]}\t${c[3]!.replace(',', '.')}\t${c[4]}\t${c[5]}\t${c[6]}\t${c[7]}\t1\t1\t2026-01-01T00:00:00Z\treference\n`;
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

/** For context, not the target: COPY of the file as it is into a table of text columns without indexes. */
async function postgresBareCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE reference_load (indikator text, omraade text, periode text, vaerdi text, taeller bigint, naevner bigint, kilde text, dataudtraek text, note text)');
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY reference_load FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)`)));
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query('SELECT count(*)::int AS n FROM reference_load');
    return rows[0].n / seconds;
  } finally {
    await client.end();
  }
}

async function importRate(service: MeasurementService, planId: string, file: string): Promise<{ rate: number; peakMb: number; baseMb: number; imported: number }> {
  const started = performance.now();
  const { result, peakMb, baseMb } = await withPeakMemory(() =>
    service.import(planId, { ...SYSTEM_ACTOR, label: 'benchmark' }, createReadStream(file, { highWaterMark: 256 * 1024 }), { fileName: 'bench.csv', size: statSync(file).size }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 'imported') throw new Error(`The benchmark file was rejected: ${result.problems.slice(0, 3).map((p) => `${p.row}/${p.column}: ${p.message}`).join('; ')}`);
  return { rate: result.imported / seconds, peakMb, baseMb, imported: result.imported };
}

async function createPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `helhed_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(POSTGRES_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function run(): Promise<BenchmarkReport> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-bench-import-'));
  const figures: Record<string, number> = {};
  const checks: Check[] = [];
  const context: Record<string, unknown> = { ...machineContext(), rows: ROWS };
  try {
    const file = join(dir, 'maalinger.csv');
    await writeCsv(file, ROWS);
    context.fileMegabytes = Math.round(statSync(file).size / 1024 / 1024);
    console.log(`  ${ROWS.toLocaleString('en')} rows, ${context.fileMegabytes} MB`);

    // SQLite: each loader on a fresh database file, the reference first and the import second, then once more reversed.
    const sqliteRates: { ours: number[]; reference: number[]; peak: number[] } = { ours: [], reference: [], peak: [] };
    for (const order of [['reference', 'import'], ['import', 'reference']] as const) {
      for (const which of order) {
        const sub = mkdtempSync(join(dir, 'sqlite-'));
        const { database, planId, service } = await prepared({ engine: 'sqlite', location: join(sub, 'helhed.sqlite') });
        try {
          if (which === 'reference') sqliteRates.reference.push(await sqliteReference(database, planId, file));
          else {
            const r = await importRate(service, planId, file);
            sqliteRates.ours.push(r.rate);
            sqliteRates.peak.push(r.peakMb);
          }
        } finally {
          await database.close();
          rmSync(sub, { recursive: true, force: true });
        }
      }
    }
    const best = (xs: number[]) => Math.max(...xs);
    figures.sqliteImportRowsPerSecond = Math.round(best(sqliteRates.ours));
    figures.sqliteReferenceRowsPerSecond = Math.round(best(sqliteRates.reference));
    figures.sqliteRatio = Math.round((figures.sqliteImportRowsPerSecond / figures.sqliteReferenceRowsPerSecond) * 100) / 100;
    figures.sqlitePeakMemoryMb = Math.round(Math.max(...sqliteRates.peak));
    console.log(`  SQLite: import ${figures.sqliteImportRowsPerSecond} rows/s, reference ${figures.sqliteReferenceRowsPerSecond} rows/s, ratio ${figures.sqliteRatio}, peak +${figures.sqlitePeakMemoryMb} MB`);
    checks.push({ description: `SQLite import ≥ ${MIN_RATIO} × the prepared-statement loop (${figures.sqliteRatio})`, met: figures.sqliteRatio >= MIN_RATIO });
    checks.push({ description: `SQLite import peak memory ≤ ${MAX_PEAK_MB} MB (+${figures.sqlitePeakMemoryMb} MB)`, met: figures.sqlitePeakMemoryMb <= MAX_PEAK_MB });

    const referenceServer = await createPostgres();
    const importServer = referenceServer ? await createPostgres() : null;
    if (!referenceServer || !importServer) {
      console.log(`  PostgreSQL: no server at ${POSTGRES_URL}`);
      checks.push({ description: `PostgreSQL import measured (no server at ${POSTGRES_URL})`, met: false });
    } else {
      try {
        const reference = await prepared({ engine: 'postgres', location: referenceServer.url });
        try {
          figures.postgresReferenceRowsPerSecond = Math.round(await postgresReference(referenceServer.url, reference.planId, file));
          figures.postgresBareCopyRowsPerSecond = Math.round(await postgresBareCopy(referenceServer.url, file));
        } finally {
          await reference.database.close();
        }
        const { database, planId, service } = await prepared({ engine: 'postgres', location: importServer.url });
        try {
          const ours = await importRate(service, planId, file);
          figures.postgresImportRowsPerSecond = Math.round(ours.rate);
          figures.postgresRatio = Math.round((ours.rate / figures.postgresReferenceRowsPerSecond) * 100) / 100;
          figures.postgresPeakMemoryMb = Math.round(ours.peakMb);
        } finally {
          await database.close();
        }
      } finally {
        await referenceServer.drop();
        await importServer.drop();
      }
      console.log(
        `  PostgreSQL: import ${figures.postgresImportRowsPerSecond} rows/s, COPY into the measurements table ${figures.postgresReferenceRowsPerSecond} rows/s, ratio ${figures.postgresRatio}, peak +${figures.postgresPeakMemoryMb} MB`,
      );
      console.log(`  PostgreSQL, for context: COPY of the file into a bare table of text columns ${figures.postgresBareCopyRowsPerSecond} rows/s`);
      checks.push({ description: `PostgreSQL import ≥ ${MIN_RATIO} × COPY into the measurements table (${figures.postgresRatio})`, met: figures.postgresRatio! >= MIN_RATIO });
      checks.push({ description: `PostgreSQL import peak memory ≤ ${MAX_PEAK_MB} MB (+${figures.postgresPeakMemoryMb} MB)`, met: figures.postgresPeakMemoryMb! <= MAX_PEAK_MB });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    benchmark: 'measurement-import',
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
  name: 'measurement-import',
  description: 'A 1,000,000-row CSV imported into SQLite and PostgreSQL, against a prepared-statement loop and COPY',
  run,
};
