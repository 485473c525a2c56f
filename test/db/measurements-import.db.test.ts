import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { MeasurementService } from '../../src/monitoring/measurements.service.js';
import { readFileSync } from 'node:fs';
import { ERRORS_2024, measurementFixture, VALID_2024_ROWS } from '../fixtures/measurements/index.js';

const HEADER = 'indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note';

/** Day i after 1 January 1990, as dd-mm-yyyy. */
const danishDay = (i: number) => {
  const d = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
};
const good = [
  HEADER,
  'lbf-2b;Gl. Jennumparken;2024;41,2;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Glarbjergvej-området;2024;36,9;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Randers Kommune;2024;15,1;;;Boligsociale data, LBF;15-01-2025;',
  'sam-1;Vangdalen;2024;3;;;Boligorganisationerne;2025-01-20;',
  'lbf-1a;Alle syv boligområder;2023/24;95,0;190;200;Boligsociale data, LBF;15-01-2025;skoleår',
].join('\r\n');

/** The same rows with mistakes on four different rows: a bad period, a value that is no number, an unknown area and a share over 100. */
const withMistakes = [
  HEADER,
  'lbf-2b;Gl. Jennumparken;2023/25;41,2;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Glarbjergvej-området;2024;36,9x;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Randers Amt;2024;15,1;;;Boligsociale data, LBF;15-01-2025;',
  'sam-1;Vangdalen;2024;3;;;Boligorganisationerne;2025-01-20;',
  'lbf-1a;Alle syv boligområder;2023/24;105;190;200;Boligsociale data, LBF;15-01-2025;skoleår',
].join('\r\n');

