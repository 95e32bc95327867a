import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeText, guessUtf16, scanUtf8 } from '../../src/read/decode.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16 = (s: string, le: boolean, bom: boolean): Uint8Array => {
  const units = [...(bom ? [0xfeff] : []), ...[...s].flatMap((c) => { const cp = c.codePointAt(0)!; return cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp]; })];
  return new Uint8Array(units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
};

describe('decodeText', () => {
  it('reads UTF-8 and removes one leading BOM only', () => {
    expect(decodeText(enc('\uFEFF\uFEFFقتل 5'))).toEqual({ text: '\uFEFFقتل 5', encoding: 'utf-8', guessed: false, invalid: null });
  });

  it('reads invalid UTF-8 with one U+FFFD per bad sequence and locates the first', () => {
    // "ab" then a lone continuation byte, "c", a truncated 3-byte sequence, "d"
    const d = decodeText(new Uint8Array([0x61, 0x62, 0x80, 0x63, 0xe2, 0x82, 0x64]));
    expect(d.text).toBe('ab\uFFFDc\uFFFDd');
    expect(d.invalid).toEqual({ count: 2, byte: 2, offset: 2 });
  });

  it('locates the first bad byte after multi-byte text in UTF-16 offsets', () => {
    const bytes = new Uint8Array([...enc('\uFEFFقتل 😀 '), 0xff, ...enc('x')]);
    const d = decodeText(bytes);
    expect(d.text.slice(d.invalid!.offset)).toBe('\uFFFDx');
  });

  it.each([[true, 'utf-16le'], [false, 'utf-16be']] as const)('reads UTF-16 with a byte-order mark (little-endian: %s)', (le, name) => {
    const d = decodeText(utf16('قال المرصد إن 12 مدنيا قتلوا 😀', le, true));
    expect(d).toEqual({ text: 'قال المرصد إن 12 مدنيا قتلوا 😀', encoding: name, guessed: false, invalid: null });
  });

  it('reads Arabic and Latin UTF-16 without a byte-order mark from the pattern of its bytes', () => {
    expect(decodeText(utf16('قال المرصد السوري إن 12 مدنيا قتلوا', true, false))).toMatchObject({ text: 'قال المرصد السوري إن 12 مدنيا قتلوا', encoding: 'utf-16le', guessed: true });
    expect(decodeText(utf16('Twelve civilians were killed', false, false))).toMatchObject({ text: 'Twelve civilians were killed', encoding: 'utf-16be', guessed: true });
  });

  it('reads an unpaired surrogate and an odd last byte in UTF-16 as U+FFFD', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00, 0x63]);
    const d = decodeText(bytes);
    expect(d.text).toBe('a\uFFFDb\uFFFD');
    expect(d.invalid).toEqual({ count: 2, byte: 4, offset: 1 });
  });

  it('does not take UTF-8 text with a few control characters for UTF-16', () => {
    expect(guessUtf16(enc('a\u0000b c d e f g h i j k l'))).toBeNull();
    expect(decodeText(enc('')).text).toBe('');
  });
});

describe('properties', () => {
  test.prop([fc.uint8Array({ maxLength: 300 })])('for any bytes, scanUtf8 counts exactly the U+FFFD the decoder adds', (bytes) => {
    const replaced = (new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).match(/\uFFFD/g) ?? []).length;
    // U+FFFD written in the input (EF BF BD) is text, not an error
    const written = [...bytes.keys()].filter((i) => bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd).length;
    expect(scanUtf8(bytes)?.count ?? 0).toBe(replaced - written);
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 80 }), fc.uint8Array({ minLength: 1, maxLength: 4 })])(
    'for any text followed by bad bytes, the reported offset is where the text ends',
    (s, junk) => {
      fc.pre(s.length > 0 && !s.startsWith('\uFEFF'));
      const bad = junk.map((b) => 0x80 | (b & 0x3f)); // lone continuation bytes: always invalid
      const d = decodeText(new Uint8Array([...enc(s), ...bad]));
      fc.pre(d.encoding === 'utf-8');
      expect(d.invalid).toEqual({ count: bad.length, byte: enc(s).length, offset: s.length });
      expect(d.text).toBe(s + '\uFFFD'.repeat(bad.length));
    },
  );
});
