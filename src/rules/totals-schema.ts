/**
 * Schema of rules/languages/<lang>/totals.yaml: how one language says that a figure is a
 * total over many events, by composition rather than by a list of phrases (src/extract/totals.ts):
 * a period (preposition + determiner + number + unit, or a month or year), "since" + an event or
 * a date, a stated span of days, and a scope over a country or several places.
 */
import { z } from 'zod';

const phrase = z.string().trim().min(1, 'a phrase cannot be empty');
const phrases = z.array(phrase).default([]);

export const TimeUnit = z.enum(['hour', 'day', 'week', 'month', 'year']);
export type TimeUnit = z.infer<typeof TimeUnit>;

export const TotalRules = z.object({
  /** words that open a period before a number and a unit ("over", "during", "خلال", "على مدى") */
  prepositions: phrases,
  /** of those, the ones that with a month name or a year make a period ("during July", "خلال تموز") */
  monthPrepositions: phrases,
  /** between the preposition and the number or unit ("the past", "the last", "a", "one", "ال") */
  determiners: phrases,
  /** words that may stand between a preposition and a month name ("the month of", "شهر") */
  monthWords: phrases,
  /** words after a singular unit that leave it a span, not a unit named by the word after it
   *  (a preposition: "خلال أسبوع في غارات", "خلال أسبوع إلى 125"; "خلال شهر رمضان" is named) */
  unitFollowers: phrases,
  /** after the unit (and its number): "past", "last" ("الأيام السبعة الفائتة") */
  after: phrases,
  /** determiners that are only an article ("ال"): a period they open is not counted off ("في الأيام" needs more) */
  articles: phrases,
  /** a definite article a number word may carry after a definite unit ("السبعة"): stripped to read it */
  numberArticles: z.array(z.string().min(1)).default([]),
  /** time units in every inflection; count: how many units a singular or a dual is (1, 2; a decade 10 years), none for a plural */
  units: z.array(z.object({ phrase, unit: TimeUnit, count: z.number().int().positive().nullable().default(null) })).default([]),
  /** a window of up to this many hours dates one event ("in the past 24 hours"); a longer period is a total */
  eventHours: z.number().int().nonnegative().default(48),
  /** "since": with a date, a year, a month or an event noun after it, a period */
  since: phrases,
  /** what "since" may be followed by besides a date ("the start", "the escalation", "اندلاع*") */
  sinceObjects: phrases,
  /** a time of the last day or night after "since" counts no period: one wave of strikes ("since midnight",
   *  "since the early hours of Sunday", "منذ منتصف الليل"); checked before the objects */
  sinceWithinDay: phrases,
  /** how many words "since" may stand before its date or event ("since the start", "منذ نهاية نيسان") */
  sinceReach: z.number().int().positive().default(3),
  /** a superlative or an ordinal before "since" in its clause ("the deadliest since 2017", "الأعنف منذ"): a comparison with
   *  a past event, not a period, and the "when" clause after it tells that one event ("since 2017, when 40 were killed") */
  sinceComparisons: phrases,
  /** how many words before "since" a comparison may stand ("the deadliest attack on the group since") */
  comparisonReach: z.number().int().positive().default(8),
  /** words between a scope quantifier and its region noun ("several of the provinces") */
  scopeLinks: phrases,
  /** words that make a scope over several places one wave of strikes, an event ("overnight", "in a wave
   *  of", "ليل أمس"): the scope then counts no total */
  oneWave: phrases,
  /** words that put a whole region in scope before a region noun or a place ("across", "في عموم") */
  scopeBefore: phrases,
  /** quantifiers over places before a region noun ("several", "various", "عدة", "مختلف") */
  scopeQuantifiers: phrases,
  /** quantifiers over places after a plural region noun ("مناطق عدة", "مناطق متفرقة") */
  scopeAfter: phrases,
  /** region nouns: a country, provinces, areas, locations ("country", "المحافظات", "مناطق") */
  regionNouns: phrases,
  /** a stated span of days: "from 23 to 28 August", "من 23 حتى 28 من آب" */
  spanFrom: phrases,
  spanTo: phrases,
  /** a span of this many days or more is a period */
  spanDays: z.number().int().positive().default(3),
  /** a cumulative perfect ("have killed", "has left"): a period or scope anywhere in the sentence reaches its figures */
  perfect: phrases,
  /** clause openers that tie a clause to the event of the main clause ("when", "جراء"): a scope
   *  or period there reaches the figures before it */
  eventLinks: phrases,
  /** openers that refer back to the figures of a total ("among the dead", "بين القتلى") */
  backReferences: phrases,
});
export type TotalRules = z.infer<typeof TotalRules>;
