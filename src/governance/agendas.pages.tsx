import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { allows, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { elementTitle } from '../plan/plan-links.js';
import { setFlash, type FlashKey } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { agendaServiceFor, type Recommendation } from './agendas.service.js';
import { ActionItemsPage, AgendaItemPage, AgendaPage, MinutesPage, RecommendationPage, RecommendationsPage, type FormState, type FormValues, type RecommendationFormChoices } from './agendas.views.js';
import { isMeetingBody, meetingServiceFor, type Meeting } from './meetings.service.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

type MeetingParams = { id: string };
type ItemParams = { id: string; itemId: string };

function may(request: FastifyRequest, permission: Permission): boolean {
  return allows(permission, true, principalOf(request).roles);
}

/** The body's fields named by the form, trimmed. */
function valuesOf(body: unknown, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((n) => [n, formText(body, n).trim()]));
}

/** A service's field names as the form names them (several forms share one page, so their fields are prefixed). */
function prefixed(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ ...e, field: `${prefix}${e.field}` }));
}

/**
 * Agendas, minutes, action items and recommendations: `/styring/moeder/:id/dagsorden`, `/styring/moeder/:id/referat`,
 * `/styring/aktionspunkter`, `/styring/indstillinger` and `/styring/indstillinger/:id` (issue 6).
 */
