import { describe, expect, it } from 'vitest';
import { brief, claimsOf, extract } from './support.js';

const b = (text: string) => claimsOf(extract(text)).map(brief);

describe('victims', () => {
  it('civilians, children, women, men', () => {
    expect(b('قتل 8 مدنيين في غارة.')).toEqual(['killed/civilians/-=8']);
    expect(b('قتل 3 أطفال في غارة.')).toEqual(['killed/children/-=3']);
    expect(b('قتلت 4 نساء في غارة.')).toEqual(['killed/women/-=4']); // قتلت (feminine, active or passive) governs it
    expect(b('اعتقلت 4 نساء في مداهمة.').length).toBe(0); // an arrest is no casualty
    expect(b('أدت الغارة إلى مقتل 4 نساء.')).toEqual(['killed/women/-=4']);
    expect(b('أدت الغارة إلى مقتل 6 رجال.')).toEqual(['killed/men/-=6']);
  });
  it('fighters by side from the text', () => {
    expect(b('قتل 11 عنصرا من تنظيم داعش.')).toEqual(['killed/combatants/isis=11']);
    expect(b('قتل 5 مقاتلين من قوات سوريا الديمقراطية.')).toEqual(['killed/combatants/sdf=5']);
    expect(b('قتل 7 من الميليشيات الموالية لإيران.')).toEqual(['killed/combatants/iran-backed=7']);
    expect(b('أسفر القصف عن مقتل 3 عناصر تابعة لجيش النظام.')).toEqual(['killed/combatants/syrian-government=3']);
  });
  it('soldiers default to the Syrian army', () => {
    expect(b('أسفر القصف عن مقتل 6 جنود.')).toEqual(['killed/combatants/syrian-government=6']);
  });
  it('a prisoner head refined by an adjective', () => {
    expect(b('قتل 20 سجينا مدنيا.')).toEqual(['killed/civilians/-=20']);
  });
  it('a mixed group stays "all"', () => {
    expect(b('قتل 40 شخصا من عناصر التنظيم وعائلاتهم في الغارة.')).toEqual(['killed/all/-=40']);
  });
  it('breakdowns are parts of the total before them', () => {
    const cs = claimsOf(extract('قتل 30 شخصا بينهم 12 مدنيا و4 أطفال في الغارة.'));
    expect(cs.map(brief)).toEqual(['killed/all/-=30', 'killed/civilians/-=12', 'killed/children/-=4']);
    expect(cs[1]?.partOf).toBe(cs[0]?.id);
    expect(cs[2]?.partOf).toBe(cs[0]?.id);
  });
  it('"others" take the group of the figure before', () => {
    expect(b('أسفر القصف عن مقتل 3 جنود وإصابة 9 آخرين.')).toEqual(['killed/combatants/syrian-government=3', 'injured/combatants/syrian-government=9']);
  });
  it('an apposition that is not a breakdown is no claim', () => {
    expect(b('وقتل في القصف 10 عناصر من التنظيم هم 6 حراس و4 سجناء.')).toEqual(['killed/combatants/isis=10']);
  });
  it('outcome heads take the group named before them', () => {
    expect(b('ارتفعت حصيلة القتلى المدنيين في القصف إلى 17 قتيلا.')).toEqual(['killed/civilians/-=17']);
  });
  it('"others" (آخرون) after civilians are people of no group said; after soldiers or fighters, of the same side', () => {
    expect(b('قتل 5 مدنيين وأصيب 9 آخرون بقصف على الحي.')).toEqual(['killed/civilians/-=5', 'injured/all/-=9']);
    expect(b('أسفرت الغارة عن مقتل ثلاثة مدنيين وجرح سبعة آخرين في السوق.')).toEqual(['killed/civilians/-=3', 'injured/all/-=7']);
    expect(b('استشهد 14 مدنيا وأصيب 25 آخرون جراء القصف.')).toEqual(['killed/civilians/-=14', 'injured/all/-=25']);
    expect(b('قتل أربعة جنود وأصيب اثنان آخران بانفجار لغم.')).toEqual(['killed/combatants/syrian-government=4', 'injured/combatants/syrian-government=2']);
    expect(b('قتل 7 عناصر من تنظيم الدولة وجرح 3 آخرون بغارة.')).toEqual(['killed/combatants/isis=7', 'injured/combatants/isis=3']);
  });
  it('others of soldiers whose own breakdown names civilians or children are people of no group said', () => {
    expect(b('أسفر القصف عن مقتل جنديين وإصابة ستة آخرين بينهم مدنيان.')).toEqual(['killed/combatants/syrian-government=2', 'injured/all/-=6', 'injured/civilians/-=2']);
    expect(b('قتل 3 عناصر من قوات النظام وأصيب 5 آخرون بينهم طفلة.')).toEqual(['killed/combatants/syrian-government=3', 'injured/all/-=5', 'injured/children/-=1']);
    expect(claimsOf(extract('A drone killed 4 soldiers and wounded 11 others, among them 2 women.', { language: 'en' })).map(brief))
      .toEqual(['killed/combatants/syrian-government=4', 'injured/all/-=11', 'injured/women/-=2']);
    // a breakdown of their own side leaves them soldiers
    expect(b('قتل 3 عناصر من قوات النظام وأصيب 5 آخرون بينهم ضابط.')).toEqual(['killed/combatants/syrian-government=3', 'injured/combatants/syrian-government=5', 'injured/combatants/syrian-government=1']);
  });
  it('a breakdown after the second of two claims is a part of the second, whichever is built first', () => {
    const en = (t: string) => claimsOf(extract(t, { language: 'en' })).map(brief);
    expect(en('A drone killed 4 soldiers and wounded 11 people, among them 2 women.')).toEqual(['killed/combatants/syrian-government=4', 'injured/all/-=11', 'injured/women/-=2']);
    expect(en('Shelling killed 3 fighters and injured twelve civilians, among whom were five children.')).toEqual(['killed/combatants/-=3', 'injured/civilians/-=12', 'injured/children/-=5']);
    expect(b('قتل 4 عناصر وأصيب 10 مدنيين بينهم ثلاثة أطفال.')).toEqual(['killed/combatants/-=4', 'injured/civilians/-=10', 'injured/children/-=3']);
  });
  it('the speaker\'s own fighters (من عناصرها) are of the side it speaks for', () => {
    expect(b('وأعلنت قوات سوريا الديمقراطية مقتل خمسة من عناصرها في القصف.')).toEqual(['killed/combatants/sdf=5']);
    expect(b('ونعى حزب الله ثلاثة من عناصره قتلوا في الغارة.')).toEqual(['killed/combatants/iran-backed=3']);
    expect(b('وقال المرصد إن الغارة قتلت أربعة من عناصره.')).toEqual(['killed/combatants/-=4']);
  });
  it('pupils of a school (تلاميذ) are children', () => {
    expect(b('أصيب 12 تلميذا بجروح جراء سقوط قذيفة على المدرسة.')).toEqual(['injured/children/-=12']);
    expect(b('قتلت تلميذة بقذيفة على حي السحاري.')).toEqual(['killed/children/-=1']);
  });
  it('a bare figure after its verb (Arabic verb-first) is of no group said, unlike a gapped English subject', () => {
    expect(b('قتل 9 مدنيين وأصيب العشرات بجروح في الغارة.')).toEqual(['killed/civilians/-=9', 'injured/all/-=null']);
    expect(b('استشهد 6 مدنيين وأصيب 11 جراء القصف.')).toEqual(['killed/civilians/-=6', 'injured/all/-=11']);
  });
  it('a dual or singular noun in a breakdown is a part of two or one', () => {
    const parts = (text: string) => claimsOf(extract(text)).map((c) => `${brief(c)}${c.partOf === null ? '' : ' part'}`);
    expect(parts('قتل 6 مدنيين بينهم طفلتان في غارة على القرية.')).toEqual(['killed/civilians/-=6', 'killed/children/-=2 part']);
    expect(parts('قتل 10 مدنيين بينهم 2 أطفال وسيدة في غارة.')).toEqual(['killed/civilians/-=10', 'killed/children/-=2 part', 'killed/women/-=1 part']);
    expect(parts('قتل 10 مدنيين منهم طفل وأصيب 4 آخرون في غارة.')).toEqual(['killed/civilians/-=10', 'killed/children/-=1 part', 'injured/all/-=4']);
    // no breakdown word: a noun on its own is no figure
    expect(parts('قتل 10 مدنيين في غارة قرب منزل طفلة.')).toEqual(['killed/civilians/-=10']);
  });
  it('citizens (مواطنين) are civilians, as SOHR and SANA use the word in tolls; a citizen in the feminine is a woman', () => {
    expect(b('استشهد 4 مواطنين في قصف على الحي.')).toEqual(['killed/civilians/-=4']);
    expect(b('أدى القصف إلى مقتل مواطنة.')).toEqual(['killed/women/-=1']);
  });
  it('an outcome noun after a figure is the noun it counts: the wounded are not said to be the dead\'s group', () => {
    expect(b('وسقط 14 قتيلا مدنيا و30 جريحا في القصف.')).toEqual(['killed/civilians/-=14', 'injured/all/-=30']);
    expect(b('ارتفع عدد الضحايا إلى ٩ شهداء مدنيين، وأكثر من ٢٠ مصابا.')).toEqual(['killed/civilians/-=9', 'injured/all/-=20']);
    expect(b('قتل سبعة جنود وأصيب 11 جريحا في الهجوم.').slice(-1)).toEqual(['injured/all/-=11']);
    // the group of a toll noun before the figure is still its group
    expect(b('وارتفعت حصيلة القتلى المدنيين جراء القصف إلى 17 قتيلا.')).toEqual(['killed/civilians/-=17']);
  });
  it('soldiers are the army of the nationality after them, else the Syrian army', () => {
    expect(b('قتل 5 جنود أتراك في هجوم قرب الباب.')).toEqual(['killed/combatants/turkey=5']);
    expect(b('أصيب 3 جنود روس بانفجار لغم على الطريق.')).toEqual(['injured/combatants/russia=3']);
    expect(b('قتل جنديان تركيان في الهجوم على النقطة.')).toEqual(['killed/combatants/turkey=2']);
    expect(b('قتل 4 جنود سوريين في القصف.')).toEqual(['killed/combatants/syrian-government=4']);
    expect(b('قتل 4 جنود في القصف على البلدة.')).toEqual(['killed/combatants/syrian-government=4']);
  });
  it('a victim noun inside a longer source name counts no one', () => {
    expect(b('واستشهد بحسب مصدر عسكري ثلاثة جنود في العدوان.')).toEqual(['killed/combatants/syrian-government=3']);
    expect(b('وقتل وفق الدفاع المدني خمسة أشخاص في الحي.')).toEqual(['killed/all/-=5']);
    expect(b('وأصيب حسب المصدر العسكري جنديان في القصف الأخير.')).toEqual(['injured/combatants/syrian-government=2']);
    expect(b('وارتقى بحسب الدفاع المدني طفلان تحت الركام.')).toEqual(['killed/children/-=2']);
    // the noun that is a whole source name, or no name at all, still counts
    expect(b('وقتل مسعف في الغارة على المركز.')).toEqual(['killed/civilians/-=1']);
    expect(b('وقتل عسكري بانفجار لغم قرب الطريق.')).toEqual(['killed/combatants/syrian-government=1']);
  });
  it('leaders and commanders of an armed group are its fighters', () => {
    expect(b('وقتل قياديان في هيئة تحرير الشام بغارة لطائرة مسيرة.')).toEqual(['killed/combatants/armed-opposition=2']);
    expect(b('وأسفرت الضربة عن مقتل قيادي في تنظيم الدولة قرب البادية.')).toEqual(['killed/combatants/isis=1']);
    expect(b('وقتل 3 قياديين من حزب الله في الغارة.')).toEqual(['killed/combatants/iran-backed=3']);
    expect(b('وقتل أربعة قادة ميدانيين في القصف على المقر.')).toEqual(['killed/combatants/-=4']);
    expect(b('وقتل قائدان ميدانيان من حزب الله بغارة.')).toEqual(['killed/combatants/iran-backed=2']);
    expect(b('وقتل قائد عسكري في الفصيل بانفجار عبوة.')).toEqual(['killed/combatants/-=1']);
  });
  it('an emir counts only with the side he is of; leaders of a tribe are people', () => {
    expect(b('وأسفر الاستهداف عن مقتل أمير في تنظيم داعش.')).toEqual(['killed/combatants/isis=1']);
    expect(b('وقتل أميران من تنظيم الدولة بكمين.')).toEqual(['killed/combatants/isis=2']);
    expect(b('وقتل الطفل أمير بقصف على الحي.')).toEqual(['killed/children/-=1']);
    expect(b('وقتل ثلاثة من وجهاء العشيرة بالقصف.')).toEqual(['killed/all/-=3']);
  });
  it('members of the civil defence are civilians, not fighters', () => {
    expect(b('وقتل بالقصف عنصر من الدفاع المدني أثناء عمله.')).toEqual(['killed/civilians/-=1']);
    expect(b('وأسفرت الغارة المزدوجة عن مقتل 4 عناصر من الدفاع المدني.')).toEqual(['killed/civilians/-=4']);
    expect(b('وأصيب عنصران في الدفاع المدني بجروح خلال الإنقاذ.')).toEqual(['injured/civilians/-=2']);
  });
});

describe('jihadist factions other than ISIS', () => {
  it('are armed-opposition fighters, whether the name carries "تنظيم" or not, and "القاعدة" alone is a base', () => {
    const sides = (text: string) => claimsOf(extract(text)).map((c) => c.affiliation);
    expect(sides('قتل قياديان في تنظيم حراس الدين بضربة جوية قرب إدلب.')).toEqual(['armed-opposition']);
    expect(sides('ولقي 3 عناصر من تنظيم القاعدة حتفهم بغارة على سرمدا.')).toEqual(['armed-opposition']);
    expect(sides('ولقي 3 عناصر من حراس الدين حتفهم بغارة على سرمدا.')).toEqual(['armed-opposition']);
    expect(sides('وقتل 4 عناصر من التنظيم في هجوم على القاعدة العسكرية.')).toEqual(['isis']);
  });
});
