import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of data deliveries and reminders (issue 6). */
export function deliveriesApi(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
