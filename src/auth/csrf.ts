import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfError } from '../errors/errors.js';
import { hmac, randomToken, safeEqual } from './secrets.js';

export const ANON_CSRF_COOKIE = 'helhed_csrf';

let secretKey: Buffer | null = null;

/** Set once at start-up from the configuration. */
export function configureCsrf(secret: Buffer): void {
  secretKey = secret;
}

function key(): Buffer {
  if (!secretKey) throw new Error('CSRF is not configured');
  return secretKey;
}

/**
 * The token a form on this page must send back. Signed-in users get their session's token; visitors who are not
 * signed in (login, setup, password reset) get an HMAC of a random cookie (double-submit, signed).
 */
export function csrfTokenFor(request: FastifyRequest): string {
  if (request.principal?.csrfToken) return request.principal.csrfToken;
  return request.anonymousCsrf ? hmac(key(), request.anonymousCsrf) : '';
}

/** Gives a visitor without a session the cookie that anonymous forms are bound to. */
export function ensureAnonymousCsrf(request: FastifyRequest, reply: FastifyReply): void {
  if (request.principal) return;
  const existing = request.cookies[ANON_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing)) {
    request.anonymousCsrf = existing;
    return;
  }
  const value = randomToken(24);
  request.anonymousCsrf = value;
  reply.setCookie(ANON_CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isJson(request: FastifyRequest): boolean {
  return /^application\/([a-z.+-]*\+)?json\b/i.test(request.headers['content-type'] ?? '');
}

function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Refuses a state-changing request that could have been forged by another site:
 * - API tokens are not sent by browsers on their own, so token requests pass;
 * - JSON bodies, and PUT, PATCH and DELETE, cannot be sent cross-site without a CORS preflight (which Helhed never
 *   grants), but the Origin is checked too;
 * - everything else (HTML forms) must carry the page's CSRF token in `_csrf` or the `X-CSRF-Token` header.
 */
export function verifyCsrf(request: FastifyRequest): void {
  if (!UNSAFE.has(request.method)) return;
  if (request.principal?.via === 'token') return;
  if (!sameOrigin(request)) throw new CsrfError('Forespørgslen kom fra et andet websted og er afvist.');
  if ((request.method !== 'POST' || isJson(request)) && !request.headers['x-csrf-token']) return;
  const body = request.body as Record<string, unknown> | undefined;
  // A file upload (multipart) is read as a stream by its route, after this check: its form carries the token in the
  // action's query string instead, which is as secret as the body (same origin, POST, never a link).
  const query = isMultipart(request) ? (request.query as Record<string, unknown> | undefined) : undefined;
  const sent =
    (typeof body?._csrf === 'string' ? body._csrf : undefined) ??
    (typeof query?._csrf === 'string' ? query._csrf : undefined) ??
    (request.headers['x-csrf-token'] as string | undefined);
  const expected = csrfTokenFor(request);
  if (!sent || !expected || !safeEqual(sent, expected)) throw new CsrfError();
}
