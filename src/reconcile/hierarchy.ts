/**
 * Parts and wholes of victim groups (children ≤ civilians ≤ all, …, from rules): derived
 * figures (combatants = all − civilians from one source, never shown as stated), and best
 * estimates kept consistent: a part's best never exceeds its whole's best.
 */
import type { Disagreement, Group, Toll } from '../model/contract.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { chooseBest, currentFigures, groupByCategory, type DatedClaim, type SourceFigure } from './tolls.js';
import { categoryLabel } from './labels.js';

const keyOf = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): string => `${t.outcome}/${t.group}/${t.affiliation ?? ''}`;

/** Derived tolls for categories no source states, e.g. combatants = all − civilians. */
export const deriveTolls = (rules: ReconcileRules) => (claims: readonly DatedClaim[]): Toll[] => {
  const groups = groupByCategory(claims);
  const statedGroups = new Set([...groups.values()].map((g) => `${g[0]!.claim.outcome}/${g[0]!.claim.group}`));
  const out: Toll[] = [];
  for (const d of rules.derive) {
    if (!d.enabled) continue;
    for (const outcome of d.outcomes) {
      if (statedGroups.has(`${outcome}/${d.group}`)) continue;
      const whole = currentFigures(groups.get(`${outcome}/${d.whole}/`) ?? []);
      const part = new Map(currentFigures(groups.get(`${outcome}/${d.minus}/`) ?? []).map((f) => [f.source, f]));
      const derived: SourceFigure[] = whole.flatMap((w) => {
        const p = part.get(w.source);
        // one source's whole and part from one report: a whole from one day minus a part from
        // another is no figure anybody gave (the toll may have been revised between them)
        if (!p || w.value < p.value || p.reportId !== w.reportId) return [];
        const later = (w.publishedAt ?? '') >= (p.publishedAt ?? '') ? w : p;
        return [{ source: w.source, value: w.value - p.value, publishedAt: later.publishedAt, reportId: later.reportId }];
      });
      if (!derived.length) continue;
      const values = derived.map((f) => f.value);
      const how = derived.map((f) => `${f.source}: ${f.value + part.get(f.source)!.value} − ${part.get(f.source)!.value} = ${f.value}`).join('; ');
      out.push({
        outcome, group: d.group as Group, affiliation: null,
        min: Math.min(...values), max: Math.max(...values),
        best: chooseBest(rules.best.policy)(derived), bestPolicy: rules.best.policy,
        claims: [], derived: true,
        derivedFrom: `${outcome}/${d.whole} − ${outcome}/${d.minus}, each from the same source (${how})`,
      });
    }
  }
  return out;
};

/** How deep a group sits below the hierarchy's roots (all = 0, civilians = 1, children = 2). */
const depthOf = (parent: ReadonlyMap<string, string>) => (group: string): number => {
  let n = 0;
  for (let g = parent.get(group); g !== undefined; g = parent.get(g)) n++;
  return n;
};

export type HierarchyResult = { readonly tolls: readonly Toll[]; readonly disagreements: readonly Disagreement[] };

/**
 * Make bests consistent with the hierarchy. First, bottom-up, a whole with no upper
 * bound (vague only) is raised to its largest part; then, top-down, a part's best is
 * capped at its whole's best. A part whose lowest figure exceeds its whole's best is a
 * toll disagreement (the sources' figures cannot all hold).
 */
export const applyHierarchy = (rules: ReconcileRules) => (input: readonly Toll[]): HierarchyResult => {
  const parent = new Map<string, string>(rules.hierarchy.map((h) => [h.part, h.whole]));
  const depth = depthOf(parent);
  const tolls = input.map((t) => ({ ...t }));
  const byKey = new Map(tolls.map((t) => [keyOf(t), t]));
  /** The nearest existing ancestor category (affiliation none) of a toll. */
  const wholeOf = (t: Toll): Toll | undefined => {
    for (let g = parent.get(t.group); g !== undefined; g = parent.get(g)) {
      const w = byKey.get(`${t.outcome}/${g}/`);
      if (w && w !== t) return w;
    }
    return undefined;
  };
  const deepestFirst = [...tolls].sort((p, q) => depth(q.group) - depth(p.group));
  for (const t of deepestFirst) {
    const w = wholeOf(t);
    if (w && w.max === null && w.best !== null && t.best !== null && t.best > w.best) {
      w.best = t.best;
      w.bestPolicy = `${w.bestPolicy ?? 'none'}, raised to its part ${keyOf(t).replace(/\/$/, '')}`;
    }
  }
  const disagreements: Disagreement[] = [];
  for (const t of [...deepestFirst].reverse()) {
    const w = wholeOf(t);
    if (!w || w.best === null || t.best === null) continue;
    if (t.min > w.best && !t.derived) {
      const beyondMax = w.max !== null && t.min > w.max;
      disagreements.push({
        kind: 'toll', outcome: t.outcome, group: t.group, affiliation: t.affiliation,
        sources: [...new Set([...t.claims, ...w.claims].map((c) => c.source))].sort(),
        summary: `The lowest figure for ${categoryLabel(t)} (${t.min}) exceeds the ${beyondMax ? 'highest figure' : 'best estimate'} for ${categoryLabel(w)} (${beyondMax ? w.max : w.best}).`,
        reason: 'part-exceeds-whole',
      });
    }
    if (t.best > w.best) {
      t.best = w.best;
      t.bestPolicy = `${t.bestPolicy ?? 'none'}, capped at ${keyOf(w).replace(/\/$/, '')}`;
    }
  }
  return { tolls, disagreements };
};
