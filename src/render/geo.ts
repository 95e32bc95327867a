/**
 * Where and when an incident is, as analysts' tables code it: the best place of an incident
 * with coordinates from the gazetteer (its own, else those of the place that contains it, else
 * its governorate's centre), UCDP GED's precision codes for the place (`where_prec`) and the
 * date (`date_prec`), and Syria's outline and governorate centres for the report's map. Pure.
 */
import type { Incident, PlaceOut } from '../model/contract.js';
import type { Place } from '../rules/schema.js';

/** The gazetteer by id, for looking places up. */
export type Gazetteer = ReadonlyMap<string, Place>;

export const gazetteerOf = (places: readonly Place[] = []): Gazetteer => new Map(places.map((p) => [p.id, p]));

/**
 * Approximate centres of Syria's governorates (longitude, latitude), by gazetteer id: where a
 * place known only by its governorate is drawn, and where the governorate's label sits.
 */
export const GOVERNORATE_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  damascus: [36.29, 33.51], 'rif-dimashq': [36.95, 33.55], aleppo: [37.55, 36.2], idlib: [36.63, 35.8], hama: [37.0, 35.2],
  homs: [38.3, 34.6], latakia: [35.95, 35.6], tartus: [36.05, 34.95], raqqa: [38.9, 35.85], 'deir-ez-zor': [40.3, 35.1],
  hasakah: [40.9, 36.6], daraa: [36.2, 32.8], 'as-suwayda': [36.75, 32.7], quneitra: [35.85, 33.1],
};

/** Syria's border, simplified (longitude, latitude), clockwise from the coast at the Turkish border. */
export const SYRIA_OUTLINE: readonly (readonly [number, number])[] = [
  [35.92, 35.97], [36.05, 35.98], [36.17, 35.82], [36.37, 36.2], [36.65, 36.23], [36.55, 36.5], [36.67, 36.83], [37.2, 36.66],
  [38.0, 36.85], [38.35, 36.93], [39.0, 36.72], [40.0, 36.97], [40.6, 37.1], [40.93, 37.13], [41.3, 37.08], [42.1, 37.22],
  [42.36, 37.11], [42.1, 36.82], [41.8, 36.6], [41.4, 36.5], [41.25, 36.1], [41.3, 35.6], [41.05, 34.42], [40.95, 34.36],
  [38.79, 33.37], [36.85, 32.31], [35.65, 32.69], [35.8, 33.3], [35.95, 33.6], [36.2, 33.85], [36.6, 34.2], [36.4, 34.6],
  [35.97, 34.63], [35.84, 34.85], [35.87, 35.2], [35.72, 35.5], [35.92, 35.97],
];

/** Syria's bounding box: every point written lies inside it. */
export const SYRIA_BOX = { west: 35.5, south: 32.3, east: 42.4, north: 37.4 } as const;

/** UCDP GED `where_prec`: 1 the exact place, 2 within about 25 km of it, 3 its district, 4 its governorate, 5 a larger region, 6 the country. */
export type WherePrec = 1 | 2 | 3 | 4 | 5 | 6;
/** UCDP GED `date_prec`: 1 the day, 2 within 2–6 days, 3 the week, 4 within a month, 5 more than a month. */
export type DatePrec = 1 | 2 | 3 | 4 | 5;

/** How finely each kind of place locates an event, finest first. */
const FINENESS: Readonly<Record<Place['kind'], number>> = {
  neighbourhood: 0, site: 1, camp: 2, village: 3, town: 4, city: 5, subdistrict: 6, district: 7, region: 8, governorate: 9,
};
const POINT_KINDS = new Set<Place['kind']>(['neighbourhood', 'site', 'camp', 'village', 'town', 'city']);

export type Location = {
  /** the most precise gazetteer place of the incident (null: none) */
  readonly place: PlaceOut | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly wherePrec: WherePrec;
  /** where the coordinates come from: the place itself, a place containing it, or its governorate's centre */
  readonly coordinatesOf: 'place' | 'container' | 'governorate' | null;
};

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The incident's best place and its coordinates, with UCDP's precision code. */
export const locate = (gaz: Gazetteer) => (inc: Incident): Location => {
  const known = inc.places.map((p) => ({ out: p, place: gaz.get(p.id) })).filter((x): x is { out: PlaceOut; place: Place } => x.place !== undefined);
  if (!known.length) {
    const gov = inc.places.find((p) => p.governorate && GOVERNORATE_CENTRES[p.governorate]);
    if (gov?.governorate) {
      const [lon, lat] = GOVERNORATE_CENTRES[gov.governorate]!;
      return { place: gov, latitude: lat, longitude: lon, wherePrec: 4, coordinatesOf: 'governorate' };
    }
    return { place: null, latitude: null, longitude: null, wherePrec: 6, coordinatesOf: null };
  }
  const best = [...known].sort((a, b) => FINENESS[a.place.kind] - FINENESS[b.place.kind] || (a.out.id < b.out.id ? -1 : 1))[0]!;
  const kindPrec: WherePrec = POINT_KINDS.has(best.place.kind) ? 1 : best.place.kind === 'region' ? 5
    : best.place.kind === 'governorate' ? 4 : 3;
  if (best.place.lat !== undefined && best.place.lon !== undefined) {
    return { place: best.out, latitude: round(best.place.lat), longitude: round(best.place.lon), wherePrec: kindPrec, coordinatesOf: 'place' };
  }
  // a place without coordinates: those of what contains it (a city, then its district), else its governorate's centre
  for (const up of [best.place.within, best.place.district]) {
    const c = up === undefined ? undefined : gaz.get(up);
    if (c?.lat !== undefined && c.lon !== undefined) {
      const prec: WherePrec = kindPrec === 1 && POINT_KINDS.has(c.kind) ? 2 : Math.max(kindPrec, 3) as WherePrec;
      return { place: best.out, latitude: round(c.lat), longitude: round(c.lon), wherePrec: prec, coordinatesOf: 'container' };
    }
  }
  const centre = GOVERNORATE_CENTRES[best.place.governorate];
  if (!centre) return { place: best.out, latitude: null, longitude: null, wherePrec: kindPrec, coordinatesOf: null };
  return { place: best.out, latitude: centre[1], longitude: centre[0], wherePrec: Math.max(kindPrec, 4) as WherePrec, coordinatesOf: 'governorate' };
};

const DAY = 86_400_000;

/** UCDP's `date_prec` of an incident's date range; null when undated. */
export const datePrec = (inc: Incident): DatePrec | null => {
  if (!inc.date) return null;
  const days = Math.round((Date.parse(inc.date.end) - Date.parse(inc.date.start)) / DAY) + 1;
  return days <= 1 ? 1 : days <= 6 ? 2 : days === 7 ? 3 : days <= 31 ? 4 : 5;
};

/** A point in the box. */
export const inSyriaBox = (lon: number, lat: number): boolean =>
  lon >= SYRIA_BOX.west && lon <= SYRIA_BOX.east && lat >= SYRIA_BOX.south && lat <= SYRIA_BOX.north;
