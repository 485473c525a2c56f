import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { economyServiceFor, seedDemoEconomy } from '../../src/economy/economy.service.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';
import { aBudget, actualsXlsx, ECONOMY_NOW, economyFixtureText, EXPECTED_PROBLEMS } from '../fixtures/economy/index.js';

for (const engine of testEngines()) {
  describe(`the economy on ${engine}`, () => {
    let app: TestApp;
    let secretariat: Session;
    let board: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => ECONOMY_NOW });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
    });
    after(() => app.close());

    const call = (method: 'GET' | 'PUT' | 'POST', url: string, session: Session, payload?: unknown) =>
      app.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: { 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    const importFile = (body: string | Buffer, contentType = 'text/csv; charset=utf-8', session = secretariat) =>
      app.request({ method: 'POST', url: '/api/v1/economy/actuals/import?filnavn=forbrug.csv', payload: body, headers: { 'content-type': contentType, 'x-csrf-token': session.csrf }, cookies: { helhed_session: session.cookie } });
    const form = (url: string, session: Session, fields: Record<string, string>) =>
      app.request({
        method: 'POST', url, payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { helhed_session: session.cookie },
      });
    const count = async (table: 'economy_actuals' | 'audit_log') => Number((await app.db.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('keeps amounts above 2^31 øre exact, and computes the funders\u2019 shares of the total', async () => {
      const saved = await call('PUT', '/api/v1/economy/funding', secretariat, {
        grant: { amountOre: 2_400_000_000_00, reference: 'LBF 2025-117', committedOn: '2025-06-20' },
        cofinancing: [
          { funder: 'Randers Kommune', amountOre: 800_000_000_00 },
          { funder: 'Boligorganisationerne', amountOre: 400_000_000_00, note: 'Fordelt efter antal lejemål' },
        ],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const got = (await call('GET', '/api/v1/economy/funding', board)).json();
      assert.deepEqual(got.commitments.map((c: { funder: string; amountOre: number }) => [c.funder, c.amountOre]), [
        ['Landsbyggefonden', 240_000_000_000],
        ['Boligorganisationerne', 40_000_000_000],
        ['Randers Kommune', 80_000_000_000],
      ]);
      const followUp = (await call('GET', '/api/v1/economy?year=2025/26', board)).json();
      assert.equal(followUp.commitmentsOre, 360_000_000_000);
      assert.equal(followUp.grant.sharePermille, 667);
      assert.equal(followUp.funders.reduce((s: number, f: { sharePermille: number }) => s + f.sharePermille, 0), 1000);
    });

    it('saves a year\u2019s budget all at once and reads it back', async () => {
      const saved = await call('PUT', '/api/v1/economy/budget/2025-26', secretariat, { lines: aBudget() });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json().lines.map((l: { line: string }) => l.line), ['Aktiviteter', 'Kommunikation', 'Løn']);
      const read = await call('GET', `/api/v1/economy/budget/${encodeURIComponent('2025/26')}`, board);
      assert.equal(read.json().lines.find((l: { line: string }) => l.line === 'Løn').amountOre, 120_000_000);
    });

    it('refuses a file of actuals with every problem by row and column, and stores nothing', async () => {
      const before = await count('economy_actuals');
      const response = await importFile(economyFixtureText('forbrug-med-fejl.csv'));
      assert.equal(response.statusCode, 422, response.body);
      const error = response.json().error;
      assert.equal(error.code, 'importfejl');
      assert.match(error.message, /5 fejl/);
      assert.deepEqual(error.rows.map((p: { row: number; column: string }) => ({ row: p.row, column: p.column })), EXPECTED_PROBLEMS);
      assert.match(error.rows[0].message, /«Ukendt linje» findes ikke i budgettet for 2025\/26/);
      assert.match(error.rows[3].message, /Samme linje og måned som række 2/);
      assert.equal(await count('economy_actuals'), before);
    });

    it('imports actuals, and importing the same file again changes nothing', async () => {
      const first = await importFile(economyFixtureText('forbrug-2025-26.csv'));
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().imported, 15);
      const audits = await count('audit_log');
      const again = await importFile(economyFixtureText('forbrug-2025-26.csv'));
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual([again.json().imported, again.json().unchanged], [0, 15]);
      assert.equal(await count('economy_actuals'), 15);
      assert.equal(await count('audit_log'), audits);
    });

    it('follows up: Aktiviteter 40 % over its pace after five months, the others within', async () => {
      const f = (await call('GET', '/api/v1/economy?year=2025%2F26', board)).json();
      assert.equal(f.monthsEnded, 5);
      const line = (name: string) => f.lines.find((l: { line: string }) => l.line === name);
      assert.deepEqual(
        { expected: line('Aktiviteter').expectedOre, actual: line('Aktiviteter').actualOre, percent: line('Aktiviteter').deviationPercent, flag: line('Aktiviteter').flag },
        { expected: 25_000_000, actual: 35_000_000, percent: 40, flag: 'over' },
      );
      assert.equal(line('Løn').flag, null);
      assert.equal(f.totals.actualOre, 87_500_000);
      assert.equal(f.totals.expectedOre, 77_500_000);
      assert.deepEqual(f.deviations.map((d: { line: string }) => d.line), ['Aktiviteter']);
      assert.match(f.deviations[0].text, /Aktiviteter: forbrug 350\.000 kr\. er 100\.000 kr\. \(40,0 %\) over det forventede 250\.000 kr\./);
      assert.equal(f.funders.reduce((s: number, x: { yearActualShareOre: number }) => s + x.yearActualShareOre, 0), 87_500_000);
      const service = await economyServiceFor(app.services).deviations(app.planId, '2025/26');
      assert.equal(service.length, 1);
    });

    it('shows the board the follow-up page with the deviation, the chart and the shares', async () => {
      const page = await app.request({ method: 'GET', url: '/oekonomi?aar=2025/26', cookies: { helhed_session: board.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<strong>Aktiviteter<\/strong>: over det forventede med 100\.000 kr\. \(40,0 %\)/);
      assert.match(page.body, /<svg[^>]+role="img"/);
      assert.match(page.body, /66,7 %/);
      assert.match(page.body, /2\.400\.000\.000 kr\./);
      assert.doesNotMatch(page.body, /Ret budgettet/);
    });

    it('imports an XLSX file with numeric amounts and replaces a changed month', async () => {
      const response = await importFile(await actualsXlsx([['Kommunikation', '2025-12', 7500.5, 'Efterbetaling']]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(response.statusCode, 200, response.body);
      const actuals = (await call('GET', '/api/v1/economy/actuals?year=2025/26', board)).json().actuals;
      const december = actuals.find((a: { line: string; month: string }) => a.line === 'Kommunikation' && a.month === '2025-12');
      assert.deepEqual([december.amountOre, december.note], [750_050, 'Efterbetaling']);
    });

    it('offers an XLSX template that the import reads back once filled in', async () => {
      const template = await app.request({ method: 'GET', url: '/oekonomi/forbrug/skabelon.xlsx', cookies: { helhed_session: secretariat.cookie } });
      assert.equal(template.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      book.getWorksheet('Forbrug')!.addRow(['Løn', '2026-01', 99_000]);
      const response = await importFile(Buffer.from(await book.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().imported, 1);
    });

    it('lets the board read the economy but not change it', async () => {
      assert.equal((await call('PUT', '/api/v1/economy/budget/2025-26', board, { lines: aBudget() })).statusCode, 403);
      assert.equal((await call('PUT', '/api/v1/economy/funding', board, { grant: null, cofinancing: [] })).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/economy/actuals', board, { line: 'Løn', month: '2025-09', amountOre: 1 })).statusCode, 403);
      assert.equal((await importFile('linje;måned;beløb\r\n', 'text/csv', board)).statusCode, 403);
      assert.equal((await app.request({ method: 'GET', url: '/oekonomi/budget', cookies: { helhed_session: board.cookie } })).statusCode, 403);
      const partner = await app.sessionFor('partner');
      assert.equal((await call('GET', '/api/v1/economy', partner)).statusCode, 403);
    });

    it('answers bad input with Danish 400s naming the field', async () => {
      const duplicate = await call('PUT', '/api/v1/economy/budget/2025-26', secretariat, { lines: [{ line: 'Løn', amountOre: 1 }, { line: ' løn ', amountOre: 2 }] });
      assert.equal(duplicate.statusCode, 400);
      assert.deepEqual(duplicate.json().error.fields.map((f: { field: string }) => f.field), ['lines[1].line']);
      assert.match(duplicate.json().error.fields[0].message, /står også som linje 1/);
      const year = await call('GET', '/api/v1/economy?year=2025', board);
      assert.equal(year.statusCode, 400);
      assert.match(year.json().error.fields[0].message, /Planåret skal skrives som fx 2025\/26/);
      const outside = await call('PUT', '/api/v1/economy/budget/2031-32', secretariat, { lines: [] });
      assert.equal(outside.statusCode, 400);
      assert.match(outside.json().error.fields[0].message, /uden for planperioden/);
      const month = await call('POST', '/api/v1/economy/actuals', secretariat, { line: 'Løn', month: '2026-05', amountOre: 100 });
      assert.equal(month.statusCode, 400);
      assert.match(month.json().error.fields[0].message, /ikke begyndt/);
      const date = await call('PUT', '/api/v1/economy/funding', secretariat, { grant: { amountOre: 1, committedOn: '2025-02-30' }, cofinancing: [] });
      assert.equal(date.statusCode, 400);
      assert.equal(date.json().error.fields[0].field, 'grant.committedOn');
      const negative = await call('PUT', '/api/v1/economy/budget/2025-26', secretariat, { lines: [{ line: 'Løn', amountOre: -5 }] });
      assert.equal(negative.statusCode, 400);
    });

    it('will not remove a budget line that has actuals', async () => {
      const response = await call('PUT', '/api/v1/economy/budget/2025-26', secretariat, { lines: aBudget().filter((l) => l.line !== 'Aktiviteter') });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.fields[0].message, /«Aktiviteter» har forbrug i 2025\/26 og kan ikke fjernes/);
      assert.equal((await call('GET', '/api/v1/economy/budget/2025-26', board)).json().lines.length, 3);
    });

    it('saves the budget form\u2019s Danish amounts, and shows a bad amount with «Fejl:» and the row', async () => {
      const fields = { rows: '4', 'lines-0-line': 'Løn', 'lines-0-amount': '1.200.000', 'lines-1-line': 'Aktiviteter', 'lines-1-amount': '600.000,00', 'lines-1-interventionAreaSlug': 'sammenhaengskraft-og-medborgerskab', 'lines-2-line': 'Kommunikation', 'lines-2-amount': '60.000' };
      const bad = await form('/oekonomi/budget?aar=2025/26', secretariat, { ...fields, 'lines-3-line': 'Husleje', 'lines-3-amount': '12.000,505' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /<title>Fejl: /);
      assert.match(bad.body, /href="#felt-lines-3-amount"[^>]*>Linje 4: «12\.000,505» har mere end to decimaler/);
      const good = await form('/oekonomi/budget?aar=2025/26', secretariat, { ...fields, 'lines-3-line': 'Husleje', 'lines-3-amount': '1.234.567,50' });
      assert.equal(good.statusCode, 303, good.body);
      const lines = (await call('GET', '/api/v1/economy/budget/2025-26', board)).json().lines;
      assert.equal(lines.find((l: { line: string }) => l.line === 'Husleje').amountOre, 123_456_750);
    });

    it('enters a month\u2019s actual through the form, answering 303', async () => {
      const saved = await form('/oekonomi/forbrug?aar=2025/26', secretariat, { line: 'Husleje', month: '2026-01', amount: '-1.500,25', note: 'Kreditnota' });
      assert.equal(saved.statusCode, 303, saved.body);
      const actuals = (await call('GET', '/api/v1/economy/actuals?year=2025/26', board)).json().actuals;
      assert.equal(actuals.find((a: { line: string }) => a.line === 'Husleje').amountOre, -150_025);
      const bad = await form('/oekonomi/forbrug?aar=2025/26', secretariat, { line: 'Husleje', month: '2026-01', amount: 'en del' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /«en del» er ikke et beløb/);
    });

    it('seeds the demo economy once, with one line over its pace', async () => {
      const demo = await startTestApp(engine, { clock: () => ECONOMY_NOW });
      try {
        const first = await seedDemoEconomy(demo.db.database, demo.planId, () => ECONOMY_NOW);
        assert.deepEqual([first.funding, first.budgetLines, first.actuals], [3, 6, 30]);
        const again = await seedDemoEconomy(demo.db.database, demo.planId, () => ECONOMY_NOW);
        assert.deepEqual([again.funding, again.budgetLines, again.actuals], [0, 0, 0]);
        const deviations = await economyServiceFor(demo.services).deviations(demo.planId);
        assert.deepEqual(deviations.map((d) => d.line), ['Sammenhængskraft og medborgerskab, aktiviteter']);
      } finally {
        await demo.close();
      }
    });
  });
}
