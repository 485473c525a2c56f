import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../api/schema.js';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../app.js';
import { ApiErrorSchema } from '../auth/auth.schemas.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { mayManage } from '../governance/meetings.service.js';
import { POLICE_FALLBACK_PHONE } from './levels.js';
import { crisisGroupServiceFor, type CampaignView, type CrisisMember } from './crisis-group.service.js';

const TAGS = ['beredskab'];

const Member = Type.Object({
  id: Type.String(),
  role: Type.String(),
  organisation: Type.String(),
  position: Nullable(Type.String()),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String(), 'Kun for brugere med beredskab.read eller governance.manage'),
  email: Nullable(Type.String(), 'Kun for brugere med beredskab.read eller governance.manage'),
  substituteFor: Nullable(Type.String(), 'Id for det ordinære medlem, suppleanten træder i stedet for; null for et ordinært medlem'),
  isAuthority: Type.Boolean({ description: 'Fra en myndighed (politi eller kommune): kan læse indførsler delt efter retsplejelovens § 115' }),
  isRequiredContact: Type.Boolean({ description: 'Den påkrævede kontakt, der inviterer alle (chef for bystrategisk udvikling)' }),
  user: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }), Type.Null()], { description: 'Medlemmets bruger i Helhed' }),
  contactConfirmedAt: Nullable(Type.String(), 'Hvornår kontaktoplysningerne sidst blev bekræftet (ISO 8601)'),
  contactConfirmedBy: Nullable(Type.String()),
  contactStatus: Type.String({ description: 'bekraeftet, forfalden (ikke bekræftet i staleAfterMonths måneder) eller aldrig' }),
  stale: Type.Boolean({ description: 'Sand, når oplysningerne ikke er bekræftet i staleAfterMonths måneder eller aldrig er bekræftet' }),
});

const Campaign = Type.Object({
  id: Type.String(),
  label: Type.String(),
  startedAt: Type.String(),
  startedBy: Type.String(),
  requests: Type.Integer({ description: 'Medlemmer, der fik et link' }),
  answered: Type.Integer({ description: 'Af dem, der har bekræftet' }),
  mailsSent: Type.Integer(),
  mailsFailed: Type.Integer(),
});

const Group = Type.Object({
  staleAfterMonths: Type.Integer(),
  campaignMonths: Type.Array(Type.Integer()),
  campaignDue: Type.Boolean({ description: 'En påmindelsesmåned er begyndt uden en påmindelse siden' }),
  campaignDueMonth: Nullable(Type.String(), 'Den seneste påmindelsesmåned, der er begyndt, fx «marts 2026»'),
  policeFallbackPhone: Type.String(),
  members: Type.Array(Member),
  campaigns: Type.Array(Campaign),
});

const Text = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const OptText = (max: number, description?: string) => Type.Optional(Type.Union([Text(max, description), Type.Null()]));

const MemberBody = Type.Object(
  {
    role: Text(200),
    organisation: Text(200),
    name: Text(200),
    position: OptText(200),
    phone: OptText(40),
    email: OptText(200),
    substituteFor: OptText(100, 'Id for det ordinære medlem, et nyt medlem er suppleant for'),
    isAuthority: Type.Optional(Type.Boolean()),
    isRequiredContact: Type.Optional(Type.Boolean()),
    confirmed: Type.Optional(Type.Boolean({ description: 'Medlemmet har bekræftet oplysningerne (fx i telefonen); ellers gælder ændret telefon eller e-mail som ikke bekræftet' })),
  },
  { additionalProperties: false },
);
type MemberBodyT = Static<typeof MemberBody>;

