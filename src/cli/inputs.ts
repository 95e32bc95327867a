/**
 * Paths named on the command line to the files the reader needs: directories walked
 * recursively (report files only, hidden entries and node_modules skipped), and for a
 * text file named on its own, the reports.json manifest beside it. Then the reading itself.
 */
import { posix, resolve } from 'node:path';
import { languageGuessOf } from '../rules/guess.js';
import { figureMarks } from '../rules/figure-marks.js';
import type { Warning } from '../model/contract.js';
import { MANIFEST, REPORT_EXTENSIONS, ReadCode, dropDuplicateIds, fileKind, readManifestsFirst, isProblem, readInputs, tally, tooLargeWarning, unsupportedWarning, type InputFile } from '../read/index.js';
import type { Report } from '../model/report.js';
import type { Rules } from '../rules/schema.js';
import type { Progress } from '../pipeline.js';
import { joinStreamed, type StreamedFile } from '../read/ndjson-stream.js';
import type { ReadResult } from '../index.js';
import type { System } from './system.js';
import { STREAM_FROM_BYTES, streamNdjson } from './stream.js';
import { walkFiles } from './walk.js';

/** Files read at the same time. */
const READ_AT_ONCE = 32;

/** A path as the user wrote it, in posix form without trailing slashes ("./a/b/" → "a/b"). */
const tidy = (path: string): string => posix.normalize(path.replaceAll('\\', '/')).replace(/(.)\/+$/, '$1');

const warning = (code: ReadCode, path: string, why: string): Warning => ({ reportId: null, code, message: why, location: path });

