import { describe, expect, it } from 'vitest';
import { en } from './en-support.js';

const date = (text: string, publishedAt: string | null = '2019-05-15') => {
  const m = en(text, { publishedAt }).mentions[0];
  return m?.date ? `${m.date.start}..${m.date.end}` : null;
};

describe('English dates', () => {
  it('day and month in either order, with or without the year', () => {
    expect(date('On 12 May 2019, air strikes killed 6 civilians in Hajin.')).toBe('2019-05-12..2019-05-12');
    expect(date('On May 12, 2019, air strikes killed 6 civilians in Hajin.')).toBe('2019-05-12..2019-05-12');
    expect(date('On Sept. 3, air strikes killed 6 civilians in Hajin.', '2019-09-10')).toBe('2019-09-03..2019-09-03');
    expect(date('Air strikes on May 11 and 12 killed 6 civilians in Hajin.')).toBe('2019-05-11..2019-05-12');
  });
  it('weekdays and relative days against the publication date', () => {
    expect(date('Air strikes killed 6 civilians in Hajin at dawn on Monday.')).toBe('2019-05-13..2019-05-13'); // 15 May 2019 is a Wednesday
    expect(date('Air strikes killed 6 civilians in Hajin yesterday.')).toBe('2019-05-14..2019-05-14');
  });
  it('the day a source spoke does not date the event', () => {
    expect(date('Air strikes killed 6 civilians in Hajin on Sunday, the Observatory said on Tuesday.')).toBe('2019-05-12..2019-05-12');
  });
  it('without a publication date, only a full date resolves', () => {
    expect(date('Air strikes killed 6 civilians in Hajin on Monday.', null)).toBeNull();
    expect(date('Air strikes killed 6 civilians in Hajin on 13 May 2019.', null)).toBe('2019-05-13..2019-05-13');
  });
});
