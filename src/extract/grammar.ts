/**
 * The construction engine: typed token patterns written as data (rules/languages/<lang>/
 * constructions.yaml) matched over one sentence. Constructions are indexed by what their
 * first slot can start with; each sentence is built bottom-up: built-in nodes (figures,
 * victim phrases, claims already read), then the nodes constructions build (toll phrases),
 * then claims, round after round, so that a list item can follow the item before it.
 * Overlaps are resolved by one declared policy (longest first, then priority, then the
 * earlier start), never by the order of passes. What a match means is the registry in
 * meanings.ts.
 */
import type { Outcome, Qualifier } from '../model/contract.js';
import type { Construction, ConstructionRules, Slot } from '../rules/language-schema.js';
import type { DraftClaim } from './claims.js';
import type { Lexicon, Matcher } from './lexicon.js';
import { compileLexicon, nextToken, prevToken } from './lexicon.js';
import type { Figure, NumberReader } from './numbers.js';
import type { Sentence, Token } from './tokens.js';
import type { Victim } from './victims.js';

/** A figure slot: the number, its qualifier, and the upper bound of a range. */
export type FigureNode = Figure & { readonly qualifier: Qualifier | null; readonly upper: Figure | null };

/** A node a construction built (a toll phrase): the fields it carries. */
export type Node = { readonly type: string; readonly rule: string; readonly from: number; readonly to: number; readonly fields: Readonly<Record<string, string | null>> };

/** What one matched slot carries. */
export type Capture = {
  readonly from: number;
  readonly to: number;
  readonly value?: string | null;
  readonly figure?: FigureNode;
  readonly victim?: Victim;
  readonly few?: number;
  readonly node?: Node;
  readonly claim?: number;
};

export type Match = {
  readonly construction: Construction;
  readonly from: number;
  readonly to: number;
  readonly captures: readonly (Capture | null)[];
  /** the tokens it reads itself: a claim it hangs on is context, not part of its length */
  readonly length: number;
};

export type Grammar = {
  readonly classes: ReadonlyMap<string, Lexicon<string | null>>;
  /** one index over the words of every class: what each phrase starting at a token is */
  readonly words: Lexicon<{ readonly name: string; readonly value: string | null }>;
  /** the kinds of built-in slot some construction starts with */
  readonly firsts: ReadonlySet<string>;
  /** the punctuation marks a class holds (a lexicon matches words only): class → mark → value */
  readonly marks: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  readonly openers: Lexicon<true>;
  /** punctuation that closes a clause (rules: script.commas, script.semicolons, and colons and dashes) */
  readonly clauseMarks: ReadonlySet<string>;
  readonly constructions: readonly Construction[];
  /** constructions by the key of what their first slot starts with ("figure", "class:x", "*") */
  readonly byFirst: ReadonlyMap<string, readonly Construction[]>;
};

/** The built-in readers a pattern's slots use, over one sentence. */
export type Readers = {
  readonly numbers: NumberReader;
  readonly qualBefore: Lexicon<Qualifier>;
  readonly qualAfter: Lexicon<Qualifier>;
  readonly rangeBefore: Lexicon<true>;
  readonly rangeJoiners: Lexicon<true>;
  /** punctuation that joins the two ends of a range ("12-15"): a lexicon matches words only */
  readonly rangeMarks: ReadonlySet<string>;
  readonly coordinators: Lexicon<true>;
  readonly victimAt: (i: number) => Victim | null;
  readonly fewAt: (i: number) => { value: number; victim: Victim; outcome?: Outcome | null } | null;
  /** an outcome noun whose pronoun suffix counts its victims: the outcome, the count, who they are */
  readonly pronounAt: (i: number) => { outcome: string; value: number; victim: Victim } | null;
  /** the number at i is a date's day, with its month written next to it ("the November 20 strikes") */
  readonly dayOfMonth: (i: number) => boolean;
};

export type Scene = {
  readonly tokens: readonly Token[];
  readonly s: Sentence;
  readonly readers: Readers;
  readonly claims: readonly DraftClaim[];
  readonly nodes: readonly Node[];
  /** what starts at each token and does not change between rounds (figures, victims, classes) */
  readonly memo: Map<number, Fixed>;
};


