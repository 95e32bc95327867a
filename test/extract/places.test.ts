import { describe, expect, it } from 'vitest';
import { extract } from './support.js';
import { en as enExtract } from './en-support.js';

const places = (text: string) => extract(text).mentions.flatMap((m) => m.places.map((p) => p.id));

describe('places', () => {
  it('finds gazetteer names with clitics', () => {
    expect(places('قتل 4 مدنيين في قصف على بالميادين.')).toContain('al-mayadin');
    expect(places('قتل 4 مدنيين في قصف على بلدة هجين بريف دير الزور.')).toEqual(expect.arrayContaining(['hajin', 'deir-ez-zor']));
  });
  it('folds spelling variants (hamza, taa marbuta)', () => {
    expect(places('قتل 4 مدنيين في قصف على ادلب.')).toContain('idlib');
  });
  it('matches a misspelling with two letters swapped only where a place is introduced', () => {
    expect(places('قتل 4 مدنيين في غارات على بلدات هجين والسوسة والشفعة.')).toContain('al-shaafah');
    expect(places('قتل 4 مدنيين بينما قالت الشفعة شيئا.')).not.toContain('al-shaafah');
  });
  it('reads a misspelt name only as a whole name of one word, never the first word of a longer one', () => {
    const enPlaces = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id ?? `?${p.name}`));
    expect(enPlaces('Shelling on the town of Mareaa killed 2 people.')).toContain('marea');
    for (const text of ['Shelling on the village of Mareh Saghir killed 2 people.', 'Air strikes on the town of Mareah Kabir killed five civilians.']) {
      expect(enPlaces(text), text).not.toContain('marea');
      expect(enPlaces(text).some((p) => p.startsWith('?Mare')), text).toBe(true);
    }
  });
  it('does not take common words for ambiguous names without a place word', () => {
    expect(places('قتل 4 مدنيين في قصف على الحي خلال الجلاء.')).not.toContain('al-jalaa');
  });
  it('a governorate unless the city is introduced', () => {
    expect(places('قتل 4 مدنيين في قصف على محافظة الرقة.')).toContain('raqqa');
    expect(places('قتل 4 مدنيين في قصف على مدينة الرقة.')).toContain('raqqa-city');
  });
  it('leaves out a place that only locates another (a direction, a distance, "near"), but not one more place in a list', () => {
    expect(places('قتل 3 مدنيين في قصف على بلدة الميادين شمال غرب مدينة البوكمال.')).toEqual(['al-mayadin']);
    expect(places('قتل 3 مدنيين في قصف على قرية خان شيخون على بعد 12 كيلومترا من مدينة معرة النعمان.')).not.toContain('maarat-al-numan');
    expect(places('قتل 3 مدنيين في قصف على سراقب بالقرب من مدينة إدلب.')).not.toContain('idlib-city');
    // no place before it: the direction says where the event was
    expect(places('قتل 3 مدنيين في قصف جوي شرق حماة.')).toContain('hama');
    // joined by "و": one more place
    expect(places('قتل 3 مدنيين في قصف على ريف حلب الغربي وجنوب إدلب.')).toEqual(expect.arrayContaining(['aleppo', 'idlib']));
  });
});

describe('clitics and the article', () => {
  it('a clitic taken off a word does not also license the article its name has', () => {
    // "his teams", "a paper", "so it flew": a proclitic on a bare word is not the article
    expect(places('وقال مسؤول إن فرقه انتشلت جثث 4 أشخاص من تحت الأنقاض.')).not.toContain('raqqa');
    expect(places('ونشر الناشطون ورقة تضم أسماء 7 قتلى.')).not.toContain('raqqa');
    expect(places('قتل 5 مدنيين فرقة الإنقاذ لم تصل بعد.')).not.toContain('raqqa');
  });
  it('keeps a name with its article under any clitic, and a bare name under any clitic', () => {
    expect(places('قتل 4 مدنيين في قصف على الرقة.')).toContain('raqqa');
    expect(places('قتل 4 مدنيين بقصف جوي بالرقة.')).toContain('raqqa');
    expect(places('قتل 4 مدنيين بقصف جوي وبالرقة.')).toContain('raqqa');
    expect(places('وصلت جثث 4 مدنيين للرقة.')).toContain('raqqa');
    expect(places('قتل 4 مدنيين بقصف جوي بحلب.')).toContain('aleppo');
    expect(places('قتل 4 مدنيين وفي حلب أصيب 3.')).toContain('aleppo');
  });
});

