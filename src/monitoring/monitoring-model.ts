/**
 * The monitoring model: every current measurement of a plan grouped into series (indicator × scope, in period order),
 * with data-quality flags, small-number disclosure and, per indicator and scope, the status against the plan's
 * baseline and the municipality. Built once per change of the data (see MonitoringService) and read by every
 * dashboard, so that a page costs a lookup, not a query over years of data.
 */
import type { Indicator, IndicatorUnit } from '../plan/content/types.js';
import { flagJumps, flagPartsAndTotal, flagsForValue, DEFAULT_FLAG_CONFIG, type DataQualityFlag, type FlagConfig } from './data-quality.js';
import type { IndicatorCatalogue } from './indicator-catalogue.js';
import { discloseValues, type Disclosure } from './measurement-suppression.js';
import type { Measurement, MeasurementScope, PeriodKind } from './measurement.js';
import { indicatorStatus, pickBaseline, type StatusResult, type StatusTolerance } from './status.js';

export interface SeriesPoint {
  id: string;
  periodKind: PeriodKind;
  start: string;
  end: string;
  label: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  drawnOn: string;
  note: string | null;
  version: number;
  loadedAt: string;
  explanation: string | null;
  flags: DataQualityFlag[];
  /** Whether the value may be shown to someone without access to the persons behind it. */
  disclosure: Disclosure;
}

export interface Series {
  indicatorCode: string;
  scope: MeasurementScope;
  points: SeriesPoint[];
}

/** A flagged value without an explanation is held back from reports, the board's status and exports. */
export function isHeldBack(point: SeriesPoint): boolean {
  return point.flags.length > 0 && !point.explanation;
}

export interface CellStatus {
  indicatorCode: string;
  scope: MeasurementScope;
  /** The latest value that may be reported (not held back), or null. */
  latest: SeriesPoint | null;
  /** The latest value when it is held back for want of an explanation. */
  heldBack: SeriesPoint | null;
  municipality: SeriesPoint | null;
  baseline: Indicator['baselines'][number] | null;
  municipalityBaseline: Indicator['baselines'][number] | null;
  status: StatusResult;
}

const key = (code: string, scope: string) => `${code}|${scope}`;

export class MonitoringModel {
  private readonly series = new Map<string, Series>();
  private readonly byIndicator = new Map<string, Series[]>();
  private readonly statusCache = new Map<string, CellStatus>();

  constructor(
    readonly stamp: string,
    private readonly catalogue: IndicatorCatalogue,
    measurements: Iterable<Measurement>,
    private readonly options: { flags?: FlagConfig; tolerance?: Partial<StatusTolerance>; threshold?: number } = {},
  ) {
    for (const m of measurements) {
      let s = this.series.get(key(m.indicatorCode, m.scope));
      if (!s) {
        s = { indicatorCode: m.indicatorCode, scope: m.scope, points: [] };
        this.series.set(key(m.indicatorCode, m.scope), s);
        const list = this.byIndicator.get(m.indicatorCode) ?? [];
        list.push(s);
        this.byIndicator.set(m.indicatorCode, list);
      }
      s.points.push({
        id: m.id, periodKind: m.period.kind, start: m.period.start, end: m.period.end, label: m.period.label, value: m.value,
        numerator: m.numerator, denominator: m.denominator, source: m.source, drawnOn: m.drawnOn, note: m.note, version: m.version,
        loadedAt: m.createdAt, explanation: m.explanation, flags: [], disclosure: { shown: true },
      });
    }
    for (const s of this.series.values()) s.points.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
    this.flagAndDisclose();
  }

  private unit(code: string): IndicatorUnit {
    return this.catalogue.definitions.get(code)?.unit ?? 'average';
  }

