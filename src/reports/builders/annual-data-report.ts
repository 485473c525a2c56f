/**
 * The annual data report (datarapport): the monitoring unit's yearly report to the board on the areas' monitoring
 * against the plan's overall goals and indicators (plan lines 3261-3263). Per LBF goal and per intervention area's
 * sub-goal: each indicator's latest value for the areas and the municipality against the baselines, with status and a
 * trend chart; the state's area criteria per area; data completeness; flagged data quality; and the sources.
 *
 * The subject is a calendar year, not a plan year: the figures behind it (Danmarks Statistik's registers, the state's
 * criteria per 1 January, the plan's baselines) are almost all calendar-year figures, so a plan year would straddle
 * two data years and report half of each.
 */
import type { AppServices } from '../../app.js';
import { areaCriteria, warningsView } from '../../monitoring/criteria.present.js';
import { boardView, FLAG_LABELS, indicatorCompleteness, setChart, statusSets, type CellView, type ShownValue } from '../../monitoring/dashboard.present.js';
import { measurementScopes, scopeLabel } from '../../monitoring/scopes.js';
import { STATUS_LABELS } from '../../monitoring/status.js';
import { isHeldBack } from '../../monitoring/monitoring-model.js';
import type { ReportCell, ReportDocument, ReportSection } from '../report-document.js';
import type { ReportBuildContext, ReportDefinition, ReportSubject } from './index.js';
import { cellsOf, chartBlock, cutoffSection, valueStatusCounts, describeChart, formatInteger, longDate, monitoringAsOf, planNameOf, sourceLine, statusSummary, uniqueSources, type MonitoringAsOf } from './sections.js';

/** The calendar year a subject key names, or null. */
export function dataReportYear(subjectKey: string): number | null {
  return /^\d{4}$/.test(subjectKey) ? Number(subjectKey) : null;
}

/** A value as a report shows it: suppressed values as «<5» or «–», values awaiting an explanation said so. */
export function reportValue(value: ShownValue): ReportCell {
  switch (value.kind) {
    case 'value':
    case 'hidden':
      return value.text;
    case 'awaiting':
      return 'afventer forklaring';
    case 'none':
      return null;
  }
}

/**
 * The missing values of an indicator in few words: scopes that lack the same periods are named together, and a period
 * that every scope lacks is said once («alle områder og kommunen (2025)»).
 */
export function missingText(missing: readonly { label: string; periods: readonly string[] }[], scopeCount: number): string {
  if (missing.length === 0) return 'ingen';
  const byPeriods = new Map<string, string[]>();
  for (const m of missing) byPeriods.set(m.periods.join(', '), [...(byPeriods.get(m.periods.join(', ')) ?? []), m.label]);
  return [...byPeriods].map(([periods, labels]) => `${labels.length === scopeCount ? 'alle områder og kommunen' : labels.join(', ')} (${periods})`).join('; ');
}

function cellSource(cell: CellView): string | null {
  return cell.source && cell.value.kind === 'value' ? sourceLine(cell.source, cell.period, cell.loadedAt) : null;
}

async function subjects(services: AppServices, planId: string): Promise<ReportSubject[]> {
  const snapshot = await services.plan.snapshot(planId);
  const sa = snapshot.strategicAgreement()?.data;
  const first = Number((sa?.periodStart ?? '2025-08-01').slice(0, 4));
  const last = Number((sa?.periodEnd ?? '2029-07-31').slice(0, 4));
  const out: ReportSubject[] = [];
  for (let year = last; year >= first; year--) out.push({ key: String(year), label: `Datarapport ${year}` });
  return out;
}

