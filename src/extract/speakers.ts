/**
 * Who speaks where in a sentence: speech verbs with the source named after (VSO) or
 * before (SVO, possibly before an aside) them, pronouns that continue the last speaker,
 * "according to" phrases, relays ("لوكالة فرانس برس", "told AFP") and quoted origins
 * ("نقلا عن"). Claims and stances take the nearest speaker before them; a reporting clause
 * after a comma ("..., the monitor said") also speaks for what comes before it.
 *
 * The world is open: the subject of a speech verb that no source lists is a source of its
 * own (`unlisted:<slug>`, its name as written); a person named by title speaks for the
 * organisation of the title ("X, a spokesman for Y"), and the report remembers it; generic
 * names ("the monitor", "الوزارة") refer back to the last source of a compatible type.
 *
 * Every lookup is bounded by a window or answered from an index built once per sentence, so
 * reading a sentence costs time linear in its length.
 */
import type { Source } from '../rules/schema.js';
import { fold, originalSpan } from '../text/normalise.js';
import type { Folded } from '../text/normalise.js';
import type { Kit } from './kit.js';
import { namesIn } from './kit.js';
import type { Lexicon, Match } from './lexicon.js';
import { compileLexicon, nextToken, phraseSet, prevToken } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';

export type Speaker = {
  readonly source: string; readonly via: string | null; readonly kind: 'named' | 'continued' | 'voice';
  /** an unlisted source's name as written */
  readonly name?: string;
};

export type Attribution = {
  /** token index the attribution takes effect from */
  readonly at: number;
  /** token index of the verb or "according to" word */
  readonly verbAt: number;
  readonly speaker: Speaker;
  /** tokens of the named source, when named */
  readonly alias: Match<Source> | null;
  readonly according: boolean;
  /** the verb denies ("denied reports that ..."): what it governs is not its claim */
  readonly denies?: boolean;
};

/** What a report has said so far about who speaks: carried from one sentence to the next. */
export type SpeakerContext = {
  /** the last named speaker */
  readonly last: Speaker | null;
  /** sources named so far, latest last (a few), for anaphora */
  readonly named: readonly Source[];
  /** people named by title: their name's folded words → the source they speak for */
  readonly persons: ReadonlyMap<string, { readonly words: readonly string[]; readonly source: Source }>;
  /** unlisted sources named so far, latest first (a list, so a sentence adds in constant time) */
  readonly names: NameList;
};
export type NameList = { readonly id: string; readonly name: string; readonly next: NameList } | null;

export const emptyContext: SpeakerContext = { last: null, named: [], persons: new Map(), names: null };

/** Unlisted source ids → their names as written (the first writing). */
export const unlistedNames = (ctx: SpeakerContext): ReadonlyMap<string, string> => {
  const out = new Map<string, string>();
  for (let n = ctx.names; n; n = n.next) out.set(n.id, n.name);
  return out;
};

export type SentenceSpeakers = {
  readonly points: readonly Attribution[];
  /** source alias matches used as speakers (so stances do not take them as actors) */
  readonly aliasSpans: readonly (readonly [number, number])[];
  /** the sentence opens with a continuation verb and names nobody new */
  readonly continues: boolean;
  /** the report's speaker context after this sentence */
  readonly context: SpeakerContext;
  /** for speakerAt: suffix minima of `points[j].at`, and the according points in order */
  readonly index?: { readonly sufMin: readonly number[]; readonly according: readonly Attribution[]; readonly negations: readonly number[]; readonly clauseBreaks: readonly number[] };
};

/** The original text, for names as written and capitals. */
export type Original = { readonly text: string; readonly folded: Folded };

// ---- the extra lexicons of open-world speakers, compiled once per kit ----------------------

