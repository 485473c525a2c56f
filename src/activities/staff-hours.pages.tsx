import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { parseNumber } from '../monitoring/import/numbers.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { planYearOf } from './output-targets.js';
import { monthPeriod } from './staff-hours.js';
import { staffHourServiceFor } from './staff-hours.service.js';
import { HoursPage, HoursReportPage, type HoursFormValues } from './staff-hours.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

/** The staff-hours pages: `/timer` (agreed against delivered, shortfalls) and `/timer/indberet` (a month's hours). */
export function staffHourPages(services: AppServices): FastifyPluginAsync {
  const hours = staffHourServiceFor(services);
  return async (app) => {
    app.get('/timer', access('dashboard.read'), async (request, reply) => {
      const principal = principalOf(request);
      const planId = planOf(request).id;
      const overview = await hours.overview(planId, (request.query as { aar?: string }).aar);
      const mayReport = principal.roles.some((r) => r === 'administrator' || r === 'sekretariat' || r === 'partner');
      return sendPage(reply, <HoursPage ctx={pageContext(request, reply)} overview={overview} mayReport={mayReport} />);
    });

    const renderForm = async (request: FastifyRequest, reply: FastifyReply, yearLabel: string | undefined, form: { values?: HoursFormValues; errors?: FieldError[] } = {}, status = 200) => {
      const principal = principalOf(request);
      const planId = planOf(request).id;
      const year = hours.yearOf(yearLabel);
      const [lines, reason, reports] = await Promise.all([hours.reportableLines(principal, planId), hours.noLinesReason(principal, planId), hours.ownReports(principal, planId, year)]);
      return sendPage(
        reply,
        <HoursReportPage ctx={pageContext(request, reply)} year={year} lines={lines} months={hours.reportableMonths(year)} reports={reports} noLinesReason={reason} {...form} />,
        status,
      );
    };

    app.get('/timer/indberet', access('activities.report'), (request, reply) => renderForm(request, reply, (request.query as { aar?: string }).aar));

    app.post('/timer/indberet', access('activities.report'), async (request, reply) => {
      const values: HoursFormValues = {
        line: formText(request.body, 'line'),
        month: formText(request.body, 'month').trim(),
        hours: formText(request.body, 'hours').trim(),
        note: formText(request.body, 'note').trim(),
      };
      const parsed = values.hours === '' ? Number.NaN : parseNumber(values.hours, ',');
      const month = monthPeriod(values.month);
      const yearLabel = month ? planYearOf(month.start).label : undefined;
      try {
        await hours.report(principalOf(request), actorOf(request), planOf(request).id, { line: values.line, month: values.month, hours: typeof parsed === 'number' ? parsed : Number.NaN, note: values.note || null });
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, yearLabel, { values, errors: error.fields }, 400);
        if (error instanceof ForbiddenError) return renderForm(request, reply, yearLabel, { values, errors: [{ field: 'line', message: error.message }] }, 403);
        if (error instanceof NotFoundError) return renderForm(request, reply, yearLabel, { values, errors: [{ field: 'line', message: error.message }] }, 404);
        throw error;
      }
      setFlash(reply, 'hoursReported');
      return seeOther(reply, `/timer?aar=${encodeURIComponent(yearLabel ?? '')}`);
    });
  };
}
