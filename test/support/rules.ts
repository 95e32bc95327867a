/**
 * Loads the shipped rule set for tests (tests may read files; the engine may not).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { parse } from 'yaml';
import { formatRuleProblems, hashRules, parseRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/schema.js';
import { foldingOf } from '../../src/rules/folding.js';
import type { Folded, Folding } from '../../src/text/normalise.js';

export const RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

const walk = (d: string): string[] =>
  readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; });

export const readRuleFiles = (dir = RULES_DIR): Record<string, unknown> =>
  Object.fromEntries(walk(dir).filter((p) => p.endsWith('.yaml')).map((p) => [relative(dir, p).split('\\').join('/'), parse(readFileSync(p, 'utf8'))]));

let cached: { rules: Rules; hash: string } | null = null;
export const shippedRules = (): { rules: Rules; hash: string } => {
  if (cached) return cached;
  const files = readRuleFiles();
  const r = parseRules(files);
  if (E.isLeft(r)) throw new Error(formatRuleProblems(r.left));
  cached = { rules: r.right, hash: hashRules(files) };
  return cached;
};

/** The spelling folds of the shipped rule set (every language's script folds, src/rules/folding.ts). */
export const shippedFolding = (): Folding => foldingOf(shippedRules().rules);
/** Fold as the engine does with the shipped rules: for tests that compare folded phrases. */
export const fold = (s: string): string => shippedFolding().fold(s);
export const foldWithMap = (s: string): Folded => shippedFolding().foldWithMap(s);
