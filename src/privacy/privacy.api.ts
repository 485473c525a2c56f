import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { ValidationError } from '../errors/errors.js';
import type { GrantRow } from './privacy.repository.js';
import { personExportJson } from './privacy.present.js';

const GrantSchema = Type.Object({
  id: Type.String(),
  activity: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const ReadSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor: Type.Object({ userId: Type.Union([Type.String(), Type.Null()]), label: Type.String() }),
  what: Type.String(),
  participantCode: Type.Union([Type.String(), Type.Null()]),
  participantCount: Type.Integer(),
  detail: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const RetentionRunSchema = Type.Object({
  planId: Type.String(),
  today: Type.String(),
  months: Type.Integer(),
  cutoff: Type.String(),
  erased: Type.Integer(),
  enrolmentsKept: Type.Integer(),
  attendanceKept: Type.Integer(),
  consentsDeleted: Type.Integer(),
  outcomesDeleted: Type.Integer(),
  householdsDeleted: Type.Integer(),
});

const Code = Type.Object({ code: Type.String({ maxLength: 40 }) });

const grantOut = (g: GrantRow) => ({ id: g.id, activity: g.activity_slug, organisationId: g.organisation_id, userId: g.user_id, createdAt: g.created_at });

/** The service names form fields in Danish; the API's fields are the JSON names. */
function renamed(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ValidationError)) return error;
  return new ValidationError(
    error.fields.map((f) => ({ field: names[f.field] ?? f.field, message: f.message })),
    error.message,
  );
}

