/**
 * Reading a spreadsheet of actuals (linje; måned; beløb; note), with no I/O: the header is matched to the columns, and
 * each row is read and checked against the budget and the plan period, so that every problem of the file is named by
 * row and column at once. Files of actuals are small (a line a month: a few hundred rows a year), so the rows are read
 * whole; the streaming readers of `src/monitoring/import/` open the file.
 */
import type { ImportProblem } from '../../activities/import/attendance-rows.js';
import type { SheetRow } from '../../monitoring/import/spreadsheet.js';
import { planYearOf } from '../../activities/output-targets.js';
import { lineKey, parseKroner, parseMonth } from '../economy.js';

export type { ImportProblem };

/** The columns of the actuals template, as written in its header. */
export const ACTUAL_COLUMNS = ['linje', 'måned', 'beløb', 'note'] as const;
type Column = (typeof ACTUAL_COLUMNS)[number];

const HEADER_WORDS: Record<string, Column> = {
  linje: 'linje',
  budgetlinje: 'linje',
  konto: 'linje',
  måned: 'måned',
  maaned: 'måned',
  maned: 'måned',
  periode: 'måned',
  beløb: 'beløb',
  beloeb: 'beløb',
  belob: 'beløb',
  'beløb kr': 'beløb',
  forbrug: 'beløb',
  note: 'note',
  bemærkning: 'note',
  tekst: 'note',
};

function headerWord(cell: string): Column | undefined {
  return HEADER_WORDS[cell.trim().toLocaleLowerCase('da-DK').replace(/[.:()]/g, '').replace(/\s+/g, ' ')];
}

/** What an imported row says, resolved to the budget's own spelling of the line. */
export interface ActualLine {
  row: number;
  line: string;
  month: string;
  amountOre: number;
  note: string | null;
}

/** What the rows are checked against: the budget lines of each plan year, the plan period and today. */
export interface ActualsContext {
  budgetLines: readonly { planYear: string; line: string }[];
  periodStart: string;
  periodEnd: string;
  today: string;
  /** The decimal separator of the file's numbers (from `openSpreadsheet`). */
  decimal: ',' | '.';
}

/** The longest note kept with an actual. */
export const MAX_NOTE_LENGTH = 500;

/**
 * Reads every row of a sheet of actuals (the first row is the header) into lines, or into every problem found, by row
 * and column. Blank rows are skipped. A file with any problem gives no lines to store.
 */
export function readActuals(rows: readonly SheetRow[], context: ActualsContext): { lines: ActualLine[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = rows[0];
  if (!header) return { lines: [], problems: [{ row: 1, column: '', message: 'Filen er tom. Den første række skal være kolonneoverskrifterne: linje; måned; beløb; note.' }] };
  const at: Partial<Record<Column, number>> = {};
  header.cells.forEach((cell, i) => {
    const column = headerWord(cell);
    if (!column) return;
    if (at[column] !== undefined) problems.push({ row: header.row, column: cell.trim(), message: `Kolonnen «${column}» står to gange i overskriften.` });
    else at[column] = i;
  });
  for (const column of ['linje', 'måned', 'beløb'] as const) {
    if (at[column] === undefined) problems.push({ row: header.row, column, message: `Overskriften mangler kolonnen «${column}». Brug skabelonens overskrifter: linje; måned; beløb; note.` });
  }
  if (problems.length > 0) return { lines: [], problems };

  const linesOfYear = new Map<string, Map<string, string>>();
  for (const b of context.budgetLines) {
    let lines = linesOfYear.get(b.planYear);
    if (!lines) linesOfYear.set(b.planYear, (lines = new Map()));
    lines.set(lineKey(b.line), b.line);
  }
  const firstRow = new Map<string, number>();
  const lines: ActualLine[] = [];
  const cell = (row: SheetRow, column: Column) => (at[column] === undefined ? '' : (row.cells[at[column]!] ?? '').trim());

  for (const row of rows.slice(1)) {
    const text = { linje: cell(row, 'linje'), måned: cell(row, 'måned'), beløb: cell(row, 'beløb'), note: cell(row, 'note') };
    if (Object.values(text).every((v) => v === '')) continue;
    const before = problems.length;
    const problem = (column: Column, message: string) => problems.push({ row: row.row, column, message });

    const month = parseMonth(text.måned);
    if (text.måned === '') problem('måned', 'Måneden mangler. Skriv fx 2025-09.');
    else if (!month) problem('måned', `«${text.måned}» er ikke en måned. Skriv fx 2025-09.`);
    else if (`${month}-31` < context.periodStart || `${month}-01` > context.periodEnd) problem('måned', `${text.måned} ligger uden for planperioden (${context.periodStart.slice(0, 7)} – ${context.periodEnd.slice(0, 7)}).`);
    else if (`${month}-01` > context.today) problem('måned', `${text.måned} er ikke begyndt endnu. Der kan kun registreres forbrug for måneder, der er begyndt.`);

    let line: string | null = null;
    if (text.linje === '') problem('linje', 'Linjen mangler. Skriv budgetlinjens navn, som det står i budgettet.');
    else if (month && problems.length === before) {
      const year = planYearOf(`${month}-01`).label;
      const known = linesOfYear.get(year);
      line = known?.get(lineKey(text.linje)) ?? null;
      if (line === null) {
        const names = known ? [...known.values()].join(', ') : '';
        problem('linje', names ? `Linjen «${text.linje}» findes ikke i budgettet for ${year}. Budgettets linjer: ${names}.` : `Der er intet budget for ${year}, så linjen «${text.linje}» findes ikke. Læg budgettet ind først.`);
      }
    }

    const amount = parseKroner(text.beløb, { negative: true, decimal: context.decimal });
    if (typeof amount !== 'number') problem('beløb', text.beløb === '' ? 'Beløbet mangler.' : amount.error);
    if (text.note.length > MAX_NOTE_LENGTH) problem('note', `Noten må højst være ${MAX_NOTE_LENGTH} tegn.`);

    if (line !== null && month) {
      const key = `${lineKey(line)}\u0001${month}`;
      const first = firstRow.get(key);
      if (first !== undefined) problem('måned', `Samme linje og måned som række ${first}. Hver linje må kun stå én gang pr. måned.`);
      else firstRow.set(key, row.row);
    }
    if (problems.length === before && line !== null && month && typeof amount === 'number') {
      lines.push({ row: row.row, line, month, amountOre: amount, note: text.note || null });
    }
  }
  return { lines: problems.length > 0 ? [] : lines, problems };
}
