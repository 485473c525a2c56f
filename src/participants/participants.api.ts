import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { SPREADSHEET_CONTENT_TYPES } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError } from '../monitoring/import/spreadsheet.js';
import { ValidationError } from '../errors/errors.js';
import { legalBasisLabel } from './consent-rules.js';
import {
  participantServiceOf, TargetGroupBlockedError, type Consent, type HouseholdMember, type Participant, type ParticipantInput,
} from './participants.service.js';
import {
  CodeAndIdParams, CodeParams, ConsentBody, ConsentSchema, EndEnrolmentBody, EnrolmentBody, EnrolmentSchema, FindingSchema, HouseholdBody, HouseholdLinkBody,
  HouseholdParams, ImportErrorSchema, MemberSchema, ParticipantBody, ParticipantSchema, SearchQuery, TargetGroupErrorSchema, WithdrawBody,
} from './participants.schemas.js';

/** The largest enrolment file the import accepts. */
export const ENROLMENT_IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

const tags = ['deltagere'];

function participantJson(p: Participant) {
  return {
    code: p.code, nickname: p.nickname, birthYearMonth: p.birthYearMonth, gender: p.gender, area: p.areaSlug, address: p.address, institution: p.institution,
    school: p.school, contactPerson: p.contactPerson, cprMatched: p.cprMatched, household: p.householdCode, createdAt: p.createdAt, createdBy: p.createdBy, updatedAt: p.updatedAt,
  };
}

const consentJson = (c: Consent) => ({ ...c, legalBasisText: legalBasisLabel(c.legalBasis) });
const memberJson = (m: HouseholdMember) => ({ code: m.code, nickname: m.nickname, birthYearMonth: m.birthYearMonth, area: m.areaSlug });

/** The body as the service's input: what is missing or null is empty. */
function inputOf(body: ParticipantBody): ParticipantInput {
  return {
    nickname: body.nickname ?? '', birthYearMonth: body.birthYearMonth ?? '', gender: body.gender ?? '', address: body.address ?? '', keepAddress: body.keepAddress ?? false,
    area: body.area ?? '', institution: body.institution ?? '', school: body.school ?? '', contactPerson: body.contactPerson ?? '', cpr: body.cpr ?? '', household: body.household ?? '',
  };
}

/**
 * The JSON API of participants: search and list, register, read and change a person, their enrolments (with the
 * target-group check and its override) and consents, households, and the enrolment import. A partner or employee
 * sees only the participants of their own activities; anyone else's answer is 404, as if the person did not exist.
 */
