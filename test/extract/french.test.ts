/** A third language from rules alone (rules/languages/fr): a French wire report is read end to end. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
