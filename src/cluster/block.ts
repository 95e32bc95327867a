/**
 * Blocking: cheap keys that decide which mention pairs are compared at all. Rules are
 * OR'ed and each candidate pair remembers which rule(s) produced it. The keys never lose
 * a pair the hard rules allow to merge (see rules/clustering.yaml); blocks stay small.
 */
import type { BlockingRule, ClusteringRules } from '../rules/clustering-schema.js';
import type { MentionFeatures } from './features.js';

/** Indexes into the (id-sorted) feature list, i < j, with the blocking rules that found the pair. */
export type CandidatePair = { readonly i: number; readonly j: number; readonly blockedBy: readonly string[] };

type Emit = (i: number, j: number, rule: string) => void;

const sameReport = (fs: readonly MentionFeatures[], i: number, j: number): boolean =>
  fs[i]!.mention.reportId === fs[j]!.mention.reportId;

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
};

/** Buckets of `bucketDays` days; a mention covers [start, end + window], so two mentions
 *  share a bucket exactly when their dates are within the window (or a bucket apart). */
const blockByDate = (rule: Extract<BlockingRule, { kind: 'date-overlap' }>, window: number) =>
  (fs: readonly MentionFeatures[], emit: Emit): void => {
    const buckets = new Map<number, number[]>();
    const first: number[] = [];
    fs.forEach((f, i) => {
      if (!f.days) return;
      const lo = Math.floor(f.days.start / rule.bucketDays), hi = Math.floor((f.days.end + window) / rule.bucketDays);
      first[i] = lo;
      for (let k = lo; k <= hi; k++) pushTo(buckets, k, i);
    });
    for (const [k, members] of buckets) {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!, j = members[y]!;
        // Emit each pair once, in the first bucket the two share.
        if (k === Math.max(first[i]!, first[j]!) && !sameReport(fs, i, j)) emit(i, j, rule.id);
      }
    }
  };

/** Same gazetteer place id; with scope 'with-undated' only pairs that have an undated side. */
const blockByPlace = (rule: Extract<BlockingRule, { kind: 'place-id' }>) =>
  (fs: readonly MentionFeatures[], emit: Emit): void => {
    const blocks = new Map<string, { dated: number[]; undated: number[] }>();
    fs.forEach((f, i) => {
      for (const id of f.placeIds) {
        const b = blocks.get(id) ?? { dated: [], undated: [] };
        (f.days ? b.dated : b.undated).push(i);
        blocks.set(id, b);
      }
    });
    const pair = (i: number, j: number): void => {
      if (i !== j && !sameReport(fs, i, j)) emit(Math.min(i, j), Math.max(i, j), rule.id);
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
  };

const blocker = (rule: BlockingRule, window: number) =>
  rule.kind === 'date-overlap' ? blockByDate(rule, window) : blockByPlace(rule);

/** Candidate pairs of id-sorted features, sorted by (i, j). */
export const blockMentions = (rules: ClusteringRules) => (fs: readonly MentionFeatures[]): CandidatePair[] => {
  const n = fs.length;
  const found = new Map<number, string[]>();
  const emit: Emit = (i, j, rule) => {
    const key = i * n + j;
    const rulesOf = found.get(key);
    if (!rulesOf) found.set(key, [rule]);
    else if (!rulesOf.includes(rule)) rulesOf.push(rule);
  };
  for (const rule of rules.blocking) blocker(rule, rules.dateWindowDays)(fs, emit);
  return [...found.entries()].sort((p, q) => p[0] - q[0])
    .map(([key, blockedBy]) => ({ i: Math.floor(key / n), j: key % n, blockedBy }));
};

/** Every pair: the deliberately simple model blocking is tested against. */
export const allPairs = (fs: readonly MentionFeatures[]): CandidatePair[] => {
  const out: CandidatePair[] = [];
  for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) out.push({ i, j, blockedBy: ['all-pairs'] });
  return out;
};
