/**
 * Casualty phrases generated from the constructions themselves: for every claim construction
 * whose slots are figures, victim phrases, words of its classes, optional slots and clause
 * ends, a phrase in the pattern's word order with a figure written in digits, in words or in
 * Arabic-Indic digits, perhaps a qualifier before it, a victim noun of the language, and a
 * word of each class slot. Extraction reads back the generated value, group, outcome and
 * qualifier (the claim that starts at the figure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Construction, LanguageRules, Slot } from '../../src/rules/language-schema.js';
import { Qualifier } from '../../src/model/contract.js';
import { shippedRules } from '../support/rules.js';
import { claimsOf, extract } from './support.js';

type Piece = { readonly text: string; readonly cls?: string; readonly bare?: string; readonly value?: string | null; readonly figure?: number; readonly qualifier?: string; readonly group?: string };

const QUALIFIERS = Qualifier.options;
const INDIC = '٠١٢٣٤٥٦٧٨٩';
const indic = (n: number): string => String(n).replace(/\d/g, (d) => INDIC[Number(d)]!);

/** A slot this generator can write: no nodes, claims, asides (a class of marks only) or singular nouns. */
const writable = (lang: LanguageRules) => (slot: Slot): boolean => {
  if (typeof slot === 'string') return slot === 'figure' || slot === 'victim' || slot === 'end';
  if ('class' in slot) return phrasesOf(lang, slot.class).length > 0;
  if ('optional' in slot) return writable(lang)(slot.optional);
  if ('oneOf' in slot) return slot.oneOf.every(writable(lang));
  // a gap is written empty (the words next to it meet); a span is an aside, which needs words
  return 'gap' in slot;
};

/** The class's phrases with their values; punctuation marks left out (they are list marks). */
const phrasesOf = (lang: LanguageRules, name: string): { phrase: string; value: string | null }[] => {
  const body = lang.constructions.classes[name]!;
  const all = Array.isArray(body) ? body.map((phrase) => ({ phrase, value: null })) : Object.entries(body).flatMap(([value, ps]) => ps.map((phrase) => ({ phrase, value })));
  return all.filter((p) => /[\p{L}\p{N}]/u.test(p.phrase));
};

/** Victim nouns that head a figure alone: plural forms, no side needed, no adjective. */
const victimsOf = (lang: LanguageRules) => lang.victims.heads
  .filter((h) => !h.needsSide && !h.adjective && h.affiliation === null)
  .flatMap((h) => h.phrases.map((phrase) => ({ phrase, group: h.group })));

const figureOf = (lang: LanguageRules, arabic: boolean): fc.Arbitrary<Piece> => {
  const words = Object.entries(lang.numbers.words).filter(([, v]) => v >= 3 && v <= 10);
  const hedges = lang.qualifiers.before.filter((q) => q.qualifier === 'at-least' || q.qualifier === 'about' || q.qualifier === 'more-than');
  // a qualifier that extends a shorter one ("at least a" of "at least") goes before a number noun ("a dozen"), not a figure
  const quals = hedges.filter((q) => !lang.qualifiers.before.some((o) => o.phrase !== q.phrase && q.phrase.startsWith(`${o.phrase} `)));
  const written = fc.oneof(
    fc.integer({ min: 3, max: 900 }).map((n) => ({ text: String(n), figure: n })),
    ...(arabic ? [fc.integer({ min: 3, max: 900 }).map((n) => ({ text: indic(n), figure: n }))] : []),
    ...(words.length ? [fc.constantFrom(...words).map(([w, n]) => ({ text: w, figure: n }))] : []),
  );
  return fc.tuple(written, fc.option(fc.constantFrom(...quals), { nil: undefined }))
    .map(([f, q]) => (q ? { ...f, bare: f.text, text: `${q.phrase} ${f.text}`, qualifier: q.qualifier } : { ...f, qualifier: 'exact' }));
};

