import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deadlineOutcome,
  escalationDueAt,
  invitationMail,
  isEscalationDue,
  isGivenResponse,
  meetingAfterDeadline,
  nonWorkingDaysAhead,
  splitClosingDays,
  type EscalationCandidate,
} from './convening.js';

const principal: EscalationCandidate = { memberId: 'm1', adHoc: false, invitedAt: '2026-03-28T19:30:00.000Z', response: 'afventer', escalatedAt: null, escalatedFromId: null };

describe('escalation to the substitute', () => {
  it('is due the set number of minutes after the invitation, not a minute before', () => {
    assert.equal(escalationDueAt(principal, 60)?.toISOString(), '2026-03-28T20:30:00.000Z');
    assert.equal(isEscalationDue(principal, 60, new Date('2026-03-28T20:29:59Z')), false);
    assert.equal(isEscalationDue(principal, 60, new Date('2026-03-28T20:30:00Z')), true);
  });

  it('never picks someone who answered, was escalated, is a substitute, is ad hoc or was not invited', () => {
    const later = new Date('2026-03-30T00:00:00Z');
    for (const p of [
      { ...principal, response: 'kommer' as const },
      { ...principal, response: 'kommer_ikke' as const },
      { ...principal, escalatedAt: '2026-03-28T20:30:00.000Z' },
      { ...principal, escalatedFromId: 'p0' },
      { ...principal, adHoc: true, memberId: null },
      { ...principal, invitedAt: null },
    ]) {
      assert.equal(isEscalationDue(p, 60, later), false, JSON.stringify(p));
    }
  });
});

describe('the meeting and the deadline', () => {
  const deadlineAt = '2026-03-29T19:30:00.000Z';
  it('warns only about a meeting after the deadline', () => {
    assert.equal(meetingAfterDeadline(null, deadlineAt), false);
    assert.equal(meetingAfterDeadline('2026-03-29T19:30:00.000Z', deadlineAt), false);
    assert.equal(meetingAfterDeadline('2026-03-29T19:31:00.000Z', deadlineAt), true);
  });

  it('says whether the deadline was met by when the meeting was held', () => {
    assert.equal(deadlineOutcome(deadlineAt, '2026-03-29T12:00:00.000Z', new Date('2026-04-01T00:00:00Z')), 'overholdt');
    assert.equal(deadlineOutcome(deadlineAt, '2026-03-29T20:00:00.000Z', new Date('2026-04-01T00:00:00Z')), 'overskredet');
    assert.equal(deadlineOutcome(deadlineAt, null, new Date('2026-03-29T19:00:00Z')), 'aaben');
    assert.equal(deadlineOutcome(deadlineAt, null, new Date('2026-03-29T19:31:00Z')), 'overskredet');
  });
});

describe('the invitation mail', () => {
  const facts = {
    kind: 'invitation' as const,
    recipientName: 'Anne Andersen',
    incidentLabel: 'Hændelse 3',
    level: 'roed' as const,
    areaName: 'Gl. Jennumparken',
    situation: 'Ildspåsættelse',
    description: 'Brand i kælderen',
    deadlineAt: '2026-03-29T19:30:00.000Z',
    meetingPlannedAt: null,
    meetingLocation: null,
    answerUrl: 'https://helhed.example/beredskab/svar/abc',
  };

  it('names level, area, situation, the deadline in Danish and the personal link', () => {
    const mail = invitationMail(facts);
    assert.equal(mail.subject, 'Indkaldelse til beredskabsgruppen, rødt niveau: mødes senest søndag den 29. marts 2026 kl. 21.30 (Hændelse 3)');
    assert.match(mail.text, /^Kære Anne Andersen/);
    assert.match(mail.text, /Område: Gl\. Jennumparken/);
    assert.match(mail.text, /Situation: Ildspåsættelse/);
    assert.match(mail.text, /Gruppen skal mødes senest: søndag den 29\. marts 2026 kl\. 21\.30/);
    assert.match(mail.text, /«Jeg kommer» eller «Jeg kan ikke komme»/);
    assert.match(mail.text, /https:\/\/helhed\.example\/beredskab\/svar\/abc/);
    assert.doesNotMatch(mail.text, /Mødet:/);
  });

  it('tells of a new deadline on an update, the meeting once planned, and whom a substitute stands in for', () => {
    assert.match(invitationMail({ ...facts, kind: 'update', level: 'gul' }).subject, /^Beredskab, gult niveau: ny frist for mødet/);
    const meeting = invitationMail({ ...facts, kind: 'meeting', meetingPlannedAt: '2026-03-29T08:00:00.000Z', meetingLocation: 'Rådhuset' });
    assert.match(meeting.text, /Mødet: søndag den 29\. marts 2026 kl\. 10\.00, Rådhuset/);
    assert.match(invitationMail({ ...facts, kind: 'escalation', standsInFor: 'Bo Berg (Politikommissær, Østjyllands Politi)' }).text, /Bo Berg \(Politikommissær, Østjyllands Politi\) har ikke svaret/);
  });
});

describe('the working-day calendar preview', () => {
  it('lists the weekdays that are holidays or closing days with their reason, not ordinary weekends', () => {
    const days = nonWorkingDaysAhead(new Date('2026-12-01T10:00:00Z'), ['12-24', '12-31', '2026-12-07'], 40);
    assert.deepEqual(days, [
      { date: '2026-12-07', reason: 'lukkedag' },
      { date: '2026-12-24', reason: 'lukkedag' },
      { date: '2026-12-25', reason: 'Juledag' },
      { date: '2026-12-31', reason: 'lukkedag' },
      { date: '2027-01-01', reason: 'Nytårsdag' },
    ]);
  });

  it('splits typed closing days on lines, commas and spaces', () => {
    assert.deepEqual(splitClosingDays('06-05\r\n12-24, 12-31  2026-05-15\n'), ['06-05', '12-24', '12-31', '2026-05-15']);
  });

  it('accepts only the two answers a person can give', () => {
    assert.equal(isGivenResponse('kommer'), true);
    assert.equal(isGivenResponse('kommer_ikke'), true);
    assert.equal(isGivenResponse('afventer'), false);
    assert.equal(isGivenResponse('ja'), false);
  });
});
