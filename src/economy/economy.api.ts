import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of the economy (issue 6). */
export function economyApi(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
