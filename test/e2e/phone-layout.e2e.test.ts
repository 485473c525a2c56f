/**
 * Helhed on a phone (390 × 844 CSS pixels), with and without JavaScript: the header keeps the user, "Log af" and the
 * main menu within reach, no page scrolls sideways, and the pages pass axe at that width too (where tables scroll).
 * Screenshots of the front page and the login page are left in the temporary folder for a person to look at.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';

const PHONE = { width: 390, height: 844 };

async function assertNoSidewaysScrolling(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${page.url()} is ${scrollWidth}px wide on a ${clientWidth}px screen`);
}

/** Whether the element is shown, and wholly within the screen's width. */
async function assertOnScreen(page: Page, locator: ReturnType<Page['locator']>, what: string): Promise<void> {
  const box = await locator.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${what} is not shown`);
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${what} lies outside the screen (x ${box.x}, width ${box.width})`);
}

describeInBrowser('Helhed on a phone', () => {
  let browser: Browser;
  let app: RunningApp;
  before(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    await app.sessionFor('administrator');
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const mode of SCRIPT_MODES) {
    describe(mode.name, { concurrency: TESTS_AT_ONCE }, () => {
      async function withPhone(signedIn: boolean, run: (page: Page) => Promise<void>): Promise<void> {
        const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
        try {
          if (signedIn) await signInAs(context, app, 'administrator');
          await run(await context.newPage());
        } finally {
          await context.close();
        }
      }

      it('keeps the user, Log af and every menu item in view in the header', async () => {
        await withPhone(true, async (page) => {
          await page.goto('/');
          const header = page.locator('header');
          await assertOnScreen(page, header.getByRole('link', { name: 'Administrator' }), 'the link to the profile');
          await assertOnScreen(page, header.getByRole('button', { name: 'Log af' }), 'Log af');
          const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
          for (const item of ['Forside', 'Brugere', 'Revisionsspor', 'API']) {
            await assertOnScreen(page, menu.getByRole('link', { name: item }), `the menu item ${item}`);
          }
          await assertNoSidewaysScrolling(page);
          await assertAccessible(page, 'forsiden på en telefon');
          await page.screenshot({ path: join(tmpdir(), `helhed-forside-telefon-${mode.javaScriptEnabled ? 'js' : 'uden-js'}.png`), fullPage: true });
        });
      });

      it('shows the login form within the screen', async () => {
        await withPhone(false, async (page) => {
          await page.goto('/logind');
          await assertOnScreen(page, page.getByLabel('E-mailadresse'), 'the e-mail field');
          await assertOnScreen(page, page.getByRole('button', { name: 'Log ind' }), 'the login button');
          await assertNoSidewaysScrolling(page);
          await assertAccessible(page, 'login på en telefon');
          await page.screenshot({ path: join(tmpdir(), `helhed-logind-telefon-${mode.javaScriptEnabled ? 'js' : 'uden-js'}.png`), fullPage: true });
        });
      });

      it('keeps wide tables, JSON and long API paths from making the page scroll sideways', async () => {
        await withPhone(true, async (page) => {
          for (const path of ['/brugere', '/revisionsspor', '/profil', '/api/docs']) {
            await page.goto(path);
            await assertNoSidewaysScrolling(page);
            await assertAccessible(page, `${path} på en telefon`);
          }
        });
      });
    });
  }
});
