/**
 * The review queue (`reconcile review`): what a person should check first. Pure: from an
 * output and the rules that made it.
 *
 * Ranked by signals of uncertainty that hold for any corpus, not by weights fitted to one.
 * Every signal is one reason to doubt a reading, stated with why it is a reason; an item's
 * risk is how many of them it has (each counts one: there is no weight to fit). Among items
 * with as many reasons, the larger toll first (a doubt about a large toll is the larger
 * publishable risk), then by incident, report and span. Items that a decision already
 * covers are left out.
 *
 * The signals (README "Reviewing", the review queue):
 * - Evidence inside the output that something is off:
 *   - `disagreement`: sources disagree on the figure's category and this figure is not the
 *     best estimate; for an incident, its reports disagree on place, date or whether it
 *     happened (two events joined?).
 *   - `outlier`: a figure many times the incident's others (the reconciler's `review` flag).
 *   - `part-above-whole`: a figure for a part (children, civilians) above a figure for its
 *     whole (civilians, all; rules/reconcile.yaml `hierarchy`) in the same incident: one of
 *     the two is misread (value, group or incident).
 *   - `contested-attribution`: sources name different actors, or one denies what another
 *     asserts: a stance of it may be misread.
 *   - `weak-join`: an incident of several reports joined without a gazetteer place or
 *     without a single-day date, so the comparison that joined them had little to go on.
 * - Readings the grammar is least sure of:
 *   - `residual-reading`: read by the residual procedure (`core`) or a fallback
 *     construction, not by a construction of the grammar.
 *   - `rare-construction`: read by a construction with few example sentences (at most one
 *     more than check-rules' minimum of three).
 *   - `hedged-stance`: a stance read from a hedge ("likely", "possible").
 * - What the rules do not know:
 *   - `unlisted-source`: a source the rules do not list (read from the open world).
 *   - `unresolved-place`: an incident whose only places are names the gazetteer lacks.
 * - What nothing confirms:
 *   - `single-report`: the only report of its incident: no other report to check it by.
 */
import type { Incident, Output, StanceOut, Toll, TollClaimOut } from '../model/contract.js';
import type { Rules } from '../rules/schema.js';

