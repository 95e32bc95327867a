/**
 * Running one property with fast-check and describing the outcome as data: passed with its
 * number of runs, or failed with the shrunk counterexample printed readably, the violations
 * it shows, and the seed and path that replay it. No clock and no printing here.
 */
import fc from 'fast-check';
import type { RuleProperty } from './properties.js';

export type CheckParams = {
  readonly runs: number;
  readonly seed: number;
  /** fast-check's replay path of a failure (from a previous report) */
  readonly path?: string | undefined;
};

export type PropertyResult =
  | { readonly status: 'passed'; readonly name: string; readonly runs: number }
  | {
    readonly status: 'failed';
    readonly name: string;
    readonly statement: string;
    readonly runs: number;
    readonly shrinks: number;
    readonly seed: number;
    readonly path: string;
    readonly counterexample: string;
    readonly violations: readonly string[];
  };

const messageOf = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** What a counterexample violates; an exception is a violation too (the engine must not throw). */
const explain = (p: RuleProperty, value: unknown): string[] => {
  try {
    return [...p.check(value)];
  } catch (e) {
    return [`the engine threw ${messageOf(e)}`];
  }
};

export const runProperty = (p: RuleProperty, params: CheckParams): PropertyResult => {
  const details = fc.check(fc.property(p.arbitrary, (value) => p.check(value).length === 0), {
    numRuns: params.runs, seed: params.seed, ...(params.path ? { path: params.path } : {}),
  });
  if (!details.failed || details.counterexample === null) return { status: 'passed', name: p.name, runs: details.numRuns };
  const [value] = details.counterexample;
  const violations = explain(p, value);
  return {
    status: 'failed', name: p.name, statement: p.statement, runs: details.numRuns, shrinks: details.numShrinks,
    seed: details.seed, path: details.counterexamplePath ?? '', counterexample: fc.stringify(value),
    violations: violations.length ? violations : details.errorInstance ? [messageOf(details.errorInstance)] : ['the check failed'],
  };
};
