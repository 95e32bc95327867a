/**
 * Bytes to report text, exactly as CONTRACT.md requires (UTF-8, a leading byte-order mark
 * removed, nothing else changed), and a guess at the language of text with no metadata.
 */
import * as E from 'fp-ts/lib/Either.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 text with one leading BOM removed; Left with a reason when the bytes are not UTF-8. */
export const decodeUtf8 = (bytes: Uint8Array): E.Either<string, string> => {
  try {
    return E.right(utf8.decode(bytes));
  } catch {
    return E.left('the file is not valid UTF-8 text');
  }
};

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** 'ar' when more than half of the letters are Arabic script, else 'en'. */
export const guessLanguage = (text: string): 'ar' | 'en' => {
  const letters = count(text, /\p{L}/gu);
  const arabic = count(text, /(?=\p{L})\p{Script=Arabic}/gu);
  return letters > 0 && arabic * 2 > letters ? 'ar' : 'en';
};
