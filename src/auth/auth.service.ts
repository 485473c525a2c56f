import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { toBool } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { ApiTokenRow, UserRow } from '../db/schema.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { InvalidCredentialsError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors/errors.js';
import { findPlanById, listPlansForUser } from '../plan/plans.repository.js';
import { normaliseEmail } from '../users/users.service.js';
import {
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  failuresSince,
  findApiTokenByHash,
  findApiTokenOfUser,
  findOneTimeLink,
  findSessionContext,
  findUserByEmail,
  findUserById,
  insertApiToken,
  insertLoginAttempt,
  insertOneTimeLink,
  insertSession,
  lastSuccessSince,
  listApiTokensOfUser,
  listRolesInPlan,
  markOneTimeLinkUsed,
  revokeApiToken,
  setSessionPlan,
  touchApiToken,
  touchSession,
} from './auth.repository.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { isRole } from './permissions.js';
import type { PlanRef, Principal } from './principal.js';
import { randomToken, sha256 } from './secrets.js';
import { assessLogin, historyHorizon, lockoutMessage } from './throttle.js';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Sessions are refreshed in the database at most this often, so that reading a page is not also a write. */
const TOUCH_INTERVAL_MS = 60_000;
const TOKEN_PREFIX = 'hh_';

function toApiToken(row: ApiTokenRow): ApiToken {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}

/**
 * Signing in and out, sessions, API tokens and one-time links. Local passwords are one way to prove who one is; the
 * session and principal do not depend on it, so single sign-on can start a session through `startSession` as well.
 */
export class AuthService {
  constructor(
    private readonly database: Db,
    private readonly config: Config,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private actor(user: { id: string; email: string } | null, client: ClientInfo, label?: string): Actor {
    return { userId: user?.id ?? null, label: label ?? user?.email ?? 'ukendt', planId: null, ip: client.ip, requestId: client.requestId };
  }

  /** Checks e-mail and password under the throttling rule and starts a session. Returns the raw session id. */
  async loginWithPassword(emailInput: string, password: string, client: ClientInfo): Promise<{ sessionId: string; user: UserRow }> {
    const db = this.database.db;
    const email = normaliseEmail(emailInput);
    const now = this.clock();
    const horizon = historyHorizon(this.config.loginThrottle, now).toISOString();
    const lastSuccess = await lastSuccessSince(db, email, horizon);
    const [accountFailures, addressFailures] = await Promise.all([
      failuresSince(db, 'email', email, lastSuccess && lastSuccess > horizon ? lastSuccess : horizon),
      failuresSince(db, 'ip', client.ip, horizon),
    ]);
    const decision = assessLogin(
      { accountFailures: accountFailures.map((d) => new Date(d)), addressFailures: addressFailures.map((d) => new Date(d)) },
      this.config.loginThrottle,
      now,
    );
    const user = await findUserByEmail(db, email);
    if (!decision.allowed) {
      await recordAudit(db, this.actor(user ?? null, client, email), {
        action: 'login_locked', entityType: 'user', entityId: user?.id ?? null, summary: `Login for ${email} afvist: spærret efter for mange forsøg`,
      });
      throw new TooManyRequestsError(lockoutMessage(decision.retryAfterSeconds), decision.retryAfterSeconds);
    }
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
    const active = user ? toBool(user.active) : false;
    const succeeded = ok && active;
    await this.database.db.transaction().execute(async (trx) => {
      await insertLoginAttempt(trx, { id: newId(), email, ip: client.ip, at: now.toISOString(), succeeded: succeeded ? 1 : 0 });
      await recordAudit(trx, this.actor(user ?? null, client, email), succeeded
        ? { action: 'login', entityType: 'user', entityId: user!.id, summary: `${email} loggede ind med adgangskode` }
        : { action: 'login_failed', entityType: 'user', entityId: user?.id ?? null, summary: `Mislykket login for ${email}${user && !active ? ' (brugeren er deaktiveret)' : ''}` });
    });
    if (!succeeded || !user) throw new InvalidCredentialsError();
    const sessionId = await this.startSession(user, 'password', client);
    return { sessionId, user };
  }

  /** Starts a session for a user who has proved who they are by any method. */
  async startSession(user: UserRow, method: 'password' | 'oidc' | 'setup-link', client: ClientInfo): Promise<string> {
    const raw = randomToken();
    const now = this.clock();
    const plans = await listPlansForUser(this.database.db, user.id);
    await insertSession(this.database.db, {
      id_hash: sha256(raw),
      user_id: user.id,
      plan_id: plans[0]?.id ?? null,
      csrf_token: randomToken(24),
      auth_method: method,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.config.session.absoluteHours * 3_600_000).toISOString(),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
    });
    return raw;
  }

