/**
 * What changed between two versions of a report (issue 6 item 8: «a new edition shows what changed»): sections added
 * and removed, paragraphs and list items changed, key figures changed and table cells changed as «før → efter» with
 * their row and column, so a reader of the second edition sees what the corrections of the data did.
 *
 * Sections are matched by their key (stable within a kind of report); tables by caption and else by their place among
 * the section's tables, since a caption may name the cut-off date; rows by the text of their first cell (the row's
 * label) and columns by their label. Cells are compared as written (`formatCell`), so 12 and 12.0 are the same figure.
 */
import type { ReportBlock, ReportCell, ReportColumn, ReportDocument, ReportSection } from './report-document.js';
import { formatCell } from './render/cells.js';

export type ReportChange =
  | { kind: 'paragraph'; before: string | null; after: string | null }
  | { kind: 'list-item'; before: string | null; after: string | null }
  | { kind: 'figure'; label: string; before: string | null; after: string | null }
  | { kind: 'table'; table: string; change: 'added' | 'removed' }
  | { kind: 'column'; table: string; column: string; change: 'added' | 'removed' }
  | { kind: 'row'; table: string; row: string; change: 'added' | 'removed' }
  | { kind: 'cell'; table: string; row: string; column: string; before: string; after: string }
  | { kind: 'chart'; title: string; change: 'added' | 'removed' | 'changed' }
  | { kind: 'source'; before: string | null; after: string | null };

export interface SectionComparison {
  key: string;
  title: string;
  /** `changed`: in both, with at least one change; `renamed` sections are `changed` with their new title. */
  status: 'added' | 'removed' | 'changed';
  /** The title it had before, when it was renamed. */
  previousTitle?: string;
  changes: ReportChange[];
}

export interface ReportComparison {
  /** Changes to the report's title, subtitle and cut-off date. */
  header: { field: 'title' | 'subtitle' | 'cutoffDate'; before: string; after: string }[];
  sections: SectionComparison[];
  /** Nothing differs but the time the documents were built. */
  unchanged: boolean;
}

/** Compares an earlier version of a report with a later one, in the later one's order of sections (removed ones last). */
export function compareReports(before: ReportDocument, after: ReportDocument): ReportComparison {
  const header: ReportComparison['header'] = [];
  for (const field of ['title', 'subtitle', 'cutoffDate'] as const) {
    if (before[field] !== after[field]) header.push({ field, before: before[field], after: after[field] });
  }
  const earlier = new Map(before.sections.map((s) => [s.key, s]));
  const later = new Set(after.sections.map((s) => s.key));
  const sections: SectionComparison[] = [];
  for (const section of after.sections) {
    const old = earlier.get(section.key);
    if (!old) {
      sections.push({ key: section.key, title: section.title, status: 'added', changes: [] });
      continue;
    }
    const changes = compareSections(old, section);
    if (changes.length > 0 || old.title !== section.title) {
      sections.push({ key: section.key, title: section.title, status: 'changed', changes, ...(old.title !== section.title ? { previousTitle: old.title } : {}) });
    }
  }
  // Removed sections come last, in the order they had.
  for (const section of before.sections) {
    if (!later.has(section.key)) sections.push({ key: section.key, title: section.title, status: 'removed', changes: [] });
  }
  return { header, sections, unchanged: header.length === 0 && sections.length === 0 };
}

function compareSections(before: ReportSection, after: ReportSection): ReportChange[] {
  const changes: ReportChange[] = [];
  const of = <K extends ReportBlock['kind']>(s: ReportSection, kind: K) => s.blocks.filter((b): b is Extract<ReportBlock, { kind: K }> => b.kind === kind);

  for (const [a, b] of pairedChanges(
    of(before, 'paragraph').map((p) => p.text),
    of(after, 'paragraph').map((p) => p.text),
  )) {
    changes.push({ kind: 'paragraph', before: a, after: b });
  }
  for (const [a, b] of pairedChanges(
    of(before, 'list').flatMap((l) => l.items),
    of(after, 'list').flatMap((l) => l.items),
  )) {
    changes.push({ kind: 'list-item', before: a, after: b });
  }
  changes.push(...compareFigures(of(before, 'figures').flatMap((f) => f.items), of(after, 'figures').flatMap((f) => f.items)));

  const tablesBefore = of(before, 'table');
  const tablesAfter = of(after, 'table');
  for (const [a, b] of matchByName(tablesBefore, tablesAfter, (t) => t.caption)) {
    if (a && b) changes.push(...compareTables(b.caption, a, b));
    else if (b) changes.push({ kind: 'table', table: b.caption, change: 'added' });
    else if (a) changes.push({ kind: 'table', table: a.caption, change: 'removed' });
  }

  for (const [a, b] of matchByName(of(before, 'chart'), of(after, 'chart'), (c) => c.title)) {
    if (a && b) {
      if (a.svg !== b.svg || a.description !== b.description) changes.push({ kind: 'chart', title: b.title, change: 'changed' });
      if (a.table && b.table) changes.push(...compareTables(b.title, a.table, b.table));
    } else if (b) changes.push({ kind: 'chart', title: b.title, change: 'added' });
    else if (a) changes.push({ kind: 'chart', title: a.title, change: 'removed' });
  }

  for (const [a, b] of pairedChanges(before.sources, after.sources)) changes.push({ kind: 'source', before: a, after: b });
  return changes;
}

