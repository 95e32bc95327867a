import AjvModule from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attribution, Incident, Output, StanceOut, Toll } from '../../src/model/contract.js';
import type { Place } from '../../src/rules/schema.js';
import { AIRWARS_COLUMNS, airwarsRows } from '../../src/render/airwars.js';
import { sides, sourceLabel } from '../../src/render/facts.js';
import { datePrec, gazetteerOf, inSyriaBox, locate } from '../../src/render/geo.js';
import { geojsonOf } from '../../src/render/geojson.js';
import { UCDP_COLUMNS, ucdpRows } from '../../src/render/ucdp.js';
import { ROOT, runInProcess } from '../support/cli.js';
import { csvObjects } from './rfc4180.js';

/** ajv is CommonJS: its class is the default export's default under NodeNext */
const Ajv = AjvModule.default;

const place = (over: Partial<Place> & Pick<Place, 'id' | 'kind'>): Place =>
  ({ name: over.id, governorate: 'idlib', ar: ['x'], en: [over.id], ...over }) as Place;
const GAZ = gazetteerOf([
  place({ id: 'idlib', kind: 'governorate' }),
  place({ id: 'ariha-district', kind: 'district', lat: 35.81, lon: 36.61 }),
  place({ id: 'ariha', kind: 'city', district: 'ariha-district', lat: 35.8126, lon: 36.6099 }),
  place({ id: 'ariha-east', kind: 'neighbourhood', within: 'ariha', district: 'ariha-district' }),
  place({ id: 'no-coords', kind: 'village' }),
  place({ id: 'north', kind: 'region' }),
]);

const toll = (outcome: Toll['outcome'], group: Toll['group'], min: number, best: number | null, max: number | null, affiliation: string | null = null): Toll =>
  ({ outcome, group, affiliation, min, best, max, claims: [] });
const stance = (source: string, s: StanceOut['stance']): StanceOut => ({ source, via: null, stance: s, reportId: 'r1', quote: 'q', span: [0, 1] });
const attribution = (actor: string, status: Attribution['status'], stances: StanceOut[], belligerent?: 'known' | 'suspected'): Attribution =>
  ({ actor, status, stances, ...(belligerent ? { belligerent } : {}) });
const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1', date: { start: '2019-03-02', end: '2019-03-02' }, places: [{ id: 'ariha', name: 'Ariha', governorate: 'idlib' }],
  reportIds: ['r1'], tolls: [], attributions: [], disagreements: [], grade: 'fair', ...over,
});
const output = (incidents: Incident[]): Output => ({ schemaVersion: 1, rulesHash: 'h', reports: [{ id: 'r1', publishedAt: '2019-03-03', outlet: null, language: 'en' }], incidents, aggregates: [], warnings: [] });

describe('where and when, as UCDP codes them', () => {
  it.each([
    [['ariha'], 1, 'place', [35.8126, 36.6099]],
    [['ariha-east', 'idlib'], 2, 'container', [35.8126, 36.6099]],
    [['ariha-district', 'idlib'], 3, 'place', [35.81, 36.61]],
    [['no-coords'], 4, 'governorate', [35.8, 36.63]],
    [['idlib'], 4, 'governorate', [35.8, 36.63]],
    [['north'], 5, 'governorate', [35.8, 36.63]],
    [[], 6, null, [null, null]],
  ] as const)('places %j: where_prec %i from the %s', (ids, prec, of, [lat, lon]) => {
    const inc = incident({ places: ids.map((id) => ({ id, name: id, governorate: 'idlib' })) });
    expect(locate(GAZ)(inc)).toMatchObject({ wherePrec: prec, coordinatesOf: of, latitude: lat, longitude: lon });
  });

  it.each([
    [null, null], [['2019-03-02', '2019-03-02'], 1], [['2019-03-02', '2019-03-03'], 2], [['2019-03-01', '2019-03-06'], 2],
    [['2019-03-01', '2019-03-07'], 3], [['2019-03-01', '2019-03-31'], 4], [['2019-03-01', '2019-05-31'], 5],
  ] as const)('date %j: date_prec %s', (range, prec) => {
    expect(datePrec(incident({ date: range ? { start: range[0], end: range[1] } : null }))).toBe(prec);
  });
});

