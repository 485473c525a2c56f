/**
 * The monitoring unit's import in a browser, with and without JavaScript: a spreadsheet with mistakes on several rows
 * shows all of them at once and changes nothing; the corrected file imports; importing it again changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';

const HEADER = 'indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note';
const corrected = [
  HEADER,
  'lbf-2b;Gl. Jennumparken;2024;41,2;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Glarbjergvej-området;2024;36,9;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Randers Kommune;2024;15,1;;;Boligsociale data, LBF;15-01-2025;',
].join('\r\n');
const withMistakes = [
  HEADER,
  'lbf-2b;Gl. Jennumparken;2023/25;41,2;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Glarbjergvej-området;2021;36,9x;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Randers Amt;2021;15,1;;;Boligsociale data, LBF;15-01-2025;',
  'lbf-2b;Vangdalen;2021;30,1;;;Boligsociale data, LBF;15-01-2025;',
].join('\r\n');

describeInBrowser('importing measurements in the browser', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const engine of testEngines()) {
    describe(`on ${engine}`, { concurrency: TESTS_AT_ONCE }, () => {
      let app: RunningApp;
      before(async () => {
        app = await startServer(engine, { clock: () => new Date('2025-06-01T10:00:00Z') });
        // Made once here: tests running side by side would otherwise race to create the same user.
        await app.sessionFor('monitorering');
      });
      after(async () => {
        await app?.close();
      });

      /**
       * Uploads a file through the form and waits for the import's result page: with JavaScript the page follows the
       * import and reloads itself when it ends; without, the user reloads it, as the page says.
       */
      async function upload(page: Page, name: string, text: string, scripted: boolean): Promise<void> {
        await page.goto('/overvaagning/import');
        await page.getByLabel('Fil').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
        await submit(page, page.getByRole('button', { name: 'Importér' }));
        assert.match(new URL(page.url()).pathname, /^\/overvaagning\/import\/[^/]+$/);
        if (scripted) await page.locator('progress').waitFor({ state: 'detached', timeout: 20_000 });
        for (let i = 0; !scripted && i < 50 && (await page.locator('progress').count()) > 0; i++) {
          await page.waitForTimeout(200);
          await page.getByRole('link', { name: 'Opdatér siden' }).click();
        }
        assert.equal(await page.locator('progress').count(), 0, 'the import finished');
      }

      /** Measurements stored for one year (each test uses its own year, as tests run side by side). */
      const stored = async (year: string) =>
        Number((await app.db.database.db.selectFrom('measurements').select((eb) => eb.fn.countAll<number>().as('n')).where('period_start', '=', `${year}-01-01`).executeTakeFirstOrThrow()).n);

      for (const mode of SCRIPT_MODES) {
        it(`shows every mistake of a file by row and column, then imports the corrected file once (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'monitorering');
            const page = await context.newPage();
            const year = mode.javaScriptEnabled ? '2023' : '2022';

            await upload(page, 'fejl.csv', withMistakes, mode.javaScriptEnabled);
            await assertAccessible(page, `import med fejl (${mode.name})`);
            assert.match(await page.title(), /^Fejl: /);
            assert.match(await page.getByRole('alert').first().innerText(), /Filen blev ikke importeret/);
            const rows = page.locator('#fejl tbody tr');
            assert.equal(await rows.count(), 3);
            const table = await page.locator('#fejl').innerText();
            assert.match(table, /2\s+periode/);
            assert.match(table, /3\s+værdi/);
            assert.match(table, /4\s+område/);
            assert.equal(await stored('2021'), 0, 'a file with mistakes changes nothing');

            const file = corrected.replace(/;2024;/g, `;${year};`);
            await upload(page, 'rettet.csv', file, mode.javaScriptEnabled);
            assert.match(await page.locator('.alert-success').innerText(), /3 nye værdier/);
            assert.equal(await stored(year), 3);

            await upload(page, 'rettet.csv', file, mode.javaScriptEnabled);
            assert.match(await page.locator('.alert-success').innerText(), /0 nye værdier.*3\s+uændrede/s);
            assert.equal(await stored(year), 3, 'the same file twice adds nothing');
          } finally {
            await context.close();
          }
        });
      }

      it('offers the import page and its templates to the monitoring unit, accessibly', async () => {
        const context = await newContext(browser, app, { javaScriptEnabled: false });
        try {
          await signInAs(context, app, 'monitorering');
          const page = await context.newPage();
          await page.goto('/overvaagning/import');
          await assertAccessible(page, 'importsiden');
          const template = await page.request.get('/overvaagning/skabeloner/lbf.csv');
          assert.equal(template.status(), 200);
          assert.match(await template.text(), /^\uFEFFIndikator;Indikatornavn;Område;Periode;Værdi;/);
        } finally {
          await context.close();
        }
      });

      it('asks for a file when none was chosen, with the error linked to the field', async () => {
        const context = await newContext(browser, app, { javaScriptEnabled: false });
        try {
          await signInAs(context, app, 'monitorering');
          const page = await context.newPage();
          await page.goto('/overvaagning/import');
          await page.locator('#felt-fil').evaluate((input) => input.removeAttribute('required'));
          const response = await submit(page, page.getByRole('button', { name: 'Importér' }));
          assert.equal(response.status(), 400);
          assert.match(await page.title(), /^Fejl: /);
          assert.match(await page.locator('.alert-error').innerText(), /Vælg en fil/);
        } finally {
          await context.close();
        }
      });
    });
  }
});
