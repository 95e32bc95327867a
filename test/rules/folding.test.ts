/**
 * The folds of a rule set are the union of its languages' script folds, validated, and two
 * languages that fold one character differently are a rules problem.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { checkFolds, foldingOf, foldTableOf } from '../../src/rules/folding.js';
import { checkGuess, compileGuess } from '../../src/rules/guess.js';
import { ScriptRules } from '../../src/rules/language-schema.js';
import { parseRules } from '../../src/rules/load.js';
import { readRuleFiles, shippedRules } from '../support/rules.js';

const script = (extra: Record<string, unknown>) => ({ script: ScriptRules.parse({ direction: 'ltr', sentenceEnds: ['.'], ...extra }) });

describe('the folds of a rule set', () => {
  it('are the union over its languages, the first by code winning a clash', () => {
    const languages = { xx: script({ folds: { 'ß': 'ss' }, removed: ['~'] }), aa: script({ folds: { 'ß': 'sz', 'ø': 'o' }, digits: ['ABCDEFGHIJ'] }) };
    expect(foldTableOf(languages)).toEqual({ folds: { 'ß': 'sz', 'ø': 'o' }, removed: ['~'], digits: ['ABCDEFGHIJ'] });
    expect(checkFolds(languages)).toEqual([expect.objectContaining({ file: 'languages/xx/script.yaml', path: 'folds.ß', code: 'fold-conflict' })]);
    expect(checkFolds({ xx: script({ folds: { 'ß': 'ss' } }), aa: script({ folds: { 'ß': 'ss' } }) })).toEqual([]);
  });

  it('fold a language with no folds of its own by the others: English text quoting Arabic', () => {
    const { rules } = shippedRules();
    expect(Object.keys(rules.languages.en!.script.folds)).toEqual([]);
    const { fold } = foldingOf(rules);
    expect(fold('Ariha (أريحا)')).toBe(fold('ariha (اريحا)'));
    // compiled once per rule set
    expect(foldingOf(rules)).toBe(foldingOf({ languages: rules.languages }));
  });

  it('are validated: one unit a fold, ranges "a-b", ten digits a set', () => {
    expect(ScriptRules.safeParse({ direction: 'ltr', sentenceEnds: ['.'], folds: { ab: 'c' } }).success).toBe(false);
    expect(ScriptRules.safeParse({ direction: 'ltr', sentenceEnds: ['.'], removed: ['z-a'] }).success).toBe(false);
    expect(ScriptRules.safeParse({ direction: 'ltr', sentenceEnds: ['.'], removed: ['abc'] }).success).toBe(false);
    expect(ScriptRules.safeParse({ direction: 'ltr', sentenceEnds: ['.'], digits: ['012345678'] }).success).toBe(false);
    expect(ScriptRules.safeParse({ direction: 'ltr', sentenceEnds: ['.'], digits: ['0123456780'] }).success).toBe(false);
    expect(ScriptRules.safeParse({ direction: 'ltr', sentenceEnds: ['.'], folds: { a: 'b' }, removed: ['a-c', 'x'], digits: ['0123456789'] }).success).toBe(true);
  });

  it('a rule set whose languages fold a character differently does not load', () => {
    const files = structuredClone(readRuleFiles()) as Record<string, any>;
    files['languages/en/script.yaml'].folds = { 'ة': 'ت' };
    const r = parseRules(files);
    expect(E.isLeft(r) && r.left.map((p) => [p.file, p.code])).toEqual([['languages/en/script.yaml', 'fold-conflict']]);
  });
});

describe('the language guess of a rule set', () => {
  it('is read from the scripts: letters per language, one language for the rest', () => {
    const g = compileGuess({ xx: script({ letters: 'Cyrillic' }), yy: script({ guessOtherwise: true }), zz: script({}) });
    expect(g.byLetters.map((l) => l.language)).toEqual(['xx']);
    expect(g.otherwise).toBe('yy');
    expect(compileGuess({ zz: script({}) }).otherwise).toBe('und');
  });

  it('is validated: a script name Unicode knows, one language for texts no script claims', () => {
    expect(checkGuess({ xx: script({ letters: 'Klingon' }), yy: script({ guessOtherwise: true }), zz: script({ guessOtherwise: true }) }).map((p) => [p.file, p.code]))
      .toEqual([['languages/xx/script.yaml', 'unknown-script'], ['languages/zz/script.yaml', 'duplicate-guess']]);
    expect(checkGuess(shippedRules().rules.languages)).toEqual([]);
  });
});
