import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../auth/permissions.js';
import { principalOf } from '../auth/request-actor.js';
import { formatDate } from './components.js';
import { Layout, type PageContext } from './layout.js';
import { navigationFor } from './navigation.js';
import { pageContext, sendPage } from './page.js';


function HomePage({ ctx, period }: { ctx: PageContext; period: { start: string; end: string } | null }) {
  const p = ctx.principal!;
  const links = navigationFor(p).filter((item) => item.href !== '/');
  return (
    <Layout ctx={ctx} title="Forside">
      <h1>{p.plan?.name ?? 'Helhed'}</h1>
      {period ? (
        <p class="font-lead">
          Planperiode {formatDate(period.start)} – {formatDate(period.end)}
        </p>
      ) : (
        <p class="font-lead">Du har endnu ingen rolle i en plan. Bed en administrator om adgang.</p>
      )}
      <h2>Din adgang</h2>
      {p.roles.length > 0 ? (
        <ul>
          {p.roles.map((r) => (
            <li>
              <strong>{ROLE_LABELS[r]}</strong>: {ROLE_DESCRIPTIONS[r]}
              {r === 'partner' && p.organisationName ? ` (${p.organisationName})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Ingen roller i denne plan.</p>
      )}
      {links.length > 0 ? (
        <>
          <h2>Gå til</h2>
          <ul>
            {links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function homeRoutes(_services: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.get('/', { config: { access: 'authenticated' }, schema: { hide: true } }, async (request, reply) => {
      const plan = principalOf(request).plan;
      return sendPage(reply, <HomePage ctx={pageContext(request, reply)} period={plan ? { start: plan.periodStart, end: plan.periodEnd } : null} />);
    });
  };
}
