import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Pages of the crisis module, part A, the crisis group (members, confirmations, campaign, crisis card) (issue 7). */
export function crisisGroupPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
