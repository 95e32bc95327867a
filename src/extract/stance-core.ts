/**
 * The procedure that still reads the stances no construction of stances.yaml's grammar reads
 * (src/extract/stances.ts runs the constructions first). Who carried out the attack, according to whom, in one sentence: actors named as
 * doers (after a doer word, before a doer verb, or as an adjective of an attack noun,
 * alone or coordinated with others: "Russian and Turkish jets", "غارات روسية وتركية"), denials ("نفى X", "Russia denied carrying out the strikes":
 * an actor that denies speaks through its source), and acknowledgements (a speaker affirming
 * its own side's strike, "its jets", "غاراته"). Hedges make a stance likely or possible.
 */
import type { StanceKind } from '../model/contract.js';
import type { Actor, Source } from '../rules/schema.js';
import type { Kit } from './kit.js';
import type { Match } from './lexicon.js';
import { nextToken, prevToken } from './lexicon.js';
import type { Speaker, SentenceSpeakers } from './speakers.js';
import { speakerAt } from './speakers.js';
import type { Sentence, Token } from './tokens.js';

import type { DraftStance } from './stance-meanings.js';

/** The contract's actor for a doer nobody names ("warplanes", "طائرات حربية"). */
const UNKNOWN = 'unknown';

/** The marks that close a clause for the procedure: the script's commas and semicolons (rules:
 *  script.commas, script.semicolons; kit.clausePunct) and the colon. */
const COLON = ':';
const stopsByKit = new WeakMap<Kit, ReadonlySet<string>>();
const stopsOf = (kit: Kit): ReadonlySet<string> => {
  let stops = stopsByKit.get(kit);
  if (!stops) { stops = new Set([...kit.clausePunct, COLON]); stopsByKit.set(kit, stops); }
  return stops;
};

/** One sentence as the procedure reads it, and what it has read so far. */
type Ctx = {
  readonly kit: Kit; readonly tokens: readonly Token[]; readonly s: Sentence; readonly speakers: SentenceSpeakers;
  readonly voice: Speaker; readonly consumed: readonly (readonly [number, number])[];
  readonly out: DraftStance[]; readonly taken: [number, number][]; readonly actors: readonly Match<Actor>[];
  readonly sourceMatches: readonly Match<Source>[]; readonly w: number; readonly gap: number; readonly subjectsFollow: boolean;
  /** who denies, by the token of its denial verb: a doer named after the verb is denied in its name */
  readonly deniers: Map<number, { readonly source: string; readonly via: string | null }>;
  /** a mark that closes a clause (stopsOf), a comma of the script */
  readonly isStop: (t: Token) => boolean;
  readonly isComma: (t: Token) => boolean;
};

const inside = (i: number, spans: readonly (readonly [number, number])[]) => spans.some(([a, b]) => i >= a && i <= b);

const clauseStart = (cx: Ctx, i: number): number => {
  const { tokens, s } = cx;
  let k = i;
  while (k > s.from && !cx.isStop(tokens[k - 1]!)) k--;
  return k;
};

const hedgeBetween = (cx: Ctx, a: number, b: number): StanceKind | null => {
  const { kit, tokens, s } = cx;
  for (let k = Math.max(s.from, clauseStart(cx, a)); k <= b && k < s.to; k++) {
    if (kit.likely.matchAt(tokens, k, s.to)) return 'likely';
    if (kit.possible.matchAt(tokens, k, s.to)) return 'possible';
  }
  return null;
};

/** a hedge in the doer's own clause, at most ten words before it ("believed to have been carried out by") */
const hedgeNear = (cx: Ctx, from: number, to: number): StanceKind | null => {
  const { kit, tokens, s } = cx;
  for (let k = Math.max(s.from, from - 10, clauseStart(cx, from)); k <= to && k < s.to; k++) {
    if (kit.likely.matchAt(tokens, k, s.to)) return 'likely';
    if (kit.possible.matchAt(tokens, k, s.to)) return 'possible';
  }
  return null;
};

/** "Iraqi aircraft, which have struck ..., may also have been involved": a hedge in the predicate
 *  after the doer, past an aside opened by "which"/"who" (rules: sources.asideOpeners). */
