/**
 * Phrase lexicons over tokens: compile rule phrases once, then find them in a
 * sentence with clitics stripped, longest match first. A phrase word ending in `*`
 * matches any word it begins; `#` matches a number token.
 */
import type { Folding } from '../text/normalise.js';
import type { Token, TokenOptions } from './tokens.js';
import { tokenize } from './tokens.js';

export type Match<T> = { readonly value: T; readonly from: number; readonly to: number /* inclusive token index */ };

/** Quote-like punctuation that may stand between the words of a phrase. */
const SOFT = new Set(['"', "'", '(', ')', '[', ']']);

export type Matcher = {
  /** the rule set's spelling folds (src/rules/folding.ts): rule phrases are folded as the text is */
  readonly folding: Folding;
  /** word variants of a token: itself and with each clitic stripped */
  readonly variants: (token: string) => readonly string[];
  /** the words of a rule phrase, cut as the text is (hyphens, initialisms; quotes dropped) */
  readonly words: (phrase: string) => readonly string[];
  /** the variants of a token that keep what it is: itself, or it without a clitic that carries the
   *  article ("الرقة", "للرقة" → "رقة"); never a bare word read out of a clitic ("فرقه" is not "ف" + "رقة") */
  readonly definite: (token: string) => readonly string[];
  /** the variants of a rule word that keep its article: where the rule writes one, a token that
   *  only loses a clitic to match must carry it too ("الرقة" is not found in "فرقه" or "ورقة") */
  readonly kept: (word: string) => readonly string[];
};

/** Extra spellings of a word (transliteration folds for place names): word → its variants. */
export type WordFold = (word: string) => readonly string[];

/** Token spellings whose variants a matcher remembers (a few MB; the common words stay). */
const VARIANT_CACHE_SIZE = 100_000;

/**
 * `articleClitics`: the clitics that carry the article (Arabic "ال", "بال", "لل"). Stripping one
 * of the others may not also license a missing article: a word matches a rule word written with
 * the article only when it has the article too, or is bare ("Matcher.definite", "Matcher.kept").
 * `articleStem`: the fewest letters left when an article clitic is stripped.
 */
export const makeMatcher = (folding: Folding, clitics: readonly string[], tokenOptions: TokenOptions = {}, extra: WordFold | null = null,
  articleClitics: readonly string[] = [], articleStem = 2): Matcher => {
  const { fold } = folding;
  const sorted = [...new Set(clitics.map(fold))].sort((a, b) => b.length - a.length);
  const withArticle = new Set(articleClitics.map(fold));
  const bare = sorted.filter((c) => !withArticle.has(c));
  const definiteOnes = sorted.filter((c) => withArticle.has(c));
  const wordCache = new Map<string, readonly string[]>();
  const plain = !tokenOptions.hyphenSplitsWords && !tokenOptions.initialisms;
  const stripper = (strip: readonly string[]) => {
    const cache = new Map<string, readonly string[]>();
    return (token: string): readonly string[] => {
      const hit = cache.get(token);
      if (hit) return hit;
      // Words of a long run are many and mostly rare: start afresh rather than keep them all.
      if (cache.size >= VARIANT_CACHE_SIZE) cache.clear();
      const out = new Set([token]);
      for (const c of strip) if (token.startsWith(c) && token.length - c.length >= (withArticle.has(c) ? articleStem : 2)) out.add(token.slice(c.length));
      if (extra) for (const v of [...out]) for (const x of extra(v)) out.add(x);
      const arr = [...out];
      cache.set(token, arr);
      return arr;
    };
  };
  const variants = stripper(sorted);
  const definite = withArticle.size ? stripper(definiteOnes) : variants;
  const kept = withArticle.size ? stripper(bare) : variants;
  return {
    folding,
    variants,
    definite,
    kept,
    // Rule phrases are cut once each: callers ask for the same aliases over and over.
    words: (phrase) => {
      const hit = wordCache.get(phrase);
      if (hit) return hit;
      const pieces = fold(phrase).split(' ').filter(Boolean);
      const out = plain ? pieces : pieces.flatMap((p) => (p.endsWith('*') || p === '#' ? [p]
        : tokenize(p, tokenOptions).filter((t) => !(t.kind === 'punct' && SOFT.has(t.text))).map((t) => t.text)));
      wordCache.set(phrase, out);
      return out;
    },
  };
};

