/**
 * Communication in a browser on a 360 px phone, with and without JavaScript: a member suggests the plan from the
 * beredskabsplan, adds an item (told first what is missing), sends it for approval and is not offered to approve it
 * themself; another member rejects it (told first that a reason is needed), approves it once resubmitted, and marks it
 * as sent. The secretariat keeps the press contacts. Every page and every error state passes axe, none scrolls
 * sideways.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { assertAccessible, assertErrorSummaryLinksToFields, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';

/** Tuesday 10 March 2026, 14.00 in Copenhagen. */
const NOW = new Date('2026-03-10T13:00:00Z');
const PHONE = { width: 360, height: 740 };

/** Distinct data per mode: the two modes share one database. */
const DATA = {
  'with JavaScript': {
    drafter: { email: 'lejerbo.e2e-kom@helhed.test', role: 'Lokalinspektør', authority: false, label: 'Jørgen Lajer (Lokalinspektør, Lejerbo)' },
    approver: { email: 'politi.e2e-kom@helhed.test', role: 'Politikommissær', authority: true },
    description: 'Brand i kældre i Gl. Jennumparken (e2e med JS)',
    message: 'Kære beboere: der er vagt i kældrene i nat (med JS).',
    press: 'Presse Person Med JS',
  },
  'without JavaScript': {
    drafter: { email: 'randersbolig.e2e-kom@helhed.test', role: 'Inspektør', authority: false, label: 'Peter Pedersen (Inspektør, RandersBolig/driften)' },
    approver: { email: 'ssp.e2e-kom@helhed.test', role: 'SSP-konsulent', authority: true },
    description: 'Brand i kældre i Vangdalen (e2e uden JS)',
    message: 'Kære beboere: der er vagt i kældrene i nat (uden JS).',
    press: 'Presse Person Uden JS',
  },
} as const;

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label} scrolls sideways at ${width} px: the page is ${scroll} px wide`);
}

async function useSession(context: BrowserContext, app: RunningApp, cookie: string): Promise<void> {
  await context.clearCookies();
  await context.addCookies([{ name: 'helhed_session', value: cookie, url: app.baseUrl }]);
}

describeInBrowser('communication in the browser', () => {
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
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        const data = DATA[mode.name];

        it(`lets one member draft and submit an item and another reject, approve and send it (${mode.name})`, async () => {
          const drafter = await crisisMemberSession(app, data.drafter);
          const approver = await crisisMemberSession(app, data.approver);
          const incident = await insertIncident(app, { level: 'roed', description: data.description });
          const path = `/beredskab/haendelser/${incident.id}/kommunikation`;
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await useSession(context, app, drafter.cookie);
            const page = await context.newPage();
            await page.goto(path);
            await assertAccessible(page, `tom kommunikationsplan (${mode.name})`);
            await assertNoSidewaysScroll(page, 'tom kommunikationsplan');

            await submit(page, page.getByRole('button', { name: 'Foreslå plan efter beredskabsplanen' }));
            assert.match(await page.locator('main').innerText(), /Forslagene fra beredskabsplanen er tilføjet/);
            const residents = page.locator('section.card').filter({ hasText: 'Kære beboere i' });
            assert.match(await residents.innerText(), /Louise Hou Kragh/);
            assert.match(await residents.innerText(), /Efter beredskabsplanen, linje 3516-3518/);
            assert.match(await page.locator('section.card').filter({ hasText: 'Pressemeddelelse' }).innerText(), /Ved kontakt til pressen inddrages[\s\S]*Mads F\. Villesen/);
            await assertAccessible(page, `foreslået kommunikationsplan (${mode.name})`);
            await assertNoSidewaysScroll(page, 'foreslået kommunikationsplan');

            await page.getByRole('link', { name: 'Tilføj punkt' }).click();
            await assertAccessible(page, `tom punktformular (${mode.name})`);
            await page.getByLabel('Hvornår: klokkeslæt').fill('25:61');
            await submit(page, page.getByRole('button', { name: 'Tilføj punktet' }));
            await assertErrorSummaryLinksToFields(page, ['audience', 'message', 'plannedTime']);
            await assertAccessible(page, `punktformular med fejl (${mode.name})`);
            await assertNoSidewaysScroll(page, 'punktformular med fejl');

            await page.getByLabel('Beboere', { exact: true }).check();
            await page.getByLabel('Hvem kommunikerer').selectOption({ label: data.drafter.label });
            await page.getByLabel('Budskab').fill(data.message);
            await page.getByLabel('Kanal').selectOption({ label: 'SMS' });
            await page.getByLabel('Hvornår: dato').fill('2026-03-10');
            await page.getByLabel('Hvornår: klokkeslæt').fill('17:30');
            await submit(page, page.getByRole('button', { name: 'Tilføj punktet' }));
            assert.equal(new URL(page.url()).pathname, path);
            const card = page.locator('section.card').filter({ hasText: data.message });
            assert.match(await card.innerText(), /Kladde/);
            assert.match(await card.innerText(), /10\.03\.2026, 17\.30/);

            await submit(page, card.getByRole('button', { name: /^Send til godkendelse/ }));
            assert.match(await card.innerText(), /Til godkendelse/);
            assert.match(await card.innerText(), /Du har selv sendt punktet til godkendelse/);
            assert.equal(await card.getByRole('button', { name: /^Godkend/ }).count(), 0);

            await useSession(context, app, approver.cookie);
            await page.goto(path);
            await submit(page, card.getByRole('button', { name: /^Afvis/ }));
            assert.equal(new URL(page.url()).pathname, `${path}/${/felt-punkt-(.+)$/.exec((await card.getAttribute('id'))!)![1]}/afvis`);
            await assertErrorSummaryLinksToFields(page, []);
            assert.match(await page.locator('[data-module="error-summary"]').innerText(), /Skriv, hvorfor punktet afvises/);
            await assertAccessible(page, `afvisning uden begrundelse (${mode.name})`);
            await card.getByLabel('Begrundelse for afvisning').fill('Skriv, hvem der holder vagt.');
            await submit(page, card.getByRole('button', { name: /^Afvis/ }));
            assert.match(await card.innerText(), /Afvist[\s\S]*Begrundelse: Skriv, hvem der holder vagt\./);

            await useSession(context, app, drafter.cookie);
            await page.goto(path);
            await submit(page, card.getByRole('button', { name: /^Send til godkendelse/ }));
            await useSession(context, app, approver.cookie);
            await page.goto(path);
            await submit(page, card.getByRole('button', { name: /^Godkend/ }));
            assert.match(await card.innerText(), new RegExp(`Godkendt\\s+10\\.03\\.2026, 14\\.00\\.00 af ${approver.email.replace(/\./g, '\\.')}`));
            await assertAccessible(page, `godkendt punkt (${mode.name})`);
            await submit(page, card.getByRole('button', { name: /^Markér som udsendt/ }));
            assert.match(await card.innerText(), /Udsendt/);
            assert.match(await card.innerText(), new RegExp(`registreret af ${approver.email.replace(/\./g, '\\.')}`));
            assert.equal(await card.getByRole('link', { name: /^Redigér/ }).count(), 0);
            await assertAccessible(page, `udsendt punkt (${mode.name})`);
            await assertNoSidewaysScroll(page, 'kommunikationsplan med udsendt punkt');
          } finally {
            await context.close();
          }
        });

        it(`lets the secretariat add a press contact, told first what is missing (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/beredskab/presse');
            await assertAccessible(page, `pressekontakter (${mode.name})`);
            assert.match(await page.locator('main').innerText(), /Jens Heslop/);
            await page.getByRole('link', { name: 'Tilføj pressekontakt' }).click();
            await page.getByLabel('Navn').fill(data.press);
            await page.getByLabel('Telefon').fill('ring efter kl. 8');
            await submit(page, page.getByRole('button', { name: 'Tilføj pressekontakten' }));
            await assertErrorSummaryLinksToFields(page, ['organisation', 'position', 'phone']);
            await assertAccessible(page, `pressekontaktformular med fejl (${mode.name})`);
            assert.equal(await page.getByLabel('Navn').inputValue(), data.press);
            await page.getByLabel('Organisation').fill('Randers Kommune');
            await page.getByLabel('Stilling').fill('Pressechef');
            await page.getByLabel('Telefon').fill('89 15 15 15');
            await submit(page, page.getByRole('button', { name: 'Tilføj pressekontakten' }));
            assert.equal(new URL(page.url()).pathname, '/beredskab/presse');
            assert.match(await page.getByRole('row').filter({ hasText: data.press }).innerText(), /Pressechef/);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
