/**
 * The Syria gazetteer (rules/gazetteer.yaml): it parses against the `Place` schema and is
 * internally consistent. Each consistency check is a function returning its problems, run
 * once on the real file (no problems expected) and once on a small broken gazetteer
 * (the problem must be found), so every assertion here can fail.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GazetteerFile, type Place } from '../../src/rules/schema.js';
import { fold } from '../support/rules.js';

const GOVERNORATE_IDS = [
  'damascus', 'rif-dimashq', 'aleppo', 'idlib', 'hama', 'homs', 'latakia', 'tartus',
  'raqqa', 'deir-ez-zor', 'hasakah', 'daraa', 'as-suwayda', 'quneitra',
] as const;

/** Syria's extent, a little generous: lat 32.31–37.32 N, lon 35.73–42.38 E, plus the Golan. */
const SYRIA_BBOX = { minLat: 32.3, maxLat: 37.35, minLon: 35.6, maxLon: 42.4 } as const;

/** A note that marks a shared or ambiguous name (see the header of rules/gazetteer.yaml). */
const AMBIGUITY_NOTE = /ambiguous common word|same name as/i;

const raw: unknown = parse(readFileSync(new URL('../../rules/gazetteer.yaml', import.meta.url), 'utf8'));

const loadPlaces = (): Place[] => GazetteerFile.parse(raw).places;

// ------------------------------------------------------------------ checks

const duplicateIds = (places: readonly Place[]): string[] => {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const p of places) {
    if (seen.has(p.id)) dups.push(p.id);
    seen.add(p.id);
  }
  return dups;
};

/** Governorate entries must carry their own id; every governorate used must have an entry. */
const governorateProblems = (places: readonly Place[]): string[] => {
  const govs = new Set(places.filter((p) => p.kind === 'governorate').map((p) => p.id));
  const problems: string[] = [];
  for (const p of places) {
    if (p.kind === 'governorate' && p.governorate !== p.id) problems.push(`${p.id}: governorate entry points at ${p.governorate}`);
    if (!govs.has(p.governorate)) problems.push(`${p.id}: unknown governorate ${p.governorate}`);
  }
  return problems;
};

/** Every `district` is a district entry of the same governorate. */
const districtProblems = (places: readonly Place[]): string[] => {
  const districts = new Map(places.filter((p) => p.kind === 'district').map((p) => [p.id, p.governorate]));
  const problems: string[] = [];
  for (const p of places) {
    if (p.district === undefined) continue;
    const gov = districts.get(p.district);
    if (gov === undefined) problems.push(`${p.id}: unknown district ${p.district}`);
    else if (gov !== p.governorate) problems.push(`${p.id}: district ${p.district} is in ${gov}, not ${p.governorate}`);
  }
  return problems;
};

/** Coordinates, where given, come in pairs and fall inside Syria. */
const coordinateProblems = (places: readonly Place[]): string[] => {
  const problems: string[] = [];
  for (const p of places) {
    if ((p.lat === undefined) !== (p.lon === undefined)) { problems.push(`${p.id}: lat without lon or lon without lat`); continue; }
    if (p.lat === undefined || p.lon === undefined) continue;
    const inside = p.lat >= SYRIA_BBOX.minLat && p.lat <= SYRIA_BBOX.maxLat && p.lon >= SYRIA_BBOX.minLon && p.lon <= SYRIA_BBOX.maxLon;
    if (!inside) problems.push(`${p.id}: ${p.lat},${p.lon} is outside Syria`);
  }
  return problems;
};

/**
 * Arabic names shared (after the matcher's spelling folds) by two or more places where
 * none of them carries a note marking the ambiguity.
 */