  private principalOf(
    user: { id: string; email: string; name: string },
    plan: PlanRef | null,
    grants: readonly { role: string | null; organisation_id: string | null; organisation_name: string | null }[],
    via: Principal['via'],
    session?: { idHash: string; csrf: string },
  ): Principal {
    const partner = grants.find((g) => g.role === 'partner');
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      plan,
      roles: grants.map((g) => g.role).filter(isRole),
      organisationId: partner?.organisation_id ?? null,
      organisationName: partner?.organisation_name ?? null,
      via,
      ...(session ? { sessionIdHash: session.idHash, csrfToken: session.csrf } : {}),
    };
  }

  /** The principal of a user in a given plan, or in their newest plan when none is given. */
  private async principalFor(user: { id: string; email: string; name: string }, planId: string | null, via: Principal['via'], session?: { idHash: string; csrf: string }): Promise<Principal> {
    const row = planId ? await findPlanById(this.database.db, planId) : (await listPlansForUser(this.database.db, user.id))[0];
    const plan: PlanRef | null = row ? { id: row.id, slug: row.slug, name: row.name, periodStart: row.period_start, periodEnd: row.period_end } : null;
    const grants = plan ? await listRolesInPlan(this.database.db, user.id, plan.id) : [];
    return this.principalOf(user, plan, grants, via, session);
  }

  /** The principal behind a session cookie, or null when it is unknown, expired (idle or absolute) or the user inactive. */
  async resolveSession(rawId: string): Promise<Principal | null> {
    const idHash = sha256(rawId);
    const rows = await findSessionContext(this.database.db, idHash);
    const row = rows[0];
    if (!row) return null;
    const now = this.clock();
    const lastSeen = new Date(row.last_seen_at).getTime();
    if (now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() >= lastSeen + this.config.session.idleMinutes * 60_000) {
      await deleteSession(this.database.db, idHash);
      return null;
    }
    if (!toBool(row.active)) return null;
    if (now.getTime() - lastSeen > TOUCH_INTERVAL_MS) await touchSession(this.database.db, idHash, now.toISOString());
    const user = { id: row.user_id, email: row.email, name: row.name };
    const session = { idHash, csrf: row.csrf_token };
    // A session without a plan (the user had no role when signing in) looks for one each time, until there is one.
    if (!row.plan_id || !row.plan_slug || !row.plan_name || !row.period_start || !row.period_end) return this.principalFor(user, null, 'session', session);
    const plan: PlanRef = { id: row.plan_id, slug: row.plan_slug, name: row.plan_name, periodStart: row.period_start, periodEnd: row.period_end };
    return this.principalOf(user, plan, rows, 'session', session);
  }

  /** The principal behind an API token (`Authorization: Bearer hh_…`), or null. */
  async resolveApiToken(raw: string): Promise<Principal | null> {
    if (!raw.startsWith(TOKEN_PREFIX) || raw.length > 200) return null;
    const token = await findApiTokenByHash(this.database.db, sha256(raw));
    if (!token || token.revoked_at) return null;
    const now = this.clock();
    if (token.expires_at && new Date(token.expires_at).getTime() <= now.getTime()) return null;
    const user = await findUserById(this.database.db, token.user_id);
    if (!user || !toBool(user.active)) return null;
    if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
      await touchApiToken(this.database.db, token.id, now.toISOString());
    }
    return this.principalFor(user, token.plan_id, 'token');
  }

  async logout(principal: Principal, client: ClientInfo): Promise<void> {
    if (!principal.sessionIdHash) return;
    await this.database.db.transaction().execute(async (trx) => {
      await deleteSession(trx, principal.sessionIdHash!);
      await recordAudit(trx, this.actor({ id: principal.userId, email: principal.email }, client), {
        action: 'logout', entityType: 'user', entityId: principal.userId, summary: `${principal.email} loggede af`,
      });
    });
  }

  /** Chooses which of the user's plans the session works in. */
  async switchPlan(principal: Principal, planId: string): Promise<void> {
    const plans = await listPlansForUser(this.database.db, principal.userId);
    if (!plans.some((p) => p.id === planId)) throw new ValidationError([{ field: 'plan', message: 'Vælg en plan, du har en rolle i.' }]);
    if (principal.sessionIdHash) await setSessionPlan(this.database.db, principal.sessionIdHash, planId);
  }

  async listApiTokens(principal: Principal): Promise<ApiToken[]> {
    return (await listApiTokensOfUser(this.database.db, principal.userId)).map(toApiToken);
  }

  /** Creates a token for the principal's own use; the raw token is returned once and only its hash is kept. */
  async createApiToken(principal: Principal, actor: Actor, nameInput: string, expiresInDays?: number): Promise<{ token: string; apiToken: ApiToken }> {
    const name = nameInput.trim();
    const errors = [];
    if (name === '') errors.push({ field: 'name', message: 'Giv nøglen et navn, så du kan kende den igen.' });
    if (name.length > 100) errors.push({ field: 'name', message: 'Navnet må højst være 100 tegn.' });
    if (expiresInDays !== undefined && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 730)) {
      errors.push({ field: 'expiresInDays', message: 'Udløb skal være mellem 1 og 730 dage.' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const raw = `${TOKEN_PREFIX}${randomToken()}`;
    const now = this.clock();
    const row: ApiTokenRow = {
      id: newId(),
      user_id: principal.userId,
      plan_id: principal.plan?.id ?? null,
      name,
      token_hash: sha256(raw),
      prefix: raw.slice(0, TOKEN_PREFIX.length + 6),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() : null,
      revoked_at: null,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await insertApiToken(trx, row);
      await recordAudit(trx, actor, {
        action: 'create', entityType: 'api_token', entityId: row.id, summary: `API-nøgle «${name}» oprettet`,
        after: { name, prefix: row.prefix, expiresAt: row.expires_at },
      });
    });
    return { token: raw, apiToken: toApiToken(row) };
  }

  async revokeApiToken(principal: Principal, actor: Actor, id: string): Promise<void> {
    const token = await findApiTokenOfUser(this.database.db, principal.userId, id);
    if (!token) throw new NotFoundError('API-nøglen findes ikke.');
    if (token.revoked_at) return;
    await this.database.db.transaction().execute(async (trx) => {
      await revokeApiToken(trx, id, nowIso(this.clock));
      await recordAudit(trx, actor, {
        action: 'update', entityType: 'api_token', entityId: id, summary: `API-nøgle «${token.name}» tilbagekaldt`,
        before: { revokedAt: null }, after: { revokedAt: 'nu' },
      });
    });
  }

  /** A one-time link token for first-start setup or a password reset; only its hash is stored. */
  async createOneTimeLink(purpose: 'setup' | 'reset', userId: string | null, validHours = 24): Promise<string> {
    const raw = randomToken();
    const now = this.clock();
    await insertOneTimeLink(this.database.db, {
      token_hash: sha256(raw),
      purpose,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validHours * 3_600_000).toISOString(),
      used_at: null,
    });
    return raw;
  }

  /** Makes a one-time link with which a user chooses a new password; recorded in the audit log. */
  async issuePasswordResetLink(actor: Actor, userId: string): Promise<string> {
    const user = await findUserById(this.database.db, userId);
    if (!user) throw new NotFoundError('Brugeren findes ikke.');
    const token = await this.createOneTimeLink('reset', userId, 24);
    await recordAudit(this.database.db, actor, {
      action: 'create', entityType: 'password_reset_link', entityId: userId, summary: `Link til ny adgangskode lavet for ${user.email}`,
    });
    return `${this.config.publicUrl}/nulstil/${token}`;
  }

  /** Whether a one-time link may still be used; does not use it up. */
  async checkOneTimeLink(raw: string, purpose: 'setup' | 'reset'): Promise<{ userId: string | null } | null> {
    const link = await findOneTimeLink(this.database.db, sha256(raw));
    if (!link || link.purpose !== purpose || link.used_at) return null;
    if (new Date(link.expires_at).getTime() <= this.clock().getTime()) return null;
    return { userId: link.user_id };
  }

  /** Uses up a one-time link; false when someone else used it first. */
  async consumeOneTimeLink(raw: string): Promise<boolean> {
    return (await markOneTimeLinkUsed(this.database.db, sha256(raw), nowIso(this.clock))) === 1;
  }

  /**
   * Removes ended sessions, and login attempts once they can no longer count towards a lockout (they hold e-mail
   * addresses and client addresses, which are kept no longer than the throttling rule needs; the audit log keeps the
   * record of logins).
   */
  async purgeExpired(): Promise<void> {
    const now = this.clock();
    await deleteExpiredSessions(this.database.db, now.toISOString(), new Date(now.getTime() - this.config.session.idleMinutes * 60_000).toISOString());
    await deleteLoginAttemptsBefore(this.database.db, historyHorizon(this.config.loginThrottle, now).toISOString());
  }
}
