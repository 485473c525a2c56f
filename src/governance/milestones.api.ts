import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of milestone plans (issue 6). */
export function milestonesApi(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
