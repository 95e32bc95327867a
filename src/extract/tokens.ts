/**
 * Tokens over folded text (src/text/normalise.ts), each with its span in the folded
 * text, and sentences: runs of tokens between sentence ends, newlines and list markers.
 */
import type { Folded } from '../text/normalise.js';
import { originalSpan } from '../text/normalise.js';

export type TokenKind = 'word' | 'number' | 'punct' | 'newline';

export type Token = {
  readonly text: string;
  readonly kind: TokenKind;
  /** folded-text offsets */
  readonly start: number;
  readonly end: number;
};

const LETTER_RE = /[\p{L}\p{M}]/u;
const SPACE_RE = /\s/;

// What a UTF-16 unit is, worked out once per unit and kept: testing a Unicode regex on every
// character of a long text was a good part of tokenizing it. (Units of a surrogate pair are
// neither letters nor spaces, as the regexes, tested on one unit, say too.)
const UNKNOWN = 0, OTHER = 1, LETTER_UNIT = 2, SPACE_UNIT = 3;
const units = new Uint8Array(0x10000);
const unitOf = (code: number): number => {
  const known = units[code]!;
  if (known !== UNKNOWN) return known;
  const ch = String.fromCharCode(code);
  const kind = LETTER_RE.test(ch) ? LETTER_UNIT : SPACE_RE.test(ch) ? SPACE_UNIT : OTHER;
  units[code] = kind;
  return kind;
};
const isLetter = (s: string, i: number): boolean => i >= 0 && i < s.length && unitOf(s.charCodeAt(i)) === LETTER_UNIT;
const isDigit = (s: string, i: number): boolean => { const c = s.charCodeAt(i); return c >= 48 && c <= 57; };
const LETTER = { test: (ch: string): boolean => ch.length > 0 && isLetter(ch, 0) };

/** How a script's words are cut (rules/languages/<lang>/script.yaml); both off by default. */
export type TokenOptions = {
  /** a hyphen between letters separates words ("US-led" = "US led", "fifty-seven") */
  readonly hyphenSplitsWords?: boolean;
  /** single letters with dots are one word ("U.S.", "a.m.") */
  readonly initialisms?: boolean;
  /** marks that stay inside a word between letters ("Ma'arat", "Ma’arrat" after folding) */
  readonly apostrophes?: readonly string[];
  /** what after such a mark, at the end of the word, is a clitic of its own ("s": "Idlib's") */
  readonly apostropheEndings?: readonly string[];
};

/** At i, an apostrophe inside a word: letters on both sides, and not a clitic ending the word. */
const innerApostrophe = (s: string, i: number, opts: TokenOptions): boolean => {
  if (!opts.apostrophes?.includes(s[i]!) || !isLetter(s, i - 1) || !isLetter(s, i + 1)) return false;
  let j = i + 1;
  while (j < s.length && isLetter(s, j)) j++;
  return !(opts.apostropheEndings ?? []).includes(s.slice(i + 1, j));
};

const INITIALISM = /^(?:\p{L}\.){2,}/u;

// Every token is made with the field the phrase index keeps its entries in (src/extract/lexicon.ts),
// so that all tokens have one shape and adding the entries later changes none.
const token = (text: string, kind: TokenKind, start: number, end: number): Token => ({ text, kind, start, end, memo: undefined }) as Token;

export const tokenize = (folded: string, opts: TokenOptions = {}): readonly Token[] => {
  const out: Token[] = [];
  let i = 0;
  while (i < folded.length) {
    const ch = folded[i]!;
    if (ch === '\n') { out.push(token('\n', 'newline', i, i + 1)); i++; continue; }
    const unit = unitOf(folded.charCodeAt(i));
    if (unit === SPACE_UNIT) { i++; continue; }
    if (opts.hyphenSplitsWords && ch === '-' && i > 0 && /[\p{L}.]/u.test(folded[i - 1]!) && LETTER.test(folded[i + 1] ?? '')) { i++; continue; }
    const start = i;
    if (opts.initialisms && LETTER.test(ch) && !LETTER.test(folded[i - 1] ?? '')) {
      const m = INITIALISM.exec(folded.slice(i, i + 12));
      if (m) { i += m[0].length; out.push(token(m[0], 'word', start, i)); continue; }
    }
    if (isDigit(folded, i)) {
      while (i < folded.length && isDigit(folded, i)) i++;
      // thousands groups "1,200" / "1.200" / "١٬٢٠٠" (three digits after each separator)
      while ((folded[i] === ',' || folded[i] === '.') && /^[0-9]{3}(?![0-9])/.test(folded.slice(i + 1, i + 5))) i += 4;
      out.push(token(folded.slice(start, i), 'number', start, i));
      continue;
    }
    if (unit === LETTER_UNIT) {
      while (i < folded.length && (isLetter(folded, i) || innerApostrophe(folded, i, opts))) i++;
      out.push(token(folded.slice(start, i), 'word', start, i));
      continue;
    }
    out.push(token(ch, 'punct', start, i + 1));
    i++;
  }
  return out;
};

/** Digits of a number token, separators removed; null when it is too long to be a figure. */
export const numberValue = (t: Token): number | null => {
  const digits = t.text.replace(/[,.]/g, '');
  if (digits.length > 9) return null;
  return Number(digits);
};

export type Sentence = {
  readonly index: number;
  /** token indexes [from, to) */
  readonly from: number;
  readonly to: number;
  /** the sentence opens a list item ("– 24 آب، قتل ...") */
  readonly listItem: boolean;
  /** first sentence of its line */
  readonly lineStart: boolean;
};

/** Sentences; a period right after an abbreviation ("Sept.", "Col.") does not end one. */
export const splitSentences = (tokens: readonly Token[], ends: readonly string[], listMarkers: readonly string[], abbreviations: ReadonlySet<string> = new Set()): readonly Sentence[] => {
  const out: Sentence[] = [];
  let from = 0;
  let lineStart = true;
  const push = (to: number, nextLineStart: boolean) => {
    let f = from;
    while (f < to && tokens[f]!.kind !== 'word' && tokens[f]!.kind !== 'number' && !listMarkers.includes(tokens[f]!.text)) f++;
    if (f < to) {
      const listItem = lineStart && listMarkers.includes(tokens[f]!.text);
      out.push({ index: out.length, from: f, to, listItem, lineStart });
    }
    from = to + 1;
    lineStart = nextLineStart;
  };
  tokens.forEach((t, i) => {
    if (t.kind === 'newline') push(i, true);
    else if (t.kind === 'punct' && ends.includes(t.text) && !abbreviated(tokens, i, abbreviations)) push(i, false);
  });
  push(tokens.length, false);
  return out;
};

const abbreviated = (tokens: readonly Token[], i: number, abbreviations: ReadonlySet<string>): boolean => {
  const p = tokens[i - 1];
  return tokens[i]!.text === '.' && p !== undefined && p.kind === 'word' && p.end === tokens[i]!.start && abbreviations.has(p.text);
};

/** Original-text span of tokens [i, j] inclusive. */
export const spanOf = (folded: Folded, tokens: readonly Token[], i: number, j: number): [number, number] =>
  originalSpan(folded, tokens[i]!.start, tokens[j]!.end);