function compareFigures(before: { label: string; value: string; note?: string }[], after: { label: string; value: string; note?: string }[]): ReportChange[] {
  const text = (f: { value: string; note?: string }) => (f.note ? `${f.value} (${f.note})` : f.value);
  const changes: ReportChange[] = [];
  for (const [a, b] of matchByName(before, after, (f) => f.label)) {
    const label = (b ?? a)!.label;
    const was = a ? text(a) : null;
    const is = b ? text(b) : null;
    if (was !== is) changes.push({ kind: 'figure', label, before: was, after: is });
  }
  return changes;
}

interface TableLike {
  columns: ReportColumn[];
  rows: ReportCell[][];
}

function compareTables(name: string, before: TableLike, after: TableLike): ReportChange[] {
  const changes: ReportChange[] = [];
  const columns = matchByName(before.columns.map((c, i) => ({ c, i })), after.columns.map((c, i) => ({ c, i })), (x) => x.c.label);
  for (const [a, b] of columns) {
    if (!a && b) changes.push({ kind: 'column', table: name, column: b.c.label, change: 'added' });
    if (a && !b) changes.push({ kind: 'column', table: name, column: a.c.label, change: 'removed' });
  }
  const label = (t: TableLike, row: ReportCell[]) => formatCell(row[0] ?? null, t.columns[0]?.format ?? 'text');
  const rows = matchByName(before.rows, after.rows, (r) => label(before, r), (r) => label(after, r));
  for (const [a, b] of rows) {
    if (a && b) {
      const rowLabel = label(after, b);
      for (const [ca, cb] of columns) {
        if (!ca || !cb || cb.i === 0) continue;
        const was = formatCell(a[ca.i] ?? null, ca.c.format);
        const is = formatCell(b[cb.i] ?? null, cb.c.format);
        if (was !== is) changes.push({ kind: 'cell', table: name, row: rowLabel, column: cb.c.label, before: was, after: is });
      }
    } else if (b) changes.push({ kind: 'row', table: name, row: label(after, b), change: 'added' });
    else if (a) changes.push({ kind: 'row', table: name, row: label(before, a), change: 'removed' });
  }
  return changes;
}

/**
 * Pairs two lists by name: equal names in order of occurrence (the second «I alt» with the second), then what is left
 * by place, so a renamed caption is still compared with what it was. Unpaired items come with `undefined` beside them.
 */
export function matchByName<T>(before: readonly T[], after: readonly T[], nameOf: (item: T) => string, nameOfAfter: (item: T) => string = nameOf): [T | undefined, T | undefined][] {
  const occurrence = (items: readonly T[], name: (item: T) => string) => {
    const seen = new Map<string, number>();
    return items.map((item) => {
      const n = name(item);
      const k = seen.get(n) ?? 0;
      seen.set(n, k + 1);
      return `${n}\u0000${k}`;
    });
  };
  const keysBefore = occurrence(before, nameOf);
  const keysAfter = occurrence(after, nameOfAfter);
  const index = new Map(keysBefore.map((k, i) => [k, i]));
  const used = new Set<number>();
  const pairs: [T | undefined, T | undefined][] = [];
  const unmatchedAfter: number[] = [];
  keysAfter.forEach((k, j) => {
    const i = index.get(k);
    if (i === undefined) unmatchedAfter.push(j);
    else used.add(i);
    pairs.push([i === undefined ? undefined : before[i], after[j]]);
  });
  // Rows are named by their label, so an unmatched row is new; tables and charts left over are paired by place only
  // when both sides have exactly one left, which is a renamed caption rather than a new table.
  const leftBefore = before.map((_, i) => i).filter((i) => !used.has(i));
  if (leftBefore.length === 1 && unmatchedAfter.length === 1 && before.length === after.length && before.length <= 1) {
    pairs[unmatchedAfter[0]!] = [before[leftBefore[0]!], after[unmatchedAfter[0]!]];
    return pairs;
  }
  for (const i of leftBefore) pairs.push([before[i], undefined]);
  return pairs;
}

/**
 * The differences between two lists of texts as pairs (before, after): a text replaced by another is one pair, a text
 * added or removed has null on the other side. From their longest common subsequence, so inserting one paragraph does
 * not make every later one look changed.
 */
export function pairedChanges(before: readonly string[], after: readonly string[]): [string | null, string | null][] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: [string | null, string | null][] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const k = Math.max(removed.length, added.length);
    for (let x = 0; x < k; x++) out.push([removed[x] ?? null, added[x] ?? null]);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(after[j]!);
      j++;
    } else {
      removed.push(before[i]!);
      i++;
    }
  }
  flush();
  return out;
}