describe('places in English', () => {
  const en = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id));
  it('leaves out a reference point, keeps a listed place', () => {
    expect(en('Three civilians were killed in an air strike on al-Mayadin, 40 km south-east of Deir ez-Zor city.')).toEqual(['al-mayadin']);
    expect(en('Three civilians were killed in an air strike on Saraqeb, east of Idlib city.')).not.toContain('idlib-city');
    expect(en('Three civilians were killed in air strikes on western Aleppo and south of Idlib.')).toEqual(expect.arrayContaining(['aleppo', 'idlib']));
    expect(en('Three civilians were killed in air strikes east of Hama.')).toContain('hama');
  });
});

describe('movement: where people were taken, fled or passed', () => {
  const enPlaces = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id));
  it('the place the wounded were taken to, or passed through, does not place the event', () => {
    expect(places('قتل 6 مدنيين في غارة على بلدة سراقب، ونقل الجرحى إلى مشافي مدينة سرمدا.')).not.toContain('sarmada');
    expect(places('أصيب 9 مدنيين بقصف على بلدة أريحا وأسعف بعضهم إلى بلدة أطمة.')).not.toContain('atmeh');
    expect(places('قتل 4 وأصيب 12 في سراقب، ونقلت الحالات الحرجة إلى تركيا عبر معبر باب الهوى.')).not.toContain('bab-al-hawa');
    expect(places('قتل 3 مدنيين بقصف على بلدة أريحا، فيما نزح الأهالي باتجاه الدانا.')).not.toContain('al-dana');
    expect(enPlaces('Six civilians were killed in strikes on Saraqib and the wounded were rushed to a hospital in Sarmada.')).not.toContain('sarmada');
    expect(enPlaces('Shelling on Ariha killed five people; dozens of families fled towards Atmeh.')).not.toContain('atmeh');
    expect(enPlaces('Nine were wounded in Saraqib and later transferred to Turkey via the Bab al-Hawa crossing.')).not.toContain('bab-al-hawa');
  });
  it('a destination alone is a reference point, and one report stays one incident', () => {
    const x = extract('قتل 5 مدنيين في غارة على سراقب. وقال مسعف إن فرقه نقلت 11 جريحا إلى مشفى في سرمدا.', { publishedAt: '2020-01-01' });
    expect(x.mentions).toHaveLength(1);
    expect(x.mentions[0]!.places.map((p) => p.id)).toEqual(['saraqib']);
  });
  it('a toll raised "to" a figure moves nobody, and a strike that reaches a place places it', () => {
    expect(places('وصلت حصيلة القتلى إلى 20 مدنيا في مدينة سراقب.')).toContain('saraqib');
    expect(enPlaces('The strike brought the toll to 20 in Saraqib.')).toContain('saraqib');
    expect(places('امتد القصف إلى بلدة أريحا وقتل 4 مدنيين.')).toContain('ariha');
    expect(enPlaces('Four civilians were killed in a strike on a convoy of displaced people near Ariha.')).toContain('ariha');
  });
});

