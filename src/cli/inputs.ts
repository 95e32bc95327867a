/**
 * Paths named on the command line to the files the reader needs: directories walked
 * recursively (report files only, hidden entries and node_modules skipped), and for a
 * text file named on its own, the reports.json manifest beside it.
 */
import { posix, resolve } from 'node:path';
import type { Warning } from '../model/contract.js';
import { MANIFEST, ReadCode, fileKind, type InputFile } from '../read/index.js';
import type { System } from './system.js';
import { walkFiles } from './walk.js';

/** A path as the user wrote it, in posix form without trailing slashes ("./a/b/" → "a/b"). */
const tidy = (path: string): string => posix.normalize(path.replaceAll('\\', '/')).replace(/(.)\/+$/, '$1');

const walk = async (sys: System, dir: string): Promise<string[]> =>
  (await walkFiles(sys, dir, (name) => fileKind(name) !== null, (name) => name === 'node_modules'))
    .map((rel) => (dir === '.' ? rel : `${dir}/${rel}`));

const unreadable = (path: string, why: string): Warning =>
  ({ reportId: null, code: ReadCode.unreadable, message: why, location: path });

/**
 * Read every input: files named directly (any extension: the reader says what it cannot use)
 * and the report files under directories. The same file reached twice is read once.
 */
export const gatherInputs = async (sys: System, paths: readonly string[]):
  Promise<{ files: InputFile[]; warnings: Warning[]; unreadable: number }> => {
  const warnings: Warning[] = [];
  const wanted = new Map<string, string>(); // absolute path → display path (the smallest, for order independence)
  const want = (display: string): void => {
    const abs = resolve(display);
    const had = wanted.get(abs);
    if (had === undefined || display < had) wanted.set(abs, display);
  };
  let failed = 0;
  for (const raw of paths) {
    const path = tidy(raw);
    const kind = await sys.kind(path);
    if (kind === 'missing') { warnings.push(unreadable(path, 'no such file or directory')); failed++; continue; }
    if (kind === 'other') { warnings.push(unreadable(path, 'not a regular file or directory')); failed++; continue; }
    if (kind === 'dir') {
      try {
        const found = await walk(sys, path);
        if (!found.length) warnings.push(unreadable(path, 'no report files (.txt, .md, .json, .ndjson) in this directory'));
        found.forEach(want);
      } catch (e) {
        warnings.push(unreadable(path, e instanceof Error ? e.message : String(e)));
        failed++;
      }
      continue;
    }
    want(path);
    const manifest = posix.join(posix.dirname(path), MANIFEST);
    if (fileKind(path) === 'text' && await sys.kind(manifest) === 'file') want(manifest);
  }
  const files: InputFile[] = [];
  for (const display of [...wanted.values()].sort()) {
    try {
      files.push({ path: display, bytes: await sys.readFile(display) });
    } catch (e) {
      warnings.push(unreadable(display, e instanceof Error ? e.message : String(e)));
      failed++;
    }
  }
  return { files, warnings, unreadable: failed };
};
