/**
 * Reading one sentence with the language's constructions (src/extract/grammar.ts): the
 * built-in readers the slots use (figures, victim phrases, pronoun claims), and the rounds.
 */
import type { DraftClaim } from './claims.js';
import type { Capture, Match, Node, Readers, Scene } from './grammar.js';
import { byPolicy, matchesIn } from './grammar.js';
import type { Kit } from './kit.js';
import { MEANINGS } from './meanings.js';
import type { Lexicon } from './lexicon.js';
import { nextToken, phraseSet, prevToken } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';
import type { Victim } from './victims.js';
import type { Figure, NumberReader } from './numbers.js';
import { COMBATANT_SIDES, conjoined, singularNounAt, victimReader } from './victims.js';
import { sideBefore } from './claims.js';
import { ageAfter, agedVictimAt } from './ages.js';
import type { Construction } from '../rules/language-schema.js';
import type { Actor } from '../rules/schema.js';

const ROUNDS = 4;

/** The figure read at each token of the sentence, read once (fewAt asks it of the tokens before each
 *  token too; numbers.readAt is a function of the tokens), and a number reader that answers from it. */
const sentenceFigures = (kit: Kit, tokens: readonly Token[], s: Sentence): { figureHere: (j: number) => Figure | null; numbers: NumberReader } => {
  const figures: (Figure | null | undefined)[] = new Array(s.to - s.from).fill(undefined);
  const figureHere = (j: number): Figure | null => {
    if (j < s.from || j >= s.to) return kit.numbers.readAt(tokens, j, s.to);
    let f = figures[j - s.from];
    if (f === undefined) { f = kit.numbers.readAt(tokens, j, s.to); figures[j - s.from] = f; }
    return f;
  };
  const numbers: NumberReader = {
    readAt: (tk, j, limit) => (tk === tokens && limit === s.to ? figureHere(j) : kit.numbers.readAt(tk, j, limit)),
    wordValue: kit.numbers.wordValue,
  };
  return { figureHere, numbers };
};

/** the month names of a kit's language (rules: dates months), compiled once */
const MONTHS = new WeakMap<Kit, Lexicon<true>>();
const monthsOf = (kit: Kit): Lexicon<true> => {
  let m = MONTHS.get(kit);
  if (!m) { m = phraseSet(kit.matcher, Object.keys(kit.lang.dates.months)); MONTHS.set(kit, m); }
  return m;
};

/** A digit with a month name right after it ("20 November") or ending right before it ("November 20",
 *  "كانون الثاني 20"): a date's day, no count. */
const dayOfMonthIn = (kit: Kit, tokens: readonly Token[], s: Sentence) => (i: number): boolean => {
  if (tokens[i]!.kind !== 'number') return false;
  const months = monthsOf(kit);
  const n = nextToken(tokens, i, s.to);
  if (n < s.to && months.matchAt(tokens, n, s.to)) return true;
  for (let j = prevToken(tokens, i, s.from), k = 0; j >= s.from && k < 3; j = prevToken(tokens, j, s.from), k++) {
    if (months.matchAt(tokens, j, s.to)?.to === prevToken(tokens, i, s.from)) return true;
  }
  return false;
};

