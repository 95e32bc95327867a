/**
 * Regular verbs written once, as lemmas: a word ending in "~" in any phrase list of a language's rules
 * ("claim~", "point~ out") stands for the lemma and the forms its language's `script.verbForms`
 * declares for how the lemma ends (claim, claims, claimed, claiming; deny, denies, denied, denying).
 * Irregular forms (said, told, gave) are written out as they are. Expanded once, when the rules load.
 */
import type { LanguageRules } from './language-schema.js';

type VerbForms = LanguageRules['script']['verbForms'];

/** The forms of one lemma: itself, then the endings of the first entry whose `ends` ends it. */
export const formsOf = (lemma: string, rules: VerbForms): string[] => {
  const entry = rules.find((r) => r.ends.some((e) => lemma.endsWith(e)));
  if (!entry) return [lemma];
  return [lemma, ...entry.forms.map((f) => {
    const drop = /^-*/.exec(f)![0].length;
    return lemma.slice(0, lemma.length - drop) + f.slice(drop);
  })];
};

const LEMMA = /^(\p{L}+)~$/u;

/** One phrase with its "~" words inflected: every combination of their forms. */
export const expandPhrase = (phrase: string, rules: VerbForms): string[] => {
  if (!phrase.includes('~')) return [phrase];
  return phrase.split(' ').reduce<string[]>((acc, word) => {
    const m = LEMMA.exec(word);
    const forms = m ? formsOf(m[1]!, rules) : [word];
    return acc.flatMap((head) => forms.map((f) => (head ? `${head} ${f}` : f)));
  }, ['']);
};

/** Paths of phrases that hold a "~" word the language cannot inflect, for a located rule error. */
export const lemmasWithoutForms = (value: unknown, rules: VerbForms, path: (string | number)[] = []): string[] => {
  if (rules.length) return [];
  if (typeof value === 'string') return LEMMA.test(value.split(' ').find((w) => w.includes('~')) ?? '') ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, k) => lemmasWithoutForms(v, rules, [...path, k]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'examples' ? [] : lemmasWithoutForms(v, rules, [...path, k])));
  return [];
};

const walk = (value: unknown, rules: VerbForms): unknown => {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      return value.some((v: string) => v.includes('~')) ? [...new Set(value.flatMap((v: string) => expandPhrase(v, rules)))] : value;
    }
    return value.map((v) => walk(v, rules));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'examples' ? v : walk(v, rules)]));
  }
  return value;
};

/** A language's rules with every lemma expanded into its forms (nothing changes without "~"). */
export const withVerbForms = (lang: LanguageRules): LanguageRules =>
  lang.script.verbForms.length ? (walk(lang, lang.script.verbForms) as LanguageRules) : lang;
