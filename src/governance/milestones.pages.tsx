import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { newId } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { MILESTONE_COLUMNS } from './milestones.import.js';
import { mayChangeStatus, milestoneServiceFor, type MilestoneInput, type MilestonePlanInfo } from './milestones.service.js';
import {
  formValuesOf,
  MILESTONES_PATH,
  MilestoneFormPage,
  MilestoneImportPage,
  MilestonePlanPage,
  MilestonesOverviewPage,
  MilestoneStatusPage,
  planPath,
  WHOLE_SUB_AGREEMENT,
  type MilestoneFormValues,
} from './milestones.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

type AreaParams = { area: string };
type MilestoneParams = { area: string; id: string };

/** The largest milestone plan file accepted: a plan of a few hundred rows is a few tens of kilobytes. */
const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

const EMPTY_FORM: MilestoneFormValues = { activity: '', title: '', dueDate: '', owner: '', status: 'ikke startet', completedOn: '', note: '', dependsOn: [] };

function formValues(body: unknown): MilestoneFormValues {
  return {
    activity: formText(body, 'activity'),
    title: formText(body, 'title').trim(),
    dueDate: formText(body, 'dueDate').trim(),
    owner: formText(body, 'owner').trim(),
    status: formText(body, 'status'),
    completedOn: formText(body, 'completedOn').trim(),
    note: formText(body, 'note').trim(),
    dependsOn: formList(body, 'dependsOn'),
  };
}

const inputOf = (area: string, v: MilestoneFormValues): MilestoneInput => ({
  interventionArea: area,
  activity: v.activity || null,
  title: v.title,
  dueDate: v.dueDate,
  owner: v.owner,
  status: v.status,
  completedOn: v.completedOn || null,
  note: v.note || null,
  dependsOn: v.dependsOn,
});

/**
 * Milestone plans per sub-agreement and activity (issue 6): `/styring/milepaele` (the four plans and everything
 * flagged), `/styring/milepaele/:area` (one plan, `?aktivitet=` to narrow it), the secretariat's forms to add, edit
 * and delete, and the status form partners use for their own activities' milestones.
 */
