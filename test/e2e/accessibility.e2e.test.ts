/**
 * Every page, in each state a visitor can meet it in, checked with axe-core against WCAG 2.1 A and AA, with and
 * without JavaScript; and Helhed on a phone (390 × 844 CSS pixels), where the header keeps the user, "Log af" and the
 * main menu within reach, no page scrolls sideways (WCAG 1.4.10), and axe runs again at that width (where tables
 * scroll). Screenshots of the front page and the login page on a phone are left in the temporary folder for a person
 * to look at.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import type { Activity } from '../../src/plan/content/types.js';
import { createUser } from '../../src/users/users.service.js';
import {
  assertAccessible,
  assertErrorSummaryLinksToFields,
  describeInBrowser,
  launchBrowser,
  newContext,
  SCRIPT_MODES,
  signInAs,
  TESTS_AT_ONCE,
  startServer,
  submit,
  type RunningApp,
} from '../support/browser.js';
import { ADMIN_EMAIL, USER_PASSWORD } from '../support/test-app.js';

const PHONE = { width: 390, height: 844 };

async function assertNoSidewaysScrolling(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${page.url()} is ${scrollWidth}px wide on a ${clientWidth}px screen`);
}

/** Whether the element is shown, and wholly within the screen's width. */
async function assertOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${what} is not shown`);
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${what} lies outside the screen (x ${box.x}, width ${box.width})`);
}

/** The monitoring dashboards, in the states the data below gives them: statuses, a hidden small count, a held-back value. */
const MONITORING_PAGES = [
  '/overvaagning',
  '/overvaagning/omraader/gl-jennumparken',
  '/overvaagning/indsatsomraader/sammenhaengskraft-og-medborgerskab',
  '/overvaagning/indikatorer/sam-1',
  '/overvaagning/indikatorer/lbf-1a',
  '/overvaagning/kriterier',
  '/overvaagning/tidlig-varsling',
];

/** A year of measurements for the dashboards (importing the same file again adds nothing, so any test may call it). */
async function importMonitoringData(app: RunningApp): Promise<void> {
  const csv = [
    'indikator;område;periode;værdi;tæller;nævner;kilde;dataudtræk;note',
    'lbf-2b;Alle syv boligområder;2024;36,2;;;Boligsociale data, LBF;15-01-2025;',
    'lbf-2b;Randers Kommune;2024;15,1;;;Boligsociale data, LBF;15-01-2025;',
    'lbf-1a;Alle syv boligområder;2023;50,0;;;Boligsociale data, LBF;15-01-2025;',
    'lbf-1a;Alle syv boligområder;2024;90,0;;;Boligsociale data, LBF;15-01-2025;',
    ...[['Gl. Jennumparken', 3], ['Glarbjergvej-området', 9], ['Vangdalen', 6], ['Hermann Stillingsvej-området', 7], ['Energivej-området', 8], ['Sjællandsgade-kvarteret', 10], ['Centrale Randers', 12], ['Alle syv boligområder', 55]].map(
      ([area, count]) => `sam-1;${area};2024;${count};;;RandersBolig;20-01-2025;`,
    ),
  ].join('\r\n');
  const outcome = await app.services.measurements.import(app.planId, { ...SYSTEM_ACTOR, planId: app.planId }, Readable.from([Buffer.from(csv)]), { fileName: 'e2e.csv' });
  assert.equal(outcome.status, 'imported', JSON.stringify(outcome.problems));
}

