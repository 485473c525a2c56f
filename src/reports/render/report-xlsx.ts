/**
 * A report as an XLSX workbook, for those who work on with the figures: a first sheet «Om rapporten» (title, plan,
 * cut-off date, when built or frozen, every section's sources), then one sheet per section with its texts above its
 * tables. Figures are real numbers with a number format per column (kroner, per cent with one decimal, integers), so
 * they can be summed; a suppressed count stays the text «<5». Charts become their data tables, since XLSX cannot hold
 * SVG, with their description.
 */
import ExcelJS from 'exceljs';
import type { CellFormat, ReportBlock, ReportCell, ReportColumn, ReportDocument } from '../report-document.js';
import { formatCell, formatInstant, formatIsoDate, statusText, type ReportStatus } from './cells.js';

/** Number formats per column format. Excel shows them with the reader's own separators (1.234,5 in Danish Excel). */
const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal1: '#,##0.0',
  percent1: '0.0%',
  dkk: '#,##0 "kr."',
  date: 'd. mmmm yyyy',
};

const MAX_SHEET_NAME = 31;
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
const TEXT_WIDTH = 100;
/** A frozen header row is only worth it when the table starts near the top of its sheet. */
const FREEZE_WITHIN_ROWS = 12;

/**
 * Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe,
 * and unique regardless of case (a repeated name gets « (2)»).
 */
export function sheetNames(titles: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return titles.map((title) => {
    const clean = title.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim() || 'Afsnit';
    let name = clean.slice(0, MAX_SHEET_NAME).trim();
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${clean.slice(0, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The value a cell gets in the workbook: numbers stay numbers (per cent as a fraction, for Excel's % format), dates become dates. */
function cellValue(value: ReportCell, format: CellFormat): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number') return format === 'percent1' ? value / 100 : value;
  if (format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/** Renders a report as an XLSX file. */
export async function reportXlsx(document: ReportDocument, status: ReportStatus): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Helhed';
  workbook.title = document.title;
  workbook.subject = document.subtitle;
  workbook.created = new Date(status.kind === 'edition' ? status.frozenAt : document.generatedAt);
  workbook.modified = workbook.created;

  const [aboutName, ...names] = sheetNames(['Om rapporten', ...document.sections.map((s) => s.title)]);
  const about = workbook.addWorksheet(aboutName!);
  about.columns = [{ width: 26 }, { width: 90 }];
  const title = about.addRow([document.title]);
  title.font = { bold: true, size: 16 };
  if (document.subtitle) about.addRow([document.subtitle]).font = { italic: true };
  about.addRow([]);
  const facts: [string, string][] = [
    ['Status', statusText(status)],
    ['Plan', document.planName],
    ['Dataskæring', `${formatIsoDate(document.cutoffDate)} (data til og med denne dag)`],
    ['Udarbejdet', formatInstant(document.generatedAt)],
  ];
  if (status.kind === 'edition') {
    facts.push(['Frosset', `${formatInstant(status.frozenAt)} af ${status.frozenBy}`]);
    if (status.note) facts.push(['Note til udgaven', status.note]);
    facts.push(['SHA-256 af indholdet', status.sha256]);
  }
  for (const [label, value] of facts) about.addRow([label, value]).getCell(1).font = { bold: true };
  about.addRow([]);
  about.addRow(['Afsnit og kilder']).font = { bold: true, size: 13 };
  document.sections.forEach((section, i) => {
    about.addRow([names[i], section.title]).getCell(1).font = { bold: true };
    for (const source of section.sources) about.addRow(['', source]);
  });
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  document.sections.forEach((section, i) => {
    const sheet = workbook.addWorksheet(names[i]!);
    const widths: number[] = [];
    const widen = (column: number, text: string) => {
      widths[column] = Math.max(widths[column] ?? MIN_WIDTH, Math.min(MAX_WIDTH, text.length + 2));
    };
    let headerRowOfFirstTable: number | null = null;
    sheet.addRow([section.title]).font = { bold: true, size: 14 };
    sheet.addRow([]);

    const addTable = (caption: string, columns: ReportColumn[], rows: ReportCell[][], note: string | undefined) => {
      sheet.addRow([caption]).font = { bold: true };
      const header = sheet.addRow(columns.map((c) => c.label));
      header.font = { bold: true };
      header.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };
        cell.border = { bottom: { style: 'thin' } };
      });
      headerRowOfFirstTable ??= header.number;
      columns.forEach((c, k) => widen(k, c.label));
      for (const row of rows) {
        const added = sheet.addRow(columns.map((c, k) => cellValue(row[k] ?? null, c.format)));
        columns.forEach((c, k) => {
          const cell = added.getCell(k + 1);
          const format = NUMBER_FORMATS[c.format];
          if (format && (typeof row[k] === 'number' || (c.format === 'date' && cell.value instanceof Date))) cell.numFmt = format;
          // A suppressed count («<5») stands where a number would, so it is right-aligned like one.
          if (c.format !== 'text' && typeof row[k] === 'string') cell.alignment = { horizontal: 'right' };
          widen(k, formatCell(row[k] ?? null, c.format));
        });
      }
      if (note) sheet.addRow([note]).font = { italic: true };
      sheet.addRow([]);
    };

    const addBlock = (block: ReportBlock) => {
      switch (block.kind) {
        case 'paragraph':
          sheet.addRow([block.text]);
          return;
        case 'list':
          for (const item of block.items) sheet.addRow([`• ${item}`]);
          sheet.addRow([]);
          return;
        case 'figures':
          for (const f of block.items) {
            const row = sheet.addRow([f.label, f.value, f.note ?? null]);
            row.getCell(1).font = { bold: true };
            widen(0, f.label);
            widen(1, f.value);
          }
          sheet.addRow([]);
          return;
        case 'table':
          addTable(block.caption, block.columns, block.rows, block.note);
          return;
        case 'chart':
          if (block.table) addTable(block.title, block.table.columns, block.table.rows, block.description);
          else {
            sheet.addRow([block.title]).font = { bold: true };
            sheet.addRow([block.description]);
            sheet.addRow([]);
          }
          return;
      }
    };
    for (const block of section.blocks) addBlock(block);
    if (section.sources.length > 0) {
      sheet.addRow(['Kilder']).font = { bold: true };
      for (const source of section.sources) sheet.addRow([source]);
    }

    widths.forEach((w, k) => {
      sheet.getColumn(k + 1).width = w;
    });
    if (widths.length === 0) sheet.getColumn(1).width = TEXT_WIDTH;
    const freezeAt: number | null = headerRowOfFirstTable;
    if (freezeAt !== null && freezeAt <= FREEZE_WITHIN_ROWS) sheet.views = [{ state: 'frozen', ySplit: freezeAt }];
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
