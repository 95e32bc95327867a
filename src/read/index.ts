/**
 * Reading inputs: already-read files (path + bytes, from the CLI) become Reports, with
 * located warnings and a count of what could not be read. Pure, and independent of the
 * order the files come in: files are taken in path order and the first of two reports
 * with one id (by path) is kept.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Warning } from '../model/contract.js';
import type { Report, ReportMeta } from '../model/report.js';
import type { KnownIds } from './coded.js';
import { parseJson } from './json.js';
import { isManifest, readManifest } from './meta.js';
import { ReadCode, malformedJson, readWarning } from './problems.js';
import { baseName, readRaw } from './raw.js';
import { readStructured, type FileRead } from './structured.js';
import { decodeUtf8 } from './text.js';

export type { KnownIds } from './coded.js';
export { ReadCode } from './problems.js';

/** A file as the CLI read it: a posix path (as the user will recognise it) and its bytes. */
export type InputFile = { readonly path: string; readonly bytes: Uint8Array };

export type ReadResult = {
  readonly reports: readonly Report[];
  readonly warnings: readonly Warning[];
  /** files and records that could not be read as reports */
  readonly skipped: number;
};

export type FileKind = 'text' | 'json' | 'ndjson';

const KINDS: Readonly<Record<string, FileKind>> = { txt: 'text', md: 'text', json: 'json', ndjson: 'ndjson' };

/** What a file is read as, by its extension; null for files that are not reports. */
export const fileKind = (path: string): FileKind | null => KINDS[/\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''] ?? null;

export const MANIFEST = 'reports.json';

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const byPath = (a: InputFile, b: InputFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

type Decoded = { readonly path: string; readonly text: string };

/** Manifests by folder; a reports.json that is not manifest-shaped is read as structured reports. */
const splitManifests = (files: readonly Decoded[]) => {
  const manifests = new Map<string, ReadonlyMap<string, ReportMeta>>();
  const warnings: Warning[] = [];
  const rest: Decoded[] = [];
  for (const f of files) {
    if (baseName(f.path) !== MANIFEST) { rest.push(f); continue; }
    const parsed = parseJson(f.text);
    if (E.isRight(parsed) && isManifest(parsed.right)) {
      const m = readManifest(f.path, parsed.right);
      manifests.set(dirOf(f.path), m.entries);
      warnings.push(...m.warnings);
    } else if (E.isLeft(parsed)) {
      warnings.push(malformedJson(f.path, parsed.left));
    } else rest.push(f);
  }
  return { manifests, warnings, rest };
};

const readFile = (manifests: ReadonlyMap<string, ReadonlyMap<string, ReportMeta>>, known: KnownIds) => (f: Decoded): FileRead => {
  const kind = fileKind(f.path);
  if (kind === 'json' || kind === 'ndjson') return readStructured(f.path, kind, f.text, known);
  if (kind === 'text') {
    const r = readRaw(f.path, f.text, manifests.get(dirOf(f.path))?.get(baseName(f.path)));
    return { reports: [r.report], warnings: r.warnings, skipped: 0 };
  }
  return { reports: [], warnings: [readWarning(ReadCode.unsupported, f.path, 'not a report file (expected .txt, .md, .json or .ndjson)')], skipped: 1 };
};

/** Keep the first report of each id; later ones are warned about, naming both origins. */
const dropDuplicateIds = (reports: readonly Report[]): { kept: Report[]; warnings: Warning[] } => {
  const first = new Map<string, Report>();
  const warnings: Warning[] = [];
  for (const r of reports) {
    const earlier = first.get(r.id);
    if (!earlier) { first.set(r.id, r); continue; }
    warnings.push(readWarning(ReadCode.duplicateReportId, r.origin,
      `report id "${r.id}" is already used by ${earlier.origin}; this one is skipped`, r.id));
  }
  return { kept: [...first.values()], warnings };
};

/** Read every file into Reports. Options name the ids coded claims may use (from the rules). */
export const readInputs = (known: KnownIds = {}) => (files: readonly InputFile[]): ReadResult => {
  const unique = [...new Map(files.map((f) => [f.path, f])).values()].sort(byPath);
  const warnings: Warning[] = [];
  let skipped = 0;
  const decoded: Decoded[] = [];
  for (const f of unique) {
    const text = decodeUtf8(f.bytes);
    if (E.isRight(text)) decoded.push({ path: f.path, text: text.right });
    else {
      warnings.push(readWarning(ReadCode.notUtf8, f.path, text.left));
      if (baseName(f.path) !== MANIFEST) skipped++;
    }
  }
  const { manifests, warnings: manifestWarnings, rest } = splitManifests(decoded);
  warnings.push(...manifestWarnings);
  const reports: Report[] = [];
  for (const r of rest.map(readFile(manifests, known))) {
    reports.push(...r.reports);
    warnings.push(...r.warnings);
    skipped += r.skipped;
  }
  const { kept, warnings: dupWarnings } = dropDuplicateIds(reports);
  return { reports: kept, warnings: [...warnings, ...dupWarnings], skipped: skipped + dupWarnings.length };
};
