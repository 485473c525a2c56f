import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import type { FieldError } from '../errors/errors.js';
import { isoWithOffset, parseInstantWithOffset } from '../time/copenhagen.js';
import { AUDIENCES, AUDIENCE_NAMES, CHANNELS, CHANNEL_NAMES, COMMUNICATION_STATUSES, ruleOf, STATUS_NAMES, type CommunicationInput } from './communication.js';
import { communicationServiceFor, type Communication, type PressContact } from './communication.service.js';

const TAGS = ['beredskab'];
const Instant = (description: string) => Type.String({ description: `${description}, ISO 8601 med tidszone, fx 2026-03-28T16:30:00+01:00` });
// Enums rather than unions of literals, so that a wrong value is answered with every allowed one.
const AudienceEnum = Type.Unsafe<string>({ type: 'string', enum: [...AUDIENCES], description: AUDIENCES.map((a) => `${a} (${AUDIENCE_NAMES[a]})`).join(', ') });
const ChannelEnum = Type.Unsafe<string>({ type: 'string', enum: [...CHANNELS], description: CHANNELS.map((c) => `${c} (${CHANNEL_NAMES[c]})`).join(', ') });

const PressContactSchema = Type.Object({
  id: Type.String(),
  organisation: Type.String(),
  position: Type.String({ description: 'Stilling' }),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  updatedAt: Instant('Sidst ændret'),
});

const PressContactBody = Type.Object(
  {
    organisation: Type.String({ maxLength: 200, description: 'Organisationen, fx Randers Kommune (påkrævet)' }),
    position: Type.String({ maxLength: 200, description: 'Stillingen, fx Vicepolitiinspektør (påkrævet)' }),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Cifre, evt. med mellemrum og + foran' }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
type PressContactBodyT = Static<typeof PressContactBody>;

const ItemSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  audience: Type.String({ description: AUDIENCES.join(', ') }),
  audienceName: Type.String(),
  audienceDetail: Nullable(Type.String()),
  responsibleMemberId: Nullable(Type.String({ description: 'Beredskabsgruppens medlem, der kommunikerer; null for en navngiven person uden for gruppen' })),
  responsible: Type.String({ description: 'Hvem der kommunikerer, som siden viser det' }),
  message: Type.String({ description: 'Budskabet' }),
  channel: Type.String({ description: CHANNELS.join(', ') }),
  channelName: Type.String(),
  plannedAt: Nullable(Instant('Planlagt tidspunkt')),
  status: Type.String({ description: COMMUNICATION_STATUSES.join(', ') }),
  statusName: Type.String({ description: COMMUNICATION_STATUSES.map((s) => STATUS_NAMES[s]).join(', ') }),
  submittedAt: Nullable(Instant('Sendt til godkendelse')),
  submittedBy: Nullable(Type.String()),
  approvedAt: Nullable(Instant('Godkendt')),
  approvedBy: Nullable(Type.String()),
  rejectedAt: Nullable(Instant('Afvist')),
  rejectedBy: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  sentAt: Nullable(Instant('Markeret som udsendt')),
  sentBy: Nullable(Type.String()),
  fromPlan: Nullable(
    Type.Object(
      { rule: Type.String(), lines: Type.String({ description: 'Linjerne i helhedsplanens tekst, fx 3516-3518' }), basis: Type.String({ description: 'Hvad beredskabsplanen siger' }) },
      { description: 'Beredskabsplanens regel, punktet er foreslået efter; null for et punkt tilføjet af gruppen' },
    ),
  ),
  updatedAt: Instant('Sidst ændret'),
  updatedBy: Type.String(),
});
type ItemJson = Static<typeof ItemSchema>;

const PlanSchema = Type.Object({
  incidentId: Type.String(),
  items: Type.Array(ItemSchema),
  pressContacts: Type.Array(PressContactSchema, { description: 'Pressekontakterne, der inddrages ved punkter til pressen' }),
  missingSuggestions: Type.Integer({ description: 'Hvor mange af beredskabsplanens forslag planen endnu ikke har' }),
});

const ItemBody = Type.Object(
  {
    audience: AudienceEnum,
    audienceDetail: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Uddybning; påkrævet for «andre»' }))),
    responsibleMemberId: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'Id på et medlem af beredskabsgruppen' }))),
    responsibleName: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'En navngiven person uden for gruppen, når responsibleMemberId er null' }))),
    message: Type.String({ maxLength: 4000 }),
    channel: ChannelEnum,
    plannedAt: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Planlagt tidspunkt, ISO 8601 med tidszone; null for ikke planlagt' }))),
  },
  { additionalProperties: false },
);
type ItemBodyT = Static<typeof ItemBody>;

const RejectBody = Type.Object({ reason: Type.String({ maxLength: 1000, description: 'Hvorfor punktet afvises (påkrævet)' }) }, { additionalProperties: false });
const IncidentParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const ItemParams = Type.Object({ id: Type.String({ maxLength: 100 }), itemId: Type.String({ maxLength: 100 }) });
const ContactParams = Type.Object({ contactId: Type.String({ maxLength: 100 }) });

