/**
 * Reading a milestone plan from a spreadsheet (milepæl; aktivitet; frist; ansvarlig; status; færdig; afhænger af;
 * bemærkning), with no I/O: the header is matched to the columns, each row is read, and the rows are checked together
 * with the milestones the sub-agreement's plan already has by `validateMilestonePlan`, so that every problem of the
 * file is named by row and column at once. Dependencies are written as other milestones' titles (in the file or in
 * the plan), separated by semicolons or line breaks, because ids mean nothing in a spreadsheet.
 */
import type { ImportProblem } from '../activities/import/attendance-rows.js';
import type { SheetRow } from '../monitoring/import/spreadsheet.js';
import { parseIsoDate } from '../time/copenhagen.js';
import { isMilestoneStatus, MILESTONE_STATUSES, validateMilestonePlan, type Milestone, type MilestoneField, type MilestoneStatus } from './milestones.js';

export type { ImportProblem };

/** The template's columns, as written in its header. */
export const MILESTONE_COLUMNS = ['milepæl', 'aktivitet', 'frist', 'ansvarlig', 'status', 'færdig', 'afhænger af', 'bemærkning'] as const;
type Column = (typeof MILESTONE_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['milepæl', 'frist', 'ansvarlig'];

const HEADER_WORDS: Record<string, Column> = {
  milepæl: 'milepæl',
  milepael: 'milepæl',
  titel: 'milepæl',
  aktivitet: 'aktivitet',
  frist: 'frist',
  deadline: 'frist',
  ansvarlig: 'ansvarlig',
  ejer: 'ansvarlig',
  status: 'status',
  færdig: 'færdig',
  'færdig den': 'færdig',
  faerdig: 'færdig',
  'afhænger af': 'afhænger af',
  'afhaenger af': 'afhænger af',
  afhængigheder: 'afhænger af',
  bemærkning: 'bemærkning',
  note: 'bemærkning',
};

const FIELD_COLUMN: Record<MilestoneField, Column> = { id: 'milepæl', dueDate: 'frist', completedOn: 'færdig', dependsOn: 'afhænger af' };

/** The most rows one file may hold: a plan has tens of milestones, so more is surely the wrong file. */
export const MAX_MILESTONE_ROWS = 500;

const key = (text: string) => text.trim().toLocaleLowerCase('da-DK').replace(/\s+/g, ' ');

/** A date as ÅÅÅÅ-MM-DD, or as Danes and Excel write it (DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ, DD/MM/ÅÅÅÅ); null when it is neither. */
export function parseMilestoneDate(text: string): string | null {
  const t = text.trim();
  if (parseIsoDate(t)) return t;
  const m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}

/** A row read into a milestone, with the row it came from. Its id is `row:<n>` until the service gives it a real one. */
export interface ImportedMilestone {
  row: number;
  milestone: Milestone;
}

export interface MilestoneImportContext {
  interventionArea: string;
  activities: readonly { slug: string; name: string }[];
  /** The plan's milestones already stored for the sub-agreement. */
  existing: readonly Milestone[];
  today: string;
}

/**
 * Reads the rows (the header first) into milestones for one sub-agreement's plan and checks them with the plan's
 * existing milestones. Returns the milestones only when there is no problem at all: a file is imported whole or not.
 */
export function readMilestonePlan(rows: readonly SheetRow[], context: MilestoneImportContext): { milestones: ImportedMilestone[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = rows[0];
  if (!header) return { milestones: [], problems: [{ row: 1, column: '', message: 'Filen er tom. Den første række skal være kolonneoverskrifterne fra skabelonen.' }] };
  const index = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const column = HEADER_WORDS[key(cell).replace(/[.:()]/g, '')];
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      milestones: [],
      problems: [{ row: header.row, column: '', message: `Overskriften mangler ${missing.map((c) => `«${c}»`).join(', ')}. Skabelonens kolonner er: ${MILESTONE_COLUMNS.join('; ')}.` }],
    };
  }
  const body = rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (body.length === 0) return { milestones: [], problems: [{ row: header.row + 1, column: '', message: 'Filen har ingen milepæle under overskriften.' }] };
  if (body.length > MAX_MILESTONE_ROWS) {
    return { milestones: [], problems: [{ row: header.row + MAX_MILESTONE_ROWS + 1, column: '', message: `Filen har ${body.length} milepæle; en milepælsplan kan højst importeres med ${MAX_MILESTONE_ROWS}.` }] };
  }
  const cell = (r: SheetRow, c: Column) => (index.has(c) ? (r.cells[index.get(c)!] ?? '').trim() : '');
  const add = (row: number, column: Column, message: string) => problems.push({ row, column, message });

  const activityOf = new Map<string, string>();
  for (const a of context.activities) {
    activityOf.set(key(a.slug), a.slug);
    activityOf.set(key(a.name), a.slug);
    // «Job til mor» for the plan's «Job til mor (social effektinvestering)»: people leave out a bracketed remark.
    activityOf.set(key(a.name.replace(/\s*\([^)]*\)\s*$/, '')), a.slug);
  }
  const existingByTitle = new Map(context.existing.map((m) => [key(m.title), m]));
  const fileByTitle = new Map<string, number>();

  const read: { row: SheetRow; milestone: Milestone; dependsOnTitles: string[] }[] = [];
  for (const r of body) {
    const title = cell(r, 'milepæl');
    if (title === '') add(r.row, 'milepæl', 'Skriv milepælens titel.');
    else if (title.length > 200) add(r.row, 'milepæl', 'Titlen må højst være 200 tegn.');
    else if (existingByTitle.has(key(title))) add(r.row, 'milepæl', `Planen har allerede milepælen «${existingByTitle.get(key(title))!.title}». Giv den nye en anden titel, eller ret den i planen.`);
    else if (fileByTitle.has(key(title))) add(r.row, 'milepæl', `Titlen «${title}» står også i række ${fileByTitle.get(key(title))}. Hver milepæl skal have sin egen titel.`);
    else fileByTitle.set(key(title), r.row);

    const activityText = cell(r, 'aktivitet');
    let activity: string | undefined;
    if (activityText !== '' && key(activityText) !== 'hele delaftalen') {
      activity = activityOf.get(key(activityText));
      if (!activity) add(r.row, 'aktivitet', `«${activityText}» er ikke en af delaftalens aktiviteter: ${context.activities.map((a) => a.name).join(', ')}. Lad feltet stå tomt for hele delaftalen.`);
    }

    const dueText = cell(r, 'frist');
    const dueDate = parseMilestoneDate(dueText);
    if (dueText === '') add(r.row, 'frist', 'Skriv milepælens frist, fx 2026-03-15.');
    else if (!dueDate) add(r.row, 'frist', `Fristen «${dueText}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.`);

    const owner = cell(r, 'ansvarlig');
    if (owner === '') add(r.row, 'ansvarlig', 'Skriv, hvem der er ansvarlig: en organisation eller en person.');
    else if (owner.length > 200) add(r.row, 'ansvarlig', 'Den ansvarlige må højst være 200 tegn.');

    const statusText = key(cell(r, 'status'));
    const status: MilestoneStatus | null = statusText === '' ? 'ikke startet' : isMilestoneStatus(statusText) ? statusText : null;
    if (!status) add(r.row, 'status', `Status skal være en af: ${MILESTONE_STATUSES.map((s) => `«${s}»`).join(', ')}, ikke «${cell(r, 'status')}».`);

    const doneText = cell(r, 'færdig');
    const completedOn = doneText === '' ? undefined : parseMilestoneDate(doneText);
    if (completedOn === null) add(r.row, 'færdig', `Færdigdatoen «${doneText}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.`);
    else if (completedOn && completedOn > context.today) add(r.row, 'færdig', 'Færdigdatoen kan ikke ligge efter i dag.');

    const note = cell(r, 'bemærkning');
    if (note.length > 2000) add(r.row, 'bemærkning', 'Bemærkningen må højst være 2.000 tegn.');

    read.push({
      row: r,
      dependsOnTitles: cell(r, 'afhænger af').split(/[;\n]/).map((t) => t.trim()).filter(Boolean),
      milestone: {
        id: `row:${r.row}`,
        title,
        dueDate: dueDate ?? '',
        owner,
        status: status ?? 'ikke startet',
        ...(completedOn ? { completedOn } : {}),
        dependsOn: [],
        interventionArea: context.interventionArea,
        ...(activity ? { activity } : {}),
        ...(note ? { note } : {}),
      },
    });
  }

  for (const r of read) {
    for (const t of r.dependsOnTitles) {
      const inFile = fileByTitle.get(key(t));
      const stored = existingByTitle.get(key(t));
      if (inFile !== undefined) r.milestone.dependsOn.push(`row:${inFile}`);
      else if (stored) r.milestone.dependsOn.push(stored.id);
      else add(r.row.row, 'afhænger af', `«${t}» er hverken en milepæl i filen eller i delaftalens plan. Skriv titlen, som den står.`);
    }
  }
  if (problems.length > 0) return { milestones: [], problems: problems.sort((a, b) => a.row - b.row) };

  // The plan as it would be: the problems of the rows, named where they arise, and none of those the plan had before.
  const before = new Set(validateMilestonePlan(context.existing).map((p) => p.message));
  const rowOf = new Map(read.map((r) => [r.milestone.id, r.row.row]));
  for (const p of validateMilestonePlan([...context.existing, ...read.map((r) => r.milestone)])) {
    if (before.has(p.message)) continue;
    const row = rowOf.get(p.milestoneId) ?? header.row;
    // A problem the new rows cause on a stored milestone is still the file's: it is named by the stored one's title.
    problems.push({ row, column: FIELD_COLUMN[p.field], message: p.message });
  }
  if (problems.length > 0) return { milestones: [], problems: problems.sort((a, b) => a.row - b.row) };
  return { milestones: read.map((r) => ({ row: r.row.row, milestone: r.milestone })), problems: [] };
}
