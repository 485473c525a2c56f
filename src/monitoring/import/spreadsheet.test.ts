import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { measurementFixture, VALID_2024_ROWS, FIXTURE_HEADER } from '../../../test/fixtures/measurements/index.js';
import { openSpreadsheet } from './open-spreadsheet.js';
import { detectFormat, openCsv, readCsvRows, readXlsxRows, SpreadsheetError, type SheetRow } from './spreadsheet.js';

/** The bytes in chunks of `size`, as a network upload would deliver them. */
async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function collect(batches: AsyncIterable<SheetRow[]>): Promise<{ rows: SheetRow[]; batches: number[] }> {
  const rows: SheetRow[] = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    for (const row of batch) rows.push(row);
    sizes.push(batch.length);
  }
  return { rows, batches: sizes };
}

const csvRows = async (text: string | Buffer, chunkSize = 1 << 16) => (await collect(readCsvRows(chunked(Buffer.isBuffer(text) ? text : Buffer.from(text), chunkSize)))).rows;

/** Windows-1252 bytes of Latin-1 text. */
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('detectFormat', () => {
  it('recognises an XLSX file by the zip signature', () => {
    assert.equal(detectFormat(readFileSync(measurementFixture('valid-2024.xlsx')).subarray(0, 16)), 'xlsx');
  });

  it('recognises a CSV file by its text, whatever it is called', () => {
    assert.equal(detectFormat(Buffer.from('Indikator;Område\n'), 'data.xlsx'), 'csv');
    assert.equal(detectFormat(cp1252('Område;Værdi\r\n')), 'csv');
  });

  it('refuses an old .xls file, a PDF and binary data', () => {
    assert.equal(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'data.xls'), null);
    assert.equal(detectFormat(Buffer.from('%PDF-1.7\n'), 'rapport.pdf'), null);
    assert.equal(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), null);
  });

  it('goes by the name or content type only for an empty file', () => {
    assert.equal(detectFormat(Buffer.alloc(0), 'tom.csv'), 'csv');
    assert.equal(detectFormat(Buffer.alloc(0), undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'xlsx');
    assert.equal(detectFormat(Buffer.alloc(0), 'tom.bin'), null);
  });
});

