/**
 * Phrasing for generated reports: the grammatical glue of the language's writing rules
 * (rules/languages/<lang>/writing.yaml) around the rule phrases, written through a text
 * builder that remembers the span of every figure and stance.
 */
import type { Group } from '../model/contract.js';
import type { WritingRules } from '../rules/writing-schema.js';
import type { Rng } from './prng.js';
import type { Vocabulary } from './vocabulary.js';

/** Text written piece by piece; `mark` records the UTF-16 span of a piece under a key. */
export type TextBuilder = {
  readonly add: (s: string) => void;
  readonly mark: (key: string, s: string) => void;
  readonly text: () => string;
  readonly spans: () => ReadonlyMap<string, readonly [number, number]>;
};

export const textBuilder = (): TextBuilder => {
  const parts: string[] = [];
  let length = 0;
  const spans = new Map<string, readonly [number, number]>();
  const add = (s: string): void => { parts.push(s); length += s.length; };
  return {
    add,
    mark: (key, s) => { spans.set(key, [length, length + s.length]); add(s); },
    text: () => parts.join(''),
    spans: () => spans,
  };
};

/** "to" before a word: written onto it, and to + the article drops the article's first letter (ل + المرصد = للمرصد). */
export const withLi = (w: WritingRules, word: string): string =>
  (word.startsWith(w.glue.article) ? `${w.glue.to}${word.slice(w.glue.article.length - 1)}` : `${w.glue.to}${word}`);

/** A clitic written onto the first word (ب + ريف = بريف). */
export const withClitic = (clitic: string, phrase: string): string => `${clitic}${phrase}`;

/** Feminine agreement for a speaker whose first word ends in the feminine ending (وكالة، الشبكة، وزارة) or is a plural of things (مصادر). */
export const isFeminine = (w: WritingRules, alias: string): boolean => {
  const first = alias.split(' ')[0]!;
  return first.endsWith(w.feminine.nounEnding) || w.feminine.pluralsOfThings.includes(first);
};

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/** Spelling variants the matcher folds away: alef forms and final taa marbuta / haa. */
export const spellingVariant = (w: WritingRules) => {
  const alefs = new RegExp(`[${w.spelling.alefForms.map(escape).join('')}]`, 'g');
  const finalTaa = new RegExp(`${escape(w.spelling.finalTaa)}(?=\\s|$)`, 'g');
  return (rng: Rng, name: string): string => {
    let out = name;
    if (rng.chance(0.5)) out = out.replace(alefs, w.spelling.bareAlef);
    if (rng.chance(0.5)) out = out.replace(finalTaa, w.spelling.haa);
    return out;
  };
};

/** A figure with its head in the right number: 3–10 plural (as a word or digits), 11 and more accusative singular. */
export const figurePhrase = (v: Vocabulary, rng: Rng, value: number, group: Group): string => {
  const head = v.heads.get(group) ?? v.heads.get('all')!;
  if (value <= 10) {
    const word = v.numberWords.get(value);
    return `${word && rng.chance(0.4) ? word : String(value)} ${head.plural}`;
  }
  return `${value} ${head.accusative}`;
};

const ISO = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const partsOf = (day: number): { y: number; m: number; d: number; dow: number } => {
  const t = new Date(day * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dow: t.getUTCDay() };
};
export const isoOfDay = ISO;

/**
 * How a report dates an event `lag` days before its publication: an explicit date, a
 * weekday, "yesterday" or "today", or nothing (the extractor then dates it to the days
 * before publication). Returns the words (with a leading space) or ''.
 */
export const datePhrase = (v: Vocabulary, rng: Rng, day: number, lag: number): string => {
  const { y, m, d, dow } = partsOf(day);
  const pub = partsOf(day + lag);
  const names = v.months.get(m)!;
  const month = rng.chance(0.3) && names.length > 1 ? `${names[0]}/${names[names.length - 1]}` : rng.pick(names);
  const options: [() => string, number][] = [
    [() => ` ${v.writing.glue.in} ${d} ${month} ${y}`, 3],
    [() => (pub.y === y ? ` ${v.writing.glue.in} ${d} ${month}` : ` ${v.writing.glue.in} ${d} ${month} ${y}`), 2],
    [() => '', 1],
  ];
  if (lag === 0) options.push([() => ` ${rng.pick(v.partsOfDay)} ${v.today}`, 2], [() => ` ${v.today} ${v.weekdays.get(dow)!}`, 1]);
  if (lag === 1) options.push([() => ` ${v.yesterday}`, 2], [() => ` ${v.yesterday} ${v.weekdays.get(dow)!}`, 1]);
  if (lag >= 1 && lag <= 5) options.push([() => ` ${rng.pick(v.partsOfDay)} ${v.weekdays.get(dow)!}`, 3]);
  return rng.weighted(options)();
};

export const dayOfIso = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
