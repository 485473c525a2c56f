import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseEngine } from '../../src/config.js';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import type { Role } from '../../src/auth/permissions.js';
import { bootstrapAdministrator } from '../../src/users/bootstrap.js';
import { ensureDefaultPlan } from '../../src/plan/plans.service.js';
import { loadDefaultPlan } from '../../src/plan/plan-bootstrap.js';
import { createUser } from '../../src/users/users.service.js';
import { createTestDatabase, testSecretHex, type TestDatabase } from './databases.js';

export const ADMIN_EMAIL = 'admin@helhed.test';
export const ADMIN_PASSWORD = 'hemmelig-kode-til-testene';
export const USER_PASSWORD = 'bruger-adgangskode-til-test';

export interface TestApp extends BuiltApp {
  db: TestDatabase;
  config: Config;
  planId: string;
  /** Sends a request in-process; cookies given as an object. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Creates a user with the role (partner: bound to "Test-organisation") and returns a session for them. */
  sessionFor(role: Role): Promise<Session>;
  /** Creates a user with the given roles (and organisation, for a partner) and returns a session; for tests that need several users of one role. */
  userSession(user: { email: string; roles: Role[]; organisation?: string }): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

export interface TestAppOptions {
  clock?: () => Date;
  /** Load the Randers plan's content (default true); tests of the foundation alone can skip it. */
  withPlanContent?: boolean;
  env?: Record<string, string>;
}

/** A Helhed on a fresh database of the given engine, with the bootstrap administrator, ready for requests. */
export async function startTestApp(engine: DatabaseEngine, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase(engine);
  const config = loadConfig({
    HELHED_SECRET: testSecretHex(),
    HELHED_ADMIN_EMAIL: ADMIN_EMAIL,
    HELHED_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DATABASE_URL: engine === 'sqlite' ? `sqlite:${db.target.location}` : db.target.location,
    LOG_LEVEL: 'fatal',
    ...options.env,
  });
  const built = await buildApp({ config, database: db.database, logger: false, ...(options.clock ? { clock: options.clock } : {}) });
  const plan = await ensureDefaultPlan(db.database);
  if (options.withPlanContent !== false) await loadDefaultPlan(db.database, built.services.plan);
  await bootstrapAdministrator(db.database, config, built.services.auth);
  const sessions = new Map<Role, Session>();

  const testApp: TestApp = {
    ...built,
    db,
    config,
    planId: plan.id,
    request: (opts) => built.app.inject(opts),
    async sessionFor(role) {
      const existing = sessions.get(role);
      if (existing) return existing;
      const email = role === 'administrator' ? ADMIN_EMAIL : `${role}@helhed.test`;
      if (role !== 'administrator') {
        await createUser(db.database, SYSTEM_ACTOR, plan.id, {
          email,
          name: `Test ${role}`,
          roles: [role],
          password: USER_PASSWORD,
          ...(role === 'partner' ? { organisation: 'Test-organisation' } : {}),
        });
      }
      const session = await login(testApp, email, role === 'administrator' ? ADMIN_PASSWORD : USER_PASSWORD);
      sessions.set(role, session);
      return session;
    },
    async userSession(user) {
      await createUser(db.database, SYSTEM_ACTOR, plan.id, {
        email: user.email,
        name: user.email.split('@')[0]!,
        roles: user.roles,
        password: USER_PASSWORD,
        ...(user.organisation ? { organisation: user.organisation } : {}),
      });
      return login(testApp, user.email, USER_PASSWORD);
    },
    async close() {
      await built.app.close();
      await db.drop();
    },
  };
  return testApp;
}

/** Logs in over the JSON API and returns the session cookie and CSRF token. */
export async function login(app: Pick<TestApp, 'request'>, email: string, password: string): Promise<Session> {
  const response = await app.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'helhed_session');
  if (!cookie) throw new Error('no session cookie');
  return { email, cookie: cookie.value, csrf: (response.json() as { csrfToken: string }).csrfToken };
}

/** The anonymous CSRF cookie and token a login form would carry. */
export async function anonymousForm(app: Pick<TestApp, 'request'>): Promise<{ cookie: string; csrf: string }> {
  const page = await app.request({ method: 'GET', url: '/logind' });
  const cookie = page.cookies.find((c) => c.name === 'helhed_csrf');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!cookie || !csrf) throw new Error('login page lacks CSRF token');
  return { cookie: cookie.value, csrf };
}
