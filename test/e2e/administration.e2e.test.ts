/**
 * An administrator's work in a browser without JavaScript: creating users, API tokens, and reading the audit log; and
 * forged form posts being refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, logInThroughForm, newContext, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app.js';

describeInBrowser('administering Helhed through the browser', () => {
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

      /** A page signed in as the administrator through the login form, as a person would be. */
      async function asAdministrator(run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
        const context = await newContext(browser, app, { javaScriptEnabled: false });
        try {
          const page = await context.newPage();
          assert.equal((await logInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD)).status(), 200);
          await run(page, context);
        } finally {
          await context.close();
        }
      }

      async function fillNewUser(page: Page, user: { email: string; name: string }): Promise<void> {
        await page.goto('/brugere/ny');
        await page.getByLabel('E-mailadresse').fill(user.email);
        await page.getByLabel('Navn', { exact: true }).fill(user.name);
        await page.getByRole('checkbox', { name: /^Sekretariat/ }).check();
        await page.getByLabel('Adgangskode').fill('en god lang adgangskode');
      }

      /** The users in the plan, read over the JSON API with the page's session. */
      async function userEmails(page: Page): Promise<string[]> {
        const response = await page.request.get('/api/v1/users');
        assert.equal(response.status(), 200);
        return ((await response.json()) as { email: string }[]).map((u) => u.email);
      }

      it('creates a user through the form and shows it in the list of users', async () => {
        await asAdministrator(async (page) => {
          const user = { email: `sara-${engine}@helhed.test`, name: `Sara Sekretær ${engine}` };
          await fillNewUser(page, user);
          const response = await submit(page, page.getByRole('button', { name: 'Opret bruger' }));
          assert.equal(response.status(), 200);
          assert.match(new URL(page.url()).pathname, /^\/brugere\/[^/]+$/);
          assert.match(await page.getByRole('status').innerText(), /Brugeren er oprettet\./);

          await page.getByRole('link', { name: 'Tilbage til brugere' }).click();
          const row = page.getByRole('row').filter({ hasText: user.email });
          assert.equal(await row.count(), 1);
          assert.match(await row.innerText(), new RegExp(`${user.name}[\\s\\S]*Sekretariat[\\s\\S]*Aktiv`));
        });
      });

      it('refuses a form whose CSRF token was tampered with, and creates no user', async () => {
        await asAdministrator(async (page) => {
          const user = { email: `forfalsket-${engine}@helhed.test`, name: 'Fie Forfalsket' };
          await fillNewUser(page, user);
          await page.locator('form[action="/brugere/ny"] input[name="_csrf"]').evaluate((input) => {
            (input as HTMLInputElement).value = 'forfalsket-token';
          });
          const response = await submit(page, page.getByRole('button', { name: 'Opret bruger' }));
          assert.equal(response.status(), 403);
          assert.match(await page.locator('main').innerText(), /Formularen er udløbet eller kom ikke fra Helhed/);
          assert.equal((await userEmails(page)).includes(user.email), false, 'the user must not be created');
        });
      });

      it('refuses a form post with the session cookie but a wrong or missing CSRF token', async () => {
        await asAdministrator(async (page) => {
          const email = `uden-token-${engine}@helhed.test`;
          const form = { email, name: 'Uden Token', roles: 'sekretariat', password: 'en god lang adgangskode' };
          const wrong = await page.request.post('/brugere/ny', { form: { ...form, _csrf: 'forkert' }, maxRedirects: 0 });
          assert.equal(wrong.status(), 403);
          const missing = await page.request.post('/brugere/ny', { form, maxRedirects: 0 });
          assert.equal(missing.status(), 403);
          assert.equal((await userEmails(page)).includes(email), false, 'the user must not be created');
        });
      });

      it('shows a new API token once, and afterwards only its beginning', async () => {
        await asAdministrator(async (page) => {
          await page.goto('/profil');
          await page.getByLabel('Navn på nøglen').fill('Rapportværktøj');
          const response = await submit(page, page.getByRole('button', { name: 'Opret nøgle' }));
          assert.equal(response.status(), 201);
          const token = (await page.locator('#ny-noegle').innerText()).trim();
          assert.match(token, /^hh_\S{20,}$/);

          const me = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
          assert.equal(me.status(), 200, 'the token shown works');

          await page.goto('/profil');
          assert.equal(await page.locator('#ny-noegle').count(), 0);
          assert.equal((await page.content()).includes(token), false, 'the token must not be shown again');
          assert.ok(await page.getByRole('row').filter({ hasText: 'Rapportværktøj' }).isVisible());
        });
      });

      it('records the logins and the creation of a user in the audit log', async () => {
        await asAdministrator(async (page) => {
          const user = { email: `revision-${engine}@helhed.test`, name: 'Rikke Revision' };
          await fillNewUser(page, user);
          await submit(page, page.getByRole('button', { name: 'Opret bruger' }));

          await page.goto('/revisionsspor');
          const entries = page.getByRole('table', { name: 'Hændelser, nyeste først' });
          assert.ok(await entries.getByRole('row').filter({ hasText: `${ADMIN_EMAIL} loggede ind med adgangskode` }).first().isVisible());
          const created = entries.getByRole('row').filter({ hasText: `Bruger ${user.email} oprettet` });
          assert.equal(await created.count(), 1);

          await created.getByRole('link', { name: /^Vis hændelsen/ }).click();
          assert.match(new URL(page.url()).pathname, /^\/revisionsspor\/[^/]+$/);
          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Bruger ${user.email} oprettet`);
          assert.match(await page.locator('main').innerText(), new RegExp(user.name));
        });
      });
    });
  }
});
