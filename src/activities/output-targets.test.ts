import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randersPlanContent } from '../plan/content/index.js';
import type { ActivityTarget } from '../plan/content/types.js';
import { APPROXIMATE_TOLERANCE_PERCENT, assessOutput, planYearOf, planYearProgress } from './output-targets.js';

const year2025 = planYearOf('2025-08-01');
/** 182 of the 365 days of 2025/26 have passed by the end of 29 January 2026. */
const midYear = '2026-01-29';

function aTarget(fields: Partial<ActivityTarget> & Pick<ActivityTarget, 'kind'>): ActivityTarget {
  return { code: 'test', measure: 'deltagere', per: 'plan-year', printed: 'som planen skriver det', ref: { lines: [1, 1] }, ...fields };
}

function planTarget(code: string): ActivityTarget {
  const target = randersPlanContent.interventionAreas
    .flatMap((area) => area.activities)
    .flatMap((activity) => activity.targets)
    .find((t) => t.code === code);
  assert.ok(target, `planen har intet mål ${code}`);
  return target;
}

describe('planYearOf', () => {
  it('puts 1 August in the plan year that starts that day', () => {
    assert.deepEqual(planYearOf('2025-08-01'), { start: '2025-08-01', end: '2026-07-31', label: '2025/26' });
  });

  it('puts 31 July in the plan year that ends that day', () => {
    assert.deepEqual(planYearOf('2026-07-31'), { start: '2025-08-01', end: '2026-07-31', label: '2025/26' });
  });

  it('puts 29 February in the plan year that began the August before', () => {
    assert.equal(planYearOf('2028-02-29').label, '2027/28');
  });

  it('writes the second year of a label across a century with two digits', () => {
    assert.equal(planYearOf('1999-09-01').label, '1999/00');
  });

  it('rejects a date that does not exist', () => {
    assert.throws(() => planYearOf('2026-02-29'), RangeError);
  });
});

describe('planYearProgress', () => {
  it('counts the first day of the plan year as one whole day elapsed', () => {
    assert.equal(planYearProgress(year2025, '2025-08-01'), 1 / 365);
  });

  it('is 1 on the last day of the plan year', () => {
    assert.equal(planYearProgress(year2025, '2026-07-31'), 1);
  });

  it('is 0 before the plan year starts', () => {
    assert.equal(planYearProgress(year2025, '2025-07-31'), 0);
  });

  it('is 1 after the plan year has ended', () => {
    assert.equal(planYearProgress(year2025, '2027-03-01'), 1);
  });

  it('counts 29 February as one of 366 days in a leap plan year', () => {
    assert.equal(planYearProgress(planYearOf('2027-08-01'), '2028-02-29'), 213 / 366);
  });
});

describe('assessOutput for a minimum', () => {
  const atLeast12 = aTarget({ kind: 'minimum', min: 12 });

  it('is met exactly at the target', () => {
    const result = assessOutput(atLeast12, 12, year2025, midYear);
    assert.equal(result.status, 'opfyldt');
    assert.equal(result.text, '12 af mindst 12: opfyldt');
  });

  it('is on its way when the pace reaches the target exactly by 31 July', () => {
    const result = assessOutput(atLeast12, 6, year2025, midYear);
    assert.equal(result.forecast, 12);
    assert.equal(result.status, 'på vej');
    assert.equal(result.text, '6 af mindst 12: på vej – med det nuværende tempo: 12 af mindst 12 inden 31. juli 2026');
  });

  it('is behind when the pace falls short of the target', () => {
    const result = assessOutput(atLeast12, 5, year2025, midYear);
    assert.equal(result.forecast, 10);
    assert.equal(result.status, 'bagud');
    assert.match(result.rule, /ikke når 12/);
  });

  it('expects the target times the share of the year elapsed by now', () => {
    assert.equal(assessOutput(atLeast12, 5, year2025, midYear).expectedByNow, (12 * 182) / 365);
  });

  it('reads the number from value when the plan gives no min', () => {
    assert.equal(assessOutput(aTarget({ kind: 'minimum', value: 3 }), 3, year2025, midYear).status, 'opfyldt');
  });

  it('is behind, without a pace, once the plan year is over', () => {
    const result = assessOutput(atLeast12, 11, year2025, '2026-07-31');
    assert.equal(result.status, 'bagud');
    assert.equal(result.text, '11 af mindst 12: bagud (planåret sluttede 31. juli 2026)');
  });
});

