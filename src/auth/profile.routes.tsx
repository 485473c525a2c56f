import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ValidationError } from '../errors/errors.js';
import { listPlansForUser } from '../plan/plans.repository.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { ApiErrorSchema } from './auth.schemas.js';
import type { ApiToken } from './auth.service.js';
import { ProfilePage } from './profile.views.js';
import { actorOf, principalOf } from './request-actor.js';

const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export function profileRoutes({ auth, database }: AppServices): FastifyPluginAsync {
  return async (app) => {
    async function render(request: FastifyRequest, reply: FastifyReply, extra: { newToken?: string; tokenName?: string; errors?: ValidationError['fields'] } = {}, status = 200) {
      const principal = principalOf(request);
      const [tokens, plans] = await Promise.all([auth.listApiTokens(principal), listPlansForUser(database.db, principal.userId)]);
      return sendPage(reply, <ProfilePage ctx={pageContext(request, reply)} tokens={tokens} plans={plans} {...extra} />, status);
    }

    app.get('/profil', { config: { access: 'authenticated' }, schema: { hide: true } }, (request, reply) => render(request, reply));

    app.post('/profil/api-noegler', { config: { access: 'authenticated' }, schema: { hide: true } }, async (request, reply) => {
      const name = formText(request.body, 'name');
      const days = formText(request.body, 'expiresInDays').trim();
      if (days !== '' && !/^\d{1,4}$/.test(days)) {
        return render(request, reply, { tokenName: name, errors: [{ field: 'expiresInDays', message: 'Skriv et helt antal dage mellem 1 og 730, eller lad feltet stå tomt.' }] }, 400);
      }
      try {
        const created = await auth.createApiToken(principalOf(request), actorOf(request), name, days === '' ? undefined : Number(days));
        // The new token is shown on this response only; it is never stored or redirected with.
        return render(request, reply, { newToken: created.token }, 201);
      } catch (error) {
        if (error instanceof ValidationError) return render(request, reply, { tokenName: name, errors: error.fields }, 400);
        throw error;
      }
    });

    app.post('/profil/api-noegler/:id/tilbagekald', { config: { access: 'authenticated' }, schema: { hide: true } }, async (request, reply) => {
      await auth.revokeApiToken(principalOf(request), actorOf(request), (request.params as { id: string }).id);
      setFlash(reply, 'tokenRevoked');
      return seeOther(reply, '/profil');
    });

    app.post('/profil/plan', { config: { access: 'authenticated' }, schema: { hide: true } }, async (request, reply) => {
      await auth.switchPlan(principalOf(request), formText(request.body, 'plan'));
      setFlash(reply, 'planSwitched');
      return seeOther(reply, '/');
    });

    // API

    app.get(
      '/api/v1/me/tokens',
      { config: { access: 'authenticated' }, schema: { tags: ['adgang'], summary: 'Mine API-nøgler (uden selve nøglerne)', response: { 200: Type.Array(ApiTokenSchema) } } },
      async (request) => auth.listApiTokens(principalOf(request)),
    );

    app.post(
      '/api/v1/me/tokens',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['adgang'],
          summary: 'Opret en API-nøgle; selve nøglen returneres kun her',
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ token: Type.String(), apiToken: ApiTokenSchema }), 400: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as { name: string; expiresInDays?: number };
        const created: { token: string; apiToken: ApiToken } = await auth.createApiToken(principalOf(request), actorOf(request), body.name, body.expiresInDays);
        return reply.code(201).send(created);
      },
    );

    app.delete(
      '/api/v1/me/tokens/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['adgang'], summary: 'Tilbagekald en API-nøgle', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 204: Type.Null(), 404: ApiErrorSchema } },
      },
      async (request, reply) => {
        await auth.revokeApiToken(principalOf(request), actorOf(request), (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );
  };
}
