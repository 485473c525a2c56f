/**
 * The state's criteria per area as the criteria pages show them: the latest complete year of imported figures with
 * every figure's period, source and distance to its threshold, or, where no complete year has been imported, the
 * plan's own statement. Pure functions over the monitoring model.
 */
import type { AreaContent, DataRemark, StateCriteriaStatement } from '../plan/content/types.js';
import { CRITERIA, MIN_RESIDENTS, residentsDistanceText, type CriteriaEvaluation, type Criterion } from './area-criteria.js';
import { CLASSIFICATION_LABELS, CRITERION_LABELS, criteriaYears, earlyWarnings, type AreaCriteriaYear } from './area-criteria-status.js';
import { AWAITING_EXPLANATION, shownValue, type ShownValue } from './dashboard.present.js';
import { CRITERIA_INDICATORS } from './indicator-catalogue.js';
import { isHeldBack, type MonitoringModel } from './monitoring-model.js';

type Figure = keyof typeof CRITERIA_INDICATORS;

/** The figures in the order the criteria page lists them. */
const FIGURES: readonly Figure[] = ['residents', 'employment', 'crime', 'education', 'income', 'nonWestern'];

export const FIGURE_LABELS: Record<Figure, string> = {
  residents: 'Beboere',
  employment: `${CRITERION_LABELS.employment}: 18-64-årige uden for arbejdsmarkedet eller uddannelse`,
  crime: `${CRITERION_LABELS.crime}: dømte i forhold til landsgennemsnittet`,
  education: `${CRITERION_LABELS.education}: 30-59-årige med kun grundskole`,
  income: `${CRITERION_LABELS.income}: bruttoindkomst i procent af regionens`,
  nonWestern: 'Indvandrere og efterkommere fra ikke-vestlige lande',
};

/** The thresholds of almenboligloven § 61 a in words (PRODUCT.md "The state's area criteria"). */
export const THRESHOLD_TEXTS: Record<Figure, string> = {
  residents: 'mindst 1.000',
  employment: 'over 40 %',
  crime: 'mindst 3 gange',
  education: 'over 60 %',
  income: 'under 55 %',
  nonWestern: 'over 50 % (parallelsamfund)',
};

export interface CriteriaFigureRow {
  figure: Figure;
  label: string;
  value: ShownValue;
  period: string;
  source: string;
  drawnOn: string;
  loadedAt: string;
  threshold: string;
  /** Met, as a criterion (or enough residents, or a non-western share over 50 %); null where hidden from the viewer. */
  met: boolean | null;
  /** The distance to the threshold in Danish, e.g. «2,1 procentpoint under 40 %»; null where hidden. */
  distance: string | null;
}

export interface CriteriaYearSummary {
  year: number;
  residents: ShownValue | null;
  /** Null when the year lacks a figure. */
  count: number | null;
  classification: string | null;
  missing: string[];
}

export interface PlanStatementView {
  text: string;
  asOf: string;
  residents: number;
  /** «23 beboere fra 1.000» or «12 beboere over 1.000». */
  residentsDistance: string;
  criteriaMet: Criterion[];
  count: number;
  classification: string;
  /** Where the plan says it: «linje 269-344». */
  lines: string;
  remarks: DataRemark[];
}

export interface AreaCriteriaView {
  area: { slug: string; name: string; onStateList: boolean };
  latest: { year: number; rows: CriteriaFigureRow[]; evaluation: CriteriaEvaluation; classification: string; /** The count and classification may be shown. */ shown: boolean } | null;
  years: CriteriaYearSummary[];
  statement: PlanStatementView | null;
}

/** An evaluation's classification in words, with § 61 b where it applies to an area that is not udsat. */
export function classificationText(e: CriteriaEvaluation): string {
  const label = CLASSIFICATION_LABELS[e.classification];
  if (e.classification === 'ingen' && e.residentsShort > 0 && e.count >= 2) return `${label}: for få beboere (${e.distances.residents.text})`;
  return label;
}

/** What the plan's statement allows one to conclude: with fewer than 1,000 residents no classification applies. */
function statementClassification(s: StateCriteriaStatement): string {
  if (s.residents < MIN_RESIDENTS) return `${CLASSIFICATION_LABELS.ingen}: for få beboere (${residentsDistanceText(s.residents)})`;
  if (s.criteriaMet.length >= 2) return 'Mindst udsat boligområde (planen oplyser ikke andelen med ikke-vestlig baggrund)';
  return 'Kan ikke afgøres ud fra planens oplysning';
}

