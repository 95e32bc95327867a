/**
 * Totals over many events by composition (src/extract/totals.ts, rules/languages/<lang>/totals.yaml):
 * periods, "since", stated spans and scopes in several variants each, the sentence after a
 * total, and sentences that tell one event and must stay one.
 */
import { describe, expect, it } from 'vitest';
import { wholesOfTotals } from '../../src/extract/totals.js';
import { brief, claimsOf, extract } from './support.js';

const pub = { publishedAt: '2019-08-30' };
const en = (text: string) => extract(text, { ...pub, language: 'en', outlet: 'afp' });
const ar = (text: string) => extract(text, { ...pub, language: 'ar' });

describe('totals by composition: a period, "since", a span or a scope makes the figures a total', () => {
  it.each([
    'The monitor said 64 civilians were killed over the past ten days in Idlib.',
    'At least 120 people were killed in the last two weeks, the group said.',
    'Airstrikes killed 45 civilians during the first week of the offensive.',
    'Rescuers counted 30 dead within a month.',
    'Over 72 hours, 25 people were killed in the area.',
    'In the past 3 months, 410 civilians were killed by shelling.',
    'Since the escalation began, 300 civilians were killed.',
    'During July, 95 civilians were killed in the province.',
    'At least 40 civilians were killed across the whole province.',
    'Between 3 and 9 May, 51 civilians were killed.',
    'Some 80 civilians were killed in various parts of the country.',
  ])('en: %s', (text) => {
    const x = en(text);
    expect(claimsOf(x)).toEqual([]);
    expect(x.aggregates.length).toBeGreaterThan(0);
  });
  it.each([
    'قتل 64 مدنيا خلال عشرة أيام في ريف إدلب.',
    'وثق المرصد مقتل 120 شخصا خلال الأسبوعين الماضيين.',
    'قتل 45 مدنيا خلال الأشهر الثلاثة الأخيرة.',
    'قتل 45 مدنيا في الأيام الخمسة الفائتة.',
    'قتل 33 مدنيا على مدى ثلاثة أسابيع.',
    'قتل 70 مدنيا خلال شهرين من القصف.',
    'قتل 19 مدنيا طيلة أسبوع.',
    'قتل 80 مدنيا في عموم سوريا.',
    'قتل 80 مدنيا خلال شهر تموز.',
    'قتل 27 مدنيا في مختلف المحافظات.',
    'قتل 18 مدنيا، جراء غارات على مناطق عدة في ريف حماة.',
    'قتل 50 مدنيا منذ بدء التصعيد.',
    'قتل 12 مدنيا في الفترة الممتدة من 3 حتى 9 أيار.',
    'ارتفع عدد القتلى خلال أسبوع إلى 125 مدنيا.',
    'قتل 40 مدنيا خلال شهر في غارات روسية.',
    'قتل 22 مدنيا خلال أسبوع من القصف على ريف إدلب.',
    'وثق المرصد مقتل 31 مدنيا على مدى أسبوع بسبب الغارات.',
  ])('ar: %s', (text) => {
    const x = ar(text);
    expect(claimsOf(x)).toEqual([]);
    expect(x.aggregates.length).toBeGreaterThan(0);
  });
  it('a sentence that only names who struck several places keeps its stance in the event', () => {
    for (const [x, actor] of [
      [en('Rescuers said 6 people died in Kafr Sousa. The army said Israeli jets struck several areas in Damascus.'), 'israel'],
      [en('Four civilians were killed in Ariha. Russian jets bombed various parts of the province.'), 'russia'],
      [ar('قتل 4 مدنيين في أريحا. وقصفت الطائرات الروسية مناطق عدة في ريف إدلب.'), 'russia'],
    ] as const) {
      expect(x.mentions.flatMap((m) => m.stances).map((st) => st.actor)).toContain(actor);
    }
    // a period still makes the stance background: "since 2011, Israel has carried out hundreds of strikes"
    const y = en('Six people died in Kafr Sousa. Since 2011, Israel has carried out hundreds of strikes on Syria.');
    expect(y.mentions.flatMap((m) => m.stances).map((st) => st.actor)).not.toContain('israel');
  });
  it('a scope in a relative clause about the speaker tells of the speaker, not of the figures', () => {
    expect(claimsOf(en('The Observatory, which relies on a network of sources across Syria, said 61 people were killed in Palmyra.')).map(brief)).toEqual(['killed/all/-=61']);
    expect(claimsOf(en('SANA, which has reporters in various parts of the country, said 9 soldiers were killed near Homs.')).map(brief)).toEqual(['killed/combatants/syrian-government=9']);
    // a relative clause about the strikes still makes their figure a total
    expect(claimsOf(en('The strikes, which hit several towns across the province, killed 40 civilians.'))).toEqual([]);
  });
  it('a date set off by commas is an aside: a scope after it still reaches the figure before it', () => {
    for (const x of [
      ar('قتل 18 مدنيا، الخميس، في غارات استهدفت مناطق عدة في الغوطة الشرقية.'),
      ar('قتل 23 مدنيا، يوم الثلاثاء، بقصف على عدة بلدات في ريف إدلب.'),
      en('The strikes killed 40 civilians, on Tuesday, across several towns of the province.'),
    ]) {
      expect(claimsOf(x)).toEqual([]);
      expect(x.aggregates.length).toBeGreaterThan(0);
    }
    // and the aside leaves one event one event
    expect(claimsOf(ar('قتل 5 مدنيين، الخميس، في غارة على سوق سقبا.')).map(brief)).toEqual(['killed/civilians/-=5']);
  });
  it('a cumulative perfect is reached by "since" after a comma; a plain past with a later clause is not', () => {
    expect(claimsOf(en('Russian strikes have killed 210 civilians, the network said, since April.'))).toEqual([]);
    expect(claimsOf(en('A strike killed 8 civilians in Hajin, and shelling has grown since April.')).map(brief)).toEqual(['killed/civilians/-=8']);
  });
  it('a whole whose part is a total is a total, and a total\'s parts stay with it', () => {
    const claims = [{ partOf: null }, { partOf: 0 }, { partOf: null }, { partOf: 2 }];
    expect([...wholesOfTotals(claims, (c) => c === claims[1])]).toEqual([claims[1], claims[0]]);
    expect([...wholesOfTotals(claims, () => false)]).toEqual([]);
  });
});

