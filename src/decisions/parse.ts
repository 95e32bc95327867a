/**
 * Reading a decisions file: YAML (with the limits of src/read/yaml.ts), then every decision
 * validated by its kind's schema. Every problem is located (file, line, column, the path of
 * the field) and says what was expected; all of them come back together. Pure: the CLI gives the text.
 */
import * as E from 'fp-ts/lib/Either.js';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { RULE_FILE_LIMITS, parseYaml } from '../read/yaml.js';
import { DECISION_KINDS, DecisionsFile, SCHEMAS, type Decision } from './schema.js';

export type DecisionProblem = { readonly file: string; readonly line: number; readonly column: number; readonly path: string; readonly message: string };

export const formatDecisionProblems = (problems: readonly DecisionProblem[]): string =>
  problems.map((p) => `✖ ${p.message}\n  → at ${p.file}:${p.line}:${p.column}${p.path ? ` (${p.path})` : ''}`).join('\n');

type Path = readonly (string | number)[];
const pathText = (path: Path): string => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** Where a path is in the YAML text: the deepest node along it that exists. */
const locator = (text: string) => {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return (path: Path): { line: number; column: number } => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
};

const issues = (error: z.ZodError): { path: Path; message: string }[] =>
  error.issues.map((i) => ({ path: i.path.filter((k): k is string | number => typeof k !== 'symbol'), message: i.message }));

/** The decisions of a file, each with its location, or every problem found in it. */
export const parseDecisions = (file: string, text: string): E.Either<readonly DecisionProblem[], readonly Decision[]> => {
  const parsed = parseYaml(text, RULE_FILE_LIMITS);
  if (E.isLeft(parsed)) return E.left(parsed.left.map((p) => ({ file, line: p.line, column: p.column, path: '', message: p.message })));
  if (parsed.right === null || parsed.right === undefined) return E.right([]);
  const where = locator(text);
  const problem = (path: Path, message: string): DecisionProblem => ({ file, ...where(path), path: pathText(path), message });
  const top = DecisionsFile.safeParse(parsed.right);
  if (!top.success) return E.left([problem([], 'expected a list of decisions, or a mapping with `decisions:` and the list')]);
  const list = Array.isArray(top.data) ? top.data : top.data.decisions;
  const prefix: Path = Array.isArray(top.data) ? [] : ['decisions'];
  const problems: DecisionProblem[] = [];
  const decisions: Decision[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, k) => {
    const at: Path = [...prefix, k];
    const kind = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).kind : undefined;
    if (typeof kind !== 'string' || !(DECISION_KINDS as readonly string[]).includes(kind)) {
      problems.push(problem(kind === undefined ? at : [...at, 'kind'], `expected kind: one of ${DECISION_KINDS.join(', ')}${typeof kind === 'string' ? ` (not '${kind}')` : ''}`));
      return;
    }
    const r = (SCHEMAS[kind as keyof typeof SCHEMAS] as z.ZodTypeAny).safeParse(raw);
    if (!r.success) {
      for (const i of issues(r.error)) problems.push(problem([...at, ...i.path], `${kind}: ${i.path.length ? `${pathText(i.path)}: ` : ''}${i.message}`));
      return;
    }
    const d = r.data as Decision;
    const before = seen.get(d.id);
    if (before !== undefined) {
      problems.push(problem([...at, 'id'], `the id '${d.id}' is used twice (also at line ${where([...prefix, before]).line}): every decision needs its own id`));
      return;
    }
    seen.set(d.id, k);
    decisions.push({ ...d, location: `${file}:${where(at).line}` });
  });
  return problems.length ? E.left(problems) : E.right(decisions);
};
