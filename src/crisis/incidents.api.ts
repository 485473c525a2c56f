import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { isoWithOffset } from '../time/copenhagen.js';
import { timeLeft } from './deadlines.js';
import { incidentLabel, incidentPath, type Incident } from './incident.js';
import { meetingAfterDeadline, SEVERAL_AREAS_LABEL } from './incidents.js';
import { incidentServiceFor, situationLabel, type AreaOption } from './incidents.service.js';
import { LEVEL_NAMES, POLICE_STATUS_NAMES } from './levels.js';

const TAGS = ['beredskab'];
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Level = Type.Unsafe<'gul' | 'roed'>({ type: 'string', enum: ['gul', 'roed'], description: 'gul (foregribende, mødes inden for 3 arbejdsdage) eller roed (akut, mødes inden for 24 timer)' });
const Instant = (description: string) => Type.String({ description: `${description}, ISO 8601 med tidszone, fx 2026-03-28T20:30:00+01:00` });

const Police = Type.Object({
  status: Type.String({ description: 'vurderet, vagtchef eller afventer' }),
  statusName: Type.String(),
  contact: Nullable(Type.String({ description: 'Hvem hos politiet der vurderede, eller hvem der svarede på 114' })),
  contactedAt: Nullable(Instant('Hvornår politiet blev kontaktet')),
  assessedLevel: Nullable(Type.String({ description: 'gul, roed eller ingen' })),
});

const IncidentSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer({ description: 'Hændelsens nummer i planen: 1, 2, …' }),
  label: Type.String({ description: '«Hændelse 3»' }),
  areaSlug: Nullable(Type.String({ description: 'Boligområdets slug; null for flere områder eller hele helhedsplanen' })),
  areaName: Type.String(),
  level: Type.String({ description: 'gul eller roed' }),
  levelName: Type.String(),
  status: Type.String({ description: 'aktiv eller afmeldt' }),
  situationType: Type.String(),
  situationName: Type.String(),
  description: Type.String(),
  activatedAt: Instant('Aktiveret'),
  activatedBy: Type.String(),
  activatedByMemberId: Nullable(Type.String()),
  onBehalfOf: Nullable(Type.String({ description: 'Den part, sekretariatet aktiverede på vegne af' })),
  police: Police,
  deadline: Instant('Mødefristen, fastsat da niveauet blev sat'),
  levelSetAt: Instant('Hvornår det nuværende niveau blev sat'),
  timeLeft: Type.Object({ overdue: Type.Boolean(), minutes: Type.Integer({ description: 'Minutter til fristen; negativt, når den er overskredet' }), text: Type.String() }),
  meetingPlannedAt: Nullable(Instant('Det planlagte møde')),
  meetingLocation: Nullable(Type.String()),
  meetingAfterDeadline: Type.Boolean({ description: 'Det planlagte møde ligger efter mødefristen' }),
  stoodDownAt: Nullable(Instant('Afmeldt')),
  stoodDownBy: Nullable(Type.String()),
  standDownReason: Nullable(Type.String()),
  logLength: Type.Integer(),
  page: Type.String({ description: 'Hændelsens side i Helhed' }),
});
type IncidentJson = Static<typeof IncidentSchema>;

const PoliceBody = Type.Object(
  {
    status: Type.String({ maxLength: 20, description: 'vurderet (politiet har vurderet situationen), vagtchef (kontaktpersonen kunne ikke nås; vagtchefen er ringet op på 114) eller afventer (kun ved rødt niveau)' }),
    contact: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Hvem hos politiet; påkrævet ved vurderet og vagtchef' }))),
    contactedAt: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Hvornår, ISO 8601 med tidszone (eller dansk lokal tid ÅÅÅÅ-MM-DDTtt:mm); påkrævet ved vurderet og vagtchef' }))),
    assessedLevel: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'gul, roed eller ingen; påkrævet ved vurderet' }))),
  },
  { additionalProperties: false },
);

