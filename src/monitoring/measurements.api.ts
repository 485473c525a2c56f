import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { criteriaYears, earlyWarnings } from './area-criteria-status.js';
import { isHeldBack, type SeriesPoint } from './monitoring-model.js';
import { shownStatus } from './dashboard.present.js';
import { SPREADSHEET_CONTENT_TYPES } from './import/open-spreadsheet.js';
import { SpreadsheetError } from './import/spreadsheet.js';
import { measurementScopes } from './scopes.js';
import type { Measurement } from './measurement.js';

/** The largest file the import accepts (a million rows is about 80 MB). */
export const IMPORT_LIMIT_BYTES = 512 * 1024 * 1024;

const Problem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
const ImportError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), problemCount: Type.Integer(), rows: Type.Array(Problem) }),
});
const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
const NullableCount = () => Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);

const MeasurementSchema = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  scope: Type.String(),
  period: Type.Object({ kind: Type.String(), start: Type.String(), end: Type.String(), label: Type.String() }),
  value: Type.Union([Type.Number(), Type.Null()]),
  shown: Type.String({ description: 'Værdien som den må vises: tallet, «<5» eller «–» (små tal skjules)' }),
  numerator: Type.Union([Type.Number(), Type.Null()]),
  denominator: Type.Union([Type.Number(), Type.Null()]),
  source: Type.String(),
  drawnOn: Type.String(),
  loadedAt: Type.String(),
  version: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  flags: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  explanation: Type.Union([Type.String(), Type.Null()]),
});

/** A point as the API shows it to someone who does not see the persons behind it: small numbers hidden. */
function publicPoint(indicator: string, scope: string, p: SeriesPoint, unsuppressed: boolean) {
  const hide = !unsuppressed && !p.disclosure.shown;
  return {
    id: p.id, indicator, scope, period: { kind: p.periodKind, start: p.start, end: p.end, label: p.label },
    value: hide ? null : p.value,
    shown: hide ? (p.disclosure as { text: string }).text : String(p.value),
    numerator: hide ? null : p.numerator,
    denominator: hide ? null : p.denominator,
    source: p.source, drawnOn: p.drawnOn, loadedAt: p.loadedAt, version: p.version, note: p.note, flags: p.flags, explanation: p.explanation,
  };
}

function versionOf(m: Measurement) {
  return {
    id: m.id, version: m.version, current: m.current, value: m.value, numerator: m.numerator, denominator: m.denominator, source: m.source,
    drawnOn: m.drawnOn, note: m.note, period: m.period, scope: m.scope, indicator: m.indicatorCode, createdAt: m.createdAt, createdBy: m.createdByLabel,
    reason: m.reason, importId: m.importId, explanation: m.explanation,
  };
}

