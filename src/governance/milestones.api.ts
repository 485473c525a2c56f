import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ValidationError } from '../errors/errors.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from './milestones.js';
import { milestoneServiceFor, type StoredAssessment } from './milestones.service.js';

const TAGS = ['styring'];
const IsoDate = (description: string) => Type.String({ maxLength: 10, description: `${description}, ÅÅÅÅ-MM-DD` });
// An enum rather than a union of literals, so that a wrong status is answered with every allowed value, not the first.
const Status = Type.Unsafe<MilestoneStatus>({ type: 'string', enum: [...MILESTONE_STATUSES], description: 'ikke startet, i gang, færdig eller udgået' });

const Milestone = Type.Object({
  id: Type.String(),
  interventionArea: Type.String({ description: 'Delaftalen (indsatsområdets slug), hvis milepælsplan milepælen hører til' }),
  activity: Type.Union([Type.String(), Type.Null()], { description: 'Aktivitetens slug; null for en milepæl for hele delaftalen' }),
  title: Type.String(),
  dueDate: Type.String({ description: 'Frist, ÅÅÅÅ-MM-DD' }),
  owner: Type.String({ description: 'Ansvarlig: en organisation eller en person' }),
  status: Type.String({ description: 'ikke startet, i gang, færdig eller udgået' }),
  completedOn: Type.Union([Type.String(), Type.Null()], { description: 'Færdig den, ÅÅÅÅ-MM-DD; kun når status er færdig' }),
  note: Type.Union([Type.String(), Type.Null()]),
  dependsOn: Type.Array(Type.String(), { description: 'Id for milepælene i samme plan, som denne afhænger af' }),
  flag: Type.Union([Type.Literal('forsinket'), Type.Literal('i risiko'), Type.Literal('færdig for sent'), Type.Null()], { description: 'Vurderingen pr. i dag' }),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Vurderingens begrundelse med datoerne' }),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});

const MilestoneList = Type.Object({ today: Type.String({ description: 'Datoen, vurderingerne gælder for' }), milestones: Type.Array(Milestone) });

const MilestoneBody = Type.Object(
  {
    interventionArea: Type.String({ minLength: 1, maxLength: 100, description: 'Delaftalen (indsatsområdets slug); kan ikke ændres med PUT' }),
    activity: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { description: 'Aktivitetens slug; udelad for hele delaftalen' })),
    title: Type.String({ maxLength: 200 }),
    dueDate: IsoDate('Frist'),
    owner: Type.String({ maxLength: 200 }),
    status: Status,
    completedOn: Type.Optional(Type.Union([IsoDate('Færdig den'), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    dependsOn: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);
type MilestoneBodyT = Static<typeof MilestoneBody>;

const StatusBody = Type.Object({ status: Status, completedOn: Type.Optional(Type.Union([IsoDate('Færdig den'), Type.Null()])) }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const ListQuery = Type.Object({
  area: Type.Optional(Type.String({ maxLength: 100, description: 'Kun denne delaftales milepælsplan (indsatsområdets slug)' })),
  activity: Type.Optional(Type.String({ maxLength: 100, description: 'Kun denne aktivitets milepæle (slug); «hele-delaftalen» for delaftalens egne' })),
});

function present(a: StoredAssessment): Static<typeof Milestone> {
  const m = a.milestone;
  return {
    id: m.id,
    interventionArea: m.interventionArea,
    activity: m.activity ?? null,
    title: m.title,
    dueDate: m.dueDate,
    owner: m.owner,
    status: m.status,
    completedOn: m.completedOn ?? null,
    note: m.note ?? null,
    dependsOn: m.dependsOn,
    flag: a.flag,
    reason: a.reason,
    updatedAt: m.updatedAt,
    updatedBy: m.updatedByLabel,
  };
}

const inputOf = (b: MilestoneBodyT) => ({
  interventionArea: b.interventionArea,
  activity: b.activity?.trim() || null,
  title: b.title,
  dueDate: b.dueDate,
  owner: b.owner,
  status: b.status,
  completedOn: b.completedOn || null,
  note: b.note?.trim() || null,
  dependsOn: b.dependsOn ?? [],
});

/** JSON API of milestone plans (issue 6): the milestones with today's flags, and their changes. */
export function milestonesApi(services: AppServices): FastifyPluginAsync {
  const milestones = milestoneServiceFor(services);
  const withFlag = async (planId: string, id: string) => present(await milestones.get(planId, id));
  return async (app) => {
    app.get(
      '/api/v1/milestones',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: TAGS,
          summary: 'Milepæle med vurdering pr. i dag (forsinket, i risiko, færdig for sent), for hele planen, én delaftale eller én aktivitet',
          querystring: ListQuery,
          response: { 200: MilestoneList, 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const { area, activity } = request.query as Static<typeof ListQuery>;
        const plans = await milestones.planInfo(planId);
        const plan = area === undefined ? undefined : plans.find((p) => p.slug === area);
        if (area !== undefined && !plan) throw new ValidationError([{ field: 'area', message: `Planen har ingen delaftale «${area}». Brug en af: ${plans.map((p) => p.slug).join(', ')}.` }]);
        const known = activity === undefined || activity === 'hele-delaftalen' || (plan ? plan.activities : plans.flatMap((p) => p.activities)).some((a) => a.slug === activity);
        if (!known) throw new ValidationError([{ field: 'activity', message: `Aktiviteten «${activity}» findes ikke${plan ? ` i delaftalen for ${plan.name}` : ' i planen'}.` }]);
        const all = await milestones.assessed(planId, area === undefined ? {} : { interventionArea: area });
        const shown = activity === undefined ? all : all.filter((a) => (a.milestone.activity ?? 'hele-delaftalen') === activity);
        return { today: milestones.today(), milestones: shown.map(present) };
      },
    );

    app.post(
      '/api/v1/milestones',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Tilføj en milepæl til en delaftales milepælsplan (afvises med en dansk forklaring ved kredse eller frister før en afhængigheds)',
          body: MilestoneBody,
          response: { 201: Milestone, 400: ApiErrorSchema, 403: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const planId = planOf(request).id;
        const id = await milestones.create(actorOf(request), planId, inputOf(request.body as MilestoneBodyT));
        return reply.code(201).header('location', `/api/v1/milestones/${id}`).send(await withFlag(planId, id));
      },
    );

    app.get(
      '/api/v1/milestones/:id',
      {
        config: { access: 'plan.read' },
        schema: { tags: TAGS, summary: 'Én milepæl med vurdering pr. i dag', params: IdParams, response: { 200: Milestone, 404: ApiErrorSchema } },
      },
      async (request) => withFlag(planOf(request).id, (request.params as { id: string }).id),
    );

    app.put(
      '/api/v1/milestones/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Erstat en milepæls oplysninger og afhængigheder (den bliver i sin delaftales plan)',
          params: IdParams,
          body: MilestoneBody,
          response: { 200: Milestone, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const id = (request.params as { id: string }).id;
        await milestones.update(actorOf(request), planId, id, inputOf(request.body as MilestoneBodyT));
        return withFlag(planId, id);
      },
    );

    app.delete(
      '/api/v1/milestones/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Slet en milepæl (afvises med 409, når andre milepæle afhænger af den)',
          params: IdParams,
          response: { 204: Type.Null(), 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        await milestones.remove(actorOf(request), planOf(request).id, (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );

    app.put(
      '/api/v1/milestones/:id/status',
      {
        config: { access: 'activities.report' },
        schema: {
          tags: TAGS,
          summary: 'Sæt en milepæls status og færdigdato (partnere: kun milepæle for egne aktiviteter)',
          params: IdParams,
          body: StatusBody,
          response: { 200: Milestone, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const id = (request.params as { id: string }).id;
        const body = request.body as Static<typeof StatusBody>;
        await milestones.setStatus(principalOf(request), actorOf(request), planId, id, { status: body.status, completedOn: body.completedOn || null });
        return withFlag(planId, id);
      },
    );
  };
}
