import { Type } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { NotFoundError } from '../errors/errors.js';
import { BODY_KEYS, MEETING_STATUSES, meetingLabel, meetingServiceFor, type BodyKey, type Meeting } from './meetings.service.js';

const TAGS = ['styring'];

const BodyParam = Type.Object({ body: Type.String({ maxLength: 40, description: 'bestyrelse, styregruppe eller beredskabsgruppe' }) });
const IdParam = Type.Object({ id: Type.String({ maxLength: 60 }) });
const MemberParams = Type.Object({ body: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 60 }) });


const MemberSchema = Type.Object({
  id: Type.String(),
  body: Type.String(),
  role: Type.String({ description: 'Fx formand eller medlem; formanden er medlemmet med rollen formand' }),
  organisation: Type.String(),
  position: Nullable(Type.String()),
  name: Nullable(Type.String()),
  email: Nullable(Type.String({ description: 'null også når læseren ikke må se kontaktoplysninger' })),
  phone: Nullable(Type.String()),
  substituteFor: Nullable(Type.String({ description: 'Id på det medlem, suppleanten træder i stedet for' })),
  isAuthority: Type.Boolean({ description: 'Medlem fra en myndighed (beredskabsgruppen)' }),
  sortOrder: Type.Integer(),
});

const MemberBody = Type.Object(
  {
    role: Type.String({ minLength: 1, maxLength: 200 }),
    organisation: Type.String({ minLength: 1, maxLength: 200 }),
    position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    substituteFor: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    isAuthority: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const MeetingSchema = Type.Object({
  id: Type.String(),
  body: Type.String({ description: 'bestyrelse eller styregruppe' }),
  kind: Type.String({ description: 'forår, sommer, efterår, strategisk eller ekstra' }),
  title: Type.String(),
  label: Type.String({ description: 'Titel og dato, fx «Styregruppemøde (forår) 5. maj 2026»' }),
  date: Type.String({ description: 'ÅÅÅÅ-MM-DD' }),
  startsAt: Type.String({ description: 'TT:MM, dansk tid' }),
  durationMinutes: Type.Integer(),
  location: Nullable(Type.String()),
  status: Type.String({ description: 'planlagt, afholdt eller aflyst' }),
  icsSequence: Type.Integer({ description: 'Hæves ved hver ændring af tid, sted, titel eller status (RFC 5545 SEQUENCE)' }),
  updatedAt: Type.String(),
  updatedByLabel: Type.String(),
});

const WarningSchema = Type.Object({ meetingId: Nullable(Type.String()), message: Type.String() });

const MeetingFields = {
  // No minLength: an empty title is reported by the service together with the date and time, all fields at once.
  title: Type.String({ maxLength: 200 }),
  date: Type.String({ maxLength: 10, description: 'ÅÅÅÅ-MM-DD' }),
  startsAt: Type.String({ maxLength: 5, description: 'TT:MM' }),
  durationMinutes: Type.Optional(Type.Integer({ description: 'Som standard 120' })),
  location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
};

const NewMeetingBody = Type.Object(
  {
    body: Type.Union([Type.Literal('bestyrelse'), Type.Literal('styregruppe')]),
    kind: Type.Optional(Type.String({ maxLength: 20, description: 'forår, sommer, efterår, strategisk eller ekstra (standard)' })),
    ...MeetingFields,
  },
  { additionalProperties: false },
);

const UpdateMeetingBody = Type.Object(
  { ...MeetingFields, status: Type.Union(MEETING_STATUSES.map((s) => Type.Literal(s))) },
  { additionalProperties: false },
);

const toJson = (m: Meeting) => ({ ...m, label: meetingLabel(m) });

function bodyOf(request: FastifyRequest): BodyKey {
  const body = (request.params as { body: string }).body as BodyKey;
  if (!BODY_KEYS.includes(body)) throw new NotFoundError('Organet findes ikke. Brug bestyrelse, styregruppe eller beredskabsgruppe.');
  return body;
}

type MemberPayload = { role: string; organisation: string; position?: string | null; name?: string | null; email?: string | null; phone?: string | null; substituteFor?: string | null; isAuthority?: boolean };
const memberInput = (b: MemberPayload) => ({
  role: b.role,
  organisation: b.organisation,
  position: b.position ?? null,
  name: b.name ?? null,
  email: b.email ?? null,
  phone: b.phone ?? null,
  substituteFor: b.substituteFor ?? null,
  isAuthority: b.isAuthority ?? false,
});

/** JSON API of bodies, members and meetings (issue 6). Contact details only to those who may see them, as on the pages. */
export function meetingsApi(services: AppServices): FastifyPluginAsync {
  const meetings = meetingServiceFor(services);
  return async (app) => {
    app.get(
      '/api/v1/bodies',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: TAGS,
          summary: 'Planens organer (bestyrelse, styregruppe, beredskabsgruppe) med formand og antal medlemmer',
          response: {
            200: Type.Array(Type.Object({ body: Type.String(), name: Type.String(), chair: Type.Union([MemberSchema, Type.Null()]), members: Type.Integer(), substitutes: Type.Integer() })),
          },
        },
      },
      async (request) => meetings.bodies(planOf(request).id),
    );

    app.get(
      '/api/v1/bodies/:body/members',
      {
        config: { access: 'plan.read' },
        schema: { tags: TAGS, summary: 'Et organs medlemmer og suppleanter', params: BodyParam, response: { 200: Type.Array(MemberSchema), 404: ApiErrorSchema } },
      },
      async (request) => meetings.membersFor(principalOf(request), planOf(request).id, bodyOf(request)),
    );

    app.post(
      '/api/v1/bodies/:body/members',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Tilføj et medlem eller en suppleant til et organ', params: BodyParam, body: MemberBody, response: { 201: MemberSchema, 400: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        const member = await meetings.addMember(actorOf(request), planOf(request).id, bodyOf(request), memberInput(request.body as MemberPayload));
        return reply.code(201).send(member);
      },
    );

    app.put(
      '/api/v1/bodies/:body/members/:id',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Ret et medlem af et organ', params: MemberParams, body: MemberBody, response: { 200: MemberSchema, 400: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) => meetings.updateMember(actorOf(request), planOf(request).id, bodyOf(request), (request.params as { id: string }).id, memberInput(request.body as MemberPayload)),
    );

    app.delete(
      '/api/v1/bodies/:body/members/:id',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Fjern et medlem fra et organ', params: MemberParams, response: { 204: Type.Null(), 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        await meetings.removeMember(actorOf(request), planOf(request).id, bodyOf(request), (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/meetings',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: TAGS,
          summary: 'Årets møder i bestyrelse og styregruppe med advarsler om planens mødefrekvens',
          querystring: Type.Object({
            year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Som standard i år' })),
            body: Type.Optional(Type.Union([Type.Literal('bestyrelse'), Type.Literal('styregruppe')], { description: 'Kun dette organs møder; advarslerne gælder altid hele året' })),
          }),
          response: { 200: Type.Object({ year: Type.Integer(), meetings: Type.Array(MeetingSchema), warnings: Type.Array(WarningSchema) }), 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const query = request.query as { year?: number; body?: 'bestyrelse' | 'styregruppe' };
        const year = query.year ?? Number(meetings.today().slice(0, 4));
        const calendar = await meetings.calendar(planOf(request).id, year);
        return { ...calendar, meetings: calendar.meetings.filter((m) => !query.body || m.body === query.body).map(toJson) };
      },
    );

    app.post(
      '/api/v1/meetings',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Tilføj et møde (et ekstra møde eller et af mødefrekvensens)', body: NewMeetingBody, response: { 201: MeetingSchema, 400: ApiErrorSchema } },
      },
      async (request, reply) => {
        const b = request.body as { body: 'bestyrelse' | 'styregruppe'; kind?: string; title: string; date: string; startsAt: string; durationMinutes?: number; location?: string | null };
        const meeting = await meetings.create(actorOf(request), planOf(request).id, {
          body: b.body,
          kind: b.kind ?? 'ekstra',
          title: b.title,
          date: b.date,
          startsAt: b.startsAt,
          durationMinutes: b.durationMinutes ?? 120,
          location: b.location ?? null,
        });
        return reply.code(201).send(toJson(meeting));
      },
    );

    app.post(
      '/api/v1/meetings/generate',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Dan årets mødekalender ud fra planens mødefrekvens (afvises, hvis året allerede har møder)',
          body: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
          response: { 201: Type.Object({ year: Type.Integer(), meetings: Type.Array(MeetingSchema), warnings: Type.Array(WarningSchema) }), 400: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const { year } = request.body as { year: number };
        const planId = planOf(request).id;
        await meetings.generate(actorOf(request), planId, year);
        const calendar = await meetings.calendar(planId, year);
        return reply.code(201).send({ ...calendar, meetings: calendar.meetings.map(toJson) });
      },
    );

    app.get(
      '/api/v1/meetings/:id',
      { config: { access: 'plan.read' }, schema: { tags: TAGS, summary: 'Et møde', params: IdParam, response: { 200: MeetingSchema, 404: ApiErrorSchema } } },
      async (request) => toJson(await meetings.get(planOf(request).id, (request.params as { id: string }).id)),
    );

    app.put(
      '/api/v1/meetings/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Ret et mødes titel, tid, sted eller status; svaret har årets advarsler efter ændringen',
          params: IdParam,
          body: UpdateMeetingBody,
          response: { 200: Type.Object({ meeting: MeetingSchema, warnings: Type.Array(WarningSchema) }), 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const b = request.body as { title: string; date: string; startsAt: string; durationMinutes?: number; location?: string | null; status: 'planlagt' | 'afholdt' | 'aflyst' };
        const planId = planOf(request).id;
        const id = (request.params as { id: string }).id;
        const current = await meetings.get(planId, id);
        const { meeting, warnings } = await meetings.update(actorOf(request), planId, id, {
          title: b.title,
          date: b.date,
          startsAt: b.startsAt,
          durationMinutes: b.durationMinutes ?? current.durationMinutes,
          location: b.location === undefined ? current.location : b.location,
          status: b.status,
        });
        return { meeting: toJson(meeting), warnings };
      },
    );

    app.get(
      '/api/v1/meetings/:id/invitation.ics',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Mødeindkaldelse som iCalendar (METHOD:REQUEST, ved aflysning METHOD:CANCEL) til organets medlemmer med e-mail',
          params: IdParam,
          produces: ['text/calendar'],
          response: { 200: Type.String({ description: 'text/calendar' }), 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { meeting, ics } = await meetings.invitation(planOf(request).id, (request.params as { id: string }).id, { name: principal.name, email: principal.email });
        return reply
          .header('content-disposition', `attachment; filename="indkaldelse-${meeting.body}-${meeting.date}.ics"`)
          .header('cache-control', 'no-store')
          .type('text/calendar; charset=utf-8')
          .send(ics);
      },
    );
  };
}
