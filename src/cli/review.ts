/**
 * `reconcile review <inputs…>`: reconcile as `run` does (decisions applied when given) and
 * print the review queue (src/decisions/queue.ts) as text or JSON.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as Pipeline from '../pipeline.js';
import { renderQueue, reviewQueue } from '../decisions/queue.js';
import type { REVIEW_FORMATS } from './args.js';
import { readReports } from './inputs.js';
import { EXIT, failWith, formatAccounting, formatWarning, prepareRun, writeOutput } from './run.js';
import type { System } from './system.js';
import { safeJson, safeLine, safeText } from './terminal.js';

export type ReviewOptions = {
  readonly inputs: readonly string[];
  readonly rules: string | null;
  readonly format: (typeof REVIEW_FORMATS)[number];
  readonly out: string | null;
  readonly quiet: boolean;
  readonly decisions: string | null;
  readonly limit: number | null;
};

export const reviewCommand = (sys: System) => async (opts: ReviewOptions): Promise<number> => {
  const fail = failWith(sys);
  const prepared = await prepareRun(sys, opts);
  if (E.isLeft(prepared)) return fail(prepared.left);
  const { rules, hash, decisions } = prepared.right;
  const read = await readReports(sys, rules)(opts.inputs);
  read.warnings.forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  if (read.reports.length === 0) return fail('nothing could be read');
  const output = Pipeline.reconcileReports({
    reports: read.reports, rules, rulesHash: hash, readWarnings: read.warnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy,
    ...(decisions ? { decisions } : {}),
  });
  output.warnings.slice(read.warnings.length).forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  const all = reviewQueue(rules)(output);
  const items = opts.limit === null ? all : all.slice(0, opts.limit);
  const text = opts.format === 'json'
    ? `${safeJson(JSON.stringify({ rulesHash: hash, items: all.length, queue: items }, null, 2))}\n`
    : safeText(renderQueue(items));
  const written = await writeOutput(sys, opts.out, text);
  if (written !== null) return fail(`cannot write ${opts.out}: ${written.error instanceof Error ? written.error.message : String(written.error)}`);
  if (!opts.quiet) sys.stderr(`${safeLine(formatAccounting(output, read.skipped, read.skippedBy))}\n`);
  return read.problems ? EXIT.problems : EXIT.ok;
};
