/**
 * Login throttling: after too many failed attempts for one account (or from one address) within a window, further
 * attempts are refused until the lockout has passed, even with the right password. A success clears the account's
 * count. Pure, so the rule is tested without a database.
 */

export interface ThrottlePolicy {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

export interface AttemptHistory {
  /** Failures for the account since its last success, newest last, within the window or lockout. */
  accountFailures: readonly Date[];
  /** Failures from the client address, newest last. */
  addressFailures: readonly Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function lockedUntil(failures: readonly Date[], max: number, policy: ThrottlePolicy, now: Date): number | null {
  const lockoutStart = now.getTime() - policy.lockoutMinutes * 60_000;
  const sorted = [...failures].map((d) => d.getTime()).sort((a, b) => a - b);
  // The lockout starts at the failure that reached the limit within one window, and lasts from the latest failure.
  for (let i = max - 1; i < sorted.length; i++) {
    const first = sorted[i - max + 1]!;
    const reaching = sorted[i]!;
    if (reaching - first <= policy.windowMinutes * 60_000 && sorted[sorted.length - 1]! > lockoutStart) {
      return sorted[sorted.length - 1]! + policy.lockoutMinutes * 60_000;
    }
  }
  return null;
}

/** Decides whether a login attempt may be tried now. */
export function assessLogin(history: AttemptHistory, policy: ThrottlePolicy, now: Date): ThrottleDecision {
  const until = Math.max(
    lockedUntil(history.accountFailures, policy.maxFailuresPerAccount, policy, now) ?? 0,
    lockedUntil(history.addressFailures, policy.maxFailuresPerAddress, policy, now) ?? 0,
  );
  if (until > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  return { allowed: true };
}

/** How far back the history must reach for `assessLogin` to decide. */
export function historyHorizon(policy: ThrottlePolicy, now: Date): Date {
  return new Date(now.getTime() - (policy.windowMinutes + policy.lockoutMinutes) * 60_000);
}

/** The Danish message shown while an account or address is locked. */
export function lockoutMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `For mange mislykkede loginforsøg. Af sikkerhedshensyn er login spærret i ${minutes} ${minutes === 1 ? 'minut' : 'minutter'}. Prøv igen senere.`;
}