const readersOf = (kit: Kit, tokens: readonly Token[], s: Sentence, claims: () => readonly DraftClaim[], previousSide: Actor | null): Readers => {
  const previous = (): Victim | null => {
    const whole = [...claims()].reverse().find((c) => c.partOf === null);
    return whole ? { group: whole.group, affiliation: whole.affiliation, to: whole.to, others: false } : null;
  };
  const { victimAfter, refine, singularAt } = victimReader(kit, tokens, s, previous);
  // a victim phrase is read once per token ("others" are resolved when the claim is built)
  const memo = <T>(f: (i: number) => T): ((i: number) => T) => {
    const seen = new Map<number, T>();
    return (i) => {
      const known = seen.get(i);
      if (known !== undefined || seen.has(i)) return known as T;
      const v = f(i);
      seen.set(i, v);
      return v;
    };
  };
  const { figureHere, numbers } = sentenceFigures(kit, tokens, s);
  // a victim noun inside a longer name of a source ("مصدر عسكري", "الدفاع المدني", "a military source") names who speaks, not one victim
  let names: readonly { from: number; to: number }[] | null = null;
  const inName = (i: number, to: number): boolean =>
    (names ??= kit.sources.findAll(tokens, s.from, s.to)).some((m) => m.from <= i && i <= m.to && (m.from < i || m.to > to));
  return memoised({
    numbers, qualBefore: kit.qualBefore, qualAfter: kit.qualAfter,
    rangeBefore: kit.rangeBefore, rangeJoiners: kit.rangeJoiners, rangeMarks: kit.rangeMarks, coordinators: kit.coordinators,
    dayOfMonth: dayOfMonthIn(kit, tokens, s),
    // an outcome noun heading the figure names no group of its own here ("تجاوز 50 جريحا")
    victimAt: (i) => {
      const oh = kit.outcomeHeads.matchAt(tokens, i, s.to);
      if (!oh || kit.heads.matchAt(tokens, i, s.to)) return victimAfter(i - 1);
      // an adjective after it names the group ("23 قتيلا مدنيا", "23 morts civils")
      const adj = kit.heads.matchAt(tokens, nextToken(tokens, oh.to, s.to), s.to);
      return adj?.value.adjective ? { group: adj.value.group, affiliation: null, to: adj.to, others: false } : { group: 'all', affiliation: null, to: oh.to, others: false, outcomeNoun: true };
    },
    fewAt: (i) => {
      if (figureHere(i)) return null;
      // a noun right after a figure is the figure's counted noun ("1200 مدني", "ألف مدني"), not one of its own
      const p = prevToken(tokens, i, s.from);
      if (p >= s.from && (tokens[p]!.kind === 'number' || kit.numbers.wordValue(tokens[p]!) !== null)) return null;
      for (let j = p, k = 0; j >= s.from && k < 4; j = prevToken(tokens, j, s.from), k++) if (figureHere(j)?.to === p) return null;
      if (definiteAttribute(kit, tokens, s, i)) return null;
      const other = oneOtherAt(kit, tokens, s, i);
      // "another civilian": a determiner before a noun that names the group
      const noun = other !== null ? kit.heads.matchAt(tokens, nextToken(tokens, other, s.to), s.to) : null;
      if (noun) return { value: 1, victim: refine({ group: noun.value.group, affiliation: noun.value.affiliation, to: noun.to, others: false }, noun.value) };
      // "وقتل آخر من قوات النظام": a side named after it is its own, else it is of the group others inherit
      const sided = other !== null ? refine({ group: 'all', affiliation: null, to: other, others: true }) : null;
      if (sided) return { value: 1, victim: sided.group === 'all' ? sided : { ...sided, others: false } };
      const dual = kit.dual.matchAt(tokens, i, s.to);
      const head = dual ?? kit.singular.matchAt(tokens, i, s.to);
      // one victim with an age in the phrase ("an 11-year-old boy", "a boy aged 9"): src/extract/ages.ts
      const aged = agedVictimAt(kit, tokens, s, i, refine);
      if (aged && (!head || aged.to > head.to)) return inName(i, aged.to) ? null : { value: 1, victim: ageAfter(kit, tokens, s, aged) };
      // modifiers or a side between the determiner and the noun ("a senior ISIS commander"): src/extract/victims.ts
      const modified = head ? null : singularAt(i);
      if (modified) return inName(i, modified.to) ? null : { value: 1, victim: ageAfter(kit, tokens, s, modified) };
      if (!head || inName(i, head.to)) return null;
      const victim = refine({ group: head.value.group, affiliation: head.value.affiliation, to: head.to, others: false }, head.value);
      // a head that names combatants only with their side ("أمير", also a name and a prince's title) counts none without it
      if (head.value.needsSide && victim.affiliation === null) return null;
      return { value: dual ? 2 : 1, victim: dual ? victim : ageAfter(kit, tokens, s, victim), outcome: head.value.outcome };
    },
    // the pronoun refers to the last side named before it that is not the doer, else to the sentence before's
    pronounAt: (i) => {
      const t = tokens[i]!;
      let hit: ReturnType<typeof kit.pronounClaims.get>;
      if (t.kind === 'word') for (const v of kit.matcher.variants(t.text)) { hit = kit.pronounClaims.get(v); if (hit) break; }
      // a cue of its own ("إصابة") is no pronoun form of another ("أصاب" + "ه")
      if (!hit || kit.outcomeBefore.matchAt(tokens, i, s.to)) return null;
      // "طفل لقي مصرعه": the object of a finite verb of dying refers to the noun the verb agrees with
      if (subjectBeforeVerb(kit, tokens, s, i)) return null;
      const side = sideBefore(kit, tokens, s.from, i) ?? previousSide;
      const victim: Victim = side && COMBATANT_SIDES.has(side.id)
        ? { group: 'combatants', affiliation: side.id, to: i, others: false }
        : { group: 'all', affiliation: null, to: i, others: false };
      return { outcome: hit.outcome, value: hit.count, victim };
    },
  }, memo);
};

