/**
 * `reconcile add <inputs…> --store FILE` and `reconcile export --store FILE`: read reports
 * into the incident store, or print what the store holds as `run` would. The store is
 * opened through an opener (DuckDB by default) so tests can give another backend.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Output, Warning } from '../../model/contract.js';
import type { Decision } from '../../decisions/schema.js';
import type { Rules } from '../../rules/schema.js';
import { REPORT_FAILED } from '../../pipeline.js';
import { addReports, currentDecisions, decisionChanges, exportDecided, reconcileAgain, withFile, type AddSummary, type IncidentStore } from '../../store/index.js';
import { loadDecisionsOrReport } from '../decisions.js';
import type { Format } from '../args.js';
import { readReports } from '../inputs.js';
import { outProblem } from '../out-path.js';
import { loadRulesOrReport } from '../rules.js';
import { EXIT, failWith, formatAccounting, formatWarning, renderOutput, writeOutput } from '../run.js';
import type { System } from '../system.js';
import { safeLine } from '../terminal.js';
import type { StoreOpenError } from './duckdb.js';
import { namesFromRules } from '../../render/names.js';

export type AddOptions = {
  readonly inputs: readonly string[];
  readonly store: string;
  readonly rules: string | null;
  readonly quiet: boolean;
  readonly strict: boolean;
  /** decisions to store (--decisions FILE) */
  readonly decisions?: string | null;
};

export type ExportOptions = {
  readonly store: string;
  readonly rules: string | null;
  readonly format: Format;
  readonly out: string | null;
  readonly quiet: boolean;
  /** decisions to apply besides the stored ones */
  readonly decisions?: string | null;
};

/** Opens a store: creating it when asked, or why it cannot be opened. */
export type OpenStore = (path: string, opts: { readonly create: boolean }) =>
  Promise<E.Either<StoreOpenError, IncidentStore & { readonly close: () => void }>>;

/** The DuckDB adapter, loaded only by the commands that use it (its native binding is not free to load). */
export const openDuckDbStore: OpenStore = async (path, opts) => (await import('./duckdb.js')).openDuckDbStore(path, opts);

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** `store: 40 reports added (batch 3), 2 already stored; incidents: 3 created, 5 grown, 1 merged; 52 stored mentions re-clustered` */
export const formatAddSummary = (s: AddSummary): string => {
  const order = ['created', 'grown', 'changed', 'split', 'merged', 'removed'];
  const events = order.filter((k) => (s.events[k] ?? 0) > 0).map((k) => `${s.events[k]} ${k}`);
  return `store: ${s.added} report(s) added (batch ${s.batch}), ${s.alreadyStored} already stored; `
    + `incidents: ${events.length ? events.join(', ') : 'no change'}; ${s.mentionsReclustered} stored mention(s) re-clustered`;
};

const rulesNotice = (from: string, to: string): string =>
  `store: written under rules ${from}; every stored report is reconciled again under rules ${to} (recorded in the history)`;

/** Record in the store's decisions table what these decisions change (new ids, changed content); how many lines. */
export const storeDecisions = async (store: IncidentStore, decisions: readonly Decision[]): Promise<number> => {
  const changes = decisionChanges(await store.decisions(), decisions);
  await store.recordDecisions(changes);
  return changes.length;
};

