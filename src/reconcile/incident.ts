/**
 * One cluster of mentions → one contract Incident: a stable id from its evidence, date,
 * places, tolls (ranges, best, hierarchy, derived figures), attributions, disagreements
 * and grade. Pure and independent of the order of the mentions.
 */
import { createHash } from 'node:crypto';
import type { DateRange, Grade, HarmAssessmentOut, Incident, PlaceOut, UnresolvedPlaceOut } from '../model/contract.js';
import { unresolvedPlaces } from '../cluster/unresolved.js';
import type { Mention } from '../model/claim.js';
import type { Rules } from '../rules/schema.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import type { Cluster } from '../cluster/cluster.js';
import { hull, intersectAll, toDateRange, toDays } from '../cluster/dates.js';
import { placeGrain } from '../cluster/features.js';
import { attribute } from './attribution.js';
import { attributeCopies } from './copies.js';
import { findDisagreements } from './disagreements.js';
import { gradeIncident } from './grade.js';
import { applyHierarchy, deriveTolls, partialWholes } from './hierarchy.js';
import { assignSides } from './sides.js';
import { byCategory, categoryKey, reconcileTolls, type DatedClaim } from './tolls.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `inc-` + 10 hex of sha256 over the sorted mention ids: same evidence → same id. */
export const incidentId = (mentionIds: readonly string[]): string =>
  `inc-${createHash('sha256').update([...mentionIds].sort(cmp).join('\n')).digest('hex').slice(0, 10)}`;

export const incidentDate = (policy: ReconcileRules['incidentDate']) => (mentions: readonly Mention[]): DateRange | null => {
  const ranges = mentions.flatMap((m) => (m.date ? [toDays(m.date)] : []));
  const agreed = policy === 'narrowest-agreed' ? intersectAll(ranges) : null;
  const r = agreed ?? hull(ranges);
  return r ? toDateRange(r) : null;
};

/** Gazetteer places named by the mentions, most often named first; names from the gazetteer. */
export const incidentPlaces = (rules: Pick<Rules, 'places'>) => {
  const gazetteer = new Map(rules.places.map((p) => [p.id, p]));
  return (mentions: readonly Mention[]): PlaceOut[] => placesNamed(gazetteer, mentions);
};

const placesNamed = (gazetteer: ReadonlyMap<string, Rules['places'][number]>, mentions: readonly Mention[]): PlaceOut[] => {
  const seen = new Map<string, { place: PlaceOut; count: number }>();
  for (const m of mentions) {
    for (const id of new Set(m.places.flatMap((p) => (p.id ? [p.id] : [])))) {
      const ref = m.places.find((p) => p.id === id)!;
      const held = seen.get(id);
      if (held) { held.count++; continue; }
      const g = gazetteer.get(id);
      seen.set(id, { place: { id, name: g?.name ?? ref.name, governorate: g?.governorate ?? ref.governorate }, count: 1 });
    }
  }
  return [...seen.values()].sort((p, q) => q.count - p.count || cmp(p.place.id, q.place.id)).map((x) => x.place);
};

/** Harm assessments, only when there are some (the field is extra). */
const harms = (mentions: readonly Mention[]): { harmAssessments?: HarmAssessmentOut[] } => {
  const a = harmAssessmentsOf(mentions);
  return a.length ? { harmAssessments: a } : {};
};

/** Places the gazetteer does not have, only when there are some (the field is extra). */
const unresolvedOf = (rules: Rules, mentions: readonly Mention[]): { unresolvedPlaces?: UnresolvedPlaceOut[] } => {
  const u = unresolvedPlaces(rules)(mentions);
  return u.length ? { unresolvedPlaces: u } : {};
};

const datedClaims = (mentions: readonly Mention[]): DatedClaim[] =>
  mentions.flatMap((m) => m.claims.map((claim) => ({ claim, publishedAt: m.publishedAt, mentionId: m.id })));

/**
 * A figure many times every other figure of its category in the incident, and of the wholes its category is a
 * part of (rules: limits.outlierFactor), is most likely a total over many events read as this event's toll: it
 * stays in the range, marked for review, and neither sets the best nor makes the sources disagree, as a toll
 * or as a part above its whole (a warning names it). A whole many times its parts is no outlier: "200 killed,
 * two children among them" is plausible.
 */
