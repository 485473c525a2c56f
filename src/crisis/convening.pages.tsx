import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Pages of the crisis module, part C, deadlines, invitations, confirmations, escalation, settings (issue 7). */
export function conveningPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
