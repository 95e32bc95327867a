/**
 * Blocking keys a store keeps per mention, and the probe that finds the stored mentions new
 * ones could be paired with: a superset of the pairs src/cluster/block.ts produces (tested
 * against it), so a store can narrow 100,000 mentions to the few a batch may join.
 */
import { placeSplit, type PlaceSplit } from '../cluster/block.js';
import type { DayRange } from '../cluster/dates.js';
import type { MentionFeatures } from '../cluster/features.js';
import type { ClusteringRules } from '../rules/clustering-schema.js';

/** A date key that meets every dated mention: the place level cannot be told from keys, or places do not split blocks. */
export const ANY_PLACE = '*';

/**
 * `dateKeys` (dated mentions only): the keys it is stored under for the date blocking rule;
 * `seeks`: the stored keys it meets when it is new; `placeIds`: its specific gazetteer ids,
 * for the place-id rule. How places split date blocks (block.ts placeSplit) decides the keys:
 * - 'governorate': mentions sharing a governorate, district or place key meet (`k:`);
 * - 'district': within a governorate or district (`b+:` specific, `b-:` not) when a side
 *   names no specific place, within a district or place (`l:`) when both do.
 */
export type MentionKeys = {
  readonly days: DayRange | null;
  readonly dateKeys: readonly string[];
  readonly seeks: readonly string[];
  readonly placeIds: readonly string[];
};

/**
 * What new mentions look for. A stored mention `o` meets a probe mention `n` when
 * - `dateMargin` is set, both are dated, `o.start <= n.end + dateMargin` and
 *   `n.start <= o.end + dateMargin`, and one of `n.seeks` is among `o.dateKeys` or either is `*`; or
 * - `place` is not 'none', they share a place id, and either `place` is 'all' or a side is undated.
 */
export type Probe = {
  readonly dateMargin: number | null;
  readonly place: 'none' | 'with-undated' | 'all';
  readonly mentions: readonly MentionKeys[];
};

const prefixed = (p: string, keys: readonly string[]): string[] => keys.map((k) => `${p}${k}`);

const keysFor = (split: PlaceSplit, f: MentionFeatures): { dateKeys: string[]; seeks: string[] } => {
  const k = f.placeKeys;
  if (f.days === null) return { dateKeys: [], seeks: [] };
  if (split === 'none' || k === null) return { dateKeys: [ANY_PLACE], seeks: [ANY_PLACE] };
  if (split === 'governorate') {
    const all = [...new Set(prefixed('k:', [...k.broad, ...k.local]))];
    return { dateKeys: all, seeks: all };
  }
  return k.specific
    ? { dateKeys: [...prefixed('b+:', k.broad), ...prefixed('l:', k.local)], seeks: [...prefixed('b-:', k.broad), ...prefixed('l:', k.local)] }
    : { dateKeys: prefixed('b-:', k.broad), seeks: [...prefixed('b+:', k.broad), ...prefixed('b-:', k.broad)] };
};

export const mentionKeys = (rules: ClusteringRules) => {
  const split = placeSplit(rules);
  const sorted = (xs: readonly string[]): string[] => [...new Set(xs)].sort();
  return (f: MentionFeatures): MentionKeys => {
    const { dateKeys, seeks } = keysFor(split, f);
    return { days: f.days, dateKeys: sorted(dateKeys), seeks: sorted(seeks), placeIds: sorted([...f.placeIds]) };
  };
};

/** The probe for these mentions' keys under the rules' blocking. */
export const probeOf = (rules: ClusteringRules) => (mentions: readonly MentionKeys[]): Probe => {
  const dates = rules.blocking.flatMap((b) => (b.kind === 'date-overlap' ? [b.bucketDays] : []));
  const places = rules.blocking.flatMap((b) => (b.kind === 'place-id' ? [b.scope] : []));
  return {
    // Spans [floor(start / b), floor((end + window) / b)] overlap only when start <= other end + window + b - 1.
    dateMargin: dates.length ? rules.dateWindowDays + Math.max(...dates) - 1 : null,
    place: places.includes('all') ? 'all' : places.length ? 'with-undated' : 'none',
    mentions,
  };
};

const shares = (xs: readonly string[], ys: readonly string[]): boolean => xs.some((x) => ys.includes(x));

/** The probe's rule for one stored mention and one probe mention (the in-memory store uses it; SQL backends restate it). */
export const meets = (probe: Probe) => (o: MentionKeys, n: MentionKeys): boolean => {
  if (probe.dateMargin !== null && o.days && n.days
    && o.days.start <= n.days.end + probe.dateMargin && n.days.start <= o.days.end + probe.dateMargin
    && (o.dateKeys.includes(ANY_PLACE) || n.seeks.includes(ANY_PLACE) || shares(n.seeks, o.dateKeys))) return true;
  return probe.place !== 'none' && (probe.place === 'all' || !o.days || !n.days) && shares(o.placeIds, n.placeIds);
};