const firstKeys = (slot: Slot): string[] => {
  if (typeof slot === 'string') return [slot];
  if ('class' in slot) return [`class:${slot.class}`];
  if ('node' in slot) return [`node:${slot.node}`];
  if ('oneOf' in slot) return slot.oneOf.flatMap(firstKeys);
  return ['*'];
};

export const compileGrammar = (rules: ConstructionRules, matcher: Matcher, clauseMarks: ReadonlySet<string>): Grammar => {
  const classes = new Map<string, Lexicon<string | null>>();
  const marks = new Map<string, Map<string, string | null>>();
  const all: { phrase: string; value: { name: string; value: string | null } }[] = [];
  for (const [name, body] of Object.entries(rules.classes)) {
    const entries = Array.isArray(body)
      ? body.map((phrase) => ({ phrase, value: null as string | null }))
      : Object.entries(body).flatMap(([value, ps]) => ps.map((phrase) => ({ phrase, value: value as string | null })));
    const isMark = (p: string) => /^[^\p{L}\p{N}\s]+$/u.test(p.trim());
    // a mark is compared with the folded text ("—" and "–" are read as "-")
    marks.set(name, new Map(entries.filter((e) => isMark(e.phrase)).map((e) => [matcher.words(e.phrase)[0] ?? e.phrase.trim(), e.value])));
    classes.set(name, compileLexicon<string | null>(matcher, entries.filter((e) => !isMark(e.phrase))));
    all.push(...entries.filter((e) => !isMark(e.phrase)).map((e) => ({ phrase: e.phrase, value: { name, value: e.value } })));
  }
  const byFirst = new Map<string, Construction[]>();
  for (const c of rules.constructions) {
    for (const k of new Set(firstKeys(c.pattern[0]!))) byFirst.set(k, [...(byFirst.get(k) ?? []), c]);
  }
  const firsts = new Set(rules.constructions.flatMap((c) => firstKeys(c.pattern[0]!)));
  return { classes, words: compileLexicon(matcher, all), firsts, marks, clauseMarks, openers: compileLexicon(matcher, rules.clauseOpeners.map((phrase) => ({ phrase, value: true as const }))), constructions: rules.constructions, byFirst };
};

/** A clause boundary at token i: clause punctuation, a clause-opening word, a sentence end. */
export const boundaryAt = (g: Grammar, sc: Scene, i: number): boolean => {
  const t = sc.tokens[i];
  if (i >= sc.s.to || !t) return true;
  if (t.kind === 'newline') return false;
  if (t.kind === 'punct') return g.clauseMarks.has(t.text);
  return g.openers.matchAt(sc.tokens, i, sc.s.to) !== null;
};

/** A figure at i: a qualifier before it, a range ("between 4 and 9", "4 to 9"), a qualifier after. */
const figureAt = (sc: Scene, i: number): FigureNode | null => {
  const { tokens, s, readers: r } = sc;
  const lim = s.to;
  const range = r.rangeBefore.matchAt(tokens, i, lim);
  const qb = range ? null : r.qualBefore.matchAt(tokens, i, lim);
  const at = range ? nextToken(tokens, range.to, lim) : qb ? nextToken(tokens, qb.to, lim) : i;
  const fig = at < lim ? r.numbers.readAt(tokens, at, lim) : null;
  if (!fig) return null;
  let upper: Figure | null = null;
  const j = nextToken(tokens, fig.to, lim);
  const mark = j < lim && tokens[j]!.kind === 'punct' && r.rangeMarks.has(tokens[j]!.text) && tokens[j + 1]?.kind === 'number' ? { to: j } : null;
  const joiner = j < lim ? (r.rangeJoiners.matchAt(tokens, j, lim) ?? mark ?? (range ? r.coordinators.matchAt(tokens, j, lim) : null)) : null;
  if (joiner) upper = r.numbers.readAt(tokens, nextToken(tokens, joiner.to, lim), lim);
  else if (range && j < lim) {
    // a conjunction glued to the second figure ("و9")
    const second = r.numbers.readAt(tokens, j, lim) ?? (tokens[j + 1]?.kind === 'number' ? r.numbers.readAt(tokens, j + 1, lim) : null);
    if (second?.coordinated || (second && second.from === j + 1)) upper = second;
  }
  if (upper && (upper.value === null || fig.value === null)) upper = null;
  if (range && !upper) return null;
  const end = upper ?? fig;
  const n = nextToken(tokens, end.to, lim);
  const qa = n < lim ? r.qualAfter.matchAt(tokens, n, lim) : null;
  const qualifier: Qualifier | null = qa ? qa.value : qb ? qb.value : null;
  return { ...fig, from: i, to: qa ? qa.to : end.to, qualifier, upper };
};

