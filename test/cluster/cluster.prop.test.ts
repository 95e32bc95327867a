import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { clusterMentions, clusterMentionsBruteForce } from '../../src/cluster/cluster.js';
import { compatible, toDays } from '../../src/cluster/dates.js';
import { mentionsAndShuffleArb, mentionsArb } from './arbitraries.js';
import { partition, testRules } from './support.js';

const rules = testRules();
const cluster = clusterMentions(rules);
const params = { numRuns: 150 };

describe('clustering properties', () => {
  test.prop([mentionsArb(10)], params)('blocked clustering equals brute-force all-pairs clustering', (ms) => {
    const blocked = cluster(ms), brute = clusterMentionsBruteForce(rules)(ms);
    expect(partition(blocked.clusters)).toEqual(partition(brute.clusters));
    // every pair blocking compared, brute force compared the same way
    const bruteByPair = new Map(brute.pairs.map((p) => [`${p.a}|${p.b}`, p]));
    for (const p of blocked.pairs) {
      const q = bruteByPair.get(`${p.a}|${p.b}`)!;
      expect({ score: p.score, levels: p.levels, decision: p.decision }).toEqual({ score: q.score, levels: q.levels, decision: q.decision });
    }
    // and every pair brute force merged directly was found by blocking
    const blockedKeys = new Set(blocked.pairs.map((p) => `${p.a}|${p.b}`));
    for (const q of brute.pairs) if (!q.veto && q.score >= rules.clustering.threshold) expect(blockedKeys.has(`${q.a}|${q.b}`)).toBe(true);
  });

  test.prop([mentionsAndShuffleArb(10)], params)('the result does not depend on input order', ([ms, shuffled]) => {
    const a = cluster(ms), b = cluster(shuffled);
    expect(partition(b.clusters)).toEqual(partition(a.clusters));
    expect(b.pairs).toEqual(a.pairs);
  });

  test.prop([mentionsArb(10)], params)('two mentions of one report never merge', (ms) => {
    for (const c of cluster(ms).clusters) {
      const reports = c.mentions.map((m) => m.reportId);
      expect(new Set(reports).size).toBe(reports.length);
    }
  });

  test.prop([mentionsArb(10)], params)('dated mentions beyond the date window never share an incident', (ms) => {
    const fits = compatible(rules.clustering.dateWindowDays);
    for (const c of cluster(ms).clusters) {
      const dated = c.mentions.flatMap((m) => (m.date ? [toDays(m.date)] : []));
      for (const x of dated) for (const y of dated) expect(fits(x, y)).toBe(true);
    }
  });

  test.prop([mentionsArb(10)], params)('an undated mention shares a gazetteer place with another member', (ms) => {
    for (const c of cluster(ms).clusters) {
      if (c.mentions.length < 2) continue;
      for (const u of c.mentions.filter((m) => m.date === null)) {
        const ids = new Set(u.places.flatMap((p) => (p.id ? [p.id] : [])));
        const shares = c.mentions.some((m) => m !== u && m.places.some((p) => p.id !== null && ids.has(p.id)));
        expect(shares).toBe(true);
      }
    }
  });

  test.prop([mentionsArb(10)], params)('every mention is in exactly one cluster', (ms) => {
    const ids = cluster(ms).clusters.flatMap((c) => c.mentions.map((m) => m.id)).sort();
    expect(ids).toEqual(ms.map((m) => m.id).sort());
  });
});
