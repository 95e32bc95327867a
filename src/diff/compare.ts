/**
 * What changed in one incident between two rule sets: its id, date, places, reports,
 * each victim category's range, best estimate, claims and their sources, the grade, each
 * actor's attribution status, and the disagreements. A best-estimate policy's name is
 * shown beside a changed best, never as a change on its own. Pure.
 */
import type { Attribution, DateRange, Incident, Toll } from '../model/contract.js';

export type TollState = {
  readonly min: number;
  readonly max: number | null;
  readonly best: number | null;
  readonly bestPolicy: string | null;
  readonly claims: number;
  /** who states the figures (source ids, sorted) */
  readonly sources: readonly string[];
  readonly derived: boolean;
};

export type AttributionState = { readonly status: Attribution['status']; readonly stances: number };

export type Change =
  | { readonly field: 'id'; readonly before: string; readonly after: string }
  | { readonly field: 'date'; readonly before: DateRange | null; readonly after: DateRange | null }
  | { readonly field: 'places'; readonly before: readonly string[]; readonly after: readonly string[] }
  | { readonly field: 'reports'; readonly before: readonly string[]; readonly after: readonly string[] }
  | { readonly field: 'toll'; readonly category: string; readonly before: TollState | null; readonly after: TollState | null }
  | { readonly field: 'grade'; readonly before: string | null; readonly after: string | null }
  | { readonly field: 'attribution'; readonly actor: string; readonly before: AttributionState | null; readonly after: AttributionState | null }
  | { readonly field: 'disagreements'; readonly added: readonly string[]; readonly removed: readonly string[] };

export const categoryOf = (t: { readonly outcome: string; readonly group: string; readonly affiliation: string | null }): string =>
  `${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`;

export const tollState = (t: Toll): TollState => ({
  min: t.min, max: t.max, best: t.best, bestPolicy: t.bestPolicy ?? null, claims: t.claims.length,
  sources: [...new Set(t.claims.map((c) => c.source))].sort(), derived: t.derived === true,
});

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Keyed states of both sides, union of keys in first-seen order: [key, before, after] where `differ` says so. */
const keyedChanges = <T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>,
  differ: (b: T | null, a: T | null) => boolean = (b, a) => !same(b, a)): [string, T | null, T | null][] =>
  [...new Set([...before.keys(), ...after.keys()])].flatMap((k) => {
    const b = before.get(k) ?? null, a = after.get(k) ?? null;
    return differ(b, a) ? [[k, b, a] as [string, T | null, T | null]] : [];
  });

/** A toll changed when its figures did: the policy's name alone is no change (it comes along as context). */
const tollDiffers = (b: TollState | null, a: TollState | null): boolean =>
  !same(b && { ...b, bestPolicy: null }, a && { ...a, bestPolicy: null });

const disagreementsOf = (i: Incident): string[] => i.disagreements.map((d) => `${d.kind}: ${d.summary}`);

/** Every difference between the same incident under two rule sets (empty: unchanged). */
export const compareIncidents = (before: Incident, after: Incident): Change[] => {
  const changes: Change[] = [];
  if (before.id !== after.id) changes.push({ field: 'id', before: before.id, after: after.id });
  if (!same(before.date, after.date)) changes.push({ field: 'date', before: before.date, after: after.date });
  const places = (i: Incident) => i.places.map((p) => p.id);
  if (!same(places(before), places(after))) changes.push({ field: 'places', before: places(before), after: places(after) });
  if (!same(before.reportIds, after.reportIds)) changes.push({ field: 'reports', before: before.reportIds, after: after.reportIds });
  const tolls = (i: Incident) => new Map(i.tolls.map((t) => [categoryOf(t), tollState(t)]));
  for (const [category, b, a] of keyedChanges(tolls(before), tolls(after), tollDiffers)) changes.push({ field: 'toll', category, before: b, after: a });
  if ((before.grade ?? null) !== (after.grade ?? null)) changes.push({ field: 'grade', before: before.grade ?? null, after: after.grade ?? null });
  const attributions = (i: Incident) => new Map(i.attributions.map((x): [string, AttributionState] => [x.actor, { status: x.status, stances: x.stances.length }]));
  for (const [actor, b, a] of keyedChanges(attributions(before), attributions(after))) changes.push({ field: 'attribution', actor, before: b, after: a });
  const db = disagreementsOf(before), da = disagreementsOf(after);
  const added = da.filter((d) => !db.includes(d)), removed = db.filter((d) => !da.includes(d));
  if (added.length || removed.length) changes.push({ field: 'disagreements', added, removed });
  return changes;
};
