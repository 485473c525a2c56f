import { Type } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { NotFoundError } from '../errors/errors.js';
import type { SentMail } from '../mail/mail.service.js';
import { NARRATIVE_MAX_LENGTH } from './deliveries.js';
import { deliveryServiceFor, type DeliveryRequestView, type SendResult } from './deliveries.service.js';

const tags = ['styring'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

const Figures = Type.Object(
  {
    capturedAt: Type.String(),
    planYear: Type.String(),
    hours: Type.Array(
      Type.Object({
        organisation: Type.String(),
        printed: Type.String(),
        agreedPerYear: Type.Union([Type.Number(), Type.Null()]),
        expectedByNow: Type.Union([Type.Number(), Type.Null()]),
        delivered: Type.Number(),
        status: Type.String(),
      }),
    ),
    outputs: Type.Array(
      Type.Object({
        code: Type.String(),
        measure: Type.String(),
        printed: Type.String(),
        delivered: Type.String({ description: 'Som det må vises; små tal skjult («<5»)' }),
        status: Type.String(),
        text: Nullable(Type.String()),
      }),
    ),
    milestones: Type.Array(
      Type.Object({ title: Type.String(), dueDate: Type.String(), owner: Type.String(), status: Type.String(), flag: Nullable(Type.String()), reason: Nullable(Type.String()) }),
    ),
  },
  { description: 'Aktivitetens tal, som de stod, da punktet blev gemt eller leverancen afleveret' },
);

const Item = Type.Object({
  activity: Type.String({ description: 'Aktivitetens slug; tom for organisationen samlet' }),
  activityName: Type.String(),
  narrative: Nullable(Type.String()),
  figures: Type.Union([Figures, Type.Null()]),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});

const Request = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  organisationId: Type.String(),
  organisation: Type.String(),
  deadline: Type.String({ description: 'Fristen, ÅÅÅÅ-MM-DD' }),
  requestedAt: Type.String(),
  status: Type.String({ description: 'afventer, leveret, leveret for sent eller overskredet' }),
  deliveredAt: Nullable(Type.String()),
  deliveredBy: Nullable(Type.String()),
  reminderCount: Type.Integer(),
  lastRemindedAt: Nullable(Type.String()),
  items: Type.Array(Item),
});

const Mail = Type.Object({
  recipient: Type.String(),
  subject: Type.String(),
  status: Type.String({ description: 'sendt, fejlet eller ikke sendt' }),
  error: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
});

const SendResponse = Type.Object({
  requests: Type.Integer({ description: 'Anmodninger skrevet eller mindet om' }),
  mailConfigured: Type.Boolean(),
  mails: Type.Array(Mail),
  withoutRecipients: Type.Array(Type.String(), { description: 'Organisationer uden partnerbrugere, som ingen e-mail fik' }),
});

const RequestBody = Type.Object(
  {
    organisationIds: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 500 }),
    deadline: Type.String({ maxLength: 20, description: 'Fristen, ÅÅÅÅ-MM-DD: fra i dag og før mødet' }),
  },
  { additionalProperties: false },
);

const ReminderBody = Type.Object(
  { organisationIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500, description: 'Som standard alle, der ikke har afleveret' })) },
  { additionalProperties: false },
);

const ItemBody = Type.Object({ narrative: Type.String({ maxLength: NARRATIVE_MAX_LENGTH * 2 }) }, { additionalProperties: false });

function requestJson(r: DeliveryRequestView) {
  return {
    id: r.id,
    meetingId: r.meetingId,
    organisationId: r.organisationId,
    organisation: r.organisationName,
    deadline: r.deadline,
    requestedAt: r.requestedAt,
    status: r.status,
    deliveredAt: r.deliveredAt,
    deliveredBy: r.deliveredByLabel,
    reminderCount: r.reminderCount,
    lastRemindedAt: r.lastRemindedAt,
    items: r.items.map((i) => ({ activity: i.activitySlug, activityName: i.activityName, narrative: i.narrative, figures: i.figures, updatedAt: i.updatedAt, updatedBy: i.updatedByLabel })),
  };
}

const mailJson = (m: SentMail) => ({ recipient: m.recipient, subject: m.subject, status: m.status, error: m.error, requestId: m.relatedId });

