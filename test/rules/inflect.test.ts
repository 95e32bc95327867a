/**
 * Regular verbs written once as lemmas (src/rules/inflect.ts, `script.verbForms`): the forms each
 * ending makes, phrases with a lemma inside, a lemma in a language without verb forms refused with
 * where, and the extractor reading forms no rule list writes out.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPhrase, formsOf } from '../../src/rules/inflect.js';
import { parseRules } from '../../src/rules/load.js';
import { claimsOf, extract } from '../extract/support.js';
import { readRuleFiles, shippedRules } from '../support/rules.js';

const en = shippedRules().rules.languages.en!.script.verbForms;

describe('verb forms by how the lemma ends', () => {
  it.each([
    ['claim', ['claim', 'claims', 'claimed', 'claiming']],
    ['state', ['state', 'states', 'stated', 'stating']],
    ['deny', ['deny', 'denies', 'denied', 'denying']],
    ['convey', ['convey', 'conveys', 'conveyed', 'conveying']],
    ['stress', ['stress', 'stresses', 'stressed', 'stressing']],
    ['agree', ['agree', 'agrees', 'agreed', 'agreeing']],
    ['die', ['die', 'dies', 'died', 'dying']],
  ])('%s', (lemma, forms) => {
    expect(formsOf(lemma, en)).toEqual(forms);
  });
  it('every regular form keeps the lemma\'s first letters and the lemma comes first', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{3,10}$/), (lemma) => {
      const forms = formsOf(lemma, en);
      expect(forms[0]).toBe(lemma);
      expect(forms).toHaveLength(4);
      for (const f of forms) expect(f.slice(0, lemma.length - 2)).toBe(lemma.slice(0, lemma.length - 2));
    }));
  });
  it('a phrase inflects its "~" word only; a phrase without one is itself', () => {
    expect(expandPhrase('point~ out', en)).toEqual(['point out', 'points out', 'pointed out', 'pointing out']);
    expect(expandPhrase('said in a statement', en)).toEqual(['said in a statement']);
  });
  it('a lemma in a language that declares no verb forms is a located rule error', () => {
    const files = structuredClone(readRuleFiles()) as Record<string, { speech?: string[] }>;
    files['languages/ar/sources.yaml']!.speech = [...(files['languages/ar/sources.yaml']!.speech ?? []), 'قال~'];
    const r = parseRules(files);
    expect(E.isLeft(r) && r.left.some((p) => p.file === 'languages/ar/sources.yaml' && p.path.startsWith('speech') && /verbForms/.test(p.message))).toBe(true);
  });
});

describe('the extractor reads the forms of a lemma no list writes out', () => {
  const read = (t: string) => claimsOf(extract(t, { language: 'en', outlet: 'afp', publishedAt: '2022-05-01' })).map((c) => c.source);
  it.each([
    ['Activists claim that the raids killed 6 civilians in Ariha.', 'local-sources'],
    ['The White Helmets mention that 4 civilians died under the rubble.', 'syria-civil-defence'],
    ['The Observatory asserts that 12 fighters were killed.', 'sohr'],
    ['The civil defence clarified that 3 children were killed.', 'syria-civil-defence'],
  ])('%s', (text, source) => {
    expect(read(text)).toEqual([source]);
  });
});
