/**
 * The crisis card (issue 7, part A): ONE printable A4 page to keep by the phone, with the levels and their meeting
 * deadlines, every role's principal and substitute with phone numbers, the required contact who invites everyone,
 * the police fallback (Østjyllands Politis vagtchef, 114) and the press contacts, and when it was printed. The font is
 * DKFDS's IBM Plex Sans from the installed package, as the reports use (`src/reports/render/report-pdf.ts`). When the
 * group grows, the text is set smaller until it fits on the one page. Like the reports, the PDF is tagged (PDF/UA):
 * headings, paragraphs and the table with its header cells are in the structure tree, colour bars and rules are
 * artifacts.
 */
import PDFDocument from 'pdfkit';
import { A4, artifact, collectPdf, group, PDF_COLOURS, tag, type PdfDoc } from '../web/pdf.js';
import { danishDateTime } from '../time/copenhagen.js';
import { LEVEL_NAMES, POLICE_FALLBACK_PHONE } from './levels.js';
import type { CrisisCardData, CrisisMember } from './crisis-group.service.js';


// The card's own, smaller margins: it must hold the whole group on one page.
const MARGIN = 40;
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN;
const { text: TEXT, muted: MUTED, rule: RULE } = PDF_COLOURS;
const YELLOW = '#f6c700';
const RED = PDF_COLOURS.alert;

/** The deadlines as the card states them (plan lines 3420-3422; PRODUCT.md «Crisis deadlines»). */
export const CARD_DEADLINES = {
  gul: 'Beredskabsgruppen mødes inden for 3 arbejdsdage (senest kl. 23.59 på 3. arbejdsdag efter aktiveringsdagen).',
  roed: 'Beredskabsgruppen mødes inden for 24 timer efter aktiveringen.',
} as const;

export interface CardOptions {
  /** Compress the page streams (default); tests turn it off to read the text. */
  compress?: boolean;
}

type Doc = PdfDoc;

const who = (m: CrisisMember | undefined) => (m ? [m.name ?? '(navn mangler)', m.position].filter(Boolean).join(', ') : '–');
const phoneOf = (m: CrisisMember | undefined) => m?.phone ?? '–';

/** The police role: an authority whose organisation is a police district. */
function policeRole(data: CrisisCardData) {
  return data.roles.find((r) => /politi/i.test(r.principal.organisation));
}

