import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const st = (text: string, outlet: string | null = 'reuters') =>
  extract(text, { outlet }).mentions.flatMap((m) => m.stances).map((s) => `${s.source} ${s.stance} ${s.actor}`);

describe('stances', () => {
  it('asserts: an actor after a doer word', () => {
    expect(st('قال المرصد إن 7 مدنيين قتلوا في غارات لطائرات روسية على بلدة.')).toContain('sohr asserts russia');
    expect(st('قال المرصد إن طائرات التحالف قصفت البلدة ما أدى إلى مقتل 7 مدنيين.')).toContain('sohr asserts coalition');
  });
  it('an actor adjective after an attack noun', () => {
    expect(st('قتل 5 مدنيين جراء ضربات جوية روسية على بلدة.')).toContain('reuters asserts russia');
  });
  it('likely and possible', () => {
    expect(st('قال المرصد إن غارة نفذتها على الأرجح طائرات روسية أدت إلى مقتل 4 مدنيين.').some((s) => s.startsWith('sohr likely'))).toBe(true);
    expect(st('قال المرصد إن 4 مدنيين قتلوا في قصف يعتقد أن مصدره طائرات التحالف.')).toContain('sohr likely coalition');
    expect(st('قال المتحدث باسم التحالف إن قوات التحالف ربما نفذت ضربة أدت إلى مقتل 3 مدنيين.')).toContain('coalition possible coalition');
  });
  it('a government confirming strikes it does not own acknowledges nothing; a belligerent\'s or its own strikes do', () => {
    expect(st('وأكدت وزارة الدفاع السورية الغارات على المطار وإصابة جنديين.')).not.toContain('syria-gov acknowledges syrian-government');
    expect(st('وأعلنت دمشق أن التحالف الدولي قصف بلدة هجين ما أدى إلى مقتل 5 مدنيين.')).not.toContain('syria-gov acknowledges syrian-government');
    expect(st('وأقرت الحكومة السورية بأن غاراتها أدت إلى مقتل 3 مدنيين.')).toContain('syria-gov acknowledges syrian-government');
    expect(extract('The Syrian defence ministry confirmed the strikes on the airport, where 2 soldiers were hurt.', { language: 'en', outlet: 'afp' })
      .mentions.flatMap((m) => m.stances).map((x) => `${x.stance} ${x.actor}`)).not.toContain('acknowledges syrian-government');
  });
  it('denies: a denial of its own strike', () => {
    const s = st('قال المرصد إن 6 جنود قتلوا في قصف على معسكر. لكن التحالف نفى تنفيذ أي غارة في المنطقة.');
    expect(s).toContain('coalition denies coalition');
  });
  it('accuses: the accuser and the accused', () => {
    expect(st('واتهمت وزارة الخارجية السورية التحالف بارتكاب مجزرة راح ضحيتها 20 مدنيا، وأدى القصف إلى مقتل 20 مدنيا.')).toContain('syria-mofa asserts coalition');
  });
  it('acknowledges: a side affirming its own strike', () => {
    const s = st('أدى القصف إلى مقتل 9 عناصر من داعش. وأكد البنتاغون استهداف مواقع للتنظيم في المنطقة.');
    expect(s.some((x) => x.startsWith('us-dod acknowledges'))).toBe(true);
  });
  it('a described leader is not a doer ("بقيادة")', () => {
    const s = st('قال المرصد إن طائرات التحالف الدولي بقيادة الولايات المتحدة قصفت البلدة ما أدى إلى مقتل 7 مدنيين.');
    expect(s).not.toContain('sohr asserts us');
  });
});

describe('coordinated actor adjectives', () => {
  const sorted = (text: string, outlet?: string) => st(text, outlet).sort();
  it('each adjective coordinated after an attack noun names a doer: "و", "وأخرى", "وآخر"', () => {
    expect(sorted('قال المرصد إن طائرات حربية تركية وأخرى عراقية قصفت القرية ما أدى إلى مقتل 5 مدنيين.')).toEqual(['sohr asserts iraq', 'sohr asserts turkey']);
    expect(sorted('قتل 4 مدنيين في قصف مدفعي تركي وآخر عراقي على القرية.')).toEqual(['reuters asserts iraq', 'reuters asserts turkey']);
  });
  it('an actor name ending in an adjective takes the adjectives coordinated with it ("الطيران الروسي والتركي")', () => {
    expect(sorted('قال المرصد إن الطيران الروسي والتركي قصف القرية ما أدى إلى مقتل 5 مدنيين.')).toEqual(['sohr asserts russia', 'sohr asserts turkey']);
  });
  it('a hedge gives every coordinated doer the same stance, beyond the window of the first', () => {
    expect(sorted('قال المرصد إن 7 مدنيين قتلوا في غارات يرجح أنها روسية وتركية.')).toEqual(['sohr likely russia', 'sohr likely turkey']);
  });
  // the lead's decision: doers joined by "أو" mean the speaker is unsure, so each is possible,
  // not asserted, and a hedge does not make them likely (DOMAIN.md, Airwars: a suspected
  // belligerent is not a known one); a denial of them denies each
  it('adjectives joined by "أو" make each doer possible, whatever the hedge', () => {
    expect(sorted('قتل 6 مدنيين جراء غارات إسرائيلية أو أمريكية على القرية.')).toEqual(['reuters possible israel', 'reuters possible us']);
    expect(sorted('قال المرصد إن 7 مدنيين قتلوا في غارات يرجح أنها روسية أو تركية.')).toEqual(['sohr possible russia', 'sohr possible turkey']);
    expect(sorted('قتل 4 مدنيين بقصف مدفعي تركي أو آخر عراقي على التلال.')).toEqual(['reuters possible iraq', 'reuters possible turkey']);
    expect(sorted('وقال ناشطون إن الطيران الروسي أو التركي قصف البلدة ما أدى إلى مقتل 5 مدنيين.')).toEqual(['local-sources possible russia', 'local-sources possible turkey']);
  });
  it('a denial of doers joined by "أو" denies each', () => {
    expect(sorted('ونفت وزارة الدفاع الروسية أن تكون طائرات روسية أو تركية قد قصفت السوق الذي قتل فيه 9 أشخاص.')).toEqual(['russia-mod denies russia', 'russia-mod denies turkey']);
  });
  it('the quote holds the noun and every coordinated adjective', () => {
    const quotes = extract('قتل 4 مدنيين في قصف مدفعي تركي وآخر عراقي على القرية.', { outlet: 'reuters' }).mentions.flatMap((m) => m.stances).map((s) => s.quote);
    expect(quotes).toEqual(['قصف مدفعي تركي وآخر عراقي', 'قصف مدفعي تركي وآخر عراقي']);
  });
  it('no doer across a preposition (a target, a border) or a comma', () => {
    expect(st('قتل 3 مدنيين في غارات على مواقع تركية قرب القرية.')).toEqual([]);
    expect(st('قتل 4 مدنيين في قصف على الحدود التركية العراقية.')).toEqual([]);
    expect(st('قتل 4 مدنيين في قصف، ووصل وفد روسي وتركي إلى المدينة.')).toEqual([]);
  });
});

