/**
 * The library's pure core (`import { reconcile } from 'reconcile'`): reports and a rule set
 * in, the reconciled output of the contract (../shared/CONTRACT.md) out. Nothing here reads
 * files, the clock or the environment; `reconcile/node` reads rule sets and report files.
 *
 * ```ts
 * import { reconcile } from 'reconcile';
 * import { loadRules, readReports } from 'reconcile/node';
 * const rules = await loadRules();                       // the bundled rules/
 * const output = reconcile(await readReports(['reports/'], rules), rules);
 * ```
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Output, Warning } from './model/contract.js';
import type { Report } from './model/report.js';
import { reconcileReports } from './pipeline.js';
import { formatRuleProblems, hashRules, parseRules, type RuleFiles, type RuleProblem } from './rules/load.js';
import type { Rules } from './rules/schema.js';

export type {
  Accounting, Aggregate, Attribution, DateRange, Disagreement, DisagreementKind, Grade, Group, Incident, Outcome, Output,
  PairExplanation, PlaceOut, Qualifier, ReportOut, Span, StanceKind, StanceOut, Toll, TollClaimOut, Warning,
} from './model/contract.js';
export type { CodedClaim, CodedReportContent, CodedStance, Report } from './model/report.js';
export type { RuleFiles, RuleProblem } from './rules/load.js';
export type { Rules } from './rules/schema.js';
/** The zod schema of the output: `OutputSchema.parse(JSON.parse(text))` checks a JSON output. */
export { Output as OutputSchema } from './model/contract.js';

/** A validated rule set and the hash that identifies it (the output's `rulesHash`). */
export type RuleSet = { readonly rules: Rules; readonly hash: string };

/** What reading report files gave (see `readReports` in `reconcile/node`): the reports, and what could not be read. */
export type ReadResult = {
  readonly reports: readonly Report[];
  readonly warnings: readonly Warning[];
  /** reports (files or records) that could not be read at all */
  readonly skipped: number;
  /** the same, by the code of the warning that says why */
  readonly skippedBy: Readonly<Record<string, number>>;
  /** some input had a problem, not only a notice (the CLI exits 1) */
  readonly problems: boolean;
};

/** A rule set that does not validate: every problem, each with its file and path. */
export class InvalidRulesError extends Error {
  override readonly name = 'InvalidRulesError';
  constructor(readonly problems: readonly RuleProblem[], where = 'the rule set') {
    super(`invalid rules in ${where}:\n${formatRuleProblems(problems)}`);
  }
}

/**
 * A rule set from its files, already parsed from YAML: relative posix path
 * (`sources.yaml`, `languages/ar/numbers.yaml`) → value. Throws InvalidRulesError.
 */
export const rulesFromFiles = (files: RuleFiles): RuleSet => {
  const parsed = parseRules(files);
  if (E.isLeft(parsed)) throw new InvalidRulesError(parsed.left);
  return { rules: parsed.right, hash: hashRules(files) };
};

const isRead = (x: ReadResult | readonly Report[]): x is ReadResult => !Array.isArray(x);

/**
 * Extract, cluster and reconcile reports under a rule set: the JSON output of `reconcile run`.
 * Given what `readReports` read, its warnings and skipped files are carried into the output
 * (and its accounting), exactly as the CLI does; given bare reports, there are none.
 */
export const reconcile = (reports: ReadResult | readonly Report[], rules: RuleSet): Output => {
  const read: ReadResult = isRead(reports) ? reports : { reports, warnings: [], skipped: 0, skippedBy: {}, problems: false };
  return reconcileReports({
    reports: read.reports, rules: rules.rules, rulesHash: rules.hash,
    readWarnings: read.warnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy,
  });
};
