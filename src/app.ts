import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import './web/fastify-types.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { AuthService } from './auth/auth.service.js';
import { PlanService } from './plan/plan.service.js';
import { MeasurementService } from './monitoring/measurements.service.js';
import { MonitoringService } from './monitoring/monitoring.service.js';
import { configureCsrf } from './auth/csrf.js';
import { installGuard, type RegisteredRoute } from './auth/guard.js';
import { installErrorHandling } from './errors/error-handler.js';
import { installSecurityHeaders } from './web/security-headers.js';
import { site } from './web/site.js';
import { hasDemoData } from './demo/demo-data.js';
import { DEFAULT_FLAG_CONFIG } from './monitoring/data-quality.js';
import { authRoutes } from './auth/auth.routes.js';
import { profileRoutes } from './auth/profile.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { homeRoutes } from './web/home.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { apiDocsRoutes } from './api/api-docs.routes.js';
import { areasApi } from './areas/areas.api.js';
import { planApi } from './plan/plan.api.js';
import { criteriaApi } from './monitoring/criteria.api.js';
import { measurementsApi } from './monitoring/measurements.api.js';
import { monitoringPages } from './monitoring/monitoring.pages.js';
import { dashboardPages } from './monitoring/dashboards.pages.js';
import { planPages } from './plan/plan.pages.js';
import { participantPages } from './participants/participants.pages.js';
import { participantsApi } from './participants/participants.api.js';
import { coursePages } from './activities/courses.pages.js';
import { coursesApi } from './activities/courses.api.js';
import { outputPages } from './activities/outputs.pages.js';
import { outputsApi } from './activities/outputs.api.js';
import { outcomePages } from './outcomes/outcomes.pages.js';
import { outcomesApi } from './outcomes/outcomes.api.js';
import { privacyPages } from './privacy/privacy.pages.js';
import { privacyApi } from './privacy/privacy.api.js';
import { PrivacyService } from './privacy/privacy.service.js';
import { meetingPages } from './governance/meetings.pages.js';
import { meetingsApi } from './governance/meetings.api.js';
import { deliveryPages } from './governance/deliveries.pages.js';
import { deliveriesApi } from './governance/deliveries.api.js';
import { agendaPages } from './governance/agendas.pages.js';
import { agendasApi } from './governance/agendas.api.js';
import { milestonePages } from './governance/milestones.pages.js';
import { milestonesApi } from './governance/milestones.api.js';
import { economyPages } from './economy/economy.pages.js';
import { economyApi } from './economy/economy.api.js';
import { reportPages } from './reports/reports.pages.js';
import { reportsApi } from './reports/reports.api.js';
import { crisisGroupPages } from './crisis/crisis-group.pages.js';
import { crisisGroupApi } from './crisis/crisis-group.api.js';
import { incidentsPages } from './crisis/incidents.pages.js';
import { incidentsApi } from './crisis/incidents.api.js';
import { conveningPages } from './crisis/convening.pages.js';
import { conveningApi } from './crisis/convening.api.js';
import { actionsPages } from './crisis/actions.pages.js';
import { actionsApi } from './crisis/actions.api.js';
import { communicationPages } from './crisis/communication.pages.js';
import { communicationApi } from './crisis/communication.api.js';
import { logPages } from './crisis/log.pages.js';
import { logApi } from './crisis/log.api.js';
import { evaluationPages } from './crisis/evaluation.pages.js';
import { evaluationApi } from './crisis/evaluation.api.js';

/** What route modules get: the open database, configuration, services and the clock. */
export interface AppServices {
  config: Config;
  database: Db;
  auth: AuthService;
  plan: PlanService;
  measurements: MeasurementService;
  monitoring: MonitoringService;
  privacy: PrivacyService;
  clock: () => Date;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: AppServices;
  /** Every registered route with its declared access (for the permission test and the API docs). */
  routes: RegisteredRoute[];
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The package exports only its script, so the dist folder is found from that file.
const dkfdsDist = dirname(dirname(require.resolve('dkfds')));

/** Request bodies larger than this are refused with 413 (imports in later modules stream with their own limit). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Body schemas are checked strictly (no type coercion, unknown fields refused), while query strings and path
 * parameters, which arrive as text, are coerced to the declared types.
 */
function validators() {
  const strict = addFormats.default(new Ajv.default({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true, strict: false }));
  const lenient = addFormats.default(new Ajv.default({ allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true, strict: false }));
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) => (httpPart === 'body' ? strict.compile(schema) : lenient.compile(schema));
}

