/**
 * What the three report builders share: Danish dates and source lines, the cut-off as an instant, the monitoring model
 * as it stood at the cut-off, finished SVG charts, small-number suppression of report tables, and the summary of
 * indicator statuses. The pure parts are tested in `sections.test.ts`; the rest only assembles existing services.
 */
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { AppServices } from '../../app.js';
import { OutputService, outputServiceFor } from '../../activities/outputs.service.js';
import { StaffHourService, staffHourServiceFor } from '../../activities/staff-hours.service.js';
import { MilestoneService, milestoneServiceFor } from '../../governance/milestones.service.js';
import { EconomyService, economyServiceFor } from '../../economy/economy.service.js';
import { TrendChart, type TrendChartProps } from '../../monitoring/charts/trend-chart.js';
import { DEFAULT_FLAG_CONFIG } from '../../monitoring/data-quality.js';
import type { CellView, SetView, StatusCounts } from '../../monitoring/dashboard.present.js';
import type { Measurement, MeasurementScope } from '../../monitoring/measurement.js';
import { MonitoringModel } from '../../monitoring/monitoring-model.js';
import type { MonitoringView } from '../../monitoring/monitoring.service.js';
import { findPlanById } from '../../plan/plans.repository.js';
import { danishDateOf, startOfDanishDay } from '../../time/copenhagen.js';
import type { ReportBlock, ReportCell, ReportColumn, ReportSection } from '../report-document.js';

const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });
const integerFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** An ISO date or instant in Danish, «3. marts 2026» (an instant by its day in Copenhagen). */
export function longDate(iso: string): string {
  const at = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return dateFormat.format(at);
}

export const formatInteger = (n: number): string => integerFormat.format(n);
export const formatDecimal = (n: number): string => decimalFormat.format(n);

/**
 * A section's source in the words a report uses: «Kilde: Danmarks Statistik, 2024, indlæst 3. marts 2026». The period
 * and the load date are left out where unknown, never guessed.
 */
export function sourceLine(source: string, period: string | null, loadedAt: string | null): string {
  return `Kilde: ${[source, period, loadedAt ? `indlæst ${longDate(loadedAt)}` : null].filter((p): p is string => p !== null && p !== '').join(', ')}`;
}