const hedgeAfter = (cx: Ctx, to: number): StanceKind | null => {
  const { kit, tokens, s } = cx;
  if (!kit.lang.sources.asideOpeners.length) return null;
  let k = to + 1;
  if (k < s.to && cx.isStop(tokens[k]!) && kit.asideOpeners.matchAt(tokens, nextToken(tokens, k, s.to), s.to)) {
    k++;
    while (k < s.to && !cx.isStop(tokens[k]!)) k++;
    k++;
  } else return null;
  for (let steps = 0; k < s.to && steps < 8 && !cx.isStop(tokens[k]!); k++, steps++) {
    if (kit.likely.matchAt(tokens, k, s.to)) return 'likely';
    if (kit.possible.matchAt(tokens, k, s.to)) return 'possible';
  }
  return null;
};

const denialBefore = (cx: Ctx, i: number): number | null => {
  const { kit, tokens, s } = cx;
  for (let k = i - 1, steps = 0; k >= s.from && steps < 8; k--, steps++) {
    if (cx.isStop(tokens[k]!)) return null;
    if (kit.deny.matchAt(tokens, k, i)) return k;
    if (kit.negations.matchAt(tokens, k, i) && i - k <= 3) return k;
  }
  return null;
};

/** "the alliance had not struck": a negation between the actor and its doer verb */
const negationBetween = (cx: Ctx, a: number, b: number): number | null => {
  const { kit, tokens } = cx;
  for (let k = a; k < b; k++) if (kit.negations.matchAt(tokens, k, b)) return k;
  return null;
};

/** "said four coalition jets fired ...": the quote starts at the verb that introduces the stance */
const quoteStart = (cx: Ctx, from: number): number => {
  const { kit, tokens, speakers } = cx;
  if (!kit.lang.stances.quoteFromSpeech) return from;
  const pt = [...speakers.points].filter((p) => !p.according && p.verbAt < from && from - p.verbAt <= 12).pop();
  if (!pt) return from;
  for (let k = pt.verbAt; k < from; k++) if (cx.isStop(tokens[k]!)) return from;
  return pt.verbAt;
};

const speakerSource = (cx: Ctx, i: number): Speaker => {
  const { speakers, voice } = cx;
  return speakerAt(speakers, i, voice);
};

const selfActor = (cx: Ctx, src: Source | undefined, mentioned: readonly string[]): string | null => {
  return src?.speaksFor.find((a) => mentioned.includes(a)) ?? src?.speaksFor[0] ?? null;
};

// one stance per actor, source and kind in a sentence, unless it is stated again elsewhere in it
const add = (cx: Ctx, st: DraftStance) => {
  const { out, taken } = cx;
  if (!out.some((o) => o.actor === st.actor && o.source === st.source && o.stance === st.stance && o.from <= st.to && st.from <= o.to)) out.push(st);
  taken.push([st.from, st.to]);
};

const kindFor = (cx: Ctx, sp: Speaker, actor: string, hedge: StanceKind | null): StanceKind => {
  const { kit } = cx;
  if (hedge) return hedge;
  const src = kit.sourcesById.get(sp.source);
  return src?.speaksFor.includes(actor) ? 'acknowledges' : 'asserts';
};

/** an actor right before a doer verb or right after a doer word, with no preposition between */

const namedAsDoer = (cx: Ctx, a: Match<Actor>): boolean => {
  const { s } = cx;
  for (let k = a.to + 1, steps = 0; k < s.to && steps < 3; k++, steps++) if (activeDoerAt(cx, k)) return true;
  return doerWordBefore(cx, a) !== null || nounAfter(cx, a) !== null;
};

const blockedBetween = (cx: Ctx, from: number, to: number): boolean => {
  const { kit, tokens } = cx;
  return tokens.slice(from, to).some((t) => t.kind === 'word' && kit.blockers.matchAt([t], 0) !== null);
};

