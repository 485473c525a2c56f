import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { EVALUATION_DECISIONS, EVALUATION_STATUSES, MAX_ANSWER, MAX_REASON } from './evaluation.js';
import { evaluationsDue, evaluationServiceFor, type DueEvaluation, type EvaluationView } from './evaluation.service.js';
import { DEADLINE_OUTCOMES } from './status-summary.js';
import { STATUS_MEETING_STATUSES, statusMeetingServiceFor, yearOf, type StatusMeeting } from './status-meetings.service.js';

const TAGS = ['beredskab'];
const Enum = (values: readonly string[], description: string) => Type.Unsafe<string>({ type: 'string', enum: [...values], description });
const Instant = (description: string) => Type.String({ description: `${description} (ISO 8601, UTC)` });
const NullableInstant = (description: string) => Type.Union([Instant(description), Type.Null()]);

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const YearParams = Type.Object({ year: Type.String({ pattern: '^\\d{4}$', description: 'Året, fx 2026' }) });

const EvaluationSchema = Type.Object({
  incidentId: Type.String(),
  incidentNumber: Type.Integer(),
  incidentStatus: Type.String({ description: 'aktiv eller afmeldt; evalueringen kan først besluttes og skrives efter afmeldingen' }),
  stoodDownAt: NullableInstant('Afmeldt'),
  status: Enum(EVALUATION_STATUSES, 'afventer (ingen beslutning endnu), evalueres, ikke_noedvendig eller udfoert'),
  dueAt: NullableInstant('Evalueringen bør foreligge senest (14 dage efter afmeldingen)'),
  overdue: Type.Boolean({ description: 'Ikke besluttet eller ikke afsluttet, og fristen er gået' }),
  decidedAt: NullableInstant('Beslutningen registreret'),
  decidedBy: Nullable(Type.String()),
  reason: Nullable(Type.String(), 'Begrundelsen (påkrævet ved ikke_noedvendig)'),
  worked: Nullable(Type.String(), 'Hvad fungerede'),
  improve: Nullable(Type.String(), 'Hvad bør forbedres'),
  channelsRight: Type.Union([Type.Boolean(), Type.Null()], { description: 'Blev de rigtige informationskanaler brugt' }),
  channelsNote: Nullable(Type.String(), 'Om informationskanalerne'),
  recommendations: Nullable(Type.String(), 'Anbefalinger'),
  completedAt: NullableInstant('Afsluttet'),
  completedBy: Nullable(Type.String()),
});

function presentEvaluation(view: EvaluationView): Static<typeof EvaluationSchema> {
  const e = view.evaluation;
  return {
    incidentId: view.incident.id,
    incidentNumber: view.incident.number,
    incidentStatus: view.incident.status,
    stoodDownAt: view.incident.stoodDownAt,
    status: e.status,
    dueAt: view.dueAt,
    overdue: view.overdue,
    decidedAt: e.decidedAt,
    decidedBy: e.decidedByLabel,
    reason: e.reason,
    worked: e.worked,
    improve: e.improve,
    channelsRight: e.channelsRight,
    channelsNote: e.channelsNote,
    recommendations: e.recommendations,
    completedAt: e.completedAt,
    completedBy: e.completedByLabel,
  };
}

const DecisionBody = Type.Object(
  {
    decision: Enum(EVALUATION_DECISIONS, 'evalueres eller ikke_noedvendig'),
    reason: Type.Optional(Type.Union([Type.String({ maxLength: MAX_REASON }), Type.Null()], { description: 'Påkrævet ved ikke_noedvendig' })),
  },
  { additionalProperties: false },
);

