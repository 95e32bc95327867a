/**
 * Model-based: on small generated corpora packed into a few weeks (so that places, days and
 * figures collide often), blocked clustering gives exactly the brute-force all-pairs result.
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

/** Mentions the extractor reads in a generated corpus (targets included: hand-coded claims carry none). */
const mentionsOf = (seed: number, reports: number, days: number, governorates: readonly string[]): Mention[] => {
  const from = '2017-03-01';
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  // Many reports name a neighbouring village: pairs of different places in one district come often.
  const rates = { ...DEFAULT_OPTIONS.rates, neighbourVillage: 0.4 };
  const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, rates, seed, reports, from, to, governorates });
  return corpus.reports.flatMap((r) => extract({
    id: r.id, publishedAt: r.publishedAt, outlet: r.outlet, language: r.language, url: null, text: r.text, origin: r.id, coded: null,
  }).mentions);
};

const partition = (clusters: readonly { mentions: readonly Mention[] }[]): string[][] =>
  clusters.map((c) => c.mentions.map((m) => m.id).sort()).sort((p, q) => (p[0]! < q[0]! ? -1 : 1));

describe('blocking on generated corpora', () => {
  const governorates = fc.subarray(['deir-ez-zor', 'idlib', 'aleppo', 'raqqa', 'hama'], { minLength: 1, maxLength: 2 });
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 10, max: 50 }), fc.integer({ min: 3, max: 30 }), governorates], { numRuns: 40 })(
    'blocked clustering equals brute force: same incidents, same decisions, no mergeable pair missed',
    (seed, reports, days, govs) => {
      const ms = mentionsOf(seed, reports, days, govs);
      const blocked = clusterMentions(rules)(ms), brute = clusterMentionsBruteForce(rules)(ms);
      expect(partition(blocked.clusters)).toEqual(partition(brute.clusters));
      const byPair = new Map(brute.pairs.map((p) => [`${p.a}|${p.b}`, p]));
      for (const p of blocked.pairs) {
        const q = byPair.get(`${p.a}|${p.b}`)!;
        expect([p.score, p.decision, p.levels]).toEqual([q.score, q.decision, q.levels]);
      }
      const found = new Set(blocked.pairs.map((p) => `${p.a}|${p.b}`));
      const missed = brute.pairs.filter((q) => !q.veto && q.score >= rules.clustering.threshold && !found.has(`${q.a}|${q.b}`));
      expect(missed.map((q) => `${q.a}|${q.b}`)).toEqual([]);
    });
});
