/**
 * Convening in a browser, with and without JavaScript: the secretariat sees who was invited to a red incident, is
 * told what is wrong with a meeting time, plans the meeting after the deadline and is warned, calls in an ad-hoc
 * participant; a member answers «Jeg kommer» by the link in the mail on a 360 px phone without logging in; the
 * settings page shows the calendar. The convening page (with and without errors), the answer page and the settings
 * page pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { conveningServiceFor } from '../../src/crisis/convening.service.js';
import type { Incident } from '../../src/crisis/incident.js';
import { meetingServiceFor } from '../../src/governance/meetings.service.js';
import { insertIncident } from '../fixtures/crisis/index.js';
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

/** Saturday 28 March 2026, 20:30 in Copenhagen. */
const NOW = new Date('2026-03-28T19:30:00Z');

describeInBrowser('convening the crisis group in the browser', () => {
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
      const incidents = new Map<string, Incident>();
      before(async () => {
        smtp = await startSmtpServer();
        app = await startServer(engine, { clock: () => NOW, env: { HELHED_SMTP_URL: smtp.url, HELHED_PUBLIC_URL: 'https://helhed.example' } });
        await meetingServiceFor(app.services).members(app.planId, 'beredskabsgruppe');
        // Made once before the modes run side by side, which would otherwise both create the user.
        await app.sessionFor('sekretariat');
        await app.db.database.db.updateTable('body_members').set({ email: 'claus.e2e@randers.test' }).where('plan_id', '=', app.planId).where('name', '=', 'Claus Hansen').execute();
        // One incident per mode, made one after the other: the fixture numbers incidents without a lock.
        for (const mode of SCRIPT_MODES) {
          const incident = await insertIncident(app, { level: 'roed', activatedAt: NOW, description: `Brand i kælderen (${mode.name})` });
          await conveningServiceFor(app.services).onLevelSet(SYSTEM_ACTOR, app.planId, incident.id);
          incidents.set(mode.name, incident);
        }
      });
      after(async () => {
        await app?.close();
        await smtp?.close();
      });

      for (const mode of SCRIPT_MODES) {
        it(`lets the secretariat plan the meeting and call in a participant, and a member answer by link on a phone (${mode.name})`, async () => {
          const description = `Brand i kælderen (${mode.name})`;
          const incident = incidents.get(mode.name)!;
          const mail = smtp.received.find((m) => m.text.includes(description))!;
          assert.ok(mail, 'the invitation was sent');
          const link = /https:\/\/helhed\.example(\/beredskab\/svar\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto(`/beredskab/haendelser/${incident.id}/indkaldelse`);
            assert.match(await page.locator('h1').innerText(), /Indkaldelse: Hændelse \d+/);
            const claus = page.getByRole('row').filter({ hasText: 'Claus Hansen' });
            assert.match(await claus.innerText(), /Har ikke svaret/);
            assert.match(await claus.innerText(), /sendt/);
            await assertAccessible(page, `indkaldelse (${mode.name})`);

            await page.getByLabel('Dato', { exact: true }).fill('2026-03-30');
            await page.getByLabel('Tidspunkt', { exact: true }).fill('25:00');
            await submit(page, page.getByRole('button', { name: 'Gem mødet og send invitation' }));
            await assertErrorSummaryLinksToFields(page, ['meetingTime']);
            await assertAccessible(page, `indkaldelse med fejl (${mode.name})`);

            await page.getByLabel('Tidspunkt', { exact: true }).fill('10:00');
            await page.getByLabel('Sted').fill('Rådhuset');
            await submit(page, page.getByRole('button', { name: 'Gem mødet og send invitation' }));
            assert.equal(new URL(page.url()).pathname, `/beredskab/haendelser/${incident.id}/indkaldelse`);
            assert.match(await page.getByText('Mødet ligger efter fristen').innerText(), /efter fristen/);
            assert.match(await page.locator('body').innerText(), /mandag den 30\. marts 2026 kl\. 10\.00, Rådhuset/);

            const guest = `Birgit Brand (${mode.name})`;
            await page.getByLabel('Navn').fill(guest);
            await page.getByLabel('Rolle').fill('Brandinspektør');
            await page.getByLabel('Organisation').fill('Beredskab Østjylland');
            await page.getByLabel('Ja (politi eller kommune)').check();
            await submit(page, page.getByRole('button', { name: 'Tilføj og indkald' }));
            assert.match(await page.getByRole('row').filter({ hasText: guest }).innerText(), /ad hoc/);

            await page.goto('/beredskab/indstillinger');
            assert.match(await page.locator('body').innerText(), /Langfredag/);
            await assertAccessible(page, `beredskabets indstillinger (${mode.name})`);
          } finally {
            await context.close();
          }

          const phone = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: { width: 360, height: 740 } });
          try {
            const page = await phone.newPage();
            // The invitation was sent before the meeting was set; the mail about the meeting carries the newest link.
            const latest = smtp.received.filter((m) => m.to.includes('claus.e2e@randers.test') && m.subject.endsWith(`(Hændelse ${incident.number})`)).at(-1)!;
            const newest = /\/beredskab\/svar\/[A-Za-z0-9_-]+/.exec(latest.text.replace(/=\r?\n/g, ''))?.[0] ?? link;
            await page.goto(newest);
            assert.match(await page.locator('h1').innerText(), /Svar på indkaldelsen/);
            await assertAccessible(page, `svar på indkaldelsen (${mode.name})`);
            await page.getByLabel('Jeg kommer').check();
            await submit(page, page.getByRole('button', { name: 'Send svar' }));
            assert.match(await page.getByText('Dit svar er registreret.').innerText(), /registreret/);
            assert.match(await page.locator('body').innerText(), /Kommer/);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= 360, `the answer page is ${width} px wide on a 360 px phone`);
          } finally {
            await phone.close();
          }
        });
      }
    });
  }
});
