/**
 * Unresolved places end to end: an Arabic and an English report about one village the
 * gazetteer lacks are one incident; two villages are two; the output shows them as such.
 */
import { describe, expect, it } from 'vitest';
import { reconcileReports } from '../src/pipeline.js';
import { Output } from '../src/model/contract.js';
import type { Incident } from '../src/model/contract.js';
import type { Report } from '../src/model/report.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderHtml } from '../src/render/html.js';
import { shippedRules } from './support/rules.js';

const rules = shippedRules().rules;
const report = (id: string, language: string, text: string, publishedAt = '2020-05-11'): Report =>
  ({ id, publishedAt, outlet: null, language, url: null, text, coded: null, origin: `${id}.txt` });
const run = (reports: Report[]) => reconcileReports({ reports, rules, rulesHash: 'h', readWarnings: [], reportsSkipped: 0 });

describe('unresolved places through the pipeline', () => {
  it('an Arabic and an English report about one unlisted village are one incident', () => {
    const out = run([
      report('a', 'ar', 'قتل سبعة مدنيين يوم الأحد العاشر من أيار 2020 في غارات على قرية تل عقربات بريف إدلب.'),
      report('b', 'en', 'Seven civilians were killed on Sunday, May 10, 2020 in air strikes on the village of Tal Aqrabat in Idlib province.'),
    ]);
    expect(Output.safeParse(out).success).toBe(true);
    const withVillage = out.incidents.filter((i) => i.unresolvedPlaces?.length);
    expect(withVillage).toHaveLength(1);
    expect(withVillage[0]!.reportIds).toEqual(['a', 'b']);
    expect(withVillage[0]!.unresolvedPlaces![0]!.names.sort()).toEqual(['Tal Aqrabat', 'تل عقربات']);
    // gazetteer places stay gazetteer places
    expect(withVillage[0]!.places.every((p) => rules.places.some((g) => g.id === p.id))).toBe(true);
  });
  it('reports about two different unlisted villages on one day are two incidents', () => {
    const out = run([
      report('a', 'ar', 'قتل سبعة مدنيين يوم الأحد العاشر من أيار 2020 في غارات على قرية تل عقربات بريف إدلب.'),
      report('b', 'en', 'Seven civilians were killed on Sunday, May 10, 2020 in air strikes on the village of Kafr Hamra in Idlib province.'),
    ]);
    expect(out.incidents.filter((i) => i.unresolvedPlaces?.length)).toHaveLength(2);
  });
});

describe('unresolved places in the reports for people', () => {
  const incident: Incident = {
    id: 'inc-1', date: { start: '2020-05-10', end: '2020-05-10' }, places: [{ id: 'idlib', name: 'Idlib', governorate: 'idlib' }],
    reportIds: ['a'], tolls: [], attributions: [], disagreements: [],
    unresolvedPlaces: [{ name: 'تل عقربات', names: ['تل عقربات', 'Tal <b>Aqrabat</b>'], reportIds: ['a'] }],
  };
  const output: Output = { schemaVersion: 1, rulesHash: 'h', reports: [{ id: 'a', publishedAt: null, outlet: null, language: 'ar' }], incidents: [incident], aggregates: [], warnings: [] };
  it('Markdown names them as written, escaped, and says they are not in the gazetteer', () => {
    const md = renderMarkdown(output);
    expect(md).toContain('تل عقربات');
    expect(md).toContain('not in gazetteer');
    expect(md).not.toContain('<b>');
  });
  it('HTML names them as written, escaped', () => {
    const page = renderHtml(output);
    expect(page).toContain('تل عقربات');
    expect(page).toContain('not in gazetteer');
    expect(page).not.toContain('<b>');
    expect(page).toContain('Aqrabat');
  });
});
