/**
 * Everything one language's extractor needs, compiled once from the rules: phrase
 * lexicons for each rule family, the number, date and place readers, and the
 * source and actor aliases of that language.
 */
import type { Fold, Folded } from '../text/normalise.js';
import type { Outcome, Qualifier } from '../model/contract.js';
import type { LanguageRules } from '../rules/language-schema.js';
import type { Actor, Rules, Source } from '../rules/schema.js';
import { foldingOf } from '../rules/folding.js';
import type { DateReader } from './dates.js';
import type { Grammar } from './grammar.js';
import { compileGrammar } from './grammar.js';
import { makeDateReader } from './dates.js';
import type { Lexicon, Matcher } from './lexicon.js';
import { compileLexicon, makeMatcher, phraseSet } from './lexicon.js';
import type { NumberReader } from './numbers.js';
import { makeNumberReader } from './numbers.js';
import { placeFold } from './place-names.js';
import type { PlaceReader } from './places.js';
import { makePlaceReader } from './places.js';
import { maskFurniture } from './furniture.js';
import type { TokenOptions } from './tokens.js';

export type Head = { readonly group: import('../model/contract.js').Group; readonly affiliation: string | null; readonly adjective: boolean; readonly needsSide: boolean; readonly army?: boolean; readonly outcome: import('../model/contract.js').Outcome | null };

export type Kit = {
  readonly language: string;
  /** whose names of sources, actors and places it reads (rules: script.namesOf) */
  readonly names: string;
  /** whose alias lists of sources and actors it reads: its own language's, then `script.namesOf`'s */
  readonly aliasKeys: readonly string[];
  /** the script's commas, and its commas and semicolons: marks that close a clause */
  readonly commas: ReadonlySet<string>;
  readonly clausePunct: ReadonlySet<string>;
  /** what closes a clause for the construction grammars: the clause punctuation and the dashes and colon */
  readonly clauseMarks: ReadonlySet<string>;
  readonly lang: LanguageRules;
  readonly matcher: Matcher;
  /** how the language's text is cut into tokens (script rules, folded): worked out once here, used for every report */
  readonly tokenOptions: TokenOptions;
  readonly numbers: NumberReader;
  readonly dates: DateReader;
  readonly places: PlaceReader;
  /** blanks page furniture in the folded text (furniture.ts) */
  readonly furniture: (original: string, folded: Folded) => Folded;
  readonly sourcesById: ReadonlyMap<string, Source>;
  readonly actorsById: ReadonlyMap<string, Actor>;
  readonly sources: Lexicon<Source>;
  readonly actors: Lexicon<Actor>;
  readonly actorAdjectives: Lexicon<Actor>;
  readonly qualBefore: Lexicon<Qualifier>;
  readonly qualAfter: Lexicon<Qualifier>;
  readonly mayRise: Lexicon<true>;
  readonly heads: Lexicon<Head>;
  readonly singular: Lexicon<Head>;
  readonly dual: Lexicon<Head>;
  readonly others: Lexicon<true>;
  readonly oneOther: Lexicon<true>;
  readonly partitive: Lexicon<true>;
  readonly memberWords: Lexicon<true>;
  readonly mixed: Lexicon<true>;
  readonly sideJoiners: Lexicon<true>;
  readonly sameSide: Lexicon<true>;
  readonly sideStops: Lexicon<true>;
  readonly breakdown: Lexicon<true>;
  readonly modifiers: Lexicon<true>;
  /** nationality words after an army head ("جنود أتراك"), by actor id */
  readonly nationalities: Lexicon<string>;
  readonly coordinators: Lexicon<true>;
  /** conjunctions joining doers and actor adjectives (rules: stances.coordinators) */
  readonly doerCoordinators: Lexicon<true>;
  readonly rangeBefore: Lexicon<true>;
  readonly rangeJoiners: Lexicon<true>;
  readonly rangeMarks: ReadonlySet<string>;
  readonly outcomeBefore: Lexicon<Outcome>;
  readonly outcomeAfter: Lexicon<Outcome>;
  readonly outcomeHeads: Lexicon<Outcome>;
  readonly otherEvents: Lexicon<true>;
  readonly tollLinks: Lexicon<true>;
  readonly previousFigure: Lexicon<true>;
  /** a one-word outcome with a pronoun suffix that counts its victims ("قتلاهما"): the word → outcome and count */
  readonly pronounClaims: ReadonlyMap<string, { readonly outcome: Outcome; readonly count: number }>;
  readonly speech: Lexicon<true>;
  readonly continuation: Lexicon<true>;
  readonly according: Lexicon<true>;
  readonly relayFrom: Lexicon<true>;
  readonly relayToWords: Lexicon<true>;
  readonly complementizers: Lexicon<true>;
  readonly subjectPronouns: Lexicon<true>;
  readonly asideOpeners: Lexicon<true>;
  readonly copiedFrom: Lexicon<true>;
  readonly doerBefore: Lexicon<true>;
  readonly doerAfter: Lexicon<true>;
  readonly attackNouns: Lexicon<true>;
  readonly attackCues: Lexicon<true>;
  readonly likely: Lexicon<true>;
  readonly possible: Lexicon<true>;
  readonly deny: Lexicon<true>;
  readonly accuse: Lexicon<true>;
  readonly accuseComplement: Lexicon<true>;
  readonly acknowledge: Lexicon<true>;
  readonly negations: Lexicon<true>;
  readonly doerLinks: Lexicon<true>;
  readonly blame: Lexicon<true>;
  readonly selfReference: Lexicon<true>;
  /** attack nouns owned by a pronoun that refers back to the speaker ("its jets", "غاراته"); true when the
   *  noun is itself an attack cue (rules: stances.ownWords, ownSuffixes) */
  readonly ownedNouns: Lexicon<boolean>;
  /** what a denial may be about besides an attack word, with the denier's own forms ("مسؤوليته") */
  readonly denialObjects: Lexicon<true>;
  readonly passives: Lexicon<true>;
  readonly descriptiveAfter: Lexicon<true>;
  readonly appositives: Lexicon<true>;
  readonly blockers: Lexicon<true>;
  readonly periods: Lexicon<true>;
  readonly since: Lexicon<true>;
  readonly tally: Lexicon<true>;
  readonly eventNouns: Lexicon<true>;
  readonly past: Lexicon<true>;
  readonly targets: Lexicon<string>;
  readonly newEvent: Lexicon<true>;
  readonly sameDay: Lexicon<true>;
  readonly regionWords: Lexicon<true>;
  /** the language's constructions, indexed by their first slot */
  readonly grammar: Grammar;
};

