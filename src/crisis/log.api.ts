import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of the crisis module, part F, the incident log, corrections, § 115, case-file PDF (issue 7). */
export function logApi(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
