/**
 * The text form of a rules diff, for people: a summary line, then incidents merged, split,
 * regrouped, added, removed and changed (each change as before → after), then aggregates
 * and warnings that appear or disappear; or a single "no differences" line.
 */
import type { DateRange } from '../model/contract.js';
import type { AttributionState, Change, TollState } from './compare.js';
import type { IncidentRef, OutputDiff } from './index.js';

export type DiffLabels = { readonly before: string; readonly after: string };

const showDate = (d: DateRange | null): string => (d === null ? 'undated' : d.start === d.end ? d.start : `${d.start}..${d.end}`);

const showRef = (r: IncidentRef): string =>
  `${r.id} ${showDate(r.date)}${r.places.length ? ` ${r.places.join(', ')}` : ''} [${r.reportIds.join(', ')}]`
  + `${r.tolls.length ? `: ${r.tolls.join('; ')}` : ''}${r.grade ? ` (${r.grade})` : ''}`;

const range = (t: TollState): string => `${t.min}${t.max === t.min ? '' : `–${t.max ?? '∞'}`}`;

const showToll = (category: string, b: TollState | null, a: TollState | null): string => {
  if (!b) return `+ ${category}: ${range(a!)}, best ${a!.best ?? 'none'} (${a!.claims} claims${a!.derived ? ', derived' : ''})`;
  if (!a) return `- ${category}: ${range(b)}, best ${b.best ?? 'none'} (${b.claims} claims${b.derived ? ', derived' : ''})`;
  const parts = [
    ...(range(b) !== range(a) ? [`range ${range(b)} → ${range(a)}`] : []),
    ...(b.best !== a.best ? [`best ${b.best ?? 'none'} → ${a.best ?? 'none'}`
      + `${b.bestPolicy !== a.bestPolicy ? ` (policy ${b.bestPolicy ?? 'none'} → ${a.bestPolicy ?? 'none'})` : ''}`] : []),
    ...(b.derived !== a.derived ? [a.derived ? 'now derived' : 'now stated'] : []),
    ...(b.claims !== a.claims ? [`claims ${b.claims} → ${a.claims}`] : []),
    ...(b.sources.join() !== a.sources.join() ? [`sources ${list(b.sources)} → ${list(a.sources)}`] : []),
  ];
  return `${category}: ${parts.join('; ')}`;
};

const showAttribution = (s: AttributionState | null): string => (s ? `${s.status} (${s.stances} stance${s.stances === 1 ? '' : 's'})` : 'none');

const list = (xs: readonly string[]): string => xs.join(', ') || 'none';

export const showChange = (c: Change): string[] => {
  switch (c.field) {
    case 'id': return [`id: ${c.before} → ${c.after}`];
    case 'date': return [`date: ${showDate(c.before)} → ${showDate(c.after)}`];
    case 'places': return [`places: ${list(c.before)} → ${list(c.after)}`];
    case 'reports': return [`reports: ${list(c.before)} → ${list(c.after)}`];
    case 'toll': return [showToll(c.category, c.before, c.after)];
    case 'grade': return [`grade: ${c.before ?? 'none'} → ${c.after ?? 'none'}`];
    case 'attribution': return [`attribution ${c.actor}: ${showAttribution(c.before)} → ${showAttribution(c.after)}`];
    case 'disagreements': return [...c.removed.map((d) => `- disagreement ${d}`), ...c.added.map((d) => `+ disagreement ${d}`)];
  }
};

const section = (title: string, count: number, lines: readonly string[]): string[] => (count ? ['', `${title} (${count}):`, ...lines] : []);

/** The diff as text; `labels` name the two rule sets (their directories). */
export const renderDiff = (d: OutputDiff, labels: DiffLabels): string => {
  const head = `rules ${labels.before} (${d.rulesHash.before}) → ${labels.after} (${d.rulesHash.after})`;
  if (d.identical) return `${head}\nno differences: ${d.counts.before} incidents, the same under both rule sets\n`;
  const c = d.counts;
  const tally = [`${c.unchanged} unchanged`, ...(['changed', 'merged', 'split', 'regrouped', 'added', 'removed'] as const)
    .filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`)].join(', ');
  const lines = [
    head,
    `incidents: ${c.before} → ${c.after} (${tally})`,
    ...section('Merged', d.merged.length, d.merged.flatMap((m) => [...m.from.map((r) => `  ${showRef(r)}`), `  → ${showRef(m.into)}`, ''])),
    ...section('Split', d.split.length, d.split.flatMap((s) => [`  ${showRef(s.from)}`, ...s.into.map((r) => `  → ${showRef(r)}`), ''])),
    ...section('Regrouped', d.regrouped.length, d.regrouped.flatMap((g) => [...g.from.map((r) => `  ${showRef(r)}`), ...g.into.map((r) => `  → ${showRef(r)}`), ''])),
    ...section('Added', d.added.length, d.added.map((r) => `  + ${showRef(r)}`)),
    ...section('Removed', d.removed.length, d.removed.map((r) => `  - ${showRef(r)}`)),
    ...section('Changed', d.changed.length, d.changed.flatMap((x) => [
      `  ${x.before.id}${x.after.id === x.before.id ? '' : ` → ${x.after.id}`} ${showDate(x.after.date)}${x.after.places.length ? ` ${x.after.places.join(', ')}` : ''}`,
      ...x.changes.filter((ch) => ch.field !== 'id').flatMap(showChange).map((l) => `    ${l}`),
    ])),
    ...section('Aggregates', d.aggregates.added.length + d.aggregates.removed.length,
      [...d.aggregates.removed.map((a) => `  - ${a}`), ...d.aggregates.added.map((a) => `  + ${a}`)]),
    ...section('Warnings', d.warnings.added.length + d.warnings.removed.length,
      [...d.warnings.removed.map((w) => `  - ${w}`), ...d.warnings.added.map((w) => `  + ${w}`)]),
    // What became of the analysts' decisions, apart from what the rules changed.
    ...section('Decisions', d.decisions?.length ?? 0, (d.decisions ?? []).flatMap((x) => [`  ${x.id} (${x.kind})`, `    - ${x.before}`, `    + ${x.after}`])),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
};