/** One section per status set: LBF's overall goals, then each intervention area's sub-goals. */
function setSections(view: MonitoringAsOf, threshold: number): { sections: ReportSection[]; counts: ReturnType<typeof valueStatusCounts> } {
  const board = boardView(view, false);
  const sets = statusSets(view.catalogue);
  const sections = board.sets.map((set, index): ReportSection => {
    const blocks: ReportSection['blocks'] = [];
    const sources: string[] = [];
    for (const group of set.groups) {
      const rows: ReportCell[][] = [];
      for (const row of group.rows) {
        for (const cell of row.cells) {
          if (cell.value.kind === 'none' && !cell.baseline) continue;
          rows.push([row.name, scopeLabel(view.snapshot, cell.scope), cell.period, reportValue(cell.value), cell.baseline?.printed ?? null, cell.baseline?.period ?? null, cell.value.kind === 'none' ? null : STATUS_LABELS[cell.status.status]]);
          const line = cellSource(cell);
          if (line) sources.push(line);
          if (cell.baseline) sources.push(`Baseline: ${cell.baseline.source}, ${cell.baseline.period} (planens tal)`);
        }
      }
      blocks.push({ kind: 'paragraph', text: `${group.code.toUpperCase()}: ${group.title}` });
      if (rows.length === 0) {
        blocks.push({ kind: 'paragraph', text: 'Ingen værdier eller baselines for målets indikatorer endnu.' });
      } else {
        blocks.push({
          kind: 'table',
          caption: `${group.title}: seneste værdi mod baseline`,
          columns: [
            { label: 'Indikator', format: 'text' },
            { label: 'Område', format: 'text' },
            { label: 'Periode', format: 'text' },
            { label: 'Værdi', format: 'text' },
            { label: 'Baseline', format: 'text' },
            { label: 'Baselineperiode', format: 'text' },
            { label: 'Status', format: 'text' },
          ],
          rows,
          note: `Værdier under ${threshold} personer vises som «<${threshold}»; «–» er skjult, så et lille tal ikke kan regnes ud. Status vises som «Ukendt», hvor den ville afsløre et skjult tal.`,
        });
      }
      const indicators = sets[index]?.groups.find((g) => g.code === group.code)?.indicators ?? [];
      const withoutData: string[] = [];
      for (const indicator of indicators) {
        const chart = setChart(view, indicator, false, threshold);
        if (!chart || chart.series.every((s) => s.points.length === 0)) {
          if (chart) withoutData.push(indicator.name);
          continue;
        }
        blocks.push(chartBlock({ ...chart, id: `datarapport-${chart.id}` }, describeChart(chart)));
      }
      if (withoutData.length > 0) blocks.push({ kind: 'paragraph', text: `Uden data at tegne endnu: ${withoutData.join('; ')}.` });
    }
    const counts = valueStatusCounts(cellsOf([set]));
    blocks.unshift({ kind: 'paragraph', text: `Status for indikatorernes seneste værdier mod baseline: ${statusSummary(counts)}.` });
    return { key: `maal-${set.slug}`, title: set.slug === 'lbf' ? 'Landsbyggefondens overordnede mål' : `Indsatsområde: ${set.name}`, blocks, sources: uniqueSources(sources) };
  });
  return { sections, counts: valueStatusCounts(cellsOf(board.sets)) };
}