/** "الأمن العسكري", "المجلس العسكري": a definite word right after another definite word is its adjective,
 *  no victim of its own (rules: script.articleClitics; a script without an article never has one). */
/** The article clitics of a kit's script, folded once. */
const ARTICLES = new WeakMap<Kit, readonly string[]>();
const articlesOf = (kit: Kit): readonly string[] => {
  let a = ARTICLES.get(kit);
  if (!a) { a = kit.lang.script.articleClitics.map(kit.matcher.folding.fold); ARTICLES.set(kit, a); }
  return a;
};

const definiteAttribute = (kit: Kit, tokens: readonly Token[], s: Sentence, i: number): boolean => {
  const articles = articlesOf(kit);
  if (!articles.length) return false;
  const p = prevToken(tokens, i, s.from);
  const definite = (t: Token) => t.kind === 'word' && articles.some((a) => t.text.startsWith(a) && t.text.length > a.length + 1);
  // "الرجل والمرأة": a conjunction makes it a second noun, not an adjective
  return p >= s.from && !conjoined(kit, tokens[i]!) && definite(tokens[i]!) && definite(tokens[p]!);
};

/** "wounded another", "another was killed", "وأصيب آخر": one more victim named by a pronoun at i, the
 *  subject or object of an outcome verb or cue right beside it (rules: victims.oneOther); its last token. */
const oneOtherAt = (kit: Kit, tokens: readonly Token[], s: Sentence, i: number): number | null => {
  const m = kit.oneOther.matchAt(tokens, i, s.to);
  if (!m) return null;
  const outcome = (k: number, to?: number) => ['cue', 'outcome-verb', 'outcome-verb-one', 'outcome-participle']
    .some((c) => { const x = kit.grammar.classes.get(c)?.matchAt(tokens, k, s.to); return x != null && (to === undefined || x.to === to); });
  const before = prevToken(tokens, i, s.from);
  const after = nextToken(tokens, m.to, s.to);
  // before a modifier or a side it is a determiner ("another senior HTS figure"), read as the phrase it opens
  if (after < s.to && (kit.modifiers.matchAt(tokens, after, s.to) || kit.actors.matchAt(tokens, after, s.to) || kit.actorAdjectives.matchAt(tokens, after, s.to))) return null;
  // the verb before it ends right before it
  for (let k = Math.max(s.from, before - 3); k <= before; k++) if (outcome(k, before)) return m.to;
  // the verb after it: only when it opens its clause ("and another was wounded", "وآخر أصيب"); after a
  // noun it is that noun's adjective ("وفي خبر آخر قتل 6")
  const opens = before < s.from || tokens[before]!.kind !== 'word' || kit.coordinators.matchAt(tokens, before, i) !== null
    || conjoined(kit, tokens[i]!);
  return opens && after < s.to && outcome(after) ? m.to : null;
};

/** The pronoun at i ends a finite verb phrase of one's death ("لقي مصرعه", class outcome-verb-one) whose
 *  subject, a victim noun of one or two, stands before it in the clause. */
const subjectBeforeVerb = (kit: Kit, tokens: readonly Token[], s: Sentence, i: number): boolean => {
  const verbs = kit.grammar.classes.get('outcome-verb-one');
  const v = prevToken(tokens, i, s.from);
  if (!verbs || v < s.from || verbs.matchAt(tokens, v, s.to)?.to !== i) return false;
  for (let k = prevToken(tokens, v, s.from), n = 0; k >= s.from && n < 6; k = prevToken(tokens, k, s.from), n++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    if (kit.singular.matchAt(tokens, k, s.to) || kit.dual.matchAt(tokens, k, s.to)) return true;
  }
  return false;
};

const memoised = (r: Readers, memo: <T>(f: (i: number) => T) => (i: number) => T): Readers =>
  ({ ...r, victimAt: memo(r.victimAt), fewAt: memo(r.fewAt), pronounAt: memo(r.pronounAt) });

/** After the first round only what hangs on a claim can match anew. */
const hanging = new WeakMap<Construction, boolean>();
const hangsOnClaims = (c: Construction): boolean => {
  let h = hanging.get(c);
  if (h === undefined) {
    h = c.builds === 'part' || c.builds === 'item' || c.builds === 'revision' || JSON.stringify(c.pattern).includes('"claim"');
    hanging.set(c, h);
  }
  return h;
};

