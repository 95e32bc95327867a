/**
 * Name checks of a rule set: an alias names one source (or one actor), a place name is
 * shared only with the places it declares in `sharesNameWith`, and a phrase of a language
 * file never means two contradictory things. Names compare as the matcher sees them (folded).
 */
import type { LanguageRules } from './language-schema.js';
import type { Actor, Place, Source } from './schema.js';
import type { RuleProblem } from './load.js';
import type { Fold } from '../text/normalise.js';

/** Where one name occurs: the entry it belongs to and its path in the file. */
type Occurrence = { readonly owner: string; readonly path: string; readonly text: string };

const problem = (file: string, path: string, code: string, message: string): RuleProblem => ({ file, path, code, message });

/** Every folded name → its occurrences, in file order. */
const indexNames = (entries: readonly { owner: string; names: readonly string[]; path: (k: number) => string }[], fold: Fold): Map<string, Occurrence[]> => {
  const index = new Map<string, Occurrence[]>();
  for (const e of entries) {
    e.names.forEach((name, k) => {
      const key = fold(name);
      const list = index.get(key) ?? [];
      list.push({ owner: e.owner, path: e.path(k), text: name });
      index.set(key, list);
    });
  }
  return index;
};

/** Each occurrence of a name after the first owner's, when it belongs to a different owner and `allowed` says no. */
const clashes = (index: Map<string, Occurrence[]>, allowed: (a: string, b: string) => boolean) =>
  [...index.values()].flatMap((occurrences) => {
    const out: { first: Occurrence; other: Occurrence }[] = [];
    const reported = new Set<string>();
    occurrences.forEach((o, k) => {
      const first = occurrences.slice(0, k).find((p) => p.owner !== o.owner && !allowed(p.owner, o.owner));
      const pair = first ? [first.owner, o.owner].sort().join('\n') : '';
      if (first && !reported.has(pair)) { reported.add(pair); out.push({ first, other: o }); }
    });
    return out;
  });

type Aliases = Source['aliases'];

/** An alias that names two entries of one file (two sources, two actors): the matcher could only pick one blindly. */
const sharedAliases = (file: string, list: string, noun: string, field: string,
  entries: readonly { readonly id: string; readonly names: Aliases }[], fold: Fold): RuleProblem[] =>
  [...new Set(entries.flatMap((e) => Object.keys(e.names)))].sort().flatMap((lang) => {
    const index = indexNames(entries.map((e, i) => ({ owner: e.id, names: e.names[lang] ?? [], path: (k: number) => `${list}[${i}].${field}.${lang}[${k}]` })), fold);
    return clashes(index, () => false).map(({ first, other }) => problem(file, other.path, 'shared-alias',
      `'${other.text}' names two ${noun}s, ${first.owner} (at ${first.path}) and ${other.owner}: an alias must name one ${noun}; remove it from one of them`));
  });

export const checkSourceAliases = (sources: readonly Source[], fold: Fold): RuleProblem[] =>
  sharedAliases('sources.yaml', 'sources', 'source', 'aliases', sources.map((s) => ({ id: s.id, names: s.aliases })), fold);

export const checkActorAliases = (actors: readonly Actor[], fold: Fold): RuleProblem[] => [
  ...sharedAliases('actors.yaml', 'actors', 'actor', 'aliases', actors.map((a) => ({ id: a.id, names: a.aliases })), fold),
  ...sharedAliases('actors.yaml', 'actors', 'actor', 'adjectives', actors.map((a) => ({ id: a.id, names: a.adjectives })), fold),
];

/** A place's names by language: the gazetteer's name fields (one per script), as sources and actors give theirs. */
const namesByLanguage = (p: Place): Readonly<Record<string, readonly string[]>> => ({ ar: p.ar, en: p.en });

