/**
 * Parts and wholes of victim groups (children ≤ civilians ≤ all, …, from rules): derived
 * figures (combatants = all − civilians from one source, never shown as stated), and best
 * estimates kept consistent: a part's best never exceeds its whole's best.
 */
import type { Disagreement, Group, Toll } from '../model/contract.js';
import type { TollClaim } from '../model/claim.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { chooseBest, eventOf, groupByCategory, setAside, type DatedClaim, type SourceFigure } from './tolls.js';
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
      // one source's whole and part about one event (one mention): a whole from one event or day minus
      // a part from another is no figure anybody gave; the source's latest such event counts
      const wholes = groups.get(`${outcome}/${d.whole}/`) ?? [];
      const parts = groups.get(`${outcome}/${d.minus}/`) ?? [];
      const highest = (cs: readonly DatedClaim[]): number | null => {
        const vs = cs.flatMap((x) => (x.claim.value === null || x.claim.superseded || setAside(x.claim) ? [] : [x.claim.value]));
        return vs.length ? Math.max(...vs) : null;
      };
      const bySource = new Map<string, SourceFigure & { part: number }>();
      for (const event of [...new Set(wholes.map(eventOf))].sort()) {
        for (const source of [...new Set(wholes.filter((x) => eventOf(x) === event).map((x) => x.claim.source))].sort()) {
          const mine = (cs: readonly DatedClaim[]) => cs.filter((x) => eventOf(x) === event && x.claim.source === source);
          const w = highest(mine(wholes)), p = highest(mine(parts));
          if (w === null || p === null || w < p) continue;
          const at = mine(wholes)[0]!;
          const f = { source, value: w - p, part: p, publishedAt: at.publishedAt, reportId: at.claim.reportId };
          const held = bySource.get(source);
          if (!held || (f.publishedAt ?? '') > (held.publishedAt ?? '')) bySource.set(source, f);
        }
      }
      const derived = [...bySource.values()];
      const part = new Map(derived.map((f) => [f.source, { value: f.part }]));
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

/**
 * Figures of a whole group that are not the toll of the whole event: a figure a source gives
 * beside a larger figure of its own for a part of that group in the same event ("12 civilians
 * and 5 others": the 5 is not all killed), or a figure that is a part of another claim of its own
 * group or of a part of it ("30 civilians, 4 of them …" read as all killed).
 * They keep their place in the range but neither set the whole's best nor cap its parts.
 */
/** Two claims of one report in one sentence: the same sentence key when both have one, else spans at most `near` apart. */
export const sameSentence = (near: number) => (p: TollClaim, q: TollClaim): boolean => {
  if (p.reportId !== q.reportId) return false;
  if (p.sentenceKey !== undefined && q.sentenceKey !== undefined) return p.sentenceKey === q.sentenceKey;
  const gap = Math.max(p.span[0], q.span[0]) - Math.min(p.span[1], q.span[1]);
  return gap <= near;
};

