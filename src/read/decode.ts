/**
 * Bytes of a report file to text, never refusing: UTF-8 (a leading BOM removed), UTF-16
 * when a byte-order mark (or the byte pattern) says so, and every invalid sequence read as
 * U+FFFD. The result says what was done, so the reader can warn with a location.
 */

import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

export type Decoded = {
  readonly text: string;
  readonly encoding: Encoding;
  /** UTF-16 read without a byte-order mark, from the pattern of its bytes */
  readonly guessed: boolean;
  /** invalid byte sequences, each read as one U+FFFD: how many, the byte offset of the first, and its offset in `text` */
  readonly invalid: { readonly count: number; readonly byte: number; readonly offset: number } | null;
  /** for an Arabic single-byte encoding: whether the page declared it (`<meta charset>`) or the bytes' statistics said so */
  readonly legacy?: 'declared' | 'detected';
};

/** Arabic single-byte encodings, by the names pages and chardet give them. */
const LEGACY: ReadonlyMap<string, 'windows-1256' | 'iso-8859-6'> = new Map([
  ['windows-1256', 'windows-1256'], ['cp1256', 'windows-1256'], ['x-cp1256', 'windows-1256'],
  ['iso-8859-6', 'iso-8859-6'], ['iso8859-6', 'iso-8859-6'], ['iso_8859-6', 'iso-8859-6'], ['arabic', 'iso-8859-6'], ['asmo-708', 'iso-8859-6'],
]);

/** The charset a page declares in its first 4 KB (`<meta charset=…>`, http-equiv, or an XML declaration), lower case. */
export const declaredCharset = (bytes: Uint8Array): string | null => {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
};

/**
 * Bytes that are not UTF-8, as an Arabic single-byte encoding: the one the page declares, else
 * the one chardet finds most likely when it is windows-1256 or ISO-8859-6. Null otherwise.
 */
export const arabicLegacy = (bytes: Uint8Array): { encoding: 'windows-1256' | 'iso-8859-6'; how: 'declared' | 'detected' } | null => {
  const declared = declaredCharset(bytes);
  const named = declared === null ? undefined : LEGACY.get(declared);
  if (named) return { encoding: named, how: 'declared' };
  const sample = bytes.subarray(0, 64 * 1024);
  // the most likely Arabic encoding chardet sees (markup's ASCII can put a Latin one first), if the bytes then read as Arabic
  const arabic = chardet.analyse(sample).find((m) => LEGACY.has(m.name.toLowerCase()) && m.confidence >= 10);
  const found = arabic ? LEGACY.get(arabic.name.toLowerCase())! : undefined;
  return found && readsAsArabic(iconv.decode(Buffer.from(sample), found)) ? { encoding: found, how: 'detected' } : null;
};

/**
 * Text whose characters outside ASCII are mostly of the Arabic script (Unicode's Script_Extensions
 * property: letters, marks, digits and the punctuation the script uses), with no control
 * characters (not random bytes). The two encodings read here are that script's.
 */
const readsAsArabic = (text: string): boolean => {
  const wide = text.match(/[^\u0000-\u007f]/gu)?.length ?? 0;
  const arabic = text.match(/\p{Script_Extensions=Arabic}/gu)?.length ?? 0;
  return wide > 0 && arabic >= wide * 0.8 && !/[\u0000-\u0008\u000e-\u001f\ufffd]/u.test(text);
};

type Scan = { readonly count: number; readonly byte: number } | null;

/**
 * Invalid sequences in UTF-8 bytes, counted the way the WHATWG decoder replaces them
 * (one U+FFFD per maximal invalid subpart), with the byte offset of the first.
 */
export const scanUtf8 = (bytes: Uint8Array): Scan => {
  let count = 0;
  let first = -1;
  let needed = 0;
  let seen = 0;
  let start = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const error = (at: number): void => { count++; if (first < 0) first = at; };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b <= 0x7f) continue;
      start = i;
      if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) { if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; needed = 2; }
      else if (b >= 0xf0 && b <= 0xf4) { if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; needed = 3; }
      else error(i);
      continue;
    }
    if (b < lower || b > upper) {
      needed = 0; seen = 0; lower = 0x80; upper = 0xbf;
      error(start);
      i--; // the byte starts over
      continue;
    }
    lower = 0x80; upper = 0xbf;
    if (++seen === needed) { needed = 0; seen = 0; }
  }
  if (needed !== 0) error(start);
  return count ? { count, byte: first } : null;
};

