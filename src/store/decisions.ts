/**
 * Decisions in the incident store: what a decisions file changes in the decisions table
 * (kept as history: who, when, before, after), the decisions in force, and the export
 * with them applied. Pure.
 *
 * The stored incidents are clustered without decisions; an export with decisions clusters
 * the stored mentions again exactly as `run` does (src/pipeline.ts, decisions applied after
 * clustering), and gives each incident the stored id of the incident it descends from
 * (src/store/ids.ts), so it equals `run --decisions` over the same reports but for ids.
 */
import type { Output } from '../model/contract.js';
import type { Mention } from '../model/claim.js';
import { reconcileExtracted, type ExtractedReport } from '../pipeline.js';
import type { Decision } from '../decisions/schema.js';
import type { Rules } from '../rules/schema.js';
import { exportOutput } from './export.js';
import { assignStableIds } from './ids.js';
import type { DecisionChange, DecisionRecord, StoreContent } from './port.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A decision as stored: without where it was in its file. */
const stored = (d: Decision): Omit<Decision, 'location'> => {
  const { location: _l, ...rest } = d;
  return rest;
};

/** Canonical JSON (keys sorted), to tell a decision stored again unchanged from a changed one. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => cmp(a, b))) : x));

/** The decisions in force: the latest version of each id, in id order. */
export const currentDecisions = (records: readonly DecisionRecord[]): Decision[] => {
  const last = new Map<string, Decision>();
  for (const r of [...records].sort((p, q) => p.seq - q.seq)) last.set(r.decisionId, { ...(r.after as Decision), location: `store decision ${r.decisionId}` });
  return [...last.values()].sort((p, q) => cmp(p.id, q.id));
};

/** What storing these decisions adds to the table: new ids, and ids whose content changed; unchanged ones add nothing. */
export const decisionChanges = (records: readonly DecisionRecord[], incoming: readonly Decision[]): DecisionChange[] => {
  const now = new Map(currentDecisions(records).map((d) => [d.id, stored(d)]));
  return [...incoming].sort((p, q) => cmp(p.id, q.id)).flatMap((d): DecisionChange[] => {
    const after = stored(d);
    const before = now.get(d.id) ?? null;
    if (before !== null && canonical(before) === canonical(after)) return [];
    return [{ decisionId: d.id, kind: d.kind, who: d.who, when: d.when, change: before === null ? 'added' : 'changed', before, after }];
  });
};

/** Decisions of a file over the stored ones: a file's decision replaces the stored one with its id. */
export const withFile = (storedOnes: readonly Decision[], file: readonly Decision[]): Decision[] => {
  const ids = new Set(file.map((d) => d.id));
  return [...storedOnes.filter((d) => !ids.has(d.id)), ...file].sort((p, q) => cmp(p.id, q.id));
};

/** The store's content as the output contract with decisions applied (no decisions: exportOutput). */
export const exportDecided = (rules: Rules, rulesHash: string, decisions: readonly Decision[]) => (content: StoreContent): Output => {
  const plain = exportOutput(rules, rulesHash)(content);
  if (!decisions.length) return plain;
  const byReport = new Map<string, Mention[]>();
  for (const m of content.mentions) byReport.set(m.reportId, [...(byReport.get(m.reportId) ?? []), m]);
  const extracted: ExtractedReport[] = content.reports.map((s) => ({
    report: s.report,
    extraction: { mentions: (byReport.get(s.report.id) ?? []).sort((p, q) => p.ordinal - q.ordinal), aggregates: s.aggregates, looseStances: s.looseStances, warnings: s.warnings },
  }));
  const { output } = reconcileExtracted({ reports: [], rules, rulesHash, readWarnings: [], reportsSkipped: 0, reportsSkippedBy: {}, decisions })(extracted);
  const previous = content.incidents.map((i) => ({ incidentId: i.id, mentionIds: i.mentionIds ?? [] }));
  const ids = assignStableIds(previous, output.incidents.map((i) => i.mentionIds ?? []), new Set(content.incidents.map((i) => i.id)));
  const incidents = output.incidents.map((i, k) => ({ ...i, id: ids.incidents[k]!.incidentId }));
  const renamed = new Map(output.incidents.map((i, k) => [i.id, incidents[k]!.id]));
  return {
    ...output,
    // read warnings as the plain export gives them, then the run's own
    warnings: [...plain.warnings.filter((w) => !output.warnings.some((o) => JSON.stringify(o) === JSON.stringify(w))), ...output.warnings],
    incidents: [...incidents].sort((p, q) => (p.date === null ? 1 : 0) - (q.date === null ? 1 : 0) || cmp(p.date?.start ?? '', q.date?.start ?? '') || cmp(p.id, q.id)),
    ...(output.decisions ? { decisions: output.decisions.map((s) => ({ ...s, incidentIds: s.incidentIds.map((id) => renamed.get(id) ?? id).sort(cmp) })) } : {}),
  };
};
