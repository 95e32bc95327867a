/**
 * Who speaks where in a sentence: speech verbs with the source named after (VSO) or
 * before (SVO, possibly before an aside) them, pronouns that continue the last speaker,
 * "according to" phrases, relays ("لوكالة فرانس برس", "told AFP") and quoted origins
 * ("نقلا عن"). Claims and stances take the nearest speaker before them; a reporting clause
 * after a comma ("..., the monitor said") also speaks for what comes before it.
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

/** The alias is addressed, not speaking: its first word carries the relay clitic ("لوكالة"),
 *  or a relay word stands right before it ("told AFP", "in a reply to Reuters"). */
const startsWithRelay = (kit: Kit, tokens: readonly Token[], m: Match<Source>): boolean => {
  const word = tokens[m.from]!.text;
  const names = (kit.language === 'ar' ? m.value.aliases.ar : m.value.aliases.en) ?? [];
  const firsts = names.map((a) => kit.matcher.words(a)[0]);
  const clitic = kit.lang.script.clitics.length > 0
    && kit.lang.sources.relayTo.map(fold).some((c) => word.startsWith(c) && word.length > c.length && !firsts.includes(word));
  if (clitic) return true;
  const p = prevToken(tokens, m.from, 0);
  for (let k = p, steps = 0; k >= 0 && steps < 5; k--, steps++) {
    const r = kit.relayToWords.matchAt(tokens, k, m.from);
    if (r && r.to === p) return true;
  }
  return false;
};

const CLAUSE_OPENERS = new Set([',', '،', '"', ':']);

