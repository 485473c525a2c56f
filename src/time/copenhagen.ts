/** Dates in Helhed are Danish dates (Europe/Copenhagen); instants are stored in UTC. */
export const TIME_ZONE = 'Europe/Copenhagen';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The zone's offset from UTC, in milliseconds, at an instant. */
export function offsetAt(instant: number): number {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Parses 'YYYY-MM-DD' strictly (a real calendar date); null otherwise. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant a Danish local wall-clock time occurs (the later one if it is ambiguous, the next valid one if skipped). */
export function localToInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = wall - offsetAt(wall);
  const corrected = wall - offsetAt(guess);
  if (corrected !== guess) guess = corrected;
  return new Date(guess);
}

/** The instant a Danish calendar day starts. */
export function startOfDanishDay(isoDate: string): Date | null {
  const d = parseIsoDate(isoDate);
  return d ? localToInstant(d.year, d.month, d.day) : null;
}

// Built once: Intl formatters are costly to construct. A calendar date is formatted at noon UTC, the same day here.
const longDateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date ('YYYY-MM-DD') in Danish words, «5. maj 2026»; anything that is not such a date is returned as it is. */
export function longDanishDate(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  return d ? longDateFormat.format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12))) : isoDate;
}

/** The Danish calendar date ('YYYY-MM-DD') of an instant. */
export function danishDateOf(instant: Date): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An instant as ISO 8601 with Copenhagen's offset at that instant, to the second: «2026-04-09T23:59:59+02:00». */
export function isoWithOffset(instant: Date): string {
  const offsetMinutes = Math.round(offsetAt(instant.getTime()) / 60_000);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Parses an ISO 8601 instant that states its offset (`Z` or `±HH:MM`), e.g. «2026-03-28T20:30:00+01:00»; null for
 * anything else, including a local time without an offset, which would be ambiguous.
 */
export function parseInstantWithOffset(value: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m || !parseIsoDate(m[1]!)) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[6] !== 'Z' && (Number(m[7]) > 14 || Number(m[8]) > 59)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

// Built once, like the date formatter above.
const dateTimeFormat = new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant in Danish words with weekday and Copenhagen time, «lørdag den 28. marts 2026 kl. 20.30». */
export function danishDateTime(instant: Date | string): string {
  return dateTimeFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}
