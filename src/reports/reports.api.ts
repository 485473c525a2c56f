import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of reports and their frozen editions (issue 6). */
export function reportsApi(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
