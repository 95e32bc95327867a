/**
 * Toll ranges per victim category (outcome × group × affiliation): min/max over every
 * stated figure, one current figure per independent source, and the best estimate chosen
 * by the policy named in rules/reconcile.yaml.
 */
import { Group, Outcome, type Toll, type TollClaimOut } from '../model/contract.js';
import type { TollClaim } from '../model/claim.js';
import type { BestPolicy, ReconcileRules } from '../rules/reconcile-schema.js';
import { categoryKey } from '../cluster/features.js';

/** A claim with the publication date of the report that states it (for revisions and `latest`). */
export type DatedClaim = {
  readonly claim: TollClaim;
  readonly publishedAt: string | null;
  /** the event mention that states it: one source's figures about one event (derived figures, revisions) */
  readonly mentionId?: string;
};

/** The event a claim is about: its mention, else its report. */
export const eventOf = (d: DatedClaim): string => d.mentionId ?? d.claim.reportId;

/** One independent source's current figure for a category. */
export type SourceFigure = {
  readonly source: string;
  readonly value: number;
  readonly publishedAt: string | null;
  readonly reportId: string;
};

export { categoryKey };

export const toClaimOut = (c: TollClaim): TollClaimOut => ({
  source: c.source, via: c.via, reportId: c.reportId, value: c.value, qualifier: c.qualifier,
  mayRise: c.mayRise, quote: c.quote, span: [c.span[0], c.span[1]],
  ...(c.sourceName ? { sourceName: c.sourceName } : {}),
  ...(c.relayChain ? { relayChain: [...c.relayChain] } : {}),
  ...(c.superseded ? { superseded: true } : {}),
  ...(c.review ? { review: true } : {}),
  ...(c.notWhole ? { notWhole: true } : {}),
  ...(c.rule ? { rule: c.rule } : {}),
  ...(c.restatements?.length ? { restatements: c.restatements.map((r) => ({ quote: r.quote, span: [r.span[0], r.span[1]] as [number, number] })) } : {}),
});

/** A figure that is no figure of its category's range or best: to review, or not the whole event's toll. */
export const setAside = (c: TollClaim): boolean => c.review === true || c.notWhole === true;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Later publication first; a report without a date counts as the earliest. */
const laterFirst = (p: { publishedAt: string | null; value: number }, q: { publishedAt: string | null; value: number }): number =>
  cmp(q.publishedAt ?? '', p.publishedAt ?? '') || q.value - p.value;

/** A relay is not independent: group by source, ignoring via; a source's latest report wins, ties → highest;
 *  a figure the source revised ("up from 18") is never its current one, so never a best. */
export const currentFigures = (claims: readonly DatedClaim[]): SourceFigure[] => {
  const bySource = new Map<string, SourceFigure>();
  for (const { claim, publishedAt } of claims) {
    if (claim.value === null || claim.superseded || setAside(claim)) continue;
    const f: SourceFigure = { source: claim.source, value: claim.value, publishedAt, reportId: claim.reportId };
    const held = bySource.get(claim.source);
    if (!held || laterFirst(f, held) < 0) bySource.set(claim.source, f);
  }
  return [...bySource.values()].sort((p, q) => cmp(p.source, q.source));
};

/** The best estimate over independent sources' current figures; null when there are none. */
export const chooseBest = (policy: BestPolicy) => (figures: readonly SourceFigure[]): number | null => {
  if (!figures.length) return null;
  const values = figures.map((f) => f.value).sort((a, b) => a - b);
  switch (policy) {
    case 'median-of-independent-sources': return values[Math.floor((values.length - 1) / 2)]!;
    case 'minimum': return values[0]!;
    case 'maximum': return values[values.length - 1]!;
    case 'latest': return [...figures].sort(laterFirst)[0]!.value;
    case 'mean-plus-sd': {
      const mean = values.reduce((n, v) => n + v, 0) / values.length;
      const variance = values.length > 1 ? values.reduce((n, v) => n + (v - mean) ** 2, 0) / (values.length - 1) : 0;
      return Math.round(mean + Math.sqrt(variance));
    }
  }
};

const GROUP_ORDER: readonly string[] = Group.options;
const OUTCOME_ORDER: readonly string[] = Outcome.options;

/** Killed before injured, groups in contract order, affiliation none first then by id. */
export const byCategory = (p: Pick<Toll, 'outcome' | 'group' | 'affiliation'>, q: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): number =>
  OUTCOME_ORDER.indexOf(p.outcome) - OUTCOME_ORDER.indexOf(q.outcome) ||
  GROUP_ORDER.indexOf(p.group) - GROUP_ORDER.indexOf(q.group) ||
  (p.affiliation === q.affiliation ? 0 : p.affiliation === null ? -1 : q.affiliation === null ? 1 : cmp(p.affiliation, q.affiliation));

const byReportThenSpan = (p: TollClaim, q: TollClaim): number =>
  cmp(p.reportId, q.reportId) || p.span[0] - q.span[0] || p.span[1] - q.span[1] || cmp(p.source, q.source) || cmp(p.id, q.id);

/** Claims grouped by category key, in category order. */
export const groupByCategory = (claims: readonly DatedClaim[]): Map<string, DatedClaim[]> => {
  const groups = new Map<string, DatedClaim[]>();
  for (const d of claims) {
    const k = categoryKey(d.claim);
    const g = groups.get(k);
    if (g) g.push(d); else groups.set(k, [d]);
  }
  return new Map([...groups.entries()].sort(([, p], [, q]) => byCategory(p[0]!.claim, q[0]!.claim)));
};

/** One category's toll: range over stated figures (vague claims only bound it when nothing is stated). */
export const reconcileCategory = (rules: ReconcileRules) => (claims: readonly DatedClaim[]): Toll => {
  const first = claims[0]!.claim;
  // a figure to review stays in the range but sets no best (currentFigures); a figure that is not the whole
  // event's toll for its group ("three policemen among them" read as all killed) is listed, outside the range,
  // unless the category has no other figure
  const valued = claims.filter((d) => d.claim.value !== null);
  const wholes = valued.filter((d) => !d.claim.notWhole);
  const stated = (wholes.length ? wholes : valued).map((d) => d.claim.value!);
  const sorted = [...claims].map((d) => d.claim).sort(byReportThenSpan);
  const base = { outcome: first.outcome, group: first.group, affiliation: first.affiliation, claims: sorted.map(toClaimOut) };
  if (stated.length) {
    return {
      ...base, min: Math.min(...stated), max: Math.max(...stated),
      best: chooseBest(rules.best.policy)(currentFigures(claims)), bestPolicy: rules.best.policy,
    };
  }
  const lower = Math.min(...claims.map((d) => d.claim.vagueMin ?? rules.vague.defaultMin));
  return {
    ...base, min: lower, max: null,
    best: rules.best.vagueOnly === 'lower-bound' ? lower : null,
    bestPolicy: rules.best.vagueOnly === 'lower-bound' ? 'vague-lower-bound' : 'none',
  };
};

/** Every category of an incident, in category order (no hierarchy, no derived figures yet). */
export const reconcileTolls = (rules: ReconcileRules) => (claims: readonly DatedClaim[]): Toll[] =>
  [...groupByCategory(claims).values()].map(reconcileCategory(rules));
