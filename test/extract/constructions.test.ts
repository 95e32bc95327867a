/**
 * Every construction's examples (rules/languages/<lang>/constructions.yaml): each sentence it
 * must read yields the claims listed, at least one of them read by this construction; no
 * sentence it must not read yields a claim of it. Examples are the project's own sentences:
 * none shares six consecutive tokens with a text under fixtures/ or ../shared/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TollClaim } from '../../src/model/claim.js';
import { fold, shippedRules } from '../support/rules.js';
import { claimsOf, extract } from './support.js';

const rules = shippedRules().rules;
const read = (c: TollClaim) => `${c.outcome}/${c.group}=${c.value}`;
const withQualifier = (c: TollClaim) => `${read(c)} ${c.qualifier}`;
/** a claim's rule names its construction and the node it was built on: "en.claim.toll-link(en.toll.noun)" */
const ruleOf = (x: TollClaim, id: string): boolean => x.rule === id || (x.rule ?? '').startsWith(`${id}(`) || (x.rule ?? '').includes(`(${id})`);
const claimsIn = (text: string, language: string) => claimsOf(extract(text, { language, publishedAt: '2020-03-01', outlet: 'afp' }));

for (const [language, lang] of Object.entries(rules.languages)) {
  describe(`${language} constructions read their examples`, () => {
    for (const c of lang.constructions.constructions) {
      // a non-claim holds its figure: the sentences it reads give only the claims listed besides
      // "none", and a sentence it must not read keeps its figures as claims
      if (c.builds === 'non-claim') {
        it(c.id, () => {
          for (const ex of c.examples.read) expect(claimsIn(ex.text, language).map(read), ex.text).toEqual(ex.claims.filter((e) => e !== 'none'));
          for (const text of c.examples.reject) expect(claimsIn(text, language).length, text).toBeGreaterThan(0);
        });
        continue;
      }
      it(c.id, () => {
        for (const ex of c.examples.read) {
          const claims = claimsIn(ex.text, language);
          const seen = claims.map((x) => (ex.claims.some((e) => e.includes(' ')) ? withQualifier(x) : read(x)));
          for (const want of ex.claims) expect(seen, ex.text).toContain(want);
          expect(claims.some((x) => ruleOf(x, c.id)), `${ex.text}: no claim of ${c.id}`).toBe(true);
        }
        for (const text of c.examples.reject) expect(claimsIn(text, language).filter((x) => ruleOf(x, c.id)).map(read), text).toEqual([]);
      });
    }
  });
}

describe('construction examples are our own sentences', () => {
  const texts = (dir: string): string[] => {
    let out: string[] = [];
    let names: string[] = [];
    try { names = readdirSync(dir); } catch { return out; }
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) out = out.concat(texts(p));
      else if (/\.(txt|json|md|ndjson|html)$/.test(n)) out.push(readFileSync(p, 'utf8'));
    }
    return out;
  };
  const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const grams = new Set<string>();
  for (const t of [...texts('fixtures'), ...texts('../shared')]) {
    const w = words(t);
    for (let i = 0; i + 6 <= w.length; i++) grams.add(w.slice(i, i + 6).join(' '));
  }
  it('no example shares six consecutive tokens with a corpus text', () => {
    const copied: string[] = [];
    for (const lang of Object.values(rules.languages)) {
      for (const c of lang.constructions.constructions) {
        for (const text of [...c.examples.read.map((e) => e.text), ...c.examples.reject]) {
          const w = words(text);
          for (let i = 0; i + 6 <= w.length; i++) if (grams.has(w.slice(i, i + 6).join(' '))) copied.push(`${c.id}: ${text}`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
