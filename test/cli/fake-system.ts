/** An in-memory System for CLI tests: files by posix path, directories implied by them. */
import type { EntryKind, PathKind, System } from '../../src/cli/system.js';

export type FakeSystem = System & { readonly out: string[]; readonly err: string[]; readonly written: Map<string, string> };

export const fakeSystem = (files: Record<string, string>, defaultRulesDir = 'rules'): FakeSystem => {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const norm = (p: string): string => p.replace(/^\.\//, '').replace(/\/$/, '');
  const isDir = (p: string): boolean => p === '.' || Object.keys(files).some((f) => f.startsWith(`${norm(p)}/`));
  const kind = async (p: string): Promise<PathKind> => (norm(p) in files ? 'file' : isDir(p) ? 'dir' : 'missing');
  return {
    out, err, written,
    readFile: async (p) => {
      const text = files[norm(p)];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${p}'`);
      return new TextEncoder().encode(text);
    },
    list: async (dir) => {
      const prefix = dir === '.' ? '' : `${norm(dir)}/`;
      const names = new Map<string, EntryKind>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const [name, ...rest] = f.slice(prefix.length).split('/');
        names.set(name!, rest.length ? 'dir' : 'file');
      }
      return [...names].map(([name, k]) => ({ name, kind: k }));
    },
    kind,
    writeAtomic: async (p, text) => { written.set(p, typeof text === 'string' ? text : [...text].join('')); },
    stdout: (t) => { out.push(t); },
    stderr: (t) => { err.push(t); },
    defaultRulesDir,
    version: async () => '9.9.9',
  };
};
