/** Unlisted sources (`unlisted:<slug>`) are shown by their names as written, escaped. */
import { describe, expect, it } from 'vitest';
import type { Incident, Output } from '../../src/model/contract.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const name = 'Radio <Fresh> | Idlib';
const incident: Incident = {
  id: 'inc-0000000001', date: { start: '2019-07-22', end: '2019-07-22' }, places: [], reportIds: ['r1'],
  tolls: [{ outcome: 'killed', group: 'civilians', affiliation: null, min: 4, max: 4, best: 4,
    claims: [{ source: 'unlisted:radio-fresh-idlib', sourceName: name, via: null, reportId: 'r1', value: 4, qualifier: 'exact', mayRise: false, quote: 'four civilians', span: [0, 14] }] }],
  attributions: [{ actor: 'russia', status: 'uncontested', stances: [
    { source: 'unlisted:radio-fresh-idlib', sourceName: name, via: null, stance: 'asserts', reportId: 'r1', quote: 'Russian jets', span: [20, 32] }] }],
  disagreements: [],
};
const output: Output = { schemaVersion: 1, rulesHash: 'h', reports: [], incidents: [incident], aggregates: [], warnings: [] };

describe('unlisted sources in reports', () => {
  it('Markdown shows the name as written, escaped, marked unlisted', () => {
    const md = renderMarkdown(output);
    expect(md).toContain('unlisted');
    expect(md).toMatch(/Radio .*Fresh.* Idlib/);
    expect(md).not.toContain('<Fresh>');
    expect(md).not.toContain('Radio <Fresh> | Idlib');
  });
  it('HTML shows the name as written, escaped', () => {
    const h = renderHtml(output);
    expect(h).toContain('Radio &#60;Fresh&#62; | Idlib');
    expect(h).not.toContain('<Fresh>');
  });
});
