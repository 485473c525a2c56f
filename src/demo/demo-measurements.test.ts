import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randersPlanContent } from '../plan/content/index.js';
import type { Indicator } from '../plan/content/types.js';
import { evaluateCriteria, type AreaFigures } from '../monitoring/area-criteria.js';
import { flagJumps, flagPartsAndTotal } from '../monitoring/data-quality.js';
import { CRITERIA_INDICATORS } from '../monitoring/indicator-catalogue.js';
import { createRowReader } from '../monitoring/import/measurement-rows.js';
import type { IndicatorDefinition } from '../monitoring/measurement.js';
import { DELIBERATE_JUMP_NOTE, DEMO_HEADER, DEMO_YEARS, demoInputs, demoMeasurementRows, demoMeasurementsCsv, type DemoRow } from './demo-measurements.js';

/** The Randers plan as the demo seeding sees it: the catalogue's definitions (the plan's and the criteria) and areas. */
function randers() {
  const definitions = new Map<string, IndicatorDefinition>();
  const planIndicators = new Map<string, Indicator>();
  const add = (set: string, i: Indicator) => {
    definitions.set(i.code, { code: i.code, name: i.name, unit: i.unit, direction: i.direction, set, dataSource: i.dataSource });
    planIndicators.set(i.code, i);
  };
  for (const goal of randersPlanContent.strategicAgreement.goals) for (const i of goal.indicators) add('lbf', i);
  for (const area of randersPlanContent.interventionAreas) for (const sub of area.subGoals) for (const i of sub.indicators) add(area.slug, i);
  for (const c of Object.values(CRITERIA_INDICATORS)) definitions.set(c.code, { ...c, set: 'kriterier', dataSource: 'Social- og Boligministeriets opgørelse' });
  return { definitions, inputs: demoInputs({ definitions, planIndicators }, randersPlanContent.areas) };
}

const { definitions, inputs } = randers();
const TODAY = '2026-11-26';
const rows = demoMeasurementRows(inputs, { today: TODAY });
const areas = randersPlanContent.areas;
const numeric = [...definitions.values()].filter((d) => d.unit !== 'text');
const yearOf = (r: DemoRow) => Number(r.period.start.slice(0, 4));

