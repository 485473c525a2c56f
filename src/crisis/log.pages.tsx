import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Pages of the crisis module, part F, the incident log, corrections, § 115, case-file PDF (issue 7). */
export function logPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
