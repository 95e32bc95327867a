/**
 * How rule words meet tokens across clitics: a token with a clitic of its own may match a rule
 * word, but a bare token never matches a rule word with a clitic cut off it (a particle such as
 * "لولا" is no "ل" + "ولا"); the article is no such clitic ("روسية" is "الروسية" without it).
 */
import { describe, expect, it } from 'vitest';
import { makeMatcher, phraseSet } from '../../src/extract/lexicon.js';
import { tokenize } from '../../src/extract/tokens.js';
import { fold, shippedFolding } from '../support/rules.js';

const ARTICLES = ['ال', 'وال', 'بال', 'لل'];
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', ...ARTICLES];
const matcher = makeMatcher(shippedFolding(), CLITICS, {}, null, ARTICLES);
const reads = (phrase: string, text: string): boolean => {
  const set = phraseSet(matcher, [phrase]);
  const tokens = tokenize(fold(text));
  return tokens.some((_, i) => set.matchAt(tokens, i) !== null);
};

describe('rule words across clitics', () => {
  it.each([
    ['لولا', 'ولولا'], ['لولا', 'لولا'], ['حياة', 'بحياة'], ['حياة', 'وبحياة'], ['بحياة', 'وبحياة'], ['بحياة', 'بحياة'], ['بحياة', 'لحياة'],
    ['الروسية', 'روسية'], ['الروسية', 'والروسية'], ['بالقرية', 'قرية'],
  ])('the rule word %s reads the token %s (the token carries its own clitic, or none is cut)', (rule, token) => {
    expect(reads(rule, token)).toBe(true);
  });
  it.each([
    ['لولا', 'ولا'], ['بحياة', 'حياة'], ['وقتل', 'قتل'], ['فلما', 'لما'],
  ])('the rule word %s does not read the bare token %s (a clitic would have to be cut off the rule word)', (rule, token) => {
    expect(reads(rule, token)).toBe(false);
  });
});
