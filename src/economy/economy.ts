/**
 * The economy's arithmetic (issue 6, item 7), pure and exact: amounts are whole øre (integers), so sums never drift;
 * shares of a total are split in whole øre (or tenths of a per cent) by the largest remainder, so the parts always add
 * up to the whole. The plan text states no amounts: the board answers for the economy following LBF's grant (plan line
 * 3233), economy follow-up is a fixed item of the board's agenda (line 3259), and staff hours follow the budget (line
 * 3352). Every amount is therefore entered by the secretariat.
 *
 * The budget of a plan year (1 August – 31 July) is spread evenly over its twelve months, as staff hours are
 * (`staff-hours.ts`): «expected by now» is the budget pro rata over the months that have ended by the clock.
 */
import { parseNumber } from '../monitoring/import/numbers.js';

/**
 * A line is flagged when what it has spent is more than this share above or below what an even pace through the year
 * would have spent by now. The same 10 % as staff hours' «bagud» (`SHORTFALL_TOLERANCE_PERCENT`): a month's invoice
 * paid early or late moves a line by about 8 % of its year, which is not worth the board's attention; a pace a tenth
 * off is, since it will not even out by itself.
 */
export const DEVIATION_TOLERANCE_PERCENT = 10;

/**
 * The largest amount accepted anywhere, 100 mia. kr. in øre: far above any plan's economy, and small enough that twelve
 * times it is still an exact integer in JavaScript (below 2^53), so pro rata arithmetic never rounds by accident.
 */
export const MAX_AMOUNT_ORE = 10_000_000_000_000;

/** Whole øre of an amount in kroner as Danes write it: «1.234.567,50», «1234567,5», «1.234.568 kr.», «-2.500». */
export function parseKroner(text: string, options: { negative?: boolean; decimal?: ',' | '.' } = {}): number | { error: string } {
  const trimmed = text.trim().replace(/\s*(kr\.?|dkk)$/i, '').trim();
  if (trimmed === '') return { error: 'Skriv et beløb i kroner, fx 1.234.567,50.' };
  const value = parseNumber(trimmed, options.decimal ?? ',');
  if (typeof value !== 'number' || text.includes('%')) return { error: `«${text.trim()}» er ikke et beløb. Skriv kroner, fx 1.234.567,50.` };
  const ore = value * 100;
  const whole = Math.round(ore);
  // A float of at most two decimals times 100 lies within a hair of an integer; a third decimal does not.
  if (Math.abs(ore - whole) > 0.01) return { error: `«${text.trim()}» har mere end to decimaler. Skriv kroner og øre, fx 1.234,50.` };
  if (whole < 0 && !options.negative) return { error: 'Beløbet kan ikke være negativt.' };
  if (Math.abs(whole) > MAX_AMOUNT_ORE) return { error: `Beløbet må højst være ${formatKroner(MAX_AMOUNT_ORE)}.` };
  return whole === 0 ? 0 : whole;
}

const kronerFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const oreFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Whole kroner of an amount in øre, half an øre-krone rounded away from zero (exact for any integer of øre). */
export function wholeKroner(ore: number): number {
  const sign = ore < 0 ? -1 : 1;
  const abs = Math.abs(ore);
  const kroner = Math.floor(abs / 100) + (abs % 100 >= 50 ? 1 : 0);
  return kroner === 0 ? 0 : sign * kroner;
}

/** An amount as the board reads it, in whole kroner: «1.234.568 kr.». */
export function formatKroner(ore: number): string {
  return `${kronerFormat.format(wholeKroner(ore))} kr.`;
}

/** An amount with its øre, as a form shows it back for editing: «1.234.567,50», or «1.234.567» when whole. */
export function formatAmountInput(ore: number): string {
  return ore % 100 === 0 ? kronerFormat.format(ore / 100) : oreFormat.format(ore / 100);
}

/** A per cent with one decimal, Danish: «12,5 %». */
export function formatPercent(value: number): string {
  return `${percentFormat.format(value)} %`;
}

/**
 * Splits `total` (an integer) in proportion to `weights` (non-negative integers) into integers that add up to exactly
 * `total`: each part gets the whole of its exact share, and the units left over go to the largest remainders (the
 * earlier part on a tie). Computed with BigInt, since total × weight can pass 2^53. All weights 0 gives all parts 0
 * (and the total is then not split: there is nothing to split it by).
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const negative = total < 0;
  const whole = BigInt(Math.abs(total));
  const parts = weights.map((w) => (whole * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (whole * BigInt(w)) % sum }));
  let left = whole - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => (negative ? -Number(p) : Number(p)) || 0);
}

/** Each amount's share of their sum in tenths of a per cent (0-1000), adding up to exactly 1000 when the sum is not 0. */
export function sharesPermille(amounts: readonly number[]): number[] {
  return splitByWeights(1000, amounts);
}

