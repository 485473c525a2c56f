/**
 * The demonstration in a browser, with and without JavaScript: two partners deliver their progress for a
 * steering-group meeting, the secretariat freezes the progress report assembled from the deliveries, a delivery is
 * reopened and corrected, and the frozen edition reads exactly as before while the draft and a new edition show the
 * correction. Each mode has its own meeting, so the two runs do not share deliveries.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { staffHourServiceFor } from '../../src/activities/staff-hours.service.js';
import { deliveryServiceFor } from '../../src/governance/deliveries.service.js';
import { meetingServiceFor } from '../../src/governance/meetings.service.js';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import type { Session } from '../support/test-app.js';

/** In plan year 2025/26, weeks before the steering group's spring meetings. */
const NOW = new Date('2026-03-10T10:00:00Z');

interface Partner {
  organisation: string;
  session: Session;
}

async function as(browser: Browser, app: RunningApp, javaScriptEnabled: boolean, session: Session): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, app, { javaScriptEnabled });
  await context.addCookies([{ name: 'helhed_session', value: session.cookie, url: app.baseUrl }]);
  return { context, page: await context.newPage() };
}

/** The report's own text on an edition or draft page, without the page's tools around it. */
const reportText = async (page: Page) => (await page.locator('.helhed-report-section').allInnerTexts()).join('\n');

describeInBrowser('the progress report from two partners\u2019 deliveries', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const engine of testEngines()) {
    describe(`on ${engine}`, () => {
      let app: RunningApp;
      let partners: Partner[];
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        await app.sessionFor('sekretariat');
        // Two organisations with agreed hours for exactly one activity each, so each delivers one narrative.
        const { lines } = await staffHourServiceFor(app.services).agreed(app.planId);
        const withActivity = lines.filter((l) => l.activitySlug !== '');
        const single = [...new Set(withActivity.map((l) => l.organisation))].filter((o) => withActivity.filter((l) => l.organisation === o).length === 1 && !lines.some((l) => l.activitySlug === '' && l.organisation === o));
        assert.ok(single.length >= 2, 'the plan has two organisations with one activity each');
        partners = [];
        for (const [i, organisation] of single.slice(0, 2).entries()) {
          partners.push({ organisation, session: await app.userSession({ email: `partner${i}@helhed.test`, roles: ['partner'], organisation }) });
        }
      });
      after(async () => {
        await app?.close();
      });

      for (const [index, mode] of SCRIPT_MODES.entries()) {
        it(`freezes the report assembled from two deliveries and keeps it unchanged after a correction (${mode.name})`, async () => {
          const { services, planId } = app;
          const actor = { ...SYSTEM_ACTOR, label: 'test', planId };
          const meeting = await meetingServiceFor(services).create(actor, planId, {
            body: 'styregruppe', kind: 'ekstra', title: `Styregruppemøde (${mode.name})`, date: `2026-04-${21 + index}`, startsAt: '14:00', durationMinutes: 120, location: null,
          });
          const deliveries = deliveryServiceFor(services);
          const ids = (await deliveries.overview(planId, meeting.id)).organisations.filter((o) => partners.some((p) => p.organisation === o.name)).map((o) => o.id);
          await deliveries.request(actor, planId, meeting.id, { organisationIds: ids, deadline: '2026-04-07' });
          const requests = (await deliveries.forMeeting(planId, meeting.id)).requests;
          const requestOf = (p: Partner) => requests.find((r) => r.organisationName === p.organisation)!.id;

          // Each partner writes its narrative and delivers, in the browser.
          const deliver = async (p: Partner, narrative: string) => {
            const { context, page } = await as(browser, app, mode.javaScriptEnabled, p.session);
            try {
              await page.goto(`/styring/leverancer/${requestOf(p)}`);
              await page.locator('textarea').first().fill(narrative);
              await submit(page, page.getByRole('button', { name: /^Gem beskrivelsen af/ }).first());
              await submit(page, page.getByRole('button', { name: 'Aflever' }));
              assert.match(await page.locator('main').innerText(), /Afleveret/);
            } finally {
              await context.close();
            }
          };
          await deliver(partners[0]!, `Første partner: forløbet kører (${mode.name})`);
          await deliver(partners[1]!, `Anden partner: vi er lidt bagud (${mode.name})`);

          const secretariat = await app.sessionFor('sekretariat');
          const { context, page } = await as(browser, app, mode.javaScriptEnabled, secretariat);
          try {
            await page.goto(`/rapporter/fremdrift/${meeting.id}`);
            const draft = await reportText(page);
            assert.match(draft, /2 af 2 organisationer har leveret/);
            assert.match(draft, new RegExp(`Første partner: forløbet kører \\(${mode.name}\\)`));
            assert.match(draft, new RegExp(`Anden partner: vi er lidt bagud \\(${mode.name}\\)`));
            await assertAccessible(page, `fremdriftsrapport, udkast (${mode.name})`);

            await page.getByLabel('Note til udgaven').fill('Til styregruppens møde');
            await submit(page, page.getByRole('button', { name: 'Frys som leveret' }));
            const editionUrl = new URL(page.url()).pathname;
            assert.match(editionUrl, /^\/rapporter\/udgaver\//);
            const frozen = await reportText(page);
            const hash = await page.getByText(/Indholdets SHA-256/).innerText();
            await assertAccessible(page, `fremdriftsrapport, frossen (${mode.name})`);

            // The secretariat reopens the second delivery, and the partner corrects its narrative.
            await page.goto(`/styring/leverancer/${requestOf(partners[1]!)}`);
            await submit(page, page.getByRole('button', { name: 'Genåbn leverancen' }));
            await deliver(partners[1]!, `Anden partner: rettet fortælling (${mode.name})`);

            await page.goto(editionUrl);
            assert.equal(await reportText(page), frozen, 'the frozen edition reads exactly as frozen');
            assert.equal(await page.getByText(/Indholdets SHA-256/).innerText(), hash);

            await page.goto(`/rapporter/fremdrift/${meeting.id}`);
            const corrected = await reportText(page);
            assert.match(corrected, /Anden partner: rettet fortælling/);
            assert.doesNotMatch(corrected, /Anden partner: vi er lidt bagud/);
            await submit(page, page.getByRole('button', { name: 'Frys som leveret' }));
            await page.getByRole('link', { name: 'Se hvad der er ændret i forhold til den forrige udgave' }).click();
            const changes = await page.locator('main').innerText();
            assert.match(changes, /vi er lidt bagud[\s\S]*→[\s\S]*rettet fortælling/);
            await assertAccessible(page, `fremdriftsrapport, ændringer (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
