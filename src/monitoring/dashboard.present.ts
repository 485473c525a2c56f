/**
 * What the monitoring dashboards show, as plain data: for each value, status and baseline, what a given viewer may
 * see. Pure functions over the monitoring model, so that the board, the pages and their tests agree on one rule.
 *
 * The rule for viewers who see suppressed figures (everyone but monitorering and administrator, PRODUCT.md "Small
 * numbers"): a hidden value shows «<5» or «–», and nothing derived from it is shown either: not its status (a status
 * of «uændret» against a baseline of 1 would say the count is 1), not the rule text or the change (which name the
 * value), not its numerator or denominator, not its flags (whose messages name figures) or its note and explanation
 * (free text that may). A value flagged without an explanation is held back from every dashboard, for every viewer.
 */
import type { Baseline, BaselineScope, Indicator, IndicatorDirection, IndicatorUnit } from '../plan/content/types.js';
import type { ReferenceLine, TrendChartProps } from './charts/trend-chart.js';
import { completeness, expectedYears } from './completeness.js';
import type { PlanSnapshot } from '../plan/plan-snapshot.js';
import type { DataQualityCode } from './data-quality.js';
import type { IndicatorCatalogue, IndicatorSet } from './indicator-catalogue.js';
import { CRITERIA_SET } from './indicator-catalogue.js';
import type { MeasurementScope } from './measurement.js';
import { isHeldBack, type CellStatus, type MonitoringModel, type SeriesPoint } from './monitoring-model.js';
import { measurementScopes, SCOPE_LABELS, scopeLabel, type ScopeColumn } from './scopes.js';
import { formatIndicatorValue, pickBaseline, type Status } from './status.js';

/** What is said where a value waits for the monitoring unit (see isHeldBack). */
export const AWAITING_EXPLANATION = 'afventer forklaring fra monitoreringsenheden';

/** Flags by kind, in words that name no figure: what a viewer of suppressed figures is told. */
export const FLAG_LABELS: Record<DataQualityCode, string> = {
  'share-out-of-range': 'Andelen ligger uden for 0-100 %',
  'numerator-above-denominator': 'Tælleren er større end nævneren',
  'share-mismatch': 'Andelen passer ikke med tæller og nævner',
  'not-whole': 'Et antal er ikke et helt tal',
  'parts-exceed-total': 'Områderne tilsammen er større end totalen',
  'parts-differ-from-total': 'Områderne stemmer ikke med totalen',
  jump: 'Stort spring fra forrige periode',
};

/** A value as a viewer may see it. */
export type ShownValue =
  | { kind: 'value'; text: string; numerator: number | null; denominator: number | null; hiddenForOthers: string | null }
  | { kind: 'hidden'; text: string; why: string }
  | { kind: 'awaiting' }
  | { kind: 'none' };

const HIDDEN_WHY = {
  small: 'et lille antal',
  'small-base': 'tæller eller nævner er et lille tal',
  complementary: 'kan ellers regnes ud fra totalen',
} as const;

/** A point as the viewer may see it; `unsuppressed` for monitorering and administrator (see seesUnsuppressed). */
export function shownValue(unit: IndicatorUnit, point: SeriesPoint | null | undefined, unsuppressed: boolean): ShownValue {
  if (!point) return { kind: 'none' };
  if (isHeldBack(point)) return { kind: 'awaiting' };
  const d = point.disclosure;
  if (!d.shown && !unsuppressed) return { kind: 'hidden', text: d.text, why: HIDDEN_WHY[d.reason] };
  return { kind: 'value', text: formatIndicatorValue(unit, point.value), numerator: point.numerator, denominator: point.denominator, hiddenForOthers: d.shown ? null : d.text };
}

/** Whether the viewer sees this point's figure (and so what is derived from it). */
export function seesPoint(point: SeriesPoint | null, unsuppressed: boolean): boolean {
  return point === null || unsuppressed || point.disclosure.shown;
}

