/**
 * The state's criteria per area and year, from imported figures (the `stat-*` indicators), and the early warning: areas
 * close to a classification. Pure functions over the monitoring model.
 */
import type { AreaContent } from '../plan/content/types.js';
import { CRITERIA, evaluateCriteria, MIN_RESIDENTS, PARALLEL_NON_WESTERN, PREVENTION_NON_WESTERN, residentsDistanceText, PREVENTION_THRESHOLDS, UDSAT_THRESHOLDS, type AreaFigures, type CriteriaEvaluation, type Criterion } from './area-criteria.js';
import { CRITERIA_INDICATORS } from './indicator-catalogue.js';
import type { MonitoringModel, SeriesPoint } from './monitoring-model.js';

export const CRITERION_LABELS: Record<Criterion, string> = {
  employment: 'Beskæftigelse',
  crime: 'Kriminalitet',
  education: 'Uddannelse',
  income: 'Indkomst',
};

export const CLASSIFICATION_LABELS = {
  parallelsamfund: 'Parallelsamfund',
  udsat: 'Udsat boligområde',
  forebyggelsesomraade: 'Forebyggelsesområde',
  ingen: 'Ingen klassifikation',
} as const;

type Figure = keyof typeof CRITERIA_INDICATORS;
const FIGURES = Object.keys(CRITERIA_INDICATORS) as Figure[];

export interface AreaCriteriaYear {
  year: number;
  /** The figures found for the year, as imported (shares as percentages), with where they come from. */
  points: Partial<Record<Figure, SeriesPoint>>;
  /** Which figures are missing; the evaluation needs all six. */
  missing: Figure[];
  evaluation: CriteriaEvaluation | null;
}

/** Each year with any criteria figure for the area, newest first. */
export function criteriaYears(model: MonitoringModel, areaSlug: string): AreaCriteriaYear[] {
  const years = new Map<number, Partial<Record<Figure, SeriesPoint>>>();
  for (const figure of FIGURES) {
    const series = model.seriesFor(CRITERIA_INDICATORS[figure].code, `area:${areaSlug}`);
    for (const p of series?.points ?? []) {
      const year = Number(p.start.slice(0, 4));
      const entry = years.get(year) ?? {};
      entry[figure] = p;
      years.set(year, entry);
    }
  }
  return [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, points]) => {
      const missing = FIGURES.filter((f) => points[f] === undefined);
      const evaluation = missing.length === 0 ? evaluateCriteria(toFigures(points as Record<Figure, SeriesPoint>)) : null;
      return { year, points, missing, evaluation };
    });
}

function toFigures(p: Record<Figure, SeriesPoint>): AreaFigures {
  return {
    residents: p.residents.value,
    nonWesternShare: p.nonWestern.value / 100,
    employmentShare: p.employment.value / 100,
    convictionRatio: p.crime.value,
    basicEducationShare: p.education.value / 100,
    incomeRatio: p.income.value / 100,
  };
}

/** How close counts as close, for the early warning. */
export interface WarningMargins {
  /** Residents below 1,000 by at most this many, with two or more criteria met. */
  residents: number;
  /** A share criterion not met but within this many procentpoint of its threshold. */
  sharePoints: number;
  /** The crime ratio not met but within this much of its threshold. */
  ratio: number;
}

export const DEFAULT_WARNING_MARGINS: WarningMargins = { residents: 150, sharePoints: 5, ratio: 0.5 };

export interface EarlyWarning {
  area: Pick<AreaContent, 'slug' | 'name'>;
  year: number;
  /** From imported figures, or null when the warning rests on the plan's own statement. */
  evaluation: CriteriaEvaluation | null;
  /** The plan's statement the warning rests on, when there are no complete imported figures. */
  statement?: NonNullable<AreaContent['stateCriteria']>;
  /** Why the area is listed, in Danish, e.g. «Opfylder 3 kriterier, men mangler 23 beboere til 1.000». */
  reasons: string[];
}

