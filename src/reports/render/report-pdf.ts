/**
 * A report as a PDF (A4): the report's heading block on the first page, then its sections with headings, paragraphs,
 * lists, key figures, tables that break across pages with their header row repeated, charts drawn from their SVG,
 * and sources, each section a bookmark; every page's footer says the cut-off date, whether it is a draft, and the
 * page number. The font is DKFDS's own IBM Plex Sans, read from the installed package, so nothing is fetched over
 * the network.
 *
 * The PDF is tagged (PDF/UA): headings, paragraphs, lists, tables with header cells and charts as figures with their
 * description as alternative text are in the structure tree in reading order, and backgrounds, rules, repeated table
 * headers and footers are artifacts, so a screen reader reads the report as the page would be read.
 */
import PDFDocument from 'pdfkit';
import { A4, artifact, collectPdf, CONTENT_WIDTH, group, MARGIN, PAGE_BOTTOM, pageFooters, PDF_COLOURS, tag, type PdfDoc, type PdfStruct } from '../../web/pdf.js';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportBlock, ReportCell, ReportColumn, ReportDocument, ReportSection } from '../report-document.js';
import { chartSvg, formatCell, formatInstant, formatIsoDate, isNumericColumn, statusText, type ReportStatus } from './cells.js';


const { text: TEXT, muted: MUTED, rule: RULE, zebra: ZEBRA, headerFill: HEADER_FILL } = PDF_COLOURS;
const DRAFT = PDF_COLOURS.alert;
const BODY_SIZE = 10.5;
const TABLE_SIZE = 8.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
/** Charts are drawn no taller than this, so a chart and its description fit on a page with room to spare. */
const MAX_CHART_HEIGHT = 320;

export interface PdfOptions {
  /** Compress the page streams (default); tests turn it off to read the text. */
  compress?: boolean;
}

type Doc = PdfDoc;
type Struct = PdfStruct;

/** Renders a report as a PDF file. */
export async function reportPdf(document: ReportDocument, status: ReportStatus, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'da',
    displayTitle: true,
    pdfVersion: '1.7',
    tagged: true,
    // PDF/UA's identification in the metadata; @types/pdfkit knows only the PDF/A subsets.
    subset: 'PDF/UA' as never,
    info: {
      Title: document.title,
      Subject: document.subtitle,
      Author: document.planName,
      Creator: 'Helhed',
      Keywords: `${document.kind}, ${document.subjectKey}, dataskæring ${document.cutoffDate}`,
      CreationDate: new Date(status.kind === 'edition' ? status.frozenAt : document.generatedAt),
    },
  });
  const done = collectPdf(doc);
  doc.font('Plex').fillColor(TEXT);

  const root = doc.struct('Document' as never);
  doc.addStructure(root);
  heading(doc, root, document, status);
  for (const section of document.sections) drawSection(doc, root, section);
  root.end();
  footers(doc, document, status);
  doc.end();
  return done;
}

