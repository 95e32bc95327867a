/**
 * Names of imported places: administrative words stripped ("مركز إدلب" is the town Idlib,
 * "ناحية سنجار" the subdistrict of Sinjar), Arabic folded for comparison, alternate names
 * split by script, slugs for ids. Pure.
 */
import type { Rules } from '../rules/schema.js';
import type { AdministrativeRules } from '../rules/writing-schema.js';
import { foldingOf } from '../rules/folding.js';

/**
 * The administrative words of each of the gazetteer's name fields (`ar`: Arabic script, `en`:
 * Latin), from rules/languages/<lang>/administrative.yaml: for the Arabic-script names the
 * rules of the right-to-left language that has them, for the Latin names those of the
 * left-to-right one (the first by code). OCHA writes the seat's unit "مركز X", "ناحية X",
 * "X Subdistrict": the words are stripped to get the bare name; the gazetteer adds its own to
 * district and subdistrict entries (its convention: a bare name is the town).
 */
export type Administrative = { readonly ar: AdministrativeRules; readonly en: AdministrativeRules; readonly fold: (s: string) => string };

export const administrativeOf = (rules: Rules): Administrative | null => {
  const of = (direction: 'rtl' | 'ltr'): AdministrativeRules | undefined => Object.entries(rules.languages)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .find(([, l]) => l.script.direction === direction && l.administrative)?.[1].administrative;
  const ar = of('rtl'), en = of('ltr');
  return ar && en ? { ar, en, fold: foldingOf(rules).fold } : null;
};

const ARABIC = /\p{Script=Arabic}/u;
export const isArabic = (s: string): boolean => ARABIC.test(s);

/** Tidy spacing and drop marks that are not part of a Latin name (`, ’, ʿ). */
const tidy = (s: string): string => s.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '').replace(/[`ʿʾ‘’]/gu, '').replace(/\s+/gu, ' ').trim();

/** The name without administrative words ("مركز إدلب" → "إدلب", "Harim Subdistrict" → "Harim"). */
export const bareName = (admin: Administrative) => {
  const { fold } = admin;
  const arabic = new Set(admin.ar.words.map(fold));
  const latin = admin.en.words;
  return (name: string): string => {
    const t = tidy(name);
    if (isArabic(t)) {
      const words = t.split(' ');
      const kept = words.filter((w) => !arabic.has(fold(w)));
      return (kept.length ? kept : words).join(' ');
    }
    const words = t.split(' ');
    const kept = words.filter((w) => !latin.includes(w.toLowerCase()));
    return (kept.length ? kept : words).join(' ');
  };
};

/** A Latin name without diacritics ("Arīḩā" → "Ariha"). */
export const ascii = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Folded key of a name: how the matcher compares it (Latin also without diacritics). */
export const nameKey = (s: string, fold: (s: string) => string): string => fold(isArabic(s) ? s : ascii(s));

/** Names in order, each once by key. */
export const uniqueNames = (names: readonly string[], fold: (s: string) => string): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names.map(tidy)) {
    const k = nameKey(n, fold);
    if (!n || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
};

/**
 * GeoNames alternate names by script. All-lowercase ASCII forms ("alswrt alsghyrt") are
 * machine transliterations of the Arabic, not spellings anyone writes: dropped.
 */
export const splitAlternates = (names: readonly string[]): { ar: string[]; en: string[] } => ({
  ar: names.filter(isArabic),
  // Latin script only (not Cyrillic, Hebrew, …), and written with a capital
  en: names.filter((n) => LATIN_NAME.test(n) && /\p{Lu}/u.test(n)),
});

const LATIN_NAME = /^[\p{Script=Latin}\p{M}\d\s'’‘`ʿʾ.,()-]+$/u;

/** Lowercase ASCII slug ("Tal Aqrabat" → "tal-aqrabat"), or '' when nothing is left. */
export const slug = (s: string): string =>
  ascii(s).toLowerCase().replace(/'/gu, '').replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '');