for (const engine of testEngines()) {
  describe(`importing measurements on ${engine}`, () => {
    let app: TestApp;
    let monitor: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => new Date('2025-06-01T10:00:00Z') });
      monitor = await app.sessionFor('monitorering');
    });
    after(() => app.close());

    const post = (body: string | Buffer, contentType = 'text/csv; charset=utf-8', session = monitor) =>
      app.request({
        method: 'POST',
        url: '/api/v1/measurements/import?filnavn=data.csv',
        payload: body,
        headers: { 'content-type': contentType, 'x-csrf-token': session.csrf },
        cookies: { helhed_session: session.cookie },
      });
    const count = async () => Number((await app.db.database.db.selectFrom('measurements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('reports every mistake of a file at once, by row and column, and imports nothing', async () => {
      const response = await post(withMistakes);
      assert.equal(response.statusCode, 422, response.body);
      const { error } = response.json();
      assert.equal(error.code, 'importfejl');
      const rows = error.rows.map((r: { row: number; column: string }) => `${r.row}:${r.column}`);
      assert.ok(rows.includes('2:periode'), rows.join(' '));
      assert.ok(rows.includes('3:værdi'), rows.join(' '));
      assert.ok(rows.includes('4:område'), rows.join(' '));
      assert.ok(rows.includes('6:værdi'), rows.join(' '));
      assert.ok(error.rows.every((r: { message: string }) => r.message.length > 10));
      assert.equal(await count(), 0, 'a file with any error imports nothing');
      const staged = await app.db.database.db.selectFrom('measurement_staging').select('id').execute();
      assert.equal(staged.length, 0, 'no staged rows are left behind');
    });

    it('imports the corrected file, and importing it again adds nothing', async () => {
      const first = await post(good);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().imported, 5);
      assert.equal(await count(), 5);
      const again = await post(good);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().imported, 0);
      assert.equal(again.json().unchanged, 5);
      assert.equal(await count(), 5);
    });

    it('keeps a changed value as a new version with the old one in its history', async () => {
      const changed = good.replace('41,2', '40,8');
      const response = await post(changed);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual({ imported: response.json().imported, corrected: response.json().corrected, unchanged: response.json().unchanged }, { imported: 0, corrected: 1, unchanged: 4 });
      const list = await app.request({ method: 'GET', url: '/api/v1/measurements?indikator=lbf-2b&omraade=area:gl-jennumparken', cookies: { helhed_session: monitor.cookie } });
      const [current] = list.json().measurements;
      assert.equal(current.value, 40.8);
      assert.equal(current.version, 2);
      const history = await app.request({ method: 'GET', url: `/api/v1/measurements/${current.id}/history`, cookies: { helhed_session: monitor.cookie } });
      assert.deepEqual(history.json().versions.map((v: { value: number }) => v.value), [40.8, 41.2]);
    });

    it('reports a row that repeats an earlier row of the same file', async () => {
      const response = await post(`${good}\r\nlbf-2b;Gl. Jennumparken;2024;41,0;;;Boligsociale data, LBF;15-01-2025;`);
      assert.equal(response.statusCode, 422, response.body);
      const problem = response.json().error.rows.find((r: { row: number }) => r.row === 7);
      assert.match(problem.message, /række 2/);
    });

    it('reads a Windows-1252 file with a comma separator and decimal points', async () => {
      const text = ['indikator,område,periode,værdi,tæller,nævner,kilde,dataudtræk,note', 'lbf-2b,Sjællandsgadekvarteret,2024,29.5,,,"Boligsociale data, LBF",2025-01-15,'].join('\n');
      const latin1 = Buffer.from(text, 'latin1');
      const response = await post(latin1, 'text/csv');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().imported, 1);
      const list = await app.request({ method: 'GET', url: '/api/v1/measurements?indikator=lbf-2b&omraade=area:sjaellandsgade-kvarteret', cookies: { helhed_session: monitor.cookie } });
      assert.equal(list.json().measurements[0].value, 29.5);
    });

    it('refuses a file that is not a spreadsheet with a Danish message', async () => {
      const response = await post(Buffer.from('%PDF-1.7 not a spreadsheet'), 'application/vnd.ms-excel');
      assert.equal(response.statusCode, 422, response.body);
      assert.match(response.json().error.rows[0].message, /CSV|xlsx/i);
    });

    it('imports the fixture spreadsheet as XLSX, and the CSV of the same values then adds nothing', async () => {
      const xlsx = readFileSync(measurementFixture('valid-2024.xlsx'));
      const response = await post(xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().imported + response.json().corrected + response.json().unchanged, VALID_2024_ROWS.length);
      const csv = await post(readFileSync(measurementFixture('corrected-2024.csv')));
      assert.equal(csv.statusCode, 200, csv.body);
      assert.equal(csv.json().imported, 0);
      assert.equal(csv.json().corrected, 0);
    });

    it("reports the fixture file's four mistakes by row and column", async () => {
      const response = await post(readFileSync(measurementFixture('errors-2024.csv')));
      assert.equal(response.statusCode, 422, response.body);
      const rows = new Set(response.json().error.rows.map((r: { row: number }) => r.row));
      for (const mistake of ERRORS_2024) assert.ok(rows.has(mistake.row), `row ${mistake.row} is reported`);
    });

    it("shows a running import's progress to another server process, from what the import saves as it reads", async () => {
      const otherProcess = new MeasurementService(app.db.database, app.services.plan, () => new Date('2025-06-01T10:00:00Z'));
      const rows = 30_000;
      const AREAS = ['Vangdalen', 'Centrale Randers', 'Energivej-området', 'Sjællandsgadekvarteret'];
      async function* slowFile() {
        yield Buffer.from(`${HEADER}\r\n`);
        for (let start = 0; start < rows; start += 1000) {
          let chunk = '';
          for (let i = start; i < start + 1000; i++) {
            // Four areas a day, so that 30,000 distinct values fit between 1990 and the date the data were drawn.
            chunk += `stat-beboere;${AREAS[i % 4]};${danishDay(Math.floor(i / 4))};${800 + (i % 50)};;;DST;15-01-2025;\r\n`;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
          yield Buffer.from(chunk);
        }
      }
      const actor = { userId: null, label: 'test', planId: app.planId, ip: null, requestId: null };
      const importId = await app.services.measurements.beginImport(app.planId, actor, { fileName: 'langsom.csv', size: 1 });
      const running = app.services.measurements.runImport(app.planId, actor, importId, slowFile(), { fileName: 'langsom.csv' });
      let seen: { bytesRead: number; rowsRead: number } | null = null;
      for (let i = 0; i < 40 && !seen; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const row = await otherProcess.findImport(app.planId, importId);
        const progress = otherProcess.progress(row);
        if (progress && progress.bytesRead > 0) seen = progress;
      }
      const outcome = await running;
      assert.equal(outcome.status, 'imported', JSON.stringify(outcome.problems.slice(0, 2)));
      assert.ok(seen, 'the other process saw the import read part of the file');
      assert.ok(seen.rowsRead > 0 && seen.rowsRead < rows, `rows read while running: ${seen.rowsRead}`);
      assert.equal(otherProcess.progress(await otherProcess.findImport(app.planId, importId)), null, 'a finished import has no progress');
    });

    it('refuses a JSON body with 415 and a Danish message saying how to send the file', async () => {
      const response = await app.request({
        method: 'POST', url: '/api/v1/measurements/import', payload: { rows: [] },
        headers: { 'x-csrf-token': monitor.csrf }, cookies: { helhed_session: monitor.cookie },
      });
      assert.equal(response.statusCode, 415, response.body);
      assert.match(response.json().error.message, /Content-Type text\/csv/);
    });

    it('is only for the monitoring unit and administrators', async () => {
      const board = await app.sessionFor('bestyrelse');
      const response = await post(good, 'text/csv', board);
      assert.equal(response.statusCode, 403);
    });

    it('hides a small count from the API', async () => {
      const board = await app.sessionFor('bestyrelse');
      const list = await app.request({ method: 'GET', url: '/api/v1/measurements?indikator=sam-1', cookies: { helhed_session: board.cookie } });
      const vangdalen = list.json().measurements.find((m: { scope: string }) => m.scope === 'area:vangdalen');
      assert.equal(vangdalen.value, null);
      assert.equal(vangdalen.shown, '<5');
      assert.ok(!/"value":[1-4]\b/.test(JSON.stringify(list.json())), 'no count from 1 to 4 leaves the system');
    });

    it('withholds the status and rule of a hidden value in /api/v1/status, as they would name it', async () => {
      const board = await app.sessionFor('bestyrelse');
      const status = await app.request({ method: 'GET', url: '/api/v1/status', cookies: { helhed_session: board.cookie } });
      assert.equal(status.statusCode, 200);
      const sam1 = status.json().sets.flatMap((s: any) => s.groups.flatMap((g: any) => g.indicators)).find((i: any) => i.code === 'sam-1');
      const vangdalen = sam1.scopes.find((c: any) => c.scope === 'area:vangdalen');
      assert.equal(vangdalen.latest.shown, '<5');
      assert.equal(vangdalen.status, 'ukendt');
      assert.equal(vangdalen.change, null);
      assert.ok(!/\b3\b/.test(vangdalen.rule + vangdalen.changeText), vangdalen.rule);
    });

    it('corrects one value over the API with a reason, and refuses a share over 100', async () => {
      const list = await app.request({ method: 'GET', url: '/api/v1/measurements?indikator=lbf-2b&omraade=municipality', cookies: { helhed_session: monitor.cookie } });
      const { id, version } = list.json().measurements[0];
      const bad = await app.request({
        method: 'POST', url: `/api/v1/measurements/${id}/corrections`, payload: { value: 115, reason: 'Tastefejl' },
        headers: { 'x-csrf-token': monitor.csrf }, cookies: { helhed_session: monitor.cookie },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      const ok = await app.request({
        method: 'POST', url: `/api/v1/measurements/${id}/corrections`, payload: { value: 15.3, reason: 'Rettet efter nyt udtræk', expectedVersion: version },
        headers: { 'x-csrf-token': monitor.csrf }, cookies: { helhed_session: monitor.cookie },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().version, version + 1);
      const stale = await app.request({
        method: 'POST', url: `/api/v1/measurements/${id}/corrections`, payload: { value: 15.4, reason: 'For sent' },
        headers: { 'x-csrf-token': monitor.csrf }, cookies: { helhed_session: monitor.cookie },
      });
      assert.equal(stale.statusCode, 409, 'an old version cannot be corrected');
    });
  });
}