export interface ShownStatus {
  status: Status;
  rule: string;
  changeText: string;
  levelWithMunicipality: boolean | null;
  /** The status is withheld because a figure it rests on is hidden from the viewer. */
  withheld: boolean;
}

const WITHHELD_RULE = 'Status vises ikke, fordi værdien er skjult af hensyn til små tal: status og regel ville afsløre den.';

/** A cell's status as the viewer may see it: withheld (shown as «ukendt») where it rests on a hidden figure. */
export function shownStatus(cell: CellStatus, unsuppressed: boolean): ShownStatus {
  if (!seesPoint(cell.latest, unsuppressed) || !seesPoint(cell.municipality, unsuppressed)) {
    return { status: 'ukendt', rule: WITHHELD_RULE, changeText: '', levelWithMunicipality: null, withheld: true };
  }
  const s = cell.status;
  return { status: s.status, rule: s.rule, changeText: s.changeText, levelWithMunicipality: s.levelWithMunicipality, withheld: false };
}

/** A baseline as the plan prints it. */
export interface BaselineView {
  printed: string;
  period: string;
  source: string;
}

const baselineView = (b: Baseline | null): BaselineView | null => (b ? { printed: b.printed, period: b.period, source: b.source } : null);

/** One indicator for one scope: the latest value, its status and the plan's baseline. */
export interface CellView {
  scope: MeasurementScope;
  value: ShownValue;
  /** The latest value's period, source and load time (none without a latest value). */
  period: string | null;
  source: string | null;
  drawnOn: string | null;
  loadedAt: string | null;
  /** The period of a newer value that is held back, waiting for an explanation. */
  awaiting: string | null;
  status: ShownStatus;
  baseline: BaselineView | null;
  /** The municipality's value for the same period, and its baseline. */
  municipality: { value: ShownValue; period: string | null };
  municipalityBaseline: BaselineView | null;
}

export function cellView(model: MonitoringModel, unit: IndicatorUnit, code: string, scope: MeasurementScope, unsuppressed: boolean): CellView {
  const cell = model.status(code, scope);
  const latest = cell.latest;
  return {
    scope,
    value: shownValue(unit, latest, unsuppressed),
    period: latest?.label ?? null,
    source: latest?.source ?? null,
    drawnOn: latest?.drawnOn ?? null,
    loadedAt: latest?.loadedAt ?? null,
    awaiting: cell.heldBack?.label ?? null,
    status: shownStatus(cell, unsuppressed),
    baseline: baselineView(cell.baseline),
    municipality: { value: shownValue(unit, cell.municipality, unsuppressed), period: cell.municipality?.label ?? null },
    municipalityBaseline: baselineView(cell.municipalityBaseline),
  };
}

export interface IndicatorRow {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  cells: CellView[];
  /** The sources of the values shown in the row, each once, with the latest load time among them. */
  sources: string[];
  baselineSources: string[];
  lastLoaded: string | null;
  /** Values of the row (any period) held back for want of an explanation. */
  awaitingValues: number;
}

export interface GroupView {
  code: string;
  title: string;
  rows: IndicatorRow[];
}

export interface SetView {
  slug: string;
  name: string;
  /** Where the set is followed on its own page: an intervention area's dashboard; null for LBF's goals. */
  href: string | null;
  groups: GroupView[];
}

export interface StatusCounts {
  bedre: number;
  uændret: number;
  dårligere: number;
  ukendt: number;
  /** Of the «ukendt»: cells whose status is withheld because their value is hidden. */
  withheld: number;
  /** Values (any period) that wait for an explanation from the monitoring unit. */
  awaiting: number;
}

export interface BoardView {
  scopes: ScopeColumn[];
  sets: SetView[];
  counts: StatusCounts;
  /** When the newest of the plan's current values was loaded (ISO instant), or null without data. */
  lastLoaded: string | null;
}

