/**
 * Streaming readers for uploaded spreadsheets: CSV (as Danish and English Excel save it) and XLSX. Both yield rows in
 * batches, numbered as a spreadsheet program shows them, with every cell as text the way the CSV path would see it,
 * so the row rules do not care which kind of file arrived. Neither reader holds more of a file than a chunk and one
 * batch of rows; a million-row CSV streams through at the speed of the disk.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors/errors.js';

/** One row of a sheet: its number as a spreadsheet program shows it (the header is 1) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export type SpreadsheetFormat = 'csv' | 'xlsx';
export type DecimalSeparator = ',' | '.';
export type CsvSeparator = ';' | ',' | '\t';
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';

/** How a CSV file is written, as detected from its first bytes and its header line. */
export interface CsvDialect {
  separator: CsvSeparator;
  /** The decimal separator the file most likely uses: `,` in `;`- and tab-separated files, `.` in `,`-separated ones. */
  decimal: DecimalSeparator;
  encoding: CsvEncoding;
}

/** A file that cannot be read as a spreadsheet; the message is Danish and meant for the person who uploaded it. */
export class SpreadsheetError extends AppError {
  readonly code: string;
  constructor(
    message: string,
    readonly statusCode: 400 | 415 = 400,
  ) {
    super(message);
    this.code = statusCode === 415 ? 'filformat' : 'ulaeselig_fil';
  }
}

/** Bytes as an upload, a file stream or a test gives them. */
export type ByteSource = AsyncIterable<Buffer | Uint8Array | string> | Readable;

// Decoding ---------------------------------------------------------------------------------------------------------

/** How many bytes the encoding is decided from, and the most a step of decoding and parsing takes at a time. */
const HEAD_BYTES = 64 * 1024;
const STEP_BYTES = 64 * 1024;
/** A record longer than this is surely a quotation mark that is never closed; stop rather than hold the file. */
const MAX_RECORD_CHARS = 1_000_000;

/** Windows-1252 differs from Latin-1 only in 0x80-0x9F; the five bytes it leaves undefined keep their Latin-1 value. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

/** The length of the bytes up to the last complete UTF-8 character (a character split by the chunk's end is left out). */
function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return end;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return end - i < length ? i : end;
  }
  return end;
}

function asBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Decodes a byte stream chunk by chunk. The encoding is decided from the head: a BOM, else UTF-8 if the head is valid
 * UTF-8, else Windows-1252 (what Danish Excel writes as «CSV (semikolonsepareret)»). A head of plain ASCII decides
 * nothing, so the decision waits for the first chunk with other bytes.
 */
class StreamDecoder {
  encoding: CsvEncoding | 'ascii';
  private utf: TextDecoder | null = null;
  /** While only ASCII has been seen: a chunk's last bytes that may begin a UTF-8 character, kept for the next chunk. */
  private pending: Buffer | null = null;

  constructor(head: Buffer) {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) this.encoding = 'utf-8';
    else if (head[0] === 0xff && head[1] === 0xfe) this.encoding = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) {
      throw new SpreadsheetError('Filen er gemt som UTF-16 big-endian, som ikke kan læses. Gem den som CSV UTF-8 eller som .xlsx.', 415);
    } else this.encoding = this.guess(head);
    if (this.encoding === 'utf-8' || this.encoding === 'utf-16le') this.utf = new TextDecoder(this.encoding);
  }

  private guess(bytes: Buffer): CsvEncoding | 'ascii' {
    const complete = bytes.subarray(0, completeUtf8Length(bytes));
    if (isAscii(complete)) return 'ascii';
    return isUtf8(complete) ? 'utf-8' : 'windows-1252';
  }

  decode(chunk: Buffer): string {
    if (this.encoding === 'ascii') {
      const bytes = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
      this.pending = null;
      if (isAscii(bytes)) return bytes.toString('latin1');
      const complete = completeUtf8Length(bytes);
      if (complete < bytes.length && isAscii(bytes.subarray(0, complete))) {
        // Only the last bytes are not ASCII, and the next chunk tells whether they begin a UTF-8 character.
        this.pending = Buffer.from(bytes.subarray(complete));
        return bytes.toString('latin1', 0, complete);
      }
      this.encoding = this.guess(bytes);
      if (this.encoding === 'utf-8') this.utf = new TextDecoder('utf-8');
      chunk = bytes;
    }
    if (this.utf) return this.utf.decode(chunk, { stream: true });
    return decodeWindows1252(chunk);
  }

  end(): string {
    if (this.pending) {
      // A file that ends in the middle of a UTF-8 character was not UTF-8.
      this.encoding = 'windows-1252';
      return decodeWindows1252(this.pending);
    }
    return this.utf ? this.utf.decode() : '';
  }
}

