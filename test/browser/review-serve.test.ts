/**
 * `reconcile review --store FILE --serve` in a real browser (Debian's chromium through
 * playwright-core): on a store of fixture reports (one of them hostile), a reviewer rejects a
 * claim with the keyboard, merges two incidents and splits one; the store's decisions table,
 * and then `export`, hold exactly those decisions. A request without the token is refused,
 * and hostile report text runs no script. Saves a screenshot of the page (test-results/).
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { ROOT, runInProcess, startBuilt } from '../support/cli.js';
import { SKIP_BROWSER, SKIP_MESSAGE, browser, closeBrowser } from './support.js';

if (SKIP_BROWSER) console.warn(SKIP_MESSAGE);

const RESULTS = join(ROOT, 'test-results');
const INPUTS = ['corpus-dev', 'hostile-html'].map((d) => join(ROOT, 'fixtures', d));
const REVIEWER = 'browser-test';

type Served = { readonly child: ChildProcess; readonly url: string; readonly port: number; readonly token: string; stderr: string };

/** Start the server and wait for the address it prints. */
const serve = (store: string): Promise<Served> => new Promise((resolve, reject) => {
  const child = startBuilt(['review', '--store', store, '--serve']);
  let out = '';
  const served: { stderr: string } = { stderr: '' };
  child.stderr!.on('data', (b: Buffer) => { served.stderr += b.toString(); });
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    const m = /review page: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+))\n/.exec(out);
    if (m) resolve(Object.assign(served, { child, url: m[1]!, port: Number(m[2]), token: m[3]! }));
  });
  child.once('exit', (code) => reject(new Error(`the server exited (${code}) before printing its address: ${served.stderr}`)));
});

/** A raw request (any Host header), its status. */
const status = (port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(opts.body);
  });

const storedDecisions = async (store: string): Promise<{ decision_id: string; kind: string; who: string; after: string }[]> => {
  const i = await DuckDBInstance.create(store);
  const c = await i.connect();
  try {
    return (await c.runAndReadAll('SELECT decision_id, kind, who, after FROM decisions ORDER BY seq')).getRowObjectsJS() as { decision_id: string; kind: string; who: string; after: string }[];
  } finally { c.closeSync(); i.closeSync(); }
};

/** The page after a decision: reloaded, with one more decision listed. */
const decided = async (page: Page, n: number): Promise<void> => {
  await expect.poll(() => page.locator('#decisions li[data-status="applied"]').count(), { timeout: 30_000 }).toBe(n);
  await page.waitForLoadState('load');
};

const incidentHolding = (page: Page, reports: readonly string[]) => page.$$eval('.review-incident', (divs, want) => divs
  .filter((d) => want.every((r) => d.querySelector(`ul.reports [data-report="${CSS.escape(r)}"]`)))
  .map((d) => ({ id: d.querySelector('article.incident')!.id, reports: [...d.querySelectorAll('ul.reports [data-report]')].map((e) => e.getAttribute('data-report')!) })), reports);

