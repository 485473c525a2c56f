/**
 * The annual report (årsrapport) to the municipality's political committees, which the board's chair presents each
 * year for their information (plan lines 3392-3393). Short and readable: the plan and its areas, key figures (persons
 * suppressed), the goals' status in summary, outputs against the year's targets, the economy, the milestones and the
 * governance year. The subject is a plan year (1 August - 31 July), the year the plan's targets, budget and
 * activities run in.
 */
import type { AppServices } from '../../app.js';
import { planYearFromLabel, planYearsOf } from '../../activities/outputs.present.js';
import { coursesInYear } from '../../activities/outputs.repository.js';
import type { OutputStatus, PlanYear } from '../../activities/output-targets.js';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { BudgetChart } from '../../economy/economy.chart.js';
import type { EconomyFollowUp } from '../../economy/economy.service.js';
import { agendaServiceFor } from '../../governance/agendas.service.js';
import { meetingServiceFor, BODY_NAMES, meetingLabel, type Meeting } from '../../governance/meetings.service.js';
import { RECOMMENDATION_STATUS_LABELS } from '../../governance/recommendations.js';
import { boardView } from '../../monitoring/dashboard.present.js';
import type { ReportBlock, ReportCell, ReportDocument, ReportSection } from '../report-document.js';
import type { ReportBuildContext, ReportDefinition, ReportSubject } from './index.js';
import { cellsOf, cutoffSection, valueStatusCounts, formatInteger, longDate, monitoringAsOf, planNameOf, servicesAt, sourceLine, statusSummary, uniqueSources } from './sections.js';

/** A plan year's key in a report's address: «2025-26» for 2025/26 (a slash cannot stand in a path segment). */
export function annualReportKey(year: PlanYear): string {
  return year.label.replace('/', '-');
}

/** The plan year an annual report's key names, or null. */
export function annualReportYear(subjectKey: string): PlanYear | null {
  return planYearFromLabel(subjectKey.replace('-', '/'));
}

const kroner = (ore: number): number => Math.round(ore / 100);

async function subjects(services: AppServices, planId: string): Promise<ReportSubject[]> {
  const snapshot = await services.plan.snapshot(planId);
  const sa = snapshot.strategicAgreement()?.data;
  return planYearsOf(sa?.periodStart ?? '2025-08-01', sa?.periodEnd ?? '2029-07-31')
    .reverse()
    .map((y) => ({ key: annualReportKey(y), label: `Årsrapport ${y.label}` }));
}

/**
 * The economy page's chart of budget against spending per line, as a report's chart block: the same drawing the board
 * sees at /oekonomi, with its figures as a table for the XLSX file. Null when the year has no budget lines.
 */
function budgetChartBlock(e: EconomyFollowUp): ReportBlock | null {
  if (e.lines.length === 0) return null;
  const markup = render(h(BudgetChart, { lines: e.lines, yearLabel: e.year.label, monthsEnded: e.monthsEnded, id: 'aarsrapport-budget' }));
  const svg = markup.slice(markup.indexOf('<svg'), markup.lastIndexOf('</svg>') + '</svg>'.length);
  const description = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  return {
    kind: 'chart',
    title: `Budget og forbrug pr. linje, ${e.year.label}`,
    svg,
    description: description.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
    table: {
      columns: [
        { label: 'Budgetlinje', format: 'text' },
        { label: 'Budget', format: 'dkk' },
        { label: 'Forventet til nu', format: 'dkk' },
        { label: 'Forbrug', format: 'dkk' },
      ],
      rows: e.lines.map((l): ReportCell[] => [l.line, kroner(l.budgetOre), kroner(l.expectedOre), kroner(l.actualOre)]),
    },
  };
}

