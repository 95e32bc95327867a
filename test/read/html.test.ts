import { fc, test as propTest } from '@fast-check/vitest';
import { CAPTION_MARK } from '../../src/text/marks.js';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { decodeText } from '../../src/read/decode.js';
import { furnitureByName, readHtmlPage } from '../../src/read/html.js';
import { readInputs } from '../../src/read/index.js';
import { maskPage } from '../../src/read/markup.js';
import { ROOT, runInProcess } from '../support/cli.js';
import { asEntities, asPage } from './pages.js';

const visible = (s: string): string => s.replaceAll('\u200b', '');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('an HTML page read as a reader sees it', () => {
  const page = `<!doctype html><html lang="en"><head><title>A &amp; B</title><meta property="article:published_time" content="2019-05-02T08:00:00+03:00">
<style>p { color: red } /* 9 killed */</style><script>var s = "<p>14 killed</p>"; if (a < b) {}</script></head>
<body><nav><a href="/">Home</a> | 6 dead in Idlib</nav><div role="navigation">Syria &raquo; 8 killed</div>
<article><h1>Strike on a bakery</h1><p>Eleven people were killed&nbsp;in a &ldquo;double&rdquo; strike, caf&eacute; owners said &#8212; and &#x2018;more&#x2019;.</p>
<figure><img src="x.jpg" alt="5 killed"><figcaption>Rescuers at the site (AFP)</figcaption></figure><p>Second <b>para</b>graph.</p></article>
<aside>Read also: 30 killed elsewhere</aside><footer>&copy; 2019, 2 comments</footer><form><button>Share 4</button></form></body></html>`;
  const read = readHtmlPage(page);

  it('keeps the length of the page, offset for offset', () => {
    expect(read.article).toHaveLength(page.length);
    const at = page.indexOf('Eleven');
    expect(read.article.slice(at, at + 6)).toBe('Eleven');
  });

  it('drops navigation, scripts, styles, asides, footers, forms and the head', () => {
    const text = visible(read.article);
    for (const gone of ['Home', '6 dead', '8 killed', '14 killed', '9 killed', '30 killed', '2 comments', 'Share 4', '5 killed', 'A & B']) {
      expect(text).not.toContain(gone);
    }
    expect(read.dropped).toBeGreaterThanOrEqual(6);
  });

  it('reads every entity as its character, named (the whole HTML table), decimal and hexadecimal', () => {
    const text = visible(read.article);
    expect(text).toContain('killed\u00a0in a “double” strike, café owners said — and ‘more’.');
  });

  it('joins the words an inline tag splits, and puts block elements on lines of their own', () => {
    const lines = visible(read.article).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toContain('Strike on a bakery');
    expect(lines).toContain('Second paragraph.');
  });

  it('labels a caption so the furniture rules read it as one', () => {
    expect(visible(read.article)).toContain(`\n${CAPTION_MARK} Rescuers at the site (AFP)`);
    expect(read.captions).toBe(1);
  });

  it("takes the page's language, date and title from its head", () => {
    expect(read.meta).toMatchObject({ language: 'en', publishedAt: '2019-05-02', title: 'A & B' });
  });

  propTest.prop([fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 6 })])('any text set in a page reads back as itself, at its own offsets', (paragraphs) => {
    const html = `<html><body><nav>menu</nav><article>${paragraphs.map((p) => `<p>${asEntities(p)}</p>`).join('\n')}</article></body></html>`;
    const article = readHtmlPage(html).article;
    expect(article).toHaveLength(html.length);
    for (const p of paragraphs) expect(visible(article)).toContain(p.replaceAll('\u200b', ''));
  });
});

const tmp = (): string => mkdtempSync(join(tmpdir(), 'reconcile-pages-'));

/** The seeds as pages (test/read/pages.ts), with their manifest renamed. */
const seedsAsPages = (): string => {
  const seeds = join(ROOT, 'fixtures', 'seeds');
  const dir = tmp();
  const manifest = JSON.parse(readFileSync(join(seeds, 'reports.json'), 'utf8')) as Record<string, { language?: string }>;
  const pages: Record<string, unknown> = {};
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
    const name = f.replace(/\.txt$/, '.html');
    writeFileSync(join(dir, name), asPage(readFileSync(join(seeds, f), 'utf8'), { language: manifest[f]?.language === 'en' ? 'en' : 'ar' }));
    pages[name] = manifest[f];
  }
  writeFileSync(join(dir, 'reports.json'), JSON.stringify(pages));
  // a scraped folder also holds what is not a report: it is named, counted, and no problem
  writeFileSync(join(dir, 'style.css'), 'p { color: red }');
  return dir;
};

