/**
 * `reconcile run`: load the rules, read the inputs, reconcile, render, write; warnings and
 * one accounting line on stderr. Returns the exit code (CONTRACT.md): 0 ok, 1 input had
 * problems (or any warning with --strict), 2 bad rules or nothing could be read.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Output, Warning } from '../model/contract.js';
import type { Place } from '../rules/schema.js';
import type { Report } from '../model/report.js';
import { SCHEMA_VERSION } from '../model/contract.js';
import { namesFromRules, type Names } from '../render/names.js';
import * as Pipeline from '../pipeline.js';
import { extractInWorkers, openPool, poolSize } from './workers.js';
import type { Format, RunOptions } from './args.js';
import { readReports } from './inputs.js';
import { jsonPieces } from './json-out.js';
import { outProblem } from './out-path.js';
import { progressDisplay } from './progress.js';
import { loadRulesOrReport, type LoadedRules } from './rules.js';
import type { System } from './system.js';
import { safeJson, safeLine, safeText } from './terminal.js';
import { EXIT } from './exit.js';
import { loadDecisionsOrReport } from './decisions.js';
import type { Decision } from '../decisions/schema.js';

export { EXIT };

/** Print `reconcile: <message>` on stderr (terminal-safe) and give the fatal exit code. */
export const failWith = (sys: System) => (message: string): number => {
  sys.stderr(`${safeLine(`reconcile: ${message}`)}\n`);
  return EXIT.fatal;
};

/** `warning invalid-claim at file[0] claims[2].value: a toll cannot be negative` */
export const formatWarning = (w: Warning): string =>
  safeLine(`warning ${w.code}${w.location ? ` at ${w.location}` : ''}${w.reportId && !w.location ? ` (report ${w.reportId})` : ''}: ${w.message}`);

/** `3 skipped (2 malformed-json, 1 empty-file)`: how many, and why by warning code. */
const formatSkipped = (skipped: number, by: Readonly<Record<string, number>> | undefined): string => {
  const why = Object.entries(by ?? {}).filter(([, n]) => n > 0).map(([code, n]) => `${n} ${code}`);
  return `${skipped} skipped${why.length ? ` (${why.join(', ')})` : ''}`;
};

/**
 * The accounting line, from the output's own accounting when the pipeline gives one:
 * `reports: 5 read, 1 skipped (1 empty-file); claims: 12 extracted, 10 in incidents,
 * 2 in aggregates; stances: 4 extracted, 3 in incidents, 1 without an incident`.
 */
export const formatAccounting = (output: Output, skipped: number, skippedBy?: Readonly<Record<string, number>>): string => {
  const a = output.accounting;
  if (!a) return `reports: ${output.reports.length} read, ${formatSkipped(skipped, skippedBy)}`;
  return `reports: ${a.reportsRead} read, ${formatSkipped(a.reportsSkipped, a.reportsSkippedBy ?? skippedBy)}; `
    + `claims: ${a.claimsExtracted} extracted, ${a.claimsInIncidents} in incidents, ${a.claimsInAggregates} in aggregates; `
    + `stances: ${a.stancesExtracted} extracted, ${a.stancesInIncidents} in incidents, ${a.stancesWithoutIncident} without an incident`;
};

/** JSON in pieces (jsonPieces), each made terminal-safe: the whole text is never one string. */
function* jsonText(output: Output): Generator<string> {
  for (const piece of jsonPieces(output)) yield safeJson(piece);
  yield '\n';
}

/** The output in a format, as `run` and `export` print it; `places` (the gazetteer) gives the tables, GeoJSON and map their coordinates, `names` the human names of ids. */
export const renderOutput = async (format: Format, output: Output, places: readonly Place[] = [], names?: Names): Promise<string | Iterable<string>> => {
  if (format === 'json') return jsonText(output);
  // Loaded on demand: each format needs only its own renderer. The HTML and CSV renderers
  // clean report text themselves (safeText would turn CSV's CRLF into escapes).
  const gaz = async () => (await import('../render/geo.js')).gazetteerOf(places);
  if (format === 'html') return (await import('../render/html.js')).renderHtml(output, await gaz(), names);
  if (format === 'csv') return (await import('../render/csv.js')).renderCsv(output, await gaz());
  if (format === 'ucdp') return (await import('../render/ucdp.js')).renderUcdp(output, await gaz());
  if (format === 'airwars') return (await import('../render/airwars.js')).renderAirwars(output, await gaz());
  if (format === 'geojson') return safeJson((await import('../render/geojson.js')).renderGeojson(output, await gaz()));
  const { renderMarkdown } = await import('../render/markdown.js');
  return safeText(renderMarkdown(output, names));
};

/** Rendered output to stdout piece by piece, or atomically to `out`; what went wrong writing the file, if anything. */
export const writeOutput = async (sys: System, out: string | null, text: string | Iterable<string>): Promise<{ readonly error: unknown } | null> => {
  if (out === null) {
    for (const piece of typeof text === 'string' ? [text] : text) sys.stdout(piece);
    return null;
  }
  try {
    await sys.writeAtomic(out, text);
    return null;
  } catch (error) {
    return { error };
  }
};

