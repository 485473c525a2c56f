/**
 * The monitoring dashboards: the board's overview of every indicator against every area, one area, one intervention
 * area, and one indicator's drill-down. What a viewer may see is decided in dashboard.present.ts; these templates
 * only show it. A status is always a word and a shape, never a colour alone (WCAG 1.4.1).
 */
import type { Baseline, IndicatorDirection, IndicatorUnit } from '../plan/content/types.js';
import { BaselinesTable } from '../plan/plan-parts.js';
import { DIRECTION_LABELS, UNIT_LABELS } from '../plan/plan.labels.js';
import { Facts } from '../web/components.js';
import { StatusChip, StatusRulesBox, ValueText } from './dashboard-parts.js';
import { Layout, type PageContext } from '../web/layout.js';
import { ChartDataTable, TrendChart, type TrendChartProps } from './charts/trend-chart.js';
import type { AreaCriteriaView } from './criteria.present.js';
import { AreaCriteriaSection } from './criteria.views.js';
import { danishDate } from './periods.js';
import { AWAITING_EXPLANATION, formatLoaded, type AreaSetView, type BaselineView, type BoardView, type CellView, type ScopeValuesView, type SetView, type ShownStatus, type ShownValue, type StatusCounts } from './dashboard.present.js';
import type { ScopeColumn } from './scopes.js';

const countText = (n: number | null) => (n === null ? '' : String(n));

function BaselineText({ baseline, withSource }: { baseline: BaselineView; withSource?: boolean }) {
  return (
    <>
      {baseline.printed} ({baseline.period}
      {withSource ? `, ${baseline.source}` : ''})
    </>
  );
}

/** One cell of the board: the latest value and its period, its status, and the plan's baseline. Kept lean: a board has thousands. */
function BoardCell({ cell }: { cell: CellView }) {
  return (
    <td>
      <ValueText value={cell.value} />
      {cell.period !== null && cell.value.kind !== 'none' ? ` (${cell.period})` : null}
      <StatusChip status={cell.status.status} />
      {cell.baseline ? (
        <small>
          Baseline {cell.baseline.printed} ({cell.baseline.period})
        </small>
      ) : null}
      {cell.awaiting !== null ? <small>{`Tal for ${cell.awaiting} ${AWAITING_EXPLANATION}`}</small> : null}
    </td>
  );
}

function ScopeHeader({ scope }: { scope: ScopeColumn }) {
  return <th scope="col">{scope.areaSlug ? <a href={`/overvaagning/omraader/${scope.areaSlug}`}>{scope.label}</a> : scope.label}</th>;
}

/** The sources and load time of a row's values, and its baselines' sources. */
function RowSources({ sources, baselineSources, lastLoaded }: { sources: string[]; baselineSources: string[]; lastLoaded: string | null }) {
  return (
    <>
      {sources.length > 0 ? <small>{`Kilde: ${sources.join('; ')}${lastLoaded ? `, indlæst ${formatLoaded(lastLoaded)}` : ''}`}</small> : null}
      {baselineSources.length > 0 ? <small>Baseline: {baselineSources.join('; ')}</small> : null}
    </>
  );
}