type Anaphor = readonly string[];
type SpeakerKit = {
  /** marks after which a reporting clause may open, and marks that break a clause */
  readonly clauseOpeners: ReadonlySet<string>;
  readonly clauseBreaks: ReadonlySet<string>;
  readonly titles: Lexicon<true>;
  readonly anaphors: Lexicon<Anaphor>;
  readonly heads: Lexicon<true>;
  readonly connectors: ReadonlySet<string>;
  readonly openers: ReadonlySet<string>;
  readonly stops: Lexicon<true>;
  readonly notNames: ReadonlySet<string>;
  readonly contrast: Lexicon<true>;
  readonly sharedSubject: Lexicon<true>;
  readonly documents: Lexicon<true>;
  readonly typeWords: readonly (readonly [string, ReadonlySet<string>])[];
  readonly negations: Lexicon<true>;
  readonly deny: Lexicon<true>;
  readonly speechWords: ReadonlySet<string>;
};
const SPEAKER_KITS = new WeakMap<Kit, SpeakerKit>();
const speakerKit = (kit: Kit): SpeakerKit => {
  const hit = SPEAKER_KITS.get(kit);
  if (hit) return hit;
  const r = kit.lang.sources;
  const words = (ps: readonly string[]) => new Set(ps.map(fold));
  const sk: SpeakerKit = {
    clauseOpeners: new Set([...kit.commas, '"', ':']),
    clauseBreaks: new Set([...kit.clausePunct, ':']),
    titles: phraseSet(kit.matcher, r.titles),
    anaphors: compileLexicon(kit.matcher, r.anaphors.map((a) => ({ phrase: a.phrase, value: a.types }))),
    heads: phraseSet(kit.matcher, r.unlisted.heads),
    connectors: words(r.unlisted.connectors),
    openers: words(r.unlisted.openers),
    stops: phraseSet(kit.matcher, r.unlisted.stops),
    notNames: words(r.unlisted.notNames),
    contrast: phraseSet(kit.matcher, r.contrast),
    sharedSubject: phraseSet(kit.matcher, r.sharedSubject),
    documents: phraseSet(kit.matcher, r.documents),
    typeWords: Object.entries(r.typeWords).map(([t, ws]) => [t, words(ws)] as const),
    negations: phraseSet(kit.matcher, kit.lang.stances.negations),
    deny: phraseSet(kit.matcher, kit.lang.stances.deny),
    speechWords: words(r.speech.filter((p) => !p.includes(' '))),
  };
  SPEAKER_KITS.set(kit, sk);
  return sk;
};

