import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** Milestone plans per sub-agreement and activity (issue 6). */
export function milestonePages(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
