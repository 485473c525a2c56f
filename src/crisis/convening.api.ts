import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of the crisis module, part C, deadlines, invitations, confirmations, escalation, settings (issue 7). */
export function conveningApi(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