describe("the map's outline of Syria", () => {
  it('holds every place of the shipped gazetteer that has coordinates', async () => {
    const { parse } = await import('yaml');
    const { SYRIA_OUTLINE } = await import('../../src/render/geo.js');
    const O = SYRIA_OUTLINE;
    const inside = (x: number, y: number): boolean => {
      let c = false;
      for (let i = 0, j = O.length - 1; i < O.length; j = i++) {
        const [xi, yi] = O[i]!, [xj, yj] = O[j]!;
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
      }
      return c;
    };
    const places = (parse(readFileSync(join(ROOT, 'rules', 'gazetteer.yaml'), 'utf8')) as { places: Place[] }).places.filter((p) => p.lat !== undefined);
    expect(places.length).toBeGreaterThan(100);
    expect(places.filter((p) => !inside(p.lon!, p.lat!)).map((p) => p.id)).toEqual([]);
    expect(inside(36.3, 31.9)).toBe(false); // Amman
  });
});

describe('who did it, on each side', () => {
  it('lists each actor with its status and the sources for and against; "unattributed" reads "outlet unknown"', () => {
    const inc = incident({ attributions: [
      attribution('russia', 'contested', [stance('sohr', 'asserts'), stance('russia-mod', 'denies'), stance('unattributed', 'likely')]),
      attribution('coalition', 'unclear', [stance('sana', 'possible')]),
    ] });
    expect(sides(inc)).toEqual([
      { actor: 'russia', status: 'contested', for: ['sohr', 'outlet unknown'], against: ['russia-mod'], belligerent: 'suspected' },
      { actor: 'coalition', status: 'unclear', for: ['sana'], against: [], belligerent: 'suspected' },
    ]);
    expect(sourceLabel('unattributed')).toBe('outlet unknown');
  });

  it('known when asserted or acknowledged and uncontested, suspected when only hedged; the contract\'s belligerent wins', () => {
    const k = (a: Attribution) => sides(incident({ attributions: [a] }))[0]!.belligerent;
    expect(k(attribution('russia', 'uncontested', [stance('sohr', 'asserts')]))).toBe('known');
    expect(k(attribution('coalition', 'uncontested', [stance('coalition', 'acknowledges')]))).toBe('known');
    expect(k(attribution('russia', 'uncontested', [stance('sohr', 'likely')]))).toBe('suspected');
    expect(k(attribution('russia', 'uncontested', [stance('sohr', 'likely')], 'known'))).toBe('known');
  });
});

describe('UCDP and Airwars rows', () => {
  it('counts nested categories once: best is the "all" figure, else civilians plus combatants, never children on top', () => {
    const withAll = incident({ tolls: [toll('killed', 'all', 10, 12, 15), toll('killed', 'civilians', 8, 9, 9), toll('killed', 'children', 3, 3, 3)] });
    const without = incident({ tolls: [toll('killed', 'civilians', 8, 9, 9), toll('killed', 'children', 3, 3, 3), toll('killed', 'combatants', 2, 2, null, 'isis')] });
    const [a, b] = ucdpRows(output([withAll, without]), GAZ);
    expect([a!.low, a!.best, a!.high, a!.deaths_civilians, a!.deaths_unknown]).toEqual([10, 12, 15, 9, 3]);
    expect([b!.low, b!.best, b!.high, b!.deaths_civilians, b!.deaths_b, b!.side_b]).toEqual([10, 11, null, 9, 2, 'isis']);
  });

  it('airwars: civilians, children, women and men min/max, belligerent known or suspected', () => {
    const inc = incident({
      tolls: [toll('killed', 'civilians', 5, 6, 8), toll('killed', 'children', 2, 2, 2), toll('injured', 'civilians', 10, 10, null)],
      attributions: [attribution('russia', 'uncontested', [stance('sohr', 'asserts')])],
    });
    const [row] = airwarsRows(output([inc]), GAZ);
    expect(row).toMatchObject({
      civilians_killed_min: 5, civilians_killed_max: 8, children_killed_min: 2, children_killed_max: 2, women_killed_min: null,
      civilians_injured_min: 10, civilians_injured_max: null, belligerent: 'russia', belligerent_status: 'known', belligerent_contested: false,
      latitude: 35.8126, longitude: 36.6099, where_prec: 1,
    });
  });
});

