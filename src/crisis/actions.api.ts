import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { isoWithOffset } from '../time/copenhagen.js';
import { sourceText, TASK_STATUSES, TASK_STATUS_NAMES, type TaskStatus } from './actions.js';
import { actionServiceFor, ownMemberIds, type Task, type TaskInput, type TaskView } from './actions.service.js';
import { ACTION_TEMPLATES } from './content/action-templates.js';
import { DUTIES, DUTY_PARTIES } from './content/duties.js';
import { crisisAccessOf } from './crisis-access.js';
import { meetingServiceFor } from '../governance/meetings.service.js';
import { situationType } from './levels.js';

const TAGS = ['beredskab'];
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Instant = (description: string) => Type.String({ description: `${description}, ISO 8601 med tidszone, fx 2026-03-28T20:30:00+01:00` });
// An enum rather than a union of literals, so that a wrong status is answered with every allowed value.
const Status = Type.Unsafe<TaskStatus>({ type: 'string', enum: [...TASK_STATUSES], description: 'aaben (Åben), i_gang (I gang), udfoert (Udført) eller annulleret (Annulleret)' });

const TaskSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  ownerMemberId: Nullable(Type.String({ description: 'Beredskabsgruppens medlem, der er ansvarlig; null for en ansvarlig uden for gruppen' })),
  owner: Type.String({ description: 'Den ansvarlige, som siden viser det' }),
  organisation: Nullable(Type.String()),
  deadlineAt: Nullable(Instant('Frist')),
  overdue: Type.Boolean({ description: 'Fristen er overskredet, og opgaven er hverken udført eller annulleret' }),
  deadlineText: Nullable(Type.String({ description: 'Tid tilbage eller hvor længe fristen har været overskredet, i ord; null for udførte og annullerede' })),
  status: Type.String({ description: 'aaben, i_gang, udfoert eller annulleret' }),
  statusName: Type.String({ description: 'Åben, I gang, Udført eller Annulleret' }),
  templateKey: Nullable(Type.String({ description: 'Skabelonopgaven, opgaven er oprettet fra; null for en opgave oprettet i hånden' })),
  mine: Type.Boolean({ description: 'Opgaven er den kaldende brugers (eller det medlems, brugeren er suppleant for)' }),
  updatedAt: Instant('Sidst ændret'),
  updatedBy: Type.String(),
});
type TaskJson = Static<typeof TaskSchema>;

const TaskList = Type.Object({ incidentId: Type.String(), tasks: Type.Array(TaskSchema) });

const TaskBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 300, description: 'Hvad opgaven går ud på (påkrævet ved oprettelse)' })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    ownerMemberId: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'Id på et medlem af beredskabsgruppen' }))),
    ownerLabel: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Den ansvarlige uden for gruppen, når ownerMemberId er null, fx Brandvæsenet' }))),
    organisation: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Organisationen for en ansvarlig uden for gruppen' }))),
    deadlineAt: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Frist, ISO 8601 med tidszone; null for ingen frist' }))),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);
type TaskBodyT = Static<typeof TaskBody>;

const IncidentParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const TaskParams = Type.Object({ id: Type.String({ maxLength: 100 }), taskId: Type.String({ maxLength: 100 }) });

const PlanRefSchema = Type.Object({ lines: Type.Array(Type.Integer(), { description: 'Første og sidste linje i helhedsplanens tekst' }) });
const TemplatesSchema = Type.Object({
  duties: Type.Array(
    Type.Object({
      key: Type.String(),
      party: Type.String({ description: 'myndigheder, ssp, sekretariat, boligorganisationer eller alle' }),
      partyName: Type.String(),
      who: Type.Array(Type.String(), { description: 'Roller i beredskabsgruppen, eller «alle»' }),
      text: Type.String(),
      ref: PlanRefSchema,
    }),
  ),
  templates: Type.Array(
    Type.Object({
      situationType: Type.String(),
      situationName: Type.String(),
      tasks: Type.Array(
        Type.Object({
          key: Type.String(),
          title: Type.String(),
          role: Type.String({ description: 'Rollen i beredskabsgruppen, eller «alle» (én opgave til hvert medlem)' }),
          hours: Type.Object({ roed: Type.Integer(), gul: Type.Integer() }, { description: 'Frist i timer efter aktiveringen (eller seneste niveauskift) pr. niveau' }),
          fromPlan: Type.Boolean({ description: 'true: udfører pligter fra beredskabsplanen; false: Helheds forslag' }),
          duties: Type.Array(Type.String(), { description: 'De pligter (key), opgaven udfører' }),
          source: Type.String(),
        }),
      ),
    }),
  ),
});

function present(t: Task | TaskView, mine: ReadonlySet<string>): TaskJson {
  const deadline = 'deadline' in t ? t.deadline : null;
  return {
    id: t.id,
    incidentId: t.incidentId,
    title: t.title,
    description: t.description,
    ownerMemberId: t.ownerMemberId,
    owner: t.ownerLabel,
    organisation: t.organisation,
    deadlineAt: t.deadlineAt ? isoWithOffset(new Date(t.deadlineAt)) : null,
    overdue: deadline?.overdue ?? false,
    deadlineText: deadline?.text ?? null,
    status: t.status,
    statusName: TASK_STATUS_NAMES[t.status],
    templateKey: t.templateKey,
    mine: t.ownerMemberId !== null && mine.has(t.ownerMemberId),
    updatedAt: isoWithOffset(new Date(t.updatedAt)),
    updatedBy: t.updatedByLabel,
  };
}

