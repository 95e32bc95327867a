/**
 * The review queue (`reconcile review`): what a person should check first, most publishable
 * risk first. Pure: from an output and the rules that made it.
 *
 * Every claim, stance and incident gets the reasons to doubt it, each with a weight:
 * - a figure of a category where sources disagree, the further from the best estimate the more;
 *   an attribution that is contested;
 * - a claim or stance from a source the rules do not list; an incident whose places the
 *   gazetteer lacks;
 * - a figure far from the incident's others (the `review` flag);
 * - a claim read by a construction with few examples (the fewer, the more);
 * - a stance read from a hedge ("likely", "possible").
 * An item's risk is the sum of its weights times the incident's size (1 + log10(1 + its
 * largest figure)): a doubt about a large toll is the more publishable risk. Items that a
 * decision already covers are left out. Ties are broken by incident, report and span.
 */
import type { Incident, Output, StanceOut, Toll, TollClaimOut } from '../model/contract.js';
import type { Rules } from '../rules/schema.js';

export const REVIEW_REASONS = ['disagreement', 'contested-attribution', 'unlisted-source', 'unresolved-place', 'outlier', 'rare-construction', 'hedged-stance'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REASON_WEIGHTS: Readonly<Record<ReviewReason, number>> = {
  'disagreement': 2.5, 'contested-attribution': 5, 'unlisted-source': 3, 'unresolved-place': 1.5, 'outlier': 4, 'rare-construction': 1, 'hedged-stance': 1.5,
};

export type ReviewItem = {
  readonly rank: number;
  readonly risk: number;
  readonly target: 'claim' | 'stance' | 'incident';
  readonly incidentId: string;
  readonly reasons: readonly { readonly reason: ReviewReason; readonly weight: number; readonly detail: string }[];
  readonly reportId?: string;
  readonly quote?: string;
  readonly span?: readonly [number, number];
  readonly source?: string;
  readonly value?: number | null;
  readonly category?: string;
  readonly actor?: string;
  readonly stance?: string;
  /** what a decision about this item puts as its anchor (README "Reviewing") */
  readonly anchor: Readonly<Record<string, unknown>>;
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const round = (n: number): number => Math.round(n * 1000) / 1000;
const HEDGES = new Set(['likely', 'possible']);

/** How many example sentences each construction id has (rules/languages/<lang>/constructions.yaml). */
const examplesOf = (rules: Rules): ReadonlyMap<string, number> => new Map(Object.values(rules.languages)
  .flatMap((l) => l.constructions.constructions.map((c) => [c.id, c.examples.read.length] as const)));

/** The fewest examples among the constructions a claim's `rule` names ("en.claim.x(en.toll.y)"). */
const fewest = (examples: ReadonlyMap<string, number>, rule: string | undefined): number | null => {
  const ns = (rule ?? '').split(/[(),\s]+/).flatMap((id) => (examples.has(id) ? [examples.get(id)!] : []));
  return ns.length ? Math.min(...ns) : null;
};

const sizeOf = (i: Incident): number => Math.max(0, ...i.tolls.map((t) => t.best ?? t.min));

export const reviewQueue = (rules: Rules) => (output: Output): ReviewItem[] => {
  const examples = examplesOf(rules);
  const fewThreshold = 4;
  const items: Omit<ReviewItem, 'rank'>[] = [];
  for (const i of output.incidents) {
    const impact = 1 + Math.log10(1 + sizeOf(i));
    const disputed = (t: Toll): boolean => i.disagreements.some((d) => d.kind === 'toll' && d.outcome === t.outcome && d.group === t.group
      && (d.affiliation ?? null) === (t.affiliation ?? null));
    const push = (base: Omit<ReviewItem, 'rank' | 'risk' | 'reasons'>, reasons: ReviewItem['reasons']): void => {
      if (reasons.length) items.push({ ...base, reasons, risk: round(reasons.reduce((n, r) => n + r.weight, 0) * impact) });
    };
    for (const t of i.tolls) {
      if (t.derived) continue;
      const category = `${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`;
      for (const c of t.claims) {
        if (c.decidedBy?.length) continue;
        const reasons: { reason: ReviewReason; weight: number; detail: string }[] = [];
        if (disputed(t) && c.value !== null && t.best !== null && c.value !== t.best) {
          const off = Math.min(1, Math.abs(c.value - t.best) / Math.max(1, t.best));
          reasons.push({ reason: 'disagreement', weight: REASON_WEIGHTS.disagreement * (0.5 + off), detail: `sources disagree on ${category}: ${c.value} against a best estimate of ${t.best}` });
        }
        if (c.source.startsWith('unlisted:')) reasons.push({ reason: 'unlisted-source', weight: REASON_WEIGHTS['unlisted-source'], detail: `source ${c.sourceName ?? c.source} is not in the rules` });
        if (c.review) reasons.push({ reason: 'outlier', weight: REASON_WEIGHTS.outlier, detail: `${c.value} is far from the incident's other figures for ${category}` });
        const n = fewest(examples, c.rule);
        if (n !== null && n <= fewThreshold) {
          reasons.push({ reason: 'rare-construction', weight: REASON_WEIGHTS['rare-construction'] * (fewThreshold + 1 - n) / (fewThreshold + 1 - 3), detail: `read by ${c.rule}, a construction with ${n} examples` });
        }
        push(claimBase(i, category, c), reasons);
      }
    }
    for (const a of i.attributions) {
      if (a.decidedBy?.length) continue;
      for (const s of a.stances) {
        const reasons: { reason: ReviewReason; weight: number; detail: string }[] = [];
        if (a.status === 'contested') reasons.push({ reason: 'contested-attribution', weight: REASON_WEIGHTS['contested-attribution'], detail: `who carried it out is contested (${a.actor})` });
        if (HEDGES.has(s.stance)) reasons.push({ reason: 'hedged-stance', weight: REASON_WEIGHTS['hedged-stance'], detail: `read from a hedge: ${s.stance} ${a.actor}` });
        if (s.source.startsWith('unlisted:')) reasons.push({ reason: 'unlisted-source', weight: REASON_WEIGHTS['unlisted-source'], detail: `source ${s.sourceName ?? s.source} is not in the rules` });
        push(stanceBase(i, a.actor, s), reasons);
      }
    }
    // Reports that disagree on where, when or whether: perhaps two events joined as one.
    const apart = i.disagreements.filter((d) => d.kind === 'place' || d.kind === 'date' || d.kind === 'existence');
    if (apart.length && !(i.decisions?.length)) {
      const members = [...new Map(i.tolls.flatMap((t) => t.claims).map((c) => [c.reportId, { report: c.reportId, quote: c.quote }])).values()];
      push({ target: 'incident', incidentId: i.id, anchor: { members } },
        apart.map((d) => ({ reason: 'disagreement' as const, weight: REASON_WEIGHTS.disagreement, detail: `reports disagree on the ${d.kind}: ${d.summary} (one incident, or two?)` })));
    }
    if (i.places.length === 0 && (i.unresolvedPlaces?.length ?? 0) > 0 && !(i.decisions?.length)) {
      const first = i.tolls.flatMap((t) => t.claims)[0] ?? i.attributions.flatMap((a) => a.stances)[0];
      push({
        target: 'incident', incidentId: i.id,
        anchor: { members: first ? [{ report: first.reportId, quote: first.quote }] : [] },
      }, [{ reason: 'unresolved-place', weight: REASON_WEIGHTS['unresolved-place'], detail: `no gazetteer place; named: ${i.unresolvedPlaces!.map((p) => p.name).join(', ')}` }]);
    }
  }
  return items
    .sort((p, q) => q.risk - p.risk || cmp(p.incidentId, q.incidentId) || cmp(p.reportId ?? '', q.reportId ?? '')
      || (p.span?.[0] ?? 0) - (q.span?.[0] ?? 0) || cmp(p.target, q.target) || cmp(p.category ?? p.actor ?? '', q.category ?? q.actor ?? ''))
    .map((x, k) => ({ rank: k + 1, ...x }));
};

const claimBase = (i: Incident, category: string, c: TollClaimOut): Omit<ReviewItem, 'rank' | 'risk' | 'reasons'> => {
  const [outcome, group] = category.split('/');
  return {
    target: 'claim', incidentId: i.id, reportId: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]], source: c.source, value: c.value, category,
    anchor: { report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]], outcome, group },
  };
};

