import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { permissionsOf, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { danishDateOf, localToInstant, offsetAt, parseIsoDate } from '../time/copenhagen.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { crisisAccessOf } from './crisis-access.js';
import { crisisSettings, saveCrisisSettings } from './crisis-settings.js';
import { deadlineOutcome, nonWorkingDaysAhead, splitClosingDays } from './convening.js';
import { conveningServiceFor } from './convening.service.js';
import {
  AnswerLinkInvalidPage,
  AnswerPage,
  answerPath,
  ConveningPage,
  CrisisSettingsPage,
  EMPTY_AD_HOC,
  SETTINGS_PATH,
  settingsValues,
  type AdHocFormValues,
  type HeldFormValues,
  type MeetingFormValues,
  type SettingsFormValues,
} from './convening.views.js';
import { incidentPath } from './incident.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission | 'public') => ({ config: { access: permission }, ...page });

/** Messages shown once after a redirect; the address carries only a key into this list (`?besked=…`). */
const MESSAGES = {
  gemt: 'Indstillingerne er gemt. Frister, der allerede er fastsat, er uændrede.',
  svar: 'Dit svar er registreret.',
  moede: 'Mødet er gemt, og de indkaldte har fået en kalenderinvitation.',
  afholdt: 'Mødet er registreret som holdt.',
  deltager: 'Deltageren er tilføjet og indkaldt.',
} as const;

function messageOf(request: FastifyRequest): string | null {
  const key = (request.query as { besked?: string }).besked;
  return key && Object.hasOwn(MESSAGES, key) ? MESSAGES[key as keyof typeof MESSAGES] : null;
}

/** Copenhagen wall time of an instant as the form's date and `HH:MM`. */
function wallOf(instant: Date): { date: string; time: string } {
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime()));
  return { date: danishDateOf(instant), time: `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}` };
}

/** A date and a time typed in a form, as the Copenhagen instant, or the errors naming the fields. */
function instantOf(date: string, time: string, fields: { date: string; time: string }, what: string): { at: Date } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const d = parseIsoDate(date.trim());
  const t = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(time.trim());
  if (!d) errors.push({ field: fields.date, message: `Skriv datoen for ${what} som ÅÅÅÅ-MM-DD, fx 2026-03-29.` });
  if (!t) errors.push({ field: fields.time, message: `Skriv tidspunktet for ${what} som TT:MM, fx 10:00.` });
  if (!d || !t) return { errors };
  return { at: localToInstant(d.year, d.month, d.day, Number(t[1]), Number(t[2])) };
}

function settingsFormValues(body: unknown): SettingsFormValues {
  return {
    closingDays: formText(body, 'closingDays'),
    escalationMinutesRed: formText(body, 'escalationMinutesRed').trim(),
    escalationMinutesYellow: formText(body, 'escalationMinutesYellow').trim(),
    campaignMonths: formList(body, 'campaignMonths'),
    staleAfterMonths: formText(body, 'staleAfterMonths').trim(),
  };
}

/** A whole number typed in a form, or NaN (which the settings check names). */
const wholeNumber = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : Number.NaN);

type IncidentParams = { id: string };
type Form = 'moede' | 'afholdt' | 'deltager' | 'svar';

/**
 * Pages of the crisis module, part C (issue 7): the crisis settings with the working-day calendar
 * (`/beredskab/indstillinger`), an incident's convening (`/beredskab/haendelser/:id/indkaldelse`: the deadline, who
 * was invited and answered what, escalations, the meeting, ad-hoc participants) and the public answer page behind the
 * personal link (`/beredskab/svar/:token`).
 */
