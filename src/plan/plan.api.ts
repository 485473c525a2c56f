import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { NotFoundError } from '../errors/errors.js';
import type { ElementKind } from './change-policy.js';
import type { PlanSnapshot } from './plan-snapshot.js';
import { organisationOf, planTree, present } from './plan.present.js';

const Slug = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const Code = Type.Object({ code: Type.String({ maxLength: 100 }) });
const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Any = Type.Any();

const ProposalSchema = Type.Object({
  id: Type.String(),
  elementId: Type.String(),
  subject: Type.String(),
  requiresLbf: Type.Boolean(),
  status: Type.String(),
  baseVersion: Type.Integer(),
  changes: Type.Any(),
  reason: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  board: Type.Any(),
  lbf: Type.Any(),
  appliedVersion: Type.Union([Type.Integer(), Type.Null()]),
});

const Decision = Type.Object(
  {
    decisionDate: Type.String({ format: 'date', description: 'Datoen for beslutningen (ÅÅÅÅ-MM-DD)' }),
    note: Type.String({ minLength: 1, maxLength: 2000, description: 'Henvisning, fx møde og punkt i referatet' }),
  },
  { additionalProperties: false },
);

function findOr404(snapshot: PlanSnapshot, kind: ElementKind, key: string, message: string) {
  const element = snapshot.find(kind, key);
  if (!element) throw new NotFoundError(message);
  return element;
}

