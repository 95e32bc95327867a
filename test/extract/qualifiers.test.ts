import { describe, expect, it } from 'vitest';
import { claimsOf, extract } from './support.js';

const q = (text: string) => claimsOf(extract(text)).map((c) => c.qualifier);

describe('qualifiers', () => {
  it('at least, after the group', () => expect(q('قتل 12 مدنيا على الأقل في القصف.')).toEqual(['at-least']));
  it('about: نحو, حوالي, قرابة', () => {
    expect(q('قتل نحو 20 مدنيا.')).toEqual(['about']);
    expect(q('قتل حوالي 20 مدنيا.')).toEqual(['about']);
    expect(q('قتل قرابة 20 مدنيا.')).toEqual(['about']);
  });
  it('more than', () => expect(q('أسفر القصف عن مقتل أكثر من 30 شخصا.')).toEqual(['more-than']));
  it('exact when unqualified', () => expect(q('قتل 7 أشخاص.')).toEqual(['exact']));
  it('the toll may rise, said in a later sentence by the same source', () => {
    const cs = claimsOf(extract('قال المرصد إن 9 مدنيين قتلوا في غارة على بلدة هجين. وأضاف المرصد أن عدد القتلى مرشح للارتفاع.'));
    expect(cs.map((c) => c.mayRise)).toEqual([true]);
  });
  it('the quote includes the qualifier before the figure', () => {
    const [c] = claimsOf(extract('قتل نحو 20 مدنيا.'));
    expect(c?.quote.startsWith('نحو')).toBe(true);
  });
});
