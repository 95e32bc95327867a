/**
 * B10: front matter with CR-only line ends (old Mac files) was ignored without a word.
 * Every line-ending style is accepted: LF, CRLF, CR, and a mix.
 */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/read/meta.js';
import { readRaw } from '../../src/read/raw.js';
import { CLAIM } from './fixtures.js';

const lines = ['---', 'id: ends', 'publishedAt: 2018-11-05', 'outlet: afp', 'language: ar', '---', CLAIM, ''];

describe('B10: front matter with any line ends', () => {
  it.each([['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']])('%s: the metadata is read and the body starts after the block', (_, nl) => {
    const text = lines.join(nl);
    const r = readRaw('r.txt', text, undefined);
    expect(r.report).toMatchObject({ id: 'ends', publishedAt: '2018-11-05', outlet: 'afp', language: 'ar' });
    expect(r.report.text).toBe(`${CLAIM}${nl}`);
    expect(r.warnings).toEqual([]);
  });

  it('a mix of line ends in one block', () => {
    const text = `---\rid: mixed\r\npublishedAt: 2018-11-05\noutlet: afp\r---\r${CLAIM}`;
    expect(splitFrontMatter(text)).toMatchObject({ kind: 'found', data: { id: 'mixed', publishedAt: '2018-11-05', outlet: 'afp' }, body: CLAIM });
  });

  it('a broken block with CR line ends is located where the LF one is', () => {
    const broken = (nl: string) => splitFrontMatter(['---', 'id: x', 'bad: [unclosed', 'more: 1', '---', CLAIM].join(nl));
    expect(broken('\r')).toMatchObject({ kind: 'broken' });
    expect({ ...broken('\r'), body: '' }).toEqual({ ...broken('\n'), body: '' });
  });
});
