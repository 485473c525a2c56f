import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { outputServiceFor } from './outputs.service.js';
import { staffHourServiceFor } from './staff-hours.service.js';

const YearQuery = Type.Object({ year: Type.Optional(Type.String({ maxLength: 10, description: 'Planåret, fx 2025/26; som standard det nuværende' })) });
const Count = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()], { description: 'Tallet; null når det skjules (små tal) eller ikke er indberettet' }),
  text: Type.String({ description: 'Tallet som det må vises, fx «12», «<5» eller «ikke indberettet»' }),
  suppressed: Type.Boolean(),
});

const OutputsResponse = Type.Object({
  year: Type.Object({ label: Type.String(), start: Type.String(), end: Type.String() }),
  today: Type.String(),
  threshold: Type.Integer(),
  activities: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      interventionArea: Type.String(),
      targets: Type.Array(
        Type.Object({
          code: Type.String(),
          measure: Type.String(),
          printed: Type.String(),
          per: Type.String(),
          rule: Type.String(),
          ruleText: Type.String(),
          delivered: Count,
          status: Type.String(),
          text: Type.Union([Type.String(), Type.Null()]),
          forecast: Type.Union([Type.Integer(), Type.Null()]),
          courses: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), start: Type.String(), figure: Count, status: Type.String(), text: Type.String() })),
        }),
      ),
    }),
  ),
  byInterventionArea: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), participants: Count, households: Count })),
  byArea: Type.Object({
    areas: Type.Array(Type.Object({ slug: Type.Union([Type.String(), Type.Null()], { description: 'null: uden for områderne eller ukendt' }), name: Type.String() })),
    activities: Type.Array(Type.Object({ slug: Type.String(), participants: Type.Array(Type.String(), { description: 'Deltagere pr. område i områdernes rækkefølge, som de må vises («<5», «–»)' }), total: Type.String() })),
  }),
});

const ReportBody = Type.Object(
  {
    activity: Type.String({ minLength: 1, maxLength: 100 }),
    target: Type.String({ minLength: 1, maxLength: 100 }),
    year: Type.String({ minLength: 1, maxLength: 10, description: 'Planåret, fx 2025/26' }),
    delivered: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const HoursBody = Type.Object(
  {
    line: Type.String({ minLength: 1, maxLength: 300, description: 'Linjens nøgle fra GET /api/v1/staff-hours (indsatsområde|aktivitet|organisation)' }),
    month: Type.String({ minLength: 1, maxLength: 10, description: 'Måneden, ÅÅÅÅ-MM' }),
    hours: Type.Number({ minimum: 0, maximum: 20_000 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const HoursResponse = Type.Object({
  year: Type.Object({ label: Type.String(), start: Type.String(), end: Type.String() }),
  today: Type.String(),
  lines: Type.Array(
    Type.Object({
      key: Type.String(),
      organisation: Type.String(),
      interventionArea: Type.String(),
      activity: Type.Union([Type.String(), Type.Null()]),
      printed: Type.String(),
      agreedPerYear: Type.Union([Type.Number(), Type.Null()]),
      expectedByNow: Type.Union([Type.Number(), Type.Null()]),
      delivered: Type.Number(),
      shortfall: Type.Number(),
      status: Type.String(),
    }),
  ),
});

/**
 * The JSON API of outputs and staff hours. Outputs leave the system here, so small counts of persons are suppressed for
 * everyone, administrators included (PRODUCT.md, "Small numbers": the API).
 */
export function outputsApi(services: AppServices): FastifyPluginAsync {
  const outputs = outputServiceFor(services);
  const hours = staffHourServiceFor(services);
  return async (app) => {
    app.get(
      '/api/v1/outputs',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags: ['aktiviteter'],
          summary: 'Aktiviteternes mål mod det leverede i et planår (små tal skjult)',
          querystring: YearQuery,
          response: { 200: OutputsResponse, 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const year = (request.query as { year?: string }).year;
        const [{ overview, rows }, { table }] = await Promise.all([outputs.byInterventionArea({ suppressAll: true }, planId, year), outputs.byArea({ suppressAll: true }, planId, year)]);
        return {
          year: { label: overview.year.label, start: overview.year.start, end: overview.year.end },
          today: overview.today,
          threshold: overview.threshold,
          activities: overview.activities.map((a) => ({
            slug: a.slug,
            name: a.name,
            interventionArea: a.interventionAreaSlug,
            targets: a.targets.map((t) => ({
              code: t.target.code,
              measure: t.target.measure,
              printed: t.target.printed,
              per: t.target.per,
              rule: t.rule.kind,
              ruleText: t.ruleText,
              delivered: t.delivered,
              status: t.status,
              text: t.assessment?.text ?? null,
              forecast: t.assessment?.forecast ?? null,
              courses: t.courses.map((c) => ({ code: c.code, name: c.name, start: c.startDate, figure: c.figure, status: c.assessment.status, text: c.assessment.text })),
            })),
          })),
          byInterventionArea: rows.map((r) => ({ slug: r.slug, name: r.name, participants: r.participants, households: r.households })),
          byArea: { areas: table.areas, activities: table.rows.map((r) => ({ slug: r.activitySlug, participants: r.cells, total: r.total })) },
        };
      },
    );

    app.post(
      '/api/v1/outputs/reports',
      {
        config: { access: 'activities.report' },
        schema: {
          tags: ['aktiviteter'],
          summary: 'Indberet et tal for et mål, Helhed ikke tæller selv, for et planår (erstatter en tidligere indberetning)',
          body: ReportBody,
          response: { 204: Type.Null(), 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { activity: string; target: string; year: string; delivered: number; note?: string };
        await outputs.report(principalOf(request), actorOf(request), planOf(request).id, {
          activitySlug: body.activity,
          targetCode: body.target,
          year: body.year,
          delivered: body.delivered,
          note: body.note?.trim() || null,
        });
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/staff-hours',
      {
        config: { access: 'dashboard.read' },
        schema: { tags: ['aktiviteter'], summary: 'Aftalte mod leverede medarbejdertimer i et planår', querystring: YearQuery, response: { 200: HoursResponse, 400: ApiErrorSchema } },
      },
      async (request) => {
        const overview = await hours.overview(planOf(request).id, (request.query as { year?: string }).year);
        return {
          year: { label: overview.year.label, start: overview.year.start, end: overview.year.end },
          today: overview.today,
          lines: overview.lines.map((l) => ({
            key: l.key,
            organisation: l.organisation,
            interventionArea: l.interventionAreaSlug,
            activity: l.activitySlug || null,
            printed: l.printed,
            agreedPerYear: l.hoursPerYear,
            expectedByNow: l.assessment.expectedByNow,
            delivered: l.delivered,
            shortfall: l.assessment.shortfall,
            status: l.assessment.status,
          })),
        };
      },
    );

    app.post(
      '/api/v1/staff-hours/reports',
      {
        config: { access: 'activities.report' },
        schema: {
          tags: ['aktiviteter'],
          summary: 'Indberet en måneds timer for en linje af aftalte timer (partnere: kun egen organisation)',
          body: HoursBody,
          response: { 204: Type.Null(), 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { line: string; month: string; hours: number; note?: string };
        await hours.report(principalOf(request), actorOf(request), planOf(request).id, { line: body.line, month: body.month, hours: body.hours, note: body.note?.trim() || null });
        return reply.code(204).send();
      },
    );
  };
}
