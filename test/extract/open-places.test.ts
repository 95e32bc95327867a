/** Open-world places: names after a place word that the gazetteer lacks (sentences written for these tests). */
import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

const ar = (text: string) => extract(text, { publishedAt: '2020-05-10' });
const en = (text: string) => extract(text, { language: 'en', publishedAt: '2020-05-10', outlet: 'ap' });
const unresolved = (x: ReturnType<typeof extract>) => x.mentions.flatMap((m) => m.places.filter((p) => p.id === null).map((p) => p.name));
const ids = (x: ReturnType<typeof extract>) => x.mentions.flatMap((m) => m.places.flatMap((p) => (p.id ? [p.id] : [])));

describe('an unresolved village', () => {
  it('is read after an Arabic place word, with its clitics, as written', () => {
    expect(unresolved(ar('قتل ستة مدنيين بغارات على قرية تل عقربات بريف إدلب.'))).toEqual(['تل عقربات']);
    expect(unresolved(ar('أصيب 4 أشخاص بقصف مدفعي طال بقرية المشيرفة صباح اليوم.'))).toEqual(['المشيرفة']);
    expect(unresolved(ar('قُتل طفلان وامرأة في قصف على بلدة كفر حمرة وقرية أخرى.'))).toEqual(['كفر حمرة']);
    expect(unresolved(ar('استشهد 3 مدنيين في مخيم الصفصافة الواقع شمال المدينة.'))).toEqual(['الصفصافة']);
  });
  it('takes no describing adjective after a place word for a name', () => {
    for (const text of ['قصفت قوات النظام أحياء سكنية في مدينة دوما ما أدى لمقتل 3 مدنيين.',
      'وقتل 5 أشخاص بغارات طالت قرى متفرقة من ريف حماة الشمالي.',
      'استهدفت المدفعية بلدات محاصرة شرق العاصمة، وقتل مدنيان.',
      'أصيب 7 مدنيين بقصف على أحياء مأهولة بالسكان.']) expect(unresolved(ar(text)), text).toEqual([]);
  });
  it('keeps the gazetteer place it is located by', () => {
    const x = ar('قتل ستة مدنيين بغارات على قرية تل عقربات بريف إدلب.');
    expect(ids(x)).toContain('idlib');
  });
  it('is read after an English place phrase, over capitalised words and particles', () => {
    expect(unresolved(en('Six civilians were killed in air strikes on the village of Tal Aqrabat in Idlib province on Monday.'))).toEqual(['Tal Aqrabat']);
    expect(unresolved(en('Shelling on the town of Umm Jurn al-Sharqi killed four people.'))).toEqual(['Umm Jurn al-Sharqi']);
    expect(unresolved(en('Three children died when rockets hit the neighbourhood of Bab Tadmur, residents said.'))).toEqual(['Bab Tadmur']);
  });
  it('is not a word that only follows a place word', () => {
    // "the town" already named: the article form refers back
    expect(unresolved(ar('قتل 5 مدنيين في البلدة بصواريخ أطلقتها الطائرات.'))).toEqual([]);
    expect(unresolved(ar('قتل 5 مدنيين في قصف على قرية في الريف.'))).toEqual([]);
    expect(unresolved(en('Five people were killed in the village of the north, a witness said.'))).toEqual([]);
    expect(unresolved(en('Five people were killed in the town of Saraqib on Monday.'))).toEqual([]);
  });
  it('leaves a gazetteer name to the gazetteer', () => {
    const x = en('Five people were killed in the town of Saraqib on Monday.');
    expect(ids(x)).toContain('saraqib');
  });
  it('two different unresolved villages in one report are two events', () => {
    const a = ar('قتل 5 مدنيين في غارة على قرية تل عقربات. وقتل 3 آخرون في قصف على قرية المشيرفة.');
    expect(a.mentions.length).toBe(2);
    expect(a.mentions.map((m) => m.places.map((p) => p.name))).toEqual([['تل عقربات'], ['المشيرفة']]);
    const b = en('Five civilians were killed in a strike on the village of Tal Aqrabat. Three more died in shelling on the village of Mashirfa.');
    expect(b.mentions.length).toBe(2);
  });
  it('the same unresolved village named twice is one event', () => {
    const a = ar('قتل 5 مدنيين في غارة على قرية تل عقربات. وأصيب 3 آخرون في قرية تل عقربات نفسها.');
    expect(a.mentions.length).toBe(1);
  });
});

