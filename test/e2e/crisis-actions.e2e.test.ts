/**
 * Action plans on a phone, with and without JavaScript: a member of the crisis group opens an incident's action plan at
 * 360 px, makes it from the template, finds their own tasks first and marks one done with one tap, is told what is
 * missing when adding a task, adds one, and reads the duties and templates. The plan page (empty and with tasks), the
 * task form with errors and the templates page pass axe, and none of them scrolls sideways.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { assertAccessible, assertErrorSummaryLinksToFields, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';

/** Saturday 28 March 2026, 22:30 in Copenhagen: two hours after the incidents were activated. */
const ACTIVATED = new Date('2026-03-28T19:30:00Z');
const NOW = new Date('2026-03-28T21:30:00Z');
const PHONE = { width: 360, height: 740 };

/** Distinct data per mode: the two modes share one database. */
const DATA = {
  'with JavaScript': { email: 'politi.e2e-handleplan@helhed.test', role: 'Politikommissær', authority: true, situationType: 'slaaskampe', own: 'Afdæk situationen', added: 'Gennemgå videoovervågning (e2e med JS)' },
  'without JavaScript': { email: 'lejerbo.e2e-handleplan@helhed.test', role: 'Lokalinspektør', authority: false, situationType: 'trusler-mod-medarbejdere', own: 'Sørg for, at den truede medarbejder', added: 'Skift lås på kontoret (e2e uden JS)' },
} as const;

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label} scrolls sideways at ${width} px: the page is ${scroll} px wide`);
}

describeInBrowser('action plans in the browser', () => {
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
      const prepared = new Map<string, { cookie: string; incidentId: string }>();
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        // One after the other: the fixture numbers incidents by the highest number so far, which two at once would share.
        for (const mode of SCRIPT_MODES) {
          const data = DATA[mode.name];
          const session = await crisisMemberSession(app, { email: data.email, authority: data.authority, role: data.role });
          const incident = await insertIncident(app, { level: 'roed', activatedAt: ACTIVATED, situationType: data.situationType, description: `Handleplan e2e (${mode.name})` });
          prepared.set(mode.name, { cookie: session.cookie, incidentId: incident.id });
        }
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        const data = DATA[mode.name];
        it(`lets a member make the action plan from the template and mark their own task done with one tap at 360 px (${mode.name})`, async () => {
          const { cookie, incidentId } = prepared.get(mode.name)!;
          const incident = { id: incidentId };
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await context.addCookies([{ name: 'helhed_session', value: cookie, url: app.baseUrl }]);
            const page = await context.newPage();
            await page.goto(`/beredskab/haendelser/${incident.id}/handleplan`);
            assert.match(await page.locator('main').innerText(), /Handleplanen har ingen opgaver endnu/);
            await assertAccessible(page, `tom handleplan (${mode.name})`);
            await assertNoSidewaysScroll(page, 'tom handleplan');

            await submit(page, page.getByRole('button', { name: 'Opret handleplan fra skabelon' }));
            assert.equal(new URL(page.url()).pathname, `/beredskab/haendelser/${incident.id}/handleplan`);
            const main = await page.locator('main').innerText();
            assert.match(main, /Opgaverne fra skabelonen er oprettet i handleplanen/);
            assert.match(main, /Alle opgaver fra skabelonen for .* er oprettet/);
            // The invitation was due an hour after activation: overdue, said in words.
            assert.match(main, /Fristen er overskredet for 1 time siden/);
            const mine = page.locator('#mine > li');
            const own = mine.filter({ hasText: data.own });
            assert.equal(await own.count(), 1);
            assert.ok((await mine.count()) >= 2, 'the member\u2019s own tasks: the role\u2019s and «orientér egen organisation»');
            await assertAccessible(page, `handleplan med opgaver (${mode.name})`);
            await assertNoSidewaysScroll(page, 'handleplan med opgaver');

            const title = (await own.locator('h3').innerText()).trim();
            const done = own.getByRole('button', { name: `Udført: ${title}` });
            const box = await done.boundingBox();
            assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 44, `the button fits the phone and is large enough to tap: ${JSON.stringify(box)}`);
            await submit(page, done);
            assert.match(await page.getByText('Opgavens status er gemt.').innerText(), /gemt/);
            const after = page.locator('#mine > li').filter({ hasText: title });
            assert.match(await after.innerText(), /Status\s+Udført/);
            assert.equal(await after.getByRole('button', { name: `Udført: ${title}` }).count(), 0);
            assert.equal(await after.getByRole('button', { name: `Åben: ${title}` }).count(), 1);

            await page.getByRole('link', { name: 'Tilføj opgave' }).click();
            await submit(page, page.getByRole('button', { name: 'Tilføj opgaven' }));
            await assertErrorSummaryLinksToFields(page, ['title', 'ownerLabel']);
            await assertAccessible(page, `opgaveformular med fejl (${mode.name})`);
            await assertNoSidewaysScroll(page, 'opgaveformular med fejl');
            await page.getByLabel('Opgave', { exact: true }).fill(data.added);
            await page.getByLabel('Ansvarlig i beredskabsgruppen').selectOption({ index: 1 });
            await page.getByLabel('Frist, dato').fill('2026-03-29');
            await page.getByLabel('Frist, klokkeslæt').fill('12:00');
            await submit(page, page.getByRole('button', { name: 'Tilføj opgaven' }));
            assert.equal(new URL(page.url()).pathname, `/beredskab/haendelser/${incident.id}/handleplan`);
            assert.match(await page.locator('main').innerText(), new RegExp(data.added.replace(/[()]/g, '\\$&')));

            await page.getByRole('link', { name: 'se pligter og skabeloner' }).click();
            assert.equal(new URL(page.url()).pathname, '/beredskab/skabeloner');
            assert.match(await page.locator('main').innerText(), /Aktivere SSP-netværket/);
            await assertAccessible(page, `pligter og skabeloner (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
