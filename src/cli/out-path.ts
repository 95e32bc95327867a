/**
 * Where `--out` may write, checked before anything is read: never onto an input, a file a
 * folder input would have read, a rule set, or the incident store (B1: `export --out` onto
 * the store replaced the database with JSON), and only into a folder that exists. Paths are
 * compared as the file system resolves them (symbolic links, `./`, hard links).
 */
import { basename, dirname, resolve, sep } from 'node:path';
import { fileKind, MANIFEST } from '../read/index.js';
import type { System } from './system.js';

/** What an output must not be. */
export type Protected = {
  /** inputs as named on the command line (files and folders) */
  readonly inputs?: readonly string[];
  /** rule set folders */
  readonly rules?: readonly string[];
  /** the incident store file */
  readonly store?: string;
};

/** The path as the file system resolves it; for a file not yet there, its resolved folder and its name. */
const realOf = async (sys: System, path: string): Promise<string> => {
  const whole = await sys.realPath?.(path);
  if (whole) return whole;
  const dir = await sys.realPath?.(dirname(path));
  return dir ? `${dir}${sep}${basename(path)}` : resolve(path);
};

const inside = (path: string, dir: string): boolean => path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);

/** A file a walk of `dir` would read: a report file with no hidden or node_modules folder on the way. */
const walkedFrom = (path: string, dir: string): boolean => {
  if (!inside(path, dir)) return false;
  const parts = path.slice(dir.length).split(sep).filter(Boolean);
  return fileKind(path) !== null && parts.every((p) => !p.startsWith('.') && p !== 'node_modules');
};

/**
 * Why `out` cannot be written (`cannot write OUT: …`), or null when it may be. Checked
 * before the run reads anything, so a mistyped folder costs nothing.
 */
export const outProblem = async (sys: System, out: string, keep: Protected): Promise<string | null> => {
  const no = (why: string): string => `cannot write ${out}: ${why}`;
  const kind = await sys.kind(out);
  if (kind === 'dir') return no('a directory, not a file');
  if (kind === 'other') return no('not a regular file (a pipe, a device, or a symbolic link that loops)');
  const folder = dirname(out);
  if (await sys.kind(folder) !== 'dir') return no(`no such directory: ${folder}`);
  const real = await realOf(sys, out);
  const id = kind === 'file' ? await sys.fileId?.(out) ?? null : null;
  const same = async (other: string): Promise<boolean> =>
    real === await realOf(sys, other) || (id !== null && await sys.kind(other) === 'file' && id === await sys.fileId?.(other));
  if (keep.store !== undefined) {
    for (const f of [keep.store, `${keep.store}.wal`]) {
      if (await same(f)) return no(`it is the store ${keep.store}; writing there would replace the database and its history`);
    }
  }
  for (const input of keep.inputs ?? []) {
    const k = await sys.kind(input);
    if (k === 'dir') {
      if (walkedFrom(real, await realOf(sys, input))) return no(`it is an input: the folder ${input} holds it, so the output would be read as a report`);
    } else if (k === 'file') {
      if (await same(input)) return no(`it is an input (${input}); write the output elsewhere`);
      if (fileKind(input) === 'text' && await same(`${dirname(input)}/${MANIFEST}`)) return no(`it is an input: the manifest of ${input}`);
    }
  }
  for (const dir of keep.rules ?? []) {
    if (inside(real, await realOf(sys, dir))) return no(`it is inside the rule set ${dir}`);
  }
  return null;
};
