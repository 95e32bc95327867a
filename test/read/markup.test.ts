import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import type { Report } from '../../src/model/report.js';
import { DECIMAL_POINT, extractAsRead, findDecimals, findMarkup, maskMarkup } from '../../src/read/markup.js';
import { figureMarks } from '../../src/rules/figure-marks.js';
import { shippedRules } from '../support/rules.js';

const Z = '\u200b';
const visible = (s: string): string => s.replaceAll(Z, '');

describe('maskMarkup', () => {
  it('blanks inline tags, turns block tags into a line break, and keeps everything else in place', () => {
    const text = '<p>قتل <b>12</b> مدنيا</p>';
    const masked = maskMarkup(text);
    expect(masked).toHaveLength(text.length);
    expect(visible(masked)).toBe('\nقتل 12 مدنيا\n');
    expect(masked.indexOf('12')).toBe(text.indexOf('12'));
  });

  it('reads an entity as its character, and numeric entities too (Arabic written as &#...;)', () => {
    expect(visible(maskMarkup('12&nbsp;مدنيا &quot;x&quot; &#1602;&#1578;&#1604; &#x645;'))).toBe('12\u00a0مدنيا "x" قتل م');
  });

  it('hides script and style content and comments, and leaves unknown entities and non-tags alone', () => {
    const masked = visible(maskMarkup('a<script>alert("12 مدنيا")</script>b<!-- 5 قتلى -->c<style>p{}</style>d &constructor; &toString; 3 < 4 > 2'));
    expect(masked).toBe('a\nbc\nd &constructor; &toString; 3 < 4 > 2');
  });

  it('blanks control characters such as NUL bytes, and keeps tabs and line breaks', () => {
    expect(maskMarkup('a\u0000b\u0007c\td\r\ne\u0085')).toBe(`a${Z}b${Z}c\td\r\ne${Z}`);
  });

  it('returns plain text unchanged (same string)', () => {
    const text = 'قال المرصد إن 12 مدنيا قتلوا، و3 < 4';
    expect(maskMarkup(text)).toBe(text);
  });
});

describe('findMarkup', () => {
  it('counts tags, known entities and control characters, and finds the first of each', () => {
    expect(findMarkup('x &amp; <b>y</b> &bogus; \u0000')).toEqual({ tags: 2, entities: 1, controls: 1, first: 2, firstControl: 25 });
    expect(findMarkup('plain')).toEqual({ tags: 0, entities: 0, controls: 0, first: -1, firstControl: -1 });
  });
});

// Markup and text in any mix, for properties that must hold for any input.
const markupPiece = fc.constantFrom('<b>', '</b>', '<p class="x">', '<br/>', '&nbsp;', '&amp;', '&#1602;', '&#x1F600;', '<!-- c -->',
  '<script>x</script>', '<style>', '\u0000', '\u202e', '&', '<', '>', '&constructor;', '<!DOCTYPE html>');
const mixed = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), markupPiece), { maxLength: 30 }).map((xs) => xs.join(''));

describe('properties', () => {
  test.prop([mixed])('for any text, the masked text has the same length', (text) => {
    expect(maskMarkup(text)).toHaveLength(text.length);
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[<&\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, ''))])(
    'for any text without <, & or control characters, masking changes nothing',
    (text) => { expect(maskMarkup(text)).toBe(text); },
  );
});

const report = (text: string): Report => ({ id: 'h', publishedAt: '2018-07-13', outlet: 'afp', language: 'ar', url: null, text, coded: null, origin: 'h.txt' });

describe('extractAsRead', () => {
  const extract = extractAsRead(extractReport(shippedRules().rules));

  it('extracts through markup and entities, and quotes the text as read', () => {
    const text = '<p>قال المرصد السوري إن&nbsp;<b>12</b>&nbsp;مدنيا قتلوا في غارة</p>';
    const claims = extract(report(text)).mentions.flatMap((m) => m.claims);
    expect(claims.map((c) => c.value)).toEqual([12]);
    for (const c of claims) expect(text.slice(c.span[0], c.span[1])).toBe(c.quote);
    expect(claims[0]!.quote).toContain('</b>');
  });

  it('extracts through NUL bytes between words', () => {
    const text = 'قال المرصد السوري\u0000 إن 12\u0000 مدنيا قتلوا';
    const claims = extract(report(text)).mentions.flatMap((m) => m.claims);
    expect(claims.map((c) => [c.value, c.quote === text.slice(c.span[0], c.span[1])])).toEqual([[12, true]]);
  });

  const WORDS = ['قال', 'المرصد', 'السوري', 'إن', '12', 'مدنيا', 'قتلوا', 'في', 'غارة'];
  const SEPARATORS = [' ', ' <b>', '</b> ', '&nbsp;', ' <span class="x">', ' <!-- c --> ', '\u0000 ', '<i></i> ', ' &shy;'];
  test.prop([fc.array(fc.constantFrom(...SEPARATORS), { minLength: WORDS.length - 1, maxLength: WORDS.length - 1 })])(
    'for any markup between the words of a claim, the claim is found and its quote is the text as read',
    (seps) => {
      const text = WORDS.map((w, i) => w + (seps[i] ?? '')).join('');
      const claims = extract(report(text)).mentions.flatMap((m) => m.claims);
      expect(claims.map((c) => c.value)).toContain(12);
      for (const c of claims) expect(c.quote).toBe(text.slice(c.span[0], c.span[1]));
    },
  );

  it('finds no claim in script content', () => {
    expect(extract(report('<script>var s = "قال المرصد إن 12 مدنيا قتلوا";</script>')).mentions.flatMap((m) => m.claims)).toEqual([]);
  });
});

describe('the marks of figures come from the rule set', () => {
  const marks = figureMarks(shippedRules().rules);
  it("a script's decimal and thousands separators are the characters it folds to a point and a comma", () => {
    expect(marks.decimals).toContain('٫');
    expect(marks.groups).toContain('٬');
  });
  it('a declared decimal separator marks a decimal even before three digits; digits of any script', () => {
    expect(maskMarkup('قتل ١٫٢٠٠', marks)).toBe(`قتل ١${DECIMAL_POINT}٢٠٠`);
    expect(maskMarkup('قتل ١٬٢٠٠', marks)).toBe('قتل ١٬٢٠٠');
    expect(maskMarkup('12.5 and 1.200', marks)).toBe(`12${DECIMAL_POINT}5 and 1.200`);
    expect(findDecimals('قتل ١٫٢٠٠ و٣٫٥', marks).count).toBe(2);
    // without the rule set only the ASCII marks are known
    expect(findDecimals('قتل ١٫٢٠٠').count).toBe(0);
  });
});

describe('leftover markup that holds page furniture is read as a page', () => {
  it('drops an aside, a caption and an element named as furniture in a text report', () => {
    const text = '<p>Seven died in Saraqib.</p><aside>Read also: 14 dead in Ariha</aside><div class="share-bar">Share 12</div><figure><figcaption>Ruins (AFP)</figcaption></figure>';
    const masked = visible(maskMarkup(text));
    expect(masked).toContain('Seven died in Saraqib.');
    expect(masked).not.toContain('14 dead');
    expect(masked).not.toContain('Share 12');
    expect(maskMarkup(text)).toHaveLength(text.length);
  });
});
