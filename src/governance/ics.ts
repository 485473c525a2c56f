/**
 * Calendar invitations and the calendar feed of the bodies' meetings (issue 6) as RFC 5545 iCalendar text. Pure: the
 * governance service passes the meetings, the moment the text is made (`dtstamp`) and who is invited; the routes send
 * the text as `text/calendar`.
 *
 * Times are written as Danish wall time with `TZID=Europe/Copenhagen` and a VTIMEZONE carrying the EU rules, so a
 * meeting stays at 14:00 in the members' calendars whatever their own zone. A meeting's end is its start plus its
 * duration in elapsed minutes, so a meeting across a DST change lasts as long as it says.
 */
import { localToInstant, offsetAt, parseIsoDate, TIME_ZONE } from '../time/copenhagen.js';

/** A person on an invitation: the name shown in the calendar and the address replies go to. */
export interface Participant {
  name: string;
  email: string;
}

export interface CalendarEvent {
  /** Stable across changes, so a moved meeting replaces the old one in the calendar, e.g. `meeting-42@helhed`. */
  uid: string;
  /** ISO date, Danish calendar. */
  date: string;
  /** Local time, `HH:MM`. */
  startsAt: string;
  durationMinutes: number;
  summary: string;
  location?: string;
  description?: string;
  /** Raised each time the meeting is moved or cancelled, so calendars take the newer version; 0 when left out. */
  sequence?: number;
  /** `CONFIRMED` when left out. */
  status?: 'CONFIRMED' | 'CANCELLED';
  url?: string;
}

export type CalendarOptions = {
  /** The moment the text is made (DTSTAMP); passed in, so the same input always gives the same text. */
  dtstamp: Date;
} & (
  | { method: 'PUBLISH'; /** The feed's name in the subscriber's calendar (X-WR-CALNAME). */ name: string }
  | {
      /** REQUEST invites; CANCEL withdraws a meeting sent before (RFC 5546 section 3.2.5), its events marked CANCELLED. */
      method: 'REQUEST' | 'CANCEL';
      organizer: Participant;
      attendees: readonly Participant[];
    }
);

const CRLF = '\r\n';
/** RFC 5545 section 3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The zone as the calendar sees it: the EU rules in force since 1996 (Directive 2000/84/EC). */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma, and any line break as `\n`. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets of UTF-8, continuation lines starting with a space
 * (RFC 5545 section 3.1). Splits only between characters, never inside a multi-byte one such as æ, ø or å.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatUtc(instant: Date): string {
  return `${instant.getUTCFullYear()}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`;
}

/**
 * `DTSTART;TZID=Europe/Copenhagen:…` for an instant, or the UTC form in the hour repeated when summer time ends:
 * there a wall time means its first occurrence (RFC 5545 section 3.3.5), which may not be the instant meant.
 */
function dateTimeProperty(name: string, instant: Date): string {
  const wallMs = instant.getTime() + offsetAt(instant.getTime());
  // Copenhagen is at +0100 or +0200; the earliest instant that shows this wall time is how a calendar reads it.
  const readAs = [2 * HOUR_MS, HOUR_MS].map((offset) => wallMs - offset).find((t) => t + offsetAt(t) === wallMs);
  if (readAs !== instant.getTime()) return `${name}:${formatUtc(instant)}`;
  const wall = new Date(wallMs);
  const local = `${wall.getUTCFullYear()}${pad(wall.getUTCMonth() + 1)}${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}${pad(wall.getUTCMinutes())}${pad(wall.getUTCSeconds())}`;
  return `${name};TZID=${TIME_ZONE}:${local}`;
}

/** A parameter value, always quoted; a quoted string cannot hold `"` or control characters (RFC 5545 section 3.2). */
function quoteParam(value: string): string {
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, ' ')}"`;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function participant(role: string, person: Participant, extra: string): string {
  if (!EMAIL.test(person.email)) throw new RangeError(`E-mailadressen «${person.email}» for ${person.name || 'en deltager'} er ikke gyldig.`);
  return `${role};CN=${quoteParam(person.name)}${extra}:mailto:${person.email}`;
}

function validate(event: CalendarEvent): { start: Date; end: Date } {
  const date = parseIsoDate(event.date);
  if (!date) throw new RangeError(`Mødets dato skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, ikke «${event.date}».`);
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(event.startsAt);
  if (!time) throw new RangeError(`Mødets starttidspunkt skal skrives TT:MM, fx 14:00, ikke «${event.startsAt}».`);
  if (!Number.isInteger(event.durationMinutes) || event.durationMinutes <= 0) {
    throw new RangeError(`Mødets varighed skal være et positivt helt antal minutter, ikke ${event.durationMinutes}.`);
  }
  if (event.uid.trim() === '' || /[\s]/.test(event.uid)) throw new RangeError(`Mødets UID skal være udfyldt og uden mellemrum, ikke «${event.uid}».`);
  if (event.sequence !== undefined && (!Number.isInteger(event.sequence) || event.sequence < 0)) {
    throw new RangeError(`Mødets SEQUENCE skal være et helt tal på 0 eller derover, ikke ${event.sequence}.`);
  }
  if (event.url !== undefined && !/^https?:\/\/[^\s]+$/.test(event.url)) throw new RangeError(`Mødets adresse skal være en http- eller https-adresse uden mellemrum, ikke «${event.url}».`);
  const start = localToInstant(date.year, date.month, date.day, Number(time[1]), Number(time[2]));
  return { start, end: new Date(start.getTime() + event.durationMinutes * MINUTE_MS) };
}

/**
 * An iCalendar text of meetings: a feed (`METHOD:PUBLISH`, named for the subscriber's calendar), an invitation
 * (`METHOD:REQUEST`, each event carrying the organizer and the attendees) or its cancellation (`METHOD:CANCEL`, the
 * same people, `STATUS:CANCELLED`). CRLF line endings, folded lines.
 *
 * @throws RangeError with a Danish message when a date, time, duration, UID, sequence, URL or e-mail is invalid
 */
export function calendarFile(events: readonly CalendarEvent[], options: CalendarOptions): string {
  if (Number.isNaN(options.dtstamp.getTime())) throw new RangeError('Tidsstemplet (DTSTAMP) skal være et gyldigt tidspunkt.');
  const dtstamp = formatUtc(options.dtstamp);
  const people: string[] = [];
  if (options.method !== 'PUBLISH') {
    if (options.attendees.length === 0) throw new RangeError('En mødeindkaldelse skal have mindst én deltager.');
    people.push(participant('ORGANIZER', options.organizer, ''));
    for (const attendee of options.attendees) people.push(participant('ATTENDEE', attendee, ';CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE'));
  }

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Helhed//Helhed//DA', 'CALSCALE:GREGORIAN', `METHOD:${options.method}`];
  if (options.method === 'PUBLISH') lines.push(`X-WR-CALNAME:${escapeText(options.name)}`, `X-WR-TIMEZONE:${TIME_ZONE}`);
  lines.push(...VTIMEZONE);
  for (const event of events) {
    const { start, end } = validate(event);
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${dtstamp}`, dateTimeProperty('DTSTART', start), dateTimeProperty('DTEND', end));
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    // A cancellation must say so on the event too, whatever the caller passed: a calendar reads STATUS as well as METHOD.
    const status = options.method === 'CANCEL' ? 'CANCELLED' : (event.status ?? 'CONFIRMED');
    lines.push(`SEQUENCE:${event.sequence ?? 0}`, `STATUS:${status}`, ...people, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
