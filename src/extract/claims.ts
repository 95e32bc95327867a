/**
 * Casualty figures in one sentence. A figure is a claim when it heads a victim noun
 * (or an outcome noun, or "others", or a partitive naming a side) and an outcome
 * governs it: a cue before it ("مقتل"), a verb after it ("قتلوا"), or the claim it is
 * coordinated with or a part of ("بينهم"). Anything else (distances, vehicles,
 * arrests, counts of strikes) is not a claim.
 */
import type { Group, Outcome, Qualifier } from '../model/contract.js';
import type { Actor } from '../rules/schema.js';
import type { Kit } from './kit.js';
import { nextToken, prevToken } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';
import type { Victim } from './victims.js';
import { COMBATANT_SIDES, victimReader } from './victims.js';

export type DraftClaim = {
  readonly outcome: Outcome;
  readonly group: Group;
  readonly affiliation: string | null;
  readonly value: number | null;
  readonly vagueMin: number | null;
  readonly qualifier: Qualifier;
  /** token range of the quote */
  readonly from: number;
  readonly to: number;
  /** index of the claim (in this sentence) this one is a part of */
  readonly partOf: number | null;
  /** the source's earlier figure, revised in this sentence ("risen to 31, up from 18") */
  readonly superseded?: boolean;
  /** the construction that read it (rules/languages/<lang>/constructions.yaml, or a core reader) */
  readonly rule?: string;
};


export type ClaimContext = {
  /** an actor named as a side in the sentence before, for pronoun claims ("مقتلهما") */
  readonly previousSide: Actor | null;
};

