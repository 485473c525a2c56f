import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.service.js';
import { UnauthenticatedError } from '../errors/errors.js';
import type { ClientInfo } from './auth.service.js';
import type { PlanRef, Principal } from './principal.js';

export function clientOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: String(request.id) };
}

/** The audit actor for a signed-in request. */
export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return { userId: p?.userId ?? null, label: p?.email ?? 'anonym', planId: p?.plan?.id ?? null, ip: request.ip, requestId: String(request.id) };
}

/** The principal of a route that requires a login (the guard has already refused anyone else). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}

/** The current plan of a route that needs one. */
export function planOf(request: FastifyRequest): PlanRef {
  const plan = principalOf(request).plan;
  if (!plan) throw new UnauthenticatedError('Du har ingen plan at arbejde i.');
  return plan;
}