/** a doer verb after the actor that is not passive ("the coalition struck", not "the camp was hit") */
const activeDoerAt = (cx: Ctx, k: number): Match<true> | null => {
  const { kit, tokens, s } = cx;
  const d = kit.doerAfter.matchAt(tokens, k, s.to);
  if (!d) return null;
  const p = prevToken(tokens, k, s.from);
  return p >= s.from && kit.passives.matchAt(tokens, p, k) && !kit.doerAfter.matchAt(tokens, p, s.to) ? null : d;
};

const doerWordBefore = (cx: Ctx, a: Match<Actor>): number | null => {
  const { kit, tokens, s, w, gap } = cx;
  for (let k = a.from - 1, steps = 0; k >= s.from && steps <= w + 2; k--, steps++) {
    if (cx.isStop(tokens[k]!)) return null;
    const d = kit.doerBefore.matchAt(tokens, k, a.from);
    if (d && d.to >= prevToken(tokens, a.from, s.from) - gap) return blockedBetween(cx, d.to + 1, a.from) ? null : k;
    const l = kit.doerLinks.matchAt(tokens, k, a.from);
    if (l && l.to >= prevToken(tokens, a.from, s.from) - gap && !blockedBetween(cx, l.to + 1, a.from)) {
      // the link belongs to an attack noun just before it, with no preposition between ("هجوم على
      // قاعدة تابعة للتحالف" names the target's owner); the quote starts at that noun
      for (let j = k - 1, n = 0; j >= s.from && n < w && !cx.isStop(tokens[j]!); j--, n++) {
        if (kit.attackNouns.matchAt(tokens, j, k) || kit.attackCues.matchAt(tokens, j, k)) return blockedBetween(cx, j + 1, k) ? null : j;
      }
    }
  }
  return null;
};

/** "coalition jets", "Russian aircraft": an actor right before an attack noun (rules: actorBeforeNoun) */
const nounAfter = (cx: Ctx, a: Match<unknown>): number | null => {
  const { kit, tokens, s } = cx;
  if (!kit.lang.stances.actorBeforeNoun) return null;
  const n = nextToken(tokens, a.to, s.to);
  const m = n < s.to ? kit.attackNouns.matchAt(tokens, n, s.to) : null;
  return m ? m.to : null;
};

/** the end of the doer verb after token i, in its clause and before another doer with its own
 *  attack noun ("coalition raid as Russian jets hit": "hit" is the Russian jets' verb) */
const doerVerbAfter = (cx: Ctx, i: number): number | null => {
  const { kit, tokens, s, w } = cx;
  for (let k = i + 1, steps = 0; k < s.to && steps < 2 * w; k++, steps++) {
    if (cx.isStop(tokens[k]!)) return null;
    const d = activeDoerAt(cx, k);
    if (d) return d.to;
    // another doer with its own attack noun ("Russian jets") takes the verb
    const other = kit.actors.matchAt(tokens, k, s.to) ?? kit.actorAdjectives.matchAt(tokens, k, s.to);
    if (other && (nounAfter(cx, other) !== null || kit.attackNouns.matchAt(tokens, other.to, s.to) !== null)) return null;
  }
  return null;
};

/** a hedge or a copula between a noun and its predicate adjective ("believed to be", "were") */
const predicateBetween = (cx: Ctx, a: number, b: number): boolean => {
  const { kit, tokens } = cx;
  for (let k = a; k < b; k++) if (kit.likely.matchAt(tokens, k, b) || kit.possible.matchAt(tokens, k, b) || kit.passives.matchAt(tokens, k, b)) return true;
  return false;
};

/** an actor named right after a conjunction that follows token i ("... and its Russian ally") */
const coordinatedActor = (cx: Ctx, i: number): string | null => {
  const { kit, tokens, s } = cx;
  const c = nextToken(tokens, i, s.to);
  const m = c < s.to ? kit.doerCoordinators.matchAt(tokens, c, s.to) : null;
  if (!m) return null;
  for (let k = m.to + 1, steps = 0; k < s.to && steps < 3; k++, steps++) {
    const a = kit.actors.matchAt(tokens, k, s.to) ?? kit.actorAdjectives.matchAt(tokens, k, s.to);
    if (a) return a.value.id;
  }
  return null;
};