const unique = (values: Iterable<string | null>) => [...new Set([...values].filter((v): v is string => v !== null))];

function rowOf(model: MonitoringModel, indicator: { code: string; name: string; unit: IndicatorUnit; direction: IndicatorDirection }, scopes: readonly ScopeColumn[], unsuppressed: boolean): IndicatorRow {
  const cells = scopes.map((s) => cellView(model, indicator.unit, indicator.code, s.scope, unsuppressed));
  let lastLoaded: string | null = null;
  for (const c of cells) if (c.loadedAt !== null && (lastLoaded === null || c.loadedAt > lastLoaded)) lastLoaded = c.loadedAt;
  let awaitingValues = 0;
  for (const s of scopes) for (const p of model.seriesFor(indicator.code, s.scope)?.points ?? []) if (isHeldBack(p)) awaitingValues++;
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    cells,
    sources: unique(cells.map((c) => c.source)),
    baselineSources: unique(cells.map((c) => c.baseline?.source ?? null)),
    lastLoaded,
    awaitingValues,
  };
}

/** The indicator sets the status dashboards follow: LBF's goals and each intervention area, not the state's criteria. */
export function statusSets(catalogue: IndicatorCatalogue): IndicatorSet[] {
  return catalogue.sets.filter((s) => s.slug !== CRITERIA_SET);
}

function setView(model: MonitoringModel, set: IndicatorSet, scopes: readonly ScopeColumn[], unsuppressed: boolean): SetView {
  return {
    slug: set.slug,
    name: set.name,
    href: set.slug === 'lbf' ? null : `/overvaagning/indsatsomraader/${set.slug}`,
    groups: set.groups.map((g) => ({ code: g.code, title: g.title, rows: g.indicators.map((i) => rowOf(model, i, scopes, unsuppressed)) })),
  };
}

/** Counts of the statuses of some cells, with the number of values waiting for an explanation. */
export function countCells(cells: Iterable<CellView>, awaiting: number): StatusCounts {
  const counts: StatusCounts = { bedre: 0, uændret: 0, dårligere: 0, ukendt: 0, withheld: 0, awaiting };
  for (const c of cells) {
    counts[c.status.status]++;
    if (c.status.withheld) counts.withheld++;
  }
  return counts;
}

/** Counts of the statuses in the sets' cells. */
export function countStatuses(sets: readonly SetView[]): StatusCounts {
  const rows = sets.flatMap((s) => s.groups.flatMap((g) => g.rows));
  return countCells(
    rows.flatMap((r) => r.cells),
    rows.reduce((n, r) => n + r.awaitingValues, 0),
  );
}

const lastLoadedCache = new WeakMap<MonitoringModel, string | null>();

/** When the newest current value was loaded, over the whole model (kept per model). */
export function lastLoadedOf(model: MonitoringModel): string | null {
  if (lastLoadedCache.has(model)) return lastLoadedCache.get(model)!;
  let last: string | null = null;
  for (const s of model.allSeries()) for (const p of s.points) if (last === null || p.loadedAt > last) last = p.loadedAt;
  lastLoadedCache.set(model, last);
  return last;
}

/** The board: every status set, each indicator against every scope, with counts. `only` narrows it to one set. */
export function boardView(view: { snapshot: PlanSnapshot; catalogue: IndicatorCatalogue; model: MonitoringModel }, unsuppressed: boolean, only?: IndicatorSet): BoardView {
  const scopes = measurementScopes(view.snapshot);
  const sets = (only ? [only] : statusSets(view.catalogue)).map((s) => setView(view.model, s, scopes, unsuppressed));
  return { scopes, sets, counts: countStatuses(sets), lastLoaded: lastLoadedOf(view.model) };
}

/** Where an indicator sits in the catalogue: its set and its goal or sub-goal. */
export function placeOf(catalogue: IndicatorCatalogue, code: string): { set: IndicatorSet; group: { code: string; title: string } } | null {
  for (const set of catalogue.sets) for (const g of set.groups) if (g.indicators.some((i) => i.code === code)) return { set, group: { code: g.code, title: g.title } };
  return null;
}

