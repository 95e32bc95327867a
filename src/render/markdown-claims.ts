/**
 * How the reports show claims and revisions (Markdown and HTML alike): a claim relayed by
 * several outlets, or restated, shows once with its relay chains and reports; a source's
 * revision shows as that source's own timeline; summaries name sources and actors.
 */
import type { Disagreement, Incident, ReportOut, TollClaimOut } from '../model/contract.js';
import type { Names } from './names.js';

/** Who carried a claim to the reader, source first, when anyone relayed it. */
export const relayChainOf = (c: { source: string; via: string | null; relayChain?: readonly string[] | undefined }): readonly string[] | null =>
  c.relayChain && c.relayChain.length >= 2 ? c.relayChain : c.via ? [c.source, c.via] : null;

/** Claims of one figure from one source, however many outlets relayed or reports restated it. */
export type ClaimRow = { readonly claims: readonly TollClaimOut[] };

const rowKey = (c: TollClaimOut): string =>
  [c.source, c.sourceName ?? '', c.value ?? 'vague', c.qualifier, c.mayRise, c.superseded ?? false, c.review ?? false, c.notWhole ?? false].join('\u0000');

/** One row per source and figure (in the order the claims come), each with every claim it stands for. */
export const claimRows = (claims: readonly TollClaimOut[]): ClaimRow[] => {
  const rows = new Map<string, TollClaimOut[]>();
  for (const c of claims) {
    const k = rowKey(c);
    const row = rows.get(k);
    if (row) row.push(c); else rows.set(k, [c]);
  }
  return [...rows.values()].map((cs) => ({ claims: cs }));
};

export type TimelineStep = {
  readonly value: number;
  readonly qualifier: string;
  readonly superseded: boolean;
  readonly reportIds: readonly string[];
  readonly publishedAt: string | null;
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The revised source's own figures for the disagreement's category, as the engine reads a revision: per report
 * (by publication), the figures it revised there, then its current figure there (its highest); the same figure in
 * consecutive reports is one step.
 */
export const timelineOf = (inc: Incident, d: Disagreement, reports: ReadonlyMap<string, ReportOut>): TimelineStep[] => {
  const source = d.sources[0];
  const toll = inc.tolls.find((t) => !t.derived && t.outcome === d.outcome && t.group === d.group && t.affiliation === (d.affiliation ?? null));
  if (d.sources.length !== 1 || !source || !toll) return [];
  const mine = toll.claims.filter((c) => c.source === source && c.value !== null && !c.review && !c.notWhole);
  const byReport = new Map<string, TollClaimOut[]>();
  for (const c of mine) byReport.set(c.reportId, [...(byReport.get(c.reportId) ?? []), c]);
  const published = (id: string): string | null => reports.get(id)?.publishedAt ?? null;
  const steps: TimelineStep[] = [];
  const push = (c: TollClaimOut, superseded: boolean) => {
    const last = steps[steps.length - 1];
    if (last && last.value === c.value && last.superseded === superseded) {
      if (!last.reportIds.includes(c.reportId)) steps[steps.length - 1] = { ...last, reportIds: [...last.reportIds, c.reportId] };
      return;
    }
    steps.push({ value: c.value!, qualifier: c.qualifier, superseded, reportIds: [c.reportId], publishedAt: published(c.reportId) });
  };
  for (const [, cs] of [...byReport.entries()].sort(([a], [b]) => cmp(published(a) ?? '', published(b) ?? '') || cmp(a, b))) {
    const revised = cs.filter((c) => c.superseded).sort((p, q) => p.span[0] - q.span[0]);
    const current = cs.filter((c) => !c.superseded).sort((p, q) => q.value! - p.value! || p.span[0] - q.span[0])[0];
    for (const c of revised) push(c, true);
    if (current) push(current, false);
  }
  return steps;
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The summary with names in place of the ids of the sources it lists (an unlisted one by its name as written) and of
 *  the incident's actors. */
export const namedSummary = (d: Disagreement, names: Names, inc?: Incident): string => {
  const written = new Map<string, string>();
  for (const x of [...(inc?.tolls.flatMap((t) => t.claims) ?? []), ...(inc?.attributions.flatMap((a) => a.stances) ?? [])]) {
    if (x.sourceName) written.set(x.source, x.sourceName);
  }
  const actors = new Set([...(d.actor ? [d.actor] : []), ...(inc?.attributions.map((a) => a.actor) ?? [])]);
  const ids = [...d.sources.map((id) => [id, written.get(id) ?? names.source(id)] as const), ...[...actors].map((a) => [a, names.actor(a)] as const)]
    .filter(([id, name]) => id !== name).sort(([a], [b]) => b.length - a.length);
  if (!ids.length) return d.summary;
  const byId = new Map(ids);
  const pattern = new RegExp(`(?<![\\w:-])(${ids.map(([id]) => escapeRegExp(id)).join('|')})(?![\\w:-])`, 'g');
  return d.summary.replace(pattern, (id) => byId.get(id) ?? id);
};
