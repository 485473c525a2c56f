/**
 * The state's criteria for areas (almenboligloven § 61 a and § 61 b; PRODUCT.md "The state's area criteria").
 * "Over" and "under" are strict; "at least" is not. Shares are fractions (0-1), ratios multiples.
 */

export const MIN_RESIDENTS = 1000;

/** § 61 a: the four criteria of a udsat boligområde. */
export const UDSAT_THRESHOLDS = {
  employment: 0.4, // residents 18-64 outside the labour market or education: over 40 % (two-year average)
  crime: 3, // convictions: at least 3 times the national average (two-year average)
  education: 0.6, // residents 30-59 with only basic schooling: over 60 %
  income: 0.55, // average gross income of taxpayers 15-64: under 55 % of the region's
} as const;

/** § 61 b: the same four, with lower thresholds, for a forebyggelsesområde. */
export const PREVENTION_THRESHOLDS = {
  employment: 0.3,
  crime: 2,
  education: 0.6,
  income: 0.65,
} as const;

/** Non-western immigrants and descendants: over 50 % makes a udsat area a parallelsamfund; over 30 % is needed for § 61 b. */
export const PARALLEL_NON_WESTERN = 0.5;
export const PREVENTION_NON_WESTERN = 0.3;

export interface AreaFigures {
  residents: number;
  nonWesternShare: number;
  employmentShare: number;
  convictionRatio: number;
  basicEducationShare: number;
  incomeRatio: number;
}

export type Criterion = 'employment' | 'crime' | 'education' | 'income';
export const CRITERIA: readonly Criterion[] = ['employment', 'crime', 'education', 'income'];

export type Classification = 'parallelsamfund' | 'udsat' | 'forebyggelsesomraade' | 'ingen';

export interface Distance {
  value: number;
  threshold: number;
  /** value - threshold, in the figure's own unit (a fraction for shares, a multiple for the crime ratio). */
  difference: number;
  met: boolean;
  /** The distance in Danish, e.g. «2,1 procentpoint under 40 %», «23 beboere fra 1.000». */
  text: string;
}

export interface CriteriaEvaluation {
  criteriaMet: Record<Criterion, boolean>;
  count: number;
  udsat: boolean;
  parallelsamfund: boolean;
  forebyggelsesomraade: boolean;
  classification: Classification;
  /** How many residents short of 1,000 (0 when there are enough). */
  residentsShort: number;
  distances: Record<Criterion | 'residents' | 'nonWestern', Distance>;
  /** § 61 b's criteria with its lower thresholds. */
  preventionCriteriaMet: Record<Criterion, boolean>;
}

// Figures arrive as decimals typed or computed elsewhere; a difference this small is representation noise.
const EPSILON = 1e-9;
const over = (value: number, threshold: number) => value > threshold + EPSILON;
const under = (value: number, threshold: number) => value < threshold - EPSILON;
const atLeast = (value: number, threshold: number) => value >= threshold - EPSILON;

const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const percent = (fraction: number) => `${whole.format(Math.round(fraction * 100))} %`;

/** «2,1 procentpoint under 40 %»; a value exactly at a strict threshold says that it must be over (or under) it. */
function shareText(value: number, threshold: number, strict: 'over' | 'under'): string {
  if (Math.abs(value - threshold) < EPSILON) return `præcis ${percent(threshold)} (skal være ${strict} for at være opfyldt)`;
  return `${decimal.format(Math.abs(value - threshold) * 100)} procentpoint ${value > threshold ? 'over' : 'under'} ${percent(threshold)}`;
}

/** The residents' distance to 1,000 in words: «23 beboere fra 1.000», «275 beboere over 1.000». */
export function residentsDistanceText(residents: number): string {
  return residents >= MIN_RESIDENTS ? `${whole.format(residents - MIN_RESIDENTS)} beboere over 1.000` : `${whole.format(MIN_RESIDENTS - residents)} beboere fra 1.000`;
}

