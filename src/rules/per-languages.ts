/**
 * What is worked out over every language of a rule set (rules/languages/<lang>/script.yaml):
 * the languages in code order, which every union and check over them follows, and a value
 * compiled once per rule set's `languages`.
 */
import type { LanguageRules } from './language-schema.js';

export type Languages = Readonly<Record<string, Pick<LanguageRules, 'script'>>>;

/** The languages of a rule set, ordered by code. */
export const byCode = <L>(languages: Readonly<Record<string, L>>): [string, L][] =>
  Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** `compile(languages)`, worked out once per `languages` value and then reused. */
export const oncePerLanguages = <T>(compile: (languages: Languages) => T): ((rules: { readonly languages: Languages }) => T) => {
  const compiled = new WeakMap<object, T>();
  return (rules) => {
    let v = compiled.get(rules.languages);
    if (v === undefined) { v = compile(rules.languages); compiled.set(rules.languages, v); }
    return v;
  };
};
