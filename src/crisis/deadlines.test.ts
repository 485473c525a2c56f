import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWithOffset } from '../time/copenhagen.js';
import { meetingDeadline, timeLeft } from './deadlines.js';

/** The deadline of an activation written with its offset, as the API answers it. */
const deadline = (level: 'gul' | 'roed', at: string, closingDays?: string[]) => isoWithOffset(meetingDeadline(level, new Date(at), closingDays));

describe('meeting deadlines (PRODUCT.md, «Crisis deadlines»)', () => {
  it('gives red 24 elapsed hours, also across the change to summer time (a Saturday evening)', () => {
    // 24 elapsed hours from 19:30 UTC is 19:30 UTC on Sunday, which the clocks, moved forward at 02:00, show as 21:30.
    // The same wall time (20:30+02:00) would give the group only 23 hours.
    assert.equal(deadline('roed', '2026-03-28T20:30:00+01:00'), '2026-03-29T21:30:00+02:00');
    assert.notEqual(deadline('roed', '2026-03-28T20:30:00+01:00'), '2026-03-29T20:30:00+02:00');
    assert.equal(meetingDeadline('roed', new Date('2026-03-28T20:30:00+01:00')).getTime() - new Date('2026-03-28T20:30:00+01:00').getTime(), 24 * 3_600_000);
  });

  it('gives red 24 elapsed hours across the change back to winter time in October', () => {
    assert.equal(deadline('roed', '2026-10-24T20:30:00+02:00'), '2026-10-25T19:30:00+01:00');
    assert.equal(deadline('roed', '2026-10-25T01:30:00+02:00'), '2026-10-26T00:30:00+01:00');
  });

  it('keeps red at 24 hours whatever the day: a public holiday or a closing day does not count', () => {
    assert.equal(deadline('roed', '2026-12-24T10:00:00+01:00'), '2026-12-25T10:00:00+01:00');
  });

  it('ends yellow on the Wednesday before Easter at the end of the Thursday after Easter', () => {
    // Skærtorsdag, langfredag, påskedag and 2. påskedag are not working days: Tuesday 7, Wednesday 8, Thursday 9.
    assert.equal(deadline('gul', '2026-04-01T10:00:00+02:00'), '2026-04-09T23:59:59+02:00');
  });

  it('counts yellow from the next working day after a Friday and after a Saturday', () => {
    assert.equal(deadline('gul', '2026-03-06T15:00:00+01:00'), '2026-03-11T23:59:59+01:00');
    assert.equal(deadline('gul', '2026-03-07T11:00:00+01:00'), '2026-03-11T23:59:59+01:00');
    assert.equal(deadline('gul', '2026-03-08T11:00:00+01:00'), '2026-03-11T23:59:59+01:00');
  });

  it('skips the default closing days and the Christmas holidays before New Year', () => {
    // Monday 21 December: 22, 23, then 24 (closing day), 25 (juledag), 26-27 (weekend): Monday 28.
    assert.equal(deadline('gul', '2026-12-21T09:00:00+01:00'), '2026-12-28T23:59:59+01:00');
    // Wednesday 23 December: 28, 29, 30.
    assert.equal(deadline('gul', '2026-12-23T09:00:00+01:00'), '2026-12-30T23:59:59+01:00');
    // Without closing days 24 December is a working day.
    assert.equal(deadline('gul', '2026-12-23T09:00:00+01:00', []), '2026-12-29T23:59:59+01:00');
    // 31 December is a closing day and 1 January a holiday: Monday 28 December gives 29, 30, 4 January.
    assert.equal(deadline('gul', '2026-12-28T09:00:00+01:00'), '2027-01-04T23:59:59+01:00');
  });

  it('skips Grundlovsdag (5 June, a default closing day) but no longer Store Bededag', () => {
    assert.equal(deadline('gul', '2026-06-04T12:00:00+02:00'), '2026-06-10T23:59:59+02:00');
    // Store Bededag 2026 would have been Friday 1 May; it is a working day since 2024.
    assert.equal(deadline('gul', '2026-04-29T12:00:00+02:00'), '2026-05-04T23:59:59+02:00');
  });

  it('skips a configured single closing day and a configured recurring one', () => {
    assert.equal(deadline('gul', '2026-03-09T09:00:00+01:00'), '2026-03-12T23:59:59+01:00');
    assert.equal(deadline('gul', '2026-03-09T09:00:00+01:00', ['2026-03-11']), '2026-03-13T23:59:59+01:00');
    assert.equal(deadline('gul', '2026-03-09T09:00:00+01:00', ['03-10', '03-11']), '2026-03-16T23:59:59+01:00');
    // A single day of another year does not count.
    assert.equal(deadline('gul', '2026-03-09T09:00:00+01:00', ['2027-03-11']), '2026-03-12T23:59:59+01:00');
  });

  it('takes the Danish day of activation, not the UTC day, just before and just after midnight', () => {
    // Tuesday 23:59 Copenhagen is Tuesday: Wednesday, Thursday, Friday.
    assert.equal(deadline('gul', '2026-03-10T23:59:00+01:00'), '2026-03-13T23:59:59+01:00');
    // Wednesday 00:01 Copenhagen is still Tuesday in UTC, but the day is Wednesday: Thursday, Friday, Monday.
    assert.equal(deadline('gul', '2026-03-11T00:01:00+01:00'), '2026-03-16T23:59:59+01:00');
    assert.equal(deadline('gul', '2026-03-10T23:01:00Z'), '2026-03-16T23:59:59+01:00');
    // In summer the day changes at 22:00 UTC.
    assert.equal(deadline('gul', '2026-06-09T21:59:59Z'), '2026-06-12T23:59:59+02:00');
    assert.equal(deadline('gul', '2026-06-09T22:00:00Z'), '2026-06-15T23:59:59+02:00');
  });

  it('ends yellow at 23:59:59 Copenhagen time in winter and in summer', () => {
    assert.equal(meetingDeadline('gul', new Date('2026-01-12T08:00:00+01:00')).toISOString(), '2026-01-15T22:59:59.000Z');
    assert.equal(meetingDeadline('gul', new Date('2026-07-13T08:00:00+02:00')).toISOString(), '2026-07-16T21:59:59.000Z');
  });
});

describe('time left until a deadline', () => {
  const deadlineAt = new Date('2026-03-29T18:30:00Z');
  it('says hours and minutes within a day', () => {
    assert.deepEqual(timeLeft(deadlineAt, new Date('2026-03-28T23:25:00Z')), { overdue: false, text: '19 timer og 5 minutter' });
    assert.deepEqual(timeLeft(deadlineAt, new Date('2026-03-29T17:30:00Z')), { overdue: false, text: '1 time' });
    assert.deepEqual(timeLeft(deadlineAt, new Date('2026-03-29T18:29:00Z')), { overdue: false, text: '1 minut' });
    assert.deepEqual(timeLeft(deadlineAt, deadlineAt), { overdue: false, text: '0 minutter' });
  });
  it('says days and hours further out, and how long a deadline has passed', () => {
    assert.deepEqual(timeLeft(deadlineAt, new Date('2026-03-27T15:20:00Z')), { overdue: false, text: '2 døgn og 3 timer' });
    assert.deepEqual(timeLeft(deadlineAt, new Date('2026-03-29T20:45:00Z')), { overdue: true, text: '2 timer og 15 minutter' });
  });
});