/**
 * Actor adjectives coordinated with the words that end at token `to`, each naming one more
 * doer of the same attack: after a coordinator ("Russian or Turkish", "روسية وأخرى تركية"),
 * side by side ("Russian-Turkish", "روسية وتركية" whose "و" is a clitic), or in a list whose
 * commas a coordinator closes ("Russian, Turkish and Israeli"). Where adjectives precede their
 * noun and no noun came before (`nounBefore`), an attack noun must follow the last adjective
 * ("Russian and Turkish jets", not "Russian and Turkish officials"): `nounTo` is its end.
 */
const coordinatedAdjectives = (cx: Ctx, to: number, nounBefore: boolean): { readonly adjectives: readonly Match<Actor>[]; readonly nounTo: number | null } => {
  const { kit, tokens, s } = cx;
  const chain: Match<Actor>[] = [];
  let listed = 0; // adjectives after a bare comma: kept once a coordinator follows them
  for (let k = nextToken(tokens, to, s.to); k < s.to;) {
    const comma = cx.isComma(tokens[k]!);
    let j = comma ? nextToken(tokens, k, s.to) : k;
    const c = j < s.to ? kit.doerCoordinators.matchAt(tokens, j, s.to) : null;
    if (c) j = nextToken(tokens, c.to, s.to);
    const adj = j < s.to ? kit.actorAdjectives.matchAt(tokens, j, s.to) : null;
    if (!adj) break;
    chain.push(adj);
    listed = comma && !c ? listed + 1 : 0;
    k = nextToken(tokens, adj.to, s.to);
  }
  const adjectives = chain.slice(0, chain.length - listed);
  if (nounBefore || !kit.lang.stances.actorBeforeNoun || !adjectives.length) return { adjectives, nounTo: null };
  const nounTo = nounAfter(cx, adjectives[adjectives.length - 1]!);
  return { adjectives: nounTo === null ? [] : adjectives, nounTo };
};

/**
 * The attack noun an actor adjective follows, in its clause and not across a preposition: where
 * adjectives follow nouns (Arabic), or as a predicate ("aircraft believed to be Russian"); "a
 * strike near the Iraqi border", "غارات على مواقع تركية" name the target's owner
 */
const attackNounBefore = (cx: Ctx, adj: Match<Actor>): number | null => {
  const { kit, tokens, s, w } = cx;
  for (let k = adj.from - 1, steps = 0; k >= s.from && steps < w && !cx.isStop(tokens[k]!); k--, steps++) {
    const n = kit.attackNouns.matchAt(tokens, k, adj.from);
    if (!n) continue;
    return (kit.lang.stances.actorBeforeNoun ? predicateBetween(cx, n.to + 1, adj.from) : !blockedBetween(cx, n.to + 1, adj.from)) ? k : null;
  }
  return null;
};

/** "X, which ..., held by", "a prison run by the militants": the actor is described, not a doer */
const describedBy = (cx: Ctx, a: Match<Actor>): boolean => {
  const { kit, tokens, s } = cx;
  const p = prevToken(tokens, a.from, s.from);
  for (let k = p, steps = 0; k >= s.from && steps < 4; k--, steps++) {
    const m = kit.appositives.matchAt(tokens, k, a.from);
    if (m && m.to >= p - 1) return true;
  }
  return false;
};

/**
 * An actor that is the subject of the denial verb `cue`, standing for the source that speaks
 * for it (rules: actors' `speaker`). The cue must be a verb of saying (rules: sources.speech):
 * "false", "no evidence", "did not carry out" have no subject that denies. The subject stands
 * right after the verb where subjects follow verbs ("نفت روسيا"), else just before it, at most
 * two words between ("Russia has denied", "روسيا نفت"), not after an auxiliary that makes the
 * verb passive ("Russia was denied access") and not across a doer verb or an attack word.
 */
