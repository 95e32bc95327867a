/** Page furniture never dates or places an event, and its figures are not claims (sentences written for these tests). */
import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../src/extract/furniture.js';
import { fold, foldWithMap, shippedRules } from '../support/rules.js';
import { extract } from './support.js';

const rules = shippedRules().rules;
const kinds = (text: string, lang: 'ar' | 'en') => {
  const folded = foldWithMap(text);
  return findFurniture(rules.languages[lang]!.furniture, fold)(text, folded).map((s) => s.kind);
};
const en = (text: string) => extract(text, { language: 'en', publishedAt: '2020-03-03', outlet: 'ap' });
const ar = (text: string) => extract(text, { publishedAt: '2020-03-03' });
const values = (x: ReturnType<typeof extract>) => x.mentions.flatMap((m) => m.claims.map((c) => c.value));
const placeIds = (x: ReturnType<typeof extract>) => x.mentions.flatMap((m) => m.places.map((p) => p.id));
const BODY_EN = 'Russian air strikes killed seven civilians in the town of Saraqib on Monday, rescuers said.';
const BODY_AR = 'قتل سبعة مدنيين في غارات روسية على بلدة سراقب يوم الإثنين.';

describe('captions', () => {
  it('a labelled caption or one closed by a credit is furniture', () => {
    expect(kinds('Photo: Rescuers search the rubble in Ariha after 11 died there in 2018', 'en')).toEqual(['caption']);
    expect(kinds('Smoke rises over Ariha after an earlier raid that killed 11. (AFP)', 'en')).toEqual(['caption']);
    expect(kinds('FILE - A market in Ariha after a strike that killed 11 people. (AP Photo/File)', 'en')).toEqual(['caption']);
    expect(kinds('صورة: عناصر الدفاع المدني في أريحا بعد غارة قتلت 11 شخصا', 'ar')).toEqual(['caption']);
    expect(kinds('دخان يتصاعد فوق أريحا بعد غارة سابقة قتلت 11 شخصا (أ ف ب)', 'ar')).toEqual(['caption']);
  });
  it('a caption about another town neither places the event nor adds a claim', () => {
    // without their label or credit, these lines would add a claim of 11 (and place it)
    for (const caption of ['Photo: Rescuers at the market of Ariha, where shelling killed 11 civilians last week', 'Smoke rises over Ariha after a raid that killed 11. (Reuters)']) {
      const x = en(`${caption}\n\n${BODY_EN}`);
      expect(placeIds(x)).not.toContain('ariha');
      expect(values(x)).not.toContain(11);
      expect(values(x)).toContain(7);
    }
    const y = ar(`صورة: دخان يتصاعد فوق مدينة أريحا بعد غارة قتلت 11 مدنيا\n\n${BODY_AR}`);
    expect(placeIds(y)).not.toContain('ariha');
    expect(values(y)).not.toContain(11);
  });
});

describe('"Read also" headlines are other stories', () => {
  it('in English and Arabic', () => {
    expect(kinds('Read also: Shelling on Ariha kills 11', 'en')).toEqual(['other-story']);
    expect(kinds('Related: Eleven dead as shells hit Ariha market', 'en')).toEqual(['other-story']);
    expect(kinds('اقرأ أيضاً: مقتل 11 مدنيا بقصف على أريحا', 'ar')).toEqual(['other-story']);
    expect(kinds('إقرأ أيضا: مقتل 11 مدنيا بقصف على أريحا', 'ar')).toEqual(['other-story']);
    const x = en(`${BODY_EN}\n\nRead also: Shelling on the town of Ariha killed 11 civilians on Tuesday`);
    expect(values(x)).toEqual([7]);
    expect(placeIds(x)).not.toContain('ariha');
    const y = ar(`${BODY_AR}\n\nاقرأ أيضاً: مقتل 11 مدنيا بقصف على مدينة أريحا`);
    expect(values(y)).toEqual([7]);
    expect(placeIds(y)).not.toContain('ariha');
    expect(y.mentions).toHaveLength(1);
  });
});

