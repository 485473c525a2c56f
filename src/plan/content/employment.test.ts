import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { employment } from './employment.js';
import type { Baseline, DataRemark, PlanRef } from './types.js';
import { PLAN_TEXT_LINES, AREA_SLUGS, walkContent } from './plan-text.js';

const SECTION: [number, number] = [1907, 2354];
const ocr = PLAN_TEXT_LINES;


const normalise = (text: string): string => text.replace(/[\s.,]/g, '');
const ocrText = (ref: PlanRef): string => normalise(ocr.slice(ref.lines[0] - 1, ref.lines[1]).join('\n'));

/**
 * Printed figures whose digits OCR garbled within their ref lines, each with why. Empty: every figure's digits are in
 * the OCR text as they stand (OCR's «43 7%», «484%» and «17 7 o,» normalise to the digits of 43,7 %, 48,4 % and 17,7 %).
 */
const OCR_DIGIT_EXCEPTIONS: Record<string, string> = {};

const allRefs: { path: string; ref: PlanRef }[] = [];
const figures: { path: string; printed: string; ref: PlanRef; extra: number[] }[] = [];
const remarks: { path: string; remark: DataRemark }[] = [];
walkContent(employment, 'employment', (value, path) => {
  const ref = value.ref as PlanRef | undefined;
  if (ref && Array.isArray(ref.lines)) allRefs.push({ path, ref });
  if (typeof value.printed === 'string' && ref) {
    const extra = [value.numerator, value.denominator].filter((n): n is number => typeof n === 'number');
    figures.push({ path, printed: value.printed, ref, extra });
  }
  if (Array.isArray(value.remarks)) for (const remark of value.remarks as DataRemark[]) remarks.push({ path, remark });
});

/** Every text a person reads, leaving out slugs, codes and scopes (ASCII by design) and remarks (which quote the OCR). */
function proseOf(node: unknown, key = ''): string[] {
  if (['slug', 'code', 'scope', 'activity', 'areas', 'remarks'].includes(key)) return [];
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap((child) => proseOf(child));
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, child]) => proseOf(child, k));
  return [];
}

const indicator = (code: string) => {
  const found = employment.subGoals.flatMap((g) => g.indicators).find((i) => i.code === code);
  assert.ok(found, `indicator ${code}`);
  return found;
};
const baseline = (code: string, scope: Baseline['scope']): Baseline => {
  const found = indicator(code).baselines.find((b) => b.scope === scope);
  assert.ok(found, `${code} ${scope}`);
  return found;
};
const activity = (slug: string) => {
  const found = employment.activities.find((a) => a.slug === slug);
  assert.ok(found, slug);
  return found;
};