  private flagAndDisclose(): void {
    const config = this.options.flags ?? DEFAULT_FLAG_CONFIG;
    for (const [code, list] of this.byIndicator) {
      const unit = this.unit(code);
      for (const s of list) {
        for (const p of s.points) p.flags.push(...flagsForValue({ unit, value: p.value, numerator: p.numerator, denominator: p.denominator }));
        const jumps = flagJumps(s.points.map((p) => ({ periodStart: p.start, periodKind: p.periodKind, value: p.value, periodLabel: p.label })), unit, config.jump);
        for (const [index, flags] of jumps) s.points[index]!.flags.push(...flags);
      }
      // Per period: the areas against the value for all seven, and what may be disclosed.
      const byPeriod = new Map<string, { scope: string; point: SeriesPoint }[]>();
      for (const s of list) for (const p of s.points) {
        const k = `${p.start}|${p.end}`;
        const entry = byPeriod.get(k) ?? [];
        entry.push({ scope: s.scope, point: p });
        byPeriod.set(k, entry);
      }
      for (const entries of byPeriod.values()) {
        const total = entries.find((e) => e.scope === 'areas');
        if (total) {
          const parts = entries.filter((e) => e.scope.startsWith('area:')).map((e) => ({ scope: e.scope, value: e.point.value, numerator: e.point.numerator, denominator: e.point.denominator }));
          total.point.flags.push(...flagPartsAndTotal(parts, { value: total.point.value, numerator: total.point.numerator, denominator: total.point.denominator }, unit, config));
        }
        const disclosure = discloseValues(unit, entries.map((e) => ({ id: e.point.id, scope: e.scope, value: e.point.value, numerator: e.point.numerator, denominator: e.point.denominator })), this.options.threshold);
        for (const e of entries) e.point.disclosure = disclosure.get(e.point.id) ?? { shown: true };
      }
    }
  }

  seriesFor(code: string, scope: string): Series | undefined {
    return this.series.get(key(code, scope));
  }

  seriesOf(code: string): readonly Series[] {
    return this.byIndicator.get(code) ?? [];
  }

  allSeries(): IterableIterator<Series> {
    return this.series.values();
  }

  /** Every flagged value, for the data-quality list. */
  flagged(): { series: Series; point: SeriesPoint }[] {
    const out: { series: Series; point: SeriesPoint }[] = [];
    for (const s of this.series.values()) for (const p of s.points) if (p.flags.length > 0) out.push({ series: s, point: p });
    return out;
  }

  /** Status of one indicator for one scope: its latest reportable value against the plan's baseline and the municipality. */
  status(code: string, scope: MeasurementScope): CellStatus {
    const k = key(code, scope);
    const cached = this.statusCache.get(k);
    if (cached) return cached;
    const definition = this.catalogue.definitions.get(code);
    const indicator = this.catalogue.planIndicators.get(code);
    const points = this.series.get(k)?.points ?? [];
    let latest: SeriesPoint | null = null;
    let heldBack: SeriesPoint | null = null;
    for (let i = points.length - 1; i >= 0; i--) {
      const p = points[i]!;
      if (isHeldBack(p)) {
        heldBack ??= latest === null ? p : null;
        continue;
      }
      latest = p;
      break;
    }
    const municipalityPoints = this.series.get(key(code, 'municipality'))?.points ?? [];
    const municipality = latest ? (municipalityPoints.find((p) => p.start === latest!.start && p.end === latest!.end && !isHeldBack(p)) ?? null) : null;
    const baseline = indicator ? pickBaseline(indicator.baselines, scope) : null;
    const municipalityBaseline = indicator ? pickBaseline(indicator.baselines, 'municipality') : null;
    const status = indicatorStatus({
      unit: definition?.unit ?? 'average',
      direction: definition?.direction ?? 'higher-is-better',
      latest: latest ? { value: latest.value, periodLabel: latest.label } : null,
      baseline: baseline ? { value: baseline.value, printed: baseline.printed, period: baseline.period } : null,
      municipality: municipality ? { value: municipality.value, periodLabel: municipality.label } : null,
      municipalityBaseline: municipalityBaseline ? { value: municipalityBaseline.value, printed: municipalityBaseline.printed, period: municipalityBaseline.period } : null,
      ...(this.options.tolerance ? { tolerance: this.options.tolerance } : {}),
    });
    const cell: CellStatus = { indicatorCode: code, scope, latest, heldBack, municipality, baseline, municipalityBaseline, status };
    this.statusCache.set(k, cell);
    return cell;
  }
}
