import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { allows } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { NotFoundError } from '../errors/errors.js';
import { agendaServiceFor, type ActionItem, type AgendaItem, type Decision, type Recommendation } from './agendas.service.js';
import type { Meeting } from './meetings.service.js';
import type { ChangeProposal } from '../plan/plan.service.js';

const TAGS = ['styring'];
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const DateString = Type.String({ maxLength: 10, description: 'Dato, ÅÅÅÅ-MM-DD' });

const MeetingRef = Type.Object({ id: Type.String(), body: Type.String(), title: Type.String(), date: Type.String(), status: Type.String() });
const AgendaItemSchema = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  key: Type.String({ description: 'Et fast punkts nøgle (fx fremdrift) eller «ekstra»' }),
  title: Type.String(),
  attention: Type.Array(Type.String(), { description: 'Hvad der krævede opmærksomhed, da dagsordenen sidst blev dannet' }),
  description: Nullable(Type.String()),
  minutes: Nullable(Type.String()),
});
const AgendaResponse = Type.Object({ meeting: MeetingRef, items: Type.Array(AgendaItemSchema) });
const DecisionSchema = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  agendaItemId: Nullable(Type.String()),
  recommendationId: Nullable(Type.String()),
  text: Type.String(),
  createdAt: Type.String(),
});
const ActionItemSchema = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  agendaItemId: Nullable(Type.String()),
  title: Type.String(),
  owner: Type.String(),
  deadline: Type.String(),
  status: Type.String({ description: 'åben, udført eller annulleret' }),
  completedOn: Nullable(Type.String()),
  followUp: Nullable(Type.String()),
  followedUpMeetingId: Nullable(Type.String()),
  overdue: Type.Boolean({ description: 'Åben og over fristen' }),
});
const OpenActionSchema = Type.Intersect([ActionItemSchema, Type.Object({ meeting: MeetingRef })]);
const MinutesResponse = Type.Object({
  meeting: MeetingRef,
  publishedAt: Nullable(Type.String()),
  items: Type.Array(AgendaItemSchema),
  decisions: Type.Array(DecisionSchema),
  actionItems: Type.Array(ActionItemSchema),
  followUps: Type.Array(OpenActionSchema, { description: 'Aktionspunkter fra organets tidligere møder: de åbne og dem, der blev fulgt op på dette møde' }),
});
const ProposalRef = Type.Object({ id: Type.String(), subject: Type.String(), status: Type.String(), requiresLbf: Type.Boolean(), reason: Type.String(), href: Type.String() });
const RecommendationSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  text: Type.String(),
  subject: Type.String({ description: 'sub-agreement, strategic-agreement, commissorium eller other' }),
  status: Type.String({ description: 'udkast, indstillet, vedtaget, forkastet eller trukket' }),
  steeringMeetingId: Nullable(Type.String()),
  boardMeetingId: Nullable(Type.String()),
  proposalId: Nullable(Type.String()),
  boardDecision: Type.Union([Type.Object({ date: Type.String(), note: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const RecommendationDetail = Type.Intersect([RecommendationSchema, Type.Object({ proposal: Type.Union([ProposalRef, Type.Null()]), decisions: Type.Array(DecisionSchema) })]);

const AgendaItemBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    minutes: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
  },
  { additionalProperties: false },
);
const NewAgendaItemBody = Type.Object({ title: Type.String({ maxLength: 300 }), description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))) }, { additionalProperties: false });
const DecisionBody = Type.Object(
  { text: Type.String({ maxLength: 20_000 }), agendaItemId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))), recommendationId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))) },
  { additionalProperties: false },
);
const NewActionItemBody = Type.Object(
  {
    meetingId: Type.String({ minLength: 1, maxLength: 100, description: 'Mødet, hvis referat aktionspunktet står i' }),
    title: Type.String({ maxLength: 300 }),
    owner: Type.String({ maxLength: 300, description: 'Den ansvarlige som tekst, fx en organisation' }),
    deadline: DateString,
    agendaItemId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
const ActionItemBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 300 })),
    owner: Type.Optional(Type.String({ maxLength: 300 })),
    deadline: Type.Optional(DateString),
    status: Type.Optional(Type.String({ maxLength: 20, description: 'åben, udført eller annulleret' })),
    completedOn: Type.Optional(Nullable(DateString)),
    followUp: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    followedUpMeetingId: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Mødet, hvor punktet blev fulgt op' }))),
  },
  { additionalProperties: false },
);
const ActionQuery = Type.Object({ body: Type.Optional(Type.Union([Type.Literal('bestyrelse'), Type.Literal('styregruppe')], { description: 'Kun aktionspunkter fra dette organs møder' })) });
const RecommendationBody = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    text: Type.String({ maxLength: 20_000 }),
    subject: Type.String({ maxLength: 40, description: 'sub-agreement, strategic-agreement, commissorium eller other; med et ændringsforslag gælder forslagets' }),
    steeringMeetingId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    proposalId: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Et ændringsforslag til planen, der afventer bestyrelsen' }))),
  },
  { additionalProperties: false },
);
const SubmitBody = Type.Object({ boardMeetingId: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
const RecommendationDecisionBody = Type.Object(
  {
    verdict: Type.String({ maxLength: 20, description: 'vedtaget eller forkastet' }),
    date: DateString,
    note: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false },
);

const meetingRef = (m: Meeting) => ({ id: m.id, body: m.body, title: m.title, date: m.date, status: m.status });
const agendaItemOut = (i: AgendaItem) => ({ id: i.id, position: i.position, key: i.key, title: i.title, attention: i.attention, description: i.description, minutes: i.minutes });
const decisionOut = (d: Decision) => ({ id: d.id, meetingId: d.meetingId, agendaItemId: d.agendaItemId, recommendationId: d.recommendationId, text: d.text, createdAt: d.createdAt });
const actionOut = (a: ActionItem) => ({
  id: a.id, meetingId: a.meetingId, agendaItemId: a.agendaItemId, title: a.title, owner: a.owner, deadline: a.deadline, status: a.status,
  completedOn: a.completedOn, followUp: a.followUp, followedUpMeetingId: a.followedUpMeetingId, overdue: a.overdue,
});
const recommendationOut = (r: Recommendation) => ({
  id: r.id, title: r.title, text: r.text, subject: r.subject, status: r.status, steeringMeetingId: r.steeringMeetingId, boardMeetingId: r.boardMeetingId,
  proposalId: r.proposalId, boardDecision: r.boardDecision, createdAt: r.createdAt, updatedAt: r.updatedAt,
});
const proposalOut = (p: ChangeProposal | null) => (p ? { id: p.id, subject: p.subject, status: p.status, requiresLbf: p.requiresLbf, reason: p.reason, href: `/planen/forslag/${p.id}` } : null);

const read = (summary: string, response: object, extra: object = {}) => ({
  config: { access: 'plan.read' as const },
  schema: { tags: TAGS, summary, ...extra, response: { 200: response, 400: ApiErrorSchema, 404: ApiErrorSchema } },
});
const write = (summary: string, body: object | null, response: object, status = 200, extra: object = {}) => ({
  config: { access: 'governance.manage' as const },
  schema: {
    tags: TAGS, summary, ...(body ? { body } : {}), ...extra,
    response: { [status]: response, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
  },
});

const mayManage = (request: FastifyRequest) => allows('governance.manage', true, principalOf(request).roles);

/** JSON API of agendas, minutes, decisions, action items and recommendations (issue 6). */
export function agendasApi(services: AppServices): FastifyPluginAsync {
  const agendas = agendaServiceFor(services);
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  const recommendationDetail = async (planId: string, r: Recommendation) => {
    const [proposal, decisions] = await Promise.all([agendas.proposalOf(planId, r), agendas.decisionsOf(planId, r.id)]);
    return { ...recommendationOut(r), proposal: proposalOut(proposal), decisions: decisions.map(decisionOut) };
  };

  return async (app) => {
    app.get('/api/v1/meetings/:id/agenda', read('Et mødes dagsorden med det, der kræver opmærksomhed under hvert punkt', AgendaResponse, { params: Id }), async (request) => {
      const { meeting, items } = await agendas.agenda(planOf(request).id, idOf(request));
      return { meeting: meetingRef(meeting), items: items.map(agendaItemOut) };
    });

    app.post(
      '/api/v1/meetings/:id/agenda',
      write('Dan (eller opdatér) dagsordenen: organets faste punkter med det, der kræver opmærksomhed; redigeringer og referat bevares', null, AgendaResponse, 200, { params: Id }),
      async (request) => {
        const { meeting, items } = await agendas.seed(actorOf(request), planOf(request).id, idOf(request));
        return { meeting: meetingRef(meeting), items: items.map(agendaItemOut) };
      },
    );

    app.post('/api/v1/meetings/:id/agenda-items', write('Tilføj et punkt til dagsordenen', NewAgendaItemBody, AgendaItemSchema, 201, { params: Id }), async (request, reply) => {
      const body = request.body as Static<typeof NewAgendaItemBody>;
      const item = await agendas.addItem(actorOf(request), planOf(request).id, idOf(request), { title: body.title, description: body.description ?? null });
      return reply.code(201).send(agendaItemOut(item));
    });

    app.put('/api/v1/agenda-items/:id', write('Ret et dagsordenspunkts overskrift, beskrivelse eller referat', AgendaItemBody, AgendaItemSchema, 200, { params: Id }), async (request) => {
      const body = request.body as Static<typeof AgendaItemBody>;
      return agendaItemOut(await agendas.updateItem(actorOf(request), planOf(request).id, idOf(request), body));
    });

    app.get('/api/v1/meetings/:id/minutes', read('Et mødes referat: punkter med referat, beslutninger, aktionspunkter og opfølgning (offentliggjort, eller for sekretariatet)', MinutesResponse, { params: Id }), async (request) => {
      const minutes = await agendas.minutes(planOf(request).id, idOf(request));
      if (!minutes.publishedAt && !mayManage(request)) throw new NotFoundError('Referatet er ikke offentliggjort endnu.');
      return {
        meeting: meetingRef(minutes.meeting),
        publishedAt: minutes.publishedAt,
        items: minutes.items.map(agendaItemOut),
        decisions: minutes.decisions.map(decisionOut),
        actionItems: minutes.actionItems.map(actionOut),
        followUps: minutes.followUps.map((a) => ({ ...actionOut(a), meeting: meetingRef(a.meeting) })),
      };
    });

    app.post('/api/v1/meetings/:id/minutes/publish', write('Offentliggør referatet', null, Type.Object({ publishedAt: Type.String() }), 200, { params: Id }), async (request) => {
      const meeting = await agendas.publishMinutes(actorOf(request), planOf(request).id, idOf(request));
      return { publishedAt: meeting.minutesPublishedAt ?? '' };
    });

    app.get('/api/v1/meetings/:id/decisions', read('Beslutningerne i et mødes referat', Type.Array(DecisionSchema), { params: Id }), async (request) => {
      const planId = planOf(request).id;
      const meeting = await agendas.meeting(planId, idOf(request));
      if (!meeting.minutesPublishedAt && !mayManage(request)) throw new NotFoundError('Referatet er ikke offentliggjort endnu.');
      return (await agendas.decisions(planId, meeting.id)).map(decisionOut);
    });

    app.post('/api/v1/meetings/:id/decisions', write('Skriv en beslutning i mødets referat', DecisionBody, DecisionSchema, 201, { params: Id }), async (request, reply) => {
      const body = request.body as Static<typeof DecisionBody>;
      const decision = await agendas.addDecision(actorOf(request), planOf(request).id, idOf(request), { text: body.text, agendaItemId: body.agendaItemId ?? null, recommendationId: body.recommendationId ?? null });
      return reply.code(201).send(decisionOut(decision));
    });

    app.get('/api/v1/action-items', read('Alle åbne aktionspunkter med ansvarlig, frist og om fristen er overskredet', Type.Array(OpenActionSchema), { querystring: ActionQuery }), async (request) => {
      const { body } = request.query as Static<typeof ActionQuery>;
      return (await agendas.openActions(planOf(request).id, body)).map((a) => ({ ...actionOut(a), meeting: meetingRef(a.meeting) }));
    });

    app.post('/api/v1/action-items', write('Skriv et aktionspunkt i et mødes referat', NewActionItemBody, ActionItemSchema, 201), async (request, reply) => {
      const body = request.body as Static<typeof NewActionItemBody>;
      const item = await agendas.addActionItem(actorOf(request), planOf(request).id, body.meetingId, { title: body.title, owner: body.owner, deadline: body.deadline, agendaItemId: body.agendaItemId ?? null });
      return reply.code(201).send(actionOut(item));
    });

    app.put('/api/v1/action-items/:id', write('Ret et aktionspunkt eller følg op på det (udført, annulleret eller en opfølgning)', ActionItemBody, ActionItemSchema, 200, { params: Id }), async (request) => {
      const body = request.body as Static<typeof ActionItemBody>;
      return actionOut(await agendas.updateActionItem(actorOf(request), planOf(request).id, idOf(request), body));
    });

    app.get('/api/v1/recommendations', read('Styregruppens indstillinger til bestyrelsen, nyeste først', Type.Array(RecommendationSchema)), async (request) => {
      return (await agendas.recommendations(planOf(request).id)).map(recommendationOut);
    });

    app.get('/api/v1/recommendations/:id', read('En indstilling med ændringsforslagets status og beslutningerne i referaterne', RecommendationDetail, { params: Id }), async (request) => {
      const planId = planOf(request).id;
      return recommendationDetail(planId, await agendas.recommendation(planId, idOf(request)));
    });

    app.post('/api/v1/recommendations', write('Opret en indstilling som udkast, evt. knyttet til et ændringsforslag', RecommendationBody, RecommendationDetail, 201), async (request, reply) => {
      const planId = planOf(request).id;
      const body = request.body as Static<typeof RecommendationBody>;
      const created = await agendas.createRecommendation(actorOf(request), planId, { ...body, steeringMeetingId: body.steeringMeetingId ?? null, proposalId: body.proposalId ?? null });
      return reply.code(201).send(await recommendationDetail(planId, created));
    });

    app.put('/api/v1/recommendations/:id', write('Ret et udkast til en indstilling', RecommendationBody, RecommendationDetail, 200, { params: Id }), async (request) => {
      const planId = planOf(request).id;
      const body = request.body as Static<typeof RecommendationBody>;
      const updated = await agendas.updateRecommendation(actorOf(request), planId, idOf(request), { ...body, steeringMeetingId: body.steeringMeetingId ?? null, proposalId: body.proposalId ?? null });
      return recommendationDetail(planId, updated);
    });

    app.post('/api/v1/recommendations/:id/submit', write('Indstil et udkast til et bestyrelsesmøde', SubmitBody, RecommendationDetail, 200, { params: Id }), async (request) => {
      const planId = planOf(request).id;
      const updated = await agendas.submitRecommendation(actorOf(request), planId, idOf(request), (request.body as Static<typeof SubmitBody>).boardMeetingId);
      return recommendationDetail(planId, updated);
    });

    app.post('/api/v1/recommendations/:id/withdraw', write('Træk en indstilling tilbage, der ikke er afgjort', null, RecommendationDetail, 200, { params: Id }), async (request) => {
      const planId = planOf(request).id;
      return recommendationDetail(planId, await agendas.withdrawRecommendation(actorOf(request), planId, idOf(request)));
    });

    app.post(
      '/api/v1/recommendations/:id/decision',
      {
        // The board decides and the secretariat may record it on its behalf: plan.decide is held by exactly those who
        // hold governance.decide or governance.manage, and is the plan module's permission for the board's decision.
        config: { access: 'plan.decide' },
        schema: {
          tags: TAGS,
          summary: 'Registrér bestyrelsens beslutning (vedtaget/forkastet); et tilknyttet ændringsforslag får bestyrelsens beslutning (bestyrelsen, eller sekretariatet på dens vegne)',
          params: Id,
          body: RecommendationDecisionBody,
          response: { 200: RecommendationDetail, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const body = request.body as Static<typeof RecommendationDecisionBody>;
        const decided = await agendas.decideRecommendation(actorOf(request), planId, idOf(request), { verdict: body.verdict, date: body.date, note: body.note ?? '' });
        return recommendationDetail(planId, decided);
      },
    );
  };
}
