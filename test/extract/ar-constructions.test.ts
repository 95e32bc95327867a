/** Arabic constructions the dev corpus brought up (issue 4), with examples of their own. */
import { describe, expect, it } from 'vitest';
import { brief, claimsOf, extract } from './support.js';

const b = (text: string) => claimsOf(extract(text, { publishedAt: '2019-11-21', outlet: 'afp' })).map(brief);
const stances = (text: string) => {
  const x = extract(text, { publishedAt: '2019-11-21', outlet: 'afp' });
  return [...x.mentions.flatMap((m) => m.stances), ...x.looseStances].map((s) => `${s.source} ${s.stance} ${s.actor}`);
};
const sources = (text: string) => claimsOf(extract(text, { publishedAt: '2019-11-21', outlet: 'afp' })).map((c) => c.source);

describe('Arabic constructions', () => {
  it('a name after أن is the reported subject, not the speaker', () => {
    expect(stances('وأكد متحدث باسم البنتاغون أن طائرات التحالف قصفت مقرا للتنظيم في هجين ما أدى إلى مقتل 5 عناصر.'))
      .toEqual(['us-dod acknowledges coalition']);
  });
  it('a dual or singular noun in a breakdown counts itself; the noun after it is the next item', () => {
    expect(b('وقتل 7 مدنيين بينهم طفلان وسيدة في القصف.')).toEqual(['killed/civilians/-=7', 'killed/children/-=2', 'killed/women/-=1']);
    expect(b('وأصيب 9 أشخاص من بينهم امرأتان وطفل.')).toEqual(['injured/all/-=9', 'injured/women/-=2', 'injured/children/-=1']);
    expect(b('واستشهد 5 مواطنين بينهم طفلتان و3 نساء.')).toEqual(['killed/civilians/-=5', 'killed/children/-=2', 'killed/women/-=3']);
  });
  it('a range of two figures, and the toll noun after the figure', () => {
    expect(b('وقدرت مصادر محلية عدد القتلى بما بين 20 و25 شخصا.')).toEqual(['killed/all/-=20', 'killed/all/-=25']);
    expect(b('ارتفع إلى 19 على الأقل عدد الضحايا جراء الغارة.')).toEqual(['killed/all/-=19']);
    // a victim word after the toll noun names the group
    expect(b('ارتفع إلى 27 عدد القتلى المدنيين جراء القصف على البلدة.')).toEqual(['killed/civilians/-=27']);
    expect(b('وصل إلى 8 عدد الشهداء من الأطفال في الغارة.')).toEqual(['killed/children/-=8']);
    expect(b('ارتكب الطيران مجزرة في البلدة راح ضحيتها 14 مدنيا.')).toEqual(['killed/civilians/-=14']);
  });
  it('"others" after a breakdown are others of the whole (people of no group said), with their own outcome', () => {
    expect(b('قتل 10 مدنيين بينهم 4 أطفال وأصيب 12 آخرون في القصف.'))
      .toEqual(['killed/civilians/-=10', 'killed/children/-=4', 'injured/all/-=12']);
  });
  it('a side denying its own aircraft struck', () => {
    expect(stances('وأعلنت وزارة الدفاع الروسية أن طائراتها لم تنفذ أي طلعات في المنطقة التي قتل فيها 6 مدنيين.')).toEqual(['russia-mod denies russia']);
  });
  it('an attack noun, a hedge and تابعة ل name a likely doer', () => {
    expect(stances('وقال المرصد إن طائرات يعتقد أنها تابعة للتحالف قصفت البلدة ما أدى إلى مقتل 6 مدنيين.')).toEqual(['sohr likely coalition']);
  });
  it('letters and statements continue the ministry that sent them', () => {
    expect(sources('بعثت وزارة الخارجية رسالة إلى مجلس الأمن. وجاء في الرسالة أن الغارة أدت إلى استشهاد 7 مدنيين.')).toEqual(['syria-mofa']);
  });
  it('"في اليوم ذاته" and "في سياق متصل" open another event; the first takes the date before it', () => {
    const x = extract('قتل 8 مدنيين في غارة على بلدة هجين أمس. وفي اليوم ذاته، قتل 3 مدنيين في قصف مدفعي على البلدة.', { publishedAt: '2019-11-21' });
    expect(x.mentions.map((m) => m.claims.map((c) => c.value))).toEqual([[8], [3]]);
    expect(x.mentions.map((m) => m.date?.start)).toEqual(['2019-11-20', '2019-11-20']);
    const y = extract('قتل 8 مدنيين في غارة على بلدة هجين. وفي سياق متصل، قتل 3 عناصر من التنظيم في غارة على البلدة.', { publishedAt: '2019-11-21' });
    expect(y.mentions.length).toBe(2);
  });
  it('a count of strikes after the only figure is the cause of one event, not a tally', () => {
    const x = extract('رصد المرصد مقتل 5 عناصر من الميليشيات جراء 3 ضربات جوية على مواقعهم.', { publishedAt: '2019-11-21' });
    expect(x.aggregates).toEqual([]);
    expect(x.mentions.flatMap((m) => m.claims).map(brief)).toEqual(['killed/combatants/iran-backed=5']);
  });
});