/** One area's page: each indicator of each status set for the area's scope. */
export interface AreaIndicatorView {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  cell: CellView;
  /** The plan's baseline for all seven areas, shown for context where the plan has none for the area itself. */
  areasBaseline: BaselineView | null;
}

export interface AreaSetView {
  slug: string;
  name: string;
  groups: { code: string; title: string; indicators: AreaIndicatorView[] }[];
}

/** One area against every status set, with the counts of its statuses. */
export function areaSets(view: { catalogue: IndicatorCatalogue; model: MonitoringModel }, areaSlug: string, unsuppressed: boolean): { sets: AreaSetView[]; counts: StatusCounts } {
  const scope = `area:${areaSlug}` as const;
  const cells: CellView[] = [];
  let awaiting = 0;
  const sets = statusSets(view.catalogue).map((set) => ({
    slug: set.slug,
    name: set.name,
    groups: set.groups.map((g) => ({
      code: g.code,
      title: g.title,
      indicators: g.indicators.map((i): AreaIndicatorView => {
        const cell = cellView(view.model, i.unit, i.code, scope, unsuppressed);
        cells.push(cell);
        for (const p of view.model.seriesFor(i.code, scope)?.points ?? []) if (isHeldBack(p)) awaiting++;
        return {
          code: i.code,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          cell,
          areasBaseline: cell.baseline ? null : baselineView(view.model.status(i.code, 'areas').baseline),
        };
      }),
    })),
  }));
  return { sets, counts: countCells(cells, awaiting) };
}

/** A value in the drill-down's table of every value. */
export interface ValueRowView {
  id: string;
  period: string;
  value: ShownValue;
  source: string;
  drawnOn: string;
  loadedAt: string;
  /** Note, flags and explanation; null where they are withheld with a hidden value. */
  note: string | null;
  flags: string[];
  explanation: string | null;
  detailsWithheld: boolean;
}

export interface ScopeValuesView {
  scope: string;
  label: string;
  areaSlug: string | null;
  rows: ValueRowView[];
}

/** Every value of an indicator per scope (the plan's scopes first, in their order; others after), newest first. */
export function valuesByScope(snapshot: PlanSnapshot, model: MonitoringModel, unit: IndicatorUnit, code: string, unsuppressed: boolean): ScopeValuesView[] {
  const ordered = measurementScopes(snapshot).map((s) => s.scope as string);
  const series = [...model.seriesOf(code)].sort((a, b) => rank(ordered, a.scope) - rank(ordered, b.scope) || a.scope.localeCompare(b.scope));
  return series.map((s) => ({
    scope: s.scope,
    label: scopeLabel(snapshot, s.scope),
    areaSlug: s.scope.startsWith('area:') ? s.scope.slice(5) : null,
    rows: [...s.points].reverse().map((p) => {
      const value = shownValue(unit, p, unsuppressed);
      const withheld = value.kind === 'hidden';
      // A flag's message names the figure; for a value held back it is said by kind only, for everyone.
      const fullFlags = unsuppressed && value.kind === 'value';
      return {
        id: p.id,
        period: p.label,
        value,
        source: p.source,
        drawnOn: p.drawnOn,
        loadedAt: p.loadedAt,
        note: withheld ? null : p.note,
        flags: withheld ? [] : p.flags.map((f) => (fullFlags ? f.message : FLAG_LABELS[f.code])),
        explanation: withheld ? null : p.explanation,
        detailsWithheld: withheld && (p.note !== null || p.flags.length > 0 || p.explanation !== null),
      };
    }),
  }));
}

function rank(ordered: readonly string[], scope: string): number {
  const i = ordered.indexOf(scope);
  return i < 0 ? ordered.length : i;
}

