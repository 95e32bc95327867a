/**
 * The day a source speaks is not the day of its event: a time word governed by a speech verb or a
 * statement noun dates the statement, and what the statement tells joins the event it is about
 * (src/extract/dates.ts: statementDated). Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const PUB = '2019-05-15'; // a Wednesday
const events = (language: 'ar' | 'en', text: string) => {
  const x = extract(text, { language, publishedAt: PUB, outlet: 'ap' });
  return { n: x.mentions.length, dates: x.mentions.map((m) => m.date?.start ?? null), loose: x.looseStances.length, stances: x.mentions.map((m) => m.stances.length) };
};

const EN_EVENT = 'Air strikes killed 7 civilians in Saraqeb on Monday.';
const AR_EVENT = 'قتل 7 مدنيين في غارات على سراقب يوم الاثنين.';

describe('a statement\'s own day dates the statement, not its event', () => {
  it('English: the speech verb before or after the time word, weekdays and "today"', () => {
    for (const said of [
      'The ministry said Tuesday that 3 of its soldiers also died in Saraqeb.',
      'The ministry said on Tuesday that 3 soldiers were also killed in the town.',
      'The health directorate said today that the toll had risen to 9.',
      'A local council official told reporters yesterday that 9 people had died.',
      'In a statement on Tuesday, the ministry said 3 soldiers were also killed.',
      'The ministry, in a statement issued Tuesday, said 3 soldiers were also killed.',
      'The ministry on Tuesday said 3 soldiers were also killed in the raids.',
      'Today, the Idlib Health Directorate said the toll had risen to 9.',
      'On Tuesday, the Syrian Observatory for Human Rights said the toll had risen to 9.',
    ]) expect(events('en', `${EN_EVENT} ${said}`), said).toMatchObject({ n: 1, dates: ['2019-05-13'] });
  });
  it('English: a denial dated by its own day joins the event it denies', () => {
    for (const denial of ['Russia denied today that its jets carried out the raid.', 'Moscow on Tuesday denied that its aircraft were involved.',
      'Russia said on Tuesday that its jets had not carried out the raid.']) {
      expect(events('en', `${EN_EVENT} ${denial}`), denial).toMatchObject({ n: 1, loose: 0, stances: [1] });
    }
  });
  it('Arabic: the verb before or after the time word, "اليوم" with a weekday, a statement noun', () => {
    for (const said of [
      'وقالت مديرية الصحة اليوم إن الحصيلة ارتفعت إلى 9 قتلى.',
      'وأعلنت مديرية الصحة اليوم الثلاثاء ارتفاع الحصيلة إلى 9 قتلى.',
      'وقالت المديرية في بيان اليوم الثلاثاء إن 9 أشخاص قتلوا في الغارات.',
      'وذكر مسؤول في المجلس المحلي أمس أن 9 أشخاص قتلوا في الغارات.',
      'وفي بيان لها اليوم، قالت المديرية إن 9 أشخاص قتلوا في الغارات.',
      'وأكد الدفاع المدني في تصريح يوم الثلاثاء أن 9 أشخاص قتلوا.',
      'واليوم الثلاثاء، قالت مديرية الصحة إن الحصيلة ارتفعت إلى 9 قتلى.',
    ]) expect(events('ar', `${AR_EVENT} ${said}`), said).toMatchObject({ n: 1, dates: ['2019-05-13'] });
  });
  it('Arabic: a denial dated by its own day joins the event it denies', () => {
    for (const denial of ['ونفت وزارة الدفاع الروسية اليوم مسؤوليتها عن الغارات.', 'نفت روسيا اليوم الثلاثاء أن تكون طائراتها قصفت المدينة.',
      'وفي بيان صدر أمس نفت موسكو أي دور لطائراتها في الغارات.']) {
      expect(events('ar', `${AR_EVENT} ${denial}`), denial).toMatchObject({ n: 1, loose: 0, stances: [1] });
    }
  });
  it('a second real event on another day still splits', () => {
    expect(events('en', `${EN_EVENT} On Tuesday, shelling killed 4 people in Saraqeb.`)).toMatchObject({ n: 2, dates: ['2019-05-13', '2019-05-14'] });
    expect(events('en', `${EN_EVENT} The ministry said on Tuesday that shelling killed 4 people in Saraqeb on Tuesday.`)).toMatchObject({ n: 2 });
    expect(events('en', `${EN_EVENT} The monitor said Tuesday's shelling killed 4 people in Saraqeb.`)).toMatchObject({ n: 2 });
    expect(events('ar', `${AR_EVENT} وقتل 4 مدنيين في قصف على سراقب اليوم الثلاثاء.`)).toMatchObject({ n: 2, dates: ['2019-05-13', '2019-05-14'] });
    expect(events('ar', `${AR_EVENT} وقالت المديرية اليوم إن 4 مدنيين قتلوا في قصف على سراقب أمس الثلاثاء.`)).toMatchObject({ n: 2 });
  });
  it('an attack word between the speech verb and the time word: the time word dates the attack', () => {
    for (const text of ['The monitor said strikes today killed 4 people in Saraqeb.', 'The monitor said shelling on Tuesday killed 4 people in Saraqeb.',
      'The health directorate said 4 people were killed on Tuesday in Saraqeb.', 'On Tuesday, 4 people died in Saraqeb, rescuers said.',
      'On Tuesday, shelling hit Saraqeb, killing 4, rescuers said.']) expect(events('en', `${EN_EVENT} ${text}`), text).toMatchObject({ n: 2 });
    for (const text of ['وقال المرصد إن غارات اليوم الثلاثاء قتلت 4 مدنيين في سراقب.', 'وأفاد المرصد بمقتل 4 مدنيين في غارات على سراقب اليوم الثلاثاء.']) {
      expect(events('ar', `${AR_EVENT} ${text}`), text).toMatchObject({ n: 2 });
    }
  });
  it('what a dated statement tells joins the report\'s event at its place', () => {
    const two = { en: 'Air strikes killed 7 civilians in Saraqeb on Monday. Shelling killed 2 people in Kafr Nabl on Sunday.',
      ar: 'قتل 7 مدنيين في غارات على سراقب يوم الاثنين. وقتل مدنيان في قصف على كفرنبل يوم الأحد.' };
    const figures = (language: 'ar' | 'en', text: string) => extract(text, { language, publishedAt: PUB, outlet: 'ap' }).mentions.map((m) => m.claims.map((c) => c.value));
    expect(figures('en', `${two.en} The health directorate said Tuesday that the toll in Saraqeb rose to 9.`)).toEqual([[7, 9], [2]]);
    expect(figures('ar', `${two.ar} وقالت مديرية الصحة اليوم إن حصيلة سراقب ارتفعت إلى 9 قتلى.`)).toEqual([[7, 9], [2]]);
    expect(events('en', `${two.en} Russia denied on Tuesday that its jets struck Kafr Nabl.`)).toMatchObject({ n: 2, stances: [0, 1] });
    expect(events('ar', `${two.ar} ونفت روسيا اليوم أن تكون طائراتها قصفت كفرنبل.`)).toMatchObject({ n: 2, stances: [0, 1] });
  });
  it('a report that only tells its event through a dated statement keeps it one event', () => {
    expect(events('en', 'The monitor said on Tuesday that air strikes killed 7 civilians in Saraqeb.').n).toBe(1);
    expect(events('ar', 'أفادت مديرية الصحة اليوم بمقتل 7 مدنيين في غارات على سراقب.').n).toBe(1);
  });
});

describe('a statement\'s day never puts two events in one (the guard)', () => {
  it('two events each dated only by the day their source spoke, on different days, stay two', () => {
    for (const text of [
      'The Observatory said on Monday that strikes killed 5 civilians in Idlib province. On Tuesday, the Observatory said shelling killed 3 civilians in Idlib province.',
      'Rescuers said on Sunday that 6 people died in raids on Saraqeb. The civil defence said on Tuesday that 2 more were killed in Saraqeb.',
    ]) expect(events('en', text), text).toMatchObject({ n: 2 });
    for (const text of [
      'أفاد المرصد يوم الاثنين بمقتل 5 مدنيين في غارات على ريف إدلب. وأفاد المرصد اليوم بمقتل 3 مدنيين في قصف على ريف إدلب.',
      'قالت مديرية الصحة يوم الأحد إن 6 أشخاص قتلوا في سراقب. وذكر الدفاع المدني يوم الثلاثاء أن شخصين قتلا في سراقب.',
    ]) expect(events('ar', text), text).toMatchObject({ n: 2 });
  });
  it('an event after the day its first source spoke is another event', () => {
    expect(events('en', 'The Observatory said on Monday that strikes killed 5 civilians in Saraqeb. On Tuesday, shelling killed 3 people in Saraqeb.').n).toBe(2);
    expect(events('ar', 'أفاد المرصد يوم الاثنين بمقتل 5 مدنيين في غارات على سراقب. وقتل 3 مدنيين في قصف على سراقب اليوم الأربعاء.').n).toBe(2);
  });
  it('a statement dated before the event told is another event', () => {
    expect(events('en', 'Air strikes killed 7 civilians in Saraqeb on Tuesday. The ministry said on Sunday that 3 people were killed in Saraqeb.').n).toBe(2);
  });
  it('the event a statement tells falls on its day or shortly before: it joins the event the body dates then', () => {
    expect(events('en', 'Strikes killed 5 civilians in Saraqeb, the Observatory said on Tuesday. The monitor said 2 of them were children.')).toMatchObject({ n: 1 });
    const x = events('en', 'The Observatory said on Tuesday that strikes killed 5 civilians in Saraqeb. Most of the dead were women, it said.');
    expect(x.n).toBe(1);
    // the mention carries the days before the statement, not those before publication
    expect(x.dates).toEqual(['2019-05-12']);
  });
});

describe('a figure-free stance dated by its statement joins the event it is about', () => {
  const two = { en: 'Strikes killed 18 people in Kafr Nabl on Friday. Shelling killed 4 people in Hass on Saturday.',
    ar: 'قتل 18 مدنيا في غارات على كفرنبل يوم الجمعة. وقتل 4 مدنيين في قصف على حاس يوم السبت.' };
  const at = (language: 'ar' | 'en', text: string) => extract(text, { language, publishedAt: '2019-07-28', outlet: 'ap' }).mentions.map((m) => m.stances.length);
  it('by the place it names, whichever day the denial was made', () => {
    expect(at('en', `${two.en} Russia denied on Saturday that its jets struck Kafr Nabl.`)).toEqual([1, 0]);
    expect(at('en', `${two.en} On Sunday, Russia denied that its jets struck Hass.`)).toEqual([0, 1]);
    expect(at('ar', `${two.ar} ونفت روسيا اليوم أن تكون طائراتها قصفت حاس.`)).toEqual([0, 1]);
    expect(at('ar', `${two.ar} ونفت موسكو يوم السبت أن تكون طائراتها قصفت كفرنبل.`)).toEqual([1, 0]);
  });
});

describe('"according to" a source on a day dates the source\'s word, not the event', () => {
  it('the body dating the event the day before keeps it one event', () => {
    expect(events('en', 'Seven civilians were killed in Saraqeb, according to the monitor on Tuesday. Shelling on Saraqeb on Monday killed 7 people, rescuers said.').n).toBe(1);
    expect(events('ar', 'قتل سبعة مدنيين في سراقب، وفق ما أفاد المرصد اليوم. وقال مسعفون إن القصف على سراقب يوم الثلاثاء قتل 7 مدنيين.').n).toBe(1);
  });
  it('a day before the source, next to the figure, is still the event\'s', () => {
    expect(events('en', 'Seven civilians were killed on Tuesday in Saraqeb, according to the monitor.').dates).toEqual(['2019-05-14']);
  });
});
