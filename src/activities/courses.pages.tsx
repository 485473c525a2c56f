import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { allows, type Permission } from '../auth/permissions.js';
import { planOf } from '../auth/request-actor.js';
import { newId } from '../db/ids.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { formList, formText } from '../web/form.js';
import { pageContext, seeOther, sendPage } from '../web/page.js';
import { ATTENDANCE_IMPORT_LIMIT_BYTES, callerOf } from './courses.api.js';
import { coursesServiceFor, type CourseInput } from './courses.service.js';
import {
  AttendanceImportPage,
  AttendanceImportResultPage,
  CourseListPage,
  CoursePage,
  NewCoursePage,
  SAVED_MESSAGES,
  SessionPage,
  type CourseFormValues,
  type SavedKey,
} from './courses.views.js';

const page = { schema: { hide: true } } as const;
const access = (permission: Permission) => ({ config: { access: permission }, ...page });

const TEMPLATE_HEADER = ['forløb', 'mødegang', 'dato', 'deltagerkode', 'status'];

function savedOf(request: FastifyRequest): SavedKey | null {
  const key = (request.query as { gemt?: string } | undefined)?.gemt;
  return key && key in SAVED_MESSAGES ? (key as SavedKey) : null;
}

function canManage(request: FastifyRequest): boolean {
  return allows('participants.manage', true, request.principal?.roles ?? []);
}

/** A whole number typed in a form, undefined when left empty, NaN when not a number (the service then says so). */
function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

const courseUrl = (code: string) => `/forloeb/${encodeURIComponent(code)}`;

/**
 * The pages of courses: list, new course, a course with sessions and roster, a session's attendance form (for a
 * phone, without script), and the attendance import with its template. Forms answer 303 when saved, or the same page
 * with every problem when not.
 */