/** The first instant after the cut-off day: data recorded at or after it is left out. */
export function cutoffEnd(cutoffDate: string): Date {
  const next = new Date(`${cutoffDate}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const start = startOfDanishDay(next.toISOString().slice(0, 10));
  if (!start) throw new RangeError(`Skæringsdatoen skal være en dato som ÅÅÅÅ-MM-DD, ikke «${cutoffDate}».`);
  return start;
}

/** A clock that stands at the last moment of the cut-off day, for services that judge pace against «today». */
export function cutoffClock(cutoffDate: string): () => Date {
  const at = new Date(cutoffEnd(cutoffDate).getTime() - 1);
  return () => at;
}

/** The services a report reads whose judgements depend on «today». */
export interface ServicesAtCutoff {
  outputs: OutputService;
  hours: StaffHourService;
  milestones: MilestoneService;
  economy: EconomyService;
}

/** Services per app and past cut-off, kept so that a report built again at the same cut-off reuses their counts. */
const pastServices = new WeakMap<AppServices, Map<string, ServicesAtCutoff>>();
const KEPT_CUTOFFS = 8;

/**
 * The outputs, hours, milestones and economy services as they stood at the cut-off: they judge pace and flags against
 * «today», so for a cut-off before today they get a clock standing at the cut-off's last moment. The app's shared
 * services (and their kept counts) are used when the cut-off is today.
 */
export function servicesAt(services: AppServices, cutoffDate: string): ServicesAtCutoff {
  if (cutoffDate >= danishDateOf(services.clock())) {
    return { outputs: outputServiceFor(services), hours: staffHourServiceFor(services), milestones: milestoneServiceFor(services), economy: economyServiceFor(services) };
  }
  let kept = pastServices.get(services);
  if (!kept) pastServices.set(services, (kept = new Map()));
  let at = kept.get(cutoffDate);
  if (!at) {
    const clock = cutoffClock(cutoffDate);
    at = {
      outputs: new OutputService(services.database, services.plan, clock, services.config.monitoring.smallNumberThreshold),
      hours: new StaffHourService(services.database, services.plan, clock),
      milestones: new MilestoneService(services.database, services.plan, clock),
      economy: new EconomyService(services.database, services.plan, clock),
    };
    if (kept.size >= KEPT_CUTOFFS) kept.delete(kept.keys().next().value!);
    kept.set(cutoffDate, at);
  }
  return at;
}

/** The plan's name as the plan register holds it. */
export async function planNameOf(services: AppServices, planId: string): Promise<string> {
  return (await findPlanById(services.database.db, planId))?.name ?? 'Den boligsociale helhedsplan';
}

/** The monitoring model as it stood at the cut-off, and how many current values were loaded after it. */
export interface MonitoringAsOf extends MonitoringView {
  leftOut: number;
}

/**
 * The monitoring view with only the values loaded on or before the cut-off day (and, given `periodsUntil`, only the
 * periods that begin on or before that day). The values are the current versions:
 * a correction loaded after the cut-off replaces its older value, so that value is left out too rather than shown as
 * it stood (the measurements keep their history, but the monitoring model holds current versions only). Every report
 * says so. Without values after the cut-off the shared model is used as it is.
 */
export async function monitoringAsOf(services: AppServices, planId: string, cutoffDate: string, periodsUntil?: string): Promise<MonitoringAsOf> {
  const view = await services.monitoring.view(planId);
  const end = cutoffEnd(cutoffDate).getTime();
  const kept: Measurement[] = [];
  let leftOut = 0;
  let later = 0;
  for (const series of view.model.allSeries()) {
    for (const p of series.points) {
      if (Date.parse(p.loadedAt) >= end) {
        leftOut++;
        continue;
      }
      if (periodsUntil !== undefined && p.start > periodsUntil) {
        later++;
        continue;
      }
      kept.push({
        id: p.id, planId, indicatorCode: series.indicatorCode, scope: series.scope as MeasurementScope,
        period: { kind: p.periodKind, start: p.start, end: p.end, label: p.label },
        value: p.value, numerator: p.numerator, denominator: p.denominator, source: p.source, drawnOn: p.drawnOn, note: p.note,
        version: p.version, current: true, importId: null, createdAt: p.loadedAt, createdByLabel: '', reason: null, explanation: p.explanation,
      });
    }
  }
  if (leftOut === 0 && later === 0) return { ...view, leftOut };
  // The same options as the app's MonitoringService (app.ts), so that flags and suppression agree with the dashboards.
  const m = services.config.monitoring;
  const model = new MonitoringModel(`${view.model.stamp}|${cutoffDate}`, view.catalogue, kept, {
    threshold: m.smallNumberThreshold,
    flags: { ...DEFAULT_FLAG_CONFIG, jump: { sharePoints: m.jumpSharePoints, relative: m.jumpRelativePercent / 100 } },
  });
  return { snapshot: view.snapshot, catalogue: view.catalogue, model, leftOut };
}

/**
 * A trend chart as a finished report block: the SVG the dashboards draw, with a text of what it shows. Without any
 * value to draw, a paragraph says so instead of an empty drawing.
 */
export function chartBlock(props: TrendChartProps, description: string): ReportBlock {
  const markup = render(h(TrendChart, props));
  const start = markup.indexOf('<svg');
  const end = markup.lastIndexOf('</svg>');
  if (start < 0 || end < 0) return { kind: 'paragraph', text: `${props.title}: ingen data endnu.` };
  // The page's scrolling frame around the drawing is the dashboards'; a report places the SVG itself.
  return { kind: 'chart', title: props.title, svg: markup.slice(start, end + '</svg>'.length), description, table: chartTable(props) };
}

/**
 * A chart's figures as a table (one row per period, one column per series), for where SVG cannot go: a hidden small
 * number is «<5» as on the chart's time axis, any other hidden value and a period without a value are empty.
 */
export function chartTable(props: Pick<TrendChartProps, 'series' | 'smallNumberThreshold'>): { columns: ReportColumn[]; rows: ReportCell[][] } {
  const periods = new Map<string, string>();
  for (const s of props.series) for (const p of s.points) if (!periods.has(p.start) || periods.get(p.start)!.length > p.label.length) periods.set(p.start, p.label);
  const starts = [...periods.keys()].sort();
  const hidden = `<${props.smallNumberThreshold ?? 5}`;
  return {
    columns: [{ label: 'Periode', format: 'text' }, ...props.series.map((s) => ({ label: s.label, format: 'decimal1' as const }))],
    rows: starts.map((start) => [
      periods.get(start)!,
      ...props.series.map((s) => {
        const p = s.points.find((q) => q.start === start);
        return !p ? null : p.value !== null ? p.value : p.suppressed ? hidden : null;
      }),
    ]),
  };
}

/** What a chart shows, in words: its series and the periods they cover. */
export function describeChart(props: TrendChartProps): string {
  const parts = props.series.map((s) => {
    const labels = s.points.filter((p) => p.value !== null || p.suppressed).map((p) => p.label);
    return labels.length === 0 ? `${s.label}: ingen værdier` : `${s.label}: ${labels[0]}${labels.length > 1 ? `-${labels[labels.length - 1]}` : ''}`;
  });
  const lines = [props.baseline?.label, props.municipalityBaseline?.label].filter((l): l is string => !!l);
  const hidden = props.series.some((s) => s.points.some((p) => p.suppressed));
  return `Udviklingen i «${props.title}». ${parts.join('; ')}.${lines.length ? ` Vandrette linjer: ${lines.join(' og ')}.` : ''}${hidden ? ` Værdier skjult af hensyn til små tal er markeret <${props.smallNumberThreshold ?? 5}.` : ''}`;
}

/**
 * The statuses of the cells that have a value (a cell with neither value nor status says nothing about progress, so it
 * is not counted as «uden status»), with how many of the «ukendt» are withheld to protect a small number.
 */
export function valueStatusCounts(cells: Iterable<Pick<CellView, 'value' | 'status'>>): Pick<StatusCounts, 'bedre' | 'uændret' | 'dårligere' | 'ukendt' | 'withheld'> {
  const counts = { bedre: 0, uændret: 0, dårligere: 0, ukendt: 0, withheld: 0 };
  for (const c of cells) {
    if (c.value.kind === 'none') continue;
    counts[c.status.status]++;
    if (c.status.withheld) counts.withheld++;
  }
  return counts;
}

/** The cells of some status sets' rows. */
export function cellsOf(sets: readonly SetView[]): CellView[] {
  return sets.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.cells)));
}

/** Counts of indicator statuses in a sentence: «4 bedre, 2 uændrede, 1 dårligere og 3 uden status». */
export function statusSummary(counts: Pick<StatusCounts, 'bedre' | 'uændret' | 'dårligere' | 'ukendt'>): string {
  const parts = [
    `${counts.bedre} bedre`,
    `${counts.uændret} ${counts.uændret === 1 ? 'uændret' : 'uændrede'}`,
    `${counts.dårligere} dårligere`,
    `${counts.ukendt} uden status`,
  ];
  return `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
}

/** The section that states what the cut-off covers and what it cannot, the same place in every report. */
export function cutoffSection(cutoffDate: string, covers: readonly string[], cannot: readonly string[]): ReportSection {
  return {
    key: 'skaeringsdato',
    title: 'Skæringsdato og datagrundlag',
    blocks: [
      { kind: 'paragraph', text: `Rapporten bygger på data til og med ${longDate(cutoffDate)}.` },
      { kind: 'list', items: [...covers] },
      ...(cannot.length > 0 ? [{ kind: 'paragraph' as const, text: 'Det kan skæringsdatoen ikke tage højde for:' }, { kind: 'list' as const, items: [...cannot] }] : []),
    ],
    sources: [],
  };
}

/** The sources of a section, each once and in a stable order. */
export function uniqueSources(lines: Iterable<string>): string[] {
  return [...new Set(lines)].sort((a, b) => a.localeCompare(b, 'da'));
}