const ActivateBody = Type.Object(
  {
    areaSlug: Nullable(Type.String({ maxLength: 100, description: 'Boligområdets slug; null (eller «flere») for flere områder eller hele helhedsplanen' })),
    level: Type.String({ maxLength: 10, description: 'gul eller roed' }),
    situationType: Type.String({ maxLength: 60, description: 'Situationens type fra beredskabsplanen, fx ildspaasaettelse, gruppekonflikt; andet for det, planen ikke nævner' }),
    description: Type.String({ maxLength: 4000 }),
    police: PoliceBody,
    onBehalfOf: Type.Optional(
      Nullable(
        Type.Object(
          { memberId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))), name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) },
          { additionalProperties: false, description: 'Kun sekretariatet: et medlem af beredskabsgruppen (memberId) eller en anden navngiven part (name)' },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

const LevelBody = Type.Object({ level: Type.String({ maxLength: 10, description: 'Det nye niveau: gul eller roed' }), reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
const ReasonBody = Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const ListQuery = Type.Object({
  status: Type.Optional(Type.Unsafe<'aktiv' | 'afmeldt'>({ type: 'string', enum: ['aktiv', 'afmeldt'], description: 'Kun aktive eller kun afmeldte hændelser' })),
});

const iso = (value: string | null) => (value === null ? null : isoWithOffset(new Date(value)));

function present(incident: Incident, areas: readonly AreaOption[], now: Date): IncidentJson {
  const deadline = new Date(incident.deadlineAt);
  const left = timeLeft(deadline, now);
  return {
    id: incident.id,
    number: incident.number,
    label: incidentLabel(incident),
    areaSlug: incident.areaSlug,
    areaName: incident.areaSlug === null ? SEVERAL_AREAS_LABEL : (areas.find((a) => a.slug === incident.areaSlug)?.name ?? incident.areaSlug),
    level: incident.level,
    levelName: LEVEL_NAMES[incident.level],
    status: incident.status,
    situationType: incident.situationType,
    situationName: situationLabel(incident.situationType),
    description: incident.description,
    activatedAt: isoWithOffset(new Date(incident.activatedAt)),
    activatedBy: incident.activatedByLabel,
    activatedByMemberId: incident.activatedByMemberId,
    onBehalfOf: incident.onBehalfOf,
    police: { ...incident.police, statusName: POLICE_STATUS_NAMES[incident.police.status], contactedAt: iso(incident.police.contactedAt) },
    deadline: isoWithOffset(deadline),
    levelSetAt: isoWithOffset(new Date(incident.levelSetAt)),
    timeLeft: { overdue: left.overdue, minutes: Math.trunc((deadline.getTime() - now.getTime()) / 60_000), text: left.text },
    meetingPlannedAt: iso(incident.meetingPlannedAt),
    meetingLocation: incident.meetingLocation,
    meetingAfterDeadline: meetingAfterDeadline(incident),
    stoodDownAt: iso(incident.stoodDownAt),
    stoodDownBy: incident.stoodDownByLabel,
    standDownReason: incident.standDownReason,
    logLength: incident.logLength,
    page: incidentPath(incident.id),
  };
}

const errors = (...codes: (400 | 403 | 404 | 409)[]) => Object.fromEntries(codes.map((c) => [c, ApiErrorSchema]));

/** JSON API of activation and incidents (issue 7, part 2): activate, list, read, change level, record the police's assessment, stand down. */
export function incidentsApi(services: AppServices): FastifyPluginAsync {
  const incidents = incidentServiceFor(services);
  const presentOne = async (planId: string, incident: Incident) => present(incident, await incidents.areas(planId), incidents.now());

  return async (app) => {
    app.post(
      '/api/v1/beredskab/haendelser',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary:
            'Aktivér beredskabet på gult eller rødt niveau med politiets vurdering; mødefristen fastsættes og gemmes, og gruppen indkaldes. Rødt niveau kan aktiveres, mens politiets vurdering afventer; gult kræver kontakten registreret',
          body: ActivateBody,
          response: { 201: IncidentSchema, ...errors(400, 403) },
        },
      },
      async (request, reply) => {
        const planId = planOf(request).id;
        const body = request.body as Static<typeof ActivateBody>;
        const outcome = await incidents.activate(principalOf(request), actorOf(request), planId, { ...body, areaSlug: body.areaSlug ?? null, onBehalfOf: body.onBehalfOf ?? null });
        if (outcome.conveningError) request.log.error({ err: outcome.conveningError, incidentId: outcome.incident.id }, 'convening after activation failed');
        return reply.code(201).header('location', `/api/v1/beredskab/haendelser/${outcome.incident.id}`).send(await presentOne(planId, outcome.incident));
      },
    );

    app.get(
      '/api/v1/beredskab/haendelser',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Planens hændelser, de nyeste først, med fast mødefrist og tid tilbage', querystring: ListQuery, response: { 200: Type.Object({ incidents: Type.Array(IncidentSchema) }), ...errors(400) } },
      },
      async (request) => {
        const planId = planOf(request).id;
        const { status } = request.query as Static<typeof ListQuery>;
        const [list, areas] = await Promise.all([incidents.list(planId, status ? { status } : {}), incidents.areas(planId)]);
        const now = incidents.now();
        return { incidents: list.map((i) => present(i, areas, now)) };
      },
    );

    app.get(
      '/api/v1/beredskab/haendelser/:id',
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'Én hændelse med fast mødefrist (ISO 8601 med tidszone) og tid tilbage', params: IdParams, response: { 200: IncidentSchema, ...errors(404) } },
      },
      async (request) => {
        const planId = planOf(request).id;
        return presentOne(planId, await incidents.get(planId, (request.params as { id: string }).id));
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/niveau',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Skift niveau (gul ↔ rød) med begrundelse; en ny mødefrist fastsættes fra skiftet, og gruppen får besked',
          params: IdParams,
          body: LevelBody,
          response: { 200: IncidentSchema, ...errors(400, 403, 404, 409) },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const outcome = await incidents.changeLevel(principalOf(request), actorOf(request), planId, (request.params as { id: string }).id, request.body as Static<typeof LevelBody>);
        if (outcome.conveningError) request.log.error({ err: outcome.conveningError, incidentId: outcome.incident.id }, 'convening after a level change failed');
        return presentOne(planId, outcome.incident);
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/politi',
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Registrér politiets vurdering efter aktiveringen (når den afventede, eller vagtchefen ikke gav en)',
          params: IdParams,
          body: PoliceBody,
          response: { 200: IncidentSchema, ...errors(400, 403, 404, 409) },
        },
      },
      async (request) => {
        const planId = planOf(request).id;
        const incident = await incidents.recordPolice(principalOf(request), actorOf(request), planId, (request.params as { id: string }).id, request.body as Static<typeof PoliceBody>);
        return presentOne(planId, incident);
      },
    );

    app.post(
      '/api/v1/beredskab/haendelser/:id/afmeld',
      {
        config: { access: 'beredskab.activate' },
        schema: { tags: TAGS, summary: 'Afmeld beredskabet med begrundelse', params: IdParams, body: ReasonBody, response: { 200: IncidentSchema, ...errors(400, 403, 404, 409) } },
      },
      async (request) => {
        const planId = planOf(request).id;
        const incident = await incidents.standDown(principalOf(request), actorOf(request), planId, (request.params as { id: string }).id, request.body as Static<typeof ReasonBody>);
        return presentOne(planId, incident);
      },
    );
  };
}
