/**
 * The vocabulary of one rule set, as check-rules' generators draw on it: its source, actor
 * and place ids, the figures its number words stand for, and per language the phrases of
 * every rule family (aliases, number words, qualifiers, heads, outcomes, stance cues, dates).
 */
import type { Group, Outcome } from '../model/contract.js';
import { scriptMarksOf, type ScriptMarks } from './text.js';
import type { LanguageRules } from '../rules/language-schema.js';
import type { Place, Rules } from '../rules/schema.js';

/** Phrases of one language, by the role they play in a sentence. */
export type LanguageVocabulary = {
  readonly language: string;
  readonly sources: readonly string[];
  readonly actors: readonly string[];
  readonly places: readonly string[];
  readonly numberWords: readonly string[];
  readonly joiners: readonly string[];
  readonly multipliers: readonly string[];
  readonly vague: readonly string[];
  readonly qualifiersBefore: readonly string[];
  readonly qualifiersAfter: readonly string[];
  readonly heads: readonly string[];
  readonly outcomesBefore: readonly string[];
  readonly outcomesAfter: readonly string[];
  readonly speech: readonly string[];
  readonly stanceCues: readonly string[];
  readonly dates: readonly string[];
  readonly placeWords: readonly string[];
  readonly links: readonly string[];
  /** every other phrase of the language's files, so that no rule goes unexercised */
  readonly other: readonly string[];
  readonly sentenceEnds: readonly string[];
  readonly listMarkers: readonly string[];
  /** what the rule set's scripts put into text of any language (digits, commas, marks): check/text.ts */
  readonly scriptMarks: ScriptMarks;
};

export type Vocabulary = {
  readonly sources: readonly string[];
  /** outlets that relay others: the `via` of relayed claims */
  readonly relays: readonly string[];
  readonly actors: readonly string[];
  /** places grouped by governorate, so that generated incidents share districts and governorates */
  readonly placesByGovernorate: readonly (readonly Place[])[];
  readonly outcomes: readonly Outcome[];
  readonly groups: readonly Group[];
  /** lower bounds of the rules' vague words ("dozens" = 12) */
  readonly vagueMins: readonly number[];
  /** the values of the rules' number words (small ones, as tolls) */
  readonly numberValues: readonly number[];
  readonly targets: readonly string[];
  readonly languages: readonly LanguageVocabulary[];
};

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Every string anywhere in a value: array items, record values and the keys of records of phrases. */
const harvest = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(harvest);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(typeof v === 'number' || Array.isArray(v) ? [k] : []), ...harvest(v)]);
  }
  return [];
};

const namesIn = (aliases: Readonly<Record<string, readonly string[] | undefined>>, language: string): readonly string[] => aliases[language] ?? [];

const languageVocabulary = (rules: Rules, language: string, lang: LanguageRules): LanguageVocabulary => {
  const { numbers, qualifiers, victims, outcomes, sources, stances, dates, events, script } = lang;
  const picked = {
    language,
    sources: rules.sources.flatMap((s) => namesIn(s.aliases, language)),
    actors: rules.actors.flatMap((a) => [...namesIn(a.aliases, language), ...namesIn(a.adjectives, language)]),
    // the gazetteer's names of the language, or of the one whose names it reads (script.namesOf), as the extractor does
    places: rules.places.flatMap((p) => (p as unknown as Readonly<Record<string, readonly string[] | undefined>>)[script.namesOf ?? language] ?? []),
    numberWords: Object.keys(numbers.words),
    joiners: numbers.joiners,
    multipliers: Object.keys(numbers.multipliers),
    vague: numbers.vague.map((v) => v.phrase),
    qualifiersBefore: qualifiers.before.map((q) => q.phrase),
    qualifiersAfter: [...qualifiers.after.map((q) => q.phrase), ...qualifiers.mayRise],
    heads: victims.heads.flatMap((h) => [...h.phrases, ...h.singular, ...h.dual]),
    outcomesBefore: [...outcomes.killedBefore, ...outcomes.injuredBefore, ...outcomes.otherEvents],
    outcomesAfter: [...outcomes.killedAfter, ...outcomes.injuredAfter, ...outcomes.killedHeads, ...outcomes.injuredHeads],
    speech: [...sources.speech, ...sources.continuation, ...sources.according, ...sources.relayTo, ...sources.relayFrom],
    stanceCues: [...stances.doerBefore, ...stances.doerAfter, ...stances.likely, ...stances.possible, ...stances.deny,
      ...stances.accuse, ...stances.acknowledge, ...stances.attackNouns, ...stances.attackCues],
    dates: [...Object.keys(dates.months), ...Object.keys(dates.weekdays), ...Object.keys(dates.relativeDays),
      ...dates.recentWindows.map((w) => w.phrase), ...dates.previous, ...dates.current, ...dates.partsOfDay],
    placeWords: [...events.placeIntroducers, ...events.cityIntroducers, ...events.regionIntroducers],
    links: [...victims.breakdown, ...victims.partitive, ...victims.others, ...victims.memberWords, ...victims.mixedGroupWords],
    sentenceEnds: script.sentenceEnds,
    listMarkers: script.listMarkers,
  };
  const named = new Set(Object.values(picked).flatMap((v) => (Array.isArray(v) ? v : [])));
  // the generator's writing rules and the gazetteer import's administrative words are not read by the
  // extractor: no phrase of theirs is a rule to exercise
  const { writing: _writing, administrative: _administrative, ...read } = lang;
  return { ...picked, other: uniq(harvest(read)).filter((p) => !named.has(p) && p.trim().length > 0), scriptMarks: scriptMarksOf(rules) };
};

const GROUPS: readonly Group[] = ['all', 'civilians', 'children', 'women', 'men', 'combatants'];

export const vocabularyOf = (rules: Rules): Vocabulary => {
  const byGov = new Map<string, Place[]>();
  for (const p of rules.places) byGov.set(p.governorate, [...(byGov.get(p.governorate) ?? []), p]);
  const languages = Object.entries(rules.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    sources: rules.sources.map((s) => s.id),
    relays: rules.sources.filter((s) => s.relay).map((s) => s.id),
    actors: rules.actors.map((a) => a.id),
    placesByGovernorate: [...byGov.values()],
    outcomes: ['killed', 'injured'],
    groups: GROUPS,
    vagueMins: uniq(languages.flatMap(([, l]) => l.numbers.vague.map((v) => v.min))).sort((a, b) => a - b),
    numberValues: uniq(languages.flatMap(([, l]) => Object.values(l.numbers.words))).filter((v) => v <= 1000).sort((a, b) => a - b),
    targets: uniq(languages.flatMap(([, l]) => [...Object.keys(l.events.targetGroups), ...l.events.targets.map((t) => t.toLowerCase())])).slice(0, 10),
    languages: languages.map(([code, l]) => languageVocabulary(rules, code, l)),
  };
};
