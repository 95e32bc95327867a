/**
 * Different incidents never merge through a broad mention: several events on one day in one
 * governorate, each at its own specific place (gazetteer villages, two neighbourhoods of one
 * city, unresolved names), told by reports with close figures and one blamed actor, plus
 * reports naming only the governorate, the district or the city. Whatever the join order, no
 * incident holds mentions of two of those events; a broad mention may join one of them.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clusterMentions, clusterMentionsBruteForce } from '../../src/cluster/cluster.js';
import type { Mention, PlaceRef } from '../../src/model/claim.js';
import type { Place, Rules } from '../../src/rules/schema.js';
import { comparePair, placesAgree } from '../../src/cluster/compare.js';
import { mentionFeatures } from '../../src/cluster/features.js';
import { mentionsArb } from './arbitraries.js';
import { claimOf, stanceOf, testRules } from './support.js';

const base = testRules();
const extra: Place[] = [
  { id: 'al-mayadin-district', name: 'al-Mayadin district', ar: ['al-Mayadin district'], en: ['al-Mayadin district'], kind: 'district', governorate: 'deir-ez-zor' },
  { id: 'old-quarter', name: 'Old Quarter', ar: ['Old Quarter'], en: ['Old Quarter'], kind: 'neighbourhood', governorate: 'deir-ez-zor', district: 'al-mayadin-district', within: 'al-mayadin' },
  { id: 'river-quarter', name: 'River Quarter', ar: ['River Quarter'], en: ['River Quarter'], kind: 'neighbourhood', governorate: 'deir-ez-zor', district: 'al-mayadin-district', within: 'al-mayadin' },
];
const rules: Rules = { ...base, places: [...base.places, ...extra] };
const byId = new Map(rules.places.map((p) => [p.id, p]));

/** Event places: no two are one place or contain each other. */
const EVENT_PLACES = ['hajin', 'al-susah', 'old-quarter', 'river-quarter', 'Kharbet Nasr', 'Umm Sidra'];
/** Places containing several event places: the governorate, a district, the city. */
const BROAD_PLACES = ['deir-ez-zor', 'abu-kamal-district', 'al-mayadin-district', 'al-mayadin'];

const ref = (name: string): PlaceRef => {
  const p = byId.get(name);
  return p ? { id: p.id, name: p.name, governorate: p.governorate, span: null } : { id: null, name, governorate: null, span: null };
};

type Told = { readonly event: number | null; readonly places: readonly string[]; readonly value: number; readonly actor: boolean; readonly day: number };

const mentionOf = (reportId: string, ordinal: number, t: Told): Mention => {
  const date = `2019-03-${String(10 + t.day).padStart(2, '0')}`;
  return {
    id: `${reportId}#${ordinal}`, reportId, ordinal, publishedAt: '2019-03-12', date: { start: date, end: date },
    places: t.places.map(ref),
    claims: [claimOf(reportId, [ordinal * 100, ordinal * 100 + 5], { value: t.value })],
    stances: t.actor ? [stanceOf(reportId, [ordinal * 100 + 50, ordinal * 100 + 55], { actor: 'russia', stance: 'asserts' })] : [],
    targets: [],
  };
};

/** Two or three events, each told by one to three reports, and zero to three broad reports. */
const scenarioArb = fc.record({
  places: fc.shuffledSubarray(EVENT_PLACES, { minLength: 2, maxLength: 3 }),
  toll: fc.integer({ min: 4, max: 40 }),
  tellings: fc.array(fc.record({ event: fc.nat(2), offset: fc.integer({ min: -1, max: 1 }), governorate: fc.boolean(), actor: fc.boolean(), day: fc.constantFrom(0, 0, 0, 1) }), { minLength: 2, maxLength: 7 }),
  broad: fc.array(fc.record({ place: fc.constantFrom(...BROAD_PLACES), offset: fc.integer({ min: -1, max: 1 }), actor: fc.boolean(), day: fc.constantFrom(0, 0, 1) }), { maxLength: 3 }),
  // a report may tell two events (its mentions are never merged with each other)
  shared: fc.boolean(),
}).map(({ places, toll, tellings, broad, shared }) => {
  const told: Told[] = [
    ...places.map((_, e) => ({ event: e, places: [places[e]!], value: toll, actor: true, day: 0 })),
    ...tellings.map((t) => {
      const e = t.event % places.length;
      return { event: e, places: t.governorate ? [places[e]!, 'deir-ez-zor'] : [places[e]!], value: toll + t.offset, actor: t.actor, day: t.day };
    }),
    ...broad.map((b) => ({ event: null, places: [b.place], value: toll + b.offset, actor: b.actor, day: b.day })),
  ];
  const ms = told.map((t, k) => (shared && k === 1 ? mentionOf('r0', 1, t) : mentionOf(`r${k}`, 0, t)));
  return { ms, eventOf: new Map(ms.map((m, k) => [m.id, told[k]!.event] as const)) };
});

