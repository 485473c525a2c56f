import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a page to an HTML document. Text in templates is escaped by Preact; nothing is inserted raw. */
export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>${render(page)}`;
}
