/**
 * The words the corpus generator writes, taken from the rule set the extractor reads:
 * source and actor aliases, gazetteer names, outcome, victim, qualifier, date and event
 * phrases of the language that has writing rules (rules/languages/<lang>/writing.yaml: the
 * phrases it prefers among those, and the grammatical glue phrasing.ts adds around them).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Group } from '../model/contract.js';
import type { Rules } from '../rules/schema.js';
import { foldingOf } from '../rules/folding.js';
import type { WritingRules } from '../rules/writing-schema.js';
import { spellingVariant } from './phrasing.js';
import type { Rng } from './prng.js';

export type PlaceWord = {
  readonly id: string;
  readonly kind: string;
  readonly governorate: string;
  readonly district: string | null;
  /** Arabic spellings from the gazetteer */
  readonly names: readonly string[];
};

/** Plural (3–10) and accusative singular (11 and more) forms of a victim head. */
export type HeadForms = { readonly plural: string; readonly accusative: string };

export type Vocabulary = {
  /** the language the reports are written in: the one whose rules have a writing section */
  readonly language: string;
  /** its writing rules: the glue around the phrases */
  readonly writing: WritingRules;
  /** a spelling variant the matcher folds away (writing.spelling), chosen at random */
  readonly spell: (rng: Rng, name: string) => string;
  readonly places: readonly PlaceWord[];
  readonly placesByGovernorate: ReadonlyMap<string, readonly PlaceWord[]>;
  readonly governorateNames: ReadonlyMap<string, string>;
  /** source id → Arabic aliases the generator may write (first = the full name) */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  readonly actors: ReadonlyMap<string, { readonly aliases: readonly string[]; readonly adjective: string | null }>;
  /** [masculine, feminine] speech verbs */
  readonly speech: readonly (readonly [string, string])[];
  readonly according: readonly string[];
  readonly relayTo: string;
  readonly killedBefore: readonly string[];
  readonly injuredBefore: readonly string[];
  readonly killedAfter: string;
  /** verbs that open a sentence before a figure ("قتل 12 مدنيا وأصيب 30 آخرون") */
  readonly killedVerb: string;
  readonly injuredVerb: string;
  /** heads for combatants of no named side ("30 مسلحا") */
  readonly militants: HeadForms;
  readonly attack: readonly string[];
  readonly injuredAfter: string;
  readonly heads: ReadonlyMap<Group, HeadForms>;
  readonly breakdown: string;
  readonly others: { readonly accusative: string; readonly nominative: string };
  readonly partitive: string;
  readonly qualBefore: ReadonlyMap<string, readonly string[]>;
  readonly qualAfter: ReadonlyMap<string, readonly string[]>;
  readonly mayRise: readonly string[];
  readonly vague: readonly { readonly phrase: string; readonly min: number }[];
  readonly numberWords: ReadonlyMap<number, string>;
  readonly months: ReadonlyMap<number, readonly string[]>;
  readonly weekdays: ReadonlyMap<number, string>;
  readonly today: string;
  readonly yesterday: string;
  readonly partsOfDay: readonly string[];
  readonly doerWords: readonly string[];
  readonly likely: readonly string[];
  readonly possible: readonly string[];
  readonly deny: readonly [string, string];
  readonly acknowledge: readonly [string, string];
  /** a belligerent announcing its own strike's toll ("أعلنت وزارة الدفاع الروسية مقتل …") */
  readonly announce: readonly [string, string];
  /** verbs between an attack noun and its doer ("غارات جوية نفذتها طائرات …") */
  readonly doerVerbs: readonly string[];
  readonly tally: readonly [string, string];
  readonly period: string;
  readonly previous: string;
  readonly targets: readonly string[];
  readonly placeIntro: ReadonlyMap<string, string>;
  readonly regionIntro: string;
  readonly governorateIntro: string;
};

/** Phrases of `list` that are in `wanted` (folded comparison), in `wanted` order. */
const presentIn = (fold: (s: string) => string) => (list: readonly string[], wanted: readonly string[]): string[] => {
  const have = new Set(list.map(fold));
  return wanted.filter((w) => have.has(fold(w)));
};

const SPECIFIC_KINDS = new Set(['city', 'town', 'village']);