const instant = (iso: string | null) => (iso === null ? null : isoWithOffset(new Date(iso)));

function presentContact(c: PressContact): Static<typeof PressContactSchema> {
  return { id: c.id, organisation: c.organisation, position: c.position, name: c.name, phone: c.phone, email: c.email, sortOrder: c.sortOrder, updatedAt: isoWithOffset(new Date(c.updatedAt)) };
}

function present(c: Communication): ItemJson {
  const rule = ruleOf(c.suggestionKey);
  return {
    id: c.id,
    incidentId: c.incidentId,
    audience: c.audience,
    audienceName: AUDIENCE_NAMES[c.audience],
    audienceDetail: c.audienceDetail,
    responsibleMemberId: c.responsibleMemberId,
    responsible: c.responsibleLabel,
    message: c.message,
    channel: c.channel,
    channelName: CHANNEL_NAMES[c.channel],
    plannedAt: instant(c.plannedAt),
    status: c.status,
    statusName: STATUS_NAMES[c.status],
    submittedAt: instant(c.submittedAt),
    submittedBy: c.submittedByLabel,
    approvedAt: instant(c.approvedAt),
    approvedBy: c.approvedByLabel,
    rejectedAt: instant(c.rejectedAt),
    rejectedBy: c.rejectedByLabel,
    rejectionReason: c.rejectionReason,
    sentAt: instant(c.sentAt),
    sentBy: c.sentByLabel,
    fromPlan: c.planRef && rule ? { rule: rule.key, lines: c.planRef, basis: rule.basis } : null,
    updatedAt: isoWithOffset(new Date(c.updatedAt)),
    updatedBy: c.updatedByLabel,
  };
}

/** The body as the service's input, and the problem with its planned time, if any. */
function inputOf(b: ItemBodyT): { input: CommunicationInput; timeErrors: FieldError[] } {
  const timeErrors: FieldError[] = [];
  let plannedAt = '';
  if (b.plannedAt) {
    const parsed = parseInstantWithOffset(b.plannedAt);
    if (parsed) plannedAt = parsed.toISOString();
    else timeErrors.push({ field: 'plannedAt', message: `Tidspunktet skal være ISO 8601 med tidszone, fx 2026-03-28T16:30:00+01:00, ikke «${b.plannedAt}».` });
  }
  return {
    input: {
      audience: b.audience,
      audienceDetail: b.audienceDetail ?? '',
      responsibleMemberId: b.responsibleMemberId ?? '',
      responsibleName: b.responsibleMemberId ? '' : (b.responsibleName ?? ''),
      message: b.message,
      channel: b.channel,
      plannedAt,
    },
    timeErrors,
  };
}

const pressInput = (b: PressContactBodyT) => ({ organisation: b.organisation, position: b.position, name: b.name ?? '', phone: b.phone ?? '', email: b.email ?? '' });

/**
 * JSON API of the crisis module, part E: the plan's press contacts and each incident's communication plan, with the
 * approval flow (submit, approve or reject, mark as sent). Refused steps answer 409 with a Danish reason.
 */
