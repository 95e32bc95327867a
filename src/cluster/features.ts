/**
 * What clustering compares, computed once per mention: day range, specific place ids,
 * districts and governorates (from the gazetteer), folded place names, blamed actors,
 * victim figures per category and folded target words. compare.ts only reads these.
 */
import { fold } from '../text/normalise.js';
import type { Mention, PlaceRef, TollClaim } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import { toDays, type DayRange } from './dates.js';

export type PlaceName = { readonly folded: string; readonly id: string | null };

export type MentionFeatures = {
  readonly mention: Mention;
  readonly days: DayRange | null;
  /** gazetteer ids of specific places (coarse kinds such as governorates excluded) */
  readonly placeIds: ReadonlySet<string>;
  readonly districts: ReadonlySet<string>;
  readonly names: readonly PlaceName[];
  readonly governorates: ReadonlySet<string>;
  /** blamed actors, each replaced by its equivalence class's representative */
  readonly actors: ReadonlySet<string>;
  /** victim category key → stated figures (vague claims add the key with no figure) */
  readonly figures: ReadonlyMap<string, readonly number[]>;
  readonly targets: ReadonlySet<string>;
};

/** `outcome/group/affiliation`: the unit tolls are reconciled in. */
export const categoryKey = (c: Pick<TollClaim, 'outcome' | 'group' | 'affiliation'>): string =>
  `${c.outcome}/${c.group}/${c.affiliation ?? ''}`;

/** Maps each actor to the smallest id of its equivalence group (itself when in none). */
export const actorCanon = (groups: readonly (readonly string[])[]) => {
  const canon = new Map<string, string>();
  for (const g of groups) {
    const rep = [...g].sort()[0]!;
    for (const a of g) if (!canon.has(a)) canon.set(a, rep);
  }
  return (actor: string): string => canon.get(actor) ?? actor;
};

/** Which gazetteer ids are specific places, and the district and governorate of each id. */
export const placeGrain = (rules: Pick<Rules, 'places' | 'clustering'>) => {
  const coarse = new Set(rules.clustering.comparisons.place.coarseKinds);
  const byId = new Map(rules.places.map((p) => [p.id, p]));
  return {
    /** unknown ids (not in the gazetteer) count as specific */
    isSpecific: (id: string): boolean => !coarse.has(byId.get(id)?.kind ?? ''),
    districtOf: (id: string): string | null => {
      const p = byId.get(id);
      return p ? (p.kind === 'district' ? p.id : p.district ?? null) : null;
    },
    governorateOf: (ref: PlaceRef): string | null => (ref.id ? byId.get(ref.id)?.governorate : undefined) ?? ref.governorate,
  };
};

export const mentionFeatures = (rules: Pick<Rules, 'places' | 'clustering'>) => {
  const actorRules = rules.clustering.comparisons.actor;
  const canon = actorCanon(actorRules.equivalent);
  const blaming = new Set<string>(actorRules.stances);
  const ignored = new Set(actorRules.ignore);
  const grain = placeGrain(rules);
  return (m: Mention): MentionFeatures => {
    const figures = new Map<string, number[]>();
    for (const c of m.claims) {
      const list = figures.get(categoryKey(c)) ?? [];
      if (c.value !== null) list.push(c.value);
      figures.set(categoryKey(c), list);
    }
    const ids = m.places.flatMap((p) => (p.id ? [p.id] : []));
    const known = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);
    return {
      mention: m,
      days: m.date ? toDays(m.date) : null,
      placeIds: new Set(ids.filter(grain.isSpecific)),
      districts: new Set(known(ids.map(grain.districtOf))),
      names: m.places.map((p) => ({ folded: fold(p.name), id: p.id })).filter((n) => n.folded.length > 0),
      governorates: new Set(known(m.places.map(grain.governorateOf))),
      actors: new Set(m.stances.filter((s) => blaming.has(s.stance) && !ignored.has(s.actor)).map((s) => canon(s.actor))),
      figures,
      targets: new Set(m.targets.map(fold).filter((t) => t.length > 0)),
    };
  };
};