/** The tokens a match reads a figure from (a part that counts its whole reads its own phrase). */
const figureSpan = (m: Match): [number, number] | null => {
  if (m.construction.fields.value === 'whole') return [m.from, m.to];
  const c = m.captures.find((x): x is Capture => x !== null && (x.figure !== undefined || x.few !== undefined));
  return c ? [c.from, c.to] : null;
};

/** A figure, a victim noun of one or two, or a pronoun claim: most sentences of a report have none. */
const hasFigure = (kit: Kit, tokens: readonly Token[], s: Sentence): boolean => {
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') return true;
    if (t.kind === 'word' && (kit.numbers.readAt(tokens, i, s.to) || kit.dual.matchAt(tokens, i, s.to) || kit.singular.matchAt(tokens, i, s.to) || kit.oneOther.matchAt(tokens, i, s.to) || singularNounAt(kit, tokens, i, s.to)
      || kit.matcher.variants(t.text).some((v) => kit.pronounClaims.has(v)))) return true;
  }
  return false;
};

/** Toll phrase nodes, overlaps resolved by the policy. */
const tollNodes = (kit: Kit, scene: Scene): Node[] => {
  const nodes: Node[] = [];
  const matches = matchesIn(kit.grammar, scene, (c) => c.builds === 'toll').sort(byPolicy);
  for (const m of matches) {
    if (nodes.some((n) => m.from <= n.to && n.from <= m.to)) continue;
    const node = MEANINGS.toll(m, scene.claims, { othersInherit: null }).node;
    if (node) nodes.push(node);
  }
  return nodes;
};

/**
 * The claims of a sentence: toll phrases first, then claims round after round over the claims
 * read so far (a list item follows the item before it), each round's matches taken by the
 * overlap policy. A figure read once is not read again; a non-claim holds its figure.
 */
/** What became of one match (for inspect --parse): its construction, its figure, and why it built nothing. */
export type Traced = { readonly rule: string; readonly from: number; readonly to: number; readonly figure: readonly [number, number]; readonly result: 'built' | 'held' | 'figure read already' | 'nothing to hang on' };

