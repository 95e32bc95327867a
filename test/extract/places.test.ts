import { describe, expect, it } from 'vitest';
import { extract } from './support.js';

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
  it('does not take common words for ambiguous names without a place word', () => {
    expect(places('قتل 4 مدنيين في قصف على الحي خلال الجلاء.')).not.toContain('al-jalaa');
  });
  it('a governorate unless the city is introduced', () => {
    expect(places('قتل 4 مدنيين في قصف على محافظة الرقة.')).toContain('raqqa');
    expect(places('قتل 4 مدنيين في قصف على مدينة الرقة.')).toContain('raqqa-city');
  });
});
