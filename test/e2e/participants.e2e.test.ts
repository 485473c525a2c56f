/**
 * A boligsocial medarbejder's day with participants in a browser, with and without JavaScript: create a household,
 * register its two children, record a parent's consent, enrol both in Trivsel i skolen and Brandkadet (the younger
 * only with an override, since Brandkadet is for 13-17-year-olds), end an enrolment, and import enrolments. Every
 * page is checked with axe; a partner from a school meets a 404 for a child outside its activities.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, describeInBrowser, launchBrowser, newContext, SCRIPT_MODES, signInAs, startServer, submit, TESTS_AT_ONCE, type RunningApp } from '../support/browser.js';
import { testEngines } from '../support/databases.js';
import { grantActivity } from '../fixtures/participants/index.js';

describeInBrowser('participants in the browser', () => {
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
        app = await startServer(engine, { clock: () => new Date('2025-10-01T10:00:00Z') });
        // Made once here: tests running side by side would otherwise race to create the same users.
        await app.sessionFor('sekretariat');
        await app.sessionFor('partner');
        for (const slug of ['trivsel-i-skolen', 'brandkadet']) await grantActivity(app.db.database.db, app.planId, slug, { userEmail: 'sekretariat@helhed.test' });
        await grantActivity(app.db.database.db, app.planId, 'trivsel-i-skolen', { organisationName: 'Test-organisation' });
      });
      after(async () => {
        await app?.close();
      });

      /** Registers a child from the household page and returns their code. */
      async function registerChild(page: Page, household: string, child: { nickname: string; born: string }, check: boolean): Promise<string> {
        await page.goto(`/deltagere/husstande/${household}`);
        await page.getByRole('link', { name: 'Registrér et medlem af husstanden' }).click();
        await page.waitForURL(/\/deltagere\/ny/);
        if (check) await assertAccessible(page, 'registrering af deltager');
        assert.equal(await page.getByLabel('Husstand').inputValue(), household);
        await page.getByLabel('Kaldenavn eller initialer').fill(child.nickname);
        await page.getByLabel('Fødselsår og -måned').fill(child.born);
        await page.getByLabel(/^Adresse \(/).fill('Husarvej 20');
        await page.getByLabel(/^Skole \(/).fill('Nørrevangsskolen');
        await submit(page, page.getByRole('button', { name: 'Registrér' }));
        const match = /\/deltagere\/(P-[0-9A-Z]{8}-.)$/.exec(decodeURIComponent(new URL(page.url()).pathname));
        assert.ok(match, `registered and shown: ${page.url()}`);
        assert.match(await page.locator('.alert-success').innerText(), /Deltageren er registreret/);
        return match[1]!;
      }

      async function enrol(page: Page, code: string, activity: string, check: boolean): Promise<void> {
        await page.goto(`/deltagere/${code}`);
        await page.getByRole('link', { name: 'Tilmeld til en aktivitet' }).click();
        await page.waitForURL(/\/tilmeld$/);
        if (check) await assertAccessible(page, 'tilmelding');
        await page.getByLabel('Aktivitet', { exact: true }).selectOption(activity);
        await page.getByLabel('Startdato').fill('2025-09-01');
        await submit(page, page.getByRole('button', { name: 'Tilmeld' }));
      }

      for (const mode of SCRIPT_MODES) {
        it(`lets an employee register a household's two children and enrol them in Trivsel i skolen and Brandkadet (${mode.name})`, async () => {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            await signInAs(context, app, 'sekretariat');
            const page = await context.newPage();
            await page.goto('/');
            await page.getByRole('link', { name: 'Deltagere' }).first().click();
            await page.waitForURL(/\/deltagere$/);
            await assertAccessible(page, 'deltagerlisten');

            await page.getByRole('link', { name: 'Opret husstand' }).click();
            await page.waitForURL(/\/husstande\/ny$/);
            await assertAccessible(page, 'ny husstand');
            await page.getByLabel('Boligområde').selectOption('gl-jennumparken');
            await submit(page, page.getByRole('button', { name: 'Opret husstand' }));
            const household = /\/husstande\/(H-[0-9A-Z]{8}-.)$/.exec(decodeURIComponent(new URL(page.url()).pathname))?.[1];
            assert.ok(household, page.url());
            await assertAccessible(page, 'husstand');

            const older = await registerChild(page, household, { nickname: `Yasmin ${mode.name}`, born: '2011-02' }, true);
            await assertAccessible(page, 'deltager');
            const younger = await registerChild(page, household, { nickname: `Omar ${mode.name}`, born: '2014-06' }, false);

            // A parent's consent for the younger child (11 years old).
            await page.getByRole('link', { name: 'Registrér samtykke' }).click();
            await page.waitForURL(/\/samtykke$/);
            await assertAccessible(page, 'samtykke');
            await page.getByLabel('Deltageren selv').check();
            await page.getByLabel('Hvad er der givet samtykke til?').fill('Deltagelse i Trivsel i skolen og Brandkadet');
            const refused = await submit(page, page.getByRole('button', { name: 'Registrér samtykke' }));
            assert.equal(refused.status(), 400);
            assert.match(await page.title(), /^Fejl: /);
            assert.match(await page.locator('.alert-error').innerText(), /under 13 år.*forælder eller værge/s);
            await assertAccessible(page, 'samtykke med fejl');
            await page.getByLabel('Forælder (indehaver af forældremyndighed)').check();
            await page.getByLabel('Navn på forælder eller værge').fill('Leila');
            await submit(page, page.getByRole('button', { name: 'Registrér samtykke' }));
            assert.match(await page.locator('.alert-success').innerText(), /Samtykket er registreret/);

            for (const code of [older, younger]) await enrol(page, code, 'trivsel-i-skolen', code === older);
            await enrol(page, older, 'brandkadet', false);
            assert.match(await page.locator('.alert-success').innerText(), /Deltageren er tilmeldt/);

            // Brandkadet is for 13-17-year-olds: the 11-year-old is blocked until a reason is given.
            await enrol(page, younger, 'brandkadet', false);
            assert.match(await page.title(), /^Fejl: /);
            assert.match(await page.locator('.alert-error').first().innerText(), /passer ikke til aktivitetens målgruppe/);
            await assertAccessible(page, 'tilmelding uden for målgruppen');
            await page.getByLabel('Begrundelse, hvis deltageren ikke passer til målgruppen').fill('Storesøster deltager; aftalt med brandvæsenet');
            await submit(page, page.getByRole('button', { name: 'Tilmeld' }));
            const enrolments = await page.locator('table').first().innerText();
            assert.match(enrolments, /Brandkadet/);
            assert.match(enrolments, /Tilmeldt trods målgruppen/);
            assert.match(enrolments, /Trivsel i skolen/);

            // End the younger child's Trivsel i skolen.
            await page.getByRole('link', { name: 'Afslut tilmeldingen i Trivsel i skolen' }).click();
            await page.waitForURL(/\/afslut$/);
            await assertAccessible(page, 'afslut tilmelding');
            await submit(page, page.getByRole('button', { name: 'Afslut tilmeldingen' }));
            assert.match(await page.locator('.alert-success').innerText(), /Tilmeldingen er afsluttet/);

            await page.goto(`/deltagere/husstande/${household}`);
            const members = await page.locator('table').innerText();
            assert.ok(members.includes(older) && members.includes(younger), members);

            await page.goto(`/deltagere?q=${encodeURIComponent(`Yasmin ${mode.name}`)}`);
            const found = await page.locator('table').innerText();
            assert.ok(found.includes(older), found);
            assert.match(found, /Brandkadet/);
          } finally {
            await context.close();
          }
        });
      }

      it('imports enrolments from a file, showing every mistake by row and column first (without JavaScript)', async () => {
        const context = await newContext(browser, app, { javaScriptEnabled: false });
        try {
          await signInAs(context, app, 'sekretariat');
          const page = await context.newPage();
          await page.goto('/deltagere/ny');
          await page.getByLabel('Fødselsår og -måned').fill('2012-01');
          await page.getByLabel(/^Adresse \(/).fill('Husarvej 22');
          await submit(page, page.getByRole('button', { name: 'Registrér' }));
          const code = decodeURIComponent(new URL(page.url()).pathname).split('/').pop()!;

          await page.goto('/deltagere/import');
          await assertAccessible(page, 'import af tilmeldinger');
          const upload = async (text: string) => {
            await page.goto('/deltagere/import');
            await page.getByLabel('Fil').setInputFiles({ name: 'tilmeldinger.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
            await submit(page, page.getByRole('button', { name: 'Importér' }));
          };
          await upload(['deltagerkode;aktivitet;start;slut;status', `${code};Svømning;01-09-2025;;`, `${code};Brandkadet;01-09-2025;01-08-2025;afsluttet`].join('\r\n'));
          assert.match(await page.title(), /^Fejl: /);
          const table = await page.locator('#fejl').innerText();
          assert.match(table, /2\s+aktivitet/);
          assert.match(table, /3\s+slut/);
          await assertAccessible(page, 'import med fejl');

          await upload(['deltagerkode;aktivitet;start;slut;status', `${code};Brandkadet;01-09-2025;;`].join('\r\n'));
          assert.match(await page.locator('.alert-success').innerText(), /1 nye tilmeldinger/);
          await assertAccessible(page, 'importeret fil');
        } finally {
          await context.close();
        }
      });

      it('answers a school partner with «findes ikke» for a child outside its activities', async () => {
        const context = await newContext(browser, app, { javaScriptEnabled: false });
        try {
          const worker = await app.sessionFor('sekretariat');
          const created = await app.request({
            method: 'POST', url: '/api/v1/participants', cookies: { helhed_session: worker.cookie }, headers: { 'x-csrf-token': worker.csrf },
            payload: { birthYearMonth: '2011-05', address: 'Husarvej 24' },
          });
          const { code } = created.json() as { code: string };
          await app.request({
            method: 'POST', url: `/api/v1/participants/${code}/enrolments`, cookies: { helhed_session: worker.cookie }, headers: { 'x-csrf-token': worker.csrf },
            payload: { activity: 'brandkadet', startDate: '2025-09-01' },
          });
          await signInAs(context, app, 'partner');
          const page = await context.newPage();
          const response = await page.goto(`/deltagere/${code}`);
          assert.equal(response?.status(), 404);
          await assertAccessible(page, 'deltager findes ikke');
          await page.goto('/deltagere');
          assert.ok(!(await page.locator('main').innerText()).includes(code));
        } finally {
          await context.close();
        }
      });
    });
  }
});
