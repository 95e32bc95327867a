/**
 * Giant blocks: one strike told by thousands of copies, reposts and updates puts thousands
 * of mentions in one block, and comparing all their pairs is quadratic. Most of them are
 * alike: mentions with one signature (everything comparison and blocking read, apart from
 * the mention's id and report) compare alike with every other mention. So a giant block is
 * clustered over classes of alike mentions: each pair of classes is compared once, through
 * representatives, and the greedy join of cluster.ts is replayed over the mentions without
 * visiting every pair, giving the same clusters.
 *
 * The replay. Brute force joins the mergeable pairs (no veto, score at the threshold) in
 * (score desc, i, j) order, skipping a pair whose sides are already one cluster or whose
 * clusters conflict (forest.ts). Such a pair changes nothing, and it stays that way: a
 * conflict between two clusters holds for any clusters containing them. Pairs of one score
 * are the pairs of its class pairs; for each mention i in id order, the next pair that
 * joins is found class by class, and each class keeps, per cluster, how far its members
 * are known to change nothing (a pointer that only moves on, joined clusters taking the
 * further). Once a cluster holds a whole class, that class costs one step per mention.
 *
 * `pairs` then lists the pairs that joined and, for each two clusters some mergeable pair
 * connects, one such pair with why it was refused: every mergeable connection between
 * clusters is there (src/store/region.ts reads them), not every pair.
 */
import type { Mention } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import type { ClusteringRules } from '../rules/clustering-schema.js';
import { blockMentions, type CandidatePair } from './block.js';
import { clusterPairs, clustersOf, sortedFeatures, type Clustering, type ComparedPair, type Constraints } from './cluster.js';
import { comparePair, mayShareIncident, placesAgree, type Comparison } from './compare.js';
import { signature, type MentionFeatures } from './features.js';
import { constrainedForest, reasons, type Forest } from './forest.js';

export type ClusterOptions = {
  /** a connected part of the candidate graph with more pairs than this (default GIANT_PAIRS) … */
  readonly giantPairs?: number;
  /** … and more than this many pairs per mention (default GIANT_DEGREE) is clustered over classes */
  readonly giantDegree?: number;
};

export const GIANT_PAIRS = 250_000;
/** A year of reports chains into one long sparse part (a few pairs per mention); a giant block is dense. */
export const GIANT_DEGREE = 64;

export { signature } from './features.js';

/** Classes of alike mentions: each class's members in index order, classes by their first member. */
type Classes = { readonly classOf: Int32Array; readonly members: readonly number[][] };

const classesOf = (fs: readonly MentionFeatures[]): Classes => {
  const byKey = new Map<string, number>();
  const classOf = new Int32Array(fs.length);
  const members: number[][] = [];
  fs.forEach((f, i) => {
    const key = signature(f);
    let c = byKey.get(key);
    if (c === undefined) { c = members.length; byKey.set(key, c); members.push([]); }
    members[c]!.push(i);
    classOf[i] = c;
  });
  return { classOf, members };
};

/** The same features as a mention of a report no other mention has (class representatives). */
const anonymous = (f: MentionFeatures, tag: string): MentionFeatures =>
  ({ ...f, mention: { ...f.mention, id: `${f.mention.id}\u0000${tag}`, reportId: `\u0000${tag}` } });

type Block = (fs: readonly MentionFeatures[]) => CandidatePair[];

/** Candidate class pairs (c < d) and the classes whose own members blocking pairs. */
const classCandidates = (block: Block, fs: readonly MentionFeatures[], classes: Classes, anonymise: boolean) => {
  const reps = classes.members.map((ms, c) => (anonymise || ms.length > 1 ? anonymous(fs[ms[0]!]!, `${c}`) : fs[ms[0]!]!));
  const twins = new Map<number, MentionFeatures>();
  classes.members.forEach((ms, c) => {
    if (ms.length < 2) return;
    const twin = anonymous(fs[ms[0]!]!, `${c}'`);
    if (block([reps[c]!, twin]).length > 0) twins.set(c, twin);
  });
  return { reps, cross: block(reps), twins };
};

/** Union-find over small integers. */
const unionFind = (n: number) => {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  return { find, union: (a: number, b: number): void => { const x = find(a), y = find(b); if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); } };
};