export const addCommand = (sys: System, open: OpenStore = openDuckDbStore) => async (opts: AddOptions): Promise<number> => {
  const fail = failWith(sys);
  const loaded = await loadRulesOrReport(sys, opts.rules);
  if (E.isLeft(loaded)) return fail(loaded.left);
  const { rules, hash } = loaded.right;
  const decided = await loadDecisionsOrReport(sys, opts.decisions ?? null);
  if (E.isLeft(decided)) return fail(decided.left);
  const printAll = (ws: readonly Warning[]): void => ws.forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  if (opts.inputs.length === 0) {
    const store = await open(opts.store, { create: true });
    if (E.isLeft(store)) return fail(store.left.message);
    try {
      const n = await storeDecisions(store.right, decided.right ?? []);
      if (!opts.quiet) sys.stderr(`${safeLine(`store: ${n} decision(s) recorded`)}\n`);
    } catch (e) {
      return fail(`cannot add to the store ${opts.store}: ${message(e)}; the store is as it was before this add`);
    } finally {
      store.right.close();
    }
    return EXIT.ok;
  }
  const read = await readReports(sys, rules)(opts.inputs);
  if (read.reports.length === 0) { printAll(read.warnings); return fail('nothing could be read'); }
  const store = await open(opts.store, { create: true });
  if (E.isLeft(store)) { printAll(read.warnings); return fail(store.left.message); }
  let summary: AddSummary;
  let recorded = 0;
  try {
    const meta = await store.right.meta();
    if (meta.rulesHash !== null && meta.rulesHash !== hash && !opts.quiet) sys.stderr(`${safeLine(rulesNotice(meta.rulesHash, hash))}\n`);
    summary = await addReports(store.right, { rules, rulesHash: hash, readWarnings: read.warnings })(read.reports);
    recorded = await storeDecisions(store.right, decided.right ?? []);
  } catch (e) {
    printAll(read.warnings);
    return fail(`cannot add to the store ${opts.store}: ${message(e)}; the store is as it was before this add`);
  } finally {
    store.right.close();
  }
  const warnings = [...read.warnings, ...summary.warnings];
  printAll(warnings);
  if (!opts.quiet) sys.stderr(`${safeLine(formatAddSummary(summary))}${decided.right ? `; ${recorded} decision(s) recorded` : ''}\n`);
  const conflicts = summary.warnings.some((w) => w.code === 'stored-report-differs' || w.code === REPORT_FAILED);
  return read.problems || conflicts || (opts.strict && warnings.length > 0) ? EXIT.problems : EXIT.ok;
};

/**
 * What the store holds as the output contract, with its decisions and `extra` ones applied
 * (reconciled again first when written under other rules), or why it cannot be read.
 * Shared by `export` and `review --store`.
 */
export const readStoreOutput = (sys: System, open: OpenStore = openDuckDbStore) => async (opts: {
  readonly store: string; readonly rules: Rules; readonly hash: string; readonly decisions: readonly Decision[]; readonly quiet: boolean;
}): Promise<E.Either<string, Output>> => {
  const store = await open(opts.store, { create: false });
  if (E.isLeft(store)) return E.left(store.left.message);
  try {
    const meta = await store.right.meta();
    if (meta.rulesHash === null) return E.left(`the store ${opts.store} holds no reports yet (reconcile add <files> --store ${opts.store})`);
    if (meta.rulesHash !== opts.hash) {
      if (!opts.quiet) sys.stderr(`${safeLine(rulesNotice(meta.rulesHash, opts.hash))}\n`);
      await reconcileAgain(store.right, { rules: opts.rules, rulesHash: opts.hash }, meta.rulesHash)([]);
    }
    const decisions = withFile(currentDecisions(await store.right.decisions()), opts.decisions);
    return E.right(exportDecided(opts.rules, opts.hash, decisions)(await store.right.content()));
  } catch (e) {
    return E.left(`cannot read the store ${opts.store}: ${message(e)}`);
  } finally {
    store.right.close();
  }
};

export const exportCommand = (sys: System, open: OpenStore = openDuckDbStore) => async (opts: ExportOptions): Promise<number> => {
  const fail = failWith(sys);
  const refused = opts.out === null ? null
    : await outProblem(sys, opts.out, { store: opts.store, rules: [opts.rules ?? sys.defaultRulesDir] });
  if (refused !== null) return fail(refused);
  const loaded = await loadRulesOrReport(sys, opts.rules);
  if (E.isLeft(loaded)) return fail(loaded.left);
  const { rules, hash } = loaded.right;
  const decided = await loadDecisionsOrReport(sys, opts.decisions ?? null);
  if (E.isLeft(decided)) return fail(decided.left);
  const stored = await readStoreOutput(sys, open)({ ...opts, rules, hash, decisions: decided.right ?? [] });
  if (E.isLeft(stored)) return fail(stored.left);
  const output = stored.right;
  const written = await writeOutput(sys, opts.out, await renderOutput(opts.format, output, rules.places, namesFromRules(rules)));
  if (written !== null) return fail(`cannot write ${opts.out}: ${message(written.error)}`);
  output.warnings.filter((w) => w.code === 'stale-decision' || w.code === 'decision-conflict').forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  if (!opts.quiet) sys.stderr(`${safeLine(formatAccounting(output, 0))}\n`);
  return EXIT.ok;
};