const within = (criterion: Criterion, m: WarningMargins, thresholds: Record<Criterion, number>, value: number) => {
  const t = thresholds[criterion];
  return criterion === 'crime' ? t - value <= m.ratio : Math.abs(value - t) * 100 <= m.sharePoints;
};

/**
 * Areas close to a classification in their latest complete year: enough criteria but too few residents (by at most
 * the margin); or one criterion short of two, with another within the margin of its threshold; the same for § 61 b.
 * Areas already classified are listed too when they are close to a more severe classification.
 */
export function earlyWarnings(model: MonitoringModel, areas: readonly Pick<AreaContent, 'slug' | 'name' | 'stateCriteria'>[], margins: WarningMargins = DEFAULT_WARNING_MARGINS): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  for (const area of areas) {
    const latest = criteriaYears(model, area.slug).find((y) => y.evaluation !== null);
    if (!latest?.evaluation) {
      const w = area.stateCriteria ? statementWarning(area.stateCriteria, margins) : null;
      if (w) out.push({ area: { slug: area.slug, name: area.name }, year: Number(area.stateCriteria!.asOf.slice(0, 4)), evaluation: null, statement: area.stateCriteria!, reasons: [w] });
      continue;
    }
    const e = latest.evaluation;
    const reasons: string[] = [];
    if (!e.udsat && e.count >= 2 && e.residentsShort > 0 && e.residentsShort <= margins.residents) {
      reasons.push(`Opfylder ${e.count} af 4 kriterier, men har ${e.distances.residents.text}.`);
    }
    if (!e.udsat && e.count === 1) {
      const near = CRITERIA.filter((c) => !e.criteriaMet[c] && within(c, margins, UDSAT_THRESHOLDS, e.distances[c].value));
      for (const c of near) reasons.push(`Opfylder 1 kriterium; ${CRITERION_LABELS[c].toLowerCase()} er ${e.distances[c].text}.`);
    }
    if (e.udsat && !e.parallelsamfund && e.distances.nonWestern.value >= PARALLEL_NON_WESTERN - margins.sharePoints / 100) {
      reasons.push(`Udsat boligområde; andelen med ikke-vestlig baggrund er ${e.distances.nonWestern.text}.`);
    }
    if (!e.udsat && !e.forebyggelsesomraade) {
      const prevention = CRITERIA.filter((c) => e.preventionCriteriaMet[c]).length;
      const nonWesternNear = e.distances.nonWestern.value > PREVENTION_NON_WESTERN - margins.sharePoints / 100;
      if (prevention >= 2 && nonWesternNear && e.residentsShort <= margins.residents) {
        reasons.push(`Tæt på at være forebyggelsesområde (§ 61 b): ${prevention} af de skærpede kriterier er opfyldt.`);
      } else if (prevention === 1 && nonWesternNear && e.residentsShort === 0) {
        const near = CRITERIA.filter((c) => !e.preventionCriteriaMet[c] && within(c, margins, PREVENTION_THRESHOLDS, e.distances[c].value));
        if (near.length > 0) reasons.push(`Tæt på at være forebyggelsesområde (§ 61 b): ${near.map((c) => CRITERION_LABELS[c].toLowerCase()).join(' og ')} er tæt på grænsen.`);
      }
    }
    if (reasons.length > 0) out.push({ area: { slug: area.slug, name: area.name }, year: latest.year, evaluation: e, reasons });
  }
  return out;
}

/** The plan's own statement as a warning: enough criteria met but too few residents (by at most the margin). */
export function statementWarning(statement: NonNullable<AreaContent['stateCriteria']>, margins: WarningMargins = DEFAULT_WARNING_MARGINS): string | null {
  const short = Math.max(0, MIN_RESIDENTS - statement.residents);
  const count = statement.criteriaMet.length;
  if (count >= 2 && short > 0 && short <= margins.residents) {
    return `Opfylder ${count} af 4 kriterier (${statement.criteriaMet.map((c) => CRITERION_LABELS[c].toLowerCase()).join(', ')}), men har ${residentsDistanceText(statement.residents)} (planens oplysning).`;
  }
  return null;
}

