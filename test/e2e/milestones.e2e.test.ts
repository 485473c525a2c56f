/**
 * Milestone plans in a browser, with and without JavaScript: the secretariat adds a milestone that waits for another,
 * is told what is missing first, and sees the new milestone flagged «forsinket» once its due date has passed; the
 * overview, the plan page (with its timeline), the form with an error and the spreadsheet import with an error pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { milestoneServiceFor, seedDemoMilestones } from '../../src/governance/milestones.service.js';
import { aMilestoneInput } from '../fixtures/governance/milestones.js';
import {
  assertAccessible,
  assertErrorSummaryLinksToFields,
  describeInBrowser,
  launchBrowser,
  newContext,
  SCRIPT_MODES,
  signInAs,
  startServer,
  submit,
  TESTS_AT_ONCE,
  type RunningApp,
} from '../support/browser.js';
import { testEngines } from '../support/databases.js';

/** 10 February 2026: a milestone due 20 January is three weeks late. */
const NOW = new Date('2026-02-10T12:00:00Z');
const BASE_TITLE = 'Aftale med Jobcenter Randers underskrevet (e2e)';

describeInBrowser('milestone plans in the browser', () => {
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
        app = await startServer(engine, { clock: () => NOW });
        const secretariat = await app.sessionFor('sekretariat');
        await seedDemoMilestones(app.db.database, app.planId, () => NOW);
        const input = aMilestoneInput({ interventionArea: 'beskaeftigelse', title: BASE_TITLE, dueDate: '2026-01-05', status: 'færdig', completedOn: '2026-01-04' });
        await milestoneServiceFor(app.services).create({ userId: null, label: secretariat.email, planId: app.planId, ip: null, requestId: null }, app.planId, {
          ...input,
          activity: null,
          completedOn: input.completedOn ?? null,
          note: null,
          dependsOn: [],
        });
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        it(`lets the secretariat add a milestone with a dependency, see it flagged when overdue, and import a plan from a spreadsheet (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          const title = `Fremskudt kontor åbnet i Vangdalen (${mode.name})`;
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/styring/milepaele');
            await assertAccessible(page, `milepælsplaner (${mode.name})`);
            await page.getByRole('link', { name: 'Beskæftigelse', exact: true }).first().click();
            assert.equal(new URL(page.url()).pathname, '/styring/milepaele/beskaeftigelse');
            await assertAccessible(page, `milepælsplan for Beskæftigelse (${mode.name})`);
            assert.equal(await page.locator('svg.helhed-timeline').getAttribute('role'), 'img');

            await page.getByRole('link', { name: 'Tilføj milepæl' }).click();
            await page.getByLabel('Frist').fill('2026-01-20');
            await submit(page, page.getByRole('button', { name: 'Tilføj milepælen' }));
            await assertErrorSummaryLinksToFields(page, ['title', 'owner']);
            await assertAccessible(page, `milepælsformular med fejl (${mode.name})`);

            await page.getByLabel('Milepæl', { exact: true }).fill(title);
            await page.getByLabel('Aktivitet').selectOption({ label: 'Fremskudt beskæftigelsesindsats' });
            await page.getByLabel('Ansvarlig').fill('Jobcenter Randers');
            await page.getByLabel('I gang', { exact: true }).check();
            await page.getByLabel(BASE_TITLE).check();
            await submit(page, page.getByRole('button', { name: 'Tilføj milepælen' }));
            assert.equal(new URL(page.url()).pathname, '/styring/milepaele/beskaeftigelse');
            assert.match(await page.getByText('Milepælen er tilføjet milepælsplanen.').innerText(), /tilføjet/);
            const row = page.getByRole('row').filter({ hasText: title });
            const rowText = await row.innerText();
            assert.match(rowText, /forsinket/);
            assert.match(rowText, /Fristen var 20\. januar 2026, for 21 dage siden/);
            assert.match(rowText, new RegExp(BASE_TITLE.replace(/[()]/g, '\\$&')));

            await page.goto('/styring/milepaele');
            const flagged = page.locator('#opmaerksomhed').getByRole('row').filter({ hasText: title });
            assert.match(await flagged.innerText(), /forsinket/);

            await page.goto('/styring/milepaele/beskaeftigelse/import');
            await assertAccessible(page, `import af milepæle (${mode.name})`);
            const upload = (csv: string) => page.getByLabel('Fil').setInputFiles({ name: 'milepaele.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
            const header = 'milepæl;aktivitet;frist;ansvarlig;status;færdig;afhænger af;bemærkning';
            await upload(`${header}\nMentorer fundet (${mode.name});Job til mor;31-02-2026;Jobcenter Randers;;;;\n`);
            await submit(page, page.getByRole('button', { name: 'Importér' }));
            await assertErrorSummaryLinksToFields(page, ['fil']);
            assert.match(await page.locator('#fejl').innerText(), /frist\s+Fristen «31-02-2026» er ikke en dato/);
            await assertAccessible(page, `import af milepæle med fejl (${mode.name})`);
            await upload(`${header}\nMentorer fundet (${mode.name});Job til mor;28-02-2026;Jobcenter Randers;;;${title};\n`);
            await submit(page, page.getByRole('button', { name: 'Importér' }));
            assert.match(await page.getByText('1 milepæl er tilføjet').innerText(), /tilføjet/);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
