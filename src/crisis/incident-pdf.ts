/**
 * An incident's case file as a PDF (issue 7, part 6), for the municipality's and the police's journals: the incident's
 * facts (number, area, level history, situation, description, who activated, the police consultation, the fixed
 * meeting deadline(s), the planned and held meeting, the stand-down), then the log entries the reader may read, in a
 * table that breaks across pages with its header repeated, with § 115 entries withheld exactly as on the page (a count,
 * never their content), then the check of the chain and the head hash to hold a later copy against. Every page says
 * who printed it and when, and its number. A4, DKFDS's IBM Plex Sans read from the installed package (as the reports'
 * renderer, src/reports/render/report-pdf.ts), tagged for screen readers.
 */
import PDFDocument from 'pdfkit';
import { A4, artifact, collectPdf, CONTENT_WIDTH, group, MARGIN, PAGE_BOTTOM, pageFooters, PDF_COLOURS, tag, type PdfDoc, type PdfStruct } from '../web/pdf.js';
import { danishDateTime } from '../time/copenhagen.js';
import { incidentLabel } from './incident.js';
import { ASSESSED_LEVEL_NAMES, LEVEL_NAMES, POLICE_FALLBACK_PHONE, POLICE_STATUS_NAMES, isCrisisLevel, situationType } from './levels.js';
import { withheldSentence, type IncidentLog, type ShownEntry } from './log.service.js';
import { entryFacts, kindName } from './log.views.js';


const { text: TEXT, muted: MUTED, rule: RULE, zebra: ZEBRA, headerFill: HEADER_FILL } = PDF_COLOURS;
const ERROR = PDF_COLOURS.alert;
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
const PAD_X = 4;
const PAD_Y = 3;
/** The log table's columns: number, time, who, kind and classification, text with the entry's facts. */
const COLUMNS = [
  { label: 'Nr.', width: 28 },
  { label: 'Tidspunkt', width: 92 },
  { label: 'Hvem', width: 82 },
  { label: 'Art', width: 74 },
  { label: 'Tekst', width: CONTENT_WIDTH - 28 - 92 - 82 - 74 },
] as const;

type Doc = PdfDoc;
type Struct = PdfStruct;

export interface CaseFileOptions {
  areaName: string | null;
  /** The reader's name, as on every page's «Udskrevet af». */
  printedBy: string;
  printedAt: Date;
  /** Compress the page streams (default). */
  compress?: boolean;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage();
}

/** The levels the incident has had, from its activation and level changes among the entries the reader may read. */
export function levelHistory(log: Pick<IncidentLog, 'incident' | 'entries'>): string[] {
  const lines: string[] = [];
  for (const e of log.entries) {
    if (e.kind !== 'aktivering' && e.kind !== 'niveau') continue;
    const level = e.data?.['to'] ?? e.data?.['level'];
    const name = isCrisisLevel(level) ? LEVEL_NAMES[level] : null;
    lines.push(`${danishDateTime(e.recordedAt)}: ${name ?? kindName(e.kind)}${e.kind === 'aktivering' ? ' (aktivering)' : ''}`);
  }
  if (lines.length === 0) lines.push(`${danishDateTime(log.incident.activatedAt)}: ${LEVEL_NAMES[log.incident.level]} (aktivering)`);
  return lines;
}

/** The meeting deadlines fixed for the incident: earlier ones named in level changes (readable ones), then the one in force. */
export function deadlines(log: Pick<IncidentLog, 'incident' | 'entries'>): string[] {
  const current = new Date(log.incident.deadlineAt).toISOString();
  const seen = new Set<string>([current]);
  const out: string[] = [];
  for (const e of log.entries) {
    if (e.kind !== 'aktivering' && e.kind !== 'niveau') continue;
    for (const key of ['previousDeadlineAt', 'previousDeadline', 'deadlineAt', 'deadline']) {
      const value = e.data?.[key];
      const instant = typeof value === 'string' ? new Date(value) : null;
      if (!instant || Number.isNaN(instant.getTime()) || seen.has(instant.toISOString())) continue;
      seen.add(instant.toISOString());
      out.push(`${danishDateTime(instant)} (afløst)`);
    }
  }
  out.push(`${danishDateTime(current)} (gældende, fastsat ${danishDateTime(log.incident.levelSetAt)})`);
  return out;
}

