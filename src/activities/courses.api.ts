import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { SPREADSHEET_CONTENT_TYPES } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError } from '../monitoring/import/spreadsheet.js';
import { coursesServiceFor, type Caller, type CourseInput, type SessionInput } from './courses.service.js';

/** The largest attendance file accepted (a million rows is about 40 MB). */
export const ATTENDANCE_IMPORT_LIMIT_BYTES = 256 * 1024 * 1024;

const tags = ['forløb og fremmøde'];
const CourseParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
const SessionParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }), number: Type.Integer({ minimum: 1, maximum: 10_000 }) });
const Status = Type.Union([Type.Literal('mødt'), Type.Literal('afbud'), Type.Literal('udeblevet')]);
const Problem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
const ImportError = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), problemCount: Type.Integer(), rows: Type.Array(Problem) }) });
const errors = { 400: ApiErrorSchema, 404: ApiErrorSchema };

export function callerOf(request: FastifyRequest): Caller {
  return { principal: principalOf(request), actor: actorOf(request) };
}

/**
 * The JSON API of courses, sessions, rosters and attendance, and the attendance import. Reading needs
 * participants.read, changing participants.manage; either way only courses of the caller's own activities exist.
 */
export function coursesApi(services: AppServices): FastifyPluginAsync {
  const courses = coursesServiceFor(services);
  return async (app) => {
    // The file is the body: handed to the import as a stream, never buffered whole.
    app.addContentTypeParser(SPREADSHEET_CONTENT_TYPES, { bodyLimit: ATTENDANCE_IMPORT_LIMIT_BYTES }, (_request, payload, done) => done(null, payload));

    app.get(
      '/api/v1/courses',
      {
        config: { access: 'participants.read' },
        schema: {
          tags,
          summary: 'Forløb (hold) i de aktiviteter, du arbejder med, nyeste først',
          querystring: Type.Object({ aktivitet: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: { 200: Type.Any() },
        },
      },
      async (request) => ({ courses: await courses.list(planOf(request).id, callerOf(request), { activitySlug: (request.query as { aktivitet?: string }).aktivitet }) }),
    );

    app.post(
      '/api/v1/courses',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags,
          summary: 'Opret et forløb, eventuelt med ugentlige mødegange fra startdatoen',
          body: Type.Object(
            {
              activity: Type.String({ minLength: 1, maxLength: 100 }),
              code: Type.String({ minLength: 1, maxLength: 60 }),
              name: Type.String({ minLength: 1, maxLength: 200 }),
              area: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
              startDate: Type.String({ format: 'date' }),
              endDate: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
              plannedSessions: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 200 }), Type.Null()])),
              sessions: Type.Optional(
                Type.Object(
                  { count: Type.Integer({ minimum: 1, maximum: 52 }), weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, description: '1 mandag … 7 søndag' })) },
                  { additionalProperties: false, description: 'Opret så mange ugentlige mødegange med det samme' },
                ),
              ),
              note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Any(), ...errors },
        },
      },
      async (request, reply) => {
        const b = request.body as { activity: string; code: string; name: string; area?: string | null; startDate: string; endDate?: string | null; plannedSessions?: number | null; sessions?: { count: number; weekday?: number }; note?: string | null };
        const input: CourseInput = { activitySlug: b.activity, code: b.code, name: b.name, areaSlug: b.area, startDate: b.startDate, endDate: b.endDate, plannedSessions: b.plannedSessions, generate: b.sessions, note: b.note };
        const created = await courses.createCourse(planOf(request).id, callerOf(request), input);
        return reply.code(201).header('location', `/api/v1/courses/${encodeURIComponent(created.code)}`).send(created);
      },
    );

    app.get(
      '/api/v1/courses/:code',
      { config: { access: 'participants.read' }, schema: { tags, summary: 'Et forløb med mødegange, holdliste og planens mål pr. forløb', params: CourseParams, response: { 200: Type.Any(), 404: ApiErrorSchema } } },
      async (request) => {
        const d = await courses.course(planOf(request).id, callerOf(request), (request.params as { code: string }).code);
        return { ...d.course, areaName: d.areaName, sessions: d.sessions, targets: d.targets, roster: d.roster.map((r) => ({ code: r.code, nickname: r.nickname })) };
      },
    );

    app.post(
      '/api/v1/courses/:code/roster',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags,
          summary: 'Sæt deltagere, der er tilmeldt aktiviteten, på holdet',
          params: CourseParams,
          body: Type.Object({ participants: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ added: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (request) => courses.addToRoster(planOf(request).id, callerOf(request), (request.params as { code: string }).code, (request.body as { participants: string[] }).participants),
    );

    app.post(
      '/api/v1/courses/:code/sessions',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags,
          summary: 'Tilføj en mødegang efter forløbets sidste',
          params: CourseParams,
          body: Type.Object({ heldOn: Type.String({ format: 'date' }), topic: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])) }, { additionalProperties: false }),
          response: { 201: Type.Any(), ...errors },
        },
      },
      async (request, reply) => {
        const session = await courses.addSession(planOf(request).id, callerOf(request), (request.params as { code: string }).code, request.body as SessionInput);
        return reply.code(201).send(session);
      },
    );

    app.patch(
      '/api/v1/courses/:code/sessions/:number',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags,
          summary: 'Flyt, aflys eller genoptag en mødegang, eller ret dens emne',
          params: SessionParams,
          body: Type.Object(
            { heldOn: Type.Optional(Type.String({ format: 'date' })), topic: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])), cancelled: Type.Optional(Type.Boolean()) },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: { 200: Type.Any(), ...errors },
        },
      },
      async (request) => {
        const { code, number } = request.params as { code: string; number: number };
        return courses.updateSession(planOf(request).id, callerOf(request), code, number, request.body as SessionInput);
      },
    );

    app.get(
      '/api/v1/courses/:code/sessions/:number/attendance',
      { config: { access: 'participants.read' }, schema: { tags, summary: 'Holdlisten med hver deltagers fremmøde ved en mødegang', params: SessionParams, response: { 200: Type.Any(), 404: ApiErrorSchema } } },
      async (request) => {
        const { code, number } = request.params as { code: string; number: number };
        const a = await courses.sessionAttendance(planOf(request).id, callerOf(request), code, number);
        return { course: a.course.code, session: a.session, attendance: a.members.map((m) => ({ participant: m.code, nickname: m.nickname, status: m.status })) };
      },
    );

    app.put(
      '/api/v1/courses/:code/sessions/:number/attendance',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags,
          summary: 'Gem hele mødegangens fremmøde: deltagere på holdlisten, der ikke er med, mister en tidligere status',
          params: SessionParams,
          body: Type.Object(
            { attendance: Type.Array(Type.Object({ participant: Type.String({ minLength: 1, maxLength: 40 }), status: Status }, { additionalProperties: false }), { maxItems: 2000 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ saved: Type.Integer(), changed: Type.Integer(), removed: Type.Integer() }), ...errors },
        },
      },
      async (request) => {
        const { code, number } = request.params as { code: string; number: number };
        const body = request.body as { attendance: { participant: string; status: string }[] };
        return courses.saveAttendance(planOf(request).id, callerOf(request), code, number, body.attendance.map((a) => ({ participantCode: a.participant, status: a.status })));
      },
    );

    app.post(
      '/api/v1/attendance/import',
      {
        config: { access: 'participants.manage' },
        bodyLimit: ATTENDANCE_IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Importér fremmøde fra en CSV- eller XLSX-fil (filen er selve forespørgslens krop)',
          description:
            'Kolonner: forløb; mødegang (nummer) eller dato; deltagerkode; status (mødt, afbud, udeblevet). Alle fejl meldes på én gang med række og kolonne (422), og intet gemmes, hvis der er én fejl. Samme fil igen ændrer intet; en ændret status opdateres.',
          querystring: Type.Object({ filnavn: Type.Optional(Type.String({ maxLength: 255 })) }),
          response: { 200: Type.Object({ imported: Type.Integer(), unchanged: Type.Integer(), importId: Type.String() }), 400: ApiErrorSchema, 415: ApiErrorSchema, 422: ImportError },
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable)) {
          throw new SpreadsheetError('Send filen som selve forespørgslen med Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.', 415);
        }
        const fileName = (request.query as { filnavn?: string }).filnavn ?? 'upload';
        const outcome = await courses.import(planOf(request).id, callerOf(request), request.body, { fileName, contentType: request.headers['content-type'] });
        if (outcome.status === 'rejected') {
          return reply.code(422).send({
            error: {
              code: 'importfejl',
              message: `Filen blev ikke importeret: ${outcome.problemCount === 1 ? 'der er 1 fejl' : `der er ${outcome.problemCount.toLocaleString('da-DK')} fejl`}. Ret dem og importér hele filen igen.`,
              problemCount: outcome.problemCount,
              rows: outcome.problems,
            },
          });
        }
        return { imported: outcome.imported, unchanged: outcome.unchanged, importId: outcome.importId };
      },
    );
  };
}
