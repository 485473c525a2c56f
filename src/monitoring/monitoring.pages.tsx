import { createReadStream, createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { newId } from '../db/ids.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { danishDateOf } from '../time/copenhagen.js';
import { completeness, expectedYears } from './completeness.js';
import { IMPORT_LIMIT_BYTES } from './measurements.api.js';
import { correctionProblems } from './measurements.service.js';
import { parseNumber } from './import/numbers.js';
import { templateCsv, templateXlsx } from './import/templates.js';
import { isHeldBack } from './monitoring-model.js';
import { danishDate } from './periods.js';
import { measurementScopes, scopeLabel } from './scopes.js';
import { formatIndicatorValue } from './status.js';
import { DataQualityPage, ImportPage, ImportResultPage, MeasurementPage, type CorrectionValues } from './monitoring.views.js';
import type { Measurement } from './measurement.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

function valuesOf(m: Measurement): CorrectionValues {
  const n = (x: number | null) => (x === null ? '' : String(x).replace('.', ','));
  return { value: n(m.value), numerator: n(m.numerator), denominator: n(m.denominator), source: m.source, drawnOn: danishDate(m.drawnOn), note: m.note ?? '', reason: '' };
}

/**
 * The monitoring unit's pages: import (upload, progress, result with every problem), templates, one measurement with
 * its history, correction and explanation, and data quality.
 */
export function monitoringPages({ measurements, monitoring, clock }: AppServices): FastifyPluginAsync {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 4, parts: 5 } });

    const renderImportPage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
      const plan = planOf(request);
      const { catalogue } = await monitoring.view(plan.id);
      const templates = catalogue.sets.map((s) => ({ slug: s.slug, name: s.name, count: s.groups.reduce((n, g) => n + g.indicators.length, 0) }));
      const imports = await measurements.imports(plan.id, 20);
      return sendPage(reply, <ImportPage ctx={pageContext(request, reply)} templates={templates} imports={imports} errors={errors} maxMegabytes={IMPORT_LIMIT_BYTES / 1024 / 1024} />, status);
    };

    app.get('/overvaagning/import', access('monitoring.import'), (request, reply) => renderImportPage(request, reply));

    app.post('/overvaagning/import', access('monitoring.import'), async (request, reply) => {
      const plan = planOf(request);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        file?.file.resume();
        return renderImportPage(request, reply, [{ field: 'fil', message: 'Vælg en fil at importere.' }], 400);
      }
      // The upload is kept in a temporary file first, so that the browser gets its answer (and the progress page) at
      // once, and the import then reads the file at its own pace with a known size for the progress bar.
      const path = join(tmpdir(), `helhed-import-${newId()}`);
      await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
      if (file.file.truncated) {
        await unlink(path).catch(() => undefined);
        return renderImportPage(request, reply, [{ field: 'fil', message: `Filen er for stor. Den må højst være ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB.` }], 413);
      }
      const { size } = await stat(path);
      if (size === 0) {
        await unlink(path).catch(() => undefined);
        return renderImportPage(request, reply, [{ field: 'fil', message: 'Filen er tom.' }], 400);
      }
      const actor = actorOf(request);
      const meta = { fileName: file.filename, contentType: file.mimetype, size };
      const importId = await measurements.beginImport(plan.id, actor, meta);
      void measurements
        .runImport(plan.id, actor, importId, createReadStream(path, { highWaterMark: 256 * 1024 }), meta)
        .catch((error) => request.log.error({ err: error, importId }, 'Importen mislykkedes'))
        .finally(() => void unlink(path).catch(() => undefined));
      return seeOther(reply, `/overvaagning/import/${importId}`);
    });

    app.get('/overvaagning/import/:id', access('monitoring.import'), async (request, reply) => {
      const { id } = request.params as { id: string };
      const row = await measurements.findImport(planOf(request).id, id);
      return sendPage(reply, <ImportResultPage ctx={pageContext(request, reply)} row={row} progress={measurements.progress(row)} />);
    });

    app.get('/overvaagning/skabeloner/:file', access('monitoring.import'), async (request, reply) => {
      const { file } = request.params as { file: string };
      const match = /^([a-z0-9-]+)\.(csv|xlsx)$/.exec(file);
      const plan = planOf(request);
      const { snapshot, catalogue } = await monitoring.view(plan.id);
      const set = match ? catalogue.sets.find((s) => s.slug === match[1]) : undefined;
      if (!match || !set) throw new NotFoundError('Skabelonen findes ikke.');
      const indicators = set.groups.flatMap((g) => g.indicators);
      const areas = snapshot.areas().map((a) => ({ slug: a.data.slug, name: a.data.name }));
      const name = `helhed-skabelon-${set.slug}`;
      if (match[2] === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(templateCsv(indicators, areas));
      }
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await templateXlsx(indicators, areas));
    });

    const renderMeasurement = async (request: FastifyRequest, reply: FastifyReply, options: { values?: CorrectionValues; errors?: FieldError[]; explanationErrors?: FieldError[]; explanation?: string } = {}, status = 200) => {
      const plan = planOf(request);
      const { id } = request.params as { id: string };
      const [m, history, view] = await Promise.all([measurements.measurement(plan.id, id), measurements.history(plan.id, id), monitoring.view(plan.id)]);
      const point = view.model.seriesFor(m.indicatorCode, m.scope)?.points.find((p) => p.id === m.id);
      return sendPage(
        reply,
        <MeasurementPage
          ctx={pageContext(request, reply)}
          measurement={m}
          history={history}
          indicator={view.catalogue.definitions.get(m.indicatorCode)}
          scopeLabel={scopeLabel(view.snapshot, m.scope)}
          flags={point?.flags ?? []}
          values={options.values ?? valuesOf(m)}
          errors={options.errors ?? []}
          explanationErrors={options.explanationErrors ?? []}
          {...(options.explanation !== undefined ? { explanation: options.explanation } : {})}
        />,
        status,
      );
    };

    app.get('/overvaagning/maalinger/:id', access('monitoring.import'), (request, reply) => renderMeasurement(request, reply));

    app.post('/overvaagning/maalinger/:id/ret', access('monitoring.import'), async (request, reply) => {
      const plan = planOf(request);
      const { id } = request.params as { id: string };
      const body = request.body;
      const values: CorrectionValues = {
        value: formText(body, 'value').trim(),
        numerator: formText(body, 'numerator').trim(),
        denominator: formText(body, 'denominator').trim(),
        source: formText(body, 'source').trim(),
        drawnOn: formText(body, 'drawnOn').trim(),
        note: formText(body, 'note').trim(),
        reason: formText(body, 'reason').trim(),
      };
      // The form's text is read here; the rules a correction must meet are the service's (`correctionProblems`),
      // asked here too so that the form shows every problem at once, unreadable numbers included.
      const errors: FieldError[] = [];
      const number = (field: keyof CorrectionValues, label: string, required: boolean): number | null => {
        if (values[field] === '') {
          if (required) errors.push({ field, message: `Skriv ${label}.` });
          return null;
        }
        const n = parseNumber(values[field], ',');
        if (typeof n !== 'number') {
          errors.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} skal være et tal: ${n.error}` });
          return null;
        }
        return n;
      };
      const value = number('value', 'værdien', true);
      const numerator = number('numerator', 'tælleren', false);
      const denominator = number('denominator', 'nævneren', false);
      const input = { value: value ?? Number.NaN, numerator, denominator, source: values.source, drawnOn: values.drawnOn, note: values.note || null };
      const current = await measurements.measurement(plan.id, id);
      const { catalogue } = await monitoring.view(plan.id);
      const unit = catalogue.definitions.get(current.indicatorCode)?.unit ?? 'average';
      for (const problem of correctionProblems(unit, input, values.reason, danishDateOf(clock()))) {
        if (!errors.some((e) => e.field === problem.field)) errors.push(problem);
      }
      if (errors.length > 0) return renderMeasurement(request, reply, { values, errors }, 400);
      try {
        const expected = Number(formText(body, 'expectedVersion'));
        const next = await measurements.correct(plan.id, actorOf(request), id, input, values.reason, Number.isInteger(expected) && expected > 0 ? expected : undefined);
        setFlash(reply, 'measurementCorrected');
        return seeOther(reply, `/overvaagning/maalinger/${next.id}`);
      } catch (error) {
        if (error instanceof ConflictError) return renderMeasurement(request, reply, { values, errors: [{ field: 'value', message: error.message }] }, 409);
        throw error;
      }
    });

    app.post('/overvaagning/maalinger/:id/forklaring', access('monitoring.import'), async (request, reply) => {
      const plan = planOf(request);
      const { id } = request.params as { id: string };
      const explanation = formText(request.body, 'explanation');
      try {
        await measurements.explain(plan.id, actorOf(request), id, explanation);
      } catch (error) {
        if (error instanceof ValidationError) return renderMeasurement(request, reply, { explanationErrors: error.fields, explanation }, 400);
        throw error;
      }
      setFlash(reply, 'measurementExplained');
      return seeOther(reply, `/overvaagning/maalinger/${id}`);
    });

    app.get('/overvaagning/datakvalitet', access('monitoring.import'), async (request, reply) => {
      const plan = planOf(request);
      const { snapshot, catalogue, model } = await monitoring.view(plan.id);
      const flagged = model
        .flagged()
        .sort((a, b) => Number(isHeldBack(b.point)) - Number(isHeldBack(a.point)) || a.series.indicatorCode.localeCompare(b.series.indicatorCode) || a.point.start.localeCompare(b.point.start))
        .slice(0, 2000)
        .map(({ series, point }) => {
          const d = catalogue.definitions.get(series.indicatorCode);
          return {
            id: point.id, indicator: series.indicatorCode, indicatorName: d?.name ?? series.indicatorCode, scopeLabel: scopeLabel(snapshot, series.scope), period: point.label,
            value: formatIndicatorValue(d?.unit ?? 'average', point.value), flags: point.flags, explanation: point.explanation,
          };
        });
      const years = expectedYears(plan.periodStart, danishDateOf(clock()));
      const scopes = measurementScopes(snapshot);
      const indicators = catalogue.sets.flatMap((s) => s.groups.flatMap((g) => g.indicators));
      const result = completeness({
        indicators,
        scopes,
        periods: years.map((y) => ({ start: y.start, label: y.label })),
        has: (code, scope, start) => (model.seriesFor(code, scope)?.points ?? []).some((p) => p.start.slice(0, 4) === start.slice(0, 4)),
      });
      return sendPage(
        reply,
        <DataQualityPage
          ctx={pageContext(request, reply)}
          flagged={flagged}
          years={years.map((y) => y.label).join(', ')}
          completeness={result.indicators.map((c) => ({
            code: c.code, name: c.name, filled: c.filled, expected: c.expected,
            missing: c.missing.map((m) => `${m.label} (${m.periods.join(', ')})`).join('; '),
          }))}
        />,
      );
    });
  };
}
