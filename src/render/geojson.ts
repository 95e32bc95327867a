/**
 * `--format geojson`: a GeoJSON FeatureCollection (RFC 7946) with one Feature per incident: a
 * Point at the best place's coordinates from the gazetteer (longitude, latitude; null geometry
 * when the incident has no place that can be located), with the place's precision (UCDP's
 * `where_prec`, and where the coordinates come from), the dates, the killed and injured
 * figures, the belligerent and the grade as properties. Text is JSON-escaped. Pure.
 */
import type { Incident, Output } from '../model/contract.js';
import { belligerents, incidentSources, tollOf } from './facts.js';
import { datePrec, gazetteerOf, locate, type Gazetteer } from './geo.js';

const figures = (inc: Incident, outcome: 'killed' | 'injured', group: 'all' | 'civilians') => {
  const t = tollOf(inc, outcome, group);
  return t ? { min: t.min, best: t.best, max: t.max } : null;
};

export const geojsonFeature = (gaz: Gazetteer) => (inc: Incident) => {
  const where = locate(gaz)(inc);
  const said = belligerents(inc);
  return {
    type: 'Feature' as const,
    id: inc.id,
    geometry: where.latitude === null || where.longitude === null ? null
      : { type: 'Point' as const, coordinates: [where.longitude, where.latitude] },
    properties: {
      incident_id: inc.id,
      date_start: inc.date?.start ?? null,
      date_end: inc.date?.end ?? null,
      date_prec: datePrec(inc),
      place: where.place?.name ?? null,
      place_id: where.place?.id ?? null,
      governorate: where.place?.governorate ?? null,
      places: inc.places.map((p) => p.name),
      where_prec: where.wherePrec,
      coordinates_of: where.coordinatesOf,
      killed: figures(inc, 'killed', 'all'),
      civilians_killed: figures(inc, 'killed', 'civilians'),
      injured: figures(inc, 'injured', 'all'),
      civilians_injured: figures(inc, 'injured', 'civilians'),
      belligerent: said.length ? said.map((s) => s.actor).join('; ') : null,
      belligerent_status: said.length === 1 ? said[0]!.belligerent : said.length ? 'suspected' : null,
      grade: inc.grade ?? null,
      sources: incidentSources(inc),
      report_ids: inc.reportIds,
    },
  };
};

export const geojsonOf = (output: Output, gaz: Gazetteer = gazetteerOf()) => ({
  type: 'FeatureCollection' as const,
  features: output.incidents.map(geojsonFeature(gaz)),
});

export const renderGeojson = (output: Output, gaz: Gazetteer = gazetteerOf()): string => `${JSON.stringify(geojsonOf(output, gaz), null, 1)}\n`;
