/**
 * Every stance construction's examples (the `grammar` section of rules/languages/<lang>/
 * stances.yaml): each sentence it must read yields the stances (or, for an assessment, the
 * assessments) listed, read by this construction; a no-stance leaves no stance in its
 * sentence ("none"), a background none of the actor it names ("no turkey"). No sentence it must not read yields anything of it. The examples are
 * our own sentences (test/extract/constructions.test.ts checks the claims' examples likewise).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/model/claim.js';
import { fold, shippedRules } from '../support/rules.js';
import { extract } from './support.js';

const rules = shippedRules().rules;

const read = (text: string, language: string): Extraction => extract(text, { language, publishedAt: '2020-03-01', outlet: 'afp' });
const stancesOf = (x: Extraction) => [...x.mentions.flatMap((m) => m.stances), ...x.looseStances];
const byRule = (x: Extraction, id: string): string[] => [
  ...stancesOf(x).filter((s) => s.rule === id).map((s) => `${s.stance} ${s.actor}`),
  ...x.mentions.flatMap((m) => m.assessments ?? []).filter((a) => a.rule === id).map((a) => `${a.assessment} ${a.actor}`),
];

for (const [language, lang] of Object.entries(rules.languages)) {
  const grammar = lang.stances.grammar;
  if (!grammar) continue;
  describe(`${language} stance constructions read their examples`, () => {
    for (const c of grammar.constructions) {
      it(c.id, () => {
        for (const ex of c.examples.read) {
          const x = read(ex.text, language);
          if (c.builds === 'no-stance') { expect(stancesOf(x).map((s) => `${s.stance} ${s.actor}`), ex.text).toEqual([]); continue; }
          if (c.builds === 'background') {
            const actors = stancesOf(x).map((s) => s.actor);
            for (const want of ex.stances) expect(actors, ex.text).not.toContain(want.replace(/^no /, ''));
            continue;
          }
          const seen = byRule(x, c.id);
          for (const want of ex.stances) expect(seen, ex.text).toContain(want);
        }
        for (const text of c.examples.reject) {
          const x = read(text, language);
          if (c.builds === 'no-stance') expect(stancesOf(x).length, text).toBeGreaterThan(0);
          // a background's reject example names its actor as a doer, which the background must leave alone
          else if (c.builds === 'background') expect(stancesOf(x).length, text).toBeGreaterThan(0);
          else expect(byRule(x, c.id), text).toEqual([]);
        }
      });
    }
  });
}

describe('stance construction examples are our own sentences', () => {
  const texts = (dir: string): string[] => {
    let names: string[] = [];
    try { names = readdirSync(dir); } catch { return []; }
    return names.flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return texts(p);
      return /\.(txt|json|md|ndjson|html)$/.test(n) ? [readFileSync(p, 'utf8')] : [];
    });
  };
  const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  it('no example shares six consecutive tokens with a corpus text', () => {
    const grams = new Set<string>();
    for (const t of [...texts('fixtures'), ...texts('../shared')]) {
      const w = words(t);
      for (let i = 0; i + 6 <= w.length; i++) grams.add(w.slice(i, i + 6).join(' '));
    }
    const copied: string[] = [];
    for (const lang of Object.values(rules.languages)) {
      for (const c of lang.stances.grammar?.constructions ?? []) {
        for (const text of [...c.examples.read.map((e) => e.text), ...c.examples.reject]) {
          const w = words(text);
          for (let i = 0; i + 6 <= w.length; i++) if (grams.has(w.slice(i, i + 6).join(' '))) copied.push(`${c.id}: ${text}`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
