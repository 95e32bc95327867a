/**
 * Texts in one language of a rule set, built from that language's own vocabulary: claim-like
 * sentences (speaker, qualifier, figure, victims, outcome, place, date, doer) in natural and
 * scrambled orders, with stray phrases, list markers and arbitrary characters mixed in.
 */
import fc from 'fast-check';
import { foldTableOf } from '../rules/folding.js';
import { byCode } from '../rules/per-languages.js';
import type { Rules } from '../rules/schema.js';
import type { LanguageVocabulary } from './vocabulary.js';

/**
 * What the scripts of a rule set put into text of any language, since a report quotes names
 * and figures in another script: their digit sets (rules: script.digits), their commas
 * besides the Latin one, and one unit of each kind that folding removes (script.removed:
 * diacritics, tatweel, the Arabic letter mark).
 */
export type ScriptMarks = { readonly digits: readonly string[]; readonly marks: readonly string[] };

export const scriptMarksOf = (rules: Pick<Rules, 'languages'>): ScriptMarks => {
  const table = foldTableOf(rules.languages);
  const scripts = byCode(rules.languages).map(([, l]) => l.script);
  const commas = scripts.flatMap((s) => s.commas).filter((c) => c !== ',');
  return { digits: table.digits, marks: [...new Set([...commas, ...table.removed.map((r) => r.charAt(0))])] };
};

/** Any of the phrases, written out: `word*` (any word it begins) and `#` (a number) made concrete. */
const phraseOf = (phrases: readonly string[]): fc.Arbitrary<string> =>
  phrases.length === 0 ? fc.constant('') : fc.tuple(fc.constantFrom(...phrases), fc.integer({ min: 1, max: 72 }), fc.boolean())
    .map(([p, n, extend]) => p.split(/\s+/).map((w) => (w === '#' ? String(n) : w.endsWith('*') ? `${w.slice(0, -1)}${extend ? w.slice(-2, -1) : ''}` : w)).join(' '));

const maybe = (arb: fc.Arbitrary<string>, freq = 2): fc.Arbitrary<string> => fc.option(arb, { nil: '', freq });

/** A number written in the digits of one of the rule set's scripts (script.digits). */
const scriptDigitsOf = (digits: readonly string[]): { weight: number; arbitrary: fc.Arbitrary<string> }[] => (digits.length === 0 ? [] : [{
  weight: 1,
  arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(...digits))
    .map(([n, set]) => [...String(n)].map((d) => [...set][Number(d)]).join('')),
}]);

/** Figures as digits (ASCII or the scripts' own, with thousands separators), number words, compounds and vague words. */
const figureOf = (v: LanguageVocabulary): fc.Arbitrary<string> => fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 120 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 99_999 }).map((n) => n.toLocaleString('en-US')) },
  ...scriptDigitsOf(v.scriptMarks.digits),
  { weight: 3, arbitrary: phraseOf(v.numberWords) },
  { weight: 1, arbitrary: fc.tuple(phraseOf(v.numberWords), phraseOf(v.joiners), phraseOf(v.numberWords)).map((ws) => ws.filter(Boolean).join(' ')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 500 }), phraseOf(v.multipliers)).map(([n, m]) => `${n} ${m}`) },
  { weight: 2, arbitrary: phraseOf(v.vague) },
);

/** A claim-like sentence: the parts in their usual order, or shuffled. */
const sentenceOf = (v: LanguageVocabulary): fc.Arbitrary<string> => fc.tuple(
  fc.tuple(
    maybe(phraseOf(v.sources), 3), maybe(phraseOf(v.speech), 3), maybe(phraseOf(v.outcomesBefore), 3),
    maybe(phraseOf(v.qualifiersBefore)), figureOf(v), maybe(phraseOf(v.heads), 4), maybe(phraseOf(v.qualifiersAfter)),
    maybe(phraseOf(v.outcomesAfter)),
  ),
  fc.tuple(
    maybe(fc.tuple(phraseOf(v.links), figureOf(v), phraseOf(v.heads)).map((ws) => ws.join(' '))),
    maybe(phraseOf(v.placeWords)), maybe(phraseOf(v.places), 3), maybe(phraseOf(v.dates), 3),
    maybe(phraseOf(v.stanceCues), 3), maybe(phraseOf(v.actors), 3), maybe(phraseOf(v.other), 1),
  ),
  fc.boolean(),
  fc.array(fc.nat(), { maxLength: 3 }),
).map(([head, tail, scramble, swaps]) => {
  const parts = [...head, ...tail].filter(Boolean);
  if (scramble) for (const s of swaps) { const i = s % parts.length, j = (s >> 3) % parts.length; [parts[i], parts[j]] = [parts[j]!, parts[i]!]; }
  return parts.join(' ');
});

const pieceOf = (v: LanguageVocabulary): fc.Arbitrary<string> => fc.oneof(
  { weight: 8, arbitrary: fc.tuple(sentenceOf(v), phraseOf(v.sentenceEnds.length ? v.sentenceEnds : ['.'])).map(([s, end]) => `${s}${end}`) },
  { weight: 1, arbitrary: fc.tuple(phraseOf(v.listMarkers), sentenceOf(v)).map(([m, s]) => `\n${m} ${s}\n`) },
  { weight: 1, arbitrary: phraseOf([...v.other, ...v.places, ...v.sources]) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('\n', ',', '"', '«', '»', '(', ')', ' - ', '\u200f', ...v.scriptMarks.marks) },
);

/** A text of one to a few sentences in the vocabulary's language. */
export const textOf = (v: LanguageVocabulary): fc.Arbitrary<string> =>
  fc.array(pieceOf(v), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(' '));
