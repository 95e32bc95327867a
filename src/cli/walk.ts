/**
 * Recursive directory listing through the System: the files under a directory whose names
 * pass `keep`, as paths relative to it, sorted. Hidden entries are never entered; entries
 * that are neither files nor directories, and subdirectories that cannot be listed, go to `onSkip`.
 */
import type { System } from './system.js';

/** An entry the walk did not read, with why (for a warning). */
export type Skipped = { readonly path: string; readonly why: string };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const walkFiles = async (sys: System, dir: string, keep: (name: string) => boolean,
  skipDir: (name: string) => boolean = () => false, onSkip: (s: Skipped) => void = () => {}): Promise<string[]> => {
  const found: string[] = [];
  const full = (rel: string): string => (dir === '.' ? rel : `${dir}/${rel}`);
  const visit = async (prefix: string): Promise<void> => {
    const here = prefix ? full(prefix) : dir;
    let entries;
    try {
      entries = await sys.list(here);
    } catch (e) {
      if (!prefix) throw e;
      onSkip({ path: here, why: `this directory cannot be listed: ${message(e)}` });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.kind === 'dir') { if (!skipDir(e.name)) await visit(rel); }
      else if (e.kind === 'file') { if (keep(e.name)) found.push(rel); }
      else if (e.note?.dir || keep(e.name)) onSkip({ path: full(rel), why: e.note?.why ?? 'not a regular file or directory' });
    }
  };
  await visit('');
  return found.sort();
};