const SuccessorBody = Type.Object(
  { name: Text(200), phone: Text(40), email: Text(200), position: OptText(200, 'Tom: forgængerens stilling') },
  { additionalProperties: false },
);
const LinkBody = Type.Object({ userId: Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { description: 'Brugerens id, eller null for at fjerne koblingen' }) }, { additionalProperties: false });
const ConfirmBody = Type.Object(
  {
    phone: OptText(40, 'Rettet telefonnummer; udelad begge felter for at bekræfte oplysningerne, som de er'),
    email: OptText(200, 'Rettet e-mailadresse'),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const CampaignResult = Type.Object({
  campaign: Campaign,
  byPhone: Type.Array(Member, { description: 'Medlemmer uden e-mailadresse: skal kontaktes telefonisk' }),
  mails: Type.Array(Type.Object({ recipient: Type.String(), status: Type.String(), error: Nullable(Type.String()) })),
});

function present(m: CrisisMember): Static<typeof Member> {
  return {
    id: m.id,
    role: m.role,
    organisation: m.organisation,
    position: m.position,
    name: m.name,
    phone: m.phone,
    email: m.email,
    substituteFor: m.substituteFor,
    isAuthority: m.isAuthority,
    isRequiredContact: m.isRequiredContact,
    user: m.user,
    contactConfirmedAt: m.confirmedAt,
    contactConfirmedBy: m.confirmedBy,
    contactStatus: m.contact.state,
    stale: m.contact.state !== 'bekraeftet',
  };
}

const presentCampaign = (c: CampaignView): Static<typeof Campaign> => ({ ...c });

const inputOf = (b: MemberBodyT) => ({
  role: b.role,
  organisation: b.organisation,
  name: b.name,
  position: b.position ?? null,
  phone: b.phone ?? null,
  email: b.email ?? null,
  substituteFor: b.substituteFor ?? null,
  isAuthority: b.isAuthority ?? false,
  isRequiredContact: b.isRequiredContact ?? false,
  confirmed: b.confirmed ?? false,
});

const BASE = '/api/v1/beredskab/gruppe';

/** JSON API of the crisis group (issue 7, part A): members with contact status, keeping them, confirming, the campaign. */
export function crisisGroupApi(services: AppServices): FastifyPluginAsync {
  const group = crisisGroupServiceFor(services);
  return async (app) => {
    app.get(
      BASE,
      {
        config: { access: 'beredskab.read' },
        schema: {
          tags: TAGS,
          summary: 'Beredskabsgruppens medlemmer med kontaktoplysninger, bruger og markering af oplysninger, der ikke er bekræftet; påmindelserne og om en er forfalden',
          response: { 200: Group },
        },
      },
      async (request) => {
        const view = await group.group(principalOf(request), planOf(request).id);
        return {
          staleAfterMonths: view.staleAfterMonths,
          campaignMonths: view.campaignMonths,
          campaignDue: view.due.due,
          campaignDueMonth: view.due.monthLabel,
          policeFallbackPhone: POLICE_FALLBACK_PHONE,
          members: view.members.map(present),
          campaigns: view.campaigns.map(presentCampaign),
        };
      },
    );

    app.post(
      `${BASE}/members`,
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Tilføj et medlem af beredskabsgruppen (ordinært medlem eller suppleant)', body: MemberBody, response: { 201: Member, 400: ApiErrorSchema, 403: ApiErrorSchema } },
      },
      async (request, reply) => {
        const member = await group.addMember(actorOf(request), planOf(request).id, inputOf(request.body as MemberBodyT));
        return reply.code(201).send(present(member));
      },
    );

    app.put(
      `${BASE}/members/:id`,
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Ret et medlem af beredskabsgruppen', params: IdParams, body: MemberBody, response: { 200: Member, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) => present(await group.updateMember(actorOf(request), planOf(request).id, (request.params as { id: string }).id, inputOf(request.body as MemberBodyT))),
    );

    app.post(
      `${BASE}/members/:id/replace`,
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Udskift et medlem med en efterfølger (samme rolle og organisation) i ét trin; suppleanten står derefter for efterfølgeren',
          params: IdParams,
          body: SuccessorBody,
          response: { 201: Member, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as Static<typeof SuccessorBody>;
        const member = await group.replaceMember(actorOf(request), planOf(request).id, (request.params as { id: string }).id, { ...body, position: body.position ?? null });
        return reply.code(201).send(present(member));
      },
    );

    app.delete(
      `${BASE}/members/:id`,
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Fjern en suppleant (et ordinært medlem afvises med 409: udskift det med en efterfølger)',
          params: IdParams,
          response: { 204: Type.Null(), 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        await group.removeSubstitute(actorOf(request), planOf(request).id, (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    );

    app.put(
      `${BASE}/members/:id/user`,
      {
        config: { access: 'governance.manage' },
        schema: { tags: TAGS, summary: 'Knyt et medlem til en bruger med en rolle i planen, eller fjern koblingen', params: IdParams, body: LinkBody, response: { 200: Member, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema } },
      },
      async (request) => present(await group.linkUser(actorOf(request), planOf(request).id, (request.params as { id: string }).id, (request.body as Static<typeof LinkBody>).userId || null)),
    );

    app.post(
      `${BASE}/members/:id/confirm`,
      {
        config: { access: 'beredskab.read' },
        schema: {
          tags: TAGS,
          summary: 'Bekræft et medlems kontaktoplysninger, som de er eller rettet: medlemmet selv, eller sekretariatet på medlemmets vegne (telefonisk)',
          params: IdParams,
          body: ConfirmBody,
          response: { 200: Member, 400: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const planId = planOf(request).id;
        const id = (request.params as { id: string }).id;
        const body = request.body as Static<typeof ConfirmBody>;
        const correction = body.phone === undefined && body.email === undefined ? null : { phone: body.phone ?? null, email: body.email ?? null };
        const own = (await group.membersOf(planId, principal.userId)).some((m) => m.id === id);
        if (own || !mayManage(principal)) return present(await group.confirmOwn(principal, actorOf(request), planId, id, correction));
        return present(await group.recordConfirmation(actorOf(request), planId, id, correction));
      },
    );

    app.post(
      `${BASE}/campaigns`,
      {
        config: { access: 'governance.manage' },
        schema: {
          tags: TAGS,
          summary: 'Send påmindelse: hvert medlem med e-mail får et personligt link (30 dage, én gang) til at bekræfte sine kontaktoplysninger',
          body: Type.Optional(Type.Object({}, { additionalProperties: false })),
          response: { 201: CampaignResult, 403: ApiErrorSchema },
        },
      },
      async (request, reply) => {
        const result = await group.startCampaign(actorOf(request), planOf(request).id);
        return reply.code(201).send({
          campaign: presentCampaign(result.campaign),
          byPhone: result.byPhone.map(present),
          mails: result.mails.map((m) => ({ recipient: m.recipient, status: m.status, error: m.error })),
        });
      },
    );
  };
}
