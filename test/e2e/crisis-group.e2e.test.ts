/**
 * The crisis group in a browser, with and without JavaScript: the secretariat replaces a member by a successor (told
 * first what is missing) and sends the reminder; the successor opens the e-mailed link without logging in and
 * confirms a corrected phone number; a linked member confirms their own data. The group page, the forms with errors,
 * the link's page, the thanks page, the member's own page and the crisis card's print view pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { crisisMemberSession } from '../fixtures/crisis/index.js';
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
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const NOW = new Date('2026-03-10T09:00:00Z');

/** Distinct data per mode: the two modes share one database. */
const DATA = {
  'with JavaScript': { replaced: 'Gine Nerager', successor: 'Birgitte Skov', email: 'birgitte.skov@randers.example', role: 'SSP-konsulent', login: 'ssp.e2e@helhed.test' },
  'without JavaScript': { replaced: 'Peter Pedersen', successor: 'Henrik Juul', email: 'henrik.juul@randersbolig.example', role: 'Centerleder', login: 'center.e2e@helhed.test' },
} as const;

describeInBrowser('the crisis group in the browser', () => {
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
      let smtp: TestSmtpServer;
      before(async () => {
        smtp = await startSmtpServer();
        app = await startServer(engine, { clock: () => NOW, env: { HELHED_SMTP_URL: smtp.url } });
        // Made once here: the tests run side by side and would otherwise both create the secretariat's user.
        await app.sessionFor('sekretariat');
      });
      after(async () => {
        await app?.close();
        await smtp?.close();
      });

      for (const mode of SCRIPT_MODES) {
        const data = DATA[mode.name];

        it(`lets the secretariat replace a member and send the reminder, and the successor confirm through the link (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          // The link is opened from an e-mail, often on a phone.
          const visitor = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: { width: 360, height: 740 } });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/beredskab/gruppe');
            await assertAccessible(page, `beredskabsgruppen (${mode.name})`);
            assert.match(await page.locator('main').innerText(), /Østjyllands Politis vagtchef, tlf\. 114/);

            await page.getByRole('link', { name: `Udskift ${data.replaced}` }).click();
            await submit(page, page.getByRole('button', { name: 'Udskift medlemmet' }));
            await assertErrorSummaryLinksToFields(page, ['name', 'phone', 'email']);
            await assertAccessible(page, `udskiftning med fejl (${mode.name})`);
            await page.getByLabel('Efterfølgerens navn').fill(data.successor);
            await page.getByLabel('Telefon').fill('8711 2233');
            await page.getByLabel('E-mail').fill(data.email);
            await submit(page, page.getByRole('button', { name: 'Udskift medlemmet' }));
            assert.equal(new URL(page.url()).pathname, '/beredskab/gruppe');
            assert.match(await page.getByText('Medlemmet er udskiftet').innerText(), /efterfølgeren/i);
            const row = page.getByRole('row').filter({ hasText: data.successor });
            assert.match(await row.innerText(), /Bekræftet/);
            assert.equal(await page.getByRole('row').filter({ hasText: data.replaced }).count(), 0);

            await submit(page, page.getByRole('button', { name: 'Send påmindelse' }));
            assert.match(await page.getByText('Påmindelsen er sendt').innerText(), /Sendte påmindelser/);
            const mail = smtp.to(data.email).at(-1);
            assert.ok(mail, `no reminder to ${data.email}`);
            const link = /\/beredskab\/bekraeft\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
            assert.ok(link, mail.text);

            await page.goto('/beredskab/kort');
            await assertAccessible(page, `beredskabskort til udskrift (${mode.name})`);
            assert.match(await page.locator('main').innerText(), new RegExp(data.successor));
            const pdf = await context.request.get('/beredskab/kort.pdf');
            assert.equal(pdf.headers()['content-type'], 'application/pdf');

            const open = await visitor.newPage();
            await open.goto(link);
            await assertAccessible(open, `bekræftelseslinket (${mode.name})`);
            assert.ok(await open.evaluate(() => document.documentElement.scrollWidth <= 360), 'the link\u2019s page fits a 360 px phone');
            assert.match(await open.locator('main').innerText(), new RegExp(data.successor));
            await open.getByLabel('E-mail').fill('ikke-en-adresse');
            await submit(open, open.getByRole('button', { name: 'Bekræft oplysningerne' }));
            await assertErrorSummaryLinksToFields(open, ['email']);
            await assertAccessible(open, `bekræftelseslinket med fejl (${mode.name})`);
            await open.getByLabel('E-mail').fill(data.email);
            await open.getByLabel('Telefon').fill('8711 9999');
            await submit(open, open.getByRole('button', { name: 'Bekræft oplysningerne' }));
            assert.equal(await open.getByRole('heading', { level: 1 }).innerText(), 'Tak for din bekræftelse');
            await assertAccessible(open, `tak for bekræftelsen (${mode.name})`);
            const again = await open.goto(link);
            assert.equal(again?.status(), 404);

            await page.goto('/beredskab/gruppe');
            assert.match(await page.getByRole('row').filter({ hasText: data.successor }).innerText(), /8711 9999/);
          } finally {
            await context.close();
            await visitor.close();
          }
        });

        it(`lets a linked member confirm their own data, told first what is wrong (${mode.name})`, async () => {
          const session = await crisisMemberSession(app, { email: data.login, authority: true, role: data.role });
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await context.addCookies([{ name: 'helhed_session', value: session.cookie, url: app.baseUrl }]);
            const page = await context.newPage();
            await page.goto('/beredskab/gruppe');
            await page.getByRole('link', { name: 'Mine kontaktoplysninger' }).click();
            assert.equal(new URL(page.url()).pathname, '/beredskab/gruppe/mine-oplysninger');
            await assertAccessible(page, `mine kontaktoplysninger (${mode.name})`);
            await page.getByLabel('Telefon').fill('ring');
            await submit(page, page.getByRole('button', { name: 'Bekræft oplysningerne' }));
            await assertErrorSummaryLinksToFields(page, ['phone']);
            await assertAccessible(page, `mine kontaktoplysninger med fejl (${mode.name})`);
            await page.getByLabel('Telefon').fill('4000 1122');
            await submit(page, page.getByRole('button', { name: 'Bekræft oplysningerne' }));
            assert.match(await page.getByText('Kontaktoplysningerne er bekræftet.').innerText(), /bekræftet/);
            assert.match(await page.locator('main').innerText(), /Bekræftet/);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
