/**
 * Runs the sentence bank (ar.yaml, en.yaml) through the shipped extraction and compares each
 * entry with its expected reading. Entries listed in known-misses.txt are ones today's engine
 * reads wrongly: they run with `it.fails`, so an entry that starts passing fails here until
 * its id is taken off the list. Every other entry must be read exactly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../support.js';
import { compare, entryProblems, loadBank, loadKnownMisses, N_SHARED, referenceGrams, ROOT, sharedRuns, tokensOf } from './bank.js';

const bank = loadBank();
const known = loadKnownMisses();
const read = (e: (typeof bank)[number]) => extract(e.text, { language: e.language, publishedAt: e.publishedAt, outlet: e.outlet });

describe('the bank itself', () => {
  it('has unique ids, and every known miss names an entry', () => {
    const ids = bank.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect([...known].filter((id) => !ids.includes(id))).toEqual([]);
  });
  it('has coherent readings (part indices, vague values, affiliations, notClaims)', () => {
    expect(bank.flatMap((e) => entryProblems(e).map((p) => `${e.id}: ${p}`))).toEqual([]);
  });
  it('holds both languages in comparable numbers', () => {
    const ar = bank.filter((e) => e.language === 'ar').length;
    const en = bank.filter((e) => e.language === 'en').length;
    expect(Math.min(ar, en) / Math.max(ar, en)).toBeGreaterThan(0.7);
  });
});

const FIXTURES = join(ROOT, 'fixtures');
const SHARED = join(ROOT, '..', 'shared');
describe('no sentence shares six consecutive tokens with fixtures/ or ../shared/', () => {
  const dirs = [FIXTURES, ...(existsSync(SHARED) ? [SHARED] : [])];
  const ref = referenceGrams(dirs);
  it('the check finds a run it should find (tokens folded across case, marks and digits)', () => {
    expect(ref.size).toBeGreaterThan(1000);
    const someRun = [...ref][Math.floor(ref.size / 2)]!;
    expect(sharedRuns(`Yesterday ${someRun.toUpperCase()} again.`, ref)).toEqual([someRun]);
    expect(tokensOf('قُتِلَ ٣ أطفال، والـ Monitor said')).toEqual(['قتل', '3', 'اطفال', 'وال', 'monitor', 'said']);
    expect(sharedRuns('one two three four five', new Set(['one two three four five']))).toEqual([]);
  });
  it(`no entry shares ${N_SHARED} tokens in a row with any of them`, () => {
    expect(bank.flatMap((e) => sharedRuns(e.text, ref).map((g) => `${e.id}: ${g}`))).toEqual([]);
  });
});

for (const language of ['ar', 'en'] as const) {
  describe(`bank (${language})`, () => {
    for (const e of bank.filter((x) => x.language === language)) {
      const run = known.has(e.id) ? it.fails : it;
      run(`${e.id} [${e.construction}]`, () => {
        expect(compare(read(e), e)).toEqual([]);
      });
    }
  });
}
