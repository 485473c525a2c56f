import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { NotFoundError, ValidationError } from '../errors/errors.js';
import { isoWithOffset, parseInstantWithOffset } from '../time/copenhagen.js';
import { crisisAccessOf } from './crisis-access.js';
import { crisisSettings, saveCrisisSettings, type CrisisSettings } from './crisis-settings.js';
import { deadlineOutcome, nonWorkingDaysAhead } from './convening.js';
import { conveningServiceFor, type ConvenedParticipant, type Convening } from './convening.service.js';
import { incidentLabel } from './incident.js';

const TAGS = ['beredskab'];
const Level = Type.Unsafe<'gul' | 'roed'>({ type: 'string', enum: ['gul', 'roed'], description: 'gul eller roed' });
const Instant = (description: string) => Type.String({ maxLength: 40, description: `${description}, ISO 8601 med tidszone, fx 2026-03-28T20:30:00+01:00` });

const DeadlineBody = Type.Object({ level: Level, activatedAt: Instant('Aktiveringstidspunktet') }, { additionalProperties: false });
const DeadlineAnswer = Type.Object({ deadline: Type.String({ description: 'Fristen for beredskabsgruppens møde, ISO 8601 med dansk tidszone' }) });

const Settings = Type.Object({
  closingDays: Type.Array(Type.String(), { description: 'Lukkedage: MM-DD (hvert år) eller ÅÅÅÅ-MM-DD (én dag)' }),
  escalationMinutes: Type.Object({ roed: Type.Integer(), gul: Type.Integer() }, { description: 'Minutter før et ordinært medlem, der ikke har svaret, eskaleres til suppleanten' }),
  campaignMonths: Type.Array(Type.Integer(), { description: 'Måneder (1-12) for påmindelsen om at bekræfte kontaktoplysninger' }),
  staleAfterMonths: Type.Integer({ description: 'Måneder, før ubekræftede kontaktoplysninger markeres' }),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  nonWorkingDays: Type.Array(Type.Object({ date: Type.String(), reason: Type.String() }), { description: 'Hverdage de kommende 12 måneder, der ikke er arbejdsdage (helligdage og lukkedage), med årsag' }),
});
const SettingsBody = Type.Object(
  {
    closingDays: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 100 }),
    escalationMinutes: Type.Object({ roed: Type.Integer(), gul: Type.Integer() }, { additionalProperties: false }),
    campaignMonths: Type.Array(Type.Integer(), { maxItems: 12 }),
    staleAfterMonths: Type.Integer(),
  },
  { additionalProperties: false },
);

const Participant = Type.Object({
  id: Type.String(),
  memberId: Nullable(Type.String({ description: 'Beredskabsgruppens medlem; null for en ad hoc-deltager' })),
  name: Type.String(),
  role: Type.String(),
  organisation: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  isAuthority: Type.Boolean(),
  adHoc: Type.Boolean(),
  invitedAt: Nullable(Type.String()),
  response: Type.String({ description: 'afventer, kommer eller kommer_ikke' }),
  respondedAt: Nullable(Type.String()),
  escalatedAt: Nullable(Type.String()),
  escalatedToId: Nullable(Type.String({ description: 'Suppleantens deltagerrække, når medlemmet er eskaleret' })),
  escalatedFromId: Nullable(Type.String({ description: 'Det ordinære medlems deltagerrække, når deltageren er suppleant' })),
  noSubstitute: Type.Boolean({ description: 'Eskaleret uden suppleant: kontakt organisationen' }),
  escalationDueAt: Nullable(Type.String({ description: 'Hvornår medlemmet eskaleres, hvis det ikke svarer' })),
  hasSubstitute: Type.Boolean({ description: 'Beredskabsgruppen har en suppleant for medlemmet' }),
  mail: Nullable(Type.Object({ status: Type.String({ description: 'sendt, fejlet eller ikke sendt' }), sentAt: Type.String(), error: Nullable(Type.String()) })),
});

const ConveningAnswer = Type.Object({
  incidentId: Type.String(),
  label: Type.String(),
  level: Type.String(),
  deadline: Type.String({ description: 'Den fastsatte frist, ISO 8601 med dansk tidszone' }),
  deadlineOutcome: Type.String({ description: 'aaben, overholdt eller overskredet' }),
  meeting: Type.Object({ plannedAt: Nullable(Type.String()), location: Nullable(Type.String()), heldAt: Nullable(Type.String()) }),
  warning: Nullable(Type.String({ description: 'Advarsel, når det planlagte møde ligger efter fristen' })),
  participants: Type.Array(Participant),
});

const AdHocBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    role: Type.String({ maxLength: 200 }),
    organisation: Type.String({ maxLength: 200 }),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    isAuthority: Type.Optional(Type.Boolean({ description: 'Deltageren kommer fra en myndighed (må læse § 115-indførsler, hvis knyttet til en bruger)' })),
  },
  { additionalProperties: false },
);
const Response = Type.Unsafe<'kommer' | 'kommer_ikke'>({ type: 'string', enum: ['kommer', 'kommer_ikke'], description: 'kommer eller kommer_ikke' });
const AnswerBody = Type.Object({ response: Response }, { additionalProperties: false });
const MeetingBody = Type.Object({ plannedAt: Instant('Mødetidspunktet'), location: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])) }, { additionalProperties: false });
const HeldBody = Type.Object({ heldAt: Type.Optional(Instant('Hvornår mødet blev holdt (udelad for nu)')) }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const ParticipantParams = Type.Object({ id: Type.String({ maxLength: 100 }), participantId: Type.String({ maxLength: 100 }) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
const PublicInvitation = Type.Object({
  name: Type.String(),
  incident: Type.String(),
  level: Type.String(),
  area: Type.String(),
  deadline: Type.String(),
  meetingPlannedAt: Nullable(Type.String()),
  meetingLocation: Nullable(Type.String()),
  response: Type.String({ description: 'afventer, kommer eller kommer_ikke' }),
  respondedAt: Nullable(Type.String()),
});

const instant = (value: string, field: string, label: string): Date => {
  const at = parseInstantWithOffset(value);
  if (!at) throw new ValidationError([{ field, message: `${label} skal være et gyldigt tidspunkt i ISO 8601 med tidszone, fx 2026-03-28T20:30:00+01:00, ikke «${value}».` }]);
  return at;
};

export function presentSettings(settings: CrisisSettings, now: Date): Static<typeof Settings> {
  return {
    closingDays: settings.closingDays,
    escalationMinutes: settings.escalationMinutes,
    campaignMonths: settings.campaignMonths,
    staleAfterMonths: settings.staleAfterMonths,
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedByLabel,
    nonWorkingDays: nonWorkingDaysAhead(now, settings.closingDays),
  };
}

function presentParticipant(p: ConvenedParticipant): Static<typeof Participant> {
  const { lastMail, ...rest } = p;
  return { ...rest, mail: lastMail ? { status: lastMail.status, sentAt: lastMail.sentAt, error: lastMail.error } : null };
}

function presentConvening(c: Convening, now: Date): Static<typeof ConveningAnswer> {
  const i = c.incident;
  return {
    incidentId: i.id,
    label: incidentLabel(i),
    level: i.level,
    deadline: isoWithOffset(new Date(i.deadlineAt)),
    deadlineOutcome: deadlineOutcome(i.deadlineAt, i.meetingHeldAt, now),
    meeting: { plannedAt: i.meetingPlannedAt, location: i.meetingLocation, heldAt: i.meetingHeldAt },
    warning: c.warning,
    participants: c.participants.map(presentParticipant),
  };
}

/** JSON API of the crisis module, part C: deadlines, invitations, confirmations, escalation, settings (issue 7). */
export function conveningApi(services: AppServices): FastifyPluginAsync {
  const convening = conveningServiceFor(services);
  const answer = async (planId: string, id: string) => presentConvening(await convening.convening(planId, id), services.clock());
  return async (app) => {
    app.post(
      '/api/v1/beredskab/deadline',
      {
        config: { access: 'beredskab.read' },
        schema: {
          tags: TAGS,
          summary: 'Beregn fristen for beredskabsgruppens møde: rødt 24 timer efter aktivering, gult kl. 23.59.59 på tredje arbejdsdag efter aktiveringsdagen',
          body: DeadlineBody,
          response: { 200: DeadlineAnswer, 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as Static<typeof DeadlineBody>;
        const at = instant(body.activatedAt, 'activatedAt', 'Aktiveringstidspunktet (activatedAt)');
        return { deadline: isoWithOffset(await convening.deadline(planOf(request).id, body.level, at)) };
      },
    );

    app.get(
      '/api/v1/beredskab/indstillinger',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Beredskabets indstillinger: arbejdsdagskalenderens lukkedage (med de kommende helligdage og lukkedage), eskaleringstider, påmindelser', response: { 200: Settings } },
      },
      async (request) => presentSettings(await crisisSettings(services.database, planOf(request).id), services.clock()),
    );

    app.put(
      '/api/v1/beredskab/indstillinger',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Gem beredskabets indstillinger (frister, der allerede er fastsat, flytter sig ikke)',
          body: SettingsBody,
          response: { 200: Settings, 400: ApiErrorSchema, 403: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as Static<typeof SettingsBody>;
        const saved = await saveCrisisSettings(services.database, services.clock, actorOf(request), planOf(request).id, body);
        return presentSettings(saved, services.clock());
      },
    );

    app.get(
      '/api/v1/beredskab/haendelser/:id/indkaldelse',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Hændelsens indkaldelse: frist, planlagt møde (med advarsel efter fristen), deltagere, svar, e-mails og eskaleringer', params: IdParams, response: { 200: ConveningAnswer, 404: ApiErrorSchema } },
      },
      async (request) => answer(planOf(request).id, (request.params as { id: string }).id),
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/deltagere',
      {
        config: { access: 'beredskab.activate' },
        schema: { tags: TAGS, summary: 'Tilføj og indkald en ad hoc-deltager til hændelsen', params: IdParams, body: AdHocBody, response: { 201: Participant, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        const body = request.body as Static<typeof AdHocBody>;
        const created = await convening.addAdHoc(actorOf(request), planOf(request).id, (request.params as { id: string }).id, {
          name: body.name,
          role: body.role,
          organisation: body.organisation,
          email: body.email ?? null,
          phone: body.phone ?? null,
          isAuthority: body.isAuthority ?? false,
        });
        return reply.code(201).send(presentParticipant(created));
      },
    );

    app.put(
      '/api/v1/beredskab/haendelser/:id/deltagere/:participantId/svar',
      {
        config: { access: 'beredskab.read' },
        schema: {
          tags: TAGS,
          summary: 'Svar på indkaldelsen som det medlem af beredskabsgruppen, brugeren er knyttet til',
          params: ParticipantParams,
          body: AnswerBody,
          response: { 200: ConveningAnswer, 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const { id, participantId } = request.params as Static<typeof ParticipantParams>;
        const access = await crisisAccessOf(services.database, principalOf(request), planId);
        await convening.answerAsMember(actorOf(request), access.memberIds, planId, id, participantId, (request.body as Static<typeof AnswerBody>).response);
        return answer(planId, id);
      },
    );

    app.put(
      '/api/v1/beredskab/haendelser/:id/moede',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Planlæg eller flyt mødet (tid og sted); de indkaldte får en kalenderinvitation. Svaret har en advarsel, når mødet ligger efter fristen',
          params: IdParams,
          body: MeetingBody,
          response: { 200: ConveningAnswer, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const id = (request.params as { id: string }).id;
        const body = request.body as Static<typeof MeetingBody>;
        await convening.setMeeting(actorOf(request), planId, id, { plannedAt: instant(body.plannedAt, 'plannedAt', 'Mødetidspunktet (plannedAt)'), location: body.location ?? null });
        return answer(planId, id);
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/moede/afholdt',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Registrér, at mødet er holdt (bruges til «frist overholdt eller overskredet»)',
          params: IdParams,
          body: HeldBody,
          response: { 200: ConveningAnswer, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const id = (request.params as { id: string }).id;
        const body = (request.body ?? {}) as Static<typeof HeldBody>;
        await convening.meetingHeld(actorOf(request), planId, id, body.heldAt ? instant(body.heldAt, 'heldAt', 'Tidspunktet (heldAt)') : services.clock());
        return answer(planId, id);
      },
    );

    app.get(
      '/api/v1/beredskab/svar/:token',
      {
        config: { access: 'public' },
        schema: { tags: TAGS, summary: 'Indkaldelsen bag et personligt svarlink (uden login)', params: TokenParams, response: { 200: PublicInvitation, 404: ApiErrorSchema } },
      },
      async (request) => {
        const found = await convening.byToken((request.params as { token: string }).token);
        if (!found) throw new NotFoundError('Linket er ikke gyldigt. Brug linket i den seneste e-mail om indkaldelsen.');
        return presentPublic(found);
      },
    );

    app.post(
      '/api/v1/beredskab/svar/:token',
      {
        config: { access: 'public' },
        schema: { tags: TAGS, summary: 'Svar på en indkaldelse med det personlige svarlink (uden login)', params: TokenParams, body: AnswerBody, response: { 200: PublicInvitation, 400: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) => {
        const token = (request.params as { token: string }).token;
        await convening.answerByToken(token, (request.body as Static<typeof AnswerBody>).response);
        return presentPublic((await convening.byToken(token))!);
      },
    );
  };
}

function presentPublic(found: NonNullable<Awaited<ReturnType<ReturnType<typeof conveningServiceFor>['byToken']>>>): Static<typeof PublicInvitation> {
  return {
    name: found.participant.name,
    incident: incidentLabel(found.incident),
    level: found.incident.level,
    area: found.areaName,
    deadline: isoWithOffset(new Date(found.incident.deadlineAt)),
    meetingPlannedAt: found.incident.meetingPlannedAt ? isoWithOffset(new Date(found.incident.meetingPlannedAt)) : null,
    meetingLocation: found.incident.meetingLocation,
    response: found.participant.response,
    respondedAt: found.participant.respondedAt,
  };
}