/** A chart's points for a viewer: a small count is drawn as hidden («<5»), any other hidden value as a gap. */
export function chartPoints(points: readonly SeriesPoint[], unsuppressed: boolean): { label: string; start: string; value: number | null; suppressed?: boolean }[] {
  const out: { label: string; start: string; value: number | null; suppressed?: boolean }[] = [];
  for (const p of points) {
    if (isHeldBack(p)) continue;
    const d = p.disclosure;
    if (d.shown || unsuppressed) out.push({ label: p.label, start: p.start, value: p.value });
    else if (d.reason === 'small') out.push({ label: p.label, start: p.start, value: null, suppressed: true });
    else out.push({ label: p.label, start: p.start, value: null });
  }
  return out;
}

/** The plan's indicator with its baselines, or null for an indicator the plan does not have (the state's criteria). */
export function planIndicator(catalogue: IndicatorCatalogue, code: string): Indicator | null {
  return catalogue.planIndicators.get(code) ?? null;
}

const loadedFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });
const loadedTexts = new Map<string, string>();

/**
 * When a value was loaded, in Danish («3. februar 2025 kl. 10.15»). A board shows the same few load times thousands
 * of times, and Intl formatting is slow, so results are kept.
 */
export function formatLoaded(iso: string): string {
  let text = loadedTexts.get(iso);
  if (text === undefined) {
    text = loadedFormat.format(new Date(iso));
    if (loadedTexts.size > 10_000) loadedTexts.clear();
    loadedTexts.set(iso, text);
  }
  return text;
}

// Charts -------------------------------------------------------------------------------------------------------------

/** A horizontal line for a plan's baseline, where the plan gives it as a number. */
function baselineLine(b: Baseline | null, whose: string): ReferenceLine | undefined {
  return b && b.value !== null ? { value: b.value, label: `Baseline, ${whose} (${b.period})` } : undefined;
}

interface ChartSeriesSpec {
  scope: string;
  label: string;
  emphasis?: 'primary' | 'comparison';
}

/** A trend chart of some of an indicator's scopes for the viewer, or null for an indicator that is not a number. */
export function trendChart(
  model: MonitoringModel,
  indicator: { code: string; name: string; unit: IndicatorUnit },
  series: readonly ChartSeriesSpec[],
  lines: { baseline?: ReferenceLine | undefined; municipalityBaseline?: ReferenceLine | undefined },
  id: string,
  unsuppressed: boolean,
  threshold?: number,
): TrendChartProps | null {
  if (indicator.unit === 'text') return null;
  const drawn = series.map((s) => ({
    label: s.label,
    ...(s.emphasis ? { emphasis: s.emphasis } : {}),
    points: chartPoints(model.seriesFor(indicator.code, s.scope)?.points ?? [], unsuppressed),
  }));
  // A series without figures would only add a legend entry; the first is kept, so that an empty chart still says so.
  const withFigures = drawn.filter((s, i) => i === 0 || s.points.length > 0);
  return {
    id,
    title: indicator.name,
    unit: indicator.unit,
    series: withFigures,
    ...(lines.baseline ? { baseline: lines.baseline } : {}),
    ...(lines.municipalityBaseline ? { municipalityBaseline: lines.municipalityBaseline } : {}),
    ...(threshold !== undefined ? { smallNumberThreshold: threshold } : {}),
  };
}

const hasPoints = (model: MonitoringModel, code: string, scope: string) => (model.seriesFor(code, scope)?.points.length ?? 0) > 0;

/**
 * The chart for an indicator on an intervention area's page: «Alle syv boligområder» against «Kommunen», or, where
 * there are no figures for all seven together, each area that has figures against «Kommunen».
 */
