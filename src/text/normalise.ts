/**
 * Spelling folds for matching Arabic and Latin text, with an offset map back to the
 * original so every match can be reported as an exact span of the report text.
 * Folds: hamza/alef forms → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, tatweel and diacritics
 * removed (bidi marks too: U+200E/F, U+061C), Arabic-Indic and Persian digits → ASCII, typographic quotes → ", Latin
 * lowercased. Nothing here knows any word: word lists live in rules/.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/;
const TATWEEL = '\u0640';
const INVISIBLE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/;

const FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ک': 'ك',
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‘': "'", '’': "'", '`': "'",
  '٫': '.', '٬': ',', '،': '،',
  '–': '-', '—': '-', '−': '-',
};

const foldChar = (ch: string): string => {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06F0 && code <= 0x06F9) return String(code - 0x06F0);
  return FOLD[ch] ?? ch.toLowerCase();
};

/** Folded text plus, for every folded UTF-16 unit, the index of the original unit it came from. */
export type Folded = { readonly text: string; readonly map: readonly number[]; readonly originalLength: number };

/** What one UTF-16 unit folds to ('' when it is removed): the rules above, worked out once per unit. */
export const foldUnit = (ch: string): string =>
  ch === TATWEEL || DIACRITICS.test(ch) || INVISIBLE.test(ch) ? '' : foldChar(ch);

const unitTable: (string | undefined)[] = [];
const foldCode = (code: number): string => {
  let f = unitTable[code];
  if (f === undefined) { f = foldUnit(String.fromCharCode(code)); unitTable[code] = f; }
  return f;
};

/** Fold a whole text for matching, remembering offsets. Removed characters leave no trace in `text`. */
export const foldWithMap = (original: string): Folded => {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const f = foldCode(original.charCodeAt(i));
    if (f.length === 1) { text += f; map.push(i); continue; }
    for (let k = 0; k < f.length; k++) { text += f[k]; map.push(i); }
  }
  return { text, map, originalLength: original.length };
};

/** Fold a word or phrase (an alias from rules) the same way, whitespace collapsed. */
export const fold = (s: string): string => foldWithMap(s).text.replace(/\s+/g, ' ').trim();

/** Original span [start, end) for a folded span [fs, fe). */
export const originalSpan = (f: Folded, fs: number, fe: number): [number, number] => {
  const start = f.map[fs] ?? f.originalLength;
  const end = fe > fs ? (f.map[fe - 1] ?? f.originalLength - 1) + 1 : start;
  return [start, end];
};

/** Arabic proclitics stripped from a folded token when looking it up (longest first). */
export const stripArabicClitics = (token: string, clitics: readonly string[]): string[] => {
  const out = new Set<string>([token]);
  for (const c of [...clitics].sort((a, b) => b.length - a.length)) {
    if (token.startsWith(c) && token.length - c.length >= 2) out.add(token.slice(c.length));
  }
  return [...out];
};