type Step = { readonly next: number; readonly cap: Capture | null };

// What starts at each token, indexed once per list (a round's claims, a sentence's nodes):
// looking through the whole list for every token was quadratic in a sentence of many claims.
const starts = new WeakMap<readonly { readonly from: number }[], Map<number, number[]>>();
/** The indices in `xs` of the items that start at token i. */
const startingAt = (xs: readonly { readonly from: number }[], i: number): readonly number[] => {
  // most sentences have no claim or node yet: nothing to index
  if (xs.length === 0) return NO_INDEXES;
  let index = starts.get(xs);
  if (!index) {
    const made = new Map<number, number[]>();
    xs.forEach((x, k) => { const at = made.get(x.from); if (at) at.push(k); else made.set(x.from, [k]); });
    starts.set(xs, made);
    index = made;
  }
  return index.get(i) ?? NO_INDEXES;
};
const NO_INDEXES: readonly number[] = [];
const NO_STEPS: readonly Step[] = [];

/** The step of a slot that has one at most (the end, a figure, a victim phrase, a word or mark of a
 *  class), or null when it has none; undefined for the other slots (stepsOf). No list is made. */
const stepOf = (g: Grammar, sc: Scene, slot: Slot, i: number): Step | null | undefined => {
  const { tokens, s } = sc;
  const lim = s.to;
  if (typeof slot === 'string') {
    if (slot === 'end') return i >= lim || fixedAt(g, sc, i).boundary ? { next: i, cap: null } : null;
    if (slot === 'figure' || slot === 'joined') {
      if (i >= lim) return null;
      const f = fixedAt(g, sc, i).figure;
      return f && (slot === 'figure' || f.coordinated) ? { next: nextToken(tokens, f.to, lim), cap: { from: i, to: f.to, figure: f } } : null;
    }
    if (slot === 'victim') {
      if (i >= lim) return null;
      const v = sc.readers.victimAt(i);
      return v ? { next: nextToken(tokens, v.to, lim), cap: { from: i, to: v.to, victim: v } } : null;
    }
    if (slot === 'few') {
      if (i >= lim) return null;
      const f = sc.readers.fewAt(i);
      return f ? { next: nextToken(tokens, f.victim.to, lim), cap: { from: i, to: f.victim.to, victim: f.victim, few: f.value, ...(f.outcome ? { value: f.outcome } : {}) } } : null;
    }
    if (slot === 'pronoun') {
      if (i >= lim) return null;
      const p = sc.readers.pronounAt(i);
      return p ? { next: nextToken(tokens, i, lim), cap: { from: i, to: i, victim: p.victim, few: p.value, value: p.outcome } } : null;
    }
    return undefined;
  }
  if ('class' in slot) {
    const t = tokens[i];
    if (t?.kind === 'punct') {
      const mark = g.marks.get(slot.class);
      return i < lim && mark?.has(t.text) ? { next: nextToken(tokens, i, lim), cap: { from: i, to: i, value: mark.get(t.text) ?? null } } : null;
    }
    const m = i < lim ? classAt(g, sc, slot.class, i) : null;
    return m ? { next: nextToken(tokens, m.to, lim), cap: { from: i, to: m.to, value: m.value } } : null;
  }
  return undefined;
};