const unmarkedSharedArabicNames = (places: readonly Place[]): string[] => {
  const byName = new Map<string, Place[]>();
  for (const p of places) {
    for (const name of new Set(p.ar.map(fold))) {
      const list = byName.get(name) ?? [];
      list.push(p);
      byName.set(name, list);
    }
  }
  const problems: string[] = [];
  for (const [name, list] of byName) {
    if (list.length > 1 && !list.some((p) => AMBIGUITY_NOTE.test(p.note ?? ''))) {
      problems.push(`${name}: ${list.map((p) => p.id).join(', ')}`);
    }
  }
  return problems;
};

// ------------------------------------------------------------------ a broken gazetteer

const place = (over: Partial<Place> & Pick<Place, 'id'>): Place => ({
  name: over.id, kind: 'village', governorate: 'raqqa', ar: ['قرية'], en: [over.id], ...over,
});
const BASE: Place[] = [
  place({ id: 'raqqa', kind: 'governorate', governorate: 'raqqa', ar: ['الرقة'] }),
  place({ id: 'hama', kind: 'governorate', governorate: 'hama', ar: ['حماة'] }),
  place({ id: 'raqqa-district', kind: 'district', governorate: 'raqqa', ar: ['منطقة الرقة'] }),
  place({ id: 'ok', governorate: 'raqqa', district: 'raqqa-district', ar: ['المشلب'], lat: 35.9, lon: 39.0 }),
];

// ------------------------------------------------------------------ tests