describe('unresolved villages in a list, or named before their place word', () => {
  it('each name after an introducer of several is a place of its own', () => {
    expect(unresolved(ar('قتل 5 مدنيين في قصف على قريتي المشيرفة والصفصافة.'))).toEqual(['المشيرفة', 'الصفصافة']);
    // a listed name the gazetteer has is that place, and the list goes on after it
    const listed = ar('طال القصف بلدات كفرعويد والبارة وسفوهن وأدى إلى مقتل 4.');
    expect(unresolved(listed)).toEqual(['كفرعويد', 'سفوهن']);
    expect(ids(listed)).toContain('al-bara');
    expect(unresolved(en('Five civilians were killed in shelling on the villages of Mashirfa and Safsafa.'))).toEqual(['Mashirfa', 'Safsafa']);
    expect(unresolved(en('Strikes on the villages of Kafr Uwayd, Bara and Sufuhun killed four people.'))).toEqual(['Kafr Uwayd', 'Sufuhun']);
  });
  it('a singular introducer names one place: what is joined to it is not another', () => {
    expect(unresolved(ar('قتل 5 مدنيين في قصف على قرية المشيرفة وأطرافها.'))).toEqual(['المشيرفة']);
    expect(unresolved(en('Five people were killed in the village of Mashirfa and nearby farmland.'))).toEqual(['Mashirfa']);
  });
  it('a capitalised name before "village" or "camp" is a place; a common phrase before "city" is not', () => {
    expect(unresolved(en('Five people were killed in Mashirfa village on Monday.'))).toEqual(['Mashirfa']);
    expect(unresolved(en('A shell hit Kafr Uwayd camp, wounding nine.'))).toEqual(['Kafr Uwayd']);
    expect(unresolved(en('Five people were killed in the Old City on Monday.'))).toEqual([]);
  });
  it('two listed villages with a figure each are two events', () => {
    const x = en('Five died in the village of Mashirfa, while three died in Safsafa village.');
    expect(x.mentions.map((m) => m.places.map((p) => p.name))).toEqual([['Mashirfa'], ['Safsafa']]);
  });
});

describe('an unresolved neighbourhood and its city', () => {
  const shape = (x: ReturnType<typeof extract>) => x.mentions.map((m) => m.claims.map((c) => c.value));
  it('lies in the city named with it, which is the city and not the governorate of that name', () => {
    expect(shape(ar('قتل 5 مدنيين في قصف على حي المشارقة في حلب. وأصيب 7 مدنيين آخرين في مدينة حلب.'))).toEqual([[5, 7]]);
    expect(shape(en('Five civilians were killed in the Bab Nayrab neighbourhood of Aleppo. Seven more were wounded in Aleppo city.'))).toEqual([[5, 7]]);
  });
  it('told after the city the event is in, it lies in that city', () => {
    expect(shape(ar('قتل 5 مدنيين في قصف على مدينة حلب. واستهدف القصف حي المشارقة وأصيب 7 مدنيين آخرين.'))).toEqual([[5, 7]]);
    expect(shape(en('Five civilians were killed in Aleppo city. Seven more were wounded in the neighbourhood of Bab Nayrab.'))).toEqual([[5, 7]]);
  });
  it('two neighbourhoods the gazetteer lacks are two places, in the same city too', () => {
    expect(shape(ar('قتل 5 مدنيين في قصف على حي المشارقة في مدينة حلب. وأصيب 7 مدنيين آخرين في قصف على حي القطارنة.'))).toEqual([[5], [7]]);
    expect(shape(en('Five civilians were killed in Aleppo city. Three died in the neighbourhood of Bab Nayrab. Seven were wounded in the neighbourhood of Qatarna.'))).toHaveLength(2);
  });
});
