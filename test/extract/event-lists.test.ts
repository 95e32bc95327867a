/**
 * A sentence listing tolls, each at its own place, tells one event per place; a day told once for
 * the list dates each of them; figures at one place, or parts of one toll, stay one event
 * (src/extract/segment.ts: clauseParts). Sentences written for this test. Publication: Sunday 28 July 2019.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const PUB = '2019-07-28';
const read = (language: 'ar' | 'en', text: string) => extract(text, { publishedAt: PUB, language, outlet: 'reuters' }).mentions
  .map((m) => ({ values: m.claims.map((c) => c.value), places: m.places.map((p) => p.name), day: m.date && `${m.date.start}..${m.date.end}` }));

describe('a toll list over places is one event per place', () => {
  it('two or three figures, each with its own place, joined by "and" or commas', () => {
    expect(read('en', 'Strikes killed 5 civilians in Kafr Nabl and 3 in Hass on Friday.').map((m) => m.values)).toEqual([[5], [3]]);
    expect(read('en', 'Shelling killed six people in Hass, four in Sarmin and two in Saraqeb on Thursday, rescuers said.').map((m) => m.values))
      .toEqual([[6], [4], [2]]);
  });
  it('the day told once dates every place of the list', () => {
    const days = read('en', 'Raids killed 7 people in Hass, 2 in Kafr Nabl and 4 in Maarat al-Numan on Friday.').map((m) => m.day);
    expect(days).toEqual(['2019-07-26..2019-07-26', '2019-07-26..2019-07-26', '2019-07-26..2019-07-26']);
    // two days told: each part keeps its own
    expect(read('en', 'Strikes killed 9 people in Kafr Nabl on Friday and 3 in Sarmin on Saturday.').map((m) => m.day))
      .toEqual(['2019-07-26..2019-07-26', '2019-07-27..2019-07-27']);
  });
  it('figures at one place, outcomes of one attack and parts of a toll stay one event', () => {
    expect(read('en', 'Strikes killed 5 civilians and wounded 12 in Kafr Nabl on Friday.').map((m) => m.values)).toEqual([[5, 12]]);
    expect(read('en', 'Strikes killed 8 civilians in Kafr Nabl on Friday, including 3 children.')).toHaveLength(1);
    expect(read('en', 'Five people died in Sarmin and 9 were hurt in the town on Friday.')).toHaveLength(1);
    expect(read('ar', 'قتل 5 مدنيين وأصيب 12 آخرون في كفرنبل يوم الجمعة.')).toHaveLength(1);
  });
});
