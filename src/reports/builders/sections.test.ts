import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countChart, yearly } from '../../monitoring/charts/chart-examples.js';
import { chartBlock, chartTable, cutoffEnd, describeChart, sourceLine, statusSummary, valueStatusCounts } from './sections.js';

describe('report sections', () => {
  it('writes a source with its period and the day it was loaded', () => {
    assert.equal(sourceLine('Danmarks Statistik', '2024', '2026-03-03T09:15:00Z'), 'Kilde: Danmarks Statistik, 2024, indlæst 3. marts 2026');
  });

  it('leaves out a period or load date it does not know instead of guessing', () => {
    assert.equal(sourceLine('Helhed', null, null), 'Kilde: Helhed');
  });

  it('ends the cut-off day at midnight in Copenhagen, summer time included', () => {
    assert.equal(cutoffEnd('2026-03-10').toISOString(), '2026-03-10T23:00:00.000Z');
    assert.equal(cutoffEnd('2026-06-30').toISOString(), '2026-06-30T22:00:00.000Z');
  });

  it('counts statuses only where there is a value, and how many are withheld for small numbers', () => {
    const cell = (kind: 'value' | 'hidden' | 'none', status: 'bedre' | 'uændret' | 'dårligere' | 'ukendt', withheld = false) => ({
      value: kind === 'none' ? { kind } : kind === 'hidden' ? { kind, text: '<5', why: '' } : { kind, text: '1', numerator: null, denominator: null, hiddenForOthers: null },
      status: { status, rule: '', changeText: '', levelWithMunicipality: null, withheld },
    }) as Parameters<typeof valueStatusCounts>[0] extends Iterable<infer C> ? C : never;
    const counts = valueStatusCounts([cell('value', 'bedre'), cell('value', 'dårligere'), cell('hidden', 'ukendt', true), cell('none', 'ukendt')]);
    assert.deepEqual(counts, { bedre: 1, uændret: 0, dårligere: 1, ukendt: 1, withheld: 1 });
  });

  it('says the statuses in a Danish sentence', () => {
    assert.equal(statusSummary({ bedre: 4, uændret: 1, dårligere: 2, ukendt: 3 }), '4 bedre, 1 uændret, 2 dårligere og 3 uden status');
  });

  it('gives a chart as the SVG alone, with its figures as a table and a hidden small count as «<5»', () => {
    const props = countChart(yearly('Unge', [10, null, 30]));
    const series = props.series.map((s) => ({ ...s, points: s.points.map((p, i) => (i === 1 ? { ...p, value: null, suppressed: true } : p)) }));
    const block = chartBlock({ ...props, series }, 'beskrivelse');
    assert.equal(block.kind, 'chart');
    if (block.kind !== 'chart') return;
    assert.match(block.svg, /^<svg[^>]*role="img"/);
    assert.match(block.svg, /<\/svg>$/);
    assert.deepEqual(block.table, chartTable({ series }));
    assert.deepEqual(block.table!.rows.map((r) => r[1]), [10, '<5', 30]);
  });

  it('says there are no data instead of drawing an empty chart', () => {
    const block = chartBlock(countChart({ label: 'Unge', points: [] }), 'beskrivelse');
    assert.equal(block.kind, 'paragraph');
  });
});

describe('a chart\u2019s description', () => {
  it('names the series with their periods and the baselines, and mentions hidden values only where there are some', () => {
    const props = countChart(yearly('Unge', [10, 20, 30]));
    assert.equal(describeChart(props), 'Udviklingen i «Antal unge i fritidsjob». Unge: 2022-2024.');
    const hidden = countChart({ label: 'Unge', points: [{ label: '2022', start: '2022-01-01', value: null, suppressed: true }] });
    assert.match(describeChart(hidden), /markeret <5\.$/);
  });
});
