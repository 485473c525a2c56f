import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ForbiddenError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { loadIncident } from './incident.js';
import { incidentCaseFile } from './incident-pdf.js';
import { logServiceFor } from './log.service.js';
import { CorrectionPage, entryAnchor, LOG_CHECK_PATH, LogCheckPage, LogPage, logPath, type CorrectionFormValues, type NoteFormValues } from './log.views.js';

const page = { schema: { hide: true } } as const;
const read = { config: { access: 'beredskab.read' as const }, ...page };
// Every role that reads the crisis module may also activate it (permissions.ts), so a linked member always has this;
// the log service checks again (those who may activate, or a linked member) and decides § 115.
const write = { config: { access: 'beredskab.activate' as const }, ...page };

type IncidentParams = { id: string };
type EntryParams = { id: string; entryId: string };

/** The areas' names of the plan, by slug. */
async function areaNames(services: AppServices, planId: string): Promise<Map<string, string>> {
  return new Map((await services.plan.snapshot(planId)).areas().map((a) => [a.data.slug, a.data.name]));
}

/**
 * Pages of the incident log (issue 7, part 6): `/beredskab/haendelser/:id/log` (the entries the reader may read, the
 * check of the chain and the note form), `…/log/:entryId/ret` (a correction), `…/log.pdf` (the case file) and
 * `/beredskab/logkontrol` (every incident's log checked). Reading needs `beredskab.read`, writing `beredskab.activate`.
 */
export function logPages(services: AppServices): FastifyPluginAsync {
  const logs = logServiceFor(services);

  const renderLog = async (request: FastifyRequest, reply: FastifyReply, form?: { values: NoteFormValues; errors: FieldError[]; status: number }) => {
    const planId = planOf(request).id;
    const log = await logs.read(principalOf(request), planId, (request.params as IncidentParams).id);
    const areaName = log.incident.areaSlug ? ((await areaNames(services, planId)).get(log.incident.areaSlug) ?? log.incident.areaSlug) : null;
    return sendPage(
      reply,
      <LogPage ctx={pageContext(request, reply)} log={log} areaName={areaName} values={form?.values ?? { text: '', classification: 'generel' }} {...(form ? { errors: form.errors } : {})} />,
      form?.status ?? 200,
    );
  };

  const renderCorrection = async (request: FastifyRequest, reply: FastifyReply, form?: { values: CorrectionFormValues; errors: FieldError[] }) => {
    const planId = planOf(request).id;
    const { id, entryId } = request.params as EntryParams;
    const access = await logs.access(principalOf(request), planId);
    const incident = await loadIncident(services.database, planId, id);
    const entry = await logs.readableEntry(access, planId, id, entryId);
    return sendPage(
      reply,
      <CorrectionPage ctx={pageContext(request, reply)} incident={incident} entry={entry} values={form?.values ?? { text: entry.text, reason: '' }} {...(form ? { errors: form.errors } : {})} />,
      form ? 400 : 200,
    );
  };

  return async (app) => {
    app.get('/beredskab/haendelser/:id/log', read, (request, reply) => renderLog(request, reply));

    app.post('/beredskab/haendelser/:id/log/notater', write, async (request, reply) => {
      const { id } = request.params as IncidentParams;
      const values = { text: formText(request.body, 'text'), classification: formText(request.body, 'classification') || 'generel' };
      try {
        const entry = await logs.addNote(principalOf(request), actorOf(request), planOf(request).id, id, values);
        setFlash(reply, 'crisisLogNoteAdded');
        return seeOther(reply, `${logPath(id)}#${entryAnchor(entry.seq)}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderLog(request, reply, { values, errors: error.fields, status: 400 });
        // § 115 chosen by someone who may not share under it: refused, with the reason where the choice was made.
        if (error instanceof ForbiddenError && values.classification === 'paragraf115') {
          return renderLog(request, reply, { values: { ...values, classification: 'generel' }, errors: [{ field: 'classification', message: error.message }], status: 403 });
        }
        throw error;
      }
    });

    app.get('/beredskab/haendelser/:id/log/:entryId/ret', write, (request, reply) => renderCorrection(request, reply));

    app.post('/beredskab/haendelser/:id/log/:entryId/ret', write, async (request, reply) => {
      const { id, entryId } = request.params as EntryParams;
      const values = { text: formText(request.body, 'text'), reason: formText(request.body, 'reason') };
      try {
        const entry = await logs.correct(principalOf(request), actorOf(request), planOf(request).id, id, entryId, values);
        setFlash(reply, 'crisisLogCorrected');
        return seeOther(reply, `${logPath(id)}#${entryAnchor(entry.seq)}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderCorrection(request, reply, { values, errors: error.fields });
        throw error;
      }
    });

    app.get('/beredskab/haendelser/:id/log.pdf', read, async (request, reply) => {
      const planId = planOf(request).id;
      const principal = principalOf(request);
      const log = await logs.read(principal, planId, (request.params as IncidentParams).id);
      const names = await areaNames(services, planId);
      const pdf = await incidentCaseFile(log, { areaName: log.incident.areaSlug ? (names.get(log.incident.areaSlug) ?? log.incident.areaSlug) : null, printedBy: principal.name || principal.email, printedAt: services.clock() });
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="haendelse-${log.incident.number}-log.pdf"`)
        .send(pdf);
    });

    app.get(LOG_CHECK_PATH, read, async (request, reply) => {
      const planId = planOf(request).id;
      const [check, names] = await Promise.all([logs.checkAll(planId), areaNames(services, planId)]);
      return sendPage(reply, <LogCheckPage ctx={pageContext(request, reply)} checkedAt={check.checkedAt} incidents={check.incidents} areaNames={names} />);
    });
  };
}
