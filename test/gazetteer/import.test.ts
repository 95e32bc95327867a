/**
 * The gazetteer importer on small OCHA-style and GeoNames-style tables written for these
 * tests (invented units and villages, real governorate P-codes), and on the real files of
 * ../shared/gazetteer-sources/ when they are there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { gazetteerText, importGazetteer } from '../../src/gazetteer/import.js';
import { administrativeOf, bareName } from '../../src/gazetteer/names.js';
import { parseTable } from '../../src/gazetteer/table.js';
import type { Rules } from '../../src/rules/schema.js';
import { formatRuleProblems, parseRules } from '../../src/rules/load.js';
import { readRuleFiles } from '../support/rules.js';

const baseFiles = readRuleFiles();
const base = (baseFiles['gazetteer.yaml'] as { places: Rules['places'] }).places;
const shipped = parseRules(baseFiles);
if (E.isLeft(shipped)) throw new Error(formatRuleProblems(shipped.left));
const admin = administrativeOf(shipped.right)!;

/** The shipped rules with the gazetteer replaced by `text`: every rule check must pass. */
const rulesWith = (text: string): Rules => {
  const r = parseRules({ ...baseFiles, 'gazetteer.yaml': parse(text) });
  if (E.isLeft(r)) throw new Error(formatRuleProblems(r.left));
  return r.right;
};
const placesIn = (rules: Rules, text: string, language = 'ar') =>
  extractReport(rules)({ id: 'r', publishedAt: '2020-03-02', outlet: null, language, url: null, text, coded: null, origin: 't' })
    .mentions.flatMap((m) => m.places.map((p) => p.id ?? `?${p.name}`));

// OCHA COD style: one row per community, its admin levels as columns (Idlib: SY07, Harem district SY0703)
const OCHA = [
  'admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode,admin3Name_en,admin3Name_ar,admin3Pcode,admin4Name_en,admin4Name_ar,admin4Pcode,latitude_y,longitude_x',
  'Idleb,إدلب,SY07,Harim,حارم,SY0703,Qourqeena,ناحية قورقينا,SY070305,Tal Zaytouna,تل زيتونة,C9001,36.05,36.52',
  'Idleb,إدلب,SY07,Harim,حارم,SY0703,Qourqeena,ناحية قورقينا,SY070305,Kherbet Louza,خربة لوزة,C9002,36.07,36.55',
  'Aleppo,حلب,SY02,Jebel Saman,جبل سمعان,SY0200,Markaz Jebel Saman,مركز جبل سمعان,SY020000,Tal Zaytouna,تل زيتونة,C9003,36.2,37.1',
  '"Hama, rural",حماة,SY05,Hama,حماة,SY0500,Hama,مركز حماة,SY050000,Sahl Nawar,,C9004,35.1,36.7',
].join('\n');

// GeoNames dump (19 columns, tab-separated, no header); 08 = Rif Dimashq in GeoNames' own codes
const GEONAMES = [
  ['9000001', 'Dayr Mimas', 'Dayr Mimas', "Dair Mimas,Deir Mimas,dyr mymas,دير ميماس", '33.6', '36.4', 'P', 'PPL', 'SY', '', '08', '', '', '', '0', '', '700', 'Asia/Damascus', '2020-01-01'],
  ['9000002', 'Ruined Place', 'Ruined Place', 'خربة', '33.6', '36.4', 'P', 'PPLQ', 'SY', '', '08', '', '', '', '0', '', '700', 'Asia/Damascus', '2020-01-01'],
  ['9000003', 'Nowhere', 'Nowhere', 'مكان', '33.6', '36.4', 'P', 'PPL', 'SY', '', '99', '', '', '', '0', '', '700', 'Asia/Damascus', '2020-01-01'],
].map((r) => r.join('\t')).join('\n');