/** Where slot `slot` can end when it starts at token i, most likely first. */
const stepsOf = (g: Grammar, sc: Scene, slot: Slot, i: number, before?: Slot): readonly Step[] => {
  const one = stepOf(g, sc, slot, i);
  if (one !== undefined) return one === null ? NO_STEPS : [one];
  const { tokens, s } = sc;
  const lim = s.to;
  const after = (to: number) => nextToken(tokens, to, lim);
  if (typeof slot === 'string') {
    if (i >= lim) return NO_STEPS;
    const at = startingAt(sc.claims, i);
    return at.length ? at.map((k) => { const c = sc.claims[k]!; return { next: after(c.to), cap: { from: c.from, to: c.to, claim: k } }; }) : NO_STEPS;
  }
  if ('node' in slot) {
    const at = startingAt(sc.nodes, i);
    return at.length ? at.map((k) => sc.nodes[k]!).filter((n) => n.type === slot.node).map((n) => ({ next: after(n.to), cap: { from: n.from, to: n.to, node: n } })) : NO_STEPS;
  }
  if ('optional' in slot) return [...stepsOf(g, sc, slot.optional, i, before), { next: i, cap: null }];
  if ('oneOf' in slot) return slot.oneOf.flatMap((o) => stepsOf(g, sc, o, i, before));
  // a gap or span (one inside an optional or a choice): its steps as gapFrom finds them, all of them
  const out: Step[] = [];
  gapFrom(g, sc, slot as GapSlot, i, before, (next) => { out.push({ next, cap: null }); return null; });
  return out;
};

type GapSlot = Extract<Slot, { readonly gap: number } | { readonly span: number }>;
/** A gap or span: what is left once a slot is none of the others (as stepsOf reads it). */
const isGap = (slot: Slot): slot is GapSlot =>
  typeof slot !== 'string' && !('class' in slot) && !('node' in slot) && !('optional' in slot) && !('oneOf' in slot);

/**
 * The steps of a gap or span, the fewest tokens first, each tried as it is found (a gap never crosses
 * a clause boundary, a figure, or another word of the class right before it: a cue reaches no figure
 * past the next cue, "قتل مدني وجرح 4"; a span crosses figures and clause-opening words, never
 * punctuation): `rest` is tried after each until one matches. What a step asks of a token (fixedAt, worked
 * out for every token of the sentence before any match is tried; classAt; numbers) reads nothing
 * that changes, so finding the steps one by one, not all first, gives the same match.
 */
const gapFrom = (g: Grammar, sc: Scene, slot: GapSlot, i: number, before: Slot | undefined, rest: (next: number) => number | null): number | null => {
  const { tokens, s } = sc;
  const lim = s.to;
  let end = rest(i);
  if (end !== null) return end;
  const most = 'gap' in slot ? slot.gap : slot.span;
  const rival = before !== undefined && typeof before !== 'string' && 'class' in before ? before.class : null;
  const wall = 'span' in slot ? slot.stopAt ?? null : null;
  for (let k = i, n = 0; k < lim && n < most; k = nextToken(tokens, k, lim), n++) {
    const t = tokens[k]!;
    const at = fixedAt(g, sc, k);
    const stop = 'gap' in slot ? at.boundary || at.number || (rival !== null && classAt(g, sc, rival, k) !== null) : (t.kind === 'punct' && g.clauseMarks.has(t.text)) || (wall !== null && classAt(g, sc, wall, k) !== null);
    if (stop) break;
    end = rest(nextToken(tokens, k, lim));
    if (end !== null) return end;
  }
  return null;
};

/** The first way the pattern matches from token i (depth first, each slot's likeliest step first). */
const matchFrom = (g: Grammar, sc: Scene, c: Construction, i: number): Match | null => {
  const caps: (Capture | null)[] = [];
  const go = (k: number, at: number): number | null => {
    if (k === c.pattern.length) return at;
    const slot = c.pattern[k]!;
    if (isGap(slot)) return gapFrom(g, sc, slot, at, c.pattern[k - 1], (next) => { caps[k] = null; return go(k + 1, next); });
    const one = stepOf(g, sc, slot, at);
    if (one !== undefined) {
      if (one === null) return null;
      caps[k] = one.cap;
      return go(k + 1, one.next);
    }
    for (const st of stepsOf(g, sc, slot, at, c.pattern[k - 1])) {
      caps[k] = st.cap;
      const end = go(k + 1, st.next);
      if (end !== null) return end;
    }
    return null;
  };
  if (go(0, i) === null) return null;
  const spans = caps.filter((x): x is Capture => x !== null);
  if (!spans.length) return null;
  const own = spans.filter((x) => x.claim === undefined);
  return {
    construction: c, from: Math.min(...spans.map((x) => x.from)), to: Math.max(...spans.map((x) => x.to)), captures: [...caps],
    length: own.length ? Math.max(...own.map((x) => x.to)) - Math.min(...own.map((x) => x.from)) + 1 : 0,
  };
};

