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

export const formatScore = (n: number): string => String(Math.round(n * 100) / 100);

/** Union-find over mention indexes, each root carrying what the hard rules need. */
const makeForest = (fs: readonly MentionFeatures[], window: number) => {
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

const byScoreThenIds = (p: Comparison, q: Comparison): number =>
  q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);

/** Cluster with a given candidate-pair generator (blocking, or all pairs as the model). */
export const clusterWith = (all: Pick<Rules, 'places' | 'clustering'>, candidates: (fs: readonly MentionFeatures[]) => readonly CandidatePair[]) => {
  const rules = all.clustering;
  const features = mentionFeatures(all);
  const compare = comparePair(rules);
  const threshold = rules.threshold;
  return (mentions: readonly Mention[]): Clustering => {
    const fs = [...mentions].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(features);
    const index = new Map(fs.map((f, i) => [f.mention.id, i]));
    const compared = candidates(fs).map((p) => ({ ...compare(fs[p.i]!, fs[p.j]!), blockedBy: p.blockedBy }));
    const forest = makeForest(fs, rules.dateWindowDays);
    const verdict = new Map<Comparison, string>();
    for (const p of compared.filter((c) => !c.veto && c.score >= threshold).sort(byScoreThenIds)) {
      const x = forest.find(index.get(p.a)!), y = forest.find(index.get(p.b)!);
      const tally = `score ${formatScore(p.score)} ≥ threshold ${formatScore(threshold)}`;
      if (x === y) { verdict.set(p, `${tally}; already joined through other mentions`); continue; }
      const why = forest.conflict(x, y);
      if (why) verdict.set(p, `${tally}, but ${why}`);
      else { forest.union(x, y); verdict.set(p, tally); }
    }
    const pairs: ComparedPair[] = compared.map((p) => {
      const together = forest.find(index.get(p.a)!) === forest.find(index.get(p.b)!);
      const reason = p.veto
        ? (together ? `joined through other mentions (on its own: ${p.veto.reason})` : p.veto.reason)
        : verdict.get(p) ?? (together
        ? `joined through other mentions (score ${formatScore(p.score)} < threshold ${formatScore(threshold)})`
        : `score ${formatScore(p.score)} is below the threshold ${formatScore(threshold)}`);
      return { ...p, decision: together ? 'merged' : 'kept-apart', reason };
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
