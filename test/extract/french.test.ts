/** A third language from rules alone (rules/languages/fr): a French wire report is read end to end. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { shippedRules } from '../support/rules.js';
import { brief, claimsOf, extract } from './support.js';

describe('French', () => {
  it('reads the tolls, the breakdown and the date of a French report', () => {
    const x = extract(readFileSync('fixtures/french/raid_fr.txt', 'utf8'), { language: 'fr', publishedAt: '2019-03-14', outlet: 'afp' });
    expect(x.warnings).toEqual([]);
    const claims = claimsOf(x);
    expect(new Set(claims.map(brief))).toEqual(new Set(['killed/civilians/-=14', 'killed/children/-=5', 'injured/all/-=30']));
    expect(claims.find((c) => c.group === 'children')?.partOf).not.toBeNull();
    // "mercredi" before a report of Thursday 14 March: the Wednesday before
    expect(x.mentions[0]?.date?.start).toBe('2019-03-13');
  });
});

describe('aliases are per-language maps', () => {
  // A made-up monitor named only in French: French reads its `fr` list (and the `en` list it
  // also reads, script.namesOf), English does not read the `fr` list.
  const rules = shippedRules().rules;
  const monitor = { ...rules.sources.find((s) => s.id === 'sohr')!, id: 'veille-test', name: 'Veille test', aliases: { fr: ['la Veille des Frappes'] } };
  const read = extractReport({ ...rules, sources: [...rules.sources, monitor] });
  const sourcesOf = (text: string, language: string): string[] => read({
    id: 'r1', publishedAt: '2019-03-14', outlet: 'afp', language, url: null, text, coded: null, origin: 'test',
  }).mentions.flatMap((m) => m.claims.map((c) => c.source));

  it('a French alias names its source in French', () => {
    expect(sourcesOf('Selon la Veille des Frappes, au moins 12 civils ont été tués mercredi à Idleb.', 'fr')).toEqual(['veille-test']);
  });
  it('the English list still serves French, and the French list does not serve English', () => {
    expect(sourcesOf('Au moins 12 civils ont été tués mercredi à Idleb, selon SOHR.', 'fr')).toEqual(['sohr']);
    expect(sourcesOf('At least 12 civilians were killed in Idlib on Wednesday, la Veille des Frappes said.', 'en')).not.toContain('veille-test');
  });
});
