/**
 * Property: a generated report that tells two events on different days, or in two different
 * villages the gazetteer does not have, gives two incidents (src/extract/segment.ts through the
 * whole pipeline). Sentences and village names are generated for this test.
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

// made-up village names: consonant-vowel syllables no gazetteer entry has
const LATIN = ['b', 'd', 'f', 'j', 'k', 'l', 'm', 'n', 'r', 's', 't', 'z'];
const VOWELS = ['a', 'i', 'u'];
const ARABIC = ['ب', 'د', 'ف', 'ج', 'ك', 'ل', 'م', 'ن', 'ر', 'س', 'ت', 'ز'];
const nameEn = fc.array(fc.tuple(fc.constantFrom(...LATIN), fc.constantFrom(...VOWELS)), { minLength: 3, maxLength: 4 })
  .map((ps) => { const w = ps.map(([c, v]) => c + v).join('') + 'q'; return `Qa${w}`; });
const nameAr = fc.array(fc.constantFrom(...ARABIC), { minLength: 3, maxLength: 4 }).map((cs) => `قـ${cs.join('ا')}ون`.replace('ـ', ''));

type Event = { village: string; day: number; killed: number };
const report = (lang: 'en' | 'ar', events: readonly Event[], joined: boolean): Report => {
  const say = (e: Event) => (lang === 'en'
    ? `strikes killed ${e.killed} civilians in the village of ${e.village} on ${WEEKDAYS_EN[e.day]}`
    : `قتل ${e.killed} مدنيا في قرية ${e.village} يوم ${WEEKDAYS_AR[e.day]}`);
  const [a, b] = events;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const text = joined
    ? (lang === 'en' ? `${cap(say(a!))}, while ${say(b!)}.` : `${say(a!)}، فيما ${say(b!)}.`)
    : (lang === 'en' ? `${cap(say(a!))}. ${cap(say(b!))}.` : `${say(a!)}. ${say(b!)}.`);
  return { id: `gen-${lang}`, publishedAt: PUB, outlet: 'reuters', language: lang, url: null, text, coded: null, origin: 'generated' };
};

const incidentsOf = (r: Report) => reconcileReports({ reports: [r], rules, rulesHash: hash, readWarnings: [], reportsSkipped: 0 }).incidents;

describe('two events in one report are two incidents', () => {
  for (const lang of ['en', 'ar'] as const) {
    const name = lang === 'en' ? nameEn : nameAr;
    it(`${lang}: different days, or different unresolved villages`, () => {
      fc.assert(fc.property(
        name, name, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 90 }), fc.integer({ min: 2, max: 90 }), fc.boolean(), fc.boolean(),
        (v1, v2, d1, d2, k1, k2, sameVillage, joined) => {
          const villages: [string, string] = sameVillage ? [v1, v1] : [v1, v2];
          fc.pre(villages[0] !== villages[1] || d1 !== d2);
          const r = report(lang, [{ village: villages[0], day: d1, killed: k1 }, { village: villages[1], day: d2, killed: k2 }], joined);
          expect(incidentsOf(r)).toHaveLength(2);
        },
      ), { numRuns: 60, seed: 16 });
    });
  }

  it('one event told in two sentences stays one incident (the property can fail)', () => {
    const r: Report = { id: 'gen-one', publishedAt: PUB, outlet: 'reuters', language: 'en', url: null, origin: 'generated', coded: null,
      text: 'Strikes killed 12 civilians in the village of Qabaduriq on Friday. Rescuers said 4 of them were children.' };
    expect(incidentsOf(r)).toHaveLength(1);
  });
});

// a statement given the day after its event, dated by its own time word ("said on Tuesday", "اليوم")
const SAID_EN = ['The {S} said {T} that the toll had risen to {n}', 'In a statement {T}, the {S} said {n} of the dead were children',
  'The {S} {T} said {n} people were also wounded{P}', 'The {S} told reporters {T} that {n} people had died{P}', 'Russia denied {T} that its jets had carried out the raid{P}'];
const SAID_AR = ['وقالت {S} {T} إن الحصيلة ارتفعت إلى {n} قتيلا', 'وأعلنت {S} في بيان {T} ارتفاع الحصيلة إلى {n} قتيلا',
  'وذكرت {S} {T} أن {n} أشخاص أصيبوا{P}', 'ونفت روسيا {T} أن تكون طائراتها قصفت القرية{P}', 'وفي بيان لها {T}، قالت {S} إن {n} أشخاص قتلوا{P}'];
const SPEAKERS_EN = ['health directorate', 'local council', 'ministry', 'civil defence'];
const SPEAKERS_AR = ['مديرية الصحة', 'المجلس المحلي', 'الوزارة', 'إدارة المخيم'];
// the statement's day: the weekday after the event's, or "yesterday" / "today" when that is one
const dayWord = (lang: 'en' | 'ar', day: number, form: number): string => {
  const next = day + 1; // PUB is day 7 (Sunday)
  if (lang === 'en') return next === 7 && form === 1 ? 'today' : next === 6 && form === 1 ? 'yesterday' : `on ${WEEKDAYS_EN[next % 7]}`;
  if (next === 7 && form > 0) return form === 1 ? 'اليوم' : `اليوم ${WEEKDAYS_AR[0]}`;
  return next === 6 && form === 1 ? 'أمس' : `يوم ${WEEKDAYS_AR[next % 7]}`;
};

describe('a statement on the day after its event tells the same incident', () => {
  for (const lang of ['en', 'ar'] as const) {
    const name = lang === 'en' ? nameEn : nameAr;
    it(`${lang}: an event on day D and a statement about it on D+1 give one incident`, () => {
      fc.assert(fc.property(
        name, fc.integer({ min: 1, max: 6 }), fc.constantFrom(...(lang === 'en' ? SAID_EN : SAID_AR)), fc.constantFrom(...(lang === 'en' ? SPEAKERS_EN : SPEAKERS_AR)),
        fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.integer({ min: 2, max: 90 }), fc.integer({ min: 3, max: 9 }),
        (village, d, template, speaker, form, placed, killed, n) => {
          const said = template.replace('{S}', speaker).replace('{T}', dayWord(lang, d, form)).replace('{n}', String(n))
            .replace('{P}', placed ? (lang === 'en' ? ` in the village of ${village}` : ` في قرية ${village}`) : '');
          const text = lang === 'en'
            ? `Strikes killed ${killed} civilians in the village of ${village} on ${WEEKDAYS_EN[d]}. ${said}.`
            : `قتل ${killed} مدنيا في قرية ${village} يوم ${WEEKDAYS_AR[d]}. ${said}.`;
          const r: Report = { id: `said-${lang}`, publishedAt: PUB, outlet: 'reuters', language: lang, url: null, text, coded: null, origin: 'generated' };
          expect(incidentsOf(r), text).toHaveLength(1);
        },
      ), { numRuns: 60, seed: 16 });
    });
  }
});

// where the wounded were taken, people fled or passed: never the event's place
const MOVED_EN = ['{n} of the wounded were taken to {D}', 'Another {n} people were rushed to a hospital in {D}', 'Rescuers said {n} injured were transferred to Turkey via {D}', 'Some {n} families fled towards {D}'];
const MOVED_AR = ['ونقل {n} من الجرحى إلى {D}', 'وأسعف {n} مصابين إلى مشفى في {D}', 'ونقل {n} جرحى إلى تركيا عبر {D}', 'ونزحت {n} عائلة باتجاه {D}'];
const TOWNS_EN = ['the town of Sarmada', 'Atmeh', 'the Bab al-Hawa crossing', 'al-Dana'];
const TOWNS_AR = ['بلدة سرمدا', 'أطمة', 'معبر باب الهوى', 'الدانا'];

describe('a place people were taken to or fled to opens no event', () => {
  for (const lang of ['en', 'ar'] as const) {
    const name = lang === 'en' ? nameEn : nameAr;
    it(`${lang}: a strike in one village, the wounded moved to another place, is one incident`, () => {
      fc.assert(fc.property(
        name, name, fc.constantFrom(...(lang === 'en' ? MOVED_EN : MOVED_AR)), fc.option(fc.constantFrom(...(lang === 'en' ? TOWNS_EN : TOWNS_AR)), { nil: null }),
        fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 90 }), fc.integer({ min: 3, max: 40 }),
        (village, other, template, town, d, killed, n) => {
          fc.pre(village !== other);
          const dest = town ?? (lang === 'en' ? `the village of ${other}` : `قرية ${other}`);
          const moved = template.replace('{n}', String(n)).replace('{D}', dest);
          const text = lang === 'en'
            ? `Strikes killed ${killed} civilians in the village of ${village} on ${WEEKDAYS_EN[d]}. ${moved}.`
            : `قتل ${killed} مدنيا في قرية ${village} يوم ${WEEKDAYS_AR[d]}. ${moved}.`;
          const r: Report = { id: `moved-${lang}`, publishedAt: PUB, outlet: 'reuters', language: lang, url: null, text, coded: null, origin: 'generated' };
          expect(incidentsOf(r)).toHaveLength(1);
        },
      ), { numRuns: 40, seed: 16 });
    });
  }
});