const Answer = (description: string) => Type.Optional(Type.Union([Type.String({ maxLength: MAX_ANSWER }), Type.Null()], { description }));
const AnswersBody = Type.Object(
  {
    worked: Answer('Hvad fungerede'),
    improve: Answer('Hvad bør forbedres'),
    channelsRight: Type.Optional(Type.Union([Type.Boolean(), Type.Null()], { description: 'Blev de rigtige informationskanaler brugt' })),
    channelsNote: Answer('Om informationskanalerne; påkrævet ved afslutning, når channelsRight er false'),
    recommendations: Answer('Anbefalinger'),
    finish: Type.Optional(Type.Boolean({ description: 'true afslutter evalueringen («Afslut evalueringen»), hvilket kræver alle svar; ellers gemmes en kladde' })),
  },
  { additionalProperties: false },
);

const DueSchema = Type.Object({
  incidentId: Type.String(),
  incidentNumber: Type.Integer(),
  stoodDownAt: Instant('Afmeldt'),
  status: Type.String({ description: 'afventer eller evalueres' }),
  dueAt: Instant('Bør foreligge senest'),
  overdue: Type.Boolean(),
});

const presentDue = (d: DueEvaluation): Static<typeof DueSchema> => ({
  incidentId: d.incident.id,
  incidentNumber: d.incident.number,
  stoodDownAt: d.incident.stoodDownAt!,
  status: d.status,
  dueAt: d.dueAt,
  overdue: d.overdue,
});

const MeetingSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  date: Type.String({ description: 'ÅÅÅÅ-MM-DD (dansk kalender)' }),
  startsAt: Type.String({ description: 'TT:MM (dansk tid)' }),
  startsAtInstant: Instant('Starttidspunktet'),
  durationMinutes: Type.Integer(),
  location: Nullable(Type.String()),
  status: Enum(STATUS_MEETING_STATUSES, 'planlagt, afholdt eller aflyst'),
  notes: Nullable(Type.String()),
  icsSequence: Type.Integer({ description: 'Indkaldelsens SEQUENCE; hæves ved hver ændring af tid, sted, varighed eller status' }),
  summaryGeneratedAt: NullableInstant('Den gemte opsummering blev dannet'),
  updatedAt: Instant('Senest ændret'),
  updatedBy: Type.String(),
});

const presentMeeting = (m: StatusMeeting): Static<typeof MeetingSchema> => ({
  id: m.id,
  year: m.year,
  date: m.date,
  startsAt: m.startsAt,
  startsAtInstant: m.startsAtInstant,
  durationMinutes: m.durationMinutes,
  location: m.location,
  status: m.status,
  notes: m.notes,
  icsSequence: m.icsSequence,
  summaryGeneratedAt: m.summaryGeneratedAt,
  updatedAt: m.updatedAt,
  updatedBy: m.updatedByLabel,
});

const YearSchema = Type.Object({ year: Type.Integer(), meeting: Type.Union([MeetingSchema, Type.Null()]), activations: Type.Integer() });

const MeetingBody = Type.Object(
  {
    date: Type.String({ maxLength: 10, description: 'ÅÅÅÅ-MM-DD i året' }),
    startsAt: Type.String({ maxLength: 5, description: 'TT:MM' }),
    durationMinutes: Type.Integer({ description: '15-720 minutter' }),
    location: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    status: Type.Optional(Enum(STATUS_MEETING_STATUSES, 'planlagt (standard), afholdt eller aflyst')),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 8000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const CountBy = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() });
