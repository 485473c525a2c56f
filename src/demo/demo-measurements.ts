/**
 * Synthetic measurements for the demo switch (HELHED_DEMO_DATA=1): a few years of plausible values for every numeric
 * indicator of the plan and for the state's criteria, for each area, all seven together and the municipality,
 * written as the CSV file a monitoring unit would import, so that demo data pass through the same rules as real data.
 *
 * Pure and deterministic (a seeded generator per indicator and scope, never Math.random): the same plan gives the same
 * values, so a second import of the file finds nothing new. Every figure is invented and says nothing about the real
 * areas, except that it starts near the plan's own baselines and that the criteria figures match what the plan says
 * of which areas are on the state's list.
 */
import type { AreaContent, Baseline, IndicatorDirection, IndicatorUnit } from '../plan/content/types.js';
import { MIN_RESIDENTS } from '../monitoring/area-criteria.js';
import { CRITERIA_INDICATORS, type IndicatorCatalogue } from '../monitoring/indicator-catalogue.js';
import { allAreasLabel } from '../monitoring/import/measurement-rows.js';
import type { MeasurementScope, Period } from '../monitoring/measurement.js';
import { calendarYearPeriod, danishDate, dateRangePeriod, halfYearPeriod, schoolYearPeriod } from '../monitoring/periods.js';
import { latestYearIn, pickBaseline } from '../monitoring/status.js';

/** The years the demo data cover: the year before the plan and its first years. */
export const DEMO_YEARS: readonly number[] = [2022, 2023, 2024, 2025];
/** The name the demo file is imported under (and found by again on the next start). */
export const DEMO_FILE_NAME = 'demodata-maalinger.csv';
export const DEMO_NOTE = 'Demodata';
/** The note on the values that jump on purpose, so that the data-quality page has something to show. */
export const DELIBERATE_JUMP_NOTE = 'Demodata: bevidst spring, så siden om datakvalitet har noget at vise';
export const MUNICIPALITY_LABEL = 'Randers Kommune';
export const DEMO_HEADER = 'indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note';

/** What the generator needs of an area: the plan's figures for it. */
export type DemoArea = Pick<AreaContent, 'slug' | 'name' | 'residents' | 'tenancies' | 'figuresAsOf' | 'stateCriteria'>;

/** What the generator needs of an indicator: the catalogue's definition and, for the plan's own, its baselines. */
export interface DemoIndicator {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  dataSource: string;
  targetGroup?: string | undefined;
  baselines: readonly Baseline[];
}

export interface DemoInputs {
  areas: readonly DemoArea[];
  indicators: readonly DemoIndicator[];
}

/** One row of the demo file. */
export interface DemoRow {
  indicator: string;
  scope: MeasurementScope;
  /** How the file names the scope: the area's name, «Alle syv boligområder» or «Randers Kommune». */
  scopeLabel: string;
  period: Period;
  /** How the file writes the period, e.g. `2024`, `2023/24`, `1. halvår 2024`, `1. januar 2024`. */
  periodText: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  /** ISO date. */
  drawnOn: string;
  note: string;
}

/** The generator's inputs from an indicator catalogue and the plan's areas. */
export function demoInputs(catalogue: Pick<IndicatorCatalogue, 'definitions' | 'planIndicators'>, areas: readonly DemoArea[]): DemoInputs {
  return {
    areas,
    indicators: [...catalogue.definitions.values()].map((d) => {
      const planned = catalogue.planIndicators.get(d.code);
      return { code: d.code, name: d.name, unit: d.unit, direction: d.direction, dataSource: d.dataSource, targetGroup: planned?.targetGroup, baselines: planned?.baselines ?? [] };
    }),
  };
}

/**
 * The demo rows for a plan: every numeric indicator × each area, all areas together and the municipality × the
 * periods of DEMO_YEARS. A row whose data could not have been drawn by `today` (ISO date) is left out, as the import
 * would refuse it; the values of the others do not depend on `today`.
 */
