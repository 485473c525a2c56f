import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cadenceWarnings, generateYearCalendar, type PlannedMeeting } from './meeting-calendar.js';
import { daysBetween, isWorkingDay } from '../time/working-days.js';

const line = (m: PlannedMeeting) => `${m.date} ${m.body} ${m.kind}`;

describe('the meeting calendar from the plan\'s cadence', () => {
  it('generates Randers\' 2026: four board meetings and three steering-group meetings, spring and autumn three weeks apart', () => {
    const meetings = generateYearCalendar(2026);
    assert.deepEqual(meetings.map(line), [
      '2026-02-24 bestyrelse strategisk',
      '2026-05-05 styregruppe forår',
      '2026-06-16 styregruppe sommer',
      '2026-05-26 bestyrelse forår',
      '2026-09-29 bestyrelse strategisk',
      '2026-11-03 styregruppe efterår',
      '2026-11-24 bestyrelse efterår',
    ].sort());
    for (const m of meetings) assert.ok(isWorkingDay(m.date), `${line(m)} is a working day`);
  });

  it('gives no warning for the calendar it generates, in any year of the plan', () => {
    for (const year of [2025, 2026, 2027, 2028, 2029]) assert.deepEqual(cadenceWarnings(year, generateYearCalendar(year)), [], String(year));
  });

  it('never shortens the three weeks when a default day is a holiday or closing day, in any year to 2040', () => {
    for (let year = 2025; year <= 2040; year++) {
      const m = generateYearCalendar(year);
      for (const kind of ['forår', 'efterår'] as const) {
        const board = m.find((x) => x.body === 'bestyrelse' && x.kind === kind)!;
        const steering = m.find((x) => x.body === 'styregruppe' && x.kind === kind)!;
        assert.ok(daysBetween(steering.date, board.date) >= 21, `${year} ${kind}`);
      }
    }
  });

  it('warns when a steering-group meeting is moved to less than two weeks before the board', () => {
    const meetings = generateYearCalendar(2026).map((m) => (m.body === 'styregruppe' && m.kind === 'forår' ? { ...m, date: '2026-05-19' } : m));
    const warnings = cadenceWarnings(2026, meetings);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.meeting?.date, '2026-05-19');
    assert.match(warnings[0]!.message, /kun 7 dage før bestyrelsens \(tirsdag den 26\. maj 2026\)/);
  });

  it('accepts a steering-group meeting exactly two weeks before the board', () => {
    const meetings = generateYearCalendar(2026).map((m) => (m.body === 'styregruppe' && m.kind === 'efterår' ? { ...m, date: '2026-11-10' } : m));
    assert.deepEqual(cadenceWarnings(2026, meetings), []);
  });

  it('warns of a steering-group meeting after the board\'s, a missing fixed meeting, too few strategic meetings and a holiday', () => {
    const meetings = generateYearCalendar(2026)
      .filter((m) => !(m.body === 'styregruppe' && m.kind === 'sommer'))
      .filter((m, i, all) => !(m.kind === 'strategisk' && all.findIndex((x) => x.kind === 'strategisk') === i))
      .map((m) => (m.body === 'styregruppe' && m.kind === 'efterår' ? { ...m, date: '2026-11-25' } : m))
      .map((m) => (m.body === 'bestyrelse' && m.kind === 'forår' ? { ...m, date: '2026-05-25' } : m));
    const messages = cadenceWarnings(2026, meetings).map((w) => w.message);
    assert.ok(messages.some((t) => /sommersmøde 2026 mangler/.test(t)), messages.join('\n'));
    assert.ok(messages.some((t) => /1 strategiske møder i 2026; planen kræver mindst 2/.test(t)), messages.join('\n'));
    assert.ok(messages.some((t) => /efterårsmøde \(onsdag den 25\. november 2026\) ligger ikke før bestyrelsens/.test(t)), messages.join('\n'));
    assert.ok(messages.some((t) => /ikke er en arbejdsdag \(2\. pinsedag\)/.test(t)), messages.join('\n'));
  });

  it('refuses a year outside the plans Helhed can hold', () => {
    assert.throws(() => generateYearCalendar(1999), /mellem 2000 og 2100/);
  });
});