/** The slug of a name: folded, letters and digits of any script, words joined by '-'. */
export const slugOf = (name: string): string =>
  fold(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');

const UNLISTED = 'unlisted:';
export const isUnlisted = (id: string): boolean => id.startsWith(UNLISTED);

/** The alias is addressed, not speaking: its first word carries the relay clitic ("لوكالة"),
 *  or a relay word stands right before it ("told AFP", "in a reply to Reuters"). */
const startsWithRelay = (kit: Kit, tokens: readonly Token[], m: Match<Source>): boolean => {
  const word = tokens[m.from]!.text;
  const names = namesIn(m.value.aliases, kit.aliasKeys);
  const firsts = names.map((a) => kit.matcher.words(a)[0]);
  const clitic = kit.lang.script.clitics.length > 0 && !isUnlisted(m.value.id)
    && kit.lang.sources.relayTo.map(fold).some((c) => word.startsWith(c) && word.length > c.length && !firsts.includes(word));
  if (clitic) return true;
  const p = prevToken(tokens, m.from, 0);
  for (let k = p, steps = 0; k >= 0 && steps < 5; k--, steps++) {
    const r = kit.relayToWords.matchAt(tokens, k, m.from);
    if (r && r.to === p) return true;
  }
  return false;
};

const RELAY_KINDS = new Set(['outlet', 'agency', 'newspaper']);
/** how many sources named earlier anaphora looks back over */
const NAMED_KEPT = 12;
/** how many people named by title a report remembers */
const PERSONS_KEPT = 64;

export const findSpeakers = (
  kit: Kit, tokens: readonly Token[], s: Sentence, previous: SpeakerContext | Speaker | null, voice: Speaker, original: Original | null = null,
): SentenceSpeakers => {
  const ctx: SpeakerContext = previous === null ? emptyContext : 'named' in previous ? previous : { ...emptyContext, last: previous };
  const sk = speakerKit(kit);
  const { clauseOpeners: CLAUSE_OPENERS, clauseBreaks: CLAUSE_BREAKS } = sk;
  const rules = kit.lang.sources;
  const window = rules.window;
  const points: Attribution[] = [];
  const used: (readonly [number, number])[] = [];
  let continues = false;
  const named: Source[] = [...ctx.named];
  const persons = new Map(ctx.persons);
  // names this sentence adds (the context's list is shared, never copied)
  let nameList = ctx.names;
  const names = new Map<string, string>();
  const capitals = rules.unlisted.by === 'capitals';

  // ---- names as written, capitals, synthetic sources ----
  const asWritten = (from: number, to: number): string => {
    if (!original) return tokens.slice(from, to + 1).map((t) => t.text).join(' ');
    const [a, b] = originalSpan(original.folded, tokens[from]!.start, tokens[to]!.end);
    return original.text.slice(a, b).replace(/\s+/g, ' ').trim();
  };
  const capitalised = (k: number): boolean => {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    if (!original) return false;
    const ch = original.text[original.folded.map[t.start] ?? -1] ?? '';
    return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  };
  const typesOf = (from: number, to: number): string[] => {
    const ws = new Set<string>();
    for (let k = from; k <= to; k++) for (const v of kit.matcher.variants(tokens[k]!.text)) ws.add(v);
    return sk.typeWords.filter(([, set]) => [...set].some((w) => ws.has(w))).map(([t]) => t);
  };
  /** A source for a name no rule lists. */
  const unlistedSource = (from: number, to: number): Source | null => {
    // an actor's name ("Russia denied") is no unlisted source: it speaks through its speaker (rules: actors)
    const actor = kit.actors.matchAt(tokens, from, to + 1);
    if (actor && actor.to >= to) return null;
    const name = asWritten(from, to);
    const slug = slugOf(name);
    if (!slug) return null;
    const id = `${UNLISTED}${slug}`;
    if (!names.has(id)) { names.set(id, name); nameList = { id, name, next: nameList }; }
    return { id, name: names.get(id)!, kind: 'other', speaksFor: [], relay: false, types: typesOf(from, to), aliases: {} };
  };

  /** A capitalised name ending at token `end` (reading back), or null: [from, to]. */
  const capitalRunEndingAt = (end: number, floor: number): [number, number] | null => {
    let e = end;
    if (e >= floor && tokens[e]!.text === ')') { // "the Syrian American Medical Society (SAMS)"
      let k = e - 1;
      while (k > floor && k > e - 4 && tokens[k]!.text !== '(') k--;
      if (tokens[k]?.text !== '(') return null;
      e = k - 1;
    }
    let from = -1;
    let words = 0;
    for (let k = e; k >= floor && words < rules.unlisted.maxWords; k--) {
      const t = tokens[k]!;
      if (t.kind === 'word' && capitalised(k)) { from = k; words++; continue; }
      // "Sy24": a figure written onto a capitalised word is part of the name
      if (t.kind === 'number' && k > floor && capitalised(k - 1) && tokens[k - 1]!.end === t.start) { words++; continue; }
      if (t.kind === 'word' && sk.connectors.has(t.text) && from !== -1) { words++; continue; }
      if (t.kind === 'punct' && (t.text === '-' || t.text === "'" || t.text === '.') && from !== -1 && k > floor && tokens[k - 1]!.kind === 'word') continue;
      break;
    }
    if (from === -1) return null;
    // "Meanwhile Halab24 said": a capitalised opener starts the sentence, not the name
    while (from < e && (sk.openers.has(tokens[from]!.text) || sk.notNames.has(tokens[from]!.text))) from = nextToken(tokens, from, e + 1);
    // the run is a subject: at the sentence or clause start, or after an opener word
    const before = prevToken(tokens, from, floor);
    if (before >= floor && tokens[before]!.kind === 'word' && !sk.openers.has(tokens[before]!.text)) return null;
    return nameOk(from, e) ? [from, e] : null;
  };
  /** A capitalised name starting at token `start` (reading on), or null. */
  const capitalRunFrom = (start: number, limit: number): [number, number] | null => {
    let k = start;
    while (k < limit && tokens[k]!.kind === 'word' && !capitalised(k) && tokens[k]!.text === 'the') k++;
    if (k >= limit || !capitalised(k)) return null;
    const from = k;
    let to = k;
    let words = 0;
    for (; k < limit && words < rules.unlisted.maxWords; k++) {
      const t = tokens[k]!;
      if (t.kind === 'word' && capitalised(k)) { to = k; words++; continue; }
      if (t.kind === 'number' && capitalised(k - 1) && tokens[k - 1]!.end === t.start) { to = k; words++; continue; }
      if (t.kind === 'word' && sk.connectors.has(t.text)) { words++; continue; }
      if (t.kind === 'punct' && (t.text === '-' || t.text === "'" || t.text === '.') && k + 1 < limit && tokens[k + 1]!.kind === 'word') continue;
      break;
    }
    return nameOk(from, to) ? [from, to] : null;
  };
  /** A name after a head word (Arabic "وكالة ستيب نيوز"), running to a stop, or null. */
  const headRunFrom = (start: number, limit: number): [number, number] | null => {
    if (start >= limit || tokens[start]!.kind !== 'word' || !sk.heads.matchAt(tokens, start, limit)) return null;
    let to = start;
    let words = 0;
    for (let k = start; k < limit && words < rules.unlisted.maxWords; k++) {
      const t = tokens[k]!;
      if (t.kind === 'punct') {
        if (['«', '»', '"', "'", '(', ')', '-'].includes(t.text)) continue;
        break;
      }
      if (t.kind !== 'word') break;
      if (k > start && (sk.stops.matchAt(tokens, k, limit) || kit.complementizers.matchAt(tokens, k, limit) || kit.speech.matchAt(tokens, k, limit))) break;
      if (k > start && (listedAt[k - s.from] !== undefined || kit.actors.matchAt(tokens, k, limit))) break;
      to = k; words++;
    }
    while (to > start && tokens[to]!.kind === 'punct' && !['»', '"', ')'].includes(tokens[to]!.text)) to--;
    return nameOk(start, to) ? [start, to] : null;
  };
  const nameOk = (from: number, to: number): boolean => {
    let a = from;
    if (capitals) while (a < to && tokens[a]!.text === 'the') a++;
    const text = tokens.slice(a, to + 1).filter((t) => t.kind === 'word').map((t) => t.text).join(' ');
    return text.length > 0 && !sk.notNames.has(text) && !sk.notNames.has(tokens[a]!.text);
  };
  const nameFrom = (start: number, limit: number): [number, number] | null =>
    capitals ? capitalRunFrom(start, limit) : headRunFrom(start, limit);
  const asMatch = (span: [number, number] | null): Match<Source> | null => {
    if (!span) return null;
    // a listed name is never part of an unlisted one
    for (let k = span[0]; k <= span[1]; k++) if (coveredBy[k - s.from]) return null;
    let [from] = span;
    if (capitals) while (from < span[1] && tokens[from]!.text === 'the') from++;
    const src = unlistedSource(from, span[1]);
    return src ? { value: src, from, to: span[1] } : null;
  };

  // ---- candidates: listed aliases, anaphora, titles, remembered people ----
  const listed = kit.sources.findAll(tokens, s.from, s.to);
  const listedAt: (Match<Source> | undefined)[] = new Array(s.to - s.from);
  const coveredBy: boolean[] = new Array(s.to - s.from).fill(false);
  for (const m of listed) {
    listedAt[m.from - s.from] = m;
    for (let k = m.from; k <= m.to; k++) coveredBy[k - s.from] = true;
  }
  const lastOfType = (types: readonly string[]): Source | null => {
    for (let j = named.length - 1; j >= 0; j--) {
      const n = named[j]!;
      if (types.includes('*') || (n.types ?? []).some((t) => types.includes(t))) return n;
    }
    return null;
  };
  const personAt = (k: number): Match<Source> | null => {
    if (!persons.size || tokens[k]!.kind !== 'word') return null;
    for (const v of kit.matcher.variants(tokens[k]!.text)) {
      const p = persons.get(v);
      if (!p) continue;
      // the full name, or (with capitals) its last word alone ("Hakim said")
      const n = p.words.length;
      let from = k;
      if (n > 1 && k - n + 1 >= s.from && p.words.every((w, j) => tokens[k - n + 1 + j]!.text === w)) from = k - n + 1;
      else if (n > 1 && !(capitals && capitalised(k))) continue;
      return { value: p.source, from, to: k };
    }
    return null;
  };
  /** "a spokesman for Y", "مدير Y": Y, a listed alias, an anaphor or a name, right after the title */
  const titleAt = (k: number): Match<Source> | null => {
    const t = sk.titles.matchAt(tokens, k, s.to);
    if (!t) return null;
    for (let j = t.to + 1, steps = 0; j < s.to && steps < 3; j++, steps++) {
      const l = listedAt[j - s.from];
      if (l) return { value: l.value, from: t.from, to: l.to };
      const an = sk.anaphors.matchAt(tokens, j, s.to);
      const ref = an ? lastOfType(an.value) : null;
      if (an && ref) return { value: ref, from: t.from, to: an.to };
      if (tokens[j]!.kind !== 'word' || (capitals && capitalised(j)) || sk.heads.matchAt(tokens, j, s.to)) break;
      if (!capitals) break;
    }
    const n = nextToken(tokens, t.to, s.to);
    // with no capitals, a name that is not a head word's must carry a proclitic (a definite article)
    const org = asMatch(capitals ? capitalRunFrom(n, s.to)
      : headRunFrom(n, s.to) ?? (n < s.to && kit.matcher.variants(tokens[n]!.text).length > 1 ? wordRunFrom(n, s.to) : null));
    return org ? { value: org.value, from: t.from, to: org.to } : null;
  };
  /** the words of a name with no head word (after a title: "مدير الدفاع المدني في حلب") */
  const wordRunFrom = (start: number, limit: number): [number, number] | null => {
    let to = -1;
    for (let k = start, n = 0; k < limit && n < 4; k++, n++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || sk.stops.matchAt(tokens, k, limit) || kit.complementizers.matchAt(tokens, k, limit)) break;
      to = k;
    }
    return to >= start ? [start, to] : null;
  };
  /** a person named right before a title ("Fadi Hakim, a spokesman for ..."): remember them */
  const rememberPerson = (titleFrom: number, src: Source): void => {
    const comma = prevToken(tokens, titleFrom, s.from);
    if (comma < s.from || !CLAUSE_BREAKS.has(tokens[comma]!.text)) return;
    let from = -1;
    for (let k = comma - 1, n = 0; k >= s.from && n < 4; k--, n++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || (capitals ? !capitalised(k) && !sk.connectors.has(t.text) : kit.speech.matchAt(tokens, k, comma) !== null)) break;
      if (listedAt[k - s.from] || sk.notNames.has(t.text)) return;
      from = k;
    }
    if (from === -1 || persons.size >= PERSONS_KEPT) return;
    const words = tokens.slice(from, comma).map((t) => t.text);
    persons.set(words[words.length - 1]!, { words, source: src });
  };

  const cands: Match<Source>[] = [];
  for (let k = s.from; k < s.to; k++) {
    const alias = listedAt[k - s.from];
    const title = titleAt(k);
    if (title && (!alias || title.to > alias.to)) {
      rememberPerson(title.from, title.value);
      cands.push(title); named.push(title.value); k = title.to; continue;
    }
    const an = sk.anaphors.matchAt(tokens, k, s.to);
    if (an && (!alias || an.to >= alias.to)) {
      const ref = lastOfType(an.value);
      if (ref && ref.id !== alias?.value.id) { cands.push({ value: ref, from: k, to: an.to }); k = an.to; continue; }
    }
    if (alias) { cands.push(alias); named.push(alias.value); k = alias.to; continue; }
    const person = personAt(k);
    if (person) { cands.push(person); named.push(person.value); }
  }
  // index: the candidate starting at, and ending at, each token of the sentence
  const startAt: (Match<Source> | undefined)[] = new Array(s.to - s.from);
  const endAt: (Match<Source> | undefined)[] = new Array(s.to - s.from);
  for (const c of cands) { startAt[c.from - s.from] = c; endAt[c.to - s.from] = c; }
  const firstStartIn = (a: number, b: number, ok: (m: Match<Source>) => boolean = () => true): Match<Source> | null => {
    for (let k = Math.max(a, s.from); k <= b && k < s.to; k++) { const m = startAt[k - s.from]; if (m && ok(m)) return m; }
    return null;
  };
  const firstEndIn = (a: number, b: number, ok: (m: Match<Source>) => boolean): Match<Source> | null => {
    for (let k = Math.max(a, s.from); k <= b && k < s.to; k++) { const m = endAt[k - s.from]; if (m && ok(m)) return m; }
    return null;
  };

  const resolveLocal = (src: Source): string =>
    src.kind === 'local' && voice.kind === 'voice' && kit.sourcesById.get(voice.source)?.kind === 'monitor' ? voice.source : src.id;
  const speakerOf = (src: Source, via: string | null): Speaker => {
    const id = resolveLocal(src);
    return isUnlisted(id) ? { source: id, via, kind: 'named', name: names.get(id) ?? src.name } : { source: id, via, kind: 'named' };
  };

  const complementAt = (k: number): boolean => kit.complementizers.matchAt(tokens, k, s.to) !== null;
  /** the first complementizer after i within `reach` tokens, or the sentence end */
  const reportedFrom = (i: number, reach = window + 4): number => {
    for (let k = i + 1; k < s.to && k <= i + reach; k++) if (complementAt(k)) return k;
    return s.to;
  };

  const relayAfter = (m: Match<Source>): string | null => {
    const end = Math.min(reportedFrom(m.to), m.to + 3 + window);
    const next = firstStartIn(m.to + 1, end, (a) => RELAY_KINDS.has(a.value.kind) && startsWithRelay(kit, tokens, a));
    const near = firstStartIn(m.to + 1, m.to + 3, (a) => a.value.kind === 'outlet');
    return next ? next.value.id : near && startsWithRelay(kit, tokens, near) ? near.value.id : null;
  };

  /** "X, which ..., said": the subject before an aside set off by commas, up to the verb at i */
  const beforeAside = (i: number): number | null => {
    if (!rules.asideSubject) return null;
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
    const notRelay = (a: Match<Source>) => !startsWithRelay(kit, tokens, a);
    // before an aside first: in "SANA, which blamed the coalition, put" the coalition is not the subject
    const c = beforeAside(i);
    if (c !== null) {
      const end = prevToken(tokens, c, s.from);
      const outer = [firstEndIn(end, end, notRelay), firstEndIn(end - 1, end - 1, notRelay)].find(Boolean) ?? null;
      // "X, a spokesman for Y, said": the aside names whom X speaks for
      const aside = firstEndIn(beforeIdx - 1, beforeIdx - 1, notRelay);
      if (aside && aside.from > c && sk.titles.matchAt(tokens, aside.from, s.to)) return aside;
      if (outer) return outer;
    }
    return firstEndIn(beforeIdx - rules.subjectWindow, i - 1, notRelay);
  };

  /** "he said", "its spokesman, Colonel X, said", "the ministry stressed": back to the last speaker */
  const pronounBefore = (i: number): boolean => {
    if (!rules.subjectPronouns.length) return false;
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
  /** "..., while the Observatory put the toll at 5": a contrast word opens a statement of its own */
  const contrastBefore = (k: number): boolean => {
    for (let j = k - 1, n = 0; j > s.from && n < 5; j--, n++) {
      if (CLAUSE_OPENERS.has(tokens[j]!.text)) return false;
      if (sk.contrast.matchAt(tokens, j, k)) return true;
    }
    return false;
  };

  /** A reporting clause that closes its sentence or clause: few words after the verb, no "that", no figure. */
  const closesClause = (verbTo: number): boolean => {
    for (let k = verbTo + 1, n = 0; k <= s.to; k++, n++) {
      if (k === s.to || kit.commas.has(tokens[k]!.text)) return true;
      if (n >= 7 || complementAt(k) || tokens[k]!.kind === 'number') return false;
    }
    return true;
  };

  const postposedAt = (from: number, verbAt: number, verbTo: number): number | null => {
    if (!rules.postposed || !opensClause(from, 3) || contrastBefore(from) || !closesClause(verbTo)) return null;
    const last = points[points.length - 1];
    return last ? Math.max(last.verbAt + 1, last.alias ? last.alias.to + 1 : 0) : s.from;
  };

  /** "نقلا عن X": a named X becomes the source, the speaker its relay. */
  const originAfter = (m: Match<Source>): Match<Source> | null => {
    for (let i = m.to + 1; i < Math.min(s.to, m.to + 4); i++) {
      const r = kit.relayFrom.matchAt(tokens, i, s.to);
      if (!r) continue;
      const o = firstStartIn(r.to + 1, r.to + 2);
      return o && o.value.kind !== 'local' && o.value.kind !== 'outlet' ? o : null;
    }
    return null;
  };

  const denialVerb = (i: number): boolean => sk.deny.matchAt(tokens, i, s.to) !== null;

  const named_ = (m: Match<Source>, verbAt: number, according: boolean, verbTo = verbAt): void => {
    const origin = originAfter(m);
    const speakerSrc = origin ?? m;
    const via = origin ? m.value.id : relayAfter(m);
    const start = Math.min(verbAt, m.from);
    const back = according ? null : postposedAt(start, verbAt, Math.max(verbTo, m.to));
    points.push({
      at: back ?? start, verbAt, alias: speakerSrc, according, speaker: speakerOf(speakerSrc.value, via),
      ...(!according && denialVerb(verbAt) ? { denies: true } : {}),
    });
    used.push([m.from, m.to]);
    if (origin) used.push([origin.from, origin.to]);
  };

  /** "according to a new toll by the Observatory", "وفق حصيلة جديدة للمرصد": the source after a document */
  const accordingSource = (accTo: number): Match<Source> | null => {
    const first = nextToken(tokens, accTo, s.to);
    const near = firstStartIn(accTo + 1, first + Math.max(1, rules.subjectWindow - 1));
    if (near) return near;
    for (let k = first, n = 0; k < s.to && n < 4; k++, n++) {
      const d = sk.documents.matchAt(tokens, k, s.to);
      if (!d) continue;
      const src = firstStartIn(d.to + 1, d.to + 4);
      if (src) return src;
      // "according to a count by Step News Agency"
      for (let j = d.to + 1; j < s.to && j <= d.to + 3; j++) {
        const m = asMatch(nameFrom(j, s.to));
        if (m) return m;
      }
      return null;
    }
    return asMatch(nameFrom(first, s.to));
  };

  let lastNamedHere: Speaker | null = null;
  let lastVerbTo = -2;
  const push = (p: Attribution) => { points.push(p); };
  for (let i = s.from; i < s.to; i++) {
    const acc = kit.according.matchAt(tokens, i, s.to);
    if (acc) {
      const m = accordingSource(acc.to);
      // the origin a relay before it quotes already ("Reuters reported, citing the Observatory")
      if (m && points.length && points[points.length - 1]!.alias?.from === m.from) { i = m.to; continue; }
      if (m) {
        named_(m, i, true);
        // "Reuters reported, citing the Observatory, that": the outlet relays the source it cites
        const prev = points[points.length - 2];
        if (prev?.alias && !prev.according && RELAY_KINDS.has(prev.alias.value.kind) && i - prev.verbAt <= 3 && kit.relayFrom.matchAt(tokens, i, s.to)) {
          const relayed = { ...points[points.length - 1]!.speaker, via: prev.speaker.source };
          points[points.length - 2] = { ...prev, alias: m, speaker: relayed };
          points[points.length - 1] = { ...points[points.length - 1]!, speaker: relayed };
        }
        lastNamedHere = points[points.length - 1]!.speaker; if (!named.includes(m.value)) named.push(m.value); i = m.to; continue;
      }
    }
    const sp = kit.speech.matchAt(tokens, i, s.to);
    if (!sp) continue;
    // "denied reports that", "said reports": a speech word right after a verb is its object
    if (prevToken(tokens, i, s.from) === lastVerbTo) { lastVerbTo = sp.to; continue; }
    lastVerbTo = sp.to;
    const reported = reportedFrom(sp.to);
    const afterAllowed = rules.speakerAfterVerb === 'always' || opensClause(i);
    let after = afterAllowed
      ? firstStartIn(sp.to + 1, Math.min(sp.to + window, reported - 1), (a) => !startsWithRelay(kit, tokens, a)) : null;
    // "حمّلت منظمة أطباء بلا حدود قوات النظام": a name right after the verb is its subject, before a listed one
    if (after && !capitals) {
      const n = nextToken(tokens, sp.to, s.to);
      const own = after.from > n && n < reported ? asMatch(headRunFrom(n, Math.min(s.to, reported))) : null;
      if (own) after = own;
    }
    let before = subjectBefore(i);
    const isContinuation = kit.continuation.matchAt(tokens, i, s.to) !== null;
    const pronoun = !before && pronounBefore(i);
    // an unlisted name: the subject before the verb (capitals), or right after it
    if (!before && !pronoun && capitals) {
      const c = beforeAside(i);
      const end = prevToken(tokens, c ?? i, s.from);
      before = end >= s.from ? asMatch(capitalRunEndingAt(end, s.from)) : null;
    }
    if (!after && !before && !pronoun && afterAllowed) {
      const n = nextToken(tokens, sp.to, s.to);
      after = n < reported ? asMatch(nameFrom(n, Math.min(s.to, reported))) : null;
      // ", said Col. X, a spokesman for Y": the title after the name says whom X speaks for
      const comma = after ? nextToken(tokens, after.to, s.to) : s.to;
      const title = comma < s.to && CLAUSE_BREAKS.has(tokens[comma]!.text) ? firstStartIn(comma + 1, nextToken(tokens, comma, s.to) + 1) : null;
      if (after && title) {
        const words = tokens.slice(after.from, after.to + 1).filter((t) => t.kind === 'word').map((t) => t.text);
        if (words.length && persons.size < PERSONS_KEPT) persons.set(words[words.length - 1]!, { words, source: title.value });
        after = title;
      }
    }
    // inverted order (", said the Observatory") only when no subject stands before the verb
    const inverted = rules.speakerAfterVerb === 'inverted';
    if (after && !(isContinuation && before) && !(inverted && (before || pronoun))) {
      named_(after, i, false, sp.to); lastNamedHere = points[points.length - 1]!.speaker; i = sp.to; continue;
    }
    if (before) { named_(before, i, false, sp.to); lastNamedHere = points[points.length - 1]!.speaker; continue; }
    // the last named speaker: of this sentence ("..., the monitor said on Friday, adding that"), else before
    const lastNamed = lastNamedHere ?? ctx.last;
    if (pronoun) {
      const back = postposedAt(i, i, sp.to);
      push({ at: back ?? i, verbAt: i, alias: null, according: false, speaker: lastNamed ? { ...lastNamed, kind: 'continued' } : voice, ...(denialVerb(i) ? { denies: true } : {}) });
      continue;
    }
    // "X put the toll at four, and said 16 were wounded": a verb after a coordinator shares the subject
    const q = prevToken(tokens, i, s.from);
    if (lastNamedHere && q >= s.from && sk.sharedSubject.matchAt(tokens, q, i)) {
      push({ at: i, verbAt: i, alias: null, according: false, speaker: { ...lastNamedHere, kind: 'continued' } });
      continue;
    }
    if (isContinuation && lastNamed) {
      push({ at: i, verbAt: i, alias: null, according: false, speaker: { ...lastNamed, kind: 'continued' } });
      if (i <= s.from + 1) continues = true;
    } else {
      push({ at: i, verbAt: i, alias: null, according: false, speaker: voice });
    }
  }
  // a headline's trailing attribution, no verb ("Strikes on market kill 31: monitor")
  const tail = cands[cands.length - 1];
  if (rules.postposed && !points.length && tail && tail.to === s.to - 1 && tail.from > s.from && tokens[tail.from - 1]!.text === ':') {
    points.push({ at: s.from, verbAt: tail.from, alias: tail, according: false, speaker: speakerOf(tail.value, null) });
    used.push([tail.from, tail.to]);
  }
  for (const p of points) if (p.speaker.kind === 'named' && p.alias && !named.includes(p.alias.value)) named.push(p.alias.value);
  const lastPoint = [...points].reverse().find((p) => p.speaker.kind !== 'voice');

  // the index speakerAt answers from
  const sufMin: number[] = new Array(points.length);
  for (let j = points.length - 1, m = Infinity; j >= 0; j--) { m = Math.min(m, points[j]!.at); sufMin[j] = m; }
  const negations: number[] = [];
  const clauseBreaks: number[] = [];
  if (points.some((p) => !p.according)) {
    for (let k = s.from; k < s.to; k++) {
      if (CLAUSE_BREAKS.has(tokens[k]!.text)) clauseBreaks.push(k);
      else if (sk.negations.matchAt(tokens, k, s.to) && !kit.qualBefore.matchAt(tokens, k, s.to)) negations.push(k);
    }
  }
  return {
    points, aliasSpans: used, continues,
    context: {
      last: lastPoint?.speaker ?? ctx.last,
      named: named.slice(-NAMED_KEPT),
      persons, names: nameList,
    },
    index: { sufMin, according: points.filter((p) => p.according), negations, clauseBreaks },
  };
};

