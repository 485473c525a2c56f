/**
 * The plan's notation for the house numbers of a street, as PRODUCT.md "Address ranges" defines it:
 * `lige numre` holds the even numbers of a range, `ulige numre` the odd ones, no mark holds every number; a mark in
 * parentheses belongs to the range it follows, a mark before a range to that range; `+ 5` or `, 21` adds single
 * numbers; letters are part of a number (`5A`), and `(a&b, lige numre)` holds 28A, 28B, 30A … of an even range.
 * A number without a letter in a rule also holds its lettered entrances (Husarvej 1-29 holds 5A); a number with a
 * letter holds only itself.
 */

export type Parity = 'even' | 'odd' | 'all';

export interface NumberRule {
  from: number;
  to: number;
  parity: Parity;
  /** Lettered numbers only: the letters allowed (upper case). Empty: the plain number and any letter. */
  letters: string[];
  /** The part of the plan's text this rule was read from, e.g. `13-27 (ulige numre)`. */
  text: string;
}

export class AddressRuleError extends Error {}

type Token =
  | { kind: 'mark'; parity: 'even' | 'odd'; start: number; end: number }
  | { kind: 'number'; value: number; letter: string; start: number; end: number }
  | { kind: 'letters'; letters: string[]; start: number; end: number }
  | { kind: 'dash' | 'open' | 'close' | 'sep'; start: number; end: number };

const TOKEN = /\s*(?:(?<mark>u?lige\s+numre)|(?<num>\d+)\s?(?<letter>[a-zA-Z](?![a-zA-Z]))?|(?<letters>[a-zA-Z](?:\s*&\s*[a-zA-Z])+)(?=\s*[,)])|(?<dash>[-–—])|(?<open>\()|(?<close>\))|(?<sep>,|\+|&|\bog\b))/iy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const m = TOKEN.exec(text);
    if (!m?.groups) throw new AddressRuleError(`Kan ikke læse «${text.slice(position).trim()}» i «${text}»`);
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = TOKEN.lastIndex;
    const g = m.groups;
    if (g.mark) tokens.push({ kind: 'mark', parity: /^ulige/i.test(g.mark) ? 'odd' : 'even', start, end });
    else if (g.num) tokens.push({ kind: 'number', value: Number(g.num), letter: (g.letter ?? '').toUpperCase(), start, end });
    else if (g.letters) tokens.push({ kind: 'letters', letters: g.letters.split('&').map((l) => l.trim().toUpperCase()), start, end });
    else if (g.dash) tokens.push({ kind: 'dash', start, end });
    else if (g.open) tokens.push({ kind: 'open', start, end });
    else if (g.close) tokens.push({ kind: 'close', start, end });
    else tokens.push({ kind: 'sep', start, end });
    position = end;
  }
  return tokens;
}

/** Reads the plan's numbers for one street into rules. Throws AddressRuleError on text it cannot read. */
export function parseNumberRules(numbersText: string): NumberRule[] {
  let text = numbersText.trim();
  // A listing wrapped in one pair of parentheses, e.g. `(lige numre 2-26 + 5)`, is read without them.
  if (text.startsWith('(') && text.endsWith(')') && balancedInside(text.slice(1, -1))) text = text.slice(1, -1);
  const tokens = tokenize(text);
  const rules: NumberRule[] = [];
  let pendingMark: 'even' | 'odd' | null = null;
  let pendingMarkStart = 0;
  let i = 0;
  const peek = () => tokens[i];
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === 'sep') {
      i++;
      continue;
    }
    if (token.kind === 'mark') {
      pendingMark = token.parity;
      pendingMarkStart = token.start;
      i++;
      continue;
    }
    if (token.kind !== 'number') throw new AddressRuleError(`Uventet «${text.slice(token.start, token.end)}» i «${text}»`);
    const first = token;
    let last = first;
    i++;
    if (peek()?.kind === 'dash') {
      const next = tokens[i + 1];
      if (next?.kind !== 'number') throw new AddressRuleError(`Et interval mangler sit sidste nummer i «${text}»`);
      last = next;
      i += 2;
    }
    let parity: Parity = pendingMark ?? 'all';
    const start = pendingMark ? pendingMarkStart : first.start;
    let letters: string[] = [];
    let end = last.end;
    if (peek()?.kind === 'open') {
      i++;
      while (i < tokens.length && peek()!.kind !== 'close') {
        const inner = tokens[i]!;
        if (inner.kind === 'mark') parity = inner.parity;
        else if (inner.kind === 'letters') letters = inner.letters;
        else if (inner.kind !== 'sep') throw new AddressRuleError(`Uventet «${text.slice(inner.start, inner.end)}» i parentes i «${text}»`);
        i++;
      }
      if (peek()?.kind !== 'close') throw new AddressRuleError(`En parentes lukkes ikke i «${text}»`);
      end = peek()!.end;
      i++;
    }
    pendingMark = null;
    if (first.letter || last.letter) {
      if (first !== last) throw new AddressRuleError(`Bogstaver i et interval kan ikke læses i «${text}»`);
      letters = [first.letter];
    }
    const from = first.value;
    const to = last.value;
    if (to < from) throw new AddressRuleError(`Intervallet ${from}-${to} går baglæns i «${text}»`);
    if (parity !== 'all' && (from % 2 === 0) !== (parity === 'even')) {
      throw new AddressRuleError(`Intervallet ${from}-${to} begynder med et nummer af den forkerte paritet i «${text}»`);
    }
    rules.push({ from, to, parity, letters, text: text.slice(start, end).trim() });
  }
  if (rules.length === 0) throw new AddressRuleError(`Ingen husnumre i «${numbersText}»`);
  return rules;
}

function balancedInside(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether a house number (with an optional letter, upper case) is held by a rule. */
export function ruleHolds(rule: NumberRule, number: number, letter: string): boolean {
  if (number < rule.from || number > rule.to) return false;
  if (rule.parity === 'even' && number % 2 !== 0) return false;
  if (rule.parity === 'odd' && number % 2 !== 1) return false;
  if (rule.letters.length > 0) return rule.letters.includes(letter);
  return true;
}
