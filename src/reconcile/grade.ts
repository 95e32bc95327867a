/**
 * Airwars-style grade of an incident (rules/reconcile.yaml, DOMAIN.md): the first grade in
 * the rules' order whose conditions hold: contested (a denial, or competing actors),
 * confirmed (a belligerent acknowledges, and, as the rules ask, concedes civilian harm itself),
 * fair (enough independent sources), weak.
 */
import type { Grade } from '../model/contract.js';
import type { Mention } from '../model/claim.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { competingActors } from './attribution.js';

/** Distinct `source` values (a relaying outlet, `via`, adds none). */
export const independentSources = (countStances: boolean) => (mentions: readonly Mention[]): string[] =>
  [...new Set(mentions.flatMap((m) => [...m.claims.map((c) => c.source), ...(countStances ? m.stances.map((s) => s.source) : [])]))].sort();

export const gradeIncident = (rules: ReconcileRules) => (mentions: readonly Mention[]): Grade => {
  const g = rules.grade;
  const stances = mentions.flatMap((m) => m.stances);
  const denial = stances.some((s) => s.stance === 'denies');
  const harmGroups: readonly string[] = g.confirmed.harmConceded;
  // the source's own figure for a group the rules name ("three civilians were unintentionally killed")
  const concedesHarm = (source: string): boolean => harmGroups.length === 0 || mentions.some((m) => m.claims.some((c) =>
    c.source === source && harmGroups.includes(c.group) && (c.value ?? c.vagueMin ?? 0) > 0 && !c.superseded));
  const holds: Record<Grade, () => boolean> = {
    contested: () => (g.contested.anyDenial && denial) || (g.contested.competingActors && competingActors(rules)(stances).size > 0),
    confirmed: () => stances.some((s) => (g.confirmed.stances as readonly string[]).includes(s.stance) && concedesHarm(s.source)),
    fair: () => !denial && independentSources(g.fair.countStanceSources)(mentions).length >= g.fair.minIndependentSources,
    weak: () => true,
  };
  return g.order.find((grade) => holds[grade]()) ?? 'weak';
};
