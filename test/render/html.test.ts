import { fc, test as propTest } from '@fast-check/vitest';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Incident, Output } from '../../src/model/contract.js';
import { cleanText } from '../../src/render/bidi.js';
import { renderHtml } from '../../src/render/html.js';
import { PAGE_SCRIPT } from '../../src/render/html-page-script.js';
import { escapeHtml, html, toString } from '../../src/render/html-text.js';

const hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> <a href="javascript:alert(1)">x</a> \u202Eevil\u2066 \u001b[31m';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-0123456789',
  date: { start: '2018-07-12', end: '2018-07-12' },
  places: [{ id: 'al-susah', name: 'al-Susah', governorate: 'deir-ez-zor' }],
  reportIds: ['r1', 'r2"><b>'],
  tolls: [
    { outcome: 'killed', group: 'civilians', affiliation: null, min: 28, max: 30, best: 28, bestPolicy: 'median-of-independent-sources',
      claims: [
        { source: 'sohr', via: 'reuters', reportId: 'r1', value: 28, qualifier: 'at-least', mayRise: true, quote: hostile, span: [0, 10] },
        { source: 'sana', via: null, reportId: 'r2"><b>', value: 30, qualifier: 'about', mayRise: false, quote: 'نحو ثلاثين مدنيا', span: [5, 20] },
        { source: 'local-sources', via: null, reportId: 'r1', value: null, qualifier: 'vague', mayRise: false, quote: 'العشرات', span: [1, 2] },
      ] },
    { outcome: 'killed', group: 'combatants', affiliation: null, min: 26, max: 26, best: 26, claims: [], derived: true, derivedFrom: 'killed/all − killed/civilians' },
  ],
  attributions: [{ actor: 'coalition', status: 'contested', stances: [
    { source: 'sana', via: null, stance: 'asserts', reportId: 'r2"><b>', quote: 'حملت سانا التحالف', span: [1, 3] },
    { source: 'coalition', via: null, stance: 'denies', reportId: 'r1', quote: hostile, span: [1, 3] },
  ] }],
  disagreements: [{ kind: 'toll', outcome: 'killed', group: 'civilians', affiliation: null, sources: ['sana', 'sohr'], summary: `Sources differ ${hostile}`, reason: 'sources-differ' }],
  grade: 'contested',
  mentionIds: ['r1#0', 'r2#0'],
  ...over,
});

const output = (incidents: Incident[]): Output => ({
  schemaVersion: 1, rulesHash: 'h', incidents,
  reports: [{ id: 'r1', publishedAt: '2018-07-13', outlet: 'reuters', language: 'en' }, { id: 'r2"><b>', publishedAt: null, outlet: 'sana', language: 'ar' }],
  aggregates: [{ reportId: 'r1', source: 'sohr', outcome: 'killed', group: 'all', affiliation: null, value: 11, quote: hostile, span: [0, 5] }],
  warnings: [{ reportId: 'r1', code: 'bad-span', message: hostile }],
});

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

describe('html template', () => {
  it('escapes interpolated text and keeps nested markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(toString(html`<p title="${'"x"'}">${inner}${['&', 1]}${null}</p>`)).toBe('<p title="&#34;x&#34;"><b>&#60;i&#62;</b>&#38;1</p>');
  });
  propTest.prop([fc.string({ unit: 'binary' })])('escapeHtml leaves no markup character, and decodes to the cleaned text', (s) => {
    const e = escapeHtml(s);
    expect(e).not.toMatch(/[<>"']|[\u202a-\u202e\u2066-\u2069]/);
    expect(e.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))).toBe(cleanText(s));
  });
});

describe('renderHtml', () => {
  const page = renderHtml(output([incident(), incident({ id: 'inc-undated', date: null, tolls: [], attributions: [], disagreements: [], grade: 'weak' })]));

  it('has exactly one script and one style, both allowed by their hashes in a CSP that allows nothing else', () => {
    const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
    const styles = [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)];
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const sha = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '').replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${sha(scripts[0]![1]!)}`);
    expect(csp).toContain(`style-src ${sha(styles[0]![1]!)}`);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
  });

  it('references nothing outside the file (the SVG namespace is a name, not a fetch)', () => {
    const tags = (page.match(/<[a-z][^>]*>/gi) ?? []).map((t) => t.replace(' xmlns="http://www.w3.org/2000/svg"', ''));
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((t) => /https?:|\ssrc=|\saction=|^<(link|iframe|object|embed|img|base)\b/i.test(t))).toEqual([]);
    expect(tags.flatMap((t) => [...t.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!)).filter((h) => !h.startsWith('#'))).toEqual([]);
    expect(/<style>([\s\S]*?)<\/style>/.exec(page)?.[1]).not.toMatch(/url\(|@import|@font-face/i);
  });

  it('shows hostile report text as text: no extra elements, handlers, javascript: links or bidi controls', () => {
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /^<(img|svg onload|a href="javascript)|\son\w+=/i.test(t))).toEqual([]);
    expect(page).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u001b]/);
    expect(page).toContain('&#60;script&#62;window.__pwned=1&#60;/script&#62;');
    expect(page).toContain('r2&#34;&#62;&#60;b&#62;');
  });

  it('isolates quotes and gives Arabic its language', () => {
    expect(page).toContain('<bdi class="quote" dir="auto" lang="ar">نحو ثلاثين مدنيا</bdi>');
  });

  it('draws one mark per stated figure with its source, value and report, and derived figures as derived', () => {
    const marks = [...page.matchAll(/<g class="mark[^"]*"[^>]*>/g)].map((m) => attrs(m[0]));
    expect(marks.filter((m) => m['data-derived'] === 'false').map((m) => [m['data-source'], m['data-value'], m['data-qualifier'], m['data-report']]))
      .toEqual([['sohr', '28', 'at-least', 'r1'], ['sana', '30', 'about', 'r2&#34;&#62;&#60;b&#62;']]);
    expect(marks.filter((m) => m['data-derived'] === 'true').map((m) => m['data-value'])).toEqual(['26']);
    const bands = [...page.matchAll(/<rect class="band[^"]*"[^>]*>/g)].map((m) => attrs(m[0]));
    expect(bands.map((b) => [b['data-min'], b['data-max']])).toEqual([['28', '30'], ['26', '26']]);
    expect([...page.matchAll(/<g class="best" data-value="(\d+)"/g)].map((m) => m[1])).toEqual(['28', '26']);
  });

  it('lists every incident in the index with the data the page script sorts and filters on', () => {
    const rows = [...page.matchAll(/<tr data-id="[^>]*>/g)].map((m) => attrs(m[0]));
    expect(rows.map((r) => [r['data-id'], r['data-date'], r['data-governorates'], r['data-grade'], r['data-spread'], r['data-contested']]))
      .toEqual([['inc-0123456789', '2018-07-12', 'deir-ez-zor', 'contested', '2', '1'], ['inc-undated', '', 'deir-ez-zor', 'weak', '0', '0']]);
    expect(page).toContain('<article class="incident" id="inc-undated"');
  });
});

describe('the page script', () => {
  it('never parses markup or evaluates strings', () => {
    expect(PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\b|new Function|setTimeout\(\s*['"`]/);
    expect(PAGE_SCRIPT).not.toMatch(/<\/script/i);
  });
});
