/**
 * The victims a figure counts: its head noun, and what refines it — an adjective ("سجينا
 * مدنيا", "civilian prisoners"), a side named after a partitive ("عناصر من التنظيم",
 * "fighters of ISIS") or before the head ("15 ISIS members"), modifiers between ("four
 * Syrian soldiers"), "others" of the claim before. All words come from the victims rules.
 */
import { fold } from '../text/normalise.js';
import type { Group } from '../model/contract.js';
import type { Actor } from '../rules/schema.js';
import type { Head, Kit } from './kit.js';
import { nextToken } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';

export type Victim = { group: Group; affiliation: string | null; to: number; others: boolean };

/** Sides combatants may belong to (contract actor ids). */
export const COMBATANT_SIDES = new Set(['isis', 'iran-backed', 'sdf', 'syrian-government', 'armed-opposition']);

/** Victim readers over one sentence; `previous` is the last whole claim's victims, for "others". */
/** A side-needing head with its side named after it by a partitive ("7 members of Hezbollah"), else nothing. */
const sidedByPartitive = (kit: Kit, tokens: readonly Token[], j: number, limit: number, sideAfter: (k: number) => { actor: Actor; to: number } | null): Victim | null => {
  const head = kit.heads.matchAt(tokens, j, limit);
  const p = head ? kit.partitive.matchAt(tokens, nextToken(tokens, head.to, limit), limit) : null;
  const side = p ? sideAfter(nextToken(tokens, p.to, limit)) : null;
  return side && COMBATANT_SIDES.has(side.actor.id) ? { group: 'combatants', affiliation: side.actor.id, to: side.to, others: false } : null;
};

