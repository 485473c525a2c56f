/**
 * The economy in a browser, with and without JavaScript: the secretariat enters a budget line (first with an amount
 * the form refuses), imports a file of actuals (first one with mistakes, shown by row and column, then a right one),
 * and sees the line flagged over its pace on the follow-up page. Every page of the economy passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { ECONOMY_NOW } from '../fixtures/economy/index.js';

describeInBrowser('the economy in the browser', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const engine of testEngines()) {
    // One after the other: the budget form saves all of a year's lines at once, so the two modes take turns.
    describe(`on ${engine}`, () => {
      let app: RunningApp;
      before(async () => {
        app = await startServer(engine, { clock: () => ECONOMY_NOW });
        await app.sessionFor('sekretariat');
      });
      after(async () => {
        await app?.close();
      });

      for (const [index, mode] of SCRIPT_MODES.entries()) {
        it(`lets the secretariat enter a budget, import actuals and see the deviation (${mode.name})`, async () => {
          const line = `Aktiviteter ${mode.javaScriptEnabled ? 'med' : 'uden'} script`;
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/oekonomi');
            await assertAccessible(page, `økonomi (${mode.name})`);

            await page.getByRole('link', { name: 'Ret tilsagn og medfinansiering' }).click();
            await assertAccessible(page, `finansiering (${mode.name})`);
            await page.getByLabel('Tilsagnets beløb i kroner').fill('24.000.000');
            await page.getByLabel('Medfinansiering 1: part').fill(index === 0 ? 'Randers Kommune' : 'Boligorganisationerne');
            await page.getByLabel('Medfinansiering 1: beløb i kroner').fill('8.000.000,00');
            await submit(page, page.getByRole('button', { name: 'Gem finansieringen' }));
            assert.equal(new URL(page.url()).pathname, '/oekonomi');

            await page.getByRole('link', { name: 'Ret budgettet for 2025/26' }).click();
            await assertAccessible(page, `budget (${mode.name})`);
            await page.getByLabel(`Linje ${index + 1}: navn`).fill(line);
            await page.getByLabel(`Linje ${index + 1}: budget i kroner`).fill('1.200.000,005');
            const refused = await submit(page, page.getByRole('button', { name: 'Gem budgettet' }));
            assert.equal(refused.status(), 400);
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `budget med fejl (${mode.name})`);
            await page.getByLabel(`Linje ${index + 1}: budget i kroner`).fill('1.200.000,00');
            await submit(page, page.getByRole('button', { name: 'Gem budgettet' }));
            assert.match(await page.getByText('Budgettet er gemt.').innerText(), /gemt/);

            await page.goto('/oekonomi/forbrug?aar=2025%2F26');
            await assertAccessible(page, `forbrug (${mode.name})`);
            await page.getByRole('link', { name: 'importér en fil' }).click();
            await assertAccessible(page, `import af forbrug (${mode.name})`);
            const months = ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
            const wrong = `linje;måned;beløb\r\n${line};2025-08;140.000\r\nUkendt;2025-09;1\r\n${line};2025-10;mange\r\n`;
            await page.locator('input[type=file]').setInputFiles({ name: 'forbrug.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
            const rejected = await submit(page, page.getByRole('button', { name: 'Importér' }));
            assert.equal(rejected.status(), 400);
            const problems = page.getByRole('table', { name: 'Fejl i filen, efter række og kolonne' });
            assert.match(await problems.innerText(), /3\s+linje\s+Linjen «Ukendt» findes ikke/);
            assert.match(await problems.innerText(), /4\s+beløb/);
            await assertAccessible(page, `import med fejl (${mode.name})`);
            const right = `linje;måned;beløb;note\r\n${months.map((m) => `${line};${m};140.000,00;`).join('\r\n')}\r\n`;
            await page.locator('input[type=file]').setInputFiles({ name: 'forbrug.csv', mimeType: 'text/csv', buffer: Buffer.from(right) });
            await submit(page, page.getByRole('button', { name: 'Importér' }));
            assert.match(await page.getByText(/rækker læst/).innerText(), /5 rækker læst: 5 gemt eller ændret, 0 uændrede/);

            await page.goto('/oekonomi?aar=2025%2F26');
            const deviation = page.locator('#afvigelser li').filter({ hasText: line });
            assert.match(await deviation.innerText(), /over det forventede med 200\.000 kr\. \(40,0 %\)/);
            const row = page.getByRole('row').filter({ hasText: line });
            assert.match(await row.innerText(), /1\.200\.000 kr\.\s+700\.000 kr\.\s+500\.000 kr\.\s+\+200\.000 kr\.\s+40,0 %\s+over/);
            await assertAccessible(page, `økonomi med afvigelse (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
