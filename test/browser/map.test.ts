/**
 * The HTML report's map in chromium: one point per located incident, where the GeoJSON of the
 * same run puts it (inside Syria's outline on screen), each opening its incident; nothing is
 * fetched and the CSP is not broken by the SVG.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { geojsonOf } from '../../src/render/geojson.js';
import { ROOT, runInProcess } from '../support/cli.js';
import { SKIP_BROWSER, SKIP_MESSAGE, closeBrowser, withReport } from './support.js';

if (SKIP_BROWSER) console.warn(SKIP_MESSAGE);

const INPUTS = ['seeds', 'corpus-dev'].map((d) => join(ROOT, 'fixtures', d));

describe.skipIf(SKIP_BROWSER)(SKIP_BROWSER ? SKIP_MESSAGE : 'the HTML map in chromium', () => {
  let html = '';
  let geo: ReturnType<typeof geojsonOf>;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconcile-map-'));
    const [h, g] = await Promise.all([
      runInProcess(['run', ...INPUTS, '--format', 'html', '--out', join(dir, 'r.html'), '--quiet']),
      runInProcess(['run', ...INPUTS, '--format', 'geojson', '--out', join(dir, 'r.geojson'), '--quiet']),
    ]);
    expect(h.code).toBe(g.code);
    html = readFileSync(join(dir, 'r.html'), 'utf8');
    geo = JSON.parse(readFileSync(join(dir, 'r.geojson'), 'utf8')) as ReturnType<typeof geojsonOf>;
  }, 60_000);
  afterAll(async () => {
    await closeBrowser();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every located incident as a point inside Syria, at its coordinates, and opens the incident', async () => {
    const located = geo.features.filter((f) => f.geometry !== null);
    expect(located.length).toBeGreaterThan(5);
    await withReport(html, async (page, log) => {
      await page.locator('#map').scrollIntoViewIfNeeded();
      const points = await page.$$eval('#map a.map-point', (as) => as.map((a) => {
        const r = a.querySelector('circle')!.getBoundingClientRect();
        return { id: a.getAttribute('data-incident'), lat: Number(a.getAttribute('data-lat')), lon: Number(a.getAttribute('data-lon')), x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width };
      }));
      expect(points.map((p) => p.id)).toEqual(located.map((f) => f.id));
      expect(points.map((p) => [p.lon, p.lat])).toEqual(located.map((f) => f.geometry!.coordinates));
      expect(points.every((p) => p.w > 0)).toBe(true);
      // drawn inside the country's outline, as the browser hit-tests it
      const inside = await page.$$eval('#map a.map-point', (as) => {
        const svg = document.querySelector('#map svg') as SVGSVGElement;
        const outline = svg.querySelector('polygon.country') as SVGPolygonElement;
        return as.map((a) => {
          const c = a.querySelector('circle') as SVGCircleElement;
          const p = svg.createSVGPoint();
          p.x = c.cx.baseVal.value; p.y = c.cy.baseVal.value;
          return outline.isPointInFill(p);
        });
      });
      expect(inside.filter((x) => !x)).toHaveLength(0);
      // east is right, north is up
      const [east, west] = [...points].sort((a, b) => b.lon - a.lon);
      expect(east!.x).toBeGreaterThan(points.reduce((m, p) => Math.min(m, p.x), Infinity) - 1);
      if (west && east!.lon - west.lon > 0.5) expect(east!.x).toBeGreaterThan(west.x);
      // a click on a point opens the incident drawn on top there (points of one place overlap)
      const first = points[0]!;
      const top = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('data-incident') ?? null, [first.x, first.y]);
      expect(points.map((p) => p.id)).toContain(top);
      await page.mouse.click(first.x, first.y);
      await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(top);
      // the page shows the incident on hashchange: wait for it, however busy the machine
      await expect.poll(() => page.isVisible(`article[id="${top}"]`)).toBe(true);
      expect(log.errors).toEqual([]);
      expect(log.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      expect(log.console.filter((m) => /Content Security Policy|Refused/.test(m))).toEqual([]);
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.locator('#map').screenshot({ path: join(ROOT, 'test-results', 'map.png') });
    });
  }, 60_000);
});