export function milestonePages(services: AppServices): FastifyPluginAsync {
  const milestones = milestoneServiceFor(services);

  /** The sub-agreement a URL names and the milestone in it, or 404: a milestone is only reached through its own plan. */
  const load = async (planId: string, params: MilestoneParams) => {
    const plan = await milestones.planOf(planId, params.area);
    const assessment = await milestones.get(planId, params.id);
    if (assessment.milestone.interventionArea !== plan.slug) throw new NotFoundError('Milepælen findes ikke i denne milepælsplan.');
    return { plan, assessment };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: MilestonePlanInfo,
    form: { id?: string; values: MilestoneFormValues; errors?: FieldError[] },
    status = 200,
  ) => {
    const planId = planOf(request).id;
    const all = (await milestones.assessed(planId, { interventionArea: plan.slug })).map((a) => a.milestone);
    const milestone = form.id ? all.find((m) => m.id === form.id) : undefined;
    return sendPage(
      reply,
      <MilestoneFormPage
        ctx={pageContext(request, reply)}
        plan={plan}
        {...(milestone ? { milestone } : {})}
        others={all.filter((m) => m.id !== form.id)}
        values={form.values}
        {...(form.errors ? { errors: form.errors } : {})}
      />,
      status,
    );
  };

  return async (app) => {
    await app.register(multipart, { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 2, parts: 3 } });

    app.get(MILESTONES_PATH, access('plan.read'), async (request, reply) => {
      const planId = planOf(request).id;
      const [plans, summaries, assessed] = await Promise.all([milestones.planInfo(planId), milestones.summaries(planId), milestones.assessed(planId)]);
      return sendPage(
        reply,
        <MilestonesOverviewPage ctx={pageContext(request, reply)} today={milestones.today()} plans={plans} summaries={summaries} flagged={assessed.filter((a) => a.flag !== null)} />,
      );
    });

    app.get(`${MILESTONES_PATH}/:area`, access('plan.read'), async (request, reply) => {
      const planId = planOf(request).id;
      const principal = principalOf(request);
      const plan = await milestones.planOf(planId, (request.params as AreaParams).area);
      const requested = (request.query as { aktivitet?: string }).aktivitet ?? '';
      // An activity the plan does not have shows the whole plan rather than an empty page with no explanation.
      const filter = requested === WHOLE_SUB_AGREEMENT || plan.activities.some((a) => a.slug === requested) ? requested : '';
      const [all, scope] = await Promise.all([milestones.assessed(planId, { interventionArea: plan.slug }), milestones.statusScope(principal, planId)]);
      const shown = filter === '' ? all : all.filter((a) => (a.milestone.activity ?? WHOLE_SUB_AGREEMENT) === filter);
      const mayManage = milestones.mayManage(principal);
      const statusEditable = new Set(mayManage ? [] : all.filter((a) => mayChangeStatus(scope, a.milestone)).map((a) => a.milestone.id));
      return sendPage(
        reply,
        <MilestonePlanPage
          ctx={pageContext(request, reply)}
          today={milestones.today()}
          plan={plan}
          all={all}
          shown={shown}
          activityFilter={filter}
          mayManage={mayManage}
          statusEditable={statusEditable}
        />,
      );
    });

    app.get(`${MILESTONES_PATH}/:area/ny`, access('governance.manage'), async (request, reply) => {
      const plan = await milestones.planOf(planOf(request).id, (request.params as AreaParams).area);
      const activity = (request.query as { aktivitet?: string }).aktivitet;
      const values = { ...EMPTY_FORM, activity: plan.activities.some((a) => a.slug === activity) ? activity! : '' };
      return renderForm(request, reply, plan, { values });
    });

    app.post(`${MILESTONES_PATH}/:area/ny`, access('governance.manage'), async (request, reply) => {
      const plan = await milestones.planOf(planOf(request).id, (request.params as AreaParams).area);
      const values = formValues(request.body);
      try {
        await milestones.create(actorOf(request), planOf(request).id, inputOf(plan.slug, values));
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, plan, { values, errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, 'milestoneCreated');
      return seeOther(reply, planPath(plan.slug));
    });

    app.get(`${MILESTONES_PATH}/:area/:id/rediger`, access('governance.manage'), async (request, reply) => {
      const { plan, assessment } = await load(planOf(request).id, request.params as MilestoneParams);
      return renderForm(request, reply, plan, { id: assessment.milestone.id, values: formValuesOf(assessment.milestone) });
    });

    app.post(`${MILESTONES_PATH}/:area/:id/rediger`, access('governance.manage'), async (request, reply) => {
      const { plan, assessment } = await load(planOf(request).id, request.params as MilestoneParams);
      const values = formValues(request.body);
      try {
        await milestones.update(actorOf(request), planOf(request).id, assessment.milestone.id, inputOf(plan.slug, values));
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, plan, { id: assessment.milestone.id, values, errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, 'milestoneSaved');
      return seeOther(reply, planPath(plan.slug));
    });

    app.post(`${MILESTONES_PATH}/:area/:id/slet`, access('governance.manage'), async (request, reply) => {
      const { plan, assessment } = await load(planOf(request).id, request.params as MilestoneParams);
      try {
        await milestones.remove(actorOf(request), planOf(request).id, assessment.milestone.id);
      } catch (error) {
        if (error instanceof ConflictError) {
          return renderForm(request, reply, plan, { id: assessment.milestone.id, values: formValuesOf(assessment.milestone), errors: [{ field: 'slet', message: error.message }] }, 409);
        }
        throw error;
      }
      setFlash(reply, 'milestoneDeleted');
      return seeOther(reply, planPath(plan.slug));
    });

    app.get(`${MILESTONES_PATH}/skabelon.csv`, access('governance.manage'), (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="helhed-skabelon-milepaele.csv"')
        .send(`\uFEFF${MILESTONE_COLUMNS.join(';')}\r\n`),
    );

    const maxMegabytes = IMPORT_LIMIT_BYTES / 1024 / 1024;

    app.get(`${MILESTONES_PATH}/:area/import`, access('governance.manage'), async (request, reply) => {
      const plan = await milestones.planOf(planOf(request).id, (request.params as AreaParams).area);
      // After an import, its count comes back in the address of the redirect; only a whole number is read from it.
      const count = (request.query as { importeret?: string }).importeret;
      const imported = count !== undefined && /^\d{1,4}$/.test(count) ? Number(count) : undefined;
      return sendPage(reply, <MilestoneImportPage ctx={pageContext(request, reply)} plan={plan} maxMegabytes={maxMegabytes} {...(imported !== undefined ? { imported } : {})} />);
    });

    app.post(`${MILESTONES_PATH}/:area/import`, access('governance.manage'), async (request, reply) => {
      const plan = await milestones.planOf(planOf(request).id, (request.params as AreaParams).area);
      const render = (props: { errors?: FieldError[]; problems?: { row: number; column: string; message: string }[] }, status: number) =>
        sendPage(reply, <MilestoneImportPage ctx={pageContext(request, reply)} plan={plan} maxMegabytes={maxMegabytes} {...props} />, status);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        file?.file.resume();
        return render({ errors: [{ field: 'fil', message: 'Vælg en fil at importere.' }] }, 400);
      }
      // The upload is kept whole first: a file cut off at the size limit must not import half.
      const path = join(tmpdir(), `helhed-milepaele-${newId()}`);
      try {
        await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
        if (file.file.truncated) return render({ errors: [{ field: 'fil', message: `Filen er for stor. Den må højst være ${maxMegabytes} MB.` }] }, 413);
        const outcome = await milestones.importPlan(actorOf(request), planOf(request).id, plan.slug, createReadStream(path), { fileName: file.filename, contentType: file.mimetype });
        if (outcome.status === 'rejected') return render({ problems: outcome.problems }, 400);
        return seeOther(reply, `${planPath(plan.slug)}/import?importeret=${outcome.count}`);
      } finally {
        await unlink(path).catch(() => undefined);
      }
    });

    const renderStatus = async (request: FastifyRequest, reply: FastifyReply, values?: { status: string; completedOn: string }, errors?: FieldError[]) => {
      const planId = planOf(request).id;
      const { plan, assessment } = await load(planId, request.params as MilestoneParams);
      // Not the principal's to change: not found, as with another organisation's participants.
      if (!mayChangeStatus(await milestones.statusScope(principalOf(request), planId), assessment.milestone)) throw new NotFoundError('Milepælen findes ikke, eller du kan ikke ændre den.');
      const m = assessment.milestone;
      return sendPage(
        reply,
        <MilestoneStatusPage
          ctx={pageContext(request, reply)}
          plan={plan}
          assessment={assessment}
          values={values ?? { status: m.status, completedOn: m.completedOn ?? '' }}
          {...(errors ? { errors } : {})}
        />,
        errors ? 400 : 200,
      );
    };

    app.get(`${MILESTONES_PATH}/:area/:id/status`, access('activities.report'), (request, reply) => renderStatus(request, reply));

    app.post(`${MILESTONES_PATH}/:area/:id/status`, access('activities.report'), async (request, reply) => {
      const planId = planOf(request).id;
      const { plan, assessment } = await load(planId, request.params as MilestoneParams);
      const values = { status: formText(request.body, 'status'), completedOn: formText(request.body, 'completedOn').trim() };
      try {
        await milestones.setStatus(principalOf(request), actorOf(request), planId, assessment.milestone.id, { status: values.status, completedOn: values.completedOn || null });
      } catch (error) {
        if (error instanceof ValidationError) return renderStatus(request, reply, values, error.fields);
        throw error;
      }
      setFlash(reply, 'milestoneStatusSet');
      return seeOther(reply, planPath(plan.slug));
    });
  };
}
