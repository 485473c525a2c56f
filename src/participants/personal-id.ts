/**
 * How a participant is identified without being named (PRODUCT.md "Personal data"): a pseudonymous code, and, only
 * when a CPR number is entered to match a person across sources, a keyed hash of it. The CPR number itself is never
 * kept; the key lives outside the database (derived from HELHED_SECRET or its key file), so a copy of the database
 * alone cannot be turned back into CPR numbers by trying all of them.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface CprFacts {
  /** The ten digits without separator. */
  digits: string;
  /** The birth date as ISO, with the century read from the seventh digit. */
  birthDate: string;
  /** What the product may keep of it: year and month. */
  birthYearMonth: string;
}

/**
 * Reads a CPR number as typed (`010203-1234`, `0102031234`, with spaces) and checks that it can be one: ten digits
 * and a real date, with the century from the seventh digit (CPR-kontoret's table). The modulus-11 check is not
 * required: numbers issued since 2007 need not pass it.
 */
export function parseCpr(text: string): CprFacts | { error: string } {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return { error: 'Et CPR-nummer har 10 cifre, fx 010203-1234.' };
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  const year = centuryOf(seventh, yy) + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return { error: `CPR-nummeret begynder med en dato, der ikke findes (${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}).` };
  }
  const mm = String(month).padStart(2, '0');
  return { digits, birthDate: `${year}-${mm}-${String(day).padStart(2, '0')}`, birthYearMonth: `${year}-${mm}` };
}

function centuryOf(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The key for CPR hashes, derived from the installation's secret for this one purpose. */
export function cprHashKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'helhed', 'cpr-match-v1', 32));
}

/** The keyed hash kept in place of a CPR number: the same number gives the same hash only under the same key. */
export function hashCpr(cpr: CprFacts, key: Buffer): string {
  return createHmac('sha256', key).update(cpr.digits).digest('hex');
}

// Crockford's base 32: no I, L, O or U, so a code read aloud or typed by hand is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;

/** A new pseudonymous participant code such as `P-7K3P9Q2M-X`: 40 random bits and a check symbol (mod 37). */
export function newParticipantCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(5);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = ALPHABET[Number(value & 31n)]! + body;
    value >>= 5n;
  }
  return `P-${body}-${checkSymbol(body)}`;
}

function checkSymbol(body: string): string {
  let value = 0n;
  for (const ch of body) value = value * 32n + BigInt(ALPHABET.indexOf(ch));
  return CHECK_SYMBOLS[Number(value % 37n)]!;
}

/**
 * Reads a participant code as typed: case and the look-alikes Crockford allows (O for 0, I and L for 1) are forgiven;
 * a mistyped character is caught by the check symbol.
 */
export function parseParticipantCode(text: string): string | { error: string } {
  const cleaned = text.trim().toUpperCase().replace(/\s/g, '');
  const match = /^P-?([0-9A-Z]{8})-?(.)$/.exec(cleaned);
  if (!match) return { error: 'En deltagerkode har formen P-XXXXXXXX-X, fx P-7K3P9Q2M-X.' };
  const body = match[1]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  if ([...body].some((ch) => !ALPHABET.includes(ch))) return { error: `Deltagerkoden «${text.trim()}» indeholder et tegn, som ikke bruges i koder.` };
  if (checkSymbol(body) !== match[2]) return { error: `Deltagerkoden «${text.trim()}» er skrevet forkert: kontroltegnet passer ikke.` };
  return `P-${body}-${match[2]}`;
}
