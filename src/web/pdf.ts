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
