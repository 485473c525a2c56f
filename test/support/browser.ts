/**
 * Browser tests drive a real Chromium (through playwright-core) against Helhed listening on 127.0.0.1, and check each
 * page with axe-core. One browser per test file, one context per test, so tests share no cookies.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import type { DatabaseEngine } from '../../src/config.js';
import type { Role } from '../../src/auth/permissions.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or false when they can. Passed as node:test's `skip`, so a machine without
 * Chromium reports the tests as skipped with this reason instead of passing them silently.
 */
export function browserSkipReason(): string | false {
  return existsSync(CHROMIUM_PATH) ? false : `Chromium findes ikke på ${CHROMIUM_PATH}; sæt CHROMIUM_PATH`;
}

/**
 * A suite of browser tests; on a machine without Chromium, one test in its place reported as skipped with the reason,
 * so that the run's summary counts it as skipped rather than showing nothing.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  const reason = browserSkipReason();
  if (reason) it(name, { skip: reason }, () => {});
  else describe(name, suite);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface RunningApp extends TestApp {
  /** Where the app listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
}

/** A Helhed on a fresh database, listening on a free port on the loopback interface only. */
export async function startServer(engine: DatabaseEngine, options: TestAppOptions = {}): Promise<RunningApp> {
  const app = await startTestApp(engine, options);
  const baseUrl = await app.app.listen({ host: '127.0.0.1', port: 0 });
  const close = app.close.bind(app);
  // When a suite ends, the browser may still hold a connection mid-request (a form upload answered before its body was
  // read, a progress poll); a graceful close would wait for it for ever. The suite's tests are done, so cut them.
  const closeNow = async () => {
    app.app.server.closeAllConnections();
    await close();
  };
  return Object.assign(app, { baseUrl, close: closeNow });
}

/**
 * How many tests of a suite run side by side. Each has its own browser context and the tests do not depend on each
 * other, so most of the waiting for the browser overlaps; more than this only makes them queue for the CPU.
 */
export const TESTS_AT_ONCE = 3;

/**
 * The two ways every page must work: with DKFDS's script enhancing it, and with no script at all (a real
 * `javaScriptEnabled: false` context, so forms are plain posts and nothing is opened by script).
 */
export const SCRIPT_MODES = [
  { name: 'with JavaScript', javaScriptEnabled: true },
  { name: 'without JavaScript', javaScriptEnabled: false },
] as const;
export type ScriptMode = (typeof SCRIPT_MODES)[number];

/** Whether each context made by `newContext` runs the page's script; Playwright does not expose its options. */
const scriptEnabled = new WeakMap<BrowserContext, boolean>();

export async function newContext(
  browser: Browser,
  app: RunningApp,
  options: { javaScriptEnabled: boolean; viewport?: { width: number; height: number } },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'da-DK', ...options });
  scriptEnabled.set(context, options.javaScriptEnabled);
  return context;
}

/** Puts a session made over the API (see `sessionFor`) into the browser, so a page test needs no login form. */
export async function signInAs(context: BrowserContext, app: RunningApp, role: Role): Promise<void> {
  const session = await app.sessionFor(role);
  await context.addCookies([{ name: 'helhed_session', value: session.cookie, url: app.baseUrl }]);
}

/** Fills and submits the login form on the current page (or a fresh one) as a person would. */
export async function logInThroughForm(page: Page, email: string, password: string, options: { stay?: boolean } = {}): Promise<Response> {
  if (!options.stay) await page.goto('/logind');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  return submit(page, page.getByRole('button', { name: 'Log ind' }));
}

/**
 * Clicks a submit button and returns the answer to the page the browser ends on (after any 303), so a test can
 * check both where it landed and how the server answered.
 */
export async function submit(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  assert.ok(response, 'the form submit did not navigate');
  return response;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, which Danish public sector web sites must meet (webtilgængelighedsloven). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Only violations are reported in detail; passes and incomplete results would only slow every check down.
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `- ${v.id} (${v.impact ?? '?'}): ${v.help}\n  ${v.helpUrl}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n')}`)
    .join('\n');
}