/** Starts a new page when less than `height` is left on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage();
}

function heading(doc: Doc, root: Struct, document: ReportDocument, status: ReportStatus): void {
  tag(doc, root, 'H1', () => doc.font('Plex-Bold').fontSize(22).fillColor(TEXT).text(document.title, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH }));
  if (document.subtitle) {
    doc.moveDown(0.2);
    tag(doc, root, 'P', () => doc.font('Plex').fontSize(13).fillColor(MUTED).text(document.subtitle, { width: CONTENT_WIDTH }));
  }
  doc.moveDown(0.6);
  const line = statusText(status);
  if (status.kind === 'draft') {
    const h = doc.font('Plex-Bold').fontSize(11).heightOfString(line, { width: CONTENT_WIDTH - 16 }) + 10;
    const y = doc.y;
    artifact(doc, () => doc.lineWidth(1.5).rect(MARGIN.left, y, CONTENT_WIDTH, h).strokeColor(DRAFT).stroke());
    tag(doc, root, 'P', () => doc.fillColor(DRAFT).text(line, MARGIN.left + 8, y + 5, { width: CONTENT_WIDTH - 16 }));
    doc.y = y + h;
  } else {
    tag(doc, root, 'P', () => doc.font('Plex-Bold').fontSize(11).fillColor(TEXT).text(line, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  }
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    ['Plan', document.planName],
    ['Dataskæring', `${formatIsoDate(document.cutoffDate)} (data til og med denne dag)`],
    ['Udarbejdet', formatInstant(document.generatedAt)],
  ];
  if (status.kind === 'edition' && status.note) facts.push(['Note til udgaven', status.note]);
  for (const [label, value] of facts) {
    const y = doc.y;
    let afterLabel = y;
    tag(doc, root, 'P', () => {
      doc.font('Plex-Bold').fontSize(BODY_SIZE).fillColor(TEXT).text(`${label}:`, MARGIN.left, y, { width: 110 });
      afterLabel = doc.y;
      doc.font('Plex').text(value, MARGIN.left + 120, y, { width: CONTENT_WIDTH - 120 });
    });
    doc.y = Math.max(afterLabel, doc.y) + 2;
  }
  doc.moveDown(0.5);
  artifact(doc, () => doc.lineWidth(0.75).strokeColor(RULE).moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).stroke());
  doc.moveDown(0.8);
}

function drawSection(doc: Doc, root: Struct, section: ReportSection): void {
  const sect = group(doc, root, 'Sect');
  // A heading is never left alone at the foot of a page.
  doc.font('Plex-Bold').fontSize(15);
  ensureSpace(doc, doc.heightOfString(section.title, { width: CONTENT_WIDTH }) + 60);
  // Each section is a bookmark, so a reader of a long report can jump to it.
  doc.outline.addItem(section.title);
  doc.moveDown(0.4);
  tag(doc, sect, 'H2', () => doc.fillColor(TEXT).text(section.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  doc.moveDown(0.4);
  for (const block of section.blocks) drawBlock(doc, sect, block);
  if (section.sources.length > 0) {
    doc.font('Plex-Bold').fontSize(8.5);
    ensureSpace(doc, 30);
    doc.moveDown(0.3);
    tag(doc, sect, 'H3', () => doc.fillColor(MUTED).text('Kilder', MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
    doc.font('Plex').fontSize(8.5);
    for (const source of section.sources) tag(doc, sect, 'P', () => doc.text(`– ${source}`, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
    doc.fillColor(TEXT);
  }
  sect.end();
  doc.moveDown(0.8);
}

function drawBlock(doc: Doc, sect: Struct, block: ReportBlock): void {
  switch (block.kind) {
    case 'paragraph':
      doc.font('Plex').fontSize(BODY_SIZE).fillColor(TEXT);
      ensureSpace(doc, doc.currentLineHeight(true) * 2);
      tag(doc, sect, 'P', () => doc.text(block.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 2 }));
      doc.moveDown(0.5);
      return;
    case 'list': {
      doc.font('Plex').fontSize(BODY_SIZE).fillColor(TEXT);
      const list = group(doc, sect, 'L');
      for (const item of block.items) {
        ensureSpace(doc, doc.currentLineHeight(true) * 1.5);
        const y = doc.y;
        const li = group(doc, list, 'LI');
        tag(doc, li, 'Lbl', () => doc.text('•', MARGIN.left + 4, y, { width: 10 }));
        tag(doc, li, 'LBody', () => doc.text(item, MARGIN.left + 16, y, { width: CONTENT_WIDTH - 16, lineGap: 2 }));
        li.end();
        doc.moveDown(0.15);
      }
      list.end();
      doc.moveDown(0.4);
      return;
    }
    case 'figures':
      drawFigures(doc, sect, block.items);
      return;
    case 'table':
      drawTable(doc, sect, block.caption, block.columns, block.rows, block.note);
      return;
    case 'chart':
      drawChart(doc, sect, block.title, block.svg, block.description);
      return;
  }
}

/** Key figures in boxes, three to a row. */
function drawFigures(doc: Doc, sect: Struct, items: { label: string; value: string; note?: string }[]): void {
  const perRow = 3;
  const gap = 10;
  const width = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const inner = width - 16;
  for (let start = 0; start < items.length; start += perRow) {
    const row = items.slice(start, start + perRow);
    const heights = row.map((f) => {
      let h = 8 + doc.font('Plex').fontSize(8.5).heightOfString(f.label, { width: inner });
      h += 2 + doc.font('Plex-Bold').fontSize(16).heightOfString(f.value, { width: inner });
      if (f.note) h += 2 + doc.font('Plex').fontSize(8).heightOfString(f.note, { width: inner });
      return h + 8;
    });
    const height = Math.max(...heights);
    ensureSpace(doc, height + gap);
    const top = doc.y;
    row.forEach((f, i) => {
      const x = MARGIN.left + i * (width + gap);
      artifact(doc, () => doc.rect(x, top, width, height).fill(ZEBRA));
      // One paragraph per figure, so it is read as «Deltagere i alt 412».
      tag(doc, sect, 'P', () => {
        doc.fillColor(MUTED).font('Plex').fontSize(8.5).text(f.label, x + 8, top + 8, { width: inner });
        doc.fillColor(TEXT).font('Plex-Bold').fontSize(16).text(f.value, x + 8, doc.y + 2, { width: inner });
        if (f.note) doc.fillColor(MUTED).font('Plex').fontSize(8).text(f.note, x + 8, doc.y + 2, { width: inner });
      });
    });
    doc.fillColor(TEXT);
    doc.y = top + height + gap;
  }
  doc.moveDown(0.3);
}

