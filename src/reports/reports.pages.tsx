import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { attachmentHeader } from './render/cells.js';
import { reportServiceFor, type ReportFile } from './reports.service.js';
import { ChangesPage, DraftPage, EditionPage, ReportsPage } from './reports.views.js';

const page = { config: { access: 'reports.read' as const }, schema: { hide: true } };

type SubjectParams = { kind: string; subject: string };
type Cutoff = { skaering?: string };

/** Sends a rendered report file as a download under a name every browser accepts. */
export function sendFile(reply: FastifyReply, file: ReportFile): FastifyReply {
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .header('content-disposition', attachmentHeader(file.fileName))
    .type(file.contentType)
    .send(file.body);
}

/** The progress report, the annual data report and the annual report, as page, PDF and XLSX, frozen as delivered (issue 6). */
export function reportPages(services: AppServices): FastifyPluginAsync {
  const reports = reportServiceFor(services);
  return async (app) => {
    app.get('/rapporter', page, async (request, reply) => {
      const kinds = await reports.overview(principalOf(request), planOf(request).id);
      return sendPage(reply, <ReportsPage ctx={pageContext(request, reply)} kinds={kinds} />);
    });

    /** The draft page; a bad cut-off date shows today's draft with the error beside the field. */
    const renderDraft = async (request: FastifyRequest, reply: FastifyReply, form: { errors?: FieldError[]; values?: { skaering?: string; note?: string } } = {}, status = 200) => {
      const { kind, subject } = request.params as SubjectParams;
      const planId = planOf(request).id;
      let errors = form.errors ?? [];
      let draft;
      try {
        draft = await reports.draft(planId, kind, subject, form.values?.skaering);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        errors = [...errors, ...error.fields];
        status = 400;
        draft = await reports.draft(planId, kind, subject);
      }
      const editions = await reports.editions(planId, { kind: draft.definition.kind, subjectKey: draft.subject.key });
      return sendPage(
        reply,
        <DraftPage ctx={pageContext(request, reply)} draft={draft} editions={editions} mayFreeze={reports.mayFreeze(principalOf(request), draft.definition.kind)} errors={errors} values={form.values ?? {}} />,
        status,
      );
    };

    app.get('/rapporter/:kind/:subject', page, (request, reply) => {
      const skaering = (request.query as Cutoff).skaering;
      return renderDraft(request, reply, skaering === undefined ? {} : { values: { skaering } });
    });

    for (const [file, render] of [
      ['rapport.pdf', reports.pdf.bind(reports)],
      ['rapport.xlsx', reports.xlsx.bind(reports)],
    ] as const) {
      app.get(`/rapporter/:kind/:subject/${file}`, page, async (request, reply) => {
        const { kind, subject } = request.params as SubjectParams;
        const { document } = await reports.draft(planOf(request).id, kind, subject, (request.query as Cutoff).skaering);
        return sendFile(reply, await render(document, { kind: 'draft' }));
      });
      app.get(`/rapporter/udgaver/:id/${file}`, page, async (request, reply) => {
        const edition = await reports.edition(planOf(request).id, (request.params as { id: string }).id);
        return sendFile(reply, await render(edition.document, reports.statusOf(edition)));
      });
    }

    app.post('/rapporter/:kind/:subject/udgaver', page, async (request, reply) => {
      const { kind, subject } = request.params as SubjectParams;
      const values = { skaering: formText(request.body, 'skaering').trim(), note: formText(request.body, 'note').trim() };
      try {
        const edition = await reports.freeze(principalOf(request), actorOf(request), planOf(request).id, kind, subject, { cutoffDate: values.skaering, note: values.note || null });
        setFlash(reply, 'reportFrozen');
        return seeOther(reply, `/rapporter/udgaver/${encodeURIComponent(edition.id)}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderDraft(request, reply, { errors: error.fields, values }, 400);
        throw error;
      }
    });

    app.get('/rapporter/udgaver/:id', page, async (request, reply) => {
      const edition = await reports.edition(planOf(request).id, (request.params as { id: string }).id);
      return sendPage(reply, <EditionPage ctx={pageContext(request, reply)} edition={edition} status={reports.statusOf(edition)} />);
    });

    app.get('/rapporter/udgaver/:id/aendringer', page, async (request, reply) => {
      const query = request.query as { mod?: string; skaering?: string };
      const changes = await reports.changes(planOf(request).id, (request.params as { id: string }).id, query.mod === 'udkast' ? 'draft' : 'previous', query.skaering);
      return sendPage(reply, <ChangesPage ctx={pageContext(request, reply)} changes={changes} />);
    });
  };
}
