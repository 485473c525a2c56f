import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

export function coursePages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