export function coursePages(services: AppServices): FastifyPluginAsync {
  const courses = coursesServiceFor(services);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: ATTENDANCE_IMPORT_LIMIT_BYTES, files: 1, fields: 4, parts: 5 } });

    app.get('/forloeb', access('participants.read'), async (request, reply) => {
      const plan = planOf(request);
      const activity = (request.query as { aktivitet?: string }).aktivitet ?? '';
      const [list, activities] = await Promise.all([courses.list(plan.id, callerOf(request), { activitySlug: activity || undefined }), courses.activityChoices(plan.id, request.principal!)]);
      return sendPage(reply, <CourseListPage ctx={pageContext(request, reply)} courses={list} activities={activities} activity={activity} canManage={canManage(request)} />);
    });

    const renderNew = async (request: FastifyRequest, reply: FastifyReply, values: CourseFormValues, errors: FieldError[] = [], status = 200) => {
      const plan = planOf(request);
      const [activities, areas] = await Promise.all([courses.activityChoices(plan.id, request.principal!), courses.areaChoices(plan.id)]);
      return sendPage(reply, <NewCoursePage ctx={pageContext(request, reply)} activities={activities} areas={areas} values={values} errors={errors} />, status);
    };
    const EMPTY: CourseFormValues = { activity: '', code: '', name: '', area: '', startDate: '', endDate: '', plannedSessions: '', generateCount: '', weekday: '', note: '' };

    app.get('/forloeb/nyt', access('participants.manage'), (request, reply) => renderNew(request, reply, { ...EMPTY, activity: (request.query as { aktivitet?: string }).aktivitet ?? '' }));

    app.post('/forloeb/nyt', access('participants.manage'), async (request, reply) => {
      const values = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, formText(request.body, k).trim()])) as unknown as CourseFormValues;
      const count = wholeNumber(values.generateCount);
      const input: CourseInput = {
        activitySlug: values.activity, code: values.code, name: values.name, areaSlug: values.area || null, startDate: values.startDate, endDate: values.endDate || null,
        plannedSessions: wholeNumber(values.plannedSessions) ?? null, generate: count === undefined ? null : { count, weekday: wholeNumber(values.weekday) }, note: values.note || null,
      };
      try {
        const created = await courses.createCourse(planOf(request).id, callerOf(request), input);
        return seeOther(reply, `${courseUrl(created.code)}?gemt=oprettet`);
      } catch (error) {
        if (error instanceof ValidationError) return renderNew(request, reply, values, error.fields, 400);
        throw error;
      }
    });

    const renderCourse = async (request: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; values?: { heldOn: string; topic: string; participants: string[]; codes: string } } = {}, status = 200) => {
      const plan = planOf(request);
      const { code } = request.params as { code: string };
      const caller = callerOf(request);
      const detail = await courses.course(plan.id, caller, code);
      const candidates = canManage(request) ? await courses.rosterCandidates(plan.id, caller, code) : [];
      let errors = options.errors ?? [];
      // Without candidates to tick, a problem with the roster belongs to the field where codes are typed.
      if (candidates.length === 0) errors = errors.map((e) => (e.field === 'participants' ? { ...e, field: 'codes' } : e));
      return sendPage(
        reply,
        <CoursePage ctx={pageContext(request, reply)} detail={detail} candidates={candidates} canManage={canManage(request)} saved={savedOf(request)} errors={errors} {...(options.values ? { values: options.values } : {})} />,
        status,
      );
    };

    app.get('/forloeb/:code', access('participants.read'), (request, reply) => renderCourse(request, reply));

    app.post('/forloeb/:code/moedegange', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const values = { heldOn: formText(request.body, 'heldOn').trim(), topic: formText(request.body, 'topic').trim(), participants: [], codes: '' };
      try {
        await courses.addSession(planOf(request).id, callerOf(request), code, { heldOn: values.heldOn, topic: values.topic || null });
        return seeOther(reply, `${courseUrl(code)}?gemt=moedegang#moedegange`);
      } catch (error) {
        if (error instanceof ValidationError) return renderCourse(request, reply, { errors: error.fields, values }, 400);
        throw error;
      }
    });

    app.post('/forloeb/:code/hold', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      const ticked = formList(request.body, 'participants');
      const typed = formText(request.body, 'codes');
      try {
        await courses.addToRoster(planOf(request).id, callerOf(request), code, [...ticked, ...typed.split(/[\s,;]+/)]);
        return seeOther(reply, `${courseUrl(code)}?gemt=hold#hold`);
      } catch (error) {
        if (error instanceof ValidationError) return renderCourse(request, reply, { errors: error.fields, values: { heldOn: '', topic: '', participants: ticked, codes: typed } }, 400);
        throw error;
      }
    });

    app.post('/forloeb/:code/hold/fjern', access('participants.manage'), async (request, reply) => {
      const { code } = request.params as { code: string };
      await courses.removeFromRoster(planOf(request).id, callerOf(request), code, formText(request.body, 'participant'));
      return seeOther(reply, `${courseUrl(code)}?gemt=hold#hold`);
    });

    const renderSession = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200, heldOn?: string) => {
      const { code, number } = request.params as { code: string; number: string };
      const data = await courses.sessionAttendance(planOf(request).id, callerOf(request), code, sessionNumber(number));
      return sendPage(
        reply,
        <SessionPage ctx={pageContext(request, reply)} data={data} canManage={canManage(request)} saved={savedOf(request)} errors={errors} {...(heldOn !== undefined ? { heldOn } : {})} />,
        status,
      );
    };

    app.get('/forloeb/:code/moedegange/:number', access('participants.read'), (request, reply) => renderSession(request, reply));

    app.post('/forloeb/:code/moedegange/:number', access('participants.manage'), async (request, reply) => {
      const { code, number } = request.params as { code: string; number: string };
      const body = (request.body ?? {}) as Record<string, unknown>;
      // «Alle mødt» marks everyone shown as attended, whatever was chosen per person.
      const all = formText(body, 'alle') === 'mødt';
      const entries = Object.keys(body)
        .filter((k) => k.startsWith('status:'))
        .map((k) => ({ participantCode: k.slice('status:'.length), status: all ? 'mødt' : formText(body, k) }));
      try {
        await courses.saveAttendance(planOf(request).id, callerOf(request), code, sessionNumber(number), entries);
        return seeOther(reply, `${courseUrl(code)}?gemt=fremmoede#moedegange`);
      } catch (error) {
        if (error instanceof ValidationError) return renderSession(request, reply, error.fields.map((e) => ({ field: 'attendance', message: e.message })), 400);
        throw error;
      }
    });

    app.post('/forloeb/:code/moedegange/:number/flyt', access('participants.manage'), async (request, reply) => {
      const { code, number } = request.params as { code: string; number: string };
      const heldOn = formText(request.body, 'heldOn').trim();
      try {
        await courses.updateSession(planOf(request).id, callerOf(request), code, sessionNumber(number), { heldOn });
        return seeOther(reply, `/forloeb/${encodeURIComponent(code)}/moedegange/${sessionNumber(number)}?gemt=flyttet`);
      } catch (error) {
        if (error instanceof ValidationError) return renderSession(request, reply, error.fields, 400, heldOn);
        throw error;
      }
    });

    app.post('/forloeb/:code/moedegange/:number/aflys', access('participants.manage'), async (request, reply) => {
      const { code, number } = request.params as { code: string; number: string };
      try {
        await courses.updateSession(planOf(request).id, callerOf(request), code, sessionNumber(number), { cancelled: formText(request.body, 'cancelled') === 'ja' });
        return seeOther(reply, `/forloeb/${encodeURIComponent(code)}/moedegange/${sessionNumber(number)}?gemt=flyttet`);
      } catch (error) {
        if (error instanceof ValidationError) return renderSession(request, reply, error.fields.map((e) => ({ field: 'heldOn', message: e.message })), 400);
        throw error;
      }
    });

    const renderImport = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
      const imports = await courses.imports(planOf(request).id, callerOf(request), 20);
      return sendPage(reply, <AttendanceImportPage ctx={pageContext(request, reply)} imports={imports} errors={errors} maxMegabytes={ATTENDANCE_IMPORT_LIMIT_BYTES / 1024 / 1024} />, status);
    };

    app.get('/forloeb/import', access('participants.manage'), (request, reply) => renderImport(request, reply));

    app.post('/forloeb/import', access('participants.manage'), async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        file?.file.resume();
        return renderImport(request, reply, [{ field: 'fil', message: 'Vælg en fil at importere.' }], 400);
      }
      // The upload is kept whole in a temporary file first: a file cut off at the size limit must not import half.
      const path = join(tmpdir(), `helhed-fremmoede-${newId()}`);
      try {
        await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
        if (file.file.truncated) return renderImport(request, reply, [{ field: 'fil', message: `Filen er for stor. Den må højst være ${ATTENDANCE_IMPORT_LIMIT_BYTES / 1024 / 1024} MB.` }], 413);
        const outcome = await courses.import(planOf(request).id, callerOf(request), createReadStream(path, { highWaterMark: 256 * 1024 }), { fileName: file.filename, contentType: file.mimetype });
        return seeOther(reply, `/forloeb/import/${outcome.importId}`);
      } finally {
        await unlink(path).catch(() => undefined);
      }
    });

    app.get('/forloeb/import/:id', access('participants.manage'), async (request, reply) => {
      const row = await courses.findImport(planOf(request).id, callerOf(request), (request.params as { id: string }).id);
      return sendPage(reply, <AttendanceImportResultPage ctx={pageContext(request, reply)} row={row} />);
    });

    app.get('/forloeb/:code/fremmoede.csv', access('participants.read'), async (request, reply) => {
      const sheet = await courses.attendanceSheet(planOf(request).id, callerOf(request), (request.params as { code: string }).code);
      const lines = [TEMPLATE_HEADER, ...sheet.rows].map((cells) => cells.join(';'));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="fremmoede-${sheet.code.replace(/[^A-Z0-9_-]/gi, '_')}.csv"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    });

    app.get('/forloeb/skabelon.csv', access('participants.manage'), (_request, reply) =>
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="helhed-skabelon-fremmoede.csv"').send(`\uFEFF${TEMPLATE_HEADER.join(';')}\r\n`),
    );

    app.get('/forloeb/skabelon.xlsx', access('participants.manage'), async (_request, reply) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Fremmøde');
      sheet.addRow(TEMPLATE_HEADER).font = { bold: true };
      sheet.columns = TEMPLATE_HEADER.map((h) => ({ width: h === 'deltagerkode' ? 18 : 14 }));
      const notes = book.addWorksheet('Vejledning');
      for (const line of [
        'Udfyld arket Fremmøde: én række pr. deltager og mødegang.',
        'forløb: forløbets kode, fx BRAND-2025E.',
        'mødegang: mødegangens nummer; eller dato: mødegangens dato (fx 17-09-2025).',
        'deltagerkode: deltagerens kode. Deltageren skal være på forløbets holdliste.',
        'status: mødt, afbud eller udeblevet.',
      ]) notes.addRow([line]);
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="helhed-skabelon-fremmoede.xlsx"')
        .send(buffer);
    });
  };
}

/** A session number from the address; anything else is a session that does not exist. */
function sessionNumber(text: string): number {
  return /^\d{1,5}$/.test(text) ? Number(text) : 0;
}
