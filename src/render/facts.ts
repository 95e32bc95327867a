/**
 * What analysts' tables say about an incident, read from the reconciled output: who is said to
 * have carried it out (each actor, its status, the sources on each side, Airwars' known or
 * suspected), the figures of one victim category, and source ids as people read them
 * ("unattributed" is a report whose outlet is unknown). Shared by the CSV, UCDP, Airwars and
 * GeoJSON renderers. Pure.
 */
import type { Attribution, Group, Incident, Outcome, StanceKind, Toll } from '../model/contract.js';

/** The source id of a claim whose report names no outlet and no speaker, as people should read it. */
export const OUTLET_UNKNOWN = 'outlet unknown';

/** A source id for a table or a page: the id, except `unattributed`, which says what it means. */
export const sourceLabel = (id: string): string => (id === 'unattributed' ? OUTLET_UNKNOWN : id);

const FOR: ReadonlySet<StanceKind> = new Set(['asserts', 'likely', 'possible', 'acknowledges']);

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

export type Side = {
  readonly actor: string;
  readonly status: Attribution['status'];
  /** sources that say the actor did it (asserting, hedging or acknowledging) */
  readonly for: readonly string[];
  /** sources that deny it */
  readonly against: readonly string[];
  /** Airwars' "known" or "suspected": the contract's `belligerent` when given, else from the stances */
  readonly belligerent: 'known' | 'suspected' | null;
};

/**
 * Known when a source asserts it or the actor acknowledges it and nobody denies it; suspected
 * when sources only hedge, or when it is contested; null when nobody says the actor did it.
 */
const belligerentOf = (a: Attribution): Side['belligerent'] => {
  if (a.belligerent) return a.belligerent;
  const kinds = new Set(a.stances.map((s) => s.stance));
  if (![...kinds].some((k) => FOR.has(k))) return null;
  return a.status === 'uncontested' && (kinds.has('asserts') || kinds.has('acknowledges')) ? 'known' : 'suspected';
};

/** Every attributed actor, the one with most sources saying it did it first. */
export const sides = (inc: Incident): Side[] => inc.attributions.map((a): Side => ({
  actor: a.actor,
  status: a.status,
  for: unique(a.stances.filter((s) => FOR.has(s.stance)).map((s) => sourceLabel(s.source))),
  against: unique(a.stances.filter((s) => s.stance === 'denies').map((s) => sourceLabel(s.source))),
  belligerent: belligerentOf(a),
})).sort((x, y) => y.for.length - x.for.length || x.against.length - y.against.length || (x.actor < y.actor ? -1 : x.actor > y.actor ? 1 : 0));

/** "coalition contested (for: sohr, sana; against: coalition)" for each actor, `; `-separated. */
export const describeSides = (ss: readonly Side[]): string => ss.map((s) => {
  const parts = [s.for.length ? `for: ${s.for.join(', ')}` : '', s.against.length ? `against: ${s.against.join(', ')}` : ''].filter(Boolean);
  return `${s.actor} ${s.status}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}).join('; ');

/** The actors someone says did it (the belligerents, Airwars' sense), best supported first. */
export const belligerents = (inc: Incident): Side[] => sides(inc).filter((s) => s.for.length > 0);

/** The toll of one category, no affiliation (null: no source gives it). */
export const tollOf = (inc: Incident, outcome: Outcome, group: Group): Toll | null =>
  inc.tolls.find((t) => t.outcome === outcome && t.group === group && t.affiliation === null) ?? null;

/** The sources of an incident's figures and stances, as people read them. */
export const incidentSources = (inc: Incident): string[] => unique([
  ...inc.tolls.flatMap((t) => t.claims.map((c) => sourceLabel(c.source))),
  ...inc.attributions.flatMap((a) => a.stances.map((s) => sourceLabel(s.source))),
]);