export function demoMeasurementRows(inputs: DemoInputs, options: { today: string }): DemoRow[] {
  const rows: DemoRow[] = [];
  const criteriaCodes = new Set<string>(Object.values(CRITERIA_INDICATORS).map((c) => c.code));
  for (const indicator of inputs.indicators) {
    if (indicator.unit === 'text' || criteriaCodes.has(indicator.code)) continue;
    rows.push(...planIndicatorRows(indicator, inputs.areas));
  }
  const criteria = inputs.indicators.filter((i) => criteriaCodes.has(i.code));
  if (criteria.length > 0) rows.push(...criteriaRows(criteria, inputs.areas));
  return rows.filter((r) => r.drawnOn <= options.today);
}

/** The rows as the semicolon-separated CSV with decimal commas and Danish dates that the import reads. */
export function demoMeasurementsCsv(rows: readonly DemoRow[]): string {
  const lines = [DEMO_HEADER];
  for (const r of rows) {
    lines.push(
      [r.indicator, r.scopeLabel, r.periodText, decimal(r.value), r.numerator === null ? '' : String(r.numerator), r.denominator === null ? '' : String(r.denominator), r.source, danishDate(r.drawnOn), r.note]
        .map(csvCell)
        .join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const decimal = (x: number) => String(x).replace('.', ',');
const csvCell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

// Randomness ---------------------------------------------------------------------------------------------------------

const SEED = 'helhed-demo-2025';

/** FNV-1a: a 32-bit seed from text, so that each indicator and scope has its own stream, unaffected by the others. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type Random = (min: number, max: number) => number;

/** Mulberry32: small, fast and good enough for invented figures; uniform between min and max. */
function randomFor(...key: string[]): Random {
  let state = hash([SEED, ...key].join('|'));
  return (min, max) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return min + (((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min);
  };
}

// Periods ------------------------------------------------------------------------------------------------------------

type PeriodShape = 'calendar-year' | 'school-year' | 'half-year';

/** When a figure for a period is drawn: some weeks after the period ends, as registers lag. */
const DRAWN_AFTER_DAYS = 75;

function drawnOn(period: Period): string {
  const d = new Date(`${period.end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + DRAWN_AFTER_DAYS);
  return d.toISOString().slice(0, 10);
}

function periodsOf(shape: PeriodShape): Period[] {
  if (shape === 'school-year') return DEMO_YEARS.map((y) => schoolYearPeriod(y));
  if (shape === 'half-year') return DEMO_YEARS.flatMap((y) => [halfYearPeriod(y, 1), halfYearPeriod(y, 2)]);
  return DEMO_YEARS.map((y) => calendarYearPeriod(y));
}

/** The period a baseline's free-text period points at: the first that starts in its latest year, within the demo's years. */
function anchorIndex(periods: readonly Period[], baseline: Pick<Baseline, 'period'> | null): number {
  const year = Math.min(Math.max(baseline ? latestYearIn(baseline.period) : ANCHOR_YEAR, DEMO_YEARS[0]!), DEMO_YEARS[DEMO_YEARS.length - 1]!);
  const index = periods.findIndex((p) => Number(p.start.slice(0, 4)) === year);
  return index < 0 ? 0 : index;
}

/** The year a series without a baseline is built around: the plan's baseline year. */
const ANCHOR_YEAR = 2023;

// Shapes of the plan's indicators ---------------------------------------------------------------------------------

/** What a share is a share of: residents of an age (a fraction of the area's residents) or tenancies. */
type Basis = { of: 'residents' | 'tenancies'; fraction: number };

interface Shape {
  periods: PeriodShape;
  /** For a share, what its denominator counts; null for a share that has no persons behind it. */
  basis: Basis | null;
}

// The areas are young: about 1.25 % of the residents per year of age up to 65 (the rest older) is near enough for a demo.
const PER_YEAR_OF_AGE = 0.0125;
const ages = (from: number, to: number): Basis => ({ of: 'residents', fraction: (to - from + 1) * PER_YEAR_OF_AGE });
/** The trivsels- og tryghedsmåling reaches about one resident in five. */
const SURVEY: Basis = { of: 'residents', fraction: 0.2 };
const ADULTS = ages(18, 75);

/**
 * Where the plan's indicators need another shape than a calendar year with a share of residents of the ages their
 * target group names. By the plan's codes; an indicator not listed gets the general rules.
 */
const SHAPES: Record<string, Shape> = {
  // Absence is counted in school days, not persons, and reported per school year.
  'udd-2a': { periods: 'school-year', basis: null },
  // Pupils in 0.-10. klasse are about 6-16 years old.
  'udd-2b': { periods: 'school-year', basis: ages(6, 16) },
  // One year's school leavers.
  'udd-3a': { periods: 'calendar-year', basis: ages(16, 16) },
  'udd-3b': { periods: 'calendar-year', basis: ages(16, 16) },
  // The jobcentre's figures are drawn continuously, so the demo shows half-years for them; of the 16-64-year-olds.
  'besk-1': { periods: 'half-year', basis: ages(16, 64) },
  'besk-2': { periods: 'half-year', basis: ages(16, 64) },
  'lbf-3b': { periods: 'calendar-year', basis: SURVEY },
  'lbf-4a': { periods: 'calendar-year', basis: SURVEY },
  // Moves out per tenancy.
  'sam-3': { periods: 'calendar-year', basis: { of: 'tenancies', fraction: 1 } },
};

const AGE_RANGE = /(\d{1,2}) ?- ?(\d{1,2})[- ](?:årige|år)/;

function shapeOf(indicator: DemoIndicator): Shape {
  const listed = SHAPES[indicator.code];
  if (listed) return listed;
  const match = AGE_RANGE.exec(indicator.targetGroup ?? '') ?? AGE_RANGE.exec(indicator.name);
  return { periods: 'calendar-year', basis: match ? ages(Number(match[1]), Number(match[2])) : ADULTS };
}

/**
 * Changes that cross the data-quality page's jump limits on purpose (one share, one count), so that the page has
 * something to show; every other change stays well under the limits (shares under 10 procentpoint, others under 50 %).
 */
const DELIBERATE_JUMPS: readonly { code: string; area: string; year: number; points?: number; factor?: number }[] = [
  { code: 'lbf-3b', area: 'vangdalen', year: 2025, points: 14 },
  { code: 'sam-1', area: 'glarbjergvej-omraadet', year: 2024, factor: 1.8 },
];

/** The largest change of a share from one period to the next outside the deliberate jumps, in procentpoint. */
const MAX_SHARE_STEP = 9;

// Municipality figures where the plan gives none (synthetic, near Randers Kommune's size).
const MUNICIPALITY = { residents: 99_000, tenancies: 46_000 };
const MUNICIPALITY_STEADINESS = 0.4;
// A municipal count compared with the seven areas' total: the areas hold about a tenth of the residents, but more of the events.
const MUNICIPALITY_COUNT_FACTOR = 3;

// Values ---------------------------------------------------------------------------------------------------------

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const decimalsOf = (unit: IndicatorUnit) => (unit === 'count' ? 0 : unit === 'rate' ? 2 : 1);

/** +1 when better is up, -1 when down, and towards the municipality for indicators that should be on a level with it. */
function improvement(direction: IndicatorDirection, value: number, municipality: number): number {
  if (direction === 'higher-is-better') return 1;
  if (direction === 'lower-is-better') return -1;
  return Math.sign(municipality - value);
}

/**
 * A series from its value at `anchor`, walked forwards and backwards a step at a time: a slight improvement each
 * year (the plan at work) and noise, bounded so that no step comes near a jump. `scale` shortens steps for half-years.
 */
function walk(unit: IndicatorUnit, start: number, anchor: number, length: number, trend: number, scale: number, random: Random): number[] {
  const values = new Array<number>(length);
  values[anchor] = start;
  const step = (v: number, forwards: boolean): number => {
    const sign = forwards ? 1 : -1;
    switch (unit) {
      case 'percent': {
        // Small shares (such as 0.9 % charged) move in proportion, or a few years' drift would take them to 0.
        const drift = Math.min(0.6, 0.05 * v, 0.05 * (100 - v));
        const noise = Math.min(2.5, 0.15 * v + 0.2, 0.15 * (100 - v) + 0.2);
        return clamp(v + sign * trend * drift * scale + random(-noise, noise) * scale, 0, 100);
      }
      case 'count': {
        if (v === 0) return 0;
        const next = Math.round(v * (1 + sign * trend * 0.03 * scale + random(-0.2, 0.2) * scale));
        // From v to next (forwards) or from next to v (backwards), the change must stay within half the earlier value.
        return forwards ? clamp(next, Math.ceil(v * 0.5), Math.floor(v * 1.5)) : clamp(next, Math.ceil(v / 1.5), Math.floor(v * 2));
      }
      default:
        return Math.max(0, v * (1 + sign * trend * 0.015 * scale + random(-0.05, 0.05) * scale));
    }
  };
  for (let i = anchor + 1; i < length; i++) values[i] = step(values[i - 1]!, true);
  for (let i = anchor - 1; i >= 0; i--) values[i] = step(values[i + 1]!, false);
  return values;
}

interface Point {
  value: number;
  numerator: number | null;
  denominator: number | null;
  deliberate: boolean;
}

/**
 * A share's numerators from its targets and denominators, so that value = 100 · numerator / denominator to one
 * decimal. Where a small denominator would make a step too large (20 points for one person of five), the numerator is
 * moved towards the previous value, or the previous period's figures are kept.
 */
function realiseShare(targets: readonly number[], denominators: readonly number[], deliberate: readonly boolean[]): Point[] {
  const points: Point[] = [];
  targets.forEach((target, i) => {
    let denominator = denominators[i]!;
    let numerator = clamp(Math.round((target * denominator) / 100), 0, denominator);
    const previous = points[i - 1];
    if (previous && !deliberate[i]) {
      const low = Math.max(0, Math.ceil(((previous.value - MAX_SHARE_STEP) * denominator) / 100));
      const high = Math.min(denominator, Math.floor(((previous.value + MAX_SHARE_STEP) * denominator) / 100));
      if (low <= high) numerator = clamp(numerator, low, high);
      else {
        numerator = previous.numerator!;
        denominator = previous.denominator!;
      }
    }
    points.push({ value: round((100 * numerator) / denominator, 1), numerator, denominator, deliberate: deliberate[i]! });
  });
  return points;
}

/** Splits a total over the areas in proportion to their residents, whole numbers adding up to the total. */
function splitByResidents(total: number, areas: readonly DemoArea[]): number[] {
  const weights = areas.map(residentsOf);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; k < total - parts.reduce((a, b) => a + b, 0); k++) parts[order[k % order.length]!.i]! += 1;
  return parts;
}

const DEFAULT_RESIDENTS = 800;
const residentsOf = (area: DemoArea) => area.residents ?? DEFAULT_RESIDENTS;
const tenanciesOf = (area: DemoArea) => area.tenancies ?? Math.round(residentsOf(area) / 2);

const valueOf = (b: Baseline | null) => (b && b.value !== null ? b.value : null);

/** The level of the seven areas together: the plan's baseline for them, else worked out from the areas' or the municipality's. */
function areasLevel(indicator: DemoIndicator, areas: readonly DemoArea[]): number {
  const { unit, baselines } = indicator;
  const together = valueOf(pickBaseline(baselines, 'areas'));
  if (together !== null) return together;
  const ofAreas = areas.map((a) => valueOf(pickBaseline(baselines, `area:${a.slug}`))).filter((v): v is number => v !== null);
  if (ofAreas.length > 0) {
    const mean = ofAreas.reduce((a, b) => a + b, 0) / ofAreas.length;
    return unit === 'count' ? Math.round(mean * areas.length) : mean;
  }
  const municipality = valueOf(pickBaseline(baselines, 'municipality'));
  if (municipality !== null) {
    if (unit === 'count') return Math.max(areas.length, Math.round(municipality / MUNICIPALITY_COUNT_FACTOR));
    const worse = indicator.direction === 'higher-is-better' ? 0.8 : 1.6;
    return unit === 'percent' ? clamp(municipality * worse, 1, 95) : municipality * worse;
  }
  return { percent: 30, count: 5 * areas.length, rate: 1, average: 6, score: 50, text: 0 }[unit];
}

function municipalityLevel(indicator: DemoIndicator, level: number, areasTotal: number): number {
  const given = valueOf(pickBaseline(indicator.baselines, 'municipality'));
  if (given !== null) return given;
  if (indicator.unit === 'count') return Math.round(areasTotal * MUNICIPALITY_COUNT_FACTOR);
  const better = indicator.direction === 'higher-is-better' ? 1.2 : indicator.direction === 'lower-is-better' ? 0.55 : 0.85;
  return indicator.unit === 'percent' ? clamp(level * better, 0.5, 97) : level * better;
}

/** An area's starting value where the plan has no baseline for it: the areas' level, varied a little. */
function variedLevel(unit: IndicatorUnit, level: number, area: DemoArea, areas: readonly DemoArea[], random: Random): number {
  if (unit === 'count') return Math.max(1, Math.round(((level * residentsOf(area)) / areas.reduce((s, a) => s + residentsOf(a), 0)) * random(0.8, 1.2)));
  if (unit === 'percent') return clamp(level + random(-1, 1) * Math.min(6, 0.25 * level, 0.25 * (100 - level)), 0, 100);
  return level * random(0.88, 1.12);
}

interface ScopeSeries {
  scope: MeasurementScope;
  label: string;
  points: Point[];
}

function planIndicatorRows(indicator: DemoIndicator, areas: readonly DemoArea[]): DemoRow[] {
  const { unit, code, baselines } = indicator;
  const shape = shapeOf(indicator);
  const periods = periodsOf(shape.periods);
  const scale = shape.periods === 'half-year' ? 0.5 : 1;
  const decimals = decimalsOf(unit);
  // For a count, the level is the seven areas' total.
  const level = areasLevel(indicator, areas);
  const municipality = municipalityLevel(indicator, level, level);
  const withNumerators = unit === 'percent' && shape.basis !== null;
  const togetherBaseline = pickBaseline(baselines, 'areas');
  const togetherDenominators = togetherBaseline?.denominator !== undefined ? splitByResidents(togetherBaseline.denominator, areas) : null;

  const series: ScopeSeries[] = areas.map((area, areaIndex) => {
    const random = randomFor(code, area.slug);
    const own = pickBaseline(baselines, `area:${area.slug}`);
    const start = valueOf(own) ?? variedLevel(unit, level, area, areas, random);
    const anchor = anchorIndex(periods, valueOf(own) !== null ? own : togetherBaseline);
    const trend = improvement(indicator.direction, start, municipality);
    const targets = walk(unit, start, anchor, periods.length, trend, scale, random);
    const deliberate = periods.map(() => false);
    for (const jump of DELIBERATE_JUMPS) {
      if (jump.code !== code || jump.area !== area.slug) continue;
      const at = periods.findIndex((p) => Number(p.start.slice(0, 4)) === jump.year);
      if (at < 1) continue;
      deliberate[at] = true;
      for (let i = at; i < targets.length; i++) {
        targets[i] = unit === 'count' ? Math.round(targets[i]! * (jump.factor ?? 1)) : clamp(targets[i]! + (jump.points ?? 0), 0, 100);
      }
    }
    let points: Point[];
    if (withNumerators) {
      const basis = shape.basis!;
      const planned = own?.denominator ?? togetherDenominators?.[areaIndex];
      const population = basis.of === 'tenancies' ? tenanciesOf(area) : residentsOf(area);
      const first = Math.max(1, planned ?? Math.round(population * basis.fraction * random(0.93, 1.07)));
      const denominators = walk('count', first, anchor, periods.length, 0, scale * 0.2, random).map((d) => Math.max(1, d));
      points = realiseShare(targets, denominators, deliberate);
    } else {
      points = targets.map((t, i) => ({ value: round(t, decimals), numerator: null, denominator: null, deliberate: deliberate[i]! }));
    }
    return { scope: `area:${area.slug}` as MeasurementScope, label: area.name, points };
  });

  const together: Point[] = periods.map((_, i) => {
    const parts = series.map((s) => s.points[i]!);
    if (withNumerators) {
      const numerator = parts.reduce((s, p) => s + p.numerator!, 0);
      const denominator = parts.reduce((s, p) => s + p.denominator!, 0);
      return { value: round((100 * numerator) / denominator, 1), numerator, denominator, deliberate: false };
    }
    if (unit === 'count') return { value: parts.reduce((s, p) => s + p.value, 0), numerator: null, denominator: null, deliberate: false };
    // Values that cannot be added up are weighted by the areas' residents.
    const weights = areas.map(residentsOf);
    const mean = parts.reduce((s, p, k) => s + p.value * weights[k]!, 0) / weights.reduce((a, b) => a + b, 0);
    return { value: round(mean, decimals), numerator: null, denominator: null, deliberate: false };
  });

  const random = randomFor(code, 'municipality');
  const togetherAtAnchor = together[anchorIndex(periods, togetherBaseline)]!.value;
  const municipalityStart = unit === 'count' ? municipalityLevel(indicator, level, togetherAtAnchor) : municipality;
  const municipalityAnchor = anchorIndex(periods, pickBaseline(baselines, 'municipality') ?? togetherBaseline);
  // A municipality's figures rest on many more people, so they move less than an area's; one that the areas should be
  // on a level with has no trend of its own.
  const municipalityTrend = indicator.direction === 'level-with-municipality' ? 0 : improvement(indicator.direction, 0, 0);
  const municipalityTargets = walk(unit, municipalityStart, municipalityAnchor, periods.length, municipalityTrend, scale * MUNICIPALITY_STEADINESS, random);
  let municipalityPoints: Point[];
  if (withNumerators) {
    const basis = shape.basis!;
    const first = pickBaseline(baselines, 'municipality')?.denominator ?? Math.round(MUNICIPALITY[basis.of] * basis.fraction);
    const denominators = walk('count', first, municipalityAnchor, periods.length, 0, scale * 0.1, random);
    municipalityPoints = realiseShare(municipalityTargets, denominators, periods.map(() => false));
  } else {
    municipalityPoints = municipalityTargets.map((t) => ({ value: round(t, decimals), numerator: null, denominator: null, deliberate: false }));
  }

  const all: ScopeSeries[] = [...series, { scope: 'areas', label: allAreasLabel(areas.length), points: together }, { scope: 'municipality', label: MUNICIPALITY_LABEL, points: municipalityPoints }];
  return all.flatMap((s) => s.points.map((p, i) => toRow(indicator, s, periods[i]!, periods[i]!.label, p)));
}

function toRow(indicator: DemoIndicator, s: Pick<ScopeSeries, 'scope' | 'label'>, period: Period, periodText: string, p: Omit<Point, 'deliberate'> & { deliberate?: boolean }): DemoRow {
  return {
    indicator: indicator.code, scope: s.scope, scopeLabel: s.label, period, periodText, value: p.value, numerator: p.numerator, denominator: p.denominator,
    source: indicator.dataSource, drawnOn: drawnOn(period), note: p.deliberate ? DELIBERATE_JUMP_NOTE : DEMO_NOTE,
  };
}

// The state's criteria -------------------------------------------------------------------------------------------

/** An area's criteria figures around which the years vary: shares in percent, crime as a multiple of the national average. */
interface CriteriaProfile {
  employment: number;
  crime: number;
  education: number;
  income: number;
  nonWestern: number;
}

/**
 * Invented figures, chosen so that each area is classified as the plan describes it: Hermann Stillingsvej-området
 * meets exactly the three criteria the plan names (employment, education, crime; lines 269-344) but has too few
 * residents; Gl. Jennumparken and Glarbjergvej-området, on the state's list, meet two and three; the others fewer than
 * two (Energivej-området one, near a second, so the early warning has a case). Each figure stays at least two points
 * (0.3 for crime) from its threshold, more than the yearly variation, so no area changes class from year to year.
 */
const CRITERIA_PROFILES: Record<string, CriteriaProfile> = {
  'hermann-stillings-vej-omraadet': { employment: 47.5, crime: 3.5, education: 64, income: 58.5, nonWestern: 19 },
  'gl-jennumparken': { employment: 44, crime: 2.2, education: 63, income: 58, nonWestern: 46 },
  'glarbjergvej-omraadet': { employment: 42.5, crime: 3.4, education: 56, income: 52, nonWestern: 38 },
  'energivej-omraadet': { employment: 45, crime: 1.9, education: 56.5, income: 60, nonWestern: 24 },
  vangdalen: { employment: 36, crime: 2.4, education: 55, income: 59, nonWestern: 27 },
  'sjaellandsgade-kvarteret': { employment: 30, crime: 1.3, education: 48, income: 67, nonWestern: 17 },
  'centrale-randers': { employment: 34, crime: 1.5, education: 51, income: 63, nonWestern: 14 },
};
const MUNICIPALITY_CRITERIA: CriteriaProfile = { employment: 16.5, crime: 0.9, education: 23, income: 88, nonWestern: 7.5 };
/** An area the profiles do not know (another plan's) meets none of the criteria. */
const UNKNOWN_AREA_CRITERIA: CriteriaProfile = { employment: 28, crime: 1.2, education: 45, income: 70, nonWestern: 15 };
// 30-59-year-olds, whose education the criterion counts.
const EDUCATION_BASIS = ages(30, 59).fraction;
/** How much the shares (procentpoint) and the crime ratio vary around an area's profile from year to year. */
const YEARLY_VARIATION = { share: 1, crime: 0.1 };

/**
 * Residents on 1 January of each year: the plan's figures where it gives them (the areas' figures and what it says of
 * the criteria), the other years walked from the nearest, staying on the same side of 1,000 so that the classification
 * holds.
 */
function residentsByYear(area: DemoArea, random: Random): Map<number, number> {
  const known = new Map<number, number>();
  if (area.residents !== null) known.set(Number(area.figuresAsOf.slice(0, 4)), area.residents);
  if (area.stateCriteria) known.set(Number(area.stateCriteria.asOf.slice(0, 4)), area.stateCriteria.residents);
  if (known.size === 0) known.set(ANCHOR_YEAR, DEFAULT_RESIDENTS);
  const years = new Map<number, number>();
  for (const year of DEMO_YEARS) {
    if (known.has(year)) {
      years.set(year, known.get(year)!);
      continue;
    }
    const nearest = [...known.keys()].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b)[0]!;
    const base = known.get(nearest)!;
    const varied = Math.round(base * (1 + random(-0.012, 0.012) * Math.abs(year - nearest)));
    years.set(year, base < MIN_RESIDENTS ? Math.min(varied, MIN_RESIDENTS - 1) : Math.max(varied, MIN_RESIDENTS));
  }
  return years;
}

interface CriteriaYear {
  residents: number;
  employment: number;
  crime: number;
  educationNumerator: number;
  educationDenominator: number;
  income: number;
  nonWesternNumerator: number;
}

function criteriaYear(profile: CriteriaProfile, residents: number, random: Random): CriteriaYear {
  const share = (x: number) => clamp(x + random(-YEARLY_VARIATION.share, YEARLY_VARIATION.share), 0, 100);
  const educationDenominator = Math.round(residents * EDUCATION_BASIS);
  return {
    residents,
    employment: round(share(profile.employment), 1),
    crime: round(profile.crime + random(-YEARLY_VARIATION.crime, YEARLY_VARIATION.crime), 2),
    educationNumerator: Math.round((share(profile.education) * educationDenominator) / 100),
    educationDenominator,
    income: round(share(profile.income), 1),
    nonWesternNumerator: Math.round((share(profile.nonWestern) * residents) / 100),
  };
}

function criteriaRows(indicators: readonly DemoIndicator[], areas: readonly DemoArea[]): DemoRow[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const rows: DemoRow[] = [];
  const C = CRITERIA_INDICATORS;
  const emit = (code: string, scope: Pick<ScopeSeries, 'scope' | 'label'>, period: Period, periodText: string, value: number, numerator: number | null = null, denominator: number | null = null) => {
    const indicator = byCode.get(code);
    if (indicator) rows.push(toRow(indicator, scope, period, periodText, { value, numerator, denominator }));
  };
  const share = (numerator: number, denominator: number) => round((100 * numerator) / denominator, 1);

  for (const year of DEMO_YEARS) {
    const perArea = areas.map((area) => {
      const random = randomFor('kriterier', area.slug, String(year));
      const residents = residentsByYear(area, randomFor('beboere', area.slug)).get(year)!;
      return { area, figures: criteriaYear(CRITERIA_PROFILES[area.slug] ?? UNKNOWN_AREA_CRITERIA, residents, random) };
    });
    const sum = (pick: (f: CriteriaYear) => number) => perArea.reduce((s, a) => s + pick(a.figures), 0);
    const weighted = (pick: (f: CriteriaYear) => number) => sum((f) => pick(f) * f.residents) / sum((f) => f.residents);
    const municipalityResidents = Math.round(MUNICIPALITY.residents * (1 + 0.004 * (year - ANCHOR_YEAR)));
    const together: CriteriaYear = {
      residents: sum((f) => f.residents),
      employment: round(weighted((f) => f.employment), 1),
      crime: round(weighted((f) => f.crime), 2),
      educationNumerator: sum((f) => f.educationNumerator),
      educationDenominator: sum((f) => f.educationDenominator),
      income: round(weighted((f) => f.income), 1),
      nonWesternNumerator: sum((f) => f.nonWesternNumerator),
    };
    const scopes: { scope: Pick<ScopeSeries, 'scope' | 'label'>; figures: CriteriaYear }[] = [
      ...perArea.map(({ area, figures }) => ({ scope: { scope: `area:${area.slug}` as MeasurementScope, label: area.name }, figures })),
      { scope: { scope: 'areas', label: allAreasLabel(areas.length) }, figures: together },
      { scope: { scope: 'municipality', label: MUNICIPALITY_LABEL }, figures: criteriaYear(MUNICIPALITY_CRITERIA, municipalityResidents, randomFor('kriterier', 'municipality', String(year))) },
    ];
    const calendar = calendarYearPeriod(year);
    const firstOfJanuary = dateRangePeriod(`${year}-01-01`, `${year}-01-01`);
    for (const { scope, figures: f } of scopes) {
      emit(C.residents.code, scope, firstOfJanuary, `1. januar ${year}`, f.residents);
      emit(C.employment.code, scope, calendar, calendar.label, f.employment);
      emit(C.crime.code, scope, calendar, calendar.label, f.crime);
      emit(C.education.code, scope, calendar, calendar.label, share(f.educationNumerator, f.educationDenominator), f.educationNumerator, f.educationDenominator);
      emit(C.income.code, scope, calendar, calendar.label, f.income);
      emit(C.nonWestern.code, scope, calendar, calendar.label, share(f.nonWesternNumerator, f.residents), f.nonWesternNumerator, f.residents);
    }
  }
  return rows;
}
