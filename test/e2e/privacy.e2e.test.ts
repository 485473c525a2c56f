/**
 * The administrator's privacy pages in a browser, with and without JavaScript, each checked with axe: the overview,
 * activity access (grant, a refused grant, revoke), the read log and its filter, one person's data, their erasure
 * with its confirmation step, and the retention page with a manual run.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { newParticipantCode } from '../../src/participants/personal-id.js';
import { aCourse, anEnrolment, aParticipant, aSession, insertRows } from '../fixtures/participants/index.js';

describeInBrowser('privacy pages in the browser', () => {
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
        app = await startServer(engine, { clock: () => new Date('2026-11-26T10:00:00Z') });
        // Made once here: tests running side by side would otherwise race to create the same users.
        await app.sessionFor('administrator');
        await app.sessionFor('partner');
        await app.sessionFor('sekretariat');
      });
      after(async () => {
        await app?.close();
      });

      /** A person enrolled in Brandkadet with one attended session. */
      async function aPerson(nickname: string): Promise<string> {
        const person = aParticipant(app.planId, { code: newParticipantCode(), nickname });
        const course = aCourse(app.planId, 'brandkadet');
        const session = aSession(app.planId, course.id, 1, '2025-09-08');
        await insertRows(app.db.database.db, { participants: [person], courses: [course], sessions: [session], enrolments: [anEnrolment(app.planId, person.id, 'brandkadet', { course_id: course.id })] });
        await app.db.database.db
          .insertInto('attendance')
          .values({ plan_id: app.planId, session_id: session.id, participant_id: person.id, status: 'mødt', registered_at: '2025-09-08T17:00:00.000Z', registered_by_label: 'test' })
          .execute();
        return person.code;
      }

      for (const mode of SCRIPT_MODES) {
        it(`grants and revokes access to an activity, and explains a refused grant (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'administrator');
            const page = await context.newPage();
            await page.goto('/');
            await submit(page, page.getByRole('link', { name: 'Persondata' }).first());
            assert.equal(new URL(page.url()).pathname, '/persondata');
            await assertAccessible(page, `persondata (${mode.name})`);
            await submit(page, page.getByRole('link', { name: 'Adgang til aktiviteter' }));
            await assertAccessible(page, `adgang (${mode.name})`);

            await page.getByLabel('Aktivitet').selectOption({ label: 'Brandkadet' });
            await submit(page, page.getByRole('button', { name: 'Giv adgang', exact: true }));
            assert.match(await page.title(), /^Fejl: /);
            assert.match(await page.getByRole('alert').first().innerText(), /Vælg, hvem der skal have adgang/);
            await assertAccessible(page, `adgang med fejl (${mode.name})`);

            const activity = mode.javaScriptEnabled ? 'Teenagegrupper' : 'Lommepengejobs';
            await page.getByLabel('Hvem').selectOption({ label: 'Partner: Test-organisation' });
            await page.getByLabel('Aktivitet').selectOption({ label: activity });
            await submit(page, page.getByRole('button', { name: 'Giv adgang', exact: true }));
            assert.match(await page.locator('main, body').first().innerText(), /Adgangen er givet/);
            const revoke = page.getByRole('button', { name: `Fjern adgangen til ${activity} for Test-organisation` });
            assert.equal(await revoke.count(), 1);
            await submit(page, revoke);
            assert.match(await page.locator('body').innerText(), /Adgangen er fjernet/);
            assert.equal(await page.getByRole('button', { name: `Fjern adgangen til ${activity} for Test-organisation` }).count(), 0);
            await assertAccessible(page, `adgang efter fjernelse (${mode.name})`);
          } finally {
            await context.close();
          }
        });

        it(`shows one person's data, logs the reading, and erases the person after confirmation (${mode.name})`, async () => {
          const code = await aPerson(mode.javaScriptEnabled ? 'Sara' : 'Omar');
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'administrator');
            const page = await context.newPage();
            await page.goto('/persondata/personer');
            await assertAccessible(page, `opslag (${mode.name})`);
            await page.getByLabel('Deltagerkode').fill('P-123');
            await submit(page, page.getByRole('button', { name: 'Vis personens data' }));
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `opslag med fejl (${mode.name})`);
            await page.getByLabel('Deltagerkode').fill(code.toLowerCase());
            await submit(page, page.getByRole('button', { name: 'Vis personens data' }));
            assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Persondata om ${code}`);
            assert.match(await page.locator('body').innerText(), mode.javaScriptEnabled ? /Sara/ : /Omar/);
            await assertAccessible(page, `personens data (${mode.name})`);

            await page.goto(`/persondata/laesninger?deltager=${code}`);
            assert.match(await page.locator('body').innerText(), /1 læsning/);
            await assertAccessible(page, `læseloggen (${mode.name})`);
            await page.goto(`/persondata/laesninger?deltager=${code}&fra=2026-13-45`);
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, `læseloggen med fejl (${mode.name})`);

            await page.goto(`/persondata/personer/${code}`);
            await submit(page, page.getByRole('link', { name: 'Slet personens data' }));
            await assertAccessible(page, `sletning (${mode.name})`);
            await page.getByLabel('Begrundelse').fill('Anmodning fra borgeren');
            await submit(page, page.getByRole('button', { name: 'Slet personens data' }));
            assert.match(await page.title(), /^Fejl: /);
            assert.match(await page.getByRole('alert').first().innerText(), /Bekræft/);
            await assertAccessible(page, `sletning med fejl (${mode.name})`);
            await page.getByLabel(`Jeg bekræfter, at persondata om ${code} skal slettes`).check();
            await submit(page, page.getByRole('button', { name: 'Slet personens data' }));
            assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Persondata om ${code} er slettet`);
            await assertAccessible(page, `slettet (${mode.name})`);
            const left = await app.db.database.db.selectFrom('participants').select('id').where('code', '=', code).execute();
            assert.equal(left.length, 0);
          } finally {
            await context.close();
          }
        });

        it(`shows what retention did and runs it on request (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'administrator');
            const page = await context.newPage();
            await page.goto('/persondata/opbevaring');
            await assertAccessible(page, `opbevaring (${mode.name})`);
            await submit(page, page.getByRole('button', { name: 'Kør opbevaringsjobbet nu' }));
            assert.match(await page.locator('body').innerText(), /Opbevaringsjobbet har kørt/);
            assert.match(await page.locator('body').innerText(), /Opbevaringsjobbet kørte|slettede persondata/);
            await assertAccessible(page, `opbevaring efter kørsel (${mode.name})`);
          } finally {
            await context.close();
          }
        });
      }

      it('keeps a partner out of every privacy page', async () => {
        const context = await newContext(browser, app, { javaScriptEnabled: true });
        try {
          await signInAs(context, app, 'partner');
          const page = await context.newPage();
          for (const path of ['/persondata', '/persondata/adgang', '/persondata/laesninger', '/persondata/personer', '/persondata/opbevaring']) {
            const response = await page.goto(path);
            assert.equal(response?.status(), 403, path);
          }
          await page.goto('/');
          assert.equal(await page.getByRole('link', { name: 'Persondata' }).count(), 0);
        } finally {
          await context.close();
        }
      });
    });
  }
});