/** Connected parts of the class candidate graph (constraints join too), each with its mentions and candidate pair count. */
const components = (fs: readonly MentionFeatures[], classes: Classes, cand: ReturnType<typeof classCandidates>, constraints?: Constraints) => {
  const sets = unionFind(classes.members.length);
  for (const p of cand.cross) sets.union(p.i, p.j);
  if (constraints) {
    const index = new Map(fs.map((f, i) => [f.mention.id, i] as const));
    for (const [a, b] of [...constraints.mustLink, ...constraints.cannotLink]) {
      const i = index.get(a), j = index.get(b);
      if (i !== undefined && j !== undefined) sets.union(classes.classOf[i]!, classes.classOf[j]!);
    }
  }
  const size = (c: number): number => classes.members[c]!.length;
  const pairs = new Map<number, number>();
  const mentions = new Map<number, number>();
  const add = (c: number, n: number): void => { const r = sets.find(c); pairs.set(r, (pairs.get(r) ?? 0) + n); };
  for (const p of cand.cross) add(p.i, size(p.i) * size(p.j));
  for (const c of cand.twins.keys()) add(c, (size(c) * (size(c) - 1)) / 2);
  classes.members.forEach((ms, c) => { const r = sets.find(c); mentions.set(r, (mentions.get(r) ?? 0) + ms.length); });
  return { of: (c: number): number => sets.find(c), pairs, mentions };
};

/** First index in an ascending list above x. */
const above = (list: readonly number[], x: number): number => {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! <= x) lo = mid + 1; else hi = mid; }
  return lo;
};

type Tier = ReadonlyMap<number, readonly number[]>;

/** Mergeable class pairs by score, highest first: each tier maps a class to its partner classes. */
const tiersOf = (mergeable: readonly { c: number; d: number; score: number }[]): Tier[] => {
  const byScore = new Map<number, Map<number, number[]>>();
  for (const { c, d, score } of mergeable) {
    const tier = byScore.get(score) ?? new Map<number, number[]>();
    byScore.set(score, tier);
    const link = (x: number, y: number): void => { const l = tier.get(x); if (l) l.push(y); else tier.set(x, [y]); };
    link(c, d);
    if (c !== d) link(d, c);
  }
  return [...byScore.entries()].sort((p, q) => q[0] - p[0]).map(([, tier]) => tier);
};

/**
 * Replay the greedy joins of one tier (see the header). `progress` holds, per root and
 * class, the position below which that class's members change nothing for the root.
 */
const replayTier = (forest: Forest, classes: Classes, tier: Tier, joinedPair: (i: number, j: number) => void): void => {
  const progress = new Map<number, Map<number, number>>();
  const unite = (x: number, y: number): void => {
    forest.union(x, y);
    const root = forest.find(x), other = root === x ? y : x;
    const a = progress.get(root), b = progress.get(other);
    progress.delete(other);
    if (!b) return;
    if (!a) { progress.set(root, b); return; }
    const [small, big] = a.size < b.size ? [a, b] : [b, a];
    for (const [k, v] of small) big.set(k, Math.max(v, big.get(k) ?? 0));
    progress.set(root, big);
  };
  const n = classes.classOf.length;
  for (let i = 0; i < n; i++) {
    const partners = tier.get(classes.classOf[i]!);
    if (!partners) continue;
    for (let cursor = i; ;) {
      const r = forest.find(i);
      let known = progress.get(r);
      if (!known) { known = new Map(); progress.set(r, known); }
      let best = -1;
      for (const d of partners) {
        const list = classes.members[d]!;
        let p = Math.max(known.get(d) ?? 0, above(list, cursor));
        for (; p < list.length; p++) {
          const y = forest.find(list[p]!);
          if (y !== r && forest.conflict(r, y) === null) break;
        }
        known.set(d, p);
        if (p < list.length && (best < 0 || list[p]! < best)) best = list[p]!;
      }
      if (best < 0) break;
      joinedPair(i, best);
      unite(r, forest.find(best));
      cursor = best;
    }
  }
};

/** For each cluster of a class, its first member and the first of another report: enough to find a pair of other reports. */
const holders = (fs: readonly MentionFeatures[], members: readonly number[], find: (i: number) => number): Map<number, number[]> => {
  const out = new Map<number, number[]>();
  for (const m of members) {
    const r = find(m), h = out.get(r);
    if (!h) out.set(r, [m]);
    else if (h.length === 1 && fs[h[0]!]!.mention.reportId !== fs[m]!.mention.reportId) h.push(m);
  }
  return out;
};

/** One mergeable pair between each two clusters that some mergeable class pair connects. */
const witnesses = (fs: readonly MentionFeatures[], classes: Classes, mergeable: readonly { c: number; d: number }[], find: (i: number) => number): [number, number][] => {
  const report = (i: number): string => fs[i]!.mention.reportId;
  const seen = new Set<string>();
  const out: [number, number][] = [];
  const held = new Map<number, Map<number, number[]>>();
  const holdersOf = (c: number): Map<number, number[]> => {
    let h = held.get(c);
    if (!h) { h = holders(fs, classes.members[c]!, find); held.set(c, h); }
    return h;
  };
  for (const { c, d } of mergeable) {
    for (const [x, hx] of holdersOf(c)) {
      for (const [y, hy] of holdersOf(d)) {
        const key = x < y ? `${x} ${y}` : `${y} ${x}`;
        if (x === y || seen.has(key)) continue;
        const pick = hx.flatMap((a) => hy.filter((b) => report(a) !== report(b)).map((b) => [a, b] as [number, number]))[0];
        if (!pick) continue;
        seen.add(key);
        out.push(pick[0] < pick[1] ? pick : [pick[1], pick[0]]);
      }
    }
  }
  return out;
};

