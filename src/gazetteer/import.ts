/**
 * Gazetteer import: the datasets analysts use become gazetteer entries (rules/gazetteer.yaml,
 * schema `Place`).
 * - OCHA Common Operational Dataset style: admin units with P-codes and English and Arabic
 *   names, as columns per level (ADM1_EN, ADM1_AR, ADM1_PCODE, … ADM4_* or admin4Name_en,
 *   admin4Pcode for populated places), or one unit a row (level, ocha_pcode, name_en, name_ar,
 *   aliases_en, aliases_ar: the OpenSyria flattening).
 * - GeoNames country dumps (the 19 tab-separated columns, with or without a header).
 * The admin hierarchy maps onto governorate → district → subdistrict → community by P-code;
 * names lose administrative words ("مركز", "ناحية": rules/languages/<lang>/administrative.yaml);
 * districts and subdistricts get the gazetteer's own "منطقة X" / "ناحية X" names; places already in the base gazetteer are not
 * added again; a name shared with another place is declared with `sharesNameWith`. Pure:
 * the CLI reads and writes the files.
 */
import { stringify } from 'yaml';
import type { Place } from '../rules/schema.js';
import { Place as PlaceSchema } from '../rules/schema.js';
import { ascii, bareName, isArabic, nameKey, slug, splitAlternates, uniqueNames, type Administrative } from './names.js';
import { parseTable } from './table.js';

/** A problem with one row or file: where, and what. The import goes on. */
export type ImportWarning = { readonly location: string; readonly message: string };

type Level = 1 | 2 | 3 | 4;
/** One unit or populated place as read, before it becomes a gazetteer entry. */
type Unit = {
  readonly level: Level;
  readonly pcode: string | null;
  readonly parent: string | null;
  readonly governorate: string | null;
  readonly kind: Place['kind'];
  readonly ar: readonly string[];
  readonly en: readonly string[];
  readonly lat?: number;
  readonly lon?: number;
  readonly location: string;
};

/** OCHA governorate P-codes (SY01 …) onto the gazetteer's fixed governorate ids (CONTRACT.md). */
export const OCHA_GOVERNORATES: Readonly<Record<string, string>> = {
  SY01: 'damascus', SY02: 'aleppo', SY03: 'rif-dimashq', SY04: 'homs', SY05: 'hama', SY06: 'latakia', SY07: 'idlib',
  SY08: 'hasakah', SY09: 'deir-ez-zor', SY10: 'tartus', SY11: 'raqqa', SY12: 'daraa', SY13: 'as-suwayda', SY14: 'quneitra',
};
/** GeoNames' own admin1 codes for Syria (not OCHA's) onto the governorate ids. */
export const GEONAMES_GOVERNORATES: Readonly<Record<string, string>> = {
  '01': 'hasakah', '02': 'latakia', '03': 'quneitra', '04': 'raqqa', '05': 'as-suwayda', '06': 'daraa', '07': 'deir-ez-zor',
  '08': 'rif-dimashq', '09': 'aleppo', '10': 'hama', '11': 'homs', '12': 'idlib', '13': 'damascus', '14': 'tartus',
};
/** GeoNames populated-place feature codes onto gazetteer kinds; other codes (PPLH historical, PPLQ abandoned, …) are not imported. */
const GEONAMES_KINDS: Readonly<Record<string, Place['kind']>> = {
  PPLC: 'city', PPLA: 'city', PPLA2: 'city', PPLA3: 'town', PPLA4: 'town', PPL: 'village', PPLL: 'village', PPLX: 'neighbourhood', PPLF: 'village', PPLS: 'village',
};
const GEONAMES_COLUMNS = ['geonameid', 'name', 'asciiname', 'alternatenames', 'latitude', 'longitude', 'feature_class', 'feature_code', 'country_code',
  'cc2', 'admin1_code', 'admin2_code', 'admin3_code', 'admin4_code', 'population', 'elevation', 'dem', 'timezone', 'modification_date'];

const split = (s: string | undefined): string[] => (s ?? '').split('|').map((x) => x.trim()).filter(Boolean);
const num = (s: string | undefined): number | undefined => (s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined);
const governorateOfPcode = (pcode: string | null): string | null => (pcode ? OCHA_GOVERNORATES[pcode.slice(0, 4).toUpperCase()] ?? null : null);

/** Rows as records by header. */
const records = (rows: string[][]): { header: string[]; rows: Record<string, string>[] } => {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  return { header, rows: rows.slice(1).map((r) => Object.fromEntries(header.map((h, k) => [h, (r[k] ?? '').trim()]))) };
};

