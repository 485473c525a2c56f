import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cohesion } from './cohesion.js';
import type { Baseline, DataRemark, PlanRef } from './types.js';
import { PLAN_TEXT_LINES, AREA_SLUGS, walkContent } from './plan-text.js';

const SECTION: [number, number] = [2871, 3088];
const ocr = PLAN_TEXT_LINES;


/** Every text a person reads, leaving out slugs, codes and scopes (ASCII by design) and remarks (which quote the OCR). */
function proseOf(node: unknown, key = ''): string[] {
  if (['slug', 'code', 'scope', 'activity', 'areas', 'remarks'].includes(key)) return [];
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap((child) => proseOf(child));
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, child]) => proseOf(child, k));
  return [];
}

const normalise = (text: string): string => text.replace(/[\s.,]/g, '');
const ocrText = (ref: PlanRef): string => normalise(ocr.slice(ref.lines[0] - 1, ref.lines[1]).join('\n'));

/** Printed figures whose digits OCR garbled within their ref lines, each with why. Empty: none needed in this section. */
const OCR_DIGIT_EXCEPTIONS: Record<string, string> = {};

const allRefs: { path: string; ref: PlanRef }[] = [];
const figures: { path: string; printed: string; ref: PlanRef }[] = [];
const remarks: { path: string; remark: DataRemark }[] = [];
walkContent(cohesion, 'cohesion', (value, path) => {
  const ref = value.ref as PlanRef | undefined;
  if (ref && Array.isArray(ref.lines)) allRefs.push({ path, ref });
  if (typeof value.printed === 'string' && ref) figures.push({ path, printed: value.printed, ref });
  if (Array.isArray(value.remarks)) for (const remark of value.remarks as DataRemark[]) remarks.push({ path, remark });
});

const indicator = (code: string) => {
  const found = cohesion.subGoals.flatMap((g) => g.indicators).find((i) => i.code === code);
  assert.ok(found, `indicator ${code}`);
  return found;
};
const areaValues = (code: string): Map<string, number> =>
  new Map(
    indicator(code)
      .baselines.filter((b) => b.scope.startsWith('area:'))
      .map((b): [string, number] => [b.scope.slice(5), b.value ?? Number.NaN]),
  );
const viceværten = () => {
  const [activity] = cohesion.activities;
  assert.ok(activity);
  return activity;
};

