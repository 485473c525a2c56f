/**
 * Data deliveries in a browser, with and without JavaScript: a partner finds its organisation's request, writes a
 * narrative and delivers, and the secretariat sees it delivered with the narrative; every page passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { deliveryServiceFor } from '../../src/governance/deliveries.service.js';
import { meetingServiceFor } from '../../src/governance/meetings.service.js';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import type { Session } from '../support/test-app.js';

const NOW = new Date('2026-03-02T09:00:00Z');
/** Each script mode delivers for its own organisation, so the two tests do not share a request. */
const ORGANISATION = { 'with JavaScript': 'UUR', 'without JavaScript': 'PPR' } as const;

describeInBrowser('data deliveries in the browser', () => {
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
      let meetingId: string;
      const partners = new Map<string, Session>();
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        await app.sessionFor('sekretariat');
        for (const mode of SCRIPT_MODES) {
          partners.set(mode.name, await app.userSession({ email: `${ORGANISATION[mode.name].toLowerCase()}@helhed.test`, roles: ['partner'], organisation: ORGANISATION[mode.name] }));
        }
        meetingId = (
          await meetingServiceFor(app.services).create(SYSTEM_ACTOR, app.planId, {
            body: 'styregruppe',
            kind: 'forår',
            title: 'Styregruppemøde (forår)',
            date: '2026-04-14',
            startsAt: '14:00',
            durationMinutes: 120,
            location: null,
          })
        ).id;
        const organisations = await app.db.database.db.selectFrom('organisations').select('id').where('plan_id', '=', app.planId).execute();
        await deliveryServiceFor(app.services).request(SYSTEM_ACTOR, app.planId, meetingId, { organisationIds: organisations.map((o) => o.id), deadline: '2026-03-26' });
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        it(`lets a partner deliver, and the secretariat see it delivered (${mode.name})`, async () => {
          const organisation = ORGANISATION[mode.name];
          const partnerContext = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await partnerContext.addCookies([{ name: 'helhed_session', value: partners.get(mode.name)!.cookie, url: app.baseUrl }]);
            const page = await partnerContext.newPage();
            await page.goto('/styring/leverancer');
            await assertAccessible(page, `leverancer (${mode.name})`);
            await page.getByRole('link', { name: 'Styregruppemøde (forår) 14. april 2026' }).click();
            assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(`Leverance fra ${organisation}`));
            await assertAccessible(page, `leverance (${mode.name})`);

            const narrative = page.getByLabel(/^Beskrivelse af/).first();
            await narrative.fill(`${organisation}: forløbene kører som planlagt.`);
            await submit(page, page.getByRole('button', { name: /^Gem beskrivelsen af/ }).first());
            assert.match(await page.getByRole('status').or(page.locator('.alert-success')).first().innerText(), /Beskrivelsen er gemt/);
            await submit(page, page.getByRole('button', { name: 'Aflever' }));
            assert.match(await page.locator('main').innerText(), /Leverancen er afleveret/);
            await assertAccessible(page, `afleveret leverance (${mode.name})`);
          } finally {
            await partnerContext.close();
          }

          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto(`/styring/moeder/${meetingId}/leverancer`);
            await assertAccessible(page, `leverancer til mødet (${mode.name})`);
            const row = page.getByRole('table', { name: /^Anmodninger om leverance/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: organisation, exact: true }) });
            assert.match(await row.innerText(), /leveret/);
            assert.match(await page.locator('main').innerText(), new RegExp(`${organisation}: forløbene kører som planlagt\\.`));
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
