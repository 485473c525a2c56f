/**
 * School terms (skolehalvår) and the cohort windows counted in them. A school year runs 1 August – 31 July and has two
 * terms: 1 August – 31 January and 1 February – 31 July. A cohort window is a term counted from the term in which a
 * participant's enrolment started: -1 the term before, 0 the term of the start, 1 the first term after it. Pure.
 */

/** A term as a number that counts terms: school year starting in `year`, term 1 → year × 2, term 2 → year × 2 + 1. */
export type TermIndex = number;

export interface OutcomePeriod {
  /** First day, ISO date, inclusive. */
  start: string;
  /** Last day, ISO date, inclusive. */
  end: string;
  /** As shown, e.g. `1. skolehalvår 2024/25`, `2024/25`, `marts 2025`, `15-03-2025`. */
  label: string;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The term an ISO date falls in. */
export function termOf(isoDate: string): TermIndex {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (month >= 8) return year * 2;
  if (month === 1) return (year - 1) * 2;
  return (year - 1) * 2 + 1;
}

/** The term's days and its Danish label. */
export function termPeriod(term: TermIndex): OutcomePeriod {
  const startYear = Math.floor(term / 2);
  const first = term % 2 === 0;
  const years = `${startYear}/${pad2((startYear + 1) % 100)}`;
  return first
    ? { start: `${startYear}-08-01`, end: `${startYear + 1}-01-31`, label: `1. skolehalvår ${years}` }
    : { start: `${startYear + 1}-02-01`, end: `${startYear + 1}-07-31`, label: `2. skolehalvår ${years}` };
}

/** The school year (1 August – 31 July) that starts in `startYear`. */
export function schoolYear(startYear: number): OutcomePeriod {
  return { start: `${startYear}-08-01`, end: `${startYear + 1}-07-31`, label: `${startYear}/${pad2((startYear + 1) % 100)}` };
}

const TERM_FIRST = /^([12])\.? ?(?:skole)?halv(?:å|aa|a)r(?:et)? (?:i |af )?(?:skole(?:å|aa|a)ret )?(\d{4}) ?[/-] ?(\d{2}|\d{4})$/;
const TERM_LAST = /^(?:skole(?:å|aa|a)ret )?(\d{4}) ?[/-] ?(\d{2}|\d{4}),? ?-? ?([12])\.? ?(?:(?:skole)?halv(?:å|aa|a)r(?:et)?)?$/;
const SEASON = /^(efter(?:å|aa|a)r|for(?:å|aa|a)r)(?:et)? (\d{4})$/;

/**
 * Reads a term as people write it: `1. skolehalvår 2024/25`, `2. halvår 2024/25`, `2024/25 1. halvår`, `2024/25-2`,
 * `efterår 2024` (= 1. skolehalvår 2024/25), `forår 2025` (= 2. skolehalvår 2024/25). Returns the term or a Danish
 * message.
 */
export function parseTerm(text: string): TermIndex | { error: string } {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const example = 'Skriv fx «1. skolehalvår 2024/25» (1. august – 31. januar) eller «2. skolehalvår 2024/25» (1. februar – 31. juli).';
  if (s === '') return { error: `Perioden mangler. ${example}` };
  let first: number | null = null;
  let second = '';
  let half = 0;
  let m = TERM_FIRST.exec(s);
  if (m) [first, second, half] = [Number(m[2]), m[3]!, Number(m[1])];
  else if ((m = TERM_LAST.exec(s))) [first, second, half] = [Number(m[1]), m[2]!, Number(m[3])];
  else if ((m = SEASON.exec(s))) {
    const year = Number(m[2]);
    const autumn = m[1]!.startsWith('efter');
    const term = autumn ? year * 2 : (year - 1) * 2 + 1;
    return yearOk(year) ? term : { error: `Perioden "${text.trim()}" ligger uden for årene 1990-2100.` };
  }
  if (first === null) return { error: `Perioden "${text.trim()}" er ikke et skolehalvår. ${example}` };
  const next = second.length === 2 ? Math.floor(first / 100) * 100 + Number(second) + (Number(second) < first % 100 ? 100 : 0) : Number(second);
  if (next !== first + 1) return { error: `Perioden "${text.trim()}" kan ikke læses: et skoleår går over to år i træk, fx 2024/25.` };
  if (!yearOk(first)) return { error: `Perioden "${text.trim()}" ligger uden for årene 1990-2100.` };
  return first * 2 + (half - 1);
}

const yearOk = (year: number) => year >= 1990 && year < 2100;

/** The most windows a cohort view shows, and how far from the start they may reach. */
export const MAX_WINDOWS = 6;
export const WINDOW_RANGE = { min: -6, max: 8 } as const;
/** The term before the start and the two terms after it, as the example. */
export const DEFAULT_WINDOWS: readonly number[] = [-1, 1, 2];

/** A window in Danish: «Skolehalvåret før start», «1. skolehalvår efter start» … */
export function windowLabel(offset: number): string {
  if (offset === 0) return 'Skolehalvåret med start';
  if (offset === -1) return 'Skolehalvåret før start';
  if (offset < 0) return `${-offset}. skolehalvår før start`;
  return `${offset}. skolehalvår efter start`;
}

/**
 * Reads the windows of a cohort view from a list such as `-1,1,2` (or a list of separate values): whole numbers from
 * -6 to 8, at most six, each once; returned sorted. An empty list gives the default windows.
 */
export function parseWindows(input: string | readonly string[] | undefined): number[] | { error: string } {
  const parts = (typeof input === 'string' ? [input] : input ?? []).flatMap((p) => p.split(/[,;\s]+/)).map((p) => p.trim().replace('−', '-')).filter(Boolean);
  if (parts.length === 0) return [...DEFAULT_WINDOWS];
  const offsets = new Set<number>();
  for (const p of parts) {
    if (!/^[-+]?\d+$/.test(p)) return { error: `"${p}" er ikke et helt tal. Skriv vinduerne som skolehalvår fra start, fx -1,1,2.` };
    const n = Number(p);
    if (n < WINDOW_RANGE.min || n > WINDOW_RANGE.max) return { error: `Vinduet ${n} ligger for langt fra start: vælg mellem ${WINDOW_RANGE.min} og ${WINDOW_RANGE.max} skolehalvår.` };
    offsets.add(n);
  }
  if (offsets.size > MAX_WINDOWS) return { error: `Vælg højst ${MAX_WINDOWS} vinduer.` };
  return [...offsets].sort((a, b) => a - b);
}

/** Days two inclusive ISO ranges share (0 when they do not meet). */
export function overlapDays(a: { start: string; end: string }, b: { start: string; end: string }): number {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  if (end < start) return 0;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}
