/**
 * Browser tests with playwright-core and Debian's chromium (never a downloaded browser):
 * `withReport(html, fn)` opens a page in a fresh headless browser and hands `fn` the page and
 * what it saw (requests, page errors, CSP violations). Reusable by other browser tests.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const IN_CI = process.env.CI === 'true';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Skip only outside CI and only when the browser is missing; in CI a missing browser fails. */
export const SKIP_BROWSER = !HAS_CHROMIUM && !IN_CI;
export const SKIP_MESSAGE = `browser tests skipped: no chromium at ${CHROMIUM} (install it with 'apt-get install -y chromium', or set CHROMIUM_PATH)`;

/** Flags that work on these machines (../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** What a page did besides rendering: every request, uncaught errors, console errors. */
export type PageLog = { readonly requests: string[]; readonly errors: string[]; readonly console: string[] };

let shared: Promise<Browser> | null = null;
/** One browser per test file (playwright gives it a fresh temporary profile); close it in afterAll. */
export const browser = (): Promise<Browser> => {
  shared ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 20_000 });
  return shared;
};
export const closeBrowser = async (): Promise<void> => {
  if (shared) await (await shared).close();
  shared = null;
};

/** Write `html` to a temporary file, open it (file://, as a user would), run `fn`, clean up. */
export const withReport = async <T>(html: string, fn: (page: Page, log: PageLog) => Promise<T>,
  viewport = { width: 1200, height: 900 }): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-browser-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const context = await (await browser()).newContext({ viewport, javaScriptEnabled: true });
  const page = await context.newPage();
  const log: PageLog = { requests: [], errors: [], console: [] };
  page.on('request', (r) => { log.requests.push(r.url()); });
  page.on('pageerror', (e) => { log.errors.push(e.message); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.console.push(m.text()); });
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return await fn(page, log);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
