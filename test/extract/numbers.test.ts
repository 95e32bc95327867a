import { describe, expect, it } from 'vitest';
import { brief, claimsOf, extract } from './support.js';

const values = (text: string) => claimsOf(extract(text)).map((c) => c.value);

describe('numbers', () => {
  it('reads Arabic-Indic digits as figures', () => {
    expect(values('قتل ١٢ مدنيا في قصف على قرية.')).toEqual([12]);
  });
  it('reads number words in their gender and case forms', () => {
    expect(values('أسفر القصف عن مقتل ثلاثة مدنيين.')).toEqual([3]);
    expect(values('أسفر القصف عن مقتل ثلاث نساء.')).toEqual([3]);
  });
  it('reads teen compounds', () => {
    expect(values('قتل خمسة عشر مدنيا في الغارة.')).toEqual([15]);
  });
  it('reads units joined to tens', () => {
    expect(values('قتل ثلاثة وعشرون شخصا في القصف.')).toEqual([23]);
  });
  it('reads tens words alone', () => {
    expect(values('حملت الوكالة التحالف مسؤولية مقتل نحو أربعين مدنيا.')).toEqual([40]);
  });
  it('multiplies by thousands', () => {
    expect(values('أدى القصف إلى مقتل 2 ألف شخص.')).toEqual([2000]);
  });
  it('counts duals of people right after the outcome', () => {
    expect(claimsOf(extract('أدت الغارة إلى مقتل طفلين.')).map(brief)).toEqual(['killed/children/-=2']);
    // the verb, its subject, then the dual it governs ("the raid killed two soldiers")
    expect(claimsOf(extract('قتلت الغارة جنديين.')).map(brief)).toEqual(['killed/combatants/syrian-government=2']);
    expect(claimsOf(extract('أسفرت الغارة عن مقتل جنديين.')).map(brief)).toEqual(['killed/combatants/syrian-government=2']);
  });
  it('counts pronoun duals on the outcome noun', () => {
    expect(values('داهمت القوة منزلا لعنصرين من تنظيم داعش ما أدى لمقتلهما.')).toEqual([2]);
  });
  it('keeps vague quantities without a figure and with their least number', () => {
    const [c] = claimsOf(extract('أسفر القصف عن مقتل عشرات المدنيين.'));
    expect(c?.value).toBeNull();
    expect(c?.qualifier).toBe('vague');
    expect(c?.vagueMin).toBe(10);
  });
  it('does not read digits inside words or years as figures', () => {
    expect(values('وقعت الغارة في العام 2016 على بلدة.')).toEqual([]);
  });
});