/** The generator's vocabulary, or what the rule set lacks for it. */
export const vocabularyOf = (rules: Rules): E.Either<string[], Vocabulary> => {
  const [language, lang] = Object.entries(rules.languages).find(([, l]) => l.writing !== undefined) ?? [];
  if (!language || !lang || !lang.writing) return E.left(['no language of the rule set has writing rules (rules/languages/<lang>/writing.yaml)']);
  const PREFERRED = lang.writing.prefer;
  const { glue, feminine } = lang.writing;
  const { fold } = foldingOf(rules);
  const present = presentIn(fold);
  const article = fold(glue.article);
  const missing: string[] = [];
  const need = <T>(what: string, xs: readonly T[]): readonly T[] => {
    if (xs.length === 0) missing.push(what);
    return xs;
  };
  const one = (what: string, list: readonly string[], wanted: readonly string[]): string =>
    need(what, present(list, wanted))[0] ?? '';

  const introducers = new Set(lang.events.placeIntroducers.map(fold));
  const ambiguous = (note: string | undefined): boolean => !!note && /ambiguous|same name as/.test(note);
  // A name must belong to one place only, or the extractor cannot tell which is meant.
  const owners = new Map<string, number>();
  for (const p of rules.places) for (const n of p.ar) owners.set(fold(n), (owners.get(fold(n)) ?? 0) + 1);
  const places: PlaceWord[] = rules.places
    .filter((p) => SPECIFIC_KINDS.has(p.kind) && !ambiguous(p.note))
    .map((p) => ({
      id: p.id, kind: p.kind, governorate: p.governorate, district: p.district ?? null,
      names: p.ar.filter((n) => owners.get(fold(n)) === 1 && !introducers.has(fold(n).split(' ')[0]!)),
    }))
    .filter((p) => p.names.length > 0);
  const placesByGovernorate = new Map<string, PlaceWord[]>();
  for (const p of places) placesByGovernorate.set(p.governorate, [...(placesByGovernorate.get(p.governorate) ?? []), p]);
  const governorateNames = new Map(rules.places.filter((p) => p.kind === 'governorate').map((p) => [p.id, p.ar[0]!]));

  const sources = new Map(rules.sources.map((s) => [s.id, s.aliases[language] ?? []]));
  const actors = new Map(rules.actors.map((a) => [a.id, {
    aliases: a.aliases[language] ?? [],
    adjective: (a.adjectives[language] ?? []).find((x) => !fold(x).startsWith(article)) ?? null,
  }]));

  const speechSet = new Set(lang.sources.speech.map(fold));
  const speech = PREFERRED.speech.filter((v) => speechSet.has(fold(v)) && speechSet.has(fold(`${v}${feminine.verbEnding}`)))
    .map((v) => [v, `${v}${feminine.verbEnding}`] as const);
  need('speech verbs with a feminine form (sources.speech)', speech);

  const heads = new Map<Group, HeadForms>();
  for (const [group, forms] of Object.entries(PREFERRED.heads) as [Group, HeadForms][]) {
    const list = lang.victims.heads.filter((h) => h.group === group).flatMap((h) => h.phrases);
    if (present(list, [forms.plural]).length && present(list, [forms.accusative]).length) heads.set(group, forms);
    else missing.push(`victim heads for ${group} (${forms.plural}, ${forms.accusative})`);
  }

  const byQualifier = (entries: readonly { phrase: string; qualifier: string }[]) => {
    const m = new Map<string, string[]>();
    for (const e of entries) m.set(e.qualifier, [...(m.get(e.qualifier) ?? []), e.phrase]);
    return m;
  };
  const numberWords = new Map<number, string>();
  for (const [word, value] of Object.entries(lang.numbers.words)) {
    if (value >= 3 && value <= 10 && !numberWords.has(value)) numberWords.set(value, word);
  }
  const months = new Map<number, string[]>();
  for (const [name, m] of Object.entries(lang.dates.months)) months.set(m, [...(months.get(m) ?? []), name]);
  const weekdays = new Map<number, string>();
  for (const [name, d] of Object.entries(lang.dates.weekdays)) if (!weekdays.has(d)) weekdays.set(d, name);
  const relative = (offset: number): string => Object.entries(lang.dates.relativeDays).find(([, d]) => d === offset)?.[0] ?? '';
  if (!relative(0) || !relative(-1)) missing.push('relative days for today and yesterday (dates.relativeDays)');
  if (months.size < 12) missing.push('a name for every month (dates.months)');
  if (weekdays.size < 7) missing.push('a name for every weekday (dates.weekdays)');

  const outcomes = lang.outcomes;
  const combatantHeads = lang.victims.heads.filter((h) => h.group === 'combatants' && h.affiliation === null).flatMap((h) => h.phrases);
  const targetWords = lang.events.targets.filter((t) => !introducers.has(fold(t)));
  const vocabulary: Vocabulary = {
    language,
    writing: lang.writing,
    spell: spellingVariant(lang.writing),
    places: need('specific, unambiguous gazetteer places with Arabic names', places),
    placesByGovernorate,
    governorateNames,
    sources,
    actors,
    speech,
    according: need('according phrases (sources.according)', present(lang.sources.according, PREFERRED.according)),
    relayTo: one('relayTo (sources.relayTo)', lang.sources.relayTo, PREFERRED.relayTo),
    killedBefore: need('killed cues (outcomes.killedBefore)', present(outcomes.killedBefore, PREFERRED.killedBefore)),
    injuredBefore: need('injured cues (outcomes.injuredBefore)', present(outcomes.injuredBefore, PREFERRED.injuredBefore)),
    killedAfter: one('killed verbs after a figure (outcomes.killedAfter)', outcomes.killedAfter, PREFERRED.killedAfter),
    injuredAfter: one('injured verbs after a figure (outcomes.injuredAfter)', outcomes.injuredAfter, PREFERRED.injuredAfter),
    killedVerb: one('a killed verb (outcomes.killedBefore)', outcomes.killedBefore, PREFERRED.killedVerb),
    injuredVerb: one('an injured verb (outcomes.injuredBefore)', outcomes.injuredBefore, PREFERRED.injuredVerb),
    militants: {
      plural: one('militants (victims.heads)', combatantHeads, [PREFERRED.militants.plural]),
      accusative: one('militants (victims.heads)', combatantHeads, [PREFERRED.militants.accusative]),
    },
    attack: need('air-strike nouns (stances.attackNouns)', present(lang.stances.attackNouns, PREFERRED.attack)),
    heads,
    breakdown: one('a breakdown cue (victims.breakdown)', lang.victims.breakdown, PREFERRED.breakdown),
    others: {
      accusative: one('"others" (victims.others)', lang.victims.others, PREFERRED.othersAccusative),
      nominative: one('"others" (victims.others)', lang.victims.others, PREFERRED.othersNominative),
    },
    partitive: one('a partitive (victims.partitive)', lang.victims.partitive, PREFERRED.partitive),
    qualBefore: byQualifier(lang.qualifiers.before),
    qualAfter: byQualifier(lang.qualifiers.after),
    mayRise: need('may-rise phrases (qualifiers.mayRise)', lang.qualifiers.mayRise),
    vague: lang.numbers.vague.filter((v) => v.min <= 100 && !fold(v.phrase).startsWith(article)),
    numberWords,
    months,
    weekdays,
    today: relative(0),
    yesterday: relative(-1),
    partsOfDay: need('parts of day (dates.partsOfDay)', present(lang.dates.partsOfDay, PREFERRED.partsOfDay)),
    doerWords: need('doer words (stances.doerBefore)', present(lang.stances.doerBefore, PREFERRED.doerWords)),
    likely: need('likely hedges (stances.likely)', present(lang.stances.likely, PREFERRED.likely)),
    possible: need('possible hedges (stances.possible)', present(lang.stances.possible, PREFERRED.possible)),
    deny: [one('a denial verb (stances.deny)', lang.stances.deny, PREFERRED.deny[0]), one('a denial verb (stances.deny)', lang.stances.deny, PREFERRED.deny[1])],
    acknowledge: [one('an acknowledgement verb (stances.acknowledge)', lang.stances.acknowledge, PREFERRED.acknowledge[0]),
      one('an acknowledgement verb (stances.acknowledge)', lang.stances.acknowledge, PREFERRED.acknowledge[1])],
    announce: [one('an announcement verb (stances.acknowledge)', lang.stances.acknowledge, PREFERRED.announce[0]),
      one('an announcement verb (stances.acknowledge)', lang.stances.acknowledge, PREFERRED.announce[1])],
    doerVerbs: need('doer verbs (stances.doerBefore)', present(lang.stances.doerBefore, PREFERRED.doerVerbs)),
    tally: [one('a tally verb (events.tally)', lang.events.tally, PREFERRED.tally[0]), one('a tally verb (events.tally)', lang.events.tally, PREFERRED.tally[1])],
    // a period is composed (totals.yaml): a strong preposition and a definite month ("خلال الشهر")
    period: one('a period phrase (events.periods, or a preposition and a month in totals)', [...lang.events.periods,
      ...(lang.totals?.monthPrepositions ?? []).flatMap((p) => (lang.totals?.units ?? []).filter((u) => u.unit === 'month' && u.count === 1).map((u) => `${p} ${glue.article}${u.phrase}`))], PREFERRED.period),
    previous: one('"previous" (dates.previous)', lang.dates.previous, PREFERRED.previous),
    targets: need('target words (events.targets)', present(targetWords, PREFERRED.targets)),
    placeIntro: new Map(Object.entries(PREFERRED.placeIntro).filter(([, w]) => introducers.has(fold(w)))),
    regionIntro: one('a region introducer (events.regionIntroducers)', lang.events.regionIntroducers, PREFERRED.regionIntro),
    governorateIntro: one('a governorate introducer (events.regionIntroducers)', lang.events.regionIntroducers, PREFERRED.governorateIntro),
  };
  return missing.length ? E.left(missing) : E.right(vocabulary);
};
