/**
 * What may be registered about a participant and how search text is read. Pure: keeps the service free of parsing,
 * and the same rules serve the form, the API and the import.
 */
import type { FieldError } from '../errors/errors.js';

export const GENDERS = ['kvinde', 'mand', 'andet'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { kvinde: 'Pige/kvinde', mand: 'Dreng/mand', andet: 'Andet' };

/** The oldest birth year accepted: residents of the areas, not historical persons. */
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Reads a birth year and month typed as `2012-05` (also `2012-5`, `05-2012`, `5/2012`) into `YYYY-MM`, refusing a month
 * that has not begun yet.
 *
 * @param thisMonth 'YYYY-MM', the Danish month now
 */
export function parseBirthYearMonth(text: string, thisMonth: string): string | { error: string } {
  const t = text.trim();
  const m = /^(\d{4})-(\d{1,2})$/.exec(t) ?? null;
  const r = m ? null : /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  const year = m ? Number(m[1]) : r ? Number(r[2]) : NaN;
  const month = m ? Number(m[2]) : r ? Number(r[1]) : NaN;
  if (!Number.isInteger(year) || !Number.isInteger(month)) {
    return { error: t === '' ? 'Skriv fødselsår og -måned som ÅÅÅÅ-MM, fx 2012-05.' : `Fødselsår og -måned skal skrives ÅÅÅÅ-MM, fx 2012-05, ikke «${t}».` };
  }
  if (month < 1 || month > 12) return { error: `Måneden skal være fra 01 til 12, ikke ${month}.` };
  if (year < EARLIEST_BIRTH_YEAR) return { error: `Fødselsåret ${year} ligger før ${EARLIEST_BIRTH_YEAR}.` };
  const value = `${year}-${String(month).padStart(2, '0')}`;
  if (value > thisMonth) return { error: `Fødselsmåneden ${value} ligger i fremtiden.` };
  return value;
}

/** A nickname as search compares it: Unicode-normalised, lower case (æ, ø, å included, which SQLite's lower() leaves), single spaces. */
export function nicknameKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();
}

/** Codes are typed by hand: upper case, Crockford's look-alikes (O for 0, I and L for 1) after the `P-`. */
function codePrefix(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s/g, '');
  const m = /^P(-[0-9A-Z]{0,8}(-[0-9A-Z*~$=]?)?)?$/.exec(t);
  if (!m) return null;
  const body = t.slice(2, 10).replace(/O/g, '0').replace(/[IL]/g, '1');
  return `P${t.length > 1 ? '-' : ''}${body}${t.slice(10)}`;
}

export interface ParticipantSearch {
  /** The start of a participant code, upper case (`P-7K3`). */
  codePrefix?: string;
  /** Part of a nickname, as `nicknameKey` writes it. */
  nickname?: string;
  birthYear?: number;
  area?: string;
  activity?: string;
  /** Keyset: the last code of the previous page. */
  after?: string;
}

export interface SearchText {
  q?: string | undefined;
  foedselsaar?: string | undefined;
  omraade?: string | undefined;
  aktivitet?: string | undefined;
  efter?: string | undefined;
}

/**
 * Reads a search as typed. The text field holds a code (it begins `P-`) or part of a nickname; a birth year is four
 * digits; area and activity must be the plan's.
 */
export function parseSearch(text: SearchText, known: { areas: ReadonlySet<string>; activities: ReadonlySet<string> }): { search: ParticipantSearch; errors: FieldError[] } {
  const search: ParticipantSearch = {};
  const errors: FieldError[] = [];
  const q = (text.q ?? '').trim();
  if (q.length > 100) errors.push({ field: 'q', message: 'Søgeteksten må højst være 100 tegn.' });
  else if (q !== '') {
    const prefix = /^p-/i.test(q) ? codePrefix(q) : null;
    if (prefix) search.codePrefix = prefix;
    else if (/^p-/i.test(q)) errors.push({ field: 'q', message: `«${q}» er ikke begyndelsen af en deltagerkode (P-XXXXXXXX-X).` });
    else search.nickname = nicknameKey(q);
  }
  const year = (text.foedselsaar ?? '').trim();
  if (year !== '') {
    if (/^\d{4}$/.test(year)) search.birthYear = Number(year);
    else errors.push({ field: 'foedselsaar', message: `Fødselsåret skal være fire cifre, fx 2012, ikke «${year}».` });
  }
  const area = (text.omraade ?? '').trim();
  if (area !== '') {
    if (known.areas.has(area)) search.area = area;
    else errors.push({ field: 'omraade', message: `Boligområdet «${area}» findes ikke i planen.` });
  }
  const activity = (text.aktivitet ?? '').trim();
  if (activity !== '') {
    if (known.activities.has(activity)) search.activity = activity;
    else errors.push({ field: 'aktivitet', message: `Aktiviteten «${activity}» findes ikke i planen.` });
  }
  const after = (text.efter ?? '').trim();
  if (after !== '') {
    if (/^P-[0-9A-Z]{8}-.$/.test(after)) search.after = after;
    else errors.push({ field: 'efter', message: 'Sidemarkøren er ugyldig; start søgningen forfra.' });
  }
  return { search, errors };
}

/** The first code after every code that begins with the prefix, in byte order: the upper end of a prefix range. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
