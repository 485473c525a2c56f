import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { mayManage } from '../governance/meetings.service.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { crisisAccessOf } from './crisis-access.js';
import { evaluationServiceFor, mayEvaluate } from './evaluation.service.js';
import { EVALUATION_SUB, EvaluationPage, type AnswerValues } from './evaluation.views.js';
import { incidentPath } from './incident.js';
import { STATUS_MEETINGS_PATH, statusMeetingPath, statusMeetingServiceFor, yearOf, type StatusMeetingInput } from './status-meetings.service.js';
import { StatusMeetingPage, StatusMeetingsPage, type StatusMeetingFormValues } from './status-meetings.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

/**
 * Messages shown once after a redirect. The address carries only a key into this list (`?besked=…`), so nothing a
 * visitor writes in the address reaches the page.
 */
const MESSAGES = {
  evalueres: 'Beslutningen er registreret: indsatsen evalueres. Skriv evalueringen herunder.',
  ikkenoedvendig: 'Beslutningen er registreret: en evaluering er ikke nødvendig.',
  kladde: 'Evalueringen er gemt som kladde.',
  afsluttet: 'Evalueringen er afsluttet og skrevet i hændelsens log.',
  moede: 'Statusmødet er gemt.',
  opsummering: 'Opsummeringen er gemt, som den står nu. Den ændres ikke, når hændelserne ændres bagefter.',
  invitation: 'Indkaldelsen er behandlet. Hvad der er sendt til hvem, står under «Sendte indkaldelser».',
} as const;