/** JSON API of data deliveries and reminders (issue 6). */
export function deliveriesApi(services: AppServices): FastifyPluginAsync {
  const deliveries = deliveryServiceFor(services);
  const sendJson = (result: SendResult) => ({ requests: result.requests, mailConfigured: deliveries.mailConfigured, mails: result.mails.map(mailJson), withoutRecipients: result.withoutRecipients });
  return async (app) => {
    app.get(
      '/api/v1/meetings/:id/deliveries',
      {
        config: { access: 'governance.manage' },
        schema: { tags, summary: 'Et styregruppemødes anmodninger om leverance med status og det afleverede', params: IdParams, response: { 200: Type.Object({ meetingId: Type.String(), requests: Type.Array(Request) }), 404: ApiErrorSchema } },
      },
      async (request) => {
        const id = (request.params as { id: string }).id;
        const overview = await deliveries.overview(planOf(request).id, id);
        return { meetingId: overview.meetingId, requests: overview.requests.map(requestJson) };
      },
    );

    app.post(
      '/api/v1/meetings/:id/deliveries',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Bed organisationer om leverance til et styregruppemøde med en frist (en gang til flytter fristen); e-mail til partnerbrugerne',
          params: IdParams,
          body: RequestBody,
          response: { 200: SendResponse, 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const body = request.body as { organisationIds: string[]; deadline: string };
        return sendJson(await deliveries.request(actorOf(request), planOf(request).id, (request.params as { id: string }).id, body));
      },
    );

    app.post(
      '/api/v1/meetings/:id/deliveries/reminders',
      {
        config: { access: 'governance.manage' },
        schema: { tags, summary: 'Send påmindelse til de organisationer, der ikke har afleveret: de valgte, eller alle med kroppen {}', params: IdParams, body: ReminderBody, response: { 200: SendResponse, 400: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) => {
        const body = (request.body ?? {}) as { organisationIds?: string[] };
        return sendJson(await deliveries.remind(actorOf(request), planOf(request).id, (request.params as { id: string }).id, body.organisationIds));
      },
    );

    app.get(
      '/api/v1/deliveries',
      {
        config: { access: 'activities.report' },
        schema: { tags, summary: 'Din organisations anmodninger om leverance', response: { 200: Type.Object({ requests: Type.Array(Type.Intersect([Request, Type.Object({ meeting: Type.String(), meetingDate: Type.String() })])) }) } },
      },
      async (request) => {
        const own = await deliveries.own(principalOf(request), planOf(request).id);
        return { requests: own.map((r) => ({ ...requestJson(r), meeting: r.meetingLabel, meetingDate: r.meetingDate })) };
      },
    );

    const ItemParams = Type.Object({ id: Type.String({ maxLength: 100 }), activity: Type.String({ maxLength: 100, description: 'Aktivitetens slug; «-» for organisationen samlet' }) });
    const slugOf = (activity: string) => (activity === '-' ? '' : activity);

    app.get(
      '/api/v1/deliveries/:id/items/:activity',
      {
        config: { access: 'activities.report' },
        schema: { tags, summary: 'Et punkt i en leverance: beskrivelsen og tallene, som de står nu eller som afleveret', params: ItemParams, response: { 200: Item, 404: ApiErrorSchema } },
      },
      async (request) => {
        const { id, activity } = request.params as { id: string; activity: string };
        const detail = await deliveries.detail(principalOf(request), planOf(request).id, id);
        const a = detail.activities.find((x) => x.slug === slugOf(activity));
        if (!a) throw new NotFoundError('Aktiviteten hører ikke til leverancen.');
        return {
          activity: a.slug,
          activityName: a.name,
          narrative: a.item?.narrative ?? null,
          figures: a.figures,
          updatedAt: a.item?.updatedAt ?? a.figures.capturedAt,
          updatedBy: a.item?.updatedByLabel ?? '',
        };
      },
    );

    app.put(
      '/api/v1/deliveries/:id/items/:activity',
      {
        config: { access: 'activities.report' },
        schema: { tags, summary: 'Gem beskrivelsen af en aktivitet i leverancen med tallene, som de står nu', params: ItemParams, body: ItemBody, response: { 204: Type.Null(), 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema } },
      },
      async (request, reply) => {
        const { id, activity } = request.params as { id: string; activity: string };
        await deliveries.saveItem(principalOf(request), actorOf(request), planOf(request).id, id, slugOf(activity), (request.body as { narrative: string }).narrative);
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/v1/deliveries/:id/deliver',
      {
        config: { access: 'activities.report' },
        schema: { tags, summary: 'Aflever leverancen; tallene gemmes, som de står (efter fristen: leveret for sent)', params: IdParams, response: { 204: Type.Null(), 404: ApiErrorSchema, 409: ApiErrorSchema } },
      },
      async (request, reply) => {
        await deliveries.deliver(principalOf(request), actorOf(request), planOf(request).id, (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/v1/deliveries/:id/reopen',
      {
        config: { access: 'governance.manage' },
        schema: { tags, summary: 'Genåbn en afleveret leverance, så organisationen kan rette den', params: IdParams, response: { 204: Type.Null(), 404: ApiErrorSchema, 409: ApiErrorSchema } },
      },
      async (request, reply) => {
        await deliveries.reopen(principalOf(request), actorOf(request), planOf(request).id, (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );
  };
}
