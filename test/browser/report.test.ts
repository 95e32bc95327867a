/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): the index
 * lists, sorts and filters every incident, an incident opens with chart marks that match the
 * JSON of the same run, hostile report text stays inert, and the page prints without controls.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, Output } from '../../src/model/contract.js';
import { ROOT } from '../acceptance/support.js';
import { runInProcess } from '../support/cli.js';
import { SKIP_BROWSER, SKIP_MESSAGE, closeBrowser, withReport } from './support.js';

if (SKIP_BROWSER) console.warn(SKIP_MESSAGE);

const RESULTS = join(ROOT, 'test-results');
const INPUTS = ['seeds', 'corpus-dev', 'hostile-html'].map((d) => join(ROOT, 'fixtures', d));

const cli = runInProcess;

/** What the index should say about spread, computed from the JSON on its own terms. */
const spreadOf = (inc: Incident): number => Math.max(0, ...inc.tolls.filter((t) => !t.derived).map((t) =>
  (t.max ?? Math.max(t.min, ...t.claims.map((c) => c.value ?? t.min))) - t.min));
const governorates = (inc: Incident): string[] => inc.places.flatMap((p) => (p.governorate ? [p.governorate] : []));

const visibleIds = (page: Page): Promise<string[]> =>
  page.$$eval('#incident-index tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-id') ?? ''));
const column = (page: Page, key: string): Promise<string[]> =>
  page.$$eval('#incident-index tbody tr', (rows, k) => rows.map((r) => r.getAttribute(`data-${k}`) ?? ''), key);

