/**
 * Who carried out the attack, according to whom, in one sentence: actors named as
 * doers (after a doer word, before a doer verb, or as an adjective of an attack noun),
 * accusations ("اتهم X Y بـ..."), denials ("نفى X"), and acknowledgements (a speaker
 * affirming its own side's strike). Hedges make a stance likely or possible.
 */
import type { StanceKind } from '../model/contract.js';
import type { Actor, Source } from '../rules/schema.js';
import { fold } from '../text/normalise.js';
import type { Kit } from './kit.js';
import type { Match } from './lexicon.js';
import { prevToken } from './lexicon.js';
import type { Speaker, SentenceSpeakers } from './speakers.js';
import { speakerAt } from './speakers.js';
import type { Sentence, Token } from './tokens.js';

export type DraftStance = {
  readonly actor: string;
  readonly stance: StanceKind;
  readonly source: string;
  readonly via: string | null;
  readonly from: number;
  readonly to: number;
};

const isStop = (t: Token): boolean => t.kind === 'punct' && ['،', ',', ';', '؛', ':'].includes(t.text);

export const findStances = (
  kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker, consumed: readonly (readonly [number, number])[],
): DraftStance[] => {
  const out: DraftStance[] = [];
  const inside = (i: number, spans: readonly (readonly [number, number])[]) => spans.some(([a, b]) => i >= a && i <= b);
  const taken: [number, number][] = [];
  const actors = kit.actors.findAll(tokens, s.from, s.to).filter((m) => !inside(m.from, consumed) && !inside(m.from, speakers.aliasSpans));
  const sourceMatches = kit.sources.findAll(tokens, s.from, s.to);
  const w = kit.lang.stances.window;

  /** start of the clause holding token i (after the last comma or semicolon) */
  const clauseStart = (i: number): number => {
    let k = i;
    while (k > s.from && !isStop(tokens[k - 1]!)) k--;
    return k;
  };
  const hedgeBetween = (a: number, b: number): StanceKind | null => {
    for (let k = Math.max(s.from, clauseStart(a)); k <= b && k < s.to; k++) {
      if (kit.likely.matchAt(tokens, k, s.to)) return 'likely';
      if (kit.possible.matchAt(tokens, k, s.to)) return 'possible';
    }
    return null;
  };
  const denialBefore = (i: number): number | null => {
    for (let k = i - 1, steps = 0; k >= s.from && steps < 8; k--, steps++) {
      if (isStop(tokens[k]!)) return null;
      if (kit.deny.matchAt(tokens, k, i)) return k;
    }
    return null;
  };
  const speakerSource = (i: number): Speaker => speakerAt(speakers, i, voice);
  const selfActor = (src: Source | undefined, mentioned: readonly string[]): string | null =>
    src?.speaksFor.find((a) => mentioned.includes(a)) ?? src?.speaksFor[0] ?? null;
  const add = (st: DraftStance) => {
    if (!out.some((o) => o.actor === st.actor && o.source === st.source && o.stance === st.stance)) out.push(st);
    taken.push([st.from, st.to]);
  };
  const kindFor = (sp: Speaker, actor: string, hedge: StanceKind | null): StanceKind => {
    if (hedge) return hedge;
    const src = kit.sourcesById.get(sp.source);
    return src?.speaksFor.includes(actor) ? 'acknowledges' : 'asserts';
  };

  /** an actor right before a doer verb or right after a doer word, with no preposition between */
  const namedAsDoer = (a: Match<Actor>): boolean => {
    for (let k = a.to + 1, steps = 0; k < s.to && steps < 3; k++, steps++) if (kit.doerAfter.matchAt(tokens, k, s.to)) return true;
    return doerWordBefore(a) !== null;
  };
  const doerWordBefore = (a: Match<Actor>): number | null => {
    for (let k = a.from - 1, steps = 0; k >= s.from && steps <= w + 2; k--, steps++) {
      if (isStop(tokens[k]!)) return null;
      const d = kit.doerBefore.matchAt(tokens, k, a.from);
      if (d && d.to >= prevToken(tokens, a.from, s.from) - 2) {
        const gap = tokens.slice(d.to + 1, a.from).some((t) => t.kind === 'word' && kit.blockers.matchAt([t], 0) !== null);
        return gap ? null : k;
      }
    }
    return null;
  };

  // accusations: accuser (before the cue, or right after it) and the accused before the complement
  for (let i = s.from; i < s.to; i++) {
    const cue = kit.accuse.matchAt(tokens, i, s.to);
    if (!cue) continue;
    let comp: Match<true> | null = null;
    for (let k = cue.to + 1; k < Math.min(s.to, cue.to + 14) && !comp; k++) comp = kit.accuseComplement.matchAt(tokens, k, s.to);
    if (!comp) continue;
    const accused = actors.filter((a) => a.from > cue.to && a.to < comp!.from).pop();
    if (!accused) continue;
    const accusers = sourceMatches.filter((m) => m.from > cue.to && m.to < accused.from && !relayed(kit, tokens, m));
    const sp = speakerSource(i);
    const list = accusers.length ? accusers.map((m) => ({ source: m.value.id, via: sp.via, from: m.from })) : [{ source: sp.source, via: sp.via, from: cue.from }];
    const svo = sourceMatches.find((m) => m.to < i && m.to >= i - 4 && !relayed(kit, tokens, m));
    if (svo && !accusers.length) list.splice(0, list.length, { source: svo.value.id, via: sp.via, from: svo.from });
    for (const a of list) add({ actor: accused.value.id, stance: 'asserts', source: a.source, via: a.via, from: Math.min(a.from, svo?.from ?? a.from, cue.from), to: comp.to });
    taken.push([accused.from, accused.to]);
  }

  // denials: the denier, and the actor it denies (another actor named after it, else its own side)
  for (let i = s.from; i < s.to; i++) {
    const cue = kit.deny.matchAt(tokens, i, s.to);
    if (!cue) continue;
    const after = sourceMatches.find((m) => m.from > cue.to && m.from <= cue.to + 3);
    const before = sourceMatches.filter((m) => m.to < i && m.to >= i - 4).pop();
    const denier = after ?? before;
    const sp = denier ? { source: denier.value.id, via: speakerSource(i).via } : speakerSource(i);
    const from = Math.min(cue.from, denier?.from ?? cue.from);
    const end = denier && denier.to > cue.to ? denier.to : cue.to;
    const other = actors.find((a) => a.from > end && a.from <= end + 8 && !(denier && a.from === denier.from) && namedAsDoer(a));
    const src = kit.sourcesById.get(sp.source);
    const actor = other?.value.id ?? selfActor(src, actors.map((a) => a.value.id));
    if (!actor) continue;
    add({ actor, stance: 'denies', source: sp.source, via: sp.via, from, to: other ? other.to : end });
    if (other) taken.push([other.from, other.to]);
  }

  // doers named by their position
  for (const a of actors) {
    if (inside(a.from, taken)) continue;
    const p = prevToken(tokens, a.from, s.from);
    if (p >= s.from && kit.appositives.matchAt(tokens, p, a.from)) continue;
    const appos2 = prevToken(tokens, p, s.from);
    if (appos2 >= s.from && kit.appositives.matchAt(tokens, appos2, a.from)) continue;
    const doerFrom = doerWordBefore(a);
    let doerTo: number | null = null;
    if (doerFrom === null) {
      for (let k = a.to + 1, steps = 0; k < s.to && steps < 2 * w; k++, steps++) {
        if (isStop(tokens[k]!)) break;
        const d = kit.doerAfter.matchAt(tokens, k, s.to);
        if (d) { doerTo = d.to; break; }
      }
    }
    if (doerFrom === null && doerTo === null) continue;
    const from = doerFrom ?? a.from;
    const to = doerTo ?? a.to;
    const denial = denialBefore(from);
    const sp = speakerSource(a.from);
    const hedge = hedgeBetween(Math.max(s.from, from - 6), to);
    if (denial !== null) add({ actor: a.value.id, stance: 'denies', source: sp.source, via: sp.via, from: denial, to });
    else add({ actor: a.value.id, stance: kindFor(sp, a.value.id, hedge), source: sp.source, via: sp.via, from, to });
  }

  // adjectives after attack nouns ("ضربات جوية أميركية")
  for (const adj of kit.actorAdjectives.findAll(tokens, s.from, s.to)) {
    if (inside(adj.from, consumed) || inside(adj.from, taken)) continue;
    let noun: number | null = null;
    for (let k = adj.from - 1, steps = 0; k >= s.from && steps < 3; k--, steps++) {
      const n = kit.attackNouns.matchAt(tokens, k, adj.from);
      if (n) { noun = k; break; }
    }
    if (noun === null) continue;
    const sp = speakerSource(adj.from);
    const hedge = hedgeBetween(Math.max(s.from, noun - 6), adj.to);
    const denial = denialBefore(noun);
    add({ actor: adj.value.id, stance: denial !== null ? 'denies' : kindFor(sp, adj.value.id, hedge), source: sp.source, via: sp.via, from: noun, to: adj.to });
  }

  // acknowledgements without a named actor: a speaker of a side affirming a strike ("أكد البنتاغون استهداف")
  for (const pt of speakers.points) {
    if (!pt.alias || pt.according) continue;
    const src = kit.sourcesById.get(pt.speaker.source);
    if (!src?.speaksFor.length || !kit.acknowledge.matchAt(tokens, pt.verbAt, s.to)) continue;
    const start = Math.max(pt.alias.to, pt.verbAt);
    for (let k = start + 1, steps = 0; k < s.to && steps < 6; k++, steps++) {
      const cue = kit.attackCues.matchAt(tokens, k, s.to);
      if (!cue) continue;
      if (hedgeBetween(start, cue.to) || denialBefore(k) !== null) break;
      const actor = selfActor(src, actors.map((a) => a.value.id));
      if (actor && !out.some((o) => o.actor === actor && o.source === src.id)) {
        add({ actor, stance: 'acknowledges', source: src.id, via: pt.speaker.via, from: Math.min(pt.alias.from, pt.verbAt), to: cue.to });
      }
      break;
    }
  }
  return out;
};

/** An alias used as the addressee of a relay or an object ("لوكالة ...", "للحكومة"): not an accuser. */
const relayed = (kit: Kit, tokens: readonly Token[], m: Match<Source>): boolean => {
  const word = tokens[m.from]!.text;
  const names = (kit.language === 'ar' ? m.value.aliases.ar : m.value.aliases.en) ?? [];
  return word.startsWith('ل') && !names.some((n) => fold(n).startsWith('ل'));
};