function messageOf(request: FastifyRequest): string | null {
  const key = (request.query as { besked?: string }).besked;
  return key && key in MESSAGES ? MESSAGES[key as keyof typeof MESSAGES] : null;
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const yearParam = (request: FastifyRequest) => yearOf((request.params as { year: string }).year);

function answerValues(body: unknown): AnswerValues {
  return {
    worked: formText(body, 'worked'),
    improve: formText(body, 'improve'),
    channelsRight: formText(body, 'channelsRight'),
    channelsNote: formText(body, 'channelsNote'),
    recommendations: formText(body, 'recommendations'),
  };
}

function meetingValues(body: unknown): StatusMeetingFormValues {
  return {
    date: formText(body, 'date').trim(),
    startsAt: formText(body, 'startsAt').trim(),
    durationMinutes: formText(body, 'durationMinutes').trim(),
    location: formText(body, 'location').trim(),
    status: formText(body, 'status'),
    notes: formText(body, 'notes'),
  };
}

const meetingInput = (v: StatusMeetingFormValues): StatusMeetingInput => ({
  date: v.date,
  startsAt: v.startsAt,
  // Anything but whole digits is NaN, which the service refuses with its own message.
  durationMinutes: /^\d{1,4}$/.test(v.durationMinutes) ? Number(v.durationMinutes) : Number.NaN,
  location: v.location || null,
  status: v.status,
  notes: v.notes.trim() || null,
});

/**
 * Pages of the crisis module, part G (issue 7): an incident's evaluation after stand-down
 * (`/beredskab/haendelser/:id/evaluering`) and the annual status meeting (`/beredskab/statusmoede[/:year]`) with its
 * invitation and the year's summary.
 */
export function evaluationPages(services: AppServices): FastifyPluginAsync {
  const evaluations = evaluationServiceFor(services);
  const meetings = statusMeetingServiceFor(services);

  const renderEvaluation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { reason?: string; values?: AnswerValues; errors?: FieldError[]; problem?: string } = {},
    status = 200,
  ) => {
    const planId = planOf(request).id;
    const [view, crisisAccess] = await Promise.all([evaluations.get(planId, idOf(request)), crisisAccessOf(services.database, principalOf(request), planId)]);
    return sendPage(
      reply,
      <EvaluationPage
        ctx={pageContext(request, reply)}
        view={view}
        mayEdit={mayEvaluate(crisisAccess)}
        message={status === 200 ? messageOf(request) : null}
        {...(form.reason !== undefined ? { reason: form.reason } : {})}
        {...(form.values ? { values: form.values } : {})}
        {...(form.errors ? { errors: form.errors } : {})}
        {...(form.problem ? { problem: form.problem } : {})}
      />,
      status,
    );
  };

  const renderMeeting = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values?: StatusMeetingFormValues; errors?: FieldError[]; problem?: string } = {},
    status = 200,
  ) => {
    const planId = planOf(request).id;
    const view = await meetings.view(planId, yearParam(request));
    const manage = mayManage(principalOf(request));
    return sendPage(
      reply,
      <StatusMeetingPage
        ctx={pageContext(request, reply)}
        view={view}
        manage={manage}
        message={status === 200 ? messageOf(request) : null}
        {...(form.values ? { values: form.values } : {})}
        {...(form.errors ? { errors: form.errors } : {})}
        {...(form.problem ? { problem: form.problem } : {})}
      />,
      status,
    );
  };

  return async (app) => {
    app.get(`/beredskab/haendelser/:id/${EVALUATION_SUB}`, access('beredskab.read'), (request, reply) => renderEvaluation(request, reply));

    app.post(`/beredskab/haendelser/:id/${EVALUATION_SUB}/beslutning`, access('beredskab.activate'), async (request, reply) => {
      const id = idOf(request);
      const decision = formText(request.body, 'decision');
      const reason = formText(request.body, 'reason');
      try {
        await evaluations.decide(principalOf(request), actorOf(request), planOf(request).id, id, { decision, reason: reason.trim() || null });
      } catch (error) {
        if (error instanceof ValidationError) return renderEvaluation(request, reply, { reason, errors: error.fields }, 400);
        if (error instanceof ConflictError) return renderEvaluation(request, reply, { reason, problem: error.message }, 409);
        throw error;
      }
      return seeOther(reply, `${incidentPath(id, EVALUATION_SUB)}?besked=${decision === 'evalueres' ? 'evalueres' : 'ikkenoedvendig'}`);
    });

    app.post(`/beredskab/haendelser/:id/${EVALUATION_SUB}`, access('beredskab.activate'), async (request, reply) => {
      const id = idOf(request);
      const values = answerValues(request.body);
      const finish = formText(request.body, 'handling') === 'afslut';
      const channels = values.channelsRight;
      if (channels !== '' && channels !== 'ja' && channels !== 'nej') {
        return renderEvaluation(request, reply, { values, errors: [{ field: 'channelsRight', message: 'Svar «Ja» eller «Nej» om informationskanalerne.' }] }, 400);
      }
      try {
        await evaluations.save(
          principalOf(request),
          actorOf(request),
          planOf(request).id,
          id,
          {
            worked: values.worked,
            improve: values.improve,
            channelsRight: channels === '' ? null : channels === 'ja',
            channelsNote: values.channelsNote,
            recommendations: values.recommendations,
          },
          finish,
        );
      } catch (error) {
        if (error instanceof ValidationError) return renderEvaluation(request, reply, { values, errors: error.fields }, 400);
        if (error instanceof ConflictError) return renderEvaluation(request, reply, { values, problem: error.message }, 409);
        throw error;
      }
      return seeOther(reply, `${incidentPath(id, EVALUATION_SUB)}?besked=${finish ? 'afsluttet' : 'kladde'}`);
    });

    app.get(STATUS_MEETINGS_PATH, access('beredskab.read'), async (request, reply) => {
      const years = await meetings.years(planOf(request));
      return sendPage(reply, <StatusMeetingsPage ctx={pageContext(request, reply)} years={years} message={messageOf(request)} />);
    });

    app.get(`${STATUS_MEETINGS_PATH}/:year`, access('beredskab.read'), (request, reply) => renderMeeting(request, reply));

    app.post(`${STATUS_MEETINGS_PATH}/:year`, access('governance.manage'), async (request, reply) => {
      const year = yearParam(request);
      const values = meetingValues(request.body);
      try {
        await meetings.schedule(actorOf(request), planOf(request).id, year, meetingInput(values));
      } catch (error) {
        if (error instanceof ValidationError) return renderMeeting(request, reply, { values, errors: error.fields }, 400);
        throw error;
      }
      return seeOther(reply, `${statusMeetingPath(year)}?besked=moede`);
    });

    app.post(`${STATUS_MEETINGS_PATH}/:year/opsummering`, access('governance.manage'), async (request, reply) => {
      const year = yearParam(request);
      try {
        await meetings.saveSummary(actorOf(request), planOf(request).id, year);
      } catch (error) {
        if (error instanceof ConflictError) return renderMeeting(request, reply, { problem: error.message }, 409);
        throw error;
      }
      return seeOther(reply, `${statusMeetingPath(year)}?besked=opsummering`);
    });

    app.post(`${STATUS_MEETINGS_PATH}/:year/invitation`, access('governance.manage'), async (request, reply) => {
      const year = yearParam(request);
      const principal = principalOf(request);
      try {
        await meetings.sendInvitation(actorOf(request), planOf(request).id, year, { name: principal.name, email: principal.email });
      } catch (error) {
        if (error instanceof ValidationError) return renderMeeting(request, reply, { problem: error.message }, 400);
        if (error instanceof NotFoundError) return renderMeeting(request, reply, { problem: error.message }, 404);
        throw error;
      }
      return seeOther(reply, `${statusMeetingPath(year)}?besked=invitation#sendte`);
    });

    app.get(`${STATUS_MEETINGS_PATH}/:year/invitation.ics`, access('beredskab.read'), async (request, reply) => {
      const year = yearParam(request);
      const principal = principalOf(request);
      const { ics } = await meetings.invitation(planOf(request).id, year, { name: principal.name, email: principal.email });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="statusmoede-${year}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(ics);
    });
  };
}