export function participantsApi(services: AppServices): FastifyPluginAsync {
  const participants = participantServiceOf(services);
  return async (app) => {
    app.addContentTypeParser(SPREADSHEET_CONTENT_TYPES, { bodyLimit: ENROLMENT_IMPORT_LIMIT_BYTES }, (_request, payload, done) => done(null, payload));

    app.get(
      '/api/v1/participants',
      {
        config: { access: 'participants.read' },
        schema: {
          tags, summary: 'Søg blandt de deltagere, du har adgang til (efter kode, kaldenavn, fødselsår, område og aktivitet), sorteret efter kode og delt i sider',
          querystring: SearchQuery,
          response: {
            200: Type.Object({
              participants: Type.Array(Type.Object({ code: Type.String(), nickname: Type.Union([Type.String(), Type.Null()]), birthYearMonth: Type.Union([Type.String(), Type.Null()]), gender: Type.Union([Type.String(), Type.Null()]), area: Type.Union([Type.String(), Type.Null()]), activities: Type.Array(Type.String()) })),
              next: Type.Union([Type.String(), Type.Null()], { description: 'Send som efter= for næste side; null på sidste side' }),
            }),
            400: ApiErrorSchema,
          },
        },
      },
      async (request) => {
        const query = request.query as SearchQuery;
        const result = await participants.search(planOf(request).id, principalOf(request), actorOf(request), query, { limit: query.antal ?? 50, via: 'api' });
        if (result.errors.length > 0) throw new ValidationError(result.errors);
        return { participants: result.rows.map((r) => ({ ...memberJson(r), gender: r.gender, activities: r.activities })), next: result.next };
      },
    );

    app.post(
      '/api/v1/participants',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags, summary: 'Registrér en deltager under en ny pseudonym kode',
          description: 'Adressen bruges til at finde boligområdet og gemmes kun med keepAddress. Et CPR-nummer gemmes aldrig, kun et nøglet hash; passer det med en registreret deltager, svares 409 med deltagerens kode.',
          body: ParticipantBody,
          response: { 201: ParticipantSchema, 400: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as ParticipantBody;
        const p = await participants.register(planOf(request).id, principalOf(request), actorOf(request), inputOf(body));
        return reply.code(201).send(participantJson(p));
      },
    );

    app.get(
      '/api/v1/participants/:code',
      {
        config: { access: 'participants.read' },
        schema: {
          tags, summary: 'En deltager med tilmeldinger, samtykker og husstand (kun de dele, du har adgang til)', params: CodeParams,
          response: {
            200: Type.Object({ participant: ParticipantSchema, enrolments: Type.Array(EnrolmentSchema), consents: Type.Array(ConsentSchema), household: Type.Union([Type.Object({ code: Type.String(), members: Type.Array(MemberSchema) }), Type.Null()]) }),
            404: ApiErrorSchema,
          },
        },
      },
      async (request) => {
        const d = await participants.detail(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code, 'api');
        return {
          participant: participantJson(d.participant),
          enrolments: d.enrolments,
          consents: d.consents.map(consentJson),
          household: d.household ? { code: d.household.code, members: d.household.members.map(memberJson) } : null,
        };
      },
    );

    app.patch(
      '/api/v1/participants/:code',
      {
        config: { access: 'participants.manage' },
        schema: { tags, summary: 'Ret en deltager: kun de felter, der sendes, ændres', params: CodeParams, body: ParticipantBody, response: { 200: ParticipantSchema, 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema } },
      },
      async (request) => {
        const { code } = request.params as { code: string };
        const body = request.body as ParticipantBody;
        const plan = planOf(request);
        if (body.household !== undefined) await participants.linkHousehold(plan.id, principalOf(request), actorOf(request), code, body.household ?? '');
        const present = new Set(Object.keys(body) as (keyof ParticipantInput)[]);
        const p = await participants.update(plan.id, principalOf(request), actorOf(request), code, inputOf(body), present);
        return participantJson(p);
      },
    );

    app.get(
      '/api/v1/participants/:code/enrolments',
      { config: { access: 'participants.read' }, schema: { tags, summary: 'En deltagers tilmeldinger', params: CodeParams, response: { 200: Type.Object({ enrolments: Type.Array(EnrolmentSchema) }), 404: ApiErrorSchema } } },
      async (request) => ({ enrolments: (await participants.detail(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code, 'api')).enrolments }),
    );

    app.post(
      '/api/v1/participants/:code/enrolments',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags, summary: 'Tilmeld en deltager til en aktivitet, du arbejder med',
          description: 'Målgruppen kontrolleres på startdatoen. Passer deltageren ikke (fx alderen), afvises tilmeldingen med 422 og fundene, medmindre overrideReason gives; begrundelsen gemmes med fundene. Advarsler gemmes og returneres.',
          params: CodeParams, body: EnrolmentBody,
          response: { 201: Type.Object({ enrolment: EnrolmentSchema, findings: Type.Array(FindingSchema) }), 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 422: TargetGroupErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as EnrolmentBody;
        try {
          const result = await participants.enrol(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code, {
            activity: body.activity, startDate: body.startDate, endDate: body.endDate ?? '', status: body.status ?? 'aktiv', referralKind: body.referralKind ?? 'selv',
            referredFromActivity: body.referredFromActivity ?? '', referredBy: body.referredBy ?? '', overrideReason: body.overrideReason ?? '',
          });
          return reply.code(201).send(result);
        } catch (error) {
          if (!(error instanceof TargetGroupBlockedError)) throw error;
          return reply.code(422).send({ error: { code: 'maalgruppe', message: error.message, fields: error.fields, findings: error.findings } });
        }
      },
    );

    app.post(
      '/api/v1/participants/:code/enrolments/:id/end',
      { config: { access: 'participants.manage' }, schema: { tags, summary: 'Afslut eller afbryd en tilmelding', params: CodeAndIdParams, body: EndEnrolmentBody, response: { 200: EnrolmentSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema } } },
      async (request) => {
        const { code, id } = request.params as { code: string; id: string };
        return participants.endEnrolment(planOf(request).id, principalOf(request), actorOf(request), code, id, request.body as { endDate: string; status: string });
      },
    );

    app.get(
      '/api/v1/participants/:code/consents',
      { config: { access: 'participants.read' }, schema: { tags, summary: 'En deltagers samtykker', params: CodeParams, response: { 200: Type.Object({ consents: Type.Array(ConsentSchema) }), 404: ApiErrorSchema } } },
      async (request) => ({ consents: (await participants.detail(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code, 'api')).consents.map(consentJson) }),
    );

    app.post(
      '/api/v1/participants/:code/consents',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags, summary: 'Registrér et samtykke (for deltagelsen eller en tilmelding)',
          description: 'Er deltageren under 13 år på datoen for samtykket, skal det gives af en forælder eller værge.',
          params: CodeParams, body: ConsentBody, response: { 201: ConsentSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as ConsentBody;
        const consent = await participants.addConsent(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code, {
          givenBy: body.givenBy, givenByName: body.givenByName ?? '', givenOn: body.givenOn, purpose: body.purpose, legalBasis: body.legalBasis, withdrawnOn: body.withdrawnOn ?? '', enrolmentId: body.enrolmentId ?? '',
        });
        return reply.code(201).send(consentJson(consent));
      },
    );

    app.post(
      '/api/v1/participants/:code/consents/:id/withdraw',
      { config: { access: 'participants.manage' }, schema: { tags, summary: 'Registrér, at et samtykke er trukket tilbage', params: CodeAndIdParams, body: WithdrawBody, response: { 200: ConsentSchema, 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema } } },
      async (request) => {
        const { code, id } = request.params as { code: string; id: string };
        return consentJson(await participants.withdrawConsent(planOf(request).id, principalOf(request), actorOf(request), code, id, (request.body as { withdrawnOn: string }).withdrawnOn));
      },
    );

    app.post(
      '/api/v1/households',
      { config: { access: 'participants.manage' }, schema: { tags, summary: 'Opret en husstand (en familie på tværs af aktiviteter)', body: HouseholdBody, response: { 201: Type.Object({ code: Type.String(), area: Type.Union([Type.String(), Type.Null()]) }), 400: ApiErrorSchema } } },
      async (request, reply) => {
        const h = await participants.createHousehold(planOf(request).id, principalOf(request), actorOf(request), (request.body as { area?: string | null }).area || null);
        return reply.code(201).send({ code: h.code, area: h.area_slug });
      },
    );

    app.get(
      '/api/v1/households/:code',
      { config: { access: 'participants.read' }, schema: { tags, summary: 'En husstand og de medlemmer, du har adgang til', params: HouseholdParams, response: { 200: Type.Object({ code: Type.String(), area: Type.Union([Type.String(), Type.Null()]), members: Type.Array(MemberSchema) }), 404: ApiErrorSchema } } },
      async (request) => {
        const { household, members } = await participants.household(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code);
        return { code: household.code, area: household.area_slug, members: members.map(memberJson) };
      },
    );

    app.put(
      '/api/v1/participants/:code/household',
      { config: { access: 'participants.manage' }, schema: { tags, summary: 'Knyt en deltager til en husstand (eller fjern dem med null)', params: CodeParams, body: HouseholdLinkBody, response: { 204: Type.Null(), 400: ApiErrorSchema, 404: ApiErrorSchema } } },
      async (request, reply) => {
        await participants.linkHousehold(planOf(request).id, principalOf(request), actorOf(request), (request.params as { code: string }).code, (request.body as { household: string | null }).household ?? '');
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/v1/participants/enrolments/import',
      {
        config: { access: 'participants.manage' },
        bodyLimit: ENROLMENT_IMPORT_LIMIT_BYTES,
        schema: {
          tags, summary: 'Importér tilmeldinger fra en CSV- eller XLSX-fil (filen er selve forespørgslens krop)',
          description:
            'Kolonner: deltagerkode, aktivitet, start, slut, status, henvist_fra, begrundelse. Alle fejl meldes på én gang med række og kolonne (422), og intet gemmes, hvis der er én fejl. En tilmelding, der allerede findes (samme deltager, aktivitet og startdato), er uændret.',
          querystring: Type.Object({ filnavn: Type.Optional(Type.String({ maxLength: 255 })) }),
          response: { 200: Type.Object({ imported: Type.Integer(), unchanged: Type.Integer(), overridden: Type.Integer(), importId: Type.String() }), 400: ApiErrorSchema, 415: ApiErrorSchema, 422: ImportErrorSchema },
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable)) {
          throw new SpreadsheetError('Send filen som selve forespørgslen med Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.', 415);
        }
        const fileName = (request.query as { filnavn?: string }).filnavn ?? 'upload';
        const outcome = await participants.importEnrolments(planOf(request).id, principalOf(request), actorOf(request), request.body, { fileName, contentType: request.headers['content-type'] });
        if (outcome.status === 'rejected') {
          return reply.code(422).send({
            error: {
              code: 'importfejl',
              message: `Filen blev ikke importeret: ${outcome.problemCount === 1 ? 'der er 1 fejl' : `der er ${outcome.problemCount.toLocaleString('da-DK')} fejl`}. Ret dem og importér filen igen.`,
              problemCount: outcome.problemCount,
              rows: outcome.problems,
            },
          });
        }
        return { imported: outcome.imported, unchanged: outcome.unchanged, overridden: outcome.overridden, importId: outcome.importId };
      },
    );
  };
}