/**
 * A line break inside a source's name ("Syrian Observatory⏎for Human Rights", pasted wire or PDF
 * text) ends no sentence: such line breaks are taken out of the tokens (spans are unchanged, as
 * tokens keep their offsets). Each line break costs a bounded look around it.
 */
export const joinBrokenNames = (kit: Kit, tokens: readonly Token[]): readonly Token[] => {
  const soft = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'newline' || tokens[i - 1]?.kind === 'newline' || tokens[i + 1]?.kind === 'newline') continue;
    // the few tokens around the break, without it
    const a = Math.max(0, i - 6);
    const view = [...tokens.slice(a, i), ...tokens.slice(i + 1, i + 7)];
    if (view.some((t) => t.kind === 'newline')) continue;
    const at = i - a; // the first token after the break, in the view
    for (let k = 0; k < at; k++) {
      const m = kit.sources.matchAt(view, k, view.length);
      if (m && m.to >= at) { soft.add(i); break; }
    }
  }
  return soft.size ? tokens.filter((_, i) => !soft.has(i)) : tokens;
};

/** The last index j with xs[j] <= v in a non-decreasing array, or -1. */
const lastAtMost = (xs: readonly number[], v: number): number => {
  let lo = 0, hi = xs.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
};

const governing = (sp: SentenceSpeakers, i: number): number => {
  if (!sp.index) {
    for (let j = sp.points.length - 1; j >= 0; j--) if (sp.points[j]!.at <= i) return j;
    return -1;
  }
  return lastAtMost(sp.index.sufMin, i);
};

