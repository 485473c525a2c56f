/**
 * Outputs against targets and staff hours in a browser, with and without JavaScript: every page passes axe, a partner
 * reports a figure for its own activity and a month's hours for its own organisation, and the board sees Brandkadet's
 * few youths as «<5».
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import type { Session } from '../support/test-app.js';
import { aCourse, anEnrolment, aParticipant, aSession, grantActivity, insertRows } from '../fixtures/participants/index.js';

const NOW = new Date('2026-01-29T12:00:00Z');

describeInBrowser('outputs and staff hours in the browser', () => {
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
      const partners = new Map<string, Session>();
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        await app.sessionFor('bestyrelse');
        await app.sessionFor('sekretariat');
        // Made once here: tests running side by side would otherwise race to create the same user.
        for (const mode of SCRIPT_MODES) {
          const email = `ppr-${mode.javaScriptEnabled ? 'js' : 'nojs'}@helhed.test`;
          partners.set(mode.name, await app.userSession({ email, roles: ['partner'], organisation: 'PPR' }));
        }
        const db = app.db.database.db;
        await grantActivity(db, app.planId, 'sprogindsats', { organisationName: 'PPR' });
        const youths = Array.from({ length: 3 }, () => aParticipant(app.planId, { area_slug: 'vangdalen' }));
        const course = aCourse(app.planId, 'brandkadet', { name: 'Efterårshold', start_date: '2025-08-20', end_date: '2025-12-10' });
        await insertRows(db, {
          participants: youths,
          courses: [course],
          sessions: Array.from({ length: 11 }, (_, i) => aSession(app.planId, course.id, i + 1, `2025-${String(9 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`)),
          enrolments: youths.map((p) => anEnrolment(app.planId, p.id, 'brandkadet', { course_id: course.id, start_date: '2025-08-20', end_date: '2025-12-10', status: 'afsluttet' })),
        });
      });
      after(async () => {
        await app?.close();
      });

      async function asPartner(context: BrowserContext, mode: string) {
        await context.addCookies([{ name: 'helhed_session', value: partners.get(mode)!.cookie, url: app.baseUrl }]);
      }

      for (const mode of SCRIPT_MODES) {
        it(`shows the board every outputs view with Brandkadet\u2019s 3 youths as «<5» (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'bestyrelse');
            const page = await context.newPage();
            await page.goto('/');
            await page.getByRole('link', { name: 'Resultater' }).first().click();
            assert.equal(new URL(page.url()).pathname, '/resultater');
            await assertAccessible(page, `resultater (${mode.name})`);
            await page.getByRole('link', { name: 'Pr. boligområde' }).click();
            await assertAccessible(page, `resultater pr. område (${mode.name})`);
            await page.getByRole('link', { name: 'Pr. indsatsområde' }).click();
            await assertAccessible(page, `resultater pr. indsatsområde (${mode.name})`);
            await page.goto('/resultater/aktiviteter/brandkadet?aar=2025%2F26');
            await assertAccessible(page, `Brandkadet (${mode.name})`);
            const row = page.getByRole('row').filter({ hasText: 'unge fra boligområderne, der deltager' });
            assert.match(await row.innerText(), /<5/);
            const course = page.getByRole('row').filter({ hasText: 'Efterårshold' }).first();
            assert.match(await course.innerText(), /11 af 10-12: opfyldt/);
          } finally {
            await context.close();
          }
        });

        it(`lets a partner report a network-meeting figure for its own activity (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await asPartner(context, mode.name);
            const page = await context.newPage();
            await page.goto('/resultater/aktiviteter/sprogindsats?aar=2025%2F26');
            await page.getByLabel('Mål').selectOption('sprog-netvaerksmoeder');
            await page.getByLabel('Antal i planår 2025/26').fill('to');
            await submit(page, page.getByRole('button', { name: 'Indberet' }));
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `indberetning med fejl (${mode.name})`);
            await page.getByLabel('Antal i planår 2025/26').fill('1');
            await submit(page, page.getByRole('button', { name: 'Indberet' }));
            assert.match(await page.getByText('Tallet er indberettet.').innerText(), /indberettet/);
            const row = page.getByRole('row').filter({ hasText: 'møder i sprognetværket' });
            assert.match(await row.innerText(), /1 af 2/);
          } finally {
            await context.close();
          }
        });

        it(`lets a partner report its organisation\u2019s hours for a month and shows the hours pages accessibly (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await asPartner(context, mode.name);
            const page = await context.newPage();
            await page.goto('/timer');
            await assertAccessible(page, `timer (${mode.name})`);
            await page.getByRole('link', { name: 'Indberet timer' }).click();
            await assertAccessible(page, `indberet timer (${mode.name})`);
            const activity = mode.javaScriptEnabled ? 'Fremmøde i skolen' : 'Familieorienteret uddannelsesvejledning';
            await page.getByLabel('Aftalte timer (organisation og aktivitet)').selectOption({ label: `PPR: ${activity}` });
            await page.getByLabel('Måned', { exact: true }).selectOption({ label: 'december 2025' });
            await page.getByLabel('Timer leveret i måneden').fill('tolv');
            await submit(page, page.getByRole('button', { name: 'Indberet' }));
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `indberet timer med fejl (${mode.name})`);
            await page.getByLabel('Timer leveret i måneden').fill('12,5');
            await submit(page, page.getByRole('button', { name: 'Indberet' }));
            assert.equal(new URL(page.url()).pathname, '/timer');
            const row = page.getByRole('row').filter({ hasText: activity }).filter({ hasText: 'PPR' }).last();
            assert.match(await row.innerText(), /12,5/);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