/** Unpaired surrogates (and an odd last byte) in UTF-16 bytes, each read as U+FFFD. */
const scanUtf16 = (bytes: Uint8Array, le: boolean, from: number): Scan => {
  let count = 0;
  let first = -1;
  const error = (at: number): void => { count++; if (first < 0) first = at; };
  const unit = (i: number): number => (le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = from;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else error(i);
    } else if (u >= 0xdc00 && u <= 0xdfff) error(i);
  }
  if (i < bytes.length) error(i);
  return count ? { count, byte: first } : null;
};

const isControl = (b: number): boolean => b < 0x09 || (b > 0x0d && b < 0x20);

/**
 * UTF-16 without a byte-order mark, guessed from the first 4 KB: text in one script puts
 * a small "high" byte (0x00 for Latin, 0x06 for Arabic) at every other position, which
 * in UTF-8 reads as control characters. Null when the bytes do not look like that.
 */
export const guessUtf16 = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null => {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) { if (isControl(bytes[i]!)) even++; if (isControl(bytes[i + 1]!)) odd++; }
  const half = n / 2;
  if (odd >= half * 0.5 && even <= half * 0.1) return 'utf-16le';
  if (even >= half * 0.5 && odd <= half * 0.1) return 'utf-16be';
  return null;
};

const decoders = new Map<string, TextDecoder>();
const decoder = (e: 'utf-8' | 'utf-16le' | 'utf-16be'): TextDecoder => {
  let d = decoders.get(e);
  if (!d) { d = new TextDecoder(e, { fatal: false, ignoreBOM: false }); decoders.set(e, d); }
  return d;
};

/** Bytes to text. UTF-8 unless a UTF-16 BOM (or pattern) says otherwise; never fails. */
export const decodeText = (bytes: Uint8Array): Decoded => {
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const scan8 = bom16 ? null : scanUtf8(bytes);
  const guess = bom16 || utf8Bom ? null : guessUtf16(bytes);
  if (!bom16 && !utf8Bom && !guess && scan8) {
    const legacy = arabicLegacy(bytes);
    if (legacy) return { text: iconv.decode(Buffer.from(bytes), legacy.encoding), encoding: legacy.encoding, guessed: legacy.how === 'detected', invalid: null, legacy: legacy.how };
  }
  const encoding: Encoding = bom16 ?? guess ?? 'utf-8';
  const text = decoder(encoding).decode(bytes);
  const scan = encoding === 'utf-8' ? scan8 : scanUtf16(bytes, encoding === 'utf-16le', bom16 ? 2 : 0);
  if (!scan) return { text, encoding, guessed: guess !== null, invalid: null };
  // The bytes before the first invalid one are valid, so their decoded length is its offset.
  const skip = encoding === 'utf-8' ? (utf8Bom ? 3 : 0) : bom16 ? 2 : 0;
  const offset = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip, Math.max(skip, scan.byte))).length;
  return { text, encoding, guessed: guess !== null, invalid: { ...scan, offset } };
};

/**
 * scanUtf8 over bytes that arrive in chunks: an incomplete sequence at the end of a chunk is
 * carried to the next, so the count and the first offset are those of scanUtf8 on the whole.
 * `push` gives, for the first invalid sequence of the stream, its index in `carried + chunk`
 * where `carried` is how many bytes of the previous chunk were carried (-1: none in this chunk).
 */
export const utf8Scanner = () => {
  let carry = new Uint8Array(0);
  let offset = 0; // stream offset of carry[0]
  let count = 0;
  let first = -1;
  /** bytes at the end of `b` that start a sequence still waiting for its continuation bytes */
  const tail = (b: Uint8Array): number => {
    for (let k = 1; k <= Math.min(3, b.length); k++) {
      const x = b[b.length - k]!;
      if (x < 0x80) return 0;
      if (x >= 0xc0) return (x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2) > k ? k : 0;
    }
    return 0;
  };
  return {
    push: (chunk: Uint8Array, last = false): { readonly carried: Uint8Array; readonly firstAt: number } => {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const keep = last ? 0 : tail(bytes);
      const s = scanUtf8(bytes.subarray(0, bytes.length - keep));
      const carried = carry;
      let firstAt = -1;
      if (s) {
        count += s.count;
        if (first < 0) { first = offset + s.byte; firstAt = s.byte; }
      }
      offset += bytes.length - keep;
      carry = bytes.slice(bytes.length - keep);
      return { carried, firstAt };
    },
    result: (): { readonly count: number; readonly byte: number } | null => (count ? { count, byte: first } : null),
  };
};
