/**
 * The reconciled output as CSV (RFC 4180: CRLF rows, quoted when needed, quotes doubled) for
 * R or pandas: one row per incident × victim category with low, best, high, the sources, and
 * date and place columns. An incident without figures gets one row with empty categories.
 */
import type { Incident, Output, Toll } from '../model/contract.js';
import { cleanText } from './bidi.js';

export const CSV_COLUMNS = [
  'incident_id', 'date_start', 'date_end', 'places', 'place_ids', 'governorates', 'grade',
  'outcome', 'group', 'affiliation', 'low', 'best', 'high', 'high_unbounded', 'best_policy',
  'derived', 'derived_from', 'disputed', 'sources', 'claims', 'report_ids', 'decided_by',
] as const;

type Cell = string | number | boolean | null;
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
  return `${c.source}${c.via ? ` via ${c.via}` : ''}: ${figure}${c.mayRise ? ' may-rise' : ''} (${c.reportId})${c.decidedBy?.length ? ` [decided: ${c.decidedBy.join(', ')}]` : ''}`;
}));

const incidentCells = (inc: Incident) => ({
  incident_id: inc.id,
  date_start: inc.date?.start ?? null,
  date_end: inc.date?.end ?? null,
  places: joined(inc.places.map((p) => p.name)),
  place_ids: joined(inc.places.map((p) => p.id)),
  governorates: joined(unique(inc.places.flatMap((p) => (p.governorate ? [p.governorate] : [])))),
  grade: inc.grade ?? null,
  report_ids: joined(inc.reportIds),
});

/** The analysts' decisions that changed this row's figures or the incident's grade, `; `-separated (empty: none). */
const decidedBy = (inc: Incident, t: Toll | null): string | null => {
  const ids = unique([...(t?.decidedBy ?? []), ...(inc.gradeDecidedBy ?? [])]);
  return ids.length ? joined(ids) : null;
};

const tollRow = (inc: Incident) => (t: Toll): Row => ({
  ...incidentCells(inc),
  outcome: t.outcome, group: t.group, affiliation: t.affiliation,
  low: t.min, best: t.best, high: t.max, high_unbounded: t.max === null,
  best_policy: t.bestPolicy ?? null,
  derived: t.derived ?? false, derived_from: t.derivedFrom ?? null,
  disputed: isDisputed(inc, t),
  sources: joined(unique(t.claims.map((c) => c.source))),
  claims: describeClaims(t),
  decided_by: decidedBy(inc, t),
});

const bareRow = (inc: Incident): Row => ({
  ...incidentCells(inc),
  outcome: null, group: null, affiliation: null, low: null, best: null, high: null, high_unbounded: null,
  best_policy: null, derived: null, derived_from: null, disputed: null, sources: null, claims: null,
  decided_by: decidedBy(inc, null),
});

export const csvRows = (output: Output): Row[] =>
  output.incidents.flatMap((inc) => (inc.tolls.length ? inc.tolls.map(tollRow(inc)) : [bareRow(inc)]));

export const renderCsv = (output: Output): string =>
  [CSV_COLUMNS.join(','), ...csvRows(output).map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))]
    .map((line) => `${line}\r\n`).join('');