/** JSON API of privacy in practice (administrator): activity grants, the read log, export, erasure and retention. */
export function privacyApi({ privacy }: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/api/v1/privacy/access',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['persondata'], summary: 'Hvilke aktiviteter hver partnerorganisation og sekretariatsmedarbejder arbejder i', response: { 200: Type.Array(GrantSchema) } },
      },
      async (request) => (await privacy.listGrants(planOf(request).id)).map(grantOut),
    );

    app.post(
      '/api/v1/privacy/access',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['persondata'],
          summary: 'Giv en organisation eller en sekretariatsmedarbejder adgang til en aktivitets deltagere',
          description: 'Angiv enten organisationId (partner) eller userId (sekretariat). Findes adgangen allerede, svares 200 uden ændring.',
          body: Type.Object(
            { activity: Type.String({ maxLength: 100 }), organisationId: Type.Optional(Type.String({ maxLength: 64 })), userId: Type.Optional(Type.String({ maxLength: 64 })) },
            { additionalProperties: false },
          ),
          response: { 200: GrantSchema, 201: GrantSchema, 400: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { activity: string; organisationId?: string; userId?: string };
        if ((body.organisationId ? 1 : 0) + (body.userId ? 1 : 0) !== 1) {
          throw new ValidationError([{ field: 'organisationId', message: 'Angiv enten organisationId (en partner) eller userId (en sekretariatsmedarbejder), ikke begge.' }]);
        }
        const who = body.organisationId ? `organisation:${body.organisationId}` : `user:${body.userId}`;
        try {
          const { grant, created } = await privacy.grant(actorOf(request), planOf(request).id, { activity: body.activity, who });
          return reply.code(created ? 201 : 200).send(grantOut(grant));
        } catch (error) {
          throw renamed(error, { aktivitet: 'activity', hvem: body.organisationId ? 'organisationId' : 'userId' });
        }
      },
    );

    app.delete(
      '/api/v1/privacy/access/:id',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['persondata'], summary: 'Fjern en adgang til en aktivitet', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 204: Type.Null(), 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        await privacy.revoke(actorOf(request), planOf(request).id, (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/privacy/reads',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['persondata'],
          summary: 'Læseloggen: hver læsning af persondata, nyeste først, filtreret',
          querystring: Type.Object(
            {
              participant: Type.Optional(Type.String({ maxLength: 40, description: 'Deltagerkode, fx P-7K3P9Q2M-X' })),
              user: Type.Optional(Type.String({ maxLength: 64, description: 'Brugerens id' })),
              what: Type.Optional(Type.String({ maxLength: 40 })),
              from: Type.Optional(Type.String({ maxLength: 10, description: 'Fra og med dato (dansk tid)' })),
              to: Type.Optional(Type.String({ maxLength: 10, description: 'Til og med dato (dansk tid)' })),
              limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
              offset: Type.Integer({ minimum: 0, default: 0 }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              total: Type.Integer({ description: 'Antal matchende læsninger, højst 10.000' }),
              capped: Type.Boolean({ description: 'Sand, når flere end total matcher' }),
              entries: Type.Array(ReadSchema),
            }),
            400: ApiErrorSchema,
          },
        },
      },
      async (request) => {
        const q = request.query as { participant?: string; user?: string; what?: string; from?: string; to?: string; limit: number; offset: number };
        const page = await privacy.readLog(planOf(request).id, { participant: q.participant, userId: q.user, what: q.what, from: q.from, to: q.to }, q.limit, q.offset, {
          participant: 'participant',
          from: 'from',
          to: 'to',
        });
        if (page.errors.length > 0) throw new ValidationError(page.errors);
        return {
          total: page.total,
          capped: page.capped,
          entries: page.entries.map((r) => ({
            id: r.id, at: r.at, actor: { userId: r.actor_user_id, label: r.actor_label }, what: r.what, participantCode: r.participant_code,
            participantCount: r.participant_count, detail: r.detail, ip: r.ip,
          })),
        };
      },
    );

    app.get(
      '/api/v1/privacy/persons/:code/export',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['persondata'],
          summary: 'Alt, Helhed har om én person, som JSON (registreres i revisionssporet og læseloggen)',
          description:
            'Svaret har deltageren, husstanden, samtykker, tilmeldinger, forløb (hold), fremmøde, udfaldsmålinger, læseloggens og revisionssporets poster om personen, med databasens egne feltnavne.',
          params: Code,
          response: { 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const data = await privacy.exportPerson(actorOf(request), planOf(request).id, (request.params as { code: string }).code, 'json');
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="persondata-${data.participant.code}.json"`)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(personExportJson(data), null, 2));
      },
    );

    app.post(
      '/api/v1/privacy/persons/:code/erase',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['persondata'],
          summary: 'Slet én persons persondata (kan ikke fortrydes)',
          description:
            'Tilmeldinger og fremmøde bevares til optællinger, flyttet til en anonym stedfortræder uden forbindelse til personen; deltageren, samtykker, udfaldsmålinger og husstandsforbindelsen slettes. Er personen allerede slettet, svares status already-erased.',
          params: Code,
          body: Type.Object({ reason: Type.String({ maxLength: 500 }), confirm: Type.Boolean({ description: 'Skal være true' }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              status: Type.Union([Type.Literal('erased'), Type.Literal('already-erased')]),
              code: Type.String(),
              erasedAt: Type.String(),
              counts: Type.Optional(
                Type.Object({
                  enrolmentsKept: Type.Integer(),
                  attendanceKept: Type.Integer(),
                  consentsDeleted: Type.Integer(),
                  outcomesDeleted: Type.Integer(),
                  householdDeleted: Type.Boolean(),
                }),
              ),
            }),
            400: ApiErrorSchema,
            404: ApiErrorSchema,
          },
        },
      },
      async (request) => {
        const body = request.body as { reason: string; confirm: boolean };
        try {
          return await privacy.erasePerson(actorOf(request), planOf(request).id, (request.params as { code: string }).code, { reason: body.reason, confirmed: body.confirm === true });
        } catch (error) {
          throw renamed(error, { begrundelse: 'reason', bekraeft: 'confirm', kode: 'code' });
        }
      },
    );

    app.get(
      '/api/v1/privacy/retention',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['persondata'],
          summary: 'Opbevaringsjobbet: frist, hvem der er forfaldne nu og inden for 30 dage, og de seneste kørsler',
          response: {
            200: Type.Object({
              months: Type.Integer(),
              today: Type.String(),
              cutoff: Type.String(),
              countedAt: Type.String(),
              dueNow: Type.Integer(),
              dueSoon: Type.Object({ count: Type.Integer(), firstOn: Type.Union([Type.String(), Type.Null()]) }),
              nextRunAt: Type.Union([Type.String(), Type.Null()]),
              runs: Type.Array(Type.Object({ at: Type.String(), actor: Type.String(), summary: Type.String(), run: Type.Union([RetentionRunSchema, Type.Null()]) })),
            }),
          },
        },
      },
      async (request) => privacy.retentionStatus(planOf(request).id),
    );

    app.post(
      '/api/v1/privacy/retention/run',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['persondata'], summary: 'Kør opbevaringsjobbet nu for den aktuelle plan', response: { 200: RetentionRunSchema } },
      },
      async (request) => (await privacy.runRetention(actorOf(request), planOf(request).id))[0]!,
    );
  };
}
