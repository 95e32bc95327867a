/**
 * `reconcile diff` as a pure function: two outputs of the same inputs under two rule sets
 * → incidents added, removed, split, merged (or regrouped) and changed, plus aggregates and
 * warnings that appear or disappear. The JSON of `--format json` is this value.
 */
import type { Aggregate, DateRange, Incident, Output, Warning } from '../model/contract.js';
import { categoryOf, compareIncidents, type Change } from './compare.js';
import { matchIncidents } from './match.js';

export type { Change, TollState, AttributionState } from './compare.js';
export { compareIncidents } from './compare.js';
export { evidenceOf, matchIncidents } from './match.js';
export { renderDiff } from './render.js';

/** An incident as the diff shows it: enough to recognise it without the full output. */
export type IncidentRef = {
  readonly id: string;
  readonly date: DateRange | null;
  readonly places: readonly string[];
  readonly reportIds: readonly string[];
  readonly mentionIds: readonly string[];
  /** "killed/civilians 28–30, best 28" */
  readonly tolls: readonly string[];
  readonly grade: string | null;
};

export type IncidentChange = { readonly before: IncidentRef; readonly after: IncidentRef; readonly changes: readonly Change[] };

export type OutputDiff = {
  readonly rulesHash: { readonly before: string; readonly after: string };
  /** true when nothing below differs */
  readonly identical: boolean;
  readonly counts: {
    readonly before: number; readonly after: number;
    readonly unchanged: number; readonly changed: number; readonly added: number; readonly removed: number;
    readonly split: number; readonly merged: number; readonly regrouped: number;
  };
  readonly added: readonly IncidentRef[];
  readonly removed: readonly IncidentRef[];
  /** one incident before became several */
  readonly split: readonly { readonly from: IncidentRef; readonly into: readonly IncidentRef[] }[];
  /** several incidents before became one */
  readonly merged: readonly { readonly from: readonly IncidentRef[]; readonly into: IncidentRef }[];
  /** several became several, sharing evidence across */
  readonly regrouped: readonly { readonly from: readonly IncidentRef[]; readonly into: readonly IncidentRef[] }[];
  readonly changed: readonly IncidentChange[];
  readonly aggregates: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly warnings: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** decisions whose outcome differs between the two runs (applied, stale or in conflict; or the incidents they reached), apart from what the rules changed */
  readonly decisions?: readonly { readonly id: string; readonly kind: string; readonly before: string; readonly after: string }[];
};

export const tollLine = (t: Incident['tolls'][number]): string =>
  `${categoryOf(t)} ${t.min}${t.max === t.min ? '' : `–${t.max ?? '∞'}`}, best ${t.best ?? 'none'}${t.derived ? ' (derived)' : ''}`;

export const refOf = (i: Incident): IncidentRef => ({
  id: i.id, date: i.date, places: i.places.map((p) => p.id), reportIds: i.reportIds, mentionIds: i.mentionIds ?? [],
  tolls: i.tolls.map(tollLine), grade: i.grade ?? null,
});

const aggregateLine = (a: Aggregate): string =>
  `${a.reportId}@${a.span[0]}-${a.span[1]} ${categoryOf(a)} ${a.value} (${a.source}): ${JSON.stringify(a.quote)}`;
const warningLine = (w: Warning): string => `${w.code}${w.location ? ` at ${w.location}` : w.reportId ? ` (report ${w.reportId})` : ''}: ${w.message}`;

const setDiff = (before: readonly string[], after: readonly string[]) => ({
  added: after.filter((x) => !before.includes(x)),
  removed: before.filter((x) => !after.includes(x)),
});

/** The differences between the output of the same inputs under rules A (`before`) and B (`after`). */
export const diffOutputs = (before: Output, after: Output): OutputDiff => {
  const added: IncidentRef[] = [], removed: IncidentRef[] = [], changed: IncidentChange[] = [];
  const split: OutputDiff['split'][number][] = [], merged: OutputDiff['merged'][number][] = [], regrouped: OutputDiff['regrouped'][number][] = [];
  let unchanged = 0;
  for (const c of matchIncidents(before.incidents, after.incidents)) {
    const [b, a] = [c.before.map(refOf), c.after.map(refOf)];
    if (b.length === 0) added.push(...a);
    else if (a.length === 0) removed.push(...b);
    else if (b.length === 1 && a.length === 1) {
      const changes = compareIncidents(c.before[0]!, c.after[0]!);
      if (changes.length) changed.push({ before: b[0]!, after: a[0]!, changes }); else unchanged++;
    } else if (b.length === 1) split.push({ from: b[0]!, into: a });
    else if (a.length === 1) merged.push({ from: b, into: a[0]! });
    else regrouped.push({ from: b, into: a });
  }
  const aggregates = setDiff(before.aggregates.map(aggregateLine), after.aggregates.map(aggregateLine));
  const decisionWarning = (w: Warning): boolean => w.code === 'stale-decision' || w.code === 'decision-conflict';
  const warnings = setDiff(before.warnings.filter((w) => !decisionWarning(w)).map(warningLine), after.warnings.filter((w) => !decisionWarning(w)).map(warningLine));
  const state = (o: Output, id: string): string => {
    const s = o.decisions?.find((d) => d.id === id);
    if (!s) return 'absent';
    const ids = s.incidentIds.map((i) => o.incidents.find((x) => x.id === i)?.mentionIds?.join('+') ?? i);
    return s.status === 'applied' ? `applied to ${ids.join(', ')}` : `${s.status}: ${s.message ?? ''}`;
  };
  const decisionIds = [...new Set([...(before.decisions ?? []), ...(after.decisions ?? [])].map((d) => d.id))].sort();
  const decisions = decisionIds.flatMap((id) => {
    const [b, a] = [state(before, id), state(after, id)];
    const kind = (after.decisions ?? before.decisions ?? []).find((d) => d.id === id)?.kind ?? '';
    return b === a ? [] : [{ id, kind, before: b, after: a }];
  });
  const counts = {
    before: before.incidents.length, after: after.incidents.length, unchanged, changed: changed.length,
    added: added.length, removed: removed.length, split: split.length, merged: merged.length, regrouped: regrouped.length,
  };
  const identical = unchanged === before.incidents.length && unchanged === after.incidents.length
    && !aggregates.added.length && !aggregates.removed.length && !warnings.added.length && !warnings.removed.length && !decisions.length;
  return {
    rulesHash: { before: before.rulesHash, after: after.rulesHash }, identical, counts,
    added, removed, split, merged, regrouped, changed, aggregates, warnings,
    ...(decisions.length ? { decisions } : {}),
  };
};