/** The reconciled output without what depends on where in a file a quote is. */
const located = (o: Output): unknown => JSON.parse(JSON.stringify({ incidents: o.incidents, aggregates: o.aggregates },
  (k, v: unknown) => (k === 'quote' || k === 'span' ? undefined : v)));

describe('a folder of HTML pages reconciles like the same reports as text', () => {
  it('gives the same incidents, figures, stances and totals, with every quote an exact slice of its page', async () => {
    const dir = seedsAsPages();
    const text = await runInProcess(['run', join(ROOT, 'fixtures', 'seeds'), '--format', 'json', '--quiet']);
    const html = await runInProcess(['run', dir, '--format', 'json']);
    expect(html.code).toBe(0);
    const [a, b] = [JSON.parse(text.stdout) as Output, JSON.parse(html.stdout) as Output];
    expect(b.incidents.length).toBeGreaterThan(5);
    expect(located(b)).toEqual(located(a));
    expect(b.reports).toEqual(a.reports);
    // the scorer's check: each quote is the page's text (as read) at its span
    const manifest = JSON.parse(readFileSync(join(dir, 'reports.json'), 'utf8')) as Record<string, { id: string }>;
    const file = new Map(Object.entries(manifest).map(([name, m]) => [m.id, readFileSync(join(dir, name), 'utf8')]));
    const quotes = b.incidents.flatMap((i) => [...i.tolls.flatMap((t) => t.claims), ...i.attributions.flatMap((x) => x.stances)]);
    expect(quotes.length).toBeGreaterThan(30);
    expect(quotes.filter((q) => file.get(q.reportId)!.slice(q.span[0], q.span[1]) !== q.quote)).toEqual([]);
    // nothing of the furniture became a claim
    expect(quotes.map((q) => q.quote).join(' ')).not.toMatch(/\b(40|120|75|88|99|33|77|12)\b.*(killed|قتيلا|dead)/);
    expect(b.accounting).toMatchObject({ reportsRead: 5, reportsSkipped: 1, reportsSkippedBy: { 'not-a-report': 1 } });
    expect(html.stderr).toMatch(/warning not-a-report at .*style\.css/);
    expect(html.stderr).toMatch(/reports: 5 read, 1 skipped \(1 not-a-report\)/);
  });
});

describe('Arabic pages in Windows-1256 and ISO-8859-6', () => {
  const arabic = 'غارة جوية على بلدة في ريف إدلب\n\nقتل 14 مدنيا بينهم أربعة أطفال في غارة جوية على بلدة خان شيخون في ريف إدلب الجنوبي يوم الثلاثاء، بحسب ما أفاد المرصد السوري لحقوق الإنسان.';

  it.each([
    ['windows-1256', true], ['windows-1256', false], ['iso-8859-6', true], ['iso-8859-6', false],
  ] as const)('a page in %s (declared: %s) reads right, with a notice', (encoding, declared) => {
    const page = asPage(arabic, { language: 'ar', ...(declared ? { charset: encoding } : { charset: '' }) }).replace('<meta charset="">', '');
    const raw = iconv.encode(page, encoding);
    const d = decodeText(raw);
    expect(d.encoding).toBe(encoding);
    expect(d.legacy).toBe(declared ? 'declared' : 'detected');
    // ISO-8859-6 has no © (the page's footer): it was written as "?", and is read as such
    const written = encoding === 'iso-8859-6' ? page.replaceAll('©', '?') : page;
    expect(d.text).toBe(written);
    const r = readInputs()([{ path: 'p/a.html', bytes: raw }]);
    expect(r.reports[0]!.text).toBe(written);
    expect(r.reports[0]!.language).toBe('ar');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'legacy-encoding', location: 'p/a.html' })]);
    expect(visible(maskPage(page))).toContain('قتل 14 مدنيا');
  });

  it('reads the figures of a Windows-1256 page as those of the same page in UTF-8', async () => {
    const dir = tmp();
    const page = asPage(arabic, { language: 'ar', charset: 'windows-1256' });
    writeFileSync(join(dir, 'legacy.html'), iconv.encode(page, 'windows-1256'));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ 'legacy.html': { id: 'legacy', publishedAt: '2019-05-07', outlet: 'example', language: 'ar' } }));
    const r = await runInProcess(['run', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    const claims = out.incidents.flatMap((i) => i.tolls.flatMap((t) => t.claims.map((c) => [t.outcome, t.group, c.value, c.source])));
    expect(claims).toEqual(expect.arrayContaining([['killed', 'civilians', 14, 'sohr'], ['killed', 'children', 4, 'sohr']]));
    expect(r.stderr).toMatch(/warning legacy-encoding at .*legacy\.html: not UTF-8: read as WINDOWS-1256/);
  });

  it('leaves bytes that are neither UTF-8 nor Arabic as they were read before: invalid UTF-8, located', () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => (i * 37 + 11) % 256);
    const d = decodeText(noise);
    expect(d.encoding).toBe('utf-8');
    expect(d.invalid).not.toBeNull();
    expect(decodeText(bytes('plain ascii')).legacy).toBeUndefined();
  });
});