/** A place name shared with another place needs `sharesNameWith` on either side; a declaration needs a shared name. */
export const checkPlaceNames = (places: readonly Place[], fold: Fold): RuleProblem[] => {
  const declared = new Set(places.flatMap((p) => (p.sharesNameWith ?? []).map((o) => [p.id, o].sort().join('\n'))));
  const allowed = (a: string, b: string): boolean => declared.has([a, b].sort().join('\n'));
  const sharing = new Set<string>();
  const out: RuleProblem[] = [];
  const languages = [...new Set(places.flatMap((p) => Object.keys(namesByLanguage(p))))].sort();
  for (const lang of languages) {
    const index = indexNames(places.map((p, i) => ({ owner: p.id, names: namesByLanguage(p)[lang] ?? [], path: (k: number) => `places[${i}].${lang}[${k}]` })), fold);
    for (const occurrences of index.values()) {
      const owners = [...new Set(occurrences.map((o) => o.owner))];
      for (const a of owners) for (const b of owners) if (a < b) sharing.add(`${a}\n${b}`);
    }
    out.push(...clashes(index, allowed).map(({ first, other }) => problem('gazetteer.yaml', other.path, 'shared-place-name',
      `'${other.text}' names two places, ${first.owner} (at ${first.path}) and ${other.owner}: if both are right, add ${first.owner} to sharesNameWith of ${other.owner} `
      + '(the matcher then takes a city after a city word, else the governorate, else the first by id); otherwise remove the name from one')));
  }
  const index = new Map(places.map((p) => [p.id, p]));
  places.forEach((p, i) => (p.sharesNameWith ?? []).forEach((o, k) => {
    if (index.has(o) && !sharing.has([p.id, o].sort().join('\n'))) {
      out.push(problem('gazetteer.yaml', `places[${i}].sharesNameWith[${k}]`, 'stale-tie-break', `${p.id} shares no name with ${o}; remove ${o} from sharesNameWith`));
    }
  }));
  return out;
};

/** Phrases (folded) of one list that map to different meanings: `fileOf` names the language file. */
const contradictionsOf = (fold: Fold) => (file: string, list: string, entries: readonly { phrase: string; meaning: string; path: string }[]): RuleProblem[] => {
  const seen = new Map<string, { meaning: string; path: string }>();
  const out: RuleProblem[] = [];
  for (const e of entries) {
    const key = fold(e.phrase);
    const held = seen.get(key);
    if (!held) { seen.set(key, e); continue; }
    if (held.meaning !== e.meaning) {
      out.push(problem(file, e.path, 'conflicting-phrase', `'${e.phrase}' is ${e.meaning} here but ${held.meaning} at ${held.path} (${list}): a phrase can mean only one thing`));
    }
  }
  return out;
};

const recordEntries = (record: Readonly<Record<string, number>>, field: string, meaning: (v: number) => string) =>
  Object.entries(record).map(([phrase, v]) => ({ phrase, meaning: meaning(v), path: `${field}.${phrase}` }));

/** Contradictions within one language's files; `fileOf(family)` is the file's relative path. */
export const checkLanguagePhrases = (lang: LanguageRules, fileOf: (family: string) => string, fold: Fold): RuleProblem[] => {
  const contradictions = contradictionsOf(fold);
  return [
    ...contradictions(fileOf('numbers'), 'number words', recordEntries(lang.numbers.words, 'words', (v) => `the number ${v}`)),
    ...contradictions(fileOf('numbers'), 'multipliers', recordEntries(lang.numbers.multipliers, 'multipliers', (v) => `×${v}`)),
    ...contradictions(fileOf('dates'), 'months', recordEntries(lang.dates.months, 'months', (v) => `month ${v}`)),
    ...contradictions(fileOf('dates'), 'weekdays', recordEntries(lang.dates.weekdays, 'weekdays', (v) => `weekday ${v}`)),
    ...(['before', 'after'] as const).flatMap((side) => contradictions(fileOf('qualifiers'), `qualifiers ${side}`,
      lang.qualifiers[side].map((q, i) => ({ phrase: q.phrase, meaning: `'${q.qualifier}'`, path: `${side}[${i}].phrase` })))),
    ...contradictions(fileOf('victims'), 'victim heads', lang.victims.heads.flatMap((h, i) => h.phrases.map((phrase, k) => ({
      phrase, meaning: `the group ${h.group}${h.affiliation ? `/${h.affiliation}` : ''}${h.adjective ? ' (adjective)' : ''}`, path: `heads[${i}].phrases[${k}]`,
    })))),
    ...(['Before', 'After', 'Heads'] as const).flatMap((where) => contradictions(fileOf('outcomes'), `outcomes`, [
      ...lang.outcomes[`killed${where}`].map((phrase, k) => ({ phrase, meaning: 'killed', path: `killed${where}[${k}]` })),
      ...lang.outcomes[`injured${where}`].map((phrase, k) => ({ phrase, meaning: 'injured', path: `injured${where}[${k}]` })),
    ])),
  ];
};