/** A chunk in pieces of at most STEP_BYTES, so one large chunk (a whole file in a Buffer) still gives bounded batches. */
function* pieces(chunk: Buffer): Generator<Buffer> {
  if (chunk.length <= STEP_BYTES) yield chunk;
  else for (let at = 0; at < chunk.length; at += STEP_BYTES) yield chunk.subarray(at, Math.min(chunk.length, at + STEP_BYTES));
}

/**
 * Reads chunks until `bytes` of them are at hand (or the stream ends) and returns them with the whole stream again,
 * head included. The input stays the caller's: stopping early leaves the rest of it unread, neither drained nor
 * destroyed (an upload may need draining before its answer can be sent).
 */
export async function peekBytes(input: ByteSource, bytes: number): Promise<{ head: Buffer; rest: AsyncGenerator<Buffer> }> {
  const iterator = (input as AsyncIterable<Buffer | Uint8Array | string>)[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = asBuffer(next.value);
    taken.push(chunk);
    length += chunk.length;
  }
  const head = taken.length === 1 ? taken[0]! : Buffer.concat(taken);
  async function* rest(): AsyncGenerator<Buffer> {
    yield* pieces(head);
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield* pieces(asBuffer(next.value));
  }
  return { head, rest: rest() };
}

// CSV parsing ------------------------------------------------------------------------------------------------------

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Line breaks in a quoted cell, counting CRLF as one; they move the line numbers of the rows after it. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

/**
 * An RFC 4180 tokenizer that keeps what it could not finish (a record cut by the chunk's end) for the next chunk.
 * Quoted cells may hold separators, doubled quotes and line breaks; CRLF, LF and CR all end a line; blank lines give
 * no row but are counted.
 */
class CsvTokenizer {
  private carry = '';
  private line = 1;

  constructor(private readonly separator: number) {}

  push(text: string, final: boolean): SheetRow[] {
    const s = this.carry === '' ? text : this.carry + text;
    const rows: SheetRow[] = [];
    const n = s.length;
    const sep = this.separator;
    let i = 0;
    records: while (i < n) {
      const recordStart = i;
      const c0 = s.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        if (c0 === CR && i + 1 === n && !final) break;
        i += c0 === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const cells: string[] = [];
      let extraLines = 0;
      for (;;) {
        let cell: string;
        if (s.charCodeAt(i) === QUOTE) {
          cell = '';
          let from = i + 1;
          for (;;) {
            const q = s.indexOf('"', from);
            if (q === -1 || (q + 1 === n && !final)) {
              if (final) throw new SpreadsheetError(`Række ${this.line} har et citationstegn (") der ikke lukkes.`);
              i = recordStart;
              break records;
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              cell += s.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            cell += s.slice(from, q);
            i = q + 1;
            break;
          }
          if (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1) {
            extraLines += lineBreaks(cell);
            cell = cell.replace(/\r\n?/g, '\n');
          }
          // Text between the closing quote and the separator is kept, as Excel does.
          const tail = i;
          while (i < n) {
            const c = s.charCodeAt(i);
            if (c === sep || c === LF || c === CR) break;
            i++;
          }
          if (i > tail) cell += s.slice(tail, i);
        } else {
          const start = i;
          while (i < n) {
            const c = s.charCodeAt(i);
            if (c === sep || c === LF || c === CR) break;
            i++;
          }
          cell = s.slice(start, i);
        }
        cells.push(cell);
        if (i === n) {
          if (!final) {
            i = recordStart;
            break records;
          }
          rows.push({ row: this.line, cells });
          this.line += 1 + extraLines;
          break;
        }
        const c = s.charCodeAt(i);
        if (c === sep) {
          i++;
          continue;
        }
        // The end of a line; a CR as the chunk's last character may be the first half of a CRLF.
        if (c === CR && i + 1 === n && !final) {
          i = recordStart;
          break records;
        }
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        rows.push({ row: this.line, cells });
        this.line += 1 + extraLines;
        break;
      }
    }
    this.carry = i < n ? s.slice(i) : '';
    if (this.carry.length > MAX_RECORD_CHARS) {
      throw new SpreadsheetError(`Række ${this.line} er over en million tegn lang. Måske mangler et afsluttende citationstegn (").`);
    }
    return rows;
  }
}

/** `;` when the header line has more semicolons than commas, else `,`; tab when it has tabs and neither is more common. */
function detectSeparator(headerLine: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === ';') semicolons++;
    else if (c === ',') commas++;
    else if (c === '\t') tabs++;
  }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas) return '\t';
  return semicolons > commas ? ';' : ',';
}

