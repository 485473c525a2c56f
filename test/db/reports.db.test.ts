/**
 * The report engine against a real database: a report frozen as delivered stays as delivered when its data are
 * corrected, while the draft follows the data; the next edition lists the corrected cell; only the roles the plan
 * gives the delivery may freeze; and no route changes or deletes an edition. The reports' contents are the test
 * definition's (staff hours per organisation), so the engine is tested apart from the real builders.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { newId } from '../../src/db/ids.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { useHoursReportDefinitions } from '../fixtures/reports/index.js';

const NOW = new Date('2026-03-10T12:00:00Z');

for (const engine of testEngines()) {
  describe(`frozen report editions on ${engine}`, () => {
    let app: TestApp;
    let restore: () => void;
    let secretariat: Session;
    let monitoring: Session;
    let board: Session;
    let partner: Session;
    let orgId: string;
    let januaryId: string;

    before(async () => {
      restore = useHoursReportDefinitions();
      app = await startTestApp(engine, { clock: () => NOW });
      secretariat = await app.sessionFor('sekretariat');
      monitoring = await app.sessionFor('monitorering');
      board = await app.sessionFor('bestyrelse');
      partner = await app.sessionFor('partner');
      const db = app.db.database.db;
      orgId = newId();
      await db.insertInto('organisations').values({ id: orgId, plan_id: app.planId, name: 'Jobcenter Randers', created_at: NOW.toISOString() }).execute();
      januaryId = newId();
      const month = (id: string, start: string, end: string, hours: number) => ({
        id, plan_id: app.planId, organisation_id: orgId, activity_slug: 'job-til-mor', intervention_area_slug: 'beskaeftigelse',
        period_start: start, period_end: end, period_label: start.slice(0, 7), hours, note: null,
        reported_at: NOW.toISOString(), reported_by: null, reported_by_label: 'test',
      });
      await db.insertInto('staff_hour_reports').values([month(januaryId, '2026-01-01', '2026-01-31', 120), month(newId(), '2026-02-01', '2026-02-28', 80.5)]).execute();
    });
    after(async () => {
      await app.close();
      restore();
    });

    const get = (url: string, session: Session) => app.request({ method: 'GET', url, cookies: { helhed_session: session.cookie } });
    const post = (url: string, session: Session, payload: object) =>
      app.request({ method: 'POST', url, payload, headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    const freeze = (session: Session, kind: string, payload: object) => post(`/api/v1/reports/${kind}/2025-26/editions`, session, payload);

    it('keeps a frozen edition as delivered after its data are corrected, while the draft changes, and lists the corrected cell in the next edition', async () => {
      const first = await freeze(secretariat, 'fremdrift', { cutoffDate: '2026-02-28', note: 'Til styregruppen 5. marts' });
      assert.equal(first.statusCode, 201, first.body);
      const edition1 = first.json() as { id: string; edition: number; sha256: string };
      assert.equal(edition1.edition, 1);
      const pageBefore = await get(`/rapporter/udgaver/${edition1.id}`, secretariat);
      assert.equal(pageBefore.statusCode, 200);
      assert.match(pageBefore.body, /200,5/);
      const pageShown = await get(`/rapporter/udgaver/${edition1.id}`, secretariat);

      await app.db.database.db.updateTable('staff_hour_reports').set({ hours: 150 }).where('id', '=', januaryId).execute();

      const pageAfter = await get(`/rapporter/udgaver/${edition1.id}`, secretariat);
      assert.equal(pageAfter.body, pageShown.body, 'the edition\u2019s page is the same after the correction');
      const stored = (await get(`/api/v1/reports/editions/${edition1.id}`, secretariat)).json() as { edition: { sha256: string }; document: { sections: { blocks: { kind: string; rows?: unknown[][] }[] }[] } };
      assert.equal(stored.edition.sha256, edition1.sha256);
      assert.deepEqual(stored.document.sections[0]!.blocks[1]!.rows, [['Jobcenter Randers', 200.5]]);
      const draft = (await get('/api/v1/reports/fremdrift/2025-26?cutoff=2026-02-28', secretariat)).json() as { sections: { blocks: { rows?: unknown[][] }[] }[] };
      assert.deepEqual(draft.sections[0]!.blocks[1]!.rows, [['Jobcenter Randers', 230.5]]);
      const draftPage = await get('/rapporter/fremdrift/2025-26?skaering=2026-02-28', secretariat);
      assert.match(draftPage.body, /Udkast – ikke frosset/);
      assert.match(draftPage.body, /230,5/);

      const sinceFrozen = (await get(`/api/v1/reports/editions/${edition1.id}/changes?against=draft`, secretariat)).json() as { comparison: { sections: { changes: { kind: string; before?: string; after?: string }[] }[] } };
      assert.deepEqual(sinceFrozen.comparison.sections[0]!.changes.find((c) => c.kind === 'cell'), { kind: 'cell', table: 'Indberettede timer', row: 'Jobcenter Randers', column: 'Timer', before: '200,5', after: '230,5' });

      const second = await freeze(secretariat, 'fremdrift', { cutoffDate: '2026-02-28' });
      assert.equal(second.statusCode, 201, second.body);
      const edition2 = second.json() as { id: string; edition: number; sha256: string };
      assert.equal(edition2.edition, 2);
      assert.notEqual(edition2.sha256, edition1.sha256);
      const changes = await get(`/api/v1/reports/editions/${edition2.id}/changes`, secretariat);
      assert.equal(changes.statusCode, 200, changes.body);
      const cell = (changes.json() as { comparison: { sections: { changes: object[] }[] } }).comparison.sections[0]!.changes;
      assert.deepEqual(cell, [{ kind: 'cell', table: 'Indberettede timer', row: 'Jobcenter Randers', column: 'Timer', before: '200,5', after: '230,5' }]);
      const changesPage = await get(`/rapporter/udgaver/${edition2.id}/aendringer`, secretariat);
      assert.match(changesPage.body, /række «Jobcenter Randers», kolonne «Timer»/);
      assert.match(changesPage.body, /200,5 → 230,5/);
    });

    it('lists the kinds with their frozen editions, who froze them and their cut-off dates', async () => {
      const response = await get('/api/v1/reports', board);
      assert.equal(response.statusCode, 200, response.body);
      const kinds = (response.json() as { kinds: { kind: string; mayFreeze: boolean; subjects: { key: string; editions: { edition: number; cutoffDate: string; frozenBy: string }[] }[] }[] }).kinds;
      assert.deepEqual(kinds.map((k) => k.kind), ['fremdrift', 'datarapport', 'aarsrapport']);
      assert.ok(kinds.every((k) => !k.mayFreeze), 'the board may read but not freeze');
      const editions = kinds[0]!.subjects[0]!.editions;
      assert.ok(editions.length >= 1);
      assert.equal(editions.at(-1)!.cutoffDate, '2026-02-28');
      assert.match(editions.at(-1)!.frozenBy, /sekretariat@helhed\.test/);
      const page = await get('/rapporter', board);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Udgave 1<\/a>, dataskæring 28\. februar 2026/);
    });

    it('lets the monitoring unit freeze only the data report, and refuses the board and partners with a Danish message', async () => {
      const progress = await freeze(monitoring, 'fremdrift', { cutoffDate: '2026-02-28' });
      assert.equal(progress.statusCode, 403);
      assert.match((progress.json() as { error: { message: string } }).error.message, /Kun sekretariatet kan fryse fremdriftsrapporten/);
      assert.equal((await freeze(monitoring, 'datarapport', { cutoffDate: '2026-02-28' })).statusCode, 201);
      assert.equal((await freeze(secretariat, 'datarapport', { cutoffDate: '2026-03-01' })).statusCode, 201);
      for (const [session, kind] of [[board, 'aarsrapport'], [partner, 'fremdrift'], [board, 'datarapport']] as const) {
        const refused = await freeze(session, kind, { cutoffDate: '2026-02-28' });
        assert.equal(refused.statusCode, 403, `${session.email} ${kind}`);
        assert.match((refused.json() as { error: { message: string } }).error.message, /^Kun /);
      }
      const form = await app.request({
        method: 'POST', url: '/rapporter/aarsrapport/2025-26/udgaver', payload: { _csrf: board.csrf, skaering: '2026-02-28' },
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_session: board.cookie },
      });
      assert.equal(form.statusCode, 403);
    });

    it('refuses a cut-off date that is not a date or lies after today, naming the field', async () => {
      const bad = await freeze(secretariat, 'aarsrapport', { cutoffDate: '31-07-2026' });
      assert.equal(bad.statusCode, 400);
      assert.equal((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field, 'cutoffDate');
      const future = await freeze(secretariat, 'aarsrapport', { cutoffDate: '2026-07-31' });
      assert.equal(future.statusCode, 400);
      assert.match(future.body, /kan ikke ligge efter i dag/);
      const page = await get('/rapporter/aarsrapport/2025-26?skaering=i-morgen', secretariat);
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: /);
      assert.equal((await get('/api/v1/reports/aarsrapport/2026-27', secretariat)).statusCode, 404);
    });

    it('offers no way to change or delete a frozen edition, not even to an administrator', async () => {
      const admin = await app.sessionFor('administrator');
      const created = (await freeze(admin, 'aarsrapport', { cutoffDate: '2026-03-01' })).json() as { id: string; sha256: string };
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        const response = await app.request({ method, url: `/api/v1/reports/editions/${created.id}`, payload: { note: 'ændret' }, headers: { 'x-csrf-token': admin.csrf }, cookies: { helhed_session: admin.cookie } });
        assert.equal(response.statusCode, 404, method);
      }
      const row = await app.db.database.db.selectFrom('report_editions').select(['content_sha256', 'note']).where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { content_sha256: created.sha256, note: null });
    });

    it('sends the PDF and the XLSX of a draft and an edition with their content types and Danish-safe file names', async () => {
      const edition = (await get('/api/v1/reports', secretariat)).json() as { kinds: { subjects: { editions: { id: string }[] }[] }[] };
      const id = edition.kinds[0]!.subjects[0]!.editions[0]!.id;
      const pdf = await get(`/rapporter/udgaver/${id}/rapport.pdf`, secretariat);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="timerapport-2025-26-udgave-2\.pdf"/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const xlsx = await get('/api/v1/reports/fremdrift/2025-26/report.xlsx?cutoff=2026-02-28', secretariat);
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(workbook.worksheets.map((w) => w.name), ['Om rapporten', 'Timer pr. organisation']);
    });
  });
}
