/**
 * diffOutputs on small hand-made outputs (one kind of difference each), and as properties
 * over outputs of generated scenarios: an output against itself shows no differences, and
 * under two rule sets every incident is accounted for exactly once.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { scenarioOf } from '../../src/check/index.js';
import { extractScenario } from '../../src/check/scenario.js';
import { diffOutputs, renderDiff, type OutputDiff } from '../../src/diff/index.js';
import type { Incident, Output, Toll } from '../../src/model/contract.js';
import { reconcileExtracted } from '../../src/pipeline.js';
import type { Rules } from '../../src/rules/schema.js';
import { shippedRules } from '../support/rules.js';

type ClaimSpec = readonly [reportId: string, start: number, value: number];

const toll = (category: string, claims: readonly ClaimSpec[], over: Partial<Toll> = {}): Toll => {
  const [outcome, group, affiliation] = category.split('/') as [Toll['outcome'], Toll['group'], string | undefined];
  const values = claims.map((c) => c[2]);
  return {
    outcome, group, affiliation: affiliation ?? null, min: Math.min(...values), max: Math.max(...values), best: Math.min(...values),
    bestPolicy: 'minimum',
    claims: claims.map(([reportId, start, value]) => ({ source: 'sohr', via: null, reportId, value, qualifier: 'exact', mayRise: false, quote: `q${start}`, span: [start, start + 3] })),
    ...over,
  };
};

const incident = (id: string, tolls: readonly Toll[], over: Partial<Incident> = {}): Incident => ({
  id, date: { start: '2018-07-12', end: '2018-07-12' }, places: [{ id: 'hajin', name: 'Hajin', governorate: 'deir-ez-zor' }],
  reportIds: [...new Set(tolls.flatMap((t) => t.claims.map((c) => c.reportId)))].sort(), tolls: [...tolls], attributions: [], disagreements: [],
  grade: 'weak', mentionIds: [`${id}#0`], ...over,
});

const output = (incidents: readonly Incident[], rulesHash = 'h'): Output =>
  ({ schemaVersion: 1, rulesHash, reports: [], incidents: [...incidents], aggregates: [], warnings: [] });

const A = incident('inc-a', [toll('killed/civilians', [['r1', 0, 28], ['r2', 0, 30]])]);
const B = incident('inc-b', [toll('killed/civilians', [['r3', 0, 12]])]);

describe('diffOutputs', () => {
  it('finds no differences between an output and itself, and says so', () => {
    const d = diffOutputs(output([A, B]), output([A, B], 'h2'));
    expect(d.identical).toBe(true);
    expect(d.counts).toEqual(expect.objectContaining({ before: 2, after: 2, unchanged: 2, changed: 0 }));
    expect(renderDiff(d, { before: 'old', after: 'new' })).toMatch(/no differences/);
  });

  it('reports a changed range and best, grade and attribution status, before → after', () => {
    const after = incident('inc-a', [toll('killed/civilians', [['r1', 0, 28], ['r2', 0, 30]], { best: 30, bestPolicy: 'maximum' })], {
      grade: 'fair', attributions: [{ actor: 'coalition', status: 'contested', stances: [] }],
    });
    const d = diffOutputs(output([A]), output([after]));
    expect(d.changed).toEqual([expect.objectContaining({ changes: [
      { field: 'toll', category: 'killed/civilians', before: expect.objectContaining({ best: 28, bestPolicy: 'minimum' }), after: expect.objectContaining({ best: 30, bestPolicy: 'maximum' }) },
      { field: 'grade', before: 'weak', after: 'fair' },
      { field: 'attribution', actor: 'coalition', before: null, after: { status: 'contested', stances: 0 } },
    ] })]);
    const text = renderDiff(d, { before: 'old', after: 'new' });
    expect(text).toContain('killed/civilians: best 28 → 30 (policy minimum → maximum)');
    expect(text).toContain('grade: weak → fair');
    expect(text).toContain('attribution coalition: none → contested (0 stances)');
  });

  it('does not count a best-estimate policy that changed name only', () => {
    const renamed = incident('inc-a', [toll('killed/civilians', [['r1', 0, 28], ['r2', 0, 30]], { bestPolicy: 'latest' })]);
    expect(diffOutputs(output([A]), output([renamed])).identical).toBe(true);
  });

  it('finds a merge by shared claims, whatever the new id', () => {
    const joined = incident('inc-ab', [toll('killed/civilians', [['r1', 0, 28], ['r2', 0, 30], ['r3', 0, 12]])]);
    const d = diffOutputs(output([A, B]), output([joined]));
    expect(d.merged.map((m) => [m.from.map((r) => r.id), m.into.id])).toEqual([[['inc-a', 'inc-b'], 'inc-ab']]);
    expect(d.counts).toEqual(expect.objectContaining({ merged: 1, unchanged: 0 }));
    expect(renderDiff(d, { before: 'old', after: 'new' })).toMatch(/Merged \(1\):\n {2}inc-a .*\n {2}inc-b .*\n {2}→ inc-ab /);
  });

  it('finds a split, and an incident added and one removed', () => {
    const one = incident('inc-x', [toll('killed/all', [['r1', 10, 5], ['r2', 10, 7]])]);
    const parts = [incident('inc-x1', [toll('killed/all', [['r1', 10, 5]])]), incident('inc-x2', [toll('killed/all', [['r2', 10, 7]])])];
    const d = diffOutputs(output([one, B]), output([...parts, A]));
    expect(d.split.map((s) => [s.from.id, s.into.map((r) => r.id)])).toEqual([['inc-x', ['inc-x1', 'inc-x2']]]);
    expect(d.removed.map((r) => r.id)).toEqual(['inc-b']);
    expect(d.added.map((r) => r.id)).toEqual(['inc-a']);
  });

  it('matches incidents without claims by their stances', () => {
    const stance = (actor: string) => ({ actor, status: 'unclear' as const, stances: [{ source: 'sana', via: null, stance: 'likely' as const, reportId: 'r9', quote: 'q', span: [1, 2] as [number, number] }] });
    const d = diffOutputs(output([incident('inc-s', [], { attributions: [stance('coalition')] })]), output([incident('inc-t', [], { attributions: [stance('coalition')] })]));
    expect(d.changed.map((c) => c.changes)).toEqual([[{ field: 'id', before: 'inc-s', after: 'inc-t' }]]);
  });

  it('lists aggregates and warnings that appear or disappear', () => {
    const agg = { reportId: 'r1', source: 'sohr', outcome: 'killed', group: 'civilians', affiliation: null, value: 11, quote: 'q', span: [0, 1] as [number, number] };
    const d = diffOutputs(output([]), { ...output([]), aggregates: [agg], warnings: [{ reportId: null, code: 'x', message: 'm' }] });
    expect([d.aggregates.added.length, d.warnings.added.length, d.identical]).toEqual([1, 1, false]);
  });
});

const rules = shippedRules().rules;
const withThreshold = (r: Rules, threshold: number): Rules => ({ ...r, clustering: { ...r.clustering, threshold } });
const run = (r: Rules) => {
  const extract = extractScenario(r);
  const reconcile = reconcileExtracted({ reports: [], rules: r, rulesHash: String(r.clustering.threshold), readWarnings: [], reportsSkipped: 0 });
  return (s: Parameters<typeof extract>[0]): Output => reconcile(extract(s)).output;
};

/** Every incident of each side appears in exactly one group of the diff. */
const accountedFor = (d: OutputDiff) => ({
  before: [...d.removed, ...d.split.map((s) => s.from), ...d.merged.flatMap((m) => m.from), ...d.regrouped.flatMap((g) => g.from), ...d.changed.map((c) => c.before)].map((r) => r.id),
  after: [...d.added, ...d.split.flatMap((s) => s.into), ...d.merged.map((m) => m.into), ...d.regrouped.flatMap((g) => g.into), ...d.changed.map((c) => c.after)].map((r) => r.id),
});

