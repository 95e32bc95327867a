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
  unsupported: 'unsupported-file',
  notUtf8: 'not-utf8',
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
} as const;
export type ReadCode = (typeof ReadCode)[keyof typeof ReadCode];

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

/** One warning per zod issue, each at its own field. */
export const issueWarnings = (code: ReadCode, where: RecordWhere, error: z.ZodError, reportId: string | null,
  prefix: readonly PropertyKey[] = []): Warning[] =>
  error.issues.map((i) => readWarning(code, at(where, [...prefix, ...i.path]), i.message, reportId));
