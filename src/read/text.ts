/**
 * Bytes to report text, exactly as CONTRACT.md requires (UTF-8, a leading byte-order mark
 * removed, nothing else changed), and a guess at the language of text with no metadata.
 */
import * as E from 'fp-ts/lib/Either.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 text with one leading BOM removed; Left with a reason when the bytes are not UTF-8. */
export const decodeUtf8 = (bytes: Uint8Array): E.Either<string, string> => {
  try {
    return E.right(utf8.decode(bytes));
  } catch {
    return E.left('the file is not valid UTF-8 text');
  }
};

/**
 * How a text with no language given is given one, from the rule set (rules/languages/<lang>/
 * script.yaml `letters` and `guessOtherwise`, compiled by src/rules/guess.ts): the first
 * language (by code) whose script has more than half of the text's letters, else `otherwise`.
 */
export type LanguageGuess = {
  readonly byLetters: readonly { readonly language: string; readonly letters: RegExp }[];
  readonly otherwise: string;
};

/** Without a rule set no language is known: ISO 639's code for an undetermined language. */
export const NO_GUESS: LanguageGuess = { byLetters: [], otherwise: 'und' };

/** A global test for the letters of one Unicode script (`Arabic`, `Latin`). */
export const lettersOf = (script: string): RegExp => new RegExp(`(?=\\p{L})\\p{Script=${script}}`, 'gu');

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** The language of a text by the script of more than half of its letters, else `guess.otherwise`. */
export const guessLanguage = (text: string, guess: LanguageGuess): string => {
  const letters = count(text, /\p{L}/gu);
  if (letters === 0) return guess.otherwise;
  return guess.byLetters.find((l) => count(text, l.letters) * 2 > letters)?.language ?? guess.otherwise;
};
