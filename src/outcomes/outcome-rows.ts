/**
 * The rules for one row of an outcome spreadsheet (deltagerkode;mål;periode;værdi;kilde): which columns there are and
 * what is wrong with a row, by row and column, in Danish for the person who filled it in. Pure: whether a participant
 * code is one of the user's participants is the service's question, asked once for the whole file.
 */
import type { ImportProblem } from '../monitoring/measurement.js';
import type { SheetRow } from '../monitoring/import/spreadsheet.js';
import { findMeasure, parseOutcomePeriod, parseOutcomeValue, textKey, type OutcomeMeasure, type OutcomeValue } from './outcome-measures.js';
import type { OutcomePeriod } from './terms.js';

export type OutcomeColumn = 'code' | 'measure' | 'period' | 'value' | 'source';

/** The columns of an outcome file, in the template's order, with the header each is reported under. */
export const OUTCOME_COLUMNS: readonly { key: OutcomeColumn; title: string; aliases: readonly string[] }[] = [
  { key: 'code', title: 'deltagerkode', aliases: ['deltager', 'kode', 'deltager kode', 'deltagernummer'] },
  { key: 'measure', title: 'mål', aliases: ['maal', 'udfald', 'udfaldsmaal', 'maaling'] },
  { key: 'period', title: 'periode', aliases: [] },
  { key: 'value', title: 'værdi', aliases: ['vaerdi', 'resultat'] },
  { key: 'source', title: 'kilde', aliases: ['datakilde'] },
];

/** The header line of the template. */
export const OUTCOME_HEADER = OUTCOME_COLUMNS.map((c) => c.title).join(';');

export const SOURCE_MAX_LENGTH = 300;

/** One readable row of an outcome file: whom, what, when, the value and where it comes from. */
export interface OutcomeInput {
  row: number;
  code: string;
  measure: OutcomeMeasure;
  period: OutcomePeriod;
  value: OutcomeValue;
  source: string;
}

export type RowResult = { kind: 'ok'; input: OutcomeInput } | { kind: 'problems'; problems: ImportProblem[] } | { kind: 'empty' };

export interface OutcomeRowReader {
  headerProblems: ImportProblem[];
  readable: boolean;
  read(row: SheetRow): RowResult;
}

/** A participant code as typed, in the form codes are stored: upper case, no spaces. */
export function normaliseCode(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, '');
}

/** Reads the header row and returns a reader for the rows after it. */
export function createOutcomeRowReader(header: SheetRow, options: { today: string; decimal: ',' | '.' }): OutcomeRowReader {
  const positions = new Map<OutcomeColumn, number>();
  header.cells.forEach((cell, i) => {
    const key = textKey(cell);
    const column = OUTCOME_COLUMNS.find((c) => textKey(c.title) === key || c.aliases.some((a) => textKey(a) === key));
    if (column && !positions.has(column.key)) positions.set(column.key, i);
  });
  const missing = OUTCOME_COLUMNS.filter((c) => !positions.has(c.key));
  const headerProblems: ImportProblem[] = missing.map((c) => ({
    row: header.row,
    column: c.title,
    message: `Kolonnen «${c.title}» mangler i første række. Overskrifterne skal være: ${OUTCOME_HEADER}.`,
  }));
  const readable = missing.length === 0;
  const cell = (row: SheetRow, key: OutcomeColumn) => (row.cells[positions.get(key)!] ?? '').trim();

  return {
    headerProblems,
    readable,
    read(row) {
      const texts = OUTCOME_COLUMNS.map((c) => cell(row, c.key));
      if (texts.every((t) => t === '')) return { kind: 'empty' };
      const problems: ImportProblem[] = [];
      const problem = (column: OutcomeColumn, message: string) => problems.push({ row: row.row, column: OUTCOME_COLUMNS.find((c) => c.key === column)!.title, message });

      const code = normaliseCode(cell(row, 'code'));
      if (code === '') problem('code', 'Deltagerkoden mangler.');
      else if (code.length > 40) problem('code', 'Deltagerkoden er for lang; den har højst 40 tegn.');

      const measure = findMeasure(cell(row, 'measure'));
      let period: OutcomePeriod | null = null;
      let value: OutcomeValue | null = null;
      if ('error' in measure) problem('measure', measure.error);
      else {
        const p = parseOutcomePeriod(measure, cell(row, 'period'), options.today);
        if ('error' in p) problem('period', p.error);
        else period = p;
        const v = parseOutcomeValue(measure, cell(row, 'value'), options.decimal);
        if ('error' in v) problem('value', v.error);
        else value = v;
      }

      const source = cell(row, 'source');
      if (source === '') problem('source', 'Skriv kilden: hvor værdien kommer fra, fx skolens fraværsregistrering.');
      else if (source.length > SOURCE_MAX_LENGTH) problem('source', `Kilden må højst være ${SOURCE_MAX_LENGTH} tegn.`);

      if (problems.length > 0 || 'error' in measure || !period || !value) return { kind: 'problems', problems };
      return { kind: 'ok', input: { row: row.row, code, measure, period, value, source } };
    },
  };
}

/** The key that makes a value one of a kind: the same person, measure and period may stand only once. */
export function outcomeKey(participant: string, measure: string, period: { start: string; end: string }): string {
  return `${participant}\u0000${measure}\u0000${period.start}\u0000${period.end}`;
}
