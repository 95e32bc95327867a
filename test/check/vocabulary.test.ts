/**
 * check-rules' generators draw on the rule set they check: its vocabulary per language
 * follows the rules (a new alias shows up), and generated scenarios use only the rule
 * set's own source, actor and place ids and its languages.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { scenarioOf, vocabularyOf } from '../../src/check/index.js';
import type { Rules } from '../../src/rules/schema.js';
import { shippedRules } from '../support/rules.js';

const rules = shippedRules().rules;

describe('the vocabulary of a rule set', () => {
  it('has one entry per language of the rules, with its aliases, number words, qualifiers and stance cues', () => {
    const v = vocabularyOf(rules);
    expect(v.languages.map((l) => l.language)).toEqual(Object.keys(rules.languages).sort());
    const ar = v.languages.find((l) => l.language === 'ar')!;
    expect(ar.sources).toEqual(expect.arrayContaining(rules.sources.find((s) => s.id === 'sohr')!.aliases.ar!));
    expect(ar.numberWords).toEqual(Object.keys(rules.languages.ar!.numbers.words));
    expect(ar.qualifiersBefore).toEqual(rules.languages.ar!.qualifiers.before.map((q) => q.phrase));
    expect(ar.stanceCues).toEqual(expect.arrayContaining(rules.languages.ar!.stances.deny));
  });

  it('follows a change of the rules: a new alias, a new source', () => {
    const changed: Rules = { ...rules, sources: [...rules.sources, { id: 'wadi-qalam-news', name: 'Wadi Qalam News', kind: 'local', speaksFor: [], relay: false, aliases: { en: ['Wadi Qalam News'] } }] };
    const v = vocabularyOf(changed);
    expect(v.sources).toContain('wadi-qalam-news');
    expect(v.languages.find((l) => l.language === 'en')!.sources).toContain('Wadi Qalam News');
    expect(vocabularyOf(rules).languages.find((l) => l.language === 'en')!.sources).not.toContain('Wadi Qalam News');
  });
});

describe('generated scenarios', () => {
  const sources = new Set(rules.sources.map((s) => s.id));
  const actors = new Set(rules.actors.map((a) => a.id));
  const places = new Set(rules.places.map((p) => p.id));

  test.prop([scenarioOf(rules)], { numRuns: 100 })('use only the ids and languages of the rule set', (s) => {
    for (const r of s.reports) {
      if (r.kind === 'text') { expect(Object.keys(rules.languages)).toContain(r.language); continue; }
      for (const m of r.mentions) {
        for (const c of m.claims) {
          expect(sources.has(c.source) && (c.via === null || sources.has(c.via))).toBe(true);
          expect(c.affiliation === null || actors.has(c.affiliation)).toBe(true);
        }
        for (const st of m.stances) expect(sources.has(st.source) && actors.has(st.actor)).toBe(true);
        for (const p of m.places) expect(p.id === null || places.has(p.id)).toBe(true);
      }
    }
  });

  it('draws dates around the rules\' date window, so that both sides of it occur', () => {
    const window = rules.clustering.dateWindowDays;
    const gaps = fc.sample(scenarioOf(rules), { numRuns: 300, seed: 5 }).flatMap((s) => {
      const days = s.reports.flatMap((r) => (r.kind === 'coded' ? r.mentions.flatMap((m) => (m.date ? [Date.parse(m.date.start) / 86_400_000] : [])) : []));
      return days.flatMap((a) => days.map((b) => Math.abs(a - b)));
    });
    expect(gaps.some((g) => g > 0 && g <= window)).toBe(true);
    expect(gaps.some((g) => g > window)).toBe(true);
  });
});
