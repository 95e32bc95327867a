/**
 * Blocking: cheap keys that decide which mention pairs are compared at all. Rules are
 * OR'ed and each candidate pair remembers which rule(s) produced it. The keys never lose
 * a pair the hard rules allow to merge (see rules/clustering.yaml); blocks stay small.
 * Dates are joined by a sweep over intervals, not all pairs, so wide ranges cost no more
 * than the pairs they produce; pairs that cannot reach the threshold whatever their other
 * levels (different governorates) are not produced at all.
 */
import type { BlockingRule, ClusteringRules } from '../rules/clustering-schema.js';
import type { MentionFeatures } from './features.js';

/** Indexes into the (id-sorted) feature list, i < j, with the blocking rules that found the pair. */
export type CandidatePair = { readonly i: number; readonly j: number; readonly blockedBy: readonly string[] };

/** Pair keys i * n + j (i < j) one rule found, each once. */
type Keys = number[];

const sameReport = (fs: readonly MentionFeatures[], i: number, j: number): boolean =>
  fs[i]!.mention.reportId === fs[j]!.mention.reportId;

/**
 * How far places split the date blocks, by what the pair classes below can score at best
 * (the best weight of every other comparison plus the place level the class lands on):
 * - 'governorate': both placed, no unresolved name, no governorate, district or place in
 *   common → place level 'different'; when that cannot reach the threshold, such pairs
 *   are not produced.
 * - 'district': besides, both name specific places, none in common and no common district
 *   → the first of 'other-place-same-governorate', 'same-governorate' or 'different' in the
 *   rules' order; when that cannot reach the threshold either, specific mentions are only
 *   paired within their districts (and with mentions naming no specific place).
 * - 'none': every dated pair within the window is produced.
 */
export type PlaceSplit = 'none' | 'governorate' | 'district';

export const placeSplit = (rules: ClusteringRules): PlaceSplit => {
  const c = rules.comparisons;
  const best = (levels: readonly { weight: number }[]): number => Math.max(...levels.map((l) => l.weight));
  const others = best(c.date.levels) + best(c.actor.levels) + best(c.victims.levels) + best(c.target.levels);
  const hopeless = (ids: readonly string[]): boolean => {
    const first = c.place.levels.find((l) => ids.includes(l.id))!;
    return others + first.weight < rules.threshold;
  };
  if (!hopeless(['different'])) return 'none';
  return hopeless(['other-place-same-governorate', 'same-governorate', 'different']) ? 'district' : 'governorate';
};

type Span = { readonly k: number; readonly lo: number; readonly hi: number };

/** Spans still open at `lo`: a list that drops closed spans only when one has closed (tracked by the smallest hi). */
const openSpans = () => {
  let list: Span[] = [];
  let minHi = Infinity;
  return {
    at: (lo: number): readonly Span[] => {
      if (minHi < lo) {
        list = list.filter((a) => a.hi >= lo);
        minHi = list.reduce((m, a) => Math.min(m, a.hi), Infinity);
      }
      return list;
    },
    add: (s: Span): void => { list.push(s); minHi = Math.min(minHi, s.hi); },
  };
};

/**
 * Pairs of spans whose [lo, hi] overlap, by a sweep in lo order. With `wild`, only pairs
 * with at least one wild side. The cost is the sort plus the pairs visited.
 */
const sweep = (spans: Span[], visit: (a: number, b: number) => void, wild?: (k: number) => boolean): void => {
  spans.sort((p, q) => p.lo - q.lo || p.k - q.k);
  const all = openSpans(), wilds = openSpans();
  for (const s of spans) {
    const isWild = wild ? wild(s.k) : true;
    for (const a of (isWild ? all : wilds).at(s.lo)) visit(a.k, s.k);
    all.add(s);
    if (wild && isWild) wilds.add(s);
  }
};

/** Sweep each group of spans that share a key; `flag` as in sweep. */
const sweepGroups = (spans: readonly Span[], keysOf: (k: number) => readonly string[], visit: (a: number, b: number) => void, flag?: (k: number) => boolean): void => {
  const groups = new Map<string, Span[]>();
  for (const s of spans) {
    for (const key of keysOf(s.k)) {
      const list = groups.get(key);
      if (list) list.push(s); else groups.set(key, [s]);
    }
  }
  for (const group of groups.values()) if (group.length > 1) sweep(group, visit, flag);
};

/**
 * Dated mentions share a bucket of `bucketDays` days when their ranges, each widened by the
 * window, touch a common bucket: with one-day buckets, exactly when they are no more than
 * the window apart. Within that, places split the blocks as far as placeSplit allows.
 * A pair found under several keys is emitted more than once; blockMentions keeps one.
 */