describe('Syrian sides in Arabic', () => {
  it('names with "سوري" go to the side they name, not the government', () => {
    expect(st('قتل 5 مدنيين في قصف لقوات سورية الديمقراطية على القرية.')).toEqual(['reuters asserts sdf']);
    expect(st('قتل 5 مدنيين في قصف للجيش الوطني السوري على القرية.')).toEqual(['reuters asserts armed-opposition']);
    expect(st('قتل 5 مدنيين في قصف للجيش السوري الحر على الحي.')).toEqual(['reuters asserts armed-opposition']);
    expect(st('قتل 5 مدنيين في قصف للجيش السوري على الحي.')).toEqual(['reuters asserts syrian-government']);
  });
});


describe('denials by an actor named as the subject of a denial verb', () => {
  it('after the verb or before it, the actor denies its own side\'s strike through the source that speaks for it', () => {
    expect(st('نفت روسيا تنفيذ الضربات الجوية التي أدت إلى مقتل 9 مدنيين في السوق.')).toEqual(['russia-mod denies russia']);
    expect(st('روسيا نفت أن تكون قد نفذت الغارة التي أدت إلى مقتل 9 مدنيين.')).toEqual(['russia-mod denies russia']);
    expect(st('نفت روسيا مسؤوليتها عن الغارة التي قتل فيها 9 مدنيين.')).toEqual(['russia-mod denies russia']);
  });
  it('a doer named by an adjective after the denial is the one denied', () => {
    expect(st('نفت روسيا أن تكون طائرات تركية قد قصفت القافلة ما أدى إلى مقتل 3 جنود.')).toEqual(['russia-mod denies turkey']);
  });
  it('a denial whose complement is about something else denies no strike', () => {
    expect(st('نفت روسيا أن تكون المفاوضات قد تعثرت، فيما قتل 9 مدنيين في غارات تركية.')).toEqual(['reuters asserts turkey']);
  });
});

describe('a speaker\'s own attack nouns ("غاراته", "طائراتها")', () => {
  it('acknowledge its side\'s strike, a final ة written ت before the suffix', () => {
    expect(st('أقر التحالف الدولي بأن غاراته أدت إلى مقتل 7 مدنيين في البلدة.')).toEqual(['coalition acknowledges coalition']);
    expect(st('اعترف التحالف بأن ضربته الجوية أسفرت عن مقتل 4 مدنيين.')).toEqual(['coalition acknowledges coalition']);
  });
  it('a hedge in the predicate makes the stance possible', () => {
    expect(st('أعلنت وزارة الدفاع الروسية أن طائراتها ربما قصفت المستشفى ما أدى إلى مقتل 5 مدنيين.')).toEqual(['russia-mod possible russia']);
  });
  it('an owned noun that is no attack cue needs a doer verb ("طائراته تحلق" tells of no strike)', () => {
    expect(st('أكد التحالف أن طائراته تحلق فوق البلدة التي قتل فيها 5 مدنيين.')).toEqual([]);
  });
});

describe('حدث سابق يؤرخ به', () => {
  it('فاعله ليس فاعل الحدث المروي', () => {
    expect(st('قتل 5 مدنيين بقصف مدفعي على القرية، وهو الأعنف منذ شباط 2020 حين قصفت الطائرات الروسية سوقها.')).toEqual([]);
    expect(st('قال المرصد إن غارة تركية قتلت 4 مقاتلين، في أكبر حصيلة منذ صيف 2019، عندما استهدفت طائرات إسرائيلية المنطقة.')).toEqual(['sohr asserts turkey']);
  });
  it('حين بعد يوم الحدث نفسه يبقى فاعله', () => {
    expect(st('قتل 5 مدنيين يوم الأحد حين قصفت الطائرات الروسية سوق القرية.')).toContain('reuters asserts russia');
  });
});
