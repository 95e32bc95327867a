/**
 * Airwars-style grade of an incident (rules/reconcile.yaml, DOMAIN.md): the first grade in
 * the rules' order whose conditions hold:
 * - confirmed: a belligerent accepts responsibility for civilian harm: its own assessment accepts
 *   it, or it acknowledges the strike and (as the rules ask) concedes civilian harm itself;
 * - discounted: those killed were combatants, or another party is most likely responsible;
 * - contested: a denial of what another source blames an actor for (or of the event), or
 *   sources naming competing belligerents; a hedge alone ("believed to be") is no contest;
 * - fair: enough independent sources; weak: otherwise.
 */
import type { Grade } from '../model/contract.js';
import type { HarmAssessment, Mention, Stance } from '../model/claim.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { competingActors, contestOf } from './attribution.js';

/** Distinct `source` values (a relaying outlet, `via`, adds none). */
export const independentSources = (countStances: boolean) => (mentions: readonly Mention[]): string[] =>
  [...new Set(mentions.flatMap((m) => [...m.claims.map((c) => c.source), ...(countStances ? m.stances.map((s) => s.source) : [])]))].sort();

/** The actors a source speaks for (rules/sources.yaml `speaksFor`); unknown: none. */
export type SpeaksFor = (source: string) => readonly string[];

const CIVILIAN_GROUPS: readonly string[] = ['civilians', 'children', 'women', 'men'];

/** Those killed were combatants: figures for combatants above zero, none for civilians or a part of them. */
export const combatantsOnly = (mentions: readonly Mention[]): boolean => {
  const killed = mentions.flatMap((m) => m.claims).filter((c) => c.outcome === 'killed' && !c.superseded);
  const some = (c: (typeof killed)[number]) => (c.value ?? c.vagueMin ?? 0) > 0;
  return killed.some((c) => c.group === 'combatants' && some(c)) && !killed.some((c) => CIVILIAN_GROUPS.includes(c.group) && some(c));
};

/**
 * Another party most likely responsible: each graded belligerent a source names is named only
 * tentatively (likely, possible) or denied, and some source firmly names (asserts, acknowledges)
 * an actor that is not one of them.
 */
export const otherPartyLikelier = (rules: ReconcileRules) => (stances: readonly Stance[]): boolean => {
  const graded = new Set(rules.grade.discounted.belligerents);
  const firm = new Set<string>(rules.attribution.competing);
  const ignored = new Set(rules.attribution.ignoreInCompeting);
  const named = stances.filter((s) => graded.has(s.actor));
  if (!named.length || named.some((s) => firm.has(s.stance))) return false;
  return stances.some((s) => !graded.has(s.actor) && !ignored.has(s.actor) && firm.has(s.stance));
};

/** A belligerent's own assessment (its source speaks for it) that accepts civilian harm. */
const acceptsHarm = (rules: ReconcileRules, speaksFor: SpeaksFor) => (a: HarmAssessment): boolean =>
  (rules.grade.confirmed.assessments as readonly string[]).includes(a.assessment) && speaksFor(a.source).includes(a.actor);

export const gradeIncident = (rules: ReconcileRules, speaksFor: SpeaksFor = () => []) => (mentions: readonly Mention[]): Grade => {
  const g = rules.grade;
  const stances = mentions.flatMap((m) => m.stances);
  const assessments = mentions.flatMap((m) => m.assessments ?? []);
  // a denial contests what another source states (an actor it blames), or the event itself
  const contestingDenial = stances.some((s) => s.stance === 'denies' && s.actor === rules.existence.denialActor)
    || [...new Set(stances.map((s) => s.actor))].some((actor) => contestOf(rules)(stances.filter((s) => s.actor === actor)).deniers.length > 0);
  const harmGroups: readonly string[] = g.confirmed.harmConceded;
  // the source's own figure for a group the rules name ("three civilians were unintentionally killed")
  const concedesHarm = (source: string): boolean => harmGroups.length === 0 || mentions.some((m) => m.claims.some((c) =>
    c.source === source && harmGroups.includes(c.group) && (c.value ?? c.vagueMin ?? 0) > 0 && !c.superseded));
  const holds: Record<Grade, () => boolean> = {
    confirmed: () => assessments.some(acceptsHarm(rules, speaksFor))
      || stances.some((s) => (g.confirmed.stances as readonly string[]).includes(s.stance) && concedesHarm(s.source)),
    discounted: () => (g.discounted.combatantsOnly && combatantsOnly(mentions)) || otherPartyLikelier(rules)(stances),
    contested: () => (g.contested.denial && contestingDenial) || (g.contested.competingActors && competingActors(rules)(stances).size > 0),
    fair: () => !contestingDenial && independentSources(g.fair.countStanceSources)(mentions).length >= g.fair.minIndependentSources,
    weak: () => true,
  };
  return g.order.find((grade) => holds[grade]()) ?? 'weak';
};
