import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randersPlanContent } from '../plan/content/index.js';
import {
  DEFAULT_STATUS_TOLERANCE,
  STATUS_LABELS,
  STATUS_RULES_DESCRIPTION,
  describeStatusRules,
  formatDifference,
  formatIndicatorValue,
  indicatorStatus,
  latestYearIn,
  pickBaseline,
  toleranceFor,
  type StatusInput,
} from './status.js';
import type { Baseline } from '../plan/content/types.js';

/** lbf-2b as the plan gives it: 38,6 % of the areas' 18-64-year-olds outside work and education in 2022, 15,8 % in the municipality. */
function aStatusInput(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    unit: 'percent',
    direction: 'higher-is-better',
    latest: { value: 38.6, periodLabel: '2024' },
    baseline: { value: 38.6, printed: '38,6 %', period: '2022' },
    municipality: null,
    municipalityBaseline: null,
    ...overrides,
  };
}

const latest = (value: number, periodLabel = '2024') => ({ value, periodLabel });

/** Absence (udd-2a): 10,0 % in the areas against 7,8 % in the municipality, a gap of 2,2 procentpoint at baseline. */
function aLevelInput(latestValue: number, municipalityValue = 7.8, overrides: Partial<StatusInput> = {}): StatusInput {
  return aStatusInput({
    direction: 'level-with-municipality',
    latest: latest(latestValue, '2024/25'),
    baseline: { value: 10, printed: '10,0%', period: 'skoleåret 2023-24' },
    municipality: latest(municipalityValue, '2024/25'),
    municipalityBaseline: { value: 7.8, printed: '7,8%', period: 'skoleåret 2023-24' },
    ...overrides,
  });
}

describe('status when higher is better', () => {
  it('is bedre when the latest share is just beyond one procentpoint above the baseline', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(39.7) })).status, 'bedre');
  });

  it('is uændret when the latest share is exactly one procentpoint above the baseline', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(39.6) })).status, 'uændret');
  });

  it('is uændret when the latest share is exactly one procentpoint below the baseline', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(37.6) })).status, 'uændret');
  });

  it('is dårligere when the latest share is just beyond one procentpoint below the baseline', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(37.5) })).status, 'dårligere');
  });

  it('names the figures, the direction and the tolerance in the rule', () => {
    assert.equal(
      indicatorStatus(aStatusInput({ latest: latest(41) })).rule,
      'Højere er bedre: 41,0 % (2024) ligger 2,4 procentpoint over baseline 38,6 % (2022) – mere end tolerancen på ±1,0 procentpoint.',
    );
  });

  it('says the change is within the tolerance when it is', () => {
    assert.match(indicatorStatus(aStatusInput({ latest: latest(38.9) })).rule, /ligger 0,3 procentpoint over baseline 38,6 % \(2022\) – inden for tolerancen på ±1,0 procentpoint\.$/);
  });

  it('says the latest value equals the baseline when it does', () => {
    assert.equal(indicatorStatus(aStatusInput()).rule, 'Højere er bedre: 38,6 % (2024) er lig med baseline 38,6 % (2022).');
  });
});

describe('status when lower is better', () => {
  const lower = (value: number) => indicatorStatus(aStatusInput({ direction: 'lower-is-better', latest: latest(value) }));

  it('is bedre when the latest share is just beyond the tolerance below the baseline', () => {
    assert.equal(lower(37.5).status, 'bedre');
  });

  it('is dårligere when the latest share is just beyond the tolerance above the baseline', () => {
    assert.equal(lower(39.7).status, 'dårligere');
  });

  it('is uændret when the latest share is exactly at the tolerance below the baseline', () => {
    assert.equal(lower(37.6).status, 'uændret');
  });

  it('is uændret when the latest share is exactly at the tolerance above the baseline', () => {
    assert.equal(lower(39.6).status, 'uændret');
  });

  it('says lower is better in the rule', () => {
    assert.match(lower(35.4).rule, /^Lavere er bedre: 35,4 % \(2024\) ligger 3,2 procentpoint under baseline/);
  });
});