/**
 * One list of first-slot keys, interned per grammar: the keys a token has are one of a few lists,
 * each made once, with the keys' ids and the constructions the list indexes (once asked).
 */
type KeyList = {
  readonly keys: readonly string[];
  readonly ids: Int32Array;
  readonly next: Map<string, KeyList>;
  candidates?: readonly Construction[];
};
type KeyTable = {
  readonly ids: Map<string, number>;
  readonly root: KeyList;
  /** each construction's needs (needsOf) as key ids, by the construction's place in the grammar; null: none */
  readonly needs: readonly ((readonly Int32Array[]) | null)[];
  readonly order: ReadonlyMap<Construction, number>;
};
const KEY_TABLES = new WeakMap<Grammar, KeyTable>();
const idOf = (ids: Map<string, number>, key: string): number => {
  let id = ids.get(key);
  if (id === undefined) { id = ids.size; ids.set(key, id); }
  return id;
};
const keyTableOf = (g: Grammar): KeyTable => {
  let t = KEY_TABLES.get(g);
  if (!t) {
    const ids = new Map<string, number>();
    const root: KeyList = { keys: ['*'], ids: Int32Array.of(idOf(ids, '*')), next: new Map() };
    const needs = g.constructions.map((c) => needsOf(c)?.map((any) => Int32Array.from(any, (k) => idOf(ids, k))) ?? null);
    t = { ids, root, needs, order: new Map(g.constructions.map((c, k) => [c, k])) };
    KEY_TABLES.set(g, t);
  }
  return t;
};
/** The list `list` with one key more at its end. */
const withKey = (t: KeyTable, list: KeyList, key: string): KeyList => {
  let n = list.next.get(key);
  if (!n) {
    n = { keys: [...list.keys, key], ids: Int32Array.from([...list.ids, idOf(t.ids, key)]), next: new Map() };
    list.next.set(key, n);
  }
  return n;
};

/** The constructions the first-slot index gives for some keys: each once, in the order of the keys. */
const candidatesFor = (g: Grammar, keys: readonly string[]): readonly Construction[] => {
  const seen = new Set<Construction>();
  for (const key of keys) for (const c of g.byFirst.get(key) ?? []) seen.add(c);
  return [...seen];
};

/** The index key of a node type ("node:x"), made once per type. */
const NODE_KEYS = new Map<string, string>();
const nodeKey = (type: string): string => {
  let k = NODE_KEYS.get(type);
  if (k === undefined) { k = `node:${type}`; NODE_KEYS.set(type, k); }
  return k;
};

/** What can start at token i, by the first-slot index: what does not change between rounds, then claims and nodes. */
const candidatesAt = (g: Grammar, sc: Scene, i: number): readonly Construction[] => {
  let list = fixedAt(g, sc, i).list;
  const claims = startingAt(sc.claims, i), nodes = startingAt(sc.nodes, i);
  if (claims.length || nodes.length) {
    const t = keyTableOf(g);
    if (claims.length) list = withKey(t, list, 'claim');
    for (const k of nodes) list = withKey(t, list, nodeKey(sc.nodes[k]!.type));
  }
  return list.candidates ??= candidatesFor(g, list.keys);
};

/** The longest phrase of a class at token i, from the one index over all classes. */
const classAt = (g: Grammar, sc: Scene, name: string, i: number): { to: number; value: string | null } | null => {
  const fixed = fixedAt(g, sc, i);
  let best: { to: number; value: string | null } | null = null;
  for (const m of fixed.words) if (m.value.name === name && (!best || m.to > best.to)) best = { to: m.to, value: m.value.value };
  return best;
};

