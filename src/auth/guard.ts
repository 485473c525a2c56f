import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { allows, isPermission, type RouteAccess } from './permissions.js';
import type { AuthService } from './auth.service.js';
import { ensureAnonymousCsrf, verifyCsrf } from './csrf.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.js';
import { wantsJson } from '../errors/error-handler.js';

export const SESSION_COOKIE = 'helhed_session';

/** Every route registered so far with what it requires; the permission test walks this list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

function validAccess(value: unknown): value is RouteAccess {
  return value === 'public' || value === 'authenticated' || isPermission(value);
}

/**
 * Makes access control impossible to forget: a route that does not declare `config.access` cannot be registered, and
 * every request is checked against its route's declaration before the handler runs.
 */
export function installGuard(app: FastifyInstance, auth: AuthService, routes: RegisteredRoute[]): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('anonymousCsrf', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    if (!validAccess(access)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no valid access (config.access); every route must.`);
    }
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      request.principal = match ? await auth.resolveApiToken(match[1]!) : null;
      if (!request.principal) throw new UnauthenticatedError('API-nøglen er ugyldig, udløbet eller tilbagekaldt.');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        request.principal = await auth.resolveSession(cookie);
        if (!request.principal) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    ensureAnonymousCsrf(request, reply);

    const access = request.routeOptions.config?.access;
    if (access === undefined) return; // no route matched: the not-found handler answers
    if (allows(access, request.principal !== null, request.principal?.roles ?? [])) return;
    if (!request.principal) {
      if (request.routeOptions.config.redirectAnonymousToLogin) return reply.code(303).header('location', '/logind').send();
      if (!wantsJson(request) && request.method === 'GET') {
        return reply.code(303).header('location', `/logind?naeste=${encodeURIComponent(request.url)}`).send();
      }
      throw new UnauthenticatedError();
    }
    throw new ForbiddenError(
      request.principal.plan
        ? 'Din rolle i planen giver ikke adgang til dette.'
        : 'Du har endnu ingen rolle i en plan. Bed en administrator om adgang.',
    );
  });

  // After the body is parsed and before it is validated or used.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    verifyCsrf(request);
  });
}
