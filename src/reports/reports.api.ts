import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { sendFile } from './reports.pages.js';
import { PDF_TYPE, reportServiceFor, XLSX_TYPE } from './reports.service.js';

const Kind = Type.Union([Type.Literal('fremdrift'), Type.Literal('datarapport'), Type.Literal('aarsrapport')]);
const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()], { description: 'Tekst (fx «<5»), et tal (formateret efter kolonnen) eller intet' });
const Column = Type.Object({
  label: Type.String(),
  format: Type.Union(['text', 'integer', 'decimal1', 'percent1', 'dkk', 'date'].map((f) => Type.Literal(f)), {
    description: 'percent1: procentpoint (43,7 er 43,7 %); dkk: hele kroner; date: ISO-dato',
  }),
});
const Table = { columns: Type.Array(Column), rows: Type.Array(Type.Array(Cell)) };
const Block = Type.Union([
  Type.Object({ kind: Type.Literal('paragraph'), text: Type.String() }),
  Type.Object({ kind: Type.Literal('list'), items: Type.Array(Type.String()) }),
  Type.Object({ kind: Type.Literal('figures'), items: Type.Array(Type.Object({ label: Type.String(), value: Type.String(), note: Type.Optional(Type.String()) })) }),
  Type.Object({ kind: Type.Literal('table'), caption: Type.String(), ...Table, note: Type.Optional(Type.String()) }),
  Type.Object({
    kind: Type.Literal('chart'),
    title: Type.String(),
    svg: Type.String({ description: 'Færdig SVG (role="img" med titel)' }),
    description: Type.String(),
    table: Type.Optional(Type.Object(Table)),
  }),
]);
const ReportDocumentSchema = Type.Object({
  kind: Kind,
  subjectKey: Type.String(),
  title: Type.String(),
  subtitle: Type.String(),
  planName: Type.String(),
  cutoffDate: Type.String({ description: 'Sidste dag, hvis data er med (ISO-dato)' }),
  generatedAt: Type.String({ description: 'Hvornår dokumentet blev bygget' }),
  sections: Type.Array(Type.Object({ key: Type.String(), title: Type.String(), blocks: Type.Array(Block), sources: Type.Array(Type.String()) })),
});
const EditionSummarySchema = Type.Object({
  id: Type.String(),
  kind: Kind,
  subjectKey: Type.String(),
  edition: Type.Integer({ description: 'Udgavens nummer, 1, 2, … pr. rapport' }),
  title: Type.String(),
  cutoffDate: Type.String(),
  sha256: Type.String({ description: 'SHA-256 af det frosne indhold (JSON)' }),
  frozenAt: Type.String(),
  frozenBy: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});
