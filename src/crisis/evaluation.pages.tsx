import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Pages of the crisis module, part G, evaluation and the annual status meeting (issue 7). */
export function evaluationPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
