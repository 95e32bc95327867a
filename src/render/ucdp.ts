/**
 * `--format ucdp`: one row per incident with UCDP GED's column names and meanings where they
 * apply (codebook of the Georeferenced Event Dataset): deaths as `best`, `low` and `high`
 * (killed, all victims: the stated "all" figure, else civilians plus combatants), split into
 * `deaths_a`, `deaths_b`, `deaths_civilians` and `deaths_unknown`; `side_a` the actor said to
 * have carried it out, `side_b` whom it struck; dates with `date_prec`, the best place with
 * `where_prec`, `adm_1`, `latitude`, `longitude` and `geom_wkt`. Not a UCDP dataset: no
 * conflict or dyad ids, and `type_of_violence` is left empty (the reports do not say it). Pure.
 */
import type { Incident, Output } from '../model/contract.js';
import { csvTable, type Cell } from './csv.js';
import { belligerents, incidentSources, sides, tollOf } from './facts.js';
import { datePrec, gazetteerOf, locate, type Gazetteer } from './geo.js';

export const UCDP_COLUMNS = [
  'id', 'year', 'type_of_violence', 'side_a', 'side_b', 'side_a_status',
  'source_article', 'source_office', 'source_date', 'number_of_sources',
  'where_coordinates', 'where_prec', 'adm_1', 'adm_2', 'latitude', 'longitude', 'geom_wkt', 'country', 'country_id',
  'date_start', 'date_end', 'date_prec', 'event_clarity',
  'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown', 'best', 'high', 'low',
  'injured_best', 'injured_low', 'injured_high', 'grade',
] as const;

type Row = Readonly<Record<(typeof UCDP_COLUMNS)[number], Cell>>;

/** UCDP's Gleditsch–Ward number for Syria. */
const SYRIA_ID = 652;

type Range = { low: number; best: number | null; high: number | null };

const add = (a: Range, b: Range): Range => ({
  low: a.low + b.low,
  best: a.best === null || b.best === null ? null : a.best + b.best,
  high: a.high === null || b.high === null ? null : a.high + b.high,
});

/** Everyone with an outcome: the "all" figure, else civilians plus every combatant figure (parts that nest are never added twice). */
const everyone = (inc: Incident, outcome: 'killed' | 'injured'): Range | null => {
  const all = tollOf(inc, outcome, 'all');
  if (all) return { low: all.min, best: all.best, high: all.max };
  const parts = [tollOf(inc, outcome, 'civilians'), ...inc.tolls.filter((t) => t.outcome === outcome && t.group === 'combatants')]
    .filter((t) => t !== null).map((t) => ({ low: t.min, best: t.best, high: t.max }));
  return parts.length ? parts.reduce(add) : null;
};

const ucdpRow = (output: Output, gaz: Gazetteer) => (inc: Incident): Row => {
  const where = locate(gaz)(inc);
  const ss = sides(inc);
  const attacker = belligerents(inc)[0] ?? null;
  const killed = everyone(inc, 'killed');
  const injured = everyone(inc, 'injured');
  const civilians = tollOf(inc, 'killed', 'civilians');
  const combatants = inc.tolls.filter((t) => t.outcome === 'killed' && t.group === 'combatants');
  const ofSideA = combatants.filter((t) => attacker !== null && t.affiliation === attacker.actor);
  const ofSideB = combatants.filter((t) => !ofSideA.includes(t));
  const sum = (ts: readonly { best: number | null }[]): number | null => (ts.length ? ts.reduce((n, t) => n + (t.best ?? 0), 0) : null);
  const a = sum(ofSideA), b = sum(ofSideB), c = civilians?.best ?? null;
  const known = (a ?? 0) + (b ?? 0) + (c ?? 0);
  const reports = output.reports.filter((r) => inc.reportIds.includes(r.id));
  const sideB = [...new Set(ofSideB.map((t) => t.affiliation ?? 'combatants'))];
  return {
    id: inc.id,
    year: inc.date ? Number(inc.date.start.slice(0, 4)) : null,
    type_of_violence: null,
    side_a: attacker?.actor ?? null,
    side_b: sideB.length ? sideB.join('; ') : civilians ? 'Civilians' : null,
    side_a_status: attacker ? (ss.find((s) => s.actor === attacker.actor)?.status ?? null) : null,
    source_article: inc.reportIds.join('; '),
    source_office: [...new Set(reports.map((r) => r.outlet ?? 'outlet unknown'))].join('; '),
    source_date: [...new Set(reports.flatMap((r) => (r.publishedAt ? [r.publishedAt] : [])))].sort().join('; ') || null,
    number_of_sources: incidentSources(inc).length,
    where_coordinates: where.place?.name ?? null,
    where_prec: where.wherePrec,
    adm_1: where.place?.governorate ?? null,
    adm_2: where.place ? (gaz.get(where.place.id)?.district ?? null) : null,
    latitude: where.latitude,
    longitude: where.longitude,
    geom_wkt: where.latitude === null || where.longitude === null ? null : `POINT (${where.longitude} ${where.latitude})`,
    country: 'Syria',
    country_id: SYRIA_ID,
    date_start: inc.date?.start ?? null,
    date_end: inc.date?.end ?? null,
    date_prec: datePrec(inc),
    // UCDP: 1 when the event is clear (who, where, when, how many), 2 when it is not
    event_clarity: inc.grade === 'confirmed' || inc.grade === 'fair' ? 1 : 2,
    deaths_a: a,
    deaths_b: b,
    deaths_civilians: c,
    deaths_unknown: killed?.best === null || killed === null ? null : Math.max(0, killed.best - known),
    best: killed?.best ?? null,
    high: killed?.high ?? null,
    low: killed?.low ?? null,
    injured_best: injured?.best ?? null,
    injured_low: injured?.low ?? null,
    injured_high: injured?.high ?? null,
    grade: inc.grade ?? null,
  };
};

export const ucdpRows = (output: Output, gaz: Gazetteer = gazetteerOf()): Row[] => output.incidents.map(ucdpRow(output, gaz));

export const renderUcdp = (output: Output, gaz: Gazetteer = gazetteerOf()): string => csvTable(UCDP_COLUMNS, ucdpRows(output, gaz));