/** What the first-word index knows of one word: its variants and the lexicons a phrase of which it may begin. */
type Entry = {
  readonly index: FirstWords; readonly text: string; readonly variants: readonly string[]; readonly version: number;
  /** a bit per lexicon id: set when a phrase of that lexicon may begin with the word (null: none may) */
  readonly lexicons: Uint32Array | null;
  /** by lexicon id: the phrases of that lexicon the word may begin, once asked (null: none asked yet) */
  lists: (readonly unknown[] | undefined)[] | null;
};

/** The first words of every lexicon compiled over one matcher, and what each word of the text begins. */
type FirstWords = {
  /** a lexicon's first-word table joins the index; its id */
  readonly register: (byFirst: ReadonlyMap<string, unknown>) => number;
  /** the entry of a word token (remembered on the token) */
  readonly entryOf: (t: Token) => Entry;
};

// Where a token keeps its entries, one per index (a language has two matchers: words, and place
// names with their transliteration folds): a field the tokenizer leaves empty (tokens.ts).
type Memo = { memo?: (Entry | undefined)[] };
let indexes = 0;
const MEMO_SLOTS = 4;

const INDEXES = new WeakMap<Matcher['variants'], FirstWords>();
const firstWordsOf = (matcher: Matcher): FirstWords => {
  const known = INDEXES.get(matcher.variants);
  if (known) return known;
  let count = 0;
  // variant → ids of the lexicons with a phrase it begins
  const firsts = new Map<string, Set<number>>();
  const entries = new Map<string, Entry>();
  let version = 0;
  // a few slots, reused: an entry of another index in the slot is told apart by its index
  const slot = indexes++ % MEMO_SLOTS;
  const self: FirstWords = {
    register: (byFirst) => {
      const id = count++;
      for (const v of byFirst.keys()) {
        const ids = firsts.get(v) ?? new Set<number>();
        ids.add(id);
        firsts.set(v, ids);
      }
      version++;
      return id;
    },
    entryOf: (t) => {
      const memo = (t as Memo).memo;
      const m = memo?.[slot];
      if (m !== undefined && m.index === self && m.version === version && m.text === t.text) return m;
      let e = entries.get(t.text);
      if (!e || e.version !== version) {
        if (entries.size >= VARIANT_CACHE_SIZE) entries.clear();
        const variants = matcher.variants(t.text);
        let lexicons: Uint32Array | null = null;
        for (const v of variants) {
          const ids = firsts.get(v);
          if (ids) for (const x of ids) (lexicons ??= new Uint32Array((count + 31) >>> 5))[x >>> 5]! |= 1 << (x & 31);
        }
        e = { index: self, text: t.text, variants, version, lexicons, lists: null };
        entries.set(t.text, e);
      }
      if (memo) memo[slot] = e;
      else { const fresh: (Entry | undefined)[] = [undefined, undefined, undefined, undefined]; fresh[slot] = e; (t as Memo).memo = fresh; }
      return e;
    },
  };
  INDEXES.set(matcher.variants, self);
  return self;
};

/** Whether a phrase of lexicon `id` may begin with the entry's word. */
const opensLexicon = (e: Entry, id: number): boolean => e.lexicons !== null && ((e.lexicons[id >>> 5]! >>> (id & 31)) & 1) === 1;

/** A phrase ready to match: each word as a test of a token, worked out once. */
type Compiled<T> = { readonly words: readonly string[]; readonly tests: readonly ((t: Token) => boolean)[]; readonly value: T };

