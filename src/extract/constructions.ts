/**
 * Reading one sentence with the language's constructions (src/extract/grammar.ts): toll
 * phrases first, then claims round after round over the claims read so far, each round's
 * matches resolved by the grammar's overlap policy. A figure already inside a claim is not
 * read again.
 */
import type { DraftClaim } from './claims.js';
import type { Capture, Match, Node, Readers, Scene } from './grammar.js';
import { byPolicy, matchesIn, within } from './grammar.js';
import type { Kit } from './kit.js';
import { MEANINGS } from './meanings.js';
import type { Sentence, Token } from './tokens.js';
import type { Victim } from './victims.js';
import { victimReader } from './victims.js';

const ROUNDS = 4;

const readersOf = (kit: Kit, tokens: readonly Token[], s: Sentence, claims: () => readonly DraftClaim[]): Readers => {
  const previous = (): Victim | null => {
    const whole = [...claims()].reverse().find((c) => c.partOf === null);
    return whole ? { group: whole.group, affiliation: whole.affiliation, to: whole.to, others: false } : null;
  };
  const { victimAfter, refine } = victimReader(kit, tokens, s, previous);
  return {
    numbers: kit.numbers, qualBefore: kit.qualBefore, qualAfter: kit.qualAfter,
    rangeBefore: kit.rangeBefore, rangeJoiners: kit.rangeJoiners, coordinators: kit.coordinators,
    // an outcome noun heading the figure names no group of its own here ("تجاوز 50 جريحا")
    victimAt: (i) => {
      const oh = kit.outcomeHeads.matchAt(tokens, i, s.to);
      return oh && !kit.heads.matchAt(tokens, i, s.to) ? { group: 'all', affiliation: null, to: oh.to, others: false } : victimAfter(i - 1);
    },
    fewAt: (i) => {
      if (kit.numbers.readAt(tokens, i, s.to)) return null;
      const dual = kit.dual.matchAt(tokens, i, s.to);
      const head = dual ?? kit.singular.matchAt(tokens, i, s.to);
      if (!head) return null;
      const victim = refine({ group: head.value.group, affiliation: head.value.affiliation, to: head.to, others: false }, head.value);
      return { value: dual ? 2 : 1, victim };
    },
  };
};

/** The tokens a match reads a figure from. */
const figureSpan = (m: Match): [number, number] | null => {
  const c = m.captures.find((x): x is Capture => x !== null && (x.figure !== undefined || x.few !== undefined));
  return c ? [c.from, c.to] : null;
};

/** A digit or a number word: most sentences of a report have none, and no construction reads them. */
const hasFigure = (kit: Kit, tokens: readonly Token[], s: Sentence): boolean => {
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number' || (t.kind === 'word' && kit.numbers.wordValue(t))) return true;
  }
  return false;
};

/** Two readings of one figure that say the same. */
const sameReading = (b: DraftClaim, core: DraftClaim): boolean =>
  b.outcome === core.outcome && b.group === core.group && b.affiliation === core.affiliation && b.value === core.value
  && b.qualifier === core.qualifier && (b.partOf === null || b.partOf === core.partOf) && Boolean(b.superseded) === Boolean(core.superseded);

/**
 * A claim of the core reader that a construction may read again: one the match covers whole
 * and reads more of. A claim or a part may read it differently; an item or a revision takes
 * its outcome from another claim, so it only confirms a reading that says the same.
 */
const overridable = (m: Match, k: number, claims: readonly DraftClaim[], core: number): number | null => {
  const c = claims[k];
  if (!c || k >= core || c.rule !== undefined) return null;

  const own = m.captures.filter((x) => x !== null && x.claim === undefined);
  const from = Math.min(...own.map((x) => x!.from));
  const to = Math.max(...own.map((x) => x!.to));
  return from <= c.from && to >= c.to && to - from > c.to - c.from ? k : null;
};

/** Toll phrase nodes, overlaps resolved by the policy. */
const tollNodes = (kit: Kit, scene: Scene): Node[] => {
  const nodes: Node[] = [];
  const matches = matchesIn(kit.grammar, scene, (c) => c.builds === 'toll').sort(byPolicy);
  for (const m of matches) {
    if (nodes.some((n) => m.from <= n.to && n.from <= m.to)) continue;
    const node = MEANINGS.toll(m, scene.claims).node;
    if (node) nodes.push(node);
  }
  return nodes;
};

/** The claims of the sentence: those read already, then what the constructions add. */
export const readConstructions = (kit: Kit, tokens: readonly Token[], s: Sentence, read: readonly DraftClaim[]): DraftClaim[] => {
  const claims = [...read];
  if (!kit.grammar.constructions.length || (!claims.length && !hasFigure(kit, tokens, s))) return claims;
  const readers = readersOf(kit, tokens, s, () => claims);
  const memo: Scene['memo'] = new Map();
  const scene0: Scene = { tokens, s, readers, claims, nodes: [], memo };
  const nodes = tollNodes(kit, scene0);
  const taken: [number, number][] = claims.map((c) => [c.from, c.to]);
  for (let round = 0; round < ROUNDS; round++) {
    const scene: Scene = { tokens, s, readers, claims: [...claims], nodes, memo };
    const matches = matchesIn(kit.grammar, scene, (c) => c.builds !== 'toll').sort(byPolicy);
    let added = 0;
    for (const m of matches) {
      const span = figureSpan(m);
      if (!span) continue;
      const hits = taken.flatMap((t, k) => (within(span[0], t[0], t[1]) || within(t[0], span[0], span[1]) ? [k] : []));
      const k = hits.length === 1 ? overridable(m, hits[0]!, claims, read.length) : null;
      if (hits.length && k === null) continue;
      const built = MEANINGS[m.construction.builds](m, claims).claims;
      const rereads = built.length > 0 && k !== null && (sameReading(built[0]!, claims[k]!) || m.construction.builds === 'claim' || m.construction.builds === 'part');
      if (k !== null && built.length && !rereads) continue;
      // a non-claim holds its figure; a part or item with nothing to hang on leaves it to a later round
      if (!built.length) { if (k === null && m.construction.builds === 'non-claim') taken.push(span); continue; }
      if (k !== null) {
        // the construction reads more of the phrase than the core reader did: its reading wins
        const core = claims[k]!;
        const b = built[0]!;
        claims[k] = sameReading(b, core) ? { ...core, rule: b.rule } : { ...b, partOf: b.partOf ?? core.partOf, from: Math.min(core.from, b.from), to: Math.max(core.to, b.to) };
        claims.push(...built.slice(1));
        taken[k] = [claims[k]!.from, claims[k]!.to];
        taken.push(...built.slice(1).map((c): [number, number] => [c.from, c.to]));
        continue;
      }
      claims.push(...built);
      taken.push(span, ...built.slice(1).map((c): [number, number] => [c.from, c.to]));
      added += built.length;
    }
    if (!added) break;
  }
  return claims;
};