describeInBrowser("Helhed's pages are accessible", () => {
  let browser: Browser;
  let app: RunningApp;
  let otherUserId: string;

  before(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startServer('sqlite')]);
    const other = await createUser(app.db.database, SYSTEM_ACTOR, app.planId, {
      email: 'frivillig@helhed.test',
      name: 'Frida Frivillig',
      roles: ['sekretariat'],
      password: USER_PASSWORD,
    });
    otherUserId = other.id;
    // Made before the tests, which run side by side, so that no two of them create the same user.
    await app.sessionFor('administrator');
    await app.sessionFor('bestyrelse');
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  describe('every page meets WCAG 2.1 AA', () => {
    for (const mode of SCRIPT_MODES) {
      describe(mode.name, { concurrency: TESTS_AT_ONCE }, () => {
        async function withPage(signedInAs: 'administrator' | 'bestyrelse' | null, run: (page: Page, context: BrowserContext) => Promise<void>) {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled });
          try {
            if (signedInAs) await signInAs(context, app, signedInAs);
            await run(await context.newPage(), context);
          } finally {
            await context.close();
          }
        }

        async function open(page: Page, path: string, status = 200): Promise<void> {
          const response = await page.goto(path);
          assert.equal(response?.status(), status, `GET ${path}`);
        }

        it('finds a problem when there is one (a field without a label)', async () => {
          await withPage(null, async (page, context) => {
            await context.route('**/e2e/felt-uden-etiket', (route) =>
              route.fulfill({
                contentType: 'text/html; charset=utf-8',
                body: '<!DOCTYPE html><html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1><input type="text" name="x"></main></body></html>',
              }),
            );
            await page.goto('/e2e/felt-uden-etiket');
            await assert.rejects(assertAccessible(page, 'prøvesiden'), /axe fandt 1 problem\(er\)[\s\S]*- label /);
          });
        });

        it('the login page is accessible empty, after an empty submit and after a wrong password', async () => {
          await withPage(null, async (page) => {
            await open(page, '/logind');
            await assertAccessible(page, 'login');

            assert.equal((await submit(page, page.getByRole('button', { name: 'Log ind' }))).status(), 400);
            await assertErrorSummaryLinksToFields(page, ['email', 'password']);
            await assertAccessible(page, 'login efter tom formular');

            await page.getByLabel('E-mailadresse').fill(ADMIN_EMAIL);
            await page.getByLabel('Adgangskode').fill('ikke-den-rigtige-kode');
            assert.equal((await submit(page, page.getByRole('button', { name: 'Log ind' }))).status(), 401);
            await assertErrorSummaryLinksToFields(page, ['email']);
            await assertAccessible(page, 'login efter forkert adgangskode');
          });
        });

        it('the front page is accessible', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/');
            await assertAccessible(page, 'forsiden');
          });
        });

        it('the list of users is accessible', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/brugere');
            await assertAccessible(page, 'brugerlisten');
          });
        });

        it('the new-user form is accessible empty and after a submit with errors', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/brugere/ny');
            await assertAccessible(page, 'opret bruger');

            await page.getByLabel('E-mailadresse').fill('ikke-en-adresse');
            await page.getByLabel('Adgangskode').fill('kort');
            assert.equal((await submit(page, page.getByRole('button', { name: 'Opret bruger' }))).status(), 400);
            await assertErrorSummaryLinksToFields(page, ['email', 'name', 'password']);
            await assertAccessible(page, 'opret bruger med fejl');
          });
        });

        it('the edit page of a user is accessible, also while it shows a password link', async () => {
          await withPage('administrator', async (page) => {
            await open(page, `/brugere/${otherUserId}`);
            await assertAccessible(page, 'rediger bruger');

            assert.equal((await submit(page, page.getByRole('button', { name: 'Lav link til ny adgangskode' }))).status(), 200);
            await page.getByText('/nulstil/').waitFor();
            await assertAccessible(page, 'rediger bruger med nulstillingslink');
          });
        });

        it('the edit page is accessible after a submit with errors, and its error links to the roles', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/brugere');
            await page.getByRole('table').getByRole('link', { name: 'Administrator' }).click();
            // Administrators may not take away their own role; the error belongs to the group of role checkboxes.
            await page.getByRole('checkbox', { name: 'Administrator' }).uncheck();
            assert.equal((await submit(page, page.getByRole('button', { name: 'Gem' }))).status(), 400);
            await assertErrorSummaryLinksToFields(page, ['roles']);
            await assertAccessible(page, 'rediger bruger med fejl');
          });
        });

        it('the profile page is accessible, also while it shows a new API token', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/profil');
            await assertAccessible(page, 'profil');

            await page.getByLabel('Navn på nøglen').fill(`Rapportværktøj ${mode.name}`);
            assert.equal((await submit(page, page.getByRole('button', { name: 'Opret nøgle' }))).status(), 201);
            assert.match(await page.locator('#ny-noegle').innerText(), /^hh_/);
            await assertAccessible(page, 'profil med ny API-nøgle');
          });
        });

        it('the audit log and one of its entries are accessible', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/revisionsspor');
            await assertAccessible(page, 'revisionsspor');

            await page.getByRole('link', { name: /^Vis hændelsen/ }).first().click();
            await page.waitForURL(/\/revisionsspor\/[^/?]+$/);
            await assertAccessible(page, 'en hændelse i revisionssporet');
          });
        });

        it('the API documentation is accessible', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/api/docs');
            await assertAccessible(page, 'API-dokumentation');
          });
        });

        it('the page for an unknown address is accessible and answers 404', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/findes-ikke', 404);
            assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Siden findes ikke');
            await assertAccessible(page, '404-siden');
          });
        });

        it('the page refusing a role access is accessible and answers 403', async () => {
          await withPage('bestyrelse', async (page) => {
            await open(page, '/brugere', 403);
            assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Du har ikke adgang');
            await assertAccessible(page, '403-siden');
          });
        });

        it('the password reset page is accessible empty and after a submit with errors', async () => {
          const link = await app.services.auth.issuePasswordResetLink(SYSTEM_ACTOR, otherUserId);
          await withPage(null, async (page) => {
            await open(page, new URL(link).pathname);
            await assertAccessible(page, 'nulstil adgangskode');

            await page.getByLabel('Ny adgangskode').fill('en lang nok adgangskode');
            await page.getByLabel('Gentag adgangskoden').fill('en anden adgangskode');
            assert.equal((await submit(page, page.getByRole('button', { name: 'Gem' }))).status(), 400);
            await assertErrorSummaryLinksToFields(page, ['passwordRepeat']);
            await assertAccessible(page, 'nulstil adgangskode med fejl');
          });
        });

        // The plan's pages. Each mode changes its own activities, since both modes share one app.
        const mine = mode.javaScriptEnabled
          ? { edited: 'fritids-og-ferieaktiviteter', proposed: 'lommepengejobs' }
          : { edited: 'brobygning-til-foreningslivet', proposed: 'teenagegrupper' };

        it('the plan’s pages are accessible to a board member', async () => {
          await withPage('bestyrelse', async (page) => {
            for (const path of [
              '/planen',
              '/planen/soeg?q=skole',
              '/omraader',
              '/omraader/gl-jennumparken',
              '/indsatsomraader/uddannelse-og-livschancer',
              '/indikatorer/udd-1a',
              '/aktiviteter/brandkadet',
              '/planen/forslag',
              '/organisation',
            ]) {
              await open(page, path);
              await assertAccessible(page, path);
            }
          });
        });

        it('the monitoring dashboards are accessible to a board member, with small numbers hidden, and to an administrator', async () => {
          await importMonitoringData(app);
          for (const who of ['bestyrelse', 'administrator'] as const) {
            await withPage(who, async (page) => {
              for (const path of MONITORING_PAGES) {
                await open(page, path);
                await assertAccessible(page, `${path} (${who})`);
              }
              await open(page, '/overvaagning/omraader/findes-ikke', 404);
              await assertAccessible(page, 'ukendt område i monitoreringen');
            });
          }
        });

        it('the monitoring unit’s pages are accessible: data quality, a flagged value, its correction form with errors', async () => {
          await importMonitoringData(app);
          await withPage('administrator', async (page) => {
            await open(page, '/overvaagning/datakvalitet');
            await assertAccessible(page, 'datakvalitet');
            // lbf-1a for all seven areas jumps from 50 % to 90 %: flagged, held back until explained.
            await page.getByRole('link', { name: /lbf-1a.*2024/ }).first().click();
            assert.match(new URL(page.url()).pathname, /^\/overvaagning\/maalinger\//);
            await assertAccessible(page, 'en markeret måling');
            await page.getByLabel('Værdi (procent)').fill('ti');
            await page.getByLabel('Begrundelse for rettelsen').fill('Tastefejl i udtrækket');
            assert.equal((await submit(page, page.getByRole('button', { name: 'Gem rettelse' }))).status(), 400);
            assert.match(await page.title(), /^Fejl: /);
            await assertAccessible(page, 'rettelse med fejl');
            await assertErrorSummaryLinksToFields(page, ['value']);
          });
        });

        it('the address lookup is accessible with an answer, with a miss and with an unreadable address', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/adresseopslag');
            await assertAccessible(page, 'adresseopslag');
            for (const [address, status] of [['Husarvej 41', 200], ['Husarvej 31', 200], ['<x>', 400]] as const) {
              await page.getByLabel('Adresse').fill(address);
              assert.equal((await submit(page, page.getByRole('button', { name: 'Find området' }))).status(), status, address);
              if (status === 400) await assertErrorSummaryLinksToFields(page, ['adresse']);
              await assertAccessible(page, `adresseopslag for «${address}»`);
            }
          });
        });

        it('an activity’s edit form is accessible empty and with errors, and so is its history after a change', async () => {
          await withPage('administrator', async (page) => {
            await open(page, `/aktiviteter/${mine.edited}/rediger`);
            await assertAccessible(page, 'rediger aktivitet');

            await page.getByLabel('Indhold', { exact: true }).fill('');
            await page.getByLabel('Mål 1: hvad der tælles').fill('');
            await page.getByLabel('Mål 1: mindst').fill('mange');
            assert.equal((await submit(page, page.getByRole('button', { name: 'Gem ændringerne' }))).status(), 400);
            await assertErrorSummaryLinksToFields(page, ['content', 'reason', 'targets[0].measure', 'targets[0].min']);
            await assertAccessible(page, 'rediger aktivitet med fejl');

            await open(page, `/aktiviteter/${mine.edited}/rediger`);
            await page.getByLabel('Ressourcer').fill('Lokaler stilles til rådighed af boligorganisationerne.');
            await page.getByLabel('Begrundelse').fill('Aftale om lokaler');
            assert.equal((await submit(page, page.getByRole('button', { name: 'Gem ændringerne' }))).status(), 200);
            await page.getByText('Ændringen er gemt som en ny version.').waitFor();
            await assertAccessible(page, 'aktivitet efter en ændring');

            await page.getByRole('link', { name: 'Se alle versioner' }).click();
            await page.waitForURL(/\/planen\/historik\//);
            assert.equal(await page.getByRole('columnheader', { name: 'Version 2' }).count(), 1);
            await assertAccessible(page, 'historik efter en ændring');
          });
        });

        it('a proposal’s page with the board’s decision form is accessible, also after a submit with errors', async () => {
          const snapshot = await app.services.plan.snapshot(app.planId);
          const activity = snapshot.find<Activity>('activity', mine.proposed)!;
          const targets = activity.data.targets.map((t, i) => (i === 0 ? { ...t, printed: `${t.printed} (rettet)` } : t));
          const result = await app.services.plan.changeElement(app.planId, SYSTEM_ACTOR, activity.id, { targets }, 'Formuleringen rettes');
          assert.ok(result.proposal, 'the change waits as a proposal');
          const id = result.proposal?.id ?? '';
          await withPage('administrator', async (page) => {
            await open(page, `/planen/forslag/${id}`);
            await assertAccessible(page, 'ændringsforslag med beslutningsformular');

            assert.equal((await submit(page, page.getByRole('button', { name: 'Registrér bestyrelsens beslutning' }))).status(), 400);
            await assertErrorSummaryLinksToFields(page, ['consensus', 'decisionDate', 'note']);
            await assertAccessible(page, 'ændringsforslag med fejl');
          });
        });

        it('the staff hours form and the organisation with the crisis group’s contacts are accessible', async () => {
          await withPage('administrator', async (page) => {
            await open(page, '/indsatsomraader/kriminalitetsforebyggelse/timer/rediger');
            await assertAccessible(page, 'rediger personaletimer');
            await open(page, '/organisation');
            assert.ok((await page.getByRole('link', { name: /^\d{8}$/ }).count()) > 0, 'the administrator sees the crisis group’s phones');
            await assertAccessible(page, 'organisation med kontaktoplysninger');
          });
        });
      });
    }
  });

  describe('on a phone', () => {
    for (const mode of SCRIPT_MODES) {
      describe(mode.name, { concurrency: TESTS_AT_ONCE }, () => {
        async function withPhone(signedIn: boolean, run: (page: Page) => Promise<void>): Promise<void> {
          const context = await newContext(browser, app, { javaScriptEnabled: mode.javaScriptEnabled, viewport: PHONE });
          try {
            if (signedIn) await signInAs(context, app, 'administrator');
            await run(await context.newPage());
          } finally {
            await context.close();
          }
        }

        it('keeps the user, Log af and every menu item in view in the header', async () => {
          await withPhone(true, async (page) => {
            await page.goto('/');
            const header = page.locator('header');
            await assertOnScreen(page, header.getByRole('link', { name: 'Administrator' }), 'the link to the profile');
            await assertOnScreen(page, header.getByRole('button', { name: 'Log af' }), 'Log af');
            const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
            for (const item of ['Forside', 'Planen', 'Områder', 'Organisation', 'Brugere', 'Revisionsspor', 'API']) {
              await assertOnScreen(page, menu.getByRole('link', { name: item }), `the menu item ${item}`);
            }
            await assertNoSidewaysScrolling(page);
            await assertAccessible(page, 'forsiden på en telefon');
            await page.screenshot({ path: join(tmpdir(), `helhed-forside-telefon-${mode.javaScriptEnabled ? 'js' : 'uden-js'}.png`), fullPage: true });
          });
        });

        it('shows the login form within the screen', async () => {
          await withPhone(false, async (page) => {
            await page.goto('/logind');
            await assertOnScreen(page, page.getByLabel('E-mailadresse'), 'the e-mail field');
            await assertOnScreen(page, page.getByRole('button', { name: 'Log ind' }), 'the login button');
            await assertNoSidewaysScrolling(page);
            await assertAccessible(page, 'login på en telefon');
            await page.screenshot({ path: join(tmpdir(), `helhed-logind-telefon-${mode.javaScriptEnabled ? 'js' : 'uden-js'}.png`), fullPage: true });
          });
        });

        it('keeps the plan’s tables, among them the areas with their totals, within the screen', async () => {
          await withPhone(true, async (page) => {
            for (const path of ['/omraader', '/omraader/gl-jennumparken', '/aktiviteter/brandkadet', '/aktiviteter/brandkadet/rediger', '/indikatorer/udd-1a']) {
              await page.goto(path);
              await assertNoSidewaysScrolling(page);
              await assertAccessible(page, `${path} på en telefon`);
            }
            await page.goto('/omraader');
            await assertOnScreen(page, page.getByRole('heading', { name: 'Boligområder', level: 1 }), 'the heading');
            await page.screenshot({ path: join(tmpdir(), `helhed-omraader-telefon-${mode.javaScriptEnabled ? 'js' : 'uden-js'}.png`), fullPage: true });
          });
        });

        it('keeps the monitoring dashboards’ wide tables and charts from making the page scroll sideways', async () => {
          await importMonitoringData(app);
          await withPhone(true, async (page) => {
            for (const path of MONITORING_PAGES) {
              await page.goto(path);
              await assertNoSidewaysScrolling(page);
              await assertAccessible(page, `${path} på en telefon`);
            }
          });
        });

        it('keeps wide tables, JSON and long API paths from making the page scroll sideways', async () => {
          await withPhone(true, async (page) => {
            for (const path of ['/brugere', '/revisionsspor', '/profil', '/api/docs']) {
              await page.goto(path);
              await assertNoSidewaysScrolling(page);
              await assertAccessible(page, `${path} på en telefon`);
            }
          });
        });
      });
    }
  });
});