/** Whether some pattern of the grammar reads a figure (a stance grammar reads none: its tokens need no figure read). */
const READS_FIGURES = new WeakMap<Grammar, boolean>();
const readsFigures = (g: Grammar): boolean => {
  let r = READS_FIGURES.get(g);
  if (r === undefined) { r = g.constructions.some((c) => /"(figure|joined)"/.test(JSON.stringify(c.pattern))); READS_FIGURES.set(g, r); }
  return r;
};

/** What a gap asks of a token (a clause boundary, a number), read when first asked: most tokens are never in a gap. */
class Lazy {
  private b: boolean | undefined;
  private n: boolean | undefined;
  constructor(private readonly g: Grammar, private readonly sc: Scene, private readonly i: number) {}
  get boundary(): boolean { return this.b ??= boundaryAt(this.g, this.sc, this.i); }
  get number(): boolean {
    const { sc, i } = this;
    return this.n ??= (sc.tokens[i]!.kind === 'number' || sc.readers.numbers.readAt(sc.tokens, i, sc.s.to) !== null) && !sc.readers.dayOfMonth(i);
  }
}

class FixedAt extends Lazy implements Fixed {
  readonly keys: readonly string[];
  constructor(g: Grammar, sc: Scene, i: number, readonly list: KeyList, readonly figure: FigureNode | null, readonly words: readonly Match0[]) { super(g, sc, i); this.keys = list.keys; }
}

const NO_WORDS: readonly Match0[] = [];
const fixedKeysAt = (g: Grammar, sc: Scene, i: number): Fixed => {
  const t0 = keyTableOf(g);
  let list = t0.root;
  const f = readsFigures(g) ? figureAt(sc, i) : null;
  if (f) list = withKey(t0, list, 'figure');
  if (f?.coordinated) list = withKey(t0, list, 'joined');
  if (g.firsts.has('victim') && sc.readers.victimAt(i)) list = withKey(t0, list, 'victim');
  if (g.firsts.has('few') && sc.readers.fewAt(i)) list = withKey(t0, list, 'few');
  if (g.firsts.has('pronoun') && sc.readers.pronounAt(i)) list = withKey(t0, list, 'pronoun');
  const t = sc.tokens[i]!;
  if (t.kind === 'punct') { for (const k of markKeys(g, t)) list = withKey(t0, list, k); return new FixedAt(g, sc, i, list, f, NO_WORDS); }
  const words = g.words.everyAt(sc.tokens, i, sc.s.to);
  // each class once, in the order its first word comes
  for (let k = 0; k < words.length; k++) {
    const name = words[k]!.value.name;
    let seen = false;
    for (let e = 0; e < k && !seen; e++) seen = words[e]!.value.name === name;
    if (!seen) list = withKey(t0, list, classKey(name));
  }
  return new FixedAt(g, sc, i, list, f, words);
};

/** The index keys of the mark classes a punctuation token belongs to ("class:comma"), worked out once per mark and grammar. */
const MARK_KEYS = new WeakMap<Grammar, Map<string, readonly string[]>>();
const markKeys = (g: Grammar, t: Token): readonly string[] => {
  let byMark = MARK_KEYS.get(g);
  if (!byMark) { byMark = new Map(); MARK_KEYS.set(g, byMark); }
  let keys = byMark.get(t.text);
  if (keys === undefined) {
    const made: string[] = [];
    for (const [name, mark] of g.marks) if (mark.has(t.text)) made.push(classKey(name));
    keys = made;
    byMark.set(t.text, keys);
  }
  return keys;
};

/** The index key of a class ("class:x"), made once per class name. */
const CLASS_KEYS = new Map<string, string>();
const classKey = (name: string): string => {
  let k = CLASS_KEYS.get(name);
  if (k === undefined) { k = `class:${name}`; CLASS_KEYS.set(name, k); }
  return k;
};

type Match0 = { readonly value: { readonly name: string; readonly value: string | null }; readonly to: number };
/** What starts at one token, worked out once per sentence. */
export type Fixed = {
  readonly keys: readonly string[]; readonly figure: FigureNode | null; readonly words: readonly Match0[]; readonly boundary: boolean; readonly number: boolean;
  /** its keys as one interned list (with the constructions they index, once asked) */
  readonly list: KeyList;
};