describe.skipIf(SKIP_BROWSER)(SKIP_BROWSER ? SKIP_MESSAGE : 'the HTML report in chromium', () => {
  let html = '';
  let out: Output;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconcile-report-'));
    const [h, j] = await Promise.all([
      cli(['run', ...INPUTS, '--format', 'html', '--out', join(dir, 'report.html'), '--quiet']),
      cli(['run', ...INPUTS, '--format', 'json', '--out', join(dir, 'report.json'), '--quiet']),
    ]);
    expect([h.code, j.code], h.stderr + j.stderr).toEqual([j.code, h.code]);
    html = readFileSync(join(dir, 'report.html'), 'utf8');
    out = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Output;
    mkdirSync(RESULTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await closeBrowser();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every incident in the index, sorts it and filters it', async () => {
    await withReport(html, async (page, log) => {
      expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
      expect(await visibleIds(page)).toEqual(out.incidents.map((i) => i.id));
      await expect.poll(() => page.textContent('#index-count')).toBe(`Showing ${out.incidents.length} of ${out.incidents.length} incident(s).`);
      const byId = new Map(out.incidents.map((i) => [i.id, i]));
      const ids = await column(page, 'id');
      expect(await column(page, 'spread')).toEqual(ids.map((id) => String(spreadOf(byId.get(id)!))));

      await page.click('button[data-sort-key="spread"]');
      const spreads = (await column(page, 'spread')).map(Number);
      expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
      expect(spreads[0]).toBeGreaterThan(0);
      await page.click('button[data-sort-key="spread"]');
      expect((await column(page, 'spread')).map(Number)).toEqual([...spreads].sort((a, b) => a - b));
      await page.click('button[data-sort-key="date"]');
      const dates = (await column(page, 'date')).filter(Boolean);
      expect(dates).toEqual([...dates].sort());

      await page.selectOption('#f-governorate', 'deir-ez-zor');
      expect(new Set(await visibleIds(page))).toEqual(new Set(out.incidents.filter((i) => governorates(i).includes('deir-ez-zor')).map((i) => i.id)));
      await page.selectOption('#f-governorate', '');
      await page.check('#f-contested');
      const contested = out.incidents.filter((i) => i.attributions.some((a) => a.status === 'contested')).map((i) => i.id);
      expect(contested.length).toBeGreaterThan(0);
      expect(new Set(await visibleIds(page))).toEqual(new Set(contested));
      await page.uncheck('#f-contested');
      await page.fill('#f-from', '2018-01-01');
      await page.fill('#f-to', '2018-12-31');
      expect(new Set(await visibleIds(page))).toEqual(new Set(out.incidents
        .filter((i) => i.date && i.date.end >= '2018-01-01' && i.date.start <= '2018-12-31').map((i) => i.id)));
      await page.click('#f-reset');
      await expect.poll(() => visibleIds(page)).toHaveLength(out.incidents.length);
      expect(log.errors).toEqual([]);
    });
  });

  it('opens an incident whose chart marks match the JSON figures, and saves a screenshot', async () => {
    const richest = [...out.incidents].sort((a, b) =>
      b.tolls.reduce((n, t) => n + t.claims.length, 0) - a.tolls.reduce((n, t) => n + t.claims.length, 0))[0]!;
    await withReport(html, async (page) => {
      await page.click(`tr[data-id="${richest.id}"] a.open`);
      const article = page.locator(`article.incident[id="${richest.id}"]`);
      await expect.poll(() => article.isVisible()).toBe(true);
      expect(await page.locator('article.incident:visible').count()).toBe(1);

      // Every incident's marks (read from the DOM, open or not) against the JSON of the same run.
      for (const inc of out.incidents) {
        const figures = await page.$$eval(`article.incident[id="${inc.id}"] figure.toll`, (fs) => fs.map((f) => ({
          category: f.getAttribute('data-category'),
          band: [f.querySelector('.band')?.getAttribute('data-min'), f.querySelector('.band')?.getAttribute('data-max')],
          best: f.querySelector('.best')?.getAttribute('data-value') ?? null,
          marks: [...f.querySelectorAll('.mark')].map((m) => ({
            source: m.getAttribute('data-source'), via: m.getAttribute('data-via'), value: Number(m.getAttribute('data-value')),
            report: m.getAttribute('data-report'), derived: m.getAttribute('data-derived') === 'true',
            x: Number(m.querySelector('circle.dot')?.getAttribute('cx')),
          })),
        })));
        expect(figures.map((f) => f.category)).toEqual(inc.tolls.map((t) => `${t.outcome}/${t.group}/${t.affiliation ?? ''}`));
        inc.tolls.forEach((t, k) => {
          const f = figures[k]!;
          expect(f.band).toEqual([String(t.min), t.max === null ? '' : String(t.max)]);
          expect(f.best).toBe(t.best === null ? null : String(t.best));
          const stated = t.claims.filter((c) => c.value !== null)
            .map((c) => ({ source: c.source, via: c.via ?? '', value: c.value, report: c.reportId, derived: false }));
          const expected = t.derived ? [...new Set([t.min, t.max ?? t.min])].map((v) => ({ source: 'derived', via: '', value: v, report: '', derived: true })) : stated;
          expect(f.marks.map(({ x: _, ...m }) => m)).toEqual(expected);
          // Marks sit on one axis: a larger figure is further right.
          const sorted = [...f.marks].sort((a, b) => a.value - b.value);
          sorted.slice(1).forEach((m, i) => expect(m.x).toBeGreaterThanOrEqual(sorted[i]!.x));
        });
      }
      const rtl = await article.locator('bdi.quote[lang="ar"]').first().evaluate((el) => getComputedStyle(el).direction);
      expect(rtl).toBe('rtl');
      await page.screenshot({ path: join(RESULTS, 'report.png'), fullPage: true });
    });
  });

  it('renders hostile report text inert: no script runs, the markup shows as text', async () => {
    const hostile = out.incidents.find((i) => i.reportIds.some((r) => r.startsWith('hostile-')));
    expect(hostile).toBeDefined();
    await withReport(html, async (page, log) => {
      await page.click(`tr[data-id="${hostile!.id}"] a.open`);
      const article = page.locator(`article.incident[id="${hostile!.id}"]`);
      await expect.poll(() => article.isVisible()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => ({
        scripts: document.scripts.length, images: document.images.length, iframes: document.querySelectorAll('iframe, object, embed').length,
        jsLinks: document.querySelectorAll('a[href^="javascript"], [href*="javascript:"]').length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      }))).toEqual({ scripts: 1, images: 0, iframes: 0, jsLinks: 0, handlers: 0 });
      const text = await article.innerText();
      expect(text).toContain('<script>window.__pwned=1</script>');
      expect(text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(text).toContain('<a href="javascript:window.__pwned=1">');
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u001b]/);
      expect(await article.getByText('<script>window.__pwned=1</script>', { exact: false }).filter({ visible: true }).first().isVisible()).toBe(true);
      expect(log.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(log.requests).toHaveLength(1);
      expect(log.errors).toEqual([]);
      expect(log.console.filter((m) => /Content.Security.Policy|Refused/i.test(m))).toEqual([]);
      await article.screenshot({ path: join(RESULTS, 'hostile.png') });
    });
  });

  it('"copy decision" puts a claim\'s decision on the clipboard, or shows it selected when the clipboard is refused', async () => {
    const inc = out.incidents.find((i) => i.tolls.some((t) => t.claims.length > 0))!;
    await withReport(html, async (page, log) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.click(`tr[data-id="${inc.id}"] a.open`);
      const menu = page.locator(`article.incident[id="${inc.id}"] td.decide details.copy-decision`).first();
      await menu.locator('summary').click();
      const area = menu.locator('textarea[data-decision-kind="reject-claim"]');
      expect(await area.isVisible()).toBe(false);
      await menu.locator('button[data-kind="reject-claim"]').click();
      await expect.poll(() => menu.locator('.copy-status').textContent()).toContain('Copied');
      const pasted = await page.evaluate(() => navigator.clipboard.readText());
      expect(pasted).toBe(await area.inputValue());
      expect(pasted).toMatch(/^- id: reject-\S+/);
      expect(pasted).toContain('kind: reject-claim');
      expect(pasted).toContain(`quote: ${JSON.stringify(inc.tolls.find((t) => t.claims.length)!.claims[0]!.quote)}`);

      // No clipboard (refused, or an old browser): the snippet shows, selected, for the reader to copy.
      await page.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }); });
      const incMenu = page.locator(`article.incident[id="${inc.id}"] header details.copy-decision`);
      await incMenu.locator('summary').click();
      await incMenu.locator('button[data-kind="set-grade"]').click();
      const gradeArea = incMenu.locator('textarea[data-decision-kind="set-grade"]');
      await expect.poll(() => gradeArea.isVisible()).toBe(true);
      const selected = await page.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement | null;
        return el && el.tagName === 'TEXTAREA' ? el.value.slice(el.selectionStart, el.selectionEnd) : null;
      });
      expect(selected).toBe(await gradeArea.inputValue());
      expect(selected).toContain('kind: set-grade');
      expect(await incMenu.locator('.copy-status').textContent()).toMatch(/Copy the selected decision/);
      expect(log.errors).toEqual([]);
    });
  });

  it('prints every incident the index shows, without the controls', async () => {
    await withReport(html, async (page) => {
      await page.check('#f-contested');
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => { window.dispatchEvent(new Event('beforeprint')); });
      expect(await page.locator('#filters').isVisible()).toBe(false);
      const shown = await page.$$eval('article.incident', (as) => as.filter((a) => !(a as HTMLElement).hidden).map((a) => a.id));
      expect(new Set(shown)).toEqual(new Set(out.incidents.filter((i) => i.attributions.some((a) => a.status === 'contested')).map((i) => i.id)));
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
