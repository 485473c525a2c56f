import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { areaPages } from '../areas/areas.pages.js';
import { allows, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash, type FlashKey } from '../web/flash.js';
import { formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { ActivityPage } from './activity.views.js';
import type { Activity, Body, ChangeRule, DataRemark, Indicator } from './content/types.js';
import { diffVersions } from './diff.js';
import { IndicatorPage, InterventionAreaPage } from './intervention-area.views.js';
import { elementTitle, elementUrl } from './plan-links.js';
import { ActivityEditPage, StaffHoursEditPage, type ActivityFormValues, type StaffHoursFormValues } from './plan-edit.views.js';
import {
  changedFields,
  decisionFormErrors,
  EMPTY_STAFF_HOURS_ROW,
  EMPTY_TARGET_ROW,
  errorsOnRows,
  normaliseText,
  readDecision,
  readStaffHoursRows,
  readTargetRows,
  staffHoursRowsOf,
  targetRowsOf,
} from './plan-forms.js';
import type { GoalData, InterventionAreaData, PlanElement, PlanSnapshot, SubGoalData } from './plan-snapshot.js';
import { maySeeCrisisContacts, organisationOf } from './plan.present.js';
import { elementKindLabel, itemNamesOf } from './plan.labels.js';
import { validateChanges, type ChangeProposal, type ChangeResult, type PlanService } from './plan.service.js';
import { OrganisationPage, PlanTreePage, SearchPage, type PlanOverview } from './plan.views.js';
import { HistoryPage, ProposalPage, ProposalsPage, type ElementRef, type ProposalPageProps } from './proposal.views.js';

/** The longest search the search page reads (as the API's /api/v1/plan/search). */
const MAX_SEARCH = 200;
const SEARCH_LIMIT = 50;
const TARGET_INPUTS = ['measure', 'kind', 'min', 'max', 'value', 'per', 'printed'];
const STAFF_INPUTS = ['organisation', 'activity', 'hoursPerYear', 'printed'];

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

function may(request: FastifyRequest, permission: Permission): boolean {
  return allows(permission, true, principalOf(request).roles);
}

function areaNamesOf(snapshot: PlanSnapshot): Map<string, string> {
  return new Map(snapshot.areas().map((a) => [a.data.slug, a.data.name]));
}

function refOf(snapshot: PlanSnapshot, element: PlanElement): ElementRef {
  return { title: elementTitle(element), kindLabel: elementKindLabel(element.kind), url: elementUrl(snapshot, element), version: element.version };
}

function findActivity(snapshot: PlanSnapshot, slug: string): { activity: PlanElement<Activity>; ia: PlanElement<InterventionAreaData> } {
  const activity = snapshot.find<Activity>('activity', slug);
  const ia = activity ? (snapshot.parentOf(activity) as PlanElement<InterventionAreaData> | undefined) : undefined;
  if (!activity || !ia) throw new NotFoundError('Aktiviteten findes ikke i planen.');
  return { activity, ia };
}

function findInterventionArea(snapshot: PlanSnapshot, slug: string): PlanElement<InterventionAreaData> {
  const ia = snapshot.find<InterventionAreaData>('intervention-area', slug);
  if (!ia) throw new NotFoundError('Indsatsområdet findes ikke i planen.');
  return ia;
}

/** The message for the flash after an edit form: a new version, a proposal, or both. */
function flashFor(version: boolean, proposal: boolean): FlashKey {
  if (version && proposal) return 'planVersionAndProposal';
  return proposal ? 'planProposalCreated' : 'planVersionSaved';
}

const STALE_FORM = 'En anden har gemt en ændring, efter du åbnede formularen. Formularen viser nu den gældende version med dine ændringer; se dem igennem, og gem igen.';

/**
 * The plan's pages: the tree, search, intervention areas, indicators, activities (with their edit form), the staff
 * hours form, the history of any element, change proposals with the board's and LBF's decisions, and the
 * organisation. The area pages are registered from here too, so that the app registers the plan's pages in one line.
 */
export function planPages(services: AppServices): FastifyPluginAsync {
  const { plan } = services;
  return async (app) => {
    await app.register(areaPages(services));
    const snap = (request: FastifyRequest) => plan.snapshot(planOf(request).id);

    app.get('/planen', access('plan.read'), async (request, reply) => {
      const snapshot = await snap(request);
      return sendPage(reply, <PlanTreePage ctx={pageContext(request, reply)} tree={overviewOf(snapshot, planOf(request))} />);
    });

    app.get('/planen/soeg', access('plan.read'), async (request, reply) => {
      const query = formText(request.query, 'q');
      const ctx = pageContext(request, reply);
      if (query.length > MAX_SEARCH) {
        const errors = [{ field: 'q', message: `Søgningen må højst være ${MAX_SEARCH} tegn; den er ${query.length}.` }];
        return sendPage(reply, <SearchPage ctx={ctx} query={query.slice(0, MAX_SEARCH)} hits={null} limit={SEARCH_LIMIT} errors={errors} />, 400);
      }
      const hits = query.trim() === '' ? null : (await snap(request)).searchIndex().search(query, SEARCH_LIMIT);
      return sendPage(reply, <SearchPage ctx={ctx} query={query} hits={hits} limit={SEARCH_LIMIT} />);
    });

    app.get('/indsatsomraader/:slug', access('plan.read'), async (request, reply) => {
      const snapshot = await snap(request);
      const ia = findInterventionArea(snapshot, (request.params as { slug: string }).slug);
      const view = {
        element: ia,
        subGoals: snapshot.childrenOf<SubGoalData>(ia.id, 'sub-goal').map((sg) => ({ ...sg.data, indicators: snapshot.childrenOf<Indicator>(sg.id, 'indicator').map((i) => i.data) })),
        activities: snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => a.data),
        proposals: await plan.proposals(planOf(request).id, ia.id),
      };
      return sendPage(reply, <InterventionAreaPage ctx={pageContext(request, reply)} view={view} areaNames={areaNamesOf(snapshot)} canEdit={may(request, 'plan.edit')} />);
    });

    app.get('/indikatorer/:code', access('plan.read'), async (request, reply) => {
      const snapshot = await snap(request);
      const element = snapshot.find<Indicator>('indicator', (request.params as { code: string }).code);
      if (!element) throw new NotFoundError('Indikatoren findes ikke i planen.');
      const parent = snapshot.parentOf(element);
      const ia = parent?.kind === 'sub-goal' ? (snapshot.parentOf(parent) as PlanElement<InterventionAreaData> | undefined) : undefined;
      const belongsTo = parent
        ? { label: parent.kind === 'goal' ? 'Overordnet mål' : `Delmål i ${ia?.data.name ?? 'indsatsområdet'}`, title: elementTitle(parent), url: elementUrl(snapshot, parent) }
        : null;
      const view = { element, belongsTo, interventionArea: ia ? { slug: ia.data.slug, name: ia.data.name } : null };
      return sendPage(reply, <IndicatorPage ctx={pageContext(request, reply)} view={view} areaNames={areaNamesOf(snapshot)} />);
    });

    app.get('/aktiviteter/:slug', access('plan.read'), async (request, reply) => {
      const snapshot = await snap(request);
      const { activity, ia } = findActivity(snapshot, (request.params as { slug: string }).slug);
      const view = {
        element: activity,
        interventionArea: { slug: ia.data.slug, name: ia.data.name },
        staffHours: ia.data.staffHours.filter((h) => h.activity === activity.data.slug),
        proposals: await plan.proposals(planOf(request).id, activity.id),
      };
      return sendPage(reply, <ActivityPage ctx={pageContext(request, reply)} view={view} areaNames={areaNamesOf(snapshot)} canEdit={may(request, 'plan.edit')} />);
    });

    // Editing an activity: the practical details take effect at once, the targets become a proposal.

    async function activityForm(request: FastifyRequest, reply: FastifyReply, values: ActivityFormValues | null, errors: FieldError[] = [], status = 200, conflict?: string) {
      const { activity, ia } = findActivity(await snap(request), (request.params as { slug: string }).slug);
      const a = activity.data;
      const shown = values ?? {
        content: a.content,
        responsibility: a.responsibility,
        resources: a.resources ?? '',
        reason: '',
        targetRows: [...targetRowsOf(a.targets), EMPTY_TARGET_ROW],
        version: activity.version,
      };
      return sendPage(
        reply,
        <ActivityEditPage
          ctx={pageContext(request, reply)}
          activity={{ slug: a.slug, name: a.name }}
          interventionArea={{ slug: ia.data.slug, name: ia.data.name }}
          values={conflict ? { ...shown, version: activity.version } : shown}
          errors={errors}
          {...(conflict ? { conflict } : {})}
        />,
        status,
      );
    }

    app.get('/aktiviteter/:slug/rediger', access('plan.edit'), (request, reply) => activityForm(request, reply, null));

    app.post('/aktiviteter/:slug/rediger', access('plan.edit'), async (request, reply) => {
      const planId = planOf(request).id;
      const { activity } = findActivity(await snap(request), (request.params as { slug: string }).slug);
      const body = request.body;
      const read = readTargetRows(body, activity.data.slug, activity.data.targets);
      const values: ActivityFormValues = {
        content: normaliseText(formText(body, 'content')),
        responsibility: normaliseText(formText(body, 'responsibility')),
        resources: normaliseText(formText(body, 'resources')),
        reason: normaliseText(formText(body, 'reason')),
        targetRows: read.rows,
        version: Number(formText(body, 'version')) || activity.version,
      };
      if (values.version !== activity.version) return activityForm(request, reply, values, [], 409, STALE_FORM);
      const errors: FieldError[] = [];
      if (values.content.trim() === '') errors.push({ field: 'content', message: 'Skriv aktivitetens indhold.' });
      if (values.responsibility.trim() === '') errors.push({ field: 'responsibility', message: 'Skriv, hvem der har ansvaret, og hvordan rollerne er fordelt.' });
      errors.push(...read.errors);
      const changes = changedFields(activity.data as unknown as Record<string, unknown>, {
        content: values.content,
        responsibility: values.responsibility,
        resources: values.resources,
        ...(read.errors.length === 0 ? { targets: read.targets } : {}),
      });
      // The service's own rules (the reason, the schema, the target kinds) are checked too, so that every problem is
      // listed at once; a field already reported above is not reported twice, and "no changes" is not claimed while
      // the targets could not be read.
      const serviceErrors = errorsOnRows(validateChanges('activity', changes, values.reason), 'targets', read.rowOf, TARGET_INPUTS)
        .filter((e) => !errors.some((mine) => mine.field === e.field))
        .filter((e) => e.field !== 'changes' || errors.length === 0)
        .map((e) => (e.field === 'changes' ? { field: 'content', message: 'Der er ingen ændringer at gemme. Ret en tekst eller et mål, eller gå tilbage.' } : e));
      errors.push(...serviceErrors);
      if (errors.length > 0) return activityForm(request, reply, values, errors, 400);

      let result: ChangeResult;
      try {
        result = await plan.changeElement(planId, actorOf(request), activity.id, changes, values.reason, { expectedVersion: values.version });
      } catch (error) {
        if (error instanceof ValidationError) return activityForm(request, reply, values, errorsOnRows(error.fields, 'targets', read.rowOf, TARGET_INPUTS), 400);
        if (error instanceof ConflictError) return activityForm(request, reply, values, [], 409, STALE_FORM);
        throw error;
      }
      setFlash(reply, flashFor(result.version !== null, result.proposal !== null));
      return seeOther(reply, `/aktiviteter/${activity.data.slug}`);
    });

    // Editing an intervention area's staff hours: always a proposal (part of the sub-agreement).

    async function staffHoursForm(request: FastifyRequest, reply: FastifyReply, values: StaffHoursFormValues | null, errors: FieldError[] = [], status = 200, conflict?: string) {
      const snapshot = await snap(request);
      const ia = findInterventionArea(snapshot, (request.params as { slug: string }).slug);
      const shown = values ?? { reason: '', rows: [...staffHoursRowsOf(ia.data.staffHours), EMPTY_STAFF_HOURS_ROW], version: ia.version };
      return sendPage(
        reply,
        <StaffHoursEditPage
          ctx={pageContext(request, reply)}
          interventionArea={{ slug: ia.data.slug, name: ia.data.name }}
          activities={snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => ({ slug: a.data.slug, name: a.data.name }))}
          values={conflict ? { ...shown, version: ia.version } : shown}
          errors={errors}
          {...(conflict ? { conflict } : {})}
        />,
        status,
      );
    }

    app.get('/indsatsomraader/:slug/timer/rediger', access('plan.edit'), (request, reply) => staffHoursForm(request, reply, null));

    app.post('/indsatsomraader/:slug/timer/rediger', access('plan.edit'), async (request, reply) => {
      const snapshot = await snap(request);
      const ia = findInterventionArea(snapshot, (request.params as { slug: string }).slug);
      const activities = new Set(snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => a.data.slug));
      const read = readStaffHoursRows(request.body, ia.data.staffHours, activities);
      const values: StaffHoursFormValues = { reason: normaliseText(formText(request.body, 'reason')), rows: read.rows, version: Number(formText(request.body, 'version')) || ia.version };
      if (values.version !== ia.version) return staffHoursForm(request, reply, values, [], 409, STALE_FORM);
      const changes = read.errors.length === 0 ? changedFields(ia.data as unknown as Record<string, unknown>, { staffHours: read.staffHours }) : {};
      const serviceErrors = errorsOnRows(validateChanges('intervention-area', changes, values.reason), 'staffHours', read.rowOf, STAFF_INPUTS)
        .filter((e) => read.errors.length === 0 || e.field === 'reason')
        .map((e) => (e.field === 'changes' ? { field: 'staffHours[0].organisation', message: 'Der er ingen ændringer at foreslå. Ret en række, tilføj en, eller gå tilbage.' } : e));
      const errors = [...read.errors, ...serviceErrors];
      if (errors.length > 0) return staffHoursForm(request, reply, values, errors, 400);
      try {
        const result = await plan.changeElement(planOf(request).id, actorOf(request), ia.id, changes, values.reason, { expectedVersion: values.version });
        setFlash(reply, flashFor(result.version !== null, result.proposal !== null));
      } catch (error) {
        if (error instanceof ValidationError) return staffHoursForm(request, reply, values, errorsOnRows(error.fields, 'staffHours', read.rowOf, STAFF_INPUTS), 400);
        if (error instanceof ConflictError) return staffHoursForm(request, reply, values, [], 409, STALE_FORM);
        throw error;
      }
      return seeOther(reply, `/indsatsomraader/${ia.data.slug}#personaletimer`);
    });

    // History and proposals

    app.get('/planen/historik/:id', access('plan.read'), async (request, reply) => {
      const history = await plan.history(planOf(request).id, (request.params as { id: string }).id);
      // The crisis group's contacts are personal data shown only to those who work the crisis plan.
      if (history.element.kind === 'crisis-role') throw new NotFoundError('Planelementet findes ikke.');
      const snapshot = await snap(request);
      return sendPage(reply, <HistoryPage ctx={pageContext(request, reply)} element={refOf(snapshot, history.element)} versions={history.versions} table={history.table} />);
    });

    app.get('/planen/forslag', access('plan.read'), async (request, reply) => {
      const snapshot = await snap(request);
      const proposals = await plan.proposals(planOf(request).id);
      const rows = proposals.map((proposal) => {
        const element = snapshot.get(proposal.elementId);
        return { proposal, element: element ? refOf(snapshot, element) : null };
      });
      return sendPage(reply, <ProposalsPage ctx={pageContext(request, reply)} rows={rows} />);
    });

    async function proposalPage(request: FastifyRequest, reply: FastifyReply, form?: ProposalPageProps['form'], status = 200) {
      const planId = planOf(request).id;
      const proposal = await plan.proposal(planId, (request.params as { id: string }).id);
      const snapshot = await snap(request);
      const element = snapshot.get(proposal.elementId);
      if (!element || element.kind === 'crisis-role') throw new NotFoundError('Ændringsforslaget findes ikke.');
      const { before, comparedWith } = await comparisonBase(plan, planId, proposal, element);
      const fields = Object.keys(proposal.changes);
      const pick = (data: unknown) => Object.fromEntries(fields.map((f) => [f, (data as Record<string, unknown>)[f]]));
      return sendPage(
        reply,
        <ProposalPage
          ctx={pageContext(request, reply)}
          proposal={proposal}
          element={refOf(snapshot, element)}
          changes={diffVersions(pick(before), proposal.changes)}
          itemNames={itemNamesOf(proposal.changes, before)}
          comparedWith={comparedWith}
          can={{ board: may(request, 'plan.decide'), lbf: may(request, 'governance.manage'), withdraw: may(request, 'plan.edit') }}
          {...(form ? { form } : {})}
        />,
        status,
      );
    }

    app.get('/planen/forslag/:id', access('plan.read'), (request, reply) => proposalPage(request, reply));

    async function decide(request: FastifyRequest, reply: FastifyReply, which: 'board' | 'lbf') {
      const name = which === 'board' ? 'consensus' : 'approved';
      const values = readDecision(request.body, name);
      const errors = decisionFormErrors(values, name);
      if (errors.length > 0) return proposalPage(request, reply, { which, values, errors }, 400);
      const id = (request.params as { id: string }).id;
      const record = which === 'board' ? plan.recordBoardDecision.bind(plan) : plan.recordLbfDecision.bind(plan);
      try {
        await record(planOf(request).id, actorOf(request), id, values.answer === 'ja', values.decisionDate, values.note);
      } catch (error) {
        if (error instanceof ValidationError) return proposalPage(request, reply, { which, values, errors: error.fields }, 400);
        throw error;
      }
      setFlash(reply, which === 'board' ? 'boardDecisionRecorded' : 'lbfDecisionRecorded');
      return seeOther(reply, `/planen/forslag/${id}`);
    }

    app.post('/planen/forslag/:id/bestyrelse', access('plan.decide'), (request, reply) => decide(request, reply, 'board'));
    app.post('/planen/forslag/:id/lbf', access('governance.manage'), (request, reply) => decide(request, reply, 'lbf'));

    app.post('/planen/forslag/:id/traek-tilbage', access('plan.edit'), async (request, reply) => {
      const id = (request.params as { id: string }).id;
      await plan.withdraw(planOf(request).id, actorOf(request), id);
      setFlash(reply, 'proposalWithdrawn');
      return seeOther(reply, `/planen/forslag/${id}`);
    });

    app.get('/organisation', access('plan.read'), async (request, reply) => {
      const snapshot = await snap(request);
      const organisation = organisationOf(snapshot, request.principal);
      return sendPage(
        reply,
        <OrganisationPage
          ctx={pageContext(request, reply)}
          bodies={organisation.bodies as Body[]}
          changeRules={organisation.changeRules as ChangeRule[]}
          crisisGroup={organisation.crisisGroup}
          maySeeContacts={maySeeCrisisContacts(request.principal)}
          remarks={organisation.remarks as DataRemark[]}
        />,
      );
    });
  };
}

