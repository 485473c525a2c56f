/**
 * Agendas, minutes, action items and recommendations in a browser, with and without JavaScript: the secretariat seeds
 * a steering-group agenda, writes the minutes with an action item (after a mistyped deadline), publishes them, and
 * drafts a recommendation and puts it to the board; every page passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { meetingServiceFor, type Meeting } from '../../src/governance/meetings.service.js';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';

const NOW = new Date('2026-06-01T09:00:00Z');

describeInBrowser('agendas and minutes in the browser', () => {
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
      /** One steering meeting per script mode, so the tests running side by side do not share an agenda. */
      const meetingFor = new Map<string, Meeting>();
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        await app.sessionFor('sekretariat');
        const meetings = await meetingServiceFor(app.services).generate(SYSTEM_ACTOR, app.planId, 2026);
        const steering = meetings.filter((m) => m.body === 'styregruppe');
        meetingFor.set(SCRIPT_MODES[0].name, steering.find((m) => m.kind === 'sommer')!);
        meetingFor.set(SCRIPT_MODES[1].name, steering.find((m) => m.kind === 'forår')!);
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        it(`lets the secretariat seed an agenda and write minutes with an action item (${mode.name})`, async () => {
          const meeting = meetingFor.get(mode.name)!;
          // Each mode's own title: the summer meeting's follow-up also lists the spring meeting's open items, which the
          // other mode adds at the same time.
          const action = `Fælles kalender for sommeren (${mode.name})`;
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto(`/styring/moeder/${meeting.id}/dagsorden`);
            await assertAccessible(page, `tom dagsorden (${mode.name})`);
            await submit(page, page.getByRole('button', { name: 'Dan dagsorden' }));
            assert.ok(await page.getByText('Dagsordenen er dannet med det, der kræver opmærksomhed.').isVisible());
            assert.deepEqual(await page.locator('ol.helhed-agenda > li > h2').allInnerTexts(), [
              'Opfølgning på aktionspunkter', 'Fremdriftsafrapportering', 'Nyt fra deltagerne', 'Koordinering', 'Indstillinger til bestyrelsen',
            ]);
            await assertAccessible(page, `dagsorden (${mode.name})`);
            await page.getByRole('link', { name: 'Redigér punkt «Koordinering»' }).click();
            await assertAccessible(page, `redigér punkt (${mode.name})`);
            await page.getByLabel('Overskrift').fill('Koordinering af sommeren');
            await submit(page, page.getByRole('button', { name: 'Gem punktet' }));
            assert.ok(await page.getByRole('heading', { name: 'Koordinering af sommeren' }).isVisible());

            await page.getByRole('navigation', { name: 'Mødets sider' }).getByRole('link', { name: 'Referat' }).click();
            await assertAccessible(page, `referat (${mode.name})`);
            await page.getByRole('textbox', { name: /^4\. Koordinering af sommeren/ }).fill('Sommeraktiviteterne lægges i en fælles kalender.');
            await submit(page, page.getByRole('button', { name: 'Gem referatet' }));
            assert.ok(await page.getByText('Referatet er gemt.').isVisible());

            await page.getByLabel('Hvad skal gøres').fill(action);
            await page.getByLabel('Ansvarlig').fill('Kultur og Fritid');
            await page.getByLabel('Frist').fill(mode.javaScriptEnabled ? '' : '2026-13-40');
            await submit(page, page.getByRole('button', { name: 'Tilføj aktionspunkt' }));
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `referat med fejl (${mode.name})`);
            await page.getByLabel('Frist').fill('2026-07-01');
            await submit(page, page.getByRole('button', { name: 'Tilføj aktionspunkt' }));
            const row = page.getByRole('table', { name: 'Aktionspunkter fra mødet' }).getByRole('row').filter({ hasText: action });
            assert.match(await row.innerText(), /Kultur og Fritid\s+1\. juli 2026/);

            await submit(page, page.getByRole('button', { name: 'Offentliggør referat' }));
            assert.ok(await page.getByText('Referatet er offentliggjort.').isVisible());
            await page.goto('/styring/aktionspunkter');
            assert.ok(await page.getByRole('row').filter({ hasText: action }).isVisible());
            await assertAccessible(page, `aktionspunkter (${mode.name})`);
          } finally {
            await context.close();
          }
        });

        it(`lets the secretariat draft a recommendation and put it to the board (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/styring/indstillinger');
            await assertAccessible(page, `indstillinger (${mode.name})`);
            const title = `Flere timer til lektiecafeen (${mode.name})`;
            await page.getByLabel('Indstillingen').fill('Styregruppen indstiller flere timer.');
            await submit(page, page.getByRole('button', { name: 'Opret indstilling' }));
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `indstillinger med fejl (${mode.name})`);
            await page.getByLabel('Titel').fill(title);
            await submit(page, page.getByRole('button', { name: 'Opret indstilling' }));
            assert.ok(await page.getByRole('heading', { level: 1, name: title }).isVisible());
            await assertAccessible(page, `indstilling (${mode.name})`);
            await page.getByLabel('Bestyrelsesmøde').selectOption({ index: 1 });
            await submit(page, page.getByRole('button', { name: 'Indstil til bestyrelsen' }));
            assert.ok(await page.getByText('Indstillingen er indstillet til bestyrelsen.').isVisible());
            assert.ok(await page.getByRole('heading', { name: 'Bestyrelsens beslutning' }).isVisible());
            await assertAccessible(page, `indstilling indstillet (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