describe('readCsvRows', () => {
  it('reads a Windows-1252 file from Danish Excel with its letters, separator and decimal comma', async () => {
    const { dialect, rows } = await openCsv(createReadStream(measurementFixture('danish-excel-1252.csv')));
    assert.deepEqual({ ...dialect }, { separator: ';', decimal: ',', encoding: 'windows-1252' });
    const all = (await collect(rows)).rows;
    assert.equal(all[0]!.cells[1], 'Område');
    assert.equal(all[1]!.cells[1], 'Sjællandsgadekvarteret');
  });

  it('numbers rows as a spreadsheet shows them, counting blank lines and a cell over two lines once', async () => {
    const { rows } = await collect(readCsvRows(createReadStream(measurementFixture('danish-excel-1252.csv'))));
    assert.deepEqual(
      rows.map((r) => r.row),
      [1, 2, 4, 6],
    );
    assert.equal(rows[2]!.cells[8], 'Første linje;\nanden linje');
  });

  it('reads a comma-separated UTF-8 file with a BOM, without the BOM in the first header', async () => {
    const { dialect, rows } = await openCsv(createReadStream(measurementFixture('english-utf8-bom.csv')));
    assert.deepEqual({ ...dialect }, { separator: ',', decimal: '.', encoding: 'utf-8' });
    const all = (await collect(rows)).rows;
    assert.equal(all[0]!.cells[0], 'Indikator');
    assert.deepEqual(all[2]!.cells.slice(3, 4), ['1,148']);
    assert.equal(all[2]!.cells[8], 'Incl. evictions, all landlords');
  });

  it('reads valid-2024.csv cell for cell as the rows it was made from', async () => {
    const rows = await csvRows(readFileSync(measurementFixture('valid-2024.csv')));
    assert.deepEqual(rows[0]!.cells, FIXTURE_HEADER);
    assert.deepEqual(
      rows.slice(1).map((r) => r.cells),
      VALID_2024_ROWS.map((r) => r.cells),
    );
  });

  it('reads quoted cells with separators, doubled quotes and line breaks', async () => {
    const rows = await csvRows('a;b;c\r\n"x;y";"sagde ""hej""";"linje 1\r\nlinje 2"\r\n4;5;6\r\n');
    assert.deepEqual(rows[1]!.cells, ['x;y', 'sagde "hej"', 'linje 1\nlinje 2']);
    assert.deepEqual(
      rows.map((r) => r.row),
      [1, 2, 4],
    );
  });

  it('keeps empty cells at the end of a row', async () => {
    const rows = await csvRows('a;b;c\n1;;\n');
    assert.deepEqual(rows[1]!.cells, ['1', '', '']);
  });

  it('reads a last line without a line break', async () => {
    const rows = await csvRows('a;b\n1;2');
    assert.deepEqual(rows[1], { row: 2, cells: ['1', '2'] });
  });

  it('reads lines ended by CR alone, as old Mac files have them', async () => {
    const rows = await csvRows('a;b\r1;2\r\r3;4\r');
    assert.deepEqual(
      rows.map((r) => `${r.row}:${r.cells.join('|')}`),
      ['1:a|b', '2:1|2', '4:3|4'],
    );
  });

  it('chooses the semicolon when the header has more semicolons than commas', async () => {
    const { dialect } = await openCsv(once(Buffer.from('Indikator;Område;Værdi, i procent\n')));
    assert.equal(dialect.separator, ';');
  });

  it('chooses the comma otherwise, and then expects a decimal point', async () => {
    const { dialect } = await openCsv(once(Buffer.from('Indikator,Område;Værdi,Note\n')));
    assert.deepEqual([dialect.separator, dialect.decimal], [',', '.']);
  });

  it('reads a tab-separated file with a decimal comma', async () => {
    const { dialect, rows } = await openCsv(once(Buffer.from('Indikator\tVærdi\nlbf-1a\t23,5\n')));
    assert.deepEqual([dialect.separator, dialect.decimal], ['\t', ',']);
    assert.deepEqual((await collect(rows)).rows[1]!.cells, ['lbf-1a', '23,5']);
  });

  it('reads UTF-16 text with a BOM, as Excel saves «Unicode-tekst»', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Område\tVærdi\r\nVangdalen\t12\r\n', 'utf16le')]);
    const { dialect, rows } = await openCsv(chunked(bytes, 7));
    assert.equal(dialect.encoding, 'utf-16le');
    assert.deepEqual((await collect(rows)).rows[1]!.cells, ['Vangdalen', '12']);
  });

  it('follows Excel’s sep= line and does not count it as a row', async () => {
    const { dialect, rows } = await openCsv(once(Buffer.from('sep=,\nIndikator;Note,Værdi\nlbf-1a;x,2\n')));
    assert.equal(dialect.separator, ',');
    assert.deepEqual((await collect(rows)).rows[0], { row: 1, cells: ['Indikator;Note', 'Værdi'] });
  });

  it('decodes UTF-8 letters split between chunks', async () => {
    const line = 'lbf-1a;Sjællandsgade-kvarteret;Første række;ø\r\n';
    const text = `Indikator;Område;Note;X\r\n${line.repeat(5000)}`;
    for (const size of [1, 3, 4097, 65537]) {
      const rows = size === 1 ? await csvRows(text.slice(0, 400), size) : await csvRows(text, size);
      assert.ok(rows.slice(1).every((r) => r.cells[1] === 'Sjællandsgade-kvarteret' && r.cells[3] === 'ø'), `chunks of ${size}`);
    }
  });

  it('reads Windows-1252 letters that first appear after 64 KB of plain ASCII', async () => {
    const text = `Indikator;Omraade\r\n${'lbf-1a;Vangdalen\r\n'.repeat(5000)}lbf-1a;Sjællandsgade\r\n`;
    const { dialect, rows } = await openCsv(chunked(cp1252(text), 10_000));
    const all = (await collect(rows)).rows;
    assert.equal(all.at(-1)!.cells[1], 'Sjællandsgade');
    assert.equal(dialect.encoding, 'windows-1252');
  });

  it('reads UTF-8 letters that first appear after 64 KB of plain ASCII, split between chunks', async () => {
    const text = `Indikator;Omraade\r\n${'lbf-1a;Vangdalen\r\n'.repeat(5000)}lbf-1a;Sjællandsgade\r\n`;
    const bytes = Buffer.from(text);
    const split = bytes.indexOf(Buffer.from('æ')) + 1;
    const rows = (await collect(readCsvRows((async function* () {
      yield bytes.subarray(0, split);
      yield bytes.subarray(split);
    })()))).rows;
    assert.equal(rows.at(-1)!.cells[1], 'Sjællandsgade');
  });

  it('maps the Windows-1252 characters that differ from Latin-1', async () => {
    const rows = await csvRows(Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x80, 0x3b, 0x96, 0x93, 0x94, 0x0a]));
    assert.deepEqual(rows[1]!.cells, ['€', '–“”']);
  });

  it('does not see a blank line where CRLF is split between chunks', async () => {
    const text = 'a;b\r\n1;2\r\n3;4\r\n';
    const bytes = Buffer.from(text);
    const split = text.indexOf('\r') + 1;
    const rows = (await collect(readCsvRows((async function* () {
      yield bytes.subarray(0, split);
      yield bytes.subarray(split);
    })()))).rows;
    assert.deepEqual(
      rows.map((r) => r.row),
      [1, 2, 3],
    );
  });

  it('reads a doubled quote split between chunks', async () => {
    for (let size = 1; size < 12; size++) {
      const rows = await csvRows('a;b\n"x""y";2\n', size);
      assert.deepEqual(rows[1]!.cells, ['x"y', '2'], `chunks of ${size}`);
    }
  });

  it('yields rows in batches rather than one by one or all at once', async () => {
    const text = `a;b\n${'1;2\n'.repeat(200_000)}`;
    const { rows, batches } = await collect(readCsvRows(once(Buffer.from(text))));
    assert.equal(rows.length, 200_001);
    assert.ok(batches.length > 2, `${batches.length} batches`);
    assert.ok(Math.max(...batches) < 100_000, `largest batch ${Math.max(...batches)}`);
  });

  it('refuses a quotation mark that is never closed, naming its row', async () => {
    await assert.rejects(csvRows('a;b\n1;2\n"3;4\n5;6\n'), (e: unknown) => e instanceof SpreadsheetError && e.message === 'Række 3 har et citationstegn (") der ikke lukkes.');
  });
});

