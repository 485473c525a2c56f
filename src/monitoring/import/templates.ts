/**
 * Templates for the measurement import, one per indicator set, as CSV (opens correctly in Danish Excel) and XLSX
 * (with a guide sheet), and the spreadsheet writers exports reuse. A template row names an indicator and a scope and
 * leaves the rest blank; the import skips such rows until someone fills in a value.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { IndicatorDefinition } from '../measurement.js';
import { allAreasLabel, MEASUREMENT_COLUMNS } from './measurement-rows.js';

/** One sheet to write: its name, header and rows (numbers become numeric cells, null an empty cell). */
export interface SheetData {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  /** Per column: its width in characters, and whether typed values must stay text (so Excel does not turn `2023/24` or `03-2024` into a date). */
  columns?: ({ width?: number; text?: boolean } | undefined)[];
}

/** The template's header: the import's columns in order. */
export const TEMPLATE_HEADER: readonly string[] = MEASUREMENT_COLUMNS.map((c) => c.title);

/** Names a template uses for the scopes that are not areas; Randers' by default. */
export interface TemplateOptions {
  municipality?: string;
  region?: string;
}

const DEFAULTS: Required<TemplateOptions> = { municipality: 'Randers Kommune', region: 'Region Midtjylland' };

type Area = { slug: string; name: string };

/**
 * One row per indicator measured with numbers and scope (each area, all areas together, the municipality), with the
 * indicator's code and name and the scope filled in and everything else blank, in TEMPLATE_HEADER's column order.
 */
export function templateRows(indicators: readonly IndicatorDefinition[], areas: readonly Area[], options: TemplateOptions = {}): string[][] {
  const { municipality } = { ...DEFAULTS, ...options };
  const scopes = [...areas.map((a) => a.name), allAreasLabel(areas.length), municipality];
  const blank = TEMPLATE_HEADER.length - 3;
  return indicators.filter((i) => i.unit !== 'text').flatMap((i) => scopes.map((scope) => [i.code, i.name, scope, ...Array<string>(blank).fill('')]));
}

/** A cell for a CSV file: quoted when it holds the separator, a quote or a line break; numbers with a decimal comma for `;` files. */
function csvCell(value: string | number | null, separator: string): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (separator === ',' ? String(value) : String(value).replace('.', ',')) : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file as Danish Excel opens it: UTF-8 with a BOM, `;` between cells, CRLF line ends, numbers with a decimal
 * comma. With `separator: ','` numbers keep their decimal point.
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], options: { separator?: ';' | ',' } = {}): string {
  const separator = options.separator ?? ';';
  const lines = [header, ...rows].map((cells) => cells.map((cell) => csvCell(cell, separator)).join(separator));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The template as CSV (UTF-8 with BOM, `;`-separated), ready to open in Danish Excel. */
export function templateCsv(indicators: readonly IndicatorDefinition[], areas: readonly Area[], options: TemplateOptions = {}): string {
  return csvText(TEMPLATE_HEADER, templateRows(indicators, areas, options));
}

/**
 * An XLSX workbook of the sheets, written with exceljs's streaming writer: a bold, frozen header row, numbers as
 * numeric cells, text columns formatted as text.
 */
export async function writeXlsx(sheets: readonly SheetData[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.header.map((title, index) => {
      const column = sheet.columns?.[index];
      const longest = Math.max(title.length, ...sheet.rows.slice(0, 200).map((r) => String(r[index] ?? '').length));
      return { header: title, width: column?.width ?? Math.min(60, Math.max(10, longest + 2)), ...(column?.text ? { style: { numFmt: '@' } } : {}) };
    });
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell === null || cell === '' ? undefined : cell))).commit();
    worksheet.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(parts);
}

