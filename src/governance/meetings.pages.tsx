import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import type { Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { DEFAULT_DURATION_MINUTES, defaultTitle, isBodyKey, isMeetingBody, mayManage, maySeeContacts, meetingServiceFor, type BodyKey, type BodyMember, type MemberInput } from './meetings.service.js';
import {
  BodiesPage,
  BodyPage,
  FeedPage,
  HubPage,
  MeetingFormPage,
  MeetingPage,
  MeetingsPage,
  MemberEditPage,
  type MeetingFormValues,
  type MemberFormValues,
} from './meetings.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission | 'public') => ({ config: { access: permission }, ...page });

/**
 * Messages shown once after a redirect. The address carries only a key into this list (`?besked=…`), so nothing a
 * visitor sends ends up on the page.
 */
const MESSAGES = {
  genereret: 'Kalenderen er dannet ud fra planens mødefrekvens.',
  tilfoejet: 'Mødet er tilføjet.',
  gemt: 'Mødet er gemt.',
  uaendret: 'Intet var ændret.',
  medlem: 'Medlemmet er tilføjet.',
  medlemgemt: 'Medlemmet er gemt.',
  fjernet: 'Medlemmet er fjernet.',
  tilbagekaldt: 'Kalenderadressen er tilbagekaldt. Den virker ikke længere.',
} as const;
type MessageKey = keyof typeof MESSAGES;

function messageOf(request: FastifyRequest): string | null {
  const key = (request.query as { besked?: string }).besked;
  return key && key in MESSAGES ? MESSAGES[key as MessageKey] : null;
}

const bodyParam = (request: FastifyRequest): BodyKey => {
  const body = (request.params as { body: string }).body;
  if (!isBodyKey(body)) throw new NotFoundError('Organet findes ikke. Vælg bestyrelse, styregruppe eller beredskabsgruppe.');
  return body;
};

const idParam = (request: FastifyRequest) => (request.params as { id: string }).id;

function memberValues(body: unknown): MemberFormValues {
  return {
    role: formText(body, 'role').trim(),
    organisation: formText(body, 'organisation').trim(),
    position: formText(body, 'position').trim(),
    name: formText(body, 'name').trim(),
    email: formText(body, 'email').trim(),
    phone: formText(body, 'phone').trim(),
    substituteFor: formText(body, 'substituteFor'),
    isAuthority: formList(body, 'isAuthority').includes('ja'),
  };
}

function memberInput(values: MemberFormValues): MemberInput {
  const opt = (v: string) => (v === '' ? null : v);
  return {
    role: values.role,
    organisation: values.organisation,
    position: opt(values.position),
    name: opt(values.name),
    email: opt(values.email),
    phone: opt(values.phone),
    substituteFor: opt(values.substituteFor),
    isAuthority: values.isAuthority,
  };
}

const valuesOfMember = (m: BodyMember): MemberFormValues => ({
  role: m.role,
  organisation: m.organisation,
  position: m.position ?? '',
  name: m.name ?? '',
  email: m.email ?? '',
  phone: m.phone ?? '',
  substituteFor: m.substituteFor ?? '',
  isAuthority: m.isAuthority,
});

function meetingValues(body: unknown): MeetingFormValues {
  return {
    body: formText(body, 'body'),
    kind: formText(body, 'kind'),
    title: formText(body, 'title').trim(),
    date: formText(body, 'date').trim(),
    startsAt: formText(body, 'startsAt').trim(),
    durationMinutes: formText(body, 'durationMinutes').trim(),
    location: formText(body, 'location').trim(),
    status: formText(body, 'status'),
  };
}

/** Minutes as typed; anything but whole digits is NaN, which the service refuses with its own message. */
const minutesOf = (text: string) => (/^\d{1,5}$/.test(text) ? Number(text) : Number.NaN);

function yearOf(request: FastifyRequest, today: string): number {
  const text = (request.query as { aar?: string }).aar;
  const year = text && /^\d{4}$/.test(text) ? Number(text) : Number(today.slice(0, 4));
  return year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

/**
 * The governance hub `/styring`, the bodies and their members, the meeting calendar, a meeting, its invitation, and
 * the personal calendar feed with its public `.ics` address.
 */
export function meetingPages(services: AppServices): FastifyPluginAsync {
  const meetings = meetingServiceFor(services);
  return async (app) => {
    app.get('/styring', access('plan.read'), async (request, reply) => {
      const planId = planOf(request).id;
      const year = Number(meetings.today().slice(0, 4));
      const [upcoming, calendar] = await Promise.all([meetings.upcoming(planId), meetings.calendar(planId, year)]);
      return sendPage(reply, <HubPage ctx={pageContext(request, reply)} upcoming={upcoming} year={year} warnings={calendar.warnings} />);
    });

    // Bodies and members

    app.get('/styring/organer', access('plan.read'), async (request, reply) => {
      return sendPage(reply, <BodiesPage ctx={pageContext(request, reply)} bodies={await meetings.bodies(planOf(request).id)} />);
    });

    const renderBody = async (request: FastifyRequest, reply: FastifyReply, body: BodyKey, form: { values?: MemberFormValues; errors?: FieldError[] } = {}, status = 200) => {
      const principal = principalOf(request);
      const members = await meetings.membersFor(principal, planOf(request).id, body);
      const manage = mayManage(principal);
      return sendPage(
        reply,
        <BodyPage ctx={pageContext(request, reply)} body={body} members={members} contacts={maySeeContacts(principal, body)} manage={manage} message={messageOf(request)} {...form} />,
        status,
      );
    };

    app.get('/styring/organer/:body', access('plan.read'), (request, reply) => renderBody(request, reply, bodyParam(request)));

    app.post('/styring/organer/:body/medlemmer', access('governance.manage'), async (request, reply) => {
      const body = bodyParam(request);
      const values = memberValues(request.body);
      try {
        await meetings.addMember(actorOf(request), planOf(request).id, body, memberInput(values));
      } catch (error) {
        if (error instanceof ValidationError) return renderBody(request, reply, body, { values, errors: error.fields }, 400);
        throw error;
      }
      return seeOther(reply, `/styring/organer/${body}?besked=medlem`);
    });

    const renderMember = async (request: FastifyRequest, reply: FastifyReply, form: { values?: MemberFormValues; errors?: FieldError[] } = {}, status = 200) => {
      const body = bodyParam(request);
      const members = await meetings.members(planOf(request).id, body);
      const member = members.find((m) => m.id === idParam(request));
      if (!member) throw new NotFoundError('Medlemmet findes ikke i organet.');
      return sendPage(
        reply,
        <MemberEditPage ctx={pageContext(request, reply)} body={body} member={member} members={members} values={form.values ?? valuesOfMember(member)} errors={form.errors} />,
        status,
      );
    };

    app.get('/styring/organer/:body/medlemmer/:id', access('governance.manage'), (request, reply) => renderMember(request, reply));

    app.post('/styring/organer/:body/medlemmer/:id', access('governance.manage'), async (request, reply) => {
      const body = bodyParam(request);
      const values = memberValues(request.body);
      try {
        await meetings.updateMember(actorOf(request), planOf(request).id, body, idParam(request), memberInput(values));
      } catch (error) {
        if (error instanceof ValidationError) return renderMember(request, reply, { values, errors: error.fields }, 400);
        throw error;
      }
      return seeOther(reply, `/styring/organer/${body}?besked=medlemgemt`);
    });

    app.post('/styring/organer/:body/medlemmer/:id/fjern', access('governance.manage'), async (request, reply) => {
      const body = bodyParam(request);
      await meetings.removeMember(actorOf(request), planOf(request).id, body, idParam(request));
      return seeOther(reply, `/styring/organer/${body}?besked=fjernet`);
    });

    // Meetings

    const renderMeetings = async (request: FastifyRequest, reply: FastifyReply, year: number, error: string | null = null, status = 200) => {
      const principal = principalOf(request);
      const calendar = await meetings.calendar(planOf(request).id, year);
      const manage = mayManage(principal);
      return sendPage(
        reply,
        <MeetingsPage ctx={pageContext(request, reply)} year={year} meetings={calendar.meetings} warnings={calendar.warnings} manage={manage} message={error ? null : messageOf(request)} error={error} />,
        status,
      );
    };

    app.get('/styring/moeder', access('plan.read'), (request, reply) => renderMeetings(request, reply, yearOf(request, meetings.today())));

    app.post('/styring/moeder/dan', access('governance.manage'), async (request, reply) => {
      const text = formText(request.body, 'year');
      const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
      try {
        await meetings.generate(actorOf(request), planOf(request).id, year);
      } catch (error) {
        if (error instanceof ConflictError) return renderMeetings(request, reply, year, error.message, 409);
        if (error instanceof ValidationError) return renderMeetings(request, reply, Number(meetings.today().slice(0, 4)), error.fields[0]?.message ?? error.message, 400);
        throw error;
      }
      return seeOther(reply, `/styring/moeder?aar=${year}&besked=genereret`);
    });

    const renderNew = (request: FastifyRequest, reply: FastifyReply, year: number, values: MeetingFormValues, errors?: FieldError[], status = 200) =>
      sendPage(reply, <MeetingFormPage ctx={pageContext(request, reply)} meeting={null} year={year} values={values} errors={errors} />, status);

    app.get('/styring/moeder/ny', access('governance.manage'), (request, reply) => {
      const year = yearOf(request, meetings.today());
      return renderNew(request, reply, year, {
        body: 'styregruppe',
        kind: 'ekstra',
        title: defaultTitle('styregruppe', 'ekstra'),
        date: '',
        startsAt: '14:00',
        durationMinutes: String(DEFAULT_DURATION_MINUTES),
        location: '',
        status: 'planlagt',
      });
    });

    app.post('/styring/moeder/ny', access('governance.manage'), async (request, reply) => {
      const values = meetingValues(request.body);
      let id: string;
      try {
        const meeting = await meetings.create(actorOf(request), planOf(request).id, {
          body: values.body,
          kind: values.kind,
          title: values.title || (isMeetingBody(values.body) && values.kind ? defaultTitle(values.body, values.kind as 'ekstra') : ''),
          date: values.date,
          startsAt: values.startsAt,
          durationMinutes: minutesOf(values.durationMinutes),
          location: values.location || null,
        });
        id = meeting.id;
      } catch (error) {
        if (error instanceof ValidationError) return renderNew(request, reply, yearOf(request, meetings.today()), values, error.fields, 400);
        throw error;
      }
      return seeOther(reply, `/styring/moeder/${id}?besked=tilfoejet`);
    });

    app.get('/styring/moeder/:id', access('plan.read'), async (request, reply) => {
      const principal = principalOf(request);
      const planId = planOf(request).id;
      const meeting = await meetings.get(planId, idParam(request));
      const calendar = await meetings.calendar(planId, Number(meeting.date.slice(0, 4)));
      const manage = mayManage(principal);
      return sendPage(reply, <MeetingPage ctx={pageContext(request, reply)} meeting={meeting} warnings={calendar.warnings} manage={manage} message={messageOf(request)} />);
    });

    const renderEdit = async (request: FastifyRequest, reply: FastifyReply, values?: MeetingFormValues, errors?: FieldError[], status = 200) => {
      const meeting = await meetings.get(planOf(request).id, idParam(request));
      const shown = values ?? {
        body: meeting.body,
        kind: meeting.kind,
        title: meeting.title,
        date: meeting.date,
        startsAt: meeting.startsAt,
        durationMinutes: String(meeting.durationMinutes),
        location: meeting.location ?? '',
        status: meeting.status,
      };
      return sendPage(reply, <MeetingFormPage ctx={pageContext(request, reply)} meeting={meeting} year={Number(meeting.date.slice(0, 4))} values={shown} errors={errors} />, status);
    };

    app.get('/styring/moeder/:id/rediger', access('governance.manage'), (request, reply) => renderEdit(request, reply));

    app.post('/styring/moeder/:id/rediger', access('governance.manage'), async (request, reply) => {
      const values = meetingValues(request.body);
      try {
        await meetings.update(actorOf(request), planOf(request).id, idParam(request), {
          title: values.title,
          date: values.date,
          startsAt: values.startsAt,
          durationMinutes: minutesOf(values.durationMinutes),
          location: values.location || null,
          status: values.status as 'planlagt',
        });
      } catch (error) {
        if (error instanceof ValidationError) return renderEdit(request, reply, values, error.fields, 400);
        throw error;
      }
      // The meeting's page shows the cadence warnings about it, so a move that breaks the cadence is seen at once.
      return seeOther(reply, `/styring/moeder/${idParam(request)}?besked=gemt`);
    });

    app.get('/styring/moeder/:id/invitation.ics', access('governance.manage'), async (request, reply) => {
      const principal = principalOf(request);
      const { meeting, ics } = await meetings.invitation(planOf(request).id, idParam(request), { name: principal.name, email: principal.email });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="indkaldelse-${meeting.body}-${meeting.date}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(ics);
    });

    // The personal calendar feed

    const renderFeeds = async (request: FastifyRequest, reply: FastifyReply, newUrl: string | null = null, status = 200) => {
      const feeds = await meetings.feeds(principalOf(request), planOf(request).id);
      return sendPage(reply, <FeedPage ctx={pageContext(request, reply)} feeds={feeds} newUrl={newUrl} message={messageOf(request)} />, status);
    };

    app.get('/styring/kalender', access('plan.read'), (request, reply) => renderFeeds(request, reply));

    app.post('/styring/kalender', access('plan.read'), async (request, reply) => {
      const created = await meetings.createFeed(principalOf(request), actorOf(request), planOf(request).id);
      // The address is shown on this response only; it is never stored or redirected with.
      return renderFeeds(request, reply, `${services.config.publicUrl}${created.path}`, 201);
    });

    app.post('/styring/kalender/:id/tilbagekald', access('plan.read'), async (request, reply) => {
      await meetings.revokeFeed(principalOf(request), actorOf(request), planOf(request).id, idParam(request));
      return seeOther(reply, '/styring/kalender?besked=tilbagekaldt');
    });

    // Calendar programs cannot log in: the token in the address is the credential, checked by the service.
    app.get('/kalender/:token/helhed.ics', access('public'), async (request, reply) => {
      const ics = await meetings.feedCalendar((request.params as { token: string }).token);
      if (ics === null) throw new NotFoundError('Kalenderadressen findes ikke eller er tilbagekaldt.');
      return reply.header('cache-control', 'private, no-store').type('text/calendar; charset=utf-8').send(ics);
    });
  };
}