const cluster = clusterMentions(rules);
const brute = clusterMentionsBruteForce(rules);
const byClasses = clusterMentions(rules, { giantPairs: 0, giantDegree: 0 });
const eventsIn = (ms: readonly Mention[], eventOf: ReadonlyMap<string, number | null>): Set<number> =>
  new Set(ms.flatMap((m) => { const e = eventOf.get(m.id); return e === null || e === undefined ? [] : [e]; }));

describe('distinct specific places are distinct incidents', () => {
  test.prop([scenarioArb], { numRuns: 300 })('no incident holds mentions of two events at different specific places', ({ ms, eventOf }) => {
    for (const run of [cluster, brute, byClasses]) {
      for (const c of run(ms).clusters) expect([...eventsIn(c.mentions, eventOf)].length).toBeLessThanOrEqual(1);
    }
  });

  // any mentions: two of one incident whose places disagree reach the threshold on their own
  const features = mentionFeatures(rules), agree = placesAgree(rules.clustering.comparisons.place), compare = comparePair(rules.clustering);
  test.prop([mentionsArb(10)], { numRuns: 300 })('mentions at disagreeing places share an incident only on their own evidence', (ms) => {
    for (const run of [cluster, byClasses]) {
      for (const c of run(ms).clusters) {
        const fs = c.mentions.map(features);
        for (const x of fs) for (const y of fs) {
          if (x.mention.id < y.mention.id && !agree(x, y)) {
            const p = compare(x, y);
            expect(p.veto === null && p.score >= rules.clustering.threshold).toBe(true);
          }
        }
      }
    }
  });

  const a = mentionOf('a', 0, { event: 0, places: ['hajin'], value: 12, actor: true, day: 0 });
  const b = mentionOf('b', 0, { event: 1, places: ['al-susah'], value: 12, actor: true, day: 0 });
  const c = mentionOf('c', 0, { event: null, places: ['deir-ez-zor'], value: 12, actor: true, day: 0 });
  it('a governorate-only report joins one of two villages, not both', () => {
    const clusters = cluster([a, b, c]).clusters;
    expect(clusters).toHaveLength(2);
    expect(clusters.some((k) => k.mentions.length === 2 && k.mentions.some((m) => m.id === 'c#0'))).toBe(true);
  });
  it('a city-only report does not chain its two neighbourhoods', () => {
    const n1 = mentionOf('a', 0, { event: 0, places: ['old-quarter'], value: 9, actor: true, day: 0 });
    const n2 = mentionOf('b', 0, { event: 1, places: ['river-quarter'], value: 9, actor: true, day: 0 });
    const city = mentionOf('c', 0, { event: null, places: ['al-mayadin'], value: 9, actor: true, day: 0 });
    expect(cluster([n1, n2, city]).clusters).toHaveLength(2);
  });
  it('an unresolved village and a gazetteer village do not chain through the governorate', () => {
    const u = mentionOf('d', 0, { event: 0, places: ['Kharbet Nasr', 'deir-ez-zor'], value: 12, actor: true, day: 0 });
    expect(cluster([a, u, c]).clusters).toHaveLength(2);
  });
  it('an unresolved village of no known governorate is another place, not no place', () => {
    const level = (x: Mention, y: Mention) => compare(features(x), features(y)).levels.find((l) => l.comparison === 'place')?.level;
    const u = mentionOf('d', 0, { event: 0, places: ['Umm Sidra'], value: 12, actor: true, day: 0 });
    const v = mentionOf('e', 0, { event: 1, places: ['Kharbet Nasr'], value: 12, actor: true, day: 0 });
    expect(level(a, u)).toBe('other-place-same-governorate');
    expect(level(u, v)).toBe('other-place-same-governorate');
    expect(level(u, c)).toBe('no-place');
    expect(cluster([a, u]).clusters).toHaveLength(2);
  });
  it('a district is not a place of another district, and does not chain it', () => {
    const level = (x: Mention, y: Mention) => compare(features(x), features(y)).levels.find((l) => l.comparison === 'place')?.level;
    const district = mentionOf('f', 0, { event: null, places: ['abu-kamal-district'], value: 12, actor: true, day: 0 });
    const other = mentionOf('g', 0, { event: 1, places: ['al-mayadin'], value: 12, actor: true, day: 0 });
    expect(level(district, other)).toBe('other-place-same-governorate');
    expect(level(district, a)).toBe('same-district');
    expect(cluster([district, other]).clusters).toHaveLength(2);
    expect(cluster([a, district]).clusters).toHaveLength(1);
  });
  it('a mention naming a village and the city it lies in still joins both', () => {
    const n1 = mentionOf('a', 0, { event: 0, places: ['old-quarter'], value: 9, actor: true, day: 0 });
    const city = mentionOf('c', 0, { event: null, places: ['al-mayadin'], value: 9, actor: true, day: 0 });
    const both = mentionOf('e', 0, { event: 0, places: ['old-quarter', 'al-mayadin'], value: 9, actor: true, day: 0 });
    expect(cluster([n1, city, both]).clusters).toHaveLength(1);
  });
});
