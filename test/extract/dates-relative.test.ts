/**
 * Relative dates and events at the clause (src/extract/dates.ts, src/extract/segment.ts), on
 * sentences written for these tests. Publication: Wednesday 24 July 2019.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const PUB = '2019-07-24';
const en = (text: string) => extract(text, { publishedAt: PUB, language: 'en', outlet: 'reuters' });
const ar = (text: string) => extract(text, { publishedAt: PUB, language: 'ar', outlet: 'reuters' });
const days = (x: ReturnType<typeof extract>) => x.mentions.map((m) => m.date && `${m.date.start}..${m.date.end}`);

describe('dates from publication', () => {
  it.each([
    ['Shelling killed 6 people in Kafr Nabl two days ago.', '2019-07-22..2019-07-22'],
    ['Shelling killed 6 people in Kafr Nabl 3 days ago.', '2019-07-21..2019-07-21'],
    ['Shelling killed 6 people in Kafr Nabl a week ago.', '2019-07-17..2019-07-17'],
    ['Shelling killed 6 people in Kafr Nabl on Sunday.', '2019-07-21..2019-07-21'],
  ])('en: %s', (text, want) => expect(days(en(text))).toEqual([want]));

  it.each([
    ['قتل 6 مدنيين في بلدة كفرنبل قبل ثلاثة أيام.', '2019-07-21..2019-07-21'],
    ['قتل 6 مدنيين في بلدة كفرنبل قبل 4 أيام.', '2019-07-20..2019-07-20'],
    ['قتل 6 مدنيين في بلدة كفرنبل قبل يومين.', '2019-07-22..2019-07-22'],
    ['قتل 6 مدنيين في بلدة كفرنبل أمس.', '2019-07-23..2019-07-23'],
    ['قتل 6 مدنيين في بلدة كفرنبل أول من أمس.', '2019-07-22..2019-07-22'],
    ['قتل 6 مدنيين في بلدة كفرنبل يوم الأحد.', '2019-07-21..2019-07-21'],
  ])('ar: %s', (text, want) => expect(days(ar(text))).toEqual([want]));

  it('last week is a span of days before publication, none of them publication day', () => {
    for (const x of [en('Shelling killed 6 people in Kafr Nabl last week.'), ar('قتل 6 مدنيين في بلدة كفرنبل الأسبوع الماضي.')]) {
      const d = x.mentions[0]!.date!;
      expect(d.start < d.end).toBe(true);
      expect(d.end < PUB).toBe(true);
      expect(d.start >= '2019-07-10').toBe(true);
    }
  });
});

describe('dates from the event told before', () => {
  it.each([
    ['Strikes killed 8 people in Kafr Nabl on Monday. The day before, shelling killed 3 people in Hass.', ['2019-07-22..2019-07-22', '2019-07-21..2019-07-21']],
    ['Strikes killed 8 people in Kafr Nabl on Monday. The next day, shelling killed 3 people in Hass.', ['2019-07-22..2019-07-22', '2019-07-23..2019-07-23']],
    ['Strikes killed 8 people in Kafr Nabl on Monday. Two days earlier, shelling killed 3 people there.', ['2019-07-22..2019-07-22', '2019-07-20..2019-07-20']],
  ])('en: %s', (text, want) => expect(days(en(text))).toEqual(want));

  it.each([
    ['قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين. وفي اليوم السابق قتل 3 مدنيين في بلدة حاس.', ['2019-07-22..2019-07-22', '2019-07-21..2019-07-21']],
    ['قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين. وفي اليوم التالي قتل 3 مدنيين في بلدة حاس.', ['2019-07-22..2019-07-22', '2019-07-23..2019-07-23']],
    ['قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين. وقبل ذلك بيومين قتل 3 مدنيين في البلدة.', ['2019-07-22..2019-07-22', '2019-07-20..2019-07-20']],
  ])('ar: %s', (text, want) => expect(days(ar(text))).toEqual(want));

  it('"a day after <event>" opening a sentence dates the sentence a day after the event told before', () => {
    expect(days(en('Strikes killed 8 people in Kafr Nabl on Monday. A day after the strikes, shelling killed 3 people in Hass.')))
      .toEqual(['2019-07-22..2019-07-22', '2019-07-23..2019-07-23']);
  });

  it('"N after <event>" inside a sentence dates the event after it N days before the sentence\'s', () => {
    const x = en('Strikes killed 8 people in Kafr Nabl on Monday. The strikes came a week after shelling on Hass killed 12 people.');
    expect(days(x)).toEqual(['2019-07-22..2019-07-22', '2019-07-15..2019-07-15']);
    expect(x.mentions[1]!.claims.map((c) => c.value)).toEqual([12]);
    const y = ar('قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين. وجاءت الغارات بعد أسبوع من قصف على بلدة حاس أودى بحياة 12 مدنيا.');
    expect(days(y)).toEqual(['2019-07-22..2019-07-22', '2019-07-15..2019-07-15']);
  });

  it('a recalled earlier strike is its own event', () => {
    const x = en('Strikes killed 8 people in Kafr Nabl on Monday. A week earlier, raids on the village of Tell Sarmin had killed 12 people.');
    expect(x.mentions).toHaveLength(2);
    expect(x.mentions[1]!.claims.map((c) => c.value)).toEqual([12]);
    expect(days(x)[1]).toBe('2019-07-15..2019-07-15');
    const y = ar('قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين. وقبل ذلك بأسبوع كانت غارات على قرية تل سرمين قد قتلت 12 مدنيا.');
    expect(y.mentions).toHaveLength(2);
    expect(days(y)[1]).toBe('2019-07-15..2019-07-15');
  });
});

describe('two events in one sentence', () => {
  it.each([
    ['18 people died in Kafr Nabl on Monday, while 9 died in Hass on Tuesday.'],
    ['Strikes killed 18 people in Kafr Nabl on Monday, and shelling killed 9 people in Hass on Tuesday.'],
  ])('en: %s', (text) => {
    const x = en(text);
    expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[18], [9]]);
    expect(days(x)).toEqual(['2019-07-22..2019-07-22', '2019-07-23..2019-07-23']);
  });

  it('ar: فيما', () => {
    const x = ar('قتل 18 مدنيا في بلدة كفرنبل يوم الاثنين، فيما قتل 9 مدنيين في بلدة حاس يوم الثلاثاء.');
    expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[18], [9]]);
  });

  it('one event told over two clauses stays one', () => {
    expect(en('Strikes killed 18 people in Kafr Nabl on Monday, among them 9 children, rescuers said.').mentions).toHaveLength(1);
    expect(en('Strikes hit the market in Kafr Nabl on Monday, killing 18 people, while 30 others were wounded.').mentions).toHaveLength(1);
  });

  it('a sentence on another day at a place is another event; the toll raised a day later is not', () => {
    expect(en('Strikes killed 8 people in Kafr Nabl on Monday. On Tuesday, shelling killed 3 people in Kafr Nabl.').mentions).toHaveLength(2);
    expect(en('Strikes killed 8 people in Kafr Nabl on Monday. On Tuesday, the toll rose to 11.').mentions).toHaveLength(1);
  });
});

describe('places inside speakers\' names', () => {
  it('an outlet named for its town places no event there', () => {
    const x = en('Strikes killed 8 people in Kafr Nabl on Monday. Shahba Press put the number of dead at nine.');
    expect(x.mentions).toHaveLength(1);
    expect(x.mentions[0]!.places.map((p) => p.name)).not.toContain('Shahba');
  });
});

describe('a stance told without a figure', () => {
  it('joins the event at its place and day', () => {
    const x = en('Strikes killed 8 people in Kafr Nabl on Monday. Shelling killed 3 people in Hass on Tuesday. Activists blamed Russian warplanes for the raid on Kafr Nabl.');
    expect(x.mentions).toHaveLength(2);
    expect(x.mentions[0]!.stances.map((s) => s.actor)).toContain('russia');
    expect(x.looseStances).toHaveLength(0);
  });
  it('told before a list of the event\'s places, joins the event the list tells', () => {
    const x = en('Activists blamed Russian warplanes for raids on Idlib province on Monday.\n\n- Kafr Nabl: strikes killed 8 people.');
    expect(x.mentions).toHaveLength(1);
    expect(x.mentions[0]!.stances.map((s) => s.actor)).toContain('russia');
    expect(x.looseStances).toHaveLength(0);
  });
  it('joins the report\'s main event when nothing tells them apart', () => {
    const x = ar('قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين.\n\nوحمل ناشطون الطيران الروسي مسؤولية القصف.');
    expect(x.mentions).toHaveLength(1);
    expect(x.mentions[0]!.stances.map((s) => s.actor)).toContain('russia');
    expect(x.looseStances).toHaveLength(0);
  });
});

describe('parts that tell no new event', () => {
  it('a lone place after "near the village of" is a reference point, not another event', () => {
    const x = en('Shelling killed 8 people in Atareb on Sunday. Forces stationed near the village of Urum al-Kubra fired the shells, the monitor said, and put the dead at seven.');
    expect(x.mentions).toHaveLength(1);
  });
  it('a stance dated a week before an undated event is another event\'s', () => {
    const x = en('A strike on a camp near Harem killed 43 fighters, a newspaper reported.\n\nThe strike follows a coalition drone attack last week elsewhere in the province.');
    expect(x.mentions).toHaveLength(1);
    const d = x.mentions[0]!.date!;
    expect(d.end).toBe(PUB);
  });
  it('an undated-place part of a day goes back to the one earlier event of that day', () => {
    const x = en('Strikes killed 8 people in Kafr Nabl on Monday. On Tuesday, shelling killed 3 people in Hass. The toll of Monday\'s strikes rose to 11, rescuers said on Tuesday.');
    expect(x.mentions).toHaveLength(2);
    expect(x.mentions[0]!.claims.map((c) => c.value)).toEqual([8, 11]);
  });
});

describe('one claim, said once', () => {
  it('a headline repeating the body\'s figure is the body\'s claim, with the headline as a restatement', () => {
    const text = 'Air strikes kill 14 civilians in Kafr Nabl\n\nAir strikes killed 14 civilians in the town of Kafr Nabl on Monday, the Observatory said.';
    const x = extract(text, { publishedAt: PUB, language: 'en', outlet: 'reuters' });
    const killed = x.mentions.flatMap((m) => m.claims).filter((c) => c.value === 14);
    expect(killed).toHaveLength(1);
    expect(killed[0]!.span[0]).toBeGreaterThan(text.indexOf('\n'));
    expect(killed[0]!.source).toBe('sohr');
    expect(killed[0]!.restatements?.map((r) => text.slice(r.span[0], r.span[1]))).toEqual([killed[0]!.restatements![0]!.quote]);
    expect(killed[0]!.restatements![0]!.span[1]).toBeLessThan(text.indexOf('\n'));
  });
  it('a headline figure the body does not repeat stays a claim of its own', () => {
    const x = ar('مقتل 14 مدنيا بغارات على كفرنبل\n\nقال المرصد السوري إن الغارات قتلت 12 مدنيا في بلدة كفرنبل يوم الاثنين.');
    expect(x.mentions.flatMap((m) => m.claims).map((c) => c.value).sort()).toEqual([12, 14]);
  });
});

describe('vague spans: some days, weeks or a month apart, never the same day', () => {
  const before = (x: ReturnType<typeof extract>, k: number, day: string) => expect(x.mentions[k]!.date!.end < day).toBe(true);
  it('from publication: "days ago", "weeks ago", "قبل أيام", "قبل أسابيع" end before publication', () => {
    for (const x of [en('Shelling killed 6 people in Kafr Nabl days ago.'), en('Shelling killed 6 people in Kafr Nabl weeks ago.'),
      ar('قتل 6 مدنيين في بلدة كفرنبل قبل أيام.'), ar('قتل 6 مدنيين في بلدة كفرنبل قبل أسابيع.')]) {
      expect(x.mentions).toHaveLength(1);
      before(x, 0, PUB);
    }
  });
  it('from the event told before, or after it: a recalled strike is its own event, before it', () => {
    for (const x of [
      en('Strikes killed 8 people in Kafr Nabl on Monday. Days earlier, shelling killed 3 people in the town.'),
      en('Strikes killed 8 people in Kafr Nabl on Monday. Weeks earlier, a raid on the town killed 5 civilians.'),
      en('Strikes killed 8 people in Kafr Nabl on Monday, weeks after shelling killed 5 people in the town.'),
      ar('قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين. وقبل ذلك بأيام قتل 3 مدنيين في البلدة.'),
      ar('قتل 8 مدنيين في بلدة كفرنبل يوم الاثنين، بعد أسابيع من قصف قتل 5 مدنيين في البلدة.'),
    ]) {
      expect(x.mentions.map((m) => m.claims.length)).toEqual([1, 1]);
      expect(x.mentions[0]!.claims[0]!.value).toBe(8);
      before(x, 1, '2019-07-22');
    }
  });
});

describe('an undated event falls in the days before publication', () => {
  it('a toll dated weeks before, at a broader place, is another event (a recalled strike)', () => {
    for (const x of [en('A raid killed 13 people in Kafr Nabl. Two weeks ago, a strike killed 4 civilians in Idlib province.'),
      ar('قتل 13 شخصا في عملية إنزال في بلدة كفرنبل. وقبل أسبوعين قتلت غارة 4 مدنيين في ريف إدلب.')]) {
      expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[13], [4]]);
      expect(x.mentions[0]!.date).toEqual({ start: '2019-07-22', end: PUB });
    }
  });
  it('the body dating the event at its own place stays one event', () => {
    expect(en('A raid killed 13 people in Kafr Nabl. The raid on Kafr Nabl on 3 July killed 13 people, rescuers said.').mentions).toHaveLength(1);
  });
});

describe('"last" with a weekday', () => {
  it.each([
    ['Shelling killed 6 people in Kafr Nabl last Sunday.', '2019-07-21..2019-07-21'],
    ['Shelling killed 6 people in Kafr Nabl last Wednesday.', '2019-07-17..2019-07-17'],
    ['Shelling killed 6 people in Kafr Nabl on Wednesday.', '2019-07-24..2019-07-24'],
  ])('en: %s', (text, want) => expect(days(en(text))).toEqual([want]));
  it.each([
    ['قتل 6 مدنيين في بلدة كفرنبل الأحد الماضي.', '2019-07-21..2019-07-21'],
    ['قتل 6 مدنيين في بلدة كفرنبل يوم الأربعاء الماضي.', '2019-07-17..2019-07-17'],
    ['قتل 6 مدنيين في بلدة كفرنبل يوم الأربعاء.', '2019-07-24..2019-07-24'],
  ])('ar: %s', (text, want) => expect(days(ar(text))).toEqual([want]));
  it('a toll of last week\'s weekday, with no place, is not the undated event of the report', () => {
    const x = en('Strikes killed 11 civilians in Kafr Nabl, rescuers said. Officials blamed militants for last Wednesday\'s bombing, which killed 6 people.');
    expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[11], [6]]);
    expect(days(x)).toEqual(['2019-07-22..2019-07-24', '2019-07-17..2019-07-17']);
  });
});