export const victimReader = (kit: Kit, tokens: readonly Token[], s: Sentence, previous: () => Victim | null) => {
  const limit = s.to;
  /** An actor named as a side after a partitive or "تابعة ل" within a few words. */
  const sideAfter = (j: number): { actor: Actor; to: number; mixed: boolean } | null => {
    for (let k = j, steps = 0; k < limit && steps < 6; k++, steps++) {
      const a = kit.actors.matchAt(tokens, k, limit);
      if (a) {
        const n = nextToken(tokens, a.to, limit);
        const mixed = n < limit && kit.mixed.matchAt(tokens, n, limit) !== null && kit.lang.script.conjunctionClitics.some((c) => tokens[n]!.text.startsWith(fold(c)));
        return { actor: a.value, to: a.to, mixed };
      }
      if (tokens[k]!.kind === 'punct' && !['"', "'"].includes(tokens[k]!.text)) return null;
      if (tokens[k]!.kind === 'number') return null;
    }
    return null;
  };

  /** A head noun at j: a side-needing head only with a side; an adjective head before another
   *  head refines it ("civilian prisoners"); a head that names a side takes it ("15 jihadists"). */
  const headAt = (j: number, side: Actor | null): Victim | null => {
    const h = kit.heads.matchAt(tokens, j, limit);
    if (!h || (h.value.needsSide && !side)) return null;
    if (h.value.adjective) {
      const n = nextToken(tokens, h.to, limit);
      const h2 = n < limit ? kit.heads.matchAt(tokens, n, limit) : null;
      if (h2 && !h2.value.adjective && h2.value.group === 'all') return { group: h.value.group, affiliation: null, to: h2.to, others: false };
    }
    if (side && COMBATANT_SIDES.has(side.id) && (h.value.group === 'combatants' || h.value.group === 'all')) {
      return { group: 'combatants', affiliation: side.id, to: h.to, others: false };
    }
    const own = h.value.group === 'combatants' && h.value.affiliation === null
      ? kit.actors.allAt(tokens, j, h.to).find((a) => COMBATANT_SIDES.has(a.id)) : undefined;
    const v = refine({ group: h.value.group, affiliation: own?.id ?? h.value.affiliation, to: h.to, others: false }, h.value);
    return v;
  };

  /** English order: modifiers and a side between the figure and its head ("four Syrian soldiers",
   *  "15 Islamic State members", "6 Iran-backed fighters"). */
  const headAfterModifiers = (j: number): Victim | null => {
    let k = j;
    let side: { value: Actor; to: number } | null = null;
    for (let steps = 0; steps < 4 && k < limit; steps++) {
      const m = kit.modifiers.matchAt(tokens, k, limit);
      if (m) { k = nextToken(tokens, m.to, limit); continue; }
      const a: { value: Actor; to: number } | null = kit.lang.victims.sideBeforeHead && !side ? kit.actors.matchAt(tokens, k, limit) ?? kit.actorAdjectives.matchAt(tokens, k, limit) : null;
      if (a) { side = a; k = nextToken(tokens, a.to, limit); continue; }
      break;
    }
    const v = k > j && k < limit ? headAt(k, side?.value ?? null) : null;
    if (v || !side || !COMBATANT_SIDES.has(side.value.id)) return v;
    // the side's own name ends in the head ("Iran-backed fighters")
    const last = kit.heads.matchAt(tokens, side.to, limit);
    return last && last.to === side.to ? { group: 'combatants', affiliation: side.value.id, to: side.to, others: false } : null;
  };

  /** The group a figure at [from, to] names: head noun, refinements, sides. */
  const victimAfter = (figTo: number): Victim | null => {
    const j = nextToken(tokens, figTo, limit);
    if (j >= limit) return null;
    const direct = headAt(j, null);
    if (direct) return direct;
    if (kit.heads.matchAt(tokens, j, limit)?.value.needsSide) return sidedByPartitive(kit, tokens, j, limit, sideAfter);
    const before = headAfterModifiers(j);
    if (before) return before;
    const h = kit.heads.matchAt(tokens, j, limit);
    const oh = h ? null : kit.outcomeHeads.matchAt(tokens, j, limit);
    const others = h || oh ? null : kit.others.matchAt(tokens, j, limit);
    const part = h || oh || others ? null : kit.partitive.matchAt(tokens, j, limit);
    let v: Victim | null = null;
    if (h) v = refine({ group: h.value.group, affiliation: h.value.affiliation, to: h.to, others: false }, h.value);
    else if (oh) v = { group: groupBefore(j), affiliation: null, to: oh.to, others: false };
    else if (others) {
      const inherit = kit.lang.victims.othersInherit;
      const before = previous();
      const keep = before !== null && (!inherit || inherit.includes(before.group));
      v = { group: keep ? before!.group : 'all', affiliation: keep ? before!.affiliation : null, to: others.to, others: true };
    }
    else if (part) {
      const side = sideAfter(nextToken(tokens, part.to, limit));
      const hh = kit.heads.matchAt(tokens, nextToken(tokens, part.to, limit), limit);
      // "dozens of others": people other than those counted before
      const oth = hh ? null : kit.others.matchAt(tokens, nextToken(tokens, part.to, limit), limit);
      if (oth && !side) return { group: 'all', affiliation: null, to: oth.to, others: true };
      if (side && !side.mixed) return { group: 'combatants', affiliation: side.actor.id, to: side.to, others: false };
      if (hh) return refine({ group: hh.value.group, affiliation: hh.value.affiliation, to: hh.to, others: false }, hh.value);
      return null;
    }
    if (!v) return null;
    // "13 قتيلا ... من بينهم" keeps its group; "3 آخرين من التنظيم" takes the side named
    if (oh || others) {
      const n = nextToken(tokens, v.to, limit);
      if (n < limit && kit.partitive.matchAt(tokens, n, limit)) {
        const side = sideAfter(nextToken(tokens, n, limit));
        if (side && !side.mixed) return { ...v, group: 'combatants', affiliation: side.actor.id, to: side.to };
      }
    }
    return v;
  };

  /** Adjectives and sides after a head ("سجينا مدنيا", "عناصر من تنظيم الدولة", "تابعة لجيش النظام"). */
  const refine = (v: Victim, head: Head): Victim => {
    const n = nextToken(tokens, v.to, limit);
    const adj = n < limit ? kit.heads.matchAt(tokens, n, limit) : null;
    if (adj && adj.value.adjective && (v.group === 'all')) return { ...v, group: adj.value.group, to: adj.to };
    if (v.group !== 'combatants' && v.group !== 'all') return v;
    let k = n;
    let linked = false;
    if (k < limit && kit.partitive.matchAt(tokens, k, limit)) { k = nextToken(tokens, kit.partitive.matchAt(tokens, k, limit)!.to, limit); linked = true; }
    while (k < limit && kit.memberWords.matchAt(tokens, k, limit)) { k = nextToken(tokens, kit.memberWords.matchAt(tokens, k, limit)!.to, limit); linked = true; }
    if (kit.lang.victims.sideNeedsLink && !linked) return v;
    const side = sideAfter(k);
    if (side && !side.mixed && side.to - v.to <= 6) {
      return { ...v, group: 'combatants', affiliation: side.actor.id, to: side.to };
    }
    if (side && side.mixed) return { ...v, to: v.to };
    void head;
    return v;
  };

  /** "حصيلة القتلى المدنيين ... 13 قتيلا": the group named before an outcome head. */
  const groupBefore = (j: number): Group => {
    for (let k = j - 1; k >= Math.max(s.from, j - 30); k--) {
      const h = kit.heads.matchAt(tokens, k, j);
      if (h && h.value.adjective) return h.value.group;
    }
    return 'all';
  };

  return { victimAfter, refine };
};