const actorSubject = (cx: Ctx, cue: Match<true>): Match<Actor> | null => {
  const { kit, tokens, s, taken, actors } = cx;
  if (!kit.speech.matchAt(tokens, cue.from, s.to)) return null;
  const free = (a: Match<Actor>) => !inside(a.from, taken) && !describedBy(cx, a);
  if (kit.lang.sources.speakerAfterVerb === 'always') {
    const n = nextToken(tokens, cue.to, s.to);
    const a = actors.find((m) => m.from === n && free(m));
    if (a) return a;
  }
  const p = prevToken(tokens, cue.from, s.from);
  if (p < s.from || kit.passives.matchAt(tokens, p, cue.from)) return null;
  const a = actors.filter((m) => m.to < cue.from && m.to >= p - 2).pop();
  if (!a || !free(a)) return null;
  for (let k = a.to + 1; k < cue.from; k++) {
    if (cx.isStop(tokens[k]!) || kit.complementizers.matchAt(tokens, k, cue.from) || activeDoerAt(cx, k) || kit.attackCues.matchAt(tokens, k, cue.from)) return null;
  }
  return a;
};

/** an attack noun owned by the speaker ("its jets", "غاراته") that is about the attack: the noun is an
 *  attack cue, or a doer verb follows it ("its forces shelled"); it runs to the end of that verb, if any */
const ownedAttackAt = (cx: Ctx, k: number): { readonly from: number; readonly to: number } | null => {
  const { kit, tokens, s } = cx;
  const m = kit.ownedNouns.matchAt(tokens, k, s.to);
  if (!m) return null;
  const verb = doerVerbAfter(cx, m.to);
  return m.value || verb !== null ? { from: m.from, to: verb ?? m.to } : null;
};

/** words at k that are about an attack: an attack word, a doer verb, a denial object, an owned attack
 *  noun, or an actor named as a doer */
const attackTalkAt = (cx: Ctx, k: number): boolean => {
  const { kit, tokens, s, actors } = cx;
  return kit.attackCues.matchAt(tokens, k, s.to) !== null || kit.attackNouns.matchAt(tokens, k, s.to) !== null
  || kit.doerAfter.matchAt(tokens, k, s.to) !== null || kit.denialObjects.matchAt(tokens, k, s.to) !== null
  || ownedAttackAt(cx, k) !== null || actors.some((a) => a.from === k && namedAsDoer(cx, a));
};

/**
 * Whether the denial ending at token `end` denies the attack, by what follows it: attack talk
 * among the first `window` words ("denied carrying out the strikes", "denied any involvement
 * in", "نفت روسيا تنفيذ الغارات"), or among the first words of a clause it opens ("denied that
 * its jets had struck") says yes, and so does nothing at all ("..., which Moscow denied",
 * "وواشنطن تنفي"). A clause about something else says no ("denied that talks had stalled");
 * other words say no when `strict`, else yes (a named source's "denied the report").
 */
const deniesAttack = (cx: Ctx, end: number, strict: boolean): boolean => {
  const { kit, tokens, s, out, w } = cx;
  let k = nextToken(tokens, end, s.to);
  if (k >= s.to || cx.isStop(tokens[k]!)) return true;
  let reach = w;
  let clause = false;
  for (let steps = 0; k < s.to && steps < reach && !cx.isStop(tokens[k]!); k++, steps++) {
    if (attackTalkAt(cx, k)) return true;
    const c = clause ? null : kit.complementizers.matchAt(tokens, k, s.to);
    if (c) { clause = true; reach = steps + 1 + (c.to - c.from) + w; steps += c.to - c.from; k = c.to; }
  }
  return !strict && !clause;
};

// denials: the denier (a source, or an actor standing for the source that speaks for it:
// "Russia denied"), and the actor it denies: another actor named as the doer after it, else its
// own side ("The coalition denied carrying out", "Russia denied its jets had struck"). The subject
// stands before the verb, or after it where subjects follow verbs ("نفت روسيا"). An actor that is
// the subject of a denial verb is never a doer of the strike, whatever its complement.

const selfNamed = (cx: Ctx, a: number, b: number): boolean => {
  const { kit, tokens } = cx;
  if (!kit.lang.stances.selfReference.length) return true;
  for (let k = a; k <= b; k++) if (kit.selfReference.matchAt(tokens, k, b + 1)) return true;
  return false;
};

