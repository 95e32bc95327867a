/**
 * Which stored mentions new ones can affect. Clustering joins mergeable pairs greedily under
 * cannot-link rules, so a connected component of the mergeable-pair graph clusters the same
 * alone as among all mentions: re-clustering the components new mentions reach suffices.
 */
import { blockMentions, clusterMentions, comparePair, type Cluster, type ComparedPair, type MentionFeatures } from '../cluster/index.js';
import type { Mention } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import { fromFeatureRecord } from './features.js';
import type { Candidate } from './port.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type ClusterRules = Pick<Rules, 'places' | 'clustering' | 'languages'>;

/** The pair may be joined by clustering: no hard rule against it and a score at the threshold. */
export const mergeable = (rules: ClusterRules) => (p: Pick<ComparedPair, 'veto' | 'score'>): boolean =>
  p.veto === null && p.score >= rules.clustering.threshold;

/**
 * Components of stored mentions that a new mention (given by its features) has a mergeable
 * pair with. `stored` must hold every stored mention the blocking could pair with a new one
 * (a probe's candidates).
 */
export const touchedComponents = (rules: ClusterRules) => (fresh: readonly MentionFeatures[], stored: readonly Candidate[]): string[] => {
  const compare = comparePair(rules.clustering);
  const joins = mergeable(rules);
  const component = new Map(stored.map((s) => [s.features.id, s.component]));
  const isFresh = new Set(fresh.map((f) => f.mention.id));
  const fs = [...fresh, ...stored.map((s) => fromFeatureRecord(s.features))].sort((x, y) => cmp(x.mention.id, y.mention.id));
  const touched = new Set<string>();
  for (const { i, j } of blockMentions(rules.clustering)(fs)) {
    const a = fs[i]!.mention.id, b = fs[j]!.mention.id;
    const freshA = isFresh.has(a), freshB = isFresh.has(b);
    if (freshA === freshB) continue; // two new mentions are re-clustered anyway; two stored ones are as they were
    const c = component.get(freshA ? b : a)!;
    if (touched.has(c)) continue;
    if (joins(compare(fs[i]!, fs[j]!))) touched.add(c);
  }
  return [...touched].sort(cmp);
};

export type Region = {
  readonly clusters: readonly Cluster[];
  /** mention id → its component, named by the component's smallest mention id */
  readonly componentOf: ReadonlyMap<string, string>;
};

/** Cluster a closed set of mentions (whole components plus new mentions) and find its components. */
export const clusterRegion = (rules: ClusterRules) => (mentions: readonly Mention[]): Region => {
  const { clusters, pairs } = clusterMentions(rules)(mentions);
  const joins = mergeable(rules);
  const parent = new Map<string, string>(mentions.map((m) => [m.id, m.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let k = x; parent.get(k) !== r;) { const up = parent.get(k)!; parent.set(k, r); k = up; }
    return r;
  };
  for (const p of pairs) {
    if (!joins(p)) continue;
    const x = find(p.a), y = find(p.b);
    if (x !== y) { if (cmp(x, y) < 0) parent.set(y, x); else parent.set(x, y); }
  }
  return { clusters, componentOf: new Map(mentions.map((m) => [m.id, find(m.id)])) };
};
