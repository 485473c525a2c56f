/**
 * The incident log in a browser on a 360 px phone, with and without JavaScript: a housing organisation's member reads
 * the log with the police's § 115 note withheld as a count, adds a note, corrects it (told first that the reason is
 * missing), and checks every log; the police's member reads the § 115 note. The log page, the correction form with
 * its error and the log check pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import {
  assertAccessible,
  assertErrorSummaryLinksToFields,
  describeInBrowser,
  launchBrowser,
  newContext,
  SCRIPT_MODES,
  startServer,
  submit,
  TESTS_AT_ONCE,
  type RunningApp,
} from '../support/browser.js';
import { testEngines } from '../support/databases.js';

/** Sunday 8 November 2026, 22:00 in Copenhagen. */
const NOW = new Date('2026-11-08T21:00:00Z');
const PHONE = { width: 360, height: 740 };

/** Distinct data per mode: the two modes share one database, and each links its own members. */
const DATA = {
  'with JavaScript': {
    authority: { email: 'politi.e2e-log@helhed.test', role: 'Politikommissær' },
    housing: { email: 'lejerbo.e2e-log@helhed.test', role: 'Lokalinspektør' },
    secret: 'Politiet: to personer anholdt ved blok 7 (e2e med JS)',
    note: 'Viceværten har fjernet graffiti ved indgangen (e2e med JS)',
  },
  'without JavaScript': {
    authority: { email: 'ssp.e2e-log@helhed.test', role: 'SSP-konsulent' },
    housing: { email: 'randersbolig.e2e-log@helhed.test', role: 'Inspektør' },
    secret: 'SSP: navngiven ung kendt af politiet (e2e uden JS)',
    note: 'Beboermøde aftalt i fælleshuset (e2e uden JS)',
  },
} as const;

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label} scrolls sideways at ${width} px: the page is ${scroll} px wide`);
}

describeInBrowser('the incident log in the browser', () => {
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

        it(`lets a member read the log without § 115 content, add a note and correct it, and check every log (${mode.name})`, async () => {
          const authority = await crisisMemberSession(app, { ...data.authority, authority: true });
          const housing = await crisisMemberSession(app, { ...data.housing, authority: false });
          const incident = await insertIncident(app, { level: 'roed', description: `Uro (e2e, ${mode.name})` });
          const shared = await app.request({
            method: 'POST',
            url: `/api/v1/beredskab/haendelser/${incident.id}/log/notater`,
            payload: { text: data.secret, classification: 'paragraf115' },
            headers: { 'x-csrf-token': authority.csrf },
            cookies: { helhed_session: authority.cookie },
          });
          assert.equal(shared.statusCode, 201, shared.body);

          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await context.addCookies([{ name: 'helhed_session', value: housing.cookie, url: app.baseUrl }]);
            const page = await context.newPage();
            await page.goto(`/beredskab/haendelser/${incident.id}/log`);
            const main = page.locator('main');
            assert.match(await main.innerText(), /1 indførsel er delt efter retsplejelovens § 115 og vises kun for myndighedernes medlemmer/);
            assert.doesNotMatch(await main.innerText(), /anholdt|navngiven/);
            assert.match(await main.innerText(), /Loggen er ubrudt: 2 indførsler kontrolleret/);
            await assertAccessible(page, `loggen (${mode.name})`);
            await assertNoSidewaysScroll(page, `loggen (${mode.name})`);

            await page.getByLabel('Notat', { exact: true }).fill(data.note);
            await submit(page, page.getByRole('button', { name: 'Tilføj notat' }));
            assert.equal(new URL(page.url()).pathname, `/beredskab/haendelser/${incident.id}/log`);
            assert.match(await main.innerText(), /Notatet er skrevet i loggen/);
            assert.match(await page.locator('#indfoersel-3').innerText(), new RegExp(data.note.replace(/[()]/g, '\\$&')));

            await page.getByRole('link', { name: 'Ret indførsel 3' }).click();
            assert.equal(new URL(page.url()).pathname, `/beredskab/haendelser/${incident.id}/log/${(await entryId(incident.id, 3))}/ret`);
            await page.getByLabel('Rettet tekst').fill(`${data.note}, rettet`);
            await submit(page, page.getByRole('button', { name: 'Skriv rettelsen i loggen' }));
            await assertErrorSummaryLinksToFields(page, ['reason']);
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `rettelse med fejl (${mode.name})`);
            await assertNoSidewaysScroll(page, `rettelse med fejl (${mode.name})`);
            await page.getByLabel('Begrundelse for rettelsen').fill('Stedet var skrevet forkert.');
            await submit(page, page.getByRole('button', { name: 'Skriv rettelsen i loggen' }));
            assert.equal(new URL(page.url()).pathname, `/beredskab/haendelser/${incident.id}/log`);
            assert.match(await page.locator('#indfoersel-3').innerText(), /Rettet ved indførsel 4/);
            assert.match(await page.locator('#indfoersel-4').innerText(), /Retter indførsel 3/);
            assert.match(await main.innerText(), /Loggen er ubrudt: 4 indførsler kontrolleret/);
            await assertAccessible(page, `loggen med en rettelse (${mode.name})`);

            await page.getByRole('link', { name: 'Kontrollér alle hændelsers log' }).click();
            assert.equal(new URL(page.url()).pathname, '/beredskab/logkontrol');
            assert.match(await main.innerText(), /Alle logge er ubrudte/);
            await assertAccessible(page, `logkontrol (${mode.name})`);
          } finally {
            await context.close();
          }

          const police = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await police.addCookies([{ name: 'helhed_session', value: authority.cookie, url: app.baseUrl }]);
            const page = await police.newPage();
            await page.goto(`/beredskab/haendelser/${incident.id}/log`);
            const entry = await page.locator('#indfoersel-2').innerText();
            assert.ok(entry.includes(data.secret), entry);
            assert.match(entry, /§ 115/);
            assert.doesNotMatch(await page.locator('main').innerText(), /er delt efter retsplejelovens § 115 og vises kun/);
            await assertAccessible(page, `loggen for en myndigheds medlem (${mode.name})`);
          } finally {
            await police.close();
          }
        });
      }

      async function entryId(incidentId: string, seq: number): Promise<string> {
        const row = await app.db.database.db.selectFrom('crisis_log_entries').select('id').where('incident_id', '=', incidentId).where('seq', '=', seq).executeTakeFirstOrThrow();
        return row.id;
      }
    });
  }
});
