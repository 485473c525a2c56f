/**
 * Numbers as they stand in Danish and English spreadsheets: `1.234,5` and `1,234.5`, `23,5 %`, `−3` (a typographic
 * minus), thousands written with spaces. Called for several cells of every row of an import, so the common cases (a
 * plain integer, one decimal separator) are answered without building anything.
 */

const PLAIN_INTEGER = /^\d+$/;
const PLAIN_DECIMAL = /^(\d*)[.,](\d+)$/;
const DIGITS = /^\d*$/;
/** An integer part in groups of three, all separated by the same character (a dot, a comma or a space). */
const GROUPED = /^\d{1,3}([.,\s])\d{3}(?:\1\d{3})*$/;

function notANumber(text: string, decimal: ',' | '.'): { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Der står ikke noget tal.' };
  return { error: `"${trimmed}" er ikke et tal. Skriv fx ${decimal === ',' ? '1.234,5' : '1,234.5'}.` };
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Reads a number in a file whose decimal separator is most likely `decimal`. When the text holds both `.` and `,`, the
 * last one is the decimal separator whatever the hint. A single separator other than the hint is a thousands
 * separator when it is followed by groups of exactly three digits (`1.234` is 1234 in a comma file) and a decimal
 * separator otherwise (`23.5` is 23.5 in a comma file). Accepts a trailing `%` (the number is returned as written:
 * `23,5 %` → 23.5), spaces including non-breaking ones, and a leading `-` or `−`. Rejects anything else, such as
 * `12,3,4`, `1e5` and an empty text, with a Danish message.
 */
export function parseNumber(text: string, decimal: ',' | '.'): number | { error: string } {
  let s = text.trim();
  if (PLAIN_INTEGER.test(s)) return Number(s);
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  let negative = false;
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  if (s === '') return notANumber(text, decimal);

  let integer: string;
  let fraction = '';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const plain = PLAIN_DECIMAL.exec(s);
  if (plain && (s[plain[1]!.length] === decimal || plain[2]!.length !== 3 || plain[1] === '' || plain[1] === '0')) {
    // One separator: the hint's decimal, or the other one when what follows cannot be a group of thousands.
    integer = plain[1]!;
    fraction = plain[2]!;
  } else {
    let separator: string | null;
    if (lastDot !== -1 && lastComma !== -1) separator = lastDot > lastComma ? '.' : ',';
    else if (lastDot === -1 && lastComma === -1) separator = null;
    else {
      const only = lastDot !== -1 ? '.' : ',';
      // `1.234.567` or `1,234` in a file of the other kind: thousands. Several of the hint's separator cannot be
      // decimals either, so they are thousands if grouped right (and `12,3,4` is not).
      separator = GROUPED.test(s) ? null : count(s, only) === 1 ? only : null;
    }
    const at = separator === null ? -1 : s.lastIndexOf(separator);
    integer = at === -1 ? s : s.slice(0, at);
    fraction = at === -1 ? '' : s.slice(at + 1);
    if (!DIGITS.test(fraction) || (at !== -1 && fraction === '')) return notANumber(text, decimal);
    if (!DIGITS.test(integer)) {
      const grouped = GROUPED.exec(integer);
      if (!grouped || grouped[1] === separator) return notANumber(text, decimal);
      integer = integer.replace(/[.,\s]/g, '');
    }
  }
  if (integer === '' && fraction === '') return notANumber(text, decimal);
  const value = Number(fraction === '' ? integer : `${integer}.${fraction}`);
  return negative && value !== 0 ? -value : value;
}