const passDenials = (cx: Ctx): void => {
  const { kit, tokens, s, consumed, taken, actors, sourceMatches, subjectsFollow, deniers } = cx;
  for (let i = s.from; i < s.to; i++) {
    const cue = kit.deny.matchAt(tokens, i, s.to);
    if (!cue) continue;
    const after = sourceMatches.find((m) => m.from > cue.to && m.from <= cue.to + 3);
    const before = sourceMatches.filter((m) => m.to < i && m.to >= i - 4).pop();
    const subject = (subjectsFollow ? after : before) ? null : actorSubject(cx, cue);
    if (subject) taken.push([subject.from, subject.to]);
    const denier = subjectsFollow ? after ?? (subject ? null : before) : before ?? (subject ? null : after);
    const speaking = subject ? subject.value.speaker ?? null : denier?.value.id ?? speakerSource(cx, i).source;
    if (!speaking) continue;
    const sp = { source: speaking, via: speakerSource(cx, i).via };
    const named = denier ?? subject;
    const from = Math.min(cue.from, named?.from ?? cue.from);
    const end = named && named.to > cue.to ? named.to : cue.to;
    // an actor named for its speaker must deny the attack in so many words ("Russia denied the
    // report" may be any report); a named source's denial in a report on a strike is about it
    if (!deniesAttack(cx, end, subject !== null)) continue;
    // (not an actor described there: "the coalition against ISIS denied striking")
    const other = actors.find((a) => a.from > end && a.from <= end + 8 && a !== subject && !(denier && a.from === denier.from) && !describedBy(cx, a) && namedAsDoer(cx, a));
    // "denied that Turkish drones had hit", "نفت أن تكون طائرات تركية قد قصفت": adjectives name the
    // doers denied; the adjective loop below denies them in the denier's name
    // (in the denial's clause, as the adjective loop reads a denial only there)
    const adjective = other ? null : kit.actorAdjectives.findAll(tokens, end + 1, Math.min(s.to, end + 9))
      .find((j) => !inside(j.from, consumed) && !tokens.slice(end + 1, j.from).some(cx.isStop)
        && (nounAfter(cx, j) !== null || coordinatedAdjectives(cx, j.to, false).nounTo !== null || attackNounBefore(cx, j) !== null));
    if (adjective) { deniers.set(cue.from, sp); continue; }
    const src = kit.sourcesById.get(sp.source);
    const actor = other?.value.id ?? subject?.value.id ?? selfActor(cx, src, actors.map((a) => a.value.id));
    if (!actor) continue;
    add(cx, { actor, stance: 'denies', source: sp.source, via: sp.via, from, to: other ? other.to : end });
    if (other) taken.push([other.from, other.to]);
  }

  // doers named by their position
};

const passDoers = (cx: Ctx): void => {
  const { kit, tokens, s, taken, actors, deniers } = cx;
  for (const a of actors) {
    if (inside(a.from, taken)) continue;
    if (describedBy(cx, a)) continue;
    const n = nextToken(tokens, a.to, s.to);
    if (n < s.to && kit.descriptiveAfter.matchAt(tokens, n, s.to)) continue;
    const doerFrom = doerWordBefore(cx, a);
    // "طائرات حربية روسية", "unidentified Russian jets": a generic doer named by an adjective after it
    const namedBy = a.value.id === UNKNOWN ? kit.actorAdjectives.matchAt(tokens, n, s.to) : null;
    // "الطيران الروسي والتركي", "coalition and Russian jets": adjectives coordinated with the doer
    const joined = coordinatedAdjectives(cx, namedBy?.to ?? a.to, namedBy !== null);
    let doerTo: number | null = doerFrom === null ? nounAfter(cx, a) ?? joined.nounTo : null;
    if (doerFrom === null) doerTo = doerVerbAfter(cx, doerTo ?? a.to) ?? doerTo;
    if (doerFrom === null && doerTo === null) continue;
    const from = doerFrom ?? a.from;
    const to = Math.max(doerTo ?? a.to, joined.adjectives[joined.adjectives.length - 1]?.to ?? a.to);
    const denial = denialBefore(cx, from) ?? negationBetween(cx, a.to + 1, to);
    const sp = speakerSource(cx, a.from);
    const hedge = hedgeNear(cx, from, to) ?? hedgeAfter(cx, to);
    const named = [namedBy?.value.id ?? a.value.id, ...joined.adjectives.map((j) => j.value.id)];
    // "by the Syrian regime and its Russian ally": a second doer coordinated with the first
    const also = doerFrom !== null ? coordinatedActor(cx, a.to) : null;
    const denier = denial === null ? sp : deniers.get(denial) ?? sp;
    for (const actor of also ? [...named, also] : named) {
      if (denial !== null) add(cx, { actor, stance: 'denies', source: denier.source, via: denier.via, from: Math.min(denial, quoteStart(cx, from)), to });
      else add(cx, { actor, stance: kindFor(cx, sp, actor, hedge), source: sp.source, via: sp.via, from: quoteStart(cx, from), to });
    }
  }

  // adjectives after attack nouns ("ضربات جوية أميركية"), or before them ("Russian jets")
};