describe('bylines and datelines', () => {
  it('a byline is furniture, a sentence beginning with "By" is not', () => {
    expect(kinds('By Jane Doe and Omar Haddad', 'en')).toEqual(['byline']);
    expect(kinds('By Reuters Staff', 'en')).toEqual(['byline']);
    expect(kinds('بقلم: عمر الحداد', 'ar')).toEqual(['byline']);
    expect(kinds('By noon, the toll had risen to 12. Rescuers kept digging in the town.', 'en')).toEqual([]);
    // one short sentence that begins with "By": a figure, or a full stop, says it is no byline
    expect(kinds('By dusk the overall toll stood at 40.', 'en')).toEqual([]);
    expect(kinds('By Monday evening rescuers had found forty bodies.', 'en')).toEqual([]);
    expect(kinds('By then the count was 7', 'en')).toEqual([]);
  });
  it("the dateline's place is where the report was filed, not the event", () => {
    expect(kinds('DAMASCUS (Reuters) - Air strikes killed seven.', 'en')).toEqual(['dateline']);
    expect(kinds('DAMASCUS, March 2 (AFP) — Air strikes killed seven.', 'en')).toEqual(['dateline']);
    expect(kinds('دمشق (أ ف ب) - قتل سبعة مدنيين.', 'ar')).toEqual(['dateline']);
    // read as text, "ALEPPO" would place the event in Aleppo as well
    const x = en(`ALEPPO (Reuters) - ${BODY_EN}`);
    expect(placeIds(x)).toEqual(['saraqib']);
    const y = ar(`حلب (أ ف ب) - ${BODY_AR}`);
    expect(placeIds(y)).toEqual(['saraqib']);
  });
  it('a dash inside a sentence is no dateline', () => {
    expect(kinds('The strike - the third this week - killed seven in Saraqib.', 'en')).toEqual([]);
  });
});

describe('share buttons, tags and widgets', () => {
  it('are furniture, and their counts are not claims', () => {
    expect(kinds('Share this story: Facebook · Twitter · Email', 'en')).toEqual(['widget']);
    expect(kinds('Facebook | Twitter | WhatsApp', 'en')).toEqual(['widget']);
    expect(kinds('Tags: Idlib, Ariha, air strikes', 'en')).toEqual(['metadata']);
    expect(kinds('تعليقات (14) · مشاركة', 'ar')).toEqual(['widget']);
    expect(kinds('شارك الخبر: فيسبوك | تويتر', 'ar')).toEqual(['widget']);
    const x = en(`${BODY_EN}\nComments (14) · Share\nTags: Ariha, Idlib`);
    expect(values(x)).toEqual([7]);
    expect(placeIds(x)).not.toContain('ariha');
  });
  it('a bare number on its own line is not a widget', () => {
    expect(kinds('63', 'en')).toEqual([]);
  });
});

describe('a filing line on its own', () => {
  it('places and outlet closed by quotes are furniture; a quoted headline with a figure is not', () => {
    expect(kinds('عمّان - حلب: «الشرق الأوسط»', 'ar')).toEqual(['dateline']);
    expect(kinds('المرصد: «مقتل 15 مدنيا»', 'ar')).toEqual([]);
    const y = ar(`عمّان - حلب: «الشرق الأوسط»\n\n${BODY_AR}`);
    expect(placeIds(y)).toEqual(['saraqib']);
  });
});

describe('a caption closed by its credit after the last sentence', () => {
  it('a credit joined to a name, a label, or a credit alone after a dash', () => {
    expect(kinds('Volunteers dig through rubble in Ariha, Idlib province, on a Tuesday. REUTERS/Jane Roe', 'en')).toEqual(['caption']);
    expect(kinds('A girl stands by a burnt car in Ariha, where 11 died last year. AFP via Getty Images', 'en')).toEqual(['caption']);
    expect(kinds('A girl stands by a burnt car in Ariha. Photo: Jane Roe/Anadolu Agency', 'en')).toEqual(['caption']);
    // below the headline: a headline may end in its outlet after a dash
    expect(kinds(`${BODY_AR}\nعناصر الدفاع المدني عند ركام منزل في أريحا قتل فيه 11 العام الماضي - رويترز`, 'ar')).toEqual(['caption']);
    expect(kinds('عناصر الدفاع المدني عند ركام منزل في أريحا قتل فيه 11 العام الماضي - رويترز', 'ar')).toEqual([]);
  });
  it('a body sentence that names an outlet, and a headline ending in its outlet, are not captions', () => {
    expect(kinds('Seven civilians died in Ariha on Monday. SANA reported the same toll', 'en')).toEqual([]);
    expect(kinds('Seven civilians died in Ariha on Monday, Reuters said.', 'en')).toEqual([]);
    expect(kinds('Air strikes kill seven civilians in Ariha - Reuters', 'en')).toEqual([]);
    expect(kinds('قتل سبعة مدنيين في أريحا - بحسب المرصد', 'ar')).toEqual([]);
  });
  it('a caption after the body neither places the event nor adds a claim', () => {
    const x = en(`${BODY_EN}\n\nRescuers carry a wounded man in Ariha, where shelling killed 11 in 2018. REUTERS/Jane Roe`);
    expect(values(x)).toEqual([7]);
    expect(placeIds(x)).not.toContain('ariha');
    const y = ar(`${BODY_AR}\n\nمسعفون يحملون جريحا في مدينة أريحا حيث قتل 11 مدنيا العام الماضي - رويترز`);
    expect(values(y)).toEqual([7]);
    expect(placeIds(y)).not.toContain('ariha');
  });
});