/** Excel's `sep=;` first line names the separator and is not shown as a row. */
const SEP_LINE = /^sep=(.)\r?\n?$/i;

/**
 * Opens a CSV file: decides its encoding (BOM, UTF-8, else Windows-1252) and separator (from the header line), and
 * returns them with the decimal separator its numbers most likely use and a generator of its rows in batches (one
 * batch per chunk of input). Reads only as far as the header line before returning.
 */
export async function openCsv(input: ByteSource): Promise<{ dialect: CsvDialect; rows: AsyncGenerator<SheetRow[]> }> {
  const { head, rest } = await peekBytes(input, HEAD_BYTES);
  const decoder = new StreamDecoder(head);
  const chunks = rest[Symbol.asyncIterator]();
  let text = '';
  let ended = false;
  // Decode until the first non-blank line is whole, to see its separators.
  let firstLine: string | null = null;
  while (firstLine === null) {
    const lineEnd = text.search(/[^\r\n][^\r\n]*(\r\n|\n|\r(?!$))/);
    if (lineEnd !== -1 || ended) {
      const match = /[^\r\n]+/.exec(text);
      firstLine = match ? match[0] : '';
      break;
    }
    const next = await chunks.next();
    if (next.done) {
      text += decoder.end();
      ended = true;
    } else text += decoder.decode(next.value);
    if (text.length > MAX_RECORD_CHARS) throw new SpreadsheetError('Filens første linje er over en million tegn lang. Er det en CSV-fil?', 415);
  }
  let separator = detectSeparator(firstLine);
  let skipLine = false;
  const sepLine = SEP_LINE.exec(firstLine);
  if (sepLine && text.startsWith(firstLine) && [';', ',', '\t'].includes(sepLine[1]!)) {
    separator = sepLine[1] as CsvSeparator;
    skipLine = true;
  }
  if (skipLine) text = text.slice(firstLine.length).replace(/^(\r\n|\n|\r)/, '');
  const dialect: CsvDialect = {
    separator,
    decimal: separator === ',' ? '.' : ',',
    // A file of plain ASCII so far reads as UTF-8; the answer may change to Windows-1252 further on.
    get encoding() {
      return decoder.encoding === 'ascii' ? 'utf-8' : decoder.encoding;
    },
  };
  const tokenizer = new CsvTokenizer(separator.charCodeAt(0));

  async function* rows(): AsyncGenerator<SheetRow[]> {
    try {
      const first = tokenizer.push(text, ended);
      if (first.length > 0) yield first;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        const batch = tokenizer.push(decoder.decode(next.value), false);
        if (batch.length > 0) yield batch;
      }
      const last = tokenizer.push(decoder.end(), true);
      if (last.length > 0) yield last;
    } finally {
      await chunks.return?.(undefined);
    }
  }
  return { dialect, rows: rows() };
}

