import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { planOf } from '../auth/request-actor.js';
import { NotFoundError, ValidationError } from '../errors/errors.js';
import { present } from '../plan/plan.present.js';
import { AddressInputError, type Resolution } from './address-resolver.js';
import { MAX_BULK_ADDRESSES, readCsv, readPlainText } from './bulk-input.js';

const AreaRef = Type.Object({ slug: Type.String(), name: Type.String() });
const ResolutionSchema = Type.Object({
  area: Type.Union([AreaRef, Type.Null()]),
  matched: Type.Union([Type.String({ description: 'Planens regel, der passede, fx «Husarvej ulige numre 41-45»' }), Type.Null()]),
  reason: Type.Optional(Type.String({ description: 'Hvorfor adressen ikke ligger i et af planens områder' })),
  listings: Type.Optional(Type.Array(Type.String(), { description: 'Planens numre for gaden, når nummeret ligger uden for dem' })),
});
const BulkLineSchema = Type.Object({
  line: Type.Integer({ description: 'Nummeret i listen, fra 1 (adressen selv gentages ikke, så svaret holdes lille)' }),
  area: Type.Union([AreaRef, Type.Null()]),
  matched: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Optional(Type.String()),
  error: Type.Optional(Type.String({ description: 'Linjen kan ikke læses som en adresse' })),
});

/** Bulk files may be large: 100,000 addresses is a few megabytes. */
const BULK_BODY_LIMIT = 32 * 1024 * 1024;

function answer(resolution: Resolution) {
  return resolution.area
    ? { area: resolution.area, matched: resolution.matched }
    : { area: null, matched: null, reason: resolution.reason };
}

export function areasApi({ plan }: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: BULK_BODY_LIMIT }, (_request, body, done) => done(null, body));

    app.get(
      '/api/v1/areas',
      { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'De syv boligområder med tal, afdelinger, skoler, institutioner og adresselister', response: { 200: Type.Array(Type.Any()) } } },
      async (request) => (await plan.snapshot(planOf(request).id)).areas().map(present),
    );

    app.get(
      '/api/v1/areas/resolve',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['planen'],
          summary: 'Find det boligområde, en adresse hører til, efter planens adresselister',
          querystring: Type.Object({ address: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
          response: { 200: ResolutionSchema, 400: ApiErrorSchema },
        },
      },
      async (request) => {
        const { address } = request.query as { address: string };
        try {
          const resolver = (await plan.snapshot(planOf(request).id)).resolver();
          const resolution = resolver.resolve(address);
          const listings = resolution.area ? [] : resolver.listingsFor(resolution.address.street).map((l) => `${l.street} ${l.numbers} (${l.areaName})`);
          return { ...answer(resolution), ...(listings.length > 0 ? { listings } : {}) };
        } catch (error) {
          if (error instanceof AddressInputError) throw new ValidationError([{ field: 'address', message: error.message }], error.message);
          throw error;
        }
      },
    );

    app.post(
      '/api/v1/areas/resolve',
      {
        config: { access: 'plan.read' },
        bodyLimit: BULK_BODY_LIMIT,
        schema: {
          tags: ['planen'],
          summary: `Find boligområdet for op til ${MAX_BULK_ADDRESSES} adresser: et JSON-array af tekster, text/plain med én adresse pr. linje, eller text/csv med en kolonne «adresse» (eller ?column=…)`,
          querystring: Type.Object({ column: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
          body: Type.Union([Type.Array(Type.String({ maxLength: 1000 }), { maxItems: MAX_BULK_ADDRESSES }), Type.String()]),
          response: { 200: Type.Object({ count: Type.Integer(), resolved: Type.Integer(), results: Type.Array(BulkLineSchema) }), 400: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const type = (request.headers['content-type'] ?? '').toLowerCase();
        let addresses: string[];
        if (Array.isArray(request.body)) addresses = request.body as string[];
        else {
          const input = type.startsWith('text/csv') ? readCsv(request.body as string, (request.query as { column?: string }).column) : readPlainText(request.body as string);
          if (!input.ok) throw new ValidationError(input.errors, 'Listen af adresser kan ikke læses.');
          addresses = input.addresses;
        }
        const resolver = (await plan.snapshot(planOf(request).id)).resolver();
        // The answer is written line by line as JSON text: a hit's area and rule are one of a few dozen fragments,
        // made once, so 100,000 lines cost little more than resolving them.
        const hitFragments = new Map<string, string>();
        const parts: string[] = [];
        let resolved = 0;
        addresses.forEach((input, i) => {
          let line: string;
          try {
            const r = resolver.resolve(input);
            if (r.area) {
              resolved++;
              let fragment = hitFragments.get(r.matched);
              if (fragment === undefined) {
                fragment = JSON.stringify({ area: r.area, matched: r.matched }).slice(1, -1);
                hitFragments.set(r.matched, fragment);
              }
              line = `{"line":${i + 1},${fragment}}`;
            } else {
              line = `{"line":${i + 1},"area":null,"matched":null,"reason":${JSON.stringify(r.reason)}}`;
            }
          } catch (error) {
            if (!(error instanceof AddressInputError)) throw error;
            line = `{"line":${i + 1},"area":null,"matched":null,"error":${JSON.stringify(error.message)}}`;
          }
          parts.push(line);
        });
        return reply
          .type('application/json; charset=utf-8')
          .send(`{"count":${addresses.length},"resolved":${resolved},"results":[${parts.join(',')}]}`);
      },
    );

    app.get(
      '/api/v1/areas/:slug',
      { config: { access: 'plan.read' }, schema: { tags: ['planen'], summary: 'Ét boligområde med de aktiviteter, der retter sig mod det', params: Type.Object({ slug: Type.String({ maxLength: 80 }) }), response: { 200: Type.Any(), 404: ApiErrorSchema } } },
      async (request) => {
        const snapshot = await plan.snapshot(planOf(request).id);
        const area = snapshot.find('area', (request.params as { slug: string }).slug);
        if (!area) throw new NotFoundError('Boligområdet findes ikke i planen.');
        const data = area.data as { slug: string };
        return { ...present(area), activities: snapshot.activitiesForArea(data.slug).map((a) => ({ slug: a.data.slug, name: a.data.name })) };
      },
    );
  };
}
