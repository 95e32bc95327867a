import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import type { Incident, Output } from '../../src/model/contract.js';

const hostile = '| # `code` <script>alert(1)</script> & *bold* [x](http://e.vil)\n# heading \u001b[31mred \u202Eevil';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-0123456789',
  date: { start: '2018-07-12', end: '2018-07-12' },
  places: [{ id: 'al-susah', name: 'al-Susah', governorate: 'deir-ez-zor' }],
  reportIds: ['r1', 'r2'],
  tolls: [
    { outcome: 'killed', group: 'civilians', affiliation: null, min: 28, max: 30, best: 28, bestPolicy: 'median-of-independent-sources',
      claims: [
        { source: 'sohr', via: 'reuters', reportId: 'r1', value: 28, qualifier: 'at-least', mayRise: true, quote: hostile, span: [0, 10] },
        { source: 'sana', via: null, reportId: 'r2', value: 30, qualifier: 'about', mayRise: false, quote: 'نحو ثلاثين مدنيا', span: [5, 20] },
      ] },
    { outcome: 'killed', group: 'combatants', affiliation: null, min: 26, max: 26, best: 26, claims: [], derived: true, derivedFrom: 'killed/all − killed/civilians (sohr: 54 − 28 = 26)' },
  ],
  attributions: [{ actor: 'coalition', status: 'contested', stances: [
    { source: 'sana', via: null, stance: 'asserts', reportId: 'r2', quote: 'حملت سانا التحالف', span: [1, 3] },
    { source: 'coalition', via: null, stance: 'denies', reportId: 'r1', quote: hostile, span: [1, 3] },
  ] }],
  disagreements: [{ kind: 'toll', outcome: 'killed', group: 'civilians', affiliation: null, sources: ['sana', 'sohr'], summary: 'Sources differ on civilians killed: sana 30 and sohr 28.', reason: 'sources-differ' }],
  grade: 'contested',
  mentionIds: ['r1#0', 'r2#0'],
  ...over,
});

const output = (incidents: Incident[]): Output => ({
  schemaVersion: 1, rulesHash: 'h', reports: [], incidents,
  aggregates: [{ reportId: 'r9', source: 'sohr', outcome: 'killed', group: 'combatants', affiliation: 'iran-backed', value: 11, quote: 'a | b', span: [0, 5] }],
  warnings: [{ reportId: 'r1', code: 'bad-span', message: '<b>oops</b>' }],
});

describe('escapeMarkdown', () => {
  it('keeps a quote on one line, without HTML, pipes, backticks or headings', () => {
    const s = escapeMarkdown(hostile);
    expect(s).not.toMatch(/\n/);
    expect(s).not.toMatch(/[<>]/);
    expect(s).not.toMatch(/(^|[^\\])[|`#*[\]]/);
    expect(s).toContain('&lt;script&gt;');
    expect(s).toContain('&amp;');
    expect(s).not.toMatch(/[\u001b\u202e]/i);
  });

  it('leaves Arabic text readable', () => {
    expect(escapeMarkdown('نحو ثلاثين مدنيا')).toBe('نحو ثلاثين مدنيا');
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(output([incident()]));
  const lines = md.split('\n');

  it('puts disagreements first in each incident section, then tolls, then attribution', () => {
    const at = (h: string) => lines.indexOf(h);
    expect(at('### Disagreements')).toBeGreaterThan(-1);
    expect(at('### Disagreements')).toBeLessThan(at('### Tolls'));
    expect(at('### Tolls')).toBeLessThan(at('### Attribution'));
    expect(md.indexOf('Sources differ on civilians killed')).toBeLessThan(md.indexOf('Low **28**'));
  });

  it('renders a table per category with every source’s figure, and derived figures as derived', () => {
    const rows = lines.filter((l) => l.startsWith('| sohr') || l.startsWith('| sana'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('reuters');
    expect(rows[1]).toContain('نحو ثلاثين مدنيا');
    expect(md).toContain('(derived)');
    expect(md).toContain('Derived, not stated by any source');
  });

  it('cannot be broken by a hostile quote: each table row keeps its cell count', () => {
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const table = lines.filter((l) => l.startsWith('|'));
    const header = table.find((l) => l.startsWith('| Source'))!;
    for (const row of table.filter((l) => l.startsWith('| sohr') || l.startsWith('| sana'))) expect(cells(row)).toBe(cells(header));
    expect(lines.some((l) => l.startsWith('# heading'))).toBe(false);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
  });

  it('lists aggregates and warnings after the incidents', () => {
    expect(md.indexOf('## Totals over many events')).toBeGreaterThan(md.indexOf('### Attribution'));
    expect(md.indexOf('## Warnings')).toBeGreaterThan(md.indexOf('## Totals over many events'));
    expect(md).toContain('a \\| b');
  });

  it('renders an undated incident without places or figures', () => {
    const bare = renderMarkdown(output([incident({ date: null, places: [], tolls: [], attributions: [], disagreements: [] })]));
    expect(bare).toContain('undated');
    expect(bare).toContain('None found.');
  });
});