describe('names written with an apostrophe', () => {
  const enPlaces = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id));
  it('keeps a name with a straight, curly or half-ring apostrophe whole, in any spelling of it', () => {
    for (const name of ["Ma'arat al-Nu'man", 'Ma’arrat al-Numan', 'Maʿarrat al-Nuʿman', "Ma'arrat an-Nu'man", 'Maarat al-Numan'])
      expect(enPlaces(`An air strike on ${name} killed 12 civilians on Monday.`)).toContain('maarat-al-numan');
  });
  it("keeps the possessive 's a clitic of its own", () => {
    expect(enPlaces("Shelling on Idlib's southern countryside killed four civilians.")).toContain('idlib');
    expect(enPlaces('Shelling on Saraqib’s market killed four civilians.')).toContain('saraqib');
  });
  it('an unlisted village named with an apostrophe is one unresolved place', () => {
    const x = enExtract("Seven civilians were killed in the village of Ka'arbuna on Tuesday.");
    expect(x.mentions.flatMap((m) => m.places.map((p) => p.name))).toEqual(["Ka'arbuna"]);
  });
});

describe('where the fire came from', () => {
  const enPlaces = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id));
  it("the attacker's base or position does not place the event", () => {
    expect(places('قتل مدنيان بقذائف سقطت على قرية المشيرفة مصدرها قاعدة عسكرية في بلدة أطمة.')).not.toContain('atmeh');
    expect(places('قتل 3 مدنيين في قصف للقوات التركية من مواقعها في سرمدا على بلدة أريحا.')).not.toContain('sarmada');
    expect(places('أصيب 4 أطفال بقذائف أطلقتها القوات المتمركزة في الدانا على بلدة أريحا.')).not.toContain('al-dana');
    expect(enPlaces('Two civilians were killed by shells fired from a base near Atmeh on the town of Ariha.')).not.toContain('atmeh');
    expect(enPlaces('Artillery stationed in Sarmada killed three people in the town of Ariha.')).not.toContain('sarmada');
  });
  it('keeps the place the fire fell on', () => {
    expect(places('قتل 3 مدنيين في قصف للقوات التركية من مواقعها في سرمدا على بلدة أريحا.')).toContain('ariha');
    expect(enPlaces('Two civilians were killed by shells fired from a base near Atmeh on the town of Ariha.')).toContain('ariha');
  });
});

describe('a list after a movement word', () => {
  const enPlaces = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id));
  it('every place of the list is where people were taken', () => {
    const ar = places('قتل 6 مدنيين في بلدة أريحا، ونقل الجرحى إلى مشافي سرمدا وأطمة.');
    expect(ar).toContain('ariha');
    expect(ar).not.toContain('sarmada');
    expect(ar).not.toContain('atmeh');
    const en = enPlaces('Six civilians were killed in the town of Ariha; the wounded were taken to hospitals in Sarmada and Atmeh.');
    expect(en).not.toContain('sarmada');
    expect(en).not.toContain('atmeh');
  });
});

describe('missiles fired from over another place', () => {
  const enPlaces = (text: string) => enExtract(text).mentions.flatMap((m) => m.places.map((p) => p.id));
  it('the direction or airspace they came from is no place of the event', () => {
    expect(places('قتل 3 جنود في غارات إسرائيلية من اتجاه الجولان على مواقع في بلدة أريحا.')).toEqual(['ariha']);
    expect(enPlaces('Three soldiers were killed when missiles fired from over Atmeh hit the town of Ariha.')).toEqual(['ariha']);
  });
});

describe('where the fire came from', () => {
  it('a place after "from" with a verb or weapon of firing before it is the attacker\'s, not the event\'s', async () => {
    const { extract } = await import('./support.js');
    const placesOf = (text: string, language = 'en') => extract(text, { language, publishedAt: '2022-11-22' }).mentions.flatMap((m) => m.places.map((p) => p.name));
    expect(placesOf("Militants fired five rockets from Syria's Afrin region at the border village of Yayladagi, wounding 3 people.")).not.toContain('Afrin');
    expect(placesOf('Rockets fired from the Afrin countryside hit the border village of Yayladagi, wounding 3 people.')).not.toContain('Afrin');
    // with no firing word, "from" names no origin ("12 fighters from Afrin were killed")
    expect(placesOf('The shelling killed 12 fighters from Afrin on Monday.')).toContain('Afrin');
    expect(placesOf('وأطلقت قذائف من ريف عفرين على القرية ما أدى إلى إصابة 3 أشخاص.', 'ar')).not.toContain('Afrin');
  });
});
