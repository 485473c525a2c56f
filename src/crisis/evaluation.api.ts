import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of the crisis module, part G, evaluation and the annual status meeting (issue 7). */
export function evaluationApi(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
