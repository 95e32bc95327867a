/**
 * What clustering compares, computed once per mention: day range, specific place ids,
 * districts and governorates (from the gazetteer), folded place names, blamed actors,
 * victim figures per category and folded target words. compare.ts only reads these.
 */
import { foldingOf } from '../rules/folding.js';
import type { Mention, PlaceRef, TollClaim } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import { toDays, type DayRange } from './dates.js';
import { makeSkeleton } from './skeleton.js';

/** A place name of a mention: folded, its consonant skeleton (skeleton.ts), its gazetteer id or null when unresolved. */
export type PlaceName = { readonly folded: string; readonly skeleton: string; readonly id: string | null };

export type MentionFeatures = {
  readonly mention: Mention;
  readonly days: DayRange | null;
  /** gazetteer ids of specific places (coarse kinds such as governorates excluded) */
  readonly placeIds: ReadonlySet<string>;
  /** the specific places that contain those (gazetteer `within`, transitively) */
  readonly within: ReadonlySet<string>;
  readonly districts: ReadonlySet<string>;
  readonly names: readonly PlaceName[];
  readonly governorates: ReadonlySet<string>;
  /** blamed actors, each replaced by its equivalence class's representative */
  readonly actors: ReadonlySet<string>;
  /** victim category key → stated figures (vague claims add the key with no figure) */
  readonly figures: ReadonlyMap<string, readonly number[]>;
  /**
   * The figures of categories with a side, under the key of the same category without one
   * ("combatants of the government" under "combatants"): a source that names the side and one
   * that does not count the same people. Derived from `figures`.
   */
  readonly unsided: ReadonlyMap<string, readonly number[]>;
  readonly targets: ReadonlySet<string>;
  /**
   * Keys for blocking by place (see block.ts), or null when the place level of a pair cannot
   * be told from keys (no governorate, an unresolved name, an id the gazetteer does not know):
   * such a mention is paired with every other of its dates.
   */
  readonly placeKeys: PlaceKeys | null;
};

/**
 * `broad`: governorates and districts (g:, d:); `local`: districts and place ids (d:, p:);
 * `specific`: the mention names a specific place. Two mentions sharing no broad key are in
 * different governorates; two specific ones sharing no local key name different places in
 * different districts.
 */
export type PlaceKeys = { readonly broad: readonly string[]; readonly local: readonly string[]; readonly specific: boolean };

/** `outcome/group/affiliation`: the unit tolls are reconciled in. */
export const categoryKey = (c: Pick<TollClaim, 'outcome' | 'group' | 'affiliation'>): string =>
  `${c.outcome}/${c.group}/${c.affiliation ?? ''}`;

/** The figures of each sided category under its key without the side (MentionFeatures.unsided). */
export const unsidedOf = (figures: ReadonlyMap<string, readonly number[]>): ReadonlyMap<string, readonly number[]> => {
  const out = new Map<string, number[]>();
  for (const [key, values] of figures) {
    const cut = key.lastIndexOf('/');
    if (cut === key.length - 1) continue;
    const bare = key.slice(0, cut + 1);
    out.set(bare, [...(out.get(bare) ?? []), ...values]);
  }
  return out;
};

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
  /** The places containing id through `within`, nearest first (a cycle, which the validator refuses, stops the walk). */
  const containersOf = (id: string): string[] => {
    const out: string[] = [];
    for (let p = byId.get(byId.get(id)?.within ?? ''); p && !out.includes(p.id) && p.id !== id; p = byId.get(p.within ?? '')) out.push(p.id);
    return out;
  };
  const isSpecific = (id: string): boolean => !coarse.has(byId.get(id)?.kind ?? '');
  return {
    isKnown: (id: string): boolean => byId.has(id),
    /** unknown ids (not in the gazetteer) count as specific */
    isSpecific,
    /** specific places containing id */
    containersOf: (id: string): string[] => containersOf(id).filter(isSpecific),
    districtOf: (id: string): string | null => {
      const p = byId.get(id);
      if (!p) return null;
      if (p.kind === 'district') return p.id;
      return p.district ?? containersOf(id).map((c) => byId.get(c)!).map((c) => (c.kind === 'district' ? c.id : c.district)).find((d) => d) ?? null;
    },
    governorateOf: (ref: PlaceRef): string | null => (ref.id ? byId.get(ref.id)?.governorate : undefined) ?? ref.governorate,
  };
};

