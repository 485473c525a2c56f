/**
 * Checks the seed data for «Uddannelse og livschancer» against the plan's OCR text: counts, sums of the plan's tables,
 * that every reference lies in the section (lines 725-1906) and that every printed figure's digits are on its lines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Baseline, DataRemark, Indicator, PlanRef } from './types.js';
import { education, educationMunicipalLink, educationProblemRemarks } from './education.js';
import { PLAN_TEXT_LINES } from './plan-text.js';

const OCR_LINES = PLAN_TEXT_LINES;
const SECTION: [number, number] = [725, 1906];
const STAFF_HOURS_LINES: [number, number] = [1096, 1140];

/**
 * Printed figures whose digits OCR garbled beyond recognition, so they cannot be found on their lines. Each entry
 * needs a reason. Empty: illegible cells are kept as `value: null` with an 'ocr-uncertain' remark instead.
 */
const OCR_NOISE_EXCEPTIONS: { printed: string; reason: string }[] = [];

const normalise = (text: string): string => text.replace(/[\s.,]/g, '');
const digitRuns = (text: string): string[] => normalise(text).match(/\d+/g) ?? [];
const ocrBetween = (first: number, last: number): string => normalise(OCR_LINES.slice(first - 1, last).join('|'));

function missingDigits(text: string, ...ranges: [number, number][]): string[] {
  const ocr = ranges.map(([a, b]) => ocrBetween(a, b)).join('|');
  return digitRuns(text).filter((run) => !ocr.includes(run));
}

const AREA_SCOPES = [
  'area:gl-jennumparken',
  'area:hermann-stillings-vej-omraadet',
  'area:centrale-randers',
  'area:energivej-omraadet',
  'area:glarbjergvej-omraadet',
  'area:sjaellandsgade-kvarteret',
  'area:vangdalen',
];
const AREA_NAMES = ['Gl. Jennumparken', 'Glarbjergvej-området', 'Vangdalen', 'Sjællandsgadekvarteret', 'Energivej-området', 'Hermann Stillingsvej-området', 'Centrale Randers'];

const indicators: Indicator[] = education.subGoals.flatMap((g) => g.indicators);
const indicator = (code: string): Indicator => {
  const found = indicators.find((i) => i.code === code);
  assert.ok(found, `indikator ${code} findes ikke`);
  return found;
};
const baseline = (code: string, scope: string): Baseline => {
  const found = indicator(code).baselines.find((b) => b.scope === scope);
  assert.ok(found, `baseline ${scope} for ${code} findes ikke`);
  return found;
};
const hasRemark = (remarks: DataRemark[] | undefined, kind: DataRemark['kind']) => (remarks ?? []).some((r) => r.kind === kind);
const activity = (slug: string) => {
  const found = education.activities.find((a) => a.slug === slug);
  assert.ok(found, `aktivitet ${slug} findes ikke`);
  return found;
};

function collectRefs(value: unknown, out: PlanRef[] = []): PlanRef[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.lines) && record.lines.length === 2) out.push(record as unknown as PlanRef);
    Object.values(record).forEach((v) => collectRefs(v, out));
  }
  return out;
}

const IDENTIFIER_KEYS = new Set(['slug', 'code', 'activity', 'scope', 'per', 'kind', 'unit', 'direction', 'periodStart', 'periodEnd']);
function collectTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectTexts(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (!IDENTIFIER_KEYS.has(key)) collectTexts(v, out);
  }
  return out;
}

