import type { ComponentChildren } from 'preact';
import type { Principal } from '../auth/principal.js';
import { ROLE_LABELS } from '../auth/permissions.js';
import { navigationFor } from './navigation.js';
import { site } from './site.js';

export interface PageContext {
  principal: Principal | null;
  /** The CSRF token for forms on the page (session token when signed in, anonymous token otherwise). */
  csrf: string;
  path: string;
  flash?: string | null;
}

interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** Set when the page shows form errors: the title then starts with "Fejl: " (WCAG 3.3.1, DKFDS). */
  hasErrors?: boolean;
  children: ComponentChildren;
}

function isCurrent(href: string, path: string): boolean {
  const clean = path.split('?')[0] ?? path;
  return href === '/' ? clean === '/' : clean === href || clean.startsWith(`${href}/`);
}

export function Layout({ ctx, title, hasErrors, children }: LayoutProps) {
  const { principal } = ctx;
  const nav = navigationFor(principal);
  const roleText = principal?.roles.map((r) => ROLE_LABELS[r]).join(', ');
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? 'Fejl: ' : ''}${title} – Helhed`}</title>
        <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/static/helhed.css" />
        <script src="/static/dkfds/js/dkfds.min.js" defer></script>
        <script src="/static/helhed.js" defer></script>
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          Gå til sidens indhold
        </a>
        <header class="header helhed-header">
          <div class="solution-info">
            <div class="solution-info-inner container">
              <div class="solution-heading">
                <a href="/" aria-label="Helhed, til forsiden">
                  Helhed
                </a>
              </div>
              <div class="additional-info">
                {principal?.plan ? (
                  <p>
                    <strong class="authority-name">{principal.plan.name}</strong>
                  </p>
                ) : null}
                {principal ? (
                  <div class="helhed-user">
                    <p>
                      <a href="/profil">{principal.name}</a>
                      {roleText ? <span>{` · ${roleText}`}</span> : null}
                      {principal.organisationName ? <span>{` · ${principal.organisationName}`}</span> : null}
                    </p>
                    <form method="post" action="/logud" class="inline-form d-print-none">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" class="function-link">
                        Log af
                      </button>
                    </form>
                  </div>
                ) : (
                  <p class="d-print-none">
                    <a href="/logind">Log ind</a>
                  </p>
                )}
              </div>
            </div>
          </div>
          {nav.length > 0 ? (
            <div class="navigation-menu helhed-nav d-print-none">
              <div class="navigation-menu-inner container">
                <nav class="nav" aria-label="Hovedmenu">
                  <ul class="mainmenu">
                    {nav.map((item) => {
                      const current = isCurrent(item.href, ctx.path);
                      return (
                        <li class={current ? 'active current' : undefined}>
                          <a href={item.href} class="nav-link" aria-current={current ? 'page' : undefined}>
                            <span>{item.label}</span>
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
              </div>
            </div>
          ) : null}
        </header>
        <main id="main-content" class="container page-container">
          {site.demo ? (
            <div class="alert alert-warning helhed-demo" role="note">
              <div class="alert-body">
                <p class="alert-heading">Demodata</p>
                <p class="alert-text">Denne installation indeholder syntetiske demodata. Personer, tal og hændelser fra demodata er opdigtede.</p>
              </div>
            </div>
          ) : null}
          {ctx.flash ? (
            <div class="alert alert-success" role="status">
              <div class="alert-body">
                <p class="alert-text">{ctx.flash}</p>
              </div>
            </div>
          ) : null}
          {children}
        </main>
        <footer class="helhed-footer d-print-none">
          <div class="container">
            <p>Helhed · opfølgning på boligsociale helhedsplaner</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
