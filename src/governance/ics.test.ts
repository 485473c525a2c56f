import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calendarFile, escapeText, foldLine, type CalendarEvent, type CalendarOptions } from './ics.js';
import { offsetAt } from '../time/copenhagen.js';

const DTSTAMP = new Date('2026-11-26T12:00:00Z');
const feed: CalendarOptions = { method: 'PUBLISH', name: 'Helhed – møder', dtstamp: DTSTAMP };
const invitation: CalendarOptions = {
  method: 'REQUEST',
  dtstamp: DTSTAMP,
  organizer: { name: 'Sekretariatet, Randers', email: 'sekretariat@example.dk' },
  attendees: [
    { name: 'Søren Ærø', email: 'soren@example.dk' },
    { name: 'Åse "Formand" Øst', email: 'aase@example.dk' },
  ],
};

function aMeeting(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'meeting-42@helhed',
    date: '2026-05-26',
    startsAt: '14:00',
    durationMinutes: 120,
    summary: 'Bestyrelsesmøde, forår',
    location: 'Boligforeningens mødelokale, Østervold 1',
    description: 'Dagsorden følger.',
    ...overrides,
  };
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  components: Component[];
}

/** Reads iCalendar text back into components; throws when BEGIN and END do not nest. */
function parse(text: string): Component {
  assert.ok(text.endsWith('\r\n'), 'the text ends with CRLF');
  const lines = text.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
  const root: Component = { name: '', properties: [], components: [] };
  const stack: Component[] = [root];
  for (const line of lines) {
    // The value starts at the first colon outside a quoted parameter value.
    let quoted = false;
    let colon = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (line[i] === ':' && !quoted) { colon = i; break; }
    }
    assert.ok(colon > 0, `a content line has a name and a value: ${JSON.stringify(line)}`);
    const [name = '', ...rawParams] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const component: Component = { name: value, properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      assert.equal(value, top.name, `END:${value} closes BEGIN:${top.name}`);
      stack.pop();
    } else {
      const params = Object.fromEntries(rawParams.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
      top.properties.push({ name, params, value });
    }
  }
  assert.equal(stack.length, 1, 'every BEGIN has its END');
  assert.equal(root.components.length, 1);
  return root.components[0]!;
}

const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const props = (c: Component, name: string) => c.properties.filter((p) => p.name === name);
const prop = (c: Component, name: string) => {
  const found = props(c, name);
  assert.equal(found.length, 1, `exactly one ${name} in ${c.name}`);
  return found[0]!;
};
const events = (calendar: Component) => calendar.components.filter((c) => c.name === 'VEVENT');

