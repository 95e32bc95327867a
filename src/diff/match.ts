/**
 * Matching incidents across two outputs of the same inputs. Incident ids are hashes of
 * their mention ids, so they change whenever membership does; incidents are matched by
 * the evidence they share instead (claims and stances by report and span; mention ids
 * for an incident with neither), and grouped into connected components.
 */
import type { Incident } from '../model/contract.js';

const categoryOf = (t: { outcome: string; group: string; affiliation: string | null }): string =>
  `${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`;

/** The evidence keys of an incident: what identifies it whatever its id. */
export const evidenceOf = (i: Incident): string[] => {
  const keys = [
    ...i.tolls.flatMap((t) => t.claims.map((c) => `claim ${c.reportId}@${c.span[0]}-${c.span[1]} ${categoryOf(t)}`)),
    ...i.attributions.flatMap((a) => a.stances.map((s) => `stance ${s.reportId}@${s.span[0]}-${s.span[1]} ${a.actor}/${s.stance}`)),
  ];
  return keys.length ? keys : (i.mentionIds ?? []).map((m) => `mention ${m}`);
};

/** A group of incidents before and after that share evidence, transitively. */
export type Component = { readonly before: readonly Incident[]; readonly after: readonly Incident[] };

/** Connected components of the "shares evidence" relation, in the order of their first incident. */
export const matchIncidents = (before: readonly Incident[], after: readonly Incident[]): Component[] => {
  const all = [...before.map((i) => ({ side: 'before' as const, i })), ...after.map((i) => ({ side: 'after' as const, i }))];
  const parent = all.map((_, k) => k);
  const find = (k: number): number => { while (parent[k] !== k) { parent[k] = parent[parent[k]!]!; k = parent[k]!; } return k; };
  const owner = new Map<string, number>();
  all.forEach(({ i }, k) => {
    for (const key of evidenceOf(i)) {
      const held = owner.get(key);
      if (held === undefined) owner.set(key, k);
      else parent[find(k)] = find(held);
    }
  });
  const groups = new Map<number, { before: Incident[]; after: Incident[] }>();
  all.forEach(({ side, i }, k) => {
    const r = find(k);
    const g = groups.get(r) ?? { before: [], after: [] };
    g[side].push(i);
    groups.set(r, g);
  });
  return [...groups.values()];
};