describe('readXlsxRows', () => {
  it('reads the first worksheet of valid-2024.xlsx as the CSV path would see it', async () => {
    const { rows } = await collect(readXlsxRows(createReadStream(measurementFixture('valid-2024.xlsx'))));
    assert.equal(rows.length, 13);
    assert.deepEqual(rows[0]!.cells, FIXTURE_HEADER);
    assert.deepEqual(rows[5]!.cells, ['lbf-2b', 'Gl. Jennumparken', '2024', '41.2', '', '', '', '2025-03-15']);
  });

  it('turns a percent-formatted share into the percentage Excel shows', async () => {
    const { rows } = await collect(readXlsxRows(createReadStream(measurementFixture('valid-2024.xlsx'))));
    assert.equal(rows[1]!.cells[3], '78.5%');
  });

  it('takes a formula’s cached result, rich text as plain text and a date as an ISO date', async () => {
    const { rows } = await collect(readXlsxRows(createReadStream(measurementFixture('valid-2024.xlsx'))));
    assert.equal(rows[3]!.cells[3], '74');
    assert.equal(rows[6]!.cells[8], 'Opgjort pr. 31-12; "foreløbigt" tal');
    assert.ok(rows.slice(1).every((r) => r.cells[7] === '2025-03-15'));
  });

  it('keeps the sheet’s row numbers where rows are missing, and numbers without exponents', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.getRow(1).values = ['Indikator', 'Værdi'];
    sheet.getRow(4).values = ['lbf-1a', 0.0000001];
    sheet.getRow(5).values = [true, 1e21];
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { rows } = await collect(readXlsxRows(chunked(bytes, 1000)));
    assert.deepEqual(rows, [
      { row: 1, cells: ['Indikator', 'Værdi'] },
      { row: 4, cells: ['lbf-1a', '0.0000001'] },
      { row: 5, cells: ['SAND', '1000000000000000000000'] },
    ]);
  });

  it('refuses a zip file that is no workbook with a Danish message', async () => {
    const zip = Buffer.from('504b0304140000000800000000000000000000000000000000000500000068656c6c6f', 'hex');
    await assert.rejects(collect(readXlsxRows(once(zip))), (e: unknown) => e instanceof SpreadsheetError && /Excel|regneark/.test(e.message));
  });
});

