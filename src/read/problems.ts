/**
 * What can go wrong while reading inputs, as contract `Warning` values with a location.
 * Codes are keyed (tests assert on the code, people read the message); a location always
 * starts with the file, then the record (`[i]` in a JSON array, `:line` in NDJSON), then the field.
 */
import { z } from 'zod';
import type { Warning } from '../model/contract.js';

export const ReadCode = {
  /** a path named on the command line could not be read (the CLI emits this one) */
  unreadable: 'unreadable-input',
  /** a symbolic link to a directory, or one that loops: not followed (the CLI emits this one) */
  notFollowed: 'not-followed',
  unsupported: 'unsupported-file',
  /** a file found by walking a folder that is not a report file (an image, a stylesheet): named and counted, not read */
  notReport: 'not-a-report',
  emptyFile: 'empty-file',
  tooLarge: 'too-large',
  invalidUtf8: 'invalid-utf8',
  utf16: 'utf16',
  /** Arabic in a single-byte encoding (Windows-1256, ISO-8859-6), decoded: the text is read right */
  legacyEncoding: 'legacy-encoding',
  htmlMarkup: 'html-markup',
  controlCharacters: 'control-characters',
  malformedJson: 'malformed-json',
  invalidReport: 'invalid-report',
  invalidClaim: 'invalid-claim',
  invalidStance: 'invalid-stance',
  spanMismatch: 'span-mismatch',
  partOfDropped: 'part-of-dropped',
  unknownSource: 'unknown-source',
  invalidManifest: 'invalid-manifest',
  invalidFrontMatter: 'invalid-front-matter',
  duplicateReportId: 'duplicate-report-id',
  manifestMissingFile: 'manifest-missing-file',
  notInManifest: 'not-in-manifest',
  unknownField: 'unknown-field',
  /** reading or extracting this report threw: it is skipped (or kept without claims), the run goes on */
  reportFailed: 'report-failed',
  /** a decimal figure ("12.5"): read only with a multiplier ("2.5 thousand"), otherwise no casualty figure */
  decimalFigure: 'decimal-figure',
} as const;
export type ReadCode = (typeof ReadCode)[keyof typeof ReadCode];

/**
 * Codes that say how something was read, not that anything was lost: the text is kept as
 * read (another encoding, markup, control characters) or a field the engine does not know
 * was ignored. They are warnings like the others, but only `--strict` makes them exit 1.
 */
export const NOTICES: ReadonlySet<string> = new Set<string>([
  ReadCode.utf16, ReadCode.legacyEncoding, ReadCode.notReport, ReadCode.htmlMarkup, ReadCode.controlCharacters, ReadCode.unknownField, ReadCode.decimalFigure,
]);

/** Why something threw, in one line, for a `report-failed` warning. */
export const failure = (e: unknown): string =>
  `${e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e)}`.split('\n')[0]!;

/** A read warning that makes the run exit 1 (something was skipped, dropped or replaced). */
export const isProblem = (w: Warning): boolean => !NOTICES.has(w.code);

export const readWarning = (code: ReadCode, location: string, message: string, reportId: string | null = null): Warning =>
  ({ reportId, code, message, location });

/** `file[2]` (record 2 of a JSON array), `file:3` (line 3 of NDJSON), or `file` (a single object). */
export type RecordWhere = string;

/** A field path (`claims[2].value`) appended to a record location. */
export const at = (where: RecordWhere, path: readonly PropertyKey[]): string =>
  path.length ? `${where} ${z.core.toDotPath(path as PropertyKey[]).replace(/^\./, '')}` : where;

/** A quote from report text, cut short and JSON-escaped so it reads on one line. */
export const show = (text: string, max = 60): string =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

/** A file (or NDJSON line) that is not JSON, located at `file:line:column`. */
export const malformedJson = (where: string, e: { line: number; column: number; message: string }): Warning =>
  readWarning(ReadCode.malformedJson, `${where}:${e.line}:${e.column}`, `malformed JSON: ${e.message}`);

/** The value at a path inside parsed JSON (own properties only), or undefined. */
const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || typeof k === 'symbol' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
};

/** A zod message, made specific when a string stands where a number belongs ("54" in a spreadsheet). */
const issueMessage = (issue: z.core.$ZodIssue, input: unknown): string => {
  const v = valueAt(input, issue.path);
  if (issue.code !== 'invalid_type' || issue.expected !== 'number' || typeof v !== 'string') return issue.message;
  return `expected a number, got the string ${show(v)}${/^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? ' (write the number without quotes)' : ''}`;
};

/** One warning per zod issue, each at its own field; `input` (what was parsed) sharpens some messages. */
export const issueWarnings = (code: ReadCode, where: RecordWhere, error: z.ZodError, reportId: string | null,
  prefix: readonly PropertyKey[] = [], input?: unknown): Warning[] =>
  error.issues.map((i) => readWarning(code, at(where, [...prefix, ...i.path]), issueMessage(i, input), reportId));
