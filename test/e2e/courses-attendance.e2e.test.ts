/**
 * Courses and attendance in a phone-sized browser (360 × 740), with and without JavaScript: a secretariat employee
 * granted Brandkadet finds the course, opens a session that lacks registration, marks one participant as absent with
 * notice and saves; the page fits the screen without sideways scrolling, and every page passes axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { aCourse, aParticipant, aSession, anEnrolment, grantActivity, insertRows } from '../fixtures/participants/index.js';

const PHONE = { width: 360, height: 740 };
const CODES = ['P-E2E-ANNA', 'P-E2E-BO', 'P-E2E-CARL', 'P-E2E-DINA'];

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label} scrolls sideways at ${width} px: the page is ${scroll} px wide`);
}

describeInBrowser('courses and attendance in the browser', () => {
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
      const sessionIds: string[] = [];
      const participantIds: string[] = [];
      before(async () => {
        app = await startServer(engine, { clock: () => new Date('2025-10-15T10:00:00Z') });
        // Made once here: tests running side by side would otherwise race to create the same user.
        await app.sessionFor('sekretariat');
        const db = app.db.database.db;
        await grantActivity(db, app.planId, 'brandkadet', { userEmail: 'sekretariat@helhed.test' });
        const course = aCourse(app.planId, 'brandkadet', { code: 'BRAND-2025E', name: 'Brandkadet efterår 2025', planned_sessions: 10 });
        const sessions = [1, 2, 3, 4].map((n) => aSession(app.planId, course.id, n, `2025-09-${String(n * 7 - 4).padStart(2, '0')}`));
        const participants = CODES.map((code, i) => aParticipant(app.planId, { code, nickname: ['Anna', 'Bo', 'Carl', 'Dina Marie Christensen-Østergaard'][i]! }));
        await insertRows(db, { participants, courses: [course], sessions, enrolments: participants.map((p) => anEnrolment(app.planId, p.id, 'brandkadet', { course_id: course.id })) });
        sessionIds.push(...sessions.map((s) => s.id));
        participantIds.push(...participants.map((p) => p.id));
      });
      after(async () => {
        await app?.close();
      });

      for (const [i, mode] of SCRIPT_MODES.entries()) {
        it(`registers a session's attendance on a phone (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/forloeb');
            await assertAccessible(page, `forløbslisten (${mode.name})`);
            await assertNoSidewaysScroll(page, 'forløbslisten');
            await page.getByRole('link', { name: /BRAND-2025E/ }).click();
            await page.waitForURL(/\/forloeb\/BRAND-2025E$/);
            await assertAccessible(page, `forløbets side (${mode.name})`);
            await assertNoSidewaysScroll(page, 'forløbets side');
            assert.match(await page.locator('main').innerText(), /undervisningsgange pr\. forløb/);

            const number = i + 1;
            const session = page.locator('.helhed-session').nth(i);
            assert.match(await session.innerText(), /Mangler registrering/);
            await session.getByRole('link').click();
            await page.waitForURL(new RegExp(`/moedegange/${number}$`));
            await assertAccessible(page, `fremmøde (${mode.name})`);
            await assertNoSidewaysScroll(page, 'fremmødesiden');
            // Everyone starts as attended; Bo sent word he could not come.
            assert.equal(await page.getByRole('group', { name: /P-E2E-ANNA/ }).getByLabel('Mødt').isChecked(), true);
            await page.getByRole('group', { name: /P-E2E-BO/ }).getByLabel('Afbud').check();
            await page.getByRole('group', { name: /P-E2E-CARL/ }).getByLabel('Udeblevet').check();
            await submit(page, page.getByRole('button', { name: 'Gem fremmøde' }));
            assert.match(new URL(page.url()).pathname, /\/forloeb\/BRAND-2025E$/);
            assert.match(await page.getByRole('status').innerText(), /Fremmødet er gemt/);
            assert.match(await page.locator('.helhed-session').nth(i).innerText(), /Registreret.*2 mødt, 1 afbud, 1 udeblevet/s);

            const rows = await app.db.database.db.selectFrom('attendance').select(['participant_id', 'status']).where('session_id', '=', sessionIds[i]!).execute();
            const status = new Map(rows.map((r) => [r.participant_id, r.status]));
            assert.deepEqual(participantIds.map((id) => status.get(id)), ['mødt', 'afbud', 'udeblevet', 'mødt']);
          } finally {
            await context.close();
          }
        });
      }

      it('offers a new course, its creation and the attendance import, accessibly on a phone without JavaScript', async () => {
        const context = await newContext(browser, app, { javaScriptEnabled: false, viewport: PHONE });
        try {
          await signInAs(context, app, 'sekretariat');
          const page = await context.newPage();
          await page.goto('/forloeb/nyt');
          await assertAccessible(page, 'nyt forløb');
          await page.getByLabel('Aktivitet').selectOption('brandkadet');
          await page.getByLabel('Kode').fill('BRAND-2026F');
          await page.getByLabel('Navn').fill('Brandkadet forår 2026');
          await page.getByLabel('Startdato').fill('2026-02-02');
          await page.getByLabel('Antal ugentlige mødegange').fill('12');
          await submit(page, page.getByRole('button', { name: 'Opret forløb' }));
          assert.match(new URL(page.url()).pathname, /\/forloeb\/BRAND-2026F$/);
          assert.equal(await page.locator('.helhed-session').count(), 12);

          await page.goto('/forloeb/import');
          await assertAccessible(page, 'import af fremmøde');
          const file = ['forløb;mødegang;deltagerkode;status', 'BRAND-2025E;3;P-E2E-ANNA;mødt', 'BRAND-2025E;3;P-UKENDT;mødt', 'BRAND-2025E;9;P-E2E-BO;mødt', 'BRAND-2025E;3;P-E2E-BO;måske'].join('\r\n');
          await page.getByLabel('Fil').setInputFiles({ name: 'fremmoede.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
          await submit(page, page.getByRole('button', { name: 'Importér' }));
          await assertAccessible(page, 'importens fejl');
          assert.match(await page.title(), /^Fejl: /);
          const table = await page.locator('#fejl').innerText();
          assert.match(table, /3\s+deltagerkode/);
          assert.match(table, /4\s+mødegang/);
          assert.match(table, /5\s+status/);
          const stored = await app.db.database.db.selectFrom('attendance').select('status').where('session_id', '=', sessionIds[2]!).execute();
          assert.equal(stored.length, 0, 'nothing of a file with mistakes is stored');
        } finally {
          await context.close();
        }
      });
    });
  }
});
