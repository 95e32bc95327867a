/**
 * A mention's clustering features as a plain record a store keeps beside it (a fifth of its
 * size), so stored mentions a batch may join are compared without loading them whole.
 * Revived features carry a stub mention (id, report id): for blocking and comparison only.
 */
import type { DayRange } from '../cluster/dates.js';
import { unsidedOf, type MentionFeatures, type PlaceKeys, type PlaceName } from '../cluster/features.js';
import type { Mention } from '../model/claim.js';

export type FeatureRecord = {
  readonly id: string;
  readonly reportId: string;
  readonly days: DayRange | null;
  readonly placeIds: readonly string[];
  /** absent in records written before containment */
  readonly within?: readonly string[];
  readonly districts: readonly string[];
  readonly names: readonly PlaceName[];
  readonly governorates: readonly string[];
  readonly actors: readonly string[];
  readonly figures: readonly (readonly [string, readonly number[]])[];
  readonly targets: readonly string[];
  readonly placeKeys: PlaceKeys | null;
};

export const toFeatureRecord = (f: MentionFeatures): FeatureRecord => ({
  id: f.mention.id, reportId: f.mention.reportId, days: f.days, placeIds: [...f.placeIds], within: [...f.within], districts: [...f.districts], names: f.names,
  governorates: [...f.governorates], actors: [...f.actors], figures: [...f.figures], targets: [...f.targets], placeKeys: f.placeKeys,
});

/** Features for blocking and comparison (block.ts, compare.ts): the mention is a stub with its id and report id. */
export const fromFeatureRecord = (r: FeatureRecord): MentionFeatures => ({
  mention: { id: r.id, reportId: r.reportId } as Mention,
  days: r.days, placeIds: new Set(r.placeIds), within: new Set(r.within ?? []), districts: new Set(r.districts),
  names: r.names.map((n) => ({ ...n, skeleton: n.skeleton ?? '' })), governorates: new Set(r.governorates),
  actors: new Set(r.actors), figures: new Map(r.figures), unsided: unsidedOf(new Map(r.figures)), targets: new Set(r.targets), placeKeys: r.placeKeys,
});
