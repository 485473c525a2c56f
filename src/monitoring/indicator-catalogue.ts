/**
 * The indicators that measurements can be about: the plan's own (LBF's overall goals and each intervention area's
 * sub-goals, read from the plan's current content) and the state's area criteria, which are not in the plan but are
 * imported like any indicator so that the criteria view can be computed per area and year.
 */
import type { Indicator } from '../plan/content/types.js';
import type { GoalData, InterventionAreaData, PlanElement, PlanSnapshot, SubGoalData } from '../plan/plan-snapshot.js';
import type { Criterion } from './area-criteria.js';
import type { IndicatorDefinition } from './measurement.js';

/** The indicator set of the state's area criteria. */
export const CRITERIA_SET = 'kriterier';

/**
 * The figures behind the state's criteria (almenboligloven § 61 a and § 61 b), as indicators. Shares are percentages
 * like every other share in Helhed; the crime figure is a multiple of the national average.
 */
export const CRITERIA_INDICATORS = {
  residents: { code: 'stat-beboere', name: 'Antal beboere (statens opgørelse pr. 1. januar)', unit: 'count', direction: 'higher-is-better' },
  employment: { code: 'stat-beskaeftigelse', name: 'Andel 18-64-årige uden for arbejdsmarkedet eller uddannelse (gennemsnit af to år)', unit: 'percent', direction: 'lower-is-better' },
  crime: { code: 'stat-kriminalitet', name: 'Andel dømte i forhold til landsgennemsnittet, som multiplum (gennemsnit af to år)', unit: 'rate', direction: 'lower-is-better' },
  education: { code: 'stat-uddannelse', name: 'Andel 30-59-årige med kun grundskoleuddannelse', unit: 'percent', direction: 'lower-is-better' },
  income: { code: 'stat-indkomst', name: 'Gennemsnitlig bruttoindkomst for 15-64-årige i procent af regionens', unit: 'percent', direction: 'higher-is-better' },
  nonWestern: { code: 'stat-ikke-vestlige', name: 'Andel indvandrere og efterkommere fra ikke-vestlige lande', unit: 'percent', direction: 'level-with-municipality' },
} as const satisfies Record<Criterion | 'residents' | 'nonWestern', Omit<IndicatorDefinition, 'set' | 'dataSource'>>;

const CRITERIA_SOURCE = 'Social- og Boligministeriets opgørelse (Danmarks Statistik)';

export interface IndicatorGroup {
  /** `lbf-1`, `udd-1` …: the goal or sub-goal the indicators follow. */
  code: string;
  title: string;
  indicators: IndicatorDefinition[];
}

export interface IndicatorSet {
  slug: string;
  name: string;
  groups: IndicatorGroup[];
}

export interface IndicatorCatalogue {
  definitions: ReadonlyMap<string, IndicatorDefinition>;
  /** The plan's indicators element by code (with baselines), for status and dashboards. */
  planIndicators: ReadonlyMap<string, Indicator>;
  sets: IndicatorSet[];
}

const cache = new WeakMap<PlanSnapshot, IndicatorCatalogue>();

/** The catalogue of a plan's current content (kept as long as the snapshot is). */
export function indicatorCatalogue(snapshot: PlanSnapshot): IndicatorCatalogue {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const definitions = new Map<string, IndicatorDefinition>();
  const planIndicators = new Map<string, Indicator>();
  const sets: IndicatorSet[] = [];
  const define = (set: string, indicator: Indicator): IndicatorDefinition => {
    const d: IndicatorDefinition = { code: indicator.code, name: indicator.name, unit: indicator.unit, direction: indicator.direction, set, dataSource: indicator.dataSource };
    definitions.set(d.code, d);
    planIndicators.set(d.code, indicator);
    return d;
  };

  const agreement = snapshot.strategicAgreement();
  if (agreement) {
    const goals = snapshot.childrenOf<GoalData>(agreement.id, 'goal');
    sets.push({
      slug: 'lbf',
      name: 'Landsbyggefondens overordnede mål',
      groups: goals.map((g) => ({ code: g.data.code, title: g.data.title, indicators: snapshot.childrenOf<Indicator>(g.id, 'indicator').map((i) => define('lbf', i.data)) })),
    });
  }
  for (const area of snapshot.interventionAreas()) {
    const subGoals = snapshot.childrenOf<SubGoalData>(area.id, 'sub-goal');
    sets.push({
      slug: area.data.slug,
      name: area.data.name,
      groups: subGoals.map((s: PlanElement<SubGoalData>) => ({
        code: s.data.code,
        title: s.data.text,
        indicators: snapshot.childrenOf<Indicator>(s.id, 'indicator').map((i) => define(area.data.slug, i.data)),
      })),
    });
  }
  const criteria = Object.values(CRITERIA_INDICATORS).map((c) => {
    const d: IndicatorDefinition = { ...c, set: CRITERIA_SET, dataSource: CRITERIA_SOURCE };
    definitions.set(d.code, d);
    return d;
  });
  sets.push({ slug: CRITERIA_SET, name: 'Statens kriterier for boligområder', groups: [{ code: CRITERIA_SET, title: 'Kriterierne i almenboligloven § 61 a og § 61 b', indicators: criteria }] });

  const catalogue = { definitions, planIndicators, sets };
  cache.set(snapshot, catalogue);
  return catalogue;
}

