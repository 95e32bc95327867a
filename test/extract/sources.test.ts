import { describe, expect, it } from 'vitest';
import { claimsOf, extract } from './support.js';

const src = (text: string, outlet: string | null = 'afp') => claimsOf(extract(text, { outlet })).map((c) => `${c.source}<${c.via ?? '-'}`);

describe('sources and relays', () => {
  it('a speech verb names the speaker after it', () => {
    expect(src('قال المرصد السوري لحقوق الإنسان إن 6 مدنيين قتلوا في غارة.', 'reuters')).toEqual(['sohr<reuters']);
  });
  it('the regime\'s news agency, as opposition media name SANA, is SANA', () => {
    expect(src('وقتل 3 جنود بحسب ما ذكرت وكالة الأنباء التابعة للنظام السوري.')).toEqual(['sana<afp']);
  });
  it('state media at large are SANA, in either language', () => {
    expect(src('أفادت وسائل الإعلام الرسمية السورية بمقتل 4 جنود في الغارة.')).toEqual(['sana<afp']);
    expect(src('ونقل التلفزيون الرسمي السوري مقتل 4 جنود.')).toEqual(['sana<afp']);
    expect(claimsOf(extract('Syrian state media said 4 soldiers were killed in the raid.', { language: 'en', outlet: 'afp' })).map((c) => c.source)).toEqual(['sana']);
  });
  it('the speaker before the verb (SVO)', () => {
    expect(src('المرصد السوري يعلن مقتل 6 مدنيين في غارة.', 'reuters')).toEqual(['sohr<reuters']);
  });
  it('a speaker addressing an outlet makes that outlet the relay', () => {
    expect(src('وقال رامي عبد الرحمن لوكالة فرانس برس إن الغارة أسفرت عن مقتل 12 مدنيا.', 'al-alam')).toEqual(['sohr<afp']);
  });
  it('"according to" before or after the figure', () => {
    expect(src('وقتل في الغارة، وفق المرصد، 5 مدنيين.')).toEqual(['sohr<afp']);
    expect(src('قتل 5 مدنيين في الغارة بحسب الشبكة السورية لحقوق الإنسان.')).toEqual(['snhr<afp']);
  });
  it('a named agency quoting unnamed sources keeps the claim', () => {
    expect(src('وأوضحت سانا نقلا عن مصادر محلية أن القصف أدى إلى استشهاد 9 مدنيين.', 'al-alam')).toEqual(['sana<al-alam']);
  });
  it('a continuation verb keeps the previous speaker', () => {
    expect(src('قال المرصد إن الطائرات قصفت البلدة. وأضاف أن 4 مدنيين قتلوا.', null)).toEqual(['sohr<-']);
  });
  it('the report voice when no one is named', () => {
    expect(src('قتل 3 مدنيين في قصف على بلدة هجين.', 'reuters')).toEqual(['reuters<-']);
    expect(src('قتل 3 مدنيين في قصف على بلدة هجين.', null)).toEqual(['unattributed<-']);
  });
  it('a monitor\'s own unnamed sources are the monitor', () => {
    expect(src('وفقا للمصادر فإن الغارة أدت إلى مقتل 2 من عناصر التنظيم.', 'sohr')).toEqual(['sohr<-']);
  });
});

describe('UN bodies', () => {
  it('are sources of their own', () => {
    expect(src('قالت مفوضية الأمم المتحدة لحقوق الإنسان إن 12 مدنيا قتلوا في قصف المخيم.')).toEqual(['un<afp']);
    expect(src('أعلنت اليونيسف مقتل 5 أطفال في الغارة على المدرسة.')).toEqual(['un<afp']);
  });
});

describe('Arabic sources named by role, relay or country', () => {
  it('"على ما أفاد" and "حسبما قال" after the figure', () => {
    expect(src('قتل 6 مدنيين في الغارة، على ما أفاد الدفاع المدني.')).toEqual(['syria-civil-defence<afp']);
    expect(src('قتل 6 مدنيين في الغارة، حسبما قال المرصد.')).toEqual(['sohr<afp']);
  });
  it('a reporter of a listed outlet speaks for it', () => {
    expect(src('وقال مراسل الجزيرة إن 3 مدنيين قتلوا في القصف.', 'the-new-arab')).toEqual(['al-jazeera<the-new-arab']);
  });
  it('a country after the verb speaks through its speaker', () => {
    expect(src('وأعلنت إسرائيل أن غاراتها قتلت 5 عناصر من حزب الله.', 'the-new-arab')).toEqual(['israel-idf<the-new-arab']);
  });
});

describe('حصيلة مضافة إلى مصدر', () => {
  it('تسند ما تعده إلى المصدر بلا فعل قول', () => {
    const srcs = (text: string) => extract(text, { outlet: 'reuters' }).mentions.flatMap((m) => m.claims).map((c) => c.source);
    expect(srcs('قصفت الطائرات البلدة. وبلغت حصيلة المرصد السوري 23 قتيلا.')).toEqual(['sohr']);
    expect(srcs('قصفت الطائرات البلدة. وارتفعت حصيلة الدفاع المدني إلى 17 قتيلا.')).toEqual(['syria-civil-defence']);
    expect(srcs('قصفت الطائرات البلدة. وارتفعت الحصيلة إلى 17 قتيلا.')).toEqual(['reuters']);
  });
});