describe('an embedded post', () => {
  it('its text and its signature are furniture: the date in the signature dates nothing', () => {
    expect(kinds('Rockets hit a market in Ariha this morning pic.twitter.com/AbCdEf12', 'en')).toEqual(['widget']);
    expect(kinds('— Some Reporter (@somereporter) March 1, 2020', 'en')).toEqual(['widget']);
    const x = en(`${BODY_EN}\n\nShelling on Ariha killed 11 pic.twitter.com/XyZ123\n— A Reporter (@areporter) May 2, 2018`);
    expect(values(x)).toEqual([7]);
    expect(x.mentions.map((m) => m.date?.start)).not.toContain('2018-05-02');
  });
  it('"you may also like" in Arabic is another story', () => {
    expect(kinds('قد يعجبك أيضاً', 'ar')).toEqual(['other-story']);
  });
});

describe('a filing line closed by its outlet after a dash', () => {
  it('is a dateline: the town it names is where the report was filed', () => {
    expect(kinds('القامشلي - نورث برس', 'ar')).toEqual(['dateline']);
    expect(kinds('Idlib – Enab Baladi', 'en')).toEqual(['dateline']);
    const x = ar('سراقب - عنب بلدي\nقتل سبعة مدنيين في غارات روسية يوم الإثنين.');
    expect(placeIds(x)).not.toContain('saraqib');
  });
  it('a short line with a dash that names no outlet is not', () => {
    expect(kinds('سراقب - مقتل 7 مدنيين', 'ar')).toEqual([]);
    expect(kinds('Saraqib - a town under fire', 'en')).toEqual([]);
  });
});

describe('photo credits in their other forms', () => {
  it('a parenthesised label, a credit joined to an agency, a copyright sign, an archive photo', () => {
    expect(kinds('Children walk past a gutted clinic in Ariha (Photo: Sami Haddad)', 'en')).toEqual(['caption']);
    expect(kinds('A boy looks at the crater left in Ariha, where nine died in 2019 (Image: AFP/Getty)', 'en')).toEqual(['caption']);
    expect(kinds('FILE PHOTO: Civil defence workers at a collapsed house in Ariha', 'en')).toEqual(['caption']);
    expect(kinds('© Reuters 2019', 'en')).toEqual(['caption']);
    expect(kinds('Image source, Getty Images', 'en')).toEqual(['caption']);
    expect(kinds('صورة أرشيفية لدمار خلفه قصف على أريحا قتل فيه تسعة', 'ar')).toEqual(['caption']);
    expect(kinds('أطفال أمام مستشفى مدمر في أريحا (صورة: سامي حداد)', 'ar')).toEqual(['caption']);
    expect(kinds('© أ ف ب', 'ar')).toEqual(['caption']);
    expect(kinds('مصدر الصورة: غيتي', 'ar')).toEqual(['caption']);
  });
  it('a caption left in a shortcode is one, and a parenthesis naming no credit is not', () => {
    expect(kinds('[caption id="attachment_12" width="800"]Rubble in Ariha after a raid[/caption]', 'en')).toEqual(['caption']);
    expect(kinds('Medics treat a girl hurt in Ariha, where nine died. (Image: Reuters)[/caption]', 'en')).toEqual(['caption']);
    // "ap" inside "map" is no credit: the line is the report's own
    expect(kinds('Nine civilians died in Ariha on Sunday (see the map)', 'en')).toEqual([]);
    expect(kinds('قتل تسعة مدنيين في أريحا يوم الأحد (بحسب الدفاع المدني)', 'ar')).toEqual([]);
  });
  it('a credited photo of another town neither places the event nor adds a claim', () => {
    const x = en(`${BODY_EN}\n\nA man sits by the ruins of his home in Ariha, where shelling killed 14 (Photo: Omar Saleh)`);
    expect(values(x)).toEqual([7]);
    expect(placeIds(x)).not.toContain('ariha');
    const y = ar(`${BODY_AR}\n\nصورة أرشيفية لقصف على مدينة أريحا قتل فيه 14 مدنيا`);
    expect(values(y)).toEqual([7]);
    expect(placeIds(y)).not.toContain('ariha');
  });
});

