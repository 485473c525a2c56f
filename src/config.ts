import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Which database engine a connection string points at. */
export type DatabaseEngine = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  engine: DatabaseEngine;
  /** A file path (or ':memory:') for SQLite, the connection string for PostgreSQL. */
  location: string;
}

export interface Config {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Public base URL used in links printed to the console and sent by e-mail. */
  publicUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Key for CSRF tokens and (in later modules) keyed hashes; kept outside the database. */
  secret: Buffer;
  session: { idleMinutes: number; absoluteHours: number };
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMinutes: number; lockoutMinutes: number };
  /** Trust X-Forwarded-* from a reverse proxy (needed to see TLS and client addresses behind one). */
  trustProxy: boolean;
  /** OpenID Connect as a second login method; read now so that the base never assumes local accounts only. */
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
  logLevel: string;
  /** Add synthetic demo data on start (HELHED_DEMO_DATA=1); pages then say so. */
  demoData: boolean;
  monitoring: {
    /** Counts below this (and shares resting on fewer) are hidden from those without access to the persons (PRODUCT.md). */
    smallNumberThreshold: number;
    /** A share moving more than this many procentpoint from one period to the next is flagged. */
    jumpSharePoints: number;
    /** Any other figure moving more than this per cent of its previous value is flagged. */
    jumpRelativePercent: number;
  };
  /**
   * E-mail (delivery requests and reminders): HELHED_SMTP_URL (`smtp://user:pass@host:587` or `smtps://…:465`) and the
   * sender HELHED_MAIL_FROM. Without an SMTP address nothing is sent, and the pages say so.
   */
  mail: { smtpUrl: string | undefined; from: string };
  privacy: {
    /**
     * Months after a participant's last enrolment ended (or, never enrolled, after they were registered) when their
     * personal data is erased by the daily retention job (src/privacy/retention.ts explains the default).
     */
    retentionMonths: number;
  };
}

/** Parses a DATABASE_URL as README describes: default SQLite file, `sqlite:<path>`, or `postgres://…`. */
export function parseDatabaseUrl(value: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = (value ?? '').trim();
  if (raw === '') return { engine: 'sqlite', location: resolve(cwd, 'data/helhed.sqlite') };
  if (/^postgres(ql)?:\/\//i.test(raw)) return { engine: 'postgres', location: raw };
  if (/^sqlite:/i.test(raw)) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('DATABASE_URL', 'sqlite: skal efterfølges af en filsti, fx sqlite:data/helhed.sqlite');
    return { engine: 'sqlite', location: path === ':memory:' ? path : resolve(cwd, path) };
  }
  throw new ConfigError('DATABASE_URL', `ukendt databaseadresse «${raw}»; brug sqlite:<sti> eller postgres://…`);
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Ugyldig konfiguration i ${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(name, `skal være et helt tal på mindst ${min}, fik «${raw}»`);
  return n;
}

/**
 * The secret comes from HELHED_SECRET (hex or base64, at least 32 bytes) or from a key file that is created on first
 * start beside the data, readable by the owner only. It never lives in the database, so a database dump alone
 * cannot forge tokens or reverse keyed hashes.
 */
function loadSecret(env: NodeJS.ProcessEnv): Buffer {
  const given = env.HELHED_SECRET?.trim();
  if (given) {
    const bytes = /^[0-9a-f]+$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.from(given, 'base64');
    if (bytes.length < 32) throw new ConfigError('HELHED_SECRET', 'skal være mindst 32 byte (64 hex-tegn)');
    return bytes;
  }
  const file = resolve(env.HELHED_SECRET_FILE ?? 'data/secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dirname(file), { recursive: true });
  const bytes = randomBytes(32);
  writeFileSync(file, bytes.toString('hex') + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return bytes;
}

/**
 * HELHED_RETENTION_MONTHS: 24 by default (why: src/privacy/retention.ts). Fewer than 6 months would erase people
 * before a cohort's first term after enrolment is measured; more than 120 (ten years) is no retention at all.
 */
function retentionMonths(env: NodeJS.ProcessEnv): number {
  const raw = env.HELHED_RETENTION_MONTHS;
  if (raw === undefined || raw.trim() === '') return 24;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 6 || n > 120) {
    throw new ConfigError('HELHED_RETENTION_MONTHS', `skal være et helt antal måneder mellem 6 og 120 (fx 24), fik «${raw}»`);
  }
  return n;
}

/** HELHED_SMTP_URL: an smtp:// or smtps:// address, or nothing (no e-mail is sent). */
function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.HELHED_SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('HELHED_SMTP_URL', `«${raw.replace(/\/\/[^@/]*@/, '//…@')}» er ikke en adresse; skriv fx smtp://bruger:kode@mail.example.dk:587`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError('HELHED_SMTP_URL', `skal begynde med smtp:// eller smtps://, ikke ${url.protocol}//`);
  }
  if (url.hostname === '') throw new ConfigError('HELHED_SMTP_URL', 'mangler værtens navn, fx smtp://mail.example.dk:587');
  return raw;
}

/** Reads the configuration from environment variables (see README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0);
  const host = env.HOST?.trim() || '0.0.0.0';
  const issuer = env.HELHED_OIDC_ISSUER?.trim();
  return {
    host,
    port,
    database: parseDatabaseUrl(env.DATABASE_URL),
    publicUrl: (env.HELHED_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/$/, ''),
    adminEmail: env.HELHED_ADMIN_EMAIL?.trim() || undefined,
    adminPassword: env.HELHED_ADMIN_PASSWORD || undefined,
    secret: loadSecret(env),
    session: {
      idleMinutes: integer(env, 'HELHED_SESSION_IDLE_MINUTES', 60),
      absoluteHours: integer(env, 'HELHED_SESSION_MAX_HOURS', 12),
    },
    loginThrottle: {
      maxFailuresPerAccount: integer(env, 'HELHED_LOGIN_MAX_FAILURES', 5),
      maxFailuresPerAddress: integer(env, 'HELHED_LOGIN_MAX_FAILURES_PER_IP', 30),
      windowMinutes: integer(env, 'HELHED_LOGIN_WINDOW_MINUTES', 15),
      lockoutMinutes: integer(env, 'HELHED_LOGIN_LOCKOUT_MINUTES', 15),
    },
    trustProxy: env.HELHED_TRUST_PROXY === '1' || env.HELHED_TRUST_PROXY === 'true',
    oidc: issuer
      ? { issuer, clientId: env.HELHED_OIDC_CLIENT_ID?.trim() ?? '', clientSecret: env.HELHED_OIDC_CLIENT_SECRET }
      : undefined,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    demoData: env.HELHED_DEMO_DATA === '1' || env.HELHED_DEMO_DATA === 'true',
    monitoring: {
      smallNumberThreshold: integer(env, 'HELHED_SMALL_NUMBER_THRESHOLD', 5, 2),
      jumpSharePoints: integer(env, 'HELHED_JUMP_PROCENTPOINT', 10),
      jumpRelativePercent: integer(env, 'HELHED_JUMP_PROCENT', 50),
    },
    mail: { smtpUrl: smtpUrl(env), from: env.HELHED_MAIL_FROM?.trim() || 'Helhed <helhed@localhost>' },
    privacy: { retentionMonths: retentionMonths(env) },
  };
}