describe('page furniture named by its class or id, lists of links, captions of several lines', () => {
  const page = `<html><body><main><article class="post has-sidebar">
<div class="article-byline">By Jane Roe, 3 hours ago</div>
<p>Air strikes killed seven civilians in Saraqib on Monday, rescuers said.</p>
<div class="relatedPosts"><h3>More</h3><p>Shelling kills 14 in Ariha</p></div>
<div id="newsletter_box">Sign up: 40,000 readers get our briefing</div>
<p class="wp-caption-text">Ruins in Ariha after a raid that killed 11</p>
<div class="c-read-more">Rockets kill 9 in Jisr al-Shughur</div>
<ul><li><a href="/a">Strike kills 21 in Maarat al-Numan</a></li><li><a href="/b">Five dead in Binnish raid</a></li></ul>
<ul><li>Ahmad, 12, a pupil</li><li><a href="/c">Omar</a>, 40, his father</li></ul>
<figure><img src="x.jpg"><figcaption>Rescuers in Ariha<br>where 11 died in 2018 (AFP)</figcaption></figure>
<p>The toll may rise.</p></article></main></body></html>`;
  const read = readHtmlPage(page);
  const text = visible(read.article);

  it('drops elements whose class or id names furniture, never the article that holds them', () => {
    for (const gone of ['Jane Roe', '14 in Ariha', '40,000', 'killed 11', '9 in Jisr']) expect(text).not.toContain(gone);
    expect(text).toContain('Air strikes killed seven civilians in Saraqib');
    expect(text).toContain('The toll may rise.');
  });

  it('drops a list whose every item is a link, and keeps a list with text of its own', () => {
    expect(text).not.toContain('21 in Maarat');
    expect(text).not.toContain('Binnish');
    expect(text).toContain('Ahmad, 12, a pupil');
    expect(text).toContain('his father');
  });

  it('reads a caption of several lines as one line under the caption mark', () => {
    expect(text).toMatch(new RegExp(`\\n${CAPTION_MARK.replace(/[[\]]/g, '\\$&')} Rescuers in Ariha\\s+where 11 died in 2018 \\(AFP\\)`));
    expect(read.article).toHaveLength(page.length);
  });
});

describe('class names of furniture', () => {
  it('name furniture in any spelling, but not a modifier or a holder of the article', () => {
    expect(furnitureByName('div', { class: 'share-buttons' })).toBe(true);
    expect(furnitureByName('section', { id: 'mostRead' })).toBe(true);
    expect(furnitureByName('span', { class: 'entry_tags' })).toBe(true);
    expect(furnitureByName('div', { class: 'content with-sidebar' })).toBe(false);
    expect(furnitureByName('article', { class: 'story related' })).toBe(false);
    expect(furnitureByName('div', { class: 'story-body shareable' })).toBe(false);
    expect(furnitureByName('div', { class: 'header' })).toBe(false);
  });
});
