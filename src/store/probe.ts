/**
 * Blocking keys a store keeps per mention, and the probe that finds the stored mentions new
 * ones could be paired with: a superset of the pairs src/cluster/block.ts produces (tested
 * against it), so a store can narrow 100,000 mentions to the few a batch may join.
 */
import { placeSplit } from '../cluster/block.js';
import type { DayRange } from '../cluster/dates.js';
import type { MentionFeatures } from '../cluster/features.js';
import type { ClusteringRules } from '../rules/clustering-schema.js';

/** `*` among the date keys: the place level cannot be told from keys, so it meets every dated mention. */
export const ANY_PLACE = '*';

/**
 * `dateKeys` (dated mentions only): the place blocking keys (governorates, districts, place
 * ids), or `*`. `placeIds`: the specific gazetteer ids, for the place-id blocking rule.
 */
export type MentionKeys = {
  readonly days: DayRange | null;
  readonly dateKeys: readonly string[];
  readonly placeIds: readonly string[];
};

/**
 * What new mentions look for. A stored mention `o` meets a probe mention `n` when
 * - `dateMargin` is set, both are dated, `o.start <= n.end + dateMargin` and
 *   `n.start <= o.end + dateMargin`, and they share a date key or either has `*`; or
 * - `place` is not 'none', they share a place id, and either `place` is 'all' or a side is undated.
 */
export type Probe = {
  readonly dateMargin: number | null;
  readonly place: 'none' | 'with-undated' | 'all';
  readonly mentions: readonly MentionKeys[];
};

export const mentionKeys = (rules: ClusteringRules) => {
  const split = placeSplit(rules);
  return (f: MentionFeatures): MentionKeys => ({
    days: f.days,
    dateKeys: f.days === null ? [] : split === 'none' || f.placeKeys === null
      ? [ANY_PLACE]
      : [...new Set([...f.placeKeys.broad, ...f.placeKeys.local])].sort(),
    placeIds: [...f.placeIds].sort(),
  });
};

/** The probe for these mentions' keys under the rules' blocking. */
export const probeOf = (rules: ClusteringRules) => (mentions: readonly MentionKeys[]): Probe => {
  const dates = rules.blocking.flatMap((b) => (b.kind === 'date-overlap' ? [b.bucketDays] : []));
  const places = rules.blocking.flatMap((b) => (b.kind === 'place-id' ? [b.scope] : []));
  return {
    // A pair in one bucket span is at most window + bucket days apart (block.ts: floor(x / b)).
    dateMargin: dates.length ? rules.dateWindowDays + Math.max(...dates) : null,
    place: places.includes('all') ? 'all' : places.length ? 'with-undated' : 'none',
    mentions,
  };
};

const shares = (xs: readonly string[], ys: readonly string[]): boolean => xs.some((x) => ys.includes(x));

/** The probe's rule for one stored mention and one probe mention (the in-memory store uses it; SQL backends restate it). */
export const meets = (probe: Probe) => (o: MentionKeys, n: MentionKeys): boolean => {
  if (probe.dateMargin !== null && o.days && n.days
    && o.days.start <= n.days.end + probe.dateMargin && n.days.start <= o.days.end + probe.dateMargin
    && (o.dateKeys.includes(ANY_PLACE) || n.dateKeys.includes(ANY_PLACE) || shares(o.dateKeys, n.dateKeys))) return true;
  return probe.place !== 'none' && (probe.place === 'all' || !o.days || !n.days) && shares(o.placeIds, n.placeIds);
};
