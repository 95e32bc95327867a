/**
 * The spelling folds of a rule set: the union of every language's script folds
 * (rules/languages/<lang>/script.yaml: folds, removed, digits), compiled once per rule set.
 * The union, not the report language's own: an English report quotes Arabic names, a French
 * one the English Latin names, and the gazetteer and the rule phrases are folded the same
 * way whatever language reads them. Two languages that fold one character differently are a
 * rules problem (validate.ts); the first language by code wins until it is fixed.
 */
import type { RuleProblem } from './load.js';
import { byCode, oncePerLanguages, type Languages } from './per-languages.js';
import { compileFolding, type FoldTable } from '../text/normalise.js';

/** The fold table of a rule set: every language's folds, removed units and digit sets. */
export const foldTableOf = (languages: Languages): FoldTable => {
  const folds: Record<string, string> = {};
  const removed = new Set<string>();
  const digits = new Set<string>();
  for (const [, l] of byCode(languages)) {
    for (const [from, to] of Object.entries(l.script.folds)) if (!Object.hasOwn(folds, from)) folds[from] = to;
    for (const r of l.script.removed) removed.add(r);
    for (const d of l.script.digits) digits.add(d);
  }
  return { folds, removed: [...removed], digits: [...digits] };
};

/** The compiled folds of a rule set (compiled once per `languages` value). */
export const foldingOf = oncePerLanguages((languages) => compileFolding(foldTableOf(languages)));

/** Languages that fold one character to different things. */
export const checkFolds = (languages: Languages): RuleProblem[] => {
  const first = new Map<string, { lang: string; to: string }>();
  const problems: RuleProblem[] = [];
  for (const [lang, l] of byCode(languages)) {
    for (const [from, to] of Object.entries(l.script.folds)) {
      const seen = first.get(from);
      if (!seen) first.set(from, { lang, to });
      else if (seen.to !== to) {
        problems.push({
          file: `languages/${lang}/script.yaml`, path: `folds.${from}`, code: 'fold-conflict',
          message: `"${from}" folds to "${to}" here but to "${seen.to}" in languages/${seen.lang}/script.yaml: text of every language is folded alike`,
        });
      }
    }
  }
  return problems;
};