/** The names one language reads in a per-language map of names (sources' and actors' aliases, places). */
export const namesIn = (names: object, key: string | readonly string[]): readonly string[] => {
  const m = names as Readonly<Record<string, readonly string[] | undefined>>;
  return typeof key === 'string' ? m[key] ?? [] : key.flatMap((k) => m[k] ?? []);
};

/** Marks of every script that close a clause besides its commas and semicolons. */
const CLAUSE_DASHES = [':', '—', '–'];

const aliasesOf = (a: { aliases: object }, key: string | readonly string[]): readonly string[] => namesIn(a.aliases, key);

/** Target words → target ids: a word in a group names the group's id, any other word itself. */
const targetEntries = (events: LanguageRules['events'], fold: Fold): { phrase: string; value: string }[] => {
  const grouped = Object.entries(events.targetGroups).flatMap(([id, phrases]) => phrases.map((phrase) => ({ phrase, value: id })));
  const inGroups = new Set(grouped.map((g) => fold(g.phrase)));
  return [...grouped, ...events.targets.filter((p) => !inGroups.has(fold(p))).map((phrase) => ({ phrase, value: fold(phrase) }))];
};

/** The phrase begins with the words of `head` and has more after them (folded). */
const firstWordsIn = (fold: Fold) => (phrase: string, head: string): boolean => {
  const p = fold(phrase).split(' ');
  const h = fold(head).split(' ');
  return p.length > h.length && h.every((w, k) => p[k] === w);
};

/**
 * Source aliases, and for a language with possessive endings (rules: sources.possessiveEndings)
 * each alias of a source that speaks for an actor and begins with that actor's adjective also
 * with each of the actor's names as its possessor: "Russian defence ministry" → "Russia's
 * defence ministry", "Moscow's defence ministry" (not "Syrian Observatory", whose adjective
 * is part of a name). Names that themselves begin with the adjective ("Russian forces") are no
 * possessors; a made-up form that is an alias already, or would name two sources, is left out.
 */