export const REVIEW_REASONS = [
  'disagreement', 'outlier', 'part-above-whole', 'contested-attribution', 'weak-join',
  'residual-reading', 'rare-construction', 'hedged-stance', 'unlisted-source', 'unresolved-place', 'single-report',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/**
 * The signals that something in this very reading is off (a conflict, an implausible figure, no
 * grammar behind it); the others say only that it has been checked less (a rare construction, an
 * unknown source or place, one report). One of the first outranks any number of the second.
 */
export const DOUBTS: ReadonlySet<ReviewReason> = new Set(['disagreement', 'outlier', 'part-above-whole', 'contested-attribution', 'residual-reading']);

/** Why each signal is a reason to doubt (shown with `--format json` and in the README). */
export const REASON_WHY: Readonly<Record<ReviewReason, string>> = {
  'disagreement': 'sources disagree, so at least one reading or one source is wrong',
  'outlier': 'a figure many times the others is more often a misread or another event than a toll',
  'part-above-whole': 'a part cannot exceed its whole: one of the two figures is misread',
  'contested-attribution': 'conflicting stances: one of them may be misread',
  'weak-join': 'reports joined with neither a shared place nor one day may be different events',
  'residual-reading': 'no construction of the grammar read it; the residual procedure guesses more',
  'rare-construction': 'a construction with few examples has been checked on few sentences',
  'hedged-stance': 'a hedge is easy to misread as a claim of responsibility, and the reverse',
  'unlisted-source': 'a source the rules do not know was read from the open world',
  'unresolved-place': 'the gazetteer cannot place it, so it may be joined to the wrong event or to none',
  'single-report': 'no second report to check the reading against',
};

export type ReviewItem = {
  readonly rank: number;
  /** how many reasons to doubt it (each counts one) */
  readonly risk: number;
  /** 1 + log10(1 + the incident's largest figure): orders items with as many reasons */
  readonly impact: number;
  readonly target: 'claim' | 'stance' | 'incident';
  readonly incidentId: string;
  readonly reasons: readonly { readonly reason: ReviewReason; readonly detail: string }[];
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

type Reason = ReviewItem['reasons'][number];
type Base = Omit<ReviewItem, 'rank' | 'risk' | 'impact' | 'reasons'>;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const round = (n: number): number => Math.round(n * 1000) / 1000;
const HEDGES = new Set(['likely', 'possible']);
/** check-rules' minimum of examples a construction must read, plus one. */
const FEW_EXAMPLES = 4;

/** How many example sentences each construction id has, and which are fallbacks (rules/languages/<lang>/constructions.yaml). */
const constructionsOf = (rules: Rules) => {
  const all = Object.values(rules.languages).flatMap((l) => l.constructions.constructions);
  return {
    examples: new Map(all.map((c) => [c.id, c.examples.read.length] as const)),
    fallbacks: new Set(all.filter((c) => c.fallback === true).map((c) => c.id)),
  };
};

const idsOf = (rule: string | undefined): string[] => (rule ?? '').split(/[(),\s]+/).filter(Boolean);

/** The reasons a reading (claim or stance) gives by the rule that read it. */
const readingReasons = (cs: ReturnType<typeof constructionsOf>, rule: string | undefined): Reason[] => {
  const ids = idsOf(rule);
  const out: Reason[] = [];
  const fallback = ids.find((id) => cs.fallbacks.has(id));
  if (rule === undefined || ids.includes('core') || fallback) {
    out.push({ reason: 'residual-reading', detail: rule === undefined ? 'read by no named construction' : `read by ${fallback ?? 'the residual procedure (core)'}` });
  }
  const ns = ids.flatMap((id) => (cs.examples.has(id) ? [cs.examples.get(id)!] : []));
  if (ns.length && Math.min(...ns) <= FEW_EXAMPLES) out.push({ reason: 'rare-construction', detail: `read by ${rule}, a construction with ${Math.min(...ns)} examples` });
  return out;
};

const sizeOf = (i: Incident): number => Math.max(0, ...i.tolls.map((t) => t.best ?? t.min));

/** Every group a group is part of, through the hierarchy (children → civilians → all). */
const wholesOf = (rules: Rules): ((g: string) => string[]) => {
  const up = new Map<string, string[]>();
  for (const h of rules.reconcile.hierarchy) up.set(h.part, [...(up.get(h.part) ?? []), h.whole]);
  return (g) => {
    const out: string[] = [];
    const todo = [...(up.get(g) ?? [])];
    while (todo.length) { const w = todo.pop()!; if (!out.includes(w)) { out.push(w); todo.push(...(up.get(w) ?? [])); } }
    return out;
  };
};

/** For each claim, the stated figures of a whole of its group (same outcome) that it exceeds, and the reverse. */
const partsAboveWholes = (i: Incident, wholes: (g: string) => string[]): Map<TollClaimOut, string> => {
  const stated = i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.filter((c) => c.value !== null && !c.notWhole && !c.superseded).map((c) => ({ t, c })));
  const out = new Map<TollClaimOut, string>();
  for (const p of stated) {
    const ws = wholes(p.t.group);
    for (const w of stated) {
      if (w.c.reportId !== p.c.reportId || w.t.outcome !== p.t.outcome || !ws.includes(w.t.group) || w.c.value! >= p.c.value!) continue;
      const what = `${p.c.value} ${p.t.outcome}/${p.t.group} above ${w.c.value} ${w.t.outcome}/${w.t.group}`;
      if (!out.has(p.c)) out.set(p.c, what);
      if (!out.has(w.c)) out.set(w.c, what);
    }
  }
  return out;
};

export const reviewQueue = (rules: Rules) => (output: Output): ReviewItem[] => {
  const cs = constructionsOf(rules);
  const wholes = wholesOf(rules);
  const items: Omit<ReviewItem, 'rank'>[] = [];
  for (const i of output.incidents) {
    const impact = round(1 + Math.log10(1 + sizeOf(i)));
    const push = (base: Base, reasons: readonly Reason[]): void => {
      const doubts = reasons.filter((r) => DOUBTS.has(r.reason)).length;
      if (reasons.length) items.push({ ...base, reasons, risk: round(doubts + (reasons.length - doubts) / 10), impact });
    };
    const single: Reason[] = i.reportIds.length === 1 ? [{ reason: 'single-report', detail: `the only report of ${i.id}` }] : [];
    const above = partsAboveWholes(i, wholes);
    for (const t of i.tolls) {
      if (t.derived) continue;
      const category = `${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`;
      for (const c of t.claims) {
        if (c.decidedBy?.length) continue;
        const reasons: Reason[] = [];
        if (c.review) reasons.push({ reason: 'outlier', detail: `${c.value} is far from the incident's other figures for ${category}` });
        if (above.has(c)) reasons.push({ reason: 'part-above-whole', detail: above.get(c)! });
        reasons.push(...readingReasons(cs, c.rule));
        if (c.source.startsWith('unlisted:')) reasons.push({ reason: 'unlisted-source', detail: `source ${c.sourceName ?? c.source} is not in the rules` });
        push(claimBase(i, category, c), [...reasons, ...single]);
      }
    }
    for (const a of i.attributions) {
      if (a.decidedBy?.length) continue;
      for (const s of a.stances) {
        const reasons: Reason[] = [];
        if (a.status === 'contested') reasons.push({ reason: 'contested-attribution', detail: `who carried it out is contested (${a.actor})` });
        reasons.push(...readingReasons(cs, s.rule));
        if (HEDGES.has(s.stance)) reasons.push({ reason: 'hedged-stance', detail: `read from a hedge: ${s.stance} ${a.actor}` });
        if (s.source.startsWith('unlisted:')) reasons.push({ reason: 'unlisted-source', detail: `source ${s.sourceName ?? s.source} is not in the rules` });
        push(stanceBase(i, a.actor, s), [...reasons, ...single]);
      }
    }
    if (i.decisions?.length) continue;
    const reasons: Reason[] = i.disagreements.filter((d) => d.kind === 'place' || d.kind === 'date' || d.kind === 'existence')
      .map((d) => ({ reason: 'disagreement' as const, detail: `reports disagree on the ${d.kind}: ${d.summary} (one incident, or two?)` }));
    if (i.reportIds.length >= 2 && (i.places.length === 0 || i.date === null || i.date.start !== i.date.end)) {
      reasons.push({ reason: 'weak-join', detail: `${i.reportIds.length} reports joined ${i.places.length === 0 ? 'without a gazetteer place' : 'without a single day'}` });
    }
    if (i.places.length === 0 && (i.unresolvedPlaces?.length ?? 0) > 0) {
      reasons.push({ reason: 'unresolved-place', detail: `no gazetteer place; named: ${i.unresolvedPlaces!.map((p) => p.name).join(', ')}` });
    }
    push({ target: 'incident', incidentId: i.id, anchor: { members: membersOf(i) } }, reasons);
  }
  return items
    .sort((p, q) => q.risk - p.risk || q.impact - p.impact || cmp(p.incidentId, q.incidentId) || cmp(p.reportId ?? '', q.reportId ?? '')
      || (p.span?.[0] ?? 0) - (q.span?.[0] ?? 0) || cmp(p.target, q.target) || cmp(p.category ?? p.actor ?? '', q.category ?? q.actor ?? ''))
    .map((x, k) => ({ rank: k + 1, ...x }));
};

/** One member anchor per report of the incident: the first claim or stance it has there. */
const membersOf = (i: Incident): { report: string; quote: string }[] => [...new Map(
  [...i.tolls.flatMap((t) => t.claims), ...i.attributions.flatMap((a) => a.stances)]
    .map((c) => [c.reportId, { report: c.reportId, quote: c.quote }] as const).reverse(),
).values()].sort((p, q) => cmp(p.report, q.report));

const claimBase = (i: Incident, category: string, c: TollClaimOut): Base => {
  const [outcome, group] = category.split('/');
  return {
    target: 'claim', incidentId: i.id, reportId: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]], source: c.source, value: c.value, category,
    anchor: { report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]], outcome, group },
  };
};