describe('Sammenhængskraft og medborgerskab as seed data', () => {
  it('is the intervention area sammenhaengskraft-og-medborgerskab with the single activity Social vicevært', () => {
    assert.equal(cohesion.slug, 'sammenhaengskraft-og-medborgerskab');
    assert.equal(cohesion.name, 'Sammenhængskraft og medborgerskab');
    assert.deepEqual(
      cohesion.activities.map((a) => [a.number, a.slug, a.name]),
      [[1, 'social-vicevaert', 'Social vicevært']],
    );
  });

  it('has two sub-goals with three indicators, two staff-hour entries and three targets', () => {
    assert.deepEqual(
      cohesion.subGoals.map((g) => g.indicators.map((i) => i.code)),
      [['sam-1', 'sam-2'], ['sam-3']],
    );
    assert.equal(cohesion.staffHours.length, 2);
    assert.equal(viceværten().targets.length, 3);
  });

  it('runs the sub-agreement from 1 August 2025 to 31 July 2029 between RandersBolig and two municipal units', () => {
    assert.equal(cohesion.subAgreement.periodStart, '2025-08-01');
    assert.equal(cohesion.subAgreement.periodEnd, '2029-07-31');
    assert.deepEqual(cohesion.subAgreement.parties, [
      'RandersBolig',
      'Randers Kommunes boligsociale enhed',
      'Center for psykiatri og socialt udsatte',
    ]);
  });

  it('keeps every ref inside the section\'s lines 2871-3088, first line before last', () => {
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

  it('finds the digits of every printed figure in the OCR text of its ref lines', () => {
    assert.ok(figures.length >= 20);
    for (const { path, printed, ref } of figures) {
      if (OCR_DIGIT_EXCEPTIONS[printed]) continue;
      const text = ocrText(ref);
      for (const digits of normalise(printed).match(/\d+/g) ?? []) {
        assert.ok(text.includes(digits), `${path}: «${printed}» (${digits}) not in lines ${ref.lines}`);
      }
    }
  });

  it('gives each indicator exactly one baseline for each of the seven areas', () => {
    for (const code of ['sam-1', 'sam-2', 'sam-3']) assert.deepEqual([...areaValues(code).keys()].sort(), [...AREA_SLUGS].sort(), code);
  });

  it('matches each printed figure with its value', () => {
    for (const b of cohesion.subGoals.flatMap((g) => g.indicators).flatMap((i) => i.baselines)) {
      assert.equal(Number(b.printed.replace(' %', '').replace(',', '.')), b.value, b.printed);
    }
  });

  it('counts 22 evictions in the seven areas in 2023, within RandersBolig\'s 29 in the whole municipality', () => {
    const perArea = [...areaValues('sam-1').values()].reduce((sum, n) => sum + n, 0);
    assert.equal(perArea, 22);
    const total = indicator('sam-1').baselines.find((b) => !b.scope.startsWith('area:')) as Baseline;
    assert.equal(total.value, 29);
    assert.ok(perArea <= total.value!);
  });

  it('records a contradiction wherever an area has more effective evictions than evictions in all', () => {
    const all = areaValues('sam-1');
    const effective = areaValues('sam-2');
    const over = AREA_SLUGS.filter((slug) => effective.get(slug)! > all.get(slug)!);
    assert.deepEqual(over.sort(), ['energivej-omraadet', 'sjaellandsgade-kvarteret']);
    const contradiction = indicator('sam-2').remarks?.find((r) => r.kind === 'contradiction');
    assert.ok(contradiction);
    assert.match(contradiction.text, /Energivej-området/);
    assert.match(contradiction.text, /Sjællandsgade-kvarteret/);
  });

  it('keeps every area\'s move-out rate within the 11-18 per cent the problem text states, above the national 10,3 %', () => {
    const rates = areaValues('sam-3');
    assert.equal(rates.get('gl-jennumparken'), 12.6);
    assert.equal(rates.get('hermann-stillings-vej-omraadet'), 17.5);
    for (const [slug, rate] of rates) assert.ok(rate >= 11 && rate <= 18, `${slug}: ${rate}`);
    const national = indicator('sam-3').baselines.find((b) => b.scope === 'sector');
    assert.equal(national?.value, 10.3);
  });

  it('gives the social vicevært about 80 counselling courses a year', () => {
    const courses = viceværten().targets.find((t) => t.code === 'sv-1');
    assert.ok(courses);
    assert.equal(courses.kind, 'approximate');
    assert.equal(courses.value, 80);
    assert.equal(courses.per, 'plan-year');
    assert.deepEqual(courses.ref.lines, [3061, 3061]);
  });

  it('has the social vicevært meet the caretakers every half year', () => {
    const meetings = viceværten().targets.find((t) => t.code === 'sv-2');
    assert.equal(meetings?.per, 'half-year');
    assert.equal(meetings?.value, 1);
  });

  it('has the municipality\'s boligsociale enhed and Bysekretariatet each put 1924 hours a year, 37 a week, into the activity', () => {
    for (const hours of cohesion.staffHours) {
      assert.equal(hours.activity, 'social-vicevaert');
      assert.equal(hours.hoursPerYear, 1924);
      assert.match(hours.printed, /37 timer om ugen/);
    }
    assert.equal(37 * 52, 1924);
  });

  it('records that the target group leaves out Hermann Stillingsvej-området while the purpose names it', () => {
    assert.match(viceværten().purpose, /Hermann Stillingsvej-området/);
    assert.doesNotMatch(viceværten().targetGroup.text, /Hermann Stillingsvej/);
    assert.ok(viceværten().remarks?.some((r) => r.kind === 'contradiction' && r.text.includes('Hermann Stillingsvej-området')));
  });

  it('marks the cells OCR left unreadable instead of inventing them', () => {
    assert.ok(indicator('sam-2').remarks?.some((r) => r.kind === 'ocr-uncertain'));
    assert.ok(indicator('sam-3').remarks?.some((r) => r.kind === 'ocr-uncertain'));
    assert.equal(indicator('sam-2').baselines.some((b) => !b.scope.startsWith('area:')), false);
  });

  it('spells Danish letters out rather than as OCR left them', () => {
    const texts = proseOf(cohesion);
    assert.ok(texts.length > 40);
    for (const text of texts) assert.doesNotMatch(text, /ae|omrader|bern\b|borne|maal|skolear\b|vicevaert/i, text.slice(0, 80));
  });
});