const KIND_OF_LEVEL: Record<Level, Place['kind']> = { 1: 'governorate', 2: 'district', 3: 'subdistrict', 4: 'village' };

/** OpenSyria-style flat table: one unit a row. */
const readFlat = (file: string, rs: Record<string, string>[]): Unit[] => rs.flatMap((r, k): Unit[] => {
  const level = ({ governorate: 1, district: 2, subdistrict: 3, community: 4, locality: 4 } as const)[r['level'] as 'governorate'];
  if (!level) return [];
  const pcode = r['ocha_pcode'] || null;
  const parent = pcode && level > 1 && level < 4 ? pcode.slice(0, pcode.length - 2) : (r['parent_pcode'] || null);
  return [{
    level, pcode, parent, governorate: governorateOfPcode(pcode), kind: KIND_OF_LEVEL[level],
    ar: [r['name_ar'] ?? '', ...split(r['aliases_ar'])].filter(Boolean), en: [r['name_en'] ?? '', ...split(r['aliases_en'])].filter(Boolean),
    lat: num(r['lat']), lon: num(r['lon']), location: `${file}:${k + 2}`,
  }];
});

/** OCHA COD columns per level: ADM2_EN / admin2Name_en, ADM2_AR / admin2Name_ar, ADM2_PCODE / admin2Pcode. */
const codColumns = (header: readonly string[], level: number) => {
  const pick = (...names: string[]) => names.find((n) => header.includes(n));
  return {
    en: pick(`adm${level}_en`, `admin${level}name_en`, `admin${level}_name_en`),
    ar: pick(`adm${level}_ar`, `admin${level}name_ar`, `admin${level}_name_ar`),
    pcode: pick(`adm${level}_pcode`, `admin${level}pcode`, `admin${level}_pcode`),
  };
};

const readCod = (file: string, header: readonly string[], rs: Record<string, string>[]): Unit[] => {
  const levels = ([1, 2, 3, 4] as const).filter((l) => codColumns(header, l).pcode);
  const lat = ['latitude_y', 'latitude', 'lat', 'y'].find((h) => header.includes(h));
  const lon = ['longitude_x', 'longitude', 'lon', 'long', 'x'].find((h) => header.includes(h));
  const deepest = levels[levels.length - 1];
  return rs.flatMap((r, k) => levels.map((level, n): Unit => {
    const c = codColumns(header, level);
    const pcode = r[c.pcode!] || null;
    const parentLevel = levels[n - 1];
    const parent = parentLevel ? r[codColumns(header, parentLevel).pcode!] || null : null;
    return {
      level, pcode, parent, governorate: governorateOfPcode(pcode) ?? governorateOfPcode(parent), kind: KIND_OF_LEVEL[level],
      ar: c.ar && r[c.ar] ? [r[c.ar]!] : [], en: c.en && r[c.en] ? [r[c.en]!] : [],
      ...(level === deepest ? { lat: num(lat ? r[lat] : undefined), lon: num(lon ? r[lon] : undefined) } : {}),
      location: `${file}:${k + 2}`,
    };
  }));
};

const readGeonames = (file: string, rows: string[][], hasHeader: boolean, warnings: ImportWarning[]): Unit[] =>
  rows.slice(hasHeader ? 1 : 0).flatMap((cells, k): Unit[] => {
    const r = Object.fromEntries(GEONAMES_COLUMNS.map((h, i) => [h, (cells[i] ?? '').trim()]));
    const location = `${file}:${k + (hasHeader ? 2 : 1)}`;
    if (r['feature_class'] !== 'P') return [];
    const kind = GEONAMES_KINDS[r['feature_code'] ?? ''];
    if (!kind) return [];
    const governorate = r['country_code'] === 'SY' ? GEONAMES_GOVERNORATES[r['admin1_code'] ?? ''] ?? null : null;
    if (!governorate) { warnings.push({ location, message: `no Syrian governorate for admin1 code '${r['admin1_code']}' (country ${r['country_code']}); row skipped` }); return []; }
    const alt = splitAlternates((r['alternatenames'] ?? '').split(',').map((x) => x.trim()).filter(Boolean));
    return [{
      level: 4, pcode: null, parent: null, governorate, kind,
      ar: alt.ar, en: [r['name'] ?? '', r['asciiname'] ?? '', ...alt.en].filter(Boolean),
      lat: num(r['latitude']), lon: num(r['longitude']), location,
    }];
  });

