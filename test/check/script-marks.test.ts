/** The property-test texts carry the digits and marks of every script of the rule set, from the rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptMarksOf, textOf } from '../../src/check/text.js';
import { vocabularyOf } from '../../src/check/vocabulary.js';
import { ScriptRules } from '../../src/rules/language-schema.js';
import { shippedRules } from '../support/rules.js';

const script = (extra: Record<string, unknown>) => ({ script: ScriptRules.parse({ direction: 'ltr', sentenceEnds: ['.'], ...extra }) });

describe('script marks', () => {
  it('are the digit sets, the commas other than "," and one unit of each removed entry of every language', () => {
    const marks = scriptMarksOf({ languages: { xx: script({ commas: [',', ';;'], removed: ['\u0300-\u036F', '~'] }), yy: script({ digits: ['ABCDEFGHIJ'] }) } } as never);
    expect(marks).toEqual({ digits: ['ABCDEFGHIJ'], marks: [';;', '\u0300', '~'] });
  });

  it('put the scripts\' digits into texts of every language', () => {
    const { rules } = shippedRules();
    const { digits } = scriptMarksOf(rules);
    expect(digits.length).toBeGreaterThan(0);
    const scriptDigit = new RegExp(`[${digits.join('')}]`, 'u');
    for (const lv of vocabularyOf(rules).languages) {
      expect(fc.sample(textOf(lv), { seed: 3, numRuns: 300 }).some((t) => scriptDigit.test(t)), lv.language).toBe(true);
    }
  });
});
