/**
 * `reconcile diff --rules A --against B <inputs…>`: reconcile the same inputs under both
 * rule sets and print what A changes relative to B (src/diff): incidents added, removed,
 * split and merged, and ranges, best estimates, grades and statuses that changed.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Output, Warning } from '../model/contract.js';
import * as Pipeline from '../pipeline.js';
import { diffOutputs, renderDiff } from '../diff/index.js';
import { formatRuleProblems } from '../rules/load.js';
import type { DIFF_FORMATS } from './args.js';
import { readReports } from './inputs.js';
import { outProblem } from './out-path.js';
import { loadRules, type LoadedRules } from './rules.js';
import { EXIT, failWith, formatWarning, warningKey } from './run.js';
import type { System } from './system.js';
import { loadDecisionsOrReport } from './decisions.js';
import { safeJson, safeLine, safeText } from './terminal.js';

export type DiffOptions = {
  /** the rule set whose effect is shown (default: the package's rules) */
  readonly rules: string | null;
  /** the rule set it is compared against: the "before" */
  readonly against: string;
  readonly inputs: readonly string[];
  readonly format: (typeof DIFF_FORMATS)[number];
  readonly out: string | null;
  /** decisions applied under both rule sets */
  readonly decisions?: string | null;
};

export const diffCommand = (sys: System) => async (opts: DiffOptions): Promise<number> => {
  const fail = failWith(sys);
  const afterDir = opts.rules ?? sys.defaultRulesDir;
  const sets: [string, string][] = [['--against', opts.against], ['--rules', afterDir]];
  const refused = opts.out === null ? null : await outProblem(sys, opts.out, { inputs: opts.inputs, rules: [opts.against, afterDir] });
  if (refused !== null) return fail(refused);
  const loaded: LoadedRules[] = [];
  let invalid = false;
  for (const [flag, dir] of sets) {
    const r = await loadRules(sys, dir);
    if (E.isRight(r)) { loaded.push(r.right); continue; }
    sys.stderr(`${safeText(formatRuleProblems(r.left))}\n${safeLine(`reconcile: invalid rules in ${dir} (${flag})`)}\n`);
    invalid = true;
  }
  if (invalid) return EXIT.fatal;
  const [before, after] = loaded as [LoadedRules, LoadedRules];
  const decided = await loadDecisionsOrReport(sys, opts.decisions ?? null);
  if (E.isLeft(decided)) return fail(decided.left);

  // Reading depends on the rules too (which source and actor ids a coded claim may use).
  const outputs: Output[] = [];
  const warnings = new Map<string, Warning>();
  let problems = false;
  for (const { rules, hash } of [before, after]) {
    const read = await readReports(sys, rules)(opts.inputs);
    read.warnings.forEach((w) => warnings.set(warningKey(w), w));
    problems ||= read.problems;
    if (read.reports.length === 0) {
      [...warnings.values()].forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
      return fail('nothing could be read');
    }
    outputs.push(Pipeline.reconcileReports({
      reports: read.reports, rules, rulesHash: hash, readWarnings: read.warnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy,
      ...(decided.right ? { decisions: decided.right } : {}),
    }));
  }
  const diff = diffOutputs(outputs[0]!, outputs[1]!);
  const text = opts.format === 'json'
    ? `${safeJson(JSON.stringify({ rules: { before: opts.against, after: afterDir }, ...diff }, null, 2))}\n`
    : safeText(renderDiff(diff, { before: opts.against, after: afterDir }));
  if (opts.out === null) sys.stdout(text);
  else {
    try {
      await sys.writeAtomic(opts.out, text);
    } catch (e) {
      return fail(`cannot write ${opts.out}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  [...warnings.values()].forEach((w) => sys.stderr(`${formatWarning(w)}\n`));
  return problems ? EXIT.problems : EXIT.ok;
};