describe('names', () => {
  it('strips administrative words', () => {
    expect(bareName(admin)('مركز جبل سمعان')).toBe('جبل سمعان');
    expect(bareName(admin)('ناحية قورقينا')).toBe('قورقينا');
    expect(bareName(admin)('Markaz Jebel Saman')).toBe('Jebel Saman');
    expect(bareName(admin)('Harim Subdistrict')).toBe('Harim');
  });
  it('reads quoted CSV and TSV', () => {
    expect(parseTable('a,b\n"x, y","say ""hi"""\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
    expect(parseTable('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('importing an OCHA-style table', () => {
  const { places, warnings } = importGazetteer(admin)(base, [{ name: 'ocha.csv', text: OCHA }]);
  const byPcode = (c: string) => places.find((p) => p.pcode === c);
  it('maps the admin hierarchy by P-code', () => {
    const sub = byPcode('SY070305')!;
    expect(sub).toMatchObject({ kind: 'subdistrict', governorate: 'idlib', ar: ['ناحية قورقينا'] });
    const village = byPcode('C9001')!;
    expect(village).toMatchObject({ kind: 'village', governorate: 'idlib', ar: ['تل زيتونة'], en: ['Tal Zaytouna'], lat: 36.05, lon: 36.52 });
    expect(village.district).toBe(sub.district);
  });
  it('does not add what the base gazetteer has (Harem district, Hama)', () => {
    expect(byPcode('SY0703')).toBeUndefined();
    expect(places.some((p) => p.ar.includes('منطقة حارم'))).toBe(false);
  });
  it('declares a name shared by two places', () => {
    const idlib = byPcode('C9001')!, aleppo = byPcode('C9003')!;
    expect(idlib.id).not.toBe(aleppo.id);
    expect(idlib.sharesNameWith).toContain(aleppo.id);
    expect(aleppo.sharesNameWith).toContain(idlib.id);
  });
  it('warns, with the line, about a row it cannot import, and goes on', () => {
    expect(warnings.some((w) => w.location === 'ocha.csv:5' && /Arabic/.test(w.message))).toBe(true);
    expect(byPcode('C9002')).toBeDefined();
  });
  it('builds a gazetteer the rules accept, where a village only it has resolves', () => {
    const rules = rulesWith(gazetteerText(readFileSync(fileURLToPath(new URL('../../rules/gazetteer.yaml', import.meta.url)), 'utf8'), places, ['ocha.csv']));
    const village = byPcode('C9002')!.id;
    expect(placesIn(rules, 'قتل أربعة مدنيين في قصف على قرية خربة لوزة بريف إدلب.')).toContain(village);
    // the shipped gazetteer does not have it: an unresolved place
    expect(placesIn(rulesWith(readFileSync(fileURLToPath(new URL('../../rules/gazetteer.yaml', import.meta.url)), 'utf8')), 'قتل أربعة مدنيين في قصف على قرية خربة لوزة بريف إدلب.')).not.toContain(village);
  });
});

describe('importing a GeoNames-style dump', () => {
  const { places, warnings } = importGazetteer(admin)(base, [{ name: 'SY.txt', text: GEONAMES }]);
  it('reads populated places with their governorate, names split by script', () => {
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({ kind: 'village', governorate: 'rif-dimashq', ar: ['دير ميماس'] });
    expect(places[0]!.en).toEqual(expect.arrayContaining(['Dayr Mimas', 'Deir Mimas']));
    // a machine transliteration is not a spelling
    expect(places[0]!.en).not.toContain('dyr mymas');
    expect(warnings.some((w) => w.location === 'SY.txt:3')).toBe(true);
  });
  it('builds a gazetteer where an English report on the village resolves to it', () => {
    const rules = rulesWith(gazetteerText(null, [...base, ...places], ['SY.txt']));
    expect(placesIn(rules, 'Shelling on the village of Deir Mimas killed two civilians.', 'en')).toContain(places[0]!.id);
  });
});

const SOURCES = fileURLToPath(new URL('../../../shared/gazetteer-sources/', import.meta.url));
const real = ['opensyria-admin-flat.csv', 'geonames-cities500-SY.tsv'].map((f) => `${SOURCES}${f}`);

describe.skipIf(!real.every(existsSync))('importing the real OCHA-derived and GeoNames files', () => {
  it('yields a valid gazetteer with every sub-district, where a town only GeoNames has resolves', () => {
    const files = real.map((p) => ({ name: p.split('/').pop()!, text: readFileSync(p, 'utf8') }));
    const { places } = importGazetteer(admin)(base, files);
    const rules = rulesWith(gazetteerText(null, [...base, ...places], files.map((f) => f.name)));
    const subdistricts = rules.places.filter((p) => p.kind === 'subdistrict');
    expect(subdistricts.length).toBeGreaterThanOrEqual(250);
    expect(subdistricts.every((p) => p.ar.every((n) => n.startsWith('ناحية')))).toBe(true);
    // a town the shipped gazetteer lacks
    const town = places.find((p) => p.kind === 'town' && p.ar.includes('صيدنايا'));
    expect(town).toBeDefined();
    expect(placesIn(rules, 'قتل مدنيان في قصف على بلدة صيدنايا بريف دمشق.')).toContain(town!.id);
  });
});
