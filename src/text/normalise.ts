/**
 * Spelling folds for matching text, with an offset map back to the original so every match
 * can be reported as an exact span of the report text. What a script folds (Arabic: hamza and
 * alef forms → ا, ة → ه, ى → ي, its digits → ASCII, diacritics and tatweel removed) is rule
 * data (rules/languages/<lang>/script.yaml: folds, removed, digits), compiled here once into a
 * `Folding`. Script-neutral marks are folded by code for every rule set: invisible and bidi
 * marks removed, typographic quotes → ", dashes → -, Latin lowercased. Nothing here knows any
 * word or any script: word lists and letters live in rules/.
 */

/** What a rule set folds: the union of its languages' script folds (src/rules/folding.ts). */
export type FoldTable = {
  /** one UTF-16 unit → what it is read as */
  readonly folds: Readonly<Record<string, string>>;
  /** units removed: single characters or ranges "a-b" */
  readonly removed: readonly string[];
  /** digit sets, each its ten digits from zero to nine, read as ASCII digits */
  readonly digits: readonly string[];
};

/** Folded text plus, for every folded UTF-16 unit, the index of the original unit it came from. */
export type Folded = { readonly text: string; readonly map: readonly number[]; readonly originalLength: number };

/** Fold a word or phrase for matching (a rule set's `Folding.fold`). */
export type Fold = (s: string) => string;

/** The folds of one rule set. */
export type Folding = {
  /** What one UTF-16 unit folds to ('' when it is removed). */
  readonly foldUnit: (ch: string) => string;
  /** Fold a whole text for matching, remembering offsets. Removed characters leave no trace in `text`. */
  readonly foldWithMap: (original: string) => Folded;
  /** Fold a word or phrase (an alias from rules) the same way, whitespace collapsed. */
  readonly fold: Fold;
};

/** Invisible and bidi marks of no script (zero-width, LRM/RLM, embeddings, isolates, BOM, soft hyphen). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/;

/** Typographic quotes and dashes, which every script shares. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‘': "'", '’': "'", '`': "'",
  '–': '-', '—': '-', '−': '-',
};

/** The units of a `removed` entry: one character, or the range "a-b" from a to b. */
const rangeOf = (entry: string): [number, number] => {
  const units = [...entry];
  if (units.length === 3 && units[1] === '-') return [units[0]!.codePointAt(0)!, units[2]!.codePointAt(0)!];
  const c = entry.codePointAt(0) ?? 0;
  return [c, c];
};

/** The longest text whose offset map is made at its length at once. */
const PREALLOCATED = 1 << 20;

export const compileFolding = (table: FoldTable): Folding => {
  const removed = table.removed.map(rangeOf);
  const digits = new Map<string, string>();
  for (const set of table.digits) [...set].forEach((d, k) => digits.set(d, String(k)));
  const folds: Readonly<Record<string, string>> = { ...PUNCTUATION, ...table.folds };
  const isRemoved = (ch: string): boolean => {
    const c = ch.charCodeAt(0);
    return INVISIBLE.test(ch) || removed.some(([a, b]) => c >= a && c <= b);
  };
  const foldUnit = (ch: string): string =>
    isRemoved(ch) ? '' : digits.get(ch) ?? (Object.hasOwn(folds, ch) ? folds[ch]! : ch.toLowerCase());
  // worked out once per unit
  const unitTable: (string | undefined)[] = [];
  const foldCode = (code: number): string => {
    let f = unitTable[code];
    if (f === undefined) { f = foldUnit(String.fromCharCode(code)); unitTable[code] = f; }
    return f;
  };
  const foldWithMap = (original: string): Folded => {
    // a run of units that fold to themselves is copied in one slice (a string piece per unit was most of the garbage)
    const pieces: string[] = [];
    let run = 0;
    // made at the text's length (most units fold to one), cut or grown to what the folds make;
    // a very long text grows it as it goes (a huge array made at once would be a slow dictionary)
    const map: number[] = original.length <= PREALLOCATED ? new Array<number>(original.length) : [];
    let n = 0;
    for (let i = 0; i < original.length; i++) {
      const code = original.charCodeAt(i);
      const f = foldCode(code);
      if (f.length === 1 && f.charCodeAt(0) === code) { map[n++] = i; continue; }
      if (run < i) pieces.push(original.slice(run, i));
      run = i + 1;
      pieces.push(f);
      for (let k = 0; k < f.length; k++) map[n++] = i;
    }
    map.length = n;
    if (run === 0) return { text: original, map, originalLength: original.length };
    if (run < original.length) pieces.push(original.slice(run));
    return { text: pieces.join(''), map, originalLength: original.length };
  };
  const fold = (s: string): string => foldWithMap(s).text.replace(/\s+/g, ' ').trim();
  return { foldUnit, foldWithMap, fold };
};

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
