/**
 * `reconcile inspect <incident-id> <inputs…>`: reconcile the inputs as `run` does, find the
 * incident by id or by a unique prefix of it, and print how it was assembled. Exit codes as
 * for `run` (without --strict); an unknown or ambiguous id is a usage error (2) that lists what would match.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Incident } from '../model/contract.js';
import * as Pipeline from '../pipeline.js';
import { parseReport } from '../extract/parse.js';
import { renderInspect } from '../render/inspect.js';
import { placeNamesOnly } from '../render/places.js';
import { renderParse } from '../render/parse.js';
import type { InspectOptions } from './args.js';
import { readReports } from './inputs.js';
import { progressDisplay } from './progress.js';
import { loadRulesOrReport } from './rules.js';
import { EXIT, failWith, formatWarning } from './run.js';
import type { System } from './system.js';
import { loadDecisionsOrReport } from './decisions.js';

export type IdProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown'; readonly id: string; readonly known: readonly string[] }
  | { readonly kind: 'ambiguous'; readonly id: string; readonly candidates: readonly string[] };

/** An exact id wins; else the incidents whose id starts with `wanted` (the `inc-` may be left out). */
export const resolveIncident = (incidents: readonly Incident[], wanted: string): E.Either<IdProblem, Incident> => {
  const id = wanted.trim();
  if (id === '') return E.left({ kind: 'empty' });
  const exact = incidents.find((i) => i.id === id);
  if (exact) return E.right(exact);
  const matches = incidents.filter((i) => i.id.startsWith(id) || i.id.startsWith(`inc-${id}`));
  if (matches.length === 1) return E.right(matches[0]!);
  if (matches.length === 0) return E.left({ kind: 'unknown', id, known: incidents.map((i) => i.id) });
  return E.left({ kind: 'ambiguous', id, candidates: matches.map((i) => i.id) });
};

const LISTED = 20;

/** "inc-0a1b2c (2019-03-02, Ariha)": an id with its incident's date and places, so a person can tell the candidates apart. */
export const describeCandidate = (inc: Incident): string => {
  const date = inc.date ? (inc.date.start === inc.date.end ? inc.date.start : `${inc.date.start} to ${inc.date.end}`) : 'undated';
  const places = placeNamesOnly(inc);
  return `${inc.id} (${date}, ${places.length ? places.join(' / ') : 'no place'})`;
};

/**
 * One message for each way an id can fail to name one incident; with `incidents`, each
 * candidate is listed with its date and places.
 */
export const formatIdProblem = (p: IdProblem, incidents: readonly Incident[] = []): string => {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const listed = (ids: readonly string[]): string =>
    ids.slice(0, LISTED).map((id) => { const inc = byId.get(id); return inc ? describeCandidate(inc) : id; }).join(', ')
    + (ids.length > LISTED ? `, and ${ids.length - LISTED} more` : '');
  switch (p.kind) {
    case 'empty': return 'the incident id is empty';
    case 'unknown': return p.known.length === 0
      ? `no incident '${p.id}': these inputs give no incidents`
      : `no incident '${p.id}' in these inputs; the ${p.known.length} incident(s) are: ${listed(p.known)}`;
    case 'ambiguous': return `'${p.id}' matches ${p.candidates.length} incidents: ${listed(p.candidates)}; give more of the id`;
  }
};

export const inspectCommand = (sys: System) => async (opts: InspectOptions): Promise<number> => {
  const fail = failWith(sys);
  const loaded = await loadRulesOrReport(sys, opts.rules);
  if (E.isLeft(loaded)) return fail(loaded.left);
  const { rules, hash } = loaded.right;
  const decided = await loadDecisionsOrReport(sys, opts.decisions ?? null);
  if (E.isLeft(decided)) return fail(decided.left);

  const read = await readReports(sys, rules)(opts.inputs);
  const readWarnings = read.warnings;
  readWarnings.forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  if (read.reports.length === 0) return fail('nothing could be read');

  // The same progress line as run's (a terminal, 300 reports or more), unless --quiet.
  const term = { write: sys.stderr, isTerminal: !!sys.stderrIsTerminal && !!sys.now, now: sys.now ?? (() => 0) };
  const display = progressDisplay(term, { quiet: opts.quiet, reports: read.reports.length });
  const { output, clustering } = Pipeline.reconcileReportsDetailed({
    reports: read.reports, rules, rulesHash: hash, readWarnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy,
    progress: display.progress, ...(decided.right ? { decisions: decided.right } : {}),
  });
  display.finish();
  const found = resolveIncident(output.incidents, opts.id);
  if (E.isLeft(found)) return fail(formatIdProblem(found.left, output.incidents));
  // Extraction warnings about the reports of this incident (read warnings were printed above).
  const own = new Set(found.right.reportIds);
  output.warnings.slice(readWarnings.length).filter((w) => w.reportId !== null && own.has(w.reportId))
    .forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  sys.stdout(renderInspect(output, clustering.pairs)(found.right));
  if (opts.parse) {
    const parse = parseReport(rules);
    for (const r of read.reports.filter((x) => own.has(x.id))) sys.stdout(`\n${renderParse(r.id, r.coded ? [] : parse(r))}`);
  }
  return read.problems ? EXIT.problems : EXIT.ok;
};
