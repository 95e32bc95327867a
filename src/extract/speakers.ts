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
  // The first complementizer at or after each token, worked out once per sentence (from its
  // end back) when first asked: looking forward from every verb was quadratic in a long
  // sentence of speech verbs without one (B5).
  let nextComplement: Int32Array | null = null;
  /** the first complementizer after i, or the sentence end */
  const reportedFrom = (i: number): number => {
    if (!nextComplement) {
      nextComplement = new Int32Array(s.to - s.from + 1).fill(s.to);
      for (let k = s.to - 1; k >= s.from; k--) nextComplement[k - s.from] = complementAt(k) ? k : nextComplement[k - s.from + 1]!;
    }
    return i + 1 >= s.to ? s.to : nextComplement[i + 1 - s.from]!;
  };

  // Source names are found in order and never overlap, so both their starts and their ends
  // ascend: the names near a token are found by binary search, never by a scan from the first.
  /** index of the first alias whose start is after `x` */
  const firstFromAfter = (x: number): number => {
    let lo = 0, hi = aliases.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (aliases[mid]!.from > x) hi = mid; else lo = mid + 1; }
    return lo;
  };
  /** index of the first alias whose end is at or after `x` */
  const firstToFrom = (x: number): number => {
    let lo = 0, hi = aliases.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (aliases[mid]!.to >= x) hi = mid; else lo = mid + 1; }
    return lo;
  };
  /** the first alias starting in (after, upTo] that passes `ok` */
  const startingIn = (after: number, upTo: number, ok: (a: Match<Source>) => boolean = () => true): Match<Source> | undefined => {
    for (let k = firstFromAfter(after); k < aliases.length && aliases[k]!.from <= upTo; k++) if (ok(aliases[k]!)) return aliases[k];
    return undefined;
  };

  const RELAY_KINDS = new Set(['outlet', 'agency', 'newspaper']);
  const relayAfter = (m: Match<Source>): string | null => {
    const end = Math.min(reportedFrom(m.to), m.to + 3 + window);
    const next = startingIn(m.to, end, (a) => RELAY_KINDS.has(a.value.kind) && startsWithRelay(kit, tokens, a));
    const near = startingIn(m.to, m.to + 3, (a) => a.value.kind === 'outlet');
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
      let outer: Match<Source> | undefined;
      for (let k = firstToFrom(end - 1); k < aliases.length && aliases[k]!.to <= end; k++) {
        const a = aliases[k]!;
        if (a.from >= s.from && !startsWithRelay(kit, tokens, a)) outer = a;
      }
      if (outer) return outer;
    }
    for (let k = firstToFrom(beforeIdx - kit.lang.sources.subjectWindow); k < aliases.length && aliases[k]!.to < i; k++) {
      const a = aliases[k]!;
      if (a.from >= s.from && !startsWithRelay(kit, tokens, a)) return a;
    }
    return null;
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
      const o = startingIn(r.to, r.to + 2);
      return o && o.value.kind !== 'local' && o.value.kind !== 'outlet' ? o : null;
    }
    return null;
  };

  // the last point with a named (or continued) speaker, followed as points are added (amortised constant work)
  let namedUpTo = 0;
  let lastNamedSeen: Speaker | null = null;
  const lastNamedOf = (ps: readonly Attribution[]): Speaker | null => {
    for (; namedUpTo < ps.length; namedUpTo++) if (ps[namedUpTo]!.speaker.kind !== 'voice') lastNamedSeen = ps[namedUpTo]!.speaker;
    return lastNamedSeen;
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
      const m = startingIn(acc.to, nextToken(tokens, acc.to, s.to) + Math.max(1, kit.lang.sources.subjectWindow - 1));
      if (m) { named(m, i, true); i = m.to; continue; }
    }
    const sp = kit.speech.matchAt(tokens, i, s.to);
    if (!sp) continue;
    const reported = reportedFrom(sp.to);
    const afterAllowed = kit.lang.sources.speakerAfterVerb === 'always' || opensClause(i);
    const after = afterAllowed
      ? startingIn(sp.to, Math.min(sp.to + window, reported - 1), (a) => !startsWithRelay(kit, tokens, a)) : undefined;
    const before = subjectBefore(i);
    const isContinuation = kit.continuation.matchAt(tokens, i, s.to) !== null;
    // inverted order (", said the Observatory") only when no subject stands before the verb
    const inverted = kit.lang.sources.speakerAfterVerb === 'inverted';
    if (after && !(isContinuation && before) && !(inverted && (before || pronounBefore(i)))) { named(after, i, false, sp.to); i = sp.to; continue; }
    if (before) { named(before, i, false, sp.to); continue; }
    // the last named speaker: of this sentence ("..., the monitor said on Friday, adding that"), else before
    const lastNamed = lastNamedOf(points) ?? previous;
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

/**
 * Points by where they take effect, for speakerAt: the latest point (in the order they were
 * found) taking effect at or before each place, and the earliest "according to" taking effect
 * after it. Built once per sentence, so each claim's speaker is a binary search, not a scan
 * of every point of a long sentence.
 */
type PointIndex = { readonly ats: readonly number[]; readonly latest: readonly number[]; readonly accAts: readonly number[]; readonly firstAcc: readonly number[] };
const indexes = new WeakMap<SentenceSpeakers, PointIndex>();
const pointIndex = (sp: SentenceSpeakers): PointIndex => {
  const had = indexes.get(sp);
  if (had) return had;
  const byAt = sp.points.map((p, k) => [p.at, k] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const latest: number[] = [];
  for (const [, k] of byAt) latest.push(Math.max(k, latest[latest.length - 1] ?? -1));
  const acc = sp.points.map((p, k) => [p.at, k] as const).filter(([, k]) => sp.points[k]!.according).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const firstAcc: number[] = new Array<number>(acc.length);
  for (let j = acc.length - 1; j >= 0; j--) firstAcc[j] = Math.min(acc[j]![1], firstAcc[j + 1] ?? Number.POSITIVE_INFINITY);
  const built = { ats: byAt.map(([at]) => at), latest, accAts: acc.map(([at]) => at), firstAcc };
  indexes.set(sp, built);
  return built;
};

/** how many of the ascending `xs` are at most `x` */
const countAtMost = (xs: readonly number[], x: number): number => {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid]! <= x) lo = mid + 1; else hi = mid; }
  return lo;
};

/** The speaker of token i: nearest attribution before it, else a postposed "according to", else the voice. */
export const speakerAt = (sp: SentenceSpeakers, i: number, voice: Speaker): Speaker => {
  if (sp.points.length === 0) return voice;
  const ix = pointIndex(sp);
  const upTo = countAtMost(ix.ats, i);
  if (upTo > 0) return sp.points[ix.latest[upTo - 1]!]!.speaker;
  const after = countAtMost(ix.accAts, i);
  return after < ix.accAts.length ? sp.points[ix.firstAcc[after]!]!.speaker : voice;
};
