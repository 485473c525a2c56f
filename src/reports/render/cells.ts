/**
 * How a report's cells and dates are written, once for the page, the PDF and the XLSX file, so the three show the same
 * figures in the same words. Numbers follow their column's format (`CellFormat`); text (a suppressed «<5», a «–»)
 * is shown as it is.
 */
import type { CellFormat, ReportCell, ReportColumn } from '../report-document.js';

const integer = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const decimal1 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long' });
const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

/**
 * A cell as Danes read it: «1.234», «12,5», «43,7 %», «1.250.000 kr.», «24. februar 2026». Per cent are percentage
 * points (43.7 is 43,7 %); kroner are shown in whole kroner. Nothing is an empty string.
 */
export function formatCell(value: ReportCell, format: CellFormat): string {
  if (value === null) return '';
  if (typeof value === 'string') return format === 'date' ? formatIsoDate(value) : value;
  if (!Number.isFinite(value)) return '';
  switch (format) {
    case 'integer':
      return integer.format(value);
    case 'decimal1':
      return decimal1.format(value);
    case 'percent1':
      return `${decimal1.format(value)} %`;
    case 'dkk':
      return `${integer.format(value)} kr.`;
    case 'date':
    case 'text':
      return integer.format(value);
  }
}

/** Whether a column holds figures, which are right-aligned so that their digits line up. */
export function isNumericColumn(column: ReportColumn): boolean {
  return column.format === 'integer' || column.format === 'decimal1' || column.format === 'percent1' || column.format === 'dkk';
}

/** An ISO date ('2026-02-24') in Danish words («24. februar 2026»); anything else unchanged. */
export function formatIsoDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return longDate.format(new Date(`${iso}T12:00:00Z`));
}

/** An instant in Danish local time («24. februar 2026 kl. 14.05»). */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/**
 * A file name for a download that every browser and file system accepts: æ, ø and å written out (ae, oe, aa), other
 * letters without their accents, and anything else but letters, digits, dots and hyphens made a hyphen.
 */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/æ/g, 'ae')
      .replace(/Æ/g, 'Ae')
      .replace(/ø/g, 'oe')
      .replace(/Ø/g, 'Oe')
      .replace(/å/g, 'aa')
      .replace(/Å/g, 'Aa')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9.]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'rapport'
  );
}

/** A Content-Disposition header that offers the file for download under its name, ASCII-safe and in UTF-8 (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${safeFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName.replace(/[\\/"]/g, '-'))}`;
}

/** Whether a document is shown as the live draft or as a frozen edition, which every rendering says on its first page. */
export type ReportStatus =
  | { kind: 'draft' }
  | { kind: 'edition'; edition: number; frozenAt: string; frozenBy: string; note: string | null; sha256: string };

export const DRAFT_NOTICE = 'Udkast – ikke frosset';

/** The status as one line: «Udkast – ikke frosset» or «Udgave 2, frosset 24. februar 2026 kl. 14.05 af …». */
export function statusText(status: ReportStatus): string {
  return status.kind === 'draft' ? DRAFT_NOTICE : `Udgave ${status.edition}, frosset ${formatInstant(status.frozenAt)} af ${status.frozenBy}`;
}

/**
 * The `<svg>` element of a chart, without anything that could run: charts are drawn by Helhed's own builders, but a
 * frozen edition is stored text and is shown long after, so scripts, foreign content and event handlers are removed
 * before it is put in a page or a PDF.
 */
export function chartSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  const end = svg.lastIndexOf('</svg>');
  if (start < 0 || end < start) return '';
  return svg
    .slice(start, end + '</svg>'.length)
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href\s*=\s*["'])\s*javascript:[^"']*/gi, '$1#');
}