export type Lexicon<T> = {
  readonly matchAt: (tokens: readonly Token[], i: number, limit?: number) => Match<T> | null;
  readonly findAll: (tokens: readonly Token[], from: number, to: number) => readonly Match<T>[];
  /** every value whose phrase matches tokens [i, end] exactly (names shared by several entries) */
  readonly allAt: (tokens: readonly Token[], i: number, end: number) => readonly T[];
  /** every phrase that starts at token i, each with where it ends */
  readonly everyAt: (tokens: readonly Token[], i: number, limit: number) => readonly Match<T>[];
  /** might a phrase start at this token? (its first word only; false means none can) */
  readonly opens: (t: Token) => boolean;
  /** the values of the phrases that might start at this token (their first word only: everyAt's are among them) */
  readonly opening: (t: Token) => readonly T[];
  readonly size: number;
};

/** Index of the next non-soft token after i (stops at `limit`). */
export const nextToken = (tokens: readonly Token[], i: number, limit: number): number => {
  let j = i + 1;
  while (j < limit && tokens[j]!.kind === 'punct' && SOFT.has(tokens[j]!.text)) j++;
  return j;
};

export const prevToken = (tokens: readonly Token[], i: number, floor: number): number => {
  let j = i - 1;
  while (j >= floor && tokens[j]!.kind === 'punct' && SOFT.has(tokens[j]!.text)) j--;
  return j;
};

// How a token is tested against a phrase word: `#` any number, `w*` any word it begins,
// punctuation itself, a word when some variant of the token is a variant of the word.
const makeWordTest = (matcher: Matcher, w: string): ((t: Token) => boolean) => {
  if (w === '#') return (t) => t.kind === 'number';
  // a figure written in a phrase ("Deir Ezzor 24") is that number token, as written
  if (/^[0-9]+$/.test(w)) return (t) => t.kind === 'number' && t.text === w;
  if (w.endsWith('*')) {
    const p = w.slice(0, -1);
    return (t) => (t.kind === 'punct' ? t.text === w : t.kind === 'word' && matcher.variants(t.text).some((v) => v.startsWith(p)));
  }
  const ws = matcher.variants(w);
  const kept = matcher.kept(w);
  // A bare token never matches the rule word with a clitic cut off it: "لولا" is one particle, not
  // "ل" + "ولا", and "ولا" is not it. The token, with a clitic of its own stripped, may.
  // (The article is no such clitic: "روسية" is "الروسية" without it, a word of its own.)
  const articleCut = matcher.definite === matcher.variants ? null : new Set(matcher.definite(w));
  const cut = (v: string): boolean => articleCut !== null && v !== w && w.endsWith(v) && !articleCut.has(v);
  const anyOf = (vs: readonly string[], list: readonly string[]): boolean => {
    for (let i = 0; i < vs.length; i++) if (list.includes(vs[i]!) && !(i === 0 && cut(vs[i]!))) return true;
    return false;
  };
  // the token, any clitic stripped, is the rule word or it without a clitic; or the token, without
  // its article at most, is the rule word without its article
  const match = kept === ws ? (t: Token) => anyOf(matcher.variants(t.text), ws)
    : (t: Token) => anyOf(matcher.variants(t.text), kept) || anyOf(matcher.definite(t.text), ws);
  const known = knownBy(match);
  return (t) => (t.kind === 'punct' ? t.text === w : t.kind === 'word' && known(t));
};

/** Spellings whose answer a word test remembers (a test is asked of the same few words again and again). */
const TEST_MEMO_SIZE = 2_000;
/** A word's test of a token's text, remembered per spelling: what a test answers depends on the text alone. */
const knownBy = (test: (t: Token) => boolean): ((t: Token) => boolean) => {
  const seen = new Map<string, boolean>();
  // the spelling asked last, and its answer (a test is often asked of one token several times in a row)
  let lastText: string | null = null;
  let last = false;
  return (t) => {
    if (t.text === lastText) return last;
    let r = seen.get(t.text);
    if (r === undefined) {
      if (seen.size >= TEST_MEMO_SIZE) seen.clear();
      r = test(t);
      seen.set(t.text, r);
    }
    lastText = t.text;
    last = r;
    return r;
  };
};