export const readConstructions = (kit: Kit, tokens: readonly Token[], s: Sentence, previousSide: Actor | null = null, trace?: (t: Traced) => void): DraftClaim[] => {
  const claims: DraftClaim[] = [];
  if (!kit.grammar.constructions.length || !hasFigure(kit, tokens, s)) return claims;
  const readers = readersOf(kit, tokens, s, () => claims, previousSide);
  const memo: Scene['memo'] = new Map();
  const nodes = tollNodes(kit, { tokens, s, readers, claims, nodes: [], memo });
  // tokens whose figure is read already (a mark per token: searching a list of spans per match was quadratic)
  const taken = new Uint8Array(s.to - s.from + 1);
  const isTaken = (a: number, b: number): boolean => {
    for (let k = Math.max(a, s.from); k <= Math.min(b, s.to); k++) if (taken[k - s.from]) return true;
    return false;
  };
  const nounAfter = (figTo: number): boolean => {
    const n = nextToken(tokens, figTo, s.to);
    return n < s.to && ((kit.lang.victims.outcomeNounsCounted && kit.outcomeHeads.matchAt(tokens, n, s.to) !== null) || kit.heads.matchAt(tokens, n, s.to) !== null);
  };
  const take = (a: number, b: number): void => { for (let k = Math.max(a, s.from); k <= Math.min(b, s.to); k++) taken[k - s.from] = 1; };
  // a part that would hang on the last claim built while a figure between them is still unread waits for
  // it in the first round ("killed 4 soldiers and wounded 11 people, among them 2 women": the women are
  // of the wounded, whichever the overlap policy builds first)
  const claimUnreadBefore = (m: Match): boolean => {
    if (m.construction.builds === 'claim' || m.construction.builds === 'non-claim' || m.captures.some((c) => c?.claim !== undefined)) return false;
    let base = -1;
    for (const c of claims) if (c.from < m.from && c.to > base) base = c.to;
    if (base < 0) return false;
    for (let k = base + 1; k < m.from; k++) {
      const t = tokens[k]!;
      if (!taken[k - s.from] && (t.kind === 'number' || (t.kind === 'word' && kit.numbers.readAt(tokens, k, s.to)))) return true;
    }
    return false;
  };
  // a round over the matches the filter keeps; the fallback constructions get a last round of their own
  // (and the items of what the fallbacks read, a list after a claim read last, one round more)
  for (let round = 0; round <= 2 * ROUNDS; round++) {
    const last = round === ROUNDS;
    const after = round > ROUNDS;
    const scene: Scene = { tokens, s, readers, claims: [...claims], nodes, memo };
    const keep = (c: Construction): boolean => c.builds !== 'toll' && (last ? c.fallback === true
      : after ? c.builds === 'item' && c.fallback !== true : c.fallback !== true && (round === 0 || hangsOnClaims(c)));
    const matches = matchesIn(kit.grammar, scene, keep).sort(byPolicy);
    let added = 0;
    // a part, item or revision whose claim is built later in the round is tried again then, before
    // the shorter matches after it: the overlap policy, not the order the claims are built in, decides
    let waiting: Match[] = [];
    const attempt = (m: Match): 'built' | 'waits' | 'no' => {
      const span = figureSpan(m);
      const traced = (result: Traced['result']) => span && trace?.({ rule: m.construction.id, from: m.from, to: m.to, figure: span, result });
      if (!span || isTaken(span[0], span[1])) { traced('figure read already'); return 'no'; }
      if (round === 0 && claimUnreadBefore(m)) return 'waits';
      const built = MEANINGS[m.construction.builds](m, claims, { othersInherit: kit.lang.victims.othersInherit ?? null, joint: kit.lang.victims.joint, nounAfter }).claims;
      // a non-claim holds its figure; a part or item with nothing to hang on leaves it to a later round
      if (!built.length) {
        const held = m.construction.builds === 'non-claim';
        traced(held ? 'held' : 'nothing to hang on');
        // (every figure inside it: "40 بالمئة من الجرحى" holds the percent word too)
        if (held) take(Math.min(span[0], m.from), Math.max(span[1], m.to));
        return held ? 'no' : 'waits';
      }
      traced('built');
      claims.push(...built);
      take(span[0], span[1]);
      for (const c of built.slice(1)) take(c.from, c.from);
      added += built.length;
      return 'built';
    };
    for (const m of matches) {
      const r = attempt(m);
      if (r === 'waits') waiting.push(m);
      if (r === 'built' && waiting.length) waiting = waiting.filter((w) => attempt(w) === 'waits');
    }
    if (!added && !last && !after) round = ROUNDS - 1;
    if ((last || after) && !added) break;
  }
  return othersResolved(inTextOrder(claims), { others: kit.lang.victims.othersInherit ?? null, elided: kit.lang.victims.elidedInherit ?? null, holds: kit.lang.victims.joint ?? {} });
};

/**
 * "استشهاد جنديين وإصابة ثلاثة آخرين", "... died and four were hurt": once every claim of the
 * sentence is read (a round may build the later figure first), "others" take the group of the
 * whole claim before them when it is one the language's others inherit (others of soldiers are
 * soldiers; others of civilians are people of no group said), and a figure whose noun is gapped
 * takes it when it is one a gapped noun shares.
 */
type Inherit = { readonly others: readonly string[] | null; readonly elided: readonly string[] | null; readonly holds: Readonly<Record<string, readonly string[]>> };
const othersResolved = (claims: readonly DraftClaim[], inherit: Inherit): DraftClaim[] => claims.map((c, k) => {
  if (!c.others && !c.elided) return c;
  let whole: DraftClaim | undefined;
  for (let j = k - 1; j >= 0 && !whole; j--) if (claims[j]!.partOf === null && claims[j]!.from < c.from) whole = claims[j];
  const list = c.others ? inherit.others : inherit.elided;
  if (!whole || (list !== null && !list.includes(whole.group))) return c;
  // "وإصابة سبعة آخرين بينهم مدنيان": a breakdown of its own that the group cannot hold says they are people
  const held = inherit.holds[whole.group];
  if (held && claims.some((p) => p.partOf === k && !held.includes(p.group))) return c.others ? { ...c, group: 'all', affiliation: null } : c;
  return { ...c, group: whole.group, affiliation: whole.group === 'combatants' ? whole.affiliation : null };
});

/** Claims in the order of the text, each part still pointing at its whole. */
const inTextOrder = (claims: readonly DraftClaim[]): DraftClaim[] => {
  const order = claims.map((_, k) => k).sort((a, b) => claims[a]!.from - claims[b]!.from || a - b);
  const at = new Map(order.map((k, pos) => [k, pos]));
  return order.map((k) => {
    const c = claims[k]!;
    return c.partOf === null ? c : { ...c, partOf: at.get(c.partOf) ?? null };
  });
};
