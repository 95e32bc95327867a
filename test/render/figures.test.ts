import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber } from '../../src/render/figures.js';

describe('figures as people read them', () => {
  it('separates thousands whatever the size', () => {
    expect([7, 999, 1000, 12345, 330000, 2000000].map(formatNumber)).toEqual(['7', '999', '1,000', '12,345', '330,000', '2,000,000']);
  });
  it('keeps the qualifier of a claim', () => {
    expect(formatFigure(1200, 'at-least')).toBe('at least 1,200');
    expect(formatFigure(30, 'about')).toBe('about 30');
    expect(formatFigure(100, 'more-than')).toBe('more than 100');
    expect(formatFigure(7, 'up-to')).toBe('up to 7');
    expect(formatFigure(12, 'exact')).toBe('12');
    expect(formatFigure(null, 'vague')).toBe('vague');
  });
});
