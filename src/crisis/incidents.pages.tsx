import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Pages of the crisis module, part B, activation, levels, police consultation, stand-down (issue 7). */
export function incidentsPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
