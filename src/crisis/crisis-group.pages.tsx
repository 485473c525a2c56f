import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, clientOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { mayManage } from '../governance/meetings.service.js';
import { setFlash } from '../web/flash.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { ErrorPage } from '../web/error-pages.js';
import { crisisCardPdf } from './crisis-card.js';
import { crisisGroupServiceFor, type MemberInput } from './crisis-group.service.js';
import {
  CARD_PAGE_PATH,
  CARD_PDF_PATH,
  CardPage,
  CrisisGroupPage,
  EMPTY_MEMBER,
  GROUP_PATH,
  LinkUserPage,
  MemberFormPage,
  OWN_PATH,
  OwnDataPage,
  ReplacePage,
  TokenConfirmPage,
  TokenThanksPage,
  valuesOfMember,
  type MemberFormValues,
  type SuccessorValues,
} from './crisis-group.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission | 'public') => ({ config: { access: permission }, ...page });

type IdParams = { id: string };
const idOf = (request: FastifyRequest) => (request.params as IdParams).id;

function memberValues(body: unknown): MemberFormValues {
  return {
    role: formText(body, 'role').trim(),
    organisation: formText(body, 'organisation').trim(),
    position: formText(body, 'position').trim(),
    name: formText(body, 'name').trim(),
    phone: formText(body, 'phone').trim(),
    email: formText(body, 'email').trim(),
    substituteFor: formText(body, 'substituteFor'),
    flags: formList(body, 'flags'),
  };
}

const memberInput = (v: MemberFormValues): MemberInput => ({
  role: v.role,
  organisation: v.organisation,
  position: v.position || null,
  name: v.name || null,
  phone: v.phone || null,
  email: v.email || null,
  substituteFor: v.substituteFor || null,
  isAuthority: v.flags.includes('myndighed'),
  isRequiredContact: v.flags.includes('paakraevet'),
  confirmed: v.flags.includes('bekraeftet'),
});

const contactValues = (body: unknown) => ({ phone: formText(body, 'phone').trim(), email: formText(body, 'email').trim() });

/**
 * The crisis group's pages (issue 7, part A): `/beredskab/gruppe` (the group by role, for everyone with
 * `beredskab.read`; kept by those with `governance.manage`), a member's own data at `/beredskab/gruppe/mine-oplysninger`,
 * the public confirmation link `/beredskab/bekraeft/:token`, and the crisis card as PDF and as a page to print.
 */