function incidentFacts(log: IncidentLog, options: CaseFileOptions): [string, string][] {
  const i = log.incident;
  const police = [POLICE_STATUS_NAMES[i.police.status]];
  if (i.police.contact) police.push(`Kontakt: ${i.police.contact}`);
  if (i.police.contactedAt) police.push(`Kontaktet ${danishDateTime(i.police.contactedAt)}`);
  if (i.police.assessedLevel) police.push(`Vurderet niveau: ${ASSESSED_LEVEL_NAMES[i.police.assessedLevel]}`);
  if (i.police.status === 'vagtchef') police.push(`Vagtchefen på ${POLICE_FALLBACK_PHONE}`);
  const facts: [string, string][] = [
    ['Hændelse', `${incidentLabel(i)} (${i.status === 'aktiv' ? 'aktiv' : 'afmeldt'})`],
    ['Område', options.areaName ?? '–'],
    ['Niveau', LEVEL_NAMES[i.level]],
    ['Niveauhistorik', levelHistory(log).join('\n')],
    ['Situation', situationType(i.situationType)?.label ?? i.situationType],
    ['Beskrivelse', i.description || '–'],
    ['Aktiveret', `${danishDateTime(i.activatedAt)} af ${i.activatedByLabel}${i.onBehalfOf ? ` på vegne af ${i.onBehalfOf}` : ''}`],
    ['Politiet', police.join('. ')],
    ['Mødefrist', deadlines(log).join('\n')],
    ['Møde planlagt', i.meetingPlannedAt ? `${danishDateTime(i.meetingPlannedAt)}${i.meetingLocation ? `, ${i.meetingLocation}` : ''}` : 'Intet møde planlagt'],
    ['Møde holdt', i.meetingHeldAt ? danishDateTime(i.meetingHeldAt) : 'Nej'],
    ['Afmeldt', i.stoodDownAt ? `${danishDateTime(i.stoodDownAt)}${i.stoodDownByLabel ? ` af ${i.stoodDownByLabel}` : ''}${i.standDownReason ? `. Begrundelse: ${i.standDownReason}` : ''}` : 'Ikke afmeldt'],
  ];
  return facts;
}

/** The text cell of an entry: its text, its facts, and the links between corrections. */
function entryText(e: ShownEntry): string {
  const lines = [e.text];
  if (e.correctsSeq !== null) lines.unshift(`Retter indførsel ${e.correctsSeq}.`);
  for (const f of entryFacts(e)) lines.push(`${f.label}: ${f.value}`);
  if (e.correctedBy.length > 0) lines.push(e.correctedBy.map((seq) => `Rettet ved indførsel ${seq}`).join(', '));
  return lines.join('\n');
}

function entryKind(e: ShownEntry): string {
  return `${kindName(e.kind)}${e.classification === 'paragraf115' ? '\n§ 115: kun myndighedernes medlemmer' : ''}`;
}