describe('calendar invitations and the calendar feed (.ics)', () => {
  it('escapes backslash, semicolon, comma and every kind of line break in text values', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('writes a summary with special characters so that reading it back gives the original', () => {
    const summary = 'Møde; budget, status\\noter\nlinje to';
    const calendar = parse(calendarFile([aMeeting({ summary })], feed));
    assert.equal(unescapeText(prop(events(calendar)[0]!, 'SUMMARY').value), summary);
  });

  it('folds long lines to at most 75 octets, never inside æ, ø or å, and unfolds back to the original', () => {
    for (let shift = 0; shift < 3; shift++) {
      const line = `DESCRIPTION:${'x'.repeat(shift)}${'Ærø og Østerå, blåbærgrød på Åbenrå. '.repeat(8)}`;
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      assert.ok(physical.length > 3, 'the line was folded');
      for (const part of physical) {
        assert.ok(Buffer.byteLength(part, 'utf8') <= 75, `${Buffer.byteLength(part, 'utf8')} octets: ${part}`);
        assert.ok(!part.includes('\uFFFD'));
        assert.equal(Buffer.from(part, 'utf8').toString('utf8'), part, 'each physical line is whole UTF-8');
      }
      assert.ok(physical.slice(1).every((p) => p.startsWith(' ')), 'continuation lines start with a space');
      assert.equal(folded.replace(/\r\n /g, ''), line);
    }
  });

  it('keeps every line of a whole file within 75 octets, with long Danish descriptions', () => {
    const description = 'Punkt 1: Godkendelse af referat fra sidste møde i bestyrelsen for helhedsplanen, Ørbæk–Åløkke.\n'.repeat(5);
    const text = calendarFile([aMeeting({ description })], invitation);
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    assert.equal(unescapeText(prop(events(parse(text))[0]!, 'DESCRIPTION').value), description);
  });

  it('ends every line with CRLF and has no bare LF or CR anywhere', () => {
    const text = calendarFile([aMeeting({ description: 'to\nlinjer\r\nog\rtre' }), aMeeting({ uid: 'meeting-43@helhed' })], feed);
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').search(/[\r\n]/), -1);
    assert.ok(text.split('\r\n').length > 30);
  });

  it('writes a feed with the required calendar properties, its name and one VEVENT per meeting with local times', () => {
    const calendar = parse(calendarFile([aMeeting(), aMeeting({ uid: 'meeting-43@helhed', date: '2026-11-24', startsAt: '09:30', durationMinutes: 90 })], feed));
    assert.equal(calendar.name, 'VCALENDAR');
    assert.equal(prop(calendar, 'VERSION').value, '2.0');
    assert.equal(prop(calendar, 'PRODID').value, '-//Helhed//Helhed//DA');
    assert.equal(prop(calendar, 'CALSCALE').value, 'GREGORIAN');
    assert.equal(prop(calendar, 'METHOD').value, 'PUBLISH');
    assert.equal(unescapeText(prop(calendar, 'X-WR-CALNAME').value), 'Helhed – møder');
    const [spring, autumn] = events(calendar);
    assert.equal(events(calendar).length, 2);
    assert.equal(prop(spring!, 'UID').value, 'meeting-42@helhed');
    assert.equal(prop(spring!, 'DTSTAMP').value, '20261126T120000Z');
    assert.deepEqual(prop(spring!, 'DTSTART'), { name: 'DTSTART', params: { TZID: 'Europe/Copenhagen' }, value: '20260526T140000' });
    assert.equal(prop(spring!, 'DTEND').value, '20260526T160000');
    assert.equal(prop(autumn!, 'DTSTART').value, '20261124T093000');
    assert.equal(prop(autumn!, 'DTEND').value, '20261124T110000');
    assert.equal(unescapeText(prop(spring!, 'LOCATION').value), 'Boligforeningens mødelokale, Østervold 1');
    assert.equal(prop(spring!, 'SEQUENCE').value, '0');
    assert.equal(prop(spring!, 'STATUS').value, 'CONFIRMED');
    assert.equal(props(spring!, 'URL').length, 0);
    assert.equal(props(spring!, 'ORGANIZER').length, 0, 'a feed invites no one');
  });

  it('takes DTSTAMP from its argument, so the same input gives the same text', () => {
    const a = calendarFile([aMeeting()], feed);
    const b = calendarFile([aMeeting()], feed);
    assert.equal(a, b);
    assert.notEqual(calendarFile([aMeeting()], { ...feed, dtstamp: new Date('2027-01-01T00:00:00Z') }), a);
  });

  it('times a meeting across the spring DST change by elapsed minutes: 01:30 plus two hours ends at 04:30', () => {
    const calendar = parse(calendarFile([aMeeting({ date: '2026-03-29', startsAt: '01:30', durationMinutes: 120 })], feed));
    const event = events(calendar)[0]!;
    assert.equal(prop(event, 'DTSTART').value, '20260329T013000');
    assert.equal(prop(event, 'DTEND').value, '20260329T043000');
  });

  it('writes a wall time in the hour repeated in autumn as UTC, since a local time there means its first occurrence', () => {
    // 01:30 summer time (23:30 UTC) plus two hours is 02:30 winter time, the second 02:30 of the night.
    const event = events(parse(calendarFile([aMeeting({ date: '2026-10-25', startsAt: '01:30', durationMinutes: 120 })], feed)))[0]!;
    assert.equal(prop(event, 'DTSTART').value, '20261025T013000');
    assert.deepEqual(prop(event, 'DTEND'), { name: 'DTEND', params: {}, value: '20261025T013000Z' });
  });

  it('writes a 14:00 meeting on a DST-change day in local time, at the new offset', () => {
    const event = events(parse(calendarFile([aMeeting({ date: '2026-03-29', startsAt: '14:00', durationMinutes: 60 })], feed)))[0]!;
    assert.equal(prop(event, 'DTSTART').value, '20260329T140000');
    assert.equal(prop(event, 'DTEND').value, '20260329T150000');
  });

  it('carries the organizer and every attendee, by name and e-mail, in each event of an invitation', () => {
    const calendar = parse(calendarFile([aMeeting(), aMeeting({ uid: 'meeting-43@helhed' })], invitation));
    assert.equal(prop(calendar, 'METHOD').value, 'REQUEST');
    assert.equal(props(calendar, 'X-WR-CALNAME').length, 0);
    for (const event of events(calendar)) {
      const organizer = prop(event, 'ORGANIZER');
      assert.equal(organizer.value, 'mailto:sekretariat@example.dk');
      assert.equal(organizer.params.CN, '"Sekretariatet, Randers"');
      const attendees = props(event, 'ATTENDEE');
      assert.deepEqual(attendees.map((a) => a.value), ['mailto:soren@example.dk', 'mailto:aase@example.dk']);
      assert.deepEqual(attendees.map((a) => a.params.CN), ['"Søren Ærø"', '"Åse  Formand  Øst"']);
      for (const attendee of attendees) assert.equal(attendee.params.RSVP, 'TRUE');
    }
  });

  it('rejects an invitation without attendees and an attendee without a valid e-mail address', () => {
    assert.throws(() => calendarFile([aMeeting()], { ...invitation, attendees: [] }), { name: 'RangeError', message: /mindst én deltager/ });
    assert.throws(() => calendarFile([aMeeting()], { ...invitation, attendees: [{ name: 'Bo', email: 'bo' }] }), { name: 'RangeError', message: /«bo» for Bo er ikke gyldig/ });
  });

  it('marks a cancelled, moved meeting with STATUS:CANCELLED and its raised SEQUENCE, keeping its UID', () => {
    const event = events(parse(calendarFile([aMeeting({ status: 'CANCELLED', sequence: 2, url: 'https://helhed.example.dk/moeder/42' })], feed)))[0]!;
    assert.equal(prop(event, 'STATUS').value, 'CANCELLED');
    assert.equal(prop(event, 'SEQUENCE').value, '2');
    assert.equal(prop(event, 'UID').value, 'meeting-42@helhed');
    assert.equal(prop(event, 'URL').value, 'https://helhed.example.dk/moeder/42');
  });

  it('withdraws a cancelled meeting with METHOD:CANCEL to the same people, its event CANCELLED with the raised SEQUENCE', () => {
    const calendar = parse(calendarFile([aMeeting({ sequence: 3 })], { ...invitation, method: 'CANCEL' } as CalendarOptions));
    assert.equal(prop(calendar, 'METHOD').value, 'CANCEL');
    const event = events(calendar)[0]!;
    assert.equal(prop(event, 'STATUS').value, 'CANCELLED');
    assert.equal(prop(event, 'SEQUENCE').value, '3');
    assert.equal(prop(event, 'UID').value, 'meeting-42@helhed');
    assert.equal(prop(event, 'ORGANIZER').value, 'mailto:sekretariat@example.dk');
    assert.deepEqual(props(event, 'ATTENDEE').map((a) => a.value), ['mailto:soren@example.dk', 'mailto:aase@example.dk']);
  });

  it('describes Europe/Copenhagen with the EU rules: +0200 from the last Sunday of March 02:00, +0100 from the last Sunday of October 03:00', () => {
    const calendar = parse(calendarFile([aMeeting()], feed));
    const [zone] = calendar.components.filter((c) => c.name === 'VTIMEZONE');
    assert.ok(zone);
    assert.equal(prop(zone, 'TZID').value, 'Europe/Copenhagen');
    const daylight = zone.components.find((c) => c.name === 'DAYLIGHT')!;
    const standard = zone.components.find((c) => c.name === 'STANDARD')!;
    assert.deepEqual(
      [daylight, standard].map((c) => ['TZOFFSETFROM', 'TZOFFSETTO', 'DTSTART', 'RRULE'].map((n) => prop(c, n).value)),
      [
        ['+0100', '+0200', '19700329T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
        ['+0200', '+0100', '19701025T030000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
      ],
    );
    // The rules agree with the time zone database in every year of the plan and beyond.
    for (let year = 2025; year <= 2035; year++) {
      for (const [month, from, to] of [[3, 1, 2], [10, 2, 1]] as const) {
        const lastDay = new Date(Date.UTC(year, month, 0));
        const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
        // Local 02:00 at +0100 and local 03:00 at +0200 are both 01:00 UTC.
        const change = Date.UTC(year, month - 1, lastSunday, 1);
        assert.equal(offsetAt(change - 1000), from * 3_600_000, `${year}-${month} before`);
        assert.equal(offsetAt(change), to * 3_600_000, `${year}-${month} after`);
      }
    }
    assert.equal(new Date(Date.UTC(1970, 2, 29)).getUTCDay(), 0, 'DTSTART of DAYLIGHT is a Sunday');
    assert.equal(new Date(Date.UTC(1970, 9, 25)).getUTCDay(), 0, 'DTSTART of STANDARD is a Sunday');
  });

  it('nests BEGIN and END: one VTIMEZONE with DAYLIGHT and STANDARD, and one VEVENT per meeting', () => {
    const calendar = parse(calendarFile([aMeeting(), aMeeting({ uid: 'a@helhed' }), aMeeting({ uid: 'b@helhed' })], invitation));
    assert.deepEqual(calendar.components.map((c) => c.name), ['VTIMEZONE', 'VEVENT', 'VEVENT', 'VEVENT']);
    assert.deepEqual(calendar.components[0]!.components.map((c) => c.name), ['DAYLIGHT', 'STANDARD']);
    assert.ok(events(calendar).every((e) => e.components.length === 0));
    assert.throws(() => parse('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n'), 'the parser itself notices unbalanced nesting');
  });

  it('rejects a date that is not real, a time not written HH:MM, and a duration that is not a positive whole number, in Danish', () => {
    const rejects = (overrides: Partial<CalendarEvent>, message: RegExp) => assert.throws(() => calendarFile([aMeeting(overrides)], feed), { name: 'RangeError', message });
    rejects({ date: '2026-02-30' }, /rigtig dato skrevet ÅÅÅÅ-MM-DD, ikke «2026-02-30»/);
    rejects({ date: '26-5-2026' }, /rigtig dato/);
    rejects({ startsAt: '24:00' }, /TT:MM, fx 14:00, ikke «24:00»/);
    rejects({ startsAt: '9:30' }, /TT:MM/);
    rejects({ durationMinutes: 0 }, /positivt helt antal minutter, ikke 0/);
    rejects({ durationMinutes: -30 }, /positivt helt antal minutter/);
    rejects({ durationMinutes: 90.5 }, /positivt helt antal minutter/);
    rejects({ uid: '' }, /UID/);
    rejects({ sequence: -1 }, /SEQUENCE/);
    rejects({ url: 'javascript:alert(1)' }, /http- eller https-adresse/);
    assert.throws(() => calendarFile([aMeeting()], { ...feed, dtstamp: new Date('nonsense') }), { name: 'RangeError', message: /DTSTAMP/ });
  });
});
