/**
 * The real world, in one place: file system, stdout/stderr and the package's own files.
 * Everything else in src/cli receives these capabilities as a `System` value, so the
 * program can be run in tests against a fake one.
 */
import { closeSync, createReadStream, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { lstat, readdir, readFile, realpath, rename, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

export type EntryKind = 'file' | 'dir' | 'other';

/** How much the reader takes on at once. */
export type ReadLimits = {
  /** .ndjson files larger than this are streamed (default 16 MB) */
  readonly streamFromBytes?: number;
  /** files larger than this are not read whole, and a longer .ndjson line is refused (default: an 80th of the heap) */
  readonly maxFileBytes?: number;
};
export type PathKind = EntryKind | 'missing';

/** Why an entry of kind 'other' is not read; `dir` when it is a symbolic link to a directory. */
export type EntryNote = { readonly why: string; readonly dir?: boolean };

export type System = {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** entries of a directory; symbolic links to directories are 'other' (not followed, so no loops) */
  readonly list: (dir: string) => Promise<readonly { readonly name: string; readonly kind: EntryKind; readonly note?: EntryNote }[]>;
  readonly kind: (path: string) => Promise<PathKind>;
  /** write via a temporary file in the same directory, then rename: readers never see half a file; text may come in pieces, so a large output is never one string */
  readonly writeAtomic: (path: string, text: string | Iterable<string>) => Promise<void>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stderr is a terminal (progress is shown only then); absent means no */
  readonly stderrIsTerminal?: boolean;
  /** a monotonic clock in milliseconds, for progress rates; absent means no progress */
  readonly now?: () => number;
  /** a file's size in bytes, and its bytes in chunks: large .ndjson files are streamed (absent: read whole) */
  readonly fileSize?: (path: string) => Promise<number>;
  readonly readChunks?: (path: string) => AsyncIterable<Uint8Array>;
  /** all of standard input, for the input `-` (absent: `-` cannot be read) */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** the rules/ directory shipped with the package */
  readonly defaultRulesDir: string;
  /** bytes the JavaScript heap may grow to (absent: no limit is applied to input files) */
  readonly heapLimit?: () => number;
  readonly version: () => Promise<string>;
  /** sizes the reader works to (absent: the defaults of src/cli/inputs.ts); tests lower them to reach the large-file paths */
  readonly readLimits?: ReadLimits;
  /** the path with every symbolic link resolved, or null when it does not exist (absent: paths compared as written) */
  readonly realPath?: (path: string) => Promise<string | null>;
  /** what identifies an existing file whatever its name (device and inode: hard links), or null */
  readonly fileId?: (path: string) => Promise<string | null>;
};

const kindOf = (s: { isFile(): boolean; isDirectory(): boolean }): EntryKind => (s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other');

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

const PLAIN: Readonly<Record<string, string>> = {
  EACCES: 'permission denied', EPERM: 'permission denied', ENOENT: 'no such file or directory',
  ELOOP: 'a symbolic link that loops', EISDIR: 'a directory, not a file', ENOTDIR: 'a path through something that is not a directory',
  ENAMETOOLONG: 'the name is too long', EMFILE: 'too many open files', EIO: 'input/output error',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large to read (over 2 GiB)',
  ENOSPC: 'no space left on device', EDQUOT: 'the disk quota is exceeded', EROFS: 'a read-only file system', EFBIG: 'the file is too large for this file system',
};

/** A file-system error in plain words ("permission denied"), without Node's code and path. */
export const plainError = (e: unknown): Error => {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const plain = new Error(code && Object.hasOwn(PLAIN, code) ? PLAIN[code] : e instanceof Error ? e.message : String(e));
  return code ? Object.assign(plain, { code }) : plain;
};

const plainly = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
  try {
    return await f(...a);
  } catch (e) {
    throw plainError(e);
  }
};

/** What a symbolic link in a listing is: a file is followed, a directory or a broken link is not. */
const linkEntry = async (path: string): Promise<{ kind: EntryKind; note?: EntryNote }> => {
  try {
    const target = await stat(path);
    if (target.isFile()) return { kind: 'file' };
    if (target.isDirectory()) return { kind: 'other', note: { why: 'a symbolic link to a directory: not followed', dir: true } };
    return { kind: 'other', note: { why: 'a symbolic link to something that is not a regular file' } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { kind: 'other', note: { why: code === 'ELOOP' ? 'a symbolic link that loops' : code === 'ENOENT' ? 'a broken symbolic link' : plainError(e).message } };
  }
};

/**
 * Every byte of `buf` to `fd`: a write may take only part of what it is given (a nearly
 * full disk, a signal), so it is repeated until all is written; one that takes nothing is
 * a full disk. Any failure throws, so the temporary file is never renamed over the old one.
 */
const writeAll = (fd: number, buf: Buffer): void => {
  for (let done = 0; done < buf.length;) {
    const n = writeSync(fd, buf, done, buf.length - done);
    if (!(n > 0)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    done += n;
  }
};

/** The rename itself made durable (the folder's entry flushed); file systems that cannot sync a folder are left be. */
const syncFolder = (dir: string): void => {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on some platforms: the file itself is already flushed
  } finally {
    if (fd !== null) closeSync(fd);
  }
};

/**
 * Temporary files being written now, removed if a signal ends the process.
 *
 * The handlers are installed with the first write and stay: removing a signal's last
 * listener closes Node's watcher for it, and a signal that arrived but was not yet
 * dispatched is then lost. A loop of atomic writes, which added and removed them on every
 * write, could swallow a SIGTERM that way and run on forever.
 */
const pendingTemps = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let handlersInstalled = false;
const onSignal = (signal: NodeJS.Signals): void => {
  pendingTemps.forEach((tmp) => { rmSync(tmp, { force: true }); });
  SIGNALS.forEach((s) => process.removeListener(s, onSignal));
  handlersInstalled = false;
  process.kill(process.pid, signal); // no listener is left: the default action ends the process
};
const installSignalHandlers = (): void => {
  if (handlersInstalled) return;
  SIGNALS.forEach((s) => process.on(s, onSignal));
  handlersInstalled = true;
};

/**
 * Write `text` to a temporary file beside `path`, flush it to disk, and rename it over
 * `path`: after a crash or Ctrl-C the file holds the old content or the whole new one.
 * The temporary file's name is chosen, and the signal handlers that remove it installed,
 * before it exists, so a signal at any moment leaves nothing behind.
 */
const writeAtomic = async (path: string, text: string | Iterable<string>): Promise<void> => {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  installSignalHandlers();
  pendingTemps.add(tmp);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      for (const piece of typeof text === 'string' ? [text] : text) writeAll(fd, Buffer.from(piece, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await rename(tmp, path);
    syncFolder(dirname(path));
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Error(`no such directory: ${dirname(path)}`) : plainError(e);
  } finally {
    pendingTemps.delete(tmp);
    rmSync(tmp, { force: true });
  }
};

/**
 * A stream that fails (`reconcile run … | head` closes the pipe; a full disk) ends the
 * output with at most one line on stderr, never an uncaught error with a stack trace.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
const guard = (stream: NodeJS.WriteStream): NodeJS.WriteStream => {
  if (guarded.has(stream)) return stream;
  guarded.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || stream === process.stderr) return;
    process.exitCode = 2;
    process.stderr.write(`reconcile: cannot write the output: ${plainError(e).message}\n`);
  });
  return stream;
};

export const nodeSystem: System = {
  // Synchronous: 100k small files read through the thread pool (open, stat, read, close,
  // each a round trip) took 7 s, read directly 2.5 s. Only regular files get here.
  readFile: plainly(async (path: string) => readFileSync(path)),
  list: plainly(async (dir: string) => Promise.all((await readdir(dir, { withFileTypes: true })).map(async (d) => {
    if (d.isSymbolicLink()) return { name: d.name, ...await linkEntry(join(dir, d.name)) };
    const kind = kindOf(d);
    return kind === 'other' ? { name: d.name, kind, note: { why: 'not a regular file (a pipe, socket or device)' } } : { name: d.name, kind };
  }))),
  kind: async (path) => {
    try {
      return kindOf(await stat(path));
    } catch {
      return (await lstat(path).catch(() => null)) ? 'other' : 'missing';
    }
  },
  writeAtomic,
  stdout: (text) => { guard(process.stdout).write(text); },
  stderr: (text) => { guard(process.stderr).write(text); },
  stderrIsTerminal: process.stderr.isTTY === true,
  now: () => performance.now(),
  fileSize: async (path) => (await stat(path)).size,
  readChunks: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  defaultRulesDir: join(packageRoot, 'rules'),
  heapLimit: () => getHeapStatistics().heap_size_limit,
  realPath: async (path) => realpath(path).catch(() => null),
  fileId: async (path) => stat(path).then((s) => `${s.dev}:${s.ino}`, () => null),
  version: async () => (JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version,
};
