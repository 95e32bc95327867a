import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const dateOf = (text: string, publishedAt: string | null = '2019-05-15') => extract(text, { publishedAt }).mentions.map((m) => m.date);

describe('dates', () => {
  it('day + Levantine month, year from publication', () => {
    expect(dateOf('في 3 أيار قتل 5 مدنيين في غارة.')).toEqual([{ start: '2019-05-03', end: '2019-05-03' }]);
  });
  it('day + Egyptian/Levantine pair + year', () => {
    expect(dateOf('قتل 5 مدنيين في غارة في 21 مارس/آذار 2018.')).toEqual([{ start: '2018-03-21', end: '2018-03-21' }]);
  });
  it('a month with "last" before the publication month', () => {
    expect(dateOf('قتل 5 مدنيين في غارة في شباط الماضي.')).toEqual([{ start: '2019-02-01', end: '2019-02-28' }]);
  });
  it('weekdays resolve to the latest such day on or before publication (2019-05-15 is a Wednesday)', () => {
    expect(dateOf('قتل 5 مدنيين في غارة فجر الاثنين.')).toEqual([{ start: '2019-05-13', end: '2019-05-13' }]);
    expect(dateOf('قتل 5 مدنيين في غارة أمس الثلاثاء.')).toEqual([{ start: '2019-05-14', end: '2019-05-14' }]);
  });
  it('the last 24 hours', () => {
    expect(dateOf('قتل 5 مدنيين في غارات خلال الساعات الـ24 الماضية.')).toEqual([{ start: '2019-05-14', end: '2019-05-15' }]);
  });
  it('relative dates stay unresolved without a publication date', () => {
    expect(dateOf('قتل 5 مدنيين في غارة فجر الاثنين.', null)).toEqual([null]);
    expect(dateOf('قتل 5 مدنيين في غارة في 3 أيار.', null)).toEqual([null]);
  });
  it('a full date resolves without a publication date', () => {
    expect(dateOf('قتل 5 مدنيين في غارة في 3 أيار 2016.', null)).toEqual([{ start: '2016-05-03', end: '2016-05-03' }]);
  });
  it('a month word that is also a common word needs a day, a year or "month"', () => {
    // آب (August) folds like أب (father)
    expect(dateOf('قتل أب و5 مدنيين في غارة.', null)).toEqual([null]);
  });
});

describe('a month named by the noun "month", a day linked to its month', () => {
  it('"شهر" before a month name makes it a month; a day may be linked to it by "من"', () => {
    expect(dateOf('قتل 5 مدنيين في غارة جوية في شهر نيسان.')).toEqual([{ start: '2019-04-01', end: '2019-04-30' }]);
    expect(dateOf('قتل 5 مدنيين في غارة في 3 من أيار.')).toEqual([{ start: '2019-05-03', end: '2019-05-03' }]);
    expect(dateOf('قتل 5 مدنيين في غارة في 12 من شهر نيسان.')).toHaveLength(1);
  });
  it('in English: "the 3 of May"', () => {
    const en = (text: string) => extract(text, { language: 'en', publishedAt: '2019-05-15', outlet: 'ap' }).mentions.map((m) => m.date);
    expect(en('Five civilians were killed in a strike on the 3 of May.')).toEqual([{ start: '2019-05-03', end: '2019-05-03' }]);
  });
});

describe('a weekday word written bare that is another word', () => {
  it('"أحد" (one) and "جمعة" (a week) name no day without the article or "يوم"; with either they do', async () => {
    const { extract } = await import('./support.js');
    const dateOf = (text: string) => extract(text, { language: 'ar', publishedAt: '2021-02-26' }).mentions[0]?.date ?? null;
    // 2021-02-26 is a Friday: Sunday is the 21st
    expect(dateOf('وأعلنت الكتائب مقتل أحد عناصرها بغارة.')).not.toEqual({ start: '2021-02-21', end: '2021-02-21' });
    expect(dateOf('وقتل رجل يوم الأحد بغارة.')).toEqual({ start: '2021-02-21', end: '2021-02-21' });
    expect(dateOf('وقتل رجل الأحد بغارة.')).toEqual({ start: '2021-02-21', end: '2021-02-21' });
    expect(dateOf('وقتل رجل يوم أحد بغارة.')).toEqual({ start: '2021-02-21', end: '2021-02-21' });
  });
});

describe('a time a toll was counted by', () => {
  it('"by Wednesday evening" dates the count, not the strike', async () => {
    const { extract } = await import('./support.js');
    // 2021-01-14 is a Thursday
    const x = extract('Strikes on Monday killed 12 people in the town, and the toll stood at 20 by Wednesday evening.', { language: 'en', publishedAt: '2021-01-14' });
    expect(x.mentions.map((m) => m.date)).toEqual([{ start: '2021-01-11', end: '2021-01-11' }]);
    const y = extract('Strikes on Monday killed 12 people in the town, and more died on Wednesday evening.', { language: 'en', publishedAt: '2021-01-14' });
    expect(y.mentions.map((m) => m.date)).not.toEqual([{ start: '2021-01-11', end: '2021-01-11' }]);
  });
});

describe('a bare English month', () => {
  it('is a date after "last" or "this", or after a preposition opening the sentence; not inside a comparison', async () => {
    const { extract } = await import('./support.js');
    const dateOf = (text: string) => extract(text, { language: 'en', publishedAt: '2020-06-15' }).mentions[0]?.date ?? null;
    expect(dateOf('Last August, a strike on a meeting killed 40 people.')).toEqual({ start: '2019-08-01', end: '2019-08-31' });
    expect(dateOf('A strike last August killed 40 people.')).toEqual({ start: '2019-08-01', end: '2019-08-31' });
    expect(dateOf('In December, a drone strike killed 4 people.')).toEqual({ start: '2019-12-01', end: '2019-12-31' });
    expect(dateOf('Jets killed 5 people, the deadliest strike since a truce was agreed in March.')).toEqual({ start: '2020-06-13', end: '2020-06-15' });
  });
});