const PERIOD_GUIDE: [string, string, string][] = [
  ['Kalenderår', '1. januar - 31. december', '2024'],
  ['Skoleår', '1. august - 31. juli', '2023/24, 2023/2024, 2023-24, skoleåret 2023/24'],
  ['Planår', '1. august - 31. juli', 'planår 2025/26'],
  ['Halvår', '1. halvår: januar - juni, 2. halvår: juli - december', '1. halvår 2024, 2024H1'],
  ['Kvartal', '1. kvartal: januar - marts osv.', '2. kvartal 2024, K2 2024, 2024K2, 2024Q2'],
  ['Måned', 'Hele måneden', 'marts 2024, mar 2024, 2024-03, 03-2024'],
  ['Dato', 'Et tidspunkt, fx en opgørelse pr. 31. december', '31-12-2024, 31.12.2024, 2024-12-31, 1. januar 2024'],
  ['Fra-til', 'Alle dage fra og med den første til og med den sidste', '01-01-2024 - 31-12-2024, 2024-01-01 til 2024-12-31'],
];

/** The guide sheet: what goes in each column, and how periods and scopes are written. */
function guideRows(areas: readonly Area[], options: Required<TemplateOptions>): string[][] {
  const example = (key: string): string => {
    switch (key) {
      case 'indicator':
        return 'lbf-1a';
      case 'scope':
        return `${areas[0]?.name ?? 'et boligområde'}; ${allAreasLabel(areas.length)}; ${options.municipality}`;
      case 'period':
        return '2024; 2023/24; 2. kvartal 2024; 31-12-2024';
      case 'value':
        return '23,5 eller 23,5 % (en andel); 12 (et antal)';
      case 'numerator':
        return '47';
      case 'denominator':
        return '200';
      case 'drawnOn':
        return '15-03-2025';
      default:
        return '';
    }
  };
  return [
    ...MEASUREMENT_COLUMNS.map((c) => [c.required ? `${c.title} (skal udfyldes)` : c.title, c.guide, example(c.key)]),
    ['', '', ''],
    ['Sådan skrives perioder', '', ''],
    ...PERIOD_GUIDE.map(([kind, span, examples]) => [kind, span, examples]),
    ['', '', ''],
    ['Sådan skrives områder', '', ''],
    ...areas.map((a) => [a.name, 'Et boligområde', `Også: ${a.slug}`]),
    [allAreasLabel(areas.length), 'Alle boligområderne tilsammen', 'Også: alle, boligområderne'],
    [options.municipality, 'Hele kommunen', 'Også: kommunen'],
    [options.region, 'Hele regionen', 'Også: regionen'],
    ['Hele landet', 'Landsgennemsnittet', 'Også: landet, Danmark'],
    ['målgruppe: <navn>', 'En målgruppe i boligområderne', 'målgruppe: 15-29-årige'],
    ['', '', ''],
    ['Tal', 'Decimalkomma og tusindtalspunktum, som i dansk Excel. En andel skrives i procent, ikke som brøk.', '23,5; 1.234; 0,5 % (= en halv procent)'],
    ['Tomme rækker', 'En række, hvor Værdi, Tæller og Nævner alle er tomme, springes over. Skabelonens rækker kan derfor blive stående.', ''],
  ];
}

/** The template as an XLSX workbook: the sheet `Data` to fill in and the sheet `Vejledning` explaining it. */
export async function templateXlsx(indicators: readonly IndicatorDefinition[], areas: readonly Area[], options: TemplateOptions = {}): Promise<Buffer> {
  const names = { ...DEFAULTS, ...options };
  const textColumns = new Set(['indicator', 'scope', 'period', 'drawnOn', 'source', 'note']);
  return writeXlsx([
    {
      name: 'Data',
      header: [...TEMPLATE_HEADER],
      rows: templateRows(indicators, areas, options),
      columns: MEASUREMENT_COLUMNS.map((c) => ({ text: textColumns.has(c.key), ...(c.key === 'indicatorName' ? { width: 50 } : {}) })),
    },
    { name: 'Vejledning', header: ['Emne', 'Forklaring', 'Eksempler'], rows: guideRows(areas, names), columns: [{ width: 32 }, { width: 70 }, { width: 60 }] },
  ]);
}