const passAdjectives = (cx: Ctx): void => {
  const { kit, tokens, s, consumed, taken, deniers } = cx;
  for (const adj of kit.actorAdjectives.findAll(tokens, s.from, s.to)) {
    if (inside(adj.from, consumed) || inside(adj.from, taken)) continue;
    const noun = attackNounBefore(cx, adj);
    // "Russian and Turkish jets", "غارات روسية وتركية": every coordinated adjective names a doer
    const joined = coordinatedAdjectives(cx, adj.to, noun !== null);
    const last = joined.adjectives[joined.adjectives.length - 1] ?? adj;
    let nounTo = noun === null ? nounAfter(cx, adj) ?? joined.nounTo : null;
    if (noun === null && nounTo === null) continue;
    // "Russian aircraft were most likely responsible": the predicate, and any hedge in it
    if (nounTo !== null) nounTo = doerVerbAfter(cx, nounTo) ?? nounTo;
    const from = noun ?? adj.from;
    const to = nounTo ?? last.to;
    const sp = speakerSource(cx, adj.from);
    const hedge = hedgeNear(cx, from, to) ?? hedgeAfter(cx, to);
    const denial = denialBefore(cx, from);
    const who = denial === null ? sp : deniers.get(denial) ?? sp;
    for (const { value: actor } of [adj, ...joined.adjectives]) {
      add(cx, { actor: actor.id, stance: denial !== null ? 'denies' : kindFor(cx, sp, actor.id, hedge), source: who.source, via: who.via, from: denial ?? quoteStart(cx, from), to });
    }
  }

  // acknowledgements without a named actor: a speaker of a side affirming a strike ("أكد البنتاغون استهداف")
  // (when the rules list self-references, the speaker must name itself: "said its aircraft had hit")
};

/** "أعلن الجيش أن غارة إسرائيلية قتلت", "said an Israeli strike killed": a strike whose adjective names
 *  another side is that side's, never an acknowledgement by the speaker of its own. */
const otherSideNames = (cx: Ctx, cue: { readonly from: number; readonly to: number }, self: string): boolean => {
  const { kit, tokens, s } = cx;
  const after = cue.to + 1 < s.to ? kit.actorAdjectives.matchAt(tokens, cue.to + 1, s.to) : null;
  if (after && after.value.id !== self) return true;
  for (let j = Math.max(s.from, cue.from - 3); j < cue.from; j++) {
    const before = kit.actorAdjectives.matchAt(tokens, j, cue.from);
    if (before && before.to === cue.from - 1 && before.value.id !== self) return true;
  }
  return false;
};

