import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { permissionsOf, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, ValidationError, type FieldError } from '../errors/errors.js';
import { meetingServiceFor } from '../governance/meetings.service.js';
import { isoWithOffset, localToInstant, parseIsoDate } from '../time/copenhagen.js';
import { setFlash, type FlashKey } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import type { CommunicationInput } from './communication.js';
import { communicationServiceFor, type Communication, type PressContactInput } from './communication.service.js';
import {
  CommunicationFormPage,
  CommunicationPlanPage,
  communicationPath,
  itemAnchor,
  PRESS_PATH,
  PressContactFormPage,
  PressContactsPage,
  type CommunicationFormValues,
  type PressContactFormValues,
} from './communication.views.js';
import { loadIncident } from './incident.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

type IncidentParams = { id: string };
type ItemParams = { id: string; itemId: string };
type ContactParams = { contactId: string };

const EMPTY_FORM: CommunicationFormValues = {
  audience: '',
  audienceDetail: '',
  responsibleMemberId: '',
  responsibleName: '',
  message: '',
  channel: 'opslag',
  plannedDate: '',
  plannedTime: '',
};

function formValues(body: unknown): CommunicationFormValues {
  return {
    audience: formText(body, 'audience'),
    audienceDetail: formText(body, 'audienceDetail').trim(),
    responsibleMemberId: formText(body, 'responsibleMemberId'),
    responsibleName: formText(body, 'responsibleName').trim(),
    message: formText(body, 'message').trim(),
    channel: formText(body, 'channel'),
    plannedDate: formText(body, 'plannedDate').trim(),
    plannedTime: formText(body, 'plannedTime').trim(),
  };
}

function valuesOf(c: Communication): CommunicationFormValues {
  const local = c.plannedAt ? isoWithOffset(new Date(c.plannedAt)) : '';
  return {
    audience: c.audience,
    audienceDetail: c.audienceDetail ?? '',
    responsibleMemberId: c.responsibleMemberId ?? '',
    responsibleName: c.responsibleMemberId ? '' : c.responsibleLabel,
    message: c.message,
    channel: c.channel,
    plannedDate: local.slice(0, 10),
    plannedTime: local.slice(11, 16),
  };
}

/** The planned time as typed (a Danish date and a time of day, noon when only the date is given) as an instant, or the fields' errors. */
export function plannedTimeOf(date: string, time: string): { plannedAt: string | null; errors: FieldError[] } {
  if (date === '' && time === '') return { plannedAt: null, errors: [] };
  const errors: FieldError[] = [];
  const day = date === '' ? null : parseIsoDate(date);
  if (date === '') errors.push({ field: 'plannedDate', message: 'Skriv datoen på formen ÅÅÅÅ-MM-DD, eller fjern klokkeslættet.' });
  else if (!day) errors.push({ field: 'plannedDate', message: `Datoen skal skrives ÅÅÅÅ-MM-DD, fx 2026-03-28, ikke «${date}».` });
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (time !== '' && (!m || Number(m[1]) > 23 || Number(m[2]) > 59)) errors.push({ field: 'plannedTime', message: `Klokkeslættet skal skrives TT:MM, fx 16:30, ikke «${time}».` });
  if (errors.length > 0 || !day) return { plannedAt: null, errors };
  const [hour, minute] = m ? [Number(m[1]), Number(m[2])] : [12, 0];
  return { plannedAt: localToInstant(day.year, day.month, day.day, hour, minute).toISOString(), errors: [] };
}

const inputOf = (v: CommunicationFormValues, plannedAt: string | null): CommunicationInput => ({
  audience: v.audience,
  audienceDetail: v.audienceDetail,
  responsibleMemberId: v.responsibleMemberId,
  responsibleName: v.responsibleMemberId ? '' : v.responsibleName,
  message: v.message,
  channel: v.channel,
  plannedAt: plannedAt ?? '',
});

function pressValues(body: unknown): PressContactFormValues {
  return {
    organisation: formText(body, 'organisation').trim(),
    position: formText(body, 'position').trim(),
    name: formText(body, 'name').trim(),
    phone: formText(body, 'phone').trim(),
    email: formText(body, 'email').trim(),
  };
}

/**
 * Pages of the crisis module, part E: an incident's communication plan at `/beredskab/haendelser/:id/kommunikation`
 * (read with `beredskab.read`; suggested, drafted, submitted, decided and marked as sent with `beredskab.activate`),
 * and the plan's press contacts at `/beredskab/presse` (read with `beredskab.read`, kept with `governance.manage`).
 */