function criteriaSection(view: MonitoringAsOf): ReportSection {
  const areas = view.snapshot.areas().map((a) => a.data);
  const rows: ReportCell[][] = [];
  const sources: string[] = [];
  const statements: string[] = [];
  for (const area of areas) {
    const c = areaCriteria(view.model, area, false);
    if (c.latest) {
      const value = (figure: string) => {
        const row = c.latest!.rows.find((r) => r.figure === figure);
        return row ? reportValue(row.value) : null;
      };
      rows.push([area.name, String(c.latest.year), value('residents'), value('employment'), value('crime'), value('education'), value('income'), c.latest.shown ? c.latest.evaluation.count : '–', c.latest.classification]);
      for (const r of c.latest.rows) if (r.value.kind === 'value') sources.push(sourceLine(r.source, r.period, r.loadedAt));
    } else if (c.statement) {
      statements.push(`${area.name}: ingen hel årgang af statens tal er indlæst; planen angiver pr. ${c.statement.asOf}: ${c.statement.classification} (${c.statement.count} af 4 kriterier, ${c.statement.residentsDistance}; planen ${c.statement.lines}).`);
    } else {
      statements.push(`${area.name}: ingen tal for statens kriterier.`);
    }
  }
  const warnings = warningsView(view.model, areas, false).map((w) => `${w.area.name} (${w.year}${w.fromStatement ? ', efter planens opgørelse' : ''}): ${w.reasons.join(' ')}`);
  return {
    key: 'statens-kriterier',
    title: 'Statens kriterier for boligområderne',
    blocks: [
      { kind: 'paragraph', text: 'Kriterierne i almenboligloven § 61 a og § 61 b for hvert boligområde, efter seneste hele årgang af indlæste tal.' },
      ...(rows.length > 0
        ? [{
            kind: 'table' as const,
            caption: 'Statens kriterier pr. boligområde',
            columns: [
              { label: 'Boligområde', format: 'text' as const },
              { label: 'År', format: 'text' as const },
              { label: 'Beboere', format: 'text' as const },
              { label: 'Beskæftigelse', format: 'text' as const },
              { label: 'Kriminalitet', format: 'text' as const },
              { label: 'Uddannelse', format: 'text' as const },
              { label: 'Indkomst', format: 'text' as const },
              { label: 'Kriterier opfyldt', format: 'integer' as const },
              { label: 'Klassifikation', format: 'text' as const },
            ],
            rows,
          }]
        : []),
      ...(statements.length > 0 ? [{ kind: 'list' as const, items: statements }] : []),
      { kind: 'paragraph', text: warnings.length > 0 ? 'Områder tæt på en klassifikation:' : 'Ingen områder er tæt på en ny klassifikation.' },
      ...(warnings.length > 0 ? [{ kind: 'list' as const, items: warnings }] : []),
    ],
    sources: uniqueSources(sources),
  };
}

function completenessSection(view: MonitoringAsOf, planStart: string, year: number): ReportSection {
  const rows: ReportCell[][] = [];
  let filled = 0;
  let expected = 0;
  let years: string[] = [];
  const scopeCount = measurementScopes(view.snapshot).length;
  for (const set of statusSets(view.catalogue)) {
    for (const group of set.groups) {
      for (const indicator of group.indicators) {
        // The grid runs to the report's year: `expectedYears` stops at the year before «today».
        const c = indicatorCompleteness(view.snapshot, view.model, indicator, planStart, `${year + 1}-01-01`);
        years = c.years;
        filled += c.filled;
        expected += c.expected;
        rows.push([indicator.name, c.filled, c.expected, missingText(c.missing, scopeCount)]);
      }
    }
  }
  const share = expected === 0 ? 100 : Math.round((filled / expected) * 1000) / 10;
  return {
    key: 'datakomplethed',
    title: 'Datakomplethed',
    blocks: [
      { kind: 'paragraph', text: `For årene ${years[0] ?? ''}-${years[years.length - 1] ?? ''} har ${formatInteger(filled)} af ${formatInteger(expected)} forventede værdier (indikator × område × år) en værdi, ${String(share).replace('.', ',')} %.` },
      {
        kind: 'table',
        caption: 'Manglende værdier pr. indikator',
        columns: [
          { label: 'Indikator', format: 'text' },
          { label: 'Med værdi', format: 'integer' },
          { label: 'Forventet', format: 'integer' },
          { label: 'Mangler', format: 'text' },
        ],
        rows,
      },
    ],
    sources: [],
  };
}

function qualitySection(view: MonitoringAsOf): ReportSection {
  const flagged = view.model.flagged();
  const rows: ReportCell[][] = flagged
    .sort((a, b) => a.series.indicatorCode.localeCompare(b.series.indicatorCode) || a.point.start.localeCompare(b.point.start))
    .map(({ series, point }) => [
      view.catalogue.definitions.get(series.indicatorCode)?.name ?? series.indicatorCode,
      scopeLabel(view.snapshot, series.scope),
      point.label,
      // By kind only: a flag's own message names the figure, which may be a small number.
      [...new Set(point.flags.map((f) => FLAG_LABELS[f.code]))].join('; '),
      isHeldBack(point) ? 'Nej: holdes tilbage fra rapporten' : 'Ja',
    ]);
  const held = flagged.filter((f) => isHeldBack(f.point)).length;
  return {
    key: 'datakvalitet',
    title: 'Markeret datakvalitet',
    blocks: [
      {
        kind: 'paragraph',
        text:
          flagged.length === 0
            ? 'Ingen værdier er markeret af datakvalitetstjekket.'
            : `${formatInteger(flagged.length)} ${flagged.length === 1 ? 'værdi er' : 'værdier er'} markeret af datakvalitetstjekket; ${formatInteger(held)} af dem venter på en forklaring fra monitoreringsenheden og indgår ikke i rapportens tal.`,
      },
      ...(rows.length > 0
        ? [{
            kind: 'table' as const,
            caption: 'Markerede værdier',
            columns: [
              { label: 'Indikator', format: 'text' as const },
              { label: 'Område', format: 'text' as const },
              { label: 'Periode', format: 'text' as const },
              { label: 'Markering', format: 'text' as const },
              { label: 'Forklaret', format: 'text' as const },
            ],
            rows,
          }]
        : []),
    ],
    sources: [],
  };
}

