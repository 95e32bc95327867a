/**
 * `reconcile review <inputs…>` and `reconcile review --store FILE`: reconcile as `run` does
 * (or read what the store holds, its decisions applied, as `export` does), and print the
 * review queue (src/decisions/queue.ts) as text or JSON; with `--serve`, serve the review page
 * instead (src/cli/serve.ts).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Output } from '../model/contract.js';
import * as Pipeline from '../pipeline.js';
import { renderQueue, reviewQueue } from '../decisions/queue.js';
import type { REVIEW_FORMATS } from './args.js';
import { readReports } from './inputs.js';
import { EXIT, failWith, formatAccounting, formatWarning, prepareRun, writeOutput } from './run.js';
import type { OpenStore } from './store/commands.js';
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
  /** review what this incident store holds instead of report files */
  readonly store?: string | null;
  /** serve the review page (with a store) */
  readonly serve?: boolean;
  /** the port to serve on (null: a free one) */
  readonly port?: number | null;
};

/** The rules, their hash and the decisions file, as prepareRun loads them. */
export type Prepared = Extract<Awaited<ReturnType<typeof prepareRun>>, { readonly _tag: 'Right' }>['right'];

type Reviewed = { readonly output: Output; readonly hash: string; readonly skipped: number; readonly skippedBy?: Readonly<Record<string, number>>; readonly problems: boolean };

/** The output of the report files given, decisions applied; or why there is none. */
const fromReports = async (sys: System, opts: ReviewOptions, prepared: Prepared): Promise<E.Either<string, Reviewed>> => {
  const { rules, hash, decisions } = prepared;
  const read = await readReports(sys, rules)(opts.inputs);
  read.warnings.forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  if (read.reports.length === 0) return E.left('nothing could be read');
  const output = Pipeline.reconcileReports({
    reports: read.reports, rules, rulesHash: hash, readWarnings: read.warnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy,
    ...(decisions ? { decisions } : {}),
  });
  output.warnings.slice(read.warnings.length).forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  return E.right({ output, hash, skipped: read.skipped, skippedBy: read.skippedBy, problems: read.problems });
};

/** The store's output, its decisions and the file's applied; stale and conflicting decisions warned about. */
const fromStore = async (sys: System, opts: ReviewOptions & { store: string }, prepared: Prepared, open?: OpenStore): Promise<E.Either<string, Reviewed>> => {
  const { rules, hash, decisions } = prepared;
  const { readStoreOutput } = await import('./store/commands.js');
  const read = await readStoreOutput(sys, open)({ store: opts.store, rules, hash, decisions: decisions ?? [], quiet: opts.quiet });
  if (E.isLeft(read)) return read;
  read.right.warnings.filter((w) => w.code === 'stale-decision' || w.code === 'decision-conflict').forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  return E.right({ output: read.right, hash, skipped: 0, problems: false });
};

export const reviewCommand = (sys: System, open?: OpenStore) => async (opts: ReviewOptions): Promise<number> => {
  const fail = failWith(sys);
  const store = opts.store ?? null;
  const prepared = await prepareRun(sys, store === null ? opts : { ...opts, inputs: [store] });
  if (E.isLeft(prepared)) return fail(prepared.left);
  if (store !== null && opts.serve) return (await import('./serve.js')).serveReview(sys, { ...opts, store, port: opts.port ?? null }, prepared.right, open);
  const reviewed = store === null ? await fromReports(sys, opts, prepared.right) : await fromStore(sys, { ...opts, store }, prepared.right, open);
  if (E.isLeft(reviewed)) return fail(reviewed.left);
  const { output, hash } = reviewed.right;
  const all = reviewQueue(prepared.right.rules)(output);
  const items = opts.limit === null ? all : all.slice(0, opts.limit);
  const text = opts.format === 'json'
    ? `${safeJson(JSON.stringify({ rulesHash: hash, items: all.length, queue: items }, null, 2))}\n`
    : safeText(renderQueue(items));
  const written = await writeOutput(sys, opts.out, text);
  if (written !== null) return fail(`cannot write ${opts.out}: ${written.error instanceof Error ? written.error.message : String(written.error)}`);
  if (!opts.quiet) sys.stderr(`${safeLine(formatAccounting(output, reviewed.right.skipped, reviewed.right.skippedBy))}\n`);
  return reviewed.right.problems ? EXIT.problems : EXIT.ok;
};
