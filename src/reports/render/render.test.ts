/**
 * The report renderers on the fixture document with every kind of block: the PDF is A4 with DKFDS's font embedded,
 * its title and language in the metadata and a long table over several pages; the XLSX has the right sheets with
 * figures as numbers in their formats; the page has captions, header scopes and the chart inline.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { aLongTable, aReportDocument } from '../../../test/fixtures/reports/index.js';
import { reportHtml } from './report-html.js';
import { haloTextsForPdf, reportPdf } from './report-pdf.js';
import { reportXlsx, sheetNames } from './report-xlsx.js';

const EDITION = { kind: 'edition', edition: 2, frozenAt: '2026-08-20T09:00:00.000Z', frozenBy: 'Sekretariatet', note: 'Til udvalget', sha256: 'ab'.repeat(32) } as const;

/** A PDF string object as text: pdfkit writes non-ASCII text as UTF-16BE with a byte-order mark. */
function pdfString(pdf: string, ref: string): string {
  const body = new RegExp(`\\n${ref} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(pdf)?.[1];
  assert.ok(body !== undefined, `object ${ref} is a string`);
  const bytes = body.replace(/\\([()\\])/g, '$1').replace(/\\([0-7]{1,3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  if (bytes.charCodeAt(0) !== 0xfe || bytes.charCodeAt(1) !== 0xff) return bytes;
  let text = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return text;
}

describe('a report as a PDF', () => {
  it('is a PDF with the title and Danish language in its metadata and IBM Plex Sans embedded', async () => {
    const pdf = (await reportPdf(aReportDocument(), { kind: 'draft' }, { compress: false })).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-1.7'));
    assert.match(pdf, /\/Lang \(da\)/);
    assert.match(pdf, /\/MediaBox \[0 0 595\.28 841\.89\]/);
    const title = /\/Title (\d+) 0 R/.exec(pdf)?.[1];
    assert.equal(pdfString(pdf, title!), 'Årsrapport 2025/26');
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+IBMPlexSans\b/);
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+IBMPlexSans-Bold\b/);
    assert.match(pdf, /\/FontFile2/);
    assert.match(pdf, /\/Outlines \d+ 0 R/, 'the sections are bookmarks');
  });

  it('is tagged for screen readers: headings, lists, tables with header cells, the chart as a figure with alternative text', async () => {
    const pdf = (await reportPdf(aReportDocument(), { kind: 'draft' }, { compress: false })).toString('latin1');
    assert.match(pdf, /\/Marked true/);
    assert.match(pdf, /<pdfuaid:part>1<\/pdfuaid:part>/);
    const tags = new Set([...pdf.matchAll(/\/S \/(\w+)/g)].map((m) => m[1]));
    for (const t of ['Document', 'H1', 'Sect', 'H2', 'P', 'L', 'LI', 'LBody', 'Table', 'Caption', 'TR', 'TH', 'TD', 'Figure']) assert.ok(tags.has(t), `no ${t} in the structure`);
    assert.match(pdf, /\/Artifact <<\n?\/Type \/Pagination/);
  });

  it('draws a chart label’s halo under its letters, since svg-to-pdfkit ignores paint-order', () => {
    assert.equal(
      haloTextsForPdf('<text x="4" stroke="#FFFFFF" stroke-width="4" paint-order="stroke">Udgangspunkt</text>'),
      '<text x="4" stroke="#FFFFFF" stroke-width="4" fill="#FFFFFF">Udgangspunkt</text><text x="4">Udgangspunkt</text>',
    );
  });

  it('breaks a table of 400 rows over about 40 rows a page', async () => {
    const pages = async (rows: number) => {
      const document = aReportDocument({ sections: [{ key: 'tabel', title: 'Lang tabel', blocks: [aLongTable(rows)], sources: [] }] });
      const pdf = (await reportPdf(document, { kind: 'draft' }, { compress: false })).toString('latin1');
      return Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf)?.[1] ?? /\/Count (\d+)/.exec(pdf)?.[1]);
    };
    // A row of 8.5 pt text is about 17 pt with its padding; a page holds about 690 pt of rows below the repeated
    // caption and header, so about 40 rows, and the first page also the report's heading.
    assert.equal(await pages(10), 1);
    const long = await pages(400);
    assert.ok(long >= 10 && long <= 12, `400 rows on ${long} pages`);
  });
});

describe('a report as an XLSX file', () => {
  it('has «Om rapporten» and a sheet per section, with figures as numbers in their column\u2019s format', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(aReportDocument(), EDITION)) as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['Om rapporten', 'Sammenfatning', 'Aktiviteter og økonomi', 'Monitorering- beskæftigelse'],
    );
    const about = workbook.getWorksheet('Om rapporten')!;
    const aboutText = about.getSheetValues().flat().join(' ');
    assert.match(aboutText, /Udgave 2, frosset/);
    assert.match(aboutText, /31\. juli 2026/);
    assert.match(aboutText, /Danmarks Statistik/);

    const sheet = workbook.getWorksheet('Aktiviteter og økonomi')!;
    const header = sheet.getRow(4);
    assert.equal(header.getCell(1).value, 'Indsatsområde');
    assert.equal(header.font?.bold, true);
    assert.deepEqual(sheet.views[0], { ...sheet.views[0], state: 'frozen', ySplit: 4 });
    const row = sheet.getRow(5);
    assert.equal(row.getCell(2).value, 184);
    assert.equal(row.getCell(2).numFmt, '#,##0');
    assert.ok(Math.abs((row.getCell(3).value as number) - 0.767) < 1e-9);
    assert.equal(row.getCell(3).numFmt, '0.0%');
    assert.equal(row.getCell(5).value, 1_250_000);
    assert.equal(row.getCell(5).numFmt, '#,##0 "kr."');
    assert.equal(sheet.getRow(7).getCell(2).value, '<5');

    const chart = workbook.getWorksheet('Monitorering- beskæftigelse')!;
    const values = chart.getSheetValues().flat();
    assert.ok(values.includes(0.391), 'the chart\u2019s figures are a table of numbers');
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique', () => {
    const names = sheetNames(['Om rapporten', 'Mål: 1/2 [udkast]?', 'Et meget langt afsnitsnavn om beskæftigelse og uddannelse', 'Et meget langt afsnitsnavn om beskæftigelse og sundhed', 'om rapporten']);
    assert.deepEqual(names, ['Om rapporten', 'Mål- 1-2 -udkast--', 'Et meget langt afsnitsnavn om b', 'Et meget langt afsnitsnavn (2)', 'om rapporten (2)']);
    assert.ok(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n)));
  });
});

describe('a report as a page', () => {
  it('has table captions, header scopes, right-aligned figures, the chart inline with its description, and sources', () => {
    const html = reportHtml(aReportDocument(), { kind: 'draft' });
    assert.match(html, /Udkast – ikke frosset/);
    assert.match(html, /<caption>Deltagere pr. indsatsområde<\/caption>/);
    assert.match(html, /<th scope="col" class="align-text-right">Deltagere<\/th>/);
    assert.match(html, /<th scope="row">Beskæftigelse<\/th><td class="align-text-right">97<\/td><td class="align-text-right">64,3 %<\/td>/);
    assert.match(html, /1\.250\.000 kr\./);
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /faldet fra 43,7 %/);
    assert.match(html, /<h3 class="h5">Kilder<\/h3>/);
  });
});
