/**
 * Transliteration folds for Latin place names (rules/languages/<lang>/script.yaml):
 * "Mayadeen" and "Mayadin", "az-Zor" and "al-Zor" become one spelling when a place
 * name is looked up. Only the place matcher uses them; other words match as written.
 */
import type { ScriptRules } from '../rules/language-schema.js';
import type { WordFold } from './lexicon.js';

/** The fold of one word: its article form read as the first article, then each fold in order
 *  (a fold whose `from` ends in "$" applies only at the end of the word). */
export const placeFold = (script: ScriptRules, fold: (s: string) => string): WordFold | null => {
  const articles = script.placeArticles.map(fold);
  const folds = script.placeFolds.map((f) => ({ from: fold(f.from), to: fold(f.to) }));
  if (!articles.length && !folds.length) return null;
  const canonical = articles[0];
  return (word) => {
    if (canonical !== undefined && articles.includes(word)) return [canonical];
    if (word.length < script.placeFoldMinLength) return [];
    let w = word;
    for (const f of folds) {
      if (!f.from.endsWith('$')) w = w.split(f.from).join(f.to);
      else if (w.endsWith(f.from.slice(0, -1)) && w.length > f.from.length + 1) w = w.slice(0, w.length - f.from.length + 1) + f.to;
    }
    return w === word ? [] : [w];
  };
};
