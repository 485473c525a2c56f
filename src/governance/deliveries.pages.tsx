import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Data deliveries before each steering-group meeting, and reminders (issue 6). */
export function deliveryPages(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
