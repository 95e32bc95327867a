/**
 * Clustering with cannot-link constraints: candidate pairs that reach the threshold are
 * joined in (score desc, ids) order, and two clusters are united only when the result
 * breaks no hard rule (two events of one report; dated mentions beyond the window).
 * Deterministic and independent of input order; every compared pair keeps its decision.
 */
import type { Mention } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import type { ClusteringRules } from '../rules/clustering-schema.js';
import { allPairs, type CandidatePair } from './block.js';
import { clusterLarge, type ClusterOptions } from './classes.js';
import { comparePair, mayShareIncident, placesAgree, type Comparison } from './compare.js';
import { mentionFeatures, type MentionFeatures } from './features.js';
import { constrainedForest, reasons } from './forest.js';

export type PairDecision = 'merged' | 'kept-apart';

/** A compared pair with how it was found and what became of it: what `inspect` explains. */
export type ComparedPair = Comparison & {
  readonly blockedBy: readonly string[];
  readonly decision: PairDecision;
  readonly reason: string;
};

/** Mentions judged to tell one incident, sorted by id. */
export type Cluster = { readonly mentions: readonly Mention[] };

export type Clustering = { readonly clusters: readonly Cluster[]; readonly pairs: readonly ComparedPair[] };

/**
 * Constraints from outside the scores (analysts' decisions, src/decisions): must-link pairs
 * are joined first, whatever the scores and hard rules say; a cannot-link pair is never in
 * one cluster. By mention id; pairs naming a mention not clustered are ignored.
 */
export type Constraints = { readonly mustLink: readonly (readonly [string, string])[]; readonly cannotLink: readonly (readonly [string, string])[] };

export { formatScore } from './forest.js';

/** Features of mentions, in id order (what every clustering starts from). */
export const sortedFeatures = (all: Pick<Rules, 'places' | 'clustering' | 'languages'>) => {
  const features = mentionFeatures(all);
  return (mentions: readonly Mention[]): MentionFeatures[] =>
    [...mentions].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(features);
};

/** Groups of id-sorted features by root, as clusters ordered by their first mention. */
export const clustersOf = (fs: readonly MentionFeatures[], find: (i: number) => number): Cluster[] => {
  const groups = new Map<number, Mention[]>();
  fs.forEach((f, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(f.mention); else groups.set(r, [f.mention]);
  });
  // Members are already in id order; clusters are ordered by their first mention.
  return [...groups.values()].sort((p, q) => (p[0]!.id < q[0]!.id ? -1 : 1)).map((ms) => ({ mentions: ms }));
};

/** Clustering of id-sorted features over the given candidate pairs: every candidate compared. */
export const clusterPairs = (rules: ClusteringRules) => {
  const compare = comparePair(rules);
  const placeRule = { agree: placesAgree(rules.comparisons.place), mayShare: mayShareIncident(rules) };
  const threshold = rules.threshold;
  const { tally, alreadyJoined, joinedBelow, below, vetoedButJoined } = reasons(threshold);
  return (fs: readonly MentionFeatures[], cands: readonly CandidatePair[], constraints?: Constraints): Clustering => {
    // Features are in id order and i < j, so each comparison's a and b are fs[i] and fs[j].
    const compared = cands.map((p) => compare(fs[p.i]!, fs[p.j]!));
    const forest = constrainedForest(fs, rules.dateWindowDays, constraints, placeRule);
    const verdict: (string | undefined)[] = new Array(compared.length);
    const merging = compared.map((_, k) => k).filter((k) => !compared[k]!.veto && compared[k]!.score >= threshold)
      .sort((p, q) => compared[q]!.score - compared[p]!.score || cands[p]!.i - cands[q]!.i || cands[p]!.j - cands[q]!.j);
    for (const k of merging) {
      const p = compared[k]!, c = cands[k]!;
      const x = forest.find(c.i), y = forest.find(c.j);
      if (x === y) { verdict[k] = alreadyJoined(p.score); continue; }
      const why = forest.conflict(x, y);
      if (why) verdict[k] = `${tally(p.score)}, but ${why}`;
      else { forest.union(x, y); verdict[k] = tally(p.score); }
    }
    const pairs: ComparedPair[] = compared.map((p, k) => {
      const c = cands[k]!;
      const together = forest.find(c.i) === forest.find(c.j);
      const reason = p.veto
        ? (together ? vetoedButJoined(p.veto.reason) : p.veto.reason)
        : verdict[k] ?? (together ? joinedBelow(p.score) : below(p.score));
      return { a: p.a, b: p.b, levels: p.levels, score: p.score, veto: p.veto, blockedBy: c.blockedBy, decision: together ? 'merged' : 'kept-apart', reason };
    });
    return { clusters: clustersOf(fs, forest.find), pairs };
  };
};

/** Cluster with a given candidate-pair generator (blocking, or all pairs as the model). */
export const clusterWith = (all: Pick<Rules, 'places' | 'clustering' | 'languages'>, candidates: (fs: readonly MentionFeatures[]) => readonly CandidatePair[]) => {
  const features = sortedFeatures(all);
  const cluster = clusterPairs(all.clustering);
  return (mentions: readonly Mention[], constraints?: Constraints): Clustering => {
    const fs = features(mentions);
    return cluster(fs, candidates(fs), constraints);
  };
};

/**
 * The clustering stage: blocked candidates, compared, clustered under the hard rules. A
 * giant block (more candidate pairs than `giantPairs` in one connected part) is clustered
 * over representatives instead (classes.ts), with the same clusters.
 */
export const clusterMentions = (rules: Pick<Rules, 'places' | 'clustering' | 'languages'>, options: ClusterOptions = {}) => clusterLarge(rules, options);

/** The same clustering over every pair (slow; the model blocking is tested against). */
export const clusterMentionsBruteForce = (rules: Pick<Rules, 'places' | 'clustering' | 'languages'>) => clusterWith(rules, allPairs);
