/**
 * The evaluation and the annual status meeting in a browser, with and without JavaScript: a member of the crisis group
 * finds that an active incident is evaluated after stand-down, then (stood down) is told a reason is needed for «Ikke
 * nødvendig», decides «Evalueres», is told what is missing to finish, and finishes the evaluation, on a 360 px phone;
 * the secretariat schedules the year's status meeting, is told what is wrong with the date, and stores the summary. The
 * evaluation page (before and after stand-down, with errors, finished) and the status meeting pages pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Incident } from '../../src/crisis/incident.js';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
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

/** Tuesday 10 November 2026, 10:00 in Copenhagen. */
const NOW = new Date('2026-11-10T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const PHONE = { width: 360, height: 740 };

/** Distinct data per mode: the two modes share one database. */
const DATA = {
  'with JavaScript': { email: 'politi.e2e-evaluering@helhed.test', role: 'Politikommissær', authority: true, year: 2027, worked: 'Politiet vurderede hurtigt (e2e med JS)' },
  'without JavaScript': { email: 'lejerbo.e2e-evaluering@helhed.test', role: 'Lokalinspektør', authority: false, year: 2028, worked: 'Viceværterne var i området (e2e uden JS)' },
} as const;

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label} scrolls sideways at ${width} px: the page is ${scroll} px wide`);
}

describeInBrowser('evaluation and the annual status meeting in the browser', () => {
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
      /** Each mode's incidents, made one after the other: incidents are numbered per plan, so two at once could clash. */
      const incidents = new Map<string, { active: Incident; stoodDown: Incident }>();
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        for (const mode of SCRIPT_MODES) {
          const active = await insertIncident(app, { level: 'gul', activatedAt: new Date(NOW.getTime() - DAY), description: `Aktiv (e2e, ${mode.name})` });
          const stoodDown = await insertIncident(app, { level: 'roed', activatedAt: new Date(NOW.getTime() - 6 * DAY), description: `Evaluering (e2e, ${mode.name})` });
          await app.db.database.db
            .updateTable('crisis_incidents')
            .set({ status: 'afmeldt', stood_down_at: new Date(NOW.getTime() - 2 * DAY).toISOString(), stood_down_by_label: 'e2e', stand_down_reason: 'Roligt (e2e)' })
            .where('id', '=', stoodDown.id)
            .execute();
          incidents.set(mode.name, { active, stoodDown });
        }
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        const data = DATA[mode.name];

        it(`lets a member decide to evaluate a stood-down incident and finish the evaluation on a phone (${mode.name})`, async () => {
          const session = await crisisMemberSession(app, { email: data.email, authority: data.authority, role: data.role });
          const { active, stoodDown: incident } = incidents.get(mode.name)!;
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await context.addCookies([{ name: 'helhed_session', value: session.cookie, url: app.baseUrl }]);
            const page = await context.newPage();

            await page.goto(`/beredskab/haendelser/${active.id}/evaluering`);
            assert.match(await page.locator('main').innerText(), /Evalueringen kommer efter afmeldingen/);
            await assertAccessible(page, `evaluering før afmelding (${mode.name})`);

            await page.goto(`/beredskab/haendelser/${incident.id}/evaluering`);
            assert.match(await page.locator('main').innerText(), /Skal indsatsen evalueres\?/);
            await assertAccessible(page, `evalueringens spørgsmål (${mode.name})`);
            await assertNoSidewaysScroll(page, `evalueringens spørgsmål (${mode.name})`);
            await submit(page, page.getByRole('button', { name: 'Ikke nødvendig' }));
            await assertErrorSummaryLinksToFields(page, ['reason']);
            await assertAccessible(page, `beslutning uden begrundelse (${mode.name})`);

            await submit(page, page.getByRole('button', { name: 'Evalueres', exact: true }));
            assert.match(await page.locator('main').innerText(), /Beslutningen er registreret: indsatsen evalueres/);
            await page.getByLabel('Hvad fungerede').fill(data.worked);
            await submit(page, page.getByRole('button', { name: 'Afslut evalueringen' }));
            await assertErrorSummaryLinksToFields(page, ['improve', 'channelsRight', 'recommendations']);
            assert.equal(await page.getByLabel('Hvad fungerede').inputValue(), data.worked);
            await assertAccessible(page, `evaluering med fejl (${mode.name})`);
            await assertNoSidewaysScroll(page, `evaluering med fejl (${mode.name})`);

            await page.getByLabel('Hvad bør forbedres').fill('Telefonlisten var forældet');
            await page.getByLabel('Nej', { exact: true }).check();
            await page.getByLabel('Om informationskanalerne').fill('Afdelingsbestyrelserne hørte det først dagen efter');
            await page.getByLabel('Anbefalinger').fill('Fast besked til afdelingsbestyrelserne inden for to timer');
            await submit(page, page.getByRole('button', { name: 'Afslut evalueringen' }));
            const main = await page.locator('main').innerText();
            assert.match(main, /Evalueringen er afsluttet og skrevet i hændelsens log/);
            assert.match(main, new RegExp(data.worked.replace(/[()]/g, '\\$&')));
            assert.match(main, /Afdelingsbestyrelserne hørte det først dagen efter/);
            await assertAccessible(page, `afsluttet evaluering (${mode.name})`);

            const log = await app.db.database.db.selectFrom('crisis_log_entries').select('kind').where('incident_id', '=', incident.id).where('kind', '=', 'evaluering').execute();
            assert.equal(log.length, 2);
          } finally {
            await context.close();
          }
        });

        it(`lets the secretariat schedule the year's status meeting and store the summary (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/beredskab/statusmoede');
            await assertAccessible(page, `statusmøder (${mode.name})`);
            await page.getByRole('link', { name: `Statusmøde ${data.year}` }).click();
            await page.waitForURL(`**/beredskab/statusmoede/${data.year}`);
            assert.match(await page.locator('main').innerText(), /Mødet er ikke planlagt endnu/);
            await assertAccessible(page, `statusmøde ikke planlagt (${mode.name})`);

            await page.getByLabel('Dato').fill(`${data.year - 1}-11-24`);
            await page.getByLabel('Sted').fill(`Randers Rådhus (${mode.name})`);
            await submit(page, page.getByRole('button', { name: 'Planlæg mødet' }));
            await assertErrorSummaryLinksToFields(page, ['date']);
            assert.match(await page.locator('.alert-error').first().innerText(), new RegExp(`Statusmødet for ${data.year} skal ligge i ${data.year}`));
            await assertAccessible(page, `statusmøde med fejl (${mode.name})`);

            await page.getByLabel('Dato').fill(`${data.year}-11-24`);
            await submit(page, page.getByRole('button', { name: 'Planlæg mødet' }));
            const main = await page.locator('main').innerText();
            assert.match(main, /Statusmødet er gemt/);
            assert.match(main, new RegExp(`24\\. november ${data.year} kl\\. 14:00`));
            assert.ok(await page.getByRole('link', { name: 'Hent indkaldelsen (.ics)' }).isVisible());

            await submit(page, page.getByRole('button', { name: 'Gem opsummering' }));
            assert.match(await page.locator('main').innerText(), /Opsummeringen er gemt, som den står nu/);
            assert.match(await page.locator('main').innerText(), /Opsummeringen, som den blev gemt til mødet/);
            await assertAccessible(page, `statusmøde med gemt opsummering (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
