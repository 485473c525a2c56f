/**
 * Measurements: the value of an indicator for a scope and a period. These are the domain types shared by the import,
 * the repository, the status rules, the charts and the dashboards; row types live in db/schema.ts.
 */
import type { IndicatorDirection, IndicatorUnit } from '../plan/content/types.js';

/**
 * Who a value is about. `area:<slug>` one area, `areas` all seven together, `group:<name>` a target group (within the
 * areas), and the municipality, the region and the country to compare with. The same notation as the plan's baselines.
 */
export type MeasurementScope = 'areas' | `area:${string}` | `group:${string}` | 'municipality' | 'region' | 'country';

/** How a period is counted: calendar year, school year and plan year (both 1 August - 31 July), half year, quarter, month, or any date range. */
export type PeriodKind = 'calendar-year' | 'school-year' | 'plan-year' | 'half-year' | 'quarter' | 'month' | 'range';

export interface Period {
  kind: PeriodKind;
  /** First day, ISO date (YYYY-MM-DD), inclusive. */
  start: string;
  /** Last day, ISO date, inclusive. A point in time (e.g. 1 January 2024) is a range of one day. */
  end: string;
  /** The period in Danish as shown, e.g. `2024`, `2023/24`, `planår 2025/26`, `1. halvår 2024`, `2. kvartal 2024`, `marts 2024`, `01-01-2024 – 31-12-2024`. */
  label: string;
}

/** What kind of figure a value is; derived from the indicator's unit (a share is kept as a percentage, like the plan's baselines). */
export type MeasurementKind = 'share' | 'count' | 'rate' | 'average';

/** One value as it arrives from an import row or a correction form, already parsed and checked. */
export interface MeasurementInput {
  indicatorCode: string;
  scope: MeasurementScope;
  period: Period;
  /** In the indicator's unit: a share as a percentage (23.5 for 23,5 %), a count, a rate or an average. */
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  /** The date the data was drawn from its source, ISO date. */
  drawnOn: string;
  note: string | null;
}

/** A stored measurement: the current (or a historical) version of one indicator × scope × period. */
export interface Measurement extends MeasurementInput {
  id: string;
  planId: string;
  version: number;
  current: boolean;
  importId: string | null;
  createdAt: string;
  createdByLabel: string;
  /** Why this version replaced the previous one (a correction), or null for a first version. */
  reason: string | null;
  /** The monitoring unit's explanation of a data-quality flag; a flagged value needs one before it reaches a report. */
  explanation: string | null;
}

/** What the import and the status rules need to know of an indicator, from the plan or from the state's criteria. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  /** The indicator set it belongs to (for templates and dashboards): `lbf`, an intervention area's slug, or `kriterier`. */
  set: string;
  dataSource: string;
}

/** One problem in an import file, by row (1 = the header row, so data start at 2) and column (its header text). */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** Kind of a value from the indicator's unit. */
export function measurementKind(unit: IndicatorUnit): MeasurementKind {
  switch (unit) {
    case 'percent':
      return 'share';
    case 'count':
      return 'count';
    case 'rate':
      return 'rate';
    default:
      return 'average';
  }
}