const fixedAt = (g: Grammar, sc: Scene, i: number): Fixed => {
  let fixed = sc.memo.get(i);
  if (!fixed) { fixed = fixedKeysAt(g, sc, i); sc.memo.set(i, fixed); }
  return fixed;
};

/** The keys one slot surely reads at some token when it matches: a figure, a joined figure, a word or mark
 *  of a class, or one of the alternatives of a choice of those; null when it may match without any. */
const sureKeys = (slot: Slot): string[] | null => {
  if (slot === 'figure' || slot === 'joined') return [slot];
  if (typeof slot === 'string') return null;
  if ('class' in slot) return [`class:${slot.class}`];
  if (!('oneOf' in slot)) return null;
  const each = slot.oneOf.map(sureKeys);
  return each.every((k) => k !== null) ? each.flat() as string[] : null;
};

/** What a match of a construction needs in its sentence: for each slot that reads a sure key, one of them.
 *  None for a construction that reads victims (a victim reader remembers the claims it was first asked
 *  with: not trying such a match could change what a later one reads). */
const NEEDS = new WeakMap<Construction, readonly (readonly string[])[] | null>();
const needsOf = (c: Construction): readonly (readonly string[])[] | null => {
  if (NEEDS.has(c)) return NEEDS.get(c)!;
  const json = JSON.stringify(c.pattern);
  const needs = ['"victim"', '"few"', '"pronoun"'].some((k) => json.includes(k)) ? null
    : c.pattern.map(sureKeys).filter((k): k is string[] => k !== null);
  NEEDS.set(c, needs);
  return needs;
};

/** The keys some token of the sentence has (by id), and which constructions could match there at all
 *  (by place in the grammar: 0 not yet asked, 1 yes, 2 no), per sentence. */
type Present = { readonly from: number; readonly to: number; readonly keys: Uint8Array; readonly viable: Uint8Array };
const PRESENT = new WeakMap<Scene['memo'], Present>();
const viableIn = (g: Grammar, sc: Scene): ((c: Construction) => boolean) => {
  const t = keyTableOf(g);
  let p = PRESENT.get(sc.memo);
  if (!p || p.from !== sc.s.from || p.to !== sc.s.to) {
    const lists: KeyList[] = [];
    for (let i = sc.s.from; i < sc.s.to; i++) lists.push(fixedAt(g, sc, i).list);
    const keys = new Uint8Array(t.ids.size);
    for (const l of lists) for (let k = 0; k < l.ids.length; k++) keys[l.ids[k]!] = 1;
    p = { from: sc.s.from, to: sc.s.to, keys, viable: new Uint8Array(g.constructions.length) };
    PRESENT.set(sc.memo, p);
  }
  const { keys, viable } = p;
  return (c) => {
    const at = t.order.get(c)!;
    let v = viable[at]!;
    if (v === 0) {
      const needs = t.needs[at]!;
      let ok = true;
      if (needs !== null) {
        for (const any of needs) {
          let met = false;
          for (let k = 0; k < any.length && !met; k++) met = keys[any[k]!] === 1;
          if (!met) { ok = false; break; }
        }
      }
      v = ok ? 1 : 2;
      viable[at] = v;
    }
    return v === 1;
  };
};

const BY_FIRSTS = new WeakMap<Grammar, boolean>();
const judgedByFirsts = (g: Grammar): boolean => {
  let j = BY_FIRSTS.get(g);
  if (j === undefined) { j = !readsFigures(g) && g.constructions.every((c) => needsOf(c) !== null); BY_FIRSTS.set(g, j); }
  return j;
};

/**
 * No construction the filter keeps could match in the sentence, judged from what each token's
 * first word may begin (no phrase tried, no figure read): for a grammar whose patterns read no
 * figure and no victim (a stance grammar), most sentences need no token worked out at all.
 */
