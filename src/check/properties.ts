/**
 * The engine's invariants as fast-check properties under one rule set: "for any reports
 * built from this rule set's vocabulary, …". Each property pairs a generator with a check
 * that returns violations (empty when the property holds) so that failures can be explained.
 */
import fc from 'fast-check';
import type { Output } from '../model/contract.js';
import type { Mention } from '../model/claim.js';
import { reconcileExtracted, type ExtractedReport, type PipelineInput } from '../pipeline.js';
import { reconcileIncident } from '../reconcile/index.js';
import type { Rules } from '../rules/schema.js';
import { extractReport } from '../extract/index.js';
import { extraClaimOf, scenarioOf, showExtraClaim, toClaim } from './arbitraries.js';
import {
  bestViolations, conservationViolations, contractViolations, dateWindowViolations, firstDifference, narrowingViolations,
  partWholeViolations, quoteViolations, rangeViolations,
} from './invariants.js';
import { extractScenario, readable, showScenario, toReport, type ReportDraft, type Scenario } from './scenario.js';
import { textOf } from './text.js';
import { vocabularyOf } from './vocabulary.js';

/** One property: a name to select and replay it, what it states, its generator and its check. */
export type RuleProperty = {
  readonly name: string;
  readonly statement: string;
  readonly arbitrary: fc.Arbitrary<unknown>;
  /** the violations in one generated case; empty when the property holds */
  readonly check: (value: unknown) => readonly string[];
};

const property = <T>(name: string, statement: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => readonly string[]): RuleProperty =>
  ({ name, statement, arbitrary: arbitrary as fc.Arbitrary<unknown>, check: check as (value: unknown) => readonly string[] });

