/**
 * Attribution per actor: every stance about who carried the attack out, and a status:
 * contested (one source denies what another blames the actor for), unclear (only
 * tentative or denying stances), else uncontested. Also: competing actors.
 */
import type { Attribution, StanceOut } from '../model/contract.js';
import type { Stance } from '../model/claim.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { actorCanon } from '../cluster/features.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const toStanceOut = (s: Stance): StanceOut => ({
  source: s.source, via: s.via, stance: s.stance, reportId: s.reportId, quote: s.quote, span: [s.span[0], s.span[1]],
  ...(s.sourceName ? { sourceName: s.sourceName } : {}),
  ...(s.relayChain ? { relayChain: [...s.relayChain] } : {}),
  ...(s.rule ? { rule: s.rule } : {}),
});

const byReportThenSpan = (p: Stance, q: Stance): number =>
  cmp(p.reportId, q.reportId) || p.span[0] - q.span[0] || p.span[1] - q.span[1] || cmp(p.source, q.source) || cmp(p.id, q.id);

/** Sources that deny the actor did it while another source blames it. */
export const contestOf = (rules: ReconcileRules) => (stances: readonly Stance[]): { deniers: string[]; blamers: string[] } => {
  const positive = new Set<string>(rules.attribution.positive);
  const deniers = [...new Set(stances.filter((s) => s.stance === 'denies').map((s) => s.source))];
  const blamers = [...new Set(stances.filter((s) => positive.has(s.stance)).map((s) => s.source))];
  const contested = deniers.some((d) => blamers.some((b) => b !== d));
  return contested ? { deniers: deniers.sort(), blamers: blamers.sort() } : { deniers: [], blamers: [] };
};

export const attributionStatus = (rules: ReconcileRules) => (stances: readonly Stance[]): Attribution['status'] => {
  if (contestOf(rules)(stances).deniers.length) return 'contested';
  const tentative = new Set<string>(rules.attribution.tentative);
  const firm = stances.filter((s) => s.stance !== 'denies' && !tentative.has(s.stance));
  return firm.length ? 'uncontested' : 'unclear';
};

/** One attribution per actor (by actor id), stances in report and text order. */
export const attribute = (rules: ReconcileRules) => (stances: readonly Stance[]): Attribution[] => {
  const byActor = new Map<string, Stance[]>();
  for (const s of stances) {
    const list = byActor.get(s.actor);
    if (list) list.push(s); else byActor.set(s.actor, [s]);
  }
  return [...byActor.entries()].sort(([a], [b]) => cmp(a, b)).map(([actor, list]) => {
    const belligerent = belligerentOf(rules)(list);
    return {
      actor,
      status: attributionStatus(rules)(list),
      stances: [...list].sort(byReportThenSpan).map(toStanceOut),
      ...(belligerent ? { belligerent } : {}),
    };
  });
};

/**
 * Airwars' known versus suspected belligerent: known when a source asserts it struck or it
 * acknowledges the strike ("Russian aircraft"), suspected when sources only hedge ("aircraft
 * believed to be Russian"); none when it is only denied, or the actor names no one.
 */
export const belligerentOf = (rules: ReconcileRules) => (stances: readonly Stance[]): Attribution['belligerent'] | undefined => {
  if (stances.some((s) => rules.attribution.ignoreInCompeting.includes(s.actor))) return undefined;
  const firm = new Set<string>(rules.attribution.competing);
  const tentative = new Set<string>(rules.attribution.tentative);
  return stances.some((s) => firm.has(s.stance)) ? 'known' : stances.some((s) => tentative.has(s.stance)) ? 'suspected' : undefined;
};

/**
 * Actors blamed with a competing stance, one per compatible group; two or more = competing
 * attribution, unless every source names the same actors (a joint operation).
 */
export const competingActors = (rules: ReconcileRules) => (stances: readonly Stance[]): Map<string, Stance[]> => {
  const canon = actorCanon(rules.attribution.compatible);
  const competing = new Set<string>(rules.attribution.competing);
  const ignored = new Set(rules.attribution.ignoreInCompeting);
  const byDoer = new Map<string, Stance[]>();
  for (const s of stances) {
    if (!competing.has(s.stance) || ignored.has(s.actor)) continue;
    const k = canon(s.actor);
    const list = byDoer.get(k);
    if (list) list.push(s); else byDoer.set(k, [s]);
  }
  // a joint operation ("SDF and coalition forces raided ...") named alike by every source is not competing
  const sourceSets = [...byDoer.values()].map((list) => [...new Set(list.map((s) => s.source))].sort().join('\u0000'));
  return byDoer.size >= 2 && new Set(sourceSets).size >= 2 ? byDoer : new Map();
};
