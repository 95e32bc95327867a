/**
 * Reading inputs: already-read files (path + bytes, from the CLI) become Reports, with
 * located warnings and a count, by reason, of what could not be read. Pure, and independent
 * of the order the files come in: files are taken in path order and the first of two
 * reports with one id (by path) is kept.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Warning } from '../model/contract.js';
import type { Report, ReportMeta } from '../model/report.js';
import type { KnownIds } from './coded.js';
import { emptyWarning, fileText, type FileText } from './files.js';
import { parseJson } from './json.js';
import { isManifest, readManifest } from './meta.js';
import { ReadCode, at, failure, malformedJson, readWarning, show } from './problems.js';
import { baseName, readRaw } from './raw.js';
import { readArticlesCsv } from './articles.js';
import { readPage } from './page.js';
import { readStructured, type FileRead } from './structured.js';

export type { KnownIds } from './coded.js';
export { ReadCode, isProblem, NOTICES } from './problems.js';

/** A file as the CLI read it: a posix path (as the user will recognise it) and its bytes. */
export type InputFile = {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** found by walking its folder, so every report file beside it is an input too */
  readonly walked?: boolean;
};

export type ReadResult = {
  readonly reports: readonly Report[];
  readonly warnings: readonly Warning[];
  /** files and records that could not be read as reports */
  readonly skipped: number;
  /** the same, by the code of the warning that says why */
  readonly skippedBy: Readonly<Record<string, number>>;
};

export type FileKind = 'text' | 'json' | 'ndjson' | 'html' | 'csv';

const KINDS: ReadonlyMap<string, FileKind> = new Map([['txt', 'text'], ['md', 'text'], ['json', 'json'], ['ndjson', 'ndjson'],
  ['html', 'html'], ['htm', 'html'], ['xhtml', 'html'], ['csv', 'csv']]);

/** What a file is read as, by its extension; null for files that are not reports. */
export const fileKind = (path: string): FileKind | null => KINDS.get(/\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '') ?? null;