export function conveningPages(services: AppServices): FastifyPluginAsync {
  const convening = conveningServiceFor(services);

  const renderSettings = async (request: FastifyRequest, reply: FastifyReply, form?: { values: SettingsFormValues; errors: FieldError[] }) => {
    const planId = planOf(request).id;
    const settings = await crisisSettings(services.database, planId);
    const mayEdit = permissionsOf(principalOf(request).roles).has('governance.manage');
    return sendPage(
      reply,
      <CrisisSettingsPage
        ctx={pageContext(request, reply)}
        settings={settings}
        preview={nonWorkingDaysAhead(services.clock(), settings.closingDays)}
        mayEdit={mayEdit}
        values={form?.values ?? settingsValues(settings)}
        {...(form ? { errors: form.errors } : {})}
        message={messageOf(request)}
      />,
      form ? 400 : 200,
    );
  };

  const renderConvening = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: { form: Form; errors: FieldError[]; meeting?: MeetingFormValues; held?: HeldFormValues; adHoc?: AdHocFormValues },
  ) => {
    const planId = planOf(request).id;
    const principal = principalOf(request);
    const id = (request.params as IncidentParams).id;
    const data = await convening.convening(planId, id);
    const crisis = await crisisAccessOf(services.database, principal, planId);
    const incident = data.incident;
    const now = services.clock();
    const planned = incident.meetingPlannedAt ? wallOf(new Date(incident.meetingPlannedAt)) : null;
    const nowWall = wallOf(now);
    return sendPage(
      reply,
      <ConveningPage
        ctx={pageContext(request, reply)}
        convening={data}
        areaName={await convening.areaNameOf(planId, incident.areaSlug)}
        now={now}
        outcome={deadlineOutcome(incident.deadlineAt, incident.meetingHeldAt, now)}
        mayAct={permissionsOf(principal.roles).has('beredskab.activate')}
        own={incident.status === 'aktiv' ? data.participants.filter((p) => p.memberId !== null && crisis.memberIds.includes(p.memberId)) : []}
        meeting={form?.meeting ?? { meetingDate: planned?.date ?? '', meetingTime: planned?.time ?? '', location: incident.meetingLocation ?? '' }}
        held={form?.held ?? { heldDate: nowWall.date, heldTime: nowWall.time }}
        adHoc={form?.adHoc ?? EMPTY_AD_HOC}
        {...(form ? { errors: { form: form.form, list: form.errors } } : {})}
        message={messageOf(request)}
      />,
      form ? 400 : 200,
    );
  };

  const renderAnswer = async (request: FastifyRequest, reply: FastifyReply, errors?: FieldError[]) => {
    const token = (request.params as { token: string }).token;
    const found = await convening.byToken(token);
    if (!found) return sendPage(reply, <AnswerLinkInvalidPage ctx={pageContext(request, reply)} />, 404);
    return sendPage(
      reply,
      <AnswerPage ctx={pageContext(request, reply)} token={token} {...found} {...(errors ? { errors } : {})} message={messageOf(request)} />,
      errors ? 400 : 200,
    );
  };

  return async (app) => {
    app.get(SETTINGS_PATH, access('beredskab.read'), (request, reply) => renderSettings(request, reply));

    app.post(SETTINGS_PATH, access('governance.manage'), async (request, reply) => {
      const values = settingsFormValues(request.body);
      try {
        await saveCrisisSettings(services.database, services.clock, actorOf(request), planOf(request).id, {
          closingDays: splitClosingDays(values.closingDays),
          escalationMinutes: { roed: wholeNumber(values.escalationMinutesRed), gul: wholeNumber(values.escalationMinutesYellow) },
          campaignMonths: values.campaignMonths.map(wholeNumber),
          staleAfterMonths: wholeNumber(values.staleAfterMonths),
        });
      } catch (error) {
        if (error instanceof ValidationError) {
          // The settings check names the two escalation fields by the form's names already; the others match too.
          return renderSettings(request, reply, { values, errors: error.fields });
        }
        throw error;
      }
      return seeOther(reply, `${SETTINGS_PATH}?besked=gemt`);
    });

    const conveningPath = incidentPath(':id', 'indkaldelse');
    app.get(conveningPath, access('beredskab.read'), (request, reply) => renderConvening(request, reply));

    const back = (request: FastifyRequest, key: keyof typeof MESSAGES) => `${incidentPath((request.params as IncidentParams).id, 'indkaldelse')}?besked=${key}`;

    app.post(`${conveningPath}/svar`, access('beredskab.read'), async (request, reply) => {
      const planId = planOf(request).id;
      const crisis = await crisisAccessOf(services.database, principalOf(request), planId);
      try {
        await convening.answerAsMember(actorOf(request), crisis.memberIds, planId, (request.params as IncidentParams).id, formText(request.body, 'participantId'), formText(request.body, 'response'));
      } catch (error) {
        if (error instanceof ValidationError) return renderConvening(request, reply, { form: 'svar', errors: error.fields });
        throw error;
      }
      return seeOther(reply, back(request, 'svar'));
    });

    app.post(`${conveningPath}/moede`, access('beredskab.activate'), async (request, reply) => {
      const meeting: MeetingFormValues = { meetingDate: formText(request.body, 'meetingDate').trim(), meetingTime: formText(request.body, 'meetingTime').trim(), location: formText(request.body, 'location').trim() };
      const parsed = instantOf(meeting.meetingDate, meeting.meetingTime, { date: 'meetingDate', time: 'meetingTime' }, 'mødet');
      if ('errors' in parsed) return renderConvening(request, reply, { form: 'moede', errors: parsed.errors, meeting });
      try {
        await convening.setMeeting(actorOf(request), planOf(request).id, (request.params as IncidentParams).id, { plannedAt: parsed.at, location: meeting.location || null });
      } catch (error) {
        if (error instanceof ValidationError) return renderConvening(request, reply, { form: 'moede', errors: error.fields.length > 0 ? error.fields : [{ field: 'meetingDate', message: error.message }], meeting });
        throw error;
      }
      return seeOther(reply, back(request, 'moede'));
    });

    app.post(`${conveningPath}/afholdt`, access('beredskab.activate'), async (request, reply) => {
      const held: HeldFormValues = { heldDate: formText(request.body, 'heldDate').trim(), heldTime: formText(request.body, 'heldTime').trim() };
      const parsed = instantOf(held.heldDate, held.heldTime, { date: 'heldDate', time: 'heldTime' }, 'mødet');
      if ('errors' in parsed) return renderConvening(request, reply, { form: 'afholdt', errors: parsed.errors, held });
      try {
        await convening.meetingHeld(actorOf(request), planOf(request).id, (request.params as IncidentParams).id, parsed.at);
      } catch (error) {
        if (error instanceof ValidationError) return renderConvening(request, reply, { form: 'afholdt', errors: error.fields.map((f) => ({ ...f, field: f.field === 'heldAt' ? 'heldDate' : f.field })), held });
        throw error;
      }
      return seeOther(reply, back(request, 'afholdt'));
    });

    app.post(`${conveningPath}/deltagere`, access('beredskab.activate'), async (request, reply) => {
      const adHoc: AdHocFormValues = {
        name: formText(request.body, 'name').trim(),
        role: formText(request.body, 'role').trim(),
        organisation: formText(request.body, 'organisation').trim(),
        email: formText(request.body, 'email').trim(),
        phone: formText(request.body, 'phone').trim(),
        isAuthority: formText(request.body, 'isAuthority') === 'ja' ? 'ja' : 'nej',
      };
      try {
        await convening.addAdHoc(actorOf(request), planOf(request).id, (request.params as IncidentParams).id, {
          name: adHoc.name,
          role: adHoc.role,
          organisation: adHoc.organisation,
          email: adHoc.email || null,
          phone: adHoc.phone || null,
          isAuthority: adHoc.isAuthority === 'ja',
        });
      } catch (error) {
        if (error instanceof ValidationError) return renderConvening(request, reply, { form: 'deltager', errors: error.fields.length > 0 ? error.fields : [{ field: 'name', message: error.message }], adHoc });
        throw error;
      }
      return seeOther(reply, back(request, 'deltager'));
    });

    app.get('/beredskab/svar/:token', access('public'), (request, reply) => renderAnswer(request, reply));

    app.post('/beredskab/svar/:token', access('public'), async (request, reply) => {
      const token = (request.params as { token: string }).token;
      if (!(await convening.byToken(token))) return renderAnswer(request, reply);
      try {
        await convening.answerByToken(token, formText(request.body, 'response'));
      } catch (error) {
        if (error instanceof ValidationError) return renderAnswer(request, reply, error.fields);
        throw error;
      }
      return seeOther(reply, `${answerPath(token)}?besked=svar`);
    });
  };
}