/** The speaker of token i: nearest attribution before it, else a postposed "according to", else the voice. */
export const speakerAt = (sp: SentenceSpeakers, i: number, voice: Speaker): Speaker => {
  const j = governing(sp, i);
  if (j >= 0) return sp.points[j]!.speaker;
  const acc = sp.index ? sp.index.according : sp.points.filter((p) => p.according);
  // the first "according to" after i
  let lo = 0, hi = acc.length - 1, found: Attribution | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (acc[mid]!.at > i) { found = acc[mid]!; hi = mid - 1; } else lo = mid + 1;
  }
  return found ? found.speaker : voice;
};

/**
 * The speaker of a toll at token i. A denier is never the source of a toll it denies: under a
 * denial verb ("denied reports that 20 were killed"), or after a negation in the same clause of
 * what it said ("said it had not targeted civilians in the shelling that killed 4"), the toll
 * belongs to the speaker before the denier, else the report's own voice.
 */
export const claimSpeakerAt = (sp: SentenceSpeakers, i: number, voice: Speaker): Speaker => {
  let j = governing(sp, i);
  if (j < 0) return speakerAt(sp, i, voice);
  const p = sp.points[j]!;
  const negated = (): boolean => {
    if (!sp.index || p.according || p.verbAt > i) return false;
    const n = sp.index.negations[lastAtMost(sp.index.negations, i)];
    if (n === undefined || n < p.verbAt) return false;
    const b = sp.index.clauseBreaks[lastAtMost(sp.index.clauseBreaks, i)];
    return b === undefined || b < n;
  };
  if (!p.denies && !negated()) return p.speaker;
  // the speaker in force before the denier
  for (j = j - 1; j >= 0; j--) if (sp.points[j]!.at <= p.at && !sp.points[j]!.denies) return sp.points[j]!.speaker;
  return voice;
};
