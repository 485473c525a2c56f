import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of the crisis module, part B, activation, levels, police consultation, stand-down (issue 7). */
export function incidentsApi(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