export const markOutliers = (r: ReconcileRules) => (claims: readonly DatedClaim[]): DatedClaim[] => {
  const factor = r.limits?.outlierFactor;
  if (factor === undefined) return [...claims];
  const parent = new Map<string, string>(r.hierarchy.map((h) => [h.part, h.whole]));
  const wholesOf = (group: string): Set<string> => {
    const out = new Set<string>();
    for (let g = parent.get(group); g !== undefined; g = parent.get(g)) out.add(g);
    return out;
  };
  // The two largest distinct figures of each category (by key), among claims not marked as partial
  // wholes: the largest comparable figure besides a claim's own is then the largest of a few.
  const top2 = new Map<string, [number, number]>();
  const note = (key: string, v: number): void => {
    const t = top2.get(key) ?? [-Infinity, -Infinity];
    if (v > t[0]) top2.set(key, [v, t[0]]); else if (v < t[0] && v > t[1]) top2.set(key, [t[0], v]); else top2.set(key, t);
  };
  // The same category, or a whole its group is a part of, stated with no affiliation.
  const wholeKey = (outcome: string, group: string): string => `\u0000${outcome}/${group}`;
  for (const e of claims) {
    if (e.claim.notWhole || e.claim.value === null) continue;
    note(categoryKey(e.claim), e.claim.value);
    if (e.claim.affiliation === null) note(wholeKey(e.claim.outcome, e.claim.group), e.claim.value);
  }
  const largestBesides = (key: string, v: number): number => {
    const t = top2.get(key);
    return !t ? -Infinity : t[0] !== v ? t[0] : t[1];
  };
  return claims.map((d) => {
    const v = d.claim.value;
    if (v === null) return d;
    const keys = [categoryKey(d.claim), ...[...wholesOf(d.claim.group)].map((w) => wholeKey(d.claim.outcome, w))];
    const found = Math.max(...keys.map((k) => largestBesides(k, v)));
    const top = found > -Infinity ? found : 0;
    return top > 0 && v >= factor * top ? { ...d, claim: { ...d.claim, review: true } } : d;
  });
};

/** Whole-group figures that are not the whole event's toll, marked (hierarchy.ts partialWholes). */
const markNotWholes = (r: ReconcileRules) => (claims: readonly DatedClaim[]): DatedClaim[] => {
  const partial = partialWholes(r)(claims);
  return partial.size ? claims.map((d) => (partial.has(d.claim.id) ? { ...d, claim: { ...d.claim, notWhole: true } } : d)) : [...claims];
};

/** The reconciliation stage for one cluster. */
export const reconcileIncident = (rules: Rules) => {
  const r = rules.reconcile;
  // Built once per rule set, not once per incident: both index the whole gazetteer.
  const placesOf = incidentPlaces(rules);
  const { isSpecific } = placeGrain(rules);
  const speakers = new Map(rules.sources.map((s) => [s.id, s.speaksFor]));
  const grade = gradeIncident(r, (source) => speakers.get(source) ?? []);
  return (cluster: Cluster): Incident => reconcileOne(rules, r, placesOf, isSpecific, grade, cluster);
};

/** What the belligerents said about civilian harm, in report and text order, each statement once. */
export const harmAssessmentsOf = (mentions: readonly Mention[]): HarmAssessmentOut[] => {
  const seen = new Map<string, HarmAssessmentOut>();
  for (const a of mentions.flatMap((m) => m.assessments ?? [])) {
    const k = `${a.reportId}@${a.span[0]}-${a.span[1]}|${a.actor}|${a.assessment}|${a.source}`;
    if (seen.has(k)) continue;
    seen.set(k, {
      actor: a.actor, source: a.source, ...(a.sourceName ? { sourceName: a.sourceName } : {}), assessment: a.assessment,
      reportId: a.reportId, quote: a.quote, span: [a.span[0], a.span[1]], ...(a.rule ? { rule: a.rule } : {}),
    });
  }
  return [...seen.values()].sort((p, q) => cmp(p.reportId, q.reportId) || p.span[0] - q.span[0] || p.span[1] - q.span[1]
    || cmp(p.actor, q.actor) || cmp(p.assessment, q.assessment) || cmp(p.source, q.source));
};

const reconcileOne = (rules: Rules, r: ReconcileRules, placesOf: (ms: readonly Mention[]) => PlaceOut[],
  isSpecific: (id: string) => boolean, grade: (ms: readonly Mention[]) => Grade, cluster: Cluster): Incident => {
  const mentions = attributeCopies([...cluster.mentions].sort((p, q) => cmp(p.id, q.id)));
  const claims = markOutliers(r)(markNotWholes(r)(assignSides(r)(datedClaims(mentions))));
  const stated = reconcileTolls(r)(claims);
  const { tolls, disagreements: hierarchyDisagreements } = applyHierarchy(r)([...stated, ...deriveTolls(r)(claims)]);
  const mentionIds = mentions.map((m) => m.id);
  return {
    id: incidentId(mentionIds),
    date: incidentDate(r.incidentDate)(mentions),
    places: placesOf(mentions),
    reportIds: [...new Set(mentions.map((m) => m.reportId))].sort(cmp),
    tolls: [...tolls].sort(byCategory),
    attributions: attribute(r)(mentions.flatMap((m) => m.stances)),
    disagreements: findDisagreements(r, isSpecific)(mentions, claims, hierarchyDisagreements),
    grade: grade(mentions),
    mentionIds,
    ...harms(mentions),
    ...unresolvedOf(rules, mentions),
  };
};

/** One warning per figure an incident holds for review (markOutliers). */
export const reviewWarnings = (factor: number | undefined) => (incidents: readonly Incident[]): { reportId: string; code: string; message: string }[] =>
  incidents.flatMap((i) => i.tolls.flatMap((t) => t.claims.filter((c) => c.review).map((c) => ({
    reportId: c.reportId, code: 'implausible-for-incident',
    message: `"${c.quote}": ${c.value} is ${factor ?? 'many'} or more times every other figure for ${t.group} ${t.outcome} (and the groups it is part of) in its incident (dated ${i.date ? i.date.start : 'undated'}); kept in its range for review, left out of the best estimate (a total over many events?)`,
  }))));