/**
 * Asserts that the page, as the browser shows it now, has no WCAG 2.1 A/AA violations that axe can find.
 *
 * axe needs script to run (it waits on timers, which a page without JavaScript never fires). So in a context without
 * JavaScript the page's current document is copied, without its script elements, into a page on the same origin that
 * loads the same styles at the same screen size: what a visitor without JavaScript gets, in a page where axe can run.
 */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const withScript = scriptEnabled.get(page.context());
  assert.notEqual(withScript, undefined, 'make the context with newContext(), so that it is known whether it runs script');
  const violations = withScript ? await axeViolations(page) : await axeViolationsOfSnapshot(page);
  assert.equal(violations.length, 0, `axe fandt ${violations.length} problem(er) på ${label} (${page.url()}):\n${describeViolations(violations)}`);
}

/**
 * Pages in which copies of script-less pages are checked, one context per browser and reused, since a new page costs
 * far more than the check itself.
 */
const copyPages = new WeakMap<Browser, { context: Promise<BrowserContext>; idle: Page[] }>();

async function borrowCopyPage(browser: Browser): Promise<Page> {
  let pool = copyPages.get(browser);
  if (!pool) {
    pool = { context: browser.newContext({ javaScriptEnabled: true, locale: 'da-DK' }), idle: [] };
    copyPages.set(browser, pool);
  }
  return pool.idle.pop() ?? (await pool.context).newPage();
}

function returnCopyPage(browser: Browser, page: Page): void {
  copyPages.get(browser)?.idle.push(page);
}

async function axeViolationsOfSnapshot(page: Page): Promise<AxeViolation[]> {
  const browser = page.context().browser();
  assert.ok(browser, 'the page has no browser');
  // The document as the visitor's browser holds it now, less its script elements, which never ran there anyway.
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of Array.from(copy.querySelectorAll('script'))) script.remove();
    return `<!DOCTYPE html>${copy.outerHTML}`;
  });
  const origin = new URL(page.url()).origin;
  const copy = await borrowCopyPage(browser);
  try {
    await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
    // Written into a page on the app's own origin, so that the stylesheets and fonts load exactly as for the visitor.
    if (!copy.url().startsWith(`${origin}/`)) await copy.goto(`${origin}/static/helhed.css`);
    await copy.setContent(html, { waitUntil: 'load' });
    return await axeViolations(copy);
  } finally {
    returnCopyPage(browser, copy);
  }
}

/**
 * Asserts what DKFDS and WCAG 3.3.1 ask of a page showing form errors: the title starts with "Fejl: ", and the error
 * summary links to every field shown in error (at least those named), each link to an element that takes focus (the
 * input, or a group's first checkbox).
 */
export async function assertErrorSummaryLinksToFields(page: Page, fieldNames: readonly string[]): Promise<void> {
  assert.match(await page.title(), /^Fejl: /, 'the title of a page with form errors must start with "Fejl: "');
  const links = await page.locator('[data-module="error-summary"] a').evaluateAll((anchors) =>
    anchors.map((a) => {
      const id = decodeURIComponent((a as HTMLAnchorElement).hash.slice(1));
      const target = document.getElementById(id);
      return {
        text: a.textContent?.trim() ?? '',
        id,
        targetTag: target?.tagName.toLowerCase() ?? null,
        targetName: target?.getAttribute('name') ?? null,
      };
    }),
  );
  const shownInError = await page
    .locator('.form-group.form-error')
    .evaluateAll((groups) => groups.map((g) => g.querySelector('input, select, textarea')?.getAttribute('name') ?? '(uden felt)'));
  for (const name of new Set([...fieldNames, ...shownInError])) {
    const link = links.find((l) => l.targetName === name);
    assert.ok(link, `the error summary has no link to the field «${name}»; it links to ${JSON.stringify(links)}`);
    assert.ok(link.text.length > 0, `the link to «${name}» has no text`);
    assert.ok(['input', 'select', 'textarea'].includes(link.targetTag ?? ''), `the link to «${name}» must lead to a form control, not ${link.targetTag}`);
  }
  for (const link of links) assert.ok(link.targetTag, `the error summary links to #${link.id}, which is not on the page`);
}