describe('openSpreadsheet', () => {
  it('opens an XLSX file and says its numbers have a decimal point', async () => {
    const sheet = await openSpreadsheet(createReadStream(measurementFixture('valid-2024.xlsx')), { fileName: 'valid-2024.xlsx' });
    assert.ok(!('error' in sheet));
    assert.deepEqual([sheet.format, sheet.decimal], ['xlsx', '.']);
    assert.equal((await collect(sheet.rows)).rows.length, 13);
  });

  it('opens a semicolon CSV file and says its numbers have a decimal comma', async () => {
    const sheet = await openSpreadsheet(createReadStream(measurementFixture('valid-2024.csv')));
    assert.ok(!('error' in sheet));
    assert.deepEqual([sheet.format, sheet.decimal, sheet.dialect?.separator], ['csv', ',', ';']);
  });

  it('says an empty file is empty', async () => {
    assert.deepEqual(await openSpreadsheet(once(Buffer.alloc(0)), { fileName: 'tom.csv' }), {
      error: 'Filen "tom.csv" er tom. Den første række skal være kolonneoverskrifterne fra skabelonen.',
    });
  });

  it('tells someone with an old .xls file to save it as .xlsx or CSV', async () => {
    const result = await openSpreadsheet(once(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), { fileName: 'data.xls' });
    assert.ok('error' in result && /gamle Excel-format \(\.xls\)/.test(result.error));
  });

  it('refuses a file that is neither kind', async () => {
    const result = await openSpreadsheet(once(Buffer.from('%PDF-1.7\n')), { fileName: 'rapport.pdf' });
    assert.deepEqual(result, { error: 'Filen "rapport.pdf" er hverken et Excel-regneark (.xlsx) eller en CSV-fil. Gem den som .xlsx eller CSV, og prøv igen.' });
  });

  it('leaves the rest of an upload unread when the reader stops early, so the caller can drain it', async () => {
    let delivered = 0;
    const upload = (async function* () {
      for (let i = 0; i < 10; i++) {
        delivered++;
        yield Buffer.from(i === 0 ? 'a;b\n' : `${'1;2\n'.repeat(20_000)}`);
      }
    })();
    const sheet = await openSpreadsheet(upload);
    assert.ok(!('error' in sheet));
    for await (const batch of sheet.rows) {
      void batch;
      break;
    }
    let drained = 0;
    for await (const chunk of upload) drained += chunk.length > 0 ? 1 : 0;
    assert.equal(delivered, 10);
    assert.ok(drained > 0);
  });
});