/**
 * The rows of a CSV file in batches: `row` is the line number (the header is 1, a quoted cell spanning lines counts
 * as one row at its first line, blank lines are skipped but counted). Use openCsv to learn the separator, encoding
 * and likely decimal separator as well.
 */
export async function* readCsvRows(input: ByteSource): AsyncGenerator<SheetRow[]> {
  const { rows } = await openCsv(input);
  yield* rows;
}

// XLSX -------------------------------------------------------------------------------------------------------------

const XLSX_BATCH = 1000;

/** A number format shows a date when it has day, month or year codes outside quoted text and [colour] brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  return /[dmy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"|\\./g, '').includes('%');
}

function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A number as text with a decimal point and no exponent (`1e-7` would not read as a number). */
function numberText(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  return Math.abs(value) >= 1 ? BigInt(Math.round(value)).toString() : value.toFixed(20).replace(/\.?0+$/, '');
}

/** An Excel serial date (days since 30 December 1899) to an ISO date. */
function serialToIso(serial: number): string {
  return isoDateOf(new Date(Math.round((serial - 25569) * 86400000)));
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a CSV export of the sheet would hold (with a decimal point); a percent-formatted 0,235 is `23.5%`. */
function cellText(value: CellValue | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (isDateFormat(format)) return serialToIso(value);
    return isPercentFormat(format) ? `${numberText(Number((value * 100).toPrecision(12)))}%` : numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'SAND' : 'FALSK';
  if (value instanceof Date) return isoDateOf(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result as CellValue, format);
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, format);
  return '';
}

/**
 * The rows of the first worksheet of an XLSX file in batches, with their sheet row numbers, read with exceljs's
 * streaming reader. Cells become text as the CSV path would see them: numbers with a decimal point, dates as
 * `YYYY-MM-DD`, rich text as plain text, formulas as their cached result, empty cells as ''.
 */
export async function* readXlsxRows(input: ByteSource): AsyncGenerator<SheetRow[]> {
  const stream = input instanceof Readable ? input : Readable.from(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates and percentages from other numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      let batch: SheetRow[] = [];
      for await (const row of worksheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          while (cells.length < column - 1) cells.push('');
          cells.push(cellText(cell.value, cell.numFmt));
        });
        batch.push({ row: row.number, cells });
        if (batch.length >= XLSX_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      break;
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('Excel-filen kan ikke læses. Den er måske beskadiget eller ikke et Excel-regneark (.xlsx). Åbn og gem den i Excel, og prøv igen.');
  } finally {
    stream.destroy();
  }
  if (sheets === 0) throw new SpreadsheetError('Filen indeholder ikke noget regneark. Gem den som Excel-regneark (.xlsx) eller CSV, og prøv igen.', 415);
}

// Format -----------------------------------------------------------------------------------------------------------

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** The start of an old Excel file (.xls) and other OLE2 compound documents. */
export const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

export function startsWith(head: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

/** Text files have no NUL bytes (except UTF-16, which has a BOM) and few control characters other than line ends and tabs. */
function looksLikeText(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  const n = Math.min(head.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return controls <= n / 100;
}

/**
 * Which kind of spreadsheet a file is, from its first bytes: XLSX (a zip file) or CSV (text), or null for anything
 * else (an old .xls, a PDF, an image). The name and content type only decide for an empty file.
 */
export function detectFormat(head: Buffer, filename?: string, contentType?: string): SpreadsheetFormat | null {
  if (head.length === 0) {
    if (/\.xlsx$/i.test(filename ?? '') || /spreadsheetml/.test(contentType ?? '')) return 'xlsx';
    return /\.(csv|txt)$/i.test(filename ?? '') || /^text\//.test(contentType ?? '') ? 'csv' : null;
  }
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2) || startsWith(head, PDF)) return null;
  return looksLikeText(head) ? 'csv' : null;
}
