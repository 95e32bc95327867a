/**
 * Figures in text: digits (any script, folded to ASCII), number words with their
 * compounds ("خمسة عشر", "ثلاثة وعشرين", "350 ألف"), and vague quantities.
 * All words come from the language's numbers rules.
 */
import type { NumberRules } from '../rules/language-schema.js';
import type { Lexicon, Matcher } from './lexicon.js';
import { compileLexicon, nextToken } from './lexicon.js';
import type { Token } from './tokens.js';
import { numberValue } from './tokens.js';

export type Figure = {
  readonly value: number | null;
  /** the least number a vague quantity stands for */
  readonly vagueMin: number | null;
  readonly from: number;
  readonly to: number;
  /** the first token carried a conjunction clitic ("و5 نساء", "واربعة"): a coordinated figure */
  readonly coordinated: boolean;
};

export type NumberReader = {
  readonly readAt: (tokens: readonly Token[], i: number, limit: number) => Figure | null;
  /** value of a lone number word (no compounds), for "واحد آخر"-style checks */
  readonly wordValue: (token: Token) => { value: number; clitic: string } | null;
};

type WordTables = {
  readonly words: ReadonlyMap<string, number>;
  readonly multipliers: ReadonlyMap<string, number>;
  readonly teens: ReadonlySet<string>;
  readonly joiners: readonly string[];
};

const multiplierIn = (multipliers: ReadonlyMap<string, number>, tokens: readonly Token[], j: number, limit: number): number | null => {
  if (j >= limit || tokens[j]!.kind !== 'word') return null;
  return multipliers.get(tokens[j]!.text) ?? null;
};

/** A number written in words from its first word (value `first` at token i): teens, joined parts, multipliers. */
const compoundFrom = (tb: WordTables, tokens: readonly Token[], i: number, first: number, limit: number): { value: number; to: number } => {
  let total = 0;
  let value = first;
  let to = i;
  // unit + teen ("خمسة عشر")
  const n1 = nextToken(tokens, to, limit);
  if (value < 10 && n1 < limit && tokens[n1]!.kind === 'word' && tb.teens.has(tokens[n1]!.text)) { value += 10; to = n1; }
  // joined parts: a joiner glued to the word ("ثلاثة وعشرين", "مئة وخمسون"), a joiner word
  // ("one hundred and twenty"), or none ("fifty seven"); multipliers inside ("three hundred", "ستين ألف")
  for (;;) {
    const n = nextToken(tokens, to, limit);
    if (n >= limit) break;
    const m = multiplierIn(tb.multipliers, tokens, n, limit);
    if (m) {
      if (m >= 1000) { total += (value || 1) * m; value = 0; } else value = (value || 1) * m;
      to = n;
      continue;
    }
    const nt = tokens[n]!;
    if (nt.kind !== 'word') break;
    const glued = tb.joiners.find((j) => nt.text.startsWith(j) && nt.text.length > j.length);
    let part = glued ? tb.words.get(nt.text.slice(glued.length)) : undefined;
    let at = n;
    if (part === undefined && tb.joiners.includes(nt.text)) {
      const after = nextToken(tokens, n, limit);
      if (after < limit && tokens[after]!.kind === 'word') { part = tb.words.get(tokens[after]!.text); at = after; }
    }
    if (part === undefined) part = tb.words.get(nt.text);
    const fresh = value === 0 && total > 0 && part !== undefined && part < 1000; // "two thousand five hundred"
    if (part === undefined || !(fresh || joinable(value, part))) break;
    value += part;
    to = at;
  }
  return { value: total + value, to };
};

/** A conjunction written apart from the figure after it ("و 4 نساء"): that figure, coordinated, from the conjunction. */
const apartFrom = (read: (tokens: readonly Token[], i: number, limit: number) => Figure | null, tokens: readonly Token[], i: number, limit: number): Figure | null => {
  const f = i + 1 < limit ? read(tokens, i + 1, limit) : null;
  return f && f.value !== null ? { ...f, from: i, coordinated: true } : null;
};

