/**
 * One sentence's reading of who speaks (the state the speaker readers share), and the names of
 * sources no rule lists: a run of capitalised words (Latin script) or a name that begins with an
 * organisation's head word ("وكالة ستيب نيوز"), each an `unlisted:<slug>` source with its name as
 * written.
 */
import type { Source } from '../rules/schema.js';
import { originalSpan } from '../text/normalise.js';
import type { Folded } from '../text/normalise.js';
import type { Kit } from './kit.js';
import type { Match } from './lexicon.js';
import { nextToken, prevToken } from './lexicon.js';
import type { SpeakerKit } from './speaker-kit.js';
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
  /** whose reports the denial names ("denied reports by the Observatory that ..."): the toll is theirs */
  readonly deniedOf?: Speaker;
};

export type Person = { readonly words: readonly string[]; readonly source: Source };
export type NameList = { readonly id: string; readonly name: string; readonly next: NameList } | null;

/** What a report has said so far about who speaks: carried from one sentence to the next. */
export type SpeakerContext = {
  /** the last named speaker */
  readonly last: Speaker | null;
  /** sources named so far, latest last (a few), for anaphora */
  readonly named: readonly Source[];
  /** people named by title: their name's folded words → the source they speak for */
  readonly persons: ReadonlyMap<string, Person>;
  /** unlisted sources named so far, latest first (a list, so a sentence adds in constant time) */
  readonly names: NameList;
};

/** The original text, for names as written and capitals. */
export type Original = { readonly text: string; readonly folded: Folded };

/** One sentence being read. The arrays and maps are this reading's own: the readers fill them. */
export type Reading = {
  readonly kit: Kit; readonly sk: SpeakerKit; readonly tokens: readonly Token[]; readonly s: Sentence;
  readonly voice: Speaker; readonly original: Original | null; readonly ctx: SpeakerContext;
  /** names are runs of capitalised words (else: a head word's run) */
  readonly capitals: boolean;
  readonly points: Attribution[];
  /** source spans used as speakers */
  readonly used: (readonly [number, number])[];
  readonly named: Source[];
  readonly persons: Map<string, Person>;
  /** unlisted names this sentence adds, and the report's list with them */
  readonly names: Map<string, string>;
  nameList: NameList;
  /** listed aliases by first token, tokens any listed alias covers; candidates by first and last token */
  readonly listedAt: (Match<Source> | undefined)[];
  readonly coveredBy: boolean[];
  readonly startAt: (Match<Source> | undefined)[];
  readonly endAt: (Match<Source> | undefined)[];
  /** the last speaker this sentence named, the end of the last speech verb, a continuation opens it */
  lastNamedHere: Speaker | null;
  lastVerbTo: number;
  continues: boolean;
  /** the last topic word ("أما", "as for") the scan met in the clause, or -1 */
  topicAt: number;
};