/**
 * Column widths: each column as wide as its widest text; when the table is wider than the page, figures keep their
 * width and text columns share what is left (their text wraps), and when it is narrower, the first column takes the rest.
 */
function columnWidths(doc: Doc, columns: ReportColumn[], texts: string[][]): number[] {
  const natural = columns.map((c, i) => {
    let w = doc.font('Plex-Bold').fontSize(TABLE_SIZE).widthOfString(c.label);
    doc.font('Plex');
    for (const row of texts) w = Math.max(w, doc.widthOfString(row[i] ?? ''));
    return Math.ceil(w) + 2 * CELL_PAD_X + 1;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= CONTENT_WIDTH) {
    const widths = [...natural];
    widths[0] = widths[0]! + (CONTENT_WIDTH - total);
    return widths;
  }
  const numeric = columns.map((c) => isNumericColumn(c));
  const fixed = natural.map((w, i) => (numeric[i] ? Math.min(w, 110) : 0));
  const fixedTotal = fixed.reduce((a, b) => a + b, 0);
  const textTotal = natural.reduce((sum, w, i) => sum + (numeric[i] ? 0 : w), 0);
  const left = CONTENT_WIDTH - fixedTotal;
  if (textTotal > 0 && left >= 60 * numeric.filter((n) => !n).length) {
    return natural.map((w, i) => (numeric[i] ? fixed[i]! : Math.max(60, (w / textTotal) * left)));
  }
  return natural.map((w) => (w / total) * CONTENT_WIDTH);
}

function drawTable(doc: Doc, sect: Struct, caption: string, columns: ReportColumn[], rows: ReportCell[][], note: string | undefined): void {
  const texts = rows.map((row) => columns.map((c, i) => formatCell(row[i] ?? null, c.format)));
  const widths = columnWidths(doc, columns, texts);
  const numeric = columns.map((c) => isNumericColumn(c));
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Plex-Bold' : 'Plex').fontSize(TABLE_SIZE);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 2 * CELL_PAD_X }))) + 2 * CELL_PAD_Y;
  };
  const table = group(doc, sect, 'Table');
  // The first column names the row when it is text, as on the page.
  const rowHeaders = columns[0]?.format === 'text';
  /** A row: tagged as TR with TH or TD cells, or (`tr` null) a repeated header drawn as an artifact. */
  const drawRow = (cells: string[], y: number, height: number, bold: boolean, fill: string | null, tr: Struct | null) => {
    if (fill) artifact(doc, () => doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(fill));
    let x = MARGIN.left;
    cells.forEach((t, i) => {
      const w = widths[i]!;
      const left = x;
      const draw = () => {
        doc.fillColor(TEXT).font(bold ? 'Plex-Bold' : 'Plex').fontSize(TABLE_SIZE);
        doc.text(t, left + CELL_PAD_X, y + CELL_PAD_Y, { width: w - 2 * CELL_PAD_X, align: numeric[i] ? 'right' : 'left' });
      };
      if (!tr) artifact(doc, draw);
      else if (bold) tag(doc, tr, 'TH', draw, { scope: 'Column' });
      else if (rowHeaders && i === 0) tag(doc, tr, 'TH', draw, { scope: 'Row' });
      else tag(doc, tr, 'TD', draw);
      x += w;
    });
    tr?.end();
  };
  const header = columns.map((c) => c.label);
  const headerHeight = rowHeight(header, true);
  const drawCaption = (continued: boolean) => {
    const draw = () => doc.font('Plex-Bold').fontSize(9.5).fillColor(TEXT).text(continued ? `${caption} (fortsat)` : caption, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    if (continued) artifact(doc, draw);
    else tag(doc, table, 'Caption', draw);
    doc.moveDown(0.2);
  };
  const drawHeader = (repeated: boolean) => {
    const y = doc.y;
    drawRow(header, y, headerHeight, true, HEADER_FILL, repeated ? null : group(doc, table, 'TR'));
    artifact(doc, () => doc.lineWidth(0.75).strokeColor(TEXT).moveTo(MARGIN.left, y + headerHeight).lineTo(MARGIN.left + CONTENT_WIDTH, y + headerHeight).stroke());
    doc.y = y + headerHeight;
  };

  doc.font('Plex-Bold').fontSize(9.5);
  const firstRow = texts[0] ? rowHeight(texts[0], false) : 0;
  // The caption, the header and at least the first row go on the same page.
  ensureSpace(doc, doc.heightOfString(caption, { width: CONTENT_WIDTH }) + headerHeight + firstRow + 8);
  drawCaption(false);
  drawHeader(false);
  if (texts.length === 0) {
    const tr = group(doc, table, 'TR');
    tag(doc, tr, 'TD', () => doc.font('Plex').fontSize(TABLE_SIZE).text('Ingen rækker.', MARGIN.left + CELL_PAD_X, doc.y + CELL_PAD_Y, { width: CONTENT_WIDTH }));
    tr.end();
  }
  texts.forEach((cells, r) => {
    const height = rowHeight(cells, false);
    if (doc.y + height > PAGE_BOTTOM) {
      doc.addPage();
      drawCaption(true);
      drawHeader(true);
    }
    const y = doc.y;
    drawRow(cells, y, height, false, r % 2 === 1 ? ZEBRA : null, group(doc, table, 'TR'));
    doc.y = y + height;
  });
  table.end();
  artifact(doc, () => doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).stroke());
  doc.moveDown(0.4);
  if (note) {
    tag(doc, sect, 'P', () => doc.font('Plex').fontSize(8.5).fillColor(MUTED).text(note, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
    doc.fillColor(TEXT);
  }
  doc.moveDown(0.6);
}

/** The size of an SVG's drawing from its viewBox (or width and height), in its own units. */
function svgSize(svg: string): { width: number; height: number } {
  const viewBox = /viewBox\s*=\s*"([^"]+)"/.exec(svg)?.[1]?.trim().split(/[\s,]+/).map(Number);
  if (viewBox && viewBox.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0) return { width: viewBox[2]!, height: viewBox[3]! };
  const w = Number(/\swidth\s*=\s*"([\d.]+)"/.exec(svg)?.[1]);
  const h = Number(/\sheight\s*=\s*"([\d.]+)"/.exec(svg)?.[1]);
  return w > 0 && h > 0 ? { width: w, height: h } : { width: 640, height: 320 };
}

