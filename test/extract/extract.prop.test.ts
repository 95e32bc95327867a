/**
 * For any text (arbitrary Unicode, or sentences built from the rules' own vocabulary),
 * extraction does not throw and every quote is exactly the text at its span.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/model/claim.js';
import { shippedRules } from '../support/rules.js';
import { extract } from './support.js';

const quotesOf = (x: Extraction) => [
  ...x.mentions.flatMap((m) => [...m.claims, ...m.stances]),
  ...x.aggregates,
  ...x.looseStances,
];

const vocabulary = (): string[] => {
  const { rules } = shippedRules();
  const ar = rules.languages.ar!;
  return [
    ...Object.keys(ar.numbers.words), ...ar.numbers.vague.map((v) => v.phrase),
    ...ar.victims.heads.flatMap((h) => [...h.phrases, ...h.singular, ...h.dual]),
    ...ar.outcomes.killedBefore, ...ar.outcomes.injuredBefore, ...ar.outcomes.killedAfter,
    ...ar.sources.speech, ...ar.stances.doerBefore, ...ar.stances.likely, ...ar.stances.deny,
    ...ar.qualifiers.before.map((q) => q.phrase), ...Object.keys(ar.dates.months), ...Object.keys(ar.dates.weekdays),
    ...rules.sources.flatMap((s) => s.aliases.ar ?? []), ...rules.actors.flatMap((a) => a.aliases.ar ?? []),
    ...rules.places.slice(0, 80).flatMap((p) => p.ar),
    'بينهم', 'على الأقل', '،', '.', '\n', '– ', '"', '٣', '12', '1,200', 'ـ', 'ً',
  ];
};

const ruleText = () => fc.array(fc.oneof(fc.constantFrom(...vocabulary()), fc.integer({ min: 0, max: 400 }).map(String)), { maxLength: 60 })
  .map((words) => words.join(' '));

const checkQuotes = (text: string, publishedAt: string | null) => {
  const x = extract(text, { publishedAt, outlet: 'afp' });
  for (const q of quotesOf(x)) {
    expect(text.slice(q.span[0], q.span[1])).toBe(q.quote);
    expect(q.span[0]).toBeLessThanOrEqual(q.span[1]);
  }
  for (const m of x.mentions) for (const c of m.claims) expect(c.value === null || Number.isInteger(c.value)).toBe(true);
};

describe('extraction properties', () => {
  it('never throws on arbitrary Unicode and quotes match spans', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => checkQuotes(text, '2020-01-01')), { numRuns: 200 });
  });
  it('never throws on text built from the rules\' vocabulary and quotes match spans', () => {
    fc.assert(fc.property(ruleText(), fc.constantFrom('2018-07-13', null), (text, pub) => checkQuotes(text, pub)), { numRuns: 300 });
  });
});