describe.skipIf(SKIP_BROWSER)(SKIP_BROWSER ? SKIP_MESSAGE : 'review --serve in chromium', () => {
  let dir: string;
  let store: string;
  let served: Served;
  let context: BrowserContext;
  const log = { errors: [] as string[], console: [] as string[], requests: [] as string[] };
  const posted: Record<string, unknown>[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconcile-serve-'));
    store = join(dir, 'store.duckdb');
    const added = await runInProcess(['add', ...INPUTS, '--store', store, '-q']);
    expect(added.code, added.stderr).toBeLessThan(2);
    served = await serve(store);
    context = await (await browser()).newContext({ viewport: { width: 1200, height: 900 } });
    context.on('request', (r) => { log.requests.push(r.url()); });
    context.on('page', (p) => {
      p.on('pageerror', (e) => { log.errors.push(e.message); });
      p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.console.push(m.text()); });
    });
    context.on('request', (r) => { if (r.method() === 'POST') posted.push(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>); });
    mkdirSync(RESULTS, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    await closeBrowser();
    if (served && served.child.exitCode === null) served.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every request without the token, or naming another host', async () => {
    const host = { Host: `127.0.0.1:${served.port}` };
    expect(await status(served.port, '/', { headers: host })).toBe(403);
    expect(await status(served.port, '/?token=wrong', { headers: host })).toBe(403);
    expect(await status(served.port, `/?token=${served.token.slice(0, -1)}${served.token.endsWith('0') ? '1' : '0'}`, { headers: host })).toBe(403);
    expect(await status(served.port, '/decisions', { method: 'POST', headers: { ...host, 'Content-Type': 'application/json' }, body: '{}' })).toBe(403);
    expect(await status(served.port, `/?token=${served.token}`, { headers: { Host: `evil.example:${served.port}` } })).toBe(403);
    expect(await status(served.port, `/?token=${served.token}`, { headers: host })).toBe(200);
    expect(await status(served.port, '/', { headers: { ...host, 'X-Reconcile-Token': served.token } })).toBe(200);
  });

  it('shows hostile report text as text: no script runs, nothing is fetched from elsewhere', async () => {
    const page = await context.newPage();
    await page.goto(served.url, { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({
      scripts: document.scripts.length, images: document.images.length, iframes: document.querySelectorAll('iframe, object, embed').length,
      svgScripts: document.querySelectorAll('svg script, svg [onload]').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }))).toEqual({ scripts: 1, images: 0, iframes: 0, svgScripts: 0, handlers: 0 });
    const text = await page.locator('main').innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(log.requests.every((u) => u.startsWith(`http://127.0.0.1:${served.port}/`))).toBe(true);
    expect(log.errors).toEqual([]);
    expect(log.console.filter((m) => /Content.Security.Policy|Refused/i.test(m))).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 1300 });
    await page.screenshot({ path: join(RESULTS, 'review-page.png') });
    await page.locator('.queue-item.target-claim').first().evaluate((e) => { e.scrollIntoView({ block: 'start' }); });
    await page.screenshot({ path: join(RESULTS, 'review-claims.png') });
    await page.close();
  });

  it('rejects a claim with the keyboard alone, merges two incidents and splits one; the store and export hold exactly those', async () => {
    const page = await context.newPage();
    await page.goto(served.url, { waitUntil: 'load' });
    await page.fill('#who', REVIEWER);
    // Reject: from the first item, j until a claim item, r, why, Enter.
    const claimRank = Number(await page.locator('.queue-item.target-claim').first().getAttribute('data-rank'));
    await page.locator('.queue-item').first().focus();
    for (let k = 1; k < claimRank; k++) await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-rank'))).toBe(String(claimRank));
    // focus is visible, and o / m reach the item's incident and its merge form
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('o');
    const incidentId = await page.evaluate(() => document.activeElement?.closest('article.incident')?.id);
    expect(incidentId).toBe(await page.locator(`.queue-item[data-rank="${claimRank}"]`).getAttribute('data-incident'));
    await page.keyboard.press('m');
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.classList.contains('merge'))).toBe(true);
    await page.locator(`.queue-item[data-rank="${claimRank}"]`).focus();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('why');
    await page.keyboard.type('a toll for the whole week, not this strike');
    await page.keyboard.press('Enter');
    await decided(page, 1);
    expect(await page.evaluate(() => document.activeElement?.closest('.queue-item')?.getAttribute('data-rank'))).toBe(String(claimRank));

    // Merge: the two incidents of one report, each one event of it.
    const pair = await incidentHolding(page, ['dev-ayyash-2022-sohr-ar']);
    expect(pair).toHaveLength(2);
    const merge = page.locator(`.review-incident:has(article[id="${pair[0]!.id}"]) form.merge`);
    const value = await merge.locator(`option[data-incident="${pair[1]!.id}"]`).getAttribute('value');
    await merge.locator('select').selectOption(value!);
    await merge.locator('input[name="why"]').fill('one raid, told twice');
    await merge.locator('button[type="submit"]').click();
    await decided(page, 2);
    expect(await incidentHolding(page, ['dev-ayyash-2022-sohr-ar'])).toHaveLength(1);

    // Split: two reports of one incident are about different strikes.
    const [three] = await incidentHolding(page, ['dev-baghuz-baladi-ar', 'dev-baghuz-syriatimes-en']);
    expect(three).toBeDefined();
    const split = page.locator(`.review-incident:has(article[id="${three!.id}"]) form.split`);
    await split.locator('input[data-report="dev-baghuz-baladi-ar"]').check();
    await split.locator('input[data-report="dev-baghuz-syriatimes-en"]').check();
    await split.locator('input[name="why"]').fill('two strikes, a week apart');
    await split.locator('button[type="submit"]').click();
    await decided(page, 3);
    expect(await incidentHolding(page, ['dev-baghuz-baladi-ar', 'dev-baghuz-syriatimes-en'])).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(log.errors).toEqual([]);
    await page.close();

    // The store's decisions table: exactly the three posted, by this reviewer.
    expect(posted.map((d) => d.kind)).toEqual(['reject-claim', 'same-incident', 'different-incidents']);
    const rows = await storedDecisions(store);
    expect(rows.map((r) => [r.kind, r.who])).toEqual(posted.map((d) => [d.kind, REVIEWER]));
    rows.forEach((r, k) => {
      const { id: _i, when: _w, ...after } = JSON.parse(r.after) as Record<string, unknown>;
      expect(after).toEqual(posted[k]);
    });

    // Ctrl-C stops it cleanly.
    const exited = new Promise<number | null>((resolve) => served.child.once('exit', (code) => resolve(code)));
    served.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(served.stderr).toContain('review page: stopped');

    // export: those three decisions, applied, and nothing else.
    const exported = await runInProcess(['export', '--store', store, '-q']);
    const out = JSON.parse(exported.stdout) as Output;
    expect(out.decisions!.map((d) => [d.id, d.kind, d.status, d.who])).toEqual(rows.map((r) => [r.decision_id, r.kind, 'applied', REVIEWER]));
    const rejected = posted[0]!.claim as { report: string; quote: string };
    expect(out.incidents.flatMap((i) => i.rejectedClaims ?? []).map((c) => [c.reportId, c.quote])).toEqual([[rejected.report, rejected.quote]]);
    expect(out.incidents.filter((i) => i.reportIds.includes('dev-ayyash-2022-sohr-ar'))).toHaveLength(1);
    expect(out.incidents.filter((i) => i.reportIds.includes('dev-baghuz-baladi-ar') && i.reportIds.includes('dev-baghuz-syriatimes-en'))).toEqual([]);
  }, 120_000);
});
