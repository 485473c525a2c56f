import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

export function privacyApi(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
