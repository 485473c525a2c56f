import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { allows, type Permission } from '../auth/permissions.js';
import { actorOf, planOf, principalOf } from '../auth/request-actor.js';
import { ConflictError, ValidationError, type FieldError } from '../errors/errors.js';
import { setFlash } from '../web/flash.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { danishDateOf } from '../time/copenhagen.js';
import { enrolmentTemplateCsv, enrolmentTemplateXlsx } from './enrolment-rows.js';
import { participantServiceOf, TargetGroupBlockedError, type ParticipantInput } from './participants.service.js';
import {
  ConsentPage, EndEnrolmentPage, EnrolmentImportPage, EnrolmentImportResultPage, EnrolPage, HouseholdPage, NewHouseholdPage, ParticipantFormPage, ParticipantPage,
  ParticipantsPage, WithdrawConsentPage, type ConsentFormValues, type EnrolmentFormValues, type Names, type ParticipantFormValues, type SearchValues,
} from './participants.views.js';
import type { TargetGroupFinding } from '../activities/target-group.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

/** The largest enrolment file the page accepts (the same as the API). */
const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

const participantValues = (body: unknown): ParticipantFormValues => ({
  nickname: formText(body, 'nickname'), birthYearMonth: formText(body, 'birthYearMonth').trim(), gender: formText(body, 'gender'), address: formText(body, 'address'),
  keepAddress: formList(body, 'keepAddress').includes('1'), area: formText(body, 'area'), institution: formText(body, 'institution'), school: formText(body, 'school'),
  contactPerson: formText(body, 'contactPerson'), cpr: formText(body, 'cpr'), household: formText(body, 'household'),
});

const enrolmentValues = (body: unknown): EnrolmentFormValues => ({
  activity: formText(body, 'activity'), startDate: formText(body, 'startDate').trim(), endDate: formText(body, 'endDate').trim(), status: formText(body, 'status') || 'aktiv',
  referralKind: formText(body, 'referralKind') || 'selv', referredFromActivity: formText(body, 'referredFromActivity'), referredBy: formText(body, 'referredBy'),
  overrideReason: formText(body, 'overrideReason'),
});

const consentValues = (body: unknown): ConsentFormValues => ({
  givenBy: formText(body, 'givenBy'), givenByName: formText(body, 'givenByName'), givenOn: formText(body, 'givenOn').trim(), purpose: formText(body, 'purpose').trim(),
  legalBasis: formText(body, 'legalBasis'), enrolmentId: formText(body, 'enrolmentId'),
});

/** Errors a form shows next to its fields: a validation's fields, or a conflict's. */
function formErrors(error: unknown): FieldError[] | null {
  if (error instanceof ValidationError) return error.fields;
  if (error instanceof ConflictError) return error.fields.length > 0 ? error.fields : [{ field: 'nickname', message: error.message }];
  return null;
}

/**
 * The participant pages under /deltagere: search, register and change, a person's detail, enrolling (target group
 * checked, override with a reason), ending an enrolment, consent and its withdrawal, households, and the enrolment
 * import. Anyone outside the caller's scope is answered 404, as if the person did not exist.
 */
