import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Agendas, minutes, decisions, action items and recommendations (issue 6). */
export function agendaPages(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
