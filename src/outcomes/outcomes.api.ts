import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { SPREADSHEET_CONTENT_TYPES } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError } from '../monitoring/import/spreadsheet.js';
import { displayCount, type CountCell } from '../monitoring/small-numbers.js';
import type { CohortFigure } from './cohorts.js';
import { comparableIndicators, OUTCOME_MEASURES, PERIOD_KIND_LABELS } from './outcome-measures.js';
import { OUTCOME_IMPORT_LIMIT_BYTES, OutcomeService, type Outcome } from './outcomes.service.js';

const Problem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
const ImportError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), problemCount: Type.Integer(), rows: Type.Array(Problem) }),
});
const Code = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

const OutcomeSchema = Type.Object({
  id: Type.String(),
  measure: Type.String(),
  measureName: Type.String(),
  period: Type.Object({ start: Type.String(), end: Type.String(), label: Type.String() }),
  value: Type.Union([Type.Number(), Type.Null()]),
  valueText: Type.Union([Type.String(), Type.Null()]),
  shown: Type.String(),
  source: Type.String(),
  importId: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
});

/** A count as it may leave the system: the number, or null with «<5» or «–». */
const count = (cell: CountCell, threshold: number) => ({ value: cell.shown ? cell.value : null, shown: displayCount(cell, threshold) });
const figure = (f: CohortFigure) => ({ value: f.shown ? f.value : null, hidden: f.shown ? null : f.reason === 'small' ? 'for få personer' : 'ingen målinger' });

const plainOutcome = (o: Outcome) => ({ ...o });

