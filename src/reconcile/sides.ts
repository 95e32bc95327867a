/**
 * Whose fighters an incident's combatant figures count. A figure of fighters that names no side
 * ("78 fighters") counts the side the incident's other combatant figures name, when they name one;
 * in an incident whose every figure of a named group counts fighters of that one side, a figure that names no group
 * ("the toll exceeded 100") counts those fighters, unless a source gives it as a whole beside a
 * smaller fighter figure of its own ("20 killed, 5 fighters among them").
 */
import type { Group } from '../model/contract.js';
import type { TollClaim } from '../model/claim.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { sameSentence } from './hierarchy.js';
import { eventOf, type DatedClaim } from './tolls.js';

const COMBATANTS: Group = 'combatants';

/** The one side the incident's combatant figures name, or null (none, or several). */
const soleSide = (claims: readonly DatedClaim[]): string | null => {
  const sides = new Set(claims.flatMap((d) => (d.claim.group === COMBATANTS && d.claim.affiliation !== null ? [d.claim.affiliation] : [])));
  return sides.size === 1 ? [...sides][0]! : null;
};

/** The hierarchy's root above combatants (all), and the groups of people who are not fighters. */
const groupsOf = (r: ReconcileRules): { whole: string | null; others: Set<string> } => {
  const parent = new Map<string, string>(r.hierarchy.map((h) => [h.part, h.whole]));
  const whole = parent.get(COMBATANTS) ?? null;
  const others = new Set([...parent.keys()].filter((g) => g !== COMBATANTS && g !== whole));
  return { whole, others };
};

/** Some source states, in one sentence, a whole above a fighter figure of its own (or a fighter part of it). */
const wholeOverFighters = (claims: readonly DatedClaim[], whole: string, near: number): boolean => {
  const ids = new Set(claims.filter((d) => d.claim.group === whole).map((d) => d.claim.id));
  return claims.some((d) => {
    const c = d.claim;
    if (c.group !== COMBATANTS) return false;
    if (c.partOf !== null && ids.has(c.partOf)) return true;
    return c.value !== null && claims.some((e) => e.claim.group === whole && e.claim.source === c.source && eventOf(e) === eventOf(d)
      && e.claim.outcome === c.outcome && e.claim.value !== null && e.claim.value > c.value! && sameSentence(near)(e.claim, c));
  });
};

const asFighters = (c: TollClaim, side: string): TollClaim => ({ ...c, group: COMBATANTS, affiliation: side });

/** The incident's claims with their fighters' side and their fighters-only tolls read (rules: sides). */
export const assignSides = (r: ReconcileRules) => (claims: readonly DatedClaim[]): DatedClaim[] => {
  const policy = r.sides;
  if (!policy) return [...claims];
  const side = policy.carryOver ? soleSide(claims) : null;
  const { whole, others } = groupsOf(r);
  // with two sides named (or none), a figure of people may count both sides' fighters, or anyone: it stays everyone's
  const fightersOnly = policy.fightersOnly && whole !== null && side !== null
    && claims.some((d) => d.claim.group === COMBATANTS)
    && !claims.some((d) => others.has(d.claim.group)) && !wholeOverFighters(claims, whole, r.wholes?.sentenceChars ?? Infinity);
  return claims.map((d) => {
    const c = d.claim;
    if (c.group === COMBATANTS && c.affiliation === null && side !== null) return { ...d, claim: { ...c, affiliation: side } };
    if (fightersOnly && c.group === whole && c.affiliation === null) return { ...d, claim: asFighters(c, side!) };
    return d;
  });
};