describe('rules/gazetteer.yaml', () => {
  it('parses against the Place schema, every entry', () => {
    const result = GazetteerFile.safeParse(raw);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('has at least 250 places', () => {
    expect(loadPlaces().length).toBeGreaterThanOrEqual(250);
  });

  it('has unique ids', () => {
    expect(duplicateIds(loadPlaces())).toEqual([]);
  });

  it('has exactly the 14 contract governorates as governorate entries', () => {
    const govs = loadPlaces().filter((p) => p.kind === 'governorate').map((p) => p.id).sort();
    expect(govs).toEqual([...GOVERNORATE_IDS].sort());
  });

  it('uses only governorates that have an entry', () => {
    expect(governorateProblems(loadPlaces())).toEqual([]);
  });

  it('uses only districts that have an entry in the same governorate', () => {
    expect(districtProblems(loadPlaces())).toEqual([]);
  });

  it('gives coordinates inside Syria', () => {
    expect(coordinateProblems(loadPlaces())).toEqual([]);
  });

  it('marks every Arabic name shared by two places as ambiguous', () => {
    expect(unmarkedSharedArabicNames(loadPlaces())).toEqual([]);
  });

  it('gives each capital named like its governorate its own city entry, marked as sharing the name', () => {
    const places = new Map(loadPlaces().map((p) => [p.id, p]));
    for (const gov of GOVERNORATE_IDS.filter((g) => g !== 'rif-dimashq')) {
      const city = places.get(`${gov}-city`);
      expect(city?.kind, gov).toBe('city');
      expect(city?.governorate, gov).toBe(gov);
      expect(city?.note ?? '', gov).toMatch(/same name as its governorate/);
      expect(city?.ar.map(fold), gov).toEqual(expect.arrayContaining(places.get(gov)!.ar.map(fold)));
    }
  });

  it('has a district entry with a centre for every district used by a district centre', () => {
    const places = loadPlaces();
    const districts = places.filter((p) => p.kind === 'district');
    expect(districts.length).toBeGreaterThanOrEqual(63);
    const withCentre = new Set(places.filter((p) => p.district && (p.kind === 'city' || p.kind === 'town')).map((p) => p.district));
    const noCentre = districts.filter((d) => !withCentre.has(d.id) && d.id !== 'markaz-rif-dimashq-district').map((d) => d.id);
    expect(noCentre).toEqual([]);
  });

  it.each([
    ['الميادين', 'al-mayadin'], ['هجين', 'hajin'], ['السوسة', 'al-susah'], ['الباغوز فوقاني', 'al-baghuz-fawqani'],
    ['الباغوز', 'al-baghuz'], ['مخيم الباغوز', 'al-baghuz-camp'], ['الشعفة', 'al-shaafah'], ['البحرة', 'al-bahra'],
    ['عياش', 'ayyash'], ['معسكر الصاعقة', 'saiqa-camp'], ['الطكيحي', 'al-tkeihi'], ['البيدر', 'al-baidar'],
    ['ناحية الكرامة', 'al-karamah-subdistrict'], ['تل بقل', 'tal-baqel'], ['منطقة المالكية', 'al-malikiyah-district'],
    ['حقل العمر النفطي', 'al-omar-oil-field'], ['حقل كونيكو للغاز', 'conoco-gas-field'], ['مخيم الهول', 'al-hol-camp'],
    ['خان شيخون', 'khan-shaykhun'], ['قاعدة الشعيرات', 'shayrat-airbase'], ['التنف', 'al-tanf'], ['أبو دالي', 'abu-dali'],
    ['ادلب', 'idlib'], ['ديرالزور', 'deir-ez-zor'], ['البوكمال', 'abu-kamal'], ['ذيبان', 'dhiban'],
  ])('knows %s as %s', (name, id) => {
    const hits = loadPlaces().filter((p) => p.ar.some((a) => fold(a) === fold(name))).map((p) => p.id);
    expect(hits).toContain(id);
  });

  it('flags short names that are common words', () => {
    const places = new Map(loadPlaces().map((p) => [p.id, p]));
    for (const id of ['al-omar-oil-field', 'al-jalaa', 'al-karamah-raqqa', 'al-bahra', 'al-hol', 'al-sinaa-raqqa', 'al-bab']) {
      expect(places.get(id)?.note ?? '', id).toMatch(/^ambiguous common word/);
    }
  });
});

describe('gazetteer checks find what they look for', () => {
  it('accepts the well-formed base', () => {
    expect([duplicateIds(BASE), governorateProblems(BASE), districtProblems(BASE), coordinateProblems(BASE), unmarkedSharedArabicNames(BASE)])
      .toEqual([[], [], [], [], []]);
  });

  it('finds a duplicate id', () => {
    expect(duplicateIds([...BASE, place({ id: 'ok' })])).toEqual(['ok']);
  });

  it('finds an unknown governorate and a governorate entry pointing elsewhere', () => {
    expect(governorateProblems([...BASE, place({ id: 'x', governorate: 'homs' })])).toEqual(['x: unknown governorate homs']);
    expect(governorateProblems([...BASE, place({ id: 'homs', kind: 'governorate', governorate: 'hama' })]))
      .toEqual(['homs: governorate entry points at hama']);
  });

  it('finds an unknown district and a district of another governorate', () => {
    expect(districtProblems([...BASE, place({ id: 'x', district: 'nowhere-district' })])).toEqual(['x: unknown district nowhere-district']);
    expect(districtProblems([...BASE, place({ id: 'x', governorate: 'hama', district: 'raqqa-district' })]))
      .toEqual(['x: district raqqa-district is in raqqa, not hama']);
  });

  it('finds coordinates outside Syria or without their pair', () => {
    expect(coordinateProblems([...BASE, place({ id: 'mosul', lat: 36.34, lon: 43.13 })])).toEqual(['mosul: 36.34,43.13 is outside Syria']);
    expect(coordinateProblems([...BASE, place({ id: 'x', lat: 35 })])).toEqual(['x: lat without lon or lon without lat']);
  });

  it('finds a shared Arabic name without an ambiguity note, also across spelling folds', () => {
    expect(unmarkedSharedArabicNames([...BASE, place({ id: 'x', ar: ['المشلب'] })])).toEqual(['المشلب: ok, x']);
    expect(unmarkedSharedArabicNames([...BASE, place({ id: 'h', ar: ['حماه'] })])).toEqual(['حماه: hama, h']);
    expect(unmarkedSharedArabicNames([...BASE, place({ id: 'x', ar: ['المشلب'], note: 'same name as ok' })])).toEqual([]);
  });
});
