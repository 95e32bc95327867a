/**
 * The language of a report that gives none, as the rule set says (rules/languages/<lang>/
 * script.yaml): `letters` names the Unicode script of a language's letters (Arabic), and one
 * language is `guessOtherwise`, the language of a text no script claims. Compiled once per rule set.
 */
import type { RuleProblem } from './load.js';
import type { LanguageRules } from './language-schema.js';
import type { Rules } from './schema.js';
import { lettersOf, NO_GUESS, type LanguageGuess } from '../read/text.js';

type Languages = Readonly<Record<string, Pick<LanguageRules, 'script'>>>;

const byCode = (languages: Languages) => Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const validScript = (script: string): boolean => {
  try { lettersOf(script); return true; } catch { return false; }
};

export const compileGuess = (languages: Languages): LanguageGuess => {
  const langs = byCode(languages);
  return {
    byLetters: langs.flatMap(([language, l]) => (l.script.letters && validScript(l.script.letters) ? [{ language, letters: lettersOf(l.script.letters) }] : [])),
    otherwise: langs.find(([, l]) => l.script.guessOtherwise)?.[0] ?? NO_GUESS.otherwise,
  };
};

const compiled = new WeakMap<object, LanguageGuess>();

/** How the reader guesses the language of a report that gives none (compiled once per `languages`). */
export const languageGuessOf = (rules: Pick<Rules, 'languages'>): LanguageGuess => {
  let g = compiled.get(rules.languages);
  if (!g) { g = compileGuess(rules.languages); compiled.set(rules.languages, g); }
  return g;
};

/** A script name that is no Unicode script, and more than one language read when no script claims a text. */
export const checkGuess = (languages: Languages): RuleProblem[] => {
  const langs = byCode(languages);
  const otherwise = langs.filter(([, l]) => l.script.guessOtherwise).map(([code]) => code);
  return [
    ...langs.flatMap(([code, l]) => (l.script.letters === undefined || validScript(l.script.letters) ? [] : [{
      file: `languages/${code}/script.yaml`, path: 'letters', code: 'unknown-script',
      message: `'${l.script.letters}' is not a Unicode script name (Arabic, Latin, Cyrillic, …)`,
    }])),
    ...otherwise.slice(1).map((code) => ({
      file: `languages/${code}/script.yaml`, path: 'guessOtherwise', code: 'duplicate-guess',
      message: `${otherwise[0]} is already the language of a text no script claims: only one language can be`,
    })),
  ];
};