export function setChart(view: { snapshot: PlanSnapshot; catalogue: IndicatorCatalogue; model: MonitoringModel }, indicator: { code: string; name: string; unit: IndicatorUnit }, unsuppressed: boolean, threshold?: number): TrendChartProps | null {
  const { model } = view;
  const areas = measurementScopes(view.snapshot).filter((s) => s.areaSlug && hasPoints(model, indicator.code, s.scope));
  const primary: ChartSeriesSpec[] =
    hasPoints(model, indicator.code, 'areas') || areas.length === 0 ? [{ scope: 'areas', label: SCOPE_LABELS.areas, emphasis: 'primary' }] : areas.map((a) => ({ scope: a.scope, label: a.label }));
  const baselines = view.catalogue.planIndicators.get(indicator.code)?.baselines ?? [];
  return trendChart(
    model,
    indicator,
    [...primary, { scope: 'municipality', label: SCOPE_LABELS.municipality, emphasis: 'comparison' }],
    { baseline: baselineLine(pickBaseline(baselines, 'areas'), 'alle syv'), municipalityBaseline: baselineLine(pickBaseline(baselines, 'municipality'), 'kommunen') },
    `graf-${indicator.code}`,
    unsuppressed,
    threshold,
  );
}

/** The drill-down's charts: all seven against the municipality, and each area that has figures against it. */
export function indicatorCharts(view: { snapshot: PlanSnapshot; catalogue: IndicatorCatalogue; model: MonitoringModel }, indicator: { code: string; name: string; unit: IndicatorUnit }, unsuppressed: boolean, threshold?: number) {
  const { model } = view;
  const baselines = view.catalogue.planIndicators.get(indicator.code)?.baselines ?? [];
  const municipality: ChartSeriesSpec = { scope: 'municipality', label: SCOPE_LABELS.municipality, emphasis: 'comparison' };
  const municipalityBaseline = baselineLine(pickBaseline(baselines, 'municipality'), 'kommunen');
  const main = trendChart(
    model,
    indicator,
    [{ scope: 'areas', label: SCOPE_LABELS.areas, emphasis: 'primary' }, municipality],
    { baseline: baselineLine(pickBaseline(baselines, 'areas'), 'alle syv'), municipalityBaseline },
    `graf-${indicator.code}`,
    unsuppressed,
    threshold,
  );
  const areas = measurementScopes(view.snapshot)
    .filter((s) => s.areaSlug && hasPoints(model, indicator.code, s.scope))
    .flatMap((s) => {
      const chart = trendChart(
        model,
        indicator,
        [{ scope: s.scope, label: s.label, emphasis: 'primary' }, municipality],
        { baseline: baselineLine(pickBaseline(baselines, s.scope as BaselineScope), s.label), municipalityBaseline },
        `graf-${indicator.code}-${s.areaSlug}`,
        unsuppressed,
        threshold,
      );
      return chart ? [{ slug: s.areaSlug!, name: s.label, chart: { ...chart, title: `${indicator.name}: ${s.label}` } }] : [];
    });
  return { main, areas };
}

/** Which areas and years lack a value for the indicator: the years from the baseline year to last year. */
export function indicatorCompleteness(snapshot: PlanSnapshot, model: MonitoringModel, indicator: { code: string; name: string }, planStart: string, today: string) {
  const years = expectedYears(planStart, today);
  const scopes = measurementScopes(snapshot);
  const result = completeness({
    indicators: [indicator],
    scopes: scopes.map((s) => ({ scope: s.scope, label: s.label })),
    periods: years.map((y) => ({ start: y.start, label: y.label })),
    // A year counts as covered by any value in it: a month, a quarter or the year itself.
    has: (code, scope, start) => (model.seriesFor(code, scope)?.points ?? []).some((p) => p.start.slice(0, 4) === start.slice(0, 4)),
  });
  const only = result.indicators[0]!;
  const slugs = new Map(scopes.map((s) => [s.scope as string, s.areaSlug ?? null]));
  return {
    years: years.map((y) => y.label),
    missing: only.missing.map((m) => ({ label: m.label, areaSlug: slugs.get(m.scope) ?? null, periods: m.periods })),
    filled: only.filled,
    expected: only.expected,
  };
}