/** The JSON API of outcomes: a participant's values (in scope), the import, cohorts and journeys (suppressed). */
export function outcomesApi({ database, plan, clock, config }: AppServices): FastifyPluginAsync {
  const outcomes = new OutcomeService(database, plan, clock, config.monitoring.smallNumberThreshold);
  return async (app) => {
    // The file is the body: handed to the import as a stream.
    app.addContentTypeParser(SPREADSHEET_CONTENT_TYPES, { bodyLimit: OUTCOME_IMPORT_LIMIT_BYTES }, (_request, payload, done) => done(null, payload));

    app.get(
      '/api/v1/outcomes/measures',
      { config: { access: 'dashboard.read' }, schema: { tags: ['udfald'], summary: 'Udfaldsmålene: navn, periode, værdier og den indikator i planen, de sammenlignes med', response: { 200: Type.Any() } } },
      async () => ({
        measures: OUTCOME_MEASURES.map((m) => ({
          key: m.key, name: m.name, description: m.description, periodKind: m.periodKind, periodKindLabel: PERIOD_KIND_LABELS[m.periodKind],
          scale: m.scale, comparableIndicators: comparableIndicators(m), followedBy: m.followedBy,
        })),
      }),
    );

    app.get(
      '/api/v1/outcomes/participants/:code',
      {
        config: { access: 'participants.read' },
        schema: {
          tags: ['udfald'],
          summary: 'En deltagers udfaldsmålinger (kun deltagere i dine aktiviteter; læsningen logges)',
          params: Code,
          response: { 200: Type.Object({ participant: Type.Object({ code: Type.String(), areaSlug: Type.Union([Type.String(), Type.Null()]) }), enrolments: Type.Any(), outcomes: Type.Array(OutcomeSchema) }), 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const data = await outcomes.participantOutcomes(principalOf(request), actorOf(request), planOf(request).id, (request.params as { code: string }).code);
        return { participant: { code: data.participant.code, areaSlug: data.participant.area_slug }, enrolments: data.enrolments, outcomes: data.outcomes.map(plainOutcome) };
      },
    );

    app.post(
      '/api/v1/outcomes/participants/:code',
      {
        config: { access: 'participants.manage' },
        schema: {
          tags: ['udfald'],
          summary: 'Registrér én udfaldsmåling for en deltager; findes der en for samme mål og periode, rettes den (revisionsspor)',
          params: Code,
          body: Type.Object(
            {
              measure: Type.String({ minLength: 1, maxLength: 100, description: 'Målets kode, fx skolefravaer' }),
              period: Type.String({ minLength: 1, maxLength: 100, description: 'Fx «1. skolehalvår 2024/25», «2024/25», «marts 2025» eller «15-03-2025» efter målet' }),
              value: Type.Union([Type.Number(), Type.String({ minLength: 1, maxLength: 100 })]),
              source: Type.String({ minLength: 1, maxLength: 300 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ change: Type.String(), outcome: OutcomeSchema }), 201: Type.Object({ change: Type.String(), outcome: OutcomeSchema }), 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { measure: string; period: string; value: number | string; source: string };
        // A number sent as JSON is written with a decimal comma, the way the service reads a typed value.
        const value = typeof body.value === 'number' ? String(body.value).replace('.', ',') : body.value;
        const result = await outcomes.record(principalOf(request), actorOf(request), planOf(request).id, (request.params as { code: string }).code, { ...body, value });
        return reply.code(result.change === 'created' ? 201 : 200).send({ change: result.change, outcome: plainOutcome(result.outcome) });
      },
    );

    app.post(
      '/api/v1/outcomes/import',
      {
        config: { access: 'participants.manage' },
        bodyLimit: OUTCOME_IMPORT_LIMIT_BYTES,
        schema: {
          tags: ['udfald'],
          summary: 'Importér udfaldsmålinger fra en CSV- eller XLSX-fil (deltagerkode;mål;periode;værdi;kilde; filen er selve forespørgslens krop)',
          description:
            'Alle fejl i filen meldes på én gang med række og kolonne (422), og intet gemmes, hvis der er én fejl. Samme fil to gange tilføjer intet; en ændret værdi rettes og står i revisionssporet. Kun deltagere i dine aktiviteter.',
          querystring: Type.Object({ filnavn: Type.Optional(Type.String({ maxLength: 255 })) }),
          response: {
            200: Type.Object({ imported: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), importId: Type.String() }),
            400: ApiErrorSchema,
            415: ApiErrorSchema,
            422: ImportError,
          },
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable)) {
          throw new SpreadsheetError('Send filen som selve forespørgslen med Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.', 415);
        }
        const fileName = (request.query as { filnavn?: string }).filnavn ?? 'upload';
        const result = await outcomes.import(principalOf(request), actorOf(request), planOf(request).id, request.body, { fileName, contentType: request.headers['content-type'] });
        if (result.status === 'rejected') {
          return reply.code(422).send({
            error: {
              code: 'importfejl',
              message: `Filen blev ikke importeret: ${result.problemCount === 1 ? 'der er 1 fejl' : `der er ${result.problemCount.toLocaleString('da-DK')} fejl`}. Ret dem og importér filen igen.`,
              problemCount: result.problemCount,
              rows: result.problems,
            },
          });
        }
        return { imported: result.imported, updated: result.updated, unchanged: result.unchanged, importId: result.importId };
      },
    );

    app.get(
      '/api/v1/outcomes/cohorts',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags: ['udfald'],
          summary: 'En aktivitets kohorte før og efter start i vinduer af skolehalvår, sammenlignet med områderne og kommunen; små tal er skjult',
          querystring: Type.Object({
            activity: Type.String({ maxLength: 100 }),
            measure: Type.String({ maxLength: 100 }),
            windows: Type.Optional(Type.String({ maxLength: 100, description: 'Skolehalvår fra start, fx -1,1,2 (standard)' })),
            planYear: Type.Optional(Type.String({ maxLength: 10, description: 'Kun deltagere, der startede i planåret, fx 2025 for 2025/26' })),
          }),
          response: { 200: Type.Any(), 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const q = request.query as { activity: string; measure: string; windows?: string; planYear?: string };
        const view = await outcomes.cohort(planOf(request).id, q);
        const r = view.result;
        const t = r.threshold;
        return {
          activity: view.activity,
          measure: { key: view.measure.key, name: view.measure.name, periodKind: view.measure.periodKind },
          planYear: view.planYear,
          threshold: t,
          enrolled: count(r.enrolled, t),
          windows: r.windows.map((w, i) => ({
            offset: w.offset,
            label: w.label,
            n: count(w.n, t),
            distribution: r.distribution
              ? r.distribution.values.map((v, j) => {
                  const share = r.distribution!.rows[i]!.shares[j]!;
                  return { value: v.value, label: v.label, count: count(r.distribution!.rows[i]!.counts[j]!, t), share: share.shown ? share.value * 100 : null };
                })
              : null,
          })),
          statistics: r.statistics.map((s) => ({
            key: s.key, label: s.label, kind: s.kind, indicator: s.indicator, indicatorName: s.indicator ? view.indicatorNames[s.indicator] ?? null : null,
            cohort: s.cohort.map(figure),
            comparisons: s.comparisons.map((c) => ({ scope: c.scope, label: c.label, windows: c.cells })),
          })),
        };
      },
    );

    app.get(
      '/api/v1/outcomes/journeys',
      {
        config: { access: 'dashboard.read' },
        schema: { tags: ['udfald'], summary: 'Deltagere og familier i flere aktiviteter, par af aktiviteter med fælles familier og henvisninger mellem aktiviteter; små tal er skjult', response: { 200: Type.Any() } },
      },
      async (request) => {
        const view = await outcomes.journeys(planOf(request).id);
        const r = view.result;
        const t = r.threshold;
        const rows = (list: typeof r.participants) => list.map((row) => ({ period: row.label, one: count(row.cells[0]!, t), two: count(row.cells[1]!, t), threeOrMore: count(row.cells[2]!, t), total: count(row.total, t) }));
        const f = r.flows;
        return {
          threshold: t,
          participants: rows(r.participants),
          families: rows(r.families),
          pairs: r.pairs.map((p) => ({ a: p.a, b: p.b, families: p.families })),
          pairsNotShown: r.pairsNotShown,
          referrals: {
            from: f.from.map((k) => (k.startsWith('partner:') ? { partner: f.partnerNames[k] ?? '' } : { activity: k })),
            to: f.to,
            cells: f.table.cells.map((row) => row.map((c) => count(c, t))),
            rowTotals: f.table.rowTotals?.map((c) => count(c, t)) ?? [],
            columnTotals: f.table.columnTotals?.map((c) => count(c, t)) ?? [],
            total: f.table.grandTotal ? count(f.table.grandTotal, t) : null,
          },
        };
      },
    );
  };
}
