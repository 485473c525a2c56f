/**
 * The rows of an enrolment spreadsheet: its columns, how a row becomes an enrolment, and what is wrong with it, in
 * Danish by column. Pure: the plan's activities come from the caller; participants, scope and target groups are the
 * service's. The template is built from the same column list.
 */
import { headerKey } from '../monitoring/import/measurement-rows.js';
import { isError, parseDate } from '../monitoring/periods.js';
import type { SheetRow } from '../monitoring/import/spreadsheet.js';
import { csvText, writeXlsx } from '../monitoring/import/templates.js';
import { enrolmentProblems, type EnrolmentField, type EnrolmentInput } from './enrolment-rules.js';

export type EnrolmentColumn = 'deltagerkode' | 'aktivitet' | 'start' | 'slut' | 'status' | 'henvist_fra' | 'begrundelse';

export interface EnrolmentColumnSpec {
  key: EnrolmentColumn;
  required: boolean;
  aliases: string[];
  guide: string;
}

/** The columns, in the template's order. */
export const ENROLMENT_COLUMNS: readonly EnrolmentColumnSpec[] = [
  { key: 'deltagerkode', required: true, aliases: ['kode', 'deltager', 'deltager kode'], guide: 'Deltagerens kode, fx P-7K3P9Q2M-X. Deltageren skal være registreret i Helhed.' },
  { key: 'aktivitet', required: true, aliases: [], guide: 'Aktivitetens navn eller kode, fx Brandkadet eller brandkadet.' },
  { key: 'start', required: true, aliases: ['startdato', 'start dato', 'fra'], guide: 'Startdato, fx 01-09-2025 eller 2025-09-01.' },
  { key: 'slut', required: false, aliases: ['slutdato', 'slut dato', 'til'], guide: 'Slutdato, kun når tilmeldingen er afsluttet eller afbrudt.' },
  { key: 'status', required: false, aliases: [], guide: 'aktiv, venteliste, afsluttet eller afbrudt. Tom: aktiv (afsluttet, hvis der er en slutdato).' },
  { key: 'henvist_fra', required: false, aliases: ['henvist fra', 'henvisning', 'henvist af'], guide: 'Tom eller «selv»: kom selv. En aktivitets navn: henvist derfra. Andet: navnet på den partner, der henviste.' },
  { key: 'begrundelse', required: false, aliases: ['tilsidesaettelse', 'begrundelse for tilmelding', 'malgruppe begrundelse'], guide: 'Kun hvis deltageren ikke passer til målgruppen (fx alderen): hvorfor deltageren alligevel tilmeldes.' },
];

/** One row read: the participant code as written and the enrolment, or the row's problems. */
export type EnrolmentRowResult =
  | { kind: 'ok'; row: number; code: string; input: EnrolmentInput }
  | { kind: 'problems'; problems: RowProblem[] }
  | { kind: 'blank' };

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** Which column each field of an enrolment is reported under. */
export const FIELD_COLUMNS: Record<EnrolmentField, EnrolmentColumn> = {
  activity: 'aktivitet', startDate: 'start', endDate: 'slut', status: 'status', referralKind: 'henvist_fra', referredFromActivity: 'henvist_fra', referredBy: 'henvist_fra', overrideReason: 'begrundelse',
};

const ALIASES = ENROLMENT_COLUMNS.flatMap((c) => [c.key, c.key.replace('_', ' '), ...c.aliases].map((a) => ({ alias: headerKey(a), column: c.key })));

export interface EnrolmentRowReader {
  headerProblems: RowProblem[];
  readable: boolean;
  read(row: SheetRow): EnrolmentRowResult;
}

/**
 * A reader for a file's rows, set up from its header: columns found by name in any order (Danish letters, case and
 * spacing forgiven), required ones missing or unknown ones reported once.
 *
 * @param activities the plan's activities, slug and name
 */
