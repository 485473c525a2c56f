import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import type { RegisteredRoute } from '../auth/guard.js';
import { Layout, type PageContext } from '../web/layout.js';
import { pageContext, sendPage } from '../web/page.js';

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string } }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
  'x-helhed-access'?: string;
}
type OpenApiDocument = { info: { title: string; description?: string }; paths: Record<string, Record<string, OpenApiOperation>> };

const ACCESS_TEXT: Record<string, string> = { public: 'Ingen login', authenticated: 'Enhver indlogget bruger' };

/** The generated document, with each operation's required access added so that clients can see it. */
function documentWithAccess(doc: OpenApiDocument, routes: RegisteredRoute[]): OpenApiDocument {
  const copy = structuredClone(doc);
  for (const [path, ops] of Object.entries(copy.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const route = routes.find((r) => r.url === fastifyPath && r.method === method.toUpperCase());
      if (route) op['x-helhed-access'] = route.access;
    }
  }
  return copy;
}

function ApiDocsPage({ ctx, doc }: { ctx: PageContext; doc: OpenApiDocument }) {
  const entries = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return (
    <Layout ctx={ctx} title="API-dokumentation">
      <h1>API-dokumentation</h1>
      <p>{doc.info.description}</p>
      <p>
        Maskinlæsbar beskrivelse (OpenAPI 3): <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
      <h2>Adgange</h2>
      <ul class="nobullet-list">
        {entries.map(({ path, method }) => (
          <li class="helhed-api-path">
            <a href={`#${method}-${path}`.replace(/[^a-zA-Z0-9-]/g, '-')}>
              <code>{method}</code> {path}
            </a>
          </li>
        ))}
      </ul>
      {entries.map(({ path, method, op }) => {
        const access = op['x-helhed-access'] ?? '';
        const body = op.requestBody?.content?.['application/json']?.schema;
        return (
          <section id={`${method}-${path}`.replace(/[^a-zA-Z0-9-]/g, '-')} class="mt-7">
            <h2 class="h3 helhed-api-path">
              <code>{method}</code> {path}
            </h2>
            <p>{op.summary}</p>
            <p>
              <strong>Kræver:</strong> {ACCESS_TEXT[access] ?? `rettigheden ${access}`}
            </p>
            {op.parameters && op.parameters.length > 0 ? (
              <div class="table--responsive-scroll" tabIndex={0}>
                <table class="table">
                  <caption>Parametre</caption>
                  <thead>
                    <tr>
                      <th scope="col">Navn</th>
                      <th scope="col">Hvor</th>
                      <th scope="col">Type</th>
                      <th scope="col">Påkrævet</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr>
                        <td>
                          <code>{p.name}</code>
                        </td>
                        <td>{p.in}</td>
                        <td>{p.schema?.type ?? ''}</td>
                        <td>{p.required ? 'Ja' : 'Nej'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {body ? (
              <>
                <h3 class="h5">Indhold (JSON)</h3>
                <pre class="helhed-mono">{JSON.stringify(body, null, 2)}</pre>
              </>
            ) : null}
            <h3 class="h5">Svar</h3>
            <ul>
              {Object.entries(op.responses ?? {}).map(([status, r]) => (
                <li>
                  <code>{status}</code> {r.description ?? ''}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

export function apiDocsRoutes(_services: AppServices, routes: RegisteredRoute[]): FastifyPluginAsync {
  return async (app) => {
    const doc = () => documentWithAccess(app.swagger() as unknown as OpenApiDocument, routes);
    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => doc());
    app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => sendPage(reply, <ApiDocsPage ctx={pageContext(request, reply)} doc={doc()} />));
  };
}
