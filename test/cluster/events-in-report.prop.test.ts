/**
 * Property: a generated report that tells two events, on different days or in two different
 * villages (listed in the gazetteer or not), gives two incidents, whatever form tells them apart:
 * a day each source spoke on, a toll list over places, a recalled earlier strike dated from the
 * event before, or a clause joiner (src/extract/segment.ts through the whole pipeline). And one
 * event told by its source's statement and then dated by the body stays one. Sentences and
 * village names are generated for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { reconcileReports } from '../../src/pipeline.js';
import { shippedRules } from '../support/rules.js';

const { rules, hash } = shippedRules();
const PUB = '2019-07-28'; // a Sunday
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_AR = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
type Lang = 'en' | 'ar';

// made-up villages (consonant-vowel syllables no gazetteer entry has), introduced as villages;
// and villages the gazetteer lists, named bare
const LATIN = ['b', 'd', 'f', 'j', 'k', 'l', 'm', 'n', 'r', 's', 't', 'z'];
const ARABIC = ['ب', 'د', 'ف', 'ج', 'ك', 'ل', 'م', 'ن', 'ر', 'س', 'ت', 'ز'];
const madeUp = (lang: Lang) => (lang === 'en'
  ? fc.array(fc.tuple(fc.constantFrom(...LATIN), fc.constantFrom('a', 'i', 'u')), { minLength: 3, maxLength: 4 }).map((ps) => `the village of Qa${ps.map(([c, v]) => c + v).join('')}q`)
  : fc.array(fc.constantFrom(...ARABIC), { minLength: 3, maxLength: 4 }).map((cs) => `قرية ق${cs.join('ا')}ون`));
const LISTED: Record<Lang, readonly string[]> = { en: ['Kafr Nabl', 'Hass', 'Sarmin', 'Saraqeb', 'Maarat al-Numan'], ar: ['كفرنبل', 'حاس', 'سرمين', 'سراقب', 'معرة النعمان'] };
const village = (lang: Lang) => fc.oneof(madeUp(lang), fc.constantFrom(...LISTED[lang]));

const incidentsOf = (lang: Lang, text: string) => {
  const r: Report = { id: `gen-${lang}`, publishedAt: PUB, outlet: 'reuters', language: lang, url: null, text, coded: null, origin: 'generated' };
  return reconcileReports({ reports: [r], rules, rulesHash: hash, readWarnings: [], reportsSkipped: 0 }).incidents;
};
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const figure = fc.integer({ min: 2, max: 90 });
const weekday = fc.integer({ min: 1, max: 6 });

// an event told only through its source's statement, dated by the day the source spoke
const SAID_EN = ['The {S} said on {D} that strikes killed {n} civilians in {V}', 'Strikes killed {n} civilians in {V}, the {S} said on {D}',
  'In a statement on {D}, the {S} said {n} civilians were killed in {V}'];
const SAID_AR = ['أفاد {S} يوم {D} بمقتل {n} مدنيا في {V}', 'وقال {S} يوم {D} إن {n} مدنيا قتلوا في {V}', 'وذكر {S} في بيان يوم {D} أن {n} مدنيا قتلوا في {V}'];
const SPEAKERS: Record<Lang, readonly string[]> = { en: ['monitor', 'civil defence', 'health directorate'], ar: ['المرصد', 'الدفاع المدني', 'مديرية الصحة'] };
const said = (lang: Lang, t: string, s: string, day: number, n: number, v: string) =>
  t.replace('{S}', s).replace('{D}', (lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_AR)[day]!).replace('{n}', String(n)).replace('{V}', v);
const own = (lang: Lang, day: number, n: number, v: string) => (lang === 'en'
  ? `Shelling killed ${n} people in ${v} on ${WEEKDAYS_EN[day]}` : `وقتل ${n} مدنيا في قصف على ${v} يوم ${WEEKDAYS_AR[day]}`);

describe('two events of one report are two incidents', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: each told by a statement dated on its own day`, () => {
      const t = fc.constantFrom(...(lang === 'en' ? SAID_EN : SAID_AR)), s = fc.constantFrom(...SPEAKERS[lang]);
      fc.assert(fc.property(village(lang), village(lang), weekday, weekday, figure, figure, t, t, s, fc.boolean(),
        (v1, v2, d1, d2, n1, n2, t1, t2, sp, same) => {
          const b = same ? v1 : v2;
          fc.pre(b !== v1 || d1 !== d2);
          const text = `${said(lang, t1, sp, d1, n1, v1)}. ${said(lang, t2, sp, d2, n2, b)}.`;
          expect(incidentsOf(lang, text), text).toHaveLength(2);
        }), { numRuns: 50, seed: 16 });
    });

    it(`${lang}: a statement-dated event, then one dated by its own day after the statement or at another village`, () => {
      const t = fc.constantFrom(...(lang === 'en' ? SAID_EN : SAID_AR)), s = fc.constantFrom(...SPEAKERS[lang]);
      fc.assert(fc.property(village(lang), village(lang), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), figure, figure, t, s, fc.boolean(),
        (v1, v2, d1, step, n1, n2, t1, sp, same) => {
          const b = same ? v1 : v2;
          const d2 = Math.min(6, d1 + step);
          fc.pre(b !== v1 || d2 !== d1);
          const text = `${said(lang, t1, sp, d1, n1, v1)}. ${cap(own(lang, d2, n2, b))}.`;
          expect(incidentsOf(lang, text), text).toHaveLength(2);
        }), { numRuns: 50, seed: 16 });
    });

    it(`${lang}: a toll list over two villages, or two clauses joined by while / whereas / meanwhile`, () => {
      const joiner = fc.constantFrom(...(lang === 'en' ? [', while', ', whereas', '. Meanwhile,'] : ['، فيما', '، بينما', '، في حين']));
      fc.assert(fc.property(village(lang), village(lang), weekday, figure, figure, fc.boolean(), joiner,
        (v1, v2, d, n1, n2, list, j) => {
          fc.pre(v1 !== v2);
          const text = lang === 'en'
            ? (list ? `Strikes killed ${n1} civilians in ${v1} and ${n2} in ${v2} on ${WEEKDAYS_EN[d]}.` : `Strikes killed ${n1} civilians in ${v1} on ${WEEKDAYS_EN[d]}${j} ${n2} people died in ${v2}.`)
            : (list ? `قتل ${n1} مدنيا في ${v1}، وقتل ${n2} آخرون في ${v2} يوم ${WEEKDAYS_AR[d]}.` : `قتل ${n1} مدنيا في ${v1} يوم ${WEEKDAYS_AR[d]}${j} قتل ${n2} آخرون في ${v2}.`);
          expect(incidentsOf(lang, text), text).toHaveLength(2);
        }), { numRuns: 50, seed: 16 });
    });

    it(`${lang}: a recalled earlier strike dated from the event before, at the same village or another`, () => {
      const back = fc.constantFrom(...(lang === 'en' ? ['The day before', 'Two days earlier', 'A week earlier', 'Days earlier'] : ['وفي اليوم السابق', 'وقبل ذلك بيومين', 'وقبل ذلك بأسبوع', 'وقبل ذلك بأيام']));
      fc.assert(fc.property(village(lang), village(lang), weekday, figure, figure, back, fc.boolean(),
        (v1, v2, d, n1, n2, when, same) => {
          const b = same ? v1 : v2;
          const text = lang === 'en'
            ? `Strikes killed ${n1} civilians in ${v1} on ${WEEKDAYS_EN[d]}. ${when}, shelling killed ${n2} people in ${b}.`
            : `قتل ${n1} مدنيا في ${v1} يوم ${WEEKDAYS_AR[d]}. ${when} قتل ${n2} مدنيا في قصف على ${b}.`;
          expect(incidentsOf(lang, text), text).toHaveLength(2);
        }), { numRuns: 50, seed: 16 });
    });

    it(`${lang}: one event told by a statement, then dated by the body at its village on that day or the day before, is one incident (the properties can fail)`, () => {
      const t = fc.constantFrom(...(lang === 'en' ? SAID_EN : SAID_AR)), s = fc.constantFrom(...SPEAKERS[lang]);
      fc.assert(fc.property(village(lang), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 1 }), figure, t, s, (v, d, earlier, n, t1, sp) => {
        const day = d - earlier;
        const text = lang === 'en'
          ? `${said(lang, t1, sp, d, n, v)}. The strikes on ${v} on ${WEEKDAYS_EN[day]} killed ${n} people, rescuers said.`
          : `${said(lang, t1, sp, d, n, v)}. وقال مسعفون إن الغارات على ${v} يوم ${WEEKDAYS_AR[day]} قتلت ${n} مدنيا.`;
        expect(incidentsOf(lang, text), text).toHaveLength(1);
      }), { numRuns: 30, seed: 16 });
    });
  }
});
