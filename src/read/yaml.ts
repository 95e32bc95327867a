/**
 * YAML read with limits, for front matter and rule files alike: a size, and the `yaml`
 * package's alias count (an alias bomb expands nine anchors of nine aliases into 9^9
 * nodes). Whatever goes wrong is a located problem, never an exception (B4, B14).
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseDocument } from 'yaml';

export type YamlLimits = {
  /** the most characters the text may have */
  readonly maxChars: number;
  /** the most aliases expanded (the `yaml` package's maxAliasCount) */
  readonly maxAliases: number;
};

/** Front matter is a few lines of metadata. */
export const FRONT_MATTER_LIMITS: YamlLimits = { maxChars: 64 * 1024, maxAliases: 100 };
/** Rule files: the gazetteer is the largest (under 100 kB today). */
export const RULE_FILE_LIMITS: YamlLimits = { maxChars: 16 * 1024 * 1024, maxAliases: 1000 };

/** Where (1-based line and column; line 1, column 1 when the whole text is at fault) and what. */
export type YamlProblem = { readonly line: number; readonly column: number; readonly message: string };

/** A YAML parser message without its own "at line L, column C:" (the location says where). */
export const yamlMessage = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

const kb = (n: number): string => `${Math.round(n / 1024)} kB`;

/** The value of a YAML text, or every problem found in it. */
export const parseYaml = (text: string, limits: YamlLimits): E.Either<readonly YamlProblem[], unknown> => {
  if (text.length > limits.maxChars) {
    return E.left([{ line: 1, column: 1, message: `the YAML is ${kb(text.length)}, more than the ${kb(limits.maxChars)} allowed` }]);
  }
  try {
    const doc = parseDocument(text);
    if (doc.errors.length) {
      return E.left(doc.errors.map((err) => ({ line: err.linePos?.[0].line ?? 1, column: err.linePos?.[0].col ?? 1, message: yamlMessage(err.message) })));
    }
    return E.right(doc.toJS({ maxAliasCount: limits.maxAliases }) as unknown);
  } catch (e) {
    // toJS throws on too many aliases ("Excessive alias count indicates a resource exhaustion attack")
    const m = e instanceof Error ? e.message : String(e);
    return E.left([{ line: 1, column: 1, message: /alias/i.test(m)
      ? `more aliases than the ${limits.maxAliases} allowed (${yamlMessage(m)})` : yamlMessage(m) }]);
  }
};
