/**
 * The text of a PDF as pdfkit writes it, for tests: pdfkit embeds fonts as subsets and writes text as glyph numbers,
 * so the text is read back through each font's ToUnicode map. Streams compressed with Flate are inflated, so a PDF
 * can be read as it was served. Each page's text, in drawing order, lines joined by spaces.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      found.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = body[at + 6] === '\r' ? at + 8 : at + 7;
    // The stream's own length, as pdfkit states it: trimming a line break before «endstream» instead would also cut
    // compressed data that happens to end in a carriage return (one stream in 256), and inflating it then fails.
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const end = length ? start + Number(length[1]) : body.lastIndexOf('endstream') - 1;
    let raw = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/Filter\s*\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    found.set(Number(m[1]), { dict, stream: raw });
  }
  return found;
}

/** A ToUnicode CMap's code → text, from its bfrange arrays and bfchar pairs. */
function cmapOf(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const start = parseInt(m[1]!, 16);
    [...m[3]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((v, i) => map.set(start + i, hexText(v[1]!.replace(/\s+/g, ''))));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(m[1]!, 16), hexText(m[2]!));
  }
  return map;
}

/** The text of each page. */
export function pdfPages(pdf: Buffer): string[] {
  const all = objects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const fonts = new Map<number, Map<number, string>>();
  const fontMap = (id: number) => {
    if (!fonts.has(id)) {
      const font = all.get(id);
      const cmapId = font ? ref(font.dict, 'ToUnicode') : NaN;
      fonts.set(id, cmapOf(all.get(cmapId)?.stream?.toString('latin1') ?? ''));
    }
    return fonts.get(id)!;
  };
  const pages = [...all.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  return pages.map((page) => {
    const resources = all.get(ref(page.dict, 'Resources'))?.dict ?? page.dict;
    const names = new Map<string, number>();
    for (const m of (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) names.set(m[1]!, Number(m[2]));
    const content = all.get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let current = new Map<number, string>();
    const out: string[] = [];
    for (const m of content.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
      if (m[1]) {
        current = fontMap(names.get(m[1]) ?? NaN);
        continue;
      }
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : [m[3]!];
      out.push(hexes.map((h) => (h.match(/.{4}/g) ?? []).map((c) => current.get(parseInt(c, 16)) ?? '').join('')).join(''));
    }
    return out.join(' ').replace(/\s+/g, ' ').trim();
  });
}
