/**
 * The HTML report of the whole hostile fixture set in chromium (the browser test's helper,
 * test/browser/support.ts): with every incident opened, no script from a report ran, no
 * handler or javascript: link exists, and the page asked for nothing but itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_BROWSER, SKIP_MESSAGE, closeBrowser, withReport } from '../browser/support.js';
import { buildRaw, buildStructured } from './fixtures.js';
import { runBinary, STACK_LINE } from './support.js';

let root: string;
let html = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reconcile-hostile-html-'));
  buildRaw(join(root, 'raw'));
  buildStructured(join(root, 'structured'));
  if (SKIP_BROWSER) return;
  // written beside the inputs, not among them: a page in an input folder is an input (src/cli/out-path.ts)
  const report = `${root}-report.html`;
  const r = runBinary(['run', root, '--format', 'html', '--out', report, '--quiet']);
  expect([r.code, r.stderr]).toEqual([1, expect.not.stringMatching(STACK_LINE)]);
  html = readFileSync(report, 'utf8');
  rmSync(report, { force: true });
}, 120_000);
afterAll(async () => {
  await closeBrowser();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(SKIP_BROWSER)(SKIP_BROWSER ? SKIP_MESSAGE : 'the hostile fixtures as an HTML report', () => {
  it('no script ran with every incident open, and the markup shows as text', async () => {
    expect(html).toContain('__pwned');
    await withReport(html, async (page, log) => {
      const ids = await page.$$eval('#incident-index tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) await page.click(`tr[data-id="${id}"] a.open`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => ({
        reportScripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__pwned')).length,
        images: document.images.length,
        frames: document.querySelectorAll('iframe, object, embed, svg [onload]').length,
        jsLinks: document.querySelectorAll('[href^="javascript"], [src^="javascript"]').length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      }))).toEqual({ reportScripts: 0, images: 0, frames: 0, jsLinks: 0, handlers: 0 });
      const text = await page.locator('body').innerText();
      expect(text).toContain('onerror="window.__pwned=1"');
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000\u001b]/);
      expect(log.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(log.errors).toEqual([]);
    });
  }, 60_000);
});