async function build(context: ReportBuildContext): Promise<ReportDocument> {
  const { services, planId, subjectKey, cutoffDate } = context;
  const year = dataReportYear(subjectKey);
  if (year === null) throw new RangeError(`Datarapporten gælder et kalenderår, fx 2025, ikke «${subjectKey}».`);
  const threshold = services.config.monitoring.smallNumberThreshold;
  const [view, planName] = await Promise.all([monitoringAsOf(services, planId, cutoffDate, `${year}-12-31`), planNameOf(services, planId)]);
  const planStart = view.snapshot.strategicAgreement()?.data.periodStart ?? '2025-08-01';
  const { sections, counts } = setSections(view, threshold);
  return {
    kind: 'datarapport',
    subjectKey,
    title: `Datarapport ${year}`,
    subtitle: `Monitoreringsenhedens årlige datarapport til bestyrelsen om boligområdernes udvikling, data til og med ${longDate(cutoffDate)}`,
    planName,
    cutoffDate,
    generatedAt: services.clock().toISOString(),
    sections: [
      {
        key: 'sammenfatning',
        title: 'Sammenfatning',
        blocks: [
          { kind: 'paragraph', text: `Randers Kommunes monitoreringsenhed leverer hvert år en datarapport til bestyrelsen om monitoreringen af boligområderne mod helhedsplanens overordnede mål og indikatorer (helhedsplanen, linje 3261-3263). Rapporten dækker værdier for perioder til og med ${year}.` },
          {
            kind: 'figures',
            items: [
              { label: 'Bedre end baseline', value: formatInteger(counts.bedre) },
              { label: 'Uændret', value: formatInteger(counts.uændret) },
              { label: 'Dårligere end baseline', value: formatInteger(counts.dårligere) },
              { label: 'Uden status', value: formatInteger(counts.ukendt), ...(counts.withheld > 0 ? { note: `heraf ${counts.withheld} skjult af hensyn til små tal` } : {}) },
            ],
          },
        ],
        sources: [],
      },
      ...sections,
      criteriaSection(view),
      completenessSection(view, planStart, year),
      qualitySection(view),
      cutoffSection(
        cutoffDate,
        [
          `Værdier indlæst efter ${longDate(cutoffDate)} er udeladt${view.leftOut > 0 ? ` (${formatInteger(view.leftOut)} værdier)` : ''}.`,
          `Værdier for perioder, der begynder efter ${year}, er udeladt.`,
          'Værdier, der er markeret af datakvalitetstjekket uden en forklaring, indgår ikke.',
        ],
        [
          'En rettelse af en ældre værdi, der er indlæst efter skæringsdatoen, erstatter den oprindelige værdi; rapporten udelader da værdien i stedet for at vise den, som den var før rettelsen.',
          'En forklaring på en markering, der er skrevet efter skæringsdatoen, tæller med.',
          'Planens baselines er planens gældende tekst, når rapporten dannes.',
        ],
      ),
    ],
  };
}

export const annualDataReport: ReportDefinition = {
  kind: 'datarapport',
  name: 'Årlig datarapport til bestyrelsen',
  description: 'Monitoreringsenhedens årlige rapport til bestyrelsen: indikatorerne for Landsbyggefondens mål og indsatsområdernes delmål mod baseline, statens kriterier pr. boligområde, datakomplethed og datakvalitet.',
  subjects,
  build,
};