/** A scenario with its reports, mentions, claims and stances in another order. */
const shuffledOf = (s: Scenario): fc.Arbitrary<Scenario> => {
  const perm = <T>(xs: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
  const mention = (m: Mention): fc.Arbitrary<Mention> => fc.tuple(perm(m.claims), perm(m.stances)).map(([claims, stances]) => ({ ...m, claims, stances }));
  const report = (r: ReportDraft): fc.Arbitrary<ReportDraft> => (r.kind === 'text' ? fc.constant(r)
    : fc.tuple(perm(r.mentions).chain((ms) => fc.tuple(...ms.map(mention))), perm(r.aggregates)).map(([mentions, aggregates]) => ({ ...r, mentions, aggregates })));
  return perm(s.reports).chain((rs) => fc.tuple(...rs.map(report))).map((reports) => ({ reports }));
};

const orderOf = (s: Scenario): string => s.reports.map((r) => (r.kind === 'text' ? r.id
  : `${r.id}[${r.mentions.map((m) => `${m.id}(${m.claims.map((c) => c.span[0]).join(',')})`).join(' ')}]`)).join(' ');

/** The extracted reports restricted to some mentions (no aggregates, no loose stances). */
const restrictTo = (extracted: readonly ExtractedReport[], ids: ReadonlySet<string>): ExtractedReport[] =>
  extracted.flatMap((x) => {
    const mentions = x.extraction.mentions.filter((m) => ids.has(m.id));
    return mentions.length ? [{ report: x.report, extraction: { mentions, aggregates: [], looseStances: [], warnings: [] } }] : [];
  });

/** Every property of the engine under `rules`, in the order check-rules runs them. */
export const ruleProperties = (rules: Rules): RuleProperty[] => {
  const vocabulary = vocabularyOf(rules);
  const extract = extractScenario(rules);
  const input: PipelineInput = { reports: [], rules, rulesHash: 'check-rules', readWarnings: [], reportsSkipped: 0 };
  const reconcile = reconcileExtracted(input);
  const outputOf = (s: Scenario): Output => reconcile(extract(s)).output;
  const scenarios = scenarioOf(rules, vocabulary);
  const r = rules.reconcile;

  const extraction = vocabulary.languages.map((lv) => {
    const extractOne = extractReport(rules);
    const texts = fc.record({ text: textOf(lv), publishedAt: fc.option(fc.constantFrom('2017-06-27', '2018-07-13'), { nil: null }) })
      .map((t) => readable(t, (x) => `${lv.language} text published ${x.publishedAt ?? 'unknown'}: ${JSON.stringify(x.text)}`));
    return property(`extraction[${lv.language}]`,
      `extracting any ${lv.language} text built from the rules' ${lv.language} vocabulary never throws, and every quote is the text at its span`,
      texts, (t) => quoteViolations(t.text, extractOne(toReport({ kind: 'text', id: 'text', outlet: 'unattributed', language: lv.language, ...t }))));
  });

  return [
    property('order-independence', 'the output does not depend on the order of reports, mentions, claims or stances',
      scenarios.chain((s) => shuffledOf(s).map((shuffled) => readable({ s, shuffled }, (x) => `${showScenario(x.s)}\n  reordered as: ${orderOf(x.shuffled)}`))),
      ({ s, shuffled }) => {
        const d = firstDifference(outputOf(s), outputOf(shuffled));
        return d ? [`the outputs differ at ${d}`] : [];
      }),
    property('idempotence', 'reconciling the mentions of any incident again gives back that incident, unchanged',
      scenarios, (s) => {
        const extracted = extract(s);
        return reconcile(extracted).output.incidents.flatMap((i) => {
          const again = reconcile(restrictTo(extracted, new Set(i.mentionIds ?? []))).output.incidents;
          if (again.length !== 1) return [`incident ${i.id} comes back as ${again.length} incidents: ${again.map((a) => a.id).join(', ')}`];
          const d = firstDifference(i, again[0]);
          return d ? [`incident ${i.id} changes when reconciled again, at ${d}`] : [];
        });
      }),
    property('ranges-contain-figures', 'every stated figure lies within its toll\'s range, whose ends are stated figures',
      scenarios, (s) => rangeViolations(outputOf(s))),
    property('best-within-range', 'every best estimate lies within [min, max] (a part capped at its whole\'s best excepted)',
      scenarios, (s) => bestViolations(r)(outputOf(s))),
    property('claims-conserved', 'every claim is in exactly one incident or aggregate, no stance is counted twice, and the accounting balances',
      scenarios, (s) => { const x = extract(s); return conservationViolations(r)(x, reconcile(x).output); }),
    property('adding-never-narrows', 'adding a claim to a mention of an incident never narrows a range of stated figures',
      fc.tuple(scenarios, extraClaimOf(rules, vocabulary)).map(([s, extra]) => readable({ s, extra }, (x) => `${showScenario(x.s)}\n  ${showExtraClaim(x.extra)}`)),
      ({ s, extra }) => {
        const { clustering } = reconcile(extract(s));
        const mentions = clustering.clusters.flatMap((c) => c.mentions);
        if (!mentions.length) return [];
        const target = mentions[extra.at % mentions.length]!;
        const cluster = clustering.clusters.find((c) => c.mentions.includes(target))!;
        const claim = toClaim(target.reportId, 990_000, extra.claim);
        const grown = { mentions: cluster.mentions.map((m) => (m === target ? { ...m, claims: [...m.claims, claim] } : m)) };
        return narrowingViolations(reconcileIncident(rules)(cluster), reconcileIncident(rules)(grown));
      }),
    property('parts-within-wholes', 'a part\'s best never exceeds the best of its whole (as the hierarchy in reconcile.yaml orders them)',
      scenarios, (s) => partWholeViolations(r)(outputOf(s))),
    property('date-window', `dated mentions more than dateWindowDays (${rules.clustering.dateWindowDays}) days apart are never in one incident`,
      scenarios, (s) => {
        const x = extract(s);
        const mentions = new Map(x.flatMap((e) => e.extraction.mentions.map((m) => [m.id, m] as const)));
        return dateWindowViolations(rules.clustering.dateWindowDays, mentions)(reconcile(x).output);
      }),
    property('output-contract', 'the output always meets the contract schema (CONTRACT.md)',
      scenarios, (s) => contractViolations(outputOf(s))),
    ...extraction,
  ];
};
