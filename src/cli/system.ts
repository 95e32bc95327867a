/**
 * The real world, in one place: file system, stdout/stderr and the package's own files.
 * Everything else in src/cli receives these capabilities as a `System` value, so the
 * program can be run in tests against a fake one.
 */
import { lstat, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type EntryKind = 'file' | 'dir' | 'other';
export type PathKind = EntryKind | 'missing';

export type System = {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** entries of a directory; symbolic links to directories are 'other' (not followed, so no loops) */
  readonly list: (dir: string) => Promise<readonly { readonly name: string; readonly kind: EntryKind }[]>;
  readonly kind: (path: string) => Promise<PathKind>;
  /** write via a temporary file in the same directory, then rename: readers never see half a file */
  readonly writeAtomic: (path: string, text: string) => Promise<void>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** the rules/ directory shipped with the package */
  readonly defaultRulesDir: string;
  readonly version: () => Promise<string>;
};

const kindOf = (s: { isFile(): boolean; isDirectory(): boolean }): EntryKind => (s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other');

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const nodeSystem: System = {
  readFile: (path) => readFile(path),
  list: async (dir) => Promise.all((await readdir(dir, { withFileTypes: true })).map(async (d) => {
    if (!d.isSymbolicLink()) return { name: d.name, kind: kindOf(d) };
    const target = await stat(join(dir, d.name)).catch(() => null);
    return { name: d.name, kind: target?.isFile() ? 'file' as const : 'other' as const };
  })),
  kind: async (path) => {
    try {
      return kindOf(await stat(path));
    } catch {
      return (await lstat(path).catch(() => null)) ? 'other' : 'missing';
    }
  },
  writeAtomic: async (path, text) => {
    const tmpDir = await mkdtemp(join(dirname(path), `.${basename(path)}.`)).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT' ? new Error(`no such directory: ${dirname(path)}`) : e;
    });
    const tmp = join(tmpDir, 'out.tmp');
    try {
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, path);
    } finally {
      await rm(tmpDir, { recursive: true, force: true });
    }
  },
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
  defaultRulesDir: join(packageRoot, 'rules'),
  version: async () => (JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version,
};