describe('Arabic dates', () => {
  it('"يوم السبت" is the Saturday before publication, not today', () => {
    const x = extract('قتل 6 مدنيين في غارة على بلدة هجين يوم السبت.', { publishedAt: '2018-11-04' }); // a Sunday
    expect(x.mentions[0]?.date).toEqual({ start: '2018-11-03', end: '2018-11-03' });
  });
});

describe('Arabic toll forms (issue 15)', () => {
  const q = (text: string) => claimsOf(extract(text, { publishedAt: '2019-11-21', outlet: 'afp' })).map((c) => `${brief(c)} ${c.qualifier}${c.superseded ? ' superseded' : ''}`);
  it('a round figure with the article after a verb of passing or an approximator', () => {
    expect(q('وقال الطبيب إن عدد الجرحى تجاوز المائة.')).toEqual(['injured/all/-=100 more-than']);
    expect(q('وتخطت حصيلة القتلى عتبة الأربعين.')).toEqual(['killed/all/-=40 more-than']);
    expect(q('وبلغ عدد الشهداء قرابة الألفين منذ الصباح.')).toEqual(['killed/all/-=2000 about']);
    // the article alone is no figure, and a share is no count
    expect(q('وقال إن 40 بالمئة من الجرحى أطفال.')).toEqual([]);
  });
  it('a hundred written apart from its unit, and the accusative thousand', () => {
    expect(q('وقتل في الهجوم خمس مائة مدني.')).toEqual(['killed/civilians/-=500 exact']);
    expect(q('وارتفع إلى 15 ألفاً عدد القتلى.')).toEqual(['killed/all/-=15000 exact']);
  });
  it('an approximator after the figure\'s noun', () => {
    expect(q('وأصيب 60 شخصا تقريبا في الانفجار.')).toEqual(['injured/all/-=60 about']);
  });
  it('the earlier figure of a revision told with a verb of its own is superseded, not a part', () => {
    expect(q('وارتفع عدد القتلى إلى 47 بعدما كان الأهالي قد أحصوا مقتل 30 منهم.'))
      .toEqual(['killed/all/-=47 exact', 'killed/all/-=30 exact superseded']);
    // a figure of things after such a clause is no earlier toll
    expect(q('وقتل 9 مدنيين بعدما كان الطيران قد ألقى 14 برميلا.')).toEqual(['killed/civilians/-=9 exact']);
  });
  it('a bare figure with its breakdown after another claim is a whole of its own', () => {
    expect(q('وقتل مدنيان وجرح 13 بينهم 5 نساء.')).toEqual(['killed/civilians/-=2 exact', 'injured/all/-=13 exact', 'injured/women/-=5 exact']);
  });
  it('members of one family are people of no group said', () => {
    expect(q('وقتل ستة من أفراد العائلة في القصف.')).toEqual(['killed/all/-=6 exact']);
  });
});
