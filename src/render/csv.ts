/**
 * The reconciled output as CSV (RFC 4180: CRLF rows, quoted when needed, quotes doubled) for
 * R or pandas: one row per incident × victim category with low, best, high, the sources, and
 * date and place columns (with the best place's coordinates and UCDP's precision codes), and
 * who is said to have carried it out. An incident without figures gets one row with empty
 * categories. The victim group's column is `victim_group` (`group` is an SQL keyword).
 */
import type { Incident, Output, Toll } from '../model/contract.js';
import { cleanText } from './bidi.js';
import { describeSides, sides, sourceLabel } from './facts.js';
import { datePrec, gazetteerOf, locate, type Gazetteer } from './geo.js';

export const CSV_COLUMNS = [
  'incident_id', 'date_start', 'date_end', 'date_prec', 'places', 'place_ids', 'governorates',
  'latitude', 'longitude', 'where_prec', 'grade',
  'outcome', 'victim_group', 'affiliation', 'low', 'best', 'high', 'high_unbounded', 'best_policy',
  'derived', 'derived_from', 'disputed', 'sources', 'claims',
  'side_a', 'side_a_status', 'side_a_sources_for', 'side_a_sources_against', 'attributions',
  'report_ids', 'decided_by',
] as const;

export type Cell = string | number | boolean | null;
type Row = Readonly<Record<(typeof CSV_COLUMNS)[number], Cell>>;

/** Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as digits, booleans TRUE/FALSE (both R and pandas read them), null empty;
 *  text cleaned of control and bidi characters and quoted when it holds , " or a line break. */
export const csvField = (value: Cell): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const clean = cleanText(value);
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
const joined = (xs: readonly string[]): string => xs.join('; ');

const isDisputed = (inc: Incident, t: Toll): boolean =>
  inc.disagreements.some((d) => d.kind === 'toll' && d.outcome === t.outcome && d.group === t.group && (d.affiliation ?? null) === t.affiliation);

/** "sohr via reuters: 28 at-least (seed-001)"; a vague figure reads "vague". */
const describeClaims = (t: Toll): string => joined(t.claims.map((c) => {
  const figure = c.value === null ? 'vague' : c.qualifier === 'exact' ? String(c.value) : `${c.value} ${c.qualifier}`;
  return `${sourceLabel(c.source)}${c.via ? ` via ${c.via}` : ''}: ${figure}${c.mayRise ? ' may-rise' : ''} (${c.reportId})${c.decidedBy?.length ? ` [decided: ${c.decidedBy.join(', ')}]` : ''}`;
}));

const incidentCells = (gaz: Gazetteer, inc: Incident) => {
  const where = locate(gaz)(inc);
  const ss = sides(inc);
  const a = ss[0];
  return {
    incident_id: inc.id,
    date_start: inc.date?.start ?? null,
    date_end: inc.date?.end ?? null,
    date_prec: datePrec(inc),
    places: joined(inc.places.map((p) => p.name)),
    place_ids: joined(inc.places.map((p) => p.id)),
    governorates: joined(unique(inc.places.flatMap((p) => (p.governorate ? [p.governorate] : [])))),
    latitude: where.latitude, longitude: where.longitude, where_prec: where.wherePrec,
    grade: inc.grade ?? null,
    side_a: a?.actor ?? null, side_a_status: a?.status ?? null,
    side_a_sources_for: a ? joined(a.for) : null, side_a_sources_against: a ? joined(a.against) : null,
    attributions: ss.length ? describeSides(ss) : null,
    report_ids: joined(inc.reportIds),
  };
};

/** The analysts' decisions that changed this row's figures or the incident's grade, `; `-separated (empty: none). */
const decidedBy = (inc: Incident, t: Toll | null): string | null => {
  const ids = unique([...(t?.decidedBy ?? []), ...(inc.gradeDecidedBy ?? [])]);
  return ids.length ? joined(ids) : null;
};

const tollRow = (gaz: Gazetteer, inc: Incident) => (t: Toll): Row => ({
  ...incidentCells(gaz, inc),
  outcome: t.outcome, victim_group: t.group, affiliation: t.affiliation,
  low: t.min, best: t.best, high: t.max, high_unbounded: t.max === null,
  best_policy: t.bestPolicy ?? null,
  derived: t.derived ?? false, derived_from: t.derivedFrom ?? null,
  disputed: isDisputed(inc, t),
  sources: joined(unique(t.claims.map((c) => sourceLabel(c.source)))),
  claims: describeClaims(t),
  decided_by: decidedBy(inc, t),
});

const bareRow = (gaz: Gazetteer, inc: Incident): Row => ({
  ...incidentCells(gaz, inc),
  outcome: null, victim_group: null, affiliation: null, low: null, best: null, high: null, high_unbounded: null,
  best_policy: null, derived: null, derived_from: null, disputed: null, sources: null, claims: null,
  decided_by: decidedBy(inc, null),
});

export const csvRows = (output: Output, gaz: Gazetteer = gazetteerOf()): Row[] =>
  output.incidents.flatMap((inc) => (inc.tolls.length ? inc.tolls.map(tollRow(gaz, inc)) : [bareRow(gaz, inc)]));

/** A table as CSV: a header row, then one row per record, CRLF line ends. */
export const csvTable = <C extends string>(columns: readonly C[], rows: readonly Readonly<Record<C, Cell>>[]): string =>
  [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].map((line) => `${line}\r\n`).join('');

/** `gaz`: the gazetteer the coordinates come from (without it they are empty). */
export const renderCsv = (output: Output, gaz: Gazetteer = gazetteerOf()): string => csvTable(CSV_COLUMNS, csvRows(output, gaz));
