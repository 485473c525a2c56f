import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** LBF's grant, co-financing, budget, actuals and the board's follow-up (issue 6). */
export function economyPages(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