describe('a window that dates one event, and dates that are no periods', () => {
  it.each([
    ['en', 'An airstrike killed 9 civilians in Ariha in the past 24 hours.'],
    ['en', 'A strike on a market in Saraqib killed 7 civilians within 48 hours of the truce.'],
    ['ar', 'قتل 6 مدنيين في غارة على بلدة أريحا يوم الجمعة.'],
    ['ar', 'قتل 4 مدنيين في غارة على بلدة أريحا خلال الساعات الـ48 الماضية.'],
    ['ar', 'قتل 12 مدنيا في غارة على سوق سراقب خلال شهر رمضان.'],
    ['ar', 'قتل 5 مدنيين في غارة على بلدة أريحا في العام 2019.'],
    ['ar', 'قتل 7 مدنيين في غارة على بلدة أريحا في يوم الجمعة.'],
    // "so far" is when a toll was counted, not a span of events
    ['ar', 'وقتلت الغارات 13 مدنيا في سوق أريحا كحصيلة أولية حتى الآن.'],
    ['ar', 'وارتفعت حصيلة القتلى في قصف المخيم حتى الآن إلى ستة أشخاص.'],
  ] as const)('%s: %s', (language, text) => {
    const x = language === 'en' ? en(text) : ar(text);
    expect(claimsOf(x).length).toBeGreaterThan(0);
    expect(x.aggregates).toEqual([]);
  });
  it('a later clause dated to one day is out of reach of a period before it', () => {
    const x = en('Since April the town has been shelled almost daily, and on 22 July a strike on its market killed 39 people.');
    expect(claimsOf(x).map((c) => c.value)).toEqual([39]);
  });
});

describe("a total's scope carries over to the next sentence of the same source", () => {
  it('a back reference: the breakdown of a total is part of it', () => {
    for (const x of [
      ar('وثق المرصد مقتل 60 مدنيا خلال أسبوع. وبين القتلى 14 طفلا و9 نساء.'),
      en('The monitor said 70 civilians were killed in the past week. The dead included 20 children.'),
    ]) {
      expect(claimsOf(x)).toEqual([]);
      expect(x.aggregates.length).toBeGreaterThanOrEqual(2);
    }
  });
  it('a per-place list after a total is part of it', () => {
    const x = en('The network said 40 civilians were killed over the past month. The monitor put 25 in Ariha, 10 in Saraqib and 5 in Hajin.');
    expect(claimsOf(x)).toEqual([]);
  });
  it('a next sentence that tells its own event is an incident', () => {
    const x = en('The monitor said 89 civilians were killed in the past seven days. On Wednesday, a strike on Ariha killed 35 civilians, the monitor said.');
    expect(claimsOf(x).map((c) => c.value)).toEqual([35]);
    expect(x.aggregates.map((c) => c.value)).toEqual([89]);
  });
});