/** Units of one file, by its columns. */
export const readUnits = (file: string, text: string, warnings: ImportWarning[]): Unit[] => {
  const rows = parseTable(text);
  if (!rows.length) { warnings.push({ location: file, message: 'empty file' }); return []; }
  const { header, rows: rs } = records(rows);
  if (header.includes('geonameid') && header.includes('feature_code')) return readGeonames(file, rows, true, warnings);
  if (rows[0]!.length >= 15 && /^\d+$/u.test(rows[0]![0] ?? '')) return readGeonames(file, rows, false, warnings);
  if (header.includes('level') && header.includes('ocha_pcode')) return readFlat(file, rs);
  if ([1, 2, 3, 4].some((l) => codColumns(header, l).pcode)) return readCod(file, header, rs);
  warnings.push({ location: file, message: 'not an OCHA COD table (ADMn_PCODE / admin4Pcode columns, or level + ocha_pcode) nor a GeoNames dump; file skipped' });
  return [];
};

const ADMIN_KINDS = new Set<Place['kind']>(['governorate', 'district', 'subdistrict', 'region']);
const family = (k: Place['kind']): string => (ADMIN_KINDS.has(k) ? k : 'settlement');

/** Bare names by script, administrative words stripped and each once. */
const bare = (admin: Administrative, u: Unit) => {
  const bareOf = bareName(admin);
  return {
  ar: uniqueNames(u.ar.map(bareOf).filter(isArabic), admin.fold),
  // a Latin name is written with a capital: all-lowercase forms ("nahyt mrkz alhskt") are machine transliterations
  en: uniqueNames([...u.en.map(bareOf), ...u.en.map((n) => ascii(bareOf(n)))].filter((n) => !isArabic(n) && /\p{Lu}/u.test(n)), admin.fold),
  };
};

/** The gazetteer names of a unit: districts and subdistricts carry their administrative word. */
const gazetteerNames = (admin: Administrative) => (kind: Place['kind'], names: { ar: string[]; en: string[] }) =>
  kind === 'district' || kind === 'subdistrict'
    ? { ar: names.ar.map((n) => admin.ar[kind].replace('{name}', n)), en: names.en.map((n) => admin.en[kind].replace('{name}', n)) }
    : names;

export type ImportResult = { readonly places: readonly Place[]; readonly warnings: readonly ImportWarning[] };

/**
 * New gazetteer entries from files (name, text), given the base gazetteer: units it already has
 * (same P-code, or the same kind of place in the same governorate under a shared name) are left out.
 */