function render(data: CrisisCardData, size: number, options: CardOptions): { doc: Doc; pages: () => number; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: 0, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'da',
    displayTitle: true,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as never,
    info: { Title: 'Beredskabskort', Subject: `Den boligsociale beredskabsplan, ${data.planName}`, Author: data.planName, Creator: 'Helhed', CreationDate: data.printedAt },
  });
  const done = collectPdf(doc);
  const root = doc.struct('Document' as never);
  doc.addStructure(root);
  const line = (gap = 4) => {
    doc.moveDown(0.2);
    artifact(doc, () => doc.strokeColor(RULE).lineWidth(0.5).moveTo(MARGIN, doc.y).lineTo(MARGIN + WIDTH, doc.y).stroke());
    doc.y += gap;
  };
  const heading = (text: string) => {
    doc.moveDown(0.35);
    tag(doc, root, 'H2', () => doc.font('Plex-Bold').fontSize(size + 2.5).fillColor(TEXT).text(text, MARGIN, doc.y, { width: WIDTH }));
    doc.moveDown(0.15);
  };
  const para = (text: string, bold = false) => tag(doc, root, 'P', () => doc.font(bold ? 'Plex-Bold' : 'Plex').fontSize(size).fillColor(TEXT).text(text, MARGIN, doc.y, { width: WIDTH }));

  tag(doc, root, 'H1', () => doc.font('Plex-Bold').fontSize(size + 9).fillColor(TEXT).text('Beredskabskort', MARGIN, MARGIN, { width: WIDTH }));
  tag(doc, root, 'P', () => {
    doc.font('Plex').fontSize(size + 1).fillColor(MUTED).text(`Den boligsociale beredskabsplan · ${data.planName}`, MARGIN, doc.y, { width: WIDTH });
    doc.fontSize(size).text(`Udskrevet ${danishDateTime(data.printedAt)}. Fortroligt: kontaktoplysninger til beredskabsgruppens brug.`, { width: WIDTH });
  });
  line();

  // The levels with a colour bar and their names in words, so the card reads the same in black and white.
  for (const level of ['roed', 'gul'] as const) {
    const y = doc.y;
    artifact(doc, () => doc.rect(MARGIN, y, 6, size * 2.6).fill(level === 'roed' ? RED : YELLOW));
    tag(doc, root, 'P', () => {
      doc.font('Plex-Bold').fontSize(size + 1).fillColor(TEXT).text(`${LEVEL_NAMES[level]}: ${level === 'roed' ? 'inden for 24 timer' : 'inden for 3 arbejdsdage'}`, MARGIN + 12, y, { width: WIDTH - 12 });
      doc.font('Plex').fontSize(size).text(CARD_DEADLINES[level], MARGIN + 12, doc.y, { width: WIDTH - 12 });
    });
    doc.y = Math.max(doc.y, y + size * 2.6) + 4;
  }

  const required = data.roles.find((r) => r.principal.isRequiredContact)?.principal;
  heading('Sådan aktiveres beredskabet');
  para('Alle medlemmer kan aktivere beredskabet på gult eller rødt niveau. Kontakt så vidt muligt politiet først for at afdække situationen og niveauet.');
  if (required) {
    para(`Påkrævet kontakt, inviterer alle: ${who(required)}, ${required.role}, ${required.organisation}, tlf. ${phoneOf(required)}.`, true);
  }
  const police = policeRole(data);
  const policeNames = police ? [police.principal, ...police.substitutes].map((m) => m.name).filter(Boolean).join(' eller ') : '';
  para(`Kan ${policeNames || 'politiets kontaktpersoner'} ikke nås: Østjyllands Politis vagtchef, tlf. ${POLICE_FALLBACK_PHONE}.`, true);

  heading('Beredskabsgruppen');
  const cols = [
    { title: 'Rolle og organisation', width: WIDTH * 0.3 },
    { title: 'Medlem', width: WIDTH * 0.2 },
    { title: 'Telefon', width: WIDTH * 0.13 },
    { title: 'Suppleant', width: WIDTH * 0.22 },
    { title: 'Telefon', width: WIDTH * 0.15 },
  ];
  const table = group(doc, root, 'Table');
  const row = (cells: string[], header: boolean) => {
    const font = header ? 'Plex-Bold' : 'Plex';
    doc.font(font).fontSize(size).fillColor(TEXT);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.width - 4 }));
    const y = doc.y;
    const tr = group(doc, table, 'TR');
    let x = MARGIN;
    cells.forEach((c, i) => {
      const at = x;
      const draw = () => doc.font(font).fontSize(size).fillColor(TEXT).text(c, at, y, { width: cols[i]!.width - 4 });
      if (header) tag(doc, tr, 'TH', draw, { scope: 'Column' });
      else if (i === 0) tag(doc, tr, 'TH', draw, { scope: 'Row' });
      else tag(doc, tr, 'TD', draw);
      x += cols[i]!.width;
    });
    tr.end();
    doc.y = y + Math.max(...heights) + 2;
    artifact(doc, () => doc.strokeColor(RULE).lineWidth(0.3).moveTo(MARGIN, doc.y).lineTo(MARGIN + WIDTH, doc.y).stroke());
    doc.y += 2;
  };
  row(cols.map((c) => c.title), true);
  for (const r of data.roles) {
    const subs = r.substitutes;
    const mark = r.principal.isRequiredContact ? ' (påkrævet kontakt)' : '';
    row([`${r.principal.role}, ${r.principal.organisation}${mark}`, who(r.principal), phoneOf(r.principal), subs.length ? subs.map(who).join('; ') : '–', subs.length ? subs.map(phoneOf).join('; ') : '–'], false);
  }
  table.end();

  heading('Ved kontakt til pressen');
  para('Politi og kommune koordinerer kommunikationen til pressen; den aftales med boligorganisationernes ledelse. Inddrag:');
  doc.moveDown(0.2);
  if (data.press.length === 0) para('Ingen pressekontakter er registreret.');
  for (const p of data.press) {
    para(`${p.organisation}: ${[p.position, p.name].filter(Boolean).join(', ')}${p.phone ? `, tlf. ${p.phone}` : ''}`);
  }

  const sourceY = Math.max(doc.y + 8, BOTTOM - 3 * size);
  tag(doc, root, 'P', () =>
    doc
      .font('Plex')
      .fontSize(size - 1)
      .fillColor(MUTED)
      .text('Kilde: Den boligsociale beredskabsplan i helhedsplanen. Kontaktoplysningerne bekræftes af medlemmerne to gange om året; ret dem i Helhed under Beredskab → Beredskabsgruppen.', MARGIN, sourceY, { width: WIDTH }),
  );
  root.end();
  const overflow = doc.y > BOTTOM;
  return { doc, pages: () => (overflow ? 2 : doc.bufferedPageRange().count), done };
}

/**
 * Renders the card on one A4 page: at 11 pt when it fits (the plan's group does), smaller when the group is large,
 * down to 6 pt.
 */
export async function crisisCardPdf(data: CrisisCardData, options: CardOptions = {}): Promise<Buffer> {
  const sizes = [11, 10, 9, 8, 7, 6];
  for (const [i, size] of sizes.entries()) {
    const attempt = render(data, size, options);
    if (attempt.pages() === 1 || i === sizes.length - 1) {
      attempt.doc.end();
      return attempt.done;
    }
    attempt.doc.end();
    await attempt.done;
  }
  throw new Error('unreachable');
}