const stanceBase = (i: Incident, actor: string, s: StanceOut): Base => ({
  target: 'stance', incidentId: i.id, reportId: s.reportId, quote: s.quote, span: [s.span[0], s.span[1]], source: s.source, actor, stance: s.stance,
  anchor: { members: [{ report: s.reportId, quote: s.quote }] },
});

/** The queue for people: one block per item. */
export const renderQueue = (items: readonly ReviewItem[]): string => {
  if (!items.length) return 'review queue: nothing to review\n';
  const lines = [`review queue: ${items.length} item(s), most reasons to doubt first`, ''];
  for (const x of items) {
    const what = x.target === 'claim' ? `claim ${x.category} = ${x.value ?? 'vague'} by ${x.source}`
      : x.target === 'stance' ? `stance ${x.stance} ${x.actor} by ${x.source}` : 'incident';
    lines.push(`${x.rank}. [${x.risk} reason${x.risk === 1 ? '' : 's'}] ${what} (${x.incidentId}${x.reportId ? `, report ${x.reportId}` : ''})`);
    if (x.quote) lines.push(`   "${x.quote}"${x.span ? ` @${x.span[0]}-${x.span[1]}` : ''}`);
    for (const r of x.reasons) lines.push(`   - ${r.reason}: ${r.detail}`);
  }
  return `${lines.join('\n')}\n`;
};
