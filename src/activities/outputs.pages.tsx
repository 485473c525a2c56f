import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ForbiddenError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { outputServiceFor } from './outputs.service.js';
import { ActivityOutputsPage, OutputsByAreaPage, OutputsByInterventionAreaPage, OutputsPage, type ReportValues } from './outputs.views.js';
import { staffHourPages } from './staff-hours.pages.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });
const yearOf = (request: FastifyRequest) => (request.query as { aar?: string } | undefined)?.aar;

/**
 * The outputs pages (`/resultater`): per plan year every activity's targets against what was delivered, per area and
 * per intervention area, one activity with its courses, and the form to report a figure by hand. The staff-hours pages
 * (`/timer`) are registered here too, as the other half of the same follow-up.
 */
export function outputPages(services: AppServices): FastifyPluginAsync {
  const outputs = outputServiceFor(services);
  return async (app) => {
    app.get('/resultater', access('dashboard.read'), async (request, reply) => {
      const overview = await outputs.overview({ principal: principalOf(request) }, planOf(request).id, yearOf(request));
      return sendPage(reply, <OutputsPage ctx={pageContext(request, reply)} overview={overview} />);
    });

    app.get('/resultater/omraader', access('dashboard.read'), async (request, reply) => {
      const { overview, table } = await outputs.byArea({ principal: principalOf(request) }, planOf(request).id, yearOf(request));
      return sendPage(reply, <OutputsByAreaPage ctx={pageContext(request, reply)} overview={overview} table={table} />);
    });

    app.get('/resultater/indsatsomraader', access('dashboard.read'), async (request, reply) => {
      const { overview, rows } = await outputs.byInterventionArea({ principal: principalOf(request) }, planOf(request).id, yearOf(request));
      return sendPage(reply, <OutputsByInterventionAreaPage ctx={pageContext(request, reply)} overview={overview} rows={rows} />);
    });

    const renderActivity = async (request: FastifyRequest, reply: FastifyReply, year: string | undefined, form: { values?: ReportValues; errors?: FieldError[] } = {}, status = 200) => {
      const { slug } = request.params as { slug: string };
      const { overview, activity } = await outputs.activity({ principal: principalOf(request) }, planOf(request).id, slug, year);
      return sendPage(reply, <ActivityOutputsPage ctx={pageContext(request, reply)} overview={overview} activity={activity} {...form} />, status);
    };

    app.get('/resultater/aktiviteter/:slug', access('dashboard.read'), (request, reply) => renderActivity(request, reply, yearOf(request)));

    app.post('/resultater/aktiviteter/:slug/indberet', access('activities.report'), async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const values: ReportValues = { target: formText(request.body, 'target').trim(), delivered: formText(request.body, 'delivered').trim(), note: formText(request.body, 'note').trim() };
      const year = formText(request.body, 'year').trim();
      const delivered = /^\d+$/.test(values.delivered) ? Number(values.delivered) : Number.NaN;
      try {
        await outputs.report(principalOf(request), actorOf(request), planOf(request).id, { activitySlug: slug, targetCode: values.target, year, delivered, note: values.note || null });
      } catch (error) {
        if (error instanceof ValidationError) return renderActivity(request, reply, planYearOrUndefined(year), { values, errors: error.fields }, 400);
        if (error instanceof ForbiddenError) return renderActivity(request, reply, planYearOrUndefined(year), { values, errors: [{ field: 'target', message: error.message }] }, 403);
        throw error;
      }
      setFlash(reply, 'outputReported');
      return seeOther(reply, `/resultater/aktiviteter/${encodeURIComponent(slug)}?aar=${encodeURIComponent(year)}`);
    });

    await app.register(staffHourPages(services));
  };
}

/** A year field that cannot be read falls back to the current plan year when the page is shown again with errors. */
function planYearOrUndefined(label: string): string | undefined {
  return /^\d{4}\/\d{2}$/.test(label) ? label : undefined;
}