const passAcknowledgements = (cx: Ctx): void => {
  const { kit, tokens, s, speakers, voice, out, actors } = cx;
  for (const pt of speakers.points) {
    if (pt.according || pt.speaker.kind === 'voice' || (!pt.alias && pt.speaker.kind !== 'continued')) continue;
    const src = kit.sourcesById.get(pt.speaker.source);
    if (!src?.speaksFor.length || !kit.acknowledge.matchAt(tokens, pt.verbAt, s.to)) continue;
    const start = Math.max(pt.alias?.to ?? pt.verbAt, pt.verbAt);
    for (let k = start + 1, steps = 0; k < s.to && steps < 6; k++, steps++) {
      // "أقر التحالف بأن غاراته أدت", "said its jets may have hit": an attack noun the speaker owns
      // names its side as the doer, and a hedge in its predicate makes the stance likely or possible
      const own = ownedAttackAt(cx, k);
      const cue = own ?? kit.attackCues.matchAt(tokens, k, s.to);
      if (!cue) continue;
      const hedge = hedgeBetween(cx, start, cue.to);
      if ((hedge && !own) || !(own || selfNamed(cx, start + 1, k))) break;
      // a strike the speaker does not own is its side's only in a belligerent's word: a government confirming
      // strikes on its land ("أكدت وزارة الدفاع السورية الغارات") names no doer (rules/sources.yaml kind)
      if (!own && src.kind !== 'belligerent') break;
      const actor = selfActor(cx, src, actors.map((a) => a.value.id));
      if (!own && actor && otherSideNames(cx, cue, actor)) break;
      // "said its aircraft had not struck", "أن طائراتها لم تنفذ أي طلعات": the speaker denies its side's strike
      // (a denial before the speech verb is a clause of its own: "denied striking the school but said its aircraft hit")
      const before = denialBefore(cx, k);
      const negated = (before !== null && before >= pt.verbAt) || negationBetween(cx, start, Math.min(s.to, cue.to + 4)) !== null;
      // a denial covers its own clause: what the speaker says after it of another strike stands
      // ("denied striking the school but said its aircraft hit a depot")
      if (actor && !out.some((o) => o.actor === actor && o.source === src.id && o.to >= pt.verbAt)) {
        add(cx, { actor, stance: negated ? 'denies' : hedge ?? 'acknowledges', source: src.id, via: pt.speaker.via, from: Math.min(pt.alias?.from ?? pt.verbAt, pt.verbAt), to: cue.to });
      }
      break;
    }
  }

  // a belligerent's own report telling of a strike, naming no doer, acknowledges its side's strike
  // (Airwars: the belligerent's own assessment, DOMAIN.md)
};

const passVoice = (cx: Ctx): void => {
  const { kit, tokens, s, voice, out } = cx;
  if (!out.length) {
    for (let k = s.from; k < s.to; k++) {
      const cue = kit.attackCues.matchAt(tokens, k, s.to);
      if (!cue) continue;
      const sp = speakerSource(cx, k);
      const src = kit.sourcesById.get(sp.source);
      if (sp.kind !== 'voice' || src?.kind !== 'belligerent' || !src.speaksFor.length) break;
      if (hedgeBetween(cx, k, cue.to) || denialBefore(cx, k) !== null) break;
      add(cx, { actor: src.speaksFor[0]!, stance: 'acknowledges', source: src.id, via: sp.via, from: k, to: cue.to });
      break;
    }
  }
};

const contextOf = (
  kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker, consumed: readonly (readonly [number, number])[],
): Ctx => {
  const stops = stopsOf(kit);
  return {
    kit, tokens, s, speakers, voice, consumed, out: [], taken: [],
    actors: kit.actors.findAll(tokens, s.from, s.to).filter((m) => !inside(m.from, consumed) && !inside(m.from, speakers.aliasSpans)),
    sourceMatches: kit.sources.findAll(tokens, s.from, s.to), w: kit.lang.stances.window, gap: kit.lang.stances.doerGap,
    subjectsFollow: kit.lang.sources.speakerAfterVerb === 'always', deniers: new Map(),
    isStop: (t) => t.kind === 'punct' && stops.has(t.text), isComma: (t) => t.kind === 'punct' && kit.commas.has(t.text),
  };
};

export const findCoreStances = (
  kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker, consumed: readonly (readonly [number, number])[],
): DraftStance[] => {
  const cx = contextOf(kit, tokens, s, speakers, voice, consumed);
  passDenials(cx);
  passDoers(cx);
  passAdjectives(cx);
  passAcknowledgements(cx);
  passVoice(cx);
  return cx.out;
};
