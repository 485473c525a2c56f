/**
 * Logging in and out in a browser without JavaScript: real form posts, real redirects, real cookies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { createUser } from '../../src/users/users.service.js';
import { describeInBrowser, launchBrowser, logInThroughForm, newContext, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, USER_PASSWORD } from '../support/test-app.js';

describeInBrowser('logging in through the browser', () => {
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
        app = await startServer(engine);
      });
      after(async () => {
        await app?.close();
      });

      async function withPage(run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
        const context = await newContext(browser, app, { javaScriptEnabled: false });
        try {
          await run(await context.newPage(), context);
        } finally {
          await context.close();
        }
      }

      async function aUser(email: string): Promise<void> {
        await createUser(app.db.database, SYSTEM_ACTOR, app.planId, { email, name: 'Lise Låst', roles: ['sekretariat'], password: USER_PASSWORD });
      }

      it('logs the administrator in and shows their name in the header', async () => {
        await withPage(async (page) => {
          const response = await logInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
          assert.equal(response.status(), 200);
          assert.equal(new URL(page.url()).pathname, '/');
          assert.equal(await page.locator('header').getByRole('link', { name: 'Administrator' }).getAttribute('href'), '/profil');
          assert.ok(await page.locator('header').getByRole('button', { name: 'Log af' }).isVisible());
        });
      });

      it('sends a visitor to the login page and back to the page they asked for', async () => {
        await withPage(async (page) => {
          await page.goto('/revisionsspor');
          assert.equal(new URL(page.url()).pathname, '/logind');
          await logInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD, { stay: true });
          assert.equal(new URL(page.url()).pathname, '/revisionsspor');
        });
      });

      it('tells in Danish that the e-mail or password is wrong, and keeps the e-mail', async () => {
        await withPage(async (page) => {
          const response = await logInThroughForm(page, ADMIN_EMAIL, 'forkert-adgangskode');
          assert.equal(response.status(), 401);
          assert.match(await page.title(), /^Fejl: Log ind/);
          assert.match(await page.getByRole('alert').innerText(), /E-mailadressen eller adgangskoden er forkert\./);
          assert.equal(await page.getByLabel('E-mailadresse').inputValue(), ADMIN_EMAIL);
          assert.equal(await page.getByLabel('Adgangskode').inputValue(), '', 'the password must not be sent back');
          assert.equal((await page.context().cookies()).some((c) => c.name === 'helhed_session'), false);
        });
      });

      it('locks the account after five wrong passwords, so that even the right one is refused', async () => {
        const email = `laast-${engine}@helhed.test`;
        await aUser(email);
        await withPage(async (page, context) => {
          await page.goto('/logind');
          for (let attempt = 1; attempt <= 5; attempt++) {
            const response = await logInThroughForm(page, email, `forkert-${attempt}`, { stay: true });
            assert.equal(response.status(), 401, `attempt ${attempt}`);
          }
          const locked = await logInThroughForm(page, email, 'forkert-6', { stay: true });
          assert.equal(locked.status(), 429);
          assert.ok(Number(await locked.headerValue('retry-after')) > 0, 'a lockout says when to try again');
          assert.match(await page.getByRole('alert').innerText(), /For mange mislykkede loginforsøg\. Af sikkerhedshensyn er login spærret i \d+ minutter/);

          const rightPassword = await logInThroughForm(page, email, USER_PASSWORD, { stay: true });
          assert.equal(rightPassword.status(), 429);
          assert.match(await page.getByRole('alert').innerText(), /For mange mislykkede loginforsøg/);
          assert.equal((await context.cookies()).some((c) => c.name === 'helhed_session'), false);
        });
      });

      it('logs out with the Log af button in the header and ends the session', async () => {
        await withPage(async (page, context) => {
          await logInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
          const session = (await context.cookies()).find((c) => c.name === 'helhed_session');
          assert.ok(session, 'logged in');

          const response = await submit(page, page.locator('header').getByRole('button', { name: 'Log af' }));
          assert.equal(response.status(), 200);
          assert.equal(new URL(page.url()).pathname, '/logind');
          assert.match(await page.getByRole('status').innerText(), /Du er logget af\./);

          // The old session cookie must not work any more, even if someone kept it.
          await context.addCookies([{ name: 'helhed_session', value: session.value, url: app.baseUrl }]);
          await page.goto('/');
          assert.equal(new URL(page.url()).pathname, '/logind');
        });
      });
    });
  }
});
