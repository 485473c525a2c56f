import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { IndicatorDefinition } from '../measurement.js';
import { FIXTURE_TODAY, randersAreas, randersIndicators } from '../../../test/fixtures/measurements/index.js';
import { createRowReader, type RowResult } from './measurement-rows.js';
import { openSpreadsheet } from './open-spreadsheet.js';
import { readXlsxRows, type SheetRow } from './spreadsheet.js';
import { csvText, TEMPLATE_HEADER, templateCsv, templateRows, templateXlsx, writeXlsx } from './templates.js';

const indicators = randersIndicators();
const lbf = [...indicators.values()].filter((i) => i.set === 'lbf');

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** Reads a file through the import's own readers: its header problems and every row's result. */
async function readBack(bytes: Buffer): Promise<{ format: string; header: SheetRow; headerProblems: unknown[]; results: RowResult[] }> {
  const sheet = await openSpreadsheet(once(bytes));
  if ('error' in sheet) assert.fail(sheet.error);
  const rows: SheetRow[] = [];
  for await (const batch of sheet.rows) for (const row of batch) rows.push(row);
  const [header, ...data] = rows;
  const reader = createRowReader(header!, { indicators, areas: randersAreas, today: FIXTURE_TODAY, decimal: sheet.decimal });
  return { format: sheet.format, header: header!, headerProblems: reader.headerProblems, results: data.map((r) => reader.read(r)) };
}

describe('templateRows', () => {
  it('has one row per indicator and scope: each area, all areas together and the municipality', () => {
    const rows = templateRows(lbf, randersAreas);
    assert.equal(rows.length, lbf.length * (randersAreas.length + 2));
    assert.deepEqual(
      rows.slice(0, randersAreas.length + 2).map((r) => r[2]),
      [...randersAreas.map((a) => a.name), 'Alle syv boligområder', 'Randers Kommune'],
    );
  });

  it('fills in the indicator’s code and name and leaves period, value and the rest blank', () => {
    const [first] = templateRows(lbf, randersAreas);
    assert.deepEqual(first, ['lbf-1a', 'Andelen af 1-5-årige i dagtilbud', 'Gl. Jennumparken', '', '', '', '', '', '', '']);
    assert.equal(first!.length, TEMPLATE_HEADER.length);
  });

  it('leaves out indicators not measured with numbers', () => {
    const text: IndicatorDefinition = { code: 'tekst-1', name: 'Beskrivelse', unit: 'text', direction: 'higher-is-better', set: 'lbf', dataSource: 'x' };
    assert.ok(templateRows([...lbf, text], randersAreas).every((r) => r[0] !== 'tekst-1'));
  });

  it('names the municipality it is given', () => {
    assert.ok(templateRows(lbf, randersAreas, { municipality: 'Aarhus Kommune' }).some((r) => r[2] === 'Aarhus Kommune'));
  });
});

describe('templateCsv', () => {
  it('starts with a BOM and separates cells with semicolons and lines with CRLF, as Danish Excel expects', () => {
    const text = templateCsv(lbf, randersAreas);
    assert.ok(text.startsWith('\ufeffIndikator;Indikatornavn;Område;Periode;Værdi;Tæller;Nævner;Kilde;Dataudtræk;Note\r\n'));
    assert.ok(!/[^\r]\n/.test(text));
  });

  it('gives a header the row reader accepts and rows it skips as unfilled', async () => {
    const { format, headerProblems, results } = await readBack(Buffer.from(templateCsv(lbf, randersAreas)));
    assert.equal(format, 'csv');
    assert.deepEqual(headerProblems, []);
    assert.equal(results.length, lbf.length * (randersAreas.length + 2));
    assert.ok(results.every((r) => r.kind === 'skipped' && r.reason === 'unfilled'));
  });

  it('gives a measurement once a row is filled in', async () => {
    const lines = templateCsv(lbf, randersAreas).split('\r\n');
    lines[1] = lines[1]!.replace(/;;;;;;;$/, ';2024;78,5;157;200;;15-03-2025;');
    const { results } = await readBack(Buffer.from(lines.join('\r\n')));
    const first = results[0]!;
    assert.equal(first.kind === 'ok' && `${first.input.scope} ${first.input.value}`, 'area:gl-jennumparken 78.5');
  });
});

describe('csvText', () => {
  it('quotes cells holding the separator, quotes or line breaks, and writes numbers with a decimal comma', () => {
    assert.equal(csvText(['a', 'b'], [['x;y', 'sagde "hej"'], ['to\nlinjer', 23.5], [null, 1234]]), '\ufeffa;b\r\n"x;y";"sagde ""hej"""\r\n"to\nlinjer";23,5\r\n;1234\r\n');
  });

  it('keeps the decimal point in a comma-separated file', () => {
    assert.equal(csvText(['a', 'b'], [['x,y', 23.5]], { separator: ',' }), '\ufeffa,b\r\n"x,y",23.5\r\n');
  });
});

describe('writeXlsx', () => {
  it('writes numbers as numeric cells and empty cells as empty', async () => {
    const bytes = await writeXlsx([{ name: 'Eksport', header: ['Navn', 'Værdi'], rows: [['a', 1234.5], ['b', null]] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Eksport')!;
    assert.equal(sheet.getCell('B2').type, ExcelJS.ValueType.Number);
    assert.equal(sheet.getCell('B2').value, 1234.5);
    assert.equal(sheet.getCell('B3').value, null);
  });

  it('writes sheets the XLSX reader reads back', async () => {
    const bytes = await writeXlsx([{ name: 'Eksport', header: ['Navn', 'Værdi'], rows: [['Gl. Jennumparken', 23.5]] }]);
    const rows: SheetRow[] = [];
    for await (const batch of readXlsxRows(once(bytes))) rows.push(...batch);
    assert.deepEqual(rows, [
      { row: 1, cells: ['Navn', 'Værdi'] },
      { row: 2, cells: ['Gl. Jennumparken', '23.5'] },
    ]);
  });
});

describe('templateXlsx', () => {
  it('has the sheet Data first and the guide Vejledning second', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx(lbf, randersAreas)) as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['Data', 'Vejledning'],
    );
    const guide = workbook.getWorksheet('Vejledning')!;
    const text = guide.getSheetValues().flat().join(' ');
    for (const expected of ['Periode (skal udfyldes)', 'planår 2025/26', '2. kvartal 2024', 'Gl. Jennumparken', 'Alle syv boligområder', 'målgruppe: <navn>']) {
      assert.ok(text.includes(expected), expected);
    }
  });

  it('formats the period column as text, so Excel keeps 03-2024 and 2023/24 as typed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx(lbf, randersAreas)) as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('Data')!;
    assert.equal(data.getColumn(TEMPLATE_HEADER.indexOf('Periode') + 1).numFmt, '@');
  });

  it('gives a header the row reader accepts and rows it skips as unfilled', async () => {
    const { format, header, headerProblems, results } = await readBack(await templateXlsx(lbf, randersAreas));
    assert.equal(format, 'xlsx');
    assert.deepEqual(header.cells, TEMPLATE_HEADER);
    assert.deepEqual(headerProblems, []);
    assert.equal(results.length, lbf.length * (randersAreas.length + 2));
    assert.ok(results.every((r) => r.kind === 'skipped' && r.reason === 'unfilled'));
  });
});