export const makeNumberReader = (rules: NumberRules, matcher: Matcher, conjunctions: readonly string[] = []): NumberReader => {
  const { fold } = matcher.folding;
  // clitics a number word may carry; a conjunction among them makes the figure coordinated
  const clitics = rules.clitics.map(fold);
  const conj = conjunctions.map(fold);
  const coordinates = (glued: string): boolean => conj.some((c) => glued.startsWith(c));
  const words = new Map(Object.entries(rules.words).map(([k, v]) => [fold(k), v]));
  const multipliers = new Map(Object.entries(rules.multipliers).map(([k, v]) => [fold(k), v]));
  const teens = new Set(rules.teens.map(fold));
  const joiners = rules.joiners.map(fold);
  const vague: Lexicon<number> = compileLexicon(matcher, rules.vague.map((v) => ({ phrase: v.phrase, value: v.min })));
  const digitPrefixes = new Set(rules.digitPrefixes.map(fold));
  const vagueWords = new Set(rules.vague.map((v) => fold(v.phrase)));

  // a word's value, worked out once per spelling (most words are none, and many carry a clitic to try)
  const values = new Map<string, { value: number; clitic: string } | null>();
  const wordValue = (t: Token): { value: number; clitic: string } | null => {
    if (t.kind !== 'word') return null;
    let v = values.get(t.text);
    if (v === undefined) {
      if (values.size >= 100_000) values.clear();
      v = valueOfWord(t.text);
      values.set(t.text, v);
    }
    return v;
  };
  const valueOfWord = (text: string): { value: number; clitic: string } | null => {
    const direct = words.get(text);
    if (direct !== undefined) return { value: direct, clitic: '' };
    for (const c of clitics) {
      if (text.startsWith(c)) {
        const v = words.get(text.slice(c.length));
        if (v !== undefined) return { value: v, clitic: c };
      }
    }
    return null;
  };

  const multiplierAt = (tokens: readonly Token[], j: number, limit: number): number | null => multiplierIn(multipliers, tokens, j, limit);

  const withMultiplier = (tokens: readonly Token[], value: number, to: number, limit: number): { value: number; to: number } => {
    const j = nextToken(tokens, to, limit);
    const m = multiplierAt(tokens, j, limit);
    return m ? { value: value * m, to: j } : { value, to };
  };

  const readAt = (tokens: readonly Token[], i: number, limit: number): Figure | null => {
    const t = tokens[i];
    if (!t) return null;
    if (t.kind === 'word' && conj.includes(t.text)) return apartFrom(readAt, tokens, i, limit);
    if (t.kind === 'number') {
      // the fraction of a decimal ("12.5", "١٢٫٥" folded): the figure, if any, is read at its whole part
      if (fractionAt(tokens, i)) return null;
      const v = figureValue(t);
      const prev = tokens[i - 1];
      const glued = prev && prev.kind === 'word' && prev.end === t.start ? prev.text : '';
      if (glued && !digitPrefixes.has(glued)) return null; // a digit inside a word is no figure
      const fraction = fractionAt(tokens, i + 2) ? tokens[i + 2]!.text : null;
      if (fraction !== null) {
        // a decimal is a count of people only with a multiplier ("2.5 thousand"); the reader notes the others
        const m = multiplierAt(tokens, nextToken(tokens, i + 2, limit), limit);
        const value = m === null ? null : Number(`${v}.${fraction}`) * m;
        if (value === null || !Number.isInteger(Math.round(value * 1e6) / 1e6)) return null;
        return { value: Math.round(value), vagueMin: null, from: i, to: nextToken(tokens, i + 2, limit), coordinated: coordinates(glued) };
      }
      const { value, to } = withMultiplier(tokens, v, i, limit);
      return { value, vagueMin: null, from: i, to, coordinated: coordinates(glued) };
    }
    const vm = vague.matchAt(tokens, i, limit);
    if (vm) return { value: null, vagueMin: vm.value, from: i, to: vm.to, coordinated: coordinates(t.text) && !vagueWords.has(t.text) };
    const w = wordValue(t);
    if (!w) return null;
    const { value, to } = compoundFrom({ words, multipliers, teens, joiners }, tokens, i, w.value, limit);
    return { value, vagueMin: null, from: i, to, coordinated: coordinates(w.clitic) };
  };

  return { readAt, wordValue };
};

/**
 * The value of a number token whatever its length: one too long for numberValue (ten digits
 * or more) is still a figure, so the ceiling says it is implausible instead of it vanishing;
 * past what a double holds exactly it is the largest safe integer (the quote shows the digits).
 */
const figureValue = (t: Token): number => {
  const exact = numberValue(t);
  if (exact !== null) return exact;
  const v = Number(t.text.replace(/[,.]/g, ''));
  return Number.isSafeInteger(v) ? v : Number.MAX_SAFE_INTEGER;
};

/** A decimal's point: "." or "," (the tokenizer joins a thousands group to its digits), and the mark
 *  the reader puts for one in the text extraction reads (src/read/markup.ts DECIMAL_POINT). */
const DECIMAL_POINTS: ReadonlySet<string> = new Set(['.', ',', '\u2396']);

/** Token i is the fraction of a decimal: digits glued after a point or comma glued to digits. */
const fractionAt = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i];
  const sep = tokens[i - 1];
  const whole = tokens[i - 2];
  return t !== undefined && t.kind === 'number' && sep !== undefined && whole !== undefined && whole.kind === 'number'
    && DECIMAL_POINTS.has(sep.text) && whole.end === sep.start && sep.end === t.start;
};

/** Units after tens or hundreds, tens after units or hundreds: "ثلاثة وعشرين", "مئة وخمسون",
 *  "fifty seven"; after a thousand ("ألف", "thousand") whatever is smaller. */
const joinable = (sofar: number, part: number): boolean => {
  const order = (n: number) => (n >= 100 ? 100 : n >= 10 ? 10 : 1);
  if (sofar === 0) return false;
  if (sofar >= 100) return sofar % 100 === 0 ? part < 100 : part < 10 && sofar % 10 === 0;
  if (sofar < 10) return order(part) === 10 && part % 10 === 0 && part >= 20;
  return sofar >= 20 && sofar % 10 === 0 && part < 10;
};