describe('assessOutput for a range', () => {
  const fifteenToTwenty = aTarget({ kind: 'range', min: 15, max: 20 });

  it('is met at the lower end', () => {
    assert.equal(assessOutput(fifteenToTwenty, 15, year2025, midYear).status, 'opfyldt');
  });

  it('is met at the upper end', () => {
    assert.equal(assessOutput(fifteenToTwenty, 20, year2025, midYear).status, 'opfyldt');
  });

  it('is over the ceiling one above the upper end', () => {
    const result = assessOutput(fifteenToTwenty, 21, year2025, midYear);
    assert.equal(result.status, 'over loftet');
    assert.equal(result.text, '21 af 15-20: over loftet');
  });

  it('is judged against the lower end when not yet met', () => {
    assert.equal(assessOutput(fifteenToTwenty, 7, year2025, midYear).status, 'bagud');
    assert.equal(assessOutput(fifteenToTwenty, 8, year2025, midYear).status, 'på vej');
  });
});

describe('assessOutput for an approximate target', () => {
  it('reads «ca.» as ten per cent either side', () => {
    assert.equal(APPROXIMATE_TOLERANCE_PERCENT, 10);
  });

  it('is met exactly at the lower edge of ten per cent', () => {
    const result = assessOutput(aTarget({ kind: 'approximate', value: 80 }), 72, year2025, midYear);
    assert.equal(result.status, 'opfyldt');
    assert.equal(result.text, '72 af ca. 80: opfyldt');
  });

  it('is not met one below the lower edge', () => {
    assert.notEqual(assessOutput(aTarget({ kind: 'approximate', value: 80 }), 71, year2025, midYear).status, 'opfyldt');
  });

  it('meets a lower edge that floating point would miss (0.9 × 70)', () => {
    assert.equal(assessOutput(aTarget({ kind: 'approximate', value: 70 }), 63, year2025, midYear).status, 'opfyldt');
  });

  it('needs the next whole number when the edge is a fraction, and says so', () => {
    const ca35 = aTarget({ kind: 'approximate', value: 35 });
    assert.notEqual(assessOutput(ca35, 31, year2025, '2026-07-31').status, 'opfyldt');
    const result = assessOutput(ca35, 32, year2025, '2026-07-31');
    assert.equal(result.status, 'opfyldt');
    assert.match(result.rule, /opfyldt fra 31,5 \(dvs\. 32\)/);
  });

  it('has no ceiling: well above the value is still met', () => {
    assert.equal(assessOutput(aTarget({ kind: 'approximate', value: 35 }), 50, year2025, midYear).status, 'opfyldt');
  });
});

describe('assessOutput for an exact target', () => {
  const four = aTarget({ kind: 'exact', value: 4 });

  it('is met when equal', () => {
    assert.equal(assessOutput(four, 4, year2025, midYear).text, '4 af 4: opfyldt');
  });

  it('is over the ceiling one above', () => {
    assert.equal(assessOutput(four, 5, year2025, midYear).status, 'over loftet');
  });

  it('is on its way below when the pace reaches it', () => {
    assert.equal(assessOutput(four, 2, year2025, midYear).status, 'på vej');
  });
});

