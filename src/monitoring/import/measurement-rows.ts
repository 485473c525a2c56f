/**
 * The rules for one row of a measurement spreadsheet: which columns there are, how an indicator, a scope, a period,
 * a value and the data-drawn date are written, and what is wrong with a row, in Danish for the person who filled it
 * in. Pure: the indicators, the areas and today's date come from the caller. Everything that can be worked out once
 * per file (column positions, lookups) is, since a file may have a million rows.
 */
import { streetKey } from '../../areas/street-names.js';
import type { IndicatorDefinition, ImportProblem, MeasurementInput, MeasurementScope, Period } from '../measurement.js';
import { danishDate, isError, parseDate, parsePeriod } from '../periods.js';
import { parseNumber } from './numbers.js';
import type { SheetRow } from './spreadsheet.js';

export type ColumnKey = 'indicator' | 'indicatorName' | 'scope' | 'period' | 'value' | 'numerator' | 'denominator' | 'source' | 'drawnOn' | 'note';

export interface ColumnSpec {
  key: ColumnKey;
  /** The header as the template writes it. */
  title: string;
  required: boolean;
  /** Other headers people write for it, compared as headerKey does. */
  aliases: string[];
  /** What the column holds, for the template's guide. */
  guide: string;
}

/** The columns of a measurement file, in the template's order. */
export const MEASUREMENT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'indicator', title: 'Indikator', required: true, aliases: ['indikatorkode', 'indikator kode', 'kode'], guide: 'Indikatorens kode, fx lbf-1a (eller dens fulde navn).' },
  { key: 'indicatorName', title: 'Indikatornavn', required: false, aliases: ['indikator navn'], guide: 'Kun til orientering. Kolonnen læses ikke og må gerne slettes.' },
  { key: 'scope', title: 'Område', required: true, aliases: ['boligområde'], guide: 'Hvem værdien gælder: et boligområde, alle boligområderne, kommunen, regionen, hele landet eller en målgruppe.' },
  { key: 'period', title: 'Periode', required: true, aliases: [], guide: 'Det år, skoleår, planår, halvår, kvartal, den måned eller dato værdien gælder.' },
  { key: 'value', title: 'Værdi', required: true, aliases: [], guide: 'Tallet i indikatorens enhed. En andel skrives i procent, fx 23,5 eller 23,5 %.' },
  { key: 'numerator', title: 'Tæller', required: false, aliases: [], guide: 'Valgfri. For en andel: antallet, andelen er beregnet af (et helt tal).' },
  { key: 'denominator', title: 'Nævner', required: false, aliases: [], guide: 'Valgfri. For en andel: antallet i alt, andelen er beregnet af (et helt tal).' },
  { key: 'source', title: 'Kilde', required: false, aliases: ['datakilde'], guide: 'Valgfri. Hvor tallet kommer fra. Tom: indikatorens faste datakilde.' },
  { key: 'drawnOn', title: 'Dataudtræk', required: true, aliases: ['udtræk', 'udtræksdato', 'dato for dataudtræk', 'dataudtræksdato'], guide: 'Den dag, data blev trukket fra kilden, fx 15-03-2025. Må ikke ligge i fremtiden.' },
  { key: 'note', title: 'Note', required: false, aliases: ['noter', 'bemærkning', 'bemærkninger', 'kommentar'], guide: 'Valgfri. En bemærkning til tallet, højst 1.000 tegn.' },
];

/** The longest note a measurement may carry. */
export const NOTE_MAX_LENGTH = 1000;
/** How far a share may be from 100 × numerator / denominator, in percentage points, before the row is refused. */
export const SHARE_TOLERANCE = 0.05;