export function measurementsApi({ measurements, monitoring }: AppServices): FastifyPluginAsync {
  return async (app) => {
    // The file is the body: handed to the import as a stream, never buffered whole.
    app.addContentTypeParser(SPREADSHEET_CONTENT_TYPES, { bodyLimit: IMPORT_LIMIT_BYTES }, (_request, payload, done) => done(null, payload));

    app.post(
      '/api/v1/measurements/import',
      {
        config: { access: 'monitoring.import' },
        bodyLimit: IMPORT_LIMIT_BYTES,
        schema: {
          tags: ['monitorering'],
          summary: 'Importér målinger fra en CSV- eller XLSX-fil (filen er selve forespørgslens krop)',
          description:
            'Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. Alle fejl i filen meldes på én gang med række og kolonne (422), og intet importeres, hvis der er én fejl. Samme fil to gange tilføjer intet.',
          querystring: Type.Object({ filnavn: Type.Optional(Type.String({ maxLength: 255 })) }),
          response: {
            200: Type.Object({ imported: Type.Integer(), corrected: Type.Integer(), unchanged: Type.Integer(), skipped: Type.Integer(), importId: Type.String() }),
            400: ApiErrorSchema,
            415: ApiErrorSchema,
            422: ImportError,
          },
        },
      },
      async (request, reply) => {
        const plan = planOf(request);
        if (!(request.body instanceof Readable)) {
          throw new SpreadsheetError('Send filen som selve forespørgslen med Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.', 415);
        }
        const size = Number(request.headers['content-length']);
        const fileName = (request.query as { filnavn?: string }).filnavn ?? 'upload';
        const outcome = await measurements.import(plan.id, actorOf(request), request.body, {
          fileName, contentType: request.headers['content-type'], size: Number.isFinite(size) ? size : undefined,
        });
        if (outcome.status === 'rejected') {
          return reply.code(422).send({
            error: {
              code: 'importfejl',
              message: `Filen blev ikke importeret: ${outcome.problemCount === 1 ? 'der er 1 fejl' : `der er ${outcome.problemCount.toLocaleString('da-DK')} fejl`}. Ret dem og importér filen igen.`,
              problemCount: outcome.problemCount,
              rows: outcome.problems,
            },
          });
        }
        return { imported: outcome.imported, corrected: outcome.corrected, unchanged: outcome.unchanged, skipped: outcome.skipped, importId: outcome.importId };
      },
    );

    app.get(
      '/api/v1/measurements/imports/:id',
      { config: { access: 'monitoring.import' }, schema: { tags: ['monitorering'], summary: 'En imports status og fremdrift', params: Id, response: { 200: Type.Any(), 404: ApiErrorSchema } } },
      async (request) => {
        const { id } = request.params as { id: string };
        const row = await measurements.findImport(planOf(request).id, id);
        const progress = measurements.progress(row);
        return {
          id: row.id, fileName: row.file_name, status: row.status, createdAt: row.created_at, finishedAt: row.finished_at, createdBy: row.created_by_label,
          rowsRead: progress?.rowsRead ?? row.rows_read, bytesRead: progress?.bytesRead ?? null, bytesTotal: progress?.bytesTotal ?? row.bytes_total,
          imported: row.rows_imported, corrected: row.rows_corrected, unchanged: row.rows_unchanged, skipped: row.rows_skipped,
          problemCount: progress?.problemCount ?? row.problem_count, rows: row.problems ? JSON.parse(row.problems) : [],
        };
      },
    );

    app.get(
      '/api/v1/measurements',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags: ['monitorering'],
          summary: 'Målinger (gældende versioner) med kilde, periode og indlæsningstidspunkt; små tal er skjult',
          querystring: Type.Object({
            indikator: Type.Optional(Type.String({ maxLength: 100 })),
            omraade: Type.Optional(Type.String({ maxLength: 200, description: 'area:<slug>, areas, municipality, region, country eller group:<navn>' })),
          }),
          response: { 200: Type.Object({ measurements: Type.Array(MeasurementSchema) }) },
        },
      },
      async (request) => {
        const { indikator, omraade } = request.query as { indikator?: string; omraade?: string };
        const { model } = await monitoring.view(planOf(request).id);
        const unsuppressed = false; // the API always leaves the system: small numbers are hidden for everyone
        const out = [];
        for (const s of model.allSeries()) {
          if (indikator && s.indicatorCode !== indikator) continue;
          if (omraade && s.scope !== omraade) continue;
          for (const p of s.points) if (!isHeldBack(p)) out.push(publicPoint(s.indicatorCode, s.scope, p, unsuppressed));
        }
        return { measurements: out };
      },
    );

    app.get(
      '/api/v1/measurements/:id/history',
      { config: { access: 'monitoring.import' }, schema: { tags: ['monitorering'], summary: 'Alle versioner af en måling, nyeste først', params: Id, response: { 200: Type.Any(), 404: ApiErrorSchema } } },
      async (request) => ({ versions: (await measurements.history(planOf(request).id, (request.params as { id: string }).id)).map(versionOf) }),
    );

    app.post(
      '/api/v1/measurements/:id/corrections',
      {
        config: { access: 'monitoring.import' },
        schema: {
          tags: ['monitorering'],
          summary: 'Ret en måling: den rettede værdi bliver en ny version, den gamle bevares i historikken',
          params: Id,
          body: Type.Object(
            {
              value: Type.Number(),
              numerator: Type.Optional(NullableCount()),
              denominator: Type.Optional(NullableCount()),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
              drawnOn: Type.Optional(Type.String({ format: 'date' })),
              note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
              reason: Type.String({ minLength: 1, maxLength: 1000 }),
              expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Any(), 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = request.body as { value: number; numerator?: number | null; denominator?: number | null; source?: string; drawnOn?: string; note?: string | null; reason: string; expectedVersion?: number };
        const plan = planOf(request);
        const current = await measurements.measurement(plan.id, id);
        const input = {
          value: body.value,
          numerator: body.numerator === undefined ? current.numerator : body.numerator,
          denominator: body.denominator === undefined ? current.denominator : body.denominator,
          source: body.source ?? current.source,
          drawnOn: body.drawnOn ?? current.drawnOn,
          note: body.note === undefined ? current.note : body.note,
        };
        return versionOf(await measurements.correct(plan.id, actorOf(request), id, input, body.reason, body.expectedVersion));
      },
    );

    app.post(
      '/api/v1/measurements/:id/explanation',
      {
        config: { access: 'monitoring.import' },
        schema: {
          tags: ['monitorering'],
          summary: 'Forklar en markeret værdi (datakvalitet), så den kan indgå i rapporter',
          params: Id,
          body: Type.Object({ explanation: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
          response: { 200: Type.Any(), 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => versionOf(await measurements.explain(planOf(request).id, actorOf(request), (request.params as { id: string }).id, (request.body as { explanation: string }).explanation)),
    );

    app.get(
      '/api/v1/status',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags: ['monitorering'],
          summary: 'Status for hver indikator og hvert område: seneste værdi mod baseline og kommunen, med reglen; små tal er skjult',
          response: { 200: Type.Any() },
        },
      },
      async (request) => {
        const plan = planOf(request);
        const { snapshot, catalogue, model } = await monitoring.view(plan.id);
        const scopes = measurementScopes(snapshot);
        const sets = catalogue.sets.filter((s) => s.slug !== 'kriterier').map((set) => ({
          set: set.slug,
          name: set.name,
          groups: set.groups.map((g) => ({
            code: g.code,
            title: g.title,
            indicators: g.indicators.map((ind) => ({
              code: ind.code,
              name: ind.name,
              unit: ind.unit,
              direction: ind.direction,
              scopes: scopes.map(({ scope, label }) => {
                const cell = model.status(ind.code, scope);
                // A status, its rule and its change name the figures; where a figure is hidden, so are they.
                const shown = shownStatus(cell, false);
                return {
                  scope, label, status: shown.status, rule: shown.rule, change: shown.withheld ? null : cell.status.change, changeText: shown.changeText,
                  levelWithMunicipality: shown.levelWithMunicipality,
                  latest: cell.latest ? publicPoint(ind.code, scope, cell.latest, false) : null,
                  baseline: cell.baseline ? { value: cell.baseline.value, printed: cell.baseline.printed, period: cell.baseline.period, source: cell.baseline.source } : null,
                  awaitingExplanation: cell.heldBack !== null,
                };
              }),
            })),
          })),
        }));
        return { stamp: model.stamp, sets };
      },
    );

    app.get(
      '/api/v1/criteria/areas',
      {
        config: { access: 'dashboard.read' },
        schema: { tags: ['monitorering'], summary: 'Statens kriterier pr. område og år, med klassifikation og afstand til grænserne, og de områder der er tæt på en klassifikation', response: { 200: Type.Any() } },
      },
      async (request) => {
        const { snapshot, model } = await monitoring.view(planOf(request).id);
        const areas = snapshot.areas().map((a) => a.data);
        return {
          areas: areas.map((a) => ({
            slug: a.slug,
            name: a.name,
            planStatement: a.stateCriteria ?? null,
            years: criteriaYears(model, a.slug).map((y) => ({
              year: y.year,
              missing: y.missing,
              evaluation: y.evaluation,
              figures: Object.fromEntries(Object.entries(y.points).map(([k, p]) => [k, { value: p!.value, period: p!.label, source: p!.source, drawnOn: p!.drawnOn }])),
            })),
          })),
          earlyWarnings: earlyWarnings(model, areas).map((w) => ({ area: w.area.slug, year: w.year, reasons: w.reasons })),
        };
      },
    );
  };
}