describe('Uddannelse og livschancer as seed data', () => {
  it('is the intervention area uddannelse-og-livschancer for the plan period 1 August 2025 to 31 July 2029', () => {
    assert.equal(education.slug, 'uddannelse-og-livschancer');
    assert.equal(education.name, 'Uddannelse og livschancer');
    assert.equal(education.subAgreement.periodStart, '2025-08-01');
    assert.equal(education.subAgreement.periodEnd, '2029-07-31');
    assert.deepEqual(education.ref.lines, SECTION);
  });

  it('lists the 19 parties of the sub-agreement, from Bysekretariatet to Randers Tandpleje', () => {
    const parties = education.subAgreement.parties;
    assert.equal(parties.length, 19);
    assert.equal(new Set(parties).size, 19);
    assert.equal(parties[0], 'Sekretariatsleder, Bysekretariatet');
    assert.equal(parties.at(-1), 'Overtandlæge, Randers Tandpleje');
    for (const school of ['Nørrevangsskolen', 'Østervangskolen', 'Vestervangskolen', 'Hobrovejens Skole']) {
      assert.ok(parties.includes(`Leder af ${school}`), school);
    }
  });

  it('has three sub-goals with seven indicators between them', () => {
    assert.deepEqual(
      education.subGoals.map((g) => [g.code, g.indicators.map((i) => i.code)]),
      [
        ['udd-1', ['udd-1a', 'udd-1b', 'udd-1c']],
        ['udd-2', ['udd-2a', 'udd-2b']],
        ['udd-3', ['udd-3a', 'udd-3b']],
      ],
    );
  });

  it('has activities 1 to 8 in the order, with the names, the plan lists them', () => {
    assert.deepEqual(
      education.activities.map((a) => [a.number, a.slug, a.name]),
      [
        [1, 'npu', 'Neuropsykologisk Udviklingsleg (NPU)'],
        [2, 'sprogindsats', 'Kvalitetsstærke sproglige læringsmiljøer med sproglige rollemodeller'],
        [3, 'familieorienteret-uddannelsesvejledning', 'Familieorienteret uddannelsesvejledning'],
        [4, 'fremmoede-i-skolen', 'Fremmøde i skolen'],
        [5, 'trivsel-i-skolen', 'Trivsel i skolen'],
        [6, 'familiedage', 'Familiedage i institutionerne'],
        [7, 'det-gode-liv-for-alle', 'Det gode liv for alle – en sundhedsindsats'],
        [8, 'trivselsforloeb-for-familier', 'Trivselsforløb for familier'],
      ],
    );
  });

  it('keeps every reference inside the section, lines 725-1906, with the first line before the last', () => {
    const refs = [...collectRefs(education), educationMunicipalLink.ref];
    assert.ok(refs.length > 100);
    for (const { lines: [first, last] } of refs) {
      assert.ok(first >= SECTION[0] && last <= SECTION[1], `${first}-${last} ligger uden for afsnittet`);
      assert.ok(first <= last, `${first}-${last} er bagvendt`);
    }
  });

  it('finds the digits of every printed figure in the OCR text on its reference lines', () => {
    const printed: { printed: string; ref: PlanRef }[] = [
      ...indicators.flatMap((i) => i.baselines),
      ...education.activities.flatMap((a) => a.targets),
      ...education.staffHours,
    ];
    assert.ok(printed.length > 90);
    for (const figure of printed) {
      if (OCR_NOISE_EXCEPTIONS.some((e) => e.printed === figure.printed)) continue;
      const missing = missingDigits(figure.printed, figure.ref.lines);
      assert.deepEqual(missing, [], `«${figure.printed}» (l. ${figure.ref.lines.join('-')}) mangler ${missing.join(', ')}`);
    }
  });

  it('finds every number in the texts on the lines the texts come from', () => {
    assert.deepEqual(missingDigits(education.problem, [725, 888]), []);
    assert.deepEqual(missingDigits(education.subAgreement.goal, education.subAgreement.ref.lines), []);
    assert.deepEqual(missingDigits(educationMunicipalLink.text, educationMunicipalLink.ref.lines), []);
    for (const a of education.activities) {
      for (const text of [a.purpose, a.content, a.responsibility, a.targetGroup.text, ...a.roles.map((r) => r.role)]) {
        assert.deepEqual(missingDigits(text, a.ref.lines), [], `${a.slug}: ${text.slice(0, 60)}…`);
      }
      assert.deepEqual(missingDigits(a.resources ?? '', a.ref.lines, STAFF_HOURS_LINES), [], `${a.slug}: ressourcer`);
    }
  });

  it('gives every indicator a baseline for all seven areas together, each area and Randers Kommune', () => {
    for (const i of indicators) {
      const scopes = i.baselines.map((b) => b.scope);
      for (const scope of ['areas', 'municipality', ...AREA_SCOPES]) assert.ok(scopes.includes(scope as Baseline['scope']), `${i.code} mangler ${scope}`);
      assert.equal(new Set(scopes).size, scopes.length, `${i.code} har en scope to gange`);
    }
  });

  it('keeps a value for every legible baseline and marks every illegible one as OCR-uncertain', () => {
    for (const b of indicators.flatMap((i) => i.baselines)) {
      if (b.value === null) assert.ok(hasRemark(b.remarks, 'ocr-uncertain'), `${b.scope} ${b.printed}`);
      else assert.equal(b.value, Number(b.printed.replace('%', '').replace(',', '.').trim()), b.printed);
    }
  });

  it('adds the per-area counts up to the all-areas count, or records where the plan disagrees or is illegible', () => {
    for (const i of indicators) {
      const total = i.baselines.find((b) => b.scope === 'areas');
      const parts = i.baselines.filter((b) => AREA_SCOPES.includes(b.scope));
      if (!total || parts.every((b) => b.denominator === undefined)) continue;
      const illegible = [total, ...parts].filter((b) => b.value === null);
      if (illegible.length > 0) {
        assert.ok(illegible.every((b) => hasRemark(b.remarks, 'ocr-uncertain')), i.code);
        continue;
      }
      const sum = parts.reduce((s, b) => s + (b.denominator ?? 0), 0);
      if (sum !== total.denominator) assert.ok(hasRemark(total.remarks, 'contradiction'), `${i.code}: ${sum} ≠ ${total.denominator} uden modsigelse`);
    }
  });

  it('records that the language test counts 141 children for all seven areas while the areas add up to 164', () => {
    for (const code of ['udd-1a', 'udd-1b', 'udd-1c']) {
      const total = baseline(code, 'areas');
      assert.equal(total.denominator, 141);
      const sum = AREA_SCOPES.reduce((s, scope) => s + (baseline(code, scope).denominator ?? 0), 0);
      assert.equal(sum, 164);
      const contradiction = total.remarks?.find((r) => r.kind === 'contradiction');
      assert.ok(contradiction?.text.includes('141') && contradiction.text.includes('164'));
    }
  });

  it('weights the per-area shares to the all-areas share, or records the disagreement or the illegible cell', () => {
    for (const i of indicators) {
      const total = i.baselines.find((b) => b.scope === 'areas');
      const parts = i.baselines.filter((b) => AREA_SCOPES.includes(b.scope));
      if (!total) continue;
      if ([total, ...parts].some((b) => b.value === null)) continue; // illegible: covered by the test above
      const values = parts.map((b) => b.value as number);
      if (parts.every((b) => b.denominator !== undefined)) {
        const weighted = parts.reduce((s, b) => s + (b.value as number) * (b.denominator as number), 0) / parts.reduce((s, b) => s + (b.denominator as number), 0);
        if (Math.abs(weighted - (total.value as number)) > 0.1) assert.ok(hasRemark(total.remarks, 'contradiction'), `${i.code}: ${weighted.toFixed(1)} ≠ ${total.value}`);
      } else {
        // Without counts only the bounds can be checked: an average lies between the smallest and largest part.
        assert.ok((total.value as number) >= Math.min(...values) && (total.value as number) <= Math.max(...values), i.code);
      }
    }
  });

  it('has a whole number of children or persons behind every share that gives its count', () => {
    for (const b of indicators.flatMap((i) => i.baselines)) {
      if (b.value === null || b.denominator === undefined) continue;
      const k = Math.round((b.value * b.denominator) / 100);
      assert.ok(Math.abs((100 * k) / b.denominator - b.value) <= 0.05 + 1e-9, `${b.scope} ${b.printed} af ${b.denominator}`);
    }
  });

  it('adds the three language shares of every scope up to 100 % within rounding, or records that they do not', () => {
    const [general, focused, special] = ['udd-1a', 'udd-1b', 'udd-1c'].map(indicator);
    for (const g of general!.baselines) {
      const f = focused!.baselines.find((b) => b.scope === g.scope)!;
      const s = special!.baselines.find((b) => b.scope === g.scope)!;
      const sum = (g.value ?? 0) + (f.value ?? 0) + (s.value ?? 0);
      if (Math.abs(sum - 100) > 0.2) {
        for (const b of [g, f, s]) assert.ok(hasRemark(b.remarks, 'contradiction'), `${g.scope}: ${sum.toFixed(1)} %`);
      }
    }
    assert.equal(baseline('udd-1a', 'municipality').printed, '84,5%');
    assert.ok(baseline('udd-1b', 'municipality').remarks?.some((r) => r.kind === 'contradiction' && r.text.includes('102,2')));
  });

  it('states the plan\u2019s own figures literally', () => {
    assert.equal(baseline('udd-1c', 'area:gl-jennumparken').value, 48.6);
    assert.equal(baseline('udd-1a', 'country').value, 85);
    assert.equal(baseline('udd-1a', 'municipality').denominator, 2158);
    assert.equal(baseline('udd-2a', 'area:hermann-stillings-vej-omraadet').value, 11.3);
    assert.equal(baseline('udd-2a', 'municipality').value, 7.8);
    assert.equal(baseline('udd-2a', 'country').value, 7.1);
    assert.equal(baseline('udd-2b', 'municipality').value, 23.7);
    assert.equal(baseline('udd-3a', 'areas').value, 77.2);
    assert.equal(baseline('udd-3a', 'areas').denominator, 57);
    assert.equal(baseline('udd-3b', 'municipality').value, 86.6);
    assert.equal(baseline('udd-3b', 'municipality').denominator, 1176);
    assert.equal(baseline('udd-3b', 'areas').value, null);
    assert.equal(baseline('udd-3a', 'area:hermann-stillings-vej-omraadet').value, null);
  });

  it('records that the text gives 9,9 % school absence for the seven areas where the table gives 10,0 %', () => {
    const total = baseline('udd-2a', 'areas');
    assert.equal(total.value, 10);
    assert.ok(total.remarks?.some((r) => r.kind === 'contradiction' && r.text.includes('9,9')));
    assert.ok(educationProblemRemarks.some((r) => r.kind === 'contradiction' && r.text.includes('9,9') && r.text.includes('10,0')));
  });

  it('records the other contradictions of the section: income 56 vs 52 %, absence 16,5 vs 14,8 %, the education criterion', () => {
    const texts = educationProblemRemarks.filter((r) => r.kind === 'contradiction').map((r) => r.text);
    assert.ok(texts.some((t) => t.includes('56 %') && t.includes('52 %')));
    assert.ok(texts.some((t) => t.includes('16,5 %') && t.includes('14,8 %')));
    assert.ok(texts.some((t) => t.includes('52 %') && t.includes('60 %')));
    assert.ok(activity('fremmoede-i-skolen').remarks?.some((r) => r.kind === 'contradiction' && r.text.includes('14,8 %')));
  });

  it('keeps minimums, ranges and approximations of the activities\u2019 targets as the plan states them', () => {
    const target = (slug: string, code: string) => {
      const found = activity(slug).targets.find((t) => t.code === code);
      assert.ok(found, code);
      return found;
    };
    assert.deepEqual(pick(target('trivsel-i-skolen', 'trivsel-deltagere')), { kind: 'approximate', value: 35, per: 'plan-year' });
    assert.deepEqual(pick(target('familiedage', 'familiedage-forloeb')), { kind: 'exact', value: 4, per: 'plan-year' });
    assert.deepEqual(pick(target('familiedage', 'familiedage-familier')), { kind: 'approximate', value: 12, per: 'plan-year' });
    assert.deepEqual(pick(target('familiedage', 'familiedage-moedegange')), { kind: 'exact', value: 6, per: 'course' });
    assert.deepEqual(pick(target('familiedage', 'familiedage-tandpleje')), { kind: 'range', min: 5, max: 7, per: 'plan-year' });
    assert.deepEqual(pick(target('trivselsforloeb-for-familier', 'trivselsforloeb-forloeb')), { kind: 'minimum', min: 3, per: 'plan-year' });
    assert.deepEqual(pick(target('trivselsforloeb-for-familier', 'trivselsforloeb-familier')), { kind: 'minimum', min: 15, per: 'plan-year' });
    assert.deepEqual(pick(target('familieorienteret-uddannelsesvejledning', 'uv-forloeb')), { kind: 'range', min: 15, max: 20, per: 'plan-year' });
    assert.deepEqual(pick(target('sprogindsats', 'sprog-workshops')), { kind: 'range', min: 1, max: 2, per: 'plan-period' });
    assert.deepEqual(pick(target('npu', 'npu-institutioner')), { kind: 'exact', value: 10, per: 'plan-period' });
    assert.deepEqual(activity('det-gode-liv-for-alle').targets, []);
  });

  it('gives every target the fields its kind needs, and unique codes', () => {
    const targets = education.activities.flatMap((a) => a.targets);
    assert.equal(targets.length, 14);
    assert.equal(new Set(targets.map((t) => t.code)).size, targets.length);
    for (const t of targets) {
      if (t.kind === 'minimum') assert.ok(t.min !== undefined && t.max === undefined && t.value === undefined, t.code);
      if (t.kind === 'range') assert.ok(t.min !== undefined && t.max !== undefined && t.min < t.max, t.code);
      if (t.kind === 'exact' || t.kind === 'approximate') assert.ok(t.value !== undefined && t.min === undefined, t.code);
    }
  });

  it('matches the staff hours to the weekly rates the plan says they correspond to', () => {
    const hours = (organisation: string, activitySlug?: string) => {
      const found = education.staffHours.find((h) => h.organisation === organisation && h.activity === activitySlug);
      assert.ok(found, `${organisation} ${activitySlug ?? ''}`);
      return found.hoursPerYear;
    };
    assert.equal(education.staffHours.length, 17);
    assert.equal(hours('De deltagende institutioner', 'npu'), 21 * 46 * 10); // ten institutions (line 1212)
    assert.equal(hours('De 11 institutioner', 'sprogindsats'), 4 * 46 * 11);
    assert.equal(hours('Randers Bibliotek', 'sprogindsats'), 4 * 46);
    assert.equal(hours('PPR', 'sprogindsats'), 40 + 20);
    assert.equal(hours('De deltagende skoler', 'fremmoede-i-skolen'), 10 * 46 * 4); // four schools, 46 weeks as for the institutions
    assert.equal(hours('De deltagende skoler', 'trivsel-i-skolen'), 10 * 46 * 4);
    assert.equal(hours('Randers Sundhedscenter', 'det-gode-liv-for-alle'), 6 * 52);
    const bysekretariatet = education.staffHours.find((h) => h.organisation === 'Bysekretariatet');
    assert.equal(bysekretariatet?.hoursPerYear, 3378);
    assert.notEqual(3378, 65 * 52);
    assert.ok(hasRemark(bysekretariatet?.remarks, 'note'), '3.378 ≠ 65 × 52 skal stå som bemærkning');
    const slugs = new Set(education.activities.map((a) => a.slug));
    for (const h of education.staffHours) if (h.activity) assert.ok(slugs.has(h.activity), h.activity);
  });

  it('names all seven areas in every activity\u2019s target group, as an empty area list promises', () => {
    for (const a of education.activities) {
      assert.deepEqual(a.targetGroup.areas, [], a.slug);
      for (const name of AREA_NAMES) assert.ok(a.targetGroup.text.includes(name), `${a.slug} mangler ${name}`);
    }
  });

  it('names the schools and institutions of the target groups one way each', () => {
    const schools = new Set(['Nørrevangsskolen', 'Vestervangskolen', 'Østervangskolen', 'Hobrovejens Skole']);
    for (const a of education.activities) {
      for (const s of a.targetGroup.schools) assert.ok(schools.has(s), s);
      for (const i of a.targetGroup.institutions) assert.match(i, /^(Børnehuset |Den selvejende institution |KFUMs institutioner$)/, i);
    }
    assert.equal(activity('npu').targetGroup.institutions.length, 10);
    assert.equal(activity('sprogindsats').targetGroup.institutions.length, 11);
    assert.deepEqual(activity('trivsel-i-skolen').targetGroup.schools, activity('fremmoede-i-skolen').targetGroup.schools);
    assert.deepEqual([activity('npu').targetGroup.ageMin, activity('npu').targetGroup.ageMax], [0, 6]);
    assert.deepEqual([activity('sprogindsats').targetGroup.ageMin, activity('sprogindsats').targetGroup.ageMax], [0, 2]);
    assert.deepEqual([activity('familiedage').targetGroup.ageMin, activity('familiedage').targetGroup.ageMax], [0, 5]);
  });

  it('leaves no unrestored OCR spelling of the Danish letters in any text', () => {
    const texts = [...collectTexts(education), educationMunicipalLink.text].map((t) => t.replace(/https?:\/\/\S+/g, ''));
    // OCR's typical readings of æ, ø and å, as whole words or name parts that do not occur in proper Danish.
    const artefacts = [
      /\b(?:vaere|saerlig|foraeldre|foreeldre|forzeldre|bernene|barnene|bern|omrade|omrader|omradet|pa|ar|bade|ogsa|nar|stotte|statte|malgruppe|laering|leering|fraveer|fravaer|skoledr|sma)\b/i,
      /Sjeel|Sjael|N[aeo]rrevang|@ster|Barnehuset|Bernehuset|Maelkevej|Baekkesti|Platangarden|Nordest|Nordast/i,
      /@/,
    ];
    for (const text of texts) {
      for (const artefact of artefacts) assert.doesNotMatch(text, artefact, text.slice(0, 80));
    }
  });
});

function pick(t: { kind: string; value?: number; min?: number; max?: number; per: string }) {
  const out: Record<string, unknown> = { kind: t.kind };
  if (t.value !== undefined) out.value = t.value;
  if (t.min !== undefined) out.min = t.min;
  if (t.max !== undefined) out.max = t.max;
  out.per = t.per;
  return out;
}