/** The test of each phrase word, made once per matcher and word: the lexicons of a language share their words' tests. */
const TESTS = new WeakMap<Matcher, Map<string, (t: Token) => boolean>>();
const wordTest = (matcher: Matcher) => {
  let byWord = TESTS.get(matcher);
  if (!byWord) { byWord = new Map(); TESTS.set(matcher, byWord); }
  const made = byWord;
  return (w: string): ((t: Token) => boolean) => {
    let test = made.get(w);
    if (!test) { test = makeWordTest(matcher, w); made.set(w, test); }
    return test;
  };
};

/** Each phrase compiled to token tests, indexed by the variants of its first word; phrases opening with `#` or `w*` apart. */
const indexEntries = <T>(matcher: Matcher, entries: readonly { phrase: string; value: T }[]): { byFirst: Map<string, Compiled<T>[]>; wild: Compiled<T>[] } => {
  const byFirst = new Map<string, Compiled<T>[]>();
  const wild: Compiled<T>[] = [];
  for (const e of entries) {
    const words = matcher.words(e.phrase);
    if (!words.length) continue;
    const c = { words, tests: words.map(wordTest(matcher)), value: e.value };
    const first = words[0]!;
    if (first.endsWith('*') || first === '#') { wild.push(c); continue; }
    for (const v of new Set([first, ...matcher.variants(first)])) {
      const list = byFirst.get(v) ?? [];
      list.push(c);
      byFirst.set(v, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  return { byFirst, wild };
};

/** Where phrase `c` matched from i ends, or null. */
const tryMatch = <T>(tokens: readonly Token[], i: number, limit: number, c: Compiled<T>): number | null => {
  let j = i;
  const last = c.tests.length - 1;
  for (let k = 0; k <= last; k++) {
    if (j >= limit || !c.tests[k]!(tokens[j]!)) return null;
    if (k < last) j = nextToken(tokens, j, limit);
  }
  return j;
};


/** The phrases of one lexicon indexed by first word, with the lexicon's id in the language's
 *  first-word index. */
type Indexed<T> = {
  readonly byFirst: ReadonlyMap<string, Compiled<T>[]>;
  readonly wild: readonly Compiled<T>[];
  readonly index: FirstWords;
  readonly id: number;
};

/**
 * The phrases that may start at a token. Most tokens start no phrase: answer them without
 * building a list. A word asks the language's one first-word index (shared by every lexicon
 * of this matcher) once, and remembers the answer on the token: the dozens of lexicons that
 * scan each sentence then pay one property read for a word that starts none of their phrases.
 */
const candidateFinder = <T>({ byFirst, wild, index, id }: Indexed<T>): ((t: Token) => readonly Compiled<T>[]) => {
  const none: readonly Compiled<T>[] = [];
  const listFor = (vs: readonly string[]): readonly Compiled<T>[] => {
    let candidates: Compiled<T>[] | null = wild.length ? [...wild] : null;
    for (const v of vs) {
      const list = byFirst.get(v);
      if (list?.length) (candidates ??= []).push(...list);
    }
    return candidates ?? none;
  };
  const orNone = wild.length ? wild : none;
  return (t) => {
    if (t.kind !== 'word') {
      const list = byFirst.get(t.text);
      return !list ? orNone : wild.length ? [...wild, ...list] : list;
    }
    const e = index.entryOf(t);
    if (!opensLexicon(e, id)) return orNone;
    // the list is kept on the word's entry (one per spelling, as the index keeps them)
    const lists = (e.lists ??= []);
    let list = lists[id] as readonly Compiled<T>[] | undefined;
    if (list === undefined) { list = listFor(e.variants); lists[id] = list; }
    return list;
  };
};

/** Whether some phrase of the lexicon may start at a token (without trying any). */
const openerTest = <T>({ byFirst, wild, index, id }: Indexed<T>): ((t: Token) => boolean) => {
  const prefixes = wild.filter((c) => c.words[0]!.endsWith('*')).map((c) => c.words[0]!.slice(0, -1));
  const numbered = wild.some((c) => c.words[0] === '#');
  return (t) => {
    if (t.kind === 'number' && numbered) return true;
    if (t.kind !== 'word') return byFirst.has(t.text) || (t.kind === 'punct' && prefixes.some((p) => t.text === `${p}*`));
    const e = index.entryOf(t);
    return opensLexicon(e, id) || (prefixes.length > 0 && e.variants.some((v) => prefixes.some((p) => v.startsWith(p))));
  };
};

const opensPhrase = (t: Token | undefined): t is Token => !!t && (t.kind === 'word' || t.kind === 'number');

export const compileLexicon = <T>(matcher: Matcher, entries: readonly { phrase: string; value: T }[]): Lexicon<T> => {
  const { byFirst, wild } = indexEntries(matcher, entries);
  const index = firstWordsOf(matcher);
  const indexed: Indexed<T> = { byFirst, wild, index, id: index.register(byFirst) };
  const candidatesAt = candidateFinder(indexed);

  const allAt = (tokens: readonly Token[], i: number, end: number): readonly T[] => {
    const t = tokens[i];
    if (!opensPhrase(t)) return [];
    return [...new Set(candidatesAt(t).filter((c) => tryMatch(tokens, i, end + 1, c) === end).map((c) => c.value))];
  };

  const matchAt = (tokens: readonly Token[], i: number, limit = tokens.length): Match<T> | null => {
    const t = tokens[i];
    if (!opensPhrase(t)) return null;
    const list = candidatesAt(t);
    if (list.length === 0) return null;
    let best: Compiled<T> | null = null;
    let bestEnd = -1;
    for (const c of list) {
      const end = tryMatch(tokens, i, limit, c);
      if (end !== null && (best === null || end > bestEnd)) { best = c; bestEnd = end; }
    }
    return best === null ? null : { value: best.value, from: i, to: bestEnd };
  };

  const findAll = (tokens: readonly Token[], from: number, to: number): readonly Match<T>[] => {
    const out: Match<T>[] = [];
    for (let i = from; i < to; i++) {
      const m = matchAt(tokens, i, to);
      if (m) { out.push(m); i = m.to; }
    }
    return out;
  };

  const everyAt = (tokens: readonly Token[], i: number, limit: number): readonly Match<T>[] => {
    const t = tokens[i];
    if (!opensPhrase(t)) return [];
    const out: Match<T>[] = [];
    for (const c of candidatesAt(t)) {
      const end = tryMatch(tokens, i, limit, c);
      if (end !== null) out.push({ value: c.value, from: i, to: end });
    }
    return out;
  };

  // the values of each list of candidates, taken once per list (the lists are kept per spelling)
  const values = new WeakMap<readonly Compiled<T>[], readonly T[]>();
  const opening = (t: Token): readonly T[] => {
    if (!opensPhrase(t)) return [];
    const list = candidatesAt(t);
    let vs = values.get(list);
    if (!vs) { vs = list.map((c) => c.value); values.set(list, vs); }
    return vs;
  };

  return { matchAt, findAll, allAt, everyAt, opens: openerTest(indexed), opening, size: entries.length };
};

/** A lexicon of phrases that only says whether they occur. */
export const phraseSet = (matcher: Matcher, phrases: readonly string[]): Lexicon<true> =>
  compileLexicon(matcher, phrases.map((phrase) => ({ phrase, value: true as const })));