export function planApi({ plan }: AppServices): FastifyPluginAsync {
  return async (app) => {
    const snap = (request: FastifyRequest) => plan.snapshot(planOf(request).id);

    app.get('/api/v1/plan', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Hele planen som et træ: mål → indsatsområder → delmål og indikatorer → aktiviteter, med områder og organisation', response: { 200: Any } } }, async (request) => {
      const p = planOf(request);
      return planTree(await snap(request), { slug: p.slug, name: p.name, periodStart: p.periodStart, periodEnd: p.periodEnd }, request.principal);
    });

    app.get(
      '/api/v1/plan/search',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['planen'], summary: 'Søg i aktiviteter, indikatorer, områder, gader, mål og organisation',
          querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
          response: { 200: Type.Array(Type.Object({ kind: Type.String(), title: Type.String(), context: Type.String(), url: Type.String() })) },
        },
      },
      async (request) => (await snap(request)).searchIndex().search((request.query as { q: string }).q).map(({ kind, title, context, url }) => ({ kind, title, context, url })),
    );

    app.get('/api/v1/goals', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Landsbyggefondens overordnede mål med indikatorer og baselines', response: { 200: Any } } }, async (request) => {
      const s = await snap(request);
      return s.ofKind('goal').map((g) => ({ ...present(g), indicators: s.childrenOf(g.id, 'indicator').map(present) }));
    });

    app.get('/api/v1/indicators', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Alle indikatorer med baselines og kilder', response: { 200: Any } } }, async (request) =>
      (await snap(request)).indicators().map(present),
    );

    app.get('/api/v1/indicators/:code', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Én indikator', params: Code, response: { 200: Any, 404: ApiErrorSchema } } }, async (request) =>
      present(findOr404(await snap(request), 'indicator', (request.params as { code: string }).code, 'Indikatoren findes ikke i planen.')),
    );

    app.get('/api/v1/intervention-areas', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'De fire indsatsområder med delaftale, delmål, timer og aktiviteter', response: { 200: Any } } }, async (request) => {
      const s = await snap(request);
      return s.interventionAreas().map((ia) => ({
        ...present(ia),
        subGoals: s.childrenOf(ia.id, 'sub-goal').map((sg) => ({ ...present(sg), indicators: s.childrenOf(sg.id, 'indicator').map(present) })),
        activities: s.childrenOf(ia.id, 'activity').map((a) => ({ slug: (a.data as { slug: string }).slug, name: (a.data as { name: string }).name })),
      }));
    });

    app.get('/api/v1/intervention-areas/:slug', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Ét indsatsområde', params: Slug, response: { 200: Any, 404: ApiErrorSchema } } }, async (request) => {
      const s = await snap(request);
      const ia = findOr404(s, 'intervention-area', (request.params as { slug: string }).slug, 'Indsatsområdet findes ikke i planen.');
      return {
        ...present(ia),
        subGoals: s.childrenOf(ia.id, 'sub-goal').map((sg) => ({ ...present(sg), indicators: s.childrenOf(sg.id, 'indicator').map(present) })),
        activities: s.childrenOf(ia.id, 'activity').map(present),
      };
    });

    app.get('/api/v1/activities', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Planens 16 aktiviteter med målgruppe, indhold, ansvar og mål', response: { 200: Any } } }, async (request) =>
      (await snap(request)).activities().map(present),
    );

    app.get('/api/v1/activities/:slug', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Én aktivitet', params: Slug, response: { 200: Any, 404: ApiErrorSchema } } }, async (request) =>
      present(findOr404(await snap(request), 'activity', (request.params as { slug: string }).slug, 'Aktiviteten findes ikke i planen.')),
    );

    app.get('/api/v1/organisation', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Bestyrelse, styregruppe, Bysekretariatet, regler for ændringer og beredskabsgruppen', response: { 200: Any } } }, async (request) =>
      organisationOf(await snap(request), request.principal),
    );

    app.get('/api/v1/plan/elements/:id', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Ét planelement i sin gældende version', params: Id, response: { 200: Any, 404: ApiErrorSchema } } }, async (request) => {
      const element = (await snap(request)).get((request.params as { id: string }).id);
      if (!element || element.kind === 'crisis-role') throw new NotFoundError('Planelementet findes ikke.');
      return { kind: element.kind, key: element.key, ...present(element) };
    });

    app.patch(
      '/api/v1/plan/elements/:id',
      {
        config: { access: 'plan.edit' },
        schema: {
          tags: ['planen'],
          summary:
            'Ændr felter i et planelement. Praktiske detaljer giver straks en ny version (200); ændringer af en delaftale, den strategiske aftale eller kommissoriet bliver et ændringsforslag, der afventer beslutning (202). En ændring af begge slags gør begge dele. Med expectedVersion afvises ændringen (409), hvis elementet er ændret siden.',
          params: Id,
          body: Type.Object(
            { changes: Type.Record(Type.String(), Type.Unknown()), reason: Type.String({ maxLength: 2000 }), expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ version: Type.Integer(), proposal: Type.Null() }),
            202: Type.Object({ version: Type.Union([Type.Integer(), Type.Null()]), proposal: ProposalSchema }),
            400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const { changes, reason, expectedVersion } = request.body as { changes: Record<string, unknown>; reason: string; expectedVersion?: number };
        const result = await plan.changeElement(planOf(request).id, actorOf(request), (request.params as { id: string }).id, changes, reason, expectedVersion === undefined ? {} : { expectedVersion });
        return reply.code(result.proposal ? 202 : 200).send(result);
      },
    );

    app.get('/api/v1/plan/elements/:id/versions', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Alle versioner af et planelement med hvem, hvornår, hvorfor og forskellene', params: Id, response: { 200: Any, 404: ApiErrorSchema } } }, async (request) => {
      const history = await plan.history(planOf(request).id, (request.params as { id: string }).id);
      if (history.element.kind === 'crisis-role') throw new NotFoundError('Planelementet findes ikke.');
      return { element: { id: history.element.id, kind: history.element.kind, key: history.element.key }, versions: history.versions, changes: history.table };
    });

    app.get('/api/v1/plan/proposals', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Ændringsforslag til planen, nyeste først', response: { 200: Type.Array(ProposalSchema) } } }, async (request) => plan.proposals(planOf(request).id));

    app.get('/api/v1/plan/proposals/:id', { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Ét ændringsforslag', params: Id, response: { 200: ProposalSchema, 404: ApiErrorSchema } } }, async (request) =>
      plan.proposal(planOf(request).id, (request.params as { id: string }).id),
    );

    app.post(
      '/api/v1/plan/proposals/:id/board-decision',
      {
        config: { access: 'plan.decide' },
        schema: {
          tags: ['planen'], summary: 'Registrér bestyrelsens beslutning (konsensus eller ej)', params: Id,
          body: Type.Composite([Type.Object({ consensus: Type.Boolean() }), Decision], { additionalProperties: false }),
          response: { 200: ProposalSchema, 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as { consensus: boolean; decisionDate: string; note: string };
        return plan.recordBoardDecision(planOf(request).id, actorOf(request), (request.params as { id: string }).id, body.consensus, body.decisionDate, body.note);
      },
    );

    app.post(
      '/api/v1/plan/proposals/:id/lbf-decision',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: ['planen'], summary: 'Registrér Landsbyggefondens afgørelse på en ændring, bestyrelsen har vedtaget', params: Id,
          body: Type.Composite([Type.Object({ approved: Type.Boolean() }), Decision], { additionalProperties: false }),
          response: { 200: ProposalSchema, 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as { approved: boolean; decisionDate: string; note: string };
        return plan.recordLbfDecision(planOf(request).id, actorOf(request), (request.params as { id: string }).id, body.approved, body.decisionDate, body.note);
      },
    );

    app.post(
      '/api/v1/plan/proposals/:id/withdraw',
      { config: { access: 'plan.edit' }, schema: { tags: ['planen'], summary: 'Træk et uafgjort ændringsforslag tilbage', params: Id, response: { 200: ProposalSchema, 404: ApiErrorSchema, 409: ApiErrorSchema } } },
      async (request) => plan.withdraw(planOf(request).id, actorOf(request), (request.params as { id: string }).id),
    );
  };
}
