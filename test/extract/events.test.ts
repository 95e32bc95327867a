import { describe, expect, it } from 'vitest';
import { brief, extract } from './support.js';

describe('events: mentions and aggregates', () => {
  it('a total since the war began is an aggregate, not an incident', () => {
    const x = extract('وتسبب النزاع منذ اندلاعه في 2011 بمقتل أكثر من 500 ألف شخص.', { publishedAt: '2020-01-01' });
    expect(x.mentions).toEqual([]);
    expect(x.aggregates.map(brief)).toEqual(['killed/all/-=500000']);
  });
  it('a toll over days or weeks is an aggregate; a window of hours dates one event', () => {
    for (const text of ['وثقت الشبكة مقتل 74 مدنيا خلال الأسبوعين الماضيين.', 'قتل 9 مدنيين في الأيام الأربعة الأخيرة جراء القصف.']) {
      const x = extract(text, { publishedAt: '2020-01-01' });
      expect(x.mentions).toEqual([]);
      expect(x.aggregates).toHaveLength(1);
    }
    expect(extract('قتل 4 مدنيين في غارة على بلدة أريحا في الساعات الأولى من صباح الجمعة.', { publishedAt: '2020-01-01' }).mentions).toHaveLength(1);
    expect(extract('قصفت الطائرات خلال الـ24 ساعة الماضية حاجزا قرب بلدة أريحا ما أدى إلى مقتل 4 جنود.', { publishedAt: '2020-01-01' }).mentions).toHaveLength(1);
  });
  it('a tally of several strikes is an aggregate', () => {
    const x = extract('وأحصى المرصد 7 غارات تسببت بمقتل 19 مدنيا.', { publishedAt: '2020-01-01' });
    expect(x.aggregates.map((c) => c.value)).toEqual([19]);
    expect(x.mentions).toEqual([]);
  });
  it('a period after a figure in another clause does not make it a total', () => {
    const x = extract('قتل 8 مدنيين في غارة على بلدة هجين، وقد تصاعد القصف خلال الأشهر الماضية.', { publishedAt: '2020-01-01' });
    expect(x.mentions.flatMap((m) => m.claims).map((c) => c.value)).toEqual([8]);
  });
  it('list items are separate events', () => {
    const x = extract('– 4 آب، قتل 3 عناصر من التنظيم في غارة على بلدة هجين.\n– 4 آب، قتل 2 من التنظيم في غارة على بلدة هجين.', { publishedAt: '2020-09-01' });
    expect(x.mentions.length).toBe(2);
  });
  it('a different town starts a different event', () => {
    const x = extract('قتل 4 مدنيين في غارة على بلدة هجين. وفي خبر آخر قتل 6 مدنيين في قصف على مدينة سراقب.', { publishedAt: '2020-01-01' });
    expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[4], [6]]);
  });
  it('distances, vehicles, arrests and troop numbers are not claims', () => {
    const x = extract('استهدفت الغارة موقعا يبعد 40 كيلومترا ودمرت 3 سيارات، واعتقلت القوة 5 أشخاص، وتضم القوة 900 عسكري.', { publishedAt: '2020-01-01' });
    expect(x.mentions.flatMap((m) => m.claims)).toEqual([]);
    expect(x.aggregates).toEqual([]);
  });
});

describe('text that names no day and no place, in a report of one dated event', () => {
  it('tells that event: a summary line above the dated body joins it', () => {
    const text = 'Civilians reported killed: 3 - 5\n\nOn March 4, 2021, jets struck a farm near Sarmada, killing five people, rescuers said.';
    const x = extract(text, { language: 'en', publishedAt: '2021-03-20' });
    expect(x.mentions.map((m) => [m.date, m.claims.map((c) => c.value)])).toEqual([[{ start: '2021-03-04', end: '2021-03-04' }, [3, 5, 5]]]);
  });
  it('stays apart when the report tells two dated events (nothing says which it belongs to)', () => {
    const text = 'Civilians reported killed: 3 - 5\n\nOn March 4, 2021, jets struck a farm near Sarmada, killing five people.\n\nOn March 9, 2021, shelling on Ariha killed two men.';
    const x = extract(text, { language: 'en', publishedAt: '2021-03-20' });
    expect(x.mentions.length).toBe(3);
  });
});

describe('a governorate named with a town of it, and its namesake city', () => {
  const body = (city: string) => `غارات على دير الزور والبوكمال.. 5 جرحى\n\nوقال ناشطون إن طائرات مجهولة استهدفت فجر اليوم مواقع في محيط مدينة ${city} ما أدى إلى مقتل شخصين وإصابة 5 آخرين.`;
  it('a headline on "Deir ez-Zor and Albukamal" and a body on the city of Deir ez-Zor tell one event', () => {
    const x = extract(body('دير الزور'), { language: 'ar', publishedAt: '2021-01-13' });
    expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[5, 2, 5]]);
  });
  it('a body on a city of another governorate tells another event', () => {
    const x = extract(body('إدلب'), { language: 'ar', publishedAt: '2021-01-13' });
    expect(x.mentions.length).toBe(2);
  });
});