describe('Beskæftigelse as seed data', () => {
  it('is the intervention area beskaeftigelse with its two activities in the plan\'s order', () => {
    assert.equal(employment.slug, 'beskaeftigelse');
    assert.equal(employment.name, 'Beskæftigelse');
    assert.deepEqual(
      employment.activities.map((a) => [a.number, a.slug]),
      [
        [1, 'fremskudt-beskaeftigelsesindsats'],
        [2, 'job-til-mor'],
      ],
    );
  });

  it('has two sub-goals with three indicators and three staff-hour entries', () => {
    assert.equal(employment.subGoals.length, 2);
    assert.deepEqual(
      employment.subGoals.map((g) => g.indicators.map((i) => i.code)),
      [['besk-1', 'besk-2'], ['besk-3']],
    );
    assert.equal(employment.staffHours.length, 3);
  });

  it('runs the sub-agreement from 1 August 2025 to 31 July 2029 between Jobcenter, Familieafdelingen and Bysekretariatet', () => {
    assert.equal(employment.subAgreement.periodStart, '2025-08-01');
    assert.equal(employment.subAgreement.periodEnd, '2029-07-31');
    assert.deepEqual(employment.subAgreement.parties, ['Jobcenter Randers', 'Randers Kommune, Familieafdelingen', 'Bysekretariatet']);
  });

  it('keeps every ref inside the section\'s lines 1907-2354, first line before last', () => {
    assert.ok(allRefs.length >= 30, `${allRefs.length} refs`);
    for (const { path, ref } of allRefs) {
      assert.ok(ref.lines[0] <= ref.lines[1], `${path}: ${ref.lines}`);
      assert.ok(ref.lines[0] >= SECTION[0] && ref.lines[1] <= SECTION[1], `${path}: ${ref.lines}`);
    }
  });

  it('cites only lines inside the section in its remarks', () => {
    for (const { path, remark } of remarks) {
      for (const match of remark.text.matchAll(/linje ([\d, og-]+)/g)) {
        for (const n of match[1]!.match(/\d+/g) ?? []) {
          const line = Number(n);
          assert.ok(line >= SECTION[0] && line <= SECTION[1], `${path}: linje ${line}`);
        }
      }
    }
  });

  it('finds the digits of every printed figure, numerator and denominator in the OCR text of its ref lines', () => {
    assert.ok(figures.length >= 20);
    for (const { path, printed, ref, extra } of figures) {
      if (OCR_DIGIT_EXCEPTIONS[printed]) continue;
      const text = ocrText(ref);
      const runs = [...(normalise(printed).match(/\d+/g) ?? []), ...extra.map(String)];
      for (const digits of runs) assert.ok(text.includes(digits), `${path}: «${printed}» (${digits}) not in lines ${ref.lines}`);
    }
  });

  it('gives each per-area indicator exactly one baseline for each of the seven areas', () => {
    for (const code of ['besk-1', 'besk-2']) {
      const scopes = indicator(code).baselines.filter((b) => b.scope.startsWith('area:')).map((b) => b.scope.slice(5));
      assert.deepEqual([...scopes].sort(), [...AREA_SLUGS].sort(), code);
    }
  });

  it('matches each printed percentage with its value', () => {
    for (const b of employment.subGoals.flatMap((g) => g.indicators).flatMap((i) => i.baselines)) {
      assert.equal(Number(b.printed.replace(' %', '').replace(',', '.')), b.value, b.printed);
    }
  });

  it('has shares that equal their numerator over denominator as printed (79 of 788 mothers, 227 of 10.873)', () => {
    const areas = baseline('besk-3', 'areas');
    const municipality = baseline('besk-3', 'municipality');
    assert.deepEqual([areas.numerator, areas.denominator, areas.value], [79, 788, 10]);
    assert.deepEqual([municipality.numerator, municipality.denominator, municipality.value], [227, 10873, 2.1]);
    assert.equal(Math.round((100 * 79) / 788), 10);
    assert.equal(Math.round((1000 * 227) / 10873) / 10, 2.1);
  });

  it('states the plan\'s baselines for those outside the labour market literally', () => {
    assert.equal(baseline('besk-1', 'area:energivej-omraadet').value, 54.0);
    assert.equal(baseline('besk-1', 'area:gl-jennumparken').printed, '43,7 %');
    assert.equal(baseline('besk-1', 'area:hermann-stillings-vej-omraadet').value, 48.4);
    assert.equal(baseline('besk-1', 'municipality').value, 17.7);
    assert.equal(baseline('besk-1', 'area:glarbjergvej-omraadet').period, 'oktober 2023-september 2024');
    assert.equal(baseline('besk-2', 'area:sjaellandsgade-kvarteret').value, 4.6);
  });

  it('flags that the plan gives no municipal baseline for the share on kontanthjælp', () => {
    assert.equal(indicator('besk-2').baselines.some((b) => b.scope === 'municipality'), false);
    assert.ok(indicator('besk-2').remarks?.some((r) => r.kind === 'note' && r.text.includes('ingen baseline')));
  });

  it('has Jobcenter Randers dedicate 4 årsværk, 148 hours a week and 7.696 hours a year to the outreach effort', () => {
    const hours = employment.staffHours.find((h) => h.activity === 'fremskudt-beskaeftigelsesindsats');
    assert.ok(hours);
    assert.equal(hours.organisation, 'Jobcenter Randers');
    assert.equal(hours.hoursPerYear, 7696);
    assert.equal(148 * 52, 7696);
    assert.equal(4 * 37, 148);
  });

  it('ties 2 Jobcenter resources and 18 boligsociale hours a week to Job til mor', () => {
    const hours = employment.staffHours.filter((h) => h.activity === 'job-til-mor');
    assert.deepEqual(
      hours.map((h) => [h.organisation, h.printed]),
      [
        ['Jobcenter Randers', '2 ressourcer (anslået 15 t. ugentligt)'],
        ['Bysekretariatet', '18 timer pr. uge'],
      ],
    );
  });

  it('targets exactly 45 selected families in Job til mor, counted for the whole investment', () => {
    const targets = activity('job-til-mor').targets;
    assert.equal(targets.length, 1);
    const [families] = targets;
    assert.equal(families!.kind, 'exact');
    assert.equal(families!.value, 45);
    assert.equal(families!.per, 'other');
    assert.deepEqual(families!.ref.lines, [2127, 2128]);
  });

  it('describes a seven-year Job til mor of 3 active, 2 aftercare and 2 evaluation years', () => {
    const content = activity('job-til-mor').content;
    assert.match(content, /Indsatsperiode \(3 år\)/);
    assert.match(content, /Efterværnsperiode \(2 år\)/);
    assert.match(content, /Evalueringsperiode \(2 år/);
    assert.match(content, /syv år/);
    assert.equal(3 + 2 + 2, 7);
  });

  it('states no quantitative target for the outreach effort and says so', () => {
    const outreach = activity('fremskudt-beskaeftigelsesindsats');
    assert.deepEqual(outreach.targets, []);
    assert.ok(outreach.remarks?.some((r) => r.kind === 'note' && r.text.includes('intet kvantitativt mål')));
  });

  it('records that the sub-agreement puts responsibility with Bysekretariatet while the activities put it elsewhere', () => {
    for (const slug of ['fremskudt-beskaeftigelsesindsats', 'job-til-mor']) {
      assert.ok(activity(slug).remarks?.some((r) => r.kind === 'contradiction' && r.text.includes('1941-1942')), slug);
    }
  });

  it('keeps the crime chapter\'s interleaved column out of Job til mor', () => {
    const { content, responsibility } = activity('job-til-mor');
    for (const text of [content, responsibility]) {
      assert.doesNotMatch(text, /\bsigtede\b|kriminalitet|afgørelser|Østjyllands Politi/);
    }
    assert.ok(activity('job-til-mor').remarks?.some((r) => r.kind === 'reconstructed' && r.text.includes('2283-2348')));
  });

  it('names no persons from the Job til mor organisation chart', () => {
    const text = JSON.stringify(employment);
    for (const name of ['Otte', 'Steenfeldt', 'Bjerregaard', 'Kragh', 'Sneftrup']) assert.ok(!text.includes(name), name);
  });

  it('spells Danish letters out rather than as OCR left them', () => {
    const texts = proseOf(employment);
    assert.ok(texts.length > 50);
    for (const text of texts) assert.doesNotMatch(text, /ae|omrader|bern\b|borne|maal|skolear\b/i, text.slice(0, 80));
  });
});
