/**
 * The language of a report that gives none, as the rule set says (rules/languages/<lang>/
 * script.yaml): `letters` names the Unicode script of a language's letters (Arabic), and one
 * language is `guessOtherwise`, the language of a text no script claims. Compiled once per rule set.
 */
import type { RuleProblem } from './load.js';
import { byCode, oncePerLanguages, type Languages } from './per-languages.js';
import { lettersOf, NO_GUESS, type LanguageGuess } from '../read/text.js';

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

/** How the reader guesses the language of a report that gives none (compiled once per `languages`). */
export const languageGuessOf = oncePerLanguages(compileGuess);

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