function statementView(s: StateCriteriaStatement): PlanStatementView {
  const [from, to] = s.ref.lines;
  return {
    text: s.text,
    asOf: s.asOf,
    residents: s.residents,
    residentsDistance: residentsDistanceText(s.residents),
    criteriaMet: s.criteriaMet,
    count: s.criteriaMet.length,
    classification: statementClassification(s),
    lines: from === to ? `linje ${from}` : `linje ${from}-${to}`,
    remarks: s.remarks ?? [],
  };
}

function figureRows(year: AreaCriteriaYear, e: CriteriaEvaluation, unsuppressed: boolean): CriteriaFigureRow[] {
  return FIGURES.map((figure) => {
    const point = year.points[figure]!;
    const value = shownValue(CRITERIA_INDICATORS[figure].unit, point, unsuppressed);
    const visible = value.kind === 'value';
    const met = figure === 'residents' ? e.distances.residents.met : figure === 'nonWestern' ? e.distances.nonWestern.met : e.criteriaMet[figure];
    return {
      figure,
      label: FIGURE_LABELS[figure],
      value,
      period: point.label,
      source: point.source,
      drawnOn: point.drawnOn,
      loadedAt: point.loadedAt,
      threshold: THRESHOLD_TEXTS[figure],
      met: visible ? met : null,
      distance: visible ? e.distances[figure].text : null,
    };
  });
}

/**
 * Whether a year's evaluation may be shown to the viewer: none of its figures waits for an explanation (held back from
 * every dashboard), and, for a viewer of suppressed figures, none is hidden (the evaluation would tell it).
 */
function evaluationShown(y: AreaCriteriaYear, unsuppressed: boolean): boolean {
  return Object.values(y.points).every((p) => !isHeldBack(p!) && (unsuppressed || p!.disclosure.shown));
}

function yearClassification(y: AreaCriteriaYear, unsuppressed: boolean): string | null {
  if (!y.evaluation) return null;
  if (Object.values(y.points).some((p) => isHeldBack(p!))) return `Et eller flere tal ${AWAITING_EXPLANATION}`;
  return evaluationShown(y, unsuppressed) ? classificationText(y.evaluation) : 'Skjult af hensyn til små tal';
}

/**
 * One area's criteria: the latest complete year in detail (a year with a figure that waits for an explanation does not
 * count as complete), every year in brief, and the plan's statement.
 */
export function areaCriteria(model: MonitoringModel, area: Pick<AreaContent, 'slug' | 'name' | 'onStateList' | 'stateCriteria'>, unsuppressed: boolean): AreaCriteriaView {
  const years = criteriaYears(model, area.slug);
  const latest = years.find((y) => y.evaluation !== null && Object.values(y.points).every((p) => !isHeldBack(p!)));
  return {
    area: { slug: area.slug, name: area.name, onStateList: area.onStateList },
    latest: latest?.evaluation
      ? { year: latest.year, rows: figureRows(latest, latest.evaluation, unsuppressed), evaluation: latest.evaluation, classification: yearClassification(latest, unsuppressed)!, shown: evaluationShown(latest, unsuppressed) }
      : null,
    years: years.map((y) => ({
      year: y.year,
      residents: y.points.residents ? shownValue('count', y.points.residents, unsuppressed) : null,
      count: y.evaluation && evaluationShown(y, unsuppressed) ? y.evaluation.count : null,
      classification: yearClassification(y, unsuppressed),
      missing: y.missing.map((f) => FIGURE_LABELS[f]),
    })),
    statement: area.stateCriteria ? statementView(area.stateCriteria) : null,
  };
}

export interface EarlyWarningView {
  area: { slug: string; name: string };
  year: number;
  reasons: string[];
  /** The warning rests on the plan's statement (no complete imported year). */
  fromStatement: boolean;
}

/**
 * Areas close to a classification, with the reasons in Danish. A warning resting on a figure the viewer may not see
 * (hidden, or waiting for an explanation) is left out, since its reasons name the figures.
 */
export function warningsView(model: MonitoringModel, areas: readonly Pick<AreaContent, 'slug' | 'name' | 'stateCriteria'>[], unsuppressed: boolean): EarlyWarningView[] {
  return earlyWarnings(model, areas)
    .filter((w) => w.evaluation === null || warningShown(model, w.area.slug, w.year, unsuppressed))
    .map((w) => ({ area: w.area, year: w.year, reasons: w.reasons, fromStatement: w.evaluation === null }));
}

function warningShown(model: MonitoringModel, slug: string, year: number, unsuppressed: boolean): boolean {
  const y = criteriaYears(model, slug).find((c) => c.year === year);
  return !y || evaluationShown(y, unsuppressed);
}

export { CRITERIA, CRITERION_LABELS };
