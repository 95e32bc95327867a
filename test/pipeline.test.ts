import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractAll, extractAsReadLean, reconcileExtracted, reconcileReports, type ExtractedReport, type PipelineInput } from '../src/pipeline.js';
import { Output } from '../src/model/contract.js';
import type { Report } from '../src/model/report.js';
import { claimOf, mention, stanceOf, testRules } from './cluster/support.js';
import { shippedRules } from './support/rules.js';

const rules = testRules();
const report = (id: string, publishedAt: string | null = null): Report =>
  ({ id, publishedAt, outlet: null, language: 'ar', url: null, text: null, coded: null, origin: `${id}.txt` });
const input = (reports: Report[], over: Partial<PipelineInput> = {}): PipelineInput =>
  ({ reports, rules, rulesHash: 'abc123', readWarnings: [], reportsSkipped: 0, ...over });

describe('reconcileReports', () => {
  it('lists reports by id, carries read warnings, and meets the contract', () => {
    const out = reconcileReports(input([report('b'), report('a', '2018-07-12')], {
      readWarnings: [{ reportId: null, code: 'unreadable', message: 'x.bin is not text' }], reportsSkipped: 1 }));
    expect(Output.safeParse(out).success).toBe(true);
    expect(out.reports.map((r) => r.id)).toEqual(['a', 'b']);
    expect(out.warnings[0]).toEqual({ reportId: null, code: 'unreadable', message: 'x.bin is not text' });
    expect([out.schemaVersion, out.rulesHash, out.accounting?.reportsRead, out.accounting?.reportsSkipped]).toEqual([2, 'abc123', 2, 1]);
  });
});

describe('reconcileExtracted', () => {
  const extracted: ExtractedReport[] = [
    { report: report('r1', '2018-07-13'), extraction: {
      mentions: [mention('r1', 0, { date: '2018-07-12', places: ['hajin'], claims: [{ value: 14 }] }),
        mention('r1', 1, { stances: [{ actor: 'coalition', stance: 'denies', source: 'coalition' }] })],
      aggregates: [claimOf('r1', [5000, 5010], { value: null, vagueMin: 12 })],
      looseStances: [stanceOf('r1', [6000, 6010], { actor: 'us', stance: 'asserts' })],
      warnings: [{ reportId: 'r1', code: 'unresolved-place', message: 'no gazetteer entry', location: 'r1:40' }],
    } },
    { report: report('r2', '2018-07-12'), extraction: {
      mentions: [mention('r2', 0, { date: '2018-07-12', places: ['hajin'], claims: [{ value: 15, source: 'sana' }] })],
      aggregates: [], looseStances: [], warnings: [],
    } },
  ];

  it('joins, reconciles and accounts for every claim and stance', () => {
    const { output, clustering } = reconcileExtracted(input([]))(extracted);
    expect(output.incidents.map((i) => i.mentionIds)).toEqual([['r1#0', 'r2#0'], ['r1#1']]);
    expect(output.incidents[1]!.date).toBeNull();
    expect(output.aggregates).toEqual([expect.objectContaining({ reportId: 'r1', value: 12 })]);
    expect(output.warnings).toEqual([{ reportId: 'r1', code: 'unresolved-place', message: 'no gazetteer entry', location: 'r1:40' }]);
    expect(output.accounting).toEqual({
      reportsRead: 2, reportsSkipped: 0, claimsExtracted: 3, claimsInIncidents: 2, claimsInAggregates: 1,
      stancesExtracted: 2, stancesInIncidents: 1, stancesWithoutIncident: 1,
    });
    expect(clustering.pairs.some((p) => p.a === 'r1#0' && p.b === 'r2#0' && p.decision === 'merged')).toBe(true);
  });

  it('can drop incidents without tolls, counting their stances as without incident', () => {
    const strict = testRules({ reconcile: { ...rules.reconcile, keepIncidentsWithoutTolls: false } });
    const { output } = reconcileExtracted(input([], { rules: strict }))(extracted);
    expect(output.incidents).toHaveLength(1);
    expect(output.accounting).toMatchObject({ stancesInIncidents: 0, stancesWithoutIncident: 2 });
  });
});

describe('extractAsReadLean', () => {
  const shipped = shippedRules().rules;
  const seeds = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seeds');
  const reports: Report[] = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f, i) => ({
    id: `s${i}`, publishedAt: '2018-07-12', outlet: null, language: 'ar', url: null, text: readFileSync(join(seeds, f), 'utf8'), coded: null, origin: f,
  }));

  it('keeps a report without its text, and what was extracted from it, found by the kept report', () => {
    const early = extractAsReadLean(shipped);
    for (const r of reports) {
      const lean = early.lean(r);
      expect(lean).toEqual({ ...r, text: null });
      expect(r.text).not.toBeNull();
      expect(early.extracted(lean)).toEqual(extractAll(shipped)([r])[0]!.extraction);
      expect(early.extracted(r)).toBeUndefined();
    }
  });

  it('gives the pipeline the same output as extracting there', () => {
    const early = extractAsReadLean(shipped);
    const base = { rules: shipped, rulesHash: 'h', readWarnings: [], reportsSkipped: 0 };
    const leaned = reports.map(early.lean);
    expect(reconcileReports({ ...base, reports: leaned, extracted: early.extracted })).toEqual(reconcileReports({ ...base, reports }));
    // without the lookup, the text is gone and nothing is found: the lookup is what carries it
    expect(reconcileReports({ ...base, reports: leaned }).accounting?.claimsExtracted).toBe(0);
  });
});