/** Rows grouped by a key, in the order they came. */
function groupBy(list: readonly DemoRow[], key: (r: DemoRow) => string): Map<string, DemoRow[]> {
  const groups = new Map<string, DemoRow[]>();
  for (const r of list) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

function criteriaFigures(slug: string, year: number): AreaFigures {
  const value = (code: string) => {
    const row = rows.find((r) => r.indicator === code && r.scope === `area:${slug}` && yearOf(r) === year);
    assert.ok(row, `${code} for ${slug} in ${year}`);
    return row.value;
  };
  const C = CRITERIA_INDICATORS;
  return {
    residents: value(C.residents.code),
    nonWesternShare: value(C.nonWestern.code) / 100,
    employmentShare: value(C.employment.code) / 100,
    convictionRatio: value(C.crime.code),
    basicEducationShare: value(C.education.code) / 100,
    incomeRatio: value(C.income.code) / 100,
  };
}

describe('demo measurements', () => {
  it('gives the same file every time for the same plan and day', () => {
    const again = demoMeasurementRows(randers().inputs, { today: TODAY });
    assert.equal(demoMeasurementsCsv(again), demoMeasurementsCsv(rows));
  });

  it('gives the same values for a period whatever the day, so a later start adds rows but changes none', () => {
    const earlier = demoMeasurementRows(inputs, { today: '2025-06-01' });
    assert.ok(earlier.length > 0 && earlier.length < rows.length);
    const later = new Map(rows.map((r) => [`${r.indicator}|${r.scope}|${r.periodText}`, r]));
    for (const r of earlier) assert.deepEqual(later.get(`${r.indicator}|${r.scope}|${r.periodText}`), r);
  });

  it('leaves out periods whose data could not yet have been drawn', () => {
    const earlier = demoMeasurementRows(inputs, { today: '2025-06-01' });
    assert.ok(earlier.every((r) => r.drawnOn <= '2025-06-01' && r.drawnOn > r.period.end));
    assert.ok(!earlier.some((r) => r.periodText === '2025'));
    assert.ok(earlier.some((r) => r.periodText === '2023'));
  });

  it('writes only rows that the import row rules accept, with the values generated', () => {
    const csv = demoMeasurementsCsv(rows);
    assert.doesNotMatch(csv, /"/, 'no cell needs quoting, so the lines can be split on semicolons here');
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    assert.equal(header, DEMO_HEADER);
    const reader = createRowReader({ row: 1, cells: header!.split(';') }, { indicators: definitions, areas, today: TODAY, decimal: ',' });
    assert.deepEqual(reader.headerProblems, []);
    lines.forEach((line, i) => {
      const result = reader.read({ row: i + 2, cells: line.split(';') });
      assert.equal(result.kind, 'ok', `${line}: ${JSON.stringify(result)}`);
      if (result.kind !== 'ok') return;
      const r = rows[i]!;
      assert.deepEqual(
        { code: result.input.indicatorCode, scope: result.input.scope, start: result.input.period.start, end: result.input.period.end, value: result.input.value, numerator: result.input.numerator, denominator: result.input.denominator },
        { code: r.indicator, scope: r.scope, start: r.period.start, end: r.period.end, value: r.value, numerator: r.numerator, denominator: r.denominator },
      );
    });
  });

  it('has every numeric indicator for every area, all seven together and the municipality, in each year 2022-2025', () => {
    const scopes = [...areas.map((a) => `area:${a.slug}`), 'areas', 'municipality'];
    const have = new Set(rows.map((r) => `${r.indicator}|${r.scope}|${yearOf(r)}`));
    const missing = numeric.flatMap((d) => scopes.flatMap((s) => DEMO_YEARS.filter((y) => !have.has(`${d.code}|${s}|${y}`)).map((y) => `${d.code} ${s} ${y}`)));
    assert.deepEqual(missing, []);
    assert.ok(rows.some((r) => r.period.kind === 'half-year') && rows.some((r) => r.period.kind === 'school-year'), 'a few indicators have half-years or school years');
  });

  it('keeps shares within 0-100 %, counts whole and at least 0, and every value at least 0', () => {
    for (const r of rows) {
      const unit = definitions.get(r.indicator)!.unit;
      assert.ok(r.value >= 0, `${r.indicator} ${r.scope} ${r.periodText}`);
      if (unit === 'percent') assert.ok(r.value <= 100, `${r.indicator} ${r.scope} ${r.periodText}: ${r.value}`);
      if (unit === 'count') assert.ok(Number.isInteger(r.value), `${r.indicator} ${r.scope} ${r.periodText}: ${r.value}`);
      if (r.numerator !== null) {
        assert.ok(Number.isInteger(r.numerator) && Number.isInteger(r.denominator) && r.numerator <= r.denominator!);
        assert.ok(Math.abs(r.value - (100 * r.numerator) / r.denominator!) <= 0.05 + 1e-9, `${r.indicator} ${r.scope} ${r.periodText}`);
      }
    }
  });

  it("makes the seven areas' numerators, denominators and counts add up to the figure for all seven", () => {
    let checked = 0;
    for (const [key, group] of groupBy(rows, (r) => `${r.indicator}|${r.period.start}|${r.period.end}`)) {
      const unit = definitions.get(group[0]!.indicator)!.unit;
      const parts = group.filter((r) => r.scope.startsWith('area:'));
      const total = group.find((r) => r.scope === 'areas')!;
      assert.equal(parts.length, areas.length, key);
      assert.deepEqual(flagPartsAndTotal(parts, total, unit), [], key);
      if (total.numerator !== null) {
        assert.equal(parts.reduce((s, p) => s + p.numerator!, 0), total.numerator, key);
        checked++;
      }
      if (unit === 'count') assert.equal(parts.reduce((s, p) => s + p.value, 0), total.value, key);
    }
    assert.ok(checked > 20, 'most shares carry numerators');
  });

  it('keeps every change from one period to the next under the jump limits, except one or two deliberate ones', () => {
    const jumps: DemoRow[] = [];
    for (const series of groupBy(rows, (r) => `${r.indicator}|${r.scope}`).values()) {
      const unit = definitions.get(series[0]!.indicator)!.unit;
      const flags = flagJumps(series.map((r) => ({ periodStart: r.period.start, periodKind: r.period.kind, value: r.value, periodLabel: r.periodText })), unit);
      for (const index of flags.keys()) jumps.push(series[index]!);
    }
    assert.deepEqual(
      jumps.map((r) => `${r.indicator} ${r.scope} ${r.periodText}`),
      rows.filter((r) => r.note === DELIBERATE_JUMP_NOTE).map((r) => `${r.indicator} ${r.scope} ${r.periodText}`),
    );
    assert.ok(jumps.length >= 1 && jumps.length <= 2, `${jumps.length} jumps`);
  });

  it('shows some small counts (1-4) in the areas, so that small-number suppression has something to hide', () => {
    const counted = (r: DemoRow) => (definitions.get(r.indicator)!.unit === 'count' ? r.value : r.numerator);
    const small = rows.filter((r) => r.scope.startsWith('area:') && (counted(r) ?? 0) >= 1 && (counted(r) ?? 0) <= 4);
    assert.ok(small.some((r) => r.numerator === null) && small.some((r) => r.numerator !== null), 'both counts and numerators of shares');
    assert.ok(small.length >= 5, `${small.length} small counts`);
  });

  it('gives Hermann Stillingsvej-området three criteria and «23 beboere fra 1.000» in 2023, with about 19 % of non-western background', () => {
    const figures = criteriaFigures('hermann-stillings-vej-omraadet', 2023);
    const evaluation = evaluateCriteria(figures);
    assert.equal(figures.residents, 977);
    assert.equal(evaluation.count, 3);
    assert.equal(evaluation.distances.residents.text, '23 beboere fra 1.000');
    assert.equal(evaluation.udsat, false);
    const statement = areas.find((a) => a.slug === 'hermann-stillings-vej-omraadet')!.stateCriteria!;
    assert.deepEqual(Object.entries(evaluation.criteriaMet).filter(([, met]) => met).map(([c]) => c).sort(), [...statement.criteriaMet].sort(), 'the criteria the plan names');
    assert.ok(Math.abs(figures.nonWesternShare - 0.19) < 0.015, String(figures.nonWesternShare));
  });

  it("puts Gl. Jennumparken and Glarbjergvej-området on the state's list every year, and no other area", () => {
    for (const year of DEMO_YEARS) {
      const listed = areas.filter((a) => evaluateCriteria(criteriaFigures(a.slug, year)).udsat).map((a) => a.slug).sort();
      assert.deepEqual(listed, ['gl-jennumparken', 'glarbjergvej-omraadet'], String(year));
      for (const slug of listed) assert.ok(criteriaFigures(slug, year).residents >= 1000);
      const others = areas.filter((a) => !listed.includes(a.slug) && a.slug !== 'hermann-stillings-vej-omraadet');
      for (const a of others) assert.ok(evaluateCriteria(criteriaFigures(a.slug, year)).count < 2, `${a.slug} ${year}`);
      assert.equal(evaluateCriteria(criteriaFigures('hermann-stillings-vej-omraadet', year)).count, 3, String(year));
    }
  });

  it('starts near the plan’s baseline where the plan gives one for the area', () => {
    const row = rows.find((r) => r.indicator === 'lbf-3b' && r.scope === 'area:hermann-stillings-vej-omraadet' && r.periodText === '2023')!;
    assert.ok(Math.abs(row.value - 32) <= 1, String(row.value));
    const absence = rows.find((r) => r.indicator === 'udd-2a' && r.scope === 'area:gl-jennumparken' && r.periodText === '2023/24')!;
    assert.equal(absence.value, 9.8);
  });
});