export function createEnrolmentRowReader(header: SheetRow, activities: readonly { slug: string; name: string }[]): EnrolmentRowReader {
  const positions = new Map<EnrolmentColumn, number>();
  const headerProblems: RowProblem[] = [];
  header.cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const key = headerKey(cell);
    const found = ALIASES.find((a) => a.alias === key);
    if (!found) headerProblems.push({ row: header.row, column: cell.trim(), message: `Kolonnen «${cell.trim()}» kendes ikke. Brug skabelonens kolonner: ${ENROLMENT_COLUMNS.map((c) => c.key).join(', ')}.` });
    else if (positions.has(found.column)) headerProblems.push({ row: header.row, column: found.column, message: `Kolonnen ${found.column} står to gange.` });
    else positions.set(found.column, index);
  });
  for (const c of ENROLMENT_COLUMNS) {
    if (c.required && !positions.has(c.key)) headerProblems.push({ row: header.row, column: c.key, message: `Kolonnen ${c.key} mangler. ${c.guide}` });
  }
  const byName = new Map<string, string>();
  for (const a of activities) {
    byName.set(headerKey(a.slug), a.slug);
    byName.set(headerKey(a.name), a.slug);
  }
  const names = new Map(activities.map((a) => [a.slug, a.name]));
  const cell = (row: SheetRow, column: EnrolmentColumn): string => {
    const at = positions.get(column);
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  };
  const activityOf = (text: string): string | null => byName.get(headerKey(text)) ?? null;

  return {
    headerProblems,
    readable: headerProblems.every((p) => !ENROLMENT_COLUMNS.some((c) => c.required && c.key === p.column && p.message.includes('mangler'))),
    read(row) {
      if (row.cells.every((c) => c.trim() === '')) return { kind: 'blank' };
      const problems: RowProblem[] = [];
      const problem = (column: EnrolmentColumn, message: string) => problems.push({ row: row.row, column, message });
      const code = cell(row, 'deltagerkode');
      if (code === '') problem('deltagerkode', 'Deltagerkoden mangler.');

      const activityText = cell(row, 'aktivitet');
      const activity = activityOf(activityText);
      if (activityText !== '' && !activity) problem('aktivitet', `Aktiviteten «${activityText}» findes ikke i planen.`);

      const date = (column: 'start' | 'slut'): string => {
        const text = cell(row, column);
        if (text === '') return '';
        const parsed = parseDate(text);
        if (isError(parsed)) {
          problem(column, parsed.error);
          return 'ugyldig';
        }
        return parsed;
      };
      const startDate = date('start');
      const endDate = date('slut');
      const statusText = cell(row, 'status').toLowerCase();
      const status = statusText === '' ? (endDate === '' ? 'aktiv' : 'afsluttet') : statusText;

      const from = cell(row, 'henvist_fra');
      const fromActivity = from === '' ? null : activityOf(from);
      const selfWords = new Set(['selv', 'kom selv', 'egen henvendelse']);
      const input: EnrolmentInput = {
        activity: activity ?? '',
        startDate,
        endDate,
        status,
        referralKind: from === '' || selfWords.has(from.toLowerCase()) ? 'selv' : fromActivity ? 'aktivitet' : 'partner',
        referredFromActivity: fromActivity ?? '',
        referredBy: fromActivity ? '' : from,
        overrideReason: cell(row, 'begrundelse'),
      };
      const reported = new Set(problems.map((p) => p.column));
      for (const p of enrolmentProblems(input, names)) {
        const column = FIELD_COLUMNS[p.field as EnrolmentField];
        // A cell already reported (an unknown activity, an unreadable date) is not reported again as missing.
        if (!reported.has(column)) problem(column, p.message);
      }
      if (problems.length > 0) return { kind: 'problems', problems };
      return { kind: 'ok', row: row.row, code, input };
    },
  };
}

const TEMPLATE_ROWS = [
  ['P-XXXXXXXX-X', 'Brandkadet', '01-09-2025', '', 'aktiv', 'Trivsel i skolen', ''],
  ['P-XXXXXXXX-X', 'Trivsel i skolen', '15-08-2025', '20-12-2025', 'afsluttet', 'Nørrevangsskolen', ''],
];

/** The template as CSV: the header and two example rows to overwrite. */
export function enrolmentTemplateCsv(): string {
  return csvText(
    ENROLMENT_COLUMNS.map((c) => c.key),
    TEMPLATE_ROWS,
  );
}

/** The template as XLSX: the sheet `Tilmeldinger` to fill in (every column as text) and `Vejledning` explaining it. */
export function enrolmentTemplateXlsx(activities: readonly { name: string }[]): Promise<Buffer> {
  return writeXlsx([
    { name: 'Tilmeldinger', header: ENROLMENT_COLUMNS.map((c) => c.key), rows: TEMPLATE_ROWS, columns: ENROLMENT_COLUMNS.map(() => ({ text: true, width: 22 })) },
    {
      name: 'Vejledning',
      header: ['Kolonne', 'Skal udfyldes', 'Indhold'],
      rows: [...ENROLMENT_COLUMNS.map((c) => [c.key, c.required ? 'Ja' : 'Nej', c.guide]), ['', '', ''], ['Aktiviteter', '', activities.map((a) => a.name).join('; ')]],
      columns: [{ width: 16 }, { width: 14 }, { width: 90 }],
    },
  ]);
}