/** The slug of a name: folded, letters and digits of any script, words joined by '-'. */
export const slugOf = (name: string, fold: (s: string) => string): string =>
  fold(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');

const UNLISTED = 'unlisted:';
export const isUnlisted = (id: string): boolean => id.startsWith(UNLISTED);

/** marks that may stand inside a name of capitalised words ("Britain-based", "O'Brien", "Col.") */
const CAPITAL_JOINERS = new Set(['-', "'", '.']);
/** marks a head word's name may hold (quotes, brackets, a dash), and those it may end with */
const HEAD_MARKS = new Set(['«', '»', '"', "'", '(', ')', '-']);
const HEAD_CLOSERS = new Set(['»', '"', ')']);

export const asWritten = (r: Reading, from: number, to: number): string => {
  const { tokens, original } = r;
  if (!original) return tokens.slice(from, to + 1).map((t) => t.text).join(' ');
  const [a, b] = originalSpan(original.folded, tokens[from]!.start, tokens[to]!.end);
  return original.text.slice(a, b).replace(/\s+/g, ' ').trim();
};

export const capitalised = (r: Reading, k: number): boolean => {
  const t = r.tokens[k]!;
  if (t.kind !== 'word' || !r.original) return false;
  const ch = r.original.text[r.original.folded.map[t.start] ?? -1] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

const typesOf = (r: Reading, from: number, to: number): string[] => {
  const ws = new Set<string>();
  for (let k = from; k <= to; k++) for (const v of r.kit.matcher.variants(r.tokens[k]!.text)) ws.add(v);
  return r.sk.typeWords.filter(([, set]) => [...set].some((w) => ws.has(w))).map(([t]) => t);
};

/** A source for a name no rule lists. */
/** An actor named at token `from` (by an alias, or by a capital or country standing for its
 *  government: rules stances `metonyms`), with its declared speaker and where its name ends. */
export const actorNamedAt = (r: Reading, from: number, limit: number): { readonly speaker: string | null; readonly to: number } | null => {
  const a = r.kit.actors.matchAt(r.tokens, from, limit);
  const m = r.sk.metonyms.matchAt(r.tokens, from, limit);
  if (a && (!m || a.to >= m.to)) return { speaker: a.value.speaker ?? null, to: a.to };
  return m ? { speaker: r.kit.actorsById.get(m.value)?.speaker ?? null, to: m.to } : null;
};

/** folded head words of unlisted names (rules: sources unlisted.heads), per kit */
const HEADS = new WeakMap<Reading['kit'], ReadonlySet<string>>();
const headWords = (r: Reading): ReadonlySet<string> => {
  let hs = HEADS.get(r.kit);
  if (!hs) { hs = new Set((r.kit.lang.sources.unlisted.heads ?? []).map(r.kit.matcher.folding.fold)); HEADS.set(r.kit, hs); }
  return hs;
};

/** What names an unlisted source, for its id: a head word written with a proclitic ("للإدارة الذاتية" after a
 *  document, "لهيئة الصحة") is the head as it stands alone ("الإدارة", "هيئة"), so the same name keeps one id. */
const keyOf = (r: Reading, from: number, to: number, name: string): string => {
  const hs = headWords(r);
  const first = r.tokens[from]!;
  if (r.capitals || first.kind !== 'word' || hs.has(first.text)) return name;
  const bare = r.kit.matcher.variants(first.text).find((v) => v !== first.text && hs.has(v));
  if (!bare) return name;
  // a clitic that carried the article ("لل"): the head's own form with the article
  const definite = r.kit.matcher.definite(first.text).includes(bare)
    ? [...hs].find((h) => h !== bare && r.kit.matcher.definite(h).includes(bare)) : undefined;
  return [definite ?? bare, from < to ? asWritten(r, from + 1, to) : ''].join(' ');
};

const unlistedSource = (r: Reading, from: number, to: number): Source | null => {
  // an actor's name ("Russia denied", "Syria said") is no unlisted source: it speaks through its
  // speaker (rules: actors); nor is an actor's adjective ("alleged Russian or regime strike")
  // An actor no source speaks for ("كتائب حزب الله") speaks in its own name.
  const actor = actorNamedAt(r, from, to + 1);
  if (actor && actor.to >= to && actor.speaker) return null;
  const adjective = r.kit.actorAdjectives.matchAt(r.tokens, from, to + 1);
  return adjective && adjective.to >= to ? null : namedSource(r, from, to);
};

/** "Hezbollah said", "أقر حزب الله": an actor no source speaks for (rules: actors without `speaker`)
 *  speaks in its own name, as an unlisted source. */
export const actorVoice = (r: Reading, from: number, to: number): Source | null => namedSource(r, from, to);

const namedSource = (r: Reading, from: number, to: number): Source | null => {
  const name = asWritten(r, from, to);
  const slug = slugOf(keyOf(r, from, to, name), r.kit.matcher.folding.fold);
  if (!slug) return null;
  const id = `${UNLISTED}${slug}`;
  if (!r.names.has(id)) { r.names.set(id, name); r.nameList = { id, name, next: r.nameList }; }
  return { id, name: r.names.get(id)!, kind: 'other', speaksFor: [], relay: false, types: typesOf(r, from, to), aliases: {} };
};

const isArticle = (r: Reading, k: number): boolean => r.sk.articles.has(r.tokens[k]!.text);

export const nameOk = (r: Reading, from: number, to: number): boolean => {
  let a = from;
  if (r.capitals) while (a < to && isArticle(r, a)) a++;
  const text = r.tokens.slice(a, to + 1).filter((t) => t.kind === 'word').map((t) => t.text).join(' ');
  return text.length > 0 && !r.sk.notNames.has(text) && !r.sk.notNames.has(r.tokens[a]!.text);
};

/** "Kurdish-led", "US-backed": a lower-case word written onto a capitalised one by a hyphen */
const hyphenCompound = (r: Reading, k: number, floor: number): boolean => {
  const t = r.tokens[k]!, p = r.tokens[k - 1];
  return k > floor && !!p && !!r.original && t.kind === 'word' && p.kind === 'word' && p.end + 1 === t.start
    && r.original.folded.text[p.end] === '-' && capitalised(r, k - 1);
};

/** the "s" of a possessive ("Idlib's Health Directorate") */
const possessiveS = (r: Reading, k: number): boolean =>
  r.tokens[k]!.text === 's' && r.tokens[k - 1]?.text === "'" && r.tokens[k - 1]!.end === r.tokens[k]!.start;

/** One step of a capitalised name: a capitalised word, a figure written onto one ("Sy24"), a connector. */
const capitalStep = (r: Reading, k: number, floor: number): 'word' | 'connector' | 'joiner' | 'compound' | null => {
  const t = r.tokens[k]!;
  if (t.kind === 'word' && capitalised(r, k)) return 'word';
  if (possessiveS(r, k) && k - 1 > floor) return 'joiner';
  if (hyphenCompound(r, k, floor)) return 'compound';
  if (t.kind === 'number' && k > floor && capitalised(r, k - 1) && r.tokens[k - 1]!.end === t.start) return 'word';
  if (t.kind === 'word' && r.sk.connectors.has(t.text)) return 'connector';
  if (t.kind === 'punct' && CAPITAL_JOINERS.has(t.text)) return 'joiner';
  return null;
};

/** "the Syrian American Medical Society (SAMS)": the name's end before a bracketed acronym */
const beforeAcronym = (r: Reading, end: number, floor: number): number | null => {
  // the acronym's closing bracket may be skipped by the caller ("... (ANHA) reported")
  const e = end >= floor && r.tokens[end]!.text !== ')' && r.tokens[end + 1]?.text === ')' ? end + 1 : end;
  if (e < floor || r.tokens[e]!.text !== ')') return e;
  let k = e - 1;
  while (k > floor && k > e - 4 && r.tokens[k]!.text !== '(') k--;
  return r.tokens[k]?.text === '(' ? k - 1 : null;
};

/** "the Hawar news agency": lower-case words that end a capitalised name (rules: unlisted.tails) */
const tailBefore = (r: Reading, e: number, floor: number): number => {
  for (let k = Math.max(floor, e - 2); k <= e; k++) {
    const m = r.sk.tails.matchAt(r.tokens, k, e + 1);
    // ("The network said": a capitalised article before the tail names nothing)
    if (m && m.to === e && k > floor && capitalised(r, k - 1) && !r.sk.articles.has(r.tokens[k - 1]!.text)) return k - 1;
  }
  return e;
};

/** A capitalised name ending at token `end` (reading back), or null: [from, to]. */
export const capitalRunEndingAt = (r: Reading, end: number, floor: number): [number, number] | null => {
  const { tokens, sk } = r;
  const last = beforeAcronym(r, end, floor);
  if (last === null) return null;
  const e = capitalised(r, last) ? last : tailBefore(r, last, floor);
  const to = last;
  let from = -1;
  let compound = -1;
  for (let k = e, words = 0; k >= floor && words < r.kit.lang.sources.unlisted.maxWords; k--) {
    const step = capitalStep(r, k, floor);
    if (step === 'compound' && from !== -1) { compound = k; continue; }
    if (step === 'joiner' && possessiveS(r, k) && from !== -1) continue;
    if (step === 'word' && tokens[k]!.kind === 'word') { from = k; words++; continue; }
    if (step === 'word' || (step === 'connector' && from !== -1)) { words++; continue; }
    if (step === 'joiner' && from !== -1 && k > floor && tokens[k - 1]!.kind === 'word') continue;
    break;
  }
  if (from === -1) return null;
  // "Meanwhile Halab24 said": a capitalised opener starts the sentence, not the name
  while (from < e && (sk.openers.has(tokens[from]!.text) || sk.notNames.has(tokens[from]!.text))) from = nextToken(tokens, from, e + 1);
  // the run is a subject: at the sentence or clause start, or after an opener word
  const before = prevToken(tokens, from, floor);
  if (before >= floor && tokens[before]!.kind === 'word' && !sk.openers.has(tokens[before]!.text)) return null;
  // "the Kurdish-led Internal Security Forces": the compound describes the name, it is not part of it
  if (compound > from) from = nextToken(tokens, compound, e + 1);
  return nameOk(r, from, e) ? [from, to] : null;
};

/** A capitalised name starting at token `start` (reading on), or null. */
export const capitalRunFrom = (r: Reading, start: number, limit: number): [number, number] | null => {
  const { tokens } = r;
  let k = start;
  while (k < limit && tokens[k]!.kind === 'word' && !capitalised(r, k) && isArticle(r, k)) k++;
  if (k >= limit || !capitalised(r, k)) return null;
  const from = k;
  let to = k;
  for (let words = 0; k < limit && words < r.kit.lang.sources.unlisted.maxWords; k++) {
    const step = capitalStep(r, k, from);
    if (step === 'word') { to = k; words++; continue; }
    if (step === 'connector') { words++; continue; }
    if (step === 'joiner' && possessiveS(r, k)) continue;
    if (step === 'joiner' && k + 1 < limit && tokens[k + 1]!.kind === 'word') continue;
    break;
  }
  return nameOk(r, from, to) ? [from, to] : null;
};

/** The run ends here: a stop, the reported clause, a speech verb, a listed name, an actor or a number word
 *  (the verb's object: "نعت الحركة ثلاثة من قادتها"). */
const endsHeadRun = (r: Reading, k: number, limit: number): boolean => {
  const { kit, tokens } = r;
  return r.sk.stops.matchAt(tokens, k, limit) !== null || kit.numbers.wordValue(tokens[k]!) !== null || kit.complementizers.matchAt(tokens, k, limit) !== null
    || kit.speech.matchAt(tokens, k, limit) !== null || r.listedAt[k - r.s.from] !== undefined || kit.actors.matchAt(tokens, k, limit) !== null;
};

/** A name after a head word (Arabic "وكالة ستيب نيوز"), running to a stop, or null. */
export const headRunFrom = (r: Reading, start: number, limit: number): [number, number] | null => {
  const { tokens } = r;
  if (start >= limit || tokens[start]!.kind !== 'word' || !r.sk.heads.matchAt(tokens, start, limit)) return null;
  let to = start;
  // an actor's name that starts with the head ("كتائب حزب الله") is read whole
  const actorTo = r.kit.actors.matchAt(tokens, start, limit)?.to ?? start;
  for (let k = start, words = 0; k < limit && words < r.kit.lang.sources.unlisted.maxWords; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct') {
      if (HEAD_MARKS.has(t.text)) continue;
      break;
    }
    if (t.kind !== 'word' || (k > actorTo && endsHeadRun(r, k, limit))) break;
    to = k; words++;
  }
  while (to > start && tokens[to]!.kind === 'punct' && !HEAD_CLOSERS.has(tokens[to]!.text)) to--;
  // a head word alone before a listed name describes it ("منظمة اليونيسف", "وكالة سانا"): the listed name speaks
  const next = nextToken(tokens, to, limit);
  if (to === start && next < limit && r.listedAt[next - r.s.from] !== undefined) return null;
  return nameOk(r, start, to) ? [start, to] : null;
};

/** the words of a name with no head word (after a title: "مدير الدفاع المدني في حلب") */
export const wordRunFrom = (r: Reading, start: number, limit: number): [number, number] | null => {
  let to = -1;
  for (let k = start, n = 0; k < limit && n < 4; k++, n++) {
    const t = r.tokens[k]!;
    if (t.kind !== 'word' || r.sk.stops.matchAt(r.tokens, k, limit) || r.kit.complementizers.matchAt(r.tokens, k, limit)) break;
    // a listed name ends the words before it ("المكتب الإعلامي لقوات سوريا الديمقراطية")
    if (k > start && r.listedAt[k - r.s.from] !== undefined) break;
    to = k;
  }
  return to >= start ? [start, to] : null;
};

export const nameFrom = (r: Reading, start: number, limit: number): [number, number] | null =>
  r.capitals ? capitalRunFrom(r, start, limit) : headRunFrom(r, start, limit);

/** The unlisted source a name's span stands for, or null (a listed name is never part of one). */
export const asMatch = (r: Reading, span: [number, number] | null): Match<Source> | null => {
  if (!span) return null;
  for (let k = span[0]; k <= span[1]; k++) if (r.coveredBy[k - r.s.from]) return null;
  let [from] = span;
  if (r.capitals) while (from < span[1] && isArticle(r, from)) from++;
  const src = unlistedSource(r, from, span[1]);
  return src ? { value: src, from, to: span[1] } : null;
};
