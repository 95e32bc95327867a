/**
 * Names of imported places: administrative words stripped ("مركز إدلب" is the town Idlib,
 * "ناحية سنجار" the subdistrict of Sinjar), Arabic folded for comparison, alternate names
 * split by script, slugs for ids. Pure.
 */
import { fold } from '../text/normalise.js';

/**
 * Words that name an administrative unit, not the place (OCHA writes the seat's unit "مركز X",
 * "ناحية X", "X Subdistrict"). Stripped to get the bare name; the gazetteer adds its own
 * "منطقة"/"ناحية" to district and subdistrict entries (its convention: a bare name is the town).
 */
const ADMIN_WORDS_AR = ['مركز', 'ناحية', 'منطقة', 'محافظة', 'قضاء', 'مدينة'];
const ADMIN_WORDS_EN = ['nahiyat', 'nahiyah', 'mintaqat', 'mintaqah', 'muhafazah', 'markaz', 'center', 'centre', 'subdistrict', 'sub-district', 'district', 'governorate', 'province', 'nahiya', 'nahia', 'mantiqa', 'mantiqat', 'muhafazat', 'city'];

const ARABIC = /[\u0600-\u06FF]/u;
export const isArabic = (s: string): boolean => ARABIC.test(s);

/** Tidy spacing and drop marks that are not part of a Latin name (`, ’, ʿ). */
const tidy = (s: string): string => s.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '').replace(/[`ʿʾ‘’]/gu, '').replace(/\s+/gu, ' ').trim();

/** The name without administrative words ("مركز إدلب" → "إدلب", "Harim Subdistrict" → "Harim"). */
export const bareName = (name: string): string => {
  const t = tidy(name);
  if (isArabic(t)) {
    const words = t.split(' ');
    const admin = new Set(ADMIN_WORDS_AR.map(fold));
    const kept = words.filter((w) => !admin.has(fold(w)));
    return (kept.length ? kept : words).join(' ');
  }
  const words = t.split(' ');
  const kept = words.filter((w) => !ADMIN_WORDS_EN.includes(w.toLowerCase()));
  return (kept.length ? kept : words).join(' ');
};

/** A Latin name without diacritics ("Arīḩā" → "Ariha"). */
export const ascii = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Folded key of a name: how the matcher compares it (Latin also without diacritics). */
export const nameKey = (s: string): string => fold(isArabic(s) ? s : ascii(s));

/** Names in order, each once by key. */
export const uniqueNames = (names: readonly string[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names.map(tidy)) {
    const k = nameKey(n);
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