function economySection(e: EconomyFollowUp, cutoffDate: string): ReportSection {
  const chart = budgetChartBlock(e);
  const afterCutoff = e.months.filter((m) => `${m.month}-01` > cutoffDate).reduce((sum, m) => sum + m.actualOre, 0);
  const grantShare = e.grant ? e.grant.sharePermille / 10 : null;
  return {
    key: 'oekonomi',
    title: 'Økonomi',
    blocks: [
      {
        kind: 'paragraph',
        text: `I planår ${e.year.label} er der budgetteret ${formatInteger(kroner(e.totals.budgetOre))} kr. og brugt ${formatInteger(kroner(e.totals.actualOre))} kr.; efter ${e.monthsEnded} af årets 12 måneder var forventet ${formatInteger(kroner(e.totals.expectedOre))} kr.${grantShare !== null ? ` Landsbyggefondens tilsagn udgør ${String(grantShare).replace('.', ',')} % af den samlede finansiering.` : ' Landsbyggefondens tilsagn er ikke registreret.'}`,
      },
      {
        kind: 'table',
        caption: 'Finansiering i hele planperioden',
        columns: [
          { label: 'Finansieringskilde', format: 'text' },
          { label: 'Tilsagn', format: 'dkk' },
          { label: 'Andel', format: 'percent1' },
          { label: `Andel af forbrug ${e.year.label}`, format: 'dkk' },
        ],
        rows: [
          ...e.funders.map((f): ReportCell[] => [f.isLbfGrant ? `${f.funder} (tilsagn)` : `${f.funder} (medfinansiering)`, kroner(f.amountOre), f.sharePermille / 10, kroner(f.yearActualShareOre)]),
          ['I alt', kroner(e.commitmentsOre), e.funders.length > 0 ? 100 : null, kroner(e.totals.actualOre)],
        ],
      },
      {
        kind: 'table',
        caption: `Budget og forbrug pr. budgetlinje, planår ${e.year.label}`,
        columns: [
          { label: 'Budgetlinje', format: 'text' },
          { label: 'Budget', format: 'dkk' },
          { label: 'Forventet til nu', format: 'dkk' },
          { label: 'Forbrug', format: 'dkk' },
          { label: 'Afvigelse', format: 'dkk' },
          { label: 'Afvigelse i %', format: 'percent1' },
        ],
        rows: [
          ...e.lines.map((l): ReportCell[] => [l.line, kroner(l.budgetOre), kroner(l.expectedOre), kroner(l.actualOre), kroner(l.deviationOre), l.deviationPercent]),
          ['I alt', kroner(e.totals.budgetOre), kroner(e.totals.expectedOre), kroner(e.totals.actualOre), kroner(e.totals.deviationOre), e.totals.deviationPercent],
        ],
        note: 'Afvigelse er forbrug minus det forventede forbrug ved jævnt tempo over årets afsluttede måneder.',
      },
      ...(chart ? [chart] : []),
      ...(afterCutoff !== 0 ? [{ kind: 'paragraph' as const, text: `Forbruget omfatter ${formatInteger(kroner(afterCutoff))} kr. bogført på måneder efter skæringsdatoen.` }] : []),
    ],
    sources: [e.lastChange ? `Kilde: sekretariatets budget og regnskab i Helhed, planår ${e.year.label}, senest ændret ${longDate(e.lastChange.at)}` : `Kilde: sekretariatets budget og regnskab i Helhed, planår ${e.year.label}`],
  };
}

function governanceSection(meetings: readonly Meeting[], decided: { title: string; status: string; date: string }[], year: PlanYear, cutoffDate: string): ReportSection {
  const held = meetings.filter((m) => m.status !== 'aflyst' && m.date >= year.start && m.date <= year.end && m.date <= cutoffDate);
  const count = (body: Meeting['body']) => held.filter((m) => m.body === body).length;
  return {
    key: 'styring',
    title: 'Styringsåret',
    blocks: [
      { kind: 'paragraph', text: `${BODY_NAMES.bestyrelse} har holdt ${count('bestyrelse')} og ${BODY_NAMES.styregruppe.toLowerCase()} ${count('styregruppe')} møder i planåret til og med ${longDate(cutoffDate)}.` },
      ...(held.length > 0 ? [{ kind: 'list' as const, items: held.map((m) => `${meetingLabel(m)}${m.status === 'planlagt' ? ' (ikke markeret som afholdt)' : ''}`) }] : []),
      {
        kind: 'paragraph',
        text: decided.length === 0 ? 'Bestyrelsen har ikke truffet afgørelse om indstillinger fra styregruppen i planåret.' : `Bestyrelsen har afgjort ${decided.length} ${decided.length === 1 ? 'indstilling' : 'indstillinger'} fra styregruppen:`,
      },
      ...(decided.length > 0 ? [{ kind: 'list' as const, items: decided.map((d) => `${d.title}: ${d.status.toLowerCase()} ${longDate(d.date)}`) }] : []),
    ],
    sources: ['Kilde: mødekalender, referater og indstillinger i Helhed'],
  };
}

