import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { planOf } from '../auth/request-actor.js';
import { NotFoundError } from '../errors/errors.js';
import type { PlanContent } from '../plan/content/index.js';
import type { AreaContent } from '../plan/content/types.js';
import type { InterventionAreaData, PlanElement } from '../plan/plan-snapshot.js';
import { formText } from '../web/form.js';
import { pageContext, sendPage } from '../web/page.js';
import { AddressInputError, type Resolution } from './address-resolver.js';
import { AddressLookupPage, AreaPage, AreasPage, type AreaBaseline } from './areas.views.js';

/** The longest address the lookup reads; the resolver refuses longer ones with its own message. */
const MAX_QUERY = 500;

/** Pages about the plan's seven areas: the list with totals, one page per area, and the address lookup. */
export function areaPages({ plan }: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.get('/omraader', { config: { access: 'plan.read' }, schema: { hide: true } }, async (request, reply) => {
      const snapshot = await plan.snapshot(planOf(request).id);
      const notes = snapshot.ofKind<{ totals: PlanContent['totals'] | null }>('plan-notes')[0];
      return sendPage(reply, <AreasPage ctx={pageContext(request, reply)} areas={snapshot.areas().map((a) => a.data)} totals={notes?.data.totals ?? null} />);
    });

    app.get('/omraader/:slug', { config: { access: 'plan.read' }, schema: { hide: true } }, async (request, reply) => {
      const snapshot = await plan.snapshot(planOf(request).id);
      const area = snapshot.find<AreaContent>('area', (request.params as { slug: string }).slug);
      if (!area) throw new NotFoundError('Boligområdet findes ikke i planen.');
      const activities = snapshot.activitiesForArea(area.data.slug).map((a) => {
        const ia = snapshot.parentOf(a) as PlanElement<InterventionAreaData> | undefined;
        return { slug: a.data.slug, name: a.data.name, interventionArea: ia ? { slug: ia.data.slug, name: ia.data.name } : null, named: a.data.targetGroup.areas.includes(area.data.slug) };
      });
      const scope = `area:${area.data.slug}`;
      const baselines: AreaBaseline[] = snapshot
        .indicators()
        .flatMap((i) => i.data.baselines.filter((b) => b.scope === scope).map((baseline) => ({ indicator: { code: i.data.code, name: i.data.name }, baseline })));
      return sendPage(
        reply,
        <AreaPage
          ctx={pageContext(request, reply)}
          area={area.data}
          version={{ id: area.id, version: area.version, updatedAt: area.updatedAt, updatedBy: area.updatedBy }}
          activities={activities}
          baselines={baselines}
        />,
      );
    });

    app.get('/adresseopslag', { config: { access: 'plan.read' }, schema: { hide: true } }, async (request, reply) => {
      const input = formText(request.query, 'adresse').slice(0, MAX_QUERY);
      const ctx = pageContext(request, reply);
      if (input.trim() === '') return sendPage(reply, <AddressLookupPage ctx={ctx} input="" result={null} />);
      const resolver = (await plan.snapshot(planOf(request).id)).resolver();
      let result: Resolution;
      try {
        result = resolver.resolve(input);
      } catch (error) {
        if (error instanceof AddressInputError) return sendPage(reply, <AddressLookupPage ctx={ctx} input={input} result={null} errors={[{ field: 'adresse', message: error.message }]} />, 400);
        throw error;
      }
      // A miss on a street the plan lists is explained with the plan's numbers for it.
      const listings = result.area ? [] : resolver.listingsFor(result.address.street).map((l) => ({ street: l.street, numbers: l.numbers, area: { slug: l.areaSlug, name: l.areaName } }));
      return sendPage(reply, <AddressLookupPage ctx={ctx} input={input} result={result} listings={listings} />);
    });
  };
}
