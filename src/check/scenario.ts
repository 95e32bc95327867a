/**
 * A generated case for check-rules: reports whose event mentions are given directly (as
 * hand coding gives them) and reports given as text in one of the rule set's languages,
 * extracted with the rules. Scenarios print as readable lines in counterexamples.
 */
import fc from 'fast-check';
import type { Mention, TollClaim } from '../model/claim.js';
import type { Report } from '../model/report.js';
import type { ExtractedReport } from '../pipeline.js';
import type { Rules } from '../rules/schema.js';
import { extractReport } from '../extract/index.js';

export type CodedDraft = {
  readonly kind: 'coded';
  readonly id: string;
  readonly publishedAt: string | null;
  readonly mentions: readonly Mention[];
  readonly aggregates: readonly TollClaim[];
};

export type TextDraft = {
  readonly kind: 'text';
  readonly id: string;
  readonly publishedAt: string | null;
  readonly outlet: string | null;
  readonly language: string;
  readonly text: string;
};

export type ReportDraft = CodedDraft | TextDraft;

export type Scenario = { readonly reports: readonly ReportDraft[] };

const showDate = (d: Mention['date']): string => (d ? (d.start === d.end ? d.start : `${d.start}..${d.end}`) : 'undated');

const showClaim = (c: TollClaim): string =>
  `${c.outcome}/${c.group}${c.affiliation ? `/${c.affiliation}` : ''}=${c.value ?? `~${String(c.vagueMin)}`}`
  + `${c.qualifier === 'exact' || c.qualifier === 'vague' ? '' : ` ${c.qualifier}`}${c.mayRise ? ' may-rise' : ''}`
  + ` (${c.source}${c.via ? ` via ${c.via}` : ''})`;

/** One line per mention: id, date, places, claims, stances, targets. */
export const showMention = (m: Mention): string => {
  const places = m.places.map((p) => p.id ?? `"${p.name}"`).join('+') || '-';
  const stances = m.stances.map((s) => `${s.source}${s.via ? ` via ${s.via}` : ''} ${s.stance} ${s.actor}`);
  return `${m.id} ${showDate(m.date)} @${places} [${m.claims.map(showClaim).join(', ')}]`
    + `${stances.length ? ` {${stances.join(', ')}}` : ''}${m.targets.length ? ` targets: ${m.targets.join(', ')}` : ''}`;
};

export const showDraft = (r: ReportDraft): string => {
  const head = `${r.id} (published ${r.publishedAt ?? 'unknown'}`;
  if (r.kind === 'text') return `${head}, ${r.language} text, outlet ${r.outlet ?? 'unknown'}): ${JSON.stringify(r.text)}`;
  const lines = [...r.mentions.map(showMention), ...r.aggregates.map((a) => `aggregate ${showClaim(a)}`)];
  return `${head})${lines.map((l) => `\n    ${l}`).join('')}`;
};

export const showScenario = (s: Scenario): string =>
  s.reports.length ? s.reports.map((r) => `  ${showDraft(r)}`).join('\n') : '  (no reports)';

/** Give a value a readable toString for fast-check's counterexample printing. */
export const readable = <T extends object>(value: T, show: (v: T) => string): T =>
  Object.defineProperty(value, fc.toStringMethod, { value: () => show(value), enumerable: false });

export const toReport = (r: ReportDraft): Report => ({
  id: r.id, publishedAt: r.publishedAt, outlet: r.kind === 'text' ? r.outlet : null, language: r.kind === 'text' ? r.language : 'und',
  url: null, text: r.kind === 'text' ? r.text : null, coded: null, origin: r.id,
});

/** Scenario → the pipeline's extracted reports; text is extracted with the rules (compiled once). */
export const extractScenario = (rules: Rules) => {
  const extract = extractReport(rules);
  return (s: Scenario): ExtractedReport[] => s.reports.map((r) => ({
    report: toReport(r),
    extraction: r.kind === 'text'
      ? extract(toReport(r))
      : { mentions: r.mentions, aggregates: r.aggregates, looseStances: [], warnings: [] },
  }));
};