export function communicationApi(services: AppServices): FastifyPluginAsync {
  const communication = communicationServiceFor(services);
  const base = '/api/v1/beredskab/haendelser/:id/kommunikation';
  const itemStep = (summary: string) => ({
    config: { access: 'beredskab.activate' as const },
    schema: { tags: TAGS, summary, params: ItemParams, response: { 200: ItemSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema } },
  });

  return async (app) => {
    app.get(
      '/api/v1/beredskab/pressekontakter',
      { config: { access: 'beredskab.read' }, schema: { tags: TAGS, summary: 'Pressekontakterne, der inddrages ved kontakt til pressen (fra beredskabsplanen)', response: { 200: Type.Object({ pressContacts: Type.Array(PressContactSchema) }) } } },
      async (request) => ({ pressContacts: (await communication.pressContacts(planOf(request).id)).map(presentContact) }),
    );

    app.post(
      '/api/v1/beredskab/pressekontakter',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Tilføj en pressekontakt', body: PressContactBody, response: { 201: PressContactSchema, 400: ApiErrorSchema, 403: ApiErrorSchema } },
      },
      async (request, reply) => {
        const contact = await communication.createPressContact(actorOf(request), planOf(request).id, pressInput(request.body as PressContactBodyT));
        return reply.code(201).header('location', `/api/v1/beredskab/pressekontakter/${contact.id}`).send(presentContact(contact));
      },
    );

    app.put(
      '/api/v1/beredskab/pressekontakter/:contactId',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Ret en pressekontakt', params: ContactParams, body: PressContactBody, response: { 200: PressContactSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) =>
        presentContact(await communication.updatePressContact(actorOf(request), planOf(request).id, (request.params as { contactId: string }).contactId, pressInput(request.body as PressContactBodyT))),
    );

    app.delete(
      '/api/v1/beredskab/pressekontakter/:contactId',
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Slet en pressekontakt', params: ContactParams, response: { 204: Type.Null(), 403: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        await communication.deletePressContact(actorOf(request), planOf(request).id, (request.params as { contactId: string }).contactId);
        return reply.code(204).send();
      },
    );

    app.get(
      base,
      {
        config: { access: 'beredskab.read' },
        schema: { tags: TAGS, summary: 'En hændelses kommunikationsplan: hvem informerer hvem om hvad, hvordan og hvornår, med godkendelser', params: IncidentParams, response: { 200: PlanSchema, 404: ApiErrorSchema } },
      },
      async (request) => {
        const view = await communication.plan(planOf(request).id, (request.params as { id: string }).id);
        return { incidentId: view.incident.id, items: view.items.map(present), pressContacts: view.pressContacts.map(presentContact), missingSuggestions: view.missingSuggestions };
      },
    );

    app.post(
      `${base}/forslag`,
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Foreslå kommunikationsplanen efter beredskabsplanen: tilføjer de forslag, planen ikke har, som kladder',
          params: IncidentParams,
          response: { 200: Type.Object({ added: Type.Array(ItemSchema) }), 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => ({ added: (await communication.suggest(actorOf(request), planOf(request).id, (request.params as { id: string }).id)).map(present) }),
    );

    app.post(
      base,
      {
        config: { access: 'beredskab.activate' },
        schema: { tags: TAGS, summary: 'Tilføj et punkt til kommunikationsplanen som kladde', params: IncidentParams, body: ItemBody, response: { 201: ItemSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        const incidentId = (request.params as { id: string }).id;
        const { input, timeErrors } = inputOf(request.body as ItemBodyT);
        const item = await communication.create(actorOf(request), planOf(request).id, incidentId, input, timeErrors);
        return reply.code(201).header('location', `/api/v1/beredskab/haendelser/${incidentId}/kommunikation/${item.id}`).send(present(item));
      },
    );

    app.get(
      `${base}/:itemId`,
      { config: { access: 'beredskab.read' }, schema: { tags: TAGS, summary: 'Ét punkt i kommunikationsplanen', params: ItemParams, response: { 200: ItemSchema, 404: ApiErrorSchema } } },
      async (request) => {
        const { id, itemId } = request.params as { id: string; itemId: string };
        return present(await communication.item(planOf(request).id, id, itemId));
      },
    );

    app.put(
      `${base}/:itemId`,
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Ret et punkt. Ændres modtagere, ansvarlig, budskab eller kanal, sættes punktet tilbage til kladde og skal godkendes igen; et udsendt punkt afvises med 409',
          params: ItemParams,
          body: ItemBody,
          response: { 200: ItemSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const { id, itemId } = request.params as { id: string; itemId: string };
        const { input, timeErrors } = inputOf(request.body as ItemBodyT);
        return present(await communication.update(actorOf(request), planOf(request).id, id, itemId, input, timeErrors));
      },
    );

    app.delete(
      `${base}/:itemId`,
      {
        config: { access: 'beredskab.activate' },
        schema: { tags: TAGS, summary: 'Slet et punkt, der ikke er udsendt', params: ItemParams, response: { 204: Type.Null(), 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema } },
      },
      async (request, reply) => {
        const { id, itemId } = request.params as { id: string; itemId: string };
        await communication.remove(actorOf(request), planOf(request).id, id, itemId);
        return reply.code(204).send();
      },
    );

    app.post(`${base}/:itemId/til-godkendelse`, itemStep('Send et punkt (kladde eller afvist) til godkendelse'), async (request) => {
      const { id, itemId } = request.params as { id: string; itemId: string };
      return present(await communication.submit(actorOf(request), planOf(request).id, id, itemId));
    });

    app.post(
      `${base}/:itemId/godkend`,
      itemStep('Godkend et punkt, der venter på godkendelse. Den, der sendte det til godkendelse, kan ikke selv godkende det (fire øjne): 409'),
      async (request) => {
        const { id, itemId } = request.params as { id: string; itemId: string };
        return present(await communication.approve(actorOf(request), planOf(request).id, id, itemId));
      },
    );

    app.post(
      `${base}/:itemId/afvis`,
      {
        config: { access: 'beredskab.activate' },
        schema: {
          tags: TAGS,
          summary: 'Afvis et punkt, der venter på godkendelse, med en begrundelse (fire øjne som ved godkendelse)',
          params: ItemParams,
          body: RejectBody,
          response: { 200: ItemSchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const { id, itemId } = request.params as { id: string; itemId: string };
        return present(await communication.reject(actorOf(request), planOf(request).id, id, itemId, (request.body as Static<typeof RejectBody>).reason));
      },
    );

    app.post(`${base}/:itemId/udsendt`, itemStep('Markér et godkendt punkt som udsendt; afvises med 409, hvis punktet ikke er godkendt'), async (request) => {
      const { id, itemId } = request.params as { id: string; itemId: string };
      return present(await communication.markSent(actorOf(request), planOf(request).id, id, itemId));
    });
  };
}
