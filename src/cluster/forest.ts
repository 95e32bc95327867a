/**
 * The union-find both clusterings share (all candidate pairs in cluster.ts, representatives
 * in classes.ts): each root carries what the hard rules need, and the reasons a pair's
 * decision is given in, made once per score rather than once per pair.
 */
import { signature, type MentionFeatures } from './features.js';
import { placeSignature } from './compare.js';

type Meet = (a: MentionFeatures, b: MentionFeatures) => boolean;
/**
 * Two mentions naming specific places: `agree`, their places agree (compare.ts placesAgree);
 * `mayShare`, they may be in one incident all the same (mayShareIncident).
 */
export type PlaceRule = { readonly agree: Meet; readonly mayShare: Meet };

/** A symmetric test of two mentions, remembered by their keys. */
const memoPair = (test: Meet) => {
  const seen = new Map<string, boolean>();
  return (k: string, a: MentionFeatures, l: string, b: MentionFeatures): boolean => {
    const key = k < l ? `${k}\u0000${l}` : `${l}\u0000${k}`;
    let v = seen.get(key);
    if (v === undefined) { v = test(a, b); seen.set(key, v); }
    return v;
  };
};

const placeNames = (f: MentionFeatures): string => f.mention.places.map((p) => p.name).join(', ');

export const formatScore = (n: number): string => String(Math.round(n * 100) / 100);

export type Forest = {
  readonly find: (i: number) => number;
  /** Why the clusters of roots x and y may not be one, or null when they may. */
  readonly conflict: (x: number, y: number) => string | null;
  /** Join two roots (no check). */
  readonly union: (x: number, y: number) => void;
};

/**
 * Union-find over mention indexes, each root carrying what the hard rules need. A conflict,
 * once it holds between two clusters, holds between any clusters containing them: joining
 * only adds reports, narrows the date bounds, keeps every cannot-link and adds places. Two
 * mentions at different specific places (two villages, two neighbourhoods, a village and an
 * unlisted name) are in one incident only when their own comparison joins them: a mention
 * that names only the governorate, the district or the city agrees with both, and must not
 * chain them.
 */
export const makeForest = (fs: readonly MentionFeatures[], window: number, cannot: ReadonlyMap<number, readonly number[]> = new Map(),
  rule: PlaceRule = { agree: () => true, mayShare: () => true }): Forest => {
  const { agree: placesAgreeOnly, mayShare } = rule;
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
  // per root: its mentions that name a specific place, one per signature, grouped by their places
  const places = fs.map((f) => {
    const k = placeSignature(f);
    return k === null ? new Map<string, Map<string, MentionFeatures>>() : new Map([[k, new Map([[signature(f), f]])]]);
  });
  const placesMeet = memoPair(placesAgreeOnly);
  const mayMeet = memoPair(mayShare);
  const placesConflict = (x: number, y: number): string | null => {
    for (const [k, as] of places[x]!) {
      for (const [l, bs] of places[y]!) {
        const [a0] = as.values(), [b0] = bs.values();
        if (placesMeet(k, a0!, l, b0!)) continue;
        for (const [s, a] of as) for (const [t, b] of bs) {
          if (!mayMeet(s, a, t, b)) return `joining would put two different places (${placeNames(a)}; ${placeNames(b)}) in one incident`;
        }
      }
    }
    return null;
  };
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
    return placesConflict(x, y);
  };
  const union = (x: number, y: number): void => {
    const [root, child] = reports[x]!.size >= reports[y]!.size ? [x, y] : [y, x];
    parent[child] = root;
    for (const r of reports[child]!) reports[root]!.add(r);
    maxStart[root] = Math.max(maxStart[root]!, maxStart[child]!);
    minEnd[root] = Math.min(minEnd[root]!, minEnd[child]!);
    for (const [k, fs2] of places[child]!) {
      const into = places[root]!.get(k);
      if (!into) places[root]!.set(k, fs2);
      else for (const [s, f] of fs2) if (!into.has(s)) into.set(s, f);
    }
    places[child] = new Map();
  };
  return { find, conflict, union };
};

/** Must-link pairs joined first, whatever the scores and hard rules say; cannot-links by index. */
export const constrainedForest = (fs: readonly MentionFeatures[], window: number,
  constraints?: { readonly mustLink: readonly (readonly [string, string])[]; readonly cannotLink: readonly (readonly [string, string])[] },
  rule?: PlaceRule): Forest => {
  const index = new Map(constraints ? fs.map((f, i) => [f.mention.id, i] as const) : []);
  const pairsOf = (ps: readonly (readonly [string, string])[]): [number, number][] =>
    ps.flatMap(([a, b]) => (index.has(a) && index.has(b) ? [[index.get(a)!, index.get(b)!] as [number, number]] : []));
  const cannot = new Map<number, number[]>();
  for (const [i, j] of pairsOf(constraints?.cannotLink ?? [])) cannot.set(i, [...(cannot.get(i) ?? []), j]);
  const forest = makeForest(fs, window, cannot, rule);
  for (const [i, j] of pairsOf(constraints?.mustLink ?? [])) if (forest.find(i) !== forest.find(j)) forest.union(forest.find(i), forest.find(j));
  return forest;
};

const memo = <K>(make: (k: K) => string) => {
  const cache = new Map<K, string>();
  return (k: K): string => { let v = cache.get(k); if (v === undefined) { v = make(k); cache.set(k, v); } return v; };
};

/** The sentences a pair's decision is given in, by score or veto reason. */
export const reasons = (threshold: number) => {
  const tally = memo((score: number) => `score ${formatScore(score)} ≥ threshold ${formatScore(threshold)}`);
  return {
    tally,
    alreadyJoined: memo((score: number) => `${tally(score)}; already joined through other mentions`),
    joinedBelow: memo((score: number) => `joined through other mentions (score ${formatScore(score)} < threshold ${formatScore(threshold)})`),
    below: memo((score: number) => `score ${formatScore(score)} is below the threshold ${formatScore(threshold)}`),
    vetoedButJoined: memo((reason: string) => `joined through other mentions (on its own: ${reason})`),
  };
};
