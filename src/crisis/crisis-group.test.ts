import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, campaignDue, contactProblems, contactStatus, linkExpiry, linkUsable, removalRefusal, successorProblems } from './crisis-group.js';

describe('contact status', () => {
  it('counts data confirmed twelve months ago to the Danish day as not confirmed, and the day before as confirmed', () => {
    const confirmed = '2025-03-09T23:30:00Z'; // 10 March 2025 in Copenhagen
    assert.deepEqual(contactStatus(confirmed, new Date('2026-03-09T12:00:00Z'), 12), { state: 'bekraeftet', staleFrom: '2026-03-10' });
    assert.deepEqual(contactStatus(confirmed, new Date('2026-03-09T23:00:00Z'), 12), { state: 'forfalden', staleFrom: '2026-03-10' });
  });

  it('flags data that was never confirmed', () => {
    assert.deepEqual(contactStatus(null, new Date('2026-03-09T12:00:00Z'), 12), { state: 'aldrig', staleFrom: null });
  });

  it('follows the configured number of months', () => {
    assert.equal(contactStatus('2025-12-01T10:00:00Z', new Date('2026-06-02T10:00:00Z'), 6).state, 'forfalden');
    assert.equal(contactStatus('2025-12-01T10:00:00Z', new Date('2026-06-02T10:00:00Z'), 7).state, 'bekraeftet');
  });

  it('adds months to the last day of a shorter month', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
    assert.equal(addMonths('2025-11-15', 14), '2027-01-15');
  });
});

describe('the reminder campaign', () => {
  const months = [3, 9];

  it('is due once March has begun in Copenhagen without a campaign since, not in the last hour of February', () => {
    assert.equal(campaignDue(new Date('2026-02-28T22:30:00Z'), months, ['2025-09-02T08:00:00Z']).due, false);
    const march = campaignDue(new Date('2026-02-28T23:30:00Z'), months, ['2025-09-02T08:00:00Z']);
    assert.deepEqual(march, { due: true, monthStart: '2026-03-01', monthLabel: 'marts 2026' });
  });

  it('is not due after a campaign started in or after the month', () => {
    assert.equal(campaignDue(new Date('2026-05-10T10:00:00Z'), months, ['2026-03-03T09:00:00Z']).due, false);
    assert.equal(campaignDue(new Date('2026-10-10T10:00:00Z'), months, ['2026-03-03T09:00:00Z']).monthLabel, 'september 2026');
    assert.equal(campaignDue(new Date('2026-10-10T10:00:00Z'), months, ['2026-03-03T09:00:00Z']).due, true);
  });

  it('looks back into last year in the months before the first campaign month', () => {
    assert.deepEqual(campaignDue(new Date('2026-01-15T10:00:00Z'), months, []), { due: true, monthStart: '2025-09-01', monthLabel: 'september 2025' });
  });

  it('is never due without campaign months', () => {
    assert.equal(campaignDue(new Date('2026-01-15T10:00:00Z'), [], []).due, false);
  });
});

describe('a successor', () => {
  it('must have a name, a phone number and an e-mail address', () => {
    assert.deepEqual(
      successorProblems({ name: ' ', phone: '', email: '' }).map((e) => e.field),
      ['name', 'phone', 'email'],
    );
    assert.deepEqual(successorProblems({ name: 'Sofie Lund', phone: '2233 4455', email: 'sofie@politi.example' }), []);
  });

  it('is refused a phone number with letters and an address without a domain, naming what was typed', () => {
    const problems = successorProblems({ name: 'Sofie Lund', phone: 'ring', email: 'sofie@' });
    assert.match(problems.find((e) => e.field === 'phone')!.message, /ikke «ring»/);
    assert.match(problems.find((e) => e.field === 'email')!.message, /ikke «sofie@»/);
    assert.deepEqual(contactProblems({ phone: null, email: null }), []);
  });

  it('is required to remove a principal, not a substitute', () => {
    assert.match(removalRefusal({ substituteFor: null })!, /kan ikke fjernes uden en efterfølger/);
    assert.equal(removalRefusal({ substituteFor: 'x' }), null);
  });
});

describe('a confirmation link', () => {
  it('answers for 30 days and only until it is used', () => {
    const sent = new Date('2026-03-02T09:00:00Z');
    const expiresAt = linkExpiry(sent).toISOString();
    assert.equal(expiresAt, '2026-04-01T09:00:00.000Z');
    assert.equal(linkUsable({ answeredAt: null, expiresAt }, new Date('2026-04-01T08:59:59Z')), true);
    assert.equal(linkUsable({ answeredAt: null, expiresAt }, new Date('2026-04-01T09:00:00Z')), false);
    assert.equal(linkUsable({ answeredAt: '2026-03-03T09:00:00Z', expiresAt }, new Date('2026-03-04T09:00:00Z')), false);
  });
});
