import { describe, expect, it } from 'vitest';
import { claimsEn, figures } from './en-support.js';

describe('English numbers', () => {
  it('digits, with thousands separators', () => {
    expect(figures('The raid killed 7 civilians.')).toEqual(['killed/civilians/-=7']);
    expect(figures('The bombing killed 1,250 people.')).toEqual(['killed/all/-=1250']);
  });
  it('number words, hyphenated compounds and hundreds', () => {
    expect(figures('Thirty-one civilians were killed in the raid.')).toEqual(['killed/civilians/-=31']);
    expect(figures('The strike killed sixty four people.')).toEqual(['killed/all/-=64']);
    expect(figures('The shelling killed one hundred and twelve people.')).toEqual(['killed/all/-=112']);
    expect(figures('Nineteen children died in the attack.')).toEqual(['killed/children/-=19']);
  });
  it('a dozen is twelve, and multiplies the number before it', () => {
    expect(figures('A dozen villagers were wounded in the shelling.')).toEqual(['injured/all/-=12']);
    expect(figures('The raids killed two dozen people.')).toEqual(['killed/all/-=24']);
    expect(claimsEn('Nearly three dozen civilians died in the week.')[0]).toMatchObject({ value: 36, qualifier: 'about', group: 'civilians' });
    expect(figures('Shelling killed 2 dozen people.')).toEqual(['killed/all/-=24']);
  });
  it('vague quantities carry no figure but a lower bound', () => {
    const [c] = claimsEn('Dozens of civilians were killed in the raid.');
    expect(c).toMatchObject({ value: null, qualifier: 'vague', vagueMin: 12, group: 'civilians' });
    expect(claimsEn('Air strikes killed scores of people.')[0]).toMatchObject({ value: null, vagueMin: 20 });
  });
  it('numbers that count no people are no claims', () => {
    expect(figures('Eight jets fired twelve missiles at the base, 30 kilometres from the border.')).toEqual([]);
  });
});

describe('English number words with an article', () => {
  it('"a hundred", "a thousand", "a dozen" under a cue or as a subject', () => {
    expect(figures('The bombing wounded a hundred people in the market.')).toEqual(['injured/all/-=100']);
    expect(figures('A thousand people were displaced and a dozen were killed.')).toEqual(['killed/all/-=12']);
    expect(figures('The raid killed a dozen civilians near the school.')).toEqual(['killed/civilians/-=12']);
    expect(figures('The strikes wounded a hundred and forty.')).toEqual(['injured/all/-=140']);
  });
});
