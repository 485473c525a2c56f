import type { FastifyInstance } from 'fastify';
import { site } from './site.js';

/**
 * Headers on every response. Everything a page uses is served by Helhed, so the content security policy allows only
 * the same origin; no inline script is used anywhere.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    );
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    // API clients see it too: figures from a database with demo data are invented.
    if (site.demo) reply.header('x-helhed-demodata', 'ja');
    return payload;
  });
}
