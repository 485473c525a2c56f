/**
 * Signing in, in a browser without JavaScript (real form posts, redirects and cookies): the login form, the lockout
 * after wrong passwords, Log af, and the one-time links with which a password is chosen, the first-start setup link
 * (before any user exists) and the reset link an administrator makes. The setup page is checked with axe here too,
 * with and without JavaScript, as it needs a Helhed without users.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { createUser } from '../../src/users/users.service.js';
import {
  assertAccessible,
  assertErrorSummaryLinksToFields,
  describeInBrowser,
  launchBrowser,
  logInThroughForm,
  newContext,
  SCRIPT_MODES,
  startServer,
  submit,
  TESTS_AT_ONCE,
  type RunningApp,
} from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, USER_PASSWORD } from '../support/test-app.js';

/** A Helhed started without HELHED_ADMIN_EMAIL/PASSWORD, so that it has no users and waits for its setup link. */
function startUnconfigured(): Promise<RunningApp> {
  return startServer('sqlite', { env: { HELHED_ADMIN_EMAIL: '', HELHED_ADMIN_PASSWORD: '' } });
}

describeInBrowser('signing in through the browser', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function withPageOn(app: RunningApp, javaScriptEnabled: boolean, run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
    const context = await newContext(browser, app, { javaScriptEnabled });
    try {
      await run(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  for (const engine of testEngines()) {
    describe(`with the login form, on ${engine}`, { concurrency: TESTS_AT_ONCE }, () => {
      let app: RunningApp;
      before(async () => {
        app = await startServer(engine);
      });
      after(async () => {
        await app?.close();
      });

      async function aUser(email: string): Promise<void> {
        await createUser(app.db.database, SYSTEM_ACTOR, app.planId, { email, name: 'Lise Låst', roles: ['sekretariat'], password: USER_PASSWORD });
      }

      it('logs the administrator in and shows their name in the header', async () => {
        await withPageOn(app, false, async (page) => {
          const response = await logInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
          assert.equal(response.status(), 200);
          assert.equal(new URL(page.url()).pathname, '/');
          assert.equal(await page.locator('header').getByRole('link', { name: 'Administrator' }).getAttribute('href'), '/profil');
          assert.ok(await page.locator('header').getByRole('button', { name: 'Log af' }).isVisible());
        });
      });

      it('sends a visitor to the login page and back to the page they asked for', async () => {
        await withPageOn(app, false, async (page) => {
          await page.goto('/revisionsspor');
          assert.equal(new URL(page.url()).pathname, '/logind');
          await logInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD, { stay: true });
          assert.equal(new URL(page.url()).pathname, '/revisionsspor');
        });
      });

      it('tells in Danish that the e-mail or password is wrong, and keeps the e-mail', async () => {
        await withPageOn(app, false, async (page) => {
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
        await withPageOn(app, false, async (page, context) => {
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
        await withPageOn(app, false, async (page, context) => {
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

  describe('the first-start setup page', () => {
    let app: RunningApp;
    before(async () => {
      app = await startUnconfigured();
    });
    after(async () => {
      await app?.close();
    });

    for (const mode of SCRIPT_MODES) {
      it(`is accessible empty and after a submit with errors, ${mode.name}`, async () => {
        const token = await app.services.auth.createOneTimeLink('setup', null, 24);
        await withPageOn(app, mode.javaScriptEnabled, async (page) => {
          const response = await page.goto(`/opsaetning/${token}`);
          assert.equal(response?.status(), 200);
          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Opret den første administrator');
          await assertAccessible(page, 'opsætningssiden');

          await page.getByLabel('E-mailadresse').fill('ikke-en-adresse');
          await page.getByLabel('Ny adgangskode').fill('kort');
          assert.equal((await submit(page, page.getByRole('button', { name: 'Gem' }))).status(), 400);
          await assertErrorSummaryLinksToFields(page, ['email', 'name', 'password']);
          await assertAccessible(page, 'opsætningssiden med fejl');
        });
      });
    }

    it('says that an unknown setup link cannot be used', async () => {
      await withPageOn(app, false, async (page) => {
        const response = await page.goto('/opsaetning/findes-ikke');
        assert.equal(response?.status(), 404);
        assert.match(await page.getByRole('alert').innerText(), /Linket kan ikke bruges/);
        await assertAccessible(page, 'ugyldigt opsætningslink');
      });
    });
  });

  it('creates the first administrator through the setup link, who can then log in', async () => {
    const app = await startUnconfigured();
    try {
      const token = await app.services.auth.createOneTimeLink('setup', null, 24);
      await withPageOn(app, false, async (page) => {
        await page.goto(`/opsaetning/${token}`);
        await page.getByLabel('E-mailadresse').fill('ejer@helhed.test');
        await page.getByLabel('Navn').fill('Ella Ejer');
        await page.getByLabel('Ny adgangskode').fill('en god lang adgangskode');
        await page.getByLabel('Gentag adgangskoden').fill('en god lang adgangskode');
        const response = await submit(page, page.getByRole('button', { name: 'Gem' }));
        assert.equal(response.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/logind');
        assert.match(await page.getByRole('status').innerText(), /Administratoren er oprettet/);

        await logInThroughForm(page, 'ejer@helhed.test', 'en god lang adgangskode', { stay: true });
        assert.equal(new URL(page.url()).pathname, '/');
        assert.ok(await page.locator('header').getByRole('link', { name: 'Ella Ejer' }).isVisible());

        const again = await page.request.get(`/opsaetning/${token}`);
        assert.equal(again.status(), 404, 'the setup link works once');
      });
    } finally {
      await app.close();
    }
  });

  describe('the password reset page', () => {
    let app: RunningApp;
    let userId: string;
    before(async () => {
      app = await startServer('sqlite');
      userId = (await createUser(app.db.database, SYSTEM_ACTOR, app.planId, { email: 'glemsom@helhed.test', name: 'Gert Glemsom', roles: ['sekretariat'], password: USER_PASSWORD })).id;
    });
    after(async () => {
      await app?.close();
    });

    async function resetPath(): Promise<string> {
      return new URL(await app.services.auth.issuePasswordResetLink(SYSTEM_ACTOR, userId)).pathname;
    }

    it('lets the user choose a new password, log in with it, and not use the link again', async () => {
      const path = await resetPath();
      await withPageOn(app, false, async (page) => {
        await page.goto(path);
        await page.getByLabel('Ny adgangskode').fill('min nye lange adgangskode');
        await page.getByLabel('Gentag adgangskoden').fill('min nye lange adgangskode');
        await submit(page, page.getByRole('button', { name: 'Gem' }));
        assert.equal(new URL(page.url()).pathname, '/logind');
        assert.match(await page.getByRole('status').innerText(), /Din adgangskode er gemt/);

        assert.equal((await logInThroughForm(page, 'glemsom@helhed.test', USER_PASSWORD, { stay: true })).status(), 401, 'the old password no longer works');
        assert.equal((await logInThroughForm(page, 'glemsom@helhed.test', 'min nye lange adgangskode', { stay: true })).status(), 200);
        assert.equal(new URL(page.url()).pathname, '/');

        const again = await page.request.get(path);
        assert.equal(again.status(), 404, 'the reset link works once');
      });
    });
  });
});