/**
 * svg-to-pdfkit does not know `paint-order`, so a text with a halo (a white stroke painted under its letters, as the
 * charts label reference lines) would be painted over by its own stroke. It is drawn twice instead: the halo first,
 * then the letters without a stroke.
 */
export function haloTextsForPdf(svg: string): string {
  return svg.replace(/<text\b([^>]*?)\spaint-order="stroke"([^>]*)>([\s\S]*?)<\/text>/g, (_, before: string, after: string, text: string) => {
    const attributes = `${before}${after}`;
    const bare = attributes.replace(/\s(stroke|stroke-width|stroke-linejoin)="[^"]*"/g, '');
    const halo = attributes.replace(/\sfill="[^"]*"/g, '');
    return `<text${halo} fill="#FFFFFF">${text}</text><text${bare}>${text}</text>`;
  });
}

function drawChart(doc: Doc, sect: Struct, title: string, rawSvg: string, description: string): void {
  const svg = haloTextsForPdf(chartSvg(rawSvg));
  const size = svgSize(svg);
  let width = CONTENT_WIDTH;
  let height = (width * size.height) / size.width;
  if (height > MAX_CHART_HEIGHT) {
    height = MAX_CHART_HEIGHT;
    width = (height * size.width) / size.height;
  }
  doc.font('Plex-Bold').fontSize(11);
  const titleHeight = doc.heightOfString(title, { width: CONTENT_WIDTH });
  ensureSpace(doc, titleHeight + (svg ? height : 0) + 30);
  tag(doc, sect, 'H3', () => doc.fillColor(TEXT).text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  doc.moveDown(0.3);
  if (svg) {
    const y = doc.y;
    // The drawing is one figure whose alternative text is the chart's description.
    tag(
      doc,
      sect,
      'Figure',
      () =>
        SVGtoPDF(doc, svg, MARGIN.left + (CONTENT_WIDTH - width) / 2, y, {
          width,
          height,
          assumePt: true,
          preserveAspectRatio: 'xMidYMid meet',
          // Every text of the chart in the report's own font, bold where the SVG asks for it.
          fontCallback: (_family: string, bold: boolean) => (bold ? 'Plex-Bold' : 'Plex'),
        }),
      { alt: `${title}. ${description}` },
    );
    doc.y = y + height + 4;
  }
  tag(doc, sect, 'P', () => doc.font('Plex').fontSize(9).fillColor(MUTED).text(description, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  doc.fillColor(TEXT).moveDown(0.8);
}

/** Every page's footer: the cut-off date and status on the left, «Side n af m» on the right. */
function footers(doc: Doc, document: ReportDocument, status: ReportStatus): void {
  pageFooters(doc, `${document.title} · dataskæring ${formatIsoDate(document.cutoffDate)} · ${status.kind === 'draft' ? 'udkast – ikke frosset' : `udgave ${status.edition}`}`, 80);
}