export function participantPages(services: AppServices): FastifyPluginAsync {
  const participants = participantServiceOf(services);
  const names = async (planId: string): Promise<Names> => {
    const facts = await participants.planFacts(planId);
    return { activities: facts.activityNames, areas: facts.areaNames };
  };
  const canManage = (request: FastifyRequest) => allows('participants.manage', true, principalOf(request).roles);
  const today = () => danishDateOf(services.clock());

  return async (app) => {
    await app.register(multipart, { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 2, parts: 3 } });

    app.get('/deltagere', access('participants.read'), async (request, reply) => {
      const plan = planOf(request);
      const query = request.query as Record<string, string | undefined>;
      const values: SearchValues = { q: query.q ?? '', foedselsaar: query.foedselsaar ?? '', omraade: query.omraade ?? '', aktivitet: query.aktivitet ?? '' };
      const result = await participants.search(plan.id, principalOf(request), actorOf(request), { ...values, efter: query.efter }, { limit: 50, via: 'side' });
      return sendPage(
        reply,
        <ParticipantsPage ctx={pageContext(request, reply)} values={values} result={result} names={await names(plan.id)} activities={result.activities} canManage={canManage(request)} />,
        result.errors.length > 0 ? 400 : 200,
      );
    });

    // Registering -------------------------------------------------------------------------------------------------

    const renderForm = async (request: FastifyRequest, reply: FastifyReply, mode: 'create' | 'edit', values: ParticipantFormValues, errors: FieldError[] = [], code?: string) =>
      sendPage(
        reply,
        <ParticipantFormPage ctx={pageContext(request, reply)} mode={mode} {...(code ? { code } : {})} values={values} names={await names(planOf(request).id)} errors={errors} />,
        errors.length > 0 ? 400 : 200,
      );

    app.get('/deltagere/ny', access('participants.manage'), (request, reply) =>
      renderForm(request, reply, 'create', { ...participantValues({}), household: (request.query as { husstand?: string }).husstand ?? '' }),
    );

    app.post('/deltagere/ny', access('participants.manage'), async (request, reply) => {
      const values = participantValues(request.body);
      try {
        const p = await participants.register(planOf(request).id, principalOf(request), actorOf(request), values as ParticipantInput);
        setFlash(reply, 'participantRegistered');
        return seeOther(reply, `/deltagere/${p.code}`);
      } catch (error) {
        const errors = formErrors(error);
        if (!errors) throw error;
        return renderForm(request, reply, 'create', { ...values, cpr: '' }, errors);
      }
    });

    // Households (before /deltagere/:code, which would otherwise read «husstande» as a code) --------------------

    const renderNewHousehold = async (request: FastifyRequest, reply: FastifyReply, area = '', errors: FieldError[] = []) => {
      const plan = planOf(request);
      const mine = (await participants.myHouseholds(plan.id, principalOf(request))).map((h) => ({ code: h.code, area: h.area_slug, createdAt: h.created_at }));
      return sendPage(reply, <NewHouseholdPage ctx={pageContext(request, reply)} names={await names(plan.id)} area={area} errors={errors} mine={mine} />, errors.length > 0 ? 400 : 200);
    };

    app.get('/deltagere/husstande/ny', access('participants.manage'), (request, reply) => renderNewHousehold(request, reply));

    app.post('/deltagere/husstande/ny', access('participants.manage'), async (request, reply) => {
      const area = formText(request.body, 'area');
      try {
        const h = await participants.createHousehold(planOf(request).id, principalOf(request), actorOf(request), area || null);
        setFlash(reply, 'householdCreated');
        return seeOther(reply, `/deltagere/husstande/${h.code}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderNewHousehold(request, reply, area, error.fields);
      }
    });

    app.get('/deltagere/husstande/:code', access('participants.read'), async (request, reply) => {
      const plan = planOf(request);
      const { household, members } = await participants.household(plan.id, principalOf(request), actorOf(request), (request.params as { code: string }).code);
      return sendPage(reply, <HouseholdPage ctx={pageContext(request, reply)} code={household.code} area={household.area_slug} members={members} names={await names(plan.id)} canManage={canManage(request)} />);
    });

    // Import ------------------------------------------------------------------------------------------------------

    const renderImport = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
      const imports = await participants.enrolmentImports(planOf(request).id, principalOf(request));
      return sendPage(reply, <EnrolmentImportPage ctx={pageContext(request, reply)} imports={imports} errors={errors} maxMegabytes={IMPORT_LIMIT_BYTES / 1024 / 1024} />, status);
    };

    app.get('/deltagere/import', access('participants.manage'), (request, reply) => renderImport(request, reply));

    app.get('/deltagere/import/skabelon.csv', access('participants.manage'), (_request, reply) =>
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="helhed-skabelon-tilmeldinger.csv"').send(enrolmentTemplateCsv()),
    );

    app.get('/deltagere/import/skabelon.xlsx', access('participants.manage'), async (request, reply) => {
      const { activities } = await participants.planFacts(planOf(request).id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="helhed-skabelon-tilmeldinger.xlsx"')
        .send(await enrolmentTemplateXlsx(activities));
    });

    app.post('/deltagere/import', access('participants.manage'), async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        file?.file.resume();
        return renderImport(request, reply, [{ field: 'fil', message: 'Vælg en fil at importere.' }], 400);
      }
      // Enrolment files are small: read whole, then checked and stored in one go (see importEnrolments).
      const chunks: Buffer[] = [];
      for await (const chunk of file.file) chunks.push(chunk as Buffer);
      if (file.file.truncated) return renderImport(request, reply, [{ field: 'fil', message: `Filen er for stor. Den må højst være ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB.` }], 413);
      const outcome = await participants.importEnrolments(planOf(request).id, principalOf(request), actorOf(request), Readable.from([Buffer.concat(chunks)]), { fileName: file.filename, contentType: file.mimetype });
      return seeOther(reply, `/deltagere/import/${outcome.importId}`);
    });

    app.get('/deltagere/import/:id', access('participants.manage'), async (request, reply) => {
      const row = await participants.enrolmentImport(planOf(request).id, principalOf(request), (request.params as { id: string }).id);
      return sendPage(reply, <EnrolmentImportResultPage ctx={pageContext(request, reply)} row={row} problems={row.problemList} />);
    });

    // One participant ---------------------------------------------------------------------------------------------

    const renderDetail = async (request: FastifyRequest, reply: FastifyReply, householdErrors: FieldError[] = [], householdValue = '') => {
      const plan = planOf(request);
      const detail = await participants.detail(plan.id, principalOf(request), actorOf(request), (request.params as { code: string }).code);
      return sendPage(
        reply,
        <ParticipantPage ctx={pageContext(request, reply)} detail={detail} names={await names(plan.id)} canManage={canManage(request)} householdErrors={householdErrors} householdValue={householdValue} />,
        householdErrors.length > 0 ? 400 : 200,
      );
    };

    app.get('/deltagere/:code', access('participants.read'), (request, reply) => renderDetail(request, reply));

    app.post('/deltagere/:code/husstand', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const household = formText(request.body, 'household');
      try {
        await participants.linkHousehold(planOf(request).id, principalOf(request), actorOf(request), code, household);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderDetail(request, reply, error.fields, household);
      }
      setFlash(reply, 'householdLinked');
      return seeOther(reply, `/deltagere/${code}`);
    });

    app.get('/deltagere/:code/ret', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const { participant: p } = await participants.detail(planOf(request).id, principalOf(request), actorOf(request), code);
      return renderForm(
        request, reply, 'edit',
        { nickname: p.nickname ?? '', birthYearMonth: p.birthYearMonth, gender: p.gender ?? '', address: p.address ?? '', keepAddress: p.address !== null, area: '', institution: p.institution ?? '', school: p.school ?? '', contactPerson: p.contactPerson ?? '', cpr: '', household: '' },
        [], p.code,
      );
    });

    app.post('/deltagere/:code/ret', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const values = participantValues(request.body);
      try {
        const p = await participants.update(planOf(request).id, principalOf(request), actorOf(request), code, values as ParticipantInput);
        setFlash(reply, 'participantUpdated');
        return seeOther(reply, `/deltagere/${p.code}`);
      } catch (error) {
        const errors = formErrors(error);
        if (!errors) throw error;
        return renderForm(request, reply, 'edit', { ...values, cpr: '' }, errors, code.toUpperCase());
      }
    });

    // Enrolling ---------------------------------------------------------------------------------------------------

    const renderEnrol = async (request: FastifyRequest, reply: FastifyReply, values: EnrolmentFormValues, errors: FieldError[] = [], findings?: TargetGroupFinding[]) => {
      const plan = planOf(request);
      const { code } = request.params as { code: string };
      // Read through the service, so that a person outside the scope is a 404 here too.
      const detail = await participants.detail(plan.id, principalOf(request), actorOf(request), code);
      return sendPage(
        reply,
        <EnrolPage ctx={pageContext(request, reply)} code={detail.participant.code} values={values} names={await names(plan.id)} activities={detail.enrolableActivities} errors={errors} {...(findings ? { findings } : {})} />,
        errors.length > 0 ? 400 : 200,
      );
    };

    app.get('/deltagere/:code/tilmeld', access('participants.manage'), (request, reply) => renderEnrol(request, reply, { ...enrolmentValues({}), startDate: today() }));

    app.post('/deltagere/:code/tilmeld', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const values = enrolmentValues(request.body);
      try {
        await participants.enrol(planOf(request).id, principalOf(request), actorOf(request), code, values);
        setFlash(reply, 'participantEnrolled');
        return seeOther(reply, `/deltagere/${code}`);
      } catch (error) {
        if (error instanceof TargetGroupBlockedError) return renderEnrol(request, reply, values, error.fields, error.findings);
        if (error instanceof ValidationError) return renderEnrol(request, reply, values, error.fields);
        throw error;
      }
    });

    const renderEnd = async (request: FastifyRequest, reply: FastifyReply, values: { endDate: string; status: string }, errors: FieldError[] = []) => {
      const plan = planOf(request);
      const { code, id } = request.params as { code: string; id: string };
      const detail = await participants.detail(plan.id, principalOf(request), actorOf(request), code);
      const enrolment = detail.enrolments.find((e) => e.id === id);
      if (!enrolment) return reply.callNotFound();
      return sendPage(reply, <EndEnrolmentPage ctx={pageContext(request, reply)} code={detail.participant.code} enrolment={enrolment} names={await names(plan.id)} values={values} errors={errors} />, errors.length > 0 ? 400 : 200);
    };

    app.get('/deltagere/:code/tilmeldinger/:id/afslut', access('participants.manage'), (request, reply) => renderEnd(request, reply, { endDate: today(), status: 'afsluttet' }));

    app.post('/deltagere/:code/tilmeldinger/:id/afslut', access('participants.manage'), async (request, reply) => {
      const { code, id } = request.params as { code: string; id: string };
      const values = { endDate: formText(request.body, 'endDate').trim(), status: formText(request.body, 'status') };
      try {
        await participants.endEnrolment(planOf(request).id, principalOf(request), actorOf(request), code, id, values);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderEnd(request, reply, values, error.fields);
      }
      setFlash(reply, 'enrolmentEnded');
      return seeOther(reply, `/deltagere/${code}`);
    });

    // Consent -----------------------------------------------------------------------------------------------------

    const renderConsent = async (request: FastifyRequest, reply: FastifyReply, values: ConsentFormValues, errors: FieldError[] = []) => {
      const plan = planOf(request);
      const { code } = request.params as { code: string };
      const detail = await participants.detail(plan.id, principalOf(request), actorOf(request), code);
      const n = await names(plan.id);
      const enrolments = detail.enrolments.map((e) => ({ id: e.id, label: `${n.activities.get(e.activity) ?? e.activity} fra ${e.startDate}` }));
      return sendPage(reply, <ConsentPage ctx={pageContext(request, reply)} code={detail.participant.code} values={values} enrolments={enrolments} errors={errors} />, errors.length > 0 ? 400 : 200);
    };

    app.get('/deltagere/:code/samtykke', access('participants.manage'), (request, reply) =>
      renderConsent(request, reply, { givenBy: 'forælder', givenByName: '', givenOn: today(), purpose: '', legalBasis: 'samtykke', enrolmentId: '' }),
    );

    app.post('/deltagere/:code/samtykke', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const values = consentValues(request.body);
      try {
        await participants.addConsent(planOf(request).id, principalOf(request), actorOf(request), code, { ...values, withdrawnOn: '' });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderConsent(request, reply, values, error.fields);
      }
      setFlash(reply, 'consentRecorded');
      return seeOther(reply, `/deltagere/${code}`);
    });

    const renderWithdraw = async (request: FastifyRequest, reply: FastifyReply, value: string, errors: FieldError[] = []) => {
      const plan = planOf(request);
      const { code, id } = request.params as { code: string; id: string };
      const detail = await participants.detail(plan.id, principalOf(request), actorOf(request), code);
      const consent = detail.consents.find((c) => c.id === id);
      if (!consent) return reply.callNotFound();
      return sendPage(reply, <WithdrawConsentPage ctx={pageContext(request, reply)} code={detail.participant.code} consent={consent} value={value} errors={errors} />, errors.length > 0 ? 400 : 200);
    };

    app.get('/deltagere/:code/samtykke/:id/tilbagetraek', access('participants.manage'), (request, reply) => renderWithdraw(request, reply, today()));

    app.post('/deltagere/:code/samtykke/:id/tilbagetraek', access('participants.manage'), async (request, reply) => {
      const { code, id } = request.params as { code: string; id: string };
      const value = formText(request.body, 'withdrawnOn').trim();
      try {
        await participants.withdrawConsent(planOf(request).id, principalOf(request), actorOf(request), code, id, value);
      } catch (error) {
        const errors = error instanceof ValidationError ? error.fields : error instanceof ConflictError ? [{ field: 'withdrawnOn', message: error.message }] : null;
        if (!errors) throw error;
        return renderWithdraw(request, reply, value, errors);
      }
      setFlash(reply, 'consentWithdrawn');
      return seeOther(reply, `/deltagere/${code}`);
    });
  };
}