describe('a superlative before "since" compares with one past event, told in the "when" clause after it', () => {
  it.each([
    ['en', 'It was the worst raid on the district since 2018, when 27 people were killed near the bakery.', 27],
    ['en', 'The attack was the deadliest on the camp since March, when nine fighters died in a drone strike.', 9],
    ['en', 'Monday was the bloodiest day for the town since 2016, when shelling killed 14 civilians.', 14],
    ['ar', 'وهي الضربة الأعنف على البلدة منذ عام 2018، حين قتل 27 شخصا قرب المخبز.', 27],
    ['ar', 'ويعد الهجوم الأكثر دموية على المخيم منذ آذار، عندما قتل تسعة مقاتلين بغارة مسيرة.', 9],
    ['ar', 'وكانت هذه الحصيلة الأعلى في المدينة منذ 2016، حين قتل القصف 14 مدنيا.', 14],
  ])('%s: %s', (lang, text, value) => {
    const x = lang === 'en' ? en(text) : ar(text);
    expect(claimsOf(x).map((c) => c.value)).toEqual([value]);
    expect(x.aggregates).toEqual([]);
  });
  it('without a superlative, or without a "when" clause, "since" still makes a total', () => {
    expect(en('Strikes have killed 300 civilians since April, when the offensive began.').aggregates.map((c) => c.value)).toEqual([300]);
    expect(ar('قتل 300 مدني في المحافظة منذ نيسان، حين بدأت الحملة.').aggregates.map((c) => c.value)).toEqual([300]);
    expect(ar('وهو من أكثر الأحياء تعرضا للقصف منذ نيسان، إذ قتل فيه 70 مدنيا.').aggregates.map((c) => c.value)).toEqual([70]);
  });
});

describe('a figure in a condition is no toll', () => {
  it.each([
    ['en', 'If the final toll passes 70, it would be the deadliest raid of the year.'],
    ['en', 'Officials said that in the event that the number of dead exceeds 40, the town would declare mourning.'],
    ['ar', 'وإذا تجاوزت الحصيلة 70 قتيلا فستكون الغارة الأعنف هذا العام.'],
    ['ar', 'وفي حال ارتفع عدد القتلى إلى 40 شخصا ستعلن البلدة الحداد.'],
  ])('%s: %s', (lang, text) => {
    const x = lang === 'en' ? en(text) : ar(text);
    expect(claimsOf(x)).toEqual([]);
  });
});

describe('a scope in a clause that breaks down the figures before it reaches them', () => {
  it.each([
    ['en', 'The raids came a day after 25 civilians were killed, 20 of them in shelling on several areas of rural Aleppo.'],
    ['en', 'Shelling killed 31 people on Sunday, including 22 in strikes across the whole province.'],
    ['ar', 'وجاءت الغارات بعد يوم من مقتل 25 مدنيا، 20 منهم بقصف مدفعي على مناطق عدة في ريف حلب.'],
    ['ar', 'وقتل 31 شخصا الأحد، بينهم 22 بغارات في عموم المحافظة.'],
  ])('%s: %s', (lang, text) => {
    const x = lang === 'en' ? en(text) : ar(text);
    expect(claimsOf(x)).toEqual([]);
    expect(x.aggregates.length).toBeGreaterThan(0);
  });
  it('a breakdown with no scope leaves the figures an event\'s', () => {
    expect(claimsOf(ar('قتل 25 مدنيا في غارة على سوق البلدة، بينهم 8 أطفال.')).map(brief)).toEqual(['killed/civilians/-=25', 'killed/children/-=8']);
    expect(claimsOf(en('A strike on the market killed 25 civilians, 8 of them children.')).map(brief)).toEqual(['killed/civilians/-=25', 'killed/children/-=8']);
  });
});
