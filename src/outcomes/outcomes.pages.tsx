import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { allows, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { indicatorCatalogue } from '../monitoring/indicator-catalogue.js';
import { SpreadsheetError } from '../monitoring/import/spreadsheet.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { comparableIndicators, OUTCOME_MEASURES } from './outcome-measures.js';
import { normaliseCode, OUTCOME_HEADER } from './outcome-rows.js';
import { OUTCOME_IMPORT_LIMIT_BYTES, OutcomeService, type CohortView } from './outcomes.service.js';
import { CohortPage, JourneysPage, OutcomeImportPage, OutcomeImportResultPage, OutcomesHomePage, ParticipantOutcomesPage, type CohortFormValues, type EntryValues } from './outcomes.views.js';
import { DEFAULT_WINDOWS } from './terms.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

const CohortQuery = Type.Object({
  aktivitet: Type.Optional(Type.String({ maxLength: 100 })),
  maal: Type.Optional(Type.String({ maxLength: 100 })),
  vinduer: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20 })])),
  planaar: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The cohort form's field names, for the service's fields (`activity` → `aktivitet`). */
const COHORT_FIELDS: Record<string, string> = { activity: 'aktivitet', measure: 'maal', windows: 'vinduer', planYear: 'planaar' };

/** Pages of outcomes: overview, one participant's outcomes, import, cohorts and journeys (`/udfald…`). */
export function outcomePages({ database, plan, clock, config }: AppServices): FastifyPluginAsync {
  const outcomes = new OutcomeService(database, plan, clock, config.monitoring.smallNumberThreshold);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: OUTCOME_IMPORT_LIMIT_BYTES, files: 1, fields: 4, parts: 5 } });

    const can = (request: FastifyRequest, permission: Permission) => allows(permission, true, principalOf(request).roles);

    const renderHome = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], code?: string) => {
      const snapshot = await plan.snapshot(planOf(request).id);
      const catalogue = indicatorCatalogue(snapshot);
      const codes = OUTCOME_MEASURES.flatMap(comparableIndicators);
      const indicatorNames = Object.fromEntries(codes.map((c) => [c, catalogue.definitions.get(c)?.name ?? '']));
      return sendPage(
        reply,
        <OutcomesHomePage ctx={pageContext(request, reply)} canRead={can(request, 'participants.read')} canManage={can(request, 'participants.manage')} indicatorNames={indicatorNames} errors={errors} {...(code !== undefined ? { code } : {})} />,
        errors.length > 0 ? 400 : 200,
      );
    };

    app.get('/udfald', access('dashboard.read'), (request, reply) => renderHome(request, reply));

    app.get('/udfald/deltager', { ...access('participants.read'), schema: { hide: true, querystring: Type.Object({ kode: Type.Optional(Type.String({ maxLength: 100 })) }) } }, async (request, reply) => {
      const code = normaliseCode((request.query as { kode?: string }).kode ?? '');
      if (code === '') return renderHome(request, reply, [{ field: 'kode', message: 'Skriv deltagerkoden.' }], '');
      return seeOther(reply, `/udfald/deltager/${encodeURIComponent(code)}`);
    });

    const renderParticipant = async (request: FastifyRequest, reply: FastifyReply, options: { values?: EntryValues; errors?: FieldError[] } = {}, status = 200) => {
      const { code } = request.params as { code: string };
      const data = await outcomes.participantOutcomes(principalOf(request), actorOf(request), planOf(request).id, code);
      return sendPage(
        reply,
        <ParticipantOutcomesPage ctx={pageContext(request, reply)} data={data} canManage={can(request, 'participants.manage')} {...(options.values ? { values: options.values } : {})} errors={options.errors ?? []} />,
        status,
      );
    };

    app.get('/udfald/deltager/:code', access('participants.read'), (request, reply) => renderParticipant(request, reply));

    app.post('/udfald/deltager/:code', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const values: EntryValues = {
        measure: formText(request.body, 'measure').trim(),
        period: formText(request.body, 'period').trim(),
        value: formText(request.body, 'value').trim(),
        source: formText(request.body, 'source').trim(),
      };
      try {
        const { change } = await outcomes.record(principalOf(request), actorOf(request), planOf(request).id, code, values);
        setFlash(reply, change === 'unchanged' ? 'outcomeUnchanged' : change === 'updated' ? 'outcomeUpdated' : 'outcomeRecorded');
      } catch (error) {
        if (error instanceof ValidationError) return renderParticipant(request, reply, { values, errors: error.fields }, 400);
        throw error;
      }
      return seeOther(reply, `/udfald/deltager/${encodeURIComponent(normaliseCode(code))}`);
    });

    app.post('/udfald/deltager/:code/slet/:id', access('participants.manage'), async (request, reply) => {
      const { code, id } = request.params as { code: string; id: string };
      await outcomes.remove(principalOf(request), actorOf(request), planOf(request).id, code, id);
      setFlash(reply, 'outcomeDeleted');
      return seeOther(reply, `/udfald/deltager/${encodeURIComponent(normaliseCode(code))}`);
    });

    const renderImport = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) =>
      sendPage(
        reply,
        <OutcomeImportPage ctx={pageContext(request, reply)} imports={await outcomes.imports(planOf(request).id)} errors={errors} maxMegabytes={OUTCOME_IMPORT_LIMIT_BYTES / 1024 / 1024} />,
        status,
      );

    app.get('/udfald/import', access('participants.manage'), (request, reply) => renderImport(request, reply));

    app.post('/udfald/import', access('participants.manage'), async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        file?.file.resume();
        return renderImport(request, reply, [{ field: 'fil', message: 'Vælg en fil at importere.' }], 400);
      }
      const upload = file.file;
      // A file cut off at the size limit must not be imported in part: its end is reported as a problem of the file.
      const whole = (async function* () {
        for await (const chunk of upload) yield chunk as Buffer;
        if (upload.truncated) throw new SpreadsheetError(`Filen er for stor. Den må højst være ${OUTCOME_IMPORT_LIMIT_BYTES / 1024 / 1024} MB.`);
      })();
      const result = await outcomes.import(principalOf(request), actorOf(request), planOf(request).id, whole, { fileName: file.filename, contentType: file.mimetype });
      return seeOther(reply, `/udfald/import/${result.importId}`);
    });

    app.get('/udfald/import/:id', access('participants.manage'), async (request, reply) => {
      const { id } = request.params as { id: string };
      return sendPage(reply, <OutcomeImportResultPage ctx={pageContext(request, reply)} row={await outcomes.findImport(planOf(request).id, id)} />);
    });

    app.get('/udfald/skabelon.csv', access('participants.manage'), async (_request, reply) => {
      const example = ['P-XXXXXXXX-X;skolefravaer;1. skolehalvår 2024/25;12,5;Skolens fraværsregistrering', 'P-XXXXXXXX-X;sprogvurdering;15-03-2025;fokuseret;Randers Kommune, sprogvurdering'];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="helhed-skabelon-udfald.csv"')
        .send(`\uFEFF${[OUTCOME_HEADER, ...example].join('\r\n')}\r\n`);
    });

    app.get('/udfald/kohorter', { ...access('dashboard.read'), schema: { hide: true, querystring: CohortQuery } }, async (request, reply) => {
      const q = request.query as { aktivitet?: string; maal?: string; vinduer?: string | string[]; planaar?: string };
      const planId = planOf(request).id;
      const choices = await outcomes.cohortChoices(planId);
      const windows = q.vinduer === undefined ? DEFAULT_WINDOWS.map(String) : typeof q.vinduer === 'string' ? [q.vinduer] : q.vinduer;
      const values: CohortFormValues = { activity: q.aktivitet ?? '', measure: q.maal ?? '', windows, planYear: q.planaar ?? '' };
      let view: CohortView | null = null;
      let errors: FieldError[] = [];
      if (q.aktivitet !== undefined || q.maal !== undefined) {
        try {
          view = await outcomes.cohort(planId, { activity: q.aktivitet, measure: q.maal, windows, planYear: q.planaar || undefined });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          errors = error.fields.map((f) => ({ field: COHORT_FIELDS[f.field] ?? f.field, message: f.message }));
        }
      }
      return sendPage(
        reply,
        <CohortPage ctx={pageContext(request, reply)} activities={choices.activities} planYears={choices.planYears} values={values} view={view} errors={errors} />,
        errors.length > 0 ? 400 : 200,
      );
    });

    app.get('/udfald/paa-tvaers', access('dashboard.read'), async (request, reply) =>
      sendPage(reply, <JourneysPage ctx={pageContext(request, reply)} view={await outcomes.journeys(planOf(request).id)} />),
    );
  };
}