describe('a one-word "other stories" label counts only alone', () => {
  it('"Related" or "Trending" heading a line, but not a sentence that begins with the word', () => {
    expect(kinds('Related', 'en')).toEqual(['other-story']);
    expect(kinds('Trending:', 'en')).toEqual(['other-story']);
    expect(kinds('Related deaths rose to 12 by Monday.', 'en')).toEqual([]);
    expect(kinds('Popular anger grew after nine died in Ariha.', 'en')).toEqual([]);
    expect(kinds('Other news agencies put the toll at 12.', 'en')).toEqual([]);
    expect(kinds('أخبار أخرى', 'ar')).toEqual(['other-story']);
    expect(kinds('أخبار أخرى تحدثت عن 12 قتيلا في أريحا.', 'ar')).toEqual([]);
  });
});

describe('a list of links under an "other stories" heading', () => {
  const listEn = 'You may also like\nShelling on Ariha kills 14 civilians\nFour dead as rockets hit a market in Ariha\nUN envoy calls for calm in the north\n';
  it('each short line under the heading is another story, up to the first sentence', () => {
    expect(kinds(listEn, 'en')).toEqual(['other-story', 'other-story', 'other-story', 'other-story']);
    expect(kinds(`Related\n\nRockets kill 14 in Ariha\n\nAriha market hit again...\n\n${BODY_EN}`, 'en')).toEqual(['other-story', 'other-story', 'other-story']);
    expect(kinds('اقرأ أيضاً:\nمقتل 14 مدنيا بقصف على أريحا\nأربعة قتلى بصواريخ على سوق في أريحا\n', 'ar')).toEqual(['other-story', 'other-story', 'other-story']);
  });
  it('a heading followed by text is no list: a line with its own headline after the label stays one line', () => {
    expect(kinds('Read also: Shelling on Ariha kills 14\nFour dead as rockets hit a market in Ariha', 'en')).toEqual(['other-story']);
  });
  it('the headlines of the list neither place the event nor add claims', () => {
    const x = en(`${BODY_EN}\n\n${listEn}`);
    expect(values(x)).toEqual([7]);
    expect(placeIds(x)).not.toContain('ariha');
    const y = ar(`${BODY_AR}\n\nالأكثر مشاهدة\nمقتل 14 مدنيا بقصف على مدينة أريحا\nأربعة قتلى بصواريخ على سوق في أريحا`);
    expect(values(y)).toEqual([7]);
    expect(placeIds(y)).not.toContain('ariha');
  });
});

describe('newsletter boxes and page widgets', () => {
  it('a sign-up box with no figure is furniture; a sentence with a figure is not', () => {
    expect(kinds('Sign up for our weekly briefing on the war in Syria', 'en')).toEqual(['widget']);
    expect(kinds('Subscribe to our mailing list to get the updates!', 'en')).toEqual(['widget']);
    expect(kinds('Leave a reply', 'en')).toEqual(['widget']);
    expect(kinds('Advertisement', 'en')).toEqual(['widget']);
    expect(kinds('اشترك في النشرة البريدية لتصلك آخر الأخبار', 'ar')).toEqual(['widget']);
    expect(kinds('أضف تعليقك', 'ar')).toEqual(['widget']);
    expect(kinds('Sign up figures show 40 volunteers joined the rescue in Ariha.', 'en')).toEqual([]);
  });
});

describe('a line said twice in one page', () => {
  it('the later one is furniture, a short line is not', () => {
    const line = 'Russian raids kill seven civilians in Saraqib';
    expect(kinds(`${line}\n\n${line}\n\n${BODY_EN}`, 'en')).toEqual(['repeat']);
    expect(kinds('Saraqib\nSaraqib', 'en')).toEqual([]);
    const headline = 'غارات روسية تقتل سبعة مدنيين في سراقب';
    expect(kinds(`${headline}\n${BODY_AR}\n${headline}`, 'ar')).toEqual(['repeat']);
    // furniture said twice stays what it is
    const caption = 'صورة: الدمار في سراقب بعد الغارة';
    expect(kinds(`${BODY_AR}\n${caption}\n${caption}`, 'ar')).toEqual(['caption', 'caption']);
  });
  it('a sentence said twice counts once', () => {
    const x = en(`${BODY_EN}\n\nRescuers were still digging at dusk.\n\n${BODY_EN}`);
    expect(values(x)).toEqual([7]);
    const twice = 'قتل تسعة مدنيين في غارات روسية على بلدة سراقب يوم الإثنين.';
    expect(values(ar(`${twice}\n${twice}`))).toEqual([9]);
  });
});
