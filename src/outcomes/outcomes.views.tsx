/**
 * Pages of outcomes over time: the overview with the catalogue of measures, one participant's outcome values (with
 * the form to record one), the import of a spreadsheet, cohort views and journeys across activities. Cohorts and
 * journeys show only suppressed aggregates, whoever looks.
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors/errors.js';
import type { ParticipantImportRow } from '../participants/participants.table.js';
import type { ImportProblem } from '../monitoring/measurement.js';
import { displayCount, type CountCell, type ShareCell } from '../monitoring/small-numbers.js';
import { Alert, Checkboxes, CsrfField, DateText, ErrorSummary, Facts, Select, Table, TextInput, Timestamp, formatNumber, ImportProblems, SpreadsheetUploadForm } from '../web/components.js';
import { Layout, type PageContext } from '../web/layout.js';
import { OUTCOME_MEASURES, PERIOD_KIND_LABELS, type OutcomeMeasure } from './outcome-measures.js';
import type { CohortFigure, CohortStatistic, CohortWindow, ComparisonCell } from './cohorts.js';
import type { CohortView, JourneyView, ParticipantOutcomes } from './outcomes.service.js';
import { OUTCOME_HEADER } from './outcome-rows.js';
import { termPeriod, WINDOW_RANGE, windowLabel } from './terms.js';
import { ChartDataTable, TrendChart, type TrendChartProps } from '../monitoring/charts/trend-chart.js';

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const IMPORT_STATUS_LABELS: Record<string, string> = { running: 'I gang', imported: 'Importeret', rejected: 'Afvist (fejl i filen)', failed: 'Mislykkedes' };
const ENROLMENT_STATUS_LABELS: Record<string, string> = { aktiv: 'Aktiv', afsluttet: 'Afsluttet', afbrudt: 'Afbrudt', venteliste: 'Venteliste' };

function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class="d-print-none">
      <a class="back-link" href={href}>
        {children}
      </a>
    </p>
  );
}

/** What a measure's values can be, in words. */
function allowedValues(m: OutcomeMeasure): string {
  const s = m.scale;
  if (s.type === 'number') return `Tal fra ${formatNumber(s.min)} til ${formatNumber(s.max)}${s.unit ? ` ${s.unit}` : ''}`;
  return s.values.map((v) => v.label).join(', ');
}

export function OutcomesHomePage(props: { ctx: PageContext; canRead: boolean; canManage: boolean; indicatorNames: Record<string, string>; errors?: FieldError[]; code?: string }) {
  const { ctx, errors = [] } = props;
  return (
    <Layout ctx={ctx} title="Udfald" hasErrors={errors.length > 0}>
      <h1>Udfald</h1>
      <p class="font-lead">
        Udviklingen hos de deltagere, der har modtaget en aktivitet: skolefravær, sprogvurdering, beskæftigelse og de andre udfald, planen lægger op til at
        følge. Kohorter og forløb på tværs viser altid kun samlede tal, og små tal skjules.
      </p>
      <ErrorSummary errors={errors} />
      <ul class="nobullet-list">
        <li>
          <a href="/udfald/kohorter">Kohorter: før og efter deltagelse</a>
        </li>
        <li>
          <a href="/udfald/paa-tvaers">Deltagelse på tværs af aktiviteter og henvisninger</a>
        </li>
        {props.canManage ? (
          <li>
            <a href="/udfald/import">Importér udfald fra et regneark</a>
          </li>
        ) : null}
      </ul>
      {props.canRead ? (
        <form method="get" action="/udfald/deltager" class="d-print-none">
          <TextInput name="kode" label="Se en deltagers udfald" helptext="Skriv deltagerkoden, fx P-7K2M9Q4X-5." value={props.code} errors={errors} width="m" />
          <button type="submit" class="button button-secondary">
            Vis udfald
          </button>
        </form>
      ) : null}
      <h2>Udfaldsmål</h2>
      <p>Helhed gemmer aldrig oplysninger om strafbare forhold om enkeltpersoner. Kriminalitet følges kun som tal for områderne i monitoreringen.</p>
      <Table
        caption="Udfaldsmål, der kan registreres for deltagerne"
        headers={['Mål', 'Kode', 'Måles pr.', 'Værdier', 'Sammenlignes med']}
        rowHeaders
        rows={OUTCOME_MEASURES.map((m) => {
          const s = m.scale;
          const comparisons =
            s.type === 'number'
              ? [s.meanComparable ? `gennemsnit: ${s.meanComparable.indicator}` : null, s.above?.comparable ? `${s.above.label.toLowerCase()}: ${s.above.comparable.indicator}` : null]
              : [...s.values.map((v) => (v.comparable ? `${v.label.toLowerCase()}: ${v.comparable.indicator}` : null)), s.group?.comparable ? `${s.group.label.toLowerCase()}: ${s.group.comparable.indicator}` : null];
          const list = comparisons.filter((c): c is string => c !== null);
          return [
            <span>
              {m.name}
              <span class="form-hint">{m.description}</span>
            </span>,
            <code>{m.key}</code>,
            PERIOD_KIND_LABELS[m.periodKind],
            allowedValues(m),
            list.length === 0 ? 'Ingen indikator i planen' : (
              <ul class="nobullet-list">
                {list.map((c) => {
                  const code = c.slice(c.lastIndexOf(' ') + 1);
                  return (
                    <li>
                      {c} <span class="form-hint">{props.indicatorNames[code] ?? ''}</span>
                    </li>
                  );
                })}
              </ul>
            ),
          ];
        })}
      />
    </Layout>
  );
}