describe('the tolerance', () => {
  const average = (baseline: number, value: number, overrides: Partial<StatusInput> = {}) =>
    indicatorStatus(aStatusInput({ unit: 'average', latest: latest(value), baseline: { value: baseline, printed: String(baseline), period: '2023' }, ...overrides }));

  it('is 5 % of the baseline for other units than shares, so exactly 5 % above is uændret', () => {
    assert.equal(average(8, 8.4).status, 'uændret');
  });

  it('is 5 % of the baseline for other units than shares, so just beyond 5 % above is bedre', () => {
    assert.equal(average(8, 8.41).status, 'bedre');
  });

  it('is at least 0,1 when 5 % of the baseline is less, so 0,1 above a baseline of 1 is uændret', () => {
    assert.equal(average(1, 1.1).status, 'uændret');
  });

  it('is at least 0,1 when 5 % of the baseline is less, so just beyond 0,1 above a baseline of 1 is bedre', () => {
    assert.equal(average(1, 1.11).status, 'bedre');
  });

  it('falls back to the minimum for other units when there is nothing to take 5 % of', () => {
    assert.equal(toleranceFor('count', null), 0.1);
  });

  it('uses the size of a negative baseline for the relative tolerance', () => {
    assert.equal(toleranceFor('score', -10), 0.5);
  });

  it('can be widened for shares, so 1,4 procentpoint is uændret with a tolerance of 2', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(40), tolerance: { sharePoints: 2 } })).status, 'uændret');
  });

  it('keeps the defaults for the parts a configured tolerance leaves out', () => {
    assert.equal(average(8, 8.41, { tolerance: { sharePoints: 2 } }).status, 'bedre');
  });

  it('can be narrowed for other units, so 2 % above is bedre with a relative tolerance of 1 %', () => {
    assert.equal(average(20, 20.4, { tolerance: { relative: 0.01 } }).status, 'bedre');
  });

  it('names a count tolerance without a unit in the rule', () => {
    const result = indicatorStatus(aStatusInput({ unit: 'count', direction: 'lower-is-better', latest: latest(5), baseline: { value: 9, printed: '9', period: '2023' } }));
    assert.equal(result.rule, 'Lavere er bedre: 5 (2024) ligger 4 under baseline 9 (2023) – mere end tolerancen på ±0,45.');
  });
});