export function agendaPages(services: AppServices): FastifyPluginAsync {
  const agendas = agendaServiceFor(services);
  const meetings = meetingServiceFor(services);

  const meetingsById = async (planId: string): Promise<Map<string, Meeting>> => new Map((await meetings.list(planId)).map((m) => [m.id, m]));

  const renderAgenda = async (request: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) => {
    const agenda = await agendas.agenda(planOf(request).id, (request.params as MeetingParams).id);
    return sendPage(reply, <AgendaPage ctx={pageContext(request, reply)} agenda={agenda} mayManage={may(request, 'governance.manage')} {...(state ? { state } : {})} />, status);
  };

  const renderMinutes = async (request: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) => {
    const planId = planOf(request).id;
    const [minutes, recommendations] = await Promise.all([agendas.minutes(planId, (request.params as MeetingParams).id), agendas.recommendations(planId)]);
    const relevant = recommendations.filter((r) => r.steeringMeetingId === minutes.meeting.id || r.boardMeetingId === minutes.meeting.id);
    return sendPage(
      reply,
      <MinutesPage ctx={pageContext(request, reply)} minutes={minutes} mayManage={may(request, 'governance.manage')} recommendations={relevant} {...(state ? { state } : {})} />,
      status,
    );
  };

  /** Runs a change; a ValidationError re-renders the page with the form's values and errors (400). */
  const attempt = async (
    request: FastifyRequest,
    reply: FastifyReply,
    change: () => Promise<unknown>,
    failed: (errors: FieldError[], status: number) => Promise<FastifyReply>,
    done: { flash: FlashKey; location: string | ((result: unknown) => string) },
    /** The form's field a conflict (someone else changed it first) is shown at. */
    conflictField = 'konflikt',
  ) => {
    let result: unknown;
    try {
      result = await change();
    } catch (error) {
      if (error instanceof ValidationError) return failed(error.fields, 400);
      if (error instanceof ConflictError) return failed([{ field: error.fields[0]?.field ?? conflictField, message: error.message }], 409);
      throw error;
    }
    setFlash(reply, done.flash);
    return seeOther(reply, typeof done.location === 'string' ? done.location : done.location(result));
  };

  const choices = async (planId: string): Promise<RecommendationFormChoices> => {
    const [all, proposals, snapshot] = await Promise.all([meetings.list(planId), agendas.openProposals(planId), services.plan.snapshot(planId)]);
    const live = all.filter((m) => m.status !== 'aflyst');
    const elementNames = new Map(proposals.map((p) => [p.elementId, (() => { const e = snapshot.get(p.elementId); return e ? elementTitle(e) : 'Planen'; })()]));
    return { steeringMeetings: live.filter((m) => m.body === 'styregruppe'), boardMeetings: live.filter((m) => m.body === 'bestyrelse'), proposals, elementNames };
  };

  return async (app) => {
    // ── Agenda ──
    app.get('/styring/moeder/:id/dagsorden', access('plan.read'), (request, reply) => renderAgenda(request, reply));

    app.post('/styring/moeder/:id/dagsorden/dan', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      return attempt(request, reply, () => agendas.seed(actorOf(request), planOf(request).id, id), (errors, status) => renderAgenda(request, reply, { form: 'dan', values: {}, errors }, status), {
        flash: 'agendaSeeded',
        location: `/styring/moeder/${id}/dagsorden`,
      });
    });

    app.post('/styring/moeder/:id/dagsorden/punkter', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const values = valuesOf(request.body, ['title', 'description']);
      return attempt(
        request,
        reply,
        () => agendas.addItem(actorOf(request), planOf(request).id, id, { title: values.title!, description: values.description || null }),
        (errors, status) => renderAgenda(request, reply, { form: 'tilfoej', values, errors }, status),
        { flash: 'agendaItemSaved', location: `/styring/moeder/${id}/dagsorden` },
      );
    });

    const itemPage = async (request: FastifyRequest, reply: FastifyReply, form: { values?: FormValues; errors?: FieldError[] } = {}, status = 200) => {
      const { id, itemId } = request.params as ItemParams;
      const { meeting, items } = await agendas.agenda(planOf(request).id, id);
      const item = items.find((i) => i.id === itemId);
      if (!item) throw new NotFoundError('Dagsordenspunktet findes ikke på dette møde.');
      return sendPage(reply, <AgendaItemPage ctx={pageContext(request, reply)} meeting={meeting} item={item} {...form} />, status);
    };

    app.get('/styring/moeder/:id/dagsorden/punkter/:itemId', access('governance.manage'), (request, reply) => itemPage(request, reply));

    app.post('/styring/moeder/:id/dagsorden/punkter/:itemId', access('governance.manage'), async (request, reply) => {
      const { id, itemId } = request.params as ItemParams;
      const planId = planOf(request).id;
      const values = valuesOf(request.body, ['title', 'description']);
      const { items } = await agendas.agenda(planId, id);
      if (!items.some((i) => i.id === itemId)) throw new NotFoundError('Dagsordenspunktet findes ikke på dette møde.');
      return attempt(
        request,
        reply,
        () => agendas.updateItem(actorOf(request), planId, itemId, { title: values.title!, description: values.description || null }),
        (errors, status) => itemPage(request, reply, { values, errors }, status),
        { flash: 'agendaItemSaved', location: `/styring/moeder/${id}/dagsorden#punkt-${itemId}` },
      );
    });

    app.post('/styring/moeder/:id/dagsorden/punkter/:itemId/flyt', access('governance.manage'), async (request, reply) => {
      const { id, itemId } = request.params as ItemParams;
      const planId = planOf(request).id;
      const direction = formText(request.body, 'retning');
      const { items } = await agendas.agenda(planId, id);
      if (!items.some((i) => i.id === itemId)) throw new NotFoundError('Dagsordenspunktet findes ikke på dette møde.');
      if (direction !== 'op' && direction !== 'ned') return renderAgenda(request, reply, { form: 'flyt', values: {}, errors: [{ field: 'retning', message: 'Vælg at flytte punktet op eller ned.' }] }, 400);
      await agendas.moveItem(actorOf(request), planId, itemId, direction);
      setFlash(reply, 'agendaItemMoved');
      return seeOther(reply, `/styring/moeder/${id}/dagsorden#punkt-${itemId}`);
    });

    // ── Minutes ──
    app.get('/styring/moeder/:id/referat', access('plan.read'), (request, reply) => renderMinutes(request, reply));

    app.post('/styring/moeder/:id/referat', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const planId = planOf(request).id;
      const { items } = await agendas.agenda(planId, id);
      const values = valuesOf(request.body, items.map((i) => `minutes-${i.id}`));
      return attempt(
        request,
        reply,
        () => agendas.saveMinutes(actorOf(request), planId, id, new Map(items.map((i) => [i.id, values[`minutes-${i.id}`] ?? '']))),
        (errors, status) => renderMinutes(request, reply, { form: 'referat', values, errors }, status),
        { flash: 'minutesSaved', location: `/styring/moeder/${id}/referat` },
      );
    });

    app.post('/styring/moeder/:id/referat/beslutninger', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const values = valuesOf(request.body, ['decision-agendaItemId', 'decision-text', 'decision-recommendationId']);
      return attempt(
        request,
        reply,
        () =>
          agendas.addDecision(actorOf(request), planOf(request).id, id, {
            agendaItemId: values['decision-agendaItemId'] || null,
            recommendationId: values['decision-recommendationId'] || null,
            text: values['decision-text']!,
          }),
        (errors, status) => renderMinutes(request, reply, { form: 'beslutning', values, errors: prefixed(errors, 'decision-') }, status),
        { flash: 'decisionAdded', location: `/styring/moeder/${id}/referat` },
      );
    });

    app.post('/styring/moeder/:id/referat/aktionspunkter', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const values = valuesOf(request.body, ['action-title', 'action-owner', 'action-deadline', 'action-agendaItemId']);
      return attempt(
        request,
        reply,
        () =>
          agendas.addActionItem(actorOf(request), planOf(request).id, id, {
            title: values['action-title']!,
            owner: values['action-owner']!,
            deadline: values['action-deadline']!,
            agendaItemId: values['action-agendaItemId'] || null,
          }),
        (errors, status) => renderMinutes(request, reply, { form: 'aktionspunkt', values, errors: prefixed(errors, 'action-') }, status),
        { flash: 'actionItemAdded', location: `/styring/moeder/${id}/referat` },
      );
    });

    app.post('/styring/moeder/:id/referat/opfoelgning/:actionId', access('governance.manage'), async (request, reply) => {
      const { id, actionId } = request.params as { id: string; actionId: string };
      const values = valuesOf(request.body, [`done-${actionId}`, `completedOn-${actionId}`, `followUp-${actionId}`]);
      const done = values[`done-${actionId}`] === 'ja';
      return attempt(
        request,
        reply,
        () =>
          agendas.followUp(actorOf(request), planOf(request).id, id, actionId, {
            done,
            completedOn: values[`completedOn-${actionId}`] ?? '',
            note: values[`followUp-${actionId}`] || null,
          }),
        (errors, status) =>
          renderMinutes(
            request,
            reply,
            {
              form: `opfoelgning-${actionId}`,
              values,
              errors: errors.map((e) => ({ ...e, field: e.field === 'completedOn' ? `completedOn-${actionId}` : e.field === 'followUp' ? `followUp-${actionId}` : e.field.endsWith(actionId) ? e.field : `done-${actionId}` })),
            },
            status,
          ),
        { flash: 'actionFollowedUp', location: `/styring/moeder/${id}/referat` },
      );
    });

    app.post('/styring/moeder/:id/referat/offentliggoer', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      return attempt(request, reply, () => agendas.publishMinutes(actorOf(request), planOf(request).id, id), (errors, status) => renderMinutes(request, reply, { form: 'offentliggoer', values: {}, errors }, status), {
        flash: 'minutesPublished',
        location: `/styring/moeder/${id}/referat`,
      });
    });

    // ── Action items ──
    app.get('/styring/aktionspunkter', access('plan.read'), async (request, reply) => {
      const organ = (request.query as { organ?: string }).organ ?? '';
      const body = isMeetingBody(organ) ? organ : undefined;
      const actions = await agendas.openActions(planOf(request).id, body);
      return sendPage(reply, <ActionItemsPage ctx={pageContext(request, reply)} actions={actions} body={body ?? ''} />);
    });

    // ── Recommendations ──
    const renderList = async (request: FastifyRequest, reply: FastifyReply, form: { values?: FormValues; errors?: FieldError[] } = {}, status = 200) => {
      const planId = planOf(request).id;
      const [recommendations, byId, formChoices] = await Promise.all([agendas.recommendations(planId), meetingsById(planId), choices(planId)]);
      return sendPage(
        reply,
        <RecommendationsPage ctx={pageContext(request, reply)} recommendations={recommendations} meetings={byId} mayManage={may(request, 'governance.manage')} choices={formChoices} {...form} />,
        status,
      );
    };

    const recommendationInput = (values: FormValues) => ({
      title: values.title ?? '',
      text: values.text ?? '',
      subject: values.subject ?? '',
      steeringMeetingId: values.steeringMeetingId || null,
      proposalId: values.proposalId || null,
    });
    const recommendationFields = ['title', 'text', 'subject', 'steeringMeetingId', 'proposalId'];

    app.get('/styring/indstillinger', access('plan.read'), (request, reply) => renderList(request, reply));

    app.post('/styring/indstillinger', access('governance.manage'), async (request, reply) => {
      const values = valuesOf(request.body, recommendationFields);
      return attempt(
        request,
        reply,
        () => agendas.createRecommendation(actorOf(request), planOf(request).id, recommendationInput(values)),
        (errors, status) => renderList(request, reply, { values, errors }, status),
        { flash: 'recommendationCreated', location: (created) => `/styring/indstillinger/${(created as Recommendation).id}` },
      );
    });

    const renderOne = async (request: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) => {
      const planId = planOf(request).id;
      const recommendation = await agendas.recommendation(planId, (request.params as MeetingParams).id);
      const [proposal, byId, decisions, formChoices] = await Promise.all([
        agendas.proposalOf(planId, recommendation),
        meetingsById(planId),
        agendas.decisionsOf(planId, recommendation.id),
        choices(planId),
      ]);
      return sendPage(
        reply,
        <RecommendationPage
          ctx={pageContext(request, reply)}
          recommendation={recommendation}
          proposal={proposal}
          meetings={byId}
          decisions={decisions}
          mayManage={may(request, 'governance.manage')}
          mayDecide={may(request, 'plan.decide')}
          choices={formChoices}
          {...(state ? { state } : {})}
        />,
        status,
      );
    };

    app.get('/styring/indstillinger/:id', access('plan.read'), (request, reply) => renderOne(request, reply));

    app.post('/styring/indstillinger/:id', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const values = valuesOf(request.body, recommendationFields);
      return attempt(request, reply, () => agendas.updateRecommendation(actorOf(request), planOf(request).id, id, recommendationInput(values)), (errors, status) => renderOne(request, reply, { form: 'ret', values, errors }, status), {
        flash: 'recommendationSaved',
        location: `/styring/indstillinger/${id}`,
      }, 'title');
    });

    app.post('/styring/indstillinger/:id/indstil', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const values = valuesOf(request.body, ['boardMeetingId']);
      return attempt(request, reply, () => agendas.submitRecommendation(actorOf(request), planOf(request).id, id, values.boardMeetingId ?? ''), (errors, status) => renderOne(request, reply, { form: 'indstil', values, errors }, status), {
        flash: 'recommendationSubmitted',
        location: `/styring/indstillinger/${id}`,
      }, 'boardMeetingId');
    });

    // The board decides and the secretariat may record it on the board's behalf: plan.decide is held by exactly those
    // who hold governance.decide or governance.manage, and is the plan module's permission for the board's decision on
    // a change proposal, which this decision also is. A route declares one permission, so this is the one.
    app.post('/styring/indstillinger/:id/beslutning', access('plan.decide'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      const values = valuesOf(request.body, ['verdict', 'date', 'note']);
      return attempt(
        request,
        reply,
        () => agendas.decideRecommendation(actorOf(request), planOf(request).id, id, { verdict: values.verdict ?? '', date: values.date ?? '', note: values.note ?? '' }),
        (errors, status) => renderOne(request, reply, { form: 'beslutning', values, errors: errors.map((e) => (e.field === 'decisionDate' ? { ...e, field: 'date' } : e)) }, status),
        { flash: 'recommendationDecided', location: `/styring/indstillinger/${id}` },
        'verdict',
      );
    });

    app.post('/styring/indstillinger/:id/traek-tilbage', access('governance.manage'), async (request, reply) => {
      const { id } = request.params as MeetingParams;
      return attempt(request, reply, () => agendas.withdrawRecommendation(actorOf(request), planOf(request).id, id), (errors, status) => renderOne(request, reply, { form: 'traek', values: {}, errors }, status), {
        flash: 'recommendationWithdrawn',
        location: `/styring/indstillinger/${id}`,
      });
    });
  };
}