const inputOf = (b: TaskBodyT): TaskInput => {
  const input: TaskInput = {};
  if (b.title !== undefined) input.title = b.title;
  if (b.description !== undefined) input.description = b.description;
  if (b.ownerMemberId !== undefined) input.ownerMemberId = b.ownerMemberId;
  if (b.ownerLabel !== undefined) input.ownerLabel = b.ownerLabel;
  if (b.organisation !== undefined) input.organisation = b.organisation;
  if (b.deadlineAt !== undefined) input.deadlineAt = b.deadlineAt;
  if (b.status !== undefined) input.status = b.status;
  return input;
};

/** JSON API of the crisis module, part D: an incident's action plan, and the plan's duties and templates (issue 7). */
export function actionsApi(services: AppServices): FastifyPluginAsync {
  const actions = actionServiceFor(services);
  const write = { config: { access: 'beredskab.activate' as const } };
  const read = { config: { access: 'beredskab.read' as const } };

  /** The member ids whose tasks are the caller's. */
  const mineOf = async (principal: Parameters<typeof crisisAccessOf>[1], planId: string) => {
    const access = await crisisAccessOf(services.database, principal, planId);
    if (access.memberIds.length === 0) return new Set<string>();
    return new Set(ownMemberIds(access.memberIds, await meetingServiceFor(services).members(planId, 'beredskabsgruppe')));
  };
  const one = async (request: Parameters<typeof planOf>[0], incidentId: string, taskId: string) => {
    const planId = planOf(request).id;
    return present(await actions.task(planId, incidentId, taskId), await mineOf(principalOf(request), planId));
  };

  return async (app) => {
    app.get(
      '/api/v1/beredskab/haendelser/:id/opgaver',
      { ...read, schema: { tags: TAGS, summary: 'Hændelsens handleplan: opgaverne med ansvarlig, frist (overskredet eller ej) og status', params: IncidentParams, response: { 200: TaskList, 404: ApiErrorSchema } } },
      async (request) => {
        const planId = planOf(request).id;
        const { id } = request.params as Static<typeof IncidentParams>;
        const [tasks, mine] = await Promise.all([actions.tasks(planId, id), mineOf(principalOf(request), planId)]);
        return { incidentId: id, tasks: tasks.map((t) => present(t, mine)) };
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/opgaver',
      {
        ...write,
        schema: {
          tags: TAGS,
          summary: 'Tilføj en opgave til hændelsens handleplan (ansvarlig i beredskabsgruppen eller navngivet uden for den)',
          params: IncidentParams,
          body: TaskBody,
          response: { 201: TaskSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params as Static<typeof IncidentParams>;
        const task = await actions.create(actorOf(request), planOf(request).id, id, inputOf(request.body as TaskBodyT));
        return reply.code(201).header('location', `/api/v1/beredskab/haendelser/${id}/opgaver/${task.id}`).send(await one(request, id, task.id));
      },
    );

    app.put(
      '/api/v1/beredskab/haendelser/:id/opgaver/:taskId',
      {
        ...write,
        schema: {
          tags: TAGS,
          summary: 'Ændr en opgave i handleplanen: de felter, der sendes, ændres (fx kun status); de andre beholder deres værdi',
          params: TaskParams,
          body: TaskBody,
          response: { 200: TaskSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const { id, taskId } = request.params as Static<typeof TaskParams>;
        await actions.update(actorOf(request), planOf(request).id, id, taskId, inputOf(request.body as TaskBodyT));
        return one(request, id, taskId);
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/opgaver/fra-skabelon',
      {
        ...write,
        schema: {
          tags: TAGS,
          summary: 'Opret handleplanen fra skabelonen for hændelsens situationstype; opgaver, der allerede er oprettet fra skabelonen, oprettes ikke igen',
          params: IncidentParams,
          response: { 200: Type.Object({ created: Type.Integer({ description: 'Antal opgaver tilføjet nu (0, når skabelonens opgaver fandtes)' }), tasks: Type.Array(TaskSchema) }), 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const { id } = request.params as Static<typeof IncidentParams>;
        const created = await actions.createFromTemplate(actorOf(request), planId, id);
        const [tasks, mine] = await Promise.all([actions.tasks(planId, id), mineOf(principalOf(request), planId)]);
        return { created: created.length, tasks: tasks.map((t) => present(t, mine)) };
      },
    );

    app.get(
      '/api/v1/beredskab/skabeloner',
      { ...read, schema: { tags: TAGS, summary: 'Beredskabsplanens pligter for hver organisation og handleplanskabelonerne for hver situationstype, med henvisning til planens linjer', response: { 200: TemplatesSchema } } },
      async () => ({
        duties: DUTIES.map((d) => ({ key: d.key, party: d.party, partyName: DUTY_PARTIES.find((p) => p.key === d.party)!.name, who: [...d.who], text: d.text, ref: { lines: [...d.ref.lines] } })),
        templates: ACTION_TEMPLATES.map((t) => ({
          situationType: t.situationType,
          situationName: situationType(t.situationType)?.label ?? t.situationType,
          tasks: t.tasks.map((task) => ({
            key: task.key,
            title: task.title,
            role: task.role,
            hours: { ...task.hours },
            fromPlan: task.source !== 'helhed',
            duties: task.source === 'helhed' ? [] : [...task.source.duties],
            source: sourceText(task),
          })),
        })),
      }),
    );
  };
}
