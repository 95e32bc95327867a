import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { reconcileExtracted, type ExtractedReport, type PipelineInput } from '../src/pipeline.js';
import { Output } from '../src/model/contract.js';
import type { Mention } from '../src/model/claim.js';
import { REPORTS, claimArb, mentionsArb } from './cluster/arbitraries.js';
import { claimOf, stanceOf, testRules } from './cluster/support.js';
import { keptCategory } from '../src/check/invariants.js';

const rules = testRules();
const input: PipelineInput = { reports: [], rules, rulesHash: 'test', readWarnings: [], reportsSkipped: 0 };
const params = { numRuns: 100 };

/** Reports built from generated mentions, with a few aggregates and loose stances each. */
const extractedArb: fc.Arbitrary<ExtractedReport[]> = fc.tuple(
  mentionsArb(10),
  fc.array(fc.tuple(fc.constantFrom(...REPORTS), claimArb), { maxLength: 3 }),
  fc.array(fc.constantFrom(...REPORTS), { maxLength: 3 }),
).map(([mentions, aggs, loose]) => REPORTS.map((id, r) => ({
  report: { id, publishedAt: mentions.find((m) => m.reportId === id)?.publishedAt ?? null, outlet: null, language: 'ar', url: null, text: null, coded: null, origin: id },
  extraction: {
    mentions: mentions.filter((m) => m.reportId === id),
    aggregates: aggs.flatMap(([rid, spec], k) => (rid === id ? [claimOf(id, [800_000 + k * 10, 800_005 + k * 10], spec)] : [])),
    looseStances: loose.flatMap((rid, k) => (rid === id ? [stanceOf(id, [700_000 + k * 10 + r, 700_005 + k * 10 + r], { actor: 'coalition', stance: 'asserts' })] : [])),
    warnings: [],
  },
})));

const shuffledArb = extractedArb.chain((xs) => fc.tuple(
  fc.constant(xs),
  fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }).chain((ys) =>
    fc.tuple(...ys.map((y) => fc.shuffledSubarray([...y.extraction.mentions], { minLength: y.extraction.mentions.length, maxLength: y.extraction.mentions.length })
      .map((ms): ExtractedReport => ({ ...y, extraction: { ...y.extraction, mentions: ms } }))))),
));

const signature = (c: { reportId: string; span: readonly [number, number] | [number, number]; value: number | null; source: string }, category: string) =>
  `${c.reportId}@${c.span[0]}-${c.span[1]} ${category} ${c.source}=${c.value}`;

describe('pipeline properties', () => {
  test.prop([shuffledArb], params)('output does not depend on the order of reports or mentions', ([xs, ys]) => {
    expect(reconcileExtracted(input)(ys).output).toEqual(reconcileExtracted(input)(xs).output);
  });

  test.prop([extractedArb], params)('every extracted claim is in exactly one incident or in aggregates, and the accounting balances', (xs) => {
    const { output } = reconcileExtracted(input)(xs);
    const mentions: Mention[] = xs.flatMap((x) => [...x.extraction.mentions]);
    const expected = [
      // figures of people and of fighters are one category here: an incident may show whose fighters they count (rules: sides)
      ...mentions.flatMap((m) => m.claims.map((c) => signature(c, keptCategory(c)))),
      ...xs.flatMap((x) => x.extraction.aggregates.map((c) => signature({ ...c, value: c.value ?? c.vagueMin ?? rules.reconcile.vague.defaultMin }, `${c.outcome}/${c.group}/${c.affiliation ?? ''}`))),
    ].sort();
    const found = [
      ...output.incidents.flatMap((i) => i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.map((c) => signature(c, keptCategory(t))))),
      ...output.aggregates.map((a) => signature(a, `${a.outcome}/${a.group}/${a.affiliation ?? ''}`)),
    ].sort();
    expect(found).toEqual(expected);
    const a = output.accounting!;
    expect(a.claimsExtracted).toBe(expected.length);
    expect(a.claimsInIncidents + a.claimsInAggregates).toBe(a.claimsExtracted);
    expect(a.stancesInIncidents).toBe(mentions.reduce((n, m) => n + m.stances.length, 0));
    expect(a.stancesWithoutIncident).toBe(xs.reduce((n, x) => n + x.extraction.looseStances.length, 0));
  });

  test.prop([extractedArb], params)('output meets the contract: valid, unique ids, sorted incidents and reports', (xs) => {
    const { output } = reconcileExtracted(input)(xs);
    expect(Output.safeParse(output).success).toBe(true);
    const ids = output.incidents.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = output.incidents.map((i) => [i.date === null ? 1 : 0, i.date?.start ?? '', i.id] as const);
    const sorted = [...keys].sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : p[2] < q[2] ? -1 : 1));
    expect(keys).toEqual(sorted);
    expect(output.reports.map((r) => r.id)).toEqual([...REPORTS]);
  });
});