describe('diffOutputs properties', () => {
  test.prop([scenarioOf(rules)], { numRuns: 60 })('an output against itself has no differences', (s) => {
    const o = run(rules)(s);
    expect(diffOutputs(o, o).identical).toBe(true);
  });

  test.prop([scenarioOf(rules), fc.constantFrom(3, 4, 8, 9)], { numRuns: 60 })('under another threshold, every incident is unchanged or in exactly one group', (s, t) => {
    const before = run(rules)(s), after = run(withThreshold(rules, t))(s);
    const d = diffOutputs(before, after);
    const seen = accountedFor(d);
    const same = (i: Incident, others: readonly Incident[]) => others.some((o) => JSON.stringify({ ...o, tolls: o.tolls.map((x) => ({ ...x, bestPolicy: null })) })
      === JSON.stringify({ ...i, tolls: i.tolls.map((x) => ({ ...x, bestPolicy: null })) }));
    expect(before.incidents.filter((i) => !same(i, after.incidents)).map((i) => i.id).sort()).toEqual([...seen.before].sort());
    expect(after.incidents.filter((i) => !same(i, before.incidents)).map((i) => i.id).sort()).toEqual([...seen.after].sort());
    expect(d.counts.unchanged + seen.before.length).toBe(before.incidents.length);
    expect(d.identical).toBe(seen.before.length === 0 && seen.after.length === 0);
  });
});
