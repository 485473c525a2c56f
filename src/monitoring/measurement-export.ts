/**
 * Exports of the current measurements as CSV (for Danish Excel: UTF-8 with BOM, `;` between fields, decimal comma)
 * and XLSX. An export leaves the system, so small numbers are always hidden, whoever asks (PRODUCT.md "Small
 * numbers"): a hidden value is written as «<5» or «–» and its numerator and denominator are left empty. A value that
 * waits for an explanation (see isHeldBack) is left out.
 */
import type { IndicatorUnit } from '../plan/content/types.js';
import { UNIT_LABELS } from '../plan/plan.labels.js';
import type { PlanSnapshot } from '../plan/plan-snapshot.js';
import { offsetAt } from '../time/copenhagen.js';
import type { IndicatorCatalogue } from './indicator-catalogue.js';
import { csvText, writeXlsx } from './import/templates.js';
import { isHeldBack, type MonitoringModel } from './monitoring-model.js';
import { measurementScopes, scopeLabel } from './scopes.js';

export interface ExportRow {
  code: string;
  name: string;
  scope: string;
  scopeLabel: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** The number, or the text shown instead of a hidden one («<5», «–»). */
  value: number | string;
  numerator: number | null;
  denominator: number | null;
  unit: IndicatorUnit;
  source: string;
  /** ISO date. */
  drawnOn: string;
  /** ISO instant. */
  loadedAt: string;
}

export interface ExportFilter {
  /** Only these indicators (an indicator set's, or one). */
  codes?: ReadonlySet<string>;
}

/**
 * Every current value that may leave the system, suppressed: in the catalogue's order of indicators (then any the plan
 * no longer has, by code), each scope in the dashboards' order, periods oldest first.
 */
export function exportRows(view: { snapshot: PlanSnapshot; catalogue: IndicatorCatalogue; model: MonitoringModel }, filter: ExportFilter = {}): ExportRow[] {
  const { snapshot, catalogue, model } = view;
  const order = new Map<string, number>();
  for (const set of catalogue.sets) for (const g of set.groups) for (const i of g.indicators) if (!order.has(i.code)) order.set(i.code, order.size);
  const scopeOrder = new Map(measurementScopes(snapshot).map((s, i) => [s.scope as string, i]));
  const labels = new Map<string, string>();
  const labelOf = (scope: string) => {
    let label = labels.get(scope);
    if (label === undefined) {
      label = scopeLabel(snapshot, scope);
      labels.set(scope, label);
    }
    return label;
  };
  const series = [...model.allSeries()]
    .filter((s) => !filter.codes || filter.codes.has(s.indicatorCode))
    .sort(
      (a, b) =>
        (order.get(a.indicatorCode) ?? Infinity) - (order.get(b.indicatorCode) ?? Infinity) ||
        a.indicatorCode.localeCompare(b.indicatorCode) ||
        (scopeOrder.get(a.scope) ?? Infinity) - (scopeOrder.get(b.scope) ?? Infinity) ||
        a.scope.localeCompare(b.scope),
    );
  const rows: ExportRow[] = [];
  for (const s of series) {
    const definition = catalogue.definitions.get(s.indicatorCode);
    for (const p of s.points) {
      if (isHeldBack(p)) continue;
      const hidden = !p.disclosure.shown;
      rows.push({
        code: s.indicatorCode,
        name: definition?.name ?? s.indicatorCode,
        scope: s.scope,
        scopeLabel: labelOf(s.scope),
        period: p.label,
        periodStart: p.start,
        periodEnd: p.end,
        value: p.disclosure.shown ? p.value : p.disclosure.text,
        numerator: hidden ? null : p.numerator,
        denominator: hidden ? null : p.denominator,
        unit: definition?.unit ?? 'average',
        source: p.source,
        drawnOn: p.drawnOn,
        loadedAt: p.loadedAt,
      });
    }
  }
  return rows;
}

export const EXPORT_HEADERS = ['Indikator', 'Indikatornavn', 'Område', 'Periode', 'Periodens start', 'Periodens slut', 'Værdi', 'Tæller', 'Nævner', 'Enhed', 'Kilde', 'Dataudtræk', 'Indlæst'];

const localTimes = new Map<string, string>();

/** An instant as Danish wall-clock time, `2025-01-15 10:23:45`, which Danish Excel reads as a date and time. */
export function localDateTime(iso: string): string {
  let text = localTimes.get(iso);
  if (text === undefined) {
    const instant = Date.parse(iso);
    text = Number.isNaN(instant) ? iso : new Date(instant + offsetAt(instant)).toISOString().slice(0, 19).replace('T', ' ');
    if (localTimes.size > 10_000) localTimes.clear();
    localTimes.set(iso, text);
  }
  return text;
}

/** A value without representation noise (0,1 + 0,2 is 0,30000000000000004), so that a file shows what was imported. */
const clean = (value: number) => Math.round(value * 1e10) / 1e10;

// A cell starting with one of these would be read as a formula by a spreadsheet program opening a CSV file.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text for a CSV file that a spreadsheet program will never read as a formula (CSV injection). */
export function inertText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The rows as cells in EXPORT_HEADERS' order: numbers as numbers, a hidden value as its text, empty counts as null. */
function cellsOf(rows: readonly ExportRow[], text: (value: string) => string): (string | number | null)[][] {
  return rows.map((r) => [
    text(r.code),
    text(r.name),
    text(r.scopeLabel),
    text(r.period),
    r.periodStart,
    r.periodEnd,
    typeof r.value === 'number' ? clean(r.value) : r.value,
    r.numerator === null ? null : clean(r.numerator),
    r.denominator === null ? null : clean(r.denominator),
    UNIT_LABELS[r.unit],
    text(r.source),
    r.drawnOn,
    localDateTime(r.loadedAt),
  ]);
}

/** The rows as CSV for Danish Excel: UTF-8 with a byte order mark, `;` between fields, decimal comma, CRLF line ends. */
export function toCsv(rows: readonly ExportRow[]): string {
  return csvText(EXPORT_HEADERS, cellsOf(rows, inertText));
}

/** The rows as an XLSX workbook: a sheet of values (numbers as numeric cells) and a sheet saying what the export is. */
export function toXlsx(rows: readonly ExportRow[], about: { title: string; createdAt: Date; filter: string }): Promise<Buffer> {
  return writeXlsx([
    {
      name: 'Målinger',
      header: EXPORT_HEADERS,
      rows: cellsOf(rows, (t) => t),
      // The period stays text, so that Excel does not turn «2023/24» or «marts 2024» into a date.
      columns: [{ width: 14 }, { width: 50 }, { width: 28 }, { width: 16, text: true }, { width: 14 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 16 }, { width: 36 }, { width: 14 }, { width: 20 }],
    },
    {
      name: 'Om udtrækket',
      header: ['Emne', 'Oplysning'],
      rows: [
        ['Udtræk', about.title],
        ['Dannet', localDateTime(about.createdAt.toISOString())],
        ['Afgrænsning', about.filter],
        ['Rækker', rows.length],
        ['Små tal', '«<5» står for et antal fra 1 til 4; «–» for en værdi, hvis tæller eller nævner er under 5, eller som ellers kunne regnes ud fra totalen. Tæller og nævner er da tomme.'],
        ['Udeladt', 'Værdier, som datakontrollen har markeret, og som afventer forklaring fra monitoreringsenheden.'],
      ],
      columns: [{ width: 16 }, { width: 100 }],
    },
  ]);
}
