/**
 * What clustering compares, computed once per mention: day range, place ids, folded
 * place names, governorates, blamed actors, victim figures per category and folded
 * target words. Pure; the comparisons in compare.ts only read these.
 */
import { fold } from '../text/normalise.js';
import type { Mention, TollClaim } from '../model/claim.js';
import type { ClusteringRules } from '../rules/clustering-schema.js';
import { toDays, type DayRange } from './dates.js';

export type PlaceName = { readonly folded: string; readonly id: string | null };

export type MentionFeatures = {
  readonly mention: Mention;
  readonly days: DayRange | null;
  readonly placeIds: ReadonlySet<string>;
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

export const mentionFeatures = (rules: ClusteringRules) => {
  const actorRules = rules.comparisons.actor;
  const canon = actorCanon(actorRules.equivalent);
  const blaming = new Set<string>(actorRules.stances);
  const ignored = new Set(actorRules.ignore);
  return (m: Mention): MentionFeatures => {
    const figures = new Map<string, number[]>();
    for (const c of m.claims) {
      const list = figures.get(categoryKey(c)) ?? [];
      if (c.value !== null) list.push(c.value);
      figures.set(categoryKey(c), list);
    }
    return {
      mention: m,
      days: m.date ? toDays(m.date) : null,
      placeIds: new Set(m.places.flatMap((p) => (p.id ? [p.id] : []))),
      names: m.places.map((p) => ({ folded: fold(p.name), id: p.id })).filter((n) => n.folded.length > 0),
      governorates: new Set(m.places.flatMap((p) => (p.governorate ? [p.governorate] : []))),
      actors: new Set(m.stances.filter((s) => blaming.has(s.stance) && !ignored.has(s.actor)).map((s) => canon(s.actor))),
      figures,
      targets: new Set(m.targets.map(fold).filter((t) => t.length > 0)),
    };
  };
};