export const partialWholes = (rules: ReconcileRules) => (claims: readonly DatedClaim[]): Set<string> => {
  const near = rules.wholes?.sentenceChars ?? Infinity;
  const parent = new Map<string, string>(rules.hierarchy.map((h) => [h.part, h.whole]));
  const below = (part: string, whole: string): boolean => {
    for (let g = parent.get(part); g !== undefined; g = parent.get(g)) if (g === whole) return true;
    return false;
  };
  const wholes = new Set(parent.values());
  const out = new Set<string>();
  // Claims by source and event, and by id: each whole is checked against its own few, not every claim.
  const group = <K>(key: (d: DatedClaim) => K): Map<K, DatedClaim[]> => {
    const m = new Map<K, DatedClaim[]>();
    for (const d of claims) { const k = key(d); const l = m.get(k); if (l) l.push(d); else m.set(k, [d]); }
    return m;
  };
  const bySourceEvent = group((d) => `${d.claim.source}\u0000${eventOf(d)}`);
  const byId = group((d) => d.claim.id);
  for (const d of claims) {
    const c = d.claim;
    if (c.value === null) continue;
    // a part of a claim of its own group, of any group ("57 fighters, 26 of them near X"), is no whole
    const own = c.partOf !== null && (byId.get(c.partOf) ?? []).some((e) => e.claim.group === c.group && e.claim.affiliation === c.affiliation);
    if (own) { out.add(c.id); continue; }
    if (!wholes.has(c.group) || c.affiliation !== null) continue;
    // beside it: in its sentence ("12 civilians and 5 others"); a larger part figure in a later sentence of the
    // same report is an update ("the toll rose to 34 civilians"), which leaves the earlier whole a whole
    const larger = (bySourceEvent.get(`${c.source}\u0000${eventOf(d)}`) ?? []).some((e) => e.claim.outcome === c.outcome
      && !e.claim.superseded && e.claim.value !== null && e.claim.value > c.value! && below(e.claim.group, c.group)
      && sameSentence(near)(e.claim, c));
    // a part of a claim of its own group or of a group it contains ("12 killed, 5 of them …") is no whole;
    // civilians as a part of all killed are the whole of their own parts
    const within = c.partOf !== null && (byId.get(c.partOf) ?? []).some((e) => !below(c.group, e.claim.group));
    if (larger || within) out.add(c.id);
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

/** The figure a whole caps its parts at: its best, unless a rule says its figures are not the whole event's toll. */
export type CapOf = (whole: Toll) => number | null;

/**
 * The lowest figure a category's best may settle on when capped: its lowest current figure (neither revised by its
 * source, nor to review, nor set aside as not the whole event's toll); a category without one (derived, or vague
 * only) has its range's low end. A revised "up from" figure is never the best, capped or not.
 */
export const floorOf = (t: Toll): number => {
  const vs = t.claims.flatMap((c) => (c.value === null || c.superseded || c.review || c.notWhole ? [] : [c.value]));
  return vs.length ? Math.min(...vs) : t.min;
};

/** The highest figure a category's best may be raised to: its highest current figure (as floorOf), else its range's top. */
export const topOf = (t: Toll): number | null => {
  const vs = t.claims.flatMap((c) => (c.value === null || c.superseded || c.review || c.notWhole ? [] : [c.value]));
  return vs.length ? Math.max(...vs) : t.max;
};

/**
 * Make bests consistent with the hierarchy. First, bottom-up, a whole's best is raised to cover the sum of its
 * stated parts' bests (children + women + men ≤ civilians, civilians + combatants ≤ all; a part that no source
 * states counts through its own parts), as far as the whole's own highest current figure allows: parts beyond it
 * are a toll disagreement, and the whole keeps its best within its range. Then, top-down, a part's best is capped
 * at its whole's best, never below the part's lowest current figure (floorOf): a best always lies among the
 * figures its own claims state. A part whose lowest current figure exceeds what its whole caps it at is a toll
 * disagreement (the sources' figures cannot all hold), and keeps that figure as its best. A whole whose figures
 * are not the toll of the whole event (`capOf` null: a figure for "other people", one place or one group) caps
 * nothing.
 */
export const applyHierarchy = (rules: ReconcileRules) => (input: readonly Toll[], capOf: CapOf = (w) => w.best): HierarchyResult => {
  const parent = new Map<string, string>(rules.hierarchy.map((h) => [h.part, h.whole]));
  const depth = depthOf(parent);
  const tolls = input.map((t) => ({ ...t }));
  const byKey = new Map(tolls.map((t) => [keyOf(t), t]));
  const disagreements: Disagreement[] = [];
  const sourcesOf = (ts: readonly Toll[]): string[] => [...new Set(ts.flatMap((t) => t.claims.map((c) => c.source)))].sort();
  const partsBeyond = raiseWholes(parent, depth, tolls, sourcesOf);
  const deepestFirst = [...tolls].sort((p, q) => depth(q.group) - depth(p.group));
  /** The nearest ancestor category that caps: a whole without a best (or not the whole event's toll) is passed over. */
  const cappingWholeOf = (t: Toll): Toll | undefined => {
    for (let g = parent.get(t.group); g !== undefined; g = parent.get(g)) {
      const w = byKey.get(`${t.outcome}/${g}/`);
      if (w && w !== t && capOf(w) !== null) return w;
    }
    return undefined;
  };
  const exceeding: Toll[] = [];
  for (const t of [...deepestFirst].reverse()) {
    const w = cappingWholeOf(t);
    const cap = w ? capOf(w) : null;
    if (!w || cap === null || t.best === null) continue;
    const floor = floorOf(t);
    if (floor > cap) {
      exceeding.push(t);
      const beyondMax = w.max !== null && floor > w.max;
      disagreements.push({
        kind: 'toll', outcome: t.outcome, group: t.group, affiliation: t.affiliation,
        sources: sourcesOf([t, w]),
        summary: `The lowest ${t.derived ? 'derived ' : ''}figure for ${categoryLabel(t)} (${floor}) exceeds the ${beyondMax ? 'highest figure' : 'best estimate'} for ${categoryLabel(w)} (${beyondMax ? w.max : cap}).`,
        reason: 'part-exceeds-whole',
      });
    }
    const capped = Math.max(cap, floor);
    if (t.best > capped) {
      t.best = capped;
      t.bestPolicy = `${t.bestPolicy ?? 'none'}, capped at ${keyOf(w).replace(/\/$/, '')}${capped > cap ? ` (kept at its own lowest figure ${capped})` : ''}`;
    }
  }
  // a part that alone exceeds its whole says so itself: its whole's parts-sum disagreement would repeat it, unless
  // the other parts still exceed the whole without it (then the whole's own parts disagree with it too)
  const repeats = (b: PartsBeyond): boolean => {
    const by = exceeding.filter((t) => t.outcome === b.whole.outcome && ancestorsOf(parent, t.group).has(b.whole.group));
    const holds = (group: string): boolean => by.some((t) => t.group === group || ancestorsOf(parent, t.group).has(group));
    const rest = b.parts.filter((p) => !holds(p.group)).reduce((n, p) => n + p.floor, 0);
    return by.length > 0 && rest <= b.top;
  };
  return { tolls, disagreements: [...partsBeyond.filter((b) => !repeats(b)).map((b) => b.disagreement), ...disagreements] };
};

const ancestorsOf = (parent: ReadonlyMap<string, string>, group: string): Set<string> => {
  const out = new Set<string>();
  for (let g = parent.get(group); g !== undefined && !out.has(g); g = parent.get(g)) out.add(g);
  return out;
};

/**
 * Bottom-up: each whole's best covers the sum of its parts' bests. A part group counts once: its figure without a
 * side, or the sum of its sides' figures (two sides' fighters are different people), whichever is larger; a part
 * group no source states (or only derived: all − civilians is no evidence about all) counts through its own parts.
 * The parts disagree with their whole when even their lowest current figures (floorOf) sum beyond its highest.
 */
type Sum = { readonly best: number; readonly floor: number; readonly from: readonly Toll[] };
/** A whole whose parts' lowest figures sum beyond its highest (`top`), with each part group's lowest figure. */
type PartsBeyond = { readonly disagreement: Disagreement; readonly whole: Toll; readonly top: number; readonly parts: readonly { group: string; floor: number }[] };
const raiseWholes = (parent: ReadonlyMap<string, string>, depth: (g: string) => number, tolls: Toll[],
  sourcesOf: (ts: readonly Toll[]) => string[]): PartsBeyond[] => {
  const out: PartsBeyond[] = [];
  const children = new Map<string, string[]>();
  for (const [part, whole] of parent) children.set(whole, [...(children.get(whole) ?? []), part]);
  const stated = (outcome: string, group: string): Toll[] => tolls.filter((t) => t.outcome === outcome && t.group === group && !t.derived && t.best !== null);
  const add = (xs: readonly Sum[]): Sum => ({ best: xs.reduce((n, x) => n + x.best, 0), floor: xs.reduce((n, x) => n + x.floor, 0), from: xs.flatMap((x) => x.from) });
  const one = (t: Toll): Sum => ({ best: t.best!, floor: Math.min(floorOf(t), t.best!), from: [t] });
  /** What a group contributes to its whole: its own figures, else its parts'. */
  const contribution = (outcome: string, group: string): Sum => {
    const own = stated(outcome, group);
    const below = partsOf(outcome, group);
    if (!own.length) return below;
    const plain = own.find((t) => t.affiliation === null);
    const sided = add(own.filter((t) => t.affiliation !== null).map(one));
    const mine = plain ? (() => { const p = one(plain); return p.best >= sided.best ? { ...p, floor: Math.max(p.floor, sided.floor) } : { ...sided, floor: Math.max(p.floor, sided.floor) }; })() : sided;
    // a group is at least its own parts ("at least ten civilians", and 25 men and a woman among them)
    return { best: Math.max(mine.best, below.best), floor: Math.max(mine.floor, below.floor), from: mine.best >= below.best ? mine.from : below.from };
  };
  /** What each of a group's parts contributes, and their sum. */
  const partSums = (outcome: string, group: string): { group: string; sum: Sum }[] => (children.get(group) ?? []).map((c) => ({ group: c, sum: contribution(outcome, c) }));
  const partsOf = (outcome: string, group: string): Sum => add(partSums(outcome, group).map((e) => e.sum));
  const wholes = tolls.filter((t) => !t.derived && t.affiliation === null && children.has(t.group)).sort((p, q) => depth(q.group) - depth(p.group));
  for (const w of wholes) {
    if (w.best === null) continue;
    const each = partSums(w.outcome, w.group);
    const sum = add(each.map((e) => e.sum));
    const label = sum.from.map((t) => keyOf(t).replace(/\/$/, '')).join(' + ');
    // as far as its highest current figure: a revised "up from" figure at the top of its range is never the best
    const top = w.max === null ? null : topOf(w);
    const reach = top === null ? sum.best : Math.min(sum.best, top);
    if (reach > w.best) {
      w.best = reach;
      w.bestPolicy = `${w.bestPolicy ?? 'none'}, raised to ${sum.from.length > 1 ? 'the sum of its parts' : 'its part'} ${label}${reach < sum.best ? ` as far as its highest figure ${reach}` : ''}`;
    }
    if (top !== null && sum.floor > top) {
      out.push({ whole: w, top, parts: each.map((e) => ({ group: e.group, floor: e.sum.floor })), disagreement: {
        kind: 'toll', outcome: w.outcome, group: w.group, affiliation: null, sources: sourcesOf([w, ...sum.from]), reason: 'parts-exceed-whole',
        summary: `The lowest figures for the parts of ${categoryLabel(w)} (${sum.from.map((t) => `${categoryLabel(t)} ${floorOf(t)}`).join(', ')}: ${sum.floor} together) exceed its highest ${top === w.max ? '' : 'current '}figure (${top}).`,
      } });
    }
  }
  return out;
};
