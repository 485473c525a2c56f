import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { InvalidCredentialsError, TooManyRequestsError, ValidationError, type FieldError } from '../errors/errors.js';
import { findPlanBySlug } from '../plan/plans.repository.js';
import { RANDERS_2025_29 } from '../plan/plans.service.js';
import { createUser, hasAnyUser, setPassword, validateUserInput } from '../users/users.service.js';
import { formText } from '../web/form.js';
import { setFlash } from '../web/flash.js';
import { pageContext, safeLocalPath, seeOther, sendPage } from '../web/page.js';
import { LoginPage, PasswordLinkPage } from './auth.views.js';
import { SESSION_COOKIE } from './guard.js';
import { clientOf, principalOf } from './request-actor.js';
import { passwordProblems } from './password.js';
import { ApiErrorSchema, MeSchema, toMe } from './auth.schemas.js';

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

function passwordFieldErrors(password: string, repeat: string, email?: string): FieldError[] {
  const errors: FieldError[] = passwordProblems(password, email).map((message) => ({ field: 'password', message }));
  if (password === '') return [{ field: 'password', message: 'Skriv en adgangskode.' }];
  if (password !== repeat) errors.push({ field: 'passwordRepeat', message: 'De to adgangskoder er ikke ens.' });
  return errors;
}

export function authRoutes({ auth, database }: AppServices): FastifyPluginAsync {
  return async (app) => {
    // Pages

    app.get('/logind', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const next = safeLocalPath((request.query as Record<string, unknown>).naeste);
      if (request.principal) return seeOther(reply, next);
      return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} next={next} />);
    });

    app.post('/logind', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const email = formText(request.body, 'email').trim();
      const password = formText(request.body, 'password');
      const next = safeLocalPath(formText(request.body, 'naeste'));
      const errors: FieldError[] = [];
      if (email === '') errors.push({ field: 'email', message: 'Skriv din e-mailadresse.' });
      if (password === '') errors.push({ field: 'password', message: 'Skriv din adgangskode.' });
      if (errors.length > 0) return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} next={next} email={email} errors={errors} />, 400);
      try {
        const { sessionId } = await auth.loginWithPassword(email, password, clientOf(request));
        setSessionCookie(request, reply, sessionId);
        return seeOther(reply, next);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) {
          const ctx = pageContext(request, reply);
          return sendPage(reply, <LoginPage ctx={ctx} next={next} email={email} errors={[{ field: 'email', message: error.message }]} />, 401);
        }
        if (error instanceof TooManyRequestsError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
          return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} next={next} email={email} notice={error.message} />, 429);
        }
        throw error;
      }
    });

    app.post('/logud', { config: { access: 'authenticated', redirectAnonymousToLogin: true }, schema: { hide: true } }, async (request, reply) => {
      await auth.logout(principalOf(request), clientOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setFlash(reply, 'loggedOut');
      return seeOther(reply, '/logind');
    });

    app.get('/opsaetning/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const valid = (await auth.checkOneTimeLink(token, 'setup')) !== null && !(await hasAnyUser(database));
      return sendPage(reply, <PasswordLinkPage ctx={pageContext(request, reply)} mode="setup" action={`/opsaetning/${token}`} invalid={!valid} />, valid ? 200 : 404);
    });

    app.post('/opsaetning/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const values = { email: formText(request.body, 'email').trim(), name: formText(request.body, 'name').trim() };
      const ctx = pageContext(request, reply);
      if ((await auth.checkOneTimeLink(token, 'setup')) === null || (await hasAnyUser(database))) {
        return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="setup" action={`/opsaetning/${token}`} invalid />, 404);
      }
      const password = formText(request.body, 'password');
      const errors = [
        ...validateUserInput({ email: values.email, name: values.name, roles: ['administrator'] }, 'create'),
        ...passwordFieldErrors(password, formText(request.body, 'passwordRepeat'), values.email),
      ];
      if (errors.length > 0) {
        return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="setup" action={`/opsaetning/${token}`} values={values} errors={errors} />, 400);
      }
      if (!(await auth.consumeOneTimeLink(token))) {
        return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="setup" action={`/opsaetning/${token}`} invalid />, 404);
      }
      const plan = await findPlanBySlug(database.db, RANDERS_2025_29.slug);
      await createUser(database, { ...SYSTEM_ACTOR, label: 'opsætningslink', ip: request.ip, requestId: String(request.id) }, plan!.id, {
        ...values,
        roles: ['administrator'],
        password,
      });
      setFlash(reply, 'setupDone');
      return seeOther(reply, '/logind');
    });

    app.get('/nulstil/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const link = await auth.checkOneTimeLink(token, 'reset');
      return sendPage(reply, <PasswordLinkPage ctx={pageContext(request, reply)} mode="reset" action={`/nulstil/${token}`} invalid={!link} />, link ? 200 : 404);
    });

    app.post('/nulstil/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const ctx = pageContext(request, reply);
      const link = await auth.checkOneTimeLink(token, 'reset');
      if (!link?.userId) return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="reset" action={`/nulstil/${token}`} invalid />, 404);
      const password = formText(request.body, 'password');
      const errors = passwordFieldErrors(password, formText(request.body, 'passwordRepeat'));
      if (errors.length > 0) return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="reset" action={`/nulstil/${token}`} errors={errors} />, 400);
      try {
        if (!(await auth.consumeOneTimeLink(token))) return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="reset" action={`/nulstil/${token}`} invalid />, 404);
        await setPassword(database, { ...SYSTEM_ACTOR, label: 'nulstillingslink', userId: link.userId, ip: request.ip, requestId: String(request.id) }, link.userId, password);
      } catch (error) {
        if (error instanceof ValidationError) return sendPage(reply, <PasswordLinkPage ctx={ctx} mode="reset" action={`/nulstil/${token}`} errors={error.fields} />, 400);
        throw error;
      }
      setFlash(reply, 'passwordSet');
      return seeOther(reply, '/logind');
    });

    // API

    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['adgang'],
          summary: 'Log ind med e-mail og adgangskode; sætter sessionscookien',
          security: [],
          body: Type.Object(
            { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
            { additionalProperties: false },
          ),
          response: { 200: MeSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 429: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const { email, password } = request.body as { email: string; password: string };
        const { sessionId } = await auth.loginWithPassword(email, password, clientOf(request));
        setSessionCookie(request, reply, sessionId);
        const principal = await auth.resolveSession(sessionId);
        return toMe(principal!);
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { config: { access: 'authenticated' }, schema: { tags: ['adgang'], summary: 'Log af (afslutter sessionen)', response: { 204: Type.Null() } } },
      async (request, reply) => {
        await auth.logout(principalOf(request), clientOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/me',
      { config: { access: 'authenticated' }, schema: { tags: ['adgang'], summary: 'Den indloggede bruger, planen og rollerne', response: { 200: MeSchema } } },
      async (request) => toMe(principalOf(request)),
    );
  };
}
