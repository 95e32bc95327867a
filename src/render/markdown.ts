/**
 * The reconciled output as Markdown for people: one section per incident (disagreements
 * first, then a table per victim category, then attribution), then totals over many
 * events and warnings. Every string from a report or a file is escaped.
 */
import { sourceLabel } from './facts.js';
import { formatFigure, formatNumber } from './figures.js';
import { placeLabels } from './places.js';
import { ID_NAMES, type Names } from './names.js';
import { claimRows, namedSummary, relayChainOf, timelineOf, type ClaimRow } from './markdown-claims.js';
import type { Aggregate, Attribution, Disagreement, Incident, Output, ReportOut, Toll, Warning } from '../model/contract.js';

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

type Ctx = { readonly names: Names; readonly reports: ReadonlyMap<string, ReportOut> };

/** A disagreement with names for the ids it lists; a revision as the source's own timeline. */
const renderDisagreement = (ctx: Ctx, inc: Incident) => (d: Disagreement): string => {
  const what = [
    d.outcome && d.group ? `${e(d.outcome)}/${e(d.group)}${d.affiliation ? `/${e(d.affiliation)}` : ''}` : null,
    d.actor ? e(ctx.names.actor(d.actor)) : null,
    d.reason ? e(d.reason) : null,
  ].filter((x): x is string => x !== null);
  const head = `- **${e(d.kind)}**${what.length ? ` (${what.join(', ')})` : ''}: `;
  const steps = d.reason === 'revision' ? timelineOf(inc, d, ctx.reports) : [];
  if (steps.length >= 2) {
    const line = steps.map((x) => `${formatFigure(x.value, x.qualifier, dash)}${x.superseded ? ' (revised)' : ''} (${x.reportIds.map(e).join(', ')}${x.publishedAt ? `, ${e(x.publishedAt)}` : ''})`).join(' → ');
    return `${head}timeline of ${e(ctx.names.source(d.sources[0]!))}, one source about one event: ${line}`;
  }
  return `${head}${e(namedSummary(d, ctx.names, inc))}`;
};

/** Who relayed it after its source: "Agence France-Presse → The New Arab". */
const chain = (ctx: Ctx, ids: readonly string[]): string => ids.slice(1).map((id) => e(ctx.names.source(id))).join(' → ');

/** The decisions that changed or added any claim of the row. */
const decidedOf = (r: ClaimRow): string => {
  const ids = [...new Set(r.claims.flatMap((x) => x.decidedBy ?? []))];
  return ids.length ? ` (decided: ${ids.map(e).join(', ')})` : '';
};

const claimRow = (ctx: Ctx) => (r: ClaimRow): string => {
  const c = r.claims[0]!;
  const relays = [...new Set(r.claims.flatMap((x) => { const ch = relayChainOf(x); return ch ? [chain(ctx, ch)] : []; }))];
  const quotes = [...new Set(r.claims.map((x) => x.quote))];
  return `| ${who(ctx)(c)} | ${formatFigure(c.value, c.qualifier, dash)}${c.mayRise ? ' (may rise)' : ''}${c.review ? ' (to review)' : ''}${c.notWhole ? ' (not the whole event)' : ''}${c.superseded ? ' (revised)' : ''}${decidedOf(r)} | ${e(c.qualifier)} | ${relays.length ? relays.join('; ') : dash} | ${[...new Set(r.claims.map((x) => x.reportId))].map(e).join(', ')} | ${quotes.map((q) => `“${e(q)}”`).join(' · ')} |`;
};

const renderToll = (ctx: Ctx) => (t: Toll): string[] => {
  const high = t.max === null ? 'unbounded' : formatNumber(t.max);
  const best = t.best === null ? dash : `${formatNumber(t.best)}${t.bestPolicy ? ` (${e(t.bestPolicy)})` : ''}`;
  const head = `#### ${categoryTitle(t)}${t.derived ? ' (derived)' : ''}`;
  const range = `Low **${formatNumber(t.min)}** · best **${best}** · high **${high}**${t.decidedBy?.length ? ` · decided: ${t.decidedBy.map(e).join(', ')}` : ''}`;
  if (t.derived) return [head, '', range, '', `Derived, not stated by any source: ${e(t.derivedFrom ?? '')}`, ''];
  return [
    head, '', range, '',
    '| Source | Figure | Qualifier | Relayed by | Reports | Quote |',
    '|---|---:|---|---|---|---|',
    ...claimRows(t.claims).map(claimRow(ctx)),
    '',
  ];
};

/** A source by its name from the rules, or an unlisted one by its name as written. */
const who = (ctx: Ctx) => (c: { source: string; sourceName?: string | undefined }): string =>
  (c.sourceName ? `${e(c.sourceName)} (unlisted)` : e(ctx.names.source(c.source)));

const renderAttribution = (ctx: Ctx) => (a: Attribution): string[] => [
  `- **${e(ctx.names.actor(a.actor))}**: ${e(a.status)}${a.belligerent ? `, ${e(a.belligerent)} belligerent` : ''}${a.decidedBy?.length ? ` (decided: ${a.decidedBy.map(e).join(', ')})` : ''}`,
  ...a.stances.map((s) => { const ch = relayChainOf(s); return `  - ${who(ctx)(s)}${ch ? ` via ${chain(ctx, ch)}` : ''} *${e(s.stance)}* (${e(s.reportId)}): “${e(s.quote)}”`; }),
];

