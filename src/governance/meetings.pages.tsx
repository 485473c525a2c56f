import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** The governance hub `/styring`, the bodies and their members, the meeting calendar, invitations and the calendar feed (issue 6). */
export function meetingPages(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
