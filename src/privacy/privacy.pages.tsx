import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

export function privacyPages(_services: AppServices): FastifyPluginAsync {
  return async () => {};
}