export function crisisGroupPages(services: AppServices): FastifyPluginAsync {
  const group = crisisGroupServiceFor(services);

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, form: { id?: string; values?: MemberFormValues; errors?: FieldError[] }, status = 200) => {
    const planId = planOf(request).id;
    const all = (await group.group(principalOf(request), planId)).members;
    const member = form.id ? all.find((m) => m.id === form.id) : undefined;
    if (form.id && !member) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
    return sendPage(
      reply,
      <MemberFormPage
        ctx={pageContext(request, reply)}
        {...(member ? { member } : {})}
        principals={all.filter((m) => m.substituteFor === null)}
        values={form.values ?? (member ? valuesOfMember(member) : EMPTY_MEMBER)}
        errors={form.errors}
      />,
      status,
    );
  };

  const conflictPage = (request: FastifyRequest, reply: FastifyReply, error: ConflictError) =>
    sendPage(reply, ErrorPage({ ctx: pageContext(request, reply), status: 409, heading: 'Det kan ikke lade sig gøre', message: error.message }), 409);

  return async (app) => {
    app.get(GROUP_PATH, access('beredskab.read'), async (request, reply) => {
      const principal = principalOf(request);
      const planId = planOf(request).id;
      const [view, own] = await Promise.all([group.group(principal, planId), group.membersOf(planId, principal.userId)]);
      return sendPage(reply, <CrisisGroupPage ctx={pageContext(request, reply)} group={view} manage={mayManage(principal)} linked={own.length > 0} />);
    });

    app.get(`${GROUP_PATH}/ny`, access('governance.manage'), (request, reply) => renderForm(request, reply, {}));

    app.post(`${GROUP_PATH}/ny`, access('governance.manage'), async (request, reply) => {
      const values = memberValues(request.body);
      try {
        await group.addMember(actorOf(request), planOf(request).id, memberInput(values));
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, { values, errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, 'crisisMemberAdded');
      return seeOther(reply, GROUP_PATH);
    });

    app.get(`${GROUP_PATH}/:id/rediger`, access('governance.manage'), (request, reply) => renderForm(request, reply, { id: idOf(request) }));

    app.post(`${GROUP_PATH}/:id/rediger`, access('governance.manage'), async (request, reply) => {
      const values = memberValues(request.body);
      try {
        await group.updateMember(actorOf(request), planOf(request).id, idOf(request), memberInput(values));
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, { id: idOf(request), values, errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, 'crisisMemberSaved');
      return seeOther(reply, GROUP_PATH);
    });

    const renderReplace = async (request: FastifyRequest, reply: FastifyReply, values?: SuccessorValues, errors?: FieldError[]) => {
      const planId = planOf(request).id;
      const members = (await group.group(principalOf(request), planId)).members;
      const member = members.find((m) => m.id === idOf(request));
      if (!member) throw new NotFoundError('Medlemmet findes ikke i beredskabsgruppen.');
      return sendPage(
        reply,
        <ReplacePage
          ctx={pageContext(request, reply)}
          member={member}
          substitutes={members.filter((m) => m.substituteFor === member.id)}
          values={values ?? { name: '', position: '', phone: '', email: '' }}
          errors={errors}
        />,
        errors ? 400 : 200,
      );
    };

    app.get(`${GROUP_PATH}/:id/udskift`, access('governance.manage'), (request, reply) => renderReplace(request, reply));

    app.post(`${GROUP_PATH}/:id/udskift`, access('governance.manage'), async (request, reply) => {
      const values: SuccessorValues = { name: formText(request.body, 'name').trim(), position: formText(request.body, 'position').trim(), ...contactValues(request.body) };
      try {
        await group.replaceMember(actorOf(request), planOf(request).id, idOf(request), values);
      } catch (error) {
        if (error instanceof ValidationError) return renderReplace(request, reply, values, error.fields);
        throw error;
      }
      setFlash(reply, 'crisisMemberReplaced');
      return seeOther(reply, GROUP_PATH);
    });

    app.post(`${GROUP_PATH}/:id/fjern`, access('governance.manage'), async (request, reply) => {
      try {
        await group.removeSubstitute(actorOf(request), planOf(request).id, idOf(request));
      } catch (error) {
        if (error instanceof ConflictError) return conflictPage(request, reply, error);
        throw error;
      }
      setFlash(reply, 'crisisSubstituteRemoved');
      return seeOther(reply, GROUP_PATH);
    });

    const renderLink = async (request: FastifyRequest, reply: FastifyReply, value?: string, errors?: FieldError[]) => {
      const planId = planOf(request).id;
      const [member, users] = await Promise.all([group.member(planId, idOf(request)), group.usersInPlan(planId)]);
      return sendPage(reply, <LinkUserPage ctx={pageContext(request, reply)} member={member} users={users} value={value ?? member.user?.id ?? ''} errors={errors} />, errors ? 400 : 200);
    };

    app.get(`${GROUP_PATH}/:id/bruger`, access('governance.manage'), (request, reply) => renderLink(request, reply));

    app.post(`${GROUP_PATH}/:id/bruger`, access('governance.manage'), async (request, reply) => {
      const userId = formText(request.body, 'userId');
      try {
        await group.linkUser(actorOf(request), planOf(request).id, idOf(request), userId || null);
      } catch (error) {
        if (error instanceof ValidationError) return renderLink(request, reply, userId, error.fields);
        throw error;
      }
      setFlash(reply, 'crisisUserLinked');
      return seeOther(reply, GROUP_PATH);
    });

    app.post(`${GROUP_PATH}/:id/bekraeft`, access('governance.manage'), async (request, reply) => {
      await group.recordConfirmation(actorOf(request), planOf(request).id, idOf(request), null);
      setFlash(reply, 'crisisContactConfirmed');
      return seeOther(reply, GROUP_PATH);
    });

    app.post(`${GROUP_PATH}/paamindelse`, access('governance.manage'), async (request, reply) => {
      await group.startCampaign(actorOf(request), planOf(request).id);
      setFlash(reply, 'crisisCampaignSent');
      return seeOther(reply, `${GROUP_PATH}#paamindelser`);
    });

    // A member's own data

    const renderOwn = async (request: FastifyRequest, reply: FastifyReply, values?: { memberId: string; phone: string; email: string }, errors?: FieldError[]) => {
      const principal = principalOf(request);
      const planId = planOf(request).id;
      const [members, view] = await Promise.all([group.membersOf(planId, principal.userId), group.group(principal, planId)]);
      return sendPage(
        reply,
        <OwnDataPage ctx={pageContext(request, reply)} members={members} staleAfterMonths={view.staleAfterMonths} {...(values ? { values } : {})} errors={errors} />,
        errors ? 400 : 200,
      );
    };

    app.get(OWN_PATH, access('beredskab.read'), (request, reply) => renderOwn(request, reply));

    app.post(OWN_PATH, access('beredskab.read'), async (request, reply) => {
      const values = { memberId: formText(request.body, 'memberId'), ...contactValues(request.body) };
      try {
        await group.confirmOwn(principalOf(request), actorOf(request), planOf(request).id, values.memberId, { phone: values.phone || null, email: values.email || null });
      } catch (error) {
        if (error instanceof ValidationError) return renderOwn(request, reply, values, error.fields);
        throw error;
      }
      setFlash(reply, 'crisisContactConfirmed');
      return seeOther(reply, OWN_PATH);
    });

    // The e-mailed link: public, the token is the credential; anything but a live link is a 404.

    app.get('/beredskab/bekraeft/tak', access('public'), (request, reply) => sendPage(reply, <TokenThanksPage ctx={pageContext(request, reply)} />));

    app.get('/beredskab/bekraeft/:token', access('public'), async (request, reply) => {
      const token = (request.params as { token: string }).token;
      const found = await group.byToken(token);
      if (!found) throw new NotFoundError('Linket findes ikke, er brugt eller er udløbet.');
      return sendPage(
        reply.header('referrer-policy', 'no-referrer'),
        <TokenConfirmPage
          ctx={pageContext(request, reply)}
          member={found.member}
          expiresAt={found.expiresAt}
          action={`/beredskab/bekraeft/${token}`}
          values={{ phone: found.member.phone ?? '', email: found.member.email ?? '' }}
        />,
      );
    });

    app.post('/beredskab/bekraeft/:token', access('public'), async (request, reply) => {
      const token = (request.params as { token: string }).token;
      const values = contactValues(request.body);
      try {
        await group.confirmByToken(token, { phone: values.phone || null, email: values.email || null }, clientOf(request));
      } catch (error) {
        if (error instanceof ValidationError) {
          const found = await group.byToken(token);
          if (!found) throw new NotFoundError('Linket findes ikke, er brugt eller er udløbet.');
          return sendPage(
            reply.header('referrer-policy', 'no-referrer'),
            <TokenConfirmPage ctx={pageContext(request, reply)} member={found.member} expiresAt={found.expiresAt} action={`/beredskab/bekraeft/${token}`} values={values} errors={error.fields} />,
            400,
          );
        }
        throw error;
      }
      return seeOther(reply, '/beredskab/bekraeft/tak');
    });

    // The crisis card

    app.get(CARD_PDF_PATH, access('beredskab.read'), async (request, reply) => {
      const plan = planOf(request);
      const pdf = await crisisCardPdf(await group.card(plan.id, plan.name));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'inline; filename="beredskabskort.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    });

    app.get(CARD_PAGE_PATH, access('beredskab.read'), async (request, reply) => {
      const plan = planOf(request);
      return sendPage(reply, <CardPage ctx={pageContext(request, reply)} card={await group.card(plan.id, plan.name)} />);
    });
  };
}