const stanceBase = (i: Incident, actor: string, s: StanceOut): Omit<ReviewItem, 'rank' | 'risk' | 'reasons'> => ({
  target: 'stance', incidentId: i.id, reportId: s.reportId, quote: s.quote, span: [s.span[0], s.span[1]], source: s.source, actor, stance: s.stance,
  anchor: { members: [{ report: s.reportId, quote: s.quote }] },
});

/** The queue for people: one block per item. */
export const renderQueue = (items: readonly ReviewItem[]): string => {
  if (!items.length) return 'review queue: nothing to review\n';
  const lines = [`review queue: ${items.length} item(s), most publishable risk first`, ''];
  for (const x of items) {
    const what = x.target === 'claim' ? `claim ${x.category} = ${x.value ?? 'vague'} by ${x.source}`
      : x.target === 'stance' ? `stance ${x.stance} ${x.actor} by ${x.source}` : 'incident';
    lines.push(`${x.rank}. [risk ${x.risk}] ${what} (${x.incidentId}${x.reportId ? `, report ${x.reportId}` : ''})`);
    if (x.quote) lines.push(`   "${x.quote}"${x.span ? ` @${x.span[0]}-${x.span[1]}` : ''}`);
    for (const r of x.reasons) lines.push(`   - ${r.reason}: ${r.detail}`);
  }
  return `${lines.join('\n')}\n`;
};
