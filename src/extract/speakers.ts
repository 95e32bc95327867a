/**
 * Who speaks where in a sentence: speech verbs with the source named after (VSO) or
 * before (SVO) them, "according to" phrases, relays ("لوكالة فرانس برس") and quoted
 * origins ("نقلا عن"). Claims and stances take the nearest speaker before them.
 */
import type { Source } from '../rules/schema.js';
import { fold } from '../text/normalise.js';
import type { Kit } from './kit.js';
import type { Match } from './lexicon.js';
import { nextToken, prevToken } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';

export type Speaker = { readonly source: string; readonly via: string | null; readonly kind: 'named' | 'continued' | 'voice' };

export type Attribution = {
  /** token index the attribution takes effect from */
  readonly at: number;
  /** token index of the verb or "according to" word */
  readonly verbAt: number;
  readonly speaker: Speaker;
  /** tokens of the named source, when named */
  readonly alias: Match<Source> | null;
  readonly according: boolean;
};

export type SentenceSpeakers = {
  readonly points: readonly Attribution[];
  /** source alias matches used as speakers (so stances do not take them as actors) */
  readonly aliasSpans: readonly (readonly [number, number])[];
  /** the sentence opens with a continuation verb and names nobody new */
  readonly continues: boolean;
};

/** The alias match's first word carries the relay clitic ("لوكالة"), not as part of the name itself. */
const startsWithRelay = (kit: Kit, tokens: readonly Token[], m: Match<Source>): boolean => {
  const word = tokens[m.from]!.text;
  const names = (kit.language === 'ar' ? m.value.aliases.ar : m.value.aliases.en) ?? [];
  const firsts = names.map((a) => fold(a).split(' ')[0]);
  return kit.lang.sources.relayTo.map(fold).some((c) => word.startsWith(c) && !firsts.includes(word));
};

export const findSpeakers = (kit: Kit, tokens: readonly Token[], s: Sentence, previous: Speaker | null, voice: Speaker): SentenceSpeakers => {
  const aliases = kit.sources.findAll(tokens, s.from, s.to);
  const window = kit.lang.sources.window;
  const points: Attribution[] = [];
  const used: (readonly [number, number])[] = [];
  let continues = false;

  const resolveLocal = (src: Source): string =>
    src.kind === 'local' && voice.kind === 'voice' && kit.sourcesById.get(voice.source)?.kind === 'monitor' ? voice.source : src.id;

  const relayAfter = (m: Match<Source>): string | null => {
    const next = aliases.find((a) => a.from > m.to && a.from <= m.to + 3 && a.value.kind === 'outlet');
    return next && startsWithRelay(kit, tokens, next) ? next.value.id : null;
  };

  /** "نقلا عن X": a named X becomes the source, the speaker its relay. */
  const originAfter = (m: Match<Source>): Match<Source> | null => {
    for (let i = m.to + 1; i < Math.min(s.to, m.to + 4); i++) {
      const r = kit.relayFrom.matchAt(tokens, i, s.to);
      if (!r) continue;
      const o = aliases.find((a) => a.from > r.to && a.from <= r.to + 2);
      return o && o.value.kind !== 'local' && o.value.kind !== 'outlet' ? o : null;
    }
    return null;
  };

  const named = (m: Match<Source>, verbAt: number, according: boolean): void => {
    const origin = originAfter(m);
    const speakerSrc = origin ?? m;
    const via = origin ? m.value.id : relayAfter(m);
    points.push({
      at: Math.min(verbAt, m.from), verbAt, alias: speakerSrc, according,
      speaker: { source: resolveLocal(speakerSrc.value), via, kind: 'named' },
    });
    used.push([m.from, m.to]);
    if (origin) used.push([origin.from, origin.to]);
  };

  for (let i = s.from; i < s.to; i++) {
    const acc = kit.according.matchAt(tokens, i, s.to);
    if (acc) {
      const m = aliases.find((a) => a.from > acc.to && a.from <= nextToken(tokens, acc.to, s.to) + 1);
      if (m) { named(m, i, true); i = m.to; continue; }
    }
    const sp = kit.speech.matchAt(tokens, i, s.to);
    if (!sp) continue;
    const after = aliases.find((a) => a.from > sp.to && a.from <= sp.to + window && !startsWithRelay(kit, tokens, a));
    const beforeIdx = prevToken(tokens, i, s.from);
    const before = aliases.find((a) => a.to >= beforeIdx - 2 && a.to < i && a.from >= s.from);
    const isContinuation = kit.continuation.matchAt(tokens, i, s.to) !== null;
    if (after && !(isContinuation && before)) { named(after, i, false); i = sp.to; continue; }
    if (before) { named(before, i, false); continue; }
    if (isContinuation && previous) {
      points.push({ at: i, verbAt: i, alias: null, according: false, speaker: { ...previous, kind: 'continued' } });
      if (i <= s.from + 1) continues = true;
    } else {
      points.push({ at: i, verbAt: i, alias: null, according: false, speaker: voice });
    }
  }
  return { points, aliasSpans: used, continues };
};

/** The speaker of token i: nearest attribution before it, else a postposed "according to", else the voice. */
export const speakerAt = (sp: SentenceSpeakers, i: number, voice: Speaker): Speaker => {
  const before = [...sp.points].filter((p) => p.at <= i).pop();
  if (before) return before.speaker;
  const acc = sp.points.find((p) => p.according && p.at > i);
  return acc ? acc.speaker : voice;
};