export async function buildApp(options: { config: Config; database: Db; clock?: () => Date; logger?: boolean }): Promise<BuiltApp> {
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.trustProxy,
    // Request lines only at debug level: at info they would double the work of a busy server for little insight.
    logController: new LogController({ disableRequestLogging: options.config.logLevel !== 'debug', requestIdLogLabel: 'reference' }),
    genReqId: () => Math.random().toString(36).slice(2, 12),
    ajv: { customOptions: {} },
  });
  app.setValidatorCompiler(validators());

  const auth = new AuthService(options.database, options.config, clock);
  const plan = new PlanService(options.database, clock);
  const m = options.config.monitoring;
  const monitoring = new MonitoringService(options.database, plan, {
    threshold: m.smallNumberThreshold,
    flags: { ...DEFAULT_FLAG_CONFIG, jump: { sharePoints: m.jumpSharePoints, relative: m.jumpRelativePercent / 100 } },
  });
  const measurements = new MeasurementService(options.database, plan, clock);
  measurements.onDataChanged = (planId) => monitoring.warm(planId);
  const privacy = new PrivacyService(options.database, plan, options.config, clock);
  const services: AppServices = { config: options.config, database: options.database, auth, plan, measurements, monitoring, privacy, clock };
  const routes: RegisteredRoute[] = [];
  configureCsrf(options.config.secret);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Helhed API',
        version: '1',
        description:
          'JSON-API til Helhed. Log ind med POST /api/v1/auth/login (sessionscookie) eller brug en API-nøgle i headeren Authorization: Bearer hh_…. Fejl har formen {"error":{"code","message","fields"?}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'helhed_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
  });
  // Files are served by routes declared here (not by the plugin's own), so they declare their access like any other.
  await app.register(fastifyStatic, { root: dkfdsDist, serve: false });

  installErrorHandling(app);
  installSecurityHeaders(app);
  installGuard(app, auth, routes);

  app.get('/static/dkfds/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=86400').sendFile(path, dkfdsDist);
  });
  app.get('/static/:file', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { file: string }).file;
    if (!/^[a-z0-9-]+\.(css|js)$/.test(file)) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=3600').sendFile(file, join(here, 'web/public'));
  });

  await app.register(healthRoutes(services));
  await app.register(authRoutes(services));
  await app.register(profileRoutes(services));
  await app.register(homeRoutes(services));
  await app.register(usersRoutes(services));
  await app.register(auditRoutes(services));
  await app.register(areasApi(services));
  await app.register(planApi(services));
  await app.register(criteriaApi(services));
  await app.register(measurementsApi(services));
  await app.register(monitoringPages(services));
  await app.register(dashboardPages(services));
  await app.register(planPages(services));
  await app.register(participantPages(services));
  await app.register(participantsApi(services));
  await app.register(coursePages(services));
  await app.register(coursesApi(services));
  await app.register(outputPages(services));
  await app.register(outputsApi(services));
  await app.register(outcomePages(services));
  await app.register(outcomesApi(services));
  await app.register(privacyPages(services));
  await app.register(privacyApi(services));
  await app.register(meetingPages(services));
  await app.register(meetingsApi(services));
  await app.register(deliveryPages(services));
  await app.register(deliveriesApi(services));
  await app.register(agendaPages(services));
  await app.register(agendasApi(services));
  await app.register(milestonePages(services));
  await app.register(milestonesApi(services));
  await app.register(economyPages(services));
  await app.register(economyApi(services));
  await app.register(reportPages(services));
  await app.register(reportsApi(services));
  await app.register(crisisGroupPages(services));
  await app.register(crisisGroupApi(services));
  await app.register(incidentsPages(services));
  await app.register(incidentsApi(services));
  await app.register(conveningPages(services));
  await app.register(conveningApi(services));
  await app.register(actionsPages(services));
  await app.register(actionsApi(services));
  await app.register(communicationPages(services));
  await app.register(communicationApi(services));
  await app.register(logPages(services));
  await app.register(logApi(services));
  await app.register(evaluationPages(services));
  await app.register(evaluationApi(services));
  await app.register(apiDocsRoutes(services, routes));

  site.demo = await hasDemoData(options.database.db);
  await app.ready();
  return { app, services, routes };
}
