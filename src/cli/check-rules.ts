/**
 * `reconcile check-rules`: validate a rule set, then run the engine's invariants under it as
 * fast-check properties (src/check), one line per property with its runs and time. A failure
 * prints its shrunk counterexample, what it violates and the command that replays it.
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatRuleProblems } from '../rules/load.js';
import { hintFor } from './args.js';
import { loadRules } from './rules.js';
import { EXIT, failWith } from './run.js';
import type { System } from './system.js';
import { safeLine, safeText } from './terminal.js';

export type CheckRulesOptions = {
  readonly rules: string | null;
  readonly runs: number;
  /** null: a fresh seed, printed so that the run can be replayed */
  readonly seed: number | null;
  /** only these properties (all when empty) */
  readonly properties: readonly string[];
  /** fast-check's replay path of one property's failure */
  readonly path: string | null;
};

/** The clock and the source of fresh seeds: the only nondeterminism of check-rules. */
export type Clock = { readonly now: () => number; readonly freshSeed: () => number };

export const nodeClock: Clock = { now: () => performance.now(), freshSeed: () => Math.floor(Math.random() * 0x7fffffff) };

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A path for a shell command line: quoted when it holds anything but safe characters. */
const shellWord = (s: string): string => (/^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

const indent = (text: string, by: string): string => text.split('\n').map((l) => `${by}${l}`).join('\n');

export const checkRulesCommand = (sys: System, clock: Clock = nodeClock) => async (opts: CheckRulesOptions): Promise<number> => {
  const fail = failWith(sys);
  const rulesDir = opts.rules ?? sys.defaultRulesDir;
  const loaded = await loadRules(sys, rulesDir);
  if (E.isLeft(loaded)) {
    sys.stderr(`${safeText(formatRuleProblems(loaded.left))}\n`);
    return fail(`invalid rules in ${rulesDir} (${loaded.left.length} problem${loaded.left.length === 1 ? '' : 's'})`);
  }
  // Loaded on demand: only check-rules needs fast-check and the generators.
  const { ruleProperties, runProperty } = await import('../check/index.js');
  const all = ruleProperties(loaded.right.rules);
  const unknown = opts.properties.filter((p) => !all.some((x) => x.name === p));
  if (unknown.length) {
    sys.stderr(`${safeLine(`reconcile: unknown property ${unknown.map((u) => `'${u}'`).join(', ')}; the properties are ${all.map((p) => p.name).join(', ')}`)}\n${hintFor('check-rules')}\n`);
    return EXIT.fatal;
  }
  const chosen = opts.properties.length ? all.filter((p) => opts.properties.includes(p.name)) : all;
  const seed = opts.seed ?? clock.freshSeed();
  const width = Math.max(...chosen.map((p) => p.name.length));
  sys.stdout(`${safeLine(`check-rules: ${rulesDir} (rules ${loaded.right.hash}), ${chosen.length} propert${chosen.length === 1 ? "y" : "ies"}, ${opts.path ? 'replaying one failure' : `${opts.runs} runs each`}, seed ${seed}`)}\n`);

  const started = clock.now();
  const failures: string[] = [];
  for (const p of chosen) {
    const t0 = clock.now();
    const r = runProperty(p, { runs: opts.runs, seed, path: opts.path ?? undefined });
    const took = seconds(clock.now() - t0);
    if (r.status === 'passed') {
      sys.stdout(`  ✓ ${p.name.padEnd(width)}  ${String(r.runs).padStart(6)} runs  ${took}\n`);
      continue;
    }
    sys.stdout(`  ✖ ${p.name.padEnd(width)}  failed after ${r.runs} run${r.runs === 1 ? '' : 's'} (${r.shrinks} shrinks)  ${took}\n`);
    const replay = `reconcile check-rules${opts.rules === null ? '' : ` --rules ${shellWord(rulesDir)}`} --property ${r.name} --seed ${r.seed} --path ${r.path}`;
    failures.push([
      `✖ ${r.name}: ${r.statement}`,
      '  counterexample (shrunk):',
      indent(r.counterexample, '  '),
      '  violates:',
      ...r.violations.map((v) => `    - ${v}`),
      `  replay: ${replay}`,
    ].join('\n'));
  }
  const total = seconds(clock.now() - started);
  if (failures.length) sys.stdout(`\n${safeText(failures.join('\n\n'))}\n`);
  const passed = chosen.length - failures.length;
  sys.stdout(`\n${chosen.length} propert${chosen.length === 1 ? "y" : "ies"}: ${passed} passed, ${failures.length} failed (${total}, seed ${seed})\n`);
  return failures.length ? EXIT.problems : EXIT.ok;
};
