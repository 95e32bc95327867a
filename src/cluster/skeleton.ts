/**
 * Consonant skeletons of place names, for comparing names the gazetteer did not resolve
 * across scripts and transliterations: "تل عقربات", "Tal Aqrabat" and "Tall Aqrabat" all
 * become "tlkrbt". Arabic letters go to Latin through a table of the rules
 * (rules/clustering.yaml, comparisons.place.skeleton); Latin names lose their articles,
 * are folded ("kh" → "k", "q" → "k", a final "ah" → "a") and lose their vowels. Doubled
 * letters count once. Pure.
 */
import { distance } from 'fastest-levenshtein';
import type { ClusteringRules } from '../rules/clustering-schema.js';

export type SkeletonRules = NonNullable<ClusteringRules['comparisons']['place']['skeleton']>;

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** Apply folds in order to one word; a fold whose `from` ends in "$" applies only at the end. */
const applyFolds = (folds: readonly { from: string; to: string }[], word: string): string => {
  let w = word;
  for (const f of folds) {
    if (!f.from.endsWith('$')) w = w.split(f.from).join(f.to);
    else {
      const tail = f.from.slice(0, -1);
      if (w.endsWith(tail) && w.length > tail.length) w = w.slice(0, w.length - tail.length) + f.to;
    }
  }
  return w;
};

const undouble = (s: string): string => s.replace(/(.)\1+/gu, '$1');

/** The skeleton of a name as written (any script), or '' when rules declare none. */
export const makeSkeleton = (rules: SkeletonRules | undefined, fold: (s: string) => string): ((name: string) => string) => {
  if (!rules) return () => '';
  const arabicArticles = rules.arabicArticles.map(fold).sort((a, b) => b.length - a.length);
  const latinArticles = new Set(rules.latinArticles.map((a) => a.toLowerCase()));
  const vowels = new Set([...rules.vowels.toLowerCase()]);
  const folds = rules.latinFolds.map((f) => ({ from: f.from.toLowerCase(), to: f.to.toLowerCase() }));
  const table = new Map(Object.entries(rules.arabic).map(([k, v]) => [fold(k) || k, v.toLowerCase()]));
  const final = new Map(Object.entries(rules.arabicFinal).map(([k, v]) => [fold(k) || k, v.toLowerCase()]));
  const arabicWord = (w: string): string => {
    const article = arabicArticles.find((a) => w.startsWith(a) && w.length > a.length + 1);
    const core = [...(article ? w.slice(article.length) : w)];
    return core.map((ch, k) => (k === core.length - 1 ? final.get(ch) : undefined) ?? table.get(ch) ?? '').join('');
  };
  const latinWord = (w: string): string =>
    latinArticles.has(w) ? '' : [...applyFolds(folds, w)].filter((ch) => !vowels.has(ch) && /\p{L}/u.test(ch)).join('');
  return (name: string): string => {
    const f = fold(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const words = f.split(/[^\p{L}]+/u).filter((w) => w.length > 0);
    return undouble(words.map((w) => (ARABIC_LETTER.test(w) ? arabicWord(w) : latinWord(w))).join(''));
  };
};

/** Two skeletons are one name: long ones within the rules' distance, short ones equal. */
export const skeletonsMatch = (rules: SkeletonRules | undefined) => {
  const min = rules?.minSkeletonLength ?? 3;
  const far = rules?.skeletonDistance ?? 1;
  return (a: string, b: string): boolean => {
    if (a.length < min || b.length < min) return false;
    if (a === b) return true;
    return Math.min(a.length, b.length) >= 5 && distance(a, b) <= far;
  };
};
