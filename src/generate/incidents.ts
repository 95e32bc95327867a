/**
 * The generator's ground truth: incidents spread over governorates and years, each with
 * a place, day, doer, target and true tolls, plus decoys built against an incident (the
 * same village in another year, the same day in another village of the governorate).
 */
import type { Rng } from './prng.js';
import type { PlaceWord, Vocabulary } from './vocabulary.js';

export type IncidentKind = 'incident' | 'same-village-other-year' | 'same-day-other-village';

export type TrueIncident = {
  readonly id: string;
  readonly kind: IncidentKind;
  /** the incident a decoy was built against */
  readonly decoyOf: string | null;
  /** day number (days since 1970-01-01) */
  readonly day: number;
  readonly place: PlaceWord;
  readonly actor: string;
  readonly target: string | null;
  readonly civiliansKilled: number;
  readonly childrenKilled: number | null;
  readonly injured: number | null;
};

/** Where the doers of air strikes mostly struck: the coalition in the east, Russia and the government in the west. */
const EAST = new Set(['raqqa', 'deir-ez-zor', 'hasakah']);
const actorWeights = (governorate: string): readonly (readonly [string, number])[] =>
  EAST.has(governorate)
    ? [['coalition', 6], ['russia', 2], ['syrian-government', 1], ['turkey', 1]]
    : [['russia', 9], ['syrian-government', 8], ['turkey', 2], ['coalition', 1]];

/** Days a place stays taken: two incidents at one place within this many days would be one event. */
const PLACE_GAP_DAYS = 6;

/** Which (place, day) slots are taken, so two true incidents never share a place within a few days. */
export type Occupancy = {
  readonly free: (placeId: string, day: number) => boolean;
  readonly take: (placeId: string, day: number) => void;
};

export const makeOccupancy = (): Occupancy => {
  const taken = new Set<string>();
  return {
    free: (placeId, day) => {
      for (let d = day - PLACE_GAP_DAYS; d <= day + PLACE_GAP_DAYS; d++) if (taken.has(`${placeId}|${d}`)) return false;
      return true;
    },
    take: (placeId, day) => { taken.add(`${placeId}|${day}`); },
  };
};

const tolls = (rng: Rng) => {
  const civiliansKilled = Math.min(90, 3 + Math.floor(-Math.log(1 - rng.float()) * 9));
  const children = rng.chance(0.35) ? Math.floor(civiliansKilled * (0.15 + 0.4 * rng.float())) : 0;
  return {
    civiliansKilled,
    childrenKilled: children >= 3 ? children : null,
    injured: rng.chance(0.5) ? Math.max(3, Math.round(civiliansKilled * (0.5 + 1.5 * rng.float()))) : null,
  };
};

const pickFreePlace = (rng: Rng, candidates: readonly PlaceWord[], day: number, occupancy: Occupancy): PlaceWord | null => {
  for (let tries = 0; tries < 12; tries++) {
    const p = rng.pick(candidates);
    if (occupancy.free(p.id, day)) return p;
  }
  return null;
};

/** A true incident on a random free (place, day) in [firstDay, lastDay], or null when none was found. */
export const sampleIncident = (v: Vocabulary, rng: Rng, id: string, firstDay: number, lastDay: number, occupancy: Occupancy): TrueIncident | null => {
  const day = rng.int(firstDay, lastDay);
  const place = pickFreePlace(rng, v.places, day, occupancy);
  if (!place) return null;
  occupancy.take(place.id, day);
  return {
    id, kind: 'incident', decoyOf: null, day, place,
    actor: rng.weighted(actorWeights(place.governorate)),
    target: rng.chance(0.6) ? rng.pick(v.targets) : null,
    ...tolls(rng),
  };
};

/** The same village struck again one to three years later (or earlier), with similar tolls. */
export const sameVillageOtherYear = (rng: Rng, id: string, of: TrueIncident, firstDay: number, lastDay: number, occupancy: Occupancy): TrueIncident | null => {
  const shift = rng.pick([-3, -2, -1, 1, 2, 3]) * 365 + rng.int(-10, 10);
  const day = of.day + shift;
  if (day < firstDay || day > lastDay || !occupancy.free(of.place.id, day)) return null;
  occupancy.take(of.place.id, day);
  return { ...of, id, kind: 'same-village-other-year', decoyOf: of.id, day, civiliansKilled: of.civiliansKilled + rng.int(-1, 1) };
};

/**
 * Another village of the same governorate struck the same day: different tolls (outside
 * any tolerance) and a different target, as reports of two events would give.
 */
export const sameDayOtherVillage = (v: Vocabulary, rng: Rng, id: string, of: TrueIncident, occupancy: Occupancy): TrueIncident | null => {
  // Another district where there is one: the same district the same day is too close to tell apart.
  const sameGov = (v.placesByGovernorate.get(of.place.governorate) ?? []).filter((p) => p.id !== of.place.id);
  const otherDistrict = sameGov.filter((p) => p.district !== of.place.district);
  const others = otherDistrict.length ? otherDistrict : sameGov;
  if (!others.length) return null;
  const place = pickFreePlace(rng, others, of.day, occupancy);
  if (!place) return null;
  occupancy.take(place.id, of.day);
  const civiliansKilled = of.civiliansKilled >= 12 ? rng.int(3, Math.floor(of.civiliansKilled / 2)) : of.civiliansKilled * 2 + rng.int(3, 12);
  const target = rng.pick(v.targets.filter((t) => t !== of.target));
  return { ...of, id, kind: 'same-day-other-village', decoyOf: of.id, place, target, civiliansKilled, childrenKilled: null, injured: null };
};
