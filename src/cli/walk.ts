/**
 * Recursive directory listing through the System: the files under a directory whose names
 * pass `keep`, as paths relative to it, sorted. Hidden entries are never entered.
 */
import type { System } from './system.js';

export const walkFiles = async (sys: System, dir: string, keep: (name: string) => boolean,
  skipDir: (name: string) => boolean = () => false, prefix = ''): Promise<string[]> => {
  const found: string[] = [];
  for (const e of await sys.list(prefix ? `${dir}/${prefix}` : dir)) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.kind === 'dir' && !skipDir(e.name)) found.push(...await walkFiles(sys, dir, keep, skipDir, rel));
    else if (e.kind === 'file' && keep(e.name)) found.push(rel);
  }
  return found.sort();
};