export function communicationPages(services: AppServices): FastifyPluginAsync {
  const communication = communicationServiceFor(services);

  /** The plan page, with a refused action's errors when there are any (400 for bad input, 409 for a refused step). */
  const renderPlan = async (request: FastifyRequest, reply: FastifyReply, refused?: { errors: FieldError[]; reasons?: Record<string, string>; status: number }) => {
    const principal = principalOf(request);
    const view = await communication.plan(planOf(request).id, (request.params as IncidentParams).id);
    return sendPage(
      reply,
      <CommunicationPlanPage
        ctx={pageContext(request, reply)}
        view={view}
        mayDraft={permissionsOf(principal.roles).has('beredskab.activate')}
        {...(refused ? { errors: refused.errors, ...(refused.reasons ? { reasons: refused.reasons } : {}) } : {})}
      />,
      refused?.status ?? 200,
    );
  };

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, form: { item?: Communication; values: CommunicationFormValues; errors?: FieldError[] }) => {
    const planId = planOf(request).id;
    const incident = await loadIncident(services.database, planId, (request.params as IncidentParams).id);
    const members = await meetingServiceFor(services).members(planId, 'beredskabsgruppe');
    return sendPage(
      reply,
      <CommunicationFormPage
        ctx={pageContext(request, reply)}
        incident={incident}
        {...(form.item ? { item: form.item } : {})}
        members={members}
        values={form.values}
        {...(form.errors ? { errors: form.errors } : {})}
      />,
      form.errors ? 400 : 200,
    );
  };

  const save = async (request: FastifyRequest, reply: FastifyReply, item?: Communication) => {
    const planId = planOf(request).id;
    const incidentId = (request.params as IncidentParams).id;
    const values = formValues(request.body);
    const planned = plannedTimeOf(values.plannedDate, values.plannedTime);
    let saved: Communication;
    try {
      saved = item
        ? await communication.update(actorOf(request), planId, incidentId, item.id, inputOf(values, planned.plannedAt), planned.errors)
        : await communication.create(actorOf(request), planId, incidentId, inputOf(values, planned.plannedAt), planned.errors);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(request, reply, { ...(item ? { item } : {}), values, errors: error.fields });
      if (error instanceof ConflictError) return renderForm(request, reply, { ...(item ? { item } : {}), values, errors: [{ field: 'message', message: error.message }] });
      throw error;
    }
    setFlash(reply, !item ? 'crisisCommunicationAdded' : saved.status !== item.status ? 'crisisCommunicationReset' : 'crisisCommunicationSaved');
    return seeOther(reply, `${communicationPath(incidentId)}#${itemAnchor(saved.id)}`);
  };

  /** One step of the approval flow from a button on the plan page: done and back to the item, or the page with why not. */
  const step = (flash: FlashKey, run: (request: FastifyRequest, params: ItemParams) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const params = request.params as ItemParams;
    try {
      await run(request, params);
    } catch (error) {
      if (error instanceof ConflictError) return renderPlan(request, reply, { errors: [{ field: `punkt-${params.itemId}`, message: error.message }], status: 409 });
      if (error instanceof ValidationError) {
        const reason = formText(request.body, `reason-${params.itemId}`);
        // The reason field is named per item on the page, so its error links to the right one.
        const errors = error.fields.map((f) => (f.field === 'reason' ? { ...f, field: `reason-${params.itemId}` } : f));
        return renderPlan(request, reply, { errors, reasons: { [params.itemId]: reason }, status: 400 });
      }
      throw error;
    }
    setFlash(reply, flash);
    return seeOther(reply, `${communicationPath(params.id)}#${itemAnchor(params.itemId)}`);
  };

  const renderPressForm = async (request: FastifyRequest, reply: FastifyReply, form: { contactId?: string; values: PressContactFormValues; errors?: FieldError[] }) => {
    const contact = form.contactId ? await communication.pressContact(planOf(request).id, form.contactId) : undefined;
    return sendPage(
      reply,
      <PressContactFormPage ctx={pageContext(request, reply)} {...(contact ? { contact } : {})} values={form.values} {...(form.errors ? { errors: form.errors } : {})} />,
      form.errors ? 400 : 200,
    );
  };

  const savePress = async (request: FastifyRequest, reply: FastifyReply, contactId?: string) => {
    const planId = planOf(request).id;
    const values = pressValues(request.body);
    const input: PressContactInput = values;
    try {
      if (contactId) await communication.updatePressContact(actorOf(request), planId, contactId, input);
      else await communication.createPressContact(actorOf(request), planId, input);
    } catch (error) {
      if (error instanceof ValidationError) return renderPressForm(request, reply, { ...(contactId ? { contactId } : {}), values, errors: error.fields });
      throw error;
    }
    setFlash(reply, contactId ? 'pressContactSaved' : 'pressContactAdded');
    return seeOther(reply, PRESS_PATH);
  };

  const base = '/beredskab/haendelser/:id/kommunikation';

  return async (app) => {
    app.get(base, access('beredskab.read'), (request, reply) => renderPlan(request, reply));

    app.post(`${base}/forslag`, access('beredskab.activate'), async (request, reply) => {
      const incidentId = (request.params as IncidentParams).id;
      const added = await communication.suggest(actorOf(request), planOf(request).id, incidentId);
      setFlash(reply, added.length > 0 ? 'crisisCommunicationSuggested' : 'crisisCommunicationUnchanged');
      return seeOther(reply, communicationPath(incidentId));
    });

    app.get(`${base}/ny`, access('beredskab.activate'), (request, reply) => renderForm(request, reply, { values: EMPTY_FORM }));
    app.post(`${base}/ny`, access('beredskab.activate'), (request, reply) => save(request, reply));

    app.get(`${base}/:itemId/rediger`, access('beredskab.activate'), async (request, reply) => {
      const { id, itemId } = request.params as ItemParams;
      const item = await communication.item(planOf(request).id, id, itemId);
      return renderForm(request, reply, { item, values: valuesOf(item) });
    });

    app.post(`${base}/:itemId/rediger`, access('beredskab.activate'), async (request, reply) => {
      const { id, itemId } = request.params as ItemParams;
      return save(request, reply, await communication.item(planOf(request).id, id, itemId));
    });

    app.post(`${base}/:itemId/slet`, access('beredskab.activate'), async (request, reply) => {
      const { id, itemId } = request.params as ItemParams;
      const item = await communication.item(planOf(request).id, id, itemId);
      try {
        await communication.remove(actorOf(request), planOf(request).id, id, itemId);
      } catch (error) {
        if (error instanceof ConflictError) return renderForm(request, reply, { item, values: valuesOf(item), errors: [{ field: 'slet', message: error.message }] });
        throw error;
      }
      setFlash(reply, 'crisisCommunicationDeleted');
      return seeOther(reply, communicationPath(id));
    });

    app.post(
      `${base}/:itemId/til-godkendelse`,
      access('beredskab.activate'),
      step('crisisCommunicationSubmitted', (request, p) => communication.submit(actorOf(request), planOf(request).id, p.id, p.itemId)),
    );
    app.post(
      `${base}/:itemId/godkend`,
      access('beredskab.activate'),
      step('crisisCommunicationApproved', (request, p) => communication.approve(actorOf(request), planOf(request).id, p.id, p.itemId)),
    );
    app.post(
      `${base}/:itemId/afvis`,
      access('beredskab.activate'),
      step('crisisCommunicationRejected', (request, p) => communication.reject(actorOf(request), planOf(request).id, p.id, p.itemId, formText(request.body, `reason-${p.itemId}`))),
    );
    app.post(
      `${base}/:itemId/udsendt`,
      access('beredskab.activate'),
      step('crisisCommunicationSent', (request, p) => communication.markSent(actorOf(request), planOf(request).id, p.id, p.itemId)),
    );

    app.get(PRESS_PATH, access('beredskab.read'), async (request, reply) => {
      const principal = principalOf(request);
      const contacts = await communication.pressContacts(planOf(request).id);
      return sendPage(reply, <PressContactsPage ctx={pageContext(request, reply)} contacts={contacts} mayManage={permissionsOf(principal.roles).has('governance.manage')} />);
    });

    app.get(`${PRESS_PATH}/ny`, access('governance.manage'), (request, reply) =>
      renderPressForm(request, reply, { values: { organisation: '', position: '', name: '', phone: '', email: '' } }),
    );
    app.post(`${PRESS_PATH}/ny`, access('governance.manage'), (request, reply) => savePress(request, reply));

    app.get(`${PRESS_PATH}/:contactId/rediger`, access('governance.manage'), async (request, reply) => {
      const contact = await communication.pressContact(planOf(request).id, (request.params as ContactParams).contactId);
      return renderPressForm(request, reply, {
        contactId: contact.id,
        values: { organisation: contact.organisation, position: contact.position, name: contact.name ?? '', phone: contact.phone ?? '', email: contact.email ?? '' },
      });
    });
    app.post(`${PRESS_PATH}/:contactId/rediger`, access('governance.manage'), async (request, reply) => {
      const contact = await communication.pressContact(planOf(request).id, (request.params as ContactParams).contactId);
      return savePress(request, reply, contact.id);
    });
    app.post(`${PRESS_PATH}/:contactId/slet`, access('governance.manage'), async (request, reply) => {
      await communication.deletePressContact(actorOf(request), planOf(request).id, (request.params as ContactParams).contactId);
      setFlash(reply, 'pressContactDeleted');
      return seeOther(reply, PRESS_PATH);
    });
  };
}
