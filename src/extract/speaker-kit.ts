/**
 * The word classes open-world speakers are read with (rules: languages/<lang>/sources.yaml),
 * compiled once per kit: titles, anaphors, the head words and stops of unlisted names, the
 * words of clause openers, contrasts and documents.
 */
import type { Kit } from './kit.js';
import type { Lexicon } from './lexicon.js';
import { compileLexicon, phraseSet } from './lexicon.js';

/** the types of source an anaphor may refer back to ('*': any) */
export type Anaphor = readonly string[];

export type SpeakerKit = {
  /** marks after which a reporting clause may open, and marks that break a clause */
  readonly clauseOpeners: ReadonlySet<string>;
  readonly clauseBreaks: ReadonlySet<string>;
  readonly titles: Lexicon<true>;
  readonly personTitles: Lexicon<true>;
  readonly institutions: Lexicon<true>;
  readonly institutionLinks: ReadonlySet<string>;
  readonly anaphors: Lexicon<Anaphor>;
  readonly heads: Lexicon<true>;
  readonly connectors: ReadonlySet<string>;
  readonly openers: ReadonlySet<string>;
  /** articles a name may begin with that are not part of it ("the") */
  readonly articles: ReadonlySet<string>;
  readonly stops: Lexicon<true>;
  /** lower-case words that end a capitalised name ("the Hawar news agency") */
  readonly tails: Lexicon<true>;
  readonly notNames: ReadonlySet<string>;
  readonly modifiers: ReadonlySet<string>;
  readonly accordingTails: Lexicon<true>;
  readonly accordingRelatives: ReadonlySet<string>;
  readonly contrast: Lexicon<true>;
  readonly sharedSubject: Lexicon<true>;
  readonly documents: Lexicon<true>;
  /** words linking a document to its author ("by", "from"): rules documentLinks */
  readonly documentLinks: ReadonlySet<string>;
  readonly typeWords: readonly (readonly [string, ReadonlySet<string>])[];
  readonly negations: Lexicon<true>;
  readonly deny: Lexicon<true>;
  /** words naming an outlet's own reporter ("correspondent", "مراسل"): the outlet after one speaks */
  readonly reporters: Lexicon<true>;
  /** "in a statement", "في بيان": what stands between a speaker and the end of its reporting clause */
  readonly statementTails: Lexicon<true>;
  /** words before a name that make it an object, not a subject ("من", "في") */
  readonly objectMarkers: Lexicon<true>;
  /** words that set a topic the next verb speaks of ("أما X فقال") */
  readonly topics: Lexicon<true>;
  /** a clause after a comma that dates the story against another event: the report's own voice */
  readonly voiceClauses: Lexicon<true>;
  /** a capital or country for its government as a speaker ("Syria said"): the actor it stands for
   *  (rules: stances grammar `metonyms`) */
  readonly metonyms: Lexicon<string>;
};

const SPEAKER_KITS = new WeakMap<Kit, SpeakerKit>();

/** A name's words without the articles it begins with ("the Islamic State group" → "Islamic State group"); one word stays. */
export const withoutArticles = (kit: Kit, words: readonly string[]): string[] => {
  const articles = speakerKit(kit).articles;
  let k = 0;
  while (words.length - k > 1 && articles.has(words[k]!)) k++;
  return words.slice(k);
};

export const speakerKit = (kit: Kit): SpeakerKit => {
  const hit = SPEAKER_KITS.get(kit);
  if (hit) return hit;
  const r = kit.lang.sources;
  const words = (ps: readonly string[]) => new Set(ps.map(kit.matcher.folding.fold));
  const sk: SpeakerKit = {
    clauseOpeners: new Set([...kit.commas, '"', ':']),
    clauseBreaks: new Set([...kit.clausePunct, ':']),
    titles: phraseSet(kit.matcher, r.titles),
    personTitles: phraseSet(kit.matcher, r.personTitles),
    institutions: phraseSet(kit.matcher, r.institutions),
    institutionLinks: new Set(r.institutionLinks),
    anaphors: compileLexicon(kit.matcher, r.anaphors.map((a) => ({ phrase: a.phrase, value: a.types }))),
    heads: phraseSet(kit.matcher, r.unlisted.heads),
    connectors: words(r.unlisted.connectors),
    openers: words(r.unlisted.openers),
    articles: words(r.unlisted.articles),
    stops: phraseSet(kit.matcher, r.unlisted.stops),
    tails: phraseSet(kit.matcher, r.unlisted.tails),
    notNames: words(r.unlisted.notNames),
    modifiers: words(r.unlisted.modifiers),
    accordingTails: phraseSet(kit.matcher, r.accordingTails),
    accordingRelatives: words(r.accordingRelatives),
    contrast: phraseSet(kit.matcher, r.contrast),
    sharedSubject: phraseSet(kit.matcher, r.sharedSubject),
    documents: phraseSet(kit.matcher, r.documents),
    documentLinks: words(r.documentLinks),
    typeWords: Object.entries(r.typeWords).map(([t, ws]) => [t, words(ws)] as const),
    negations: phraseSet(kit.matcher, kit.lang.stances.negations),
    deny: phraseSet(kit.matcher, kit.lang.stances.deny),
    reporters: phraseSet(kit.matcher, r.reporters),
    statementTails: phraseSet(kit.matcher, r.statementTails),
    objectMarkers: phraseSet(kit.matcher, r.objectMarkers),
    topics: phraseSet(kit.matcher, r.topics),
    voiceClauses: phraseSet(kit.matcher, r.voiceClauses),
    metonyms: compileLexicon(kit.matcher, Object.entries(kit.lang.stances.grammar?.metonyms ?? {})
      .flatMap(([actor, names]) => names.map((phrase) => ({ phrase, value: actor })))),
  };
  SPEAKER_KITS.set(kit, sk);
  return sk;
};
