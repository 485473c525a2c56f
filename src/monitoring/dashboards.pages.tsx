import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { AppServices } from '../app.js';
import { recordAudit } from '../audit/audit.service.js';
import { allows, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { NotFoundError } from '../errors/errors.js';
import type { AreaContent } from '../plan/content/types.js';
import { danishDateOf } from '../time/copenhagen.js';
import { Layout } from '../web/layout.js';
import { pageContext, sendPage } from '../web/page.js';
import { renderDocument } from '../web/render.js';
import { areaCriteria, warningsView } from './criteria.present.js';
import { CriteriaPage, EarlyWarnings } from './criteria.views.js';
import { areaSets, boardView, cellView, indicatorCharts, indicatorCompleteness, lastLoadedOf, placeOf, setChart, statusSets, valuesByScope } from './dashboard.present.js';
import { AreaDashboardPage, BoardBody, BoardPage, BODY_MARK, IndicatorDashboardBody, InterventionAreaBody, InterventionAreaDashboardPage, KeptBodyPage, type IndicatorChart } from './dashboard.views.js';
import { CRITERIA_SET } from './indicator-catalogue.js';
import { seesUnsuppressed } from './measurement-suppression.js';
import { exportRows, toCsv, toXlsx } from './measurement-export.js';
import type { MonitoringModel } from './monitoring-model.js';
import { measurementScopes } from './scopes.js';

const page = { schema: { hide: true } } as const;
/** How many indicator drill-downs are kept per model (each up to about a megabyte at many times Randers' data). */
const KEPT_INDICATOR_PAGES = 32;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

const ExportQuery = Type.Object({
  saet: Type.Optional(Type.String({ maxLength: 100 })),
  indikator: Type.Optional(Type.String({ maxLength: 100 })),
});

/**
 * Sends a page whose body (see BODY_MARK) was rendered and kept beforehand, as sendPage sends any page. The kept body
 * is spliced in as bytes, so that a request copies it once rather than building a string of it.
 */
function sendPageWithBody(reply: FastifyReply, page: VNode, body: Buffer): FastifyReply {
  const html = renderDocument(page);
  const at = html.indexOf(BODY_MARK);
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(Buffer.concat([Buffer.from(html.slice(0, at)), body, Buffer.from(html.slice(at + BODY_MARK.length))]));
}

/**
 * The monitoring dashboards: the board's overview, one area, one intervention area, one indicator, the state's
 * criteria with the early warning, and the exports of the current values. Viewers other than monitorering and
 * administrator see small numbers hidden; exports hide them for everyone.
 */
export function dashboardPages(services: AppServices): FastifyPluginAsync {
  const { monitoring, config } = services;
  const threshold = config.monitoring.smallNumberThreshold;
  // Bodies of the board and the intervention areas' pages, rendered once per model (a new model comes with every
  // change of data or plan) and kind of viewer: at many times Randers' size they are thousands of cells and dozens of
  // charts, and the board is the page everyone opens.
  const fragments = new WeakMap<MonitoringModel, Map<string, Buffer>>();

  const unsuppressedFor = (request: FastifyRequest) => seesUnsuppressed(principalOf(request).roles);

  return async (app) => {
    /**
     * A page body rendered once per model and key, and kept as bytes for as long as the model is current. Of the
     * indicators' drill-downs (one per indicator and kind of viewer) only the most recently asked are kept.
     */
    const fragment = (model: MonitoringModel, key: string, build: () => VNode): Buffer => {
      let cached = fragments.get(model);
      if (!cached) {
        cached = new Map();
        fragments.set(model, cached);
      }
      let body = cached.get(key);
      if (body === undefined) {
        body = Buffer.from(render(build()));
        if (key.startsWith('indicator|')) {
          const kept = [...cached.keys()].filter((k) => k.startsWith('indicator|'));
          if (kept.length >= KEPT_INDICATOR_PAGES) cached.delete(kept[0]!);
        }
      } else {
        // Last asked, last out.
        cached.delete(key);
      }
      cached.set(key, body);
      return body;
    };

    app.get('/overvaagning', access('dashboard.read'), async (request, reply) => {
      const view = await monitoring.view(planOf(request).id);
      const unsuppressed = unsuppressedFor(request);
      const body = fragment(view.model, `board|${unsuppressed}`, () => <BoardBody board={boardView(view, unsuppressed)} />);
      return sendPageWithBody(reply, <BoardPage ctx={pageContext(request, reply)} unsuppressed={unsuppressed} />, body);
    });

    app.get('/overvaagning/omraader/:slug', access('dashboard.read'), async (request, reply) => {
      const view = await monitoring.view(planOf(request).id);
      const area = view.snapshot.find<AreaContent>('area', (request.params as { slug: string }).slug);
      if (!area) throw new NotFoundError('Boligområdet findes ikke i planen. Vælg et område på monitoreringens forside.');
      const unsuppressed = unsuppressedFor(request);
      const { sets, counts } = areaSets(view, area.data.slug, unsuppressed);
      return sendPage(
        reply,
        <AreaDashboardPage
          ctx={pageContext(request, reply)}
          view={{
            area: { slug: area.data.slug, name: area.data.name },
            sets,
            counts,
            lastLoaded: lastLoadedOf(view.model),
            criteria: areaCriteria(view.model, area.data, unsuppressed),
            unsuppressed,
          }}
        />,
      );
    });

    app.get('/overvaagning/indsatsomraader/:slug', access('dashboard.read'), async (request, reply) => {
      const view = await monitoring.view(planOf(request).id);
      const slug = (request.params as { slug: string }).slug;
      const set = statusSets(view.catalogue).find((s) => s.slug === slug && s.slug !== 'lbf');
      if (!set) throw new NotFoundError('Indsatsområdet findes ikke i planen. Vælg et indsatsområde på monitoreringens forside.');
      const unsuppressed = unsuppressedFor(request);
      const body = fragment(view.model, `set|${set.slug}|${unsuppressed}`, () => {
        const charts = new Map<string, IndicatorChart>();
        for (const g of set.groups) for (const i of g.indicators) charts.set(i.code, { code: i.code, name: i.name, chart: setChart(view, i, unsuppressed, threshold) });
        return <InterventionAreaBody view={{ board: boardView(view, unsuppressed, set), charts, unsuppressed }} />;
      });
      return sendPageWithBody(reply, <InterventionAreaDashboardPage ctx={pageContext(request, reply)} set={{ slug: set.slug, name: set.name }} unsuppressed={unsuppressed} />, body);
    });

    app.get('/overvaagning/indikatorer/:code', access('dashboard.read'), async (request, reply) => {
      const plan = planOf(request);
      const view = await monitoring.view(plan.id);
      const code = (request.params as { code: string }).code;
      const definition = view.catalogue.definitions.get(code);
      if (!definition) throw new NotFoundError('Indikatoren findes ikke i planen eller blandt statens kriterier. Vælg en indikator på monitoreringens forside.');
      const unsuppressed = unsuppressedFor(request);
      const mayCorrect = allows('monitoring.import', true, principalOf(request).roles);
      const today = danishDateOf(services.clock());
      const body = fragment(view.model, `indicator|${code}|${unsuppressed}|${mayCorrect}|${today}`, () => {
        const place = placeOf(view.catalogue, code);
        const indicator = view.catalogue.planIndicators.get(code);
        const charts = indicatorCharts(view, definition, unsuppressed, threshold);
        return (
          <IndicatorDashboardBody
            view={{
              code,
              name: definition.name,
              unit: definition.unit,
              direction: definition.direction,
              dataSource: definition.dataSource,
              place: place ? { setSlug: place.set.slug, setName: place.set.name, groupTitle: place.group.title } : null,
              inPlan: indicator !== undefined,
              baselines: indicator?.baselines ?? [],
              areaNames: new Map(view.snapshot.areas().map((a) => [a.data.slug, a.data.name])),
              mainChart: charts.main,
              areaCharts: charts.areas,
              statuses: measurementScopes(view.snapshot).map((s) => ({ label: s.label, areaSlug: s.areaSlug ?? null, cell: cellView(view.model, definition.unit, code, s.scope, unsuppressed) })),
              values: valuesByScope(view.snapshot, view.model, definition.unit, code, unsuppressed),
              completeness: indicatorCompleteness(view.snapshot, view.model, definition, plan.periodStart, today),
              unsuppressed,
              mayCorrect,
            }}
          />
        );
      });
      return sendPageWithBody(reply, <KeptBodyPage ctx={pageContext(request, reply)} title={`Monitorering: ${definition.name}`} />, body);
    });

    app.get('/overvaagning/kriterier', access('dashboard.read'), async (request, reply) => {
      const view = await monitoring.view(planOf(request).id);
      const unsuppressed = unsuppressedFor(request);
      const areas = view.snapshot.areas().map((a) => a.data);
      return sendPage(
        reply,
        <CriteriaPage ctx={pageContext(request, reply)} areas={areas.map((a) => areaCriteria(view.model, a, unsuppressed))} warnings={warningsView(view.model, areas, unsuppressed)} />,
      );
    });

    app.get('/overvaagning/tidlig-varsling', access('dashboard.read'), async (request, reply) => {
      const view = await monitoring.view(planOf(request).id);
      const warnings = warningsView(view.model, view.snapshot.areas().map((a) => a.data), unsuppressedFor(request));
      return sendPage(
        reply,
        <Layout ctx={pageContext(request, reply)} title="Tidlig varsling">
          <p class="d-print-none">
            <a class="back-link" href="/overvaagning/kriterier">
              Statens kriterier
            </a>
          </p>
          <p class="helhed-kicker">Monitorering</p>
          <h1>Tidlig varsling om statens kriterier</h1>
          <EarlyWarnings warnings={warnings} headingLevel={2} />
        </Layout>,
      );
    });

    // Exports: always suppressed, whoever asks, and recorded in the audit log.

    async function exportFor(request: FastifyRequest) {
      const plan = planOf(request);
      const view = await monitoring.view(plan.id);
      const { saet, indikator } = request.query as { saet?: string; indikator?: string };
      let codes: Set<string> | undefined;
      const described: string[] = [];
      if (saet !== undefined && saet !== '') {
        const set = view.catalogue.sets.find((s) => s.slug === saet);
        if (!set) throw new NotFoundError(`Indikatorsættet «${saet}» findes ikke. Brug «lbf», et indsatsområdes kortnavn eller «${CRITERIA_SET}».`);
        codes = new Set(set.groups.flatMap((g) => g.indicators.map((i) => i.code)));
        described.push(set.name);
      }
      if (indikator !== undefined && indikator !== '') {
        if (!view.catalogue.definitions.has(indikator)) throw new NotFoundError(`Indikatoren «${indikator}» findes ikke.`);
        codes = new Set([...(codes ?? [indikator])].filter((c) => c === indikator));
        described.push(`indikator ${indikator}`);
      }
      const rows = exportRows(view, codes ? { codes } : {});
      const filter = described.length > 0 ? described.join(', ') : 'Alle indikatorer';
      return { plan, rows, filter, date: danishDateOf(services.clock()) };
    }

    const audit = (request: FastifyRequest, format: string, rows: number, filter: string) =>
      recordAudit(services.database.db, actorOf(request), {
        action: 'export',
        entityType: 'measurements',
        summary: `Målinger eksporteret som ${format}: ${rows} ${rows === 1 ? 'række' : 'rækker'} (${filter}; små tal skjult)`,
      });

    app.get('/overvaagning/eksport.csv', { ...access('dashboard.read'), schema: { hide: true, querystring: ExportQuery } }, async (request, reply) => {
      const { rows, filter, date } = await exportFor(request);
      await audit(request, 'CSV', rows.length, filter);
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="helhed-maalinger-${date}.csv"`)
        .send(toCsv(rows));
    });

    app.get('/overvaagning/eksport.xlsx', { ...access('dashboard.read'), schema: { hide: true, querystring: ExportQuery } }, async (request, reply) => {
      const { plan, rows, filter, date } = await exportFor(request);
      const file = await toXlsx(rows, { title: `Målinger fra ${plan.name}`, createdAt: services.clock(), filter });
      await audit(request, 'XLSX', rows.length, filter);
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="helhed-maalinger-${date}.xlsx"`)
        .send(file);
    });
  };
}