const sourceEntries = (rules: Rules, language: string, names: readonly string[]): { phrase: string; value: Source }[] => {
  const { fold } = foldingOf(rules);
  const firstWordsAre = firstWordsIn(fold);
  const own = rules.sources.flatMap((s) => aliasesOf(s, names).map((phrase) => ({ phrase, value: s })));
  const endings = rules.languages[language]?.sources.possessiveEndings ?? [];
  if (!endings.length) return own;
  const known = new Set(own.map((e) => fold(e.phrase)));
  const made = new Map<string, { phrase: string; value: Source | null }>();
  for (const actor of rules.actors) {
    const adjectives = namesIn(actor.adjectives, names);
    const possessors = aliasesOf(actor, names).filter((n) => !adjectives.some((adj) => firstWordsAre(n, adj) || fold(n) === fold(adj)));
    for (const e of own) {
      if (!e.value.speaksFor.includes(actor.id)) continue;
      for (const adj of adjectives) {
        if (!firstWordsAre(e.phrase, adj)) continue;
        const rest = fold(e.phrase).split(' ').slice(fold(adj).split(' ').length).join(' ');
        for (const name of possessors) {
          for (const ending of endings) {
            const phrase = `${name}${ending} ${rest}`;
            const key = fold(phrase);
            if (known.has(key)) continue;
            const held = made.get(key);
            made.set(key, { phrase, value: held === undefined || held.value?.id === e.value.id ? e.value : null });
          }
        }
      }
    }
  }
  return [...own, ...[...made.values()].flatMap((m) => (m.value ? [{ phrase: m.phrase, value: m.value }] : []))];
};

/**
 * Nouns owned by a pronoun that refers back to the speaker: each possessive word before each
 * noun ("its jets"), and each pronoun suffix on each one-word noun ("غاراته"), the noun's last
 * letter written as `suffixStems` says ("غارة" → "غارته").
 */
const ownedForms = (st: LanguageRules['stances'], nouns: readonly string[]): string[] => {
  const stem = (noun: string): string => {
    const end = Object.keys(st.suffixStems).find((e) => noun.endsWith(e));
    return end === undefined ? noun : noun.slice(0, noun.length - end.length) + st.suffixStems[end]!;
  };
  return [
    ...st.ownWords.flatMap((w) => nouns.map((n) => `${w} ${n}`)),
    ...nouns.map((n) => n.trim()).filter((n) => !n.includes(' ')).flatMap((n) => st.ownSuffixes.map((x) => stem(n) + x)),
  ];
};

export const tokenOptionsOf = (lang: LanguageRules, fold: Fold): TokenOptions =>
  ({ hyphenSplitsWords: lang.script.hyphenSplitsWords, initialisms: lang.script.initialisms,
    apostrophes: lang.script.apostrophes.map(fold), apostropheEndings: lang.script.apostropheEndings.map(fold) });

/**
 * Every one-word outcome cue ("مقتل") joined to every pronoun suffix that counts
 * (rules: outcomes.pronounCounts): looked up whole, a word at a time. The first cue wins.
 */
/** Each one-word noun with each enclitic pronoun (rules: script.possessives): "أطفال" → "أطفاله", "أبناء" →
 *  "أبنائهم", "مقاتلين" → "مقاتليه", "قادة" → "قادتها". Phrases of more words have none. */
export const withPossessives = (p: LanguageRules['script']['possessives'], phrases: readonly string[]): string[] => {
  if (!p.suffixes.length) return [];
  const ends = Object.entries(p.ends).sort((a, b) => b[0].length - a[0].length);
  const stemsOf = (w: string): string[] => {
    const end = ends.find(([e]) => w.endsWith(e) && w.length > e.length + 1);
    return end ? [...new Set([w.slice(0, -end[0].length) + end[1], w])] : [w];
  };
  return phrases.filter((w) => !w.includes(' ')).flatMap((w) => stemsOf(w).flatMap((st) => p.suffixes.map((x) => st + x)));
};

const pronounClaimWords = (lang: LanguageRules, fold: Fold): Map<string, { readonly outcome: Outcome; readonly count: number }> => {
  const out = new Map<string, { readonly outcome: Outcome; readonly count: number }>();
  const cues = [
    ...lang.outcomes.killedBefore.filter((p) => !p.includes(' ')).map((p) => [fold(p), 'killed'] as const),
    ...lang.outcomes.injuredBefore.filter((p) => !p.includes(' ')).map((p) => [fold(p), 'injured'] as const),
  ];
  for (const [word, outcome] of cues) {
    for (const [suffix, count] of Object.entries(lang.outcomes.pronounCounts)) {
      if (suffix !== '' && !out.has(word + suffix)) out.set(word + suffix, { outcome, count });
    }
  }
  return out;
};

