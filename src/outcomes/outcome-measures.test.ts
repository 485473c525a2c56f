import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findMeasure, isOffenceMeasure, OFFENCE_REFUSAL, OUTCOME_MEASURES, parseOutcomePeriod, parseOutcomeValue, measureByKey } from './outcome-measures.js';
import { education } from '../plan/content/education.js';
import { strategicAgreement } from '../plan/content/strategic-agreement.js';
import { employment } from '../plan/content/employment.js';
import { crimePrevention } from '../plan/content/crime-prevention.js';
import { comparableIndicators } from './outcome-measures.js';

const TODAY = '2025-06-01';
const absence = measureByKey('skolefravaer')!;
const language = measureByKey('sprogvurdering')!;

describe('the catalogue of outcome measures', () => {
  it('holds school absence per term, the language assessment and employment status', () => {
    assert.equal(absence.periodKind, 'term');
    assert.equal(language.scale.type, 'category');
    assert.deepEqual(language.scale.type === 'category' && language.scale.values.map((v) => v.value), ['generel', 'fokuseret', 'særlig']);
    const employmentStatus = measureByKey('beskaeftigelse')!;
    assert.deepEqual(employmentStatus.scale.type === 'category' && employmentStatus.scale.values.map((v) => v.value), ['i job', 'i uddannelse', 'ledig', 'uden for arbejdsstyrken']);
  });

  it('compares only with indicators that the plan has', () => {
    const codes = new Set<string>();
    const collect = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(collect);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.code === 'string' && typeof o.unit === 'string') codes.add(o.code);
        Object.values(o).forEach(collect);
      }
    };
    collect([education, strategicAgreement, employment, crimePrevention]);
    for (const m of OUTCOME_MEASURES) for (const c of comparableIndicators(m)) assert.ok(codes.has(c), `${m.key} compares with ${c}, which the plan lacks`);
  });

  it('holds no measure about criminal offences, and compares with no crime indicator', () => {
    for (const m of OUTCOME_MEASURES) {
      assert.equal(isOffenceMeasure(m.name), false, m.name);
      assert.ok(!comparableIndicators(m).includes('lbf-3a'));
    }
  });

  it('refuses a measure about offences by design, whatever it is called', () => {
    for (const name of ['sigtelser', 'Dømt', 'dom', 'Kriminalitet', 'straffe', 'politikontakt']) {
      assert.deepEqual(findMeasure(name), { error: OFFENCE_REFUSAL }, name);
    }
    assert.ok(!('error' in findMeasure('ungdomsuddannelse')));
  });

  it('finds a measure by its key or its Danish name', () => {
    assert.equal((findMeasure('Skolefravær') as { key: string }).key, 'skolefravaer');
    assert.equal((findMeasure('skolefravaer') as { key: string }).key, 'skolefravaer');
    assert.match((findMeasure('højde') as { error: string }).error, /findes ikke/);
  });
});

describe('outcome values and periods', () => {
  it('reads absence as a percentage from 0 to 100', () => {
    assert.deepEqual(parseOutcomeValue(absence, '12,5'), { value: 12.5, valueText: null });
    assert.deepEqual(parseOutcomeValue(absence, '12,5 %'), { value: 12.5, valueText: null });
    assert.match((parseOutcomeValue(absence, '112') as { error: string }).error, /mellem 0 og 100/);
  });

  it('reads a language level by its value, label or alias, and names the allowed values otherwise', () => {
    assert.deepEqual(parseOutcomeValue(language, 'Særlig indsats'), { value: null, valueText: 'særlig' });
    assert.deepEqual(parseOutcomeValue(language, 'almen'), { value: null, valueText: 'generel' });
    assert.match((parseOutcomeValue(language, 'god') as { error: string }).error, /«generel», «fokuseret», «særlig»/);
  });

  it('reads a period in the measure’s kind and refuses one of another kind', () => {
    assert.deepEqual(parseOutcomePeriod(absence, '1. skolehalvår 2024/25', TODAY), { start: '2024-08-01', end: '2025-01-31', label: '1. skolehalvår 2024/25' });
    assert.deepEqual(parseOutcomePeriod(language, '15-03-2025', TODAY), { start: '2025-03-15', end: '2025-03-15', label: '15-03-2025' });
    assert.match((parseOutcomePeriod(measureByKey('beskaeftigelse')!, '2024', TODAY) as { error: string }).error, /ikke en måned/);
  });

  it('refuses a period that has not begun', () => {
    assert.match((parseOutcomePeriod(absence, '1. skolehalvår 2025/26', TODAY) as { error: string }).error, /ikke begyndt/);
  });
});