export const findSpeakers = (kit: Kit, tokens: readonly Token[], s: Sentence, previous: Speaker | null, voice: Speaker): SentenceSpeakers => {
  const aliases = kit.sources.findAll(tokens, s.from, s.to);
  const window = kit.lang.sources.window;
  const points: Attribution[] = [];
  const used: (readonly [number, number])[] = [];
  let continues = false;

  const resolveLocal = (src: Source): string =>
    src.kind === 'local' && voice.kind === 'voice' && kit.sourcesById.get(voice.source)?.kind === 'monitor' ? voice.source : src.id;

  const complementAt = (k: number): boolean => kit.complementizers.matchAt(tokens, k, s.to) !== null;
  /** the first complementizer after i, or the sentence end */
  const reportedFrom = (i: number): number => {
    for (let k = i + 1; k < s.to; k++) if (complementAt(k)) return k;
    return s.to;
  };

  const RELAY_KINDS = new Set(['outlet', 'agency', 'newspaper']);
  const relayAfter = (m: Match<Source>): string | null => {
    const end = Math.min(reportedFrom(m.to), m.to + 3 + window);
    const next = aliases.find((a) => a.from > m.to && a.from <= end && RELAY_KINDS.has(a.value.kind) && startsWithRelay(kit, tokens, a));
    const near = aliases.find((a) => a.from > m.to && a.from <= m.to + 3 && a.value.kind === 'outlet');
    return next ? next.value.id : near && startsWithRelay(kit, tokens, near) ? near.value.id : null;
  };

  /** "X, which ..., said": the subject before an aside set off by commas, up to the verb at i */
  const beforeAside = (i: number): number | null => {
    if (!kit.lang.sources.asideSubject) return null;
    const p = prevToken(tokens, i, s.from);
    if (p < s.from || tokens[p]!.text !== ',') return null;
    for (let c = p - 1; c > s.from && p - c <= 30; c--) {
      const t = tokens[c]!;
      if (t.text === ',') return c;
      // a period inside a sentence is an abbreviation's ("Col. John Dorrian")
      if (t.kind === 'punct' && !['"', "'", '(', ')', '-', '.'].includes(t.text)) return null;
    }
    return null;
  };

  /** An alias that is the subject of the verb at i: right before it, or before an aside. */
  const subjectBefore = (i: number): Match<Source> | null => {
    const beforeIdx = prevToken(tokens, i, s.from);
    // before an aside first: in "SANA, which blamed the coalition, put" the coalition is not the subject
    const c = beforeAside(i);
    if (c !== null) {
      const end = prevToken(tokens, c, s.from);
      const outer = aliases.filter((a) => a.to >= end - 1 && a.to <= end && a.from >= s.from && !startsWithRelay(kit, tokens, a)).pop();
      if (outer) return outer;
    }
    return aliases.find((a) => a.to >= beforeIdx - kit.lang.sources.subjectWindow && a.to < i && a.from >= s.from && !startsWithRelay(kit, tokens, a)) ?? null;
  };

  /** "he said", "its spokesman, Colonel X, said", "the ministry stressed": back to the last speaker */
  const pronounBefore = (i: number): boolean => {
    if (!kit.lang.sources.subjectPronouns.length) return false;
    const ends = [prevToken(tokens, i, s.from)];
    const c = beforeAside(i);
    if (c !== null) ends.push(prevToken(tokens, c, s.from));
    return ends.some((e) => {
      for (let k = e, steps = 0; k >= s.from && steps < 4; k--, steps++) {
        // "he said", "it had earlier reported": the pronoun, then at most two auxiliaries or adverbs
        const m = kit.subjectPronouns.matchAt(tokens, k, e + 1);
        if (m && m.to >= e - 2) return true;
      }
      return false;
    });
  };

  /** The verb or name opens a clause ("..., the monitor said", "..., said the Observatory"), possibly
   *  after a few words ("..., the Britain-based Syrian Observatory ... reported"). */
  const opensClause = (k: number, words = 0): boolean => {
    for (let j = k - 1, n = 0; j > s.from; j--) {
      if (CLAUSE_OPENERS.has(tokens[j]!.text)) return true;
      if (tokens[j]!.kind !== 'word' || ++n > words) return false;
    }
    return false;
  };

  /** A reporting clause that closes its sentence or clause: few words after the verb, no "that". */
  const closesClause = (verbTo: number): boolean => {
    for (let k = verbTo + 1, n = 0; k <= s.to; k++, n++) {
      if (k === s.to || tokens[k]!.text === ',' || tokens[k]!.text === '،') return true;
      if (n >= 7 || complementAt(k)) return false;
    }
    return true;
  };

  const postposedAt = (from: number, verbAt: number, verbTo: number): number | null => {
    if (!kit.lang.sources.postposed || !opensClause(from, 3) || !closesClause(verbTo)) return null;
    const last = points[points.length - 1];
    return last ? Math.max(last.verbAt + 1, last.alias ? last.alias.to + 1 : 0) : s.from;
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

  const named = (m: Match<Source>, verbAt: number, according: boolean, verbTo = verbAt): void => {
    const origin = originAfter(m);
    const speakerSrc = origin ?? m;
    const via = origin ? m.value.id : relayAfter(m);
    const start = Math.min(verbAt, m.from);
    const back = according ? null : postposedAt(start, verbAt, Math.max(verbTo, m.to));
    points.push({
      at: back ?? start, verbAt, alias: speakerSrc, according,
      speaker: { source: resolveLocal(speakerSrc.value), via, kind: 'named' },
    });
    used.push([m.from, m.to]);
    if (origin) used.push([origin.from, origin.to]);
  };

  for (let i = s.from; i < s.to; i++) {
    const acc = kit.according.matchAt(tokens, i, s.to);
    if (acc) {
      const m = aliases.find((a) => a.from > acc.to && a.from <= nextToken(tokens, acc.to, s.to) + Math.max(1, kit.lang.sources.subjectWindow - 1));
      if (m) { named(m, i, true); i = m.to; continue; }
    }
    const sp = kit.speech.matchAt(tokens, i, s.to);
    if (!sp) continue;
    const reported = reportedFrom(sp.to);
    const afterAllowed = kit.lang.sources.speakerAfterVerb === 'always' || opensClause(i);
    const after = afterAllowed
      ? aliases.find((a) => a.from > sp.to && a.from <= sp.to + window && a.from < reported && !startsWithRelay(kit, tokens, a)) : undefined;
    const before = subjectBefore(i);
    const isContinuation = kit.continuation.matchAt(tokens, i, s.to) !== null;
    // inverted order (", said the Observatory") only when no subject stands before the verb
    const inverted = kit.lang.sources.speakerAfterVerb === 'inverted';
    if (after && !(isContinuation && before) && !(inverted && (before || pronounBefore(i)))) { named(after, i, false, sp.to); i = sp.to; continue; }
    if (before) { named(before, i, false, sp.to); continue; }
    // the last named speaker: of this sentence ("..., the monitor said on Friday, adding that"), else before
    const lastNamed = [...points].reverse().find((p) => p.speaker.kind !== 'voice')?.speaker ?? previous;
    if (pronounBefore(i)) {
      points.push({ at: i, verbAt: i, alias: null, according: false, speaker: lastNamed ? { ...lastNamed, kind: 'continued' } : voice });
      continue;
    }
    if (isContinuation && lastNamed) {
      points.push({ at: i, verbAt: i, alias: null, according: false, speaker: { ...lastNamed, kind: 'continued' } });
      if (i <= s.from + 1) continues = true;
    } else {
      points.push({ at: i, verbAt: i, alias: null, according: false, speaker: voice });
    }
  }
  // a headline's trailing attribution, no verb ("Strikes on market kill 31: monitor")
  const tail = aliases[aliases.length - 1];
  if (kit.lang.sources.postposed && !points.length && tail && tail.to === s.to - 1 && tail.from > s.from && tokens[tail.from - 1]!.text === ':') {
    points.push({ at: s.from, verbAt: tail.from, alias: tail, according: false, speaker: { source: resolveLocal(tail.value), via: null, kind: 'named' } });
    used.push([tail.from, tail.to]);
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

