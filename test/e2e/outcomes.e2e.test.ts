/**
 * Outcomes in a browser, with and without JavaScript: a secretariat employee finds a participant, records an outcome
 * (and sees a mistake explained), imports a file with mistakes (all shown, nothing stored) and then the corrected
 * file; a board member chooses a cohort and sees journeys across activities, with small numbers hidden. Every page is
 * checked with axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { aParticipant, anEnrolment, grantActivity, insertRows } from '../fixtures/participants/index.js';
import type { ParticipantRow } from '../../src/participants/participants.table.js';

const HEADER = 'deltagerkode;mål;periode;værdi;kilde';

describeInBrowser('outcomes in the browser', () => {
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
      /** Per script mode, its own children, so that tests running side by side do not meet. */
      const children = new Map<string, ParticipantRow[]>();

      before(async () => {
        app = await startServer(engine, { clock: () => new Date('2027-03-01T10:00:00Z') });
        // Made once here: tests running side by side would otherwise race to create the same user.
        await app.sessionFor('sekretariat');
        await app.sessionFor('bestyrelse');
        const planId = app.planId;
        for (const mode of SCRIPT_MODES) children.set(mode.name, Array.from({ length: 6 }, () => aParticipant(planId, { area_slug: 'vangdalen' })));
        const all = [...children.values()].flat();
        await insertRows(app.db.database.db, { participants: all, enrolments: all.map((p) => anEnrolment(planId, p.id, 'fremmoede-i-skolen', { start_date: '2025-09-01' })) });
        await grantActivity(app.db.database.db, planId, 'fremmoede-i-skolen', { userEmail: 'sekretariat@helhed.test' });
      });
      after(async () => {
        await app?.close();
      });

      for (const mode of SCRIPT_MODES) {
        it(`records a participant's outcome and imports a file of outcomes, showing every mistake first (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            const kids = children.get(mode.name)!;

            await page.goto('/udfald');
            await assertAccessible(page, `udfald (${mode.name})`);
            await page.getByLabel('Se en deltagers udfald').fill(kids[0]!.code);
            await submit(page, page.getByRole('button', { name: 'Vis udfald' }));
            assert.equal(new URL(page.url()).pathname, `/udfald/deltager/${kids[0]!.code}`);
            await assertAccessible(page, `deltagerens udfald (${mode.name})`);

            await page.getByLabel('Mål').selectOption('skolefravaer');
            await page.getByLabel('Periode').fill('2. skolehalvår 2024/25');
            await page.getByLabel('Værdi').fill('112');
            await page.getByLabel('Kilde').fill('Skolens fraværsregistrering');
            const refused = await submit(page, page.getByRole('button', { name: 'Gem måling' }));
            assert.equal(refused.status(), 400);
            assert.match(await page.title(), /^Fejl: /);
            assert.match(await page.locator('.alert-error').innerText(), /mellem 0 og 100/);
            await assertAccessible(page, `deltagerens udfald med fejl (${mode.name})`);

            await page.getByLabel('Værdi').fill('12,5');
            await submit(page, page.getByRole('button', { name: 'Gem måling' }));
            assert.match(await page.locator('.alert-success').innerText(), /Målingen er gemt/);
            assert.match(await page.locator('table').nth(1).innerText(), /12,5 %/);
            await submit(page, page.getByRole('button', { name: /^Slet\s*: skolefravær, 2\. skolehalvår 2024\/25$/ }));
            assert.match(await page.locator('.alert-success').innerText(), /Målingen er slettet/);
            assert.doesNotMatch(await page.locator('table').nth(1).innerText(), /12,5 %/);

            await page.goto('/udfald/import');
            await assertAccessible(page, `import af udfald (${mode.name})`);
            const mistakes = [HEADER, `${kids[1]!.code};skolefravaer;2024;10;Skolen`, `P-FINDES-IKKE;skolefravaer;2. skolehalvår 2024/25;10;Skolen`, `${kids[2]!.code};sigtelser;2024;1;Politiet`].join('\r\n');
            await page.getByLabel('Fil').setInputFiles({ name: 'fejl.csv', mimeType: 'text/csv', buffer: Buffer.from(mistakes, 'utf8') });
            await submit(page, page.getByRole('button', { name: 'Importér' }));
            assert.match(await page.title(), /^Fejl: /);
            assert.equal(await page.locator('#fejl tbody tr').count(), 3);
            await assertAccessible(page, `import med fejl (${mode.name})`);

            const good = [HEADER, ...kids.slice(1).map((k, i) => `${k.code};skolefravaer;2. skolehalvår 2024/25;${10 + i};Skolen`)].join('\r\n');
            await page.goto('/udfald/import');
            await page.getByLabel('Fil').setInputFiles({ name: 'rettet.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
            await submit(page, page.getByRole('button', { name: 'Importér' }));
            assert.match(await page.locator('.alert-success').innerText(), /5 nye eller rettede værdier, 0 uændrede/);
            await assertAccessible(page, `import gennemført (${mode.name})`);
          } finally {
            await context.close();
          }
        });

        it(`shows the board a cohort and journeys across activities, suppressed (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'bestyrelse');
            const page = await context.newPage();
            await page.goto('/udfald');
            await page.getByRole('link', { name: 'Kohorter: før og efter deltagelse' }).click();
            await page.waitForURL(/\/udfald\/kohorter$/);
            await assertAccessible(page, `kohorter (${mode.name})`);
            await page.getByLabel('Aktivitet').selectOption('fremmoede-i-skolen');
            await page.getByLabel('Udfaldsmål').selectOption('skolefravaer');
            await submit(page, page.getByRole('button', { name: 'Vis kohorte' }));
            assert.match(await page.locator('h2#kohorte-resultat').innerText(), /Fremmøde i skolen/);
            const table = await page.getByRole('table', { name: /Gennemsnit/ }).innerText();
            assert.match(table, /Skolehalvåret før start/);
            await assertAccessible(page, `kohorte (${mode.name})`);

            await page.getByLabel('Udfaldsmål').selectOption('');
            const refused = await submit(page, page.getByRole('button', { name: 'Vis kohorte' }));
            assert.equal(refused.status(), 400);
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `kohorte uden mål (${mode.name})`);

            await page.goto('/udfald/paa-tvaers');
            assert.match(await page.getByRole('table', { name: /Deltagere efter antal aktiviteter/ }).innerText(), /Hele planperioden/);
            await assertAccessible(page, `på tværs (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }
    });
  }
});
