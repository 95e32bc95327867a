/**
 * The whole flow in one place: reports → extracted mentions → blocked, compared and
 * clustered incidents → reconciled output. Pure; the CLI supplies reports and rules.
 * STUB: the signature is the contract between stages; the core-engine work fills it.
 */
import type { Output, Warning } from './model/contract.js';
import type { Report } from './model/report.js';
import type { Rules } from './rules/schema.js';

export type PipelineInput = {
  readonly reports: readonly Report[];
  readonly rules: Rules;
  readonly rulesHash: string;
  /** problems found while reading (skipped files and records), carried into the output */
  readonly readWarnings: readonly Warning[];
  /** reports that could not be read at all */
  readonly reportsSkipped: number;
};

export declare const reconcileReports: (input: PipelineInput) => Output;