type Phrases = (phrases: readonly string[]) => Lexicon<true>;
type StanceWords = 'speech' | 'continuation' | 'according' | 'relayFrom' | 'relayToWords' | 'complementizers' | 'subjectPronouns' | 'asideOpeners' | 'copiedFrom' | 'doerBefore' | 'doerAfter' | 'attackNouns' | 'attackCues' | 'likely' | 'possible' | 'deny' | 'accuse' | 'accuseComplement' | 'acknowledge' | 'negations' | 'doerLinks' | 'blame' | 'selfReference' | 'ownedNouns' | 'denialObjects' | 'passives' | 'descriptiveAfter' | 'appositives' | 'blockers' | 'doerCoordinators';

/** The lexicons of reporting verbs, relays and stances (rules: sources, stances). */
const speechAndStances = (lang: LanguageRules, set: Phrases, verbs: Phrases, lex: <T>(entries: readonly { phrase: string; value: T }[]) => Lexicon<T>, fold: Fold): Pick<Kit, StanceWords> => ({
  speech: verbs(lang.sources.speech),
  continuation: verbs(lang.sources.continuation),
  according: set(lang.sources.according),
  relayFrom: set(lang.sources.relayFrom),
  relayToWords: set(lang.sources.relayTo),
  complementizers: set(lang.sources.complementizers),
  subjectPronouns: set(lang.sources.subjectPronouns),
  asideOpeners: set(lang.sources.asideOpeners),
  copiedFrom: set(lang.sources.copiedFrom),
  doerBefore: set(lang.stances.doerBefore),
  doerAfter: verbs(lang.stances.doerAfter),
  attackNouns: set(lang.stances.attackNouns),
  attackCues: set(lang.stances.attackCues),
  likely: set(lang.stances.likely),
  possible: set(lang.stances.possible),
  deny: verbs(lang.stances.deny),
  accuse: verbs(lang.stances.accuse),
  accuseComplement: set(lang.stances.accuseComplement),
  acknowledge: verbs(lang.stances.acknowledge),
  negations: set(lang.stances.negations),
  doerLinks: set(lang.stances.doerLinks),
  blame: verbs(lang.stances.blame),
  selfReference: set(lang.stances.selfReference),
  ownedNouns: lex(lang.stances.attackNouns.flatMap((noun) => {
    const cue = lang.stances.attackCues.some((c) => fold(c) === fold(noun));
    return ownedForms(lang.stances, [noun]).map((phrase) => ({ phrase, value: cue }));
  })),
  denialObjects: set([...lang.stances.denialObjects, ...ownedForms(lang.stances, lang.stances.denialObjects)]),
  passives: set(lang.stances.passives),
  descriptiveAfter: set(lang.stances.descriptiveAfter),
  appositives: set(lang.stances.appositives),
  blockers: set(lang.stances.blockers),
  doerCoordinators: set(lang.stances.coordinators),
});

