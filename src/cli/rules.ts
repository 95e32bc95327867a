/**
 * Loading a rule set from a directory: every *.yaml (or *.yml) under it, keyed by its
 * relative posix path, parsed (a syntax error is a located problem), then validated by
 * parseRules. All problems of all files come back together.
 */
import * as E from 'fp-ts/lib/Either.js';
import { load } from 'js-yaml';
import { formatRuleProblems, hashRules, parseRules, type RuleFiles, type RuleProblem } from '../rules/load.js';
import type { Rules } from '../rules/schema.js';
import { RULE_FILE_LIMITS, parseYaml } from '../read/yaml.js';
import { decodeUtf8 } from '../read/text.js';
import type { System } from './system.js';
import { safeText } from './terminal.js';
import { walkFiles } from './walk.js';

export type LoadedRules = { readonly rules: Rules; readonly hash: string };

/**
 * A rule file read by js-yaml (YAML 1.2, core schema), which reads the shipped rules three
 * to four times faster than `yaml` (that was most of a short run's processor time), or null
 * for anything it refuses: a syntax error, an empty file, a file with aliases (left to
 * `yaml`, which limits their expansion). Both give the same values (test/cli/rules.test.ts).
 */
const readFast = (text: string): { readonly value: unknown } | null => {
  try {
    return { value: load(text, { maxAliases: 0 }) };
  } catch {
    return null;
  }
};

/**
 * Parse one rule file; syntax errors become problems located by line and column. What the
 * fast reader refuses is read by `yaml`, whose errors (every one, located) are reported.
 */
export const parseYamlFile = (file: string, bytes: Uint8Array): E.Either<RuleProblem[], unknown> => {
  const text = decodeUtf8(bytes);
  if (E.isLeft(text)) return E.left([{ file, path: '', message: text.left }]);
  const fast = text.right.length <= RULE_FILE_LIMITS.maxChars ? readFast(text.right) : null;
  if (fast !== null) return E.right(fast.value);
  const parsed = parseYaml(text.right, RULE_FILE_LIMITS);
  if (E.isLeft(parsed)) return E.left(parsed.left.map((err) => ({ file, path: `line ${err.line}, column ${err.column}`, message: err.message })));
  return E.right(parsed.right);
};

/** The validated rule set in `dir` and its hash, or every problem found (or why the directory cannot be read). */
export const loadRules = async (sys: System, dir: string): Promise<E.Either<readonly RuleProblem[], LoadedRules>> => {
  if (await sys.kind(dir) !== 'dir') return E.left([{ file: dir, path: '', message: 'rules directory not found' }]);
  const files: Record<string, unknown> = {};
  const problems: RuleProblem[] = [];
  for (const rel of await walkFiles(sys, dir, (name) => /\.ya?ml$/.test(name))) {
    const parsed = parseYamlFile(rel, await sys.readFile(`${dir}/${rel}`));
    if (E.isLeft(parsed)) problems.push(...parsed.left);
    else files[rel] = parsed.right;
  }
  const broken = new Set(problems.map((p) => p.file));
  const ruleFiles: RuleFiles = files;
  const result = parseRules(ruleFiles);
  if (E.isLeft(result)) problems.push(...result.left.filter((p) => !broken.has(p.file)));
  if (problems.length || E.isLeft(result)) return E.left(problems);
  return E.right({ rules: result.right, hash: hashRules(ruleFiles) });
};

/**
 * The rule set in `dir` (the package's own when null), or, with every problem printed on
 * stderr, the one-line reason to fail with: `invalid rules in DIR`.
 */
export const loadRulesOrReport = async (sys: System, dir: string | null): Promise<E.Either<string, LoadedRules>> => {
  const rulesDir = dir ?? sys.defaultRulesDir;
  const loaded = await loadRules(sys, rulesDir);
  if (E.isRight(loaded)) return loaded;
  sys.stderr(`${safeText(formatRuleProblems(loaded.left))}\n`);
  return E.left(`invalid rules in ${rulesDir}`);
};
