/**
 * Model-based: clustering over classes of alike mentions (src/cluster/classes.ts, what a
 * giant block uses) gives exactly the brute-force all-pairs clusters. The generated sets are
 * many copies of a few mentions spread over many reports, some reports telling several
 * events, with analysts' constraints now and then; `giantPairs: 0, giantDegree: 0` sends every connected
 * part through the classes.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { clusterMentions, clusterMentionsBruteForce, type Clustering, type Constraints } from '../../src/cluster/index.js';
import type { Mention } from '../../src/model/claim.js';
import { mentionsOf, specArb } from './arbitraries.js';
import { partition, testRules } from './support.js';

const rules = testRules();
const byClasses = clusterMentions(rules, { giantPairs: 0, giantDegree: 0 });
const brute = clusterMentionsBruteForce(rules);
const mergeable = (p: { veto: unknown; score: number }): boolean => p.veto === null && p.score >= rules.clustering.threshold;

/** Copies of a few specs across up to `reports` reports. */
const copiesArb = (maxLength: number, reports: number): fc.Arbitrary<Mention[]> =>
  fc.array(specArb, { minLength: 1, maxLength: 4 }).chain((specs) =>
    fc.array(fc.record({ s: fc.nat({ max: specs.length - 1 }), r: fc.nat({ max: reports - 1 }) }), { maxLength })
      .map((xs) => mentionsOf(xs.map(({ s, r }) => ({ reportId: `r${r + 1}`, spec: specs[s]! })))));

const constraintsArb = (ms: readonly Mention[]): fc.Arbitrary<Constraints | undefined> => {
  if (ms.length < 2) return fc.constant(undefined);
  const pair = fc.tuple(fc.constantFrom(...ms.map((m) => m.id)), fc.constantFrom(...ms.map((m) => m.id)))
    .filter(([a, b]) => a !== b) as fc.Arbitrary<[string, string]>;
  return fc.option(fc.record({ mustLink: fc.array(pair, { maxLength: 2 }), cannotLink: fc.array(pair, { maxLength: 2 }) }), { nil: undefined });
};

/** Components of the mergeable pairs a clustering lists (what src/store/region.ts reads), as sorted id lists. */
const mergeableComponents = (ms: readonly Mention[], c: Clustering): string[][] => {
  const parent = new Map(ms.map((m) => [m.id, m.id]));
  const find = (x: string): string => { while (parent.get(x) !== x) x = parent.get(x)!; return x; };
  for (const p of c.pairs) if (mergeable(p)) parent.set(find(p.a), find(p.b));
  const groups = new Map<string, string[]>();
  for (const m of ms) groups.set(find(m.id), [...(groups.get(find(m.id)) ?? []), m.id]);
  return [...groups.values()].map((g) => g.sort()).sort((p, q) => (p[0]! < q[0]! ? -1 : 1));
};

describe('clustering over classes of alike mentions', () => {
  test.prop([copiesArb(40, 12).chain((ms) => fc.tuple(fc.constant(ms), constraintsArb(ms)))], { numRuns: 200 })(
    'gives the brute-force clusters, and its pairs agree with brute force',
    ([ms, constraints]) => {
      const fast = byClasses(ms, constraints), model = brute(ms, constraints);
      expect(partition(fast.clusters)).toEqual(partition(model.clusters));
      const byPair = new Map(model.pairs.map((p) => [`${p.a}|${p.b}`, p]));
      for (const p of fast.pairs) {
        const q = byPair.get(`${p.a}|${p.b}`)!;
        expect([p.score, p.levels, p.decision]).toEqual([q.score, q.levels, q.decision]);
      }
      if (!constraints) expect(mergeableComponents(ms, fast)).toEqual(mergeableComponents(ms, model));
    });

  test.prop([copiesArb(30, 4)], { numRuns: 150 })('reports telling several alike events: the same clusters as brute force', (ms) => {
    expect(partition(byClasses(ms).clusters)).toEqual(partition(brute(ms).clusters));
  });

  test.prop([copiesArb(30, 12)], { numRuns: 100 })('below the giant limit the output is the pair-by-pair output', (ms) => {
    expect(clusterMentions(rules, { giantPairs: 1e9 })(ms)).toEqual(clusterMentions(rules)(ms));
  });
});
