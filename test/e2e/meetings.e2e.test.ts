/**
 * The bodies, the meeting calendar and the calendar feed in a browser, with and without JavaScript: the secretariat
 * generates a year's calendar, moves the steering group's spring meeting to ten days before the board's and sees the
 * plan's cadence warning, and every page passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { generateYearCalendar } from '../../src/governance/meeting-calendar.js';
import { addDays } from '../../src/time/working-days.js';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';

const NOW = new Date('2026-01-15T12:00:00Z');

describeInBrowser('bodies, meetings and the calendar feed in the browser', () => {
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
        await app.sessionFor('sekretariat');
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        // Each mode generates its own year, so the two can run side by side on one database.
        const year = mode.javaScriptEnabled ? 2026 : 2027;
        const board = generateYearCalendar(year).find((m) => m.body === 'bestyrelse' && m.kind === 'forår')!;
        const moved = addDays(board.date, -10);

        it(`lets the secretariat generate ${year}, move the steering group's spring meeting to ten days before the board and see the warning (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/styring');
            await assertAccessible(page, `styring (${mode.name})`);
            await page.getByRole('link', { name: 'Organer' }).click();
            await assertAccessible(page, `organer (${mode.name})`);
            await page.getByRole('link', { name: 'Styregruppen' }).click();
            assert.equal(new URL(page.url()).pathname, '/styring/organer/styregruppe');
            await assertAccessible(page, `styregruppen (${mode.name})`);

            await page.goto(`/styring/moeder?aar=${year}`);
            await submit(page, page.getByRole('button', { name: `Dan kalender for ${year}` }));
            await page.getByText('Kalenderen er dannet ud fra planens mødefrekvens.').waitFor();
            assert.equal(await page.getByRole('row').filter({ hasText: 'Styregruppemøde' }).count(), 3);
            await assertAccessible(page, `møder ${year} (${mode.name})`);
            assert.equal(await page.getByRole('button', { name: `Dan kalender for ${year}` }).count(), 0, 'a year is generated once');

            await page.getByRole('link', { name: 'Styregruppemøde (forår)' }).click();
            await assertAccessible(page, `mødet (${mode.name})`);
            await page.getByRole('link', { name: 'Ret mødet' }).click();
            await page.getByLabel('Dato').fill(moved);
            await page.getByLabel('Sted', { exact: false }).fill('Bysekretariatet, Østervold');
            await submit(page, page.getByRole('button', { name: 'Gem mødet' }));
            await page.getByText('Mødet er gemt.').waitFor();
            const warning = page.getByRole('heading', { name: 'Mødet bryder planens mødefrekvens' });
            await warning.waitFor();
            assert.match(await page.locator('.alert-warning').innerText(), /kun 10 dage før bestyrelsens/);
            await assertAccessible(page, `mødet med advarsel (${mode.name})`);
          } finally {
            await context.close();
          }
        });

        it(`lets a user make a personal calendar address, shown once (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/styring/kalender');
            await assertAccessible(page, `kalender (${mode.name})`);
            await submit(page, page.getByRole('button', { name: 'Opret kalenderadresse' }));
            const address = await page.locator('#kalenderadresse').innerText();
            assert.match(address, /\/kalender\/[A-Za-z0-9_-]{43}\/helhed\.ics$/);
            await assertAccessible(page, `ny kalenderadresse (${mode.name})`);
            const feed = await context.request.get(new URL(address).pathname);
            assert.equal(feed.status(), 200);
            assert.match(await feed.text(), /METHOD:PUBLISH/);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
