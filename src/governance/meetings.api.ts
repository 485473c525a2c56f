import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of bodies, members and meetings (issue 6). */
export function meetingsApi(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