// Debian's python3 (where .ci/run installs python3-pandas) first: a python3 earlier on PATH (pyenv) may lack it
const PYTHONS = ['/usr/bin/python3', 'python3'];
const tried = PYTHONS.map((py) => ({ py, r: spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' }) }));
const PYTHON = tried.find((t) => t.r.status === 0)?.py ?? null;
/** Skipped only outside CI (.ci/run installs pandas; there a missing one fails) */
const NO_PANDAS = PYTHON === null && process.env.CI !== 'true';
if (NO_PANDAS) console.warn(`pandas tests skipped: no python3 with pandas here (${tried.map((t) => `${t.py}: ${(t.r.stderr || String(t.r.error)).trim().split('\n').pop()}`).join('; ')}); .ci/run installs python3-pandas`);

const inputs = ['seeds', 'corpus-dev'].map((d) => join(ROOT, 'fixtures', d));
const render = async (format: string): Promise<string> => {
  const r = await runInProcess(['run', ...inputs, '--format', format, '--quiet']);
  expect(r.code).toBeLessThan(2);
  return r.stdout;
};

describe.skipIf(NO_PANDAS)('pandas reads the ucdp and airwars tables with the right types', () => {
  const check = (file: string, ints: string[], floats: string[], dates: string[], bools: string[], n: number): void => {
    const script = `
import json, sys
import pandas as pd
df = pd.read_csv(sys.argv[1], parse_dates=${JSON.stringify(dates)})
print(json.dumps({"rows": len(df), "columns": list(df.columns), "dtypes": {c: str(t) for c, t in df.dtypes.items()}}))`;
    const got = JSON.parse(execFileSync(PYTHON ?? 'python3', ['-c', script, file], { encoding: 'utf8' })) as { rows: number; columns: string[]; dtypes: Record<string, string> };
    expect(got.rows).toBe(n);
    for (const c of ints) expect(got.dtypes[c], c).toMatch(/^(int64|float64)$/);
    for (const c of floats) expect(got.dtypes[c], c).toBe('float64');
    for (const c of dates) expect(got.dtypes[c], c).toMatch(/^datetime64/);
    for (const c of bools) expect(got.dtypes[c], c).toBe('bool');
  };

  it('ucdp', async () => {
    const text = await render('ucdp');
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-pandas-'));
    writeFileSync(join(dir, 'ucdp.csv'), text);
    const rows = csvObjects(text);
    expect(Object.keys(rows[0]!)).toEqual([...UCDP_COLUMNS]);
    check(join(dir, 'ucdp.csv'), ['best', 'low', 'high', 'deaths_civilians', 'date_prec', 'where_prec', 'country_id', 'number_of_sources', 'event_clarity'],
      ['latitude', 'longitude'], ['date_start', 'date_end'], [], rows.length);
  });

  it('airwars', async () => {
    const text = await render('airwars');
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-pandas-'));
    writeFileSync(join(dir, 'airwars.csv'), text);
    const rows = csvObjects(text);
    expect(Object.keys(rows[0]!)).toEqual([...AIRWARS_COLUMNS]);
    check(join(dir, 'airwars.csv'), ['civilians_killed_min', 'civilians_killed_max', 'children_killed_min', 'women_killed_max', 'men_killed_min',
      'civilians_injured_min', 'source_count', 'where_prec'], ['latitude', 'longitude'], ['date_start', 'date_end'], ['belligerent_contested'], rows.length);
  });
});

describe('GeoJSON', () => {
  it('validates against the GeoJSON schema, one feature per incident, every point inside Syria', async () => {
    const text = await render('geojson');
    const json = JSON.parse(await render('json')) as Output;
    const geo = JSON.parse(text) as ReturnType<typeof geojsonOf>;
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('geojson-schema/FeatureCollection.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, geo);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(geo.features.map((f) => f.id)).toEqual(json.incidents.map((i) => i.id));
    const points = geo.features.flatMap((f) => (f.geometry ? [f.geometry.coordinates] : []));
    expect(points.length).toBeGreaterThan(json.incidents.length / 2);
    expect(points.filter(([lon, lat]) => !inSyriaBox(lon!, lat!))).toEqual([]);
    expect(geo.features.every((f) => [1, 2, 3, 4, 5, 6].includes(f.properties.where_prec))).toBe(true);
  });

  it('a feature the schema refuses is refused (the check can fail)', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('geojson-schema/FeatureCollection.json'), 'utf8')) as object;
    const bad = geojsonOf(output([incident()]), GAZ);
    expect(new Ajv({ strict: false }).validate(schema, { ...bad, features: [{ ...bad.features[0], geometry: { type: 'Point', coordinates: [36.6] } }] })).toBe(false);
  });
});