export interface EntryValues {
  measure: string;
  period: string;
  value: string;
  source: string;
}

export function ParticipantOutcomesPage(props: { ctx: PageContext; data: ParticipantOutcomes; canManage: boolean; values?: EntryValues; errors?: FieldError[] }) {
  const { ctx, data, errors = [] } = props;
  const p = data.participant;
  const code = p.code;
  const values = props.values ?? { measure: '', period: '', value: '', source: '' };
  return (
    <Layout ctx={ctx} title={`Udfald for ${code}`} hasErrors={errors.length > 0}>
      <BackLink href="/udfald">Udfald</BackLink>
      <h1>Udfald for {code}</h1>
      <ErrorSummary errors={errors} />
      <Facts
        items={[
          { label: 'Deltagerkode', value: code },
          { label: 'Kaldenavn', value: p.nickname },
          { label: 'Født (år og måned)', value: p.birth_year_month },
          { label: 'Boligområde', value: data.areaName },
        ]}
      />
      <h2>Deltagelse</h2>
      <Table
        caption="Aktiviteter, deltageren er tilmeldt (dem, du har adgang til)"
        headers={['Aktivitet', 'Start', 'Slut', 'Status']}
        rowHeaders
        emptyText="Ingen tilmeldinger i dine aktiviteter."
        rows={data.enrolments.map((e) => [e.activityName, <DateText iso={e.start} />, <DateText iso={e.end} />, ENROLMENT_STATUS_LABELS[e.status] ?? e.status])}
      />
      <h2>Målinger</h2>
      <Table
        caption="Deltagerens udfaldsmålinger"
        headers={props.canManage ? ['Mål', 'Periode', 'Værdi', 'Kilde', 'Registreret', 'Handling'] : ['Mål', 'Periode', 'Værdi', 'Kilde', 'Registreret']}
        rowHeaders
        emptyText="Der er endnu ingen udfaldsmålinger for deltageren."
        rows={data.outcomes.map((o) => {
          const cells: ComponentChildren[] = [
            o.measureName,
            o.period.label,
            o.shown,
            o.source,
            <span>
              <Timestamp iso={o.recordedAt} /> ({o.recordedBy})
            </span>,
          ];
          if (props.canManage) {
            cells.push(
              <form method="post" action={`/udfald/deltager/${encodeURIComponent(code)}/slet/${o.id}`} class="inline-form">
                <CsrfField token={ctx.csrf} />
                <button type="submit" class="button button-secondary">
                  Slet<span class="sr-only">: {o.measureName.toLowerCase()}, {o.period.label}</span>
                </button>
              </form>,
            );
          }
          return cells;
        })}
      />
      {props.canManage ? (
        <>
          <h2>Registrér en måling</h2>
          <p>Er der allerede en værdi for samme mål og periode, rettes den; den tidligere værdi står i revisionssporet.</p>
          <form method="post" action={`/udfald/deltager/${encodeURIComponent(code)}`}>
            <CsrfField token={ctx.csrf} />
            <Select
              name="measure"
              label="Mål"
              value={values.measure}
              errors={errors}
              options={[{ value: '', label: 'Vælg et mål' }, ...OUTCOME_MEASURES.map((m) => ({ value: m.key, label: `${m.name} (pr. ${PERIOD_KIND_LABELS[m.periodKind]})` }))]}
            />
            <TextInput
              name="period"
              label="Periode"
              helptext="Skolehalvår: «1. skolehalvår 2024/25» (1. august – 31. januar) eller «2. skolehalvår 2024/25». Skoleår: «2024/25». Måned: «marts 2025». Dato: «15-03-2025»."
              value={values.period}
              errors={errors}
              width="l"
            />
            <TextInput name="value" label="Værdi" helptext="Et tal (fx 12,5 for fravær i procent) eller en af målets værdier (fx fokuseret)." value={values.value} errors={errors} width="l" />
            <TextInput name="source" label="Kilde" helptext="Hvor værdien kommer fra, fx skolens fraværsregistrering." value={values.source} errors={errors} width="xl" />
            <button type="submit" class="button button-primary">
              Gem måling
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export function OutcomeImportPage(props: { ctx: PageContext; imports: ParticipantImportRow[]; errors?: FieldError[]; maxMegabytes: number }) {
  const { ctx, errors = [] } = props;
  return (
    <Layout ctx={ctx} title="Importér udfald" hasErrors={errors.length > 0}>
      <BackLink href="/udfald">Udfald</BackLink>
      <h1>Importér udfald</h1>
      <ErrorSummary errors={errors} />
      <p class="font-lead">
        Indlæs udfaldsmålinger for dine deltagere fra et regneark (CSV eller XLSX). Alle fejl i filen vises på én gang med række og kolonne, og intet gemmes,
        før hele filen er i orden. Importerer du den samme fil igen, tilføjes intet; en ændret værdi rettes og står i revisionssporet.
      </p>
      <p>
        Første række skal være overskrifterne <code>{OUTCOME_HEADER}</code>. Målet skrives med sin kode eller sit navn (se listen på <a href="/udfald">Udfald</a>
        ). Hent en <a href="/udfald/skabelon.csv">skabelon (CSV)</a>.
      </p>
      <SpreadsheetUploadForm action="/udfald/import" csrf={ctx.csrf} maxMegabytes={props.maxMegabytes} errors={errors} />
      <h2>Seneste importer</h2>
      <Table
        caption="Seneste importer af udfald"
        headers={['Fil', 'Status', 'Nye og rettede', 'Uændrede', 'Fejl', 'Importeret af', 'Tidspunkt']}
        numeric={[2, 3, 4]}
        emptyText="Der er endnu ikke importeret nogen filer."
        rows={props.imports.map((i) => [
          <a href={`/udfald/import/${i.id}`}>{i.file_name}</a>,
          IMPORT_STATUS_LABELS[i.status] ?? i.status,
          formatNumber(i.rows_imported),
          formatNumber(i.rows_unchanged),
          formatNumber(i.problem_count),
          i.created_by_label,
          <Timestamp iso={i.created_at} />,
        ])}
      />
    </Layout>
  );
}

export function OutcomeImportResultPage(props: { ctx: PageContext; row: ParticipantImportRow }) {
  const { ctx, row } = props;
  const problems: ImportProblem[] = row.problems ? (JSON.parse(row.problems) as ImportProblem[]) : [];
  const rejected = row.status === 'rejected';
  const count = Number(row.problem_count);
  return (
    <Layout ctx={ctx} title={`Import af ${row.file_name}`} hasErrors={rejected}>
      <BackLink href="/udfald/import">Importér udfald</BackLink>
      <h1>Import af {row.file_name}</h1>
      {rejected ? (
        <Alert variant="error" heading="Filen blev ikke importeret">
          <p>
            Der er {count === 1 ? '1 fejl' : `${formatNumber(count)} fejl`} i filen, og intet er gemt. Ret fejlene, og importér filen igen.
            {count > problems.length ? ` De første ${formatNumber(problems.length)} vises.` : ''}
          </p>
        </Alert>
      ) : row.status === 'imported' ? (
        <Alert variant="success" heading="Filen er importeret">
          <p>
            {formatNumber(Number(row.rows_imported))} nye eller rettede værdier, {formatNumber(Number(row.rows_unchanged))} uændrede.
          </p>
        </Alert>
      ) : (
        <Alert variant="warning" heading="Importen mislykkedes">
          <p>Intet er gemt. Prøv igen, og kontakt administratoren, hvis det sker igen.</p>
        </Alert>
      )}
      <Facts
        items={[
          { label: 'Rækker læst', value: formatNumber(Number(row.rows_read)) },
          { label: 'Importeret af', value: row.created_by_label },
          { label: 'Tidspunkt', value: <Timestamp iso={row.created_at} /> },
        ]}
      />
      <ImportProblems problems={problems} />
    </Layout>
  );
}

// Cohorts

/** A cohort figure as shown: the number, or «–» when too few (or none) are behind it. */
function figure(f: CohortFigure, kind: 'mean' | 'share', unit: string): string {
  if (!f.shown) return '–';
  return kind === 'share' ? `${oneDecimal.format(f.value)} %` : `${oneDecimal.format(f.value)}${unit ? ` ${unit}` : ''}`;
}

function countText(cell: CountCell, threshold: number): string {
  return displayCount(cell, threshold, formatNumber);
}

function comparisonText(cell: ComparisonCell, kind: 'mean' | 'share', unit: string): ComponentChildren {
  if (cell.value === null) return cell.missing.length > 0 ? <span>– <span class="form-hint">ingen måling for {cell.missing.join(', ')}</span></span> : '–';
  const text = kind === 'share' ? `${oneDecimal.format(cell.value)} %` : `${oneDecimal.format(cell.value)}${unit ? ` ${unit}` : ''}`;
  return (
    <span>
      {text} <span class="form-hint">({cell.periods.join(', ')}{cell.missing.length > 0 ? `; mangler ${cell.missing.join(', ')}` : ''})</span>
    </span>
  );
}

export interface CohortFormValues {
  activity: string;
  measure: string;
  windows: string[];
  planYear: string;
}

export function CohortPage(props: {
  ctx: PageContext;
  activities: { slug: string; name: string }[];
  planYears: { label: string; start: string }[];
  values: CohortFormValues;
  view: CohortView | null;
  errors?: FieldError[];
}) {
  const { ctx, view, values, errors = [] } = props;
  const offsets: number[] = [];
  for (let o = -4; o <= 4; o++) if (o >= WINDOW_RANGE.min && o <= WINDOW_RANGE.max) offsets.push(o);
  const measure = view?.measure;
  const unit = measure?.scale.type === 'number' ? measure.scale.unit : '';
  const threshold = view?.result.threshold ?? 5;
  return (
    <Layout ctx={ctx} title={view ? `Kohorte: ${view.activity.name}, ${view.measure.name}` : 'Kohorter'} hasErrors={errors.length > 0}>
      <BackLink href="/udfald">Udfald</BackLink>
      <h1>Kohorter: før og efter deltagelse</h1>
      <p class="font-lead">
        Vælg en aktivitet og et udfaldsmål. Deltagerne følges i skolehalvår regnet fra det halvår, hvor hver af dem startede i aktiviteten, og
        sammenlignes med områderne og kommunen i de samme perioder.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/udfald/kohorter" class="d-print-none">
        <Select name="aktivitet" label="Aktivitet" value={values.activity} errors={errors} options={[{ value: '', label: 'Vælg en aktivitet' }, ...props.activities.map((a) => ({ value: a.slug, label: a.name }))]} />
        <Select name="maal" label="Udfaldsmål" value={values.measure} errors={errors} options={[{ value: '', label: 'Vælg et udfaldsmål' }, ...OUTCOME_MEASURES.map((m) => ({ value: m.key, label: m.name }))]} />
        <Checkboxes
          name="vinduer"
          legend="Vinduer (skolehalvår fra start)"
          errors={errors}
          checked={values.windows}
          options={offsets.map((o) => ({ value: String(o), label: windowLabel(o) }))}
        />
        <Select
          name="planaar"
          label="Deltagere, der startede i"
          value={values.planYear}
          errors={errors}
          options={[{ value: '', label: 'Hele planperioden' }, ...props.planYears.map((y) => ({ value: y.start.slice(0, 4), label: y.label }))]}
        />
        <button type="submit" class="button button-primary">
          Vis kohorte
        </button>
      </form>
      {view ? <CohortResultSection view={view} unit={unit} threshold={threshold} /> : null}
    </Layout>
  );
}

/** A window on the chart's time axis: the term that many terms from a fixed one, so that the windows are evenly spaced. */
const AXIS_ORIGIN = 2000 * 2;
const shortWindow = (offset: number) => (offset === 0 ? 'Start' : offset < 0 ? `${-offset} før` : `${offset} efter`);

/** The cohort and its comparisons for one statistic as a chart over the windows; null when there is nothing to draw. */
function cohortChart(view: CohortView, s: CohortStatistic, windows: readonly CohortWindow[], threshold: number): TrendChartProps | null {
  if (s.comparisons.length === 0 && !s.cohort.some((c) => c.shown)) return null;
  const point = (i: number, value: number | null, suppressed = false) => ({ label: shortWindow(windows[i]!.offset), start: termPeriod(AXIS_ORIGIN + windows[i]!.offset).start, value, suppressed });
  return {
    id: `kohorte-graf-${s.key}`,
    title: `${s.label}: ${view.activity.name} før og efter start`,
    description: 'Kohorten og sammenligningerne pr. vindue (skolehalvår fra start).',
    unit: s.kind === 'share' || (view.measure.scale.type === 'number' && view.measure.scale.unit === '%') ? 'percent' : 'average',
    smallNumberThreshold: threshold,
    series: [
      { label: 'Kohorten', emphasis: 'primary', points: s.cohort.map((c, i) => point(i, c.shown ? c.value : null, !c.shown && c.reason === 'small')) },
      ...s.comparisons.map((c) => ({ label: c.label, emphasis: 'comparison' as const, points: c.cells.map((cell, i) => point(i, cell.value)) })),
    ],
  };
}

function CohortResultSection({ view, unit, threshold }: { view: CohortView; unit: string; threshold: number }) {
  const r = view.result;
  // One chart, of the figure the plan compares with (the mean, or the first share with an indicator).
  const charted = r.statistics.find((s) => s.indicator !== null) ?? r.statistics[0];
  const chart = charted ? cohortChart(view, charted, r.windows, threshold) : null;
  return (
    <section aria-labelledby="kohorte-resultat">
      <h2 id="kohorte-resultat">
        {view.activity.name}: {view.measure.name.toLowerCase()}
      </h2>
      <Facts
        items={[
          { label: 'Deltagere i kohorten', value: countText(r.enrolled, threshold) },
          { label: 'Startede i', value: view.planYear?.label ?? 'hele planperioden' },
          { label: 'Måles pr.', value: PERIOD_KIND_LABELS[view.measure.periodKind] },
        ]}
      />
      <Alert variant="info" heading="Små tal" headingLevel={3}>
        <p>
          Antal fra 1 til {threshold - 1} vises som «&lt;{threshold}». Gennemsnit og andele, der bygger på færre end {threshold} personer, vises ikke («–»),
          og et tal skjules også, hvor det ellers kunne regnes ud fra de andre. Vælger du et planår, skjules et vindue, der kun adskiller sig fra hele
          kohorten med 1 til {threshold - 1} personer. Sammenligningen vises kun, hvor kohortens tal vises. En værdi hører til det skolehalvår, dens
          periode slutter i.
        </p>
      </Alert>
      {chart ? (
        <div class="helhed-dashboard-chart">
          <TrendChart {...chart} />
          <details class="helhed-chart-details">
            <summary>Tallene bag grafen</summary>
            <ChartDataTable {...chart} />
          </details>
        </div>
      ) : null}
      {r.distribution ? (
        <Table
          caption={`Fordeling pr. vindue: ${view.measure.name}`}
          headers={['Vindue', 'Personer med en måling', ...r.distribution.values.map((v) => v.label)]}
          rowHeaders
          numeric={[1, ...r.distribution.values.map((_, i) => i + 2)]}
          rows={r.windows.map((w, i) => [
            w.label,
            countText(w.n, threshold),
            ...r.distribution!.rows[i]!.counts.map((c, j) => {
              const share = r.distribution!.rows[i]!.shares[j] as ShareCell;
              return `${countText(c, threshold)}${share.shown ? ` (${oneDecimal.format(share.value * 100)} %)` : ''}`;
            }),
          ])}
        />
      ) : null}
      {r.statistics.map((s) => (
        <Table
          caption={`${s.label}${s.indicator ? `, sammenlignet med ${s.indicator}: ${view.indicatorNames[s.indicator] ?? ''}` : ''}`}
          headers={['Vindue', 'Personer med en måling', 'Kohorten', ...(s.comparisons.map((c) => c.label))]}
          rowHeaders
          numeric={[1, 2]}
          rows={r.windows.map((w, i) => [
            w.label,
            countText(w.n, threshold),
            figure(s.cohort[i]!, s.kind, unit),
            ...s.comparisons.map((c) => comparisonText(c.cells[i]!, s.kind, unit)),
          ])}
        />
      ))}
      {r.statistics.every((s) => s.indicator === null) ? <p>Planen har ingen indikator at sammenligne dette mål med.</p> : null}
    </section>
  );
}

// Journeys

export function JourneysPage(props: { ctx: PageContext; view: JourneyView }) {
  const { ctx, view } = props;
  const r = view.result;
  const t = r.threshold;
  const name = (slug: string) => view.activityNames[slug] ?? slug;
  const rowName = (key: string) => (key.startsWith('partner:') ? `Partner: ${r.flows.partnerNames[key] || 'ikke angivet'}` : name(key));
  const countRows = (rows: typeof r.participants) => rows.map((row) => [row.label, ...row.cells.map((c) => countText(c, t)), countText(row.total, t)]);
  const flows = r.flows;
  return (
    <Layout ctx={ctx} title="Deltagelse på tværs af aktiviteter">
      <BackLink href="/udfald">Udfald</BackLink>
      <h1>Deltagelse på tværs af aktiviteter</h1>
      <p class="font-lead">
        Hvor mange deltagere og familier der er med i mere end én aktivitet, hvilke aktiviteter der deler flest familier, og hvordan deltagerne henvises
        mellem aktiviteterne. Antal fra 1 til {t - 1} vises som «&lt;{t}», og «–» er skjult, så et lille tal ikke kan regnes ud.
      </p>
      <p>
        En familie er en husstand; en deltager uden husstand tæller som sin egen familie. Tilmeldinger på venteliste tæller ikke med. En deltager tæller i et
        planår, når en tilmelding ligger i det.
      </p>
      <h2>Deltagere efter antal aktiviteter</h2>
      <Table caption="Deltagere efter antal aktiviteter, de er med i" headers={['Periode', '1 aktivitet', '2 aktiviteter', '3 eller flere', 'I alt']} rowHeaders numeric={[1, 2, 3, 4]} rows={countRows(r.participants)} />
      <h2>Familier efter antal aktiviteter</h2>
      <Table caption="Familier efter antal aktiviteter, deres medlemmer er med i" headers={['Periode', '1 aktivitet', '2 aktiviteter', '3 eller flere', 'I alt']} rowHeaders numeric={[1, 2, 3, 4]} rows={countRows(r.families)} />
      <h2>Aktiviteter, der deler flest familier</h2>
      <Table
        caption={`Par af aktiviteter med fælles familier, ${view.whole.label.toLowerCase()}`}
        headers={['Aktivitet', 'Og aktivitet', 'Familier i begge']}
        numeric={[2]}
        emptyText={`Ingen par af aktiviteter deler ${t} familier eller flere.`}
        rows={r.pairs.slice(0, 20).map((p) => [name(p.a), name(p.b), formatNumber(p.families)])}
      />
      {r.pairsNotShown > 0 ? <p>{formatNumber(r.pairsNotShown)} par af aktiviteter deler færre end {t} familier og er ikke vist.</p> : null}
      <h2>Henvisninger</h2>
      <p>Tilmeldinger, hvor deltageren er henvist fra en anden aktivitet eller af en partner (rækker), til den aktivitet, de blev tilmeldt (kolonner).</p>
      {flows.from.length === 0 ? (
        <p>Der er endnu ingen tilmeldinger med en henvisning fra en aktivitet eller en partner.</p>
      ) : (
        <Table
          caption="Henvisninger fra (rækker) og til (kolonner)"
          headers={['Henvist fra', ...flows.to.map(name), 'I alt']}
          rowHeaders
          numeric={[...flows.to.map((_, i) => i + 1), flows.to.length + 1]}
          rows={flows.from.map((f, i) => [rowName(f), ...flows.table.cells[i]!.map((c) => countText(c, t)), countText(flows.table.rowTotals![i]!, t)])}
          footer={[['I alt', ...flows.table.columnTotals!.map((c) => countText(c, t)), countText(flows.table.grandTotal!, t)]]}
        />
      )}
    </Layout>
  );
}
