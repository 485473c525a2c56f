import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aReportDocument } from '../../test/fixtures/reports/index.js';
import { compareReports, matchByName, pairedChanges } from './editions.js';
import type { ReportDocument } from './report-document.js';

/** A deep copy to change, so each test starts from the same document. */
const copy = (d: ReportDocument): ReportDocument => JSON.parse(JSON.stringify(d)) as ReportDocument;

describe('comparing two editions of a report', () => {
  it('finds nothing changed between a document and itself built later', () => {
    const before = aReportDocument();
    const after = { ...copy(before), generatedAt: '2026-09-01T10:00:00.000Z' };
    assert.deepEqual(compareReports(before, after), { header: [], sections: [], unchanged: true });
  });

  it('names a changed table cell by its table, row and column, as written on the page', () => {
    const before = aReportDocument();
    const after = copy(before);
    const table = after.sections[1]!.blocks[0]! as Extract<ReportDocument['sections'][number]['blocks'][number], { kind: 'table' }>;
    table.rows[1]![1] = 98;
    table.rows[2]![1] = 6;
    const comparison = compareReports(before, after);
    assert.deepEqual(comparison.sections, [
      {
        key: 'aktiviteter',
        title: 'Aktiviteter og økonomi',
        status: 'changed',
        changes: [
          { kind: 'cell', table: 'Deltagere pr. indsatsområde', row: 'Beskæftigelse', column: 'Deltagere', before: '97', after: '98' },
          { kind: 'cell', table: 'Deltagere pr. indsatsområde', row: 'Kriminalitetsforebyggelse', column: 'Deltagere', before: '<5', after: '6' },
        ],
      },
    ]);
  });

  it('does not count 12.5 and 12.54 in a one-decimal column as a change, since both read «12,5»', () => {
    const before = aReportDocument();
    const after = copy(before);
    const table = after.sections[1]!.blocks[0]! as Extract<ReportDocument['sections'][number]['blocks'][number], { kind: 'table' }>;
    table.rows[0]![3] = 12.54;
    assert.equal(compareReports(before, after).unchanged, true);
  });

  it('lists rows added and removed by their label instead of every later row as changed', () => {
    const before = aReportDocument();
    const after = copy(before);
    const table = after.sections[1]!.blocks[0]! as Extract<ReportDocument['sections'][number]['blocks'][number], { kind: 'table' }>;
    table.rows.splice(0, 1);
    table.rows.push(['Tværgående', 12, null, null, 5_000, null]);
    assert.deepEqual(compareReports(before, after).sections[0]!.changes, [
      { kind: 'row', table: 'Deltagere pr. indsatsområde', row: 'Tværgående', change: 'added' },
      { kind: 'row', table: 'Deltagere pr. indsatsområde', row: 'Uddannelse og livschancer', change: 'removed' },
    ]);
  });

  it('reports sections added and removed, the removed ones last', () => {
    const before = aReportDocument();
    const after = copy(before);
    after.sections.splice(0, 1);
    after.sections.push({ key: 'oekonomi', title: 'Økonomi', blocks: [], sources: [] });
    assert.deepEqual(
      compareReports(before, after).sections.map((s) => [s.key, s.status]),
      [
        ['oekonomi', 'added'],
        ['sammenfatning', 'removed'],
      ],
    );
  });

  it('reports a changed paragraph once, and an inserted one as added, not as every paragraph changed', () => {
    assert.deepEqual(pairedChanges(['a', 'b', 'c'], ['a', 'ny', 'b', 'c*']), [
      [null, 'ny'],
      ['c', 'c*'],
    ]);
  });

  it('reports key figures changed with their notes, and a renamed section with its old title', () => {
    const before = aReportDocument();
    const after = copy(before);
    after.sections[0]!.title = 'Resumé';
    const figures = after.sections[0]!.blocks[2]! as Extract<ReportDocument['sections'][number]['blocks'][number], { kind: 'figures' }>;
    figures.items[1] = { label: 'Aktiviteter i gang', value: '13', note: 'af 16 i planen' };
    const [section] = compareReports(before, after).sections;
    assert.equal(section!.previousTitle, 'Sammenfatning');
    assert.deepEqual(section!.changes, [{ kind: 'figure', label: 'Aktiviteter i gang', before: '12 (af 16 i planen)', after: '13 (af 16 i planen)' }]);
  });

  it('reports a changed cut-off date, a changed source, and a changed chart with its figures', () => {
    const before = aReportDocument();
    const after = copy(before);
    after.cutoffDate = '2026-08-31';
    after.sections[2]!.sources = ['Danmarks Statistik via Randers Kommunes monitoreringsenhed, 2022-2025, indlæst 1. september 2026'];
    const chart = after.sections[2]!.blocks[0]! as Extract<ReportDocument['sections'][number]['blocks'][number], { kind: 'chart' }>;
    chart.description = 'Ny beskrivelse';
    chart.table!.rows[3]![1] = 40.2;
    const comparison = compareReports(before, after);
    assert.deepEqual(comparison.header, [{ field: 'cutoffDate', before: '2026-07-31', after: '2026-08-31' }]);
    assert.deepEqual(
      comparison.sections[0]!.changes.map((c) => c.kind),
      ['chart', 'cell', 'source'],
    );
    assert.deepEqual(comparison.sections[0]!.changes[1], { kind: 'cell', table: 'Andel 30-64-årige i beskæftigelse', row: '2025', column: 'Gl. Jennumparken', before: '39,1 %', after: '40,2 %' });
  });

  it('pairs a single renamed table with the one it replaces, but not one of several', () => {
    assert.deepEqual(matchByName(['a'], ['b'], (x) => x), [['a', 'b']]);
    assert.deepEqual(matchByName(['a', 'c'], ['b', 'c'], (x) => x), [
      [undefined, 'b'],
      ['c', 'c'],
      ['a', undefined],
    ]);
  });
});