/** Budget spread evenly over twelve months: the part of it for the months that have ended (0-12), rounded to the øre. */
export function expectedByNow(budgetOre: number, monthsEnded: number): number {
  if (!Number.isInteger(monthsEnded) || monthsEnded < 0 || monthsEnded > 12) throw new RangeError(`Antal afsluttede måneder skal være 0-12, ikke ${monthsEnded}.`);
  // budget × months is an exact integer below 2^53 (MAX_AMOUNT_ORE × 12), so only the division rounds.
  return splitByWeights(budgetOre, [monthsEnded, 12 - monthsEnded])[0]!;
}

/** «over» when spending runs ahead of the budget's pace, «under» when it lags behind it. */
export type DeviationFlag = 'over' | 'under';

export interface LineAssessment {
  budgetOre: number;
  actualOre: number;
  expectedOre: number;
  /** actual − expected: positive when more has been spent than expected by now. */
  deviationOre: number;
  /** The deviation as a per cent of what was expected, one decimal; null when nothing was expected yet. */
  deviationPercent: number | null;
  flag: DeviationFlag | null;
}

/**
 * A budget line's spending against its pace. Flagged when more than `DEVIATION_TOLERANCE_PERCENT` above or below what
 * was expected by now (compared in whole øre, so exactly 10 % is not flagged). Before a month has ended nothing is
 * expected, and a line is flagged only if it has already spent more than its whole budget; spending on a line without
 * a budget is always «over».
 */
export function assessLine(budgetOre: number, actualOre: number, monthsEnded: number): LineAssessment {
  return assessAgainst(budgetOre, actualOre, expectedByNow(budgetOre, monthsEnded));
}

/**
 * Spending against a given expectation: for a total, whose expectation is the sum of its lines' (each rounded to the
 * øre), so that the table adds up.
 */
export function assessAgainst(budgetOre: number, actualOre: number, expectedOre: number): LineAssessment {
  const deviationOre = actualOre - expectedOre;
  const deviationPercent = expectedOre === 0 ? null : Math.round((deviationOre * 1000) / expectedOre) / 10;
  let flag: DeviationFlag | null = null;
  if (expectedOre === 0) {
    if (actualOre > budgetOre) flag = 'over';
  } else if (deviationOre * 100 > expectedOre * DEVIATION_TOLERANCE_PERCENT) flag = 'over';
  else if (-deviationOre * 100 > expectedOre * DEVIATION_TOLERANCE_PERCENT) flag = 'under';
  return { budgetOre, actualOre, expectedOre, deviationOre, deviationPercent, flag };
}

/** What a flagged line says to the board, in Danish. */
export function deviationText(line: string, a: LineAssessment, yearLabel: string): string {
  const spent = `forbrug ${formatKroner(a.actualOre)}`;
  if (a.budgetOre === 0) return `${line}: ${spent}, men linjen har intet budget i ${yearLabel}.`;
  if (a.expectedOre === 0) return `${line}: ${spent} er allerede over årets budget på ${formatKroner(a.budgetOre)} (${yearLabel}).`;
  const how = a.flag === 'over' ? 'over' : 'under';
  return `${line}: ${spent} er ${formatKroner(Math.abs(a.deviationOre))} (${formatPercent(Math.abs(a.deviationPercent ?? 0))}) ${how} det forventede ${formatKroner(a.expectedOre)} (budget ${formatKroner(a.budgetOre)} for ${yearLabel}).`;
}

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTH_WORDS: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
);
Object.assign(MONTH_WORDS, { okt: 10, mar: 3, may: 5, oct: 10 });

/**
 * A month as spreadsheets write it, as `YYYY-MM`: «2025-09», «09-2025», «9/2025», «september 2025», «sep. 2025», or a
 * date in it («2025-09-30», «30-09-2025»). Null when the text names no month.
 */
export function parseMonth(text: string): string | null {
  const s = text.trim().toLocaleLowerCase('da-DK');
  const ok = (year: number, month: number) => (month >= 1 && month <= 12 && year >= 2000 && year <= 2100 ? `${year}-${String(month).padStart(2, '0')}` : null);
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return ok(Number(m[1]), Number(m[2]));
  m = /^(?:(\d{1,2})[-./])?(\d{1,2})[-./](\d{4})$/.exec(s);
  if (m) return ok(Number(m[3]), Number(m[2]));
  m = /^([a-zæøå]+)\.?\s+(\d{4})$/.exec(s);
  if (m && MONTH_WORDS[m[1]!] !== undefined) return ok(Number(m[2]), MONTH_WORDS[m[1]!]!);
  return null;
}

/** The key a budget line is matched by: case and spacing do not matter («Løn  ungdomsmedarbejder» = «løn ungdomsmedarbejder»). */
export function lineKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');
}
