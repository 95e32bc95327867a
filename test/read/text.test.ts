import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, guessLanguage, lettersOf, NO_GUESS } from '../../src/read/text.js';
import { languageGuessOf } from '../../src/rules/guess.js';
import { shippedRules } from '../support/rules.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('removes one leading BOM and keeps a second one', () => {
    expect(decodeUtf8(enc('\uFEFF\uFEFFabc'))).toEqual(E.right('\uFEFFabc'));
  });
  it('keeps a BOM that is not at the start', () => {
    expect(decodeUtf8(enc('a\uFEFFb'))).toEqual(E.right('a\uFEFFb'));
  });
  it('refuses bytes that are not UTF-8', () => {
    expect(E.isLeft(decodeUtf8(new Uint8Array([0xc3, 0x28])))).toBe(true);
  });
});

describe('guessLanguage', () => {
  const shipped = languageGuessOf(shippedRules().rules);
  it.each([
    ['قال المرصد السوري لحقوق الإنسان إن 28 مدنيا قتلوا', 'ar'],
    ['The Syrian Observatory said 28 civilians were killed', 'en'],
    ['Reuters: قتل 28 مدنيا في غارة على مصنع للثلج', 'ar'],
    ['SOHR (المرصد) says 28 civilians were killed near the border', 'en'],
    ['12 34 56', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(guessLanguage(text, shipped)).toBe(lang);
  });

  it('reads the languages and their scripts from the guess, not from code', () => {
    const guess = { byLetters: [{ language: 'xx', letters: lettersOf('Cyrillic') }, { language: 'yy', letters: lettersOf('Greek') }], otherwise: 'zz' };
    expect(guessLanguage('Москва 12', guess)).toBe('xx');
    expect(guessLanguage('Αθήνα and more words', guess)).toBe('zz');
    expect(guessLanguage('Αθήνα Σπάρτη', guess)).toBe('yy');
    expect(guessLanguage('', guess)).toBe('zz');
    // with no rule set no language is known
    expect(guessLanguage('The Syrian Observatory said', NO_GUESS)).toBe('und');
  });
});