describe('status when the goal is to be on a level with the municipality', () => {
  it('is bedre when the gap to the municipality shrank by more than the tolerance', () => {
    assert.equal(indicatorStatus(aLevelInput(8.9)).status, 'bedre');
  });

  it('is uændret when the gap shrank by exactly the tolerance', () => {
    assert.equal(indicatorStatus(aLevelInput(9)).status, 'uændret');
  });

  it('is uændret when the gap grew by exactly the tolerance', () => {
    assert.equal(indicatorStatus(aLevelInput(11)).status, 'uændret');
  });

  it('is dårligere when the gap grew by more than the tolerance', () => {
    assert.equal(indicatorStatus(aLevelInput(11.1)).status, 'dårligere');
  });

  it('measures the gap on either side of the municipality, so passing it by as much as one lagged is uændret', () => {
    assert.equal(indicatorStatus(aLevelInput(5.6)).status, 'uændret');
  });

  it('follows the municipality: the same area value is bedre when the municipality moved towards it', () => {
    assert.equal(indicatorStatus(aLevelInput(10, 9)).status, 'bedre');
  });

  it('names both gaps with their figures and periods in the rule', () => {
    assert.equal(
      indicatorStatus(aLevelInput(8.9)).rule,
      'Målet er niveau med kommunen. Afstanden til kommunen er 1,1 procentpoint nu (2024/25: 8,9 % mod kommunens 7,8 %) ' +
        'og var 2,2 procentpoint ved baseline (skoleåret 2023-24: 10,0 % mod kommunens 7,8 %). ' +
        'Afstanden er 1,1 procentpoint mindre – mere end tolerancen på ±1,0 procentpoint.',
    );
  });

  it('says the gap grew when it did', () => {
    assert.match(indicatorStatus(aLevelInput(11.1)).rule, /Afstanden er 1,1 procentpoint større – mere end tolerancen på ±1,0 procentpoint\.$/);
  });

  it('says the gap is the same when it is', () => {
    assert.match(indicatorStatus(aLevelInput(12.2, 10)).rule, /Afstanden er den samme\.$/);
  });

  it('names the municipality’s periods when they differ from the area’s', () => {
    const result = indicatorStatus(
      aLevelInput(8.9, 7.8, { municipality: latest(7.8, '2023/24'), municipalityBaseline: { value: 7.8, printed: '7,8%', period: 'skoleåret 2022-23' } }),
    );
    assert.match(result.rule, /mod kommunens 7,8 % for 2023\/24\).*mod kommunens 7,8 % for skoleåret 2022-23\)/);
  });

  it('is ukendt, naming the period, when the municipality’s figure for the latest period is missing', () => {
    const result = indicatorStatus(aLevelInput(8.9, 7.8, { municipality: null }));
    assert.deepEqual([result.status, result.rule], ['ukendt', 'Målet er niveau med kommunen, men kommunens tal for 2024/25 mangler.']);
  });

  it('is ukendt when the plan has no baseline for the municipality', () => {
    const result = indicatorStatus(aLevelInput(8.9, 7.8, { municipalityBaseline: null }));
    assert.deepEqual([result.status, result.rule], ['ukendt', 'Målet er niveau med kommunen, men ingen baseline for kommunen i planen.']);
  });

  it('is ukendt, quoting the plan, when the municipality’s baseline is not a number', () => {
    const result = indicatorStatus(aLevelInput(8.9, 7.8, { municipalityBaseline: { value: null, printed: '(ulæseligt)', period: '2023' } }));
    assert.equal(result.rule, 'Målet er niveau med kommunen, men planens baseline for kommunen er ikke et tal: «(ulæseligt)» (2023).');
  });

  it('names both missing municipal figures when both are missing', () => {
    const result = indicatorStatus(aLevelInput(8.9, 7.8, { municipality: null, municipalityBaseline: null }));
    assert.equal(result.rule, 'Målet er niveau med kommunen, men kommunens tal for 2024/25 mangler. Ingen baseline for kommunen i planen.');
  });

  it('still gives the change against the baseline when the municipal figures are missing', () => {
    const result = indicatorStatus(aLevelInput(8.9, 7.8, { municipality: null }));
    assert.deepEqual([result.change, result.changeText], [-1.1, '1,1 procentpoint lavere end baseline (10,0 %, skoleåret 2023-24)']);
  });
});

describe('on a level with the municipality', () => {
  const level = (direction: StatusInput['direction'], value: number, municipality: number | null) =>
    indicatorStatus(aStatusInput({ direction, latest: latest(value), municipality: municipality === null ? null : latest(municipality) })).levelWithMunicipality;

  it('is true exactly at the tolerance from the municipality', () => {
    assert.equal(level('level-with-municipality', 16.8, 15.8), true);
  });

  it('is false just beyond the tolerance when the goal is the level itself', () => {
    assert.equal(level('level-with-municipality', 16.9, 15.8), false);
  });

  it('is false just beyond the tolerance below the municipality when the goal is the level itself', () => {
    assert.equal(level('level-with-municipality', 14.7, 15.8), false);
  });

  it('is true above the municipality when higher is better', () => {
    assert.equal(level('higher-is-better', 20, 15.8), true);
  });

  it('is false below the municipality beyond the tolerance when higher is better', () => {
    assert.equal(level('higher-is-better', 14.7, 15.8), false);
  });

  it('is true below the municipality when lower is better', () => {
    assert.equal(level('lower-is-better', 10, 15.8), true);
  });

  it('is false above the municipality beyond the tolerance when lower is better', () => {
    assert.equal(level('lower-is-better', 16.9, 15.8), false);
  });

  it('is null without a municipal figure', () => {
    assert.equal(level('lower-is-better', 10, null), null);
  });

  it('is null without a latest value', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: null, municipality: latest(15.8) })).levelWithMunicipality, null);
  });

  it('is known without a baseline, with the tolerance taken from the municipality’s value', () => {
    const result = indicatorStatus(
      aStatusInput({ unit: 'average', direction: 'level-with-municipality', latest: latest(7.3), baseline: null, municipality: latest(7) }),
    );
    assert.deepEqual([result.status, result.levelWithMunicipality], ['ukendt', true]);
  });
});

