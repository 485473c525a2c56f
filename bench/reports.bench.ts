import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { planYearOf } from '../src/activities/output-targets.js';
import { buildApp } from '../src/app.js';
import { loadConfig, type DatabaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemoData } from '../src/demo/demo-data.js';
import { loadDefaultPlan } from '../src/plan/plan-bootstrap.js';
import { ensureDefaultPlan } from '../src/plan/plans.service.js';
import type { ReportDocument } from '../src/reports/report-document.js';
import { reportServiceFor } from '../src/reports/reports.service.js';
import { danishDateOf } from '../src/time/copenhagen.js';
import { bootstrapAdministrator } from '../src/users/bootstrap.js';
import { median, onBothEngines, type BenchSettings, type Benchmark, type BenchmarkReport, type EngineResult } from './support.js';

/**
 * The targets for the annual report (`aarsrapport`) of Randers with the full demo data: as PDF in ≤ 3 s and as
 * XLSX in ≤ 1 s, the median of repeated runs, printed beside the time to render the same report as HTML and as a
 * ratio to it. The document is built once from the demo data for the current plan year and then rendered again and
 * again, so what is measured is the rendering, which is what a download adds to the page. SQLite always;
 * BENCH_DATABASE_URL=postgres://… adds PostgreSQL (a throwaway database is made on that server and dropped after).
 * BENCH_REPORT_RUNS sets the measured runs per format (default 9, after one warm-up run each).
 */
const POSTGRES_URL = process.env.BENCH_DATABASE_URL?.trim().startsWith('postgres') ? process.env.BENCH_DATABASE_URL.trim() : null;
const RUNS = Math.max(1, Math.round(Number(process.env.BENCH_REPORT_RUNS ?? 9)) || 9);
const MAX_PDF_MS = 3000;
const MAX_XLSX_MS = 1000;
// Late in plan year 2025/26, so the year's report holds nearly a year of demo data.
const NOW = new Date('2026-06-15T10:00:00Z');

const round = (ms: number) => Math.round(ms * 10) / 10;

/** What the annual report holds, so two result files can be compared fairly. */
function sizeOf(document: ReportDocument) {
  const blocks = document.sections.flatMap((s) => s.blocks);
  return {
    sections: document.sections.length,
    tables: blocks.filter((b) => b.kind === 'table').length,
    tableRows: blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0),
    charts: blocks.filter((b) => b.kind === 'chart').length,
    paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
    jsonKilobytes: Math.round(JSON.stringify(document).length / 1024),
  };
}

async function runOn(target: DatabaseTarget): Promise<EngineResult> {
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
    const seedStarted = performance.now();
    await seedDemoData(database, plan.id, { plan: built.services.plan, measurements: built.services.measurements, clock: () => NOW });
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const reports = reportServiceFor(built.services);
    const definition = reports.definition('aarsrapport');
    const subjects = await definition.subjects(built.services, plan.id);
    const year = planYearOf(danishDateOf(NOW)).label;
    const subject = subjects.find((s) => s.key === year || s.key === year.replace('/', '-')) ?? subjects[0];
    if (!subject) throw new Error('The annual report offers no plan year to report on');
    const buildStarted = performance.now();
    const { document } = await reports.draft(plan.id, 'aarsrapport', subject.key);
    const buildMs = performance.now() - buildStarted;
    const size = sizeOf(document);
    console.log(
      `  ${engine}: demo data seeded in ${seedSeconds.toFixed(1)} s; «${document.title}» built in ${buildMs.toFixed(0)} ms ` +
        `(${size.sections} sections, ${size.tables} tables with ${size.tableRows} rows, ${size.charts} charts, ${size.jsonKilobytes} KB as JSON)`,
    );

    const status = { kind: 'draft' } as const;
    const formats = {
      html: async () => reports.html(document, status).length,
      pdf: async () => (await reports.pdf(document, status)).body.length,
      xlsx: async () => (await reports.xlsx(document, status)).body.length,
    };
    const times: Record<keyof typeof formats, number[]> = { html: [], pdf: [], xlsx: [] };
    const bytes: Record<keyof typeof formats, number> = { html: 0, pdf: 0, xlsx: 0 };
    for (const render of Object.values(formats)) await render();
    // Interleaved, so that a slow moment of a shared machine falls on every format alike.
    for (let i = 0; i < RUNS; i++) {
      for (const [name, render] of Object.entries(formats) as [keyof typeof formats, () => Promise<number>][]) {
        const started = performance.now();
        bytes[name] = await render();
        times[name].push(performance.now() - started);
      }
    }
    const html = median(times.html);
    const pdf = median(times.pdf);
    const xlsx = median(times.xlsx);
    const ratio = (ms: number) => Math.round((ms / Math.max(html, 0.001)) * 10) / 10;
    console.log(`  ${engine}: median of ${RUNS} runs   HTML ${round(html)} ms (${Math.round(bytes.html / 1024)} KB)`);
    console.log(`  ${engine}:                     PDF  ${round(pdf)} ms (${Math.round(bytes.pdf / 1024)} KB) = ${ratio(pdf)} × HTML, target ≤ ${MAX_PDF_MS} ms`);
    console.log(`  ${engine}:                     XLSX ${round(xlsx)} ms (${Math.round(bytes.xlsx / 1024)} KB) = ${ratio(xlsx)} × HTML, target ≤ ${MAX_XLSX_MS} ms`);
    return {
      context: { ...size, runs: RUNS, subject: subject.key, htmlKilobytes: Math.round(bytes.html / 1024), pdfKilobytes: Math.round(bytes.pdf / 1024), xlsxKilobytes: Math.round(bytes.xlsx / 1024) },
      figures: {
        seedSeconds: Math.round(seedSeconds * 10) / 10,
        buildMs: Math.round(buildMs),
        htmlMs: round(html),
        pdfMs: round(pdf),
        xlsxMs: round(xlsx),
        pdfToHtml: ratio(pdf),
        xlsxToHtml: ratio(xlsx),
      },
      checks: [
        { description: `${engine}: annual report as PDF ≤ ${MAX_PDF_MS} ms, median of ${RUNS} (${round(pdf)} ms; ${ratio(pdf)} × HTML's ${round(html)} ms)`, met: pdf <= MAX_PDF_MS },
        { description: `${engine}: annual report as XLSX ≤ ${MAX_XLSX_MS} ms, median of ${RUNS} (${round(xlsx)} ms; ${ratio(xlsx)} × HTML's ${round(html)} ms)`, met: xlsx <= MAX_XLSX_MS },
      ],
    };
  } finally {
    await built.app.close();
    await database.close();
  }
}

function run(settings: BenchSettings): Promise<BenchmarkReport> {
  return onBothEngines('reports', settings, POSTGRES_URL ?? undefined, runOn);
}

export const benchmark: Benchmark = {
  name: 'reports',
  description: 'The annual report with full demo data rendered as HTML, PDF (≤ 3 s) and XLSX (≤ 1 s), median of repeated runs',
  run,
};