const Level = Type.String({ description: 'gul eller roed' });
const SummarySchema = Type.Object(
  {
    year: Type.Integer(),
    generatedAt: Instant('Dannet'),
    activations: Type.Object({
      total: Type.Integer(),
      byLevel: Type.Array(Type.Object({ level: Level, label: Type.String(), count: Type.Integer() })),
      byArea: Type.Array(CountBy, { description: 'Efter område; nøglen flere-omraader for hændelser uden ét område' }),
      bySituation: Type.Array(CountBy),
    }),
    deadlines: Type.Object({
      met: Type.Integer(),
      missed: Type.Integer(),
      notRecorded: Type.Integer(),
      incidents: Type.Array(
        Type.Object({
          id: Type.String(),
          number: Type.Integer(),
          level: Level,
          activatedAt: Type.String(),
          deadlineAt: Type.String(),
          meetingHeldAt: Nullable(Type.String()),
          outcome: Enum(DEADLINE_OUTCOMES, 'overholdt (mødet senest ved fristen), overskredet (mødet efter, eller fristen gået uden møde) eller ikke registreret'),
        }),
      ),
    }),
    levelChanges: Type.Object({
      total: Type.Integer(),
      changes: Type.Array(
        Type.Object({ incidentId: Type.String(), incidentNumber: Type.Integer(), at: Type.String(), from: Type.Union([Level, Type.Null()]), to: Type.Union([Level, Type.Null()]) }),
      ),
    }),
    staleContacts: Type.Object({
      total: Type.Integer(),
      staleAfterMonths: Type.Integer(),
      members: Type.Array(
        Type.Object({ role: Type.String(), organisation: Type.String(), name: Nullable(Type.String()), substitute: Type.Boolean(), contactConfirmedAt: Nullable(Type.String()) }),
      ),
    }),
    openTasks: Type.Object({
      total: Type.Integer(),
      tasks: Type.Array(
        Type.Object({
          incidentId: Type.String(),
          incidentNumber: Type.Integer(),
          title: Type.String(),
          ownerLabel: Type.String(),
          deadlineAt: Nullable(Type.String()),
          status: Type.String(),
        }),
      ),
    }),
    evaluations: Type.Object({
      done: Type.Integer(),
      pending: Type.Integer(),
      notNeeded: Type.Integer(),
      notStoodDown: Type.Integer(),
      overdue: Type.Integer(),
      incidents: Type.Array(Type.Object({ id: Type.String(), number: Type.Integer(), status: Type.String(), label: Type.String(), overdue: Type.Boolean() })),
    }),
  },
  { description: 'Årets opsummering: kun tal og hændelsernes fakta, intet delt efter retsplejelovens § 115' },
);

const SummaryPair = Type.Object({
  current: SummarySchema,
  stored: Type.Union([SummarySchema, Type.Null()], { description: 'Opsummeringen, som sekretariatet gemte den til mødet' }),
});

const SentSchema = Type.Object({
  sent: Type.Array(Type.Object({ recipient: Type.String(), status: Type.String({ description: 'sendt, fejlet eller ikke sendt' }), error: Nullable(Type.String()) })),
});

/**
 * JSON API of the crisis module, part G (issue 7): an incident's evaluation after stand-down, the evaluations still
 * due, and the annual status meeting with its summary and invitation.
 */