const nothingViable = (g: Grammar, sc: Scene, keep: (c: Construction) => boolean): boolean => {
  if (!judgedByFirsts(g)) return false;
  // the keys the sentence's tokens may begin, as marks in a table (a stamp per sentence: nothing to clear)
  const j = judgeOf(g);
  if (j.stamp === 0x7fffffff) { j.present.fill(0); j.stamp = 0; }
  const stamp = ++j.stamp;
  const { present } = j;
  for (let i = sc.s.from; i < sc.s.to; i++) {
    const t = sc.tokens[i]!;
    const ids = t.kind === 'punct' ? markIds(j, markKeys(g, t)) : openingIds(j, g.words.opening(t));
    for (let k = 0; k < ids.length; k++) present[ids[k]!] = stamp;
  }
  const { constructions } = g;
  for (let c = 0; c < constructions.length; c++) {
    if (!keep(constructions[c]!)) continue;
    // viable: each of its needs has one key some token may begin
    let viable = true;
    for (const any of j.needs[c]!) {
      let met = false;
      for (let k = 0; k < any.length && !met; k++) met = present[any[k]!] === stamp;
      if (!met) { viable = false; break; }
    }
    if (viable) return false;
  }
  return true;
};

/** nothingViable's tables for one grammar: an id per key of the first-slot index, each construction's
 *  needs as ids, and the ids of what a token may begin (by the lexicon's list, by the mark). */
type Judge = {
  readonly ids: ReadonlyMap<string, number>;
  readonly present: Int32Array;
  stamp: number;
  readonly needs: readonly (readonly Int32Array[])[];
  readonly byList: WeakMap<readonly unknown[], Int32Array>;
  readonly byMarks: WeakMap<readonly string[], Int32Array>;
};
const JUDGES = new WeakMap<Grammar, Judge>();
const NO_IDS = new Int32Array(0);
const judgeOf = (g: Grammar): Judge => {
  let j = JUDGES.get(g);
  if (!j) {
    const ids = new Map<string, number>();
    for (const name of [...g.classes.keys(), ...g.marks.keys()]) if (!ids.has(classKey(name))) ids.set(classKey(name), ids.size);
    // a key no token can give (none of the index's classes) is never met
    const idsOf = (keys: readonly string[]) => Int32Array.from(keys.flatMap((k) => (ids.has(k) ? [ids.get(k)!] : [])));
    j = { ids, present: new Int32Array(ids.size), stamp: 0, needs: g.constructions.map((c) => needsOf(c)!.map(idsOf)), byList: new WeakMap(), byMarks: new WeakMap() };
    JUDGES.set(g, j);
  }
  return j;
};
const openingIds = (j: Judge, opening: readonly { readonly name: string }[]): Int32Array => {
  if (!opening.length) return NO_IDS;
  let ids = j.byList.get(opening);
  if (!ids) { ids = Int32Array.from(opening.flatMap((w) => (j.ids.has(classKey(w.name)) ? [j.ids.get(classKey(w.name))!] : []))); j.byList.set(opening, ids); }
  return ids;
};
const markIds = (j: Judge, keys: readonly string[]): Int32Array => {
  if (!keys.length) return NO_IDS;
  let ids = j.byMarks.get(keys);
  if (!ids) { ids = Int32Array.from(keys.flatMap((k) => (j.ids.has(k) ? [j.ids.get(k)!] : []))); j.byMarks.set(keys, ids); }
  return ids;
};

/** Every match in the sentence of constructions that build `builds` (or not), by the first-slot index. */
export const matchesIn = (g: Grammar, sc: Scene, keep: (c: Construction) => boolean): Match[] => {
  const out: Match[] = [];
  if (nothingViable(g, sc, keep)) return out;
  // a construction that needs a word no token of the sentence has is not tried
  const viable = viableIn(g, sc);
  for (let i = sc.s.from; i < sc.s.to; i++) {
    for (const c of candidatesAt(g, sc, i)) {
      if (!keep(c) || !viable(c)) continue;
      const m = matchFrom(g, sc, c, i);
      if (m) out.push(m);
    }
  }
  return out;
};

/** The overlap policy: the match that reads most tokens itself first, then the higher priority, then the earlier start. */
export const byPolicy = (a: Match, b: Match): number =>
  b.length - a.length || b.construction.priority - a.construction.priority || a.from - b.from;

/** Does token i fall in [from, to]? */
export const within = (i: number, from: number, to: number): boolean => i >= from && i <= to;

export { prevToken };