const ASSESSED: Readonly<Record<string, string>> = {
  'acknowledges-harm': 'acknowledges civilian harm', credible: 'assesses the harm as credible', 'non-credible': 'assesses the harm as not credible',
  'no-evidence': 'says it has no evidence of civilian harm', 'under-assessment': 'is assessing the reports', 'declined-to-comment': 'declined to comment',
};

const renderAssessments = (ctx: Ctx, inc: Incident): string[] => !inc.harmAssessments?.length ? [] : [
  '### The belligerent’s assessment of civilian harm', '',
  ...inc.harmAssessments.map((a) => `- ${e(ctx.names.actor(a.actor))} ${e(ASSESSED[a.assessment] ?? a.assessment)}, says ${who(ctx)(a)} (${e(a.reportId)}): “${e(a.quote)}”`),
  '',
];

/** The analysts' decisions that reached the incident, and the claims they rejected (out of every range). */
const renderDecisions = (ctx: Ctx, inc: Incident): string[] => (inc.decisions?.length ? [
  '### Decisions', '',
  ...inc.decisions.map((d) => `- **${e(d.id)}** ${e(d.kind)} by ${e(d.who)}, ${e(d.when)}: ${e(d.why)}`),
  ...(inc.rejectedClaims ?? []).map((c) => `- Rejected (${c.decidedBy.map(e).join(', ')}): ${who(ctx)(c)} ${formatFigure(c.value, c.qualifier, dash)} ${e(`${c.outcome}/${c.group}`)} (${e(c.reportId)}): “${e(c.quote)}”`),
  '',
] : []);

const renderIncident = (ctx: Ctx) => (inc: Incident, n: number): string[] => {
  const places = placeLabels(inc, e, ctx.names).join(', ') || 'no gazetteer place';
  return [
    `## ${n}. ${formatDate(inc.date)} · ${places}`, '',
    `- Incident: ${e(inc.id)}`,
    `- Date: ${formatDate(inc.date)}`,
    `- Places: ${places}`,
    `- Grade: ${inc.grade ? e(inc.grade) : dash}${inc.gradeDecidedBy?.length ? ` (decided: ${inc.gradeDecidedBy.map(e).join(', ')})` : ''}`,
    `- Reports: ${inc.reportIds.map(e).join(', ')}`, '',
    '### Disagreements', '',
    ...(inc.disagreements.length ? inc.disagreements.map(renderDisagreement(ctx, inc)) : ['None found.']), '',
    '### Tolls', '',
    ...(inc.tolls.length ? inc.tolls.flatMap(renderToll(ctx)) : ['No figures.', '']),
    '### Attribution', '',
    ...(inc.attributions.length ? inc.attributions.flatMap(renderAttribution(ctx)) : ['No stance on who carried it out.']), '',
    ...renderAssessments(ctx, inc),
    ...renderDecisions(ctx, inc),
  ];
};

const renderAggregates = (ctx: Ctx, as: readonly Aggregate[]): string[] => as.length === 0 ? [] : [
  '## Totals over many events', '',
  '| Report | Source | Category | Value | Quote |',
  '|---|---|---|---:|---|',
  ...as.map((a) => `| ${e(a.reportId)} | ${e(ctx.names.source(a.source))} | ${e(a.outcome)}/${e(a.group)}${a.affiliation ? `/${e(a.affiliation)}` : ''} | ${formatNumber(a.value)} | “${e(a.quote)}” |`),
  '',
];

const renderWarnings = (ws: readonly Warning[]): string[] => ws.length === 0 ? [] : [
  '## Warnings', '',
  ...ws.map((w) => `- **${e(w.code)}**${w.reportId ? ` (${e(w.reportId)})` : ''}${w.location ? ` at ${e(w.location)}` : ''}: ${e(w.message)}`),
  '',
];

/** `names` from the rules (names.ts namesFromRules); without them ids stand for names. */
export const renderMarkdown = (output: Output, names: Names = ID_NAMES): string => {
  const a = output.accounting;
  const ctx: Ctx = { names, reports: new Map(output.reports.map((r) => [r.id, r])) };
  return [
    '# Reconciled incidents', '',
    `${output.incidents.length} incident(s) from ${output.reports.length} report(s); rules ${e(output.rulesHash)}.`,
    ...(a ? ['', `Claims: ${a.claimsExtracted} extracted, ${a.claimsInIncidents} in incidents, ${a.claimsInAggregates} in totals. ` +
      `Stances: ${a.stancesExtracted} extracted, ${a.stancesInIncidents} in incidents, ${a.stancesWithoutIncident} without an incident.`] : []),
    '',
    ...output.incidents.flatMap((inc, i) => renderIncident(ctx)(inc, i + 1)),
    ...renderAggregates(ctx, output.aggregates),
    ...renderWarnings(output.warnings),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
};
