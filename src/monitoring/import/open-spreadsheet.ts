/**
 * Opening an upload as a spreadsheet of either kind: the one call the import service needs before reading rows.
 */
import { detectFormat, OLE2, openCsv, peekBytes, readXlsxRows, startsWith, type ByteSource, type CsvDialect, type DecimalSeparator, type SheetRow, type SpreadsheetFormat } from './spreadsheet.js';

/** Content types browsers and clients send for CSV and XLSX files (Windows browsers call a .csv `application/vnd.ms-excel`). */
export const SPREADSHEET_CONTENT_TYPES = [
  'text/csv',
  'application/csv',
  'text/x-csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** An opened spreadsheet: what it is, which decimal separator its numbers most likely use, and its rows in batches. */
export interface OpenedSpreadsheet {
  format: SpreadsheetFormat;
  /**
   * The decimal separator to read the file's numbers with: for CSV `,` when it is `;`- or tab-separated and `.` when
   * it is `,`-separated; for XLSX always `.`, as numeric cells become text with a decimal point.
   */
  decimal: DecimalSeparator;
  /** Only for CSV: separator, decimal separator and encoding. */
  dialect?: CsvDialect;
  /** The rows in batches; the first row is the header. Reading may throw a SpreadsheetError (a Danish message) for a broken file. */
  rows: AsyncGenerator<SheetRow[]>;
}

/**
 * Opens an uploaded file as CSV or XLSX, decided by its first bytes. A file that is empty, an old .xls, or neither
 * kind gives a Danish error instead. Reads only the first chunk (for CSV, up to the header line) before answering.
 * The input stays the caller's: if the caller stops reading rows early, the rest of it is left unread.
 */
export async function openSpreadsheet(input: ByteSource, file: { fileName?: string; contentType?: string | undefined } = {}): Promise<OpenedSpreadsheet | { error: string }> {
  const { head, rest } = await peekBytes(input, 8);
  const name = file.fileName ? `"${file.fileName}" ` : '';
  if (head.length === 0) return { error: `Filen ${name}er tom. Den første række skal være kolonneoverskrifterne fra skabelonen.` };
  const format = detectFormat(head, file.fileName, file.contentType);
  if (format === null) {
    if (startsWith(head, OLE2)) return { error: `Filen ${name}er i det gamle Excel-format (.xls). Gem den som Excel-projektmappe (.xlsx) eller som CSV, og prøv igen.` };
    return { error: `Filen ${name}er hverken et Excel-regneark (.xlsx) eller en CSV-fil. Gem den som .xlsx eller CSV, og prøv igen.` };
  }
  if (format === 'xlsx') return { format, decimal: '.', rows: readXlsxRows(rest) };
  const { dialect, rows } = await openCsv(rest);
  return { format, decimal: dialect.decimal, dialect, rows };
}
