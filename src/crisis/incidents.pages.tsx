import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { permissionsOf, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { incidentPath } from './incident.js';
import { localInputValue, SEVERAL_AREAS, type ActivationInput } from './incidents.js';
import { evaluationsDue } from './evaluation.service.js';
import { incidentServiceFor, mayAct, type Convened } from './incidents.service.js';
import {
  ACTIVATE_PATH,
  ActivatePage,
  CRISIS_PATH,
  CrisisHomePage,
  IncidentPage,
  type ActivationFormValues,
  type IncidentFormState,
  type ModuleLink,
  type PoliceFormValues,
} from './incidents.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

/** The module's other parts, each shown to those with the permission its page needs. */
const MODULE_LINKS: readonly (ModuleLink & { access: Permission })[] = [
  { href: '/beredskab/gruppe', label: 'Beredskabsgruppen', text: 'medlemmer, suppleanter og kontaktoplysninger', access: 'beredskab.read' },
  { href: '/beredskab/kort.pdf', label: 'Kriseberedskabskort (PDF)', text: 'én side med kontakterne og politiets nummer 114, til at printe', access: 'beredskab.read' },
  { href: '/beredskab/presse', label: 'Pressekontakter', text: 'hvem der inddrages ved kontakt til pressen', access: 'beredskab.read' },
  { href: '/beredskab/skabeloner', label: 'Skabeloner og opgaver', text: 'handleplanens opgaver pr. situation og hver organisations forpligtelser', access: 'beredskab.read' },
  { href: '/beredskab/statusmoede', label: 'Årligt statusmøde', text: 'mødet og dets opsummering af årets hændelser', access: 'beredskab.read' },
  { href: '/beredskab/logkontrol', label: 'Kontrol af loggen', text: 'om hændelsernes log er uændret', access: 'beredskab.read' },
  { href: '/beredskab/indstillinger', label: 'Indstillinger', text: 'arbejdsdagskalenderens lukkedage og tiden før eskalering til suppleanten', access: 'beredskab.read' },
];

const EMPTY_POLICE: PoliceFormValues = { status: '', contact: '', contactedAt: '', assessedLevel: '' };

function policeValues(body: unknown): PoliceFormValues {
  return {
    status: formText(body, 'police.status'),
    contact: formText(body, 'police.contact').trim(),
    contactedAt: formText(body, 'police.contactedAt').trim(),
    assessedLevel: formText(body, 'police.assessedLevel'),
  };
}

function activationValues(body: unknown): ActivationFormValues {
  return {
    areaSlug: formText(body, 'areaSlug'),
    level: formText(body, 'level'),
    situationType: formText(body, 'situationType'),
    description: formText(body, 'description').trim(),
    police: policeValues(body),
    onBehalfOf: formText(body, 'onBehalfOf'),
    onBehalfOfName: formText(body, 'onBehalfOfName').trim(),
  };
}

const activationInput = (v: ActivationFormValues): ActivationInput => ({
  areaSlug: v.areaSlug === SEVERAL_AREAS ? null : v.areaSlug,
  level: v.level,
  situationType: v.situationType,
  description: v.description,
  police: v.police,
  onBehalfOf: v.onBehalfOf || v.onBehalfOfName ? { memberId: v.onBehalfOf || null, name: v.onBehalfOfName || null } : null,
});

/** A form's own field names for the service's `reason`, since two forms on the incident page each have one. */
const renameReason = (errors: readonly FieldError[], field: string) => errors.map((e) => (e.field === 'reason' ? { ...e, field } : e));

/**
 * Pages of activation and incidents (issue 7, part 2): `/beredskab` (the module's home), `/beredskab/aktiver` (the
 * phone-first activation form) and `/beredskab/haendelser/:id` (an incident's overview) with its forms to record the
 * police's assessment afterwards, change the level and stand down.
 */
export function incidentsPages(services: AppServices): FastifyPluginAsync {
  const incidents = incidentServiceFor(services);

  const afterConvening = (request: FastifyRequest, reply: FastifyReply, outcome: Convened, ok: 'incidentActivated' | 'incidentLevelChanged') => {
    if (outcome.conveningError) {
      request.log.error({ err: outcome.conveningError, incidentId: outcome.incident.id }, 'convening after a level was set failed');
      setFlash(reply, 'incidentConveningFailed');
    } else {
      setFlash(reply, ok);
    }
    return seeOther(reply, incidentPath(outcome.incident.id));
  };

  const renderActivate = async (request: FastifyRequest, reply: FastifyReply, values: ActivationFormValues, errors?: FieldError[]) => {
    const planId = planOf(request).id;
    const access = await incidents.access(principalOf(request), planId);
    const [areas, members] = await Promise.all([incidents.areas(planId), access.manage ? incidents.groupMembers(planId) : Promise.resolve(null)]);
    return sendPage(
      reply,
      <ActivatePage ctx={pageContext(request, reply)} areas={areas} members={members} isMember={access.memberIds.length > 0} values={values} {...(errors ? { errors } : {})} />,
      errors ? 400 : 200,
    );
  };

  const renderIncident = async (request: FastifyRequest, reply: FastifyReply, state?: IncidentFormState) => {
    const overview = await incidents.overview(principalOf(request), planOf(request).id, (request.params as { id: string }).id);
    return sendPage(
      reply,
      <IncidentPage ctx={pageContext(request, reply)} overview={overview} mayAct={mayAct(overview.access)} policeDefault={localInputValue(overview.now)} {...(state ? { state } : {})} />,
      state ? 400 : 200,
    );
  };

  return async (app) => {
    app.get(CRISIS_PATH, access('beredskab.read'), async (request, reply) => {
      const principal = principalOf(request);
      const planId = planOf(request).id;
      const [home, crisisAccess, dueEvaluations] = await Promise.all([
        incidents.home(planId),
        incidents.access(principal, planId),
        evaluationsDue(services.database, planId, incidents.now()),
      ]);
      const permissions = permissionsOf(principal.roles);
      return sendPage(
        reply,
        <CrisisHomePage
          ctx={pageContext(request, reply)}
          now={incidents.now()}
          {...home}
          dueEvaluations={dueEvaluations}
          mayActivate={mayAct(crisisAccess)}
          links={MODULE_LINKS.filter((l) => permissions.has(l.access))}
        />,
      );
    });

    app.get(ACTIVATE_PATH, access('beredskab.activate'), (request, reply) =>
      renderActivate(request, reply, {
        areaSlug: '',
        level: '',
        situationType: '',
        description: '',
        police: { ...EMPTY_POLICE, contactedAt: localInputValue(incidents.now()) },
        onBehalfOf: '',
        onBehalfOfName: '',
      }),
    );

    app.post(ACTIVATE_PATH, access('beredskab.activate'), async (request, reply) => {
      const values = activationValues(request.body);
      try {
        const outcome = await incidents.activate(principalOf(request), actorOf(request), planOf(request).id, activationInput(values));
        return afterConvening(request, reply, outcome, 'incidentActivated');
      } catch (error) {
        if (error instanceof ValidationError) return renderActivate(request, reply, values, error.fields);
        throw error;
      }
    });

    app.get('/beredskab/haendelser/:id', access('beredskab.read'), (request, reply) => renderIncident(request, reply));

    app.post('/beredskab/haendelser/:id/niveau', access('beredskab.activate'), async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const values = { level: formText(request.body, 'level'), levelReason: formText(request.body, 'levelReason').trim() };
      try {
        const outcome = await incidents.changeLevel(principalOf(request), actorOf(request), planOf(request).id, id, { level: values.level, reason: values.levelReason });
        return afterConvening(request, reply, outcome, 'incidentLevelChanged');
      } catch (error) {
        if (error instanceof ValidationError) return renderIncident(request, reply, { form: 'niveau', values, errors: renameReason(error.fields, 'levelReason') });
        throw error;
      }
    });

    app.post('/beredskab/haendelser/:id/politi', access('beredskab.activate'), async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const values = policeValues(request.body);
      try {
        await incidents.recordPolice(principalOf(request), actorOf(request), planOf(request).id, id, values);
      } catch (error) {
        if (error instanceof ValidationError) return renderIncident(request, reply, { form: 'politi', values, errors: error.fields });
        throw error;
      }
      setFlash(reply, 'incidentPoliceRecorded');
      return seeOther(reply, incidentPath(id));
    });

    app.post('/beredskab/haendelser/:id/afmeld', access('beredskab.activate'), async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const values = { standDownReason: formText(request.body, 'standDownReason').trim() };
      try {
        await incidents.standDown(principalOf(request), actorOf(request), planOf(request).id, id, { reason: values.standDownReason });
      } catch (error) {
        if (error instanceof ValidationError) return renderIncident(request, reply, { form: 'afmeld', values, errors: renameReason(error.fields, 'standDownReason') });
        throw error;
      }
      setFlash(reply, 'incidentStoodDown');
      return seeOther(reply, incidentPath(id));
    });
  };
}