/** What makes two warnings the same warning (printed once). */
export const warningKey = (w: Warning): string => JSON.stringify([w.code, w.location ?? null, w.reportId, w.message]);

/** Read warnings first, then any the pipeline added; each printed once. */
const allWarnings = (read: readonly Warning[], output: Output): Warning[] => {
  const seen = new Set(read.map(warningKey));
  return [...read, ...output.warnings.filter((w) => !seen.has(warningKey(w)))];
};

/**
 * What `run` and `review` do before reading a report: refuse an `--out` that would overwrite
 * an input or the rules (before any work), load the rules, and load the decisions file.
 */
export const prepareRun = async (sys: System, opts: { readonly out: string | null; readonly inputs: readonly string[]; readonly rules: string | null; readonly decisions?: string | null }):
  Promise<E.Either<string, LoadedRules & { readonly decisions: readonly Decision[] | undefined }>> => {
  const refused = opts.out === null ? null
    : await outProblem(sys, opts.out, { inputs: opts.inputs, rules: [opts.rules ?? sys.defaultRulesDir] });
  if (refused !== null) return E.left(refused);
  const loaded = await loadRulesOrReport(sys, opts.rules);
  if (E.isLeft(loaded)) return loaded;
  const decided = await loadDecisionsOrReport(sys, opts.decisions ?? null);
  if (E.isLeft(decided)) return decided;
  return E.right({ ...loaded.right, decisions: decided.right });
};

export const runCommand = (sys: System) => async (opts: RunOptions): Promise<number> => {
  const fail = failWith(sys);
  const prepared = await prepareRun(sys, opts);
  if (E.isLeft(prepared)) return fail(prepared.left);
  const { rules, hash, decisions } = prepared.right;

  // Reports of large .ndjson files are extracted as they are read and kept without their text.
  const extract = opts.gate === false ? { gate: false } : {};
  const early = Pipeline.extractAsReadLean(rules, extract);
  const term = { write: sys.stderr, isTerminal: !!sys.stderrIsTerminal && !!sys.now, now: sys.now ?? (() => 0) };
  // Only streamed files (over 16 MB) report reading, so the run is large.
  const reading = progressDisplay(term, { quiet: opts.quiet, reports: Number.POSITIVE_INFINITY });
  // A folder of text files is extracted as it is read, a few hundred files at a time on the
  // pool of threads, and kept without its text (not with decisions: they quote the text).
  const setup = { rulesDir: opts.rules ?? sys.defaultRulesDir, extract };
  const pool = decisions ? null : openPool(setup, poolSize(opts.workers ?? null));
  const keepBatch = async (rs: readonly Report[]): Promise<readonly Report[]> => {
    if (!pool) return rs.map(early.lean);
    const got = await pool.extract(rs);
    return rs.map((r, k) => (r.text === null ? r : early.leanWith(r, got[k]!)));
  };
  const read = await readReports(sys, rules, {
    keep: early.lean, ...(decisions ? {} : { keepBatch }), ...(reading.progress ? { progress: reading.progress } : {}),
  })(opts.inputs).finally(() => pool?.close());
  reading.finish();
  const readWarnings = read.warnings;
  const account = (output: Output): void => {
    if (!opts.quiet) sys.stderr(`${safeLine(formatAccounting(output, read.skipped, read.skippedBy))}\n`);
  };
  if (read.reports.length === 0) {
    readWarnings.forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
    const code = fail('nothing could be read');
    account({ schemaVersion: SCHEMA_VERSION, rulesHash: hash, reports: [], incidents: [], aggregates: [], warnings: [...readWarnings] });
    return code;
  }

  const display = progressDisplay(term, { quiet: opts.quiet, reports: read.reports.length });
  // reports still to extract go to a pool of threads, one per core (src/cli/workers.ts)
  const pooled = await extractInWorkers(read.reports.filter((r) => early.extracted(r) === undefined), setup, poolSize(opts.workers ?? null));
  const output = Pipeline.reconcileReports({
    reports: read.reports, rules, rulesHash: hash, readWarnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy,
    progress: display.progress, extracted: pooled === null ? early.extracted : (r) => early.extracted(r) ?? pooled.get(r), extract,
    ...(decisions ? { decisions } : {}),
  });
  display.finish();
  const written = await writeOutput(sys, opts.out, await renderOutput(opts.format, output, rules.places, namesFromRules(rules)));
  const writeError = written === null ? null
    : `cannot write ${opts.out}: ${written.error instanceof Error ? written.error.message : String(written.error)}`;

  const warnings = allWarnings(readWarnings, output);
  warnings.forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  const code = writeError === null ? null : fail(writeError);
  account(output);
  const failed = warnings.some((w) => w.code === Pipeline.REPORT_FAILED);
  return code ?? (read.problems || failed || (opts.strict && warnings.length > 0) ? EXIT.problems : EXIT.ok);
};
