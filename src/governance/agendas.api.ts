import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** JSON API of agendas, minutes, decisions, action items and recommendations (issue 6). */
export function agendasApi(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
