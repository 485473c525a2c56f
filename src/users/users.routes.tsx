import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { ApiErrorSchema, RoleSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { ConflictError, ValidationError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { createUser, getUser, listUsers, organisationNames, updateUser, type User } from './users.service.js';
import { UserFormPage, UsersPage, type UserFormValues } from './users.views.js';

const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  hasPassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  roles: Type.Array(Type.Object({ role: RoleSchema, organisationName: Type.Union([Type.String(), Type.Null()]) })),
});

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

function valuesOf(user: User): UserFormValues {
  return {
    email: user.email,
    name: user.name,
    roles: user.roles.map((r) => r.role),
    organisation: user.roles.find((r) => r.organisationName)?.organisationName ?? '',
    active: user.active,
  };
}

function formValues(body: unknown): UserFormValues {
  return {
    email: formText(body, 'email').trim(),
    name: formText(body, 'name'),
    roles: formList(body, 'roles'),
    organisation: formText(body, 'organisation'),
    active: formList(body, 'active').includes('1'),
  };
}

export function usersRoutes({ database, auth }: AppServices): FastifyPluginAsync {
  return async (app) => {
    async function form(request: FastifyRequest, reply: FastifyReply, props: Omit<Parameters<typeof UserFormPage>[0], 'ctx' | 'organisations'>, status = 200) {
      const organisations = await organisationNames(database, planOf(request).id);
      return sendPage(reply, <UserFormPage ctx={pageContext(request, reply)} organisations={organisations} {...props} />, status);
    }

    app.get('/brugere', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      const users = await listUsers(database, planOf(request).id);
      return sendPage(reply, <UsersPage ctx={pageContext(request, reply)} users={users} />);
    });

    app.get('/brugere/ny', { config: { access: 'users.manage' }, schema: { hide: true } }, (request, reply) =>
      form(request, reply, { mode: 'create', values: { email: '', name: '', roles: [], organisation: '', active: true } }),
    );

    app.post('/brugere/ny', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      const values = formValues(request.body);
      const password = formText(request.body, 'password');
      try {
        const user = await createUser(database, actorOf(request), planOf(request).id, { ...values, active: true, password: password === '' ? undefined : password });
        if (!user.hasPassword) {
          const resetLink = await auth.issuePasswordResetLink(actorOf(request), user.id);
          return form(request, reply, { mode: 'edit', userId: user.id, values: valuesOf(user), resetLink }, 201);
        }
        setFlash(reply, 'userCreated');
        return seeOther(reply, `/brugere/${user.id}`);
      } catch (error) {
        if (error instanceof ValidationError || error instanceof ConflictError) {
          return form(request, reply, { mode: 'create', values, errors: error.fields }, error.statusCode);
        }
        throw error;
      }
    });

    app.get('/brugere/:id', { config: { access: 'users.manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const user = await getUser(database, planOf(request).id, (request.params as { id: string }).id);
      return form(request, reply, { mode: 'edit', userId: user.id, values: valuesOf(user) });
    });

    app.post('/brugere/:id', { config: { access: 'users.manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const values = formValues(request.body);
      try {
        await updateUser(database, actorOf(request), planOf(request).id, id, values);
      } catch (error) {
        if (error instanceof ValidationError) {
          const user = await getUser(database, planOf(request).id, id);
          return form(request, reply, { mode: 'edit', userId: id, values: { ...values, email: user.email }, errors: error.fields }, 400);
        }
        throw error;
      }
      setFlash(reply, 'userUpdated');
      return seeOther(reply, `/brugere/${id}`);
    });

    app.post('/brugere/:id/nulstillingslink', { config: { access: 'users.manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const user = await getUser(database, planOf(request).id, id);
      const resetLink = await auth.issuePasswordResetLink(actorOf(request), id);
      return form(request, reply, { mode: 'edit', userId: id, values: valuesOf(user), resetLink });
    });

    // API

    app.get(
      '/api/v1/users',
      { config: { access: 'users.manage' }, schema: { tags: ['brugere'], summary: 'Alle brugere med roller i den aktuelle plan', response: { 200: Type.Array(UserSchema) } } },
      async (request) => listUsers(database, planOf(request).id),
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['brugere'],
          summary: 'Opret en bruger med roller i den aktuelle plan',
          body: Type.Object(
            {
              email: Type.String({ maxLength: 254 }),
              name: Type.String({ maxLength: 200 }),
              roles: Type.Array(RoleSchema, { maxItems: 6 }),
              organisation: Type.Optional(Type.String({ maxLength: 200 })),
              password: Type.Optional(Type.String({ maxLength: 256 })),
              active: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 201: UserSchema, 400: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const user = await createUser(database, actorOf(request), planOf(request).id, request.body as Parameters<typeof createUser>[3]);
        return reply.code(201).send(user);
      },
    );

    app.get(
      '/api/v1/users/:id',
      { config: { access: 'users.manage' }, schema: { tags: ['brugere'], summary: 'Én bruger', params: IdParams, response: { 200: UserSchema, 404: ApiErrorSchema } } },
      async (request) => getUser(database, planOf(request).id, (request.params as { id: string }).id),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['brugere'],
          summary: 'Ret navn, status og roller i den aktuelle plan',
          params: IdParams,
          body: Type.Object(
            {
              name: Type.Optional(Type.String({ maxLength: 200 })),
              roles: Type.Optional(Type.Array(RoleSchema, { maxItems: 6 })),
              organisation: Type.Optional(Type.String({ maxLength: 200 })),
              active: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 200: UserSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = request.body as { name?: string; roles?: string[]; organisation?: string; active?: boolean };
        const current = await getUser(database, planOf(request).id, id);
        return updateUser(database, actorOf(request), planOf(request).id, id, {
          name: body.name ?? current.name,
          roles: body.roles ?? current.roles.map((r) => r.role),
          organisation: body.organisation ?? current.roles.find((r) => r.organisationName)?.organisationName ?? undefined,
          active: body.active ?? current.active,
        });
      },
    );
  };
}
