import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inertText, localDateTime, toCsv, type ExportRow } from './measurement-export.js';

function aRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    code: 'lbf-2b', name: 'Samlet andel af 18-64-årige uden tilknytning til arbejdsmarkedet', scope: 'areas', scopeLabel: 'Alle syv boligområder', period: '2024',
    periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 36.2, numerator: null, denominator: null, unit: 'percent', source: 'Boligsociale data, LBF',
    drawnOn: '2025-01-15', loadedAt: '2025-06-01T10:00:00.000Z', ...overrides,
  };
}

describe('the CSV export', () => {
  it('opens in Danish Excel: a byte order mark, «;» between fields, a decimal comma and CRLF line ends', () => {
    const csv = toCsv([aRow({ numerator: 1234, denominator: 3409 })]);
    assert.ok(csv.startsWith('\uFEFFIndikator;Indikatornavn;Område;Periode;Periodens start;Periodens slut;Værdi;Tæller;Nævner;Enhed;Kilde;Dataudtræk;Indlæst\r\n'));
    assert.equal(
      csv.split('\r\n')[1],
      'lbf-2b;Samlet andel af 18-64-årige uden tilknytning til arbejdsmarkedet;Alle syv boligområder;2024;2024-01-01;2024-12-31;36,2;1234;3409;Procent (andel);Boligsociale data, LBF;2025-01-15;2025-06-01 12:00:00',
    );
  });

  it('writes a hidden value as its text with empty numerator and denominator', () => {
    const line = toCsv([aRow({ unit: 'count', value: '<5' })]).split('\r\n')[1]!.split(';');
    assert.deepEqual(line.slice(6, 10), ['<5', '', '', 'Antal']);
  });

  it('drops representation noise from computed values', () => {
    assert.equal(toCsv([aRow({ value: 0.1 + 0.2 })]).split('\r\n')[1]!.split(';')[6], '0,3');
  });

  it('quotes a text holding the separator or a quotation mark', () => {
    const line = toCsv([aRow({ source: 'LBF; «boligsociale data» "2025"' })]).split('\r\n')[1]!;
    assert.match(line, /;"LBF; «boligsociale data» ""2025""";/);
  });

  it('never lets a spreadsheet read a text as a formula', () => {
    assert.equal(inertText('=HYPERLINK("http://x")'), '\'=HYPERLINK("http://x")');
    assert.equal(inertText('-2+3'), "'-2+3");
    assert.equal(inertText('Boligsociale data'), 'Boligsociale data');
  });
});

describe('load times in exports', () => {
  it('are Danish wall-clock time, also in summer', () => {
    assert.equal(localDateTime('2025-01-15T10:00:00.000Z'), '2025-01-15 11:00:00');
    assert.equal(localDateTime('2025-07-15T10:00:00.000Z'), '2025-07-15 12:00:00');
  });
});