/** Every file of a walked directory: report files are read, the others named and counted as skipped (never read). */
const walk = async (sys: System, dir: string, warnings: Warning[]): Promise<string[]> =>
  (await walkFiles(sys, dir, () => true, (name) => name === 'node_modules',
    (s) => warnings.push(warning(ReadCode.notFollowed, s.path, s.why))))
    .map((rel) => (dir === '.' ? rel : `${dir}/${rel}`));

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The name standard input is read under, by what its first characters say it is. */
export const stdinName = (bytes: Uint8Array): string => {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[')) return 'stdin.json';
  if (head.startsWith('<')) return 'stdin.html';
  if (!head.startsWith('{')) return 'stdin.txt';
  try { JSON.parse(new TextDecoder().decode(bytes)); return 'stdin.json'; } catch { return 'stdin.ndjson'; }
};

/**
 * Read every input: files named directly (any extension: the reader says what it cannot use)
 * and the report files under directories. The same file reached twice is read once.
 */
export type Gathered = {
  files: InputFile[]; warnings: Warning[]; unreadable: number; tooLarge: number; unsupported: number;
  streamed: { path: string; walked: boolean; bytes: number }[];
  /** with `deferText`, when every input is a text file: the files, in path order, still to be read (readTextFiles) */
  texts?: readonly Wanted[];
};

type Wanted = { readonly display: string; readonly walked: boolean };

export const gatherInputs = async (sys: System, paths: readonly string[], deferText = false): Promise<Gathered> => {
  const limits = readLimits(sys);
  const warnings: Warning[] = [];
  // absolute path → display path (the smallest, for order independence), and whether a walk found it
  const wanted = new Map<string, { display: string; walked: boolean }>();
  const want = (walked: boolean) => (display: string): void => {
    const abs = resolve(display);
    const had = wanted.get(abs);
    wanted.set(abs, { display: had === undefined || display < had.display ? display : had.display, walked: walked || (had?.walked ?? false) });
  };
  let failed = 0;
  let tooLarge = 0;
  const others: string[] = [];
  const fromStdin: InputFile[] = [];
  for (const raw of paths) {
    if (raw === '-') {
      if (fromStdin.length) continue;
      if (!sys.readStdin) { warnings.push(warning(ReadCode.unreadable, '-', 'standard input cannot be read here')); failed++; continue; }
      try {
        const bytes = await sys.readStdin();
        fromStdin.push({ path: stdinName(bytes), bytes });
      } catch (e) {
        warnings.push(warning(ReadCode.unreadable, '-', `standard input: ${message(e)}`));
        failed++;
      }
      continue;
    }
    const path = tidy(raw);
    const kind = await sys.kind(path);
    if (kind === 'missing') { warnings.push(warning(ReadCode.unreadable, path, 'no such file or directory')); failed++; continue; }
    if (kind === 'other') {
      warnings.push(warning(ReadCode.unreadable, path, 'not a regular file or directory (a pipe, a device, or a symbolic link that loops)'));
      failed++;
      continue;
    }
    if (kind === 'dir') {
      try {
        const all = await walk(sys, path, warnings);
        const found = all.filter((f) => fileKind(f) !== null);
        others.push(...all.filter((f) => fileKind(f) === null));
        if (!found.length) warnings.push(warning(ReadCode.unreadable, path, `no report files (${REPORT_EXTENSIONS}) in this directory`));
        found.forEach(want(true));
      } catch (e) {
        warnings.push(warning(ReadCode.unreadable, path, message(e)));
        failed++;
      }
      continue;
    }
    want(false)(path);
    const manifest = posix.join(posix.dirname(path), MANIFEST);
    if (fileKind(path) === 'text' && await sys.kind(manifest) === 'file') want(false)(manifest);
  }
  // Files of a folder that are no report files are named (once), unless named on their own too (then read, and said why not).
  const notReports = [...new Set(others)].filter((f) => !wanted.has(resolve(f))).sort();
  for (const f of notReports) warnings.push(unsupportedWarning(f, true));
  const unsupported = notReports.length;
  const files: InputFile[] = [...fromStdin];
  const streamed: { path: string; walked: boolean; bytes: number }[] = [];
  const sorted = [...wanted.values()].sort((a, b) => (a.display < b.display ? -1 : 1));
  const gathered: Gathered = { files, warnings, unreadable: failed, tooLarge, unsupported, streamed };
  // A folder of text files alone (no manifest, no stdin) can be read and extracted file by file.
  if (deferText && !fromStdin.length && sorted.length > 0 && sorted.every((w) => fileKind(w.display) === 'text' || posix.basename(w.display) === MANIFEST)) return { ...gathered, texts: sorted };
  await readFiles(sys, limits, sorted, gathered);
  return gathered;
};

/**
 * Read files into `into` (bytes, or streamed, or a warning and a count), several at a time
 * (one after another, 100k small files wait on the disk most of the time); results are taken
 * in path order, so nothing depends on which read ends first.
 */
const readFiles = async (sys: System, limits: ReturnType<typeof readLimits>, sorted: readonly Wanted[], into: Gathered): Promise<void> => {
  type Got = { bytes: Uint8Array } | { stream: number } | { tooLarge: number } | { error: unknown };
  const fetch = async ({ display }: Wanted): Promise<Got> => {
    try {
      // Large .ndjson files are streamed by readReports, not read whole here.
      if (fileKind(display) === 'ndjson' && sys.fileSize && sys.readChunks) {
        const size = await sys.fileSize(display);
        if (size > limits.streamFromBytes) return { stream: size };
      }
      return { bytes: await sys.readFile(display) };
    } catch (error) {
      // over 2 GiB: Node cannot read it whole (other large files are refused once read, by readInputs)
      if ((error as { code?: string }).code === 'ERR_FS_FILE_TOO_LARGE' && limits.maxFileBytes !== undefined) {
        return { tooLarge: await sys.fileSize?.(display).catch(() => 2 ** 31) ?? 2 ** 31 };
      }
      return { error };
    }
  };
  for (let i = 0; i < sorted.length; i += READ_AT_ONCE) {
    const batch = sorted.slice(i, i + READ_AT_ONCE);
    const got = await Promise.all(batch.map(fetch));
    batch.forEach(({ display, walked }, k) => {
      const g = got[k]!;
      if ('bytes' in g) into.files.push({ path: display, bytes: g.bytes, walked });
      else if ('stream' in g) into.streamed.push({ path: display, walked, bytes: g.stream });
      else if ('tooLarge' in g) {
        into.warnings.push(tooLargeWarning(display, g.tooLarge, limits.maxFileBytes!));
        if (!display.endsWith(`/${MANIFEST}`) && display !== MANIFEST) into.tooLarge++;
      }
      else { into.warnings.push(warning(ReadCode.unreadable, display, message(g.error))); into.unreadable++; }
    });
  }
};

/** Everything read from the inputs, with the accounting of what was skipped and why (the library's ReadResult). */
export type ReadReports = ReadResult;

/**
 * Extraction needs about 55 (Arabic) to 75 (Latin script) bytes of memory per byte of text
 * (measured on 50 MB and 20 MB single-line pages): a file may take an 80th of the heap.
 */
export const BYTES_PER_INPUT_BYTE = 80;

/** The reader's limits for this system: the System's own, else the defaults. */
export const readLimits = (sys: System): { readonly streamFromBytes: number; readonly maxFileBytes?: number } => {
  const max = sys.readLimits?.maxFileBytes ?? (sys.heapLimit ? Math.floor(sys.heapLimit() / BYTES_PER_INPUT_BYTE) : undefined);
  return { streamFromBytes: sys.readLimits?.streamFromBytes ?? STREAM_FROM_BYTES, ...(max !== undefined ? { maxFileBytes: max } : {}) };
};

/** How reports are taken in as they are read. */
export type ReadOptions = {
  /**
   * Applied to each report of a streamed .ndjson file as soon as it is read; what it returns
   * is held instead (`run` extracts the report there and keeps it without its text, so
   * memory does not grow with the text of a large file).
   */
  readonly keep?: (r: Report) => Report;
  /** where the reading of streamed files is: stage `read`, bytes done of all streamed bytes */
  readonly progress?: Progress;
  /**
   * When every input is a text file: applied to the reports of each few hundred files as
   * soon as they are read, in path order; what it returns is held instead (`run` extracts
   * them there and keeps them without their text), so the texts are never all in memory.
   */
  readonly keepBatch?: (reports: readonly Report[]) => Promise<readonly Report[]>;
};

/** Text files read (and given to keepBatch) at a time. */
const TEXT_CHUNK = 256;

/**
 * Text files read chunk by chunk, each chunk's reports given to `keep` while the next is
 * read: the same result as reading them whole. Their manifests are read first; null when
 * one is not a plain manifest (or cannot be read): then the files are read whole.
 */
const readTextFiles = async (sys: System, known: Parameters<typeof readInputs>[0], gathered: Gathered, keep: NonNullable<ReadOptions['keepBatch']>):
  Promise<{ gathered: Gathered; read: Omit<ReadResult, 'problems'> } | null> => {
  const limits = readLimits(sys);
  const options = { ...(limits.maxFileBytes !== undefined ? { maxFileBytes: limits.maxFileBytes } : {}) };
  const texts = gathered.texts ?? [];
  const isManifest = (w: Wanted): boolean => posix.basename(w.display) === MANIFEST;
  const manifests: Gathered = { files: [], warnings: [], unreadable: 0, tooLarge: 0, unsupported: 0, streamed: [] };
  await readFiles(sys, limits, texts.filter(isManifest), manifests);
  if (manifests.warnings.length) return null;
  const staged = readManifestsFirst(known, options)(manifests.files, texts.map((w) => ({ path: w.display })));
  if (!staged) return null;
  const failures: Gathered = { ...manifests, files: [] };
  const decodeWarnings: Warning[] = [];
  const readWarnings: Warning[] = [];
  const codes: string[] = [];
  const reports: Report[] = [];
  const pending: Promise<readonly Report[]>[] = [];
  const files = texts.filter((w) => !isManifest(w));
  for (let i = 0; i < files.length; i += TEXT_CHUNK) {
    failures.files = [];
    await readFiles(sys, limits, files.slice(i, i + TEXT_CHUNK), failures);
    const read = staged.chunk(failures.files);
    decodeWarnings.push(...read.decodeWarnings);
    readWarnings.push(...read.readWarnings);
    codes.push(...read.skipped);
    // Two chunks in the extractor while the next is read: the threads never wait for the disk.
    pending.push(keep(read.reports));
    if (pending.length > 2) reports.push(...await pending.shift()!);
  }
  for (const p of pending) reports.push(...await p);
  const { kept, warnings: duplicates } = dropDuplicateIds(reports);
  codes.push(...duplicates.map(() => ReadCode.duplicateReportId));
  return {
    gathered: { ...gathered, warnings: [...gathered.warnings, ...failures.warnings], unreadable: gathered.unreadable + failures.unreadable, tooLarge: gathered.tooLarge + failures.tooLarge },
    read: { reports: kept, warnings: [...decodeWarnings, ...staged.warnings, ...readWarnings, ...duplicates], skipped: codes.length, skippedBy: tally(codes) },
  };
};

/** Gather and read the inputs against a rule set (its actors, sources and limits). */
export const readReports = (sys: System, rules: Rules, options: ReadOptions = {}) => async (paths: readonly string[]): Promise<ReadReports> => {
  const known = {
    actors: new Set(rules.actors.map((a) => a.id)),
    sources: new Set(rules.sources.map((s) => s.id)),
    ...(rules.reconcile.limits ? { limits: rules.reconcile.limits } : {}),
    languages: languageGuessOf(rules),
    figures: figureMarks(rules),
  };
  const found = await gatherInputs(sys, paths, options.keepBatch !== undefined);
  const chunked = found.texts && options.keepBatch ? await readTextFiles(sys, known, found, options.keepBatch) : null;
  if (chunked) return accounted(chunked.gathered, [], { unreadable: 0, tooLarge: 0 }, chunked.read);
  if (found.texts) await readFiles(sys, readLimits(sys), found.texts, found);
  const gathered = found;
  // Streamed files that the stream gives up on (UTF-16, invalid UTF-8, blank) are read whole.
  const streamed: StreamedFile[] = [];
  const whole = [...gathered.files];
  const streamBytes = gathered.streamed.reduce((n, f) => n + f.bytes, 0);
  let before = 0;
  if (gathered.streamed.length) options.progress?.({ stage: 'read', done: 0, total: streamBytes });
  const limits = readLimits(sys);
  const lateWarnings: Warning[] = [];
  let late = { unreadable: 0, tooLarge: 0 };
  for (const f of gathered.streamed) {
    const { progress } = options;
    const stream = (lenient: boolean) => streamNdjson(sys, f.path, known, {
      ...(options.keep ? { keep: options.keep } : {}),
      ...(progress ? { progress: (done: number) => progress({ stage: 'read', done: before + done, total: streamBytes }) } : {}),
      ...(limits.maxFileBytes !== undefined ? { maxLine: limits.maxFileBytes } : {}),
      lenient,
    });
    // Given up on (UTF-16, invalid UTF-8, blank): read whole when it fits, else streamed
    // leniently (invalid bytes as U+FFFD); what still cannot be read is refused, never thrown.
    const fits = limits.maxFileBytes === undefined || f.bytes <= limits.maxFileBytes;
    const r = await stream(false) ?? (fits ? null : await stream(true));
    before += f.bytes;
    if (r) { streamed.push({ path: f.path, read: r }); continue; }
    if (!fits) { lateWarnings.push(tooLargeWarning(f.path, f.bytes, limits.maxFileBytes!)); late = { ...late, tooLarge: late.tooLarge + 1 }; continue; }
    try {
      whole.push({ path: f.path, bytes: await sys.readFile(f.path), walked: f.walked });
    } catch (e) {
      // over 2 GiB, whatever the limits say: Node cannot read it whole, so it is streamed leniently
      const lenient = (e as { code?: string }).code === 'ERR_FS_FILE_TOO_LARGE' ? await stream(true) : null;
      if (lenient) { streamed.push({ path: f.path, read: lenient }); continue; }
      lateWarnings.push({ reportId: null, code: ReadCode.unreadable, message: message(e), location: f.path });
      late = { ...late, unreadable: late.unreadable + 1 };
    }
  }
  const read = readInputs(known, limits.maxFileBytes !== undefined ? { maxFileBytes: limits.maxFileBytes } : {})(whole);
  return accounted(gathered, lateWarnings, late, read, whole.map((f) => f.path), streamed);
};

/** The reports read, with every warning and the accounting of what was skipped and why. */
const accounted = (gathered: Gathered, lateWarnings: readonly Warning[], late: { unreadable: number; tooLarge: number }, read: Omit<ReadResult, 'problems'>,
  wholePaths: readonly string[] = [], streamed: readonly StreamedFile[] = []): ReadReports => {
  const warnings = [...gathered.warnings, ...lateWarnings, ...read.warnings];
  const unreadable = gathered.unreadable + late.unreadable;
  const tooLarge = gathered.tooLarge + late.tooLarge;
  const skippedBy = tally([...Array<string>(unreadable).fill(ReadCode.unreadable), ...Array<string>(tooLarge).fill(ReadCode.tooLarge),
    ...Array<string>(gathered.unsupported).fill(ReadCode.notReport),
    ...Object.entries(read.skippedBy).flatMap(([code, n]) => Array<string>(n).fill(code))]);
  const skipped = unreadable + tooLarge + gathered.unsupported + read.skipped;
  // files of a folder that are no report files are counted, but are no problem with the input
  const lost = (n: number): boolean => n - gathered.unsupported > 0;
  if (!streamed.length) return { reports: read.reports, warnings, skipped, skippedBy, problems: lost(skipped) || warnings.some(isProblem) };
  const joined = joinStreamed({ reports: read.reports, warnings, skippedBy }, wholePaths, streamed);
  return { ...joined, problems: lost(joined.skipped) || joined.warnings.some(isProblem) };
};
