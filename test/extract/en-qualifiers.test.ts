import { describe, expect, it } from 'vitest';
import { claimsEn } from './en-support.js';

const q = (text: string) => claimsEn(text).map((c) => `${c.value} ${c.qualifier}`);

describe('English qualifiers', () => {
  it('before the figure, the longest phrase wins', () => {
    expect(q('The raid killed at least 9 civilians.')).toEqual(['9 at-least']);
    expect(q('The raid killed no fewer than 9 civilians.')).toEqual(['9 at-least']);
    expect(q('The raid killed fewer than 9 civilians.')).toEqual(['9 up-to']);
    expect(q('The raid killed more than 40 people.')).toEqual(['40 more-than']);
    expect(q('The raid killed around 25 people.')).toEqual(['25 about']);
    expect(q('The raid killed up to 60 people.')).toEqual(['60 up-to']);
  });
  it('after the figure', () => {
    expect(q('The raid killed 14 people at least.')).toEqual(['14 at-least']);
  });
  it('a range gives both bounds', () => {
    expect(q('The raid killed between 20 and 26 civilians.')).toEqual(['20 at-least', '26 up-to']);
    expect(q('The raid killed 20 to 26 civilians.')).toEqual(['20 at-least', '26 up-to']);
  });
  it('the toll may rise', () => {
    expect(claimsEn('The raid killed 17 civilians and the toll is expected to rise.')[0]?.mayRise).toBe(true);
    expect(claimsEn('The raid killed 17 civilians.')[0]?.mayRise).toBe(false);
  });
});

describe('English qualifiers before a number word with its article', () => {
  it('"more than a dozen", "nearly a hundred", "at least a dozen"', () => {
    expect(claimsEn('Shelling killed more than a dozen civilians.').map((c) => `${c.value} ${c.qualifier}`)).toEqual(['12 more-than']);
    expect(claimsEn('Nearly a hundred people were wounded.').map((c) => `${c.value} ${c.qualifier}`)).toEqual(['100 about']);
    expect(claimsEn('The raid killed at least a dozen people.').map((c) => `${c.value} ${c.qualifier}`)).toEqual(['12 at-least']);
  });
});
