/**
 * The marks of figures a rule set's scripts declare beyond the ASCII point and comma: a
 * character a script folds to "." is a decimal separator, one it folds to "," a thousands
 * separator (rules/languages/<lang>/script.yaml `folds`). The readers mark decimals with them
 * before the text is folded (src/read/markup.ts). Pure.
 */
import type { FigureMarks } from '../read/markup.js';
import { oncePerLanguages, type Languages } from './per-languages.js';

export const figureMarksOf = (languages: Languages): FigureMarks => {
  const decimals = new Set<string>(), groups = new Set<string>();
  for (const lang of Object.values(languages)) {
    for (const [from, to] of Object.entries(lang.script.folds)) {
      if (to === '.' && from !== '.') decimals.add(from);
      else if (to === ',' && from !== ',') groups.add(from);
    }
  }
  return { decimals: [...decimals].sort(), groups: [...groups].sort() };
};

/** The figure marks of a rule set, worked out once per rule set. */
export const figureMarks = oncePerLanguages(figureMarksOf);
