import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { takeFlash } from './flash.js';
import type { PageContext } from './layout.js';
import { renderDocument } from './render.js';
import { csrfTokenFor } from '../auth/csrf.js';

/** What every page template needs from the request: who, the CSRF token, where, and a one-time message. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return { principal: request.principal, csrf: csrfTokenFor(request), path: request.url, flash: takeFlash(request, reply) };
}

/** Sends a rendered page. Pages with personal or plan data are never cached by browsers or proxies. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(page));
}

/** Post/Redirect/Get: a successful form POST answers 303 to the page that shows the result. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}

/** Only local paths are followed after login, so the login page cannot be used to send users elsewhere. */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