/** A goal's or sub-goal's indicators against every scope. */
function StatusTable({ caption, rows, scopes }: { caption: string; rows: SetView['groups'][number]['rows']; scopes: readonly ScopeColumn[] }) {
  return (
    <div class="table--responsive-scroll" tabIndex={0}>
      <table class="table table--compact helhed-board-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            {scopes.map((s) => (
              <ScopeHeader scope={s} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/overvaagning/indikatorer/${r.code}`}>{r.name}</a>
                <small>{`${r.code} · ${DIRECTION_LABELS[r.direction]}`}</small>
                <RowSources sources={r.sources} baselineSources={r.baselineSources} lastLoaded={r.lastLoaded} />
              </th>
              {r.cells.map((c) => (
                <BoardCell cell={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The counts of the statuses, the values waiting for an explanation, and when data were last loaded. */
export function StatusSummary({ counts, lastLoaded, headingLevel = 2 }: { counts: StatusCounts; lastLoaded: string | null; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section class="helhed-summary" aria-labelledby="status-overblik">
      <Heading id="status-overblik">Overblik</Heading>
      <ul class="helhed-status-summary nobullet-list">
        {(['bedre', 'uændret', 'dårligere', 'ukendt'] as const).map((s) => (
          <li>
            <StatusChip status={s} />: <strong>{counts[s]}</strong>
            {s === 'ukendt' && counts.withheld > 0 ? ` (heraf ${counts.withheld} skjult af hensyn til små tal)` : ''}
          </li>
        ))}
      </ul>
      <p>
        Tallene tæller indikatorer gange områder. {counts.awaiting === 0 ? 'Ingen værdier' : counts.awaiting === 1 ? '1 værdi' : `${counts.awaiting} værdier`} {AWAITING_EXPLANATION}.{' '}
        {lastLoaded ? (
          <>
            Data er senest indlæst <time dateTime={lastLoaded}>{formatLoaded(lastLoaded)}</time>.
          </>
        ) : (
          'Der er endnu ikke indlæst data; status er derfor ukendt, og tabellerne viser planens baselines.'
        )}
      </p>
    </section>
  );
}

/** The board's body (summary, how status is computed, and every set's tables), rendered once per model and viewer kind and kept. */
export function BoardBody({ board }: { board: BoardView }) {
  return (
    <>
      <StatusSummary counts={board.counts} lastLoaded={board.lastLoaded} />
      <ul class="helhed-inline-list d-print-none">
        <li>
          <a href="/overvaagning/kriterier">Statens kriterier for boligområderne</a>
        </li>
        <li>
          <a href="/overvaagning/kriterier#tidlig-varsling">Tidlig varsling</a>
        </li>
      </ul>
      <ExportLinks />
      <StatusRulesBox />
      <nav aria-label="Indikatorsæt" class="d-print-none">
        <ul class="helhed-inline-list">
          {board.sets.map((s) => (
            <li>
              <a href={`#saet-${s.slug}`}>{s.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {board.sets.map((set) => (
        <section id={`saet-${set.slug}`} class="helhed-board-set">
          <h2>{set.href ? <a href={set.href}>{set.name}</a> : set.name}</h2>
          {set.groups.map((g) => (
            <>
              <h3>{g.title}</h3>
              {g.rows.length === 0 ? <p>Planen knytter ingen indikator hertil.</p> : <StatusTable caption={`Status: ${g.title}`} rows={g.rows} scopes={board.scopes} />}
            </>
          ))}
        </section>
      ))}
    </>
  );
}

/** Links to the exports of all values, or of one set. */
function ExportLinks({ set }: { set?: string }) {
  const q = set ? `?saet=${encodeURIComponent(set)}` : '';
  return (
    <p class="d-print-none">
      Hent {set ? 'indikatorsættets' : 'alle'} målinger (små tal er skjult): <a href={`/overvaagning/eksport.csv${q}`}>CSV</a> ·{' '}
      <a href={`/overvaagning/eksport.xlsx${q}`}>Excel (XLSX)</a>
    </p>
  );
}

function SuppressionNote({ unsuppressed }: { unsuppressed: boolean }) {
  return unsuppressed ? (
    <p class="helhed-source">Du ser små tal, fordi du arbejder med data bag tallene. Andre ser «&lt;5» eller «–» i stedet, og eksporter skjuler dem altid.</p>
  ) : null;
}

/**
 * Where a page's kept body goes (see BoardPage). The body is HTML rendered by Preact beforehand, with every text
 * escaped, and kept per model, so that a page of thousands of cells is not rendered again on each request.
 */
export const BODY_MARK = '<!--helhed-body-->';

function KeptBody() {
  return <div dangerouslySetInnerHTML={{ __html: BODY_MARK }} />;
}

/** A page that is its kept body only, in the layout. */
export function KeptBodyPage({ ctx, title }: { ctx: PageContext; title: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <KeptBody />
    </Layout>
  );
}

/** The board's page around its body (BoardBody), which the route renders once per model and kind of viewer. */
export function BoardPage({ ctx, unsuppressed }: { ctx: PageContext; unsuppressed: boolean }) {
  return (
    <Layout ctx={ctx} title="Monitorering">
      <div class="helhed-board">
        <p class="helhed-kicker">Monitorering</p>
        <h1>Status for planens indikatorer</h1>
        <p class="font-lead">Hvor står hvert boligområde i forhold til planens baseline og kommunen, og går det den rigtige vej?</p>
        <SuppressionNote unsuppressed={unsuppressed} />
        <KeptBody />
      </div>
    </Layout>
  );
}

// One area -------------------------------------------------------------------------------------------------------------

function LevelText({ level }: { level: boolean | null }) {
  return <>{level === null ? 'Ukendt' : level ? 'Ja' : 'Nej'}</>;
}

