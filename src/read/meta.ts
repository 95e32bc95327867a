/**
 * Metadata for raw text reports: a YAML front-matter block at the top of the file, and
 * `reports.json` manifests (file name → metadata) beside the files. Invalid fields are
 * dropped with a located warning; the rest of the metadata is kept.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Warning } from '../model/contract.js';
import { ReportMeta } from '../model/report.js';
import { ReadCode, at, issueWarnings, readWarning } from './problems.js';
import { idProblem, wellFormedDeep } from './unicode.js';
import { FRONT_MATTER_LIMITS, parseYaml } from './yaml.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validate metadata; fields with problems are dropped (one warning each), the others kept. */
export const validateMeta = (code: ReadCode, where: string, prefix: readonly PropertyKey[]) =>
  (raw: unknown): { meta: ReportMeta; warnings: Warning[] } => {
    if (!isObject(raw)) {
      return { meta: {}, warnings: [readWarning(code, at(where, prefix), 'expected an object of metadata (id, publishedAt, outlet, language, url)')] };
    }
    const badId = typeof raw.id === 'string' ? idProblem(raw.id) : null;
    if (badId !== null) {
      const { id: _, ...rest } = raw;
      const r = validateMeta(code, where, prefix)(rest);
      return { meta: r.meta, warnings: [readWarning(code, at(where, [...prefix, 'id']), `${badId}; the field is ignored`), ...r.warnings] };
    }
    const fixed = wellFormedDeep(raw);
    if (fixed.count > 0) {
      const r = validateMeta(code, where, prefix)(fixed.value);
      return { meta: r.meta, warnings: [readWarning(code, at(where, prefix), `${fixed.count} lone surrogate(s) (a \\uD800–\\uDFFF escape that is no character) read as U+FFFD`), ...r.warnings] };
    }
    const first = ReportMeta.safeParse(raw);
    if (first.success) return { meta: first.data, warnings: [] };
    const bad = new Set(first.error.issues.map((i) => i.path[0]));
    const kept = ReportMeta.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
    return { meta: kept.success ? kept.data : {}, warnings: issueWarnings(code, where, first.error, null, prefix) };
  };

export { yamlMessage } from './yaml.js';

export type FrontMatter =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly data: unknown; readonly body: string }
  | { readonly kind: 'broken'; readonly line: number; readonly column: number; readonly message: string; readonly body: string };

/** The opening line, with any line end: LF, CRLF or CR alone (old Mac files). */
const OPEN = /^---[ \t]*(?:\r\n?|\n)/;

/** The end of the line from `pos`, and where the next line starts; LF, CRLF and CR all end a line. */
const lineAt = (text: string, pos: number): { end: number; next: number } => {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { end: i, next: i + 1 };
    if (c === 13) return { end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { end: text.length, next: -1 };
};

/**
 * Split a `---` YAML `---` block off the top of a text. The body (what spans index) starts
 * right after the closing line. An unclosed or unparsable block is `broken`.
 */
export const splitFrontMatter = (text: string): FrontMatter => {
  const open = OPEN.exec(text);
  if (!open) return { kind: 'none' };
  let pos = open[0].length;
  while (pos <= text.length) {
    const { end, next } = lineAt(text, pos);
    if (text.slice(pos, end).trimEnd() === '---') {
      // a CR alone ends a line for YAML too, but LF in its place keeps every line and column where it was
      const yamlText = text.slice(open[0].length, pos).replace(/\r(?!\n)/g, '\n');
      const body = text.slice(next < 0 ? text.length : next);
      const parsed = parseYaml(yamlText, FRONT_MATTER_LIMITS);
      if (E.isLeft(parsed)) {
        const err = parsed.left[0]!;
        return { kind: 'broken', line: err.line + 1, column: err.column, message: err.message, body };
      }
      return { kind: 'found', data: parsed.right ?? {}, body };
    }
    if (next < 0) break;
    pos = next;
  }
  return { kind: 'broken', line: 1, column: 1, message: 'front matter opened with --- is never closed', body: text };
};

/** A reports.json is a manifest when it is an object whose values are all objects (not one report). */
export const isManifest = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && !('id' in value) && Object.values(value).every(isObject);

/** File name → validated metadata, with a warning per invalid field. */
export const readManifest = (where: string, value: Record<string, unknown>): { entries: ReadonlyMap<string, ReportMeta>; warnings: Warning[] } => {
  const entries = new Map<string, ReportMeta>();
  const warnings: Warning[] = [];
  for (const [name, raw] of Object.entries(value)) {
    const r = validateMeta(ReadCode.invalidManifest, where, [name])(raw);
    entries.set(name, r.meta);
    warnings.push(...r.warnings);
  }
  return { entries, warnings };
};
