/**
 * Property: a generated report that tells two events in two different villages the gazetteer
 * lacks gives two incidents, each with its village, in Arabic and in English, whatever the
 * names, figures, place words and sentence forms.
 */
import { fc, test } from '@fast-check/vitest';
import { distance } from 'fastest-levenshtein';
import { describe, expect } from 'vitest';
import { reconcileReports } from '../src/pipeline.js';
import type { Report } from '../src/model/report.js';
import { fold, shippedRules } from './support/rules.js';

const rules = shippedRules().rules;
const params = { numRuns: 60 };

/** Every folded word of a gazetteer name or a place/stop word: a generated name avoids them all. */
const taken = new Set([
  ...rules.places.flatMap((p) => [...p.ar, ...p.en]).flatMap((n) => fold(n).split(/[\s-]+/u)),
  ...Object.values(rules.languages).flatMap((l) => [...l.places.nameStops, ...l.places.nameHeads, ...l.places.openIntroducers, ...l.places.nameParticles]).map(fold),
]);

const AR_LETTERS = [...'بتجدرزسشصطفقكلمنه'];
const arName = fc.array(fc.constantFrom(...AR_LETTERS), { minLength: 4, maxLength: 6 }).map((ls) => ls.join(''));
const LATIN_SYLLABLES = ['ka', 'ru', 'ba', 'ti', 'mo', 'sha', 'zu', 'dar', 'fi', 'lak', 'nur', 'qa', 'wen', 'hib'];
const enName = fc.array(fc.constantFrom(...LATIN_SYLLABLES), { minLength: 2, maxLength: 3 })
  .map((ss) => ss.join('')).map((w) => w[0]!.toUpperCase() + w.slice(1));
/** Not a gazetteer word nor near one (the gazetteer forgives a misspelt name where a place is introduced). */
const consonants = (w: string) => w.replace(/[aeiouy]/gu, '');
const gazetteerWords = [...taken].filter((w) => w.length >= 3);
const fresh = (name: string) => !fold(name).split(' ').some((w) => taken.has(w)
  || gazetteerWords.some((g) => distance(g, w) <= 2 || (consonants(w).length > 1 && distance(consonants(g), consonants(w)) <= 1)));

type Village = { name: string; head: boolean };
const village = (word: fc.Arbitrary<string>, head: string) =>
  fc.tuple(word.filter(fresh), fc.boolean()).map(([w, h]): Village => ({ name: h ? `${head} ${w}` : w, head: h }));

const arReport = fc.record({
  a: village(arName, 'تل'), b: village(arName, 'كفر'),
  n: fc.integer({ min: 2, max: 90 }), m: fc.integer({ min: 2, max: 90 }),
  wa: fc.constantFrom('قرية', 'بلدة', 'مخيم', 'مدينة'), wb: fc.constantFrom('قرية', 'بلدة', 'حي', 'مزرعة'),
  form: fc.constantFrom(0, 1, 2),
}).filter(({ a, b }) => fold(a.name) !== fold(b.name)).map(({ a, b, n, m, wa, wb, form }) => ({
  names: [a.name, b.name],
  text: [
    `قتل ${n} مدنيا في غارات على ${wa} ${a.name}. وفي تطور منفصل، قتل ${m} آخرون في قصف على ${wb} ${b.name}.`,
    `أفاد ناشطون بمقتل ${n} مدنيين جراء قصف استهدف ${wa} ${a.name}.\n\nكما قتل ${m} مدنيين بغارة على ${wb} ${b.name}.`,
    `استشهد ${n} شخصا في ${wa} ${a.name} بريف إدلب. وقتل ${m} مدنيين في ${wb} ${b.name} بريف حلب.`,
  ][form]!,
  language: 'ar',
}));

const enReport = fc.record({
  a: village(enName, 'Tal'), b: village(enName, 'Kafr'),
  n: fc.integer({ min: 2, max: 90 }), m: fc.integer({ min: 2, max: 90 }),
  wa: fc.constantFrom('village of', 'town of', 'city of'), wb: fc.constantFrom('village of', 'town of', 'neighbourhood of'),
  form: fc.constantFrom(0, 1, 2),
}).filter(({ a, b }) => fold(a.name) !== fold(b.name)).map(({ a, b, n, m, wa, wb, form }) => ({
  names: [a.name, b.name],
  text: [
    `Air strikes killed ${n} civilians in the ${wa} ${a.name}, activists said. In a separate attack, shelling killed ${m} people in the ${wb} ${b.name}.`,
    `${n} civilians were killed when rockets hit the ${wa} ${a.name}.\n\nShelling on the ${wb} ${b.name} killed ${m} more.`,
    `At least ${n} people died in the ${wa} ${a.name} in Idlib province. ${m} others were killed in the ${wb} ${b.name} in Aleppo province.`,
  ][form]!,
  language: 'en',
}));

const run = (text: string, language: string) => {
  const report: Report = { id: 'r', publishedAt: '2021-06-07', outlet: null, language, url: null, text, coded: null, origin: 'r.txt' };
  return reconcileReports({ reports: [report], rules, rulesHash: 'h', readWarnings: [], reportsSkipped: 0 });
};

describe('two events in two unresolved villages', () => {
  test.prop([fc.oneof(arReport, enReport)], params)('are two incidents, each with its own village', ({ names, text, language }) => {
    const out = run(text, language);
    const villages = out.incidents.map((i) => (i.unresolvedPlaces ?? []).map((u) => u.name));
    expect(out.incidents.length).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(villages.filter((v) => v.includes(name))).toHaveLength(1);
    expect(villages.some((v) => names.every((n) => v.includes(n)))).toBe(false);
  });
});
