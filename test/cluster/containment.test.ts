/**
 * Containment in the gazetteer (neighbourhood ⊂ city ⊂ district ⊂ governorate): a place agrees
 * with the places that contain it, in clustering and inside one report (sentences written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { clusterMentions } from '../../src/cluster/index.js';
import type { Mention } from '../../src/model/claim.js';
import type { Place } from '../../src/rules/schema.js';
import { validateRules } from '../../src/rules/validate.js';
import { extract } from '../extract/support.js';
import { shippedRules } from '../support/rules.js';
import { claimOf } from './support.js';

const rules = shippedRules().rules;
const byId = new Map(rules.places.map((p) => [p.id, p]));
const at = (reportId: string, placeId: string, value: number): Mention => {
  const p = byId.get(placeId)!;
  return {
    id: `${reportId}#1`, reportId, ordinal: 1, publishedAt: '2018-02-21', date: { start: '2018-02-20', end: '2018-02-20' },
    places: [{ id: p.id, name: p.name, governorate: p.governorate, span: null }],
    claims: [claimOf(reportId, [0, 5], { value })], stances: [], targets: [],
  };
};
const placeLevel = (a: Mention, b: Mention) => clusterMentions(rules)([a, b]).pairs[0]?.levels.find((l) => l.comparison === 'place')?.level;

describe('containment in clustering', () => {
  it('the shipped gazetteer puts neighbourhoods in their cities', () => {
    expect(byId.get('jobar')?.within).toBe('damascus-city');
    expect(byId.get('al-shaar')?.within).toBe('aleppo-city');
  });
  it('a neighbourhood and its own city are one place', () => {
    for (const [n, city] of [['jobar', 'damascus-city'], ['al-shaar', 'aleppo-city'], ['baba-amr', 'homs-city']] as const) {
      const a = at('a', n, 12), b = at('b', city, 13);
      expect(placeLevel(a, b)).toBe('contained-place');
      expect(clusterMentions(rules)([a, b]).clusters).toHaveLength(1);
    }
  });
  it('two neighbourhoods of one city are two places, and a neighbourhood is not in another city', () => {
    expect(placeLevel(at('a', 'jobar', 12), at('b', 'barzeh', 12))).not.toBe('contained-place');
    expect(placeLevel(at('a', 'jobar', 12), at('b', 'aleppo-city', 12))).not.toBe('contained-place');
  });
});

describe('containment inside one report', () => {
  const mentions = (text: string) => extract(text, { publishedAt: '2018-02-21' }).mentions;
  it('a neighbourhood and then its city tell one event', () => {
    expect(mentions('قتل 12 مدنيا في قصف على حي جوبر. وأصيب 20 آخرون في مدينة دمشق جراء القصف ذاته.')).toHaveLength(1);
    expect(mentions('أصيب 20 مدنيا في مدينة حلب. وقتل 12 منهم في حي الشعار.')).toHaveLength(1);
  });
  it('two neighbourhoods are two events', () => {
    expect(mentions('قتل 12 مدنيا في قصف على حي جوبر. وقتل 4 آخرون في قصف على حي برزة.')).toHaveLength(2);
  });
});

describe('within is checked', () => {
  const place = (id: string, over: Partial<Place>): Place => ({ id, name: id, kind: 'neighbourhood', governorate: 'aleppo', ar: [`ع${id}`], en: [id], ...over });
  const gov: Place = { id: 'aleppo', name: 'Aleppo', kind: 'governorate', governorate: 'aleppo', ar: ['حلب'], en: ['Aleppo'] };
  const city = place('town', { kind: 'city' });
  const codes = (places: Place[]) => validateRules({ places }).filter((p) => p.path.endsWith('within')).map((p) => p.code);
  it('names a place of the gazetteer, of the same governorate, finer than a district, without a cycle', () => {
    expect(codes([gov, city, place('n', { within: 'town' })])).toEqual([]);
    expect(codes([gov, city, place('n', { within: 'nowhere' })])).toEqual(['unknown-id']);
    expect(codes([gov, city, place('n', { within: 'aleppo' })])).toEqual(['wrong-kind']);
    expect(codes([gov, { ...gov, id: 'idlib', governorate: 'idlib', ar: ['ادلب'], en: ['Idlib'] }, place('c', { kind: 'city', governorate: 'idlib' }), place('n', { within: 'c' })])).toEqual(['wrong-governorate']);
    expect(codes([gov, place('x', { within: 'y' }), place('y', { within: 'x' })])).toEqual(['cycle', 'cycle']);
  });
});
