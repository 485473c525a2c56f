/**
 * Reports in a browser, with and without JavaScript: the list of reports, a draft, freezing it as delivered, the
 * frozen edition and what changed all pass axe, and the PDF and XLSX links download with the right content type.
 * The contents are the fixtures' (every kind of block, and staff hours corrected between two editions), so the
 * engine's pages are tested apart from the real reports' builders.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newId } from '../../src/db/ids.js';
import { REPORT_DEFINITIONS } from '../../src/reports/builders/index.js';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { aFixtureReportDefinition, useHoursReportDefinitions } from '../fixtures/reports/index.js';

const NOW = new Date('2026-08-20T10:00:00Z');

describeInBrowser('reports in the browser', () => {
  let browser: Browser;
  let restore: () => void;
  before(async () => {
    restore = useHoursReportDefinitions();
    REPORT_DEFINITIONS.aarsrapport = aFixtureReportDefinition('aarsrapport');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    restore();
  });

  for (const engine of testEngines()) {
    describe(`on ${engine}`, { concurrency: TESTS_AT_ONCE }, () => {
      let app: RunningApp;
      let corrected: string;
      before(async () => {
        app = await startServer(engine, { clock: () => NOW });
        const secretariat = await app.sessionFor('sekretariat');
        await app.sessionFor('bestyrelse');
        // Two editions of the hours report with a correction between them, for the changes page.
        const db = app.db.database.db;
        const org = newId();
        const month = newId();
        await db.insertInto('organisations').values({ id: org, plan_id: app.planId, name: 'Jobcenter Randers', created_at: NOW.toISOString() }).execute();
        await db
          .insertInto('staff_hour_reports')
          .values({ id: month, plan_id: app.planId, organisation_id: org, activity_slug: 'job-til-mor', intervention_area_slug: 'beskaeftigelse', period_start: '2026-06-01', period_end: '2026-06-30', period_label: '2026-06', hours: 40, note: null, reported_at: NOW.toISOString(), reported_by: null, reported_by_label: 'test' })
          .execute();
        const freeze = () =>
          app.request({ method: 'POST', url: '/api/v1/reports/fremdrift/2025-26/editions', payload: { cutoffDate: '2026-07-31' }, headers: { 'x-csrf-token': secretariat.csrf }, cookies: { helhed_session: secretariat.cookie } });
        assert.equal((await freeze()).statusCode, 201);
        await db.updateTable('staff_hour_reports').set({ hours: 44 }).where('id', '=', month).execute();
        const second = await freeze();
        corrected = (second.json() as { id: string }).id;
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        it(`lets the secretariat open a draft, freeze it as delivered and read the edition (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/');
            await page.getByRole('link', { name: 'Rapporter' }).first().click();
            assert.equal(new URL(page.url()).pathname, '/rapporter');
            await assertAccessible(page, `rapporter (${mode.name})`);
            await page.getByRole('link', { name: 'Årsrapport 2025/26' }).click();
            assert.match(await page.locator('.helhed-report-draft').innerText(), /Udkast – ikke frosset/);
            await assertAccessible(page, `udkast (${mode.name})`);

            await page.getByLabel('Skæringsdato').fill('2026-07-31');
            await submit(page, page.getByRole('button', { name: 'Vis udkastet' }));
            assert.match(await page.getByText('Dataskæring').locator('xpath=following-sibling::dd[1]').innerText(), /31\. juli 2026/);

            await page.getByLabel('Note til udgaven').fill(`Leveret til udvalget (${mode.name})`);
            await submit(page, page.getByRole('button', { name: 'Frys som leveret' }));
            assert.match(new URL(page.url()).pathname, /^\/rapporter\/udgaver\//);
            assert.match(await page.getByRole('status').innerText(), /frosset som leveret/);
            assert.match(await page.locator('.helhed-report-status').innerText(), /^Udgave \d+, frosset/);
            await assertAccessible(page, `frossen udgave (${mode.name})`);

            for (const [name, type] of [
              ['Hent som PDF', 'application/pdf'],
              ['Hent som regneark (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
            ] as const) {
              const href = await page.getByRole('link', { name }).getAttribute('href');
              const response = await page.request.get(href!);
              assert.equal(response.status(), 200);
              assert.equal(response.headers()['content-type'], type);
              assert.match(response.headers()['content-disposition'] ?? '', /^attachment; filename="aarsrapport-2025-26-udgave-\d+\.(pdf|xlsx)"/);
            }
          } finally {
            await context.close();
          }
        });

        it(`shows the board what changed between two editions, cell by cell (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'bestyrelse');
            const page = await context.newPage();
            await page.goto(`/rapporter/udgaver/${corrected}`);
            assert.equal(await page.getByRole('button', { name: 'Frys som leveret' }).count(), 0);
            await page.getByRole('link', { name: 'Se hvad der er ændret i forhold til den forrige udgave' }).click();
            const row = page.getByRole('row').filter({ hasText: 'Jobcenter Randers' });
            assert.match(await row.innerText(), /40,0 → 44,0/);
            await assertAccessible(page, `ændringer (${mode.name})`);
            await page.goto('/rapporter/fremdrift/2025-26');
            assert.equal(await page.getByRole('button', { name: 'Frys som leveret' }).count(), 0, 'the board may not freeze');
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