const blockByDate = (rule: Extract<BlockingRule, { kind: 'date-overlap' }>, rules: ClusteringRules) =>
  (fs: readonly MentionFeatures[]): Keys => {
    const n = fs.length;
    const split = placeSplit(rules);
    const window = rules.dateWindowDays;
    const keys: Keys = [];
    const emit = (a: number, b: number): void => {
      if (!sameReport(fs, a, b)) keys.push(a < b ? a * n + b : b * n + a);
    };
    const all: Span[] = [];
    fs.forEach((f, k) => {
      if (f.days) all.push({ k, lo: Math.floor(f.days.start / rule.bucketDays), hi: Math.floor((f.days.end + window) / rule.bucketDays) });
    });
    if (split === 'none') {
      sweep(all, emit);
      return keys;
    }
    // Mentions without place keys pair with every dated mention.
    sweep([...all], emit, (k) => fs[k]!.placeKeys === null);
    const placed = all.filter((s) => fs[s.k]!.placeKeys !== null);
    const place = (k: number) => fs[k]!.placeKeys!;
    if (split === 'governorate') {
      sweepGroups(placed, (k) => [...place(k).broad, ...place(k).local], emit);
      return keys;
    }
    // Within a governorate, pairs with a side that names no specific place; within a district
    // or place, pairs of specific mentions.
    sweepGroups(placed, (k) => place(k).broad, emit, (k) => !place(k).specific);
    sweepGroups(placed.filter((s) => place(s.k).specific), (k) => place(k).local, emit);
    return keys;
  };

/** Same gazetteer place id; with scope 'with-undated' only pairs that have an undated side. */
const blockByPlace = (rule: Extract<BlockingRule, { kind: 'place-id' }>) =>
  (fs: readonly MentionFeatures[]): Keys => {
    const n = fs.length;
    const blocks = new Map<string, { dated: number[]; undated: number[] }>();
    fs.forEach((f, i) => {
      for (const id of f.placeIds) {
        const b = blocks.get(id) ?? { dated: [], undated: [] };
        (f.days ? b.dated : b.undated).push(i);
        blocks.set(id, b);
      }
    });
    const keys: Keys = [];
    const pair = (i: number, j: number): void => {
      if (i !== j && !sameReport(fs, i, j)) keys.push(Math.min(i, j) * n + Math.max(i, j));
    };
    for (const { dated, undated } of blocks.values()) {
      for (let x = 0; x < undated.length; x++) {
        for (let y = x + 1; y < undated.length; y++) pair(undated[x]!, undated[y]!);
        for (const d of dated) pair(undated[x]!, d);
      }
      if (rule.scope === 'all') {
        for (let x = 0; x < dated.length; x++) for (let y = x + 1; y < dated.length; y++) pair(dated[x]!, dated[y]!);
      }
    }
    return keys;
  };

const blocker = (rule: BlockingRule, rules: ClusteringRules) =>
  rule.kind === 'date-overlap' ? blockByDate(rule, rules) : blockByPlace(rule);

/** Sorted, without repeats. */
const uniqueSorted = (keys: Keys): Float64Array => {
  const a = Float64Array.from(keys).sort();
  let w = 0;
  for (let r = 0; r < a.length; r++) if (r === 0 || a[r] !== a[w - 1]) a[w++] = a[r]!;
  return a.subarray(0, w);
};

/** Candidate pairs of id-sorted features, sorted by (i, j). */
export const blockMentions = (rules: ClusteringRules) => (fs: readonly MentionFeatures[]): CandidatePair[] => {
  const n = fs.length;
  const found = rules.blocking.map((rule) => ({ id: rule.id, keys: uniqueSorted(blocker(rule, rules)(fs)) }));
  // Merge the rules' sorted key lists; pairs found by the same rules share one blockedBy array.
  const shared = new Map<string, readonly string[]>();
  const blockedByOf = (ids: string[]): readonly string[] => {
    const k = ids.join('\u0000');
    let v = shared.get(k);
    if (!v) { v = ids; shared.set(k, v); }
    return v;
  };
  const at = found.map(() => 0);
  const out: CandidatePair[] = [];
  for (;;) {
    let min = Infinity;
    found.forEach((f, r) => { if (at[r]! < f.keys.length && f.keys[at[r]!]! < min) min = f.keys[at[r]!]!; });
    if (min === Infinity) break;
    const ids: string[] = [];
    found.forEach((f, r) => { if (at[r]! < f.keys.length && f.keys[at[r]!] === min) { ids.push(f.id); at[r]!++; } });
    out.push({ i: Math.floor(min / n), j: min % n, blockedBy: blockedByOf(ids) });
  }
  return out;
};

/** Every pair: the deliberately simple model blocking is tested against. */
export const allPairs = (fs: readonly MentionFeatures[]): CandidatePair[] => {
  const out: CandidatePair[] = [];
  const blockedBy = ['all-pairs'];
  for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) out.push({ i, j, blockedBy });
  return out;
};