describe('assessOutput for a maximum', () => {
  const atMost12 = aTarget({ kind: 'maximum', max: 12 });

  it('is met at the ceiling', () => {
    const result = assessOutput(atMost12, 12, year2025, midYear);
    assert.equal(result.status, 'opfyldt');
    assert.equal(result.expectedByNow, null);
  });

  it('is over the ceiling one above', () => {
    assert.equal(assessOutput(atMost12, 13, year2025, midYear).status, 'over loftet');
  });

  it('stays met but warns when the pace would pass the ceiling', () => {
    const result = assessOutput(atMost12, 7, year2025, midYear);
    assert.equal(result.status, 'opfyldt');
    assert.equal(result.text, '7 af højst 12: opfyldt (med det nuværende tempo: 14 inden 31. juli 2026, over loftet)');
  });
});

describe('assessOutput for targets not per plan year', () => {
  it('does not measure a target per course on the plan year, and says why', () => {
    const result = assessOutput(aTarget({ kind: 'approximate', value: 8, per: 'course' }), 3, year2025, midYear);
    assert.equal(result.status, 'ikke målbar');
    assert.equal(result.forecast, null);
    assert.match(result.rule, /^Målet gælder pr\. forløb/);
  });

  it('does not measure a target for the whole plan period on one plan year', () => {
    const result = assessOutput(aTarget({ kind: 'exact', value: 10, per: 'plan-period' }), 10, year2025, midYear);
    assert.equal(result.status, 'ikke målbar');
    assert.match(result.rule, /hele planperioden/);
  });

  it('does not measure a target that lacks the number its kind needs', () => {
    assert.equal(assessOutput(aTarget({ kind: 'range', min: 6 }), 6, year2025, midYear).status, 'ikke målbar');
  });
});

describe('assessOutput early in the plan year', () => {
  const atLeast12 = aTarget({ kind: 'minimum', min: 12 });

  it('makes no forecast on the last day before five per cent of the year has passed', () => {
    const result = assessOutput(atLeast12, 0, year2025, '2025-08-18');
    assert.equal(result.forecast, null);
    assert.equal(result.status, 'på vej');
    assert.match(result.rule, /fremskrives der ikke/);
  });

  it('forecasts from the first day past five per cent', () => {
    const result = assessOutput(atLeast12, 0, year2025, '2025-08-19');
    assert.equal(result.forecast, 0);
    assert.equal(result.status, 'bagud');
  });

  it('makes no forecast before the plan year has started', () => {
    assert.equal(assessOutput(atLeast12, 0, year2025, '2025-07-15').forecast, null);
  });

  it('is met early when the target is already reached', () => {
    assert.equal(assessOutput(atLeast12, 12, year2025, '2025-08-02').status, 'opfyldt');
  });
});

describe('assessOutput with the plan itself', () => {
  it("meets Brandkadet's minimum of 12 young people with 12", () => {
    assert.equal(assessOutput(planTarget('brandkadet-deltagere'), 12, year2025, midYear).text, '12 af mindst 12: opfyldt');
  });

  it("puts Brandkadet's 11 young people at the end of the year behind", () => {
    assert.equal(assessOutput(planTarget('brandkadet-deltagere'), 11, year2025, '2026-07-31').status, 'bagud');
  });

  it("holds uddannelsesvejledningen's 21 courses over the plan's 15-20", () => {
    assert.equal(assessOutput(planTarget('uv-forloeb'), 21, year2025, midYear).status, 'over loftet');
  });

  it('can measure every plan-year target in the plan', () => {
    const unmeasurable = randersPlanContent.interventionAreas
      .flatMap((area) => area.activities)
      .flatMap((activity) => activity.targets)
      .filter((t) => t.per === 'plan-year')
      .filter((t) => assessOutput(t, 0, year2025, midYear).status === 'ikke målbar')
      .map((t) => t.code);
    assert.deepEqual(unmeasurable, []);
  });
});

describe('assessOutput input', () => {
  it('rejects a negative delivered count', () => {
    assert.throws(() => assessOutput(aTarget({ kind: 'minimum', min: 1 }), -1, year2025, midYear), RangeError);
  });

  it('rejects a today that is not a date', () => {
    assert.throws(() => assessOutput(aTarget({ kind: 'minimum', min: 1 }), 0, year2025, '29-01-2026'), RangeError);
  });
});