export const compileKit = (rules: Rules, language: string): Kit | null => {
  const lang = rules.languages[language];
  if (!lang) return null;
  const names = lang.script.namesOf ?? language;
  const aliasKeys = [...new Set([language, names])];
  const folding = foldingOf(rules);
  const tokenOptions = tokenOptionsOf(lang, folding.fold);
  const matcher = makeMatcher(folding, lang.script.clitics, tokenOptions, null, lang.script.articleClitics, lang.script.articleStem);
  const placeMatcher = makeMatcher(folding, lang.script.clitics, tokenOptions, placeFold(lang.script, folding.fold), lang.script.articleClitics, lang.script.articleStem);
  const set = (phrases: readonly string[]) => phraseSet(matcher, phrases);
  const verbMatcher = makeMatcher(folding, lang.script.verbClitics, tokenOptions);
  const verbs = (phrases: readonly string[]) => phraseSet(verbMatcher, phrases);
  const lex = <T>(entries: readonly { phrase: string; value: T }[]) => compileLexicon(matcher, entries);
  const heads = (pick: (h: LanguageRules['victims']['heads'][number]) => readonly string[]) =>
    lex(lang.victims.heads.flatMap((h) => pick(h).map((phrase) => ({ phrase, value: { group: h.group, affiliation: h.affiliation, adjective: h.adjective, needsSide: h.needsSide, army: h.army, outcome: h.outcome ?? null } }))));
  const outcome = (killed: readonly string[], injured: readonly string[]) =>
    lex<Outcome>([...killed.map((phrase) => ({ phrase, value: 'killed' as const })), ...injured.map((phrase) => ({ phrase, value: 'injured' as const }))]);
  return {
    language,
    names,
    aliasKeys,
    commas: new Set(lang.script.commas),
    clausePunct: new Set([...lang.script.commas, ...lang.script.semicolons]),
    clauseMarks: new Set([...lang.script.commas, ...lang.script.semicolons, ...CLAUSE_DASHES]),
    lang,
    matcher,
    tokenOptions,
    numbers: makeNumberReader(lang.numbers, matcher, lang.script.conjunctionClitics),
    dates: makeDateReader(lang.dates, matcher),
    furniture: maskFurniture(lang.furniture, folding.fold),
    places: makePlaceReader(rules.places, lang.events, placeMatcher, names, lang.places, lang.script.namesCapitalized, lang.script.commas),
    sourcesById: new Map(rules.sources.map((s) => [s.id, s])),
    actorsById: new Map(rules.actors.map((a) => [a.id, a])),
    sources: lex(sourceEntries(rules, language, aliasKeys)),
    actors: lex(rules.actors.flatMap((a) => aliasesOf(a, aliasKeys).map((phrase) => ({ phrase, value: a })))),
    actorAdjectives: lex(rules.actors.flatMap((a) => namesIn(a.adjectives, aliasKeys).map((phrase) => ({ phrase, value: a })))),
    qualBefore: lex(lang.qualifiers.before.map((q) => ({ phrase: q.phrase, value: q.qualifier }))),
    qualAfter: lex(lang.qualifiers.after.map((q) => ({ phrase: q.phrase, value: q.qualifier }))),
    mayRise: set(lang.qualifiers.mayRise),
    heads: heads((h) => [...h.phrases, ...withPossessives(lang.script.possessives, h.possessive)]),
    singular: heads((h) => h.singular),
    dual: heads((h) => h.dual),
    others: set(lang.victims.others),
    oneOther: set(lang.victims.oneOther),
    partitive: set(lang.victims.partitive),
    memberWords: set(lang.victims.memberWords),
    mixed: set(lang.victims.mixedGroupWords),
    sideJoiners: set(lang.victims.sideJoiners),
    sameSide: set(lang.victims.sameSide),
    sideStops: set(lang.victims.sideStops),
    breakdown: set(lang.victims.breakdown),
    modifiers: set(lang.victims.modifiers),
    nationalities: lex(Object.entries(lang.victims.nationalities).flatMap(([actor, ps]) => ps.map((phrase) => ({ phrase, value: actor })))),
    coordinators: set(lang.victims.coordinators),
    rangeBefore: set(lang.qualifiers.rangeBefore),
    rangeJoiners: set(lang.qualifiers.rangeJoiners),
    rangeMarks: new Set(lang.qualifiers.rangeJoiners.filter((p) => /^[^\p{L}\p{N}\s]+$/u.test(p.trim())).map((p) => p.trim())),
    outcomeBefore: outcome(lang.outcomes.killedBefore, lang.outcomes.injuredBefore),
    outcomeAfter: compileLexicon<Outcome>(verbMatcher, [...lang.outcomes.killedAfter.map((phrase) => ({ phrase, value: 'killed' as const })), ...lang.outcomes.injuredAfter.map((phrase) => ({ phrase, value: 'injured' as const }))]),
    outcomeHeads: outcome(lang.outcomes.killedHeads, lang.outcomes.injuredHeads),
    otherEvents: set(lang.outcomes.otherEvents),
    tollLinks: set(lang.outcomes.tollLinks),
    previousFigure: set(lang.outcomes.previousFigure),
    pronounClaims: pronounClaimWords(lang, folding.fold),
    ...speechAndStances(lang, set, verbs, lex, folding.fold),
    periods: set(lang.events.periods),
    since: set(lang.events.since),
    tally: verbs(lang.events.tally),
    eventNouns: set(lang.events.eventNouns),
    past: set(lang.events.past),
    targets: lex(targetEntries(lang.events, folding.fold)),
    newEvent: set(lang.events.newEvent),
    sameDay: set(lang.events.sameDay),
    regionWords: set(lang.events.regionIntroducers),
    grammar: compileGrammar(lang.constructions, matcher, new Set([...lang.script.commas, ...lang.script.semicolons, ...CLAUSE_DASHES])),
  };
};
