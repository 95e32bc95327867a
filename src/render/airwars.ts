/**
 * `--format airwars`: one row per incident as Airwars publishes its civilian harm assessments:
 * civilians killed min/max; children, women and men killed min/max (parts of the civilians);
 * civilians injured min/max; the belligerent and whether it is known or suspected (the
 * contract's `belligerent`, else from the stances: known when a source asserts it, or the
 * actor acknowledges it, and nobody denies it); whether the attribution is contested; the
 * grade; the sources. An open range leaves its max empty. Pure.
 */
import type { Group, Incident, Outcome } from '../model/contract.js';
import type { Output } from '../model/contract.js';
import { csvTable, type Cell } from './csv.js';
import { belligerents, incidentSources, sides, tollOf } from './facts.js';
import { datePrec, gazetteerOf, locate, type Gazetteer } from './geo.js';

export const AIRWARS_COLUMNS = [
  'incident_id', 'date_start', 'date_end', 'date_prec', 'location', 'governorate', 'latitude', 'longitude', 'where_prec',
  'civilians_killed_min', 'civilians_killed_max', 'children_killed_min', 'children_killed_max',
  'women_killed_min', 'women_killed_max', 'men_killed_min', 'men_killed_max',
  'civilians_injured_min', 'civilians_injured_max',
  'belligerent', 'belligerent_status', 'belligerent_contested', 'belligerents_denying',
  'grade', 'sources', 'source_count', 'report_ids',
] as const;

type Row = Readonly<Record<(typeof AIRWARS_COLUMNS)[number], Cell>>;

const range = (inc: Incident, outcome: Outcome, group: Group): { min: number | null; max: number | null } => {
  const t = tollOf(inc, outcome, group);
  return { min: t?.min ?? null, max: t?.max ?? null };
};

const airwarsRow = (gaz: Gazetteer) => (inc: Incident): Row => {
  const where = locate(gaz)(inc);
  const said = belligerents(inc);
  const top = said[0] ?? null;
  const ck = range(inc, 'killed', 'civilians'), ch = range(inc, 'killed', 'children'), wo = range(inc, 'killed', 'women');
  const me = range(inc, 'killed', 'men'), ci = range(inc, 'injured', 'civilians');
  const denying = [...new Set(sides(inc).flatMap((s) => s.against))];
  const sources = incidentSources(inc);
  return {
    incident_id: inc.id,
    date_start: inc.date?.start ?? null,
    date_end: inc.date?.end ?? null,
    date_prec: datePrec(inc),
    location: where.place?.name ?? null,
    governorate: where.place?.governorate ?? null,
    latitude: where.latitude,
    longitude: where.longitude,
    where_prec: where.wherePrec,
    civilians_killed_min: ck.min, civilians_killed_max: ck.max,
    children_killed_min: ch.min, children_killed_max: ch.max,
    women_killed_min: wo.min, women_killed_max: wo.max,
    men_killed_min: me.min, men_killed_max: me.max,
    civilians_injured_min: ci.min, civilians_injured_max: ci.max,
    // several actors said to have struck: all of them, and only suspected (Airwars names both when sources differ)
    belligerent: said.length ? said.map((s) => s.actor).join('; ') : null,
    belligerent_status: top === null ? null : said.length > 1 ? 'suspected' : top.belligerent ?? 'suspected',
    belligerent_contested: top !== null && (said.length > 1 || top.status === 'contested'),
    belligerents_denying: denying.length ? denying.join('; ') : null,
    grade: inc.grade ?? null,
    sources: sources.join('; '),
    source_count: sources.length,
    report_ids: inc.reportIds.join('; '),
  };
};

export const airwarsRows = (output: Output, gaz: Gazetteer = gazetteerOf()): Row[] => output.incidents.map(airwarsRow(gaz));

export const renderAirwars = (output: Output, gaz: Gazetteer = gazetteerOf()): string => csvTable(AIRWARS_COLUMNS, airwarsRows(output, gaz));