/** The plan as a typed tree for the overview page (the API's planTree gives the same parts as JSON). */
function overviewOf(snapshot: PlanSnapshot, plan: { name: string; periodStart: string; periodEnd: string }): PlanOverview {
  const sa = snapshot.strategicAgreement();
  const indicatorsOf = (id: string) => snapshot.childrenOf<Indicator>(id, 'indicator').map((i) => i.data);
  return {
    plan: { name: plan.name, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    strategicAgreement: sa
      ? { ...(sa.data as PlanOverview['strategicAgreement'] & object), goals: snapshot.childrenOf<GoalData>(sa.id, 'goal').map((g) => ({ ...g.data, indicators: indicatorsOf(g.id) })) }
      : null,
    interventionAreas: snapshot.interventionAreas().map((ia) => ({
      ...ia.data,
      subGoals: snapshot.childrenOf<SubGoalData>(ia.id, 'sub-goal').map((sg) => ({ ...sg.data, indicators: indicatorsOf(sg.id) })),
      activities: snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => a.data),
    })),
    areas: snapshot.areas().map((a) => a.data),
  };
}

/**
 * What a proposal's changes are shown against: for an applied proposal, the version before it took effect; otherwise
 * the element's current version (which is what a decision now would change).
 */
async function comparisonBase(plan: PlanService, planId: string, proposal: ChangeProposal, element: PlanElement): Promise<{ before: unknown; comparedWith: string }> {
  if (proposal.appliedVersion !== null) {
    const history = await plan.history(planId, element.id);
    const previous = history.versions.find((v) => v.version === proposal.appliedVersion! - 1);
    if (previous) return { before: previous.data, comparedWith: `version ${previous.version}, som forslaget afløste` };
  }
  return { before: element.data, comparedWith: `den gældende version ${element.version}` };
}