const OverviewResponse = Type.Object({
  kinds: Type.Array(
    Type.Object({
      kind: Kind,
      name: Type.String(),
      description: Type.String(),
      mayFreeze: Type.Boolean({ description: 'Om den, der spørger, må fryse denne rapporttype' }),
      subjects: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), editions: Type.Array(EditionSummarySchema) })),
      otherEditions: Type.Array(EditionSummarySchema),
    }),
  ),
});
const EditionResponse = Type.Object({ edition: EditionSummarySchema, document: ReportDocumentSchema });
const Change = Type.Object(
  {
    kind: Type.String({ description: 'paragraph, list-item, figure, table, column, row, cell, chart eller source' }),
    before: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    after: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    label: Type.Optional(Type.String()),
    table: Type.Optional(Type.String()),
    row: Type.Optional(Type.String()),
    column: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    change: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
const ChangesResponse = Type.Object({
  edition: EditionSummarySchema,
  against: Type.Union([Type.Literal('previous'), Type.Literal('draft')]),
  base: Type.Union([Type.Object({ label: Type.String(), cutoffDate: Type.String(), edition: Type.Union([EditionSummarySchema, Type.Null()]) }), Type.Null()], {
    description: 'Det, udgaven sammenlignes med; null for den første udgave sammenlignet med den forrige',
  }),
  comparison: Type.Union([
    Type.Object({
      unchanged: Type.Boolean(),
      header: Type.Array(Type.Object({ field: Type.String(), before: Type.String(), after: Type.String() })),
      sections: Type.Array(
        Type.Object({ key: Type.String(), title: Type.String(), status: Type.String(), previousTitle: Type.Optional(Type.String()), changes: Type.Array(Change) }),
      ),
    }),
    Type.Null(),
  ]),
});

const SubjectParams = Type.Object({ kind: Type.String({ maxLength: 40 }), subject: Type.String({ maxLength: 200 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const CutoffQuery = Type.Object({ cutoff: Type.Optional(Type.String({ maxLength: 20, description: 'Skæringsdato ÅÅÅÅ-MM-DD; som standard i dag' })) });
const FreezeBody = Type.Object(
  {
    cutoffDate: Type.String({ minLength: 1, maxLength: 20, description: 'Skæringsdatoen, rapporten leveres med (ÅÅÅÅ-MM-DD, senest i dag)' }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const Binary = (type: string, what: string) => ({ description: what, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

/** JSON API of reports and their frozen editions (issue 6). Frozen editions have no route that changes or deletes them. */
export function reportsApi(services: AppServices): FastifyPluginAsync {
  const reports = reportServiceFor(services);
  const tags = ['rapporter'];
  return async (app) => {
    app.get(
      '/api/v1/reports',
      { config: { access: 'reports.read' }, schema: { tags, summary: 'Rapporttyperne, hvad de kan laves for, og deres frosne udgaver', response: { 200: OverviewResponse } } },
      async (request) => ({ kinds: await reports.overview(principalOf(request), planOf(request).id) }),
    );

    app.get(
      '/api/v1/reports/:kind/:subject',
      {
        config: { access: 'reports.read' },
        schema: { tags, summary: 'Udkastet til en rapport bygget med data til og med skæringsdatoen', params: SubjectParams, querystring: CutoffQuery, response: { 200: ReportDocumentSchema, 400: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) => {
        const { kind, subject } = request.params as { kind: string; subject: string };
        return (await reports.draft(planOf(request).id, kind, subject, (request.query as { cutoff?: string }).cutoff, 'cutoff')).document;
      },
    );

    for (const [file, type, label, render] of [
      ['report.pdf', PDF_TYPE, 'PDF', reports.pdf.bind(reports)],
      ['report.xlsx', XLSX_TYPE, 'XLSX', reports.xlsx.bind(reports)],
    ] as const) {
      app.get(
        `/api/v1/reports/:kind/:subject/${file}`,
        {
          config: { access: 'reports.read' },
          schema: {
            tags,
            summary: `Udkastet til en rapport som ${label}`,
            params: SubjectParams,
            querystring: CutoffQuery,
            produces: [type],
            response: { 200: Binary(type, `Rapporten som ${label}`), 400: ApiErrorSchema, 404: ApiErrorSchema },
          },
        },
        async (request, reply) => {
          const { kind, subject } = request.params as { kind: string; subject: string };
          const { document } = await reports.draft(planOf(request).id, kind, subject, (request.query as { cutoff?: string }).cutoff, 'cutoff');
          return sendFile(reply, await render(document, { kind: 'draft' }));
        },
      );
      app.get(
        `/api/v1/reports/editions/:id/${file}`,
        {
          config: { access: 'reports.read' },
          schema: { tags, summary: `En frossen udgave som ${label}`, params: IdParams, produces: [type], response: { 200: Binary(type, `Udgaven som ${label}`), 404: ApiErrorSchema } },
        },
        async (request, reply) => {
          const edition = await reports.edition(planOf(request).id, (request.params as { id: string }).id);
          return sendFile(reply, await render(edition.document, reports.statusOf(edition)));
        },
      );
    }

    app.post(
      '/api/v1/reports/:kind/:subject/editions',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: 'Frys rapporten bygget med skæringsdatoen som næste udgave (fremdrift og årsrapport: sekretariatet; datarapport: monitoreringsenheden eller sekretariatet)',
          params: SubjectParams,
          body: FreezeBody,
          response: { 201: EditionSummarySchema, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const { kind, subject } = request.params as { kind: string; subject: string };
        const body = request.body as { cutoffDate: string; note?: string | null };
        const edition = await reports.freeze(principalOf(request), actorOf(request), planOf(request).id, kind, subject, { cutoffDate: body.cutoffDate, note: body.note ?? null }, 'cutoffDate');
        return reply.code(201).send(edition);
      },
    );

    app.get(
      '/api/v1/reports/editions/:id',
      { config: { access: 'reports.read' }, schema: { tags, summary: 'En frossen udgave med sit indhold, som det blev leveret', params: IdParams, response: { 200: EditionResponse, 404: ApiErrorSchema } } },
      async (request) => {
        const { document, ...edition } = await reports.edition(planOf(request).id, (request.params as { id: string }).id);
        return { edition, document };
      },
    );

    app.get(
      '/api/v1/reports/editions/:id/changes',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: 'Hvad der er ændret: fra den forrige udgave til denne, eller fra denne til udkastet (against=draft)',
          params: IdParams,
          querystring: Type.Object({
            against: Type.Optional(Type.Union([Type.Literal('previous'), Type.Literal('draft')], { default: 'previous' })),
            cutoff: Type.Optional(Type.String({ maxLength: 20, description: 'Udkastets skæringsdato; som standard udgavens' })),
          }),
          response: { 200: ChangesResponse, 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const query = request.query as { against?: 'previous' | 'draft'; cutoff?: string };
        const against = query.against ?? 'previous';
        const { edition, base, comparison } = await reports.changes(planOf(request).id, (request.params as { id: string }).id, against, query.cutoff);
        const { document: _document, ...summaryOfEdition } = edition;
        return { edition: summaryOfEdition, against, base: base ? { label: base.label, cutoffDate: base.cutoffDate, edition: base.edition } : null, comparison };
      },
    );
  };
}
