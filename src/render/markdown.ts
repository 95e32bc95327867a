/**
 * The reconciled output as Markdown for people: one section per incident (disagreements
 * first, then a table per victim category, then attribution), then totals over many
 * events and warnings. Every string from a report or a file is escaped.
 */
import { sourceLabel } from './facts.js';
import { formatFigure, formatNumber } from './figures.js';
import { placeLabels } from './places.js';
import type { Aggregate, Attribution, Disagreement, Incident, Output, Toll, Warning } from '../model/contract.js';

// C0/C1 controls (ANSI escapes) and bidi embeddings/overrides/isolates could spoof a terminal.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Inline-safe Markdown: one line, no HTML, no table breaks, no code, emphasis, links or headings.
 *  Escaped text never starts a line here, so line-start markers (-, +, 1.) need no escape. */
export const escapeMarkdown = (s: string): string =>
  s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    .replace(UNSAFE, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`);

const e = escapeMarkdown;
const dash = '—';

const formatDate = (d: Incident['date']): string => (d === null ? 'undated' : d.start === d.end ? d.start : `${d.start} to ${d.end}`);

const categoryTitle = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): string =>
  `${e(t.outcome)} · ${e(t.group)}${t.affiliation ? ` (${e(t.affiliation)})` : ''}`;

const renderDisagreement = (d: Disagreement): string => {
  const what = [
    d.outcome && d.group ? `${e(d.outcome)}/${e(d.group)}${d.affiliation ? `/${e(d.affiliation)}` : ''}` : null,
    d.actor ? e(d.actor) : null,
    d.reason ? e(d.reason) : null,
  ].filter((x): x is string => x !== null);
  return `- **${e(d.kind)}**${what.length ? ` (${what.join(', ')})` : ''}: ${e(d.summary)}`;
};

const renderToll = (t: Toll): string[] => {
  const high = t.max === null ? 'unbounded' : formatNumber(t.max);
  const best = t.best === null ? dash : `${formatNumber(t.best)}${t.bestPolicy ? ` (${e(t.bestPolicy)})` : ''}`;
  const head = `#### ${categoryTitle(t)}${t.derived ? ' (derived)' : ''}`;
  const range = `Low **${formatNumber(t.min)}** · best **${best}** · high **${high}**${t.decidedBy?.length ? ` · decided: ${t.decidedBy.map(e).join(', ')}` : ''}`;
  if (t.derived) return [head, '', range, '', `Derived, not stated by any source: ${e(t.derivedFrom ?? '')}`, ''];
  return [
    head, '', range, '',
    '| Source | Figure | Qualifier | Via | Report | Quote |',
    '|---|---:|---|---|---|---|',
    ...t.claims.map((c) =>
      `| ${who(c)} | ${formatFigure(c.value, c.qualifier, dash)}${c.mayRise ? ' (may rise)' : ''}${c.review ? ' (to review)' : ''}${c.notWhole ? ' (not the whole event)' : ''}${c.decidedBy?.length ? ` (decided: ${c.decidedBy.map(e).join(', ')})` : ''} | ${e(c.qualifier)} | ${c.via ? e(c.via) : dash} | ${e(c.reportId)} | “${e(c.quote)}” |`),
    '',
  ];
};

/** A source by its id, or an unlisted one by its name as written. */
const who = (c: { source: string; sourceName?: string | undefined }): string => (c.sourceName ? `${e(c.sourceName)} (unlisted)` : e(sourceLabel(c.source)));

const renderAttribution = (a: Attribution): string[] => [
  `- **${e(a.actor)}**: ${e(a.status)}${a.decidedBy?.length ? ` (decided: ${a.decidedBy.map(e).join(', ')})` : ''}`,
  ...a.stances.map((s) => `  - ${who(s)}${s.via ? ` via ${e(s.via)}` : ''} *${e(s.stance)}* (${e(s.reportId)}): “${e(s.quote)}”`),
];

/** The analysts' decisions that reached the incident, and the claims they rejected (out of every range). */
const renderDecisions = (inc: Incident): string[] => (inc.decisions?.length ? [
  '### Decisions', '',
  ...inc.decisions.map((d) => `- **${e(d.id)}** ${e(d.kind)} by ${e(d.who)}, ${e(d.when)}: ${e(d.why)}`),
  ...(inc.rejectedClaims ?? []).map((c) => `- Rejected (${c.decidedBy.map(e).join(', ')}): ${who(c)} ${formatFigure(c.value, c.qualifier, dash)} ${e(`${c.outcome}/${c.group}`)} (${e(c.reportId)}): “${e(c.quote)}”`),
  '',
] : []);

const renderIncident = (inc: Incident, n: number): string[] => {
  const places = placeLabels(inc, e).join(', ') || 'no gazetteer place';
  return [
    `## ${n}. ${formatDate(inc.date)} · ${places}`, '',
    `- Incident: ${e(inc.id)}`,
    `- Date: ${formatDate(inc.date)}`,
    `- Places: ${places}`,
    `- Grade: ${inc.grade ? e(inc.grade) : dash}${inc.gradeDecidedBy?.length ? ` (decided: ${inc.gradeDecidedBy.map(e).join(', ')})` : ''}`,
    `- Reports: ${inc.reportIds.map(e).join(', ')}`, '',
    '### Disagreements', '',
    ...(inc.disagreements.length ? inc.disagreements.map(renderDisagreement) : ['None found.']), '',
    '### Tolls', '',
    ...(inc.tolls.length ? inc.tolls.flatMap(renderToll) : ['No figures.', '']),
    '### Attribution', '',
    ...(inc.attributions.length ? inc.attributions.flatMap(renderAttribution) : ['No stance on who carried it out.']), '',
    ...renderDecisions(inc),
  ];
};

const renderAggregates = (as: readonly Aggregate[]): string[] => as.length === 0 ? [] : [
  '## Totals over many events', '',
  '| Report | Source | Category | Value | Quote |',
  '|---|---|---|---:|---|',
  ...as.map((a) => `| ${e(a.reportId)} | ${e(a.source)} | ${e(a.outcome)}/${e(a.group)}${a.affiliation ? `/${e(a.affiliation)}` : ''} | ${formatNumber(a.value)} | “${e(a.quote)}” |`),
  '',
];

const renderWarnings = (ws: readonly Warning[]): string[] => ws.length === 0 ? [] : [
  '## Warnings', '',
  ...ws.map((w) => `- **${e(w.code)}**${w.reportId ? ` (${e(w.reportId)})` : ''}${w.location ? ` at ${e(w.location)}` : ''}: ${e(w.message)}`),
  '',
];

export const renderMarkdown = (output: Output): string => {
  const a = output.accounting;
  return [
    '# Reconciled incidents', '',
    `${output.incidents.length} incident(s) from ${output.reports.length} report(s); rules ${e(output.rulesHash)}.`,
    ...(a ? ['', `Claims: ${a.claimsExtracted} extracted, ${a.claimsInIncidents} in incidents, ${a.claimsInAggregates} in totals. ` +
      `Stances: ${a.stancesExtracted} extracted, ${a.stancesInIncidents} in incidents, ${a.stancesWithoutIncident} without an incident.`] : []),
    '',
    ...output.incidents.flatMap((inc, i) => renderIncident(inc, i + 1)),
    ...renderAggregates(output.aggregates),
    ...renderWarnings(output.warnings),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
};
