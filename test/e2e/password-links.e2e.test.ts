/**
 * The one-time links with which a password is chosen: the first-start setup link (before any user exists) and the
 * reset link an administrator makes. Their pages are checked with axe here too, with and without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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
  type RunningApp,
} from '../support/browser.js';
import { USER_PASSWORD } from '../support/test-app.js';

/** A Helhed started without HELHED_ADMIN_EMAIL/PASSWORD, so that it has no users and waits for its setup link. */
function startUnconfigured(): Promise<RunningApp> {
  return startServer('sqlite', { env: { HELHED_ADMIN_EMAIL: '', HELHED_ADMIN_PASSWORD: '' } });
}

describeInBrowser('choosing a password through a one-time link', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function withPage(app: RunningApp, javaScriptEnabled: boolean, run: (page: Page) => Promise<void>): Promise<void> {
    const context = await newContext(browser, app, { javaScriptEnabled });
    try {
      await run(await context.newPage());
    } finally {
      await context.close();
    }
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
        await withPage(app, mode.javaScriptEnabled, async (page) => {
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
      await withPage(app, false, async (page) => {
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
      await withPage(app, false, async (page) => {
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
      await withPage(app, false, async (page) => {
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