const NUMBER_WORDS = [undefined, undefined, 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'];

/** `Alle syv boligområder` for seven areas: how the template and the messages name all of a plan's areas together. */
export function allAreasLabel(areaCount: number): string {
  return `Alle ${NUMBER_WORDS[areaCount] ?? areaCount} boligområder`;
}

/**
 * A header or phrase reduced to compare: lower case, æ/ø/å and their spellings ae/oe/aa (and plain a/o) alike,
 * accents and punctuation gone, single spaces between words.
 */
export function headerKey(text: string): string {
  return phraseKey(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/([a-z])\1+/g, '$1');
}

/** Lower case, accents and punctuation gone, single spaces, å written `a` whether typed å, aa or a. */
function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/aa/g, 'a');
}

/** A group's name as a scope slug, the way the plan writes them: `198 udvalgte boligområder` → `198-udvalgte-boligomraader`. */
export function groupSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const HEADER_ALIASES: { alias: string; column: ColumnSpec }[] = MEASUREMENT_COLUMNS.flatMap((column) =>
  [column.title, ...column.aliases].map((alias) => ({ alias: headerKey(alias), column })),
).sort((a, b) => b.alias.length - a.alias.length);

/** The column a header names: its own words or an alias, also with trailing words such as `Værdi (%)`. */
function columnOf(header: string): ColumnSpec | null {
  const key = headerKey(header);
  for (const { alias, column } of HEADER_ALIASES) if (key === alias || key.startsWith(`${alias} `)) return column;
  return null;
}

// Scopes -----------------------------------------------------------------------------------------------------------

const AREA_SUFFIX = /(omradet|omrade|kvarteret|kvarter)$/;
const ALL_AREAS = /^(?:alle|(?:bolig)?omrader(?:ne)?|(?:alle|de)(?: [a-z0-9]+)? (?:bolig)?omrader(?:ne)?)$/;
const MUNICIPALITY = /^(?:kommune|(?:hele )?kommunen|[a-z0-9]+(?: [a-z0-9]+)? kommune)$/;
const REGION = /^(?:(?:hele )?regionen|region(?: [a-z0-9]+)+)$/;
const COUNTRY = /^(?:(?:hele )?landet|(?:hele )?danmark|(?:pa )?landsplan|landsgennemsnit(?:tet)?)$/;
const GROUP = /^m(?:å|aa|a)lgruppe *[:–-] *(.*)$/i;

type ScopeAnswer = MeasurementScope | { error: string };

/** Resolves the `område` column: areas by slug or name (tolerant of spelling and an `-området` suffix), the fixed words, and `målgruppe: <navn>`. */
function scopeResolver(areas: readonly { slug: string; name: string }[]): (text: string) => ScopeAnswer {
  const byKey = new Map<string, MeasurementScope | null>();
  const add = (key: string, scope: MeasurementScope) => {
    if (key === '') return;
    const had = byKey.get(key);
    // Two areas that read alike are told apart by neither.
    byKey.set(key, had === undefined || had === scope ? scope : null);
  };
  for (const area of areas) {
    for (const text of [area.slug, area.name]) {
      const key = streetKey(text);
      add(key, `area:${area.slug}`);
      add(key.replace(AREA_SUFFIX, ''), `area:${area.slug}`);
    }
  }
  const example = areas[0]?.name ?? 'et boligområdes navn';
  const expected = `Skriv et boligområde (fx ${example}), ${allAreasLabel(areas.length)}, kommunen, regionen, Hele landet eller målgruppe: <navn>.`;

  return (text: string): ScopeAnswer => {
    if (text === '') return { error: `Området mangler. ${expected}` };
    const group = GROUP.exec(text);
    if (group) {
      const slug = groupSlug(group[1]!);
      return slug ? `group:${slug}` : { error: `Skriv målgruppens navn efter "målgruppe:", fx målgruppe: 15-29-årige.` };
    }
    const key = streetKey(text);
    let area = byKey.get(key);
    if (area === undefined) area = byKey.get(key.replace(AREA_SUFFIX, ''));
    if (area === null) return { error: `Området "${text}" passer på flere boligområder. Skriv områdets fulde navn.` };
    if (area !== undefined) return area;
    const phrase = phraseKey(text);
    if (ALL_AREAS.test(phrase)) return 'areas';
    if (MUNICIPALITY.test(phrase)) return 'municipality';
    if (REGION.test(phrase)) return 'region';
    if (COUNTRY.test(phrase)) return 'country';
    return { error: `Ukendt område "${text}". ${expected}` };
  };
}

