/**
 * A report as data (issue 6): what the progress report, the annual data report and the annual report are made of,
 * independent of how they are shown. The builders (`builders/`) make a `ReportDocument` from the live data; the
 * renderers show the same document as a page, a PDF and an XLSX file; a frozen edition stores it as JSON, so a
 * delivered report is shown exactly as delivered, charts included, whatever is corrected afterwards.
 *
 * Everything in a document is final: counts are already small-number suppressed (a suppressed cell is the text
 * «<5» or «–»), charts are finished SVG, and texts are Danish.
 */

export type ReportKind = 'fremdrift' | 'datarapport' | 'aarsrapport';

/**
 * How a table column's numbers are written: on a page and in a PDF as Danish text, in XLSX as a number format.
 * `percent1` holds percentage points (43.7 is 43,7 %), `dkk` whole kroner (not øre), `date` an ISO date text.
 */
export type CellFormat = 'text' | 'integer' | 'decimal1' | 'percent1' | 'dkk' | 'date';

/** A cell: text, a number (formatted by its column), or nothing. Suppressed counts are text («<5»). */
export type ReportCell = string | number | null;

export interface ReportColumn {
  label: string;
  format: CellFormat;
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Key figures shown side by side, e.g. «Deltagere i alt: 412». */
  | { kind: 'figures'; items: { label: string; value: string; note?: string }[] }
  | { kind: 'table'; caption: string; columns: ReportColumn[]; rows: ReportCell[][]; note?: string }
  /** A finished SVG (role="img" with a title), with a text that says what it shows for those who cannot see it. */
  /**
   * A chart's figures as a table (`table`) go with it where SVG cannot: the XLSX file shows them instead of the drawing,
   * so a chart without them is only its description there.
   */
  | { kind: 'chart'; title: string; svg: string; description: string; table?: { columns: ReportColumn[]; rows: ReportCell[][] } };

export interface ReportSection {
  /** Stable within a kind of report, so two editions' sections can be compared. */
  key: string;
  title: string;
  blocks: ReportBlock[];
  /** Where the section's figures come from, with period and when they were loaded. */
  sources: string[];
}

export interface ReportDocument {
  kind: ReportKind;
  /** What the report is for: a steering-group meeting's id, or a year. */
  subjectKey: string;
  title: string;
  subtitle: string;
  planName: string;
  /** The last day whose data the report includes (ISO date). */
  cutoffDate: string;
  /** When the document was built (ISO instant). */
  generatedAt: string;
  sections: ReportSection[];
}
