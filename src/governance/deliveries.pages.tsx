import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { permissionsOf } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { deliveryServiceFor } from './deliveries.service.js';
import { DeliveryPage, MeetingDeliveriesPage, RequestListPage, type RequestFormValues } from './deliveries.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

type IdParams = { id: string };

/**
 * The data-delivery pages: `/styring/moeder/:id/leverancer` (the secretariat asks, follows and reminds),
 * `/styring/leverancer` (a partner's requests) and `/styring/leverancer/:id` (where an organisation delivers).
 */
export function deliveryPages(services: AppServices): FastifyPluginAsync {
  const deliveries = deliveryServiceFor(services);
  return async (app) => {
    const renderMeeting = async (request: FastifyRequest, reply: FastifyReply, form: { values?: RequestFormValues; errors?: FieldError[] } = {}, status = 200) => {
      const overview = await deliveries.overview(planOf(request).id, (request.params as IdParams).id);
      return sendPage(reply, <MeetingDeliveriesPage ctx={pageContext(request, reply)} overview={overview} {...form} />, status);
    };

    app.get('/styring/moeder/:id/leverancer', access('governance.manage'), (request, reply) => renderMeeting(request, reply));

    app.post('/styring/moeder/:id/leverancer', access('governance.manage'), async (request, reply) => {
      const values: RequestFormValues = { organisationIds: formList(request.body, 'organisationIds'), deadline: formText(request.body, 'deadline').trim() };
      const id = (request.params as IdParams).id;
      try {
        await deliveries.request(actorOf(request), planOf(request).id, id, values);
      } catch (error) {
        if (error instanceof ValidationError) return renderMeeting(request, reply, { values, errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, 'deliveriesRequested');
      return seeOther(reply, `/styring/moeder/${encodeURIComponent(id)}/leverancer`);
    });

    app.post('/styring/moeder/:id/leverancer/paamindelser', access('governance.manage'), async (request, reply) => {
      const id = (request.params as IdParams).id;
      try {
        await deliveries.remind(actorOf(request), planOf(request).id, id, formList(request.body, 'organisationIds'));
      } catch (error) {
        if (error instanceof ValidationError) return renderMeeting(request, reply, { errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, 'deliveryRemindersSent');
      return seeOther(reply, `/styring/moeder/${encodeURIComponent(id)}/leverancer`);
    });

    app.get('/styring/leverancer', access('activities.report'), async (request, reply) => {
      const principal = principalOf(request);
      const requests = await deliveries.listFor(principal, planOf(request).id);
      const manager = permissionsOf(principal.roles).has('governance.manage') && !principal.roles.includes('partner');
      return sendPage(reply, <RequestListPage ctx={pageContext(request, reply)} requests={requests} manager={manager} />);
    });

    const renderDelivery = async (request: FastifyRequest, reply: FastifyReply, form: { values?: Record<string, string>; errors?: FieldError[] } = {}, status = 200) => {
      const detail = await deliveries.detail(principalOf(request), planOf(request).id, (request.params as IdParams).id);
      return sendPage(reply, <DeliveryPage ctx={pageContext(request, reply)} detail={detail} {...form} />, status);
    };

    app.get('/styring/leverancer/:id', access('activities.report'), (request, reply) => renderDelivery(request, reply));

    const back = (request: FastifyRequest) => `/styring/leverancer/${encodeURIComponent((request.params as IdParams).id)}`;

    app.post('/styring/leverancer/:id/aktiviteter/:activity', access('activities.report'), async (request, reply) => {
      const { id, activity } = request.params as IdParams & { activity: string };
      const slug = activity === '-' ? '' : activity;
      const field = slug === '' ? 'narrative' : `narrative-${slug}`;
      const narrative = formText(request.body, field);
      try {
        await deliveries.saveItem(principalOf(request), actorOf(request), planOf(request).id, id, slug, narrative);
      } catch (error) {
        if (error instanceof ValidationError) return renderDelivery(request, reply, { values: { [slug]: narrative }, errors: error.fields }, 400);
        if (error instanceof ConflictError) return renderDelivery(request, reply, { errors: [{ field, message: error.message }] }, 409);
        throw error;
      }
      setFlash(reply, 'deliveryItemSaved');
      return seeOther(reply, back(request));
    });

    app.post('/styring/leverancer/:id/milepaele/:milestone', access('activities.report'), async (request, reply) => {
      const { id, milestone } = request.params as IdParams & { milestone: string };
      const completedOn = formText(request.body, 'completedOn').trim();
      try {
        await deliveries.setMilestoneStatus(principalOf(request), actorOf(request), planOf(request).id, id, milestone, { status: formText(request.body, 'status'), completedOn: completedOn || null });
      } catch (error) {
        // The milestone's own fields are not on this page under the service's names, so its problems are listed at the top.
        if (error instanceof ValidationError) return renderDelivery(request, reply, { errors: error.fields.map((f) => ({ field: `status-${milestone}`, message: f.message })) }, 400);
        if (error instanceof ConflictError) return renderDelivery(request, reply, { errors: [{ field: `status-${milestone}`, message: error.message }] }, 409);
        throw error;
      }
      setFlash(reply, 'deliveryMilestoneSet');
      return seeOther(reply, back(request));
    });

    app.post('/styring/leverancer/:id/aflever', access('activities.report'), async (request, reply) => {
      try {
        await deliveries.deliver(principalOf(request), actorOf(request), planOf(request).id, (request.params as IdParams).id);
      } catch (error) {
        if (error instanceof ConflictError) return renderDelivery(request, reply, { errors: [{ field: 'aflever', message: error.message }] }, 409);
        throw error;
      }
      setFlash(reply, 'deliveryDelivered');
      return seeOther(reply, back(request));
    });

    app.post('/styring/leverancer/:id/genaabn', access('governance.manage'), async (request, reply) => {
      try {
        await deliveries.reopen(principalOf(request), actorOf(request), planOf(request).id, (request.params as IdParams).id);
      } catch (error) {
        if (error instanceof ConflictError) return renderDelivery(request, reply, { errors: [{ field: 'genaabn', message: error.message }] }, 409);
        throw error;
      }
      setFlash(reply, 'deliveryReopened');
      return seeOther(reply, back(request));
    });
  };
}