export const findClaims = (kit: Kit, tokens: readonly Token[], s: Sentence, ctx: ClaimContext): { claims: DraftClaim[]; consumed: [number, number][] } => {
  const claims: DraftClaim[] = [];
  const consumed: [number, number][] = [];
  const limit = s.to;
  let pending: { outcome: Outcome | null; at: number; used: boolean; combined: boolean; from: number } | null = null;
  let breakdownAt = -10;
  let last: { index: number; to: number; victim: Victim; outcome: Outcome } | null = null;
  /** the last claim that is not a part of another: "others" are others of it, not of its part */
  let lastWhole: Victim | null = null;

  const { victimAfter, refine } = victimReader(kit, tokens, s, () => lastWhole);

  /** The longest qualifier ending right before the figure ("no fewer than" over "fewer than"). */
  const qualifierBefore = (from: number): { q: Qualifier; at: number } | null => {
    let found: { q: Qualifier; at: number } | null = null;
    for (let k = prevToken(tokens, from, s.from), steps = 0; k >= s.from && steps < 4; k--, steps++) {
      const q = kit.qualBefore.matchAt(tokens, k, from);
      if (q && q.to >= prevToken(tokens, from, s.from)) found = { q: q.value, at: k };
    }
    return found;
  };
  const qualifierAfter = (to: number): { q: Qualifier; to: number } | null => {
    const n = nextToken(tokens, to, limit);
    const q = n < limit ? kit.qualAfter.matchAt(tokens, n, limit) : null;
    return q ? { q: q.value, to: q.to } : null;
  };

  const verbAfter = (from: number): Outcome | null => {
    for (let k = from + 1, steps = 0; k < limit && steps < 12; k++, steps++) {
      const o = kit.outcomeAfter.matchAt(tokens, k, limit);
      if (o) return o.value;
      if (kit.outcomeBefore.matchAt(tokens, k, limit)) return null;
    }
    return null;
  };

  /** A second figure after a range word ("55 to 58", "between 55 and 58"), with its head. */
  const rangeAfter = (fig: { from: number; to: number }): { fig: { from: number; to: number; value: number | null }; victim: Victim; at: number } | null => {
    const j = nextToken(tokens, fig.to, limit);
    if (j >= limit) return null;
    const p = prevToken(tokens, fig.from, s.from);
    let before: number | null = null;
    for (let k = p, steps = 0; k >= s.from && steps < 3; k--, steps++) {
      const m = kit.rangeBefore.matchAt(tokens, k, fig.from);
      if (m && m.to >= p) before = k;
    }
    const joiner = kit.rangeJoiners.matchAt(tokens, j, limit) ?? (before !== null ? kit.coordinators.matchAt(tokens, j, limit) : null);
    let second = joiner ? kit.numbers.readAt(tokens, nextToken(tokens, joiner.to, limit), limit) : null;
    if (!second && before !== null) {
      // a conjunction glued to the digits ("و58") is a word token right before the number
      const g = tokens[j]!.kind === 'word' && tokens[j + 1]?.kind === 'number' && tokens[j]!.end === tokens[j + 1]!.start ? j + 1 : j;
      const glued = kit.numbers.readAt(tokens, g, limit);
      if (glued?.coordinated) second = glued;
    }
    if (!second || second.value === null) return null;
    const victim = victimAfter(second.to);
    return victim ? { fig: second, victim, at: before ?? fig.from } : null;
  };

  /** "42 civilians held by the militants and 15 IS members": a conjunction word right before the
   *  figure, and nothing between it and the claim before that counts or governs people. */
  const coordinatedWord = (figFrom: number, prevTo: number): boolean => {
    const p = prevToken(tokens, figFrom, s.from);
    let c: number | null = null;
    for (let k = p, steps = 0; k > prevTo && steps < 3; k--, steps++) {
      const m = kit.coordinators.matchAt(tokens, k, figFrom);
      if (m && m.to >= p) c = k;
    }
    if (c === null || c - prevTo > 8) return false;
    for (let k = prevTo + 1; k < c; k++) {
      if (tokens[k]!.kind === 'number' || kit.outcomeBefore.matchAt(tokens, k, c)) return false;
    }
    return true;
  };

  /** "the civilian death toll at 30": the group an adjective right before an outcome cue names
   *  (not the head of the claim before it: "30 مدنيا قتلوا وأصيب العشرات" are people). */
  const groupOfCue = (cueFrom: number): Group => {
    const k = prevToken(tokens, cueFrom, s.from);
    const h = k >= s.from && !consumed.some(([a, b]) => k >= a && k <= b) ? kit.heads.matchAt(tokens, k, cueFrom) : null;
    return h && h.value.adjective ? h.value.group : 'all';
  };

  /** a phrase of `lex` ending right at token `end`, after token `after` */
  const endsAt = (lex: Kit['tollLinks'], end: number, after: number): boolean => {
    for (let k = end, steps = 0; k > after && steps < 4; k--, steps++) {
      const m = lex.matchAt(tokens, k, end + 1);
      if (m && m.to === end) return true;
    }
    return false;
  };
  /** "the death toll from the strike has risen to 31": a toll verb right before the figure, in the
   *  clause of the toll noun */
  const linkedToCue = (end: number, cueAt: number): boolean => {
    if (end <= cueAt || !endsAt(kit.tollLinks, end, cueAt)) return false;
    for (let k = cueAt + 1; k < end; k++) if (tokens[k]!.kind === 'punct' && [',', '،', ';', '؛'].includes(tokens[k]!.text)) return false;
    return true;
  };
  /** the toll noun right after a figure and its qualifier ("33 على الأقل عدد الشهداء") */
  const cueAfter = (figTo: number): { outcome: Outcome; to: number } | null => {
    const qa = qualifierAfter(figTo);
    const n = nextToken(tokens, qa ? qa.to : figTo, limit);
    const c = n < limit ? kit.outcomeBefore.matchAt(tokens, n, limit) : null;
    return c ? { outcome: c.value, to: c.to } : null;
  };
  /** "and 11 people were injured": the figure's own outcome verb right after its head */
  const ownVerb = (to: number): Outcome | null => {
    for (let k = to + 1, steps = 0; k < limit && steps < 3; k++, steps++) {
      if (tokens[k]!.kind === 'punct' || tokens[k]!.kind === 'number' || kit.coordinators.matchAt(tokens, k, limit)) return null;
      const o = kit.outcomeAfter.matchAt(tokens, k, limit);
      if (o) return o.value;
    }
    return null;
  };

  /** A dual or singular victim noun at token n, and the two or one it counts ("طفلين", "مدني"). */
  const fewAt = (n: number) => {
    const dual = kit.dual.matchAt(tokens, n, limit);
    const head = dual ?? kit.singular.matchAt(tokens, n, limit);
    return head ? { head, value: dual ? 2 : 1 } : null;
  };

  const push = (c: DraftClaim, victim: Victim): void => {
    claims.push(c);
    consumed.push([c.from, c.to]);
    last = { index: claims.length - 1, to: c.to, victim, outcome: c.outcome };
    if (c.partOf === null) lastWhole = victim;
  };

  for (let i = s.from; i < limit; i++) {
    const t = tokens[i]!;
    // an outcome cue, possibly with a pronoun counting people ("مقتلهما")
    const ob = kit.outcomeBefore.matchAt(tokens, i, limit);
    if (ob) {
      breakdownAt = -10; // a new outcome ends a breakdown ("بينهم 5 أطفال وأصيب 20 آخرون")
      const n = nextToken(tokens, ob.to, limit);
      const joint = n < limit && tokens[n]!.text.startsWith('و') && kit.outcomeBefore.matchAt(tokens, n, limit);
      pending = { outcome: ob.value, at: ob.to, used: false, combined: Boolean(joint && joint.value !== ob.value), from: i };
      // singular and dual heads right after the cue ("مقتل طفلين", "مقتل مدني")
      const d = n < limit ? fewAt(n) : null;
      if (d && !pending.combined && !kit.numbers.readAt(tokens, n, limit)) {
        const { value } = d;
        const v = refine({ group: d.head.value.group, affiliation: d.head.value.affiliation, to: d.head.to, others: false }, d.head.value);
        push({ outcome: ob.value, group: v.group, affiliation: v.affiliation, value, vagueMin: null, qualifier: 'exact', from: i, to: v.to, partOf: null }, v);
        pending.used = true;
        i = v.to;
      } else {
        i = pending.combined && joint ? joint.to : ob.to;
      }
      continue;
    }
    const pron = pronounClaim(kit, t);
    if (pron) {
      const side = sideBefore(kit, tokens, s.from, i) ?? ctx.previousSide;
      const v: Victim = side && COMBATANT_SIDES.has(side.id)
        ? { group: 'combatants', affiliation: side.id, to: i, others: false }
        : { group: 'all', affiliation: null, to: i, others: false };
      push({ outcome: pron.outcome, group: v.group, affiliation: v.affiliation, value: pron.count, vagueMin: null, qualifier: 'exact', from: i, to: i, partOf: null }, v);
      pending = { outcome: pron.outcome, at: i, used: true, combined: false, from: i };
      continue;
    }
    if (kit.otherEvents.matchAt(tokens, i, limit)) { pending = { outcome: null, at: i, used: false, combined: false, from: i }; continue; }
    const bd = kit.breakdown.matchAt(tokens, i, limit);
    if (bd) { breakdownAt = bd.to; i = bd.to; continue; }
    // a dual or singular head in a breakdown is a part of two or one ("بينهم طفلان", "بينهم 3 أطفال وامرأة")
    const whole = last as { index: number; to: number; outcome: Outcome } | null;
    if (whole && breakdownAt >= prevToken(tokens, i, s.from) && breakdownAt > whole.to - 1 && !kit.numbers.readAt(tokens, i, limit)) {
      const d = fewAt(i);
      if (d) {
        const { value } = d;
        const v = refine({ group: d.head.value.group, affiliation: d.head.value.affiliation, to: d.head.to, others: false }, d.head.value);
        const partOf = claims[whole.index]!.partOf ?? whole.index;
        push({ outcome: whole.outcome, group: v.group, affiliation: v.affiliation, value, vagueMin: null, qualifier: 'exact', from: i, to: v.to, partOf }, v);
        breakdownAt = v.to;
        i = v.to;
        continue;
      }
    }

    const fig = kit.numbers.readAt(tokens, i, limit);
    if (!fig) continue;
    // a range ("between 55 and 58 people", "55 to 58 people"): the first figure takes the second's head
    const range = fig.value !== null ? rangeAfter(fig) : null;
    const victim0 = range ? range.victim : victimAfter(fig.to);
    // a bare figure right after a cue ("مقتل 3 وإصابة 5"), not one followed by an unknown word ("مقتل 28 سوريا")
    const after = nextToken(tokens, fig.to, limit);
    const bareEnds = after >= limit || tokens[after]!.kind === 'punct' || kit.outcomeBefore.matchAt(tokens, after, limit) !== null;
    const qb0 = qualifierBefore(fig.from);
    const lead = prevToken(tokens, qb0 ? qb0.at : fig.from, s.from);
    // a toll verb names the toll's figure whatever follows it ("the death toll rose to 39 on Tuesday")
    const adjacentToCue = pending !== null && !pending.used && (
      ((victim0 !== null || bareEnds) && prevToken(tokens, fig.from, s.from) <= pending.at + 1) || linkedToCue(lead, pending.at));
    // "up from 18": the source's earlier figure for the claim before it
    const lastTo = (last as { to: number } | null)?.to ?? null;
    const earlier = lead >= s.from && lastTo !== null && endsAt(kit.previousFigure, lead, lastTo);
    // "ارتفع إلى 33 على الأقل عدد الشهداء": a toll verb, the figure, then the toll noun
    const trailing = victim0 === null && fig.value !== null && lead >= s.from && endsAt(kit.tollLinks, lead, s.from - 1) ? cueAfter(fig.to) : null;
    // "dozens were wounded": a vague quantity right before an outcome verb
    const vagueSubject = fig.value === null && after < limit && kit.outcomeAfter.matchAt(tokens, after, limit) !== null;
    const lastVictim = (last as { victim: Victim } | null)?.victim ?? null;
    // "ارتفع إلى 19 عدد القتلى المدنيين": a victim word right after the toll noun names the group
    const trailingVictim = trailing ? victimAfter(trailing.to) : null;
    const victim: Victim | null = victim0 ?? (trailing ? (trailingVictim ?? { group: 'all', affiliation: null, to: trailing.to, others: false }) : null) ?? (earlier && fig.value !== null && lastVictim ? { ...lastVictim, to: fig.to, others: false }
      : (adjacentToCue && (fig.value !== null || fig.vagueMin !== null)) || vagueSubject
        ? { group: adjacentToCue ? groupOfCue(pending!.from) : 'all', affiliation: null, to: fig.to, others: false } : null);
    if (!victim) { i = fig.to; continue; }
    const qb = qualifierBefore(fig.from);
    const qa = range ? null : qualifierAfter(trailing ? fig.to : victim.to);
    const qualifier: Qualifier = fig.value === null ? 'vague' : qa?.q ?? qb?.q ?? (range ? 'at-least' : 'exact');
    const from = range?.at ?? (qb ? qb.at : fig.from);
    const to = range ? fig.to : qa ? Math.max(qa.to, victim.to) : victim.to;
    const prev = last as { index: number; to: number; victim: Victim; outcome: Outcome } | null;
    const isPart = prev !== null && breakdownAt >= prevToken(tokens, fig.from, s.from) - 1 && breakdownAt > prev.to - 1;
    const coordinated = prev !== null && (fig.coordinated ? prevToken(tokens, fig.from, s.from) <= prev.to + 1 : coordinatedWord(fig.from, prev.to));
    let outcome: Outcome | null = null;
    let partOf: number | null = null;
    const oh = kit.outcomeHeads.matchAt(tokens, nextToken(tokens, range ? range.fig.to : fig.to, limit), limit);
    // a figure right after its cue takes the cue's outcome ("killing three soldiers and wounding 13");
    // after a conjunction its own verb wins ("two civilians were killed and five others were injured")
    const own = pending && !pending.used && prevToken(tokens, from, s.from) === pending.at ? null : ownVerb(to);
    if (earlier && prev) { outcome = prev.outcome; partOf = claims[prev.index]!.partOf; }
    else if (isPart && prev) { outcome = prev.outcome; partOf = claims[prev.index]!.partOf ?? prev.index; }
    else if (oh) outcome = oh.value;
    else if (trailing) outcome = trailing.outcome;
    else if (vagueSubject && victim0 === null) outcome = kit.outcomeAfter.matchAt(tokens, after, limit)!.value;
    else if (own) outcome = own;
    else if (coordinated && prev) { outcome = prev.outcome; partOf = claims[prev.index]!.partOf; }
    else if (pending && !pending.used) {
      if (pending.outcome === null || pending.combined) { pending.used = true; i = to; continue; }
      outcome = pending.outcome;
      pending.used = true;
    } else outcome = verbAfter(to);
    if (!outcome) { i = to; continue; }
    if (fig.value === null && victim0 === null && !adjacentToCue && !vagueSubject) { i = to; continue; }
    if (earlier && prev) {
      claims.push({ outcome, group: victim.group, affiliation: victim.affiliation, value: fig.value, vagueMin: null, qualifier, from: lead, to, partOf, superseded: true });
      consumed.push([lead, to]);
      i = to;
      continue;
    }
    push({ outcome, group: victim.group, affiliation: victim.affiliation, value: fig.value, vagueMin: fig.vagueMin, qualifier, from, to, partOf }, victim);
    if (range) {
      push({ outcome, group: victim.group, affiliation: victim.affiliation, value: range.fig.value, vagueMin: null, qualifier: 'up-to', from: range.fig.from, to: victim.to, partOf }, victim);
      i = victim.to;
      continue;
    }
    if (isPart) breakdownAt = to; // "بينهم 5 أطفال و5 نساء": the next coordinated figure is a part too
    i = to;
  }
  return { claims, consumed };
};

/** "مقتلهما": an outcome noun with a pronoun suffix that counts people. */
const pronounClaim = (kit: Kit, t: Token): { outcome: Outcome; count: number } | null => {
  if (t.kind !== 'word') return null;
  for (const v of kit.matcher.variants(t.text)) {
    const hit = kit.pronounClaims.get(v);
    if (hit) return hit;
  }
  return null;
};

/** The last side named before i in the sentence that is not named as the doer. */
const sideBefore = (kit: Kit, tokens: readonly Token[], from: number, i: number): Actor | null => {
  const found = kit.actors.findAll(tokens, from, i).filter((m) => {
    const p = prevToken(tokens, m.from, from);
    return !(p >= from && (kit.doerBefore.matchAt(tokens, p, m.from) || kit.doerBefore.matchAt(tokens, Math.max(from, p - 1), m.from)));
  });
  const lastSide = found.filter((m) => COMBATANT_SIDES.has(m.value.id)).pop();
  return lastSide ? lastSide.value : null;
};

export { sideBefore };
