import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppServices } from '../app.js';
import { actorOf, planOf } from '../auth/request-actor.js';
import { ValidationError } from '../errors/errors.js';
import { parseParticipantCode } from '../participants/personal-id.js';
import { setFlash } from '../web/flash.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { AccessPage, ErasePage, PersonLookupPage, PersonPage, PrivacyHomePage, ReadLogView, RetentionPage, type ReadFilterValues } from './privacy.views.js';

const PAGE_SIZE = 50;
const Code = Type.Object({ code: Type.String({ maxLength: 40 }) });

const ReadQuery = Type.Object(
  {
    deltager: Type.Optional(Type.String({ maxLength: 40 })),
    bruger: Type.Optional(Type.String({ maxLength: 64 })),
    hvad: Type.Optional(Type.String({ maxLength: 40 })),
    fra: Type.Optional(Type.String({ maxLength: 10 })),
    til: Type.Optional(Type.String({ maxLength: 10 })),
    side: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: true },
);

/** Pages of privacy in practice, for the administrator: access, the read log, one person's data and retention. */
export function privacyPages({ privacy }: AppServices): FastifyPluginAsync {
  return async (app) => {
    app.get('/persondata', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) =>
      sendPage(reply, <PrivacyHomePage ctx={pageContext(request, reply)} />),
    );

    // ---- access

    app.get('/persondata/adgang', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      const overview = await privacy.accessOverview(planOf(request).id);
      return sendPage(reply, <AccessPage ctx={pageContext(request, reply)} overview={overview} values={{ hvem: '', aktivitet: '' }} errors={[]} />);
    });

    app.post('/persondata/adgang', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      const values = { hvem: formText(request.body, 'hvem'), aktivitet: formText(request.body, 'aktivitet') };
      try {
        const { created } = await privacy.grant(actorOf(request), planOf(request).id, { activity: values.aktivitet, who: values.hvem });
        setFlash(reply, created ? 'accessGranted' : 'accessUnchanged');
        return seeOther(reply, '/persondata/adgang');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const overview = await privacy.accessOverview(planOf(request).id);
        return sendPage(reply, <AccessPage ctx={pageContext(request, reply)} overview={overview} values={values} errors={error.fields} />, 400);
      }
    });

    app.post(
      '/persondata/adgang/:id/fjern',
      { config: { access: 'users.manage' }, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
      async (request, reply) => {
        await privacy.revoke(actorOf(request), planOf(request).id, (request.params as { id: string }).id);
        setFlash(reply, 'accessRevoked');
        return seeOther(reply, '/persondata/adgang');
      },
    );

    // ---- the read log

    app.get('/persondata/laesninger', { config: { access: 'audit.read' }, schema: { hide: true, querystring: ReadQuery } }, async (request, reply) => {
      const q = request.query as Partial<ReadFilterValues> & { side?: number };
      const filters: ReadFilterValues = { deltager: q.deltager ?? '', bruger: q.bruger ?? '', hvad: q.hvad ?? '', fra: q.fra ?? '', til: q.til ?? '' };
      const pageNumber = q.side ?? 1;
      const page = await privacy.readLog(
        planOf(request).id,
        { participant: filters.deltager, userId: filters.bruger, what: filters.hvad, from: filters.fra, to: filters.til },
        PAGE_SIZE,
        (pageNumber - 1) * PAGE_SIZE,
      );
      return sendPage(reply, <ReadLogView ctx={pageContext(request, reply)} page={page} filters={filters} pageNumber={pageNumber} pageSize={PAGE_SIZE} />, page.errors.length > 0 ? 400 : 200);
    });

    // ---- one person

    app.get(
      '/persondata/personer',
      { config: { access: 'users.manage' }, schema: { hide: true, querystring: Type.Object({ kode: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: true }) } },
      async (request, reply) => {
        const value = (request.query as { kode?: string }).kode ?? '';
        if (value.trim() === '') return sendPage(reply, <PersonLookupPage ctx={pageContext(request, reply)} value="" errors={[]} />);
        const code = parseParticipantCode(value);
        if (typeof code !== 'string') {
          return sendPage(reply, <PersonLookupPage ctx={pageContext(request, reply)} value={value} errors={[{ field: 'kode', message: code.error }]} />, 400);
        }
        return seeOther(reply, `/persondata/personer/${encodeURIComponent(code)}`);
      },
    );

    app.get('/persondata/personer/:code', { config: { access: 'users.manage' }, schema: { hide: true, params: Code } }, async (request, reply) => {
      const data = await privacy.exportPerson(actorOf(request), planOf(request).id, (request.params as { code: string }).code, 'html');
      return sendPage(reply, <PersonPage ctx={pageContext(request, reply)} data={data} />);
    });

    app.get('/persondata/personer/:code/slet', { config: { access: 'users.manage' }, schema: { hide: true, params: Code } }, async (request, reply) => {
      const state = await privacy.erasureOf(planOf(request).id, (request.params as { code: string }).code);
      return sendPage(reply, <ErasePage ctx={pageContext(request, reply)} code={state.code} erasedAt={state.erasedAt} values={{ begrundelse: '', bekraeft: false }} errors={[]} />);
    });

    app.post('/persondata/personer/:code/slet', { config: { access: 'users.manage' }, schema: { hide: true, params: Code } }, async (request, reply) => {
      const values = { begrundelse: formText(request.body, 'begrundelse'), bekraeft: formList(request.body, 'bekraeft').includes('ja') };
      try {
        const result = await privacy.erasePerson(actorOf(request), planOf(request).id, (request.params as { code: string }).code, { reason: values.begrundelse, confirmed: values.bekraeft });
        if (result.status === 'erased') setFlash(reply, 'personErased');
        return seeOther(reply, `/persondata/personer/${encodeURIComponent(result.code)}/slet`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const code = parseParticipantCode((request.params as { code: string }).code);
        return sendPage(
          reply,
          <ErasePage ctx={pageContext(request, reply)} code={typeof code === 'string' ? code : ''} erasedAt={null} values={values} errors={error.fields} />,
          400,
        );
      }
    });

    // ---- retention

    app.get('/persondata/opbevaring', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      const status = await privacy.retentionStatus(planOf(request).id);
      return sendPage(reply, <RetentionPage ctx={pageContext(request, reply)} status={status} />);
    });

    app.post('/persondata/opbevaring/koer', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      await privacy.runRetention(actorOf(request), planOf(request).id);
      setFlash(reply, 'retentionRan');
      return seeOther(reply, '/persondata/opbevaring');
    });
  };
}
