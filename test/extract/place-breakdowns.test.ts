/**
 * A list of per-place figures that follows a total is part of that total: one event, the
 * figures parts of the whole (never wholes, never a revision of it). Sentences written for this
 * test (src/extract/text.ts breakdownOf, src/extract/segment.ts hangsBefore). Publication: Sunday 28 July 2019.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const read = (language: 'ar' | 'en', text: string) => {
  const x = extract(text, { publishedAt: '2019-07-28', language, outlet: 'reuters' });
  const ids = new Map(x.mentions.flatMap((m) => m.claims).map((c) => [c.id, c.value]));
  return x.mentions.map((m) => m.claims.map((c) => `${c.outcome}/${c.group}=${c.value}${c.partOf ? `<${ids.get(c.partOf)}` : ''}`));
};

describe('a per-place breakdown after a total in the same sentence', () => {
  it('English: "N of them at X", "including N in X", a colon', () => {
    expect(read('en', 'Air raids killed 48 fighters on Thursday, 30 of them near the dam, 11 around the bridge and 7 at the depot.'))
      .toEqual([['killed/combatants=48', 'killed/combatants=30<48', 'killed/combatants=11<48', 'killed/combatants=7<48']]);
    expect(read('en', 'Shelling killed 19 civilians in Idlib province on Monday, including 12 in Hass and 7 in Sarmin.'))
      .toEqual([['killed/civilians=19', 'killed/civilians=12<19', 'killed/civilians=7<19']]);
    expect(read('en', 'Strikes wounded 23 people on Friday: 13 in Kafr Nabl, 6 in Hass and 4 in Binnish.'))
      .toEqual([['injured/all=23', 'injured/all=13<23', 'injured/all=6<23', 'injured/all=4<23']]);
  });
  it('Arabic: "بينهم N في X و M في Y", "منهم", a colon', () => {
    expect(read('ar', 'وقتلت الغارات 44 عنصرا يوم الجمعة، بينهم 25 في مدينة حلب و19 في ريفها.'))
      .toEqual([['killed/combatants=44', 'killed/combatants=25<44', 'killed/combatants=19<44']]);
    expect(read('ar', 'وأصيب 21 مدنيا يوم الخميس، منهم 11 في كفرنبل و6 في حاس و4 في سراقب.'))
      .toEqual([['injured/civilians=21', 'injured/civilians=11<21', 'injured/civilians=6<21', 'injured/civilians=4<21']]);
    expect(read('ar', 'وقتل 17 شخصا يوم الاثنين: 10 في سرمين و7 في بنش.'))
      .toEqual([['killed/all=17', 'killed/all=10<17', 'killed/all=7<17']]);
  });
  it('a list of tolls at places with no total before it stays one event per place', () => {
    expect(read('en', 'Strikes killed 5 civilians in Kafr Nabl and 3 in Hass on Friday.')).toEqual([['killed/civilians=5'], ['killed/civilians=3']]);
    expect(read('ar', 'وقتل 7 مدنيين في حاس و3 في سرمين يوم الجمعة.')).toEqual([['killed/civilians=7'], ['killed/civilians=3']]);
  });
});

describe('a sentence breaking down the whole told just before', () => {
  it('"N of the dead were killed at X, M at Y and K at Z": parts of that whole, of its group, in its event', () => {
    expect(read('en', 'Raids killed 30 civilians on Friday, the monitor said. It said 14 of the dead were killed in Hass, 9 in Sarmin and 7 in Binnish.'))
      .toEqual([['killed/civilians=30', 'killed/civilians=14<30', 'killed/civilians=9<30', 'killed/civilians=7<30']]);
    expect(read('en', 'Shelling killed 25 people on Monday, the monitor said. It said 13 of the dead were killed in Hass and 8 in Sarmin.'))
      .toEqual([['killed/all=25', 'killed/all=13<25', 'killed/all=8<25']]);
  });
  it('figures adding up to more than the whole, or told of another attack, are no breakdown of it', () => {
    expect(read('en', 'Raids killed 12 civilians on Friday. It said 14 of the dead were killed in Hass, 9 in Sarmin and 7 in Binnish.').flat())
      .not.toContain('killed/civilians=14<12');
    expect(read('en', 'Raids killed 30 civilians on Friday. Shelling killed 5 in Hass and 3 in Sarmin.').flat().some((c) => c.includes('<'))).toBe(false);
  });
});
