/**
 * The unresolved places of an incident (names the gazetteer does not have), for the output:
 * names that clustering would take for one place (close spellings, or one consonant
 * skeleton across scripts) are one entry with every name as written.
 */
import { distance } from 'fastest-levenshtein';
import type { Mention } from '../model/claim.js';
import type { UnresolvedPlaceOut } from '../model/contract.js';
import type { Rules } from '../rules/schema.js';
import { foldingOf } from '../rules/folding.js';
import { makeSkeleton, skeletonsMatch } from './skeleton.js';

type Group = { names: Map<string, number>; keys: { folded: string; skeleton: string }[]; reports: Set<string> };

export const unresolvedPlaces = (rules: Pick<Rules, 'clustering' | 'languages'>) => {
  const { fold } = foldingOf(rules);
  const place = rules.clustering.comparisons.place;
  const skeletonOf = makeSkeleton(place.skeleton, fold);
  const sameSkeleton = skeletonsMatch(place.skeleton);
  const near = (a: { folded: string; skeleton: string }, b: { folded: string; skeleton: string }): boolean =>
    a.folded === b.folded || (Math.min(a.folded.length, b.folded.length) >= place.minNameLength && distance(a.folded, b.folded) <= place.maxDistance)
    || sameSkeleton(a.skeleton, b.skeleton);
  return (mentions: readonly Mention[]): UnresolvedPlaceOut[] => {
    const groups: Group[] = [];
    for (const m of mentions) {
      for (const p of m.places) {
        if (p.id !== null || !p.name.trim()) continue;
        const key = { folded: fold(p.name), skeleton: skeletonOf(p.name) };
        let g = groups.find((x) => x.keys.some((k) => near(k, key)));
        if (!g) { g = { names: new Map(), keys: [], reports: new Set() }; groups.push(g); }
        g.names.set(p.name, (g.names.get(p.name) ?? 0) + 1);
        g.keys.push(key);
        g.reports.add(m.reportId);
      }
    }
    return groups.map((g) => {
      const names = [...g.names.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
      return { name: names[0]!, names, reportIds: [...g.reports].sort() };
    });
  };
};