/** A value with its period, source, date drawn and load time. */
function ValueWithSource({ value, period, source, drawnOn, loadedAt }: { value: ShownValue; period: string | null; source: string | null; drawnOn: string | null; loadedAt: string | null }) {
  return (
    <>
      <ValueText value={value} />
      {period !== null && value.kind !== 'none' ? <span class="helhed-cell-meta-inline"> ({period})</span> : null}
      {source ? (
        <span class="helhed-cell-meta">
          Kilde: {source}
          {drawnOn ? `, udtræk ${danishDate(drawnOn)}` : ''}
          {loadedAt ? `, indlæst ${formatLoaded(loadedAt)}` : ''}
        </span>
      ) : null}
    </>
  );
}

function RuleText({ status }: { status: ShownStatus }) {
  return (
    <>
      {status.rule}
      {status.changeText ? <span class="helhed-cell-meta">{status.changeText}.</span> : null}
    </>
  );
}

export interface AreaDashboardView {
  area: { slug: string; name: string };
  sets: AreaSetView[];
  counts: StatusCounts;
  lastLoaded: string | null;
  criteria: AreaCriteriaView;
  unsuppressed: boolean;
}

export function AreaDashboardPage({ ctx, view }: { ctx: PageContext; view: AreaDashboardView }) {
  const { area } = view;
  return (
    <Layout ctx={ctx} title={`Monitorering: ${area.name}`}>
      <p class="d-print-none">
        <a class="back-link" href="/overvaagning">
          Monitorering
        </a>
      </p>
      <p class="helhed-kicker">Monitorering af boligområdet</p>
      <h1>{area.name}</h1>
      <p class="d-print-none">
        <a href={`/omraader/${area.slug}`}>Området i planen</a>
      </p>
      <SuppressionNote unsuppressed={view.unsuppressed} />
      <StatusSummary counts={view.counts} lastLoaded={view.lastLoaded} />
      <StatusRulesBox />
      {view.sets.map((set) => (
        <section id={`saet-${set.slug}`}>
          <h2>{set.slug === 'lbf' ? set.name : <a href={`/overvaagning/indsatsomraader/${set.slug}`}>{set.name}</a>}</h2>
          {set.groups.map((g) => (
            <>
              <h3>{g.title}</h3>
              {g.indicators.length === 0 ? (
                <p>Planen knytter ingen indikator hertil.</p>
              ) : (
                <div class="table--responsive-scroll" tabIndex={0}>
                  <table class="table table--compact helhed-area-table">
                    <caption>{`${area.name}: ${g.title}`}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Indikator</th>
                        <th scope="col">Seneste værdi</th>
                        <th scope="col">Baseline (som i planen)</th>
                        <th scope="col">Status</th>
                        <th scope="col">Regel</th>
                        <th scope="col">Kommunen</th>
                        <th scope="col">På niveau med kommunen</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.indicators.map((i) => (
                        <tr>
                          <th scope="row">
                            <a href={`/overvaagning/indikatorer/${i.code}`}>{i.name}</a>
                            <span class="helhed-cell-meta">
                              {i.code} · {DIRECTION_LABELS[i.direction]}
                            </span>
                          </th>
                          <td>
                            <ValueWithSource value={i.cell.value} period={i.cell.period} source={i.cell.source} drawnOn={i.cell.drawnOn} loadedAt={i.cell.loadedAt} />
                            {i.cell.awaiting !== null ? <span class="helhed-cell-meta">{`Tal for ${i.cell.awaiting} ${AWAITING_EXPLANATION}`}</span> : null}
                          </td>
                          <td>
                            {i.cell.baseline ? (
                              <>
                                {i.cell.baseline.printed} ({i.cell.baseline.period})<span class="helhed-cell-meta">Kilde: {i.cell.baseline.source}</span>
                              </>
                            ) : (
                              <>
                                Ingen baseline for området i planen
                                {i.areasBaseline ? (
                                  <span class="helhed-cell-meta">
                                    Alle syv boligområder: <BaselineText baseline={i.areasBaseline} withSource />
                                  </span>
                                ) : null}
                              </>
                            )}
                          </td>
                          <td>
                            <StatusChip status={i.cell.status.status} />
                          </td>
                          <td class="helhed-rule">
                            <RuleText status={i.cell.status} />
                          </td>
                          <td>
                            <ValueText value={i.cell.municipality.value} />
                            {i.cell.municipality.period !== null && i.cell.municipality.value.kind !== 'none' ? <span class="helhed-cell-meta-inline"> ({i.cell.municipality.period})</span> : null}
                            {i.cell.municipalityBaseline ? (
                              <span class="helhed-cell-meta">
                                Baseline <BaselineText baseline={i.cell.municipalityBaseline} withSource />
                              </span>
                            ) : null}
                          </td>
                          <td>
                            <LevelText level={i.cell.status.levelWithMunicipality} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          ))}
        </section>
      ))}
      <AreaCriteriaSection view={view.criteria} headingLevel={2} />
    </Layout>
  );
}

// One intervention area -------------------------------------------------------------------------------------------------

export interface IndicatorChart {
  code: string;
  name: string;
  chart: TrendChartProps | null;
}

export interface InterventionAreaDashboardView {
  board: BoardView;
  charts: ReadonlyMap<string, IndicatorChart>;
  unsuppressed: boolean;
}

/** A chart with its figures as a table in a <details>, or a note where the indicator has no chart. */
export function ChartWithTable({ chart }: { chart: TrendChartProps | null }) {
  if (!chart) return <p>Indikatoren er ikke et tal og vises derfor ikke som graf.</p>;
  return (
    <div class="helhed-dashboard-chart">
      <TrendChart {...chart} />
      <details class="helhed-chart-details">
        <summary>Tallene bag grafen</summary>
        <ChartDataTable {...chart} />
      </details>
    </div>
  );
}

/** An intervention area's page around its body (InterventionAreaBody), which the route renders once per model and kind of viewer. */
export function InterventionAreaDashboardPage({ ctx, set, unsuppressed }: { ctx: PageContext; set: { slug: string; name: string }; unsuppressed: boolean }) {
  return (
    <Layout ctx={ctx} title={`Monitorering: ${set.name}`}>
      <p class="d-print-none">
        <a class="back-link" href="/overvaagning">
          Monitorering
        </a>
      </p>
      <p class="helhed-kicker">Monitorering af indsatsområdet</p>
      <h1>{set.name}</h1>
      <p class="d-print-none">
        <a href={`/indsatsomraader/${set.slug}`}>Indsatsområdet i planen</a>
      </p>
      <SuppressionNote unsuppressed={unsuppressed} />
      <KeptBody />
    </Layout>
  );
}

/** An intervention area's sub-goals: its indicators against every scope, and a trend chart per indicator. */
export function InterventionAreaBody({ view }: { view: InterventionAreaDashboardView }) {
  const set = view.board.sets[0]!;
  return (
    <>
      <StatusSummary counts={view.board.counts} lastLoaded={view.board.lastLoaded} />
      <ExportLinks set={set.slug} />
      <StatusRulesBox />
      {set.groups.map((g) => (
        <section id={`delmaal-${g.code}`} class="helhed-board-set">
          <h2>{g.title}</h2>
          {g.rows.length === 0 ? (
            <p>Planen knytter ingen indikator til delmålet.</p>
          ) : (
            <>
              <StatusTable caption={`Status: ${g.title}`} rows={g.rows} scopes={view.board.scopes} />
              {g.rows.map((r) => (
                <div class="helhed-indicator-chart">
                  <h3>
                    Udvikling: <a href={`/overvaagning/indikatorer/${r.code}`}>{r.name}</a>
                  </h3>
                  <ChartWithTable chart={view.charts.get(r.code)?.chart ?? null} />
                </div>
              ))}
            </>
          )}
        </section>
      ))}
    </>
  );
}

// One indicator -----------------------------------------------------------------------------------------------------------

export interface IndicatorDashboardView {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  dataSource: string;
  /** The set and the goal or sub-goal it follows. */
  place: { setSlug: string; setName: string; groupTitle: string } | null;
  /** The plan's own indicator page exists (not for the state's criteria). */
  inPlan: boolean;
  baselines: readonly Baseline[];
  areaNames: ReadonlyMap<string, string>;
  mainChart: TrendChartProps | null;
  areaCharts: { slug: string; name: string; chart: TrendChartProps }[];
  statuses: { label: string; areaSlug: string | null; cell: CellView }[];
  values: ScopeValuesView[];
  completeness: { years: string[]; missing: { label: string; areaSlug: string | null; periods: string[] }[]; filled: number; expected: number };
  unsuppressed: boolean;
  /** The viewer may correct and explain values (a link to each value's page). */
  mayCorrect: boolean;
}

function ValuesTable({ scope, mayCorrect }: { scope: ScopeValuesView; mayCorrect: boolean }) {
  return (
    <div class="table--responsive-scroll" tabIndex={0}>
      <table class="table table--compact table--zebra">
        <caption>{`Alle værdier: ${scope.label}`}</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col" class="align-text-right">
              Værdi
            </th>
            <th scope="col" class="align-text-right">
              Tæller
            </th>
            <th scope="col" class="align-text-right">
              Nævner
            </th>
            <th scope="col">Kilde</th>
            <th scope="col">Dataudtræk</th>
            <th scope="col">Indlæst</th>
            <th scope="col">Note</th>
            <th scope="col">Markeringer og forklaring</th>
          </tr>
        </thead>
        <tbody>
          {scope.rows.map((r) => (
            <tr>
              <th scope="row">
                {mayCorrect ? <a href={`/overvaagning/maalinger/${r.id}`}>{r.period}</a> : r.period}
              </th>
              <td class="align-text-right">
                <ValueText value={r.value} />
              </td>
              <td class="align-text-right">{r.value.kind === 'value' ? countText(r.value.numerator) : ''}</td>
              <td class="align-text-right">{r.value.kind === 'value' ? countText(r.value.denominator) : ''}</td>
              <td>{r.source}</td>
              <td class="helhed-nowrap">{danishDate(r.drawnOn)}</td>
              <td>
                <time dateTime={r.loadedAt}>{formatLoaded(r.loadedAt)}</time>
              </td>
              <td>{r.note ?? ''}</td>
              <td>
                {r.detailsWithheld ? 'Skjult sammen med værdien' : null}
                {r.flags.length > 0 ? (
                  <ul class="nobullet-list">
                    {r.flags.map((f) => (
                      <li>Markeret: {f}</li>
                    ))}
                  </ul>
                ) : null}
                {r.explanation ? <span class="helhed-cell-meta">Forklaring: {r.explanation}</span> : null}
                {r.value.kind === 'awaiting' ? <span class="helhed-cell-meta">Værdien {AWAITING_EXPLANATION}.</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An indicator's drill-down, without the layout (see KeptBodyPage): the route keeps the most recently asked. */
export function IndicatorDashboardBody({ view }: { view: IndicatorDashboardView }) {
  const back = view.place && view.place.setSlug !== 'lbf' && view.place.setSlug !== 'kriterier' ? `/overvaagning/indsatsomraader/${view.place.setSlug}` : '/overvaagning';
  return (
    <>
      <p class="d-print-none">
        <a class="back-link" href={back}>
          {back === '/overvaagning' ? 'Monitorering' : view.place!.setName}
        </a>
      </p>
      <p class="helhed-kicker">Indikator {view.code}</p>
      <h1>{view.name}</h1>
      <SuppressionNote unsuppressed={view.unsuppressed} />
      <Facts
        items={[
          { label: view.place?.setSlug === 'lbf' ? 'Overordnet mål' : 'Delmål', value: view.place ? `${view.place.groupTitle} (${view.place.setName})` : null },
          { label: 'Enhed', value: UNIT_LABELS[view.unit] },
          { label: 'Ønsket retning', value: DIRECTION_LABELS[view.direction] },
          { label: 'Datakilde', value: view.dataSource },
          { label: 'I planen', value: view.inPlan ? <a href={`/indikatorer/${view.code}`}>Indikatoren i planen</a> : null },
        ]}
      />
      <nav aria-label="Sidens dele" class="d-print-none">
        <ul class="helhed-inline-list">
          <li>
            <a href="#udvikling">Udvikling</a>
          </li>
          <li>
            <a href="#status">Status pr. område</a>
          </li>
          <li>
            <a href="#baselines">Planens baselines</a>
          </li>
          <li>
            <a href="#vaerdier">Alle værdier</a>
          </li>
          <li>
            <a href="#datadaekning">Datadækning</a>
          </li>
        </ul>
      </nav>
      <ExportIndicatorLinks code={view.code} />

      <section id="udvikling">
        <h2>Udvikling</h2>
        <p>Alle syv boligområder mod kommunen, med planens baselines som vandrette linjer.</p>
        <ChartWithTable chart={view.mainChart} />
        {view.areaCharts.length > 0 ? (
          <>
            <h3>Boligområderne hver for sig</h3>
            {view.areaCharts.map((a) => (
              <div class="helhed-indicator-chart">
                <h4>
                  <a href={`/overvaagning/omraader/${a.slug}`}>{a.name}</a>
                </h4>
                <ChartWithTable chart={a.chart} />
              </div>
            ))}
          </>
        ) : null}
      </section>

      <section id="status">
        <h2>Status pr. område</h2>
        <StatusRulesBox headingLevel={3} />
        <div class="table--responsive-scroll" tabIndex={0}>
          <table class="table table--compact">
            <caption>{`Status: ${view.name}`}</caption>
            <thead>
              <tr>
                <th scope="col">Område</th>
                <th scope="col">Seneste værdi</th>
                <th scope="col">Baseline (som i planen)</th>
                <th scope="col">Status</th>
                <th scope="col">Regel</th>
                <th scope="col">På niveau med kommunen</th>
              </tr>
            </thead>
            <tbody>
              {view.statuses.map(({ label, areaSlug, cell }) => (
                <tr>
                  <th scope="row">{areaSlug ? <a href={`/overvaagning/omraader/${areaSlug}`}>{label}</a> : label}</th>
                  <td>
                    <ValueWithSource value={cell.value} period={cell.period} source={cell.source} drawnOn={cell.drawnOn} loadedAt={cell.loadedAt} />
                    {cell.awaiting !== null ? <span class="helhed-cell-meta">{`Tal for ${cell.awaiting} ${AWAITING_EXPLANATION}`}</span> : null}
                  </td>
                  <td>
                    {cell.baseline ? (
                      <>
                        {cell.baseline.printed} ({cell.baseline.period})<span class="helhed-cell-meta">Kilde: {cell.baseline.source}</span>
                      </>
                    ) : (
                      'Ingen baseline i planen'
                    )}
                  </td>
                  <td>
                    <StatusChip status={cell.status.status} />
                  </td>
                  <td class="helhed-rule">
                    <RuleText status={cell.status} />
                  </td>
                  <td>
                    <LevelText level={cell.status.levelWithMunicipality} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="baselines">
        <h2>Planens baselines</h2>
        {view.inPlan ? (
          <>
            <p>Udgangspunktet, som planens tabeller angiver det, med periode og kilde for hvert tal.</p>
            <BaselinesTable caption={`Baselines: ${view.name}`} baselines={view.baselines} areaNames={view.areaNames} headingLevel={3} />
          </>
        ) : (
          <p>Indikatoren er en af statens kriterier og har ingen baseline i planen.</p>
        )}
      </section>

      <section id="vaerdier">
        <h2>Alle værdier</h2>
        {view.values.length === 0 ? (
          <p>Der er endnu ikke indlæst værdier for indikatoren.</p>
        ) : (
          view.values.map((scope) => (
            <>
              <h3>{scope.areaSlug ? <a href={`/overvaagning/omraader/${scope.areaSlug}`}>{scope.label}</a> : scope.label}</h3>
              <ValuesTable scope={scope} mayCorrect={view.mayCorrect} />
            </>
          ))
        )}
      </section>

      <section id="datadaekning">
        <h2>Datadækning</h2>
        <CompletenessText completeness={view.completeness} />
      </section>
    </>
  );
}

function ExportIndicatorLinks({ code }: { code: string }) {
  const q = `?indikator=${encodeURIComponent(code)}`;
  return (
    <p class="d-print-none">
      Hent indikatorens målinger (små tal er skjult): <a href={`/overvaagning/eksport.csv${q}`}>CSV</a> · <a href={`/overvaagning/eksport.xlsx${q}`}>Excel (XLSX)</a>
    </p>
  );
}

function CompletenessText({ completeness }: { completeness: IndicatorDashboardView['completeness'] }) {
  const { years, missing, filled, expected } = completeness;
  const yearsText = years.length === 1 ? `året ${years[0]}` : `årene ${years.join(', ')}`;
  return (
    <>
      <p>
        Der ventes en værdi for hvert område, alle syv samlet og kommunen for {yearsText}. Der er værdier for {filled} af {expected}.
      </p>
      {missing.length === 0 ? (
        <p>Ingen områder mangler data.</p>
      ) : (
        <div class="table--responsive-scroll" tabIndex={0}>
          <table class="table table--compact">
            <caption>Områder og år uden data</caption>
            <thead>
              <tr>
                <th scope="col">Område</th>
                <th scope="col">Mangler data for</th>
              </tr>
            </thead>
            <tbody>
              {missing.map((m) => (
                <tr>
                  <th scope="row">{m.areaSlug ? <a href={`/overvaagning/omraader/${m.areaSlug}`}>{m.label}</a> : m.label}</th>
                  <td>{m.periods.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

