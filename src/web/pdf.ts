/**
 * What every PDF Helhed makes shares (the reports, the crisis card, an incident's case file): IBM Plex Sans from
 * DKFDS, registered as `Plex` and `Plex-Bold`, and the collecting of pdfkit's output into one buffer.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// The package exports only its script, so its source folder is found from that file (as app.ts finds its dist).
const fontFolder = join(dirname(dirname(dirname(require.resolve('dkfds')))), 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
export const PLEX_REGULAR = join(fontFolder, 'IBMPlexSans-Regular.ttf');
export const PLEX_BOLD = join(fontFolder, 'IBMPlexSans-Bold.ttf');

/**
 * Registers the fonts on a new document and collects what it writes: the promise resolves with the whole file once
 * `doc.end()` is called. Call it before drawing anything.
 */
export function collectPdf(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Plex', PLEX_REGULAR);
  doc.registerFont('Plex-Bold', PLEX_BOLD);
  return done;
}

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type PdfStruct = PDFKit.PDFStructureElement;

/** An A4 page in points, and the margins of Helhed's documents (the crisis card uses its own, smaller ones). */
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const PAGE_BOTTOM = A4.height - MARGIN.bottom;

/** The colours of Helhed's documents: text, secondary text, rules, table stripes and headers, and alerts. */
export const PDF_COLOURS: Readonly<Record<'text' | 'muted' | 'rule' | 'zebra' | 'headerFill' | 'alert', string>> = {
  text: '#1a1a1a',
  muted: '#545454',
  rule: '#b3b3b3',
  zebra: '#f2f2f2',
  headerFill: '#e0e0e0',
  alert: '#a0161b',
};

/** Adds a structure element (tagged PDF) whose content is what `draw` puts on the page. */
export function tag(doc: PdfDoc, parent: PdfStruct, type: string, draw: () => void, options: { alt?: string; scope?: 'Column' | 'Row' } = {}): void {
  parent.add(doc.struct(type as never, options as never, draw as never));
}

/** A structure element to add children to; `end()` it when they are all added. */
export function group(doc: PdfDoc, parent: PdfStruct, type: string): PdfStruct {
  const element = doc.struct(type as never);
  parent.add(element);
  return element;
}

/** Draws decoration (backgrounds, rules, repeated headers, footers) outside the structure tree. */
export function artifact(doc: PdfDoc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type } as never);
  draw();
  doc.endMarkedContent();
}

/**
 * Every page's footer, once the document is drawn (it must be made with `bufferPages`): `left` on the left, «Side n af
 * m» on the right, as a pagination artifact.
 */
export function pageFooters(doc: PdfDoc, left: string, numberWidth: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = A4.height - 40;
    artifact(
      doc,
      () => {
        doc.font('Plex').fontSize(8).fillColor(PDF_COLOURS.muted);
        doc.text(left, MARGIN.left, y, { width: CONTENT_WIDTH - numberWidth, lineBreak: false, ellipsis: true });
        doc.text(`Side ${i - range.start + 1} af ${range.count}`, MARGIN.left + CONTENT_WIDTH - numberWidth, y, { width: numberWidth, align: 'right', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(PDF_COLOURS.text);
}
