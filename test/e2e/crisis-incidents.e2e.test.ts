/**
 * Activation on a phone, with and without JavaScript: a member of the crisis group opens the module's home page at
 * 360 px, is told what is missing on an empty activation form, activates at red while the police's assessment is
 * pending, and lands on the incident's page with its fixed deadline, where the assessment is then recorded. The home
 * page, the form (empty, with errors) and the incident page pass axe, and none of them scrolls sideways.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { crisisMemberSession } from '../fixtures/crisis/index.js';
import { assertAccessible, assertErrorSummaryLinksToFields, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';

/** Saturday 28 March 2026 at 20:30 in Copenhagen: the deadline is 24 elapsed hours later, at 21:30 summer time. */
const NOW = new Date('2026-03-28T19:30:00Z');
const PHONE = { width: 360, height: 740 };

/** Distinct data per mode: the two modes share one database. */
const DATA = {
  'with JavaScript': { email: 'politi.e2e-haendelser@helhed.test', role: 'Politikommissær', authority: true, area: 'Vangdalen', situation: 'Skyderi', description: 'Skud affyret ved Vangdalen (e2e med JS)' },
  'without JavaScript': { email: 'lejerbo.e2e-haendelser@helhed.test', role: 'Lokalinspektør', authority: false, area: 'Gl. Jennumparken', situation: 'Ildspåsættelse', description: 'Brand i en kælder i Gl. Jennumparken (e2e uden JS)' },
} as const;

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label} scrolls sideways at ${width} px: the page is ${scroll} px wide`);
}

describeInBrowser('activation and incidents in the browser', () => {
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
        it(`lets a member activate at red from a 360 px phone while the police assessment is pending (${mode.name})`, async () => {
          const session = await crisisMemberSession(app, { email: data.email, authority: data.authority, role: data.role });
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await context.addCookies([{ name: 'helhed_session', value: session.cookie, url: app.baseUrl }]);
            const page = await context.newPage();
            await page.goto('/beredskab');
            await assertAccessible(page, `beredskabets forside (${mode.name})`);
            await assertNoSidewaysScroll(page, 'beredskabets forside');
            await page.getByRole('link', { name: 'Aktivér beredskabet' }).click();
            assert.equal(new URL(page.url()).pathname, '/beredskab/aktiver');
            await assertAccessible(page, `aktiveringsformularen (${mode.name})`);
            await assertNoSidewaysScroll(page, 'aktiveringsformularen');

            await submit(page, page.getByRole('button', { name: 'Aktivér beredskabet' }));
            await assertErrorSummaryLinksToFields(page, ['level', 'areaSlug', 'situationType', 'description', 'police.status']);
            await assertAccessible(page, `aktiveringsformularen med fejl (${mode.name})`);
            await assertNoSidewaysScroll(page, 'aktiveringsformularen med fejl');

            await page.locator('#felt-level').check();
            await page.getByLabel('Område', { exact: true }).selectOption({ label: data.area });
            await page.getByLabel('Situation', { exact: true }).selectOption({ label: `${data.situation} (typisk rødt)` });
            await page.getByLabel('Beskrivelse', { exact: true }).fill(data.description);
            await page.getByLabel('Afventer politiets vurdering').check();
            await submit(page, page.getByRole('button', { name: 'Aktivér beredskabet' }));
            assert.match(new URL(page.url()).pathname, /^\/beredskab\/haendelser\/[^/]+$/);
            const main = await page.locator('main').innerText();
            assert.match(main, /Beredskabet er aktiveret/);
            assert.match(main, new RegExp(`Hændelse \\d+: ${data.area}`));
            assert.match(main, /Rødt niveau/);
            assert.match(main, /søndag den 29\. marts 2026 kl\. 21\.30 \(1 døgn tilbage\)/);
            assert.match(main, new RegExp(data.description.replace(/[()]/g, '\\$&')));
            await assertAccessible(page, `hændelsens side (${mode.name})`);
            await assertNoSidewaysScroll(page, 'hændelsens side');

            await page.getByLabel('Politiet har vurderet situationen', { exact: true }).check();
            await page.getByLabel('Hvem talte du med?').fill(mode.javaScriptEnabled ? 'Allan Aarslev' : 'Lasse Bonde');
            await page.getByRole('group', { name: 'Hvilket niveau vurderede politiet?' }).getByLabel('Rødt niveau').check();
            await submit(page, page.getByRole('button', { name: 'Gem politiets vurdering' }));
            assert.match(await page.locator('main').innerText(), /Politiet har vurderet situationen: (Allan Aarslev|Lasse Bonde), lørdag den 28\. marts 2026 kl\. 20\.30, vurderede rødt niveau\./);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