/** Evaluates one area's figures against both sets of criteria. */
export function evaluateCriteria(f: AreaFigures): CriteriaEvaluation {
  const criteriaMet: Record<Criterion, boolean> = {
    employment: over(f.employmentShare, UDSAT_THRESHOLDS.employment),
    crime: atLeast(f.convictionRatio, UDSAT_THRESHOLDS.crime),
    education: over(f.basicEducationShare, UDSAT_THRESHOLDS.education),
    income: under(f.incomeRatio, UDSAT_THRESHOLDS.income),
  };
  const preventionCriteriaMet: Record<Criterion, boolean> = {
    employment: over(f.employmentShare, PREVENTION_THRESHOLDS.employment),
    crime: atLeast(f.convictionRatio, PREVENTION_THRESHOLDS.crime),
    education: over(f.basicEducationShare, PREVENTION_THRESHOLDS.education),
    income: under(f.incomeRatio, PREVENTION_THRESHOLDS.income),
  };
  const enough = f.residents >= MIN_RESIDENTS;
  const count = CRITERIA.filter((c) => criteriaMet[c]).length;
  const udsat = enough && count >= 2;
  const parallelsamfund = udsat && over(f.nonWesternShare, PARALLEL_NON_WESTERN);
  const forebyggelsesomraade =
    enough && over(f.nonWesternShare, PREVENTION_NON_WESTERN) && CRITERIA.filter((c) => preventionCriteriaMet[c]).length >= 2;
  const classification: Classification = parallelsamfund ? 'parallelsamfund' : udsat ? 'udsat' : forebyggelsesomraade ? 'forebyggelsesomraade' : 'ingen';
  const residentsShort = Math.max(0, MIN_RESIDENTS - f.residents);
  const ratioDiff = f.convictionRatio - UDSAT_THRESHOLDS.crime;
  return {
    criteriaMet,
    count,
    udsat,
    parallelsamfund,
    forebyggelsesomraade,
    classification,
    residentsShort,
    preventionCriteriaMet,
    distances: {
      employment: {
        value: f.employmentShare, threshold: UDSAT_THRESHOLDS.employment, difference: f.employmentShare - UDSAT_THRESHOLDS.employment, met: criteriaMet.employment,
        text: shareText(f.employmentShare, UDSAT_THRESHOLDS.employment, 'over'),
      },
      crime: {
        value: f.convictionRatio, threshold: UDSAT_THRESHOLDS.crime, difference: ratioDiff, met: criteriaMet.crime,
        text: Math.abs(ratioDiff) < EPSILON ? 'præcis 3 gange landsgennemsnittet' : `${decimal.format(Math.abs(ratioDiff))} gange ${ratioDiff > 0 ? 'over' : 'under'} 3 gange landsgennemsnittet`,
      },
      education: {
        value: f.basicEducationShare, threshold: UDSAT_THRESHOLDS.education, difference: f.basicEducationShare - UDSAT_THRESHOLDS.education, met: criteriaMet.education,
        text: shareText(f.basicEducationShare, UDSAT_THRESHOLDS.education, 'over'),
      },
      income: {
        value: f.incomeRatio, threshold: UDSAT_THRESHOLDS.income, difference: f.incomeRatio - UDSAT_THRESHOLDS.income, met: criteriaMet.income,
        text: shareText(f.incomeRatio, UDSAT_THRESHOLDS.income, 'under'),
      },
      residents: {
        value: f.residents, threshold: MIN_RESIDENTS, difference: f.residents - MIN_RESIDENTS, met: enough,
        text: residentsDistanceText(f.residents),
      },
      nonWestern: {
        value: f.nonWesternShare, threshold: PARALLEL_NON_WESTERN, difference: f.nonWesternShare - PARALLEL_NON_WESTERN, met: over(f.nonWesternShare, PARALLEL_NON_WESTERN),
        text: shareText(f.nonWesternShare, PARALLEL_NON_WESTERN, 'over'),
      },
    },
  };
}
