import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCriteria, type AreaFigures } from './area-criteria.js';

const none: AreaFigures = { residents: 1500, nonWesternShare: 0.2, employmentShare: 0.2, convictionRatio: 1, basicEducationShare: 0.3, incomeRatio: 0.8 };

describe('the state’s area criteria', () => {
  it('treats «over 40 %» as strict: exactly 40 % is not met, just over is', () => {
    assert.equal(evaluateCriteria({ ...none, employmentShare: 0.4 }).criteriaMet.employment, false);
    assert.equal(evaluateCriteria({ ...none, employmentShare: 0.4001 }).criteriaMet.employment, true);
  });

  it('treats «at least 3 times» as inclusive', () => {
    assert.equal(evaluateCriteria({ ...none, convictionRatio: 3 }).criteriaMet.crime, true);
    assert.equal(evaluateCriteria({ ...none, convictionRatio: 2.99 }).criteriaMet.crime, false);
  });

  it('treats «over 60 %» basic schooling and «under 55 %» income as strict', () => {
    assert.equal(evaluateCriteria({ ...none, basicEducationShare: 0.6 }).criteriaMet.education, false);
    assert.equal(evaluateCriteria({ ...none, basicEducationShare: 0.61 }).criteriaMet.education, true);
    assert.equal(evaluateCriteria({ ...none, incomeRatio: 0.55 }).criteriaMet.income, false);
    assert.equal(evaluateCriteria({ ...none, incomeRatio: 0.549 }).criteriaMet.income, true);
  });

  it('ignores representation noise at a threshold', () => {
    assert.equal(evaluateCriteria({ ...none, employmentShare: 0.1 + 0.3 }).criteriaMet.employment, false);
  });

  it('makes an area of at least 1,000 residents with two criteria a udsat boligområde', () => {
    const r = evaluateCriteria({ ...none, residents: 1000, employmentShare: 0.45, incomeRatio: 0.5 });
    assert.equal(r.count, 2);
    assert.equal(r.udsat, true);
    assert.equal(r.classification, 'udsat');
  });

  it('shows Hermann Stillingsvej-området as meeting three criteria but 23 residents short of 1,000', () => {
    // Plan, OCR lines 267-270: three criteria met, «hvis der blot havde været 23 flere beboere den 1. januar 2023».
    const r = evaluateCriteria({ residents: 977, nonWesternShare: 0.35, employmentShare: 0.5, convictionRatio: 3.5, basicEducationShare: 0.62, incomeRatio: 0.6 });
    assert.equal(r.count, 3);
    assert.equal(r.udsat, false);
    assert.equal(r.residentsShort, 23);
    assert.equal(r.distances.residents.text, '23 beboere fra 1.000');
  });

  it('makes a udsat area with over 50 % non-western residents a parallelsamfund, and not at exactly 50 %', () => {
    const base = { ...none, employmentShare: 0.45, convictionRatio: 3 };
    assert.equal(evaluateCriteria({ ...base, nonWesternShare: 0.5 }).parallelsamfund, false);
    const r = evaluateCriteria({ ...base, nonWesternShare: 0.51 });
    assert.equal(r.parallelsamfund, true);
    assert.equal(r.classification, 'parallelsamfund');
  });

  it('makes a forebyggelsesområde from § 61 b’s lower thresholds and over 30 % non-western residents', () => {
    const r = evaluateCriteria({ ...none, nonWesternShare: 0.31, employmentShare: 0.35, convictionRatio: 2 });
    assert.equal(r.udsat, false);
    assert.deepEqual(r.preventionCriteriaMet, { employment: true, crime: true, education: false, income: false });
    assert.equal(r.forebyggelsesomraade, true);
    assert.equal(r.classification, 'forebyggelsesomraade');
    assert.equal(evaluateCriteria({ ...none, nonWesternShare: 0.3, employmentShare: 0.35, convictionRatio: 2 }).forebyggelsesomraade, false);
  });

  it('says the distance to each threshold in Danish', () => {
    const r = evaluateCriteria({ ...none, employmentShare: 0.379, convictionRatio: 2.6, incomeRatio: 0.57 });
    assert.equal(r.distances.employment.text, '2,1 procentpoint under 40 %');
    assert.equal(r.distances.crime.text, '0,4 gange under 3 gange landsgennemsnittet');
    assert.equal(r.distances.income.text, '2,0 procentpoint over 55 %');
    assert.equal(evaluateCriteria({ ...none, employmentShare: 0.4 }).distances.employment.text, 'præcis 40 % (skal være over for at være opfyldt)');
  });
});
