import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessLogin, lockoutMessage, type ThrottlePolicy } from './throttle.js';

const policy: ThrottlePolicy = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 30, windowMinutes: 15, lockoutMinutes: 15 };
const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('login throttling', () => {
  it('allows a login after four failures', () => {
    const failures = [4, 3, 2, 1].map(minutesAgo);
    assert.deepEqual(assessLogin({ accountFailures: failures, addressFailures: failures }, policy, now), { allowed: true });
  });

  it('locks the account on the fifth failure within the window, for the lockout period from the last failure', () => {
    const failures = [5, 4, 3, 2, 1].map(minutesAgo);
    const decision = assessLogin({ accountFailures: failures, addressFailures: [] }, policy, now);
    assert.deepEqual(decision, { allowed: false, retryAfterSeconds: 14 * 60 });
  });

  it('does not lock when five failures are spread over more than the window', () => {
    const spread = [40, 30, 20, 10, 1].map(minutesAgo);
    assert.deepEqual(assessLogin({ accountFailures: spread, addressFailures: [] }, policy, now), { allowed: true });
  });

  it('lifts the lockout once the lockout period after the last failure has passed', () => {
    const failures = [20, 19, 18, 17, 16].map(minutesAgo);
    assert.deepEqual(assessLogin({ accountFailures: failures, addressFailures: [] }, policy, now), { allowed: true });
  });

  it('locks an address that fails across many accounts', () => {
    const failures = Array.from({ length: 30 }, (_, i) => minutesAgo(10 - i * 0.3));
    const decision = assessLogin({ accountFailures: [], addressFailures: failures }, policy, now);
    assert.equal(decision.allowed, false);
  });

  it('says in Danish how many minutes the lockout lasts', () => {
    assert.match(lockoutMessage(14 * 60), /spærret i 14 minutter/);
    assert.match(lockoutMessage(20), /spærret i 1 minut\./);
  });
});