const slotOf = (lang: LanguageRules, slot: Slot, arabic: boolean): fc.Arbitrary<Piece | null> => {
  if (typeof slot === 'string') {
    if (slot === 'figure') return figureOf(lang, arabic);
    if (slot === 'victim') return fc.constantFrom(...victimsOf(lang)).map((v) => ({ text: v.phrase, group: v.group }));
    return fc.constant(null);
  }
  if ('class' in slot) return fc.constantFrom(...phrasesOf(lang, slot.class)).map((p) => ({ text: p.phrase, value: p.value, cls: slot.class }));
  if ('optional' in slot) return fc.option(slotOf(lang, slot.optional, arabic), { nil: null });
  if ('oneOf' in slot) return fc.oneof(...slot.oneOf.map((o) => slotOf(lang, o, arabic)));
  return fc.constant(null);
};

type Phrase = { readonly text: string; readonly value: number; readonly qualifier: string; readonly outcome: string | null; readonly group: string };

/** A phrase of the construction, with what it must be read as. */
const phraseOf = (lang: LanguageRules, c: Construction, arabic: boolean): fc.Arbitrary<Phrase> =>
  fc.tuple(...c.pattern.map((s) => slotOf(lang, s, arabic))).map((pieces) => {
    const field = (f: Construction['fields']['outcome']): string | null => {
      if (f === undefined) return null;
      if (typeof f === 'string') return f;
      if ('slot' in f) return pieces[f.slot]?.value ?? null;
      // one figure over two victims: their group, else the group that holds both (victims.joint), else all
      const [a, b] = f.joint.map((k) => pieces[k]?.group);
      if (!a || !b) return null;
      if (a === b) return a;
      return Object.entries(lang.victims.joint).find(([, gs]) => gs!.includes(a as never) && gs!.includes(b as never))?.[0] ?? 'all';
    };
    const qualifier = (v: string | null | undefined): string | null => (v && (QUALIFIERS as readonly string[]).includes(v) ? v : null);
    // a class written twice in a row is one mark ("and" then ", and" is no English): the second goes
    const given = pieces.filter((p): p is Piece => p !== null).filter((p, k, xs) => p.cls === undefined || xs[k - 1]?.cls !== p.cls);
    // one qualifier a phrase: a qualifier word of the pattern leaves the figure without one before it
    const lends = given.some((p) => p.figure === undefined && qualifier(p.value) !== null);
    const written = given.map((p) => (lends && p.bare !== undefined ? { ...p, text: p.bare, qualifier: 'exact' } : p));
    const at = written.findIndex((p) => p.figure !== undefined);
    const figure = written[at]!;
    const victim = written.find((p) => p.group !== undefined);
    // a qualifier right after the figure is the figure's; then one before it; then one the construction lends
    const after = qualifier(written[at + 1]?.value);
    const before = figure.qualifier === 'exact' ? null : figure.qualifier!;
    return {
      text: `${written.map((p) => p.text).join(' ')} .`,
      value: figure.figure!, qualifier: after ?? before ?? qualifier(field(c.fields.qualifier)) ?? 'exact', outcome: field(c.fields.outcome),
      group: field(c.fields.group) ?? victim?.group ?? 'all',
    };
  });

const { rules } = shippedRules();

describe('casualty phrases generated from the constructions are read back', () => {
  for (const code of Object.keys(rules.languages)) {
    const lang = rules.languages[code]!;
    const arabic = lang.script.direction === 'rtl';
    const generated = lang.constructions.constructions.filter((c) => c.builds === 'claim' && c.pattern.every(writable(lang)) && c.pattern.includes('figure'));
    it(`${code}: some constructions are generated`, () => expect(generated.length).toBeGreaterThanOrEqual(3));
    for (const c of generated) {
      it(`${code}: ${c.id}`, () => {
        fc.assert(fc.property(phraseOf(lang, c, arabic), (p) => {
          const claims = claimsOf(extract(p.text, { language: code, publishedAt: '2020-01-01', outlet: 'afp' }));
          const read = claims.find((x) => x.value === p.value && x.partOf === null);
          expect(read, `${p.text} → ${JSON.stringify(claims.map((x) => [x.outcome, x.group, x.value, x.qualifier]))}`).toBeDefined();
          if (p.outcome !== null) expect(read!.outcome, p.text).toBe(p.outcome);
          expect(read!.group, p.text).toBe(p.group);
          expect(read!.qualifier, p.text).toBe(p.qualifier);
        }), { numRuns: 60 });
      });
    }
  }
});
