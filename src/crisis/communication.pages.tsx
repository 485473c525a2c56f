import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Pages of the crisis module, part E, communication plans, approvals, press contacts (issue 7). */
export function communicationPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