export const mentionFeatures = (rules: Pick<Rules, 'places' | 'clustering' | 'languages'>) => {
  const { fold } = foldingOf(rules);
  const actorRules = rules.clustering.comparisons.actor;
  const canon = actorCanon(actorRules.equivalent);
  const blaming = new Set<string>(actorRules.stances);
  const ignored = new Set(actorRules.ignore);
  const grain = placeGrain(rules);
  const skeletons = new Map<string, string>();
  const skeletonOf = makeSkeleton(rules.clustering.comparisons.place.skeleton, fold);
  const skeleton = (s: string): string => {
    let k = skeletons.get(s);
    if (k === undefined) { k = skeletonOf(s); skeletons.set(s, k); }
    return k;
  };
  // Place names and target words recur across many mentions: fold each once.
  const folds = new Map<string, string>();
  const folded = (s: string): string => {
    let f = folds.get(s);
    if (f === undefined) { f = fold(s); folds.set(s, f); }
    return f;
  };
  return (m: Mention): MentionFeatures => {
    const figures = new Map<string, number[]>();
    for (const c of m.claims) {
      const list = figures.get(categoryKey(c)) ?? [];
      if (c.value !== null) list.push(c.value);
      figures.set(categoryKey(c), list);
    }
    const ids = m.places.flatMap((p) => (p.id ? [p.id] : []));
    const known = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);
    const placeIds = new Set(ids.filter(grain.isSpecific));
    const within = new Set([...placeIds].flatMap(grain.containersOf));
    const districts = new Set(known(ids.map(grain.districtOf)));
    const names = m.places.map((p) => ({ folded: folded(p.name), skeleton: skeleton(p.name), id: p.id })).filter((n) => n.folded.length > 0);
    const governorates = new Set(known(m.places.map(grain.governorateOf)));
    const d = [...districts].map((x) => `d:${x}`);
    const placeKeys = governorates.size === 0 || names.some((n) => n.id === null) || !ids.every(grain.isKnown) ? null : {
      broad: [...[...governorates].map((g) => `g:${g}`), ...d],
      // a place's containers too, so that a neighbourhood is compared with its city
      local: [...d, ...[...placeIds, ...within].map((x) => `p:${x}`)],
      specific: placeIds.size > 0,
    };
    return {
      mention: m,
      unsided: unsidedOf(figures),
      days: m.date ? toDays(m.date) : null,
      placeIds,
      within,
      districts,
      names,
      governorates,
      placeKeys,
      actors: new Set(m.stances.filter((s) => blaming.has(s.stance) && !ignored.has(s.actor)).map((s) => canon(s.actor))),
      figures,
      targets: new Set(m.targets.map(folded).filter((t) => t.length > 0)),
    };
  };
};

const joined = (s: ReadonlySet<string>): string => [...s].sort().join('\u0001');

/** Everything comparison and blocking read of a mention but its id and report: one signature, one behaviour. */
export const signature = (f: MentionFeatures): string => {
  const figures = [...f.figures].map(([k, vs]) => `${k}=${[...vs].sort((a, b) => a - b).join(',')}`).sort().join('\u0001');
  const names = f.names.map((n) => `${n.folded}\u0003${n.skeleton}\u0003${n.id ?? '\u0004'}`).sort().join('\u0001');
  const keys = f.placeKeys ? `${f.placeKeys.broad.join('\u0001')}\u0003${f.placeKeys.local.join('\u0001')}\u0003${f.placeKeys.specific}` : '-';
  return [f.days ? `${f.days.start}:${f.days.end}` : '-', joined(f.placeIds), joined(f.within), joined(f.districts), names,
    joined(f.governorates), joined(f.actors), figures, joined(f.targets), keys].join('\u0002');
};
