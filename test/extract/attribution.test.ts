/**
 * Attribution that means what the source said (issue 17), on sentences of our own, in both
 * languages: a doer is the agent of an attack predicate, never a victim, a place or a
 * background actor; negated attacks and "reports … are false" are the speaker's denials, never
 * its acknowledgement; a conditional or a question is no stance; "no evidence of civilian harm"
 * is a harm assessment, not a denial of the strike; a capital is its government only as a speaker.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { reconcileReports } from '../../src/pipeline.js';
import { shippedRules } from '../support/rules.js';
import { extract } from './support.js';

const opts = (language: string) => ({ language, publishedAt: '2020-03-01', outlet: 'afp' });
const st = (text: string, language: string): string[] => {
  const x = extract(text, opts(language));
  return [...x.mentions.flatMap((m) => m.stances), ...x.looseStances].map((s) => `${s.source} ${s.stance} ${s.actor}`);
};
const assessed = (text: string, language: string): string[] =>
  extract(text, opts(language)).mentions.flatMap((m) => m.assessments ?? []).map((a) => `${a.source} ${a.assessment} ${a.actor}`);

describe('a victim is never a doer', () => {
  it('soldiers who were killed name no doer', () => {
    expect(st('Rebel shelling killed nine government soldiers near the town.', 'en')).not.toContain('afp asserts syrian-government');
    expect(st('قتل تسعة جنود من قوات النظام في قصف على البلدة.', 'ar')).not.toContain('afp asserts syrian-government');
    expect(st('قتل 4 عناصر من قوات النظام بهجوم للفصائل على حاجز.', 'ar')).not.toContain('afp asserts syrian-government');
  });
});

describe('negated attack predicates are denials by the speaker', () => {
  it('English', () => {
    expect(st('The Russian defence ministry said Russian aircraft did not strike the town where 7 people died.', 'en')).toContain('russia-mod denies russia');
    expect(st('The Pentagon said US forces had not carried out any raid where 5 civilians were killed.', 'en')).toContain('us-dod denies us');
    expect(st('The Russian defence ministry said Russian aircraft did not strike the town where 7 people died.', 'en')).not.toContain('russia-mod acknowledges russia');
  });
  it('Arabic', () => {
    expect(st('وقال البنتاغون إنه لم يستهدف أي مبنى في البلدة التي قتل فيها 8 مدنيين.', 'ar')).toContain('us-dod denies us');
    expect(st('وقالت وزارة الدفاع التركية إن القوات التركية لم تقصف المخيم الذي قتل فيه 3 أشخاص.', 'ar')).toContain('turkey-mod denies turkey');
  });
});

describe('reports called false are denials, never acknowledgements', () => {
  it('English', () => {
    const s = st('The Russian defence ministry said reports that its jets bombed a bakery and killed 10 people were false.', 'en');
    expect(s).toContain('russia-mod denies russia');
    expect(s).not.toContain('russia-mod acknowledges russia');
  });
  it('Arabic', () => {
    const s = st('وقالت وزارة الدفاع الروسية إن الأنباء عن قصف طائراتها للسوق ومقتل 10 أشخاص عارية عن الصحة.', 'ar');
    expect(s).toContain('russia-mod denies russia');
    expect(s).not.toContain('russia-mod acknowledges russia');
  });
});

describe('a conditional or a question is no stance', () => {
  it('English', () => {
    expect(st('If confirmed, the raid by Russian jets that killed 7 would be the deadliest this year.', 'en')).toEqual([]);
    expect(st('Unless it is shown that Turkish drones took part, the 4 deaths will not be investigated.', 'en')).toEqual([]);
    expect(st('Did coalition aircraft kill the 5 farmers?', 'en')).toEqual([]);
  });
  it('Arabic', () => {
    expect(st('إذا ثبت أن طائرات روسية قصفت السوق فإن مقتل 7 أشخاص سيكون جريمة.', 'ar')).toEqual([]);
    expect(st('هل قصفت طائرات تركية القرية التي قتل فيها 4 أشخاص؟', 'ar')).toEqual([]);
  });
});

describe('no evidence of civilian harm is an assessment, not a denial of the strike', () => {
  it('English', () => {
    const text = 'The coalition said it had no evidence of civilian harm from the raid that killed 6.';
    expect(assessed(text, 'en')).toContain('coalition no-evidence coalition');
    expect(st(text, 'en')).not.toContain('coalition denies coalition');
  });
  it('Arabic', () => {
    const text = 'وقال التحالف إنه لا دليل على سقوط ضحايا مدنيين في الغارة التي قتلت 6 أشخاص.';
    expect(assessed(text, 'ar')).toContain('coalition no-evidence coalition');
    expect(st(text, 'ar')).not.toContain('coalition denies coalition');
  });
  it('an acknowledgement of harm keeps the acknowledgement of the strike', () => {
    expect(assessed('The coalition acknowledged that its strike killed 4 civilians.', 'en')).toContain('coalition acknowledges-harm coalition');
    expect(assessed('وأقر التحالف بمقتل 4 مدنيين في غارة له.', 'ar')).toContain('coalition acknowledges-harm coalition');
  });
});

describe('suspected against known belligerent', () => {
  it('"believed to be Russian" is likely, "Russian aircraft" asserts', () => {
    expect(st('Five civilians died when aircraft believed to be Russian bombed the village.', 'en')).toContain('afp likely russia');
    expect(st('Five civilians died when Russian aircraft bombed the village.', 'en')).toContain('afp asserts russia');
    expect(st('قتل 5 أشخاص بغارة يعتقد أنها روسية على قرية.', 'ar')).toContain('afp likely russia');
    expect(st('قتل 5 أشخاص بغارة روسية على قرية.', 'ar')).toContain('afp asserts russia');
  });
});

describe('a capital is its government only as a speaker', () => {
  it('denies as the government', () => {
    expect(st('Moscow denied any role in the raid that killed 15 people.', 'en').some((s) => s.endsWith('denies russia'))).toBe(true);
    expect(st('ونفت موسكو أي دور لها في الغارة التي قتل فيها 15 شخصا.', 'ar').some((s) => s.endsWith('denies russia'))).toBe(true);
  });
  it('a capital struck is no doer', () => {
    expect(st('An Israeli strike near Damascus killed 3 people.', 'en')).not.toContain('afp asserts syrian-government');
    expect(st('قتل 3 أشخاص بغارة إسرائيلية قرب دمشق.', 'ar')).not.toContain('afp asserts syrian-government');
  });
});

describe('actors as real reporting names them', () => {
  it('Turkish-backed factions are the armed opposition, in both languages', () => {
    expect(st('Ankara-backed rebels shelled a farm near the river, killing 3 shepherds.', 'en')).toContain('afp asserts armed-opposition');
    expect(st('Two women died when Turkey-backed factions fired mortars at the market.', 'en')).toContain('afp asserts armed-opposition');
    expect(st('قتل 3 رعاة بقصف للفصائل الموالية لأنقرة على مزرعة قرب النهر.', 'ar')).toContain('afp asserts armed-opposition');
  });
  it('Syrian aircraft named by the definite noun phrase are the government', () => {
    expect(st('قتل 8 مدنيين في غارات للطيران الحربي السوري على بلدة جنوبية.', 'ar')).toContain('afp asserts syrian-government');
    expect(st('قصفت الطائرات السورية سوقا شعبيا ما أدى إلى مقتل 6 أشخاص.', 'ar')).toContain('afp asserts syrian-government');
  });
  it('unidentified aircraft and fire of unknown origin name the unknown doer', () => {
    expect(st('Nine farmers died in strikes by unidentified jets on the plain.', 'en')).toContain('afp asserts unknown');
    expect(st('قتل 5 أشخاص في قصف مجهول المصدر على قرية شرقية.', 'ar')).toContain('afp asserts unknown');
  });
});

describe('Arabic doers and acknowledgements as real reporting words them', () => {
  it('a verb, its craft and the doer adjective', () => {
    expect(st('وضربت مسيرة تركية سيارة عسكرية قرب الحدود فقتل 3 مقاتلين.', 'ar')).toContain('afp asserts turkey');
    expect(st('وقصفت طائرات إسرائيلية مواقع جنوبية ما أدى إلى مقتل 4 عناصر.', 'ar')).toContain('afp asserts israel');
  });
  it('aggression named by its adjective is the doer, and its victims stay victims', () => {
    const s = st('قتل 4 جنود من قوات النظام في العدوان الإسرائيلي على ريف العاصمة.', 'ar');
    expect(s).toContain('afp asserts israel');
    expect(s).not.toContain('afp asserts syrian-government');
  });
  it('a belligerent saying it struck acknowledges its side; saying so of a denial does not', () => {
    expect(st('وقال التحالف الدولي إنه شن غارة على مخبأ للمسلحين قتل فيها 5 منهم.', 'ar')).toContain('coalition acknowledges coalition');
    expect(st('وقالت وزارة الدفاع التركية إن مدفعيتها قصفت مواقع للمسلحين وقتلت 8 منهم.', 'ar')).toContain('turkey-mod acknowledges turkey');
    const d = st('ونفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت المخيم الذي قتل فيه 6 أشخاص.', 'ar');
    expect(d).toContain('russia-mod denies russia');
    expect(d).not.toContain('russia-mod acknowledges russia');
  });
});

describe('English doers and acknowledgements as real reporting words them', () => {
  it('aggression named by its adjective is the doer', () => {
    expect(st('State media said Israeli aggression on a base near the capital killed 3 soldiers.', 'en')).toContain('sana asserts israel');
  });
  it('a hedged appositive after the craft, and an attack attributed to a side', () => {
    expect(st('Four farmers died when drones, probably Turkish, hit their tractor.', 'en')).toContain('afp likely turkey');
    expect(st('Medics attributed the deaths of 6 children to Russian jets.', 'en')).toContain('local-sources asserts russia');
  });
  it("a belligerent's own units, said to have struck, acknowledge its side; denied, they do not", () => {
    expect(st('The Turkish defence ministry said its troops had neutralized 12 militants in the north.', 'en')).toContain('turkey-mod acknowledges turkey');
    const d = st('The Russian defence ministry denied its jets had struck the camp where 6 people died.', 'en');
    expect(d).toContain('russia-mod denies russia');
    expect(d).not.toContain('russia-mod acknowledges russia');
  });
});

describe('state media names for Israel, and a doer after a verb carrying the attack as its pronoun', () => {
  it('English', () => {
    expect(st('The Zionist enemy fired missiles at a base in the south, killing 2 soldiers, state media said.', 'en').some((s) => s.endsWith(' asserts israel'))).toBe(true);
  });
  it('Arabic', () => {
    expect(st('قتل جنديان و3 مدنيين في عدوان شنه الكيان الصهيوني على ريف المحافظة.', 'ar')).toContain('afp asserts israel');
    expect(st('وقتل 5 عمال في هجوم نفذته قوات النظام على معمل قرب البلدة.', 'ar')).toContain('afp asserts syrian-government');
  });
});

describe('disclaimed responsibility is a denial', () => {
  it('English', () => {
    expect(st('The coalition said it was not responsible for the raid in which 7 farmers died.', 'en')).toContain('coalition denies coalition');
    expect(st('The Pentagon said US forces bore no responsibility for the blast that killed 6 people.', 'en')).toContain('us-dod denies us');
    expect(st('The Pentagon said US forces bore no responsibility for the blast that killed 6 people.', 'en')).not.toContain('us-dod acknowledges us');
  });
});

describe('actors given as alternatives after an attack word are each possible', () => {
  it('English', () => {
    const s = st('Eight farmers died in raids by the regime or its Russian ally on the orchard.', 'en');
    expect(s).toContain('afp possible syrian-government');
    expect(s).toContain('afp possible russia');
    expect(st('Eight farmers died in raids by the regime and its Russian ally on the orchard.', 'en')).toContain('afp asserts russia');
  });
  it('Arabic', () => {
    expect(st('قتل 8 مزارعين في قصف للقوات التركية أو الفصائل المعارضة على البساتين.', 'ar')).toContain('afp possible turkey');
  });
});

describe('a craft named with its doer adjective names that doer, not the unknown one', () => {
  it('Arabic', () => {
    const s = st('قتل 4 مزارعين في غارات جوية شنتها طائرات حربية إسرائيلية قرب الحقول.', 'ar');
    expect(s).toContain('afp asserts israel');
    expect(s).not.toContain('afp asserts unknown');
  });
});

describe('a belligerent announcing it neutralised enemies acknowledges its side; announcing its own losses does not', () => {
  it('English', () => {
    expect(st('The Turkish defence ministry said it had neutralized 9 militants near the border.', 'en')).toContain('turkey-mod acknowledges turkey');
  });
  it('Arabic', () => {
    expect(st('وأعلنت وزارة الدفاع التركية تحييد 9 مسلحين قرب الحدود.', 'ar')).toContain('turkey-mod acknowledges turkey');
    expect(st('وقالت وزارة الدفاع التركية إنها حيدت 9 مسلحين قرب الحدود.', 'ar')).toContain('turkey-mod acknowledges turkey');
  });
});

describe('condemnation, coordinated accusation and unidentified aircraft in Arabic', () => {
  it('a source condemning an attack named by its adjective accuses that side', () => {
    expect(st('ودانت دمشق القصف التركي الذي أودى بحياة 6 مزارعين.', 'ar')).toContain('syria-gov asserts turkey');
  });
  it('an accusation of two coordinated actors names both', () => {
    const s = st('واتهمت قسد القوات التركية والفصائل الموالية لها بقصف السوق، ما أدى إلى مقتل 5 مدنيين.', 'ar');
    expect(s).toContain('sdf asserts turkey');
    expect(s).toContain('sdf asserts armed-opposition');
  });
  it('aircraft whose identity was not known are the unknown doer, not a denial', () => {
    const s = st('وقال المرصد إن طائرات لم تعرف هويتها قصفت المزرعة ما أدى إلى مقتل 4 عمال.', 'ar');
    expect(s).toContain('sohr asserts unknown');
    expect(s.some((x) => x.includes(' denies '))).toBe(false);
  });
});

describe('English accusation of two coordinated actors names both', () => {
  it('English', () => {
    const s = st('The SDF accused Turkey and Turkish-backed factions of shelling a bakery, where 5 people died.', 'en');
    expect(s).toContain('sdf asserts turkey');
    expect(s).toContain('sdf asserts armed-opposition');
    expect(st('Nine people died when warplanes of unknown identity hit the camp.', 'en')).toContain('afp asserts unknown');
  });
});

describe('a report that tells no figure still tells who did what, where', () => {
  const shipped = shippedRules().rules;
  const rep = (id: string, language: string, outlet: string, text: string): Report =>
    ({ id, publishedAt: '2020-03-05', outlet, language, url: null, text, coded: null, origin: `${id}.txt` });
  const toll = rep('toll', 'en', 'ap', 'Activists said air strikes on the village of Hass in Idlib province on Wednesday killed 14 civilians.');
  const denials = [
    rep('deny-en', 'en', 'tass', 'The Russian defence ministry said on Thursday that no Russian aircraft flew over the village of Hass in Idlib province on Wednesday.'),
    rep('deny-ar', 'ar', 'sana', 'وقالت وزارة الدفاع الروسية إن الطائرات الروسية لم تحلق فوق قرية حاس في ريف إدلب يوم الأربعاء.'),
  ];
  it('its stances are a mention without claims, of its place and day', () => {
    for (const r of denials) {
      const x = extract(r.text!, { language: r.language, publishedAt: r.publishedAt, outlet: r.outlet });
      expect(x.mentions.map((m) => m.claims.length)).toEqual([0]);
      expect(x.mentions[0]!.places.map((p) => p.id)).toContain('hass');
      expect(x.mentions[0]!.stances.map((s) => `${s.source} ${s.stance} ${s.actor}`)).toEqual(['russia-mod denies russia']);
    }
  });
  it('the mention joins the incident of that place and day; alone, it is an incident without tolls (rules: keepIncidentsWithoutTolls)', () => {
    for (const r of denials) {
      const out = reconcileReports({ reports: [toll, r], rules: shipped, rulesHash: 'h', readWarnings: [], reportsSkipped: 0 });
      expect(out.incidents).toHaveLength(1);
      expect(out.incidents[0]!.attributions.flatMap((a) => a.stances.map((s) => `${s.source} ${s.stance} ${a.actor}`))).toContain('russia-mod denies russia');
    }
    const alone = reconcileReports({ reports: [denials[0]!], rules: shipped, rulesHash: 'h', readWarnings: [], reportsSkipped: 0 });
    expect(alone.incidents.map((i) => [i.tolls.length, i.attributions.map((a) => a.actor)])).toEqual([[0, ['russia']]]);
  });
});

describe('a side that declines to comment is no doer of its own sentence', () => {
  it('English and Arabic', () => {
    const en = 'The Israeli army declined to comment on the raid that killed 4 fighters near the airport.';
    expect(st(en, 'en')).not.toContain('afp asserts israel');
    expect(assessed(en, 'en')).toEqual(['israel-idf declined-to-comment israel']);
    const ar = 'ولم يعلق الجيش الإسرائيلي على الغارة التي قتلت 4 مقاتلين قرب المطار.';
    expect(st(ar, 'ar')).not.toContain('afp asserts israel');
    expect(assessed(ar, 'ar')).toEqual(['israel-idf declined-to-comment israel']);
  });
  it('in a sentence of its own after the toll, it is the assessment of the event told', () => {
    const en = [
      'Air strikes killed 5 civilians in the village of Hass on Monday, activists said. The Russian defence ministry declined to comment.',
      'Medics said 3 people died when a drone hit a car near Qamishli. Turkey\'s defence ministry did not respond to a request for comment.',
    ];
    expect(en.map((t) => assessed(t, 'en'))).toEqual([['russia-mod declined-to-comment russia'], ['turkey-mod declined-to-comment turkey']]);
    const ar = 'قتل 4 مدنيين في غارة على قرية حاس يوم الاثنين. ولم يعلق الجيش الإسرائيلي.';
    expect(assessed(ar, 'ar')).toEqual(['israel-idf declined-to-comment israel']);
  });
  it('its acknowledgement in the same words as its harm assessment stands', () => {
    expect(st('أقر التحالف بأن غاراته أدت إلى مقتل 5 مدنيين في القرية.', 'ar')).toContain('coalition acknowledges coalition');
  });
});

describe('the country for its government as a speaker', () => {
  it('English and Arabic', () => {
    expect(st('Syria accused Israel of carrying out the raid that killed 6 soldiers.', 'en')).toContain('syria-gov asserts israel');
    expect(st('واتهمت سوريا إسرائيل بشن الغارة التي قتل فيها 6 جنود.', 'ar')).toContain('syria-gov asserts israel');
    // a place, not a speaker
    expect(st('Israeli jets killed 6 soldiers in Syria.', 'en')).toEqual(['afp asserts israel']);
  });
});

describe('a belligerent\'s denials as its ministries word them', () => {
  it('English: no missions flown, reports called another fake', () => {
    expect(st('The Russian defence ministry said Russian aircraft carried out no combat missions near the town where 9 people died.', 'en')).toContain('russia-mod denies russia');
    expect(st('The Russian defence ministry said reports of 9 deaths in a Russian raid were another fake.', 'en')).toContain('russia-mod denies russia');
    expect(st('The Russian defence ministry said reports of 9 deaths in a Russian raid were another fake.', 'en')).not.toContain('russia-mod asserts russia');
  });
  it('Arabic: the absence of the attack ("عدم شن")', () => {
    expect(st('وأكدت وزارة الدفاع الروسية عدم شن طائرات روسية أي غارة على الحي الذي قتل فيه 6 مدنيين.', 'ar')).toEqual(['russia-mod denies russia']);
    expect(st('وأكدت وزارة الدفاع الروسية شن غارة على الحي الذي قتل فيه 6 مسلحين.', 'ar')).not.toContain('russia-mod denies russia');
  });
});

describe('a doer whose predicate is negated is denied, never asserted', () => {
  it('Arabic: "لم تقترب", "لم تحلق"', () => {
    const s = st('وقالت وزارة الدفاع الروسية إن الطائرات الروسية لم تقترب من البلدة التي قتل فيها 6 مدنيين.', 'ar');
    expect(s).toContain('russia-mod denies russia');
    expect(s).not.toContain('russia-mod asserts russia');
  });
});

describe('inversions of issue 17: a victim, a holder or a setting is no doer', () => {
  it('soldiers killed or wounded in an attack are its victims, in both languages', () => {
    expect(st('Turkish troops killed in the clash at the border post numbered 3, the agency said.', 'en')).not.toContain('afp asserts turkey');
    expect(st('Two coalition soldiers killed in a blast near the base were flown home.', 'en')).toEqual([]);
    expect(st('Turkish troops killed 3 militants at the border post, the agency said.', 'en')).toContain('afp asserts turkey');
    expect(st('قتل 3 جنود أتراك في هجوم على نقطة حدودية.', 'ar')).not.toContain('afp asserts turkey');
    expect(st('وقتل مقاتلان من قسد بقصف على قريتهما في ريف الحسكة.', 'ar')).not.toContain('afp asserts sdf');
  });
  it('a force named as who holds the area is no doer', () => {
    expect(st('A drone hit a car in the SDF-held town of Amuda, killing 2 men.', 'en')).toEqual([]);
    expect(st('Turkish drones hit a village in areas controlled by the SDF, killing 2 women.', 'en')).toEqual(['afp asserts turkey']);
    expect(st('قتل 3 مدنيين بقصف على قرية في مناطق سيطرة قسد بريف الحسكة.', 'ar')).toEqual([]);
    expect(st('وقتل 4 مدنيين بقصف على بلدة تسيطر عليها فصائل المعارضة.', 'ar')).toEqual([]);
  });
  it('a coalition named by its enemy is the coalition, never that enemy', () => {
    expect(st('The coalition against the Islamic State group said its aircraft struck a hideout, killing 5.', 'en')).toEqual(['coalition acknowledges coalition']);
    expect(st('The coalition battling Islamic State said it hit a depot, killing 2 fighters.', 'en')).not.toContain('coalition asserts isis');
    expect(st('ونفى التحالف الدولي ضد تنظيم الدولة قصف البلدة التي قتل فيها 7 أشخاص.', 'ar')).toEqual(['coalition denies coalition']);
    expect(st('وأعلن التحالف الدولي لمحاربة داعش أن طائراته قصفت مخبأ قتل فيه 4 مسلحين.', 'ar')).toEqual(['coalition acknowledges coalition']);
  });
  it('an offensive named as the setting is no doer; a doer named beside it still is', () => {
    expect(st('Amid the regime offensive on the province, a bomb killed 6 people at a bakery.', 'en')).toEqual([]);
    expect(st('Amid the regime offensive, Russian jets hit a bakery, killing 6 people.', 'en')).toEqual(['afp asserts russia']);
    expect(st('وقتل 7 مدنيين بقصف على بلدتهم مع تصاعد الهجوم الروسي على ريف إدلب.', 'ar')).toEqual([]);
    expect(st('وقتل 5 أشخاص في غارة على سوق في ظل الحملة التي تشنها قوات النظام على المنطقة.', 'ar')).toEqual([]);
    expect(st('وقتل 7 مدنيين في هجوم روسي على بلدتهم في ريف إدلب.', 'ar')).toEqual(['afp asserts russia']);
  });
  it('the object of a preposition other than an agent marker is no doer', () => {
    expect(st('A strike on Russian positions killed 4 soldiers, the monitor said.', 'en')).toEqual([]);
    expect(st('The raid was carried out by Russian jets and killed 4 people.', 'en')).toEqual(['afp asserts russia']);
    expect(st('أدت غارة على رتل للقوات التركية إلى مقتل 4 جنود.', 'ar')).toEqual([]);
    expect(st('وقتل 4 أشخاص في غارة نفذت من قبل الطيران الروسي.', 'ar')).toContain('afp asserts russia');
  });
});

describe('inversions of issue 17: negation, denial and its scope', () => {
  it('a negated attack is a denial, never an assertion', () => {
    expect(st('The Turkish defence ministry said its drones did not strike the hamlet where 4 people died.', 'en')).toEqual(['turkey-mod denies turkey']);
    expect(st('وقالت وزارة الدفاع التركية إن طائراتها لم تستهدف البلدة التي قتل فيها 4 أشخاص.', 'ar')).toEqual(['turkey-mod denies turkey']);
  });
  it("a speaker's denial is never its acknowledgement", () => {
    expect(st('The Russian defence ministry denied that its jets had bombed the bazaar, where 9 people died.', 'en')).toEqual(['russia-mod denies russia']);
    expect(st('ونفت وزارة الدفاع الروسية أن تكون طائراتها قصفت السوق الشعبي الذي قتل فيه 9 أشخاص.', 'ar')).toEqual(['russia-mod denies russia']);
  });
  it('a denial covers its own clause: another speaker, or the same one on another strike, still names the doer', () => {
    expect(st('The Russian defence ministry denied any role in the raid, while the monitor said Russian jets killed 9 people.', 'en').sort()).toEqual(['russia-mod denies russia', 'sohr asserts russia']);
    expect(st('ونفت وزارة الدفاع الروسية أي دور لها في الغارة، فيما قال المرصد إن طائرات روسية قتلت 9 أشخاص.', 'ar').sort()).toEqual(['russia-mod denies russia', 'sohr asserts russia']);
    expect(st('The coalition denied striking the school but said its aircraft hit a depot nearby, killing 3 militants.', 'en')).toEqual(['coalition denies coalition', 'coalition acknowledges coalition']);
  });
  it('no evidence of civilian harm is no denial of the strike', () => {
    expect(st('The coalition said it had no evidence of civilian harm from its raid that killed 6.', 'en')).toEqual([]);
    expect(assessed('The coalition said it had no evidence of civilian harm from its raid that killed 6.', 'en')).toEqual(['coalition no-evidence coalition']);
    expect(st('وقال التحالف إنه لا يوجد دليل على سقوط ضحايا مدنيين في غارته التي قتلت 6 أشخاص.', 'ar')).not.toContain('coalition denies coalition');
  });
  it('a capital stands for its government as the speaker', () => {
    expect(st('Ankara said its jets hit militant positions where 7 people died.', 'en')).toEqual(['turkey-mod acknowledges turkey']);
    expect(st('Moscow denied that its aircraft had struck the bazaar where 9 people were killed.', 'en')).toEqual(['russia-mod denies russia']);
    expect(st('ونفت موسكو أن تكون طائراتها قصفت السوق الشعبي الذي قتل فيه 9 أشخاص.', 'ar')).toEqual(['russia-mod denies russia']);
  });
  it('a conditional is no denial', () => {
    expect(st('The ministry will not comment unless it is shown that its jets took part in the raid that killed 7.', 'en')).toEqual([]);
    expect(st('ولن تعلق الوزارة إلا إذا ثبت أن طائراتها شاركت في الغارة التي قتل فيها 7 أشخاص.', 'ar')).toEqual([]);
  });
});

describe('inversions of issue 17: how the doer is worded', () => {
  it('blame or attribution with no one named who blames is only likely', () => {
    expect(st('The raid that left 8 people dead was blamed on Russian jets.', 'en')).toEqual(['afp likely russia']);
    expect(st('The deaths of 5 shepherds were widely attributed to Turkish artillery.', 'en')).toEqual(['afp likely turkey']);
    expect(st('The deaths of 5 shepherds were attributed to Turkish drones by the SDF.', 'en')).toEqual(['sdf asserts turkey']);
    expect(st('وقتل 6 أشخاص في غارة تنسب إلى طائرات تركية على القرية.', 'ar')).toEqual(['afp likely turkey']);
    expect(st('وعزي مقتل 5 رعاة إلى قصف مدفعي لقوات النظام على أطراف البلدة.', 'ar')).toEqual(['afp likely syrian-government']);
    expect(st('ونسب المرصد الغارة التي قتل فيها 6 أشخاص إلى الطيران الروسي.', 'ar')).toEqual(['sohr asserts russia']);
  });
  it('a periphrastic attack verb names its subject as the doer', () => {
    expect(st('Russian jets carried out a strike on the bazaar, killing 9 people.', 'en')).toEqual(['afp asserts russia']);
    expect(st('وشنت طائرات روسية غارات على السوق الشعبي ما أدى إلى مقتل 9 أشخاص.', 'ar')).toEqual(['afp asserts russia']);
    expect(st('ونفذت قوات النظام قصفا مدفعيا على البلدة قتل فيه 6 مدنيين.', 'ar')).toEqual(['afp asserts syrian-government']);
  });
  it('side adjectives after the craft name each side', () => {
    expect(st('Warplanes, Russian and Syrian, hit the bazaar and killed 9 people.', 'en').sort()).toEqual(['afp asserts russia', 'afp asserts syrian-government']);
    expect(st('وقصفت طائرات حربية روسية السوق الشعبي ما أدى إلى مقتل 9 أشخاص.', 'ar')).toEqual(['afp asserts russia']);
  });
  it('composed falsity predicates are denials', () => {
    expect(st('The Russian defence ministry said the reports of 9 deaths were fabricated claims.', 'en')).toEqual(['russia-mod denies russia']);
    expect(st('The Russian defence ministry called the reports of 9 deaths false claims.', 'en')).toEqual(['russia-mod denies russia']);
    expect(st('ووصفت وزارة الدفاع الروسية الأنباء عن مقتل 9 أشخاص بأنها ادعاءات كاذبة.', 'ar')).toEqual(['russia-mod denies russia']);
    expect(st('وقالت وزارة الدفاع الروسية إن ما نشر عن مقتل 9 أشخاص ادعاءات ملفقة.', 'ar')).toEqual(['russia-mod denies russia']);
  });
});
