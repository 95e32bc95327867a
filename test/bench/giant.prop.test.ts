/**
 * Model-based, on what the extractor reads: a giant block (one incident told again and again:
 * copies of its reports with the figures moved a little, as `npm run bench -- --giant N` makes)
 * clustered over classes of alike mentions gives the brute-force clusters.
 */
import { fc, test } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect } from 'vitest';
import { clusterMentions, clusterMentionsBruteForce } from '../../src/cluster/index.js';
import { extractReport } from '../../src/extract/index.js';
import { DEFAULT_OPTIONS, generateCorpus, vocabularyOf } from '../../src/generate/index.js';
import type { Mention } from '../../src/model/claim.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const v = vocabularyOf(rules);
if (E.isLeft(v)) throw new Error(v.left.join('; '));
const extract = extractReport(rules);

/** `copies` reports of the most told incident of a small corpus, figures moved by 0 to `spread`. */
const giantMentions = (seed: number, copies: number, spread: number): Mention[] => {
  const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, seed, reports: 60 });
  const byIncident = new Map<string, typeof corpus.reports>();
  for (const r of corpus.reports) if (r.incident && r.kind === 'report') byIncident.set(r.incident, [...(byIncident.get(r.incident) ?? []), r]);
  const told = [...byIncident.values()].sort((p, q) => q.length - p.length)[0]!;
  return Array.from({ length: copies }, (_, k) => {
    const r = told[k % told.length]!;
    const bump = Math.floor(k / told.length) % (spread + 1);
    const text = r.text.replace(/[0-9]+/, (d) => String(Number(d) + bump));
    return extract({ id: `copy-${String(k).padStart(4, '0')}`, publishedAt: r.publishedAt, outlet: r.outlet, language: r.language, url: null, text, origin: r.id, coded: null }).mentions;
  }).flat();
};

const partition = (clusters: readonly { mentions: readonly Mention[] }[]): string[][] =>
  clusters.map((c) => c.mentions.map((m) => m.id).sort()).sort((p, q) => (p[0]! < q[0]! ? -1 : 1));

describe('a giant block of copies and updates', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 20, max: 90 }), fc.integer({ min: 0, max: 4 })], { numRuns: 15 })(
    'clustered over classes: the brute-force clusters', (seed, copies, spread) => {
      const ms = giantMentions(seed, copies, spread);
      const fast = clusterMentions(rules, { giantPairs: 0, giantDegree: 0 })(ms), brute = clusterMentionsBruteForce(rules)(ms);
      expect(partition(fast.clusters)).toEqual(partition(brute.clusters));
      // far fewer pairs listed than compared by brute force
      expect(fast.pairs.length).toBeLessThan(Math.max(brute.pairs.length, 2));
    });
});