/** Clustering of one giant block of id-sorted features over classes of alike mentions. */
export const clusterByClasses = (rules: ClusteringRules) => {
  const compare = comparePair(rules);
  const placeRule = { agree: placesAgree(rules.comparisons.place), mayShare: mayShareIncident(rules) };
  const block = blockMentions(rules);
  const { tally } = reasons(rules.threshold);
  const blockedBy = ['representatives'];
  return (fs: readonly MentionFeatures[], constraints?: Constraints): Clustering => {
    const classes = classesOf(fs);
    const cand = classCandidates(block, fs, classes, true);
    const compared = [
      ...cand.cross.map((p) => ({ c: p.i, d: p.j, cmp: compare(cand.reps[p.i]!, cand.reps[p.j]!) })),
      ...[...cand.twins].map(([c, twin]) => ({ c, d: c, cmp: compare(cand.reps[c]!, twin) })),
    ];
    const mergeable = compared.filter((x) => x.cmp.veto === null && x.cmp.score >= rules.threshold).map((x) => ({ c: x.c, d: x.d, score: x.cmp.score }));
    const forest = constrainedForest(fs, rules.dateWindowDays, constraints, placeRule);
    const pairs: ComparedPair[] = [];
    const pairOf = (i: number, j: number, decision: ComparedPair['decision'], reason: (p: Comparison) => string): ComparedPair => {
      const p = compare(fs[i]!, fs[j]!);
      return { ...p, blockedBy, decision, reason: reason(p) };
    };
    for (const tier of tiersOf(mergeable)) replayTier(forest, classes, tier, (i, j) => pairs.push(pairOf(i, j, 'merged', (p) => tally(p.score))));
    for (const [i, j] of witnesses(fs, classes, mergeable, forest.find)) {
      const why = forest.conflict(forest.find(i), forest.find(j));
      pairs.push(pairOf(i, j, 'kept-apart', (p) => `${tally(p.score)}, but ${why ?? 'joining was refused'}`));
    }
    return { clusters: clustersOf(fs, forest.find), pairs };
  };
};

/**
 * Blocked clustering that stays fast on giant blocks: connected parts of the candidate graph
 * with at most `giantPairs` pairs, or at most `giantDegree` pairs per mention, are clustered pair by pair (cluster.ts, every candidate
 * compared and listed); larger ones over classes (clusterByClasses). When no part is giant
 * the result is exactly the pair-by-pair one.
 */
export const clusterLarge = (all: Pick<Rules, 'places' | 'clustering' | 'languages'>, options: ClusterOptions = {}) => {
  const limit = options.giantPairs ?? GIANT_PAIRS, degree = options.giantDegree ?? GIANT_DEGREE;
  const features = sortedFeatures(all);
  const block = blockMentions(all.clustering);
  const byPairs = clusterPairs(all.clustering);
  const byClasses = clusterByClasses(all.clustering);
  return (mentions: readonly Mention[], constraints?: Constraints): Clustering => {
    const fs = features(mentions);
    const classes = classesOf(fs);
    const cand = classCandidates(block, fs, classes, false);
    const parts = components(fs, classes, cand, constraints);
    const giants = new Set([...parts.pairs].filter(([c, n]) => n > limit && n > degree * parts.mentions.get(c)!).map(([c]) => c));
    // Every class a singleton: the class pairs are the mention pairs.
    if (!giants.size) return byPairs(fs, classes.members.length === fs.length ? cand.cross : block(fs), constraints);
    const partOf = (i: number): number => parts.of(classes.classOf[i]!);
    const index = new Map(fs.map((f, i) => [f.mention.id, i] as const));
    const small = fs.filter((_, i) => !giants.has(partOf(i)));
    const results = [byPairs(small, block(small), constraints),
      ...[...giants].map((g) => byClasses(fs.filter((_, i) => partOf(i) === g), constraints))];
    const clusters = results.flatMap((r) => r.clusters).sort((p, q) => (p.mentions[0]!.id < q.mentions[0]!.id ? -1 : 1));
    const pairs = results.flatMap((r) => r.pairs).sort((p, q) => index.get(p.a)! - index.get(q.a)! || index.get(p.b)! - index.get(q.b)!);
    return { clusters, pairs };
  };
};