describe('status when figures are missing', () => {
  it('is ukendt without a latest value, saying so', () => {
    const result = indicatorStatus(aStatusInput({ latest: null }));
    assert.deepEqual(result, { status: 'ukendt', change: null, levelWithMunicipality: null, rule: 'Ingen måling for dette område endnu.', changeText: '' });
  });

  it('is ukendt when the plan has no baseline for the scope', () => {
    const result = indicatorStatus(aStatusInput({ baseline: null }));
    assert.deepEqual([result.status, result.rule, result.change], ['ukendt', 'Ingen baseline for dette område i planen.', null]);
  });

  it('is ukendt, quoting the plan, when the baseline is not a number', () => {
    const result = indicatorStatus(aStatusInput({ baseline: { value: null, printed: '(ulæseligt i OCR-teksten)', period: 'oktober 2024, afgangsår 2024' } }));
    assert.equal(result.rule, 'Planens baseline for dette område er ikke et tal: «(ulæseligt i OCR-teksten)» (oktober 2024, afgangsår 2024).');
  });

  it('names both reasons when the latest value and the baseline are both missing', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: null, baseline: null })).rule, 'Ingen måling for dette område endnu. Ingen baseline for dette område i planen.');
  });

  it('is ukendt for an indicator that is not a number', () => {
    assert.equal(indicatorStatus(aStatusInput({ unit: 'text' })).status, 'ukendt');
  });
});

describe('the change', () => {
  it('is latest minus baseline without floating-point noise', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(39.6) })).change, 1);
  });

  it('says a lower share in procentpoint with the baseline and its period', () => {
    const result = indicatorStatus(aStatusInput({ direction: 'lower-is-better', latest: latest(35.4) }));
    assert.equal(result.changeText, '3,2 procentpoint lavere end baseline (38,6 %, 2022)');
  });

  it('says a higher share in procentpoint', () => {
    assert.equal(indicatorStatus(aStatusInput({ latest: latest(41) })).changeText, '2,4 procentpoint højere end baseline (38,6 %, 2022)');
  });

  it('says a larger count as more', () => {
    const result = indicatorStatus(aStatusInput({ unit: 'count', latest: latest(11), baseline: { value: 9, printed: '9', period: '2023' } }));
    assert.equal(result.changeText, '2 flere end baseline (9, 2023)');
  });

  it('says a smaller count as fewer', () => {
    const result = indicatorStatus(aStatusInput({ unit: 'count', latest: latest(1234), baseline: { value: 1240, printed: '1.240', period: '2023' } }));
    assert.equal(result.changeText, '6 færre end baseline (1.240, 2023)');
  });

  it('says a lower average without a unit', () => {
    const result = indicatorStatus(aStatusInput({ unit: 'average', latest: latest(5.2), baseline: { value: 5.6, printed: '5,6', period: '2023' } }));
    assert.equal(result.changeText, '0,4 lavere end baseline (5,6, 2023)');
  });

  it('says an unchanged value is the same as the baseline', () => {
    assert.equal(indicatorStatus(aStatusInput()).changeText, 'Som baseline (38,6 %, 2022)');
  });
});

describe('Danish number formats', () => {
  it('writes a share with a decimal comma and a spaced percent sign', () => {
    assert.equal(formatIndicatorValue('percent', 38.6), '38,6 %');
  });

  it('keeps a share’s second decimal when it has one', () => {
    assert.equal(formatIndicatorValue('percent', 0.92), '0,92 %');
  });

  it('writes a count with a thousands point and no decimals', () => {
    assert.equal(formatIndicatorValue('count', 1234), '1.234');
  });

  it('writes an average with one decimal even when whole', () => {
    assert.equal(formatIndicatorValue('average', 7), '7,0');
  });

  it('writes a difference without its sign', () => {
    assert.equal(formatDifference('percent', -3.2), '3,2 procentpoint');
  });

  it('builds no number format while computing a status', () => {
    const original = Intl.NumberFormat;
    let built = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      built++;
      return new original(...args);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = counting;
    try {
      indicatorStatus(aLevelInput(8.9));
      indicatorStatus(aStatusInput({ latest: latest(41) }));
    } finally {
      Intl.NumberFormat = original;
    }
    assert.equal(built, 0);
  });
});