async function build(context: ReportBuildContext): Promise<ReportDocument> {
  const { services, planId, subjectKey, cutoffDate } = context;
  const year = annualReportYear(subjectKey);
  if (!year) throw new RangeError(`Årsrapporten gælder et planår, fx 2025-26, ikke «${subjectKey}».`);
  const threshold = services.config.monitoring.smallNumberThreshold;
  const at = servicesAt(services, cutoffDate);
  const [snapshot, planName, outputs, byIa, monitoring, followUp, summaries, meetings, recommendations, courses] = await Promise.all([
    services.plan.snapshot(planId),
    planNameOf(services, planId),
    at.outputs.overview({ suppressAll: true }, planId, year.label),
    at.outputs.byInterventionArea({ suppressAll: true }, planId, year.label),
    monitoringAsOf(services, planId, cutoffDate, year.end),
    at.economy.followUp(planId, year.label),
    at.milestones.summaries(planId),
    meetingServiceFor(services).list(planId),
    agendaServiceFor(services).recommendations(planId),
    coursesInYear(services.database.db, planId, year, cutoffDate),
  ]);
  const sa = snapshot.strategicAgreement()?.data;
  const areas = snapshot.areas().map((a) => a.data);
  const iaName = new Map(snapshot.interventionAreas().map((ia) => [ia.data.slug, ia.data.name]));

  // Key figures per intervention area: each is a count of distinct persons (one person may be in several areas'
  // activities, so there is no total to give a small one away), suppressed by the outputs service.
  const keyRows: ReportCell[][] = byIa.rows.map((r) => [
    r.name,
    r.activities,
    r.participants.suppressed ? r.participants.text : r.participants.value,
    r.households.suppressed ? r.households.text : r.households.value,
    courses.filter((c) => outputs.activities.find((a) => a.slug === c.activitySlug)?.interventionAreaSlug === r.slug).length,
  ]);

  const board = boardView(monitoring, false);
  const goalRows: ReportCell[][] = board.sets.map((s) => {
    const c = valueStatusCounts(cellsOf([s]));
    return [s.slug === 'lbf' ? 'Landsbyggefondens overordnede mål' : s.name, c.bedre, c.uændret, c.dårligere, c.ukendt];
  });
  const monitoringSources = uniqueSources(
    board.sets.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.cells.flatMap((c) => (c.source && c.value.kind === 'value' ? [sourceLine(c.source, c.period, c.loadedAt)] : []))))),
  );

  const statusCount: Record<OutputStatus, number> = { opfyldt: 0, 'på vej': 0, bagud: 0, 'over loftet': 0, 'ikke målbar': 0 };
  const outputRows: ReportCell[][] = outputs.activities.flatMap((a) =>
    a.targets.map((t) => {
      statusCount[t.status]++;
      return [a.interventionAreaName, a.name, t.target.printed, t.delivered.text, t.status];
    }),
  );

  const decided = recommendations
    .filter((r) => r.boardDecision && r.boardDecision.date >= year.start && r.boardDecision.date <= year.end && r.boardDecision.date <= cutoffDate)
    .map((r) => ({ title: r.title, status: RECOMMENDATION_STATUS_LABELS[r.status], date: r.boardDecision!.date }));

  const sections: ReportSection[] = [
    {
      key: 'planen',
      title: 'Helhedsplanen og boligområderne',
      blocks: [
        {
          kind: 'paragraph',
          text: `${planName} løber fra ${longDate(sa?.periodStart ?? '2025-08-01')} til ${longDate(sa?.periodEnd ?? '2029-07-31')}${sa?.parties.length ? ` med ${sa.parties.join(', ')} som parter` : ''}. Planen dækker ${areas.length} boligområder og ${iaName.size} indsatsområder. Formanden for bestyrelsen forelægger hvert år årsrapporten for Randers Kommunes politiske fagudvalg til orientering.`,
        },
        { kind: 'list', items: areas.map((a) => `${a.name}${a.onStateList ? ' (på statens liste)' : ''}`) },
        { kind: 'paragraph', text: `Indsatsområder: ${[...iaName.values()].join(', ')}.` },
      ],
      sources: ['Kilde: helhedsplanens gældende tekst i Helhed'],
    },
    {
      key: 'noegletal',
      title: `Nøgletal for planår ${year.label}`,
      blocks: [
        {
          kind: 'figures',
          items: [
            { label: 'Aktiviteter', value: formatInteger(outputs.activities.length) },
            { label: 'Forløb startet i planåret', value: formatInteger(courses.length) },
            { label: 'Mål for output', value: formatInteger(outputRows.length), note: `${statusCount.opfyldt} opfyldt, ${statusCount['på vej']} på vej, ${statusCount.bagud} bagud` },
          ],
        },
        {
          kind: 'table',
          caption: 'Deltagere, familier og forløb pr. indsatsområde',
          columns: [
            { label: 'Indsatsområde', format: 'text' },
            { label: 'Aktiviteter', format: 'integer' },
            { label: 'Deltagere', format: 'integer' },
            { label: 'Familier (husstande)', format: 'integer' },
            { label: 'Forløb', format: 'integer' },
          ],
          rows: keyRows,
          note: `Forskellige personer pr. indsatsområde; samme person kan deltage i flere indsatsområder, så tallene lægges ikke sammen. Under ${threshold} vises som «<${threshold}».`,
        },
      ],
      sources: [`Kilde: indskrivninger og forløb i Helhed, planår ${year.label}, registreret til og med ${longDate(cutoffDate)}`],
    },
    {
      key: 'maal',
      title: 'Målene i sammenfatning',
      blocks: [
        { kind: 'paragraph', text: `Af indikatorernes seneste værdier for boligområderne og kommunen er ${statusSummary(valueStatusCounts(cellsOf(board.sets)))} i forhold til planens baseline.` },
        {
          kind: 'table',
          caption: 'Indikatorernes status pr. mål',
          columns: [
            { label: 'Mål', format: 'text' },
            { label: 'Bedre', format: 'integer' },
            { label: 'Uændret', format: 'integer' },
            { label: 'Dårligere', format: 'integer' },
            { label: 'Uden status', format: 'integer' },
          ],
          rows: goalRows,
          note: 'En status, der ville afsløre et skjult lille tal, tælles som uden status. Den årlige datarapport til bestyrelsen har tallene i detaljer.',
        },
      ],
      sources: monitoringSources,
    },
    {
      key: 'output',
      title: 'Aktiviteternes output mod årets mål',
      blocks: [
        { kind: 'paragraph', text: `${statusCount.opfyldt} mål er opfyldt, ${statusCount['på vej']} på vej, ${statusCount.bagud} bagud, ${statusCount['over loftet']} over loftet og ${statusCount['ikke målbar']} kan ikke måles på planåret.` },
        {
          kind: 'table',
          caption: `Output pr. aktivitet, planår ${year.label}`,
          columns: [
            { label: 'Indsatsområde', format: 'text' },
            { label: 'Aktivitet', format: 'text' },
            { label: 'Mål', format: 'text' },
            { label: 'Leveret', format: 'text' },
            { label: 'Status', format: 'text' },
          ],
          rows: outputRows,
        },
      ],
      sources: [`Kilde: indskrivninger, fremmøde og indberetninger i Helhed, planår ${year.label}`],
    },
    economySection(followUp, cutoffDate),
    {
      key: 'milepaele',
      title: 'Milepæle',
      blocks: [
        {
          kind: 'table',
          caption: `Milepæle pr. delaftale pr. ${longDate(cutoffDate)}`,
          columns: [
            { label: 'Delaftale', format: 'text' },
            { label: 'Forsinket', format: 'integer' },
            { label: 'I risiko', format: 'integer' },
            { label: 'Færdig for sent', format: 'integer' },
            { label: 'Uden markering', format: 'integer' },
          ],
          rows: summaries.map((s) => [iaName.get(s.interventionArea) ?? s.interventionArea, s.counts.forsinket, s.counts['i risiko'], s.counts['færdig for sent'], s.counts['uden flag']]),
        },
      ],
      sources: ['Kilde: delaftalernes milepælsplaner i Helhed'],
    },
    governanceSection(meetings, decided, year, cutoffDate),
    cutoffSection(
      cutoffDate,
      [
        `Deltagere, familier, forløb og output tæller indskrivninger og fremmøde i planår ${year.label}; forløbsgange efter ${longDate(cutoffDate)} tælles ikke, og tempo er vurderet pr. datoen.`,
        `Indikatorværdier indlæst efter ${longDate(cutoffDate)} og værdier for perioder efter planåret er udeladt.`,
        `Møder efter ${longDate(cutoffDate)} og bestyrelsens afgørelser dateret efter den er udeladt.`,
      ],
      [
        'En indskrivning eller indberetning for planåret, der er registreret efter skæringsdatoen, tæller med.',
        'Regnskabstal for planårets måneder tæller med, som de står, når rapporten dannes.',
        'En rettelse af en ældre indikatorværdi, indlæst efter skæringsdatoen, fjerner den oprindelige værdi fra rapporten i stedet for at vise den, som den var.',
      ],
    ),
  ];

  return {
    kind: 'aarsrapport',
    subjectKey,
    title: `Årsrapport ${year.label}`,
    subtitle: `Til Randers Kommunes politiske fagudvalg: helhedsplanens år fra ${longDate(year.start)} til ${longDate(year.end)}, data til og med ${longDate(cutoffDate)}`,
    planName,
    cutoffDate,
    generatedAt: services.clock().toISOString(),
    sections,
  };
}

export const annualReport: ReportDefinition = {
  kind: 'aarsrapport',
  name: 'Årsrapport til de politiske fagudvalg',
  description: 'Kort og læsevenlig rapport for et planår til Randers Kommunes politiske fagudvalg: planen, nøgletal, målenes status, output, økonomi, milepæle og styringsåret.',
  subjects,
  build,
};