/** Renders the case file. */
export async function incidentCaseFile(log: IncidentLog, options: CaseFileOptions): Promise<Buffer> {
  const label = incidentLabel(log.incident);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'da',
    displayTitle: true,
    pdfVersion: '1.7',
    tagged: true,
    info: { Title: `Sagsakt: ${label}`, Subject: 'Beredskabsplanens log', Creator: 'Helhed', CreationDate: options.printedAt },
  });
  const done = collectPdf(doc);
  const root = doc.struct('Document' as never);
  doc.addStructure(root);

  tag(doc, root, 'H1', () => doc.font('Plex-Bold').fontSize(20).fillColor(TEXT).text(`Sagsakt: ${label}`, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH }));
  doc.moveDown(0.3);
  tag(doc, root, 'P', () =>
    doc.font('Plex').fontSize(BODY_SIZE).fillColor(MUTED).text('Beredskabsplanens hændelse og log, som den, der har udskrevet sagsakten, kan læse dem.', { width: CONTENT_WIDTH }),
  );
  doc.moveDown(0.8);

  heading(doc, root, 'Hændelsen');
  for (const [name, value] of incidentFacts(log, options)) {
    doc.font('Plex').fontSize(BODY_SIZE);
    const height = doc.heightOfString(value, { width: CONTENT_WIDTH - 120 });
    ensureSpace(doc, height + 4);
    const y = doc.y;
    let afterLabel = y;
    tag(doc, root, 'P', () => {
      doc.font('Plex-Bold').fontSize(BODY_SIZE).fillColor(TEXT).text(`${name}:`, MARGIN.left, y, { width: 112 });
      afterLabel = doc.y;
      doc.font('Plex').text(value, MARGIN.left + 120, y, { width: CONTENT_WIDTH - 120 });
    });
    doc.y = Math.max(afterLabel, doc.y) + 3;
  }
  doc.moveDown(0.8);

  heading(doc, root, 'Log');
  if (log.withheld > 0) paragraph(doc, root, withheldSentence(log.withheld));
  entriesTable(doc, root, log.entries);

  heading(doc, root, 'Kontrol af loggen');
  const report = log.report;
  if (report.intact) {
    paragraph(doc, root, `Loggen er ubrudt: ${report.entries} ${report.entries === 1 ? 'indførsel' : 'indførsler'} kontrolleret ${danishDateTime(log.checkedAt)}.`);
  } else {
    paragraph(doc, root, `Loggen er ændret uden om Helhed. Kontrollen ${danishDateTime(log.checkedAt)} fandt:`, ERROR);
    for (const p of report.problems) paragraph(doc, root, `– ${p.message}`, ERROR);
  }
  paragraph(doc, root, `Loggens hoved (nøglet kontrolsum over antallet af indførsler og den sidste indførsel): ${report.headHash || '(tomt)'}`);
  paragraph(doc, root, 'Kontrolsummen dækker hele loggen, også indførsler, der ikke vises her. Holdes en senere udskrift op mod denne, skal hovedet være det samme eller loggen længere.', MUTED);

  root.end();
  footers(doc, label, options);
  doc.end();
  return done;
}