// Numbers in messages ----------------------------------------------------------------------------------------------

/** A number the Danish way, as many decimals as it has: 1234.5 → `1.234,5`. Kept free of Intl, which is slow to create. */
export function danishNumber(value: number): string {
  const [integer, fraction] = String(Math.abs(value)).split('.') as [string, string | undefined];
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** A share rounded to one decimal for a message. */
function danishShare(value: number): string {
  return danishNumber(Math.round(value * 10) / 10);
}

// The reader -------------------------------------------------------------------------------------------------------

export interface RowReaderContext {
  /** The indicators a file may name, by code. */
  indicators: ReadonlyMap<string, IndicatorDefinition>;
  /** The plan's areas (slug and name). */
  areas: readonly { slug: string; name: string }[];
  /** Today as an ISO date (Europe/Copenhagen); data cannot have been drawn after it. */
  today: string;
  /** The file's decimal separator, as the spreadsheet reader reports it. */
  decimal: ',' | '.';
}

export type RowResult =
  | { kind: 'ok'; input: MeasurementInput }
  | { kind: 'problems'; problems: ImportProblem[] }
  /** `empty`: every cell is empty; `unfilled`: a template row whose value, numerator and denominator are all empty. */
  | { kind: 'skipped'; reason: 'empty' | 'unfilled' };

export interface RowReader {
  /** Problems with the header: unknown, repeated or missing columns. Empty when the header is right. */
  headerProblems: ImportProblem[];
  /** False when a required column is missing: then rows cannot be read, and read() must not be called. */
  readable: boolean;
  /** Reads one data row: a measurement, every problem the row has, or a skipped (empty or unfilled) row. */
  read(row: SheetRow): RowResult;
}

/** A cell's text, trimmed, or '' for a column the file does not have. */
function cellAt(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

/** A bounded memo of answers by cell text, as a file repeats a handful of indicators and scopes. */
function memo<T>(compute: (text: string) => T, size = 1000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let answer = cache.get(text);
    if (answer === undefined) {
      answer = compute(text);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(text, answer);
    }
    return answer;
  };
}

/**
 * Reads the header of a measurement file and returns a reader for its rows. Headers are matched tolerantly (case,
 * spacing, æ/ae, ø/oe, å/aa, trailing words like `Værdi (%)`); problems are reported with the column named as the
 * file names it, or, for a missing column, by its template name.
 */
export function createRowReader(header: SheetRow, context: RowReaderContext): RowReader {
  const headerProblems: ImportProblem[] = [];
  const position = new Map<ColumnKey, number>();
  const titles: string[] = header.cells.map((cell) => cell.trim());
  const expectedHeaders = MEASUREMENT_COLUMNS.filter((c) => c.key !== 'indicatorName').map((c) => c.title).join(', ');
  titles.forEach((title, index) => {
    if (title === '') return;
    const column = columnOf(title);
    if (!column) {
      headerProblems.push({ row: header.row, column: title, message: `Kolonnen "${title}" kendes ikke. Brug overskrifterne fra skabelonen: ${expectedHeaders}.` });
    } else if (position.has(column.key)) {
      headerProblems.push({ row: header.row, column: title, message: `Kolonnen ${column.title} står to gange. Slet den ene.` });
    } else position.set(column.key, index);
  });
  for (const column of MEASUREMENT_COLUMNS) {
    if (column.required && !position.has(column.key)) {
      headerProblems.push({ row: header.row, column: column.title, message: `Kolonnen ${column.title} mangler. Tilføj en kolonne med overskriften ${column.title}.` });
    }
  }
  const readable = MEASUREMENT_COLUMNS.every((c) => !c.required || position.has(c.key));
  const at = (key: ColumnKey) => position.get(key) ?? -1;
  const iIndicator = at('indicator');
  const iScope = at('scope');
  const iPeriod = at('period');
  const iValue = at('value');
  const iNumerator = at('numerator');
  const iDenominator = at('denominator');
  const iSource = at('source');
  const iDrawnOn = at('drawnOn');
  const iNote = at('note');
  const name = (index: number) => titles[index] ?? '';

  const { decimal, today } = context;
  const numberExample = decimal === ',' ? '23,5' : '23.5';
  const byCodeOrName = new Map<string, IndicatorDefinition>();
  for (const definition of context.indicators.values()) byCodeOrName.set(definition.name.trim().replace(/\s+/g, ' ').toLowerCase(), definition);
  for (const definition of context.indicators.values()) byCodeOrName.set(definition.code.toLowerCase(), definition);
  const exampleCode = context.indicators.values().next().value?.code ?? 'lbf-1a';
  const indicatorOf = memo((text: string) => byCodeOrName.get(text.replace(/\s+/g, ' ').toLowerCase()) ?? null);
  const scopeOf = memo(scopeResolver(context.areas));

  /** A whole number ≥ 0 from an optional column: the number, null for an empty cell, or a problem. */
  function wholeNumber(text: string, column: number, noun: string, problems: ImportProblem[], rowNumber: number): number | null {
    if (text === '') return null;
    const value = parseNumber(text, decimal);
    if (typeof value !== 'number') {
      problems.push({ row: rowNumber, column: name(column), message: `${noun} "${text}" er ikke et tal. Skriv et helt tal, fx 120.` });
      return null;
    }
    if (!Number.isInteger(value) || value < 0) {
      problems.push({ row: rowNumber, column: name(column), message: `${noun} skal være et helt tal, 0 eller derover; der står ${text}.` });
      return null;
    }
    return value;
  }

  // Helpers are made here, once per file: tsx names every closure as it is created, which costs per row.
  const add = (problems: ImportProblem[], row: number, column: number, message: string) => {
    problems.push({ row, column: name(column), message });
  };

  function read(row: SheetRow): RowResult {
    if (!readable) throw new Error('createRowReader: the header lacks required columns; check readable before reading rows');
    const cells = row.cells;
    let filled = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const first = cell.charCodeAt(0);
      if ((first > 32 && first < 127) || (cell.length > 0 && cell.trim() !== '')) {
        filled = true;
        break;
      }
    }
    if (!filled) return { kind: 'skipped', reason: 'empty' };
    const valueText = cellAt(cells, iValue);
    const numeratorText = cellAt(cells, iNumerator);
    const denominatorText = cellAt(cells, iDenominator);
    if (valueText === '' && numeratorText === '' && denominatorText === '') return { kind: 'skipped', reason: 'unfilled' };

    const r = row.row;
    const problems: ImportProblem[] = [];

    const indicatorText = cellAt(cells, iIndicator);
    const indicator = indicatorText === '' ? null : indicatorOf(indicatorText);
    if (indicatorText === '') add(problems, r, iIndicator, `Indikatoren mangler. Skriv en kode fra skabelonen, fx ${exampleCode}.`);
    else if (!indicator) add(problems, r, iIndicator, `Ukendt indikator "${indicatorText}". Brug en kode fra skabelonen, fx ${exampleCode}.`);

    const scope = scopeOf(cellAt(cells, iScope));
    if (typeof scope !== 'string') add(problems, r, iScope, scope.error);

    const periodText = cellAt(cells, iPeriod);
    const period: Period | { error: string } = parsePeriod(periodText);
    if (isError(period)) add(problems, r, iPeriod, period.error);

    let value: number | null = null;
    if (valueText === '') add(problems, r, iValue, `Værdien mangler. Skriv tallet, fx ${numberExample}.`);
    else if (indicator?.unit === 'text') add(problems, r, iValue, `Indikatoren ${indicator.code} måles ikke med tal og kan ikke importeres.`);
    else {
      const parsed = parseNumber(valueText, decimal);
      if (typeof parsed !== 'number') add(problems, r, iValue, `Værdien "${valueText}" er ikke et tal. Skriv fx ${numberExample}.`);
      else if (indicator) {
        const percentSign = valueText.endsWith('%');
        switch (indicator.unit) {
          case 'percent':
            if (parsed < 0 || parsed > 100) add(problems, r, iValue, `En andel skal være mellem 0 og 100 %; der står ${valueText}. Skriv andelen i procent, fx ${numberExample}.`);
            else value = parsed;
            break;
          case 'count':
            if (percentSign) add(problems, r, iValue, `Indikatoren ${indicator.code} er et antal, ikke en andel. Skriv tallet uden %.`);
            else if (!Number.isInteger(parsed) || parsed < 0) add(problems, r, iValue, `Indikatoren ${indicator.code} er et antal, så værdien skal være et helt tal, 0 eller derover; der står ${valueText}.`);
            else value = parsed;
            break;
          default:
            if (percentSign) add(problems, r, iValue, `Indikatoren ${indicator.code} måles ikke i procent. Skriv tallet uden %.`);
            else if (parsed < 0) add(problems, r, iValue, `Værdien må ikke være negativ; der står ${valueText}.`);
            else value = parsed;
        }
      }
    }

    const numerator = wholeNumber(numeratorText, iNumerator, 'Tælleren', problems, r);
    const denominator = wholeNumber(denominatorText, iDenominator, 'Nævneren', problems, r);
    if (numerator !== null && denominator !== null) {
      if (numerator > denominator) add(problems, r, iNumerator, `Tælleren ${danishNumber(numerator)} er større end nævneren ${danishNumber(denominator)}.`);
      else if (indicator?.unit === 'percent' && denominator === 0) add(problems, r, iDenominator, 'Nævneren er 0, så andelen kan ikke beregnes. Lad tæller og nævner stå tomme, hvis der ikke er nogen i gruppen.');
      else if (indicator?.unit === 'percent' && value !== null) {
        const computed = (100 * numerator) / denominator;
        if (Math.abs(value - computed) > SHARE_TOLERANCE + 1e-9) {
          add(problems, r, iValue, `Værdien ${danishNumber(value)} passer ikke med ${name(iNumerator)} ${danishNumber(numerator)} og ${name(iDenominator)} ${danishNumber(denominator)}, som giver ${danishShare(computed)} %.`);
        }
      }
    }

    const drawnText = cellAt(cells, iDrawnOn);
    let drawnOn: string | null = null;
    if (drawnText === '') add(problems, r, iDrawnOn, 'Datoen for dataudtrækket mangler. Skriv den dag, data blev trukket, fx 15-03-2025.');
    else {
      const parsed = parseDate(drawnText);
      if (typeof parsed !== 'string') add(problems, r, iDrawnOn, parsed.error);
      else if (parsed > today) add(problems, r, iDrawnOn, `Dataudtrækket ${danishDate(parsed)} ligger efter i dag (${danishDate(today)}).`);
      else if (!isError(period) && parsed < period.start) add(problems, r, iDrawnOn, `Dataudtrækket ${danishDate(parsed)} ligger før perioden ${period.label} begynder (${danishDate(period.start)}).`);
      else drawnOn = parsed;
    }

    const note = cellAt(cells, iNote);
    if (note.length > NOTE_MAX_LENGTH) add(problems, r, iNote, `Noten er ${danishNumber(note.length)} tegn; den må højst være ${danishNumber(NOTE_MAX_LENGTH)} tegn.`);

    if (problems.length > 0 || !indicator || value === null || drawnOn === null || typeof scope !== 'string' || isError(period)) {
      return { kind: 'problems', problems };
    }
    const source = cellAt(cells, iSource);
    return {
      kind: 'ok',
      input: { indicatorCode: indicator.code, scope, period, value, numerator, denominator, source: source || indicator.dataSource, drawnOn, note: note || null },
    };
  }

  return { headerProblems, readable, read };
}
