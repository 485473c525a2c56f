import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { strategicAgreement, strategicAgreementRemarks } from './strategic-agreement.js';
import type { Baseline, Indicator, PlanRef } from './types.js';
import { PLAN_TEXT_LINES } from './plan-text.js';

const ocrLines = PLAN_TEXT_LINES;

/** The parts of the plan this file was extracted from: foreword, organisation and LBF goals, and the signed agreement. */
const sections: [number, number][] = [
  [1, 95],
  [378, 724],
  [3089, 3623],
];

/**
 * Printed figures whose digits OCR does not show as printed. Empty: "34,5 %" reads "345 %", which still has the
 * digits once commas are removed.
 */
const ocrExceptions = new Set<string>();

const digitsOnly = (s: string): string => s.replace(/[^0-9]/g, '');
const normalised = (ref: PlanRef): string => ocrLines.slice(ref.lines[0] - 1, ref.lines[1]).join('').replace(/[\s.,]/g, '');

const indicators: Indicator[] = strategicAgreement.goals.flatMap((g) => g.indicators);
const indicator = (code: string): Indicator => {
  const found = indicators.find((i) => i.code === code);
  assert.ok(found, `indicator ${code}`);
  return found;
};
const baseline = (code: string, scope: Baseline['scope'], period?: string): Baseline => {
  const found = indicator(code).baselines.filter((b) => b.scope === scope && (period === undefined || b.period === period));
  assert.equal(found.length, 1, `one ${scope} baseline for ${code} ${period ?? ''}`);
  return found[0]!;
};

const allRefs = (): PlanRef[] => [
  strategicAgreement.ref,
  ...strategicAgreement.goals.map((g) => g.ref),
  ...indicators.map((i) => i.ref),
  ...indicators.flatMap((i) => i.baselines.map((b) => b.ref)),
];

