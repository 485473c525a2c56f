import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of the crisis module, part D, action plans and the plan's duties (issue 7). */
export function actionsApi(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
