import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { permissionsOf, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { meetingServiceFor } from '../governance/meetings.service.js';
import { isoWithOffset, localToInstant, parseIsoDate } from '../time/copenhagen.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { actionServiceFor, type TaskInput, type TaskView } from './actions.service.js';
import { ActionPlanPage, planPath, TaskFormPage, TEMPLATES_PATH, TemplatesPage, type TaskFormValues } from './actions.views.js';
import { loadIncident } from './incident.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

type IncidentParams = { id: string };
type TaskParams = { id: string; taskId: string };

const EMPTY_FORM: TaskFormValues = { title: '', description: '', ownerMemberId: '', ownerLabel: '', organisation: '', deadlineDate: '', deadlineTime: '', status: 'aaben' };

function formValues(body: unknown): TaskFormValues {
  return {
    title: formText(body, 'title').trim(),
    description: formText(body, 'description').trim(),
    ownerMemberId: formText(body, 'ownerMemberId'),
    ownerLabel: formText(body, 'ownerLabel').trim(),
    organisation: formText(body, 'organisation').trim(),
    deadlineDate: formText(body, 'deadlineDate').trim(),
    deadlineTime: formText(body, 'deadlineTime').trim(),
    status: formText(body, 'status'),
  };
}

function valuesOf(t: TaskView): TaskFormValues {
  const local = t.deadlineAt ? isoWithOffset(new Date(t.deadlineAt)) : '';
  return {
    title: t.title,
    description: t.description ?? '',
    ownerMemberId: t.ownerMemberId ?? '',
    ownerLabel: t.ownerMemberId ? '' : t.ownerLabel,
    organisation: t.ownerMemberId ? '' : (t.organisation ?? ''),
    deadlineDate: local.slice(0, 10),
    deadlineTime: local.slice(11, 16),
    status: t.status,
  };
}

/**
 * The deadline as typed (a Danish date and a time of day, 23:59 when only the date is given) as an instant, or the
 * fields' errors.
 */
export function deadlineOf(date: string, time: string): { deadlineAt: string | null; errors: FieldError[] } {
  if (date === '' && time === '') return { deadlineAt: null, errors: [] };
  const errors: FieldError[] = [];
  const day = date === '' ? null : parseIsoDate(date);
  if (date === '') errors.push({ field: 'deadlineDate', message: 'Skriv fristens dato på formen ÅÅÅÅ-MM-DD, eller fjern klokkeslættet.' });
  else if (!day) errors.push({ field: 'deadlineDate', message: `Fristens dato skal skrives ÅÅÅÅ-MM-DD, fx 2026-03-28, ikke «${date}».` });
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (time !== '' && (!m || Number(m[1]) > 23 || Number(m[2]) > 59)) errors.push({ field: 'deadlineTime', message: `Klokkeslættet skal skrives TT:MM, fx 20:30, ikke «${time}».` });
  if (errors.length > 0 || !day) return { deadlineAt: null, errors };
  const [hour, minute] = m ? [Number(m[1]), Number(m[2])] : [23, 59];
  return { deadlineAt: localToInstant(day.year, day.month, day.day, hour, minute).toISOString(), errors: [] };
}

/**
 * Pages of the crisis module, part D: an incident's action plan at `/beredskab/haendelser/:id/handleplan` (read with
 * `beredskab.read`; tasks made from the template, added, edited and their status set with `beredskab.activate`), and
 * the plan's duties and the templates at `/beredskab/skabeloner`.
 */
export function actionsPages(services: AppServices): FastifyPluginAsync {
  const actions = actionServiceFor(services);

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, form: { taskId?: string; values: TaskFormValues; errors?: FieldError[] }) => {
    const planId = planOf(request).id;
    const incident = await loadIncident(services.database, planId, (request.params as IncidentParams).id);
    const members = await meetingServiceFor(services).members(planId, 'beredskabsgruppe');
    return sendPage(
      reply,
      <TaskFormPage
        ctx={pageContext(request, reply)}
        incidentId={incident.id}
        incidentNumber={incident.number}
        {...(form.taskId ? { taskId: form.taskId } : {})}
        members={members}
        values={form.values}
        {...(form.errors ? { errors: form.errors } : {})}
      />,
      form.errors ? 400 : 200,
    );
  };

  /** Checks and saves the form: a new task, or the task being edited. */
  const save = async (request: FastifyRequest, reply: FastifyReply, taskId?: string) => {
    const planId = planOf(request).id;
    const incidentId = (request.params as IncidentParams).id;
    await loadIncident(services.database, planId, incidentId);
    const values = formValues(request.body);
    const deadline = deadlineOf(values.deadlineDate, values.deadlineTime);
    const input: TaskInput = {
      title: values.title,
      description: values.description || null,
      ownerMemberId: values.ownerMemberId || null,
      ownerLabel: values.ownerMemberId ? null : values.ownerLabel || null,
      organisation: values.ownerMemberId ? null : values.organisation || null,
      deadlineAt: deadline.deadlineAt,
      status: values.status,
    };
    const formErrors = [...(await actions.check(planId, input, true)), ...deadline.errors];
    if (formErrors.length > 0) return renderForm(request, reply, { ...(taskId ? { taskId } : {}), values, errors: formErrors });
    try {
      if (taskId) await actions.update(actorOf(request), planId, incidentId, taskId, input);
      else await actions.create(actorOf(request), planId, incidentId, input);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(request, reply, { ...(taskId ? { taskId } : {}), values, errors: error.fields });
      throw error;
    }
    setFlash(reply, taskId ? 'crisisTaskSaved' : 'crisisTaskAdded');
    return seeOther(reply, planPath(incidentId));
  };

  return async (app) => {
    app.get('/beredskab/haendelser/:id/handleplan', access('beredskab.read'), async (request, reply) => {
      const principal = principalOf(request);
      const view = await actions.plan(principal, planOf(request).id, (request.params as IncidentParams).id);
      return sendPage(reply, <ActionPlanPage ctx={pageContext(request, reply)} view={view} mayChange={permissionsOf(principal.roles).has('beredskab.activate')} />);
    });

    app.post('/beredskab/haendelser/:id/handleplan/fra-skabelon', access('beredskab.activate'), async (request, reply) => {
      const incidentId = (request.params as IncidentParams).id;
      const created = await actions.createFromTemplate(actorOf(request), planOf(request).id, incidentId);
      setFlash(reply, created.length > 0 ? 'crisisTasksFromTemplate' : 'crisisTasksUnchanged');
      return seeOther(reply, planPath(incidentId));
    });

    app.get('/beredskab/haendelser/:id/handleplan/ny', access('beredskab.activate'), (request, reply) => renderForm(request, reply, { values: EMPTY_FORM }));
    app.post('/beredskab/haendelser/:id/handleplan/ny', access('beredskab.activate'), (request, reply) => save(request, reply));

    app.get('/beredskab/haendelser/:id/handleplan/:taskId/rediger', access('beredskab.activate'), async (request, reply) => {
      const { id, taskId } = request.params as TaskParams;
      const task = await actions.task(planOf(request).id, id, taskId);
      return renderForm(request, reply, { taskId: task.id, values: valuesOf(task) });
    });

    app.post('/beredskab/haendelser/:id/handleplan/:taskId/rediger', access('beredskab.activate'), async (request, reply) => {
      const { id, taskId } = request.params as TaskParams;
      const task = await actions.task(planOf(request).id, id, taskId);
      return save(request, reply, task.id);
    });

    app.post('/beredskab/haendelser/:id/handleplan/:taskId/status', access('beredskab.activate'), async (request, reply) => {
      const { id, taskId } = request.params as TaskParams;
      await actions.setStatus(actorOf(request), planOf(request).id, id, taskId, formText(request.body, 'status'));
      setFlash(reply, 'crisisTaskStatusSet');
      // Back to the task itself, so that on a phone the next tap is where the thumb already is.
      return seeOther(reply, `${planPath(id)}#opgave-${encodeURIComponent(taskId)}`);
    });

    app.get(TEMPLATES_PATH, access('beredskab.read'), (request, reply) => sendPage(reply, <TemplatesPage ctx={pageContext(request, reply)} />));
  };
}