describe('the strategic agreement', () => {
  it('is made between the four RandersBolig associations, Lejerbo and Randers Kommune', () => {
    assert.equal(strategicAgreement.parties.length, 6);
    assert.ok(strategicAgreement.parties.includes('Møllevænget & Storgården'));
    assert.ok(strategicAgreement.parties.includes('Lejerbo'));
    assert.ok(strategicAgreement.parties.includes('Randers Kommune'));
  });

  it('runs from 1 August 2025 to 31 July 2029, as the signed agreement states', () => {
    assert.equal(strategicAgreement.periodStart, '2025-08-01');
    assert.equal(strategicAgreement.periodEnd, '2029-07-31');
    assert.match(ocrLines[3559 - 1]!, /1\. august 2025 - 31\. juli 2029/);
  });

  it("holds LBF's four fixed overall goals with nine indicators between them", () => {
    assert.deepEqual(strategicAgreement.goals.map((g) => g.code), ['lbf-1', 'lbf-2', 'lbf-3', 'lbf-4']);
    assert.deepEqual(strategicAgreement.goals.map((g) => g.indicators.length), [3, 2, 2, 2]);
    assert.equal(new Set(indicators.map((i) => i.code)).size, 9);
  });

  it('gives every indicator at least one baseline, and a municipal one wherever the source is LBF registry data', () => {
    for (const i of indicators) {
      assert.ok(i.baselines.length > 0, i.code);
      if (i.dataSource !== 'Landsbyggefondens trivsels- og tryghedsmåling') {
        assert.ok(i.baselines.some((b) => b.scope === 'municipality'), `${i.code} has a municipal baseline`);
        assert.ok(i.baselines.some((b) => b.scope === 'areas'), `${i.code} has a baseline for the areas`);
      }
    }
  });

  it('marks the survey indicators, which have no municipal figure, with a remark saying so', () => {
    for (const code of ['lbf-3b', 'lbf-4a']) {
      const i = indicator(code);
      assert.ok(!i.baselines.some((b) => b.scope === 'municipality'));
      assert.ok(i.remarks?.some((r) => /ingen kommunal værdi/.test(r.text)), code);
    }
  });

  it('keeps every reference inside the lines this part of the plan covers, first line before last', () => {
    for (const ref of allRefs()) {
      const [first, last] = ref.lines;
      assert.ok(first <= last, `${first}-${last}`);
      assert.ok(sections.some(([a, b]) => first >= a && last <= b), `${first}-${last} lies in a section`);
    }
  });

  it("finds every printed figure's digits in the OCR text within its reference lines", () => {
    for (const i of indicators) {
      for (const b of i.baselines) {
        if (ocrExceptions.has(b.printed)) continue;
        assert.ok(normalised(b.ref).includes(digitsOnly(b.printed)), `${i.code} ${b.scope} ${b.printed} in lines ${b.ref.lines.join('-')}`);
      }
    }
  });

  it('gives each value as the number its printed form says', () => {
    for (const b of indicators.flatMap((i) => i.baselines)) {
      const parsed = Number(b.printed.replace(/\s*%$/, '').replace(',', '.'));
      assert.equal(b.value, parsed, b.printed);
    }
  });

  it('uses only the baseline scopes and area slugs the product knows', () => {
    const slugs = ['gl-jennumparken', 'hermann-stillings-vej-omraadet', 'centrale-randers', 'energivej-omraadet', 'glarbjergvej-omraadet', 'sjaellandsgade-kvarteret', 'vangdalen'];
    for (const b of indicators.flatMap((i) => i.baselines)) {
      if (b.scope.startsWith('area:')) assert.ok(slugs.includes(b.scope.slice(5)), b.scope);
      else assert.ok(['areas', 'municipality', 'region', 'country', 'sector'].includes(b.scope) || b.scope.startsWith('group:'), b.scope);
    }
  });

  it('states the day-care share as 94,3 % in the areas against 89,7 % in the municipality in 2021', () => {
    assert.equal(baseline('lbf-1a', 'areas').value, 94.3);
    assert.equal(baseline('lbf-1a', 'municipality').value, 89.7);
    assert.equal(baseline('lbf-1a', 'areas').period, '2021');
  });

  it('keeps both years of the 9th-grade average: 5,6 against 6,8 in 2023 and 7,0 against 7,8 in 2022', () => {
    assert.equal(baseline('lbf-1b', 'areas', '2023').value, 5.6);
    assert.equal(baseline('lbf-1b', 'municipality', '2023').value, 6.8);
    assert.equal(baseline('lbf-1b', 'areas', '2022').value, 7.0);
    assert.equal(baseline('lbf-1b', 'municipality', '2022').value, 7.8);
  });

  it('restores 34,5 % where OCR lost the comma, and says so', () => {
    const b = baseline('lbf-1c', 'areas');
    assert.equal(b.value, 34.5);
    assert.ok(b.remarks?.some((r) => r.kind === 'ocr-uncertain'));
  });

  it('gives the sense of safety per area and for Denmark, the almene sector and the 198 selected areas', () => {
    assert.equal(baseline('lbf-3b', 'area:gl-jennumparken').value, 52);
    assert.equal(baseline('lbf-3b', 'area:glarbjergvej-omraadet').value, 43);
    assert.equal(baseline('lbf-3b', 'area:hermann-stillings-vej-omraadet').value, 32);
    assert.equal(baseline('lbf-3b', 'country').value, 60);
    assert.equal(baseline('lbf-3b', 'sector').value, 50);
    assert.equal(baseline('lbf-3b', 'group:198-udvalgte-boligomraader').value, 41);
  });

  it('keeps both of the two different volunteering figures per area, each marked as a contradiction', () => {
    const i = indicator('lbf-4a');
    assert.ok(i.remarks?.some((r) => r.kind === 'contradiction'));
    const jennum = i.baselines.filter((b) => b.scope === 'area:gl-jennumparken').map((b) => b.value);
    assert.deepEqual(jennum, [26, 33]);
    for (const b of i.baselines.filter((x) => x.ref.lines[0] === 694)) assert.ok(b.remarks?.some((r) => r.kind === 'contradiction'));
  });

  it('gives the turnout of the areas and the municipality at the 2021 local and the 2022 general election', () => {
    assert.equal(baseline('lbf-4b', 'areas', 'Kommunalvalg 2021').value, 43.7);
    assert.equal(baseline('lbf-4b', 'areas', 'Folketingsvalg 2022').value, 64.4);
    assert.equal(baseline('lbf-4b', 'municipality', 'Kommunalvalg 2021').value, 64.6);
    assert.equal(baseline('lbf-4b', 'municipality', 'Folketingsvalg 2022').value, 82.1);
  });

  it('notes on every LBF-registry indicator that small afdelinger are missing from the data', () => {
    for (const i of indicators.filter((x) => x.dataSource === 'Boligsociale data, LBF')) {
      assert.ok(i.remarks?.some((r) => /Energivej-området/.test(r.text)), i.code);
    }
  });

  it('records that the plan names the fourth housing association differently in different places', () => {
    assert.ok(strategicAgreementRemarks.some((r) => r.kind === 'contradiction' && /Andelsboligforening/.test(r.text) && /1874/.test(r.text)));
  });

  it('restores the Danish letters in every name and text', () => {
    const texts = JSON.stringify(strategicAgreement);
    for (const garbled of ['arige', 'bern', 'Jennumparjen', 'faellesskab', 'trivsles', 'Melleveenget', 'hgjest', 'Storgdrden']) {
      assert.ok(!texts.includes(garbled), garbled);
    }
  });
});