describe('labels and the description of the rules', () => {
  it('labels every status in Danish', () => {
    assert.deepEqual(STATUS_LABELS, { bedre: 'Bedre', uændret: 'Uændret', dårligere: 'Dårligere', ukendt: 'Ukendt' });
  });

  it('describes the default rules with their tolerances', () => {
    assert.match(STATUS_RULES_DESCRIPTION, /mere end 1,0 procentpoint for andele og mere end 5 % af baseline \(mindst 0,1\)/);
  });

  it('describes a configured tolerance', () => {
    assert.match(describeStatusRules({ sharePoints: 2, relative: 0.1 }), /mere end 2,0 procentpoint for andele og mere end 10 % af baseline \(mindst 0,1\)/);
  });

  it('defaults to one procentpoint, 5 % and at least 0,1', () => {
    assert.deepEqual(DEFAULT_STATUS_TOLERANCE, { sharePoints: 1, relative: 0.05, minimum: 0.1 });
  });
});

describe('the baseline for a scope', () => {
  const b = (scope: Baseline['scope'], value: number | null, period: string) => ({ scope, value, period, printed: String(value) });

  it('is null when the plan has none for the scope', () => {
    assert.equal(pickBaseline([b('municipality', 15.8, '2022')], 'areas'), null);
  });

  it('is the only one the plan gives for the scope, ignoring other scopes', () => {
    const areas = b('areas', 38.6, '2022');
    assert.equal(pickBaseline([b('municipality', 15.8, '2023'), areas], 'areas'), areas);
  });

  it('is the one with the largest year when the later one is listed last', () => {
    const folketingsvalg = b('areas', 64.4, 'Folketingsvalg 2022');
    assert.equal(pickBaseline([b('areas', 43.7, 'Kommunalvalg 2021'), folketingsvalg], 'areas'), folketingsvalg);
  });

  it('is the one with the largest year when the later one is listed first', () => {
    const later = b('areas', 5.6, '2023');
    assert.equal(pickBaseline([later, b('areas', 7, '2022')], 'areas'), later);
  });

  it('is the first listed when two name the same year', () => {
    const first = b('area:vangdalen', 27, '2023');
    assert.equal(pickBaseline([first, b('area:vangdalen', 40, '2023')], 'area:vangdalen'), first);
  });

  it('reads the last year of a range such as «oktober 2023-september 2024»', () => {
    const range = b('areas', 1, 'oktober 2023-september 2024');
    assert.equal(pickBaseline([b('areas', 2, '2023'), range], 'areas'), range);
  });

  it('counts «skoleåret 2023-24» as 2023, since only four-digit years count', () => {
    assert.equal(latestYearIn('skoleåret 2023-24'), 2023);
  });

  it('lets a period with a year win over one without', () => {
    const dated = b('country', 10, '2023');
    assert.equal(pickBaseline([b('country', 5, 'normalfordeling (ingen år angivet)'), dated], 'country'), dated);
  });

  it('passes over a baseline without a value when another has one, even a later one', () => {
    const withValue = b('areas', 77.2, '2023');
    assert.equal(pickBaseline([b('areas', null, '2024'), withValue], 'areas'), withValue);
  });

  it('returns a baseline without a value when it is the only one', () => {
    const unreadable = b('areas', null, 'oktober 2024, afgangsår 2024');
    assert.equal(pickBaseline([unreadable], 'areas'), unreadable);
  });

  it('picks the general election of 2022 for the areas’ turnout in the Randers plan', () => {
    const goal = randersPlanContent.strategicAgreement.goals.flatMap((g) => g.indicators).find((i) => i.code === 'lbf-4b')!;
    assert.equal(pickBaseline(goal.baselines, 'areas')?.printed, '64,4 %');
  });
});