export const importGazetteer = (admin: Administrative) => (base: readonly Place[], files: readonly { name: string; text: string }[]): ImportResult => {
  const bareOf = bareName(admin);
  const namesOf = gazetteerNames(admin);
  const warnings: ImportWarning[] = [];
  const units = files.flatMap((f) => readUnits(f.name, f.text, warnings));
  const basePcodes = new Map(base.flatMap((p) => (p.pcode ? [[p.pcode, p.id] as const] : [])));
  const baseKeys = new Map<string, string>();
  const keyOf = (fam: string, gov: string, name: string) => `${fam}\n${gov}\n${nameKey(name, admin.fold)}`;
  for (const p of base) for (const n of [...p.ar, ...p.en]) baseKeys.set(keyOf(family(p.kind), p.governorate, bareOf(n)), p.id);
  const ids = new Set(base.map((p) => p.id));
  const byPcode = new Map<string, string>(basePcodes);
  const made = new Map<string, Place & { pcode?: string }>();
  const madeKeys = new Map<string, string>();
  // parents before children, each P-code once
  const ordered = [...units].sort((a, b) => a.level - b.level);
  const seenPcodes = new Set<string>();
  for (const u of ordered) {
    if (u.pcode && seenPcodes.has(u.pcode)) continue;
    if (u.pcode) seenPcodes.add(u.pcode);
    if (u.level === 1) continue; // governorates are fixed ids
    const governorate = u.governorate ?? (u.parent ? made.get(byPcode.get(u.parent) ?? '')?.governorate ?? governorateOfPcode(u.parent) : null);
    if (!governorate) { warnings.push({ location: u.location, message: `no governorate for P-code '${u.pcode ?? '?'}'; row skipped` }); continue; }
    const names = bare(admin, u);
    if (!names.ar.length || !names.en.length) {
      warnings.push({ location: u.location, message: `'${[...u.en, ...u.ar][0] ?? u.pcode ?? '?'}' needs an Arabic and a Latin name; row skipped` });
      continue;
    }
    const fam = family(u.kind);
    const known = (u.pcode && basePcodes.get(u.pcode))
      ?? [...names.ar, ...names.en].map((n) => baseKeys.get(keyOf(fam, governorate, n)) ?? madeKeys.get(keyOf(fam, governorate, n))).find((x) => x);
    if (known) {
      if (u.pcode) byPcode.set(u.pcode, known);
      // a second source for a place already made adds its spellings
      const m = made.get(known);
      if (m) made.set(known, { ...m, ar: uniqueNames([...m.ar, ...namesOf(u.kind, names).ar], admin.fold), en: uniqueNames([...m.en, ...namesOf(u.kind, names).en], admin.fold) });
      continue;
    }
    const parentId = u.parent ? byPcode.get(u.parent) ?? null : null;
    const parentPlace = parentId ? made.get(parentId) ?? base.find((p) => p.id === parentId) : undefined;
    const district = u.kind === 'district' ? undefined
      : parentPlace?.kind === 'district' ? parentPlace.id : parentPlace?.district;
    const stem = slug(names.en[0]!) || slug(u.pcode ?? '') || 'place';
    const suffix = u.kind === 'district' ? '-district' : u.kind === 'subdistrict' ? '-subdistrict' : '';
    // a taken id gets its governorate, then its P-code, then a number
    let id = `${stem}${suffix}`;
    if (ids.has(id)) id = `${stem}-${governorate}${suffix}`;
    if (ids.has(id) && u.pcode) id = `${stem}-${slug(u.pcode)}${suffix}`;
    for (let n = 2; ids.has(id); n++) id = `${stem}-${governorate}-${n}${suffix}`;
    ids.add(id);
    const g = namesOf(u.kind, names);
    const place: Place = {
      id, name: u.kind === 'district' || u.kind === 'subdistrict' ? g.en[0]! : names.en[0]!, kind: u.kind, governorate,
      ...(district ? { district } : {}), ...(u.pcode ? { pcode: u.pcode } : {}),
      ar: g.ar, en: g.en,
      ...(u.lat !== undefined && u.lon !== undefined && PlaceSchema.shape.lat.safeParse(u.lat).success && PlaceSchema.shape.lon.safeParse(u.lon).success ? { lat: u.lat, lon: u.lon } : {}),
    };
    made.set(id, place);
    if (u.pcode) byPcode.set(u.pcode, id);
    for (const n of [...names.ar, ...names.en]) madeKeys.set(keyOf(fam, governorate, n), id);
  }
  return { places: declareSharedNames(base, [...made.values()], admin.fold), warnings };
};

/** A place's names by field (script): the keys keep a name in one script apart from the same letters in another. */
const namesByField = (p: Place): Readonly<Record<string, readonly string[]>> => ({ ar: p.ar, en: p.en });

/** Each new place lists the other places (base or new) that share one of its names, as the validator asks. */
const declareSharedNames = (base: readonly Place[], made: readonly Place[], fold: (s: string) => string): Place[] => {
  const owners = new Map<string, Set<string>>();
  for (const p of [...base, ...made]) {
    for (const [lang, names] of Object.entries(namesByField(p))) {
      for (const n of names) {
        const k = `${lang}\n${nameKey(n, fold)}`;
        const s = owners.get(k) ?? new Set<string>();
        s.add(p.id);
        owners.set(k, s);
      }
    }
  }
  return made.map((p) => {
    const others = new Set<string>();
    for (const [lang, names] of Object.entries(namesByField(p))) {
      for (const n of names) for (const o of owners.get(`${lang}\n${nameKey(n, fold)}`) ?? []) if (o !== p.id) others.add(o);
    }
    return others.size ? { ...p, sharesNameWith: [...others].sort() } : p;
  });
};

/**
 * The gazetteer file: the base file's text as it is (comments kept) with the new entries
 * appended to its `places` list, or a new file when there is no base.
 */
export const gazetteerText = (baseText: string | null, places: readonly Place[], sources: readonly string[]): string => {
  const body = places.length ? stringify(places, { lineWidth: 0 }).replace(/^/gmu, '  ').replace(/ +$/gmu, '') : '';
  const header = `  # ---------------------------------------------------------------- imported\n  # ${places.length} entries from ${sources.join(', ')} (reconcile gazetteer import)\n`;
  if (baseText === null) return `places:\n${places.length ? header + body : '  []\n'}`;
  return `${baseText.replace(/\s*$/u, '\n')}${places.length ? `\n${header}${body}` : ''}`;
};
