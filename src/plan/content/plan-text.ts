/**
 * The plan's OCR text and helpers the content checks share: every seed file's test reads its figures back from the
 * lines its references point at.
 */
import { readFileSync } from 'node:fs';
import { areas } from './areas.js';

/** The plan's text, one entry per OCR line (line n is index n-1). */
export const PLAN_TEXT_LINES: readonly string[] = readFileSync(new URL('./source/helhedsplan-randers-2025-29.ocr.txt', import.meta.url), 'utf8').split('\n');

/** The slugs of the plan's seven areas, in the plan's order. */
export const AREA_SLUGS: readonly string[] = areas.map((a) => a.slug);

/** Visits every object in a content tree with its path, so that checks reach refs and figures wherever they sit. */
export function walkContent(node: unknown, path: string, visit: (value: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walkContent(child, `${path}[${i}]`, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as Record<string, unknown>, path);
    for (const [key, child] of Object.entries(node)) walkContent(child, `${path}.${key}`, visit);
  }
}