export const MANIFEST = 'reports.json';

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const byPath = (a: InputFile, b: InputFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

type Decoded = FileText & { readonly walked: boolean };
type Manifest = { readonly path: string; readonly entries: ReadonlyMap<string, ReportMeta> };

/** Manifests by folder; a reports.json that is not manifest-shaped is read as structured reports. */
const splitManifests = (files: readonly Decoded[], all: readonly { path: string }[]) => {
  const manifests = new Map<string, Manifest>();
  const warnings: Warning[] = [];
  const rest: Decoded[] = [];
  // File names by folder, built once (not once per manifest: 100 folders of 1000 files each).
  const byDir = new Map<string, Set<string>>();
  for (const f of all) {
    const d = dirOf(f.path);
    const names = byDir.get(d);
    if (names) names.add(baseName(f.path)); else byDir.set(d, new Set([baseName(f.path)]));
  }
  for (const f of files) {
    if (baseName(f.path) !== MANIFEST) { rest.push(f); continue; }
    const parsed = parseJson(f.text);
    if (E.isRight(parsed) && isManifest(parsed.right)) {
      const m = readManifest(f.path, parsed.right);
      manifests.set(dirOf(f.path), { path: f.path, entries: m.entries });
      warnings.push(...m.warnings);
      if (f.walked) warnings.push(...missingFiles(f.path, m.entries, byDir.get(dirOf(f.path)) ?? new Set()));
    } else if (E.isLeft(parsed)) {
      warnings.push(malformedJson(f.path, parsed.left));
    } else rest.push(f);
  }
  return { manifests, warnings, rest };
};

/** Entries of a manifest found by walking its folder that name no file of that folder. */
const missingFiles = (path: string, entries: ReadonlyMap<string, ReportMeta>, here: ReadonlySet<string>): Warning[] =>
  [...entries.keys()].filter((name) => !here.has(name)).map((name) =>
    readWarning(ReadCode.manifestMissingFile, at(path, [name]),
      `the manifest describes ${show(name)}, which is not among the report files of this folder; the entry is unused`));

const readFile = (manifests: ReadonlyMap<string, Manifest>, known: KnownIds) => (f: Decoded): FileRead => {
  const kind = fileKind(f.path);
  if (kind === 'json' || kind === 'ndjson') return readStructured(f.path, kind, f.text, known);
  if (kind === 'csv') return readArticlesCsv(f.path, f.text, known);
  if (kind === 'text' || kind === 'html') {
    const manifest = manifests.get(dirOf(f.path)) ?? null;
    const r = (kind === 'html' ? readPage : readRaw)(f.path, f.text, manifest?.entries.get(baseName(f.path)), manifest?.path ?? null, known.languages, known.figures);
    return { reports: [r.report], warnings: r.warnings, skipped: [] };
  }
  return { reports: [], warnings: [unsupportedWarning(f.path)], skipped: [ReadCode.unsupported] };
};

/** A file that is not a report file: named, and counted as skipped (`walked`: found in a folder, a notice). */
export const unsupportedWarning = (path: string, walked = false): Warning =>
  readWarning(walked ? ReadCode.notReport : ReadCode.unsupported, path, `not a report file (expected ${REPORT_EXTENSIONS}); it is skipped`);

export const REPORT_EXTENSIONS = '.txt, .md, .html, .htm, .csv, .json or .ndjson';

/** Keep the first report of each id; later ones are warned about, naming both origins. */
export const dropDuplicateIds = (reports: readonly Report[]): { kept: Report[]; warnings: Warning[] } => {
  const first = new Map<string, Report>();
  const warnings: Warning[] = [];
  for (const r of reports) {
    const earlier = first.get(r.id);
    if (!earlier) { first.set(r.id, r); continue; }
    warnings.push(readWarning(ReadCode.duplicateReportId, r.origin,
      `report id ${show(r.id)} is already used by ${earlier.origin}; this one is skipped`, r.id));
  }
  return { kept: [...first.values()], warnings };
};

/** How much the reader may take on. */
export type ReadOptions = {
  /** files larger than this are skipped unread (extraction needs about 80 bytes of memory per byte of text) */
  readonly maxFileBytes?: number;
  /** false: reports with an id already used are kept (the caller drops them over all its batches) */
  readonly dedupe?: boolean;
};

const MB = 1024 * 1024;
const megabytes = (n: number): string => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

/** A file skipped unread because it is larger than this run can take on. */
export const tooLargeWarning = (path: string, size: number, max: number): Warning =>
  readWarning(ReadCode.tooLarge, path, `the file is ${megabytes(size)}, more than the `
    + `${megabytes(max)} this run has memory for; split it, or give Node more memory (NODE_OPTIONS=--max-old-space-size=8192)`);

/**
 * Read every file into Reports. `known` names the ids and limits coded claims are checked
 * against (from the rules); `options` what this run can take on.
 */
/** Files decoded in path order: the decoded ones, the warnings and skip codes of the others. */
const decodeAll = (files: readonly InputFile[], options: ReadOptions) => {
  const warnings: Warning[] = [];
  const skipped: string[] = [];
  const decoded: Decoded[] = [];
  for (const f of files) {
    if (options.maxFileBytes !== undefined && f.bytes.length > options.maxFileBytes) {
      warnings.push(tooLargeWarning(f.path, f.bytes.length, options.maxFileBytes));
      if (baseName(f.path) !== MANIFEST) skipped.push(ReadCode.tooLarge);
      continue;
    }
    let d: FileText;
    try {
      d = fileText(f.path, f.bytes);
    } catch (e) {
      warnings.push(readWarning(ReadCode.reportFailed, f.path, `reading this file failed (${failure(e)}); it is skipped`));
      if (baseName(f.path) !== MANIFEST) skipped.push(ReadCode.reportFailed);
      continue;
    }
    warnings.push(...d.warnings);
    if (!d.empty) { decoded.push({ ...d, walked: f.walked ?? false }); continue; }
    warnings.push(emptyWarning(d));
    if (baseName(f.path) !== MANIFEST) skipped.push(ReadCode.emptyFile);
  }
  return { warnings, skipped, decoded };
};

/** Decoded files read against the manifests, in order. */
const readDecoded = (manifests: ReadonlyMap<string, Manifest>, known: KnownIds) => (files: readonly Decoded[]) => {
  const read = readFile(manifests, known);
  const reports: Report[] = [];
  const warnings: Warning[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    let r: FileRead;
    try {
      r = read(f);
    } catch (e) {
      r = { reports: [], warnings: [readWarning(ReadCode.reportFailed, f.path, `reading this file failed (${failure(e)}); it is skipped`)], skipped: [ReadCode.reportFailed] };
    }
    reports.push(...r.reports);
    warnings.push(...r.warnings);
    skipped.push(...r.skipped);
  }
  return { reports, warnings, skipped };
};

export const readInputs = (known: KnownIds = {}, options: ReadOptions = {}) => (files: readonly InputFile[]): ReadResult => {
  const unique = new Map<string, InputFile>();
  for (const f of files) unique.set(f.path, { ...f, walked: (unique.get(f.path)?.walked ?? false) || (f.walked ?? false) });
  const decoded = decodeAll([...unique.values()].sort(byPath), options);
  const { manifests, warnings: manifestWarnings, rest } = splitManifests(decoded.decoded, [...unique.values()]);
  const read = readDecoded(manifests, known)(rest);
  const skipped = [...decoded.skipped, ...read.skipped];
  const { kept, warnings: dupWarnings } = options.dedupe === false ? { kept: read.reports, warnings: [] } : dropDuplicateIds(read.reports);
  skipped.push(...dupWarnings.map(() => ReadCode.duplicateReportId));
  return { reports: kept, warnings: [...decoded.warnings, ...manifestWarnings, ...read.warnings, ...dupWarnings], skipped: skipped.length, skippedBy: tally(skipped) };
};

/**
 * readInputs in stages, for text files read a chunk at a time: the manifests first (given with
 * the paths of every file to read), then each chunk of text files, in path order. Null when a
 * manifest is not a plain one (a warning while decoding, or reports rather than a manifest):
 * then everything is to be read at once. With the chunks' decode warnings, then `warnings`,
 * then their read warnings, then the duplicate ids, the result is readInputs' over all files.
 */
export const readManifestsFirst = (known: KnownIds = {}, options: ReadOptions = {}) =>
  (manifestFiles: readonly InputFile[], all: readonly { path: string }[]) => {
    const decoded = decodeAll([...manifestFiles].sort(byPath), options);
    if (decoded.warnings.length || decoded.decoded.length !== manifestFiles.length) return null;
    const { manifests, warnings, rest } = splitManifests(decoded.decoded, all);
    if (rest.length) return null;
    return {
      warnings,
      chunk: (files: readonly InputFile[]) => {
        const c = decodeAll(files, options);
        const r = readDecoded(manifests, known)(c.decoded);
        return { reports: r.reports, decodeWarnings: c.warnings, readWarnings: r.warnings, skipped: [...c.skipped, ...r.skipped] };
      },
    };
  };

/** Counts by code, keys sorted. */
export const tally = (codes: readonly string[]): Record<string, number> => {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
};
