/**
 * Model-based: the clustering score of the bench (src/generate/score.ts) counts report pairs
 * in linear time, as counting every pair of every incident does (a pair in two incidents once).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { scoreClustering } from '../../src/generate/score.js';

/** Every pair of every incident, each pair once. */
const pairwise = (truth: Readonly<Record<string, string | null>>, incidents: readonly { reportIds: readonly string[] }[]) => {
  const seen = new Set<string>();
  let predicted = 0, correct = 0;
  for (const inc of incidents) {
    const ids = [...new Set(inc.reportIds)].sort();
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) {
      const key = `${ids[x]}|${ids[y]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      predicted++;
      const t = truth[ids[x]!];
      if (t !== null && t !== undefined && t === truth[ids[y]!]) correct++;
    }
  }
  return { predicted, correct };
};

const reports = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('bench clustering score', () => {
  test.prop([
    fc.dictionary(fc.constantFrom(...reports), fc.constantFrom('i1', 'i2', 'i3', null)),
    fc.array(fc.record({ reportIds: fc.array(fc.constantFrom(...reports, 'x'), { maxLength: 6 }) }), { maxLength: 6 }),
  ], { numRuns: 300 })('counts the pairs every pair of every incident gives', (truth, incidents) => {
    const s = scoreClustering(truth)(incidents);
    const m = pairwise(truth, incidents);
    expect([s.predictedPairs, s.correctPairs]).toEqual([m.predicted, m.correct]);
  });
});
