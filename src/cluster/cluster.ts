/**
 * Clustering with cannot-link constraints: candidate pairs that reach the threshold are
 * joined in (score desc, ids) order, and two clusters are united only when the result
 * breaks no hard rule (two events of one report; dated mentions beyond the window).
 * Deterministic and independent of input order; every compared pair keeps its decision.
 */
import type { Mention } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import { allPairs, blockMentions, type CandidatePair } from './block.js';
import { comparePair, type Comparison } from './compare.js';
import { mentionFeatures, type MentionFeatures } from './features.js';

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

export const formatScore = (n: number): string => String(Math.round(n * 100) / 100);

/** Union-find over mention indexes, each root carrying what the hard rules need. */
const makeForest = (fs: readonly MentionFeatures[], window: number, cannot: ReadonlyMap<number, readonly number[]> = new Map()) => {
  const parent = fs.map((_, i) => i);
  const reports = fs.map((f) => new Set([f.mention.reportId]));
  const maxStart = fs.map((f) => f.days?.start ?? -Infinity);
  const minEnd = fs.map((f) => f.days?.end ?? Infinity);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    for (let k = i; parent[k] !== r;) { const next = parent[k]!; parent[k] = r; k = next; }
    return r;
  };
  /** Why the clusters of roots x and y may not be one, or null when they may. */
  const conflict = (x: number, y: number): string | null => {
    const [small, big] = reports[x]!.size <= reports[y]!.size ? [reports[x]!, reports[y]!] : [reports[y]!, reports[x]!];
    for (const r of small) if (big.has(r)) return `joining would put two events of report ${r} in one incident`;
    for (const [i, apart] of cannot) {
      const ri = find(i);
      if (ri === x || ri === y) for (const j of apart) if (find(j) === (ri === x ? y : x)) return 'a decision keeps them apart (different-incidents)';
    }
    if (maxStart[x]! > minEnd[y]! + window || maxStart[y]! > minEnd[x]! + window) {
      return `joining would put mentions more than ${window} day(s) apart in one incident`;
    }
    return null;
  };
  const union = (x: number, y: number): void => {
    const [root, child] = reports[x]!.size >= reports[y]!.size ? [x, y] : [y, x];
    parent[child] = root;
    for (const r of reports[child]!) reports[root]!.add(r);
    maxStart[root] = Math.max(maxStart[root]!, maxStart[child]!);
    minEnd[root] = Math.min(minEnd[root]!, minEnd[child]!);
  };
  return { find, conflict, union };
};

/** Cluster with a given candidate-pair generator (blocking, or all pairs as the model). */
export const clusterWith = (all: Pick<Rules, 'places' | 'clustering'>, candidates: (fs: readonly MentionFeatures[]) => readonly CandidatePair[]) => {
  const rules = all.clustering;
  const features = mentionFeatures(all);
  const compare = comparePair(rules);
  const threshold = rules.threshold;
  // Reasons that depend only on the score are made once per score, not once per pair.
  const memo = <K>(make: (k: K) => string) => {
    const cache = new Map<K, string>();
    return (k: K): string => { let v = cache.get(k); if (v === undefined) { v = make(k); cache.set(k, v); } return v; };
  };
  const tally = memo((score: number) => `score ${formatScore(score)} ≥ threshold ${formatScore(threshold)}`);
  const alreadyJoined = memo((score: number) => `${tally(score)}; already joined through other mentions`);
  const joinedBelow = memo((score: number) => `joined through other mentions (score ${formatScore(score)} < threshold ${formatScore(threshold)})`);
  const below = memo((score: number) => `score ${formatScore(score)} is below the threshold ${formatScore(threshold)}`);
  const vetoedButJoined = memo((reason: string) => `joined through other mentions (on its own: ${reason})`);
  return (mentions: readonly Mention[], constraints?: Constraints): Clustering => {
    const fs = [...mentions].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(features);
    const cands = candidates(fs);
    // Features are in id order and i < j, so each comparison's a and b are fs[i] and fs[j].
    const compared = cands.map((p) => compare(fs[p.i]!, fs[p.j]!));
    const index = new Map(constraints ? fs.map((f, i) => [f.mention.id, i] as const) : []);
    const pairsOf = (ps: Constraints['mustLink']): [number, number][] =>
      ps.flatMap(([a, b]) => (index.has(a) && index.has(b) ? [[index.get(a)!, index.get(b)!] as [number, number]] : []));
    const cannot = new Map<number, number[]>();
    for (const [i, j] of pairsOf(constraints?.cannotLink ?? [])) cannot.set(i, [...(cannot.get(i) ?? []), j]);
    const forest = makeForest(fs, rules.dateWindowDays, cannot);
    for (const [i, j] of pairsOf(constraints?.mustLink ?? [])) if (forest.find(i) !== forest.find(j)) forest.union(forest.find(i), forest.find(j));
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
    const groups = new Map<number, Mention[]>();
    fs.forEach((f, i) => {
      const r = forest.find(i);
      const g = groups.get(r);
      if (g) g.push(f.mention); else groups.set(r, [f.mention]);
    });
    // Members are already in id order; clusters are ordered by their first mention.
    const clusters = [...groups.values()].sort((p, q) => (p[0]!.id < q[0]!.id ? -1 : 1)).map((ms) => ({ mentions: ms }));
    return { clusters, pairs };
  };
};

/** The clustering stage: blocked candidates, compared, clustered under the hard rules. */
export const clusterMentions = (rules: Pick<Rules, 'places' | 'clustering'>) => clusterWith(rules, blockMentions(rules.clustering));

/** The same clustering over every pair (slow; the model blocking is tested against). */
export const clusterMentionsBruteForce = (rules: Pick<Rules, 'places' | 'clustering'>) => clusterWith(rules, allPairs);