export function evaluationApi(services: AppServices): FastifyPluginAsync {
  const evaluations = evaluationServiceFor(services);
  const meetings = statusMeetingServiceFor(services);
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const yearParam = (request: FastifyRequest) => yearOf((request.params as { year: string }).year);
  const evaluationPath = '/api/v1/beredskab/haendelser/:id/evaluering';
  const meetingPath = '/api/v1/beredskab/statusmoeder/:year';

  return async (app) => {
    app.get(
      evaluationPath,
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'En hændelses evaluering efter afmeldingen: beslutningen, svarene og fristen (14 dage efter afmeldingen)', params: IdParams, response: { 200: EvaluationSchema, 404: ApiErrorSchema } },
      },
      async (request) => presentEvaluation(await evaluations.get(planOf(request).id, idOf(request))),
    );

    app.post(
      `${evaluationPath}/beslutning`,
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Registrér beredskabsgruppens beslutning: evalueres, eller ikke_noedvendig med en begrundelse (først efter afmeldingen; 409 før)',
          params: IdParams,
          body: DecisionBody,
          response: { 200: EvaluationSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as Static<typeof DecisionBody>;
        return presentEvaluation(await evaluations.decide(principalOf(request), actorOf(request), planOf(request).id, idOf(request), { decision: body.decision, reason: body.reason ?? null }));
      },
    );

    app.post(
      evaluationPath,
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Gem evalueringens svar som kladde, eller afslut evalueringen med finish: true (kræver alle svar)',
          params: IdParams,
          body: AnswersBody,
          response: { 200: EvaluationSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as Static<typeof AnswersBody>;
        const view = await evaluations.save(
          principalOf(request),
          actorOf(request),
          planOf(request).id,
          idOf(request),
          { worked: body.worked ?? null, improve: body.improve ?? null, channelsRight: body.channelsRight ?? null, channelsNote: body.channelsNote ?? null, recommendations: body.recommendations ?? null },
          body.finish === true,
        );
        return presentEvaluation(view);
      },
    );

    app.get(
      '/api/v1/beredskab/evalueringer/afventende',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Afmeldte hændelser uden beslutning om evaluering eller med en evaluering, der ikke er afsluttet', response: { 200: Type.Array(DueSchema) } },
      },
      async (request) => (await evaluationsDue(services.database, planOf(request).id, services.clock())).map(presentDue),
    );

    app.get(
      '/api/v1/beredskab/statusmoeder',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'De årlige statusmøder pr. år (planperiodens år, i år og år med møder eller aktiveringer), nyeste først', response: { 200: Type.Array(YearSchema) } },
      },
      async (request) =>
        (await meetings.years(planOf(request))).map((y) => ({ year: y.year, meeting: y.meeting ? presentMeeting(y.meeting) : null, activations: y.activations })),
    );

    app.get(
      meetingPath,
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Årets statusmøde; meeting er null, når det ikke er planlagt', params: YearParams, response: { 200: YearSchema, 404: ApiErrorSchema } },
      },
      async (request) => {
        const year = yearParam(request);
        const planId = planOf(request).id;
        const meeting = await meetings.meeting(planId, year);
        const activations = (await meetings.years(planOf(request))).find((y) => y.year === year)?.activations ?? 0;
        return { year, meeting: meeting ? presentMeeting(meeting) : null, activations };
      },
    );

    app.put(
      meetingPath,
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Planlæg eller ret årets statusmøde (dato, tid, varighed, sted, status, noter); ændringer af tid, sted, varighed eller status hæver indkaldelsens SEQUENCE',
          params: YearParams,
          body: MeetingBody,
          response: { 200: MeetingSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as Static<typeof MeetingBody>;
        const year = yearParam(request);
        const planId = planOf(request).id;
        const before = await meetings.meeting(planId, year);
        const meeting = await meetings.schedule(actorOf(request), planId, year, {
          date: body.date,
          startsAt: body.startsAt,
          durationMinutes: body.durationMinutes,
          location: body.location ?? null,
          status: body.status ?? before?.status ?? 'planlagt',
          notes: body.notes ?? null,
        });
        return presentMeeting(meeting);
      },
    );

    app.get(
      `${meetingPath}/opsummering`,
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Årets opsummering til statusmødet: som den står nu, og som sekretariatet gemte den', params: YearParams, response: { 200: SummaryPair, 404: ApiErrorSchema } },
      },
      async (request) => {
        const view = await meetings.view(planOf(request).id, yearParam(request));
        return { current: view.current, stored: view.stored };
      },
    );

    app.post(
      `${meetingPath}/opsummering`,
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Gem årets opsummering, som den står nu, til statusmødet (409, når mødet ikke er planlagt, eller er afholdt med en gemt opsummering)',
          params: YearParams,
          response: { 200: SummarySchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => meetings.saveSummary(actorOf(request), planOf(request).id, yearParam(request)),
    );

    app.post(
      `${meetingPath}/invitation`,
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Send indkaldelsen (eller aflysningen) til beredskabsgruppens medlemmer med e-mailadresse, med .ics som kalenderdel',
          params: YearParams,
          response: { 200: SentSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const sent = await meetings.sendInvitation(actorOf(request), planOf(request).id, yearParam(request), { name: principal.name, email: principal.email });
        return { sent: sent.map((m) => ({ recipient: m.recipient, status: m.status, error: m.error })) };
      },
    );
  };
}