function heading(doc: Doc, root: Struct, text: string): void {
  doc.font('Plex-Bold').fontSize(14);
  ensureSpace(doc, 70);
  doc.outline.addItem(text);
  tag(doc, root, 'H2', () => doc.fillColor(TEXT).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  doc.moveDown(0.4);
}

function paragraph(doc: Doc, root: Struct, text: string, color = TEXT): void {
  doc.font('Plex').fontSize(BODY_SIZE);
  ensureSpace(doc, doc.heightOfString(text, { width: CONTENT_WIDTH }) + 4);
  tag(doc, root, 'P', () => doc.fillColor(color).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  doc.fillColor(TEXT).moveDown(0.4);
}

/** The entries as a table whose header row is repeated on every page it runs onto; a row taller than a page is split. */
function entriesTable(doc: Doc, root: Struct, entries: readonly ShownEntry[]): void {
  const table = group(doc, root, 'Table');
  const header = COLUMNS.map((c) => c.label);
  const cellHeight = (text: string, width: number, bold: boolean) => doc.font(bold ? 'Plex-Bold' : 'Plex').fontSize(TABLE_SIZE).heightOfString(text || ' ', { width: width - 2 * PAD_X });
  const rowHeight = (cells: readonly string[], bold: boolean) => Math.max(...cells.map((t, i) => cellHeight(t, COLUMNS[i]!.width, bold))) + 2 * PAD_Y;
  const headerHeight = rowHeight(header, true);
  const drawRow = (cells: readonly string[], y: number, height: number, bold: boolean, fill: string | null, tr: Struct | null) => {
    if (fill) artifact(doc, () => doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(fill));
    let x = MARGIN.left;
    cells.forEach((text, i) => {
      const left = x;
      const width = COLUMNS[i]!.width;
      const draw = () => doc.fillColor(TEXT).font(bold ? 'Plex-Bold' : 'Plex').fontSize(TABLE_SIZE).text(text, left + PAD_X, y + PAD_Y, { width: width - 2 * PAD_X });
      if (!tr) artifact(doc, draw);
      else if (bold) tag(doc, tr, 'TH', draw, { scope: 'Column' });
      else if (i === 0) tag(doc, tr, 'TH', draw, { scope: 'Row' });
      else tag(doc, tr, 'TD', draw);
      x += width;
    });
    tr?.end();
  };
  const drawHeader = (repeated: boolean) => {
    const y = doc.y;
    drawRow(header, y, headerHeight, true, HEADER_FILL, repeated ? null : group(doc, table, 'TR'));
    artifact(doc, () => doc.lineWidth(0.75).strokeColor(TEXT).moveTo(MARGIN.left, y + headerHeight).lineTo(MARGIN.left + CONTENT_WIDTH, y + headerHeight).stroke());
    doc.y = y + headerHeight;
  };
  ensureSpace(doc, headerHeight + 40);
  drawHeader(false);
  if (entries.length === 0) {
    const tr = group(doc, table, 'TR');
    tag(doc, tr, 'TD', () => doc.font('Plex').fontSize(TABLE_SIZE).text('Ingen indførsler, du kan læse.', MARGIN.left + PAD_X, doc.y + PAD_Y, { width: CONTENT_WIDTH }));
    tr.end();
    doc.moveDown(0.5);
  }
  entries.forEach((e, r) => {
    let cells = [String(e.seq), danishDateTime(e.recordedAt), e.actorLabel, entryKind(e), entryText(e)];
    let height = rowHeight(cells, false);
    // A row goes whole onto the next page when it fits there; a longer one starts here, when a few lines are left.
    const fitsFreshPage = height <= PAGE_BOTTOM - MARGIN.top - headerHeight;
    if (doc.y + height > PAGE_BOTTOM && (fitsFreshPage || PAGE_BOTTOM - doc.y < 60)) {
      doc.addPage();
      drawHeader(true);
    }
    // A text longer than a whole page is split over pages by lines, the rest of the row repeated with «(fortsat)».
    while (doc.y + height > PAGE_BOTTOM) {
      const room = PAGE_BOTTOM - doc.y - 2 * PAD_Y;
      const [head, rest] = splitToHeight(doc, cells[4]!, COLUMNS[4].width - 2 * PAD_X, room);
      const part = [...cells.slice(0, 4), head];
      const y = doc.y;
      drawRow(part, y, PAGE_BOTTOM - y, false, r % 2 === 1 ? ZEBRA : null, group(doc, table, 'TR'));
      doc.addPage();
      drawHeader(true);
      cells = [String(e.seq), '', '', 'fortsat', rest];
      height = rowHeight(cells, false);
    }
    const y = doc.y;
    drawRow(cells, y, height, false, r % 2 === 1 ? ZEBRA : null, group(doc, table, 'TR'));
    doc.y = y + height;
  });
  table.end();
  artifact(doc, () => doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).stroke());
  doc.moveDown(1);
}

/** The first words of `text` that fit in `height` at the table's size, and the rest. */
function splitToHeight(doc: Doc, text: string, width: number, height: number): [string, string] {
  doc.font('Plex').fontSize(TABLE_SIZE);
  const words = text.split(/(\s+)/);
  let low = 1;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.heightOfString(words.slice(0, mid).join(''), { width }) <= height) low = mid;
    else high = mid - 1;
  }
  return [words.slice(0, low).join('').trimEnd(), words.slice(low).join('').trimStart()];
}

/** Every page: «Udskrevet af X <tid>» on the left, «Side n af m» on the right. */
function footers(doc: Doc, label: string, options: CaseFileOptions): void {
  pageFooters(doc, `Sagsakt: ${label} · Udskrevet af ${options.printedBy} ${danishDateTime(options.printedAt)}`, 70);
}
