/**
 * The library's Node entry (`import { loadRules, readReports } from 'reconcile/node'`): rule
 * sets and report files from the file system, read exactly as the CLI reads them. What they
 * give goes to `reconcile` from the pure core (`reconcile`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { InvalidRulesError, type ReadResult, type RuleSet } from '../index.js';
import { readReports as readWith } from './inputs.js';
import { loadRules as loadWith } from './rules.js';
import { nodeSystem, type System } from './system.js';

export { InvalidRulesError };
export type { ReadResult, RuleSet };

/** The library prints nothing: warnings are in what it returns. */
const quiet: System = { ...nodeSystem, stdout: () => {}, stderr: () => {}, stderrIsTerminal: false };

/** The rules/ directory shipped with the package (the CLI's default). */
export const bundledRulesDir: string = nodeSystem.defaultRulesDir;

/**
 * The rule set in `dir` (every *.yaml under it), validated: by default the bundled one.
 * Rejects with InvalidRulesError listing every problem of every file.
 */
export const loadRules = async (dir: string = bundledRulesDir): Promise<RuleSet> => {
  const loaded = await loadWith(quiet, dir);
  if (E.isLeft(loaded)) throw new InvalidRulesError(loaded.left, dir);
  return loaded.right;
};

/**
 * Read report files and directories (read recursively) as `reconcile run` does: raw text with
 * its reports.json manifest or front matter, and structured .json/.ndjson reports, checked
 * against the rule set's sources and actors. Nothing readable is dropped: what cannot be read
 * is a warning in the result, never an exception.
 */
export const readReports = async (paths: readonly string[], rules: RuleSet): Promise<ReadResult> =>
  readWith(quiet, rules.rules)(paths);
